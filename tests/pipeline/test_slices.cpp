// Slices of a run from hand-made outcomes: exact bucket members, means, paired deltas and
// win/tie/loss in the metric's direction, failure labels counted per label, and the JSON.
#include "pipeline/analysis/Slices.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::analysis;

namespace {

UserOutcome outcome(const std::string& user, SystemId system, std::optional<double> score,
                    const std::string& metric, int interventions = 0,
                    std::optional<std::string> gold = std::nullopt) {
    UserOutcome o;
    o.userId = user;
    o.system = system;
    o.status = score ? UserStatus::Done : UserStatus::Failed;
    if (score)
        o.scores = {{metric, *score}, {"other", 99}};
    o.interventions = interventions;
    o.gold = std::move(gold);
    return o;
}

DatasetIndex indexOf(const std::vector<std::tuple<std::string, std::uint32_t, std::string>>& u) {
    DatasetIndex index;
    for (const auto& [id, size, gold] : u) {
        UserIndexEntry e;
        e.id = id;
        e.profileSize = size;
        e.gold = gold;
        e.hasGold = !gold.empty();
        index.users.push_back(e);
    }
    return index;
}

const Slicing& slicing(const SliceReport& r, SliceKind kind) {
    for (const auto& s : r.slicings)
        if (s.kind == kind)
            return s;
    throw std::runtime_error("no slicing " + std::string(sliceKindName(kind)));
}

const SystemMean& meanOf(const SliceBucket& b, SystemId system) {
    for (const auto& m : b.means)
        if (m.system == system)
            return m;
    throw std::runtime_error("no mean for " + std::string(systemName(system)));
}

// LaMP-3 (MAE: lower is better). u6 is not in the index; its gold comes from the outcome.
struct RatingRun {
    std::vector<UserOutcome> outcomes;
    DatasetIndex index = indexOf(
        {{"u1", 5, "4"}, {"u2", 10, "4"}, {"u3", 49, " 2 "}, {"u4", 150, "5"}, {"u5", 300, "1"}});
    RatingRun() {
        const std::string m = "MAE";
        outcomes = {outcome("u1", SystemId::R2P, 0, m, 1),
                    outcome("u1", SystemId::LampRag, 1, m),
                    outcome("u2", SystemId::R2P, 1, m, 0),
                    outcome("u2", SystemId::LampRag, 1, m),
                    outcome("u3", SystemId::R2P, 2, m, 2),
                    outcome("u3", SystemId::LampRag, 0, m),
                    outcome("u4", SystemId::R2P, std::nullopt, m),
                    outcome("u4", SystemId::LampRag, 3, m),
                    outcome("u5", SystemId::R2P, 0, m),
                    outcome("u5", SystemId::LampRag, 2, m),
                    outcome("u6", SystemId::R2P, 1, m, 0, "3")};
    }
};

TEST(Slices, MainMetricPerTask) {
    EXPECT_EQ(mainMetric(TaskId::LaMP1), "accuracy");
    EXPECT_EQ(mainMetric(TaskId::LaMP2N), "accuracy");
    EXPECT_EQ(mainMetric(TaskId::LaMP3), "MAE");
    EXPECT_EQ(mainMetric(TaskId::LaMP5), "rouge-1"); // the R2P paper's headline
    EXPECT_EQ(mainMetric(TaskId::LaMP5, "rouge-L"), "rouge-L");
    EXPECT_EQ(mainMetric(TaskId::LaMP7, "bleu"), "rouge-1");
    EXPECT_EQ(mainMetric(TaskId::LaMP3, "rouge-L"), "MAE");
    EXPECT_EQ(mainMetric(TaskId::Invalid), "");
    EXPECT_TRUE(lowerIsBetter("MAE"));
    EXPECT_FALSE(lowerIsBetter("rouge-L"));
}

TEST(Slices, ProfileSizeBucketsHaveExactCountsMeansAndDeltas) {
    RatingRun run;
    auto r = computeSlices(run.outcomes, run.index, TaskId::LaMP3, SystemId::LampRag, {});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->metric, "MAE");
    EXPECT_TRUE(r->lowerIsBetter);
    EXPECT_EQ(r->users, 6u);
    const auto& s = slicing(*r, SliceKind::ProfileSize);
    ASSERT_EQ(s.buckets.size(), 5u);
    std::vector<std::string> labels;
    for (const auto& b : s.buckets)
        labels.push_back(b.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"1-9", "10-49", "50-99", "100-199", "200+"}));

    const auto& b1 = s.buckets[0]; // u1
    EXPECT_EQ(b1.users, 1u);
    EXPECT_DOUBLE_EQ(meanOf(b1, SystemId::R2P).mean, 0);
    EXPECT_DOUBLE_EQ(meanOf(b1, SystemId::LampRag).mean, 1);
    EXPECT_EQ(b1.paired, 1u);
    ASSERT_TRUE(b1.delta);
    EXPECT_DOUBLE_EQ(*b1.delta, -1);
    EXPECT_EQ(b1.wins, 1u);  // a lower MAE is a win
    ASSERT_TRUE(b1.deltaCi); // one paired user: every resample is that user
    EXPECT_DOUBLE_EQ(b1.deltaCi->lo, -1);
    EXPECT_DOUBLE_EQ(b1.deltaCi->hi, -1);

    const auto& b2 = s.buckets[1]; // u2 (10 is the edge) and u3 (49)
    EXPECT_EQ(b2.users, 2u);
    EXPECT_EQ(meanOf(b2, SystemId::R2P).scored, 2u);
    EXPECT_DOUBLE_EQ(meanOf(b2, SystemId::R2P).mean, 1.5);
    EXPECT_DOUBLE_EQ(meanOf(b2, SystemId::LampRag).mean, 0.5);
    ASSERT_TRUE(b2.delta);
    EXPECT_DOUBLE_EQ(*b2.delta, 1);
    EXPECT_EQ(b2.ties, 1u);
    EXPECT_EQ(b2.losses, 1u);
    EXPECT_EQ(b2.wins, 0u);
    // Deltas 0 and +2: resampled means are 0, 1 or 2 with chances 1/4, 1/2, 1/4, so the 2.5th
    // and 97.5th percentiles of 1,000 resamples are 0 and 2.
    ASSERT_TRUE(b2.deltaCi);
    EXPECT_DOUBLE_EQ(b2.deltaCi->lo, 0);
    EXPECT_DOUBLE_EQ(b2.deltaCi->hi, 2);
    EXPECT_FALSE(s.buckets[2].deltaCi);

    EXPECT_EQ(s.buckets[2].users, 0u);
    EXPECT_FALSE(s.buckets[2].delta);

    const auto& b4 = s.buckets[3]; // u4: R2P failed
    EXPECT_EQ(b4.users, 1u);
    EXPECT_EQ(meanOf(b4, SystemId::R2P).scored, 0u);
    EXPECT_EQ(meanOf(b4, SystemId::LampRag).scored, 1u);
    EXPECT_DOUBLE_EQ(meanOf(b4, SystemId::LampRag).mean, 3);
    EXPECT_EQ(b4.paired, 0u);
    EXPECT_FALSE(b4.delta);

    const auto& b5 = s.buckets[4]; // u5
    ASSERT_TRUE(b5.delta);
    EXPECT_DOUBLE_EQ(*b5.delta, -2);
}

