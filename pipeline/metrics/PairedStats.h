// Paired significance tests for two systems scored on the same users: exact McNemar on
// per-user correctness, the Wilcoxon signed-rank test exactly as scipy 1.10 computes
// `scipy.stats.wilcoxon(x, y)` with its defaults, Holm–Bonferroni adjusted p-values, and a
// seeded paired bootstrap of several deltas on one shared stream of resamples.
#pragma once

#include "Bootstrap.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace r2p::metrics {

// Two-sided exact McNemar test: the binomial test of `onlyX` successes in onlyX + onlyY
// discordant pairs with p = 1/2, i.e. min(1, 2 P(X <= min(onlyX, onlyY))) — what
// scipy.stats.binomtest(onlyX, onlyX + onlyY, 0.5).pvalue gives. No discordant pair: 1.
double mcnemarExactP(std::size_t onlyX, std::size_t onlyY);

enum class WilcoxonMethod {
    Invalid = 0,
    Exact,  // the exact null distribution of the positive rank sum
    Normal, // the normal approximation with scipy's tie correction, no continuity correction
    None,   // no test: no pairs, or every difference is zero (scipy returns NaN or raises)
};

struct WilcoxonResult {
    WilcoxonMethod method = WilcoxonMethod::Invalid;
    double statistic = 0;  // T = min(R+, R-), ranks of |x - y| averaged over ties
    double p = 1;          // two-sided; 1 when method is None
    double z = 0;          // Normal only: (T - mean) / se
    std::size_t zeros = 0; // pairs with x == y; dropped ("wilcox" zero method) under Normal
    std::size_t used = 0;  // pairs ranked
};

// scipy 1.10 `wilcoxon(x, y)` defaults: zero_method "wilcox", correction False, two-sided,
// method "auto" = exact when len(x) <= 50 and no difference is zero, else the normal
// approximation on the non-zero differences (with scipy's quirks kept: under the exact method
// ties are ranked by average and the rank sum is truncated to an integer). Differences are
// x[i] - y[i] in double, as numpy computes them. x and y must have the same length.
WilcoxonResult wilcoxonSignedRank(std::span<const double> x, std::span<const double> y);

// Holm–Bonferroni step-down adjusted p-values, in the order given: sort ascending, multiply the
// i-th smallest (0-based) by m - i, cap at 1, and carry the running maximum forward.
std::vector<double> holmAdjust(std::span<const double> p);

// One delta the paired bootstrap resamples: statistic(x) - statistic(y) over n paired items.
struct PairedStatistic {
    enum class Kind {
        Invalid = 0,
        Mean,           // mean of x minus mean of y (accuracy, MAE, ROUGE)
        RootMeanSquare, // sqrt(mean x) - sqrt(mean y), x and y squared errors (RMSE)
        MacroF1,        // macro-F1 of xLabels minus that of yLabels against gold (LaMP's F1)
    };
    Kind kind = Kind::Invalid;
    std::span<const double> x, y;          // Mean, RootMeanSquare
    std::span<const int> xLabels, yLabels; // MacroF1: label indices, -1 for no label
    std::span<const int> gold;             // MacroF1
    std::size_t labelCount = 0;            // MacroF1
};

// Percentile intervals of several deltas over the same n paired items (n < 2^32), all
// computed on the same resamples. One pass for all of them: the cost is that of one bootstrap,
// not one per delta, and each delta gets the interval it would get alone. Resamples are drawn
// by ResampleIndices (faster than Bootstrap.h's mt19937_64 and modulo, which matters at
// 20,000 users x 10,000 resamples). Macro-F1 deltas are resampled within each gold label, as
// the run summary's are (Bootstrap.h).
std::vector<Interval> pairedDeltaIntervals(std::size_t n, std::span<const PairedStatistic> deltas,
                                           const BootstrapOptions& options = {});

// Uniform indices in [0, n) from a seed: splitmix64 (Steele, Lea & Flood 2014) gives 64 bits,
// used as two 32-bit draws (low half first), each mapped by Lemire's multiply-shift with
// rejection (2019), so every index is exactly equally likely and no draw divides.
class ResampleIndices {
public:
    ResampleIndices(std::uint64_t seed, std::uint32_t n);
    std::uint32_t next() {
        for (;;) {
            const std::uint64_t m = static_cast<std::uint64_t>(next32()) * n_;
            if (static_cast<std::uint32_t>(m) >= threshold_)
                return static_cast<std::uint32_t>(m >> 32);
        }
    }

    // picks.size() draws, the same as calling next() that often, two per 64 bits at a time.
    void fill(std::span<std::uint32_t> picks) {
        std::size_t i = 0;
        while (i < picks.size()) {
            if (haveHigh_ || i + 1 == picks.size()) {
                picks[i++] = next();
                continue;
            }
            const std::uint64_t z = next64();
            const std::uint64_t lo = (z & 0xffffffffULL) * n_, hi = (z >> 32) * n_;
            if (static_cast<std::uint32_t>(lo) >= threshold_ &&
                static_cast<std::uint32_t>(hi) >= threshold_) {
                picks[i++] = static_cast<std::uint32_t>(lo >> 32);
                picks[i++] = static_cast<std::uint32_t>(hi >> 32);
                continue;
            }
            // A rejected half (rare): hand the high half to next() as its pending draw.
            bits_ = z;
            haveHigh_ = true;
            if (static_cast<std::uint32_t>(lo) >= threshold_)
                picks[i++] = static_cast<std::uint32_t>(lo >> 32);
        }
    }

private:
    std::uint64_t next64() {
        state_ += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::uint32_t next32() {
        if (haveHigh_) {
            haveHigh_ = false;
            return static_cast<std::uint32_t>(bits_ >> 32);
        }
        bits_ = next64();
        haveHigh_ = true;
        return static_cast<std::uint32_t>(bits_);
    }
    std::uint64_t state_ = 0;
    std::uint64_t bits_ = 0;
    bool haveHigh_ = false;
    std::uint32_t n_ = 1;
    std::uint32_t threshold_ = 0; // 2^32 mod n: low products below it are rejected
};

} // namespace r2p::metrics
