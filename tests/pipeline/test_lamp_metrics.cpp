// LaMP classification and rating metrics, seeded bootstrap, and the whole evaluation with its
// id checks.
#include "pipeline/metrics/Bootstrap.h"
#include "pipeline/metrics/LampEvaluation.h"
#include "pipeline/metrics/LampMetrics.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace r2p;
using namespace r2p::metrics;

TEST(LampMetrics, LabelIndexIsExactAfterStripping) {
    EXPECT_EQ(lampLabelIndex(TaskId::LaMP1, "[1]"), 0);
    EXPECT_EQ(lampLabelIndex(TaskId::LaMP1, " [2]\n"), 1);
    EXPECT_EQ(lampLabelIndex(TaskId::LaMP1, "[3]"), -1);
    EXPECT_EQ(lampLabelIndex(TaskId::LaMP1, "1"), -1);
    EXPECT_EQ(lampLabelIndex(TaskId::LaMP2, "sci-fi"), 0);
    EXPECT_EQ(lampLabelIndex(TaskId::LaMP2, "Sci-Fi"), -1);
    EXPECT_EQ(lampLabelIndex(TaskId::LaMP2, "true story"), 14);
    EXPECT_EQ(lampLabelIndex(TaskId::LaMP2N, "healthy living"), 14);
}

