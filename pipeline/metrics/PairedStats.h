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

// Percentile intervals of several deltas over the same n paired items, all computed on the
// same resamples, drawn exactly as Bootstrap.h draws them (std::mt19937_64 seeded with
// options.seed, index = rng() % n), so a Mean delta's interval equals pairedBootstrapMean's.
// One pass for all of them: the cost is that of one bootstrap, not one per delta.
std::vector<Interval> pairedDeltaIntervals(std::size_t n, std::span<const PairedStatistic> deltas,
                                           const BootstrapOptions& options = {});

// x % d for a fixed d without a division instruction (Granlund & Montgomery's round-up
// multiply, exact for every 64-bit x): the bootstrap draws hundreds of millions of indices.
class FastModulo {
    __extension__ typedef unsigned __int128 Wide; // __extension__: no -Wpedantic warning

public:
    explicit FastModulo(std::uint64_t divisor);
    std::uint64_t operator()(std::uint64_t x) const {
        const auto t = static_cast<std::uint64_t>((static_cast<Wide>(multiplier_) * x) >> 64);
        const std::uint64_t q = (t + ((x - t) >> shift1_)) >> shift2_;
        return x - q * divisor_;
    }

private:
    std::uint64_t divisor_ = 1;
    std::uint64_t multiplier_ = 0;
    unsigned shift1_ = 0;
    unsigned shift2_ = 0;
};

} // namespace r2p::metrics
