// RunStore::outcomeScores, the lean read `r2p compare` uses: the named score from the stored
// form, "nan"/"inf" and scores stored as an object (older files) through the full parse, a
// missing score, gold or not, and the texts only when asked for.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/Sqlite.h"
#include "support/TestSupport.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>

using namespace r2p;
using r2p::test::TempDir;

namespace {

UserTrace trace(const std::string& user, SystemId system, ScoreList scores,
                std::optional<std::string> gold) {
    UserTrace t;
    t.userId = user;
    t.system = system;
    t.status = UserStatus::Done;
    t.prediction = "answer of " + user;
    t.gold = std::move(gold);
    t.scores = std::move(scores);
    return t;
}

const OutcomeScore& rowOf(const std::vector<OutcomeScore>& rows, const std::string& user,
                          SystemId system) {
    const auto it = std::find_if(rows.begin(), rows.end(), [&](const OutcomeScore& o) {
        return o.userId == user && o.system == system;
    });
    EXPECT_NE(it, rows.end()) << user;
    return *it;
}

TEST(RunStoreOutcomeScores, ReadsTheNamedScoreStatusGoldAndTextsOnlyWhenAsked) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    RunStore runs(**store);
    RunInfo info;
    info.task = TaskId::LaMP4;
    info.questionsPath = "/q.json";
    info.systems = {SystemId::R2P, SystemId::LampRag};
    info.users = {"u1", "u2", "u3"};
    auto id = runs.createRun(info);
    ASSERT_TRUE(id.ok());
    // rouge-1 second in the list, after a key that ends the same way.
    ASSERT_TRUE(runs.saveUserTraces(
        *id, {trace("u1", SystemId::R2P, {{"xrouge-1", 0.9}, {"rouge-1", 0.25}}, "gold 1"),
              trace("u1", SystemId::LampRag, {{"rouge-1", 1e-05}}, "gold 1"),
              trace("u2", SystemId::R2P, {{"rouge-1", std::nan("")}}, std::nullopt),
              trace("u3", SystemId::R2P, {{"rouge-2", 0.5}}, "gold 3")}));
    UserTrace failed = trace("u2", SystemId::LampRag, {}, "gold 2");
    failed.status = UserStatus::Failed;
    ASSERT_TRUE(runs.saveUserTrace(*id, failed));
    // An older file's scores as an object.
    ASSERT_TRUE(sql::exec((*store)->handle(),
                          "UPDATE run_users SET scores = '{\"rouge-2\": 0.1, \"rouge-1\": 0.75}' "
                          "WHERE user_id = 'u3'"));

    auto lean = runs.outcomeScores(*id, "rouge-1", false);
    ASSERT_TRUE(lean.ok()) << lean.error().message;
    ASSERT_EQ(lean->size(), 5u);
    const auto& a = rowOf(*lean, "u1", SystemId::R2P);
    EXPECT_EQ(a.status, UserStatus::Done);
    EXPECT_TRUE(a.hasGold);
    ASSERT_TRUE(a.score);
    EXPECT_EQ(*a.score, 0.25);
    EXPECT_TRUE(a.prediction.empty());
    EXPECT_TRUE(a.gold.empty());
    EXPECT_EQ(rowOf(*lean, "u1", SystemId::LampRag).score.value_or(-1), 1e-05);
    const auto& nan = rowOf(*lean, "u2", SystemId::R2P);
    EXPECT_FALSE(nan.hasGold);
    ASSERT_TRUE(nan.score);
    EXPECT_TRUE(std::isnan(*nan.score));
    EXPECT_EQ(rowOf(*lean, "u2", SystemId::LampRag).status, UserStatus::Failed);
    EXPECT_FALSE(rowOf(*lean, "u2", SystemId::LampRag).score);
    EXPECT_EQ(rowOf(*lean, "u3", SystemId::R2P).score.value_or(-1), 0.75);

    auto texts = runs.outcomeScores(*id, "", true);
    ASSERT_TRUE(texts.ok());
    const auto& t = rowOf(*texts, "u1", SystemId::LampRag);
    EXPECT_EQ(t.prediction, "answer of u1");
    EXPECT_EQ(t.gold, "gold 1");
    EXPECT_FALSE(t.score);

    auto none = runs.outcomeScores(*id + 1, "rouge-1", false);
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());
}

// RunStore::outcomes reads the stored form without a JSON parser: the same scores as written,
// in the written order, for plain numbers, a key with an escape, "nan" and an older file's
// object; and the rows in the run's user order then its system order.
TEST(RunStoreOutcomeScores, OutcomesReadEveryStoredFormOfTheScores) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    RunStore runs(**store);
    RunInfo info;
    info.task = TaskId::LaMP4;
    info.questionsPath = "/q.json";
    info.systems = {SystemId::R2P, SystemId::LampRag};
    info.users = {"u3", "u1", "u2"};
    auto id = runs.createRun(info);
    ASSERT_TRUE(id.ok());
    const ScoreList plain = {
        {"rouge-1", 0.25}, {"rouge-2", 1e-05}, {"rouge-L", -0.0}, {"rouge-Lsum", 1}};
    const ScoreList quoted = {{"a \"quoted\" key", 0.5}, {"r\\2", 2.5e300}};
    ASSERT_TRUE(runs.saveUserTraces(
        *id, {trace("u1", SystemId::LampRag, plain, "gold 1"),
              trace("u1", SystemId::R2P, quoted, "gold 1"),
              trace("u2", SystemId::R2P, {{"rouge-1", std::nan("")}, {"x", 3}}, std::nullopt),
              trace("u3", SystemId::R2P, {}, "gold 3"),
              trace("u2", SystemId::LampRag, {{"rouge-1", 0.125}}, "gold 2")}));
    ASSERT_TRUE(sql::exec((*store)->handle(),
                          "UPDATE run_users SET scores = '{\"rouge-2\": 0.1, \"rouge-1\": 0.75}' "
                          "WHERE user_id = 'u3'"));

    auto rows = runs.outcomes(*id);
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 5u);
    std::vector<std::pair<std::string, SystemId>> order;
    for (const auto& o : *rows)
        order.emplace_back(o.userId, o.system);
    EXPECT_EQ(order, (std::vector<std::pair<std::string, SystemId>>{{"u3", SystemId::R2P},
                                                                    {"u1", SystemId::R2P},
                                                                    {"u1", SystemId::LampRag},
                                                                    {"u2", SystemId::R2P},
                                                                    {"u2", SystemId::LampRag}}));
    EXPECT_EQ((*rows)[0].scores, (ScoreList{{"rouge-1", 0.75}, {"rouge-2", 0.1}}));
    EXPECT_EQ((*rows)[1].scores, quoted);
    EXPECT_EQ((*rows)[2].scores, plain);
    EXPECT_EQ((*rows)[2].prediction, "answer of u1");
    EXPECT_EQ((*rows)[2].gold, "gold 1");
    ASSERT_EQ((*rows)[3].scores.size(), 2u);
    EXPECT_EQ((*rows)[3].scores[0].first, "rouge-1");
    EXPECT_TRUE(std::isnan((*rows)[3].scores[0].second));
    EXPECT_EQ((*rows)[3].scores[1], (std::pair<std::string, double>{"x", 3}));
    EXPECT_FALSE((*rows)[3].gold);
    EXPECT_EQ((*rows)[4].scores, (ScoreList{{"rouge-1", 0.125}}));
}

} // namespace
