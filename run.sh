#!/usr/bin/env bash
# Installs what is missing, builds R2P Workbench (Release) and starts it on the bundled demo
# dataset with the offline backend. Without a display it runs the CLI demo instead.
# Extra arguments go to r2p-workbench (e.g. ./run.sh --lang de).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/deps.sh
r2p_install_deps

cmake --preset release >/dev/null
cmake --build --preset release --target r2p r2p-workbench

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/release/app/r2p-workbench --demo LaMP-2 "$@"
fi
echo "r2p: no display found (DISPLAY and WAYLAND_DISPLAY are unset); running the CLI demo instead." >&2
exec scripts/cli_demo.sh build/release/app/r2p
