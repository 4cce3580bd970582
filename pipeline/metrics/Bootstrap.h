// Seeded bootstrap statistics: percentile confidence intervals for a metric, and a paired
// bootstrap of the difference between two systems scored on the same items.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace r2p::metrics {

// Resamples draw n item indices with replacement from a std::mt19937_64 seeded with `seed`,
// index = rng() % n (plain modulo, identical on every standard library). The interval is the
// percentile interval, percentiles interpolated linearly as numpy.percentile does.
struct BootstrapOptions {
    std::size_t resamples = 1000;
    std::uint64_t seed = 1;
    double confidence = 0.95;
};

struct Interval {
    double lo = 0;
    double hi = 0;
};

// A statistic of the items picked by one resample (indices into the original items).
using ResampleStatistic = std::function<double(std::span<const std::size_t>)>;

// Percentile interval of `statistic` over resamples of n items. n == 0 gives {0, 0}.
Interval bootstrapInterval(std::size_t n, const ResampleStatistic& statistic,
                           const BootstrapOptions& options = {});

// Percentile intervals of the means of several per-item columns of equal length, all computed
// on the same resamples (one pass, no per-resample allocation).
std::vector<Interval> bootstrapMeanIntervals(std::span<const std::span<const double>> columns,
                                             const BootstrapOptions& options = {});

// numpy.percentile(values, q) with the default linear interpolation; sorts `values`.
double percentile(std::vector<double>& values, double q);

enum class Better {
    Invalid = 0,
    Higher, // accuracy, F1, ROUGE
    Lower,  // MAE, RMSE
};

// System A against system B on the same items. delta = statistic(A) - statistic(B) in the
// metric's own units, so for MAE/RMSE a negative delta means A is better. wins/ties/losses
// count items from A's side using `better` (an item where A has the lower error is a win), and
// aBetterShare is the share of resamples in which A's statistic is better than B's.
struct PairedComparison {
    double delta = 0;
    Interval ci; // percentile interval of the resampled deltas
    std::size_t wins = 0;
    std::size_t ties = 0;
    std::size_t losses = 0;
    double aBetterShare = 0;
};

// Items are compared through itemA/itemB (per-item scores, same length and order); the
// statistics see the resampled indices (for means, F1 from labels, RMSE from squared errors).
PairedComparison pairedBootstrap(std::span<const double> itemA, std::span<const double> itemB,
                                 const ResampleStatistic& statisticA,
                                 const ResampleStatistic& statisticB, Better better,
                                 const BootstrapOptions& options = {});

// The common case: the statistic is the plain mean of the per-item scores.
PairedComparison pairedBootstrapMean(std::span<const double> itemA, std::span<const double> itemB,
                                     Better better, const BootstrapOptions& options = {});

} // namespace r2p::metrics
