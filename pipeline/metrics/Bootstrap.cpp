#include "Bootstrap.h"

#include "LampMetrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace r2p::metrics {

namespace {

using Strata = std::vector<std::vector<std::size_t>>;

// Plain (strata empty): n draws from all items. Stratified: each group's size from the group.
void drawResample(std::mt19937_64& rng, std::size_t n, const Strata& strata,
                  std::vector<std::size_t>& picks) {
    picks.resize(n);
    if (strata.empty()) {
        for (auto& p : picks)
            p = static_cast<std::size_t>(rng() % n);
        return;
    }
    std::size_t k = 0;
    for (const auto& group : strata)
        for (std::size_t j = 0; j < group.size(); ++j)
            picks[k++] = group[static_cast<std::size_t>(rng() % group.size())];
}

Strata strataFor(std::size_t n, std::span<const int> keys) {
    return keys.size() == n ? strataOf(keys) : Strata{};
}

} // namespace

std::vector<std::vector<std::size_t>> strataOf(std::span<const int> keys) {
    std::vector<int> sorted(keys.begin(), keys.end());
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    Strata out(sorted.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto at = std::lower_bound(sorted.begin(), sorted.end(), keys[i]) - sorted.begin();
        out[static_cast<std::size_t>(at)].push_back(i);
    }
    return out;
}

Interval percentileInterval(std::vector<double>& values, double confidence) {
    const double tail = (1 - confidence) / 2 * 100;
    return {percentile(values, tail), percentile(values, 100 - tail)};
}

double percentile(std::vector<double>& values, double q) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const double position = q / 100 * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    const double fraction = position - static_cast<double>(below);
    if (fraction == 0)
        return values[below];
    return values[below] + (values[above] - values[below]) * fraction;
}

Interval bootstrapInterval(std::size_t n, const ResampleStatistic& statistic,
                           const BootstrapOptions& options, std::span<const int> strata) {
    if (n == 0 || options.resamples == 0)
        return {};
    const Strata groups = strataFor(n, strata);
    std::mt19937_64 rng(options.seed);
    std::vector<std::size_t> picks(n);
    std::vector<double> stats;
    stats.reserve(options.resamples);
    for (std::size_t r = 0; r < options.resamples; ++r) {
        drawResample(rng, n, groups, picks);
        stats.push_back(statistic(picks));
    }
    return percentileInterval(stats, options.confidence);
}

std::vector<Interval> bootstrapMeanIntervals(std::span<const std::span<const double>> columns,
                                             const BootstrapOptions& options) {
    std::vector<Interval> out(columns.size());
    if (columns.empty() || options.resamples == 0)
        return out;
    const std::size_t n = columns[0].size();
    if (n == 0)
        return out;
    std::mt19937_64 rng(options.seed);
    std::vector<std::vector<double>> stats(columns.size());
    for (auto& s : stats)
        s.reserve(options.resamples);
    std::vector<double> sums(columns.size());
    for (std::size_t r = 0; r < options.resamples; ++r) {
        std::fill(sums.begin(), sums.end(), 0.0);
        for (std::size_t k = 0; k < n; ++k) {
            const auto i = static_cast<std::size_t>(rng() % n);
            for (std::size_t c = 0; c < columns.size(); ++c)
                sums[c] += columns[c][i];
        }
        for (std::size_t c = 0; c < columns.size(); ++c)
            stats[c].push_back(sums[c] / static_cast<double>(n));
    }
    for (std::size_t c = 0; c < columns.size(); ++c)
        out[c] = percentileInterval(stats[c], options.confidence);
    return out;
}

PairedComparison pairedBootstrap(std::span<const double> itemA, std::span<const double> itemB,
                                 const ResampleStatistic& statisticA,
                                 const ResampleStatistic& statisticB, Better better,
                                 const BootstrapOptions& options, std::span<const int> strata) {
    PairedComparison out;
    const std::size_t n = std::min(itemA.size(), itemB.size());
    if (n == 0)
        return out;
    const double sign = better == Better::Lower ? -1.0 : 1.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = sign * (itemA[i] - itemB[i]);
        if (d > 0)
            ++out.wins;
        else if (d < 0)
            ++out.losses;
        else
            ++out.ties;
    }
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), std::size_t{0});
    out.delta = statisticA(all) - statisticB(all);
    if (options.resamples == 0)
        return out;
    const Strata groups = strataFor(n, strata);
    std::mt19937_64 rng(options.seed);
    std::vector<std::size_t> picks;
    std::vector<double> deltas;
    deltas.reserve(options.resamples);
    std::size_t aBetter = 0;
    for (std::size_t r = 0; r < options.resamples; ++r) {
        drawResample(rng, n, groups, picks);
        const double d = statisticA(picks) - statisticB(picks);
        deltas.push_back(d);
        if (sign * d > 0)
            ++aBetter;
    }
    out.aBetterShare = static_cast<double>(aBetter) / static_cast<double>(options.resamples);
    out.ci = percentileInterval(deltas, options.confidence);
    return out;
}

PairedComparison pairedBootstrapMean(std::span<const double> itemA, std::span<const double> itemB,
                                     Better better, const BootstrapOptions& options) {
    auto mean = [](std::span<const double> v) {
        return [v](std::span<const std::size_t> picks) {
            double sum = 0;
            for (auto i : picks)
                sum += v[i];
            return picks.empty() ? 0.0 : sum / static_cast<double>(picks.size());
        };
    };
    return pairedBootstrap(itemA, itemB, mean(itemA), mean(itemB), better, options);
}

} // namespace r2p::metrics
