#include "PairedStats.h"

#include "LampMetrics.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace r2p::metrics {

namespace {

// P(X <= k) for X ~ Binomial(n, 1/2), k < n/2. Large n: the largest term from lgamma, the
// smaller ones by the ratio C(n, i-1) / C(n, i) = i / (n - i + 1), so nothing underflows early.
double binomialHalfCdf(std::size_t k, std::size_t n) {
    if (n <= 1000) {
        // 2^-n is still a normal double: sum the terms upward from it, exactly for small n.
        double term = std::ldexp(1.0, -static_cast<int>(n)), sum = term;
        for (std::size_t i = 0; i < k; ++i) {
            term = term * static_cast<double>(n - i) / static_cast<double>(i + 1);
            sum += term;
        }
        return sum;
    }
    const auto nd = static_cast<double>(n);
    const auto kd = static_cast<double>(k);
    const double logTop =
        std::lgamma(nd + 1) - std::lgamma(kd + 1) - std::lgamma(nd - kd + 1) - nd * std::log(2.0);
    double term = 1, sum = 1;
    for (std::size_t i = k; i > 0; --i) {
        term *= static_cast<double>(i) / (nd - static_cast<double>(i) + 1);
        sum += term;
        if (term < sum * 1e-18)
            break;
    }
    return std::exp(logTop) * sum;
}

// scipy.special.ndtr as cephes computes it: the standard normal CDF.
double ndtr(double a) {
    const double x = a * M_SQRT1_2;
    const double z = std::fabs(x);
    if (z < M_SQRT1_2)
        return 0.5 + 0.5 * std::erf(x);
    double y = 0.5 * std::erfc(z);
    if (x > 0)
        y = 1 - y;
    return y;
}

// scipy.stats._hypotests._get_wilcoxon_distr: the pmf of R+ for n untied non-zero ranks.
std::vector<double> wilcoxonPmf(std::size_t n) {
    std::vector<double> c{1.0};
    for (std::size_t k = 1; k <= n; ++k) {
        std::vector<double> next(k * (k + 1) / 2 + 1, 0.0);
        const std::size_t m = c.size();
        for (std::size_t j = 0; j < m; ++j)
            next[j] = c[j] * 0.5;
        for (std::size_t j = 0; j < m; ++j)
            next[next.size() - m + j] += c[j] * 0.5;
        c = std::move(next);
    }
    return c;
}

// scipy.stats.rankdata(values, method="average"), and the sizes of the groups of equal ranks
// (find_repeats on the ranks: only groups of two or more).
std::vector<double> averageRanks(std::span<const double> values,
                                 std::vector<std::size_t>& tieGroups) {
    const std::size_t n = values.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(n);
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i + 1;
        while (j < n && values[order[j]] == values[order[i]])
            ++j;
        // Ordinal ranks i+1 .. j share their average.
        const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
        for (std::size_t k = i; k < j; ++k)
            ranks[order[k]] = rank;
        if (j - i > 1)
            tieGroups.push_back(j - i);
        i = j;
    }
    return ranks;
}

double macroF1(std::span<const std::size_t> tp, std::span<const std::size_t> predicted,
               std::span<const std::size_t> truth, std::vector<double>& scratch) {
    const std::size_t labels = tp.size();
    scratch.assign(labels, 0.0);
    for (std::size_t l = 0; l < labels; ++l) {
        const double precision =
            predicted[l] == 0 ? 0.0
                              : static_cast<double>(tp[l]) / static_cast<double>(predicted[l]);
        const double recall =
            truth[l] == 0 ? 0.0 : static_cast<double>(tp[l]) / static_cast<double>(truth[l]);
        const double denom = precision + recall;
        scratch[l] = denom == 0.0 ? 0.0 : 2 * precision * recall / denom;
    }
    return labels == 0
               ? 0.0
               : numpyPairwiseSum(std::span<const double>(scratch)) / static_cast<double>(labels);
}

// Columns to sum over the drawn items: a Mean delta's differences x - y, or both columns of a
// RootMeanSquare delta. They are laid out four to a row, item by item, so one draw reads one
// 32-byte row and adds it with vector instructions; two running sums (even and odd draws) keep
// the adds from waiting on each other.
class DeltaColumns {
public:
    static constexpr std::size_t kWidth = 4;

    DeltaColumns(std::size_t n, std::span<const PairedStatistic> deltas)
        : n_(n), slotOf_(deltas.size()), slotOfY_(deltas.size()) {
        using Kind = PairedStatistic::Kind;
        const std::size_t k = deltas.size();
        std::size_t slots = 0;
        for (std::size_t s = 0; s < k; ++s) {
            if (deltas[s].kind == Kind::Mean)
                slotOf_[s] = slots++;
            if (deltas[s].kind == Kind::RootMeanSquare) {
                slotOf_[s] = slots++;
                slotOfY_[s] = slots++;
            }
        }
        blocks_ = (slots + kWidth - 1) / kWidth;
        rows_.assign(blocks_, std::vector<double>(n * kWidth, 0.0));
        auto put = [&](std::size_t slot, std::size_t i, double v) {
            rows_[slot / kWidth][i * kWidth + slot % kWidth] = v;
        };
        for (std::size_t s = 0; s < k; ++s)
            for (std::size_t i = 0; i < n && deltas[s].kind != Kind::MacroF1; ++i) {
                if (deltas[s].kind == Kind::Mean) {
                    put(slotOf_[s], i, deltas[s].x[i] - deltas[s].y[i]);
                } else if (deltas[s].kind == Kind::RootMeanSquare) {
                    put(slotOf_[s], i, deltas[s].x[i]);
                    put(slotOfY_[s], i, deltas[s].y[i]);
                }
            }
    }

