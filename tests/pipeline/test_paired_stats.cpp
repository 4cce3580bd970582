// Paired statistics against scipy 1.10 (tests/pipeline/data/paired_oracle.json, written by
// paired_oracle.py next to it): Wilcoxon signed-rank p-values and statistics, exact McNemar,
// Holm's adjustment, and the seeded paired bootstrap; plus cases worked by hand.
#include "pipeline/metrics/Bootstrap.h"
#include "pipeline/metrics/PairedStats.h"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace r2p::metrics;
using nlohmann::json;

namespace {

const json& oracle() {
    static const json data = [] {
        std::ifstream in(std::string(R2P_SOURCE_DIR) + "/tests/pipeline/data/paired_oracle.json");
        std::stringstream text;
        text << in.rdbuf();
        return json::parse(text.str());
    }();
    return data;
}

std::vector<double> doubles(const json& array) {
    return array.get<std::vector<double>>();
}

// Relative tolerance; scipy and this code sum and exponentiate in a different order.
void expectClose(double expected, double actual, double rel, const std::string& what) {
    EXPECT_NEAR(actual, expected, rel * std::max(std::fabs(expected), 1e-300)) << what;
}

} // namespace

TEST(PairedStats, OracleFileIsFromScipy110) {
    EXPECT_EQ(oracle()["scipy"].get<std::string>().substr(0, 5), "1.10.");
    EXPECT_GE(oracle()["wilcoxon"].size(), 50u);
    EXPECT_GE(oracle()["mcnemar"].size(), 40u);
}

TEST(PairedStats, WilcoxonMatchesScipyOnEveryFixture) {
    std::size_t exact = 0, normal = 0;
    for (const auto& c : oracle()["wilcoxon"]) {
        const std::string name = c["name"];
        const auto x = doubles(c["x"]), y = doubles(c["y"]);
        const WilcoxonResult r = wilcoxonSignedRank(x, y);
        if (c.contains("raises")) {
            EXPECT_EQ(r.method, WilcoxonMethod::None) << name;
            EXPECT_EQ(r.p, 1.0) << name;
            continue;
        }
        exact += r.method == WilcoxonMethod::Exact;
        normal += r.method == WilcoxonMethod::Normal;
        EXPECT_EQ(r.statistic, c["statistic"].get<double>()) << name;
        expectClose(c["p"].get<double>(), r.p, 1e-12, name);
    }
    // The fixtures cover both of scipy's methods.
    EXPECT_GE(exact, 20u);
    EXPECT_GE(normal, 20u);
}

