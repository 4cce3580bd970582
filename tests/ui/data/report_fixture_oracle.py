#!/usr/bin/python3
"""Independent oracle for tst_report's known fixture (tests/ui/tst_report.cpp, knownFixture*).

The fixture is a LaMP-3 run with three systems over seven users whose predictions, golds,
format flags, reasoning tokens, interventions and verdicts are chosen by hand (FIXTURE below,
the same literals as in the test). This script computes, with numpy and none of the
workbench's code, what the report's tables must say: each system's MAE and RMSE, the
users/failed/scored counts, format adherence, reasoning tokens and interventions per user,
R2P's paired delta against each baseline with wins/ties/losses, the verdict counts, and
bounds every bootstrap interval must lie in (a resample's statistic cannot leave the range of
the per-user values it averages). Run it and paste its output into the test:

    /usr/bin/python3 tests/ui/data/report_fixture_oracle.py
"""
import numpy as np

# user: gold (None: no gold), then per system (prediction, status, format_ok,
# reasoning_tokens, interventions). status "failed" has no prediction.
USERS = ["u1", "u2", "u3", "u4", "u5", "u6", "u7"]
GOLD = {"u1": 5, "u2": 3, "u3": 1, "u4": 4, "u5": 2, "u6": 5, "u7": None}
FIXTURE = {
    "R2P": {
        "u1": (5, "done", True, 100, 1),
        "u2": (2, "done", True, 200, 0),
        "u3": (1, "done", True, 300, 2),
        "u4": (4, "done", True, 400, 0),
        "u5": (4, "done", False, 500, 0),
        "u6": (4, "done", True, 600, 1),
        "u7": (3, "done", True, 700, 0),
    },
    "LaMP RAG": {
        "u1": (4, "done", True, 0, 0),
        "u2": (3, "done", True, 0, 0),
        "u3": (2, "done", True, 0, 0),
        "u4": (4, "done", True, 0, 0),
        "u5": (3, "done", True, 0, 0),
        "u6": (5, "done", True, 0, 0),
        "u7": (2, "done", True, 0, 0),
    },
    "No profile": {
        "u1": (3, "done", True, 0, 0),
        "u2": (1, "done", False, 0, 0),
        "u3": (5, "done", True, 0, 0),
        "u4": (2, "done", False, 0, 0),
        "u5": (2, "done", True, 0, 0),
        "u6": (None, "failed", False, 0, 0),
        "u7": (1, "done", False, 0, 0),
    },
}
# R2P's stored cross-reference verdicts, over all users.
VERDICTS = {"supported": 3, "partial": 1, "contradicted": 1, "unsupported": 1, "unparsed": 0}


def f3(x):
    return f"{x:.3f}"


def scored(system):
    """(user, absolute error) of the done users with a gold, in user order."""
    out = []
    for u in USERS:
        pred, status, *_ = FIXTURE[system][u]
        if status == "done" and GOLD[u] is not None:
            out.append((u, abs(pred - GOLD[u])))
    return out


print("# Metrics table: system, metric, value, interval bounds [lowest, highest]")
for system in FIXTURE:
    err = np.array([e for _, e in scored(system)], dtype=float)
    mae = err.mean()
    rmse = np.sqrt((err ** 2).mean())
    print(system, "MAE", f3(mae), f"bounds [{f3(err.min())}, {f3(err.max())}]")
    print(system, "RMSE", f3(rmse), f"bounds [{f3(err.min())}, {f3(err.max())}]")

print("# Users table: system, users, failed, scored, in format, tokens/answer, interventions/user")
for system, rows in FIXTURE.items():
    done = [r for r in rows.values() if r[1] == "done"]
    failed = len(rows) - len(done)
    fmt = 100.0 * sum(r[2] for r in done) / len(done)
    tokens = sum(r[3] for r in done) / len(done)
    interventions = sum(r[4] for r in done) / len(done)
    print(system, len(rows), failed, len(scored(system)), f"{fmt:.0f} %", f"{tokens:.0f}",
          f"{interventions:.2f}")

print("# Delta table: baseline, metric, users, delta, R2P better/worse, win, tie, loss,"
      " interval bounds")
r2p = dict(scored("R2P"))
for baseline in ["LaMP RAG", "No profile"]:
    base = dict(scored(baseline))
    users = [u for u in USERS if u in r2p and u in base]
    a = np.array([r2p[u] for u in users], dtype=float)
    b = np.array([base[u] for u in users], dtype=float)
    wins = int((a < b).sum())
    ties = int((a == b).sum())
    losses = int((a > b).sum())
    for metric in ["MAE", "RMSE"]:
        if metric == "MAE":
            delta = a.mean() - b.mean()
            lo, hi = (a - b).min(), (a - b).max()
        else:
            delta = np.sqrt((a ** 2).mean()) - np.sqrt((b ** 2).mean())
            lo, hi = a.min() - b.max(), a.max() - b.min()
        side = "R2P better" if delta < 0 else "R2P worse" if delta > 0 else "no difference"
        sign = "+" if delta > 0 else "\u2212" if delta < 0 else ""
        print(baseline, metric, len(users), f"{sign}{f3(abs(delta))} \u00b7 {side}", wins, ties,
              losses, f"bounds [{f3(lo)}, {f3(hi)}]")

print("# Verdicts table (R2P): supported, partial, contradicted, unsupported, unparsed, all")
print(*VERDICTS.values(), sum(VERDICTS.values()))

print("# Worst users against LaMP RAG (R2P's error above the baseline's; largest first, ties in"
      " user order): user, gold, R2P answer, R2P error, baseline answer, baseline error, delta")
worst = []
for u in USERS:
    if u in r2p and u in dict(scored("LaMP RAG")):
        base = dict(scored("LaMP RAG"))[u]
        if r2p[u] > base:
            worst.append((r2p[u] - base, u))
worst.sort(key=lambda w: -w[0])  # sort() is stable: equal deltas stay in user order
for d, u in worst:
    print(u, GOLD[u], FIXTURE["R2P"][u][0], f3(r2p[u]), FIXTURE["LaMP RAG"][u][0],
          f3(dict(scored("LaMP RAG"))[u]), f"+{f3(d)} \u00b7 R2P worse")
