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
//
// Stratified resamples (classification): items are grouped by their gold label and every
// resample draws each group's own size from within that group (index = group[rng() % size],
// groups in ascending label order). Why: LaMP's macro-F1 averages over the task's full label
// set, so a plain resample that happens to lose every item of a rare gold label scores that
// label 0 and drags the resampled F1 far below the estimate (LaMP-2 demo: F1 1.000 with a
// percentile interval of [0.533, 0.867]). Keeping each gold label's count fixed keeps the label
// set the estimate was computed on, which is what the interval is about. BCa would not help:
// its bias correction is undefined when every resample lies on one side of the estimate, which
// is exactly the case here.
// Intervals are never widened or clamped to reach their estimate: that the estimate lies inside
// is a property of the method, tested over random fixtures
// (tests/pipeline/test_interval_contains_estimate.cpp), not something forced here.
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

// Percentile interval of `statistic` over resamples of n items. n == 0 gives {0, 0}. With `strata`
// (one key per item, e.g. the gold label index), resamples are stratified by that key.
Interval bootstrapInterval(std::size_t n, const ResampleStatistic& statistic,
                           const BootstrapOptions& options = {}, std::span<const int> strata = {});

// The items grouped by key, groups in ascending key order, items in index order.
std::vector<std::vector<std::size_t>> strataOf(std::span<const int> keys);

// The percentile interval of `values` (sorted in place) at `confidence`.
Interval percentileInterval(std::vector<double>& values, double confidence);

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
// `strata` as for bootstrapInterval (the gold labels the paired items share).
PairedComparison pairedBootstrap(std::span<const double> itemA, std::span<const double> itemB,
                                 const ResampleStatistic& statisticA,
                                 const ResampleStatistic& statisticB, Better better,
                                 const BootstrapOptions& options = {},
                                 std::span<const int> strata = {});

// The common case: the statistic is the plain mean of the per-item scores.
PairedComparison pairedBootstrapMean(std::span<const double> itemA, std::span<const double> itemB,
                                     Better better, const BootstrapOptions& options = {});

} // namespace r2p::metrics
