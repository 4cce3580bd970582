#!/usr/bin/env bash
# Builds the sanitizer presets and runs the whole test suite under them, at low priority:
#   asan: Debug, AddressSanitizer + UndefinedBehaviorSanitizer (leaks included)
#   tsan: RelWithDebInfo, ThreadSanitizer
# Usage: scripts/sanitize.sh [asan|tsan|all] [extra ctest arguments, e.g. -R batch]
# Suppressions (third-party code only, each with its reason) are in tests/sanitizers/*.supp;
# the test presets in CMakePresets.json point the sanitizers at them.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
shift || true
case "$which" in
  asan) presets=(asan) ;;
  tsan) presets=(tsan) ;;
  all) presets=(asan tsan) ;;
  *) echo "usage: $0 [asan|tsan|all] [ctest arguments]" >&2; exit 2 ;;
esac
source scripts/deps.sh
r2p_install_deps
[ -f /root/ccache-env.sh ] && source /root/ccache-env.sh

status=0
for p in "${presets[@]}"; do
  echo "== $p: build"
  cmake --preset "$p" >/dev/null
  nice -n 10 cmake --build --preset "$p"
  echo "== $p: tests"
  start=$(date +%s)
  if ! nice -n 10 ctest --preset "$p" -j "$(nproc)" "$@"; then
    status=1
  fi
  echo "== $p: $(( $(date +%s) - start )) s"
done
exit $status
