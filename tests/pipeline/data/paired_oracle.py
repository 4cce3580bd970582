#!/usr/bin/python3
"""Writes paired_oracle.json, the expected values test_paired_stats.cpp checks against.

The oracle is scipy 1.10 (Debian's python3-scipy): scipy.stats.wilcoxon(x, y) with its
defaults and scipy.stats.binomtest(b, b + c, 0.5) for exact McNemar. Holm's adjustment is
written out here independently of the C++ code, and the bootstrap intervals come from splitmix64
and Lemire's multiply-shift written out in plain Python, with numpy.percentile.

    /usr/bin/python3 tests/pipeline/data/paired_oracle.py > tests/pipeline/data/paired_oracle.json
"""
import json
import random
import sys
import warnings

import numpy as np
import scipy
from scipy import stats

assert scipy.__version__.startswith("1.10"), scipy.__version__
warnings.simplefilter("ignore")
rng = random.Random(20261204)


def wilcoxon_case(name, x, y):
    case = {"name": name, "x": x, "y": y}
    try:
        res = stats.wilcoxon(x, y)
        case["statistic"] = float(res.statistic)
        case["p"] = float(res.pvalue)
    except ValueError:
        case["raises"] = True  # every difference is zero
    return case


wilcoxon = []
# Hand-checkable: d = 1, 2, 3, -4, 5 -> T = 4, p = 14/32.
wilcoxon.append(wilcoxon_case("hand", [2.0, 3, 4, 1, 6], [1.0, 1, 1, 5, 1]))
for i in range(12):  # n <= 50, continuous, no ties: exact
    n = rng.randint(1, 50)
    wilcoxon.append(wilcoxon_case(f"exact-continuous-{i}", [rng.random() for _ in range(n)],
                                  [rng.random() for _ in range(n)]))
for i in range(12):  # n <= 50, ties but no zero: exact with averaged, truncated ranks
    n = rng.randint(2, 50)
    x = [float(rng.randint(1, 5)) for _ in range(n)]
    y = [v + rng.choice([-2.5, -1.5, -1.0, 0.5, 1.0, 2.0]) for v in x]
    wilcoxon.append(wilcoxon_case(f"exact-ties-{i}", x, y))
for i in range(12):  # n <= 50 with zeros: normal approximation
    n = rng.randint(3, 50)
    wilcoxon.append(wilcoxon_case(f"zeros-small-{i}", [float(rng.randint(0, 4)) for _ in range(n)],
                                  [float(rng.randint(0, 4)) for _ in range(n)]))
for i in range(8):  # n > 50, ROUGE-like scores rounded to 3 places: approx, some ties
    n = rng.randint(51, 400)
    wilcoxon.append(wilcoxon_case(f"rouge-{i}", [round(rng.random(), 3) for _ in range(n)],
                                  [round(rng.random() * 0.8, 3) for _ in range(n)]))
for i in range(6):  # LaMP-3 absolute errors: heavy ties and zeros
    n = rng.randint(51, 3000)
    wilcoxon.append(wilcoxon_case(f"rating-{i}", [float(rng.randint(0, 4)) for _ in range(n)],
                                  [float(rng.choice([0, 0, 1, 1, 2, 3])) for _ in range(n)]))
for i in range(4):  # n = 51 continuous: approx without ties
    wilcoxon.append(wilcoxon_case(f"n51-{i}", [rng.gauss(0.1, 1) for _ in range(51)],
                                  [rng.gauss(0, 1) for _ in range(51)]))
# Center of the exact distribution, a single pair, all zero, one non-zero among zeros.
wilcoxon.append(wilcoxon_case("center", [1.0, 2, 3, 4], [2.0, 0, 0, 6]))
wilcoxon.append(wilcoxon_case("single", [1.0], [0.0]))
wilcoxon.append(wilcoxon_case("all-zero", [1.0, 2, 3], [1.0, 2, 3]))
wilcoxon.append(wilcoxon_case("one-nonzero", [1.0, 2, 3, 5], [1.0, 2, 3, 4]))

