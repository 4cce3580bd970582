#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, the `fuzz` preset) and fuzzes each for SECONDS (default
# 60), one after the other, at low priority. Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Each target starts from its seed corpus in tests/fuzz/corpus/<target>/ (read only); what the
# fuzzer adds goes to build/fuzz/corpus/<target>/, outside git. A crash, leak or hang is written
# to build/fuzz/artifacts/<target>/: minimise it (fuzz_<target> -minimize_crash=1 FILE), fix it
# and add it to tests/fuzz/corpus/<target>/ so the fuzz.replay.<target> test keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(questions outputs sse_stream openai_body think_splitter hrt_template taxonomy user_filter
    step_output tag_parser outcome_chunk)
fi
source scripts/deps.sh
R2P_PACKAGES=(clang-14 libclang-rt-14-dev) # libFuzzer and the sanitizer runtimes
r2p_install_deps
[ -f /root/ccache-env.sh ] && source /root/ccache-env.sh

cmake --preset fuzz >/dev/null
nice -n 10 cmake --build --preset fuzz --target "${targets[@]/#/fuzz_}"

out=build/fuzz
status=0
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
  dict=()
  case "$t" in
    questions | outputs | hrt_template | taxonomy | openai_body | step_output)
      cat tests/fuzz/dict/json.dict "tests/fuzz/dict/$t.dict" > "$out/$t.dict"
      dict=(-dict="$out/$t.dict") ;;
    *) [ -f "tests/fuzz/dict/$t.dict" ] && dict=(-dict="tests/fuzz/dict/$t.dict") ;;
  esac
  echo "== $t: ${seconds}s"
  # -timeout=60: an input counts as a hang only after a minute; on a loaded shared machine a
  # 10 s limit reported a 92-byte input that runs in milliseconds.
  log="$out/$t.log"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      nice -n 10 "$out/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=60 \
      -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" \
      -artifact_prefix="$out/artifacts/$t/" "$out/corpus/$t" "tests/fuzz/corpus/$t" \
      > "$log" 2>&1; then
    echo "   FOUND a problem: see $log and $out/artifacts/$t/"
    status=1
  fi
  grep -E "^Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb" "$log" | sed 's/^/   /' || true
done
exit $status
