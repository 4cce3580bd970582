#!/usr/bin/env bash
# Installs what is missing, builds everything (Release) and runs every test with CTest; UI tests
# run offscreen. Extra arguments go to ctest (e.g. ./test.sh -R scanner).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/deps.sh
r2p_install_deps

cmake --preset release >/dev/null
cmake --build --preset release
export QT_QPA_PLATFORM=offscreen
ctest --preset release -j "$(nproc)" "$@"
