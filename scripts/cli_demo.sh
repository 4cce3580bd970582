#!/usr/bin/env bash
# The CLI demo, for machines without a display: what each bundled demo dataset holds.
set -euo pipefail
cd "$(dirname "$0")/.."
r2p="${1:-build/release/app/r2p}"
demo=resources/demo
for task in LaMP-1 LaMP-2 LaMP-3 LaMP-4 LaMP-5 LaMP-7; do
  q="$demo/$task/dev_questions.json"
  o="$demo/$task/dev_outputs.json"
  echo "== $task: r2p info $q --outputs $o"
  "$r2p" info "$q" --outputs "$o" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = d["profile_size"]
print(f"   task {d[\"task\"]} ({d[\"task_source\"]}), {d[\"split\"][\"shape\"]}, {d[\"users\"]} users, "
      f"{d[\"golds\"]} golds, profile sizes {p[\"min\"]}/{p[\"median\"]}/{p[\"max\"]} (min/median/max), "
      f"{len(d[\"findings\"])} findings")'
done
echo
echo "Open the same data in the workbench with ./run.sh on a machine with a display."
