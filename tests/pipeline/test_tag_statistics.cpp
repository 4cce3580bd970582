// Tag statistics of a stored run (what `r2p tags` prints and Analysis › Tags shows) on the
// hand-made run of test::storeTaggedRun, every number worked out by hand below.
#include "pipeline/analysis/TagStatistics.h"
#include "support/TestSupport.h"

#include <cmath>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;

namespace {

const analysis::TagRow* rowOf(const analysis::SystemTagStatistics& s, const std::string& tag) {
    for (const auto& r : s.tags)
        if (r.tag == tag)
            return &r;
    return nullptr;
}

class TagStatisticsTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = ProjectStore::open(dir.file("p.r2p"));
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        store = std::move(*opened);
        RunInfo info;
        info.users = {"u1", "u2", "u3", "u4"};
        std::string error;
        runId = test::storeTaggedRun(*store, info, &error);
        ASSERT_NE(runId, 0) << error;
    }
    test::TempDir dir;
    std::unique_ptr<ProjectStore> store;
    std::int64_t runId = 0;
};

} // namespace

TEST_F(TagStatisticsTest, CountsTagsTransitionsAndScoresByHand) {
    bool bad = true;
    auto stats = analysis::tagStatistics(*store, {runId, {}, {}}, bad);
    ASSERT_TRUE(stats.ok()) << stats.error().message;
    EXPECT_FALSE(bad);
    // tagpr first (the run's order), then lrm-rag with the one trace that has a span.
    ASSERT_EQ(stats->systems.size(), 2u);
    const auto& t = stats->systems[0];
    EXPECT_EQ(t.system, SystemId::TagPR);
    EXPECT_EQ(t.chains, 4u);
    EXPECT_EQ(t.metric, "MAE");
    const auto* query = rowOf(t, "query");
    ASSERT_NE(query, nullptr);
    EXPECT_EQ(query->spans, 4u);
    EXPECT_EQ(query->chainsWith, 4u);
    // "The query asks for a rating." is 28 code points: (28 + 3) / 4 = 7 tokens. Right: user 1;
    // wrong: users 2 and 3; user 4 has no gold and counts in neither.
    EXPECT_EQ(query->tokensRight.n, 1u);
    EXPECT_EQ(query->tokensRight.mean, 7.0);
    EXPECT_EQ(query->tokensWrong.n, 2u);
    EXPECT_EQ(query->tokensWrong.mean, 7.0);
    const auto* pref = rowOf(t, "preference");
    ASSERT_NE(pref, nullptr);
    EXPECT_EQ(pref->spans, 3u);
    // MAE with a preference: users 1 (0) and 2 (1): 0.5; without: user 3 alone (2).
    EXPECT_EQ(pref->metricWith.n, 2u);
    EXPECT_DOUBLE_EQ(pref->metricWith.mean, 0.5);
    EXPECT_EQ(pref->metricWithout.n, 1u);
    EXPECT_EQ(pref->metricWithout.mean, 2.0);
    EXPECT_EQ(pref->metricWithout.ci.lo, 2.0); // one value: every resample is that value
    EXPECT_EQ(pref->metricWithout.ci.hi, 2.0);
    // Resamples of {0, 1} have means 0, 0.5 or 1: the 95% interval lies within [0, 1] and
    // holds 0.5.
    EXPECT_GE(pref->metricWith.ci.lo, 0.0);
    EXPECT_LE(pref->metricWith.ci.lo, 0.5);
    EXPECT_GE(pref->metricWith.ci.hi, 0.5);
    EXPECT_LE(pref->metricWith.ci.hi, 1.0);
    using P = std::pair<std::string, std::string>;
    const std::map<P, std::size_t> transitions = {{{"query", "preference"}, 3},
                                                  {{"preference", "relate"}, 2},
                                                  {{"relate", "answer"}, 2},
                                                  {{"preference", "answer"}, 1},
                                                  {{"query", "answer"}, 1}};
    EXPECT_EQ(t.transitions, transitions);
    // Weights sum to 14. Scores 14/14, 13/14 (transition, 1), 11/14 (required 2 + transition
    // 1), 14/14: mean 52/56.
    EXPECT_EQ(t.constraintScore.n, 4u);
    EXPECT_NEAR(t.constraintScore.mean, 52.0 / 56.0, 1e-12);
    EXPECT_LE(t.constraintScore.ci.lo, t.constraintScore.mean);
    EXPECT_GE(t.constraintScore.ci.hi, t.constraintScore.mean);
    // Pearson's r of (score, MAE) over (1, 0), (13/14, 1), (11/14, 2): in 14ths x = 14, 13, 11
    // (mean 38/3), y = 0, 1, 2 (mean 1); sxy = -3, sxx = 14/3, syy = 2; r = -3 / sqrt(28/3).
    ASSERT_TRUE(t.scoreMetricR.has_value());
    EXPECT_NEAR(*t.scoreMetricR, -3.0 / std::sqrt(28.0 / 3.0), 1e-12);
    const std::map<std::string, std::size_t> breaking = {{"required", 1}, {"transition", 2}};
    EXPECT_EQ(t.violationsByRule, breaking);
    ASSERT_EQ(t.chainChecks.size(), 4u);
    EXPECT_EQ(t.chainChecks[2].userId, "u3");
    EXPECT_FALSE(t.chainChecks[3].metric.has_value());

    const auto& l = stats->systems[1];
    EXPECT_EQ(l.system, SystemId::LrmRag);
    EXPECT_EQ(l.chains, 1u); // only user 1's trace has a span
    ASSERT_EQ(l.tags.size(), 1u);
    EXPECT_EQ(l.tags[0].tag, "preference");
    EXPECT_FALSE(l.scoreMetricR.has_value()); // one chain
}