mcnemar = [{"b": 1, "c": 7}, {"b": 0, "c": 0}, {"b": 5, "c": 5}, {"b": 0, "c": 1},
           {"b": 3, "c": 4}]
for _ in range(40):
    n = rng.choice([rng.randint(1, 60), rng.randint(60, 2000), rng.randint(2000, 20000)])
    b = rng.randint(0, n)
    mcnemar.append({"b": b, "c": n - b})
for case in mcnemar:
    n = case["b"] + case["c"]
    case["p"] = 1.0 if n == 0 else float(stats.binomtest(case["b"], n, 0.5).pvalue)


def holm(p):
    m = len(p)
    order = sorted(range(m), key=lambda i: (p[i], i))
    out = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        out[i] = running
    return out


holm_cases = [{"p": [0.01, 0.04, 0.03]}, {"p": [0.5]}, {"p": []}]
for _ in range(20):
    holm_cases.append({"p": [rng.choice([rng.random(), rng.random() ** 4, 0.05])
                             for _ in range(rng.randint(1, 30))]})
for case in holm_cases:
    case["adjusted"] = holm(case["p"])


MASK64 = (1 << 64) - 1


class ResampleIndices:
    """splitmix64 as published (Steele, Lea & Flood), two 32-bit draws per output (low half
    first), each mapped to [0, n) by Lemire's multiply-shift with rejection."""

    def __init__(self, seed, n):
        self.state = seed & MASK64
        self.n = n
        self.threshold = (1 << 32) % n
        self.high = None

    def next32(self):
        if self.high is not None:
            h, self.high = self.high, None
            return h
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        z ^= z >> 31
        self.high = z >> 32
        return z & 0xFFFFFFFF

    def next(self):
        while True:
            m = self.next32() * self.n
            if (m & 0xFFFFFFFF) >= self.threshold:
                return m >> 32


def gather_sum(column, picks):
    """Two running sums, even and odd draws, as the C++ code adds them."""
    even = 0.0
    odd = 0.0
    n = len(picks)
    i = 0
    while i + 2 <= n:
        even += column[picks[i]]
        odd += column[picks[i + 1]]
        i += 2
    if i < n:
        even += column[picks[i]]
    return even + odd


bootstrap = []
for i in range(4):
    n = rng.randint(5, 40)
    resamples = rng.choice([200, 500])
    seed = rng.randint(0, 2**63)
    x = [float(rng.randint(0, 1)) for _ in range(n)] if i % 2 == 0 else \
        [round(rng.random(), 3) for _ in range(n)]
    y = [float(rng.randint(0, 1)) for _ in range(n)] if i % 2 == 0 else \
        [round(rng.random(), 3) for _ in range(n)]
    gen = ResampleIndices(seed, n)
    d = [a - b for a, b in zip(x, y)]
    means, roots = [], []
    for _ in range(resamples):
        picks = [gen.next() for _ in range(n)]
        means.append(gather_sum(d, picks) / n)
        roots.append(np.sqrt(gather_sum(x, picks) / n) - np.sqrt(gather_sum(y, picks) / n))
    bootstrap.append({"x": x, "y": y, "seed": seed, "resamples": resamples,
                      "mean": [float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))],
                      "root": [float(np.percentile(roots, 2.5)), float(np.percentile(roots, 97.5))]})

indices = []
for seed, n in [(1, 20000), (0, 3), (2**63 + 12345, 1000003), (7, 1)]:
    gen = ResampleIndices(seed, n)
    indices.append({"seed": seed, "n": n, "first": [gen.next() for _ in range(50)]})

json.dump({"scipy": scipy.__version__, "indices": indices, "wilcoxon": wilcoxon, "mcnemar": mcnemar, "holm": holm_cases,
           "bootstrap": bootstrap}, sys.stdout, separators=(",", ":"))
sys.stdout.write("\n")