TEST(PairedStats, WilcoxonChoosesScipysMethod) {
    // 50 untied non-zero differences: exact; 51: normal; one zero among 10: normal, zero dropped.
    std::vector<double> x(51), y(51, 0.0);
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = (i % 3 == 0 ? -1.0 : 1.0) * static_cast<double>(i + 1);
    EXPECT_EQ(wilcoxonSignedRank(std::span(x).first(50), std::span(y).first(50)).method,
              WilcoxonMethod::Exact);
    EXPECT_EQ(wilcoxonSignedRank(x, y).method, WilcoxonMethod::Normal);
    std::vector<double> a{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, b(10, 0.0);
    const auto r = wilcoxonSignedRank(a, b);
    EXPECT_EQ(r.method, WilcoxonMethod::Normal);
    EXPECT_EQ(r.zeros, 1u);
    EXPECT_EQ(r.used, 9u);
    EXPECT_EQ(wilcoxonSignedRank({}, {}).method, WilcoxonMethod::None);
}

TEST(PairedStats, WilcoxonByHand) {
    // d = 1, 2, 3, -4, 5: R+ = 11, R- = 4, T = 4. Of the 32 equally likely sign patterns, 7 have
    // R+ <= 4 ({}, 1, 2, 3, 4, 1+2, 1+3), and by symmetry 7 have R+ >= 11: p = 14/32.
    const std::vector<double> x{2, 3, 4, 1, 6}, y{1, 1, 1, 5, 1};
    const auto r = wilcoxonSignedRank(x, y);
    EXPECT_EQ(r.method, WilcoxonMethod::Exact);
    EXPECT_EQ(r.statistic, 4.0);
    EXPECT_DOUBLE_EQ(r.p, 14.0 / 32.0);
    // One non-zero difference among zeros: normal approximation on n = 1, z = (0 - 0.5)/0.5.
    const std::vector<double> a{1, 2, 3, 5}, b{1, 2, 3, 4};
    const auto one = wilcoxonSignedRank(a, b);
    EXPECT_EQ(one.method, WilcoxonMethod::Normal);
    EXPECT_DOUBLE_EQ(one.z, -1.0);
    EXPECT_NEAR(one.p, std::erfc(1 / std::sqrt(2.0)), 1e-15);
}

TEST(PairedStats, McNemarMatchesScipyBinomtest) {
    for (const auto& c : oracle()["mcnemar"]) {
        const std::size_t b = c["b"], cc = c["c"];
        const double p = mcnemarExactP(b, cc);
        // lgamma of 20,000 carries ~2e-11 relative error into the largest term.
        expectClose(c["p"].get<double>(), p, b + cc > 1000 ? 1e-9 : 1e-12,
                    std::to_string(b) + "/" + std::to_string(cc));
        EXPECT_EQ(p, mcnemarExactP(cc, b)) << "symmetric";
    }
}

TEST(PairedStats, McNemarByHand) {
    // b = 1, c = 7: 2 * (C(8,0) + C(8,1)) / 2^8 = 18/256.
    EXPECT_DOUBLE_EQ(mcnemarExactP(1, 7), 18.0 / 256.0);
    // b = 0, c = 3: 2 * 1/8.
    EXPECT_DOUBLE_EQ(mcnemarExactP(0, 3), 0.25);
    EXPECT_EQ(mcnemarExactP(0, 0), 1.0);
    EXPECT_EQ(mcnemarExactP(4, 4), 1.0);
    EXPECT_EQ(mcnemarExactP(0, 1), 1.0);
}

TEST(PairedStats, HolmMatchesTheOracleAndByHand) {
    for (const auto& c : oracle()["holm"]) {
        const auto p = doubles(c["p"]);
        const auto expected = doubles(c["adjusted"]);
        const auto adjusted = holmAdjust(p);
        ASSERT_EQ(adjusted.size(), expected.size());
        for (std::size_t i = 0; i < p.size(); ++i)
            EXPECT_DOUBLE_EQ(adjusted[i], expected[i]) << i;
    }
    // 0.01*3 = 0.03; 0.03*2 = 0.06; 0.04*1 = 0.04, raised to the running maximum 0.06.
    const std::vector<double> p{0.01, 0.04, 0.03};
    const auto a = holmAdjust(p);
    EXPECT_DOUBLE_EQ(a[0], 0.03);
    EXPECT_DOUBLE_EQ(a[1], 0.06);
    EXPECT_DOUBLE_EQ(a[2], 0.06);
}

TEST(PairedStats, BootstrapMatchesThePythonResamples) {
    for (const auto& c : oracle()["bootstrap"]) {
        const auto x = doubles(c["x"]), y = doubles(c["y"]);
        BootstrapOptions options;
        options.seed = c["seed"];
        options.resamples = c["resamples"];
        PairedStatistic mean{PairedStatistic::Kind::Mean, x, y, {}, {}, {}, 0};
        PairedStatistic root{PairedStatistic::Kind::RootMeanSquare, x, y, {}, {}, {}, 0};
        const std::vector<PairedStatistic> both{mean, root};
        const auto intervals = pairedDeltaIntervals(x.size(), both, options);
        // Same resamples and sums; numpy interpolates percentiles from the upper end past the
        // midpoint, hence not to the last bit.
        EXPECT_NEAR(intervals[0].lo, c["mean"][0].get<double>(), 1e-12);
        EXPECT_NEAR(intervals[0].hi, c["mean"][1].get<double>(), 1e-12);
        EXPECT_NEAR(intervals[1].lo, c["root"][0].get<double>(), 1e-12);
        EXPECT_NEAR(intervals[1].hi, c["root"][1].get<double>(), 1e-12);
        // Alone or together: each delta sees the same resamples.
        const auto alone = pairedDeltaIntervals(x.size(), std::span(&root, 1), options);
        EXPECT_EQ(alone[0].lo, intervals[1].lo);
        EXPECT_EQ(alone[0].hi, intervals[1].hi);
    }
}

TEST(PairedStats, ManyDeltasTogetherGetTheIntervalsTheyGetAlone) {
    // Eight sums in two rows of four, and a macro-F1 beside them.
    std::vector<std::vector<double>> columns;
    for (int c = 0; c < 6; ++c) {
        columns.emplace_back();
        for (int i = 0; i < 57; ++i)
            columns.back().push_back(static_cast<double>((i * (c + 3) + c) % 7) / 7.0);
    }
    std::vector<int> gold(57), xs(57), ys(57);
    for (int i = 0; i < 57; ++i) {
        gold[static_cast<std::size_t>(i)] = i % 4;
        xs[static_cast<std::size_t>(i)] = (i * 3) % 4;
        ys[static_cast<std::size_t>(i)] = i % 5 == 0 ? -1 : i % 4;
    }
    using Kind = PairedStatistic::Kind;
    std::vector<PairedStatistic> all{
        {Kind::RootMeanSquare, columns[0], columns[1], {}, {}, {}, 0},
        {Kind::Mean, columns[2], columns[3], {}, {}, {}, 0},
        {Kind::MacroF1, {}, {}, xs, ys, gold, 4},
        {Kind::RootMeanSquare, columns[4], columns[5], {}, {}, {}, 0},
        {Kind::Mean, columns[1], columns[4], {}, {}, {}, 0},
        {Kind::RootMeanSquare, columns[3], columns[0], {}, {}, {}, 0},
        {Kind::Mean, columns[5], columns[2], {}, {}, {}, 0},
    };
    const BootstrapOptions options{300, 17, 0.9};
    const auto together = pairedDeltaIntervals(57, all, options);
    for (std::size_t s = 0; s < all.size(); ++s) {
        const auto alone = pairedDeltaIntervals(57, std::span(&all[s], 1), options);
        EXPECT_EQ(alone[0].lo, together[s].lo) << s;
        EXPECT_EQ(alone[0].hi, together[s].hi) << s;
        EXPECT_LT(together[s].lo, together[s].hi) << s;
    }
}

TEST(PairedStats, MacroF1DeltaIntervalBracketsThePointDelta) {
    // Three labels; x always right, y right on the first label only.
    std::vector<int> gold, xs, ys;
    for (int i = 0; i < 90; ++i) {
        gold.push_back(i % 3);
        xs.push_back(i % 3);
        ys.push_back(0);
    }
    PairedStatistic f1;
    f1.kind = PairedStatistic::Kind::MacroF1;
    f1.xLabels = xs;
    f1.yLabels = ys;
    f1.gold = gold;
    f1.labelCount = 3;
    const auto ci = pairedDeltaIntervals(gold.size(), std::span(&f1, 1), {500, 3, 0.95})[0];
    // Point: 1 - (F1 of label 0 = 2*(1/3)*1/(1/3+1) = 0.5, others 0)/3 = 1 - 1/6. Resampled
    // within each gold label (30 users each), x stays right on all and y's counts per label
    // stay fixed, so every resample gives the point delta: the interval is that one value.
    EXPECT_NEAR(ci.lo, 1 - 1.0 / 6, 1e-12);
    EXPECT_NEAR(ci.hi, 1 - 1.0 / 6, 1e-12);
}

TEST(PairedStats, ResampleIndicesMatchThePythonDraws) {
    for (const auto& c : oracle()["indices"]) {
        ResampleIndices draw(c["seed"].get<std::uint64_t>(), c["n"].get<std::uint32_t>());
        for (const auto& expected : c["first"])
            ASSERT_EQ(draw.next(), expected.get<std::uint32_t>()) << c["seed"] << " " << c["n"];
    }
    // fill() is next() in bulk, rejections included (n = 2^31 + 1 rejects almost half).
    for (std::uint32_t n : {3u, 20000u, 2147483649u}) {
        ResampleIndices one(5, n), bulk(5, n);
        std::vector<std::uint32_t> picks(1001);
        bulk.fill(std::span(picks).first(1));
        bulk.fill(std::span(picks).subspan(1));
        for (std::size_t i = 0; i < picks.size(); ++i)
            ASSERT_EQ(picks[i], one.next()) << n << " " << i;
    }
    // Every index of a small n turns up about equally often.
    ResampleIndices draw(11, 5);
    std::vector<int> counts(5, 0);
    for (int i = 0; i < 50000; ++i)
        ++counts.at(draw.next());
    for (int count : counts)
        EXPECT_NEAR(count, 10000, 400);
}
