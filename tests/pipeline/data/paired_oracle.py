#!/usr/bin/python3
"""Writes paired_oracle.json, the expected values test_paired_stats.cpp checks against.

The oracle is scipy 1.10 (Debian's python3-scipy): scipy.stats.wilcoxon(x, y) with its
defaults and scipy.stats.binomtest(b, b + c, 0.5) for exact McNemar. Holm's adjustment is
written out here independently of the C++ code, and the bootstrap intervals come from a
from-the-paper MT19937-64 (Matsumoto & Nishimura) in plain Python with numpy.percentile.

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


class MT19937_64:
    """The 64-bit Mersenne Twister as published (mt19937-64.c), seeded with init_genrand64."""
    NN, MM = 312, 156
    MATRIX_A = 0xB5026F5AA96619E9
    UM, LM = 0xFFFFFFFF80000000, 0x7FFFFFFF
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.mt = [0] * self.NN
        self.mt[0] = seed & self.MASK
        for i in range(1, self.NN):
            self.mt[i] = (6364136223846793005 * (self.mt[i - 1] ^ (self.mt[i - 1] >> 62)) + i) \
                & self.MASK
        self.mti = self.NN

    def next(self):
        if self.mti >= self.NN:
            mt = self.mt
            for i in range(self.NN):
                x = (mt[i] & self.UM) | (mt[(i + 1) % self.NN] & self.LM)
                xa = x >> 1
                if x & 1:
                    xa ^= self.MATRIX_A
                mt[i] = mt[(i + self.MM) % self.NN] ^ xa
            self.mti = 0
        x = self.mt[self.mti]
        self.mti += 1
        x ^= (x >> 29) & 0x5555555555555555
        x ^= (x << 17) & 0x71D67FFFEDA60000
        x ^= (x << 37) & 0xFFF7EEE000000000
        x ^= x >> 43
        return x & self.MASK


bootstrap = []
for i in range(4):
    n = rng.randint(5, 40)
    resamples = rng.choice([200, 500])
    seed = rng.randint(0, 2**63)
    x = [float(rng.randint(0, 1)) for _ in range(n)] if i % 2 == 0 else \
        [round(rng.random(), 3) for _ in range(n)]
    y = [float(rng.randint(0, 1)) for _ in range(n)] if i % 2 == 0 else \
        [round(rng.random(), 3) for _ in range(n)]
    gen = MT19937_64(seed)
    means, roots = [], []
    for _ in range(resamples):
        picks = [gen.next() % n for _ in range(n)]
        sx = 0.0
        sy = 0.0
        for p in picks:
            sx += x[p]
            sy += y[p]
        means.append(sx / n - sy / n)
        roots.append(np.sqrt(sx / n) - np.sqrt(sy / n))
    bootstrap.append({"x": x, "y": y, "seed": seed, "resamples": resamples,
                      "mean": [float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))],
                      "root": [float(np.percentile(roots, 2.5)), float(np.percentile(roots, 97.5))]})

json.dump({"scipy": scipy.__version__, "wilcoxon": wilcoxon, "mcnemar": mcnemar, "holm": holm_cases,
           "bootstrap": bootstrap}, sys.stdout, separators=(",", ":"))
sys.stdout.write("\n")
