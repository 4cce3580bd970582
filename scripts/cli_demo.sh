#!/usr/bin/env bash
# The CLI demo, for machines without a display: what each bundled demo dataset holds, the
# history BM25 retrieves for its first user, and R2P against the baselines on one task.
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
echo "== R2P and the baselines on LaMP-2 (offline backend: no LLM, a deterministic reasoner)"
"$r2p" run --project "$tmp/demo.r2p" --questions "$demo/LaMP-2/dev_questions.json" \
  --outputs "$demo/LaMP-2/dev_outputs.json" --systems r2p,lamp-rag,lrm-rag,no-profile \
  --backend offline --quiet > "$tmp/summary.json" 2>/dev/null
python3 - "$tmp/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("   r2p run: run %d, %d users, backend %s" % (s["run"], s["users"]["total"], s["backend"]))
for name, system in s["systems"].items():
    m = system["metrics"]["accuracy"]
    print("   %-10s accuracy %.2f [%.2f, %.2f], format adherence %.0f%%, %.1f interventions/user"
          % (name, m["value"], m["ci95"][0], m["ci95"][1], 100 * system["format_adherence"],
             system["interventions_per_user"]))
for d in s["deltas"]:
    if d["metric"] == "accuracy":
        print("   r2p vs %-10s delta %+.2f [%+.2f, %+.2f], win/tie/loss %d/%d/%d"
              % (d["baseline"], d["delta"], d["ci95"][0], d["ci95"][1], d["wins"], d["ties"],
                 d["losses"]))
PY
echo
echo "Open the same data in the workbench with ./run.sh on a machine with a display."