TEST(Slices, ProfileSizeZeroGetsItsOwnBucketOnlyWhenPresent) {
    DatasetIndex index = indexOf({{"a", 0, ""}, {"b", 7, ""}});
    std::vector<UserOutcome> outcomes = {outcome("a", SystemId::R2P, 1, "accuracy"),
                                         outcome("b", SystemId::R2P, 0, "accuracy")};
    SliceOptions options;
    options.profileSizeEdges = {1, 5};
    auto r = computeSlices(outcomes, index, TaskId::LaMP2, SystemId::LampRag, {}, options);
    ASSERT_TRUE(r) << r.error().message;
    const auto& s = slicing(*r, SliceKind::ProfileSize);
    ASSERT_EQ(s.buckets.size(), 3u);
    EXPECT_EQ(s.buckets[0].label, "0");
    EXPECT_EQ(s.buckets[0].users, 1u);
    EXPECT_EQ(s.buckets[1].label, "1-4");
    EXPECT_EQ(s.buckets[1].users, 0u);
    EXPECT_EQ(s.buckets[2].label, "5+");
    EXPECT_EQ(s.buckets[2].users, 1u);
}

TEST(Slices, GoldLabelsInTheTasksOrder) {
    RatingRun run;
    auto r = computeSlices(run.outcomes, run.index, TaskId::LaMP3, SystemId::LampRag, {});
    ASSERT_TRUE(r);
    const auto& s = slicing(*r, SliceKind::GoldLabel);
    ASSERT_EQ(s.buckets.size(), 5u);
    std::vector<std::pair<std::string, std::size_t>> got;
    for (const auto& b : s.buckets)
        got.emplace_back(b.label, b.users);
    EXPECT_EQ(got, (std::vector<std::pair<std::string, std::size_t>>{
                       {"1", 1}, {"2", 1}, {"3", 1}, {"4", 2}, {"5", 1}}));
    const auto& four = s.buckets[3]; // u1, u2
    EXPECT_DOUBLE_EQ(meanOf(four, SystemId::R2P).mean, 0.5);
    EXPECT_DOUBLE_EQ(meanOf(four, SystemId::LampRag).mean, 1);
    ASSERT_TRUE(four.delta);
    EXPECT_DOUBLE_EQ(*four.delta, -0.5);
    const auto& three = s.buckets[2]; // u6: only R2P
    EXPECT_EQ(meanOf(three, SystemId::LampRag).scored, 0u);
    EXPECT_FALSE(three.delta);
}