    std::size_t width() const { return blocks_ * kWidth; }
    std::size_t slot(std::size_t s) const { return slotOf_[s]; }
    std::size_t slotY(std::size_t s) const { return slotOfY_[s]; }

    // Every column's sum over the `n` drawn rows `picks`, into `sums` (width() long).
    void sum(const std::uint32_t* picks, std::vector<double>& sums) const {
        const std::size_t n = n_;
        for (std::size_t b = 0; b < blocks_; ++b) {
            const double* base = rows_[b].data();
            double even[kWidth] = {}, odd[kWidth] = {};
            std::size_t i = 0;
            for (; i + 2 <= n; i += 2) {
                const double* r0 = base + std::size_t{picks[i]} * kWidth;
                const double* r1 = base + std::size_t{picks[i + 1]} * kWidth;
                for (std::size_t j = 0; j < kWidth; ++j) {
                    even[j] += r0[j];
                    odd[j] += r1[j];
                }
            }
            if (i < n) {
                const double* r0 = base + std::size_t{picks[i]} * kWidth;
                for (std::size_t j = 0; j < kWidth; ++j)
                    even[j] += r0[j];
            }
            for (std::size_t j = 0; j < kWidth; ++j)
                sums[b * kWidth + j] = even[j] + odd[j];
        }
    }

private:
    std::size_t n_ = 0;
    std::vector<std::size_t> slotOf_, slotOfY_;
    std::size_t blocks_ = 0;
    std::vector<std::vector<double>> rows_;
};

// Macro-F1 delta over the drawn items, with its counters kept between draws.
class F1Counts {
public:
    double delta(const PairedStatistic& st, std::span<const std::uint32_t> drawn) {
        const std::size_t labels = st.labelCount;
        for (auto* v : {&tpX_, &predX_, &tpY_, &predY_, &truth_})
            v->assign(labels, 0);
        const auto in = [&](int label) {
            return label >= 0 && static_cast<std::size_t>(label) < labels;
        };
        for (std::uint32_t i : drawn) {
            const int g = st.gold[i], px = st.xLabels[i], py = st.yLabels[i];
            if (in(g))
                ++truth_[static_cast<std::size_t>(g)];
            if (in(px)) {
                ++predX_[static_cast<std::size_t>(px)];
                tpX_[static_cast<std::size_t>(px)] += px == g ? 1 : 0;
            }
            if (in(py)) {
                ++predY_[static_cast<std::size_t>(py)];
                tpY_[static_cast<std::size_t>(py)] += py == g ? 1 : 0;
            }
        }
        return macroF1(tpX_, predX_, truth_, scratch_) - macroF1(tpY_, predY_, truth_, scratch_);
    }

private:
    std::vector<std::size_t> tpX_, predX_, tpY_, predY_, truth_;
    std::vector<double> scratch_;
};

} // namespace

ResampleIndices::ResampleIndices(std::uint64_t seed, std::uint32_t n)
    : state_(seed), n_(n == 0 ? 1 : n),
      threshold_(static_cast<std::uint32_t>((std::uint64_t{1} << 32) % (n == 0 ? 1 : n))) {}

double mcnemarExactP(std::size_t onlyX, std::size_t onlyY) {
    const std::size_t n = onlyX + onlyY;
    const std::size_t k = std::min(onlyX, onlyY);
    if (n == 0 || 2 * k == n)
        return 1.0;
    return std::min(1.0, 2 * binomialHalfCdf(k, n));
}

