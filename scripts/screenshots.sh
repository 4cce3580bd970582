#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the bundled demo dataset, offscreen.
# Needs a Release build (./run.sh or ./test.sh) and, for the Chinese one, a CJK font
# (fonts-wqy-microhei is small); emoji in the LaMP-7 demo need fonts-noto-color-emoji.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/app/r2p-workbench
out=docs/screenshots
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" QT_QPA_PLATFORM=offscreen

shot() {
  local name=$1
  shift
  "$bin" --project "$tmp/shots.r2p" --size 1600x1000 --screenshot "$out/$name.png" "$@" 2>/dev/null
  echo "wrote $out/$name.png"
}

# The main shot shows a stored batch run (R2P against the baselines) in the Users view.
build/release/app/r2p run --project "$tmp/shots.r2p" --questions "$PWD/resources/demo/LaMP-2/dev_questions.json" \
  --outputs "$PWD/resources/demo/LaMP-2/dev_outputs.json" --systems r2p,lamp-rag,lrm-rag,no-profile \
  --quiet > /dev/null 2>&1
shot main-lamp2 --open "$PWD/resources/demo/LaMP-2/dev_questions.json" \
  --user "${R2P_SHOT_USER_LAMP2:-2102}" --run-to-end
# Annotations on that run (run 1) by two annotators, as a script would add them.
annotate() { build/release/app/r2p annotate --project "$tmp/shots.r2p" --run 1 "$@" > /dev/null; }
annotate --user 2102 --stage profile_synthesis --label retrieval-unused --severity major \
  --annotator ada --note "leans on P1-P3 only"
annotate --user 2102 --stage profile_synthesis --label retrieval-unused --annotator grace
annotate --user 2102 --verdict 1 --label inconsistent-candidates --severity minor --annotator ada
for u in 2103 2105 2108; do annotate --user $u --label format-misalignment --annotator ada; done
for u in 2103 2105 2110; do annotate --user $u --label format-misalignment --annotator grace; done
annotate --user 2104 --stage answer_plan --label hallucinated-preference --annotator grace
shot annotate-lamp2 --open "$PWD/resources/demo/LaMP-2/dev_questions.json" --user 2102 \
  --stage profile_synthesis
shot analysis-agreement-lamp2 --open "$PWD/resources/demo/LaMP-2/dev_questions.json" \
  --user 2102 --analysis agreement
# Metrics of a stored LaMP-3 run: the run's table, and the per-user delta histogram.
build/release/app/r2p run --project "$tmp/shots.r2p" --questions "$PWD/resources/demo/LaMP-3/dev_questions.json" \
  --outputs "$PWD/resources/demo/LaMP-3/dev_outputs.json" --systems r2p,lamp-rag,lrm-rag,no-profile \
  --quiet > /dev/null 2>&1
shot metrics-lamp3 --open "$PWD/resources/demo/LaMP-3/dev_questions.json" --user 3108 --metrics run
shot charts-lamp3 --open "$PWD/resources/demo/LaMP-3/dev_questions.json" --metrics deltas
shot analysis-slices-lamp3 --open "$PWD/resources/demo/LaMP-3/dev_questions.json" --user 3108 \
  --analysis slices
shot analysis-sweep-lamp3 --open "$PWD/resources/demo/LaMP-3/dev_questions.json" --user 3108 \
  --analysis sweep
# Compare on a generation task: R2P and LaMP's RAG prompt, words matching the gold marked.
build/release/app/r2p run --project "$tmp/shots.r2p" --questions "$PWD/resources/demo/LaMP-4/dev_questions.json" \
  --outputs "$PWD/resources/demo/LaMP-4/dev_outputs.json" --systems r2p,lamp-rag,lrm-rag,no-profile \
  --quiet > /dev/null 2>&1