TEST(Slices, GenerationTasksHaveNoGoldLabelSlice) {
    std::vector<UserOutcome> outcomes = {outcome("a", SystemId::R2P, 0.5, "rouge-L")};
    auto r = computeSlices(outcomes, {}, TaskId::LaMP4, SystemId::LampRag, {});
    ASSERT_TRUE(r);
    for (const auto& s : r->slicings)
        EXPECT_NE(s.kind, SliceKind::GoldLabel);
    EXPECT_EQ(r->slicings.size(), 3u);
}

// A generation run compares on the chosen ROUGE variant (the run's or a view's), ROUGE-1 else.
TEST(Slices, GenerationSlicesFollowTheChosenRougeVariant) {
    auto scored = [](const std::string& user, SystemId system, double r1, double rl) {
        UserOutcome o = outcome(user, system, r1, "rouge-1", 0, std::string("gold"));
        o.scores = {{"rouge-1", r1}, {"rouge-L", rl}};
        return o;
    };
    const std::vector<UserOutcome> outcomes = {
        scored("a", SystemId::R2P, 0.50, 0.25), scored("a", SystemId::LampRag, 0.40, 0.35),
        scored("b", SystemId::R2P, 0.30, 0.20), scored("b", SystemId::LampRag, 0.30, 0.10)};
    auto byDefault = computeSlices(outcomes, {}, TaskId::LaMP4, SystemId::LampRag, {});
    SliceOptions options;
    options.metric = "rouge-L";
    auto byRougeL = computeSlices(outcomes, {}, TaskId::LaMP4, SystemId::LampRag, {}, options);
    options.metric = "MAE"; // not a generation metric: the task's default
    auto byBad = computeSlices(outcomes, {}, TaskId::LaMP4, SystemId::LampRag, {}, options);
    ASSERT_TRUE(byDefault && byRougeL && byBad);
    EXPECT_EQ(byDefault->metric, "rouge-1");
    EXPECT_EQ(byRougeL->metric, "rouge-L");
    EXPECT_EQ(byBad->metric, "rouge-1");
    // Neither user was intervened on: one bucket holds both. Deltas by hand: rouge-1
    // ((0.5-0.4) + (0.3-0.3)) / 2 = 0.05; rouge-L ((0.25-0.35) + (0.2-0.1)) / 2 = 0.
    const auto deltaOfAll = [](const SliceReport& r) {
        for (const auto& b : slicing(r, SliceKind::Intervention).buckets)
            if (b.paired == 2 && b.delta)
                return *b.delta;
        return -1.0;
    };
    EXPECT_NEAR(deltaOfAll(*byDefault), 0.05, 1e-12);
    EXPECT_NEAR(deltaOfAll(*byRougeL), 0.0, 1e-12);
}

TEST(Slices, FailureLabelsCountAUserInEveryLabel) {
    RatingRun run;
    const FailureLabels labels = {{"u1", "retrieval-unused"},
                                  {"u1", "format"},
                                  {"u3", "retrieval-unused"},
                                  {"u1", "retrieval-unused"}, // a second annotator: counts once
                                  {"nobody", "format"}};      // not in the run
    auto r = computeSlices(run.outcomes, run.index, TaskId::LaMP3, SystemId::LampRag, labels);
    ASSERT_TRUE(r);
    const auto& s = slicing(*r, SliceKind::FailureLabel);
    ASSERT_EQ(s.buckets.size(), 3u);
    EXPECT_EQ(s.buckets[0].label, "format");
    EXPECT_EQ(s.buckets[0].users, 1u);
    EXPECT_EQ(s.buckets[1].label, "retrieval-unused");
    EXPECT_EQ(s.buckets[1].users, 2u);
    EXPECT_DOUBLE_EQ(meanOf(s.buckets[1], SystemId::R2P).mean, 1);
    EXPECT_DOUBLE_EQ(meanOf(s.buckets[1], SystemId::LampRag).mean, 0.5);
    ASSERT_TRUE(s.buckets[1].delta);
    EXPECT_DOUBLE_EQ(*s.buckets[1].delta, 0.5);
    EXPECT_EQ(s.buckets[2].label, "(none)");
    EXPECT_EQ(s.buckets[2].users, 4u);

    auto none = computeSlices(run.outcomes, run.index, TaskId::LaMP3, SystemId::LampRag, {});
    ASSERT_TRUE(none);
    EXPECT_TRUE(slicing(*none, SliceKind::FailureLabel).buckets.empty());
}

