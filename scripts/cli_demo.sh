#!/usr/bin/env bash
# The CLI demo, for machines without a display: what each bundled demo dataset holds, and the
# history BM25 retrieves for its first user.
set -euo pipefail
cd "$(dirname "$0")/.."
r2p="${1:-build/release/app/r2p}"
demo=resources/demo
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for task in LaMP-1 LaMP-2 LaMP-3 LaMP-4 LaMP-5 LaMP-7; do
  q="$demo/$task/dev_questions.json"
  o="$demo/$task/dev_outputs.json"
  echo "== $task"
  "$r2p" info "$q" --outputs "$o" > "$tmp/info.json" 2>/dev/null
  "$r2p" retrieve --task "$task" --questions "$q" --k 3 --scores --out "$tmp/ranking.json" 2>/dev/null
  python3 - "$tmp/info.json" "$tmp/ranking.json" <<'PY'
import json, sys
info = json.load(open(sys.argv[1]))
ranking = json.load(open(sys.argv[2]))
p = info["profile_size"]
print("   r2p info: task %s (%s), %s, %d users, %d golds, profile sizes %d/%g/%d (min/median/max), %d findings"
      % (info["task"], info["task_source"], info["split"]["shape"], info["users"], info["golds"],
         p["min"], p["median"], p["max"], len(info["findings"])))
first = next(iter(ranking))
top = ", ".join("%s (%.2f)" % (pid, score) for pid, score in ranking[first])
print("   r2p retrieve (BM25, k=3) for user %s: %s" % (first, top))
PY
done
echo
echo "Open the same data in the workbench with ./run.sh on a machine with a display."
