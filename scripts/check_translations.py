#!/usr/bin/env python3
"""Fails unless every user-visible string in ui/ and app/ has a finished German and Chinese
translation (and an English plural form where it has %n), with the same placeholders.

usage: check_translations.py LUPDATE SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:n|L?\d+)")
FILTER = re.compile(r"\(\*[^()]*\)")


def messages(path):
    out = {}
    for ctx in ET.parse(path).getroot().findall("context"):
        name = ctx.find("name").text
        for m in ctx.findall("message"):
            out[(name, m.find("source").text)] = m
    return out


def main():
    lupdate, src = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts = os.path.join(tmp, "fresh.ts")
        run = subprocess.run([lupdate, "-no-obsolete", "-locations", "none",
                              os.path.join(src, "ui"), os.path.join(src, "app", "gui_main.cpp"),
                              "-ts", fresh_ts], check=True, capture_output=True, text=True)
        fresh = messages(fresh_ts)
    problems = []
    # A warning means lupdate could not attribute some tr() calls: their strings would be
    # missing from both sides and this check would pass without checking them.
    for line in (run.stdout + run.stderr).splitlines():
        if "lacks Q_OBJECT" in line or "Cannot" in line or "warning" in line.lower():
            problems.append("lupdate: " + line.strip())
    for lang in ("de", "zh_CN", "en"):
        path = os.path.join(src, "translations", f"r2p_{lang}.ts")
        committed = messages(path)
        for key, fresh_msg in fresh.items():
            numerus = fresh_msg.get("numerus") == "yes"
            if lang == "en" and not numerus:
                continue
            msg = committed.get(key)
            where = f"r2p_{lang}.ts: [{key[0]}] {key[1]!r}"
            if msg is None:
                problems.append(f"{where}: missing (run the r2p_ui_lupdate target, then translate)")
                continue
            tr = msg.find("translation")
            if tr.get("type") in ("unfinished", "vanished", "obsolete"):
                problems.append(f"{where}: {tr.get('type')}")
                continue
            texts = [f.text or "" for f in tr.findall("numerusform")] if numerus else [tr.text or ""]
            if not texts or any(not t.strip() for t in texts):
                problems.append(f"{where}: empty translation")
                continue
            # A file-dialog filter ("JSON files (*.json)") only works with its ASCII "(*...)"
            # patterns as in the source; full-width brackets turn it into a literal name.
            patterns = FILTER.findall(key[1])
            for t in texts:
                if sorted(FILTER.findall(t)) != sorted(patterns):
                    problems.append(f"{where}: file filter patterns {patterns} but translation {t!r}")
            wanted = sorted(set(PLACEHOLDER.findall(key[1])))
            for t in texts:
                if sorted(set(PLACEHOLDER.findall(t))) != wanted:
                    problems.append(f"{where}: placeholders {wanted} but translation {t!r}")
    for p in problems:
        print(p)
    print(f"{len(fresh)} source strings checked in de, zh_CN (and en plurals); {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