TEST(LampMetrics, MacroF1CountsAbsentLabelsAndUnknownPredictions) {
    // Labels 0..2; label 2 never occurs. Prediction -1 is a miss for gold 1 and nobody's
    // false positive. F1: label 0 = 1, label 1 = 2/3 (P 1, R 1/2), label 2 = 0.
    const std::vector<int> preds = {0, -1, 1}, golds = {0, 1, 1};
    const auto s = classificationScores(preds, golds, 3);
    EXPECT_DOUBLE_EQ(s.accuracy, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(s.f1, (1.0 + 2.0 / 3.0 + 0.0) / 3.0);
    // Unknown gold and unknown prediction agree for accuracy, as LaMP's index compare does.
    const auto both = classificationScores(std::vector<int>{-1}, std::vector<int>{-1}, 2);
    EXPECT_EQ(both.accuracy, 1.0);
    EXPECT_EQ(both.f1, 0.0);
}

TEST(LampMetrics, RatingMappingOfUnparsablePredictions) {
    // Parsable text is used as is, no clamping.
    EXPECT_EQ(lampRatingValue("4.5", 2), 4.5);
    EXPECT_EQ(lampRatingValue(" 7 ", 2), 7.0);
    EXPECT_EQ(lampRatingValue("1_0", 2), 10.0);
    // Otherwise the extreme farther from the gold: 1.0 if |1 - gold| > |5 - gold| else 5.0.
    EXPECT_EQ(lampRatingValue("", 4), 1.0);
    EXPECT_EQ(lampRatingValue("five", 2), 5.0);
    EXPECT_EQ(lampRatingValue("five", 3), 5.0); // a tie goes to 5
    EXPECT_EQ(lampRatingValue("4 stars", 5), 1.0);
    EXPECT_TRUE(std::isinf(lampRatingValue("inf", 3)));
}

TEST(LampMetrics, MaeAndRmseInFloat32) {
    const std::vector<float> preds = {1, 5}, golds = {2, 2};
    const auto s = ratingScores(preds, golds);
    EXPECT_EQ(s.mae, 2.0f);
    EXPECT_EQ(s.rmse, std::sqrt(5.0f));
    // Fewer than 8 values add up one by one from 0, in float32, then divide in float32.
    const std::vector<float> p2 = {0.1f, 0.7f, 0.3f}, g2 = {0, 0, 0};
    EXPECT_EQ(ratingScores(p2, g2).mae, (((0.0f + 0.1f) + 0.7f) + 0.3f) / 3.0f);
}

TEST(LampMetrics, PairwiseSumFollowsNumpy) {
    // Nine float32 values: the 8-accumulator block then the remainder. Sequential addition
    // would give 16777216 (each +1 rounds away); numpy's order gives 16777224.
    const std::vector<float> v = {16777216.0f, 1, 1, 1, 1, 1, 1, 1, 1};
    EXPECT_EQ(numpyPairwiseSum(v), 16777224.0f);
    std::vector<double> ramp;
    for (int i = 1; i <= 1000; ++i)
        ramp.push_back(i);
    EXPECT_EQ(numpyPairwiseSum(ramp), 500500.0);
}

TEST(Bootstrap, SameSeedSameIntervalAndPercentilesInterpolate) {
    std::vector<double> q = {4, 1, 3, 2};
    EXPECT_DOUBLE_EQ(percentile(q, 50), 2.5);
    EXPECT_DOUBLE_EQ(percentile(q, 2.5), 1.075);
    std::vector<double> values;
    for (int i = 0; i < 200; ++i)
        values.push_back((i * 37) % 11 / 10.0);
    const std::vector<std::span<const double>> columns = {values};
    BootstrapOptions a;
    a.seed = 7;
    const auto first = bootstrapMeanIntervals(columns, a);
    const auto again = bootstrapMeanIntervals(columns, a);
    EXPECT_EQ(first[0].lo, again[0].lo);
    EXPECT_EQ(first[0].hi, again[0].hi);
    EXPECT_LT(first[0].lo, first[0].hi);
    // The generic path draws the same resamples.
    const auto generic = bootstrapInterval(
        values.size(),
        [&](std::span<const std::size_t> picks) {
            double s = 0;
            for (auto i : picks)
                s += values[i];
            return s / static_cast<double>(picks.size());
        },
        a);
    EXPECT_DOUBLE_EQ(generic.lo, first[0].lo);
    EXPECT_DOUBLE_EQ(generic.hi, first[0].hi);
    BootstrapOptions b = a;
    b.seed = 8;
    EXPECT_NE(bootstrapMeanIntervals(columns, b)[0].lo + bootstrapMeanIntervals(columns, b)[0].hi,
              first[0].lo + first[0].hi);
    const std::vector<double> constant(50, 0.25);
    const std::vector<std::span<const double>> flat = {constant};
    EXPECT_EQ(bootstrapMeanIntervals(flat)[0].lo, 0.25);
    EXPECT_EQ(bootstrapMeanIntervals(flat)[0].hi, 0.25);
}

TEST(Bootstrap, PairedComparisonSignsForErrors) {
    // Absolute errors: A is better on items 0 and 1, worse on 2. Lower is better, so the
    // delta A - B is negative and A wins 2 of 3.
    const std::vector<double> a = {1, 1, 1}, b = {2, 2, 0};
    const auto c = pairedBootstrapMean(a, b, Better::Lower);
    EXPECT_DOUBLE_EQ(c.delta, 1.0 - 4.0 / 3.0);
    EXPECT_EQ(c.wins, 2u);
    EXPECT_EQ(c.losses, 1u);
    EXPECT_EQ(c.ties, 0u);
    EXPECT_LE(c.ci.lo, c.delta);
    EXPECT_GE(c.ci.hi, c.delta);
    // The same numbers as ROUGE (higher is better) flip wins and losses.
    const auto h = pairedBootstrapMean(a, b, Better::Higher);
    EXPECT_EQ(h.wins, 1u);
    EXPECT_EQ(h.losses, 2u);
    EXPECT_LE(h.aBetterShare + c.aBetterShare, 1.0);
}

namespace {
std::vector<Gold> golds(std::vector<std::pair<std::string, std::string>> items) {
    std::vector<Gold> out;
    for (auto& [id, output] : items)
        out.push_back({id, output});
    return out;
}
} // namespace

TEST(LampEvaluation, PairsByIdInGoldOrder) {
    const auto g = golds({{"a", "[1]"}, {"b", "[2]"}, {"c", "[1]"}});
    const auto p = golds({{"c", " [1] "}, {"a", "[2]"}, {"b", "[2]"}});
    const auto e = evaluateLamp(TaskId::LaMP1, g, p);
    ASSERT_TRUE(e.ok()) << e.error().message;
    EXPECT_DOUBLE_EQ(e->metric("accuracy"), 2.0 / 3.0);
    ASSERT_EQ(e->items.size(), 3u);
    EXPECT_EQ(e->items[0].id, "a");
    EXPECT_EQ(e->items[0].value("accuracy"), 0.0);
    EXPECT_EQ(e->items[2].value("accuracy"), 1.0);
    ASSERT_EQ(e->intervals.size(), 2u);
    EXPECT_EQ(e->intervals[1].first, "f1");
}

TEST(LampEvaluation, MismatchedIdsAreNamed) {
    const auto g = golds({{"a", "1"}, {"b", "2"}});
    const auto p = golds({{"a", "1"}, {"z", "2"}});
    const auto e = evaluateLamp(TaskId::LaMP3, g, p);
    ASSERT_FALSE(e.ok());
    EXPECT_NE(e.error().message.find("\"b\""), std::string::npos) << e.error().message;
    EXPECT_NE(e.error().message.find("\"z\""), std::string::npos) << e.error().message;
    EXPECT_FALSE(evaluateLamp(TaskId::LaMP3, g, golds({{"a", "1"}, {"b", "2"}, {"b", "3"}})).ok());
    EXPECT_FALSE(evaluateLamp(TaskId::Invalid, g, g).ok());
    const auto badGold = evaluateLamp(TaskId::LaMP3, golds({{"a", "x"}}), golds({{"a", "1"}}));
    ASSERT_FALSE(badGold.ok());
    EXPECT_NE(badGold.error().message.find("\"a\""), std::string::npos);
}

TEST(LampEvaluation, RatingAndGenerationKeys) {
    const auto g = golds({{"1", "4"}, {"2", "2"}});
    const auto r = evaluateLamp(TaskId::LaMP3, g, golds({{"1", "five"}, {"2", "2.5"}}));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->items[0].value("MAE"), 3.0); // "five" with gold 4 maps to 1.0
    EXPECT_EQ(r->items[1].value("MAE"), 0.5);
    EXPECT_DOUBLE_EQ(r->metric("MAE"), 1.75);
    EXPECT_DOUBLE_EQ(r->metric("RMSE"), static_cast<double>(std::sqrt(4.625f)));
    const auto gen =
        evaluateLamp(TaskId::LaMP5, golds({{"x", "Deep nets"}}), golds({{"x", "deep NETS!"}}));
    ASSERT_TRUE(gen.ok());
    EXPECT_EQ(gen->metrics.size(), 4u);
    EXPECT_EQ(gen->metric("rouge-1"), 1.0);
    EXPECT_EQ(gen->metric("rouge-Lsum"), 1.0);
}