shot compare-lamp4 --open "$PWD/resources/demo/LaMP-4/dev_questions.json" --user 4102 --compare
shot analysis-attribution-lamp4 --open "$PWD/resources/demo/LaMP-4/dev_questions.json" \
  --user 4102 --analysis attribution
# Tagged reasoning: a LaMP-3 run with the tagpr system (a project of its own), the Reasoning
# dock's Tags tab on user 3102's chain (an unclosed answer tag) and Analysis › Tags.
build/release/app/r2p run --project "$tmp/tags.r2p" --questions "$PWD/resources/demo/LaMP-3/dev_questions.json" \
  --outputs "$PWD/resources/demo/LaMP-3/dev_outputs.json" --systems r2p,lamp-rag,lrm-rag,tagpr \
  --quiet > /dev/null 2>&1
shot reasoning-tags-lamp3 --project "$tmp/tags.r2p" --size 1900x1150 \
  --open "$PWD/resources/demo/LaMP-3/dev_questions.json" --run 1 --user 3102 --tags tagpr
shot analysis-tags-lamp3 --project "$tmp/tags.r2p" --size 1900x1150 \
  --open "$PWD/resources/demo/LaMP-3/dev_questions.json" --run 1 --analysis tags
# The first page of a run report as PDF, when poppler-utils' pdftoppm is there to render it.
if command -v pdftoppm > /dev/null; then
  "$bin" --project "$tmp/shots.r2p" --run 1 --report "$tmp/report.pdf" 2>/dev/null
  pdftoppm -png -r 70 -f 1 -l 2 "$tmp/report.pdf" "$tmp/report"
  for page in 1 2; do cp "$tmp/report-$page.png" "$out/report-run-lamp2-p$page.png"; done
  echo "wrote $out/report-run-lamp2-p1.png, -p2.png"
fi
shot dialog-batch --open "$PWD/resources/demo/LaMP-4/dev_questions.json" --dialog batch
shot dialog-settings --open "$PWD/resources/demo/LaMP-4/dev_questions.json" --dialog settings
shot dark-lamp4 --open "$PWD/resources/demo/LaMP-4/dev_questions.json" --user 4102 --run-to-end \
  --theme dark
shot lamp1-query --demo LaMP-1 --user "${R2P_SHOT_USER_LAMP1:-1102}"
shot reasoning-lamp4 --demo LaMP-4 --run-to-end
shot presentation-lamp4 --demo LaMP-4 --user 4105 --run-to-end --presentation
shot main-lamp3-de --demo LaMP-3 --lang de --run-to-end
shot main-lamp7-zh --demo LaMP-7 --lang zh_CN --run-to-end

# Findings: a copy of the LaMP-3 demo with one broken record and a cut-off end.
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
q = json.load(open("resources/demo/LaMP-3/dev_questions.json"))
q[3]["profile"] = "not a list"
text = json.dumps(q, ensure_ascii=False)
open(f"{tmp}/dev_questions.json", "w").write(text[: len(text) - 300])
o = json.load(open("resources/demo/LaMP-3/dev_outputs.json"))
o["golds"].append({"id": "9999", "output": "5"})
json.dump(o, open(f"{tmp}/dev_outputs.json", "w"))
PY
shot findings --open "$tmp/dev_questions.json" --outputs "$tmp/dev_outputs.json"

# Compare Runs: the LaMP-2 run above (k = 5) against one retrieving a single item, user by user.
build/release/app/r2p run --project "$tmp/shots.r2p" --questions "$PWD/resources/demo/LaMP-2/dev_questions.json" \
  --outputs "$PWD/resources/demo/LaMP-2/dev_outputs.json" --systems r2p,lamp-rag,lrm-rag,no-profile \
  --k 1 --quiet > /dev/null 2>&1
shot compare-runs-lamp2 --open "$PWD/resources/demo/LaMP-2/dev_questions.json" --dialog compare-runs

