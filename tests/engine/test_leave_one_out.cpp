// Leave-one-out attribution with the offline backend on the demo: one row per retrieved item,
// each row's answer and score equal a separate engine run with that item taken out of the
// ranking, the same result twice, and no-profile or a cancel refused.
#include "model/Dataset.h"
#include "pipeline/analysis/LeaveOneOut.h"
#include "pipeline/engine/OfflineBackend.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::analysis;
using namespace r2p::engine;

namespace {

struct LooFixture {
    DatasetIndex index;
    std::shared_ptr<const EngineContext> ctx;
    UserRecord record;
    std::string gold;

    LooFixture(TaskId task, std::size_t user, std::size_t k = 5) {
        const std::string demo = test::demoDir() + "/" + std::string(taskSpec(task).name);
        auto scanned = indexDataset(demo + "/dev_questions.json", demo + "/dev_outputs.json");
        EXPECT_TRUE(scanned);
        index = *scanned;
        EngineConfig config;
        config.k = k;
        auto made =
            EngineContext::make(task, config, std::make_shared<OfflineBackend>(), nullptr, true);
        EXPECT_TRUE(made);
        ctx = *made;
        auto r = RecordReader(index.questions).read(index.users.at(user));
        EXPECT_TRUE(r);
        record = *r;
        gold = index.users.at(user).gold;
    }
};

std::optional<double> scoreOf(const UserTrace& t, const std::string& metric) {
    for (const auto& [k, v] : t.scores)
        if (k == metric)
            return v;
    return std::nullopt;
}

class LeaveOneOutTasks : public ::testing::TestWithParam<std::pair<TaskId, SystemId>> {};

TEST_P(LeaveOneOutTasks, OneRowPerItemEqualToASeparateRunWithoutIt) {
    const auto [task, system] = GetParam();
    LooFixture f(task, 2);
    auto r = leaveOneOut(f.ctx, f.record, f.gold, system);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->userId, f.record.id);
    EXPECT_EQ(r->k, 5u);
    ASSERT_TRUE(r->gold);

    retrieval::RetrievalOptions options;
    options.k = 5;
    auto ranking = f.ctx->retriever->rank(f.record, task, options);
    ASSERT_TRUE(ranking);
    ASSERT_EQ(ranking->items.size(), 5u);
    ASSERT_EQ(r->rows.size(), 5u);

    // The full run is a plain engine run.
    UserRun full(f.ctx, f.record, f.gold, system);
    ASSERT_TRUE(full.run());
    EXPECT_EQ(r->answer, full.trace().prediction);
    EXPECT_EQ(r->score, scoreOf(full.trace(), r->metric));
    ASSERT_TRUE(r->score);

    for (std::size_t i = 0; i < r->rows.size(); ++i) {
        const auto& row = r->rows[i];
        EXPECT_EQ(row.rank, static_cast<int>(i + 1));
        EXPECT_EQ(row.profileId, ranking->items[i].profileId);
        EXPECT_EQ(row.status, UserStatus::Done) << row.error;
        UserRun without(f.ctx, f.record, f.gold, system);
        without.setRanking(rankingWithout(*ranking, i));
        ASSERT_TRUE(without.run());
        EXPECT_EQ(without.items().size(), 4u);
        EXPECT_EQ(row.answer, without.trace().prediction) << "item " << i + 1;
        EXPECT_EQ(row.score, scoreOf(without.trace(), r->metric));
        EXPECT_EQ(row.answerChanged, row.answer != r->answer);
        ASSERT_TRUE(row.scoreDelta);
        EXPECT_DOUBLE_EQ(*row.scoreDelta, *row.score - *r->score);
    }
}

INSTANTIATE_TEST_SUITE_P(Demo, LeaveOneOutTasks,
                         ::testing::Values(std::pair{TaskId::LaMP3, SystemId::R2P},
                                           std::pair{TaskId::LaMP1, SystemId::R2P},
                                           std::pair{TaskId::LaMP5, SystemId::LampRag},
                                           std::pair{TaskId::LaMP2, SystemId::LrmRag}));

TEST(LeaveOneOut, RankingWithoutKeepsTheOthersInOrder) {
    retrieval::Ranking r;
    r.query = "q";
    for (const char* id : {"a", "b", "c"}) {
        retrieval::RetrievedItem item;
        item.profileId = id;
        r.items.push_back(item);
    }
    auto w = rankingWithout(r, 1);
    ASSERT_EQ(w.items.size(), 2u);
    EXPECT_EQ(w.items[0].profileId, "a");
    EXPECT_EQ(w.items[1].profileId, "c");
    EXPECT_EQ(w.query, "q");
    EXPECT_EQ(rankingWithout(r, 7).items.size(), 3u);
}

TEST(LeaveOneOut, DeterministicAndJson) {
    LooFixture f(TaskId::LaMP3, 0, 3);
    auto a = leaveOneOut(f.ctx, f.record, f.gold, SystemId::R2P);
    auto b = leaveOneOut(f.ctx, f.record, f.gold, SystemId::R2P);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(leaveOneOutJson(*a), leaveOneOutJson(*b));
    const auto j = nlohmann::json::parse(leaveOneOutJson(*a));
    EXPECT_EQ(j["user"], f.record.id);
    EXPECT_EQ(j["system"], "r2p");
    EXPECT_EQ(j["metric"], "MAE");
    EXPECT_EQ(j["lower_is_better"], true);
    EXPECT_EQ(j["k"], 3);
    ASSERT_EQ(j["items"].size(), 3u);
    EXPECT_EQ(j["items"][0]["rank"], 1);
    EXPECT_EQ(j["items"][0]["status"], "done");
    EXPECT_TRUE(j["items"][0]["score_delta"].is_number());
}

TEST(LeaveOneOut, WithoutAGoldThereAreNoScores) {
    LooFixture f(TaskId::LaMP3, 1, 2);
    auto r = leaveOneOut(f.ctx, f.record, std::nullopt, SystemId::R2P);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_FALSE(r->score);
    ASSERT_EQ(r->rows.size(), 2u);
    for (const auto& row : r->rows) {
        EXPECT_FALSE(row.score);
        EXPECT_FALSE(row.scoreDelta);
        EXPECT_FALSE(row.answer.empty());
    }
}

TEST(LeaveOneOut, RefusesNoProfileAndStopsOnCancel) {
    LooFixture f(TaskId::LaMP3, 0);
    auto n = leaveOneOut(f.ctx, f.record, f.gold, SystemId::NoProfile);
    ASSERT_FALSE(n);
    EXPECT_NE(n.error().message.find("no-profile"), std::string::npos);
    std::atomic<bool> cancel{true};
    auto c = leaveOneOut(f.ctx, f.record, f.gold, SystemId::R2P, &cancel);
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("cancelled"), std::string::npos);
}

} // namespace
