#!/usr/bin/env bash
# Installs the Debian packages R2P Workbench needs, if any are missing. Sourced by run.sh and
# test.sh; safe to run on a machine that has everything (it then does nothing).
set -euo pipefail

R2P_PACKAGES=(
  build-essential cmake ninja-build clang-format
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6svg6 qt6-svg-dev libgl-dev libqt6opengl6-dev
  nlohmann-json3-dev libsimdjson-dev libcurl4-openssl-dev libsqlite3-dev libzstd-dev
  libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth python3
  fonts-noto-color-emoji
)

r2p_missing_packages() {
  local missing=()
  for p in "${R2P_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

r2p_install_deps() {
  local missing
  missing=$(r2p_missing_packages)
  if [ -z "$missing" ]; then
    return 0
  fi
  echo "r2p: installing missing packages: $missing" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "r2p: need root (or sudo) to install: $missing" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  r2p_install_deps
fi