TEST(Slices, InterventionSplitsByR2psOutcome) {
    RatingRun run;
    auto r = computeSlices(run.outcomes, run.index, TaskId::LaMP3, SystemId::LampRag, {});
    ASSERT_TRUE(r);
    const auto& s = slicing(*r, SliceKind::Intervention);
    ASSERT_EQ(s.buckets.size(), 2u);
    EXPECT_EQ(s.buckets[0].label, "intervened");
    EXPECT_EQ(s.buckets[0].users, 2u); // u1, u3
    EXPECT_DOUBLE_EQ(meanOf(s.buckets[0], SystemId::R2P).mean, 1);
    ASSERT_TRUE(s.buckets[0].delta);
    EXPECT_DOUBLE_EQ(*s.buckets[0].delta, 0.5);
    EXPECT_EQ(s.buckets[1].label, "not intervened");
    EXPECT_EQ(s.buckets[1].users, 4u); // u2, u4 (failed), u5, u6
    EXPECT_EQ(s.buckets[1].paired, 2u);
    ASSERT_TRUE(s.buckets[1].delta);
    EXPECT_DOUBLE_EQ(*s.buckets[1].delta, -1); // u2: 0, u5: -2
}

TEST(Slices, HigherIsBetterForAccuracy) {
    DatasetIndex index = indexOf({{"a", 3, "[1]"}, {"b", 3, "[2]"}, {"c", 3, "[1]"}});
    const std::string m = "accuracy";
    std::vector<UserOutcome> outcomes = {
        outcome("a", SystemId::R2P, 1, m), outcome("a", SystemId::NoProfile, 0, m),
        outcome("b", SystemId::R2P, 0, m), outcome("b", SystemId::NoProfile, 1, m),
        outcome("c", SystemId::R2P, 1, m), outcome("c", SystemId::NoProfile, 0, m)};
    auto r = computeSlices(outcomes, index, TaskId::LaMP1, SystemId::NoProfile, {});
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->lowerIsBetter);
    const auto& gold = slicing(*r, SliceKind::GoldLabel);
    ASSERT_EQ(gold.buckets.size(), 2u);
    EXPECT_EQ(gold.buckets[0].label, "[1]");
    EXPECT_EQ(gold.buckets[0].wins, 2u);
    EXPECT_DOUBLE_EQ(*gold.buckets[0].delta, 1);
    EXPECT_EQ(gold.buckets[1].label, "[2]");
    EXPECT_EQ(gold.buckets[1].losses, 1u);
    const auto& size = slicing(*r, SliceKind::ProfileSize);
    EXPECT_EQ(size.buckets[0].users, 3u);
    EXPECT_NEAR(*size.buckets[0].delta, 1.0 / 3.0, 1e-12);
}

TEST(Slices, RejectsBadInput) {
    RatingRun run;
    EXPECT_FALSE(computeSlices(run.outcomes, run.index, TaskId::Invalid, SystemId::LampRag, {}));
    EXPECT_FALSE(computeSlices(run.outcomes, run.index, TaskId::LaMP3, SystemId::R2P, {}));
    SliceOptions bad;
    bad.profileSizeEdges = {10, 5};
    EXPECT_FALSE(computeSlices(run.outcomes, run.index, TaskId::LaMP3, SystemId::LampRag, {}, bad));
}

TEST(Slices, JsonHasEveryBucket) {
    RatingRun run;
    auto r = computeSlices(run.outcomes, run.index, TaskId::LaMP3, SystemId::LampRag,
                           {{"u1", "format"}});
    ASSERT_TRUE(r);
    const auto j = nlohmann::json::parse(slicesJson(*r));
    EXPECT_EQ(j["task"], "LaMP-3");
    EXPECT_EQ(j["metric"], "MAE");
    EXPECT_EQ(j["lower_is_better"], true);
    EXPECT_EQ(j["baseline"], "lamp-rag");
    EXPECT_EQ(j["users"], 6);
    ASSERT_EQ(j["slices"]["profile_size"].size(), 5u);
    EXPECT_EQ(j["slices"]["profile_size"][0]["label"], "1-9");
    EXPECT_EQ(j["slices"]["profile_size"][0]["delta"], -1.0);
    EXPECT_TRUE(j["slices"]["profile_size"][2]["delta"].is_null());
    EXPECT_EQ(j["slices"]["profile_size"][1]["means"]["r2p"]["mean"], 1.5);
    EXPECT_EQ(j["slices"]["gold_label"].size(), 5u);
    EXPECT_EQ(j["slices"]["failure_label"].size(), 2u);
    EXPECT_EQ(j["slices"]["intervention"][0]["users"], 2);
}

} // namespace