# Metrics of one of three repeats (seeds 1, 2, 3), in a project of their own: mean ± sd over them.
build/release/app/r2p run --project "$tmp/repeats.r2p" --questions "$PWD/resources/demo/LaMP-3/dev_questions.json" \
  --outputs "$PWD/resources/demo/LaMP-3/dev_outputs.json" --systems r2p,lamp-rag,lrm-rag \
  --repeats 3 --quiet > /dev/null 2>&1
"$bin" --project "$tmp/repeats.r2p" --size 1600x1000 --open "$PWD/resources/demo/LaMP-3/dev_questions.json" \
  --metrics run --run 2 --screenshot "$out/metrics-repeats-lamp3.png" 2>/dev/null
echo "wrote $out/metrics-repeats-lamp3.png"

# A sweep of stored runs (one run per k), plotted with intervals, in a project of its own.
build/release/app/r2p run --project "$tmp/sweep.r2p" --questions "$PWD/resources/demo/LaMP-3/dev_questions.json" \
  --outputs "$PWD/resources/demo/LaMP-3/dev_outputs.json" --systems r2p,lamp-rag,lrm-rag,no-profile \
  --k 0,1,2,4,8 --quiet > /dev/null 2>&1
"$bin" --project "$tmp/sweep.r2p" --size 1600x1000 --open "$PWD/resources/demo/LaMP-3/dev_questions.json" \
  --user 3108 --analysis stored-sweep --screenshot "$out/analysis-stored-sweep-lamp3.png" 2>/dev/null
echo "wrote $out/analysis-stored-sweep-lamp3.png"

# What RPI changed: a LaMP-4 run with R2P's shadow (interventions off, same seed), in a project
# of its own; the Metrics dock's RPI effect tab on ROUGE-1.
build/release/app/r2p run --project "$tmp/shadow.r2p" --questions "$PWD/resources/demo/LaMP-4/dev_questions.json" \
  --outputs "$PWD/resources/demo/LaMP-4/dev_outputs.json" --systems r2p,lamp-rag --shadow \
  --quiet > /dev/null 2>&1
"$bin" --project "$tmp/shadow.r2p" --size 1600x1000 --open "$PWD/resources/demo/LaMP-4/dev_questions.json" \
  --metrics rpi --screenshot "$out/metrics-rpi-effect-lamp4.png" 2>/dev/null
echo "wrote $out/metrics-rpi-effect-lamp4.png"

# A small screen (1366×768) in German and Chinese: no dock squeezes its neighbours.
for lang in de zh_CN; do
  "$bin" --project "$tmp/shadow.r2p" --size 1366x768 --open "$PWD/resources/demo/LaMP-4/dev_questions.json" \
    --user 4102 --run-to-end --lang "$lang" --screenshot "$out/main-lamp4-${lang%_CN}-1366x768.png" 2>/dev/null
  echo "wrote $out/main-lamp4-${lang%_CN}-1366x768.png"
done

# The main window in German and Chinese, light and dark (1600×1000), on the same stored run.
for lang in de zh_CN; do
  for theme in light dark; do
    "$bin" --project "$tmp/shadow.r2p" --size 1600x1000 --open "$PWD/resources/demo/LaMP-4/dev_questions.json" \
      --user 4102 --run 1 --run-to-end --lang "$lang" --theme "$theme" \
      --screenshot "$out/main-lamp4-${lang%_CN}-$theme.png" 2>/dev/null
    echo "wrote $out/main-lamp4-${lang%_CN}-$theme.png"
  done
done
# Compare at 1366×768 in German: stage names whole, the baseline's answer beside R2P's.
"$bin" --project "$tmp/shadow.r2p" --size 1366x768 --open "$PWD/resources/demo/LaMP-4/dev_questions.json" \
  --user 4102 --run 1 --compare --lang de --screenshot "$out/compare-lamp4-de-1366x768.png" 2>/dev/null
echo "wrote $out/compare-lamp4-de-1366x768.png"
