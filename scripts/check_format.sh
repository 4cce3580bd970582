#!/usr/bin/env bash
# Fails (listing the places) if any of the project's own C++ sources differ from what
# clang-format makes of them with the project's .clang-format. Fix with: clang-format -i FILE.
# Usage: scripts/check_format.sh [CLANG_FORMAT]   (the CTest test format.clang_format runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format="${1:-clang-format}"
find app model pipeline ui tests \( -name '*.cpp' -o -name '*.h' \) -type f -print0 | sort -z |
  xargs -0 -n 40 -P "$(nproc)" "$clang_format" --dry-run --Werror
echo "clang-format: every source formatted"