WilcoxonResult wilcoxonSignedRank(std::span<const double> x, std::span<const double> y) {
    WilcoxonResult out;
    const std::size_t n = std::min(x.size(), y.size());
    if (n == 0) {
        out.method = WilcoxonMethod::None;
        return out;
    }
    std::vector<double> d(n);
    for (std::size_t i = 0; i < n; ++i) {
        d[i] = x[i] - y[i];
        out.zeros += d[i] == 0 ? 1 : 0;
    }
    bool exact = n <= 50 && out.zeros == 0;
    if (!exact) {
        if (out.zeros == n) {
            out.method = WilcoxonMethod::None; // scipy raises: every difference is zero
            return out;
        }
        std::erase(d, 0.0);
    }
    const std::size_t count = d.size();
    out.used = count;
    std::vector<double> magnitude(count);
    for (std::size_t i = 0; i < count; ++i)
        magnitude[i] = std::fabs(d[i]);
    std::vector<std::size_t> tieGroups;
    const std::vector<double> ranks = averageRanks(magnitude, tieGroups);
    // Sums of halves far below 2^53: exact in any order, as numpy's sum is.
    double rPlus = 0, rMinus = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (d[i] > 0)
            rPlus += ranks[i];
        else if (d[i] < 0)
            rMinus += ranks[i];
    }
    out.statistic = std::min(rPlus, rMinus);
    const auto c = static_cast<double>(count);
    if (!exact) {
        out.method = WilcoxonMethod::Normal;
        const double mean = c * (c + 1.) * 0.25;
        double se = c * (c + 1.) * (2. * c + 1.);
        double repeats = 0;
        for (std::size_t t : tieGroups) {
            const auto td = static_cast<double>(t);
            repeats += td * (td * td - 1);
        }
        se -= 0.5 * repeats;
        se = std::sqrt(se / 24);
        out.z = (out.statistic - mean) / se;
        out.p = 2. * ndtr(-std::fabs(out.z));
        return out;
    }
    out.method = WilcoxonMethod::Exact;
    const std::vector<double> pmf = wilcoxonPmf(count);
    // scipy: r_plus = int(r_plus), so a tied half rank is cut off.
    const auto r = static_cast<std::size_t>(rPlus);
    if (r == (pmf.size() - 1) / 2) {
        out.p = 1.0;
        return out;
    }
    const std::span<const double> all(pmf);
    const double pLess = numpyPairwiseSum(all.first(r + 1));
    const double pGreater = numpyPairwiseSum(all.subspan(r));
    out.p = std::clamp(2 * std::min(pGreater, pLess), 0.0, 1.0);
    return out;
}

std::vector<double> holmAdjust(std::span<const double> p) {
    const std::size_t m = p.size();
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    std::vector<double> adjusted(m);
    double running = 0;
    for (std::size_t i = 0; i < m; ++i) {
        const double scaled = std::min(1.0, static_cast<double>(m - i) * p[order[i]]);
        running = std::max(running, scaled);
        adjusted[order[i]] = running;
    }
    return adjusted;
}

std::vector<Interval> pairedDeltaIntervals(std::size_t n, std::span<const PairedStatistic> deltas,
                                           const BootstrapOptions& options) {
    using Kind = PairedStatistic::Kind;
    std::vector<Interval> out(deltas.size());
    if (n == 0 || n > UINT32_MAX || deltas.empty() || options.resamples == 0)
        return out;
    const std::size_t k = deltas.size();
    const DeltaColumns columns(n, deltas);
    std::vector<double> sums(columns.width());
    F1Counts f1;

    // Macro-F1 is resampled within each gold label, as the run summary does (see Bootstrap.h):
    // each delta has its own draws, one generator per gold label, so it gets the same interval
    // alone or together with others.
    struct Stratified {
        std::vector<std::vector<std::size_t>> groups;
        std::vector<ResampleIndices> draws;
    };
    std::vector<Stratified> stratified(k);
    for (std::size_t s = 0; s < k; ++s) {
        if (deltas[s].kind != Kind::MacroF1)
            continue;
        stratified[s].groups = strataOf(deltas[s].gold.first(n));
        for (std::size_t g = 0; g < stratified[s].groups.size(); ++g)
            stratified[s].draws.emplace_back(
                options.seed + 0x9e3779b97f4a7c15ULL * (g + 1),
                static_cast<std::uint32_t>(stratified[s].groups[g].size()));
    }
    std::vector<std::uint32_t> strataPicks(n);

    const auto nd = static_cast<double>(n);

    ResampleIndices draw(options.seed, static_cast<std::uint32_t>(n));
    std::vector<std::uint32_t> picks(n);
    std::vector<std::vector<double>> stats(k);
    for (auto& s : stats)
        s.reserve(options.resamples);
    for (std::size_t r = 0; r < options.resamples; ++r) {
        draw.fill(picks);
        columns.sum(picks.data(), sums);
        for (std::size_t s = 0; s < k; ++s) {
            const PairedStatistic& st = deltas[s];
            switch (st.kind) {
            case Kind::Mean:
                stats[s].push_back(sums[columns.slot(s)] / nd);
                break;
            case Kind::RootMeanSquare:
                stats[s].push_back(std::sqrt(sums[columns.slot(s)] / nd) -
                                   std::sqrt(sums[columns.slotY(s)] / nd));
                break;
            case Kind::MacroF1: {
                std::size_t at = 0;
                auto& strat = stratified[s];
                for (std::size_t g = 0; g < strat.groups.size(); ++g)
                    for (std::size_t j = 0; j < strat.groups[g].size(); ++j)
                        strataPicks[at++] =
                            static_cast<std::uint32_t>(strat.groups[g][strat.draws[g].next()]);
                stats[s].push_back(f1.delta(st, strataPicks));
                break;
            }
            case Kind::Invalid:
                stats[s].push_back(0);
                break;
            }
        }
    }
    for (std::size_t s = 0; s < k; ++s)
        out[s] = percentileInterval(stats[s], options.confidence);
    return out;
}

} // namespace r2p::metrics