TEST_F(TagStatisticsTest, JsonKeepsTheCliShapeAndAddsIntervals) {
    bool bad = false;
    auto stats = analysis::tagStatistics(*store, {runId, {SystemId::TagPR}, {}}, bad);
    ASSERT_TRUE(stats.ok()) << stats.error().message;
    const auto j = nlohmann::json::parse(analysis::tagStatisticsJson(*stats));
    ASSERT_TRUE(j["systems"].contains("tagpr"));
    EXPECT_FALSE(j["systems"].contains("lrm-rag"));
    const auto& s = j["systems"]["tagpr"];
    EXPECT_EQ(s["frequency"]["answer"], 4);
    EXPECT_EQ(s["chains_with"]["relate"], 2);
    EXPECT_EQ(s["metric_by_tag"]["preference"]["without"]["ci95"],
              nlohmann::json::parse("[2.0, 2.0]"));
    EXPECT_TRUE(s["metric_by_tag"]["answer"]["without"]["mean"].is_null());
    EXPECT_EQ(s["chains_breaking"]["transition"], 2);
}

TEST_F(TagStatisticsTest, UnknownRunOrSystemIsTheRequestsFault) {
    bool bad = false;
    auto none = analysis::tagStatistics(*store, {runId + 7, {}, {}}, bad);
    ASSERT_FALSE(none.ok());
    EXPECT_TRUE(bad);
    EXPECT_NE(none.error().message.find("no run"), std::string::npos);
    bad = false;
    auto r2p = analysis::tagStatistics(*store, {runId, {SystemId::R2P}, {}}, bad);
    ASSERT_FALSE(r2p.ok());
    EXPECT_TRUE(bad);
    EXPECT_NE(r2p.error().message.find("has no system \"r2p\""), std::string::npos);
}

// A person's correction of user 3's chain (<query>The query asks for a rating.</query>
// <answer>2</answer>: the query segment retagged as a preference) is what the chain is read with
// from then on, and its agreement with the model's tags is Cohen's kappa over the non-space bytes
// either tagged: 23 of "The query asks for a rating." (query vs preference) and "2" (answer vs
// answer): p_o = 1/24, p_e = (1/24)^2, kappa = (1/24 - 1/576) / (1 - 1/576) = 23/575.
TEST_F(TagStatisticsTest, ACorrectionIsReadAndItsAgreementWithTheModelIsKappa) {
    RunStore runs(*store);
    auto span = [](std::int64_t start, std::int64_t end, const std::string& tag) {
        TagSpanRecord r{start, end, tag, "human", "bo", 1, "tagpr-personalization", 1};
        return r;
    };
    ASSERT_TRUE(runs.replaceTagSpans(runId, {{"u3",
                                              SystemId::TagPR,
                                              1,
                                              "human",
                                              "bo",
                                              {span(7, 35, "preference"), span(51, 52, "answer")}}})
                    .ok());
    bool bad = false;
    auto stats = analysis::tagStatistics(*store, {runId, {}, {}}, bad);
    ASSERT_TRUE(stats.ok()) << stats.error().message;
    ASSERT_EQ(stats->agreement.size(), 1u);
    const auto& g = stats->agreement[0];
    EXPECT_EQ(g.a, "human:bo");
    EXPECT_EQ(g.b, "model");
    EXPECT_EQ(g.chains, 1u);
    EXPECT_EQ(g.units, 24u);
    EXPECT_NEAR(g.kappa.observed, 1.0 / 24, 1e-12);
    EXPECT_NEAR(g.kappa.expected, 1.0 / 576, 1e-12);
    ASSERT_TRUE(g.kappa.kappa.has_value());
    EXPECT_NEAR(*g.kappa.kappa, 23.0 / 575, 1e-12);
    // User 3's chain is now read with bo's spans: a preference without a citation, followed by
    // the answer (transition 1 + citations 2): 11/14; no required tag is missing any more.
    const auto& t = stats->systems[0];
    const auto& c = t.chainChecks[2];
    EXPECT_EQ(c.userId, "u3");
    EXPECT_NEAR(c.constraintScore, 11.0 / 14, 1e-12);
    std::vector<std::string> rules;
    for (const auto& v : c.violations)
        rules.push_back(std::string(tags::tagRuleName(v.rule)));
    EXPECT_EQ(rules, (std::vector<std::string>{"transition", "citations"}));
    const auto j = nlohmann::json::parse(analysis::tagStatisticsJson(*stats));
    EXPECT_NEAR(j["agreement"][0]["kappa"].get<double>(), 23.0 / 575, 1e-12);
}