TEST(LampEvaluation, CompareTwoSystemsOnTheSameIds) {
    const auto g = golds({{"1", "4"}, {"2", "2"}, {"3", "5"}});
    const auto a = evaluateLamp(TaskId::LaMP3, g, golds({{"1", "4"}, {"2", "3"}, {"3", "5"}}));
    const auto b = evaluateLamp(TaskId::LaMP3, g, golds({{"3", "1"}, {"2", "2"}, {"1", "1"}}));
    ASSERT_TRUE(a.ok() && b.ok());
    const auto c = compareEvaluations(*a, *b, "MAE");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_LT(c->delta, 0); // A has the lower error
    EXPECT_EQ(c->wins, 2u);
    EXPECT_EQ(c->losses, 1u);
    EXPECT_FALSE(compareEvaluations(*a, *b, "rouge-1").ok());
}

// A generation task takes an item's ROUGE scores from what was stored for it when all four are
// there and finite; otherwise it computes them from the texts. The stored figures here are not
// what the texts give, so the means show which were used.
TEST(LampEvaluation, GenerationTakesStoredScoresWhereAllFourAreThere) {
    using Scores = std::vector<std::pair<std::string, double>>;
    const auto g =
        golds({{"a", "deep nets"}, {"b", "deep nets"}, {"c", "deep nets"}, {"d", "x y"}});
    const auto p = golds({{"a", "deep nets"}, {"b", "deep nets"}, {"c", "cats"}, {"d", "x y"}});
    const Scores a = {{"rouge-1", 0.5}, {"rouge-2", 0.25}, {"rouge-L", 0.5}, {"rouge-Lsum", 0.75}};
    const Scores c = {{"rouge-1", 0.9}, {"rouge-2", 0.9}, {"rouge-L", 0.9}}; // no rouge-Lsum
    const Scores d = {{"rouge-1", NAN}, {"rouge-2", 0.1}, {"rouge-L", 0.1}, {"rouge-Lsum", 0.1}};
    const std::vector<const Scores*> stored = {&a, nullptr, &c, &d};
    const auto e = evaluateLamp(TaskId::LaMP5, g, p, {}, stored);
    ASSERT_TRUE(e.ok()) << e.error().message;
    // a stored; b, d computed (identical texts: 1 each); c computed ("cats": 0 each).
    EXPECT_DOUBLE_EQ(e->metric("rouge-1"), (0.5 + 1 + 0 + 1) / 4);
    EXPECT_DOUBLE_EQ(e->metric("rouge-2"), (0.25 + 1 + 0 + 1) / 4);
    EXPECT_DOUBLE_EQ(e->metric("rouge-L"), (0.5 + 1 + 0 + 1) / 4);
    EXPECT_DOUBLE_EQ(e->metric("rouge-Lsum"), (0.75 + 1 + 0 + 1) / 4);
    ASSERT_EQ(e->items.size(), 4u);
    EXPECT_EQ(e->items[0].value("rouge-2"), 0.25);
    EXPECT_EQ(e->items[2].value("rouge-1"), 0.0);
    EXPECT_EQ(e->items[3].value("rouge-1"), 1.0);
    ASSERT_EQ(e->intervals.size(), 4u);

    // Not one stored entry per gold: refused, naming both counts.
    const std::vector<const Scores*> short1 = {&a};
    const auto bad = evaluateLamp(TaskId::LaMP5, g, p, {}, short1);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("1 items, but 4 golds"), std::string::npos)
        << bad.error().message;

    // Classification compares labels whatever was stored.
    const Scores wrong = {{"accuracy", 0.0}};
    const std::vector<const Scores*> one = {&wrong};
    const auto cls =
        evaluateLamp(TaskId::LaMP1, golds({{"a", "[1]"}}), golds({{"a", "[1]"}}), {}, one);
    ASSERT_TRUE(cls.ok());
    EXPECT_EQ(cls->metric("accuracy"), 1.0);
}
