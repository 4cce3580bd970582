// Reasoning length against accuracy on a hand-made LaMP-3 run: the bin edges, each bin's
// users, mean tokens and MAE, and the HRT levels' token spreads for right and wrong answers,
// all worked out by hand below.
#include "model/RunStore.h"
#include "pipeline/analysis/ReasoningLength.h"
#include "support/TestSupport.h"

#include <cmath>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::analysis;
using r2p::test::TempDir;

namespace {

StepRecord levelStep(int seq, StageId stage, int candidate, std::int64_t completion) {
    StepRecord s;
    s.seq = seq;
    s.stage = stage;
    s.candidate = candidate;
    s.status = StepStatus::Done;
    s.backendMode = StepMode::Offline;
    s.tokens.completion = completion;
    return s;
}

UserTrace trace(const std::string& user, SystemId system, std::int64_t tokens, double mae) {
    UserTrace t;
    t.userId = user;
    t.system = system;
    t.status = UserStatus::Done;
    t.gold = "3";
    t.prediction = "3";
    t.reasoningTokens = tokens;
    t.scores = {{"MAE", mae}, {"squared_error", mae * mae}};
    return t;
}

std::int64_t handMadeRun(ProjectStore& store) {
    RunStore runs(store);
    RunInfo info;
    info.task = TaskId::LaMP3;
    info.systems = {SystemId::R2P, SystemId::LampRag};
    info.backend = "offline";
    info.config = "{}";
    info.status = RunStatus::Done;
    info.users = {"u1", "u2", "u3", "u4", "u5", "u6", "u7"};
    auto runId = runs.createRun(info);
    EXPECT_TRUE(runId);
    // r2p: u1..u6 reason 10..60 tokens with MAE 0, 1, 0, 2, 0, 1; u7 failed.
    // lamp-rag: u1..u3 take 0 tokens with MAE 1, u4..u6 take 100 with MAE 0.
    const double r2pMae[] = {0, 1, 0, 2, 0, 1};
    std::vector<UserTrace> traces;
    for (int u = 0; u < 6; ++u) {
        const std::string id = "u" + std::to_string(u + 1);
        UserTrace r = trace(id, SystemId::R2P, 10 * (u + 1), r2pMae[u]);
        // Task analysis takes 10 x the user's number, the answer 5; a further candidate's
        // task analysis (999) is not the main chain's and is left out.
        r.steps = {levelStep(0, StageId::TaskAnalysis, 0, 10 * (u + 1)),
                   levelStep(1, StageId::Answer, 0, 5),
                   levelStep(2, StageId::TaskAnalysis, 1, 999)};
        traces.push_back(std::move(r));
        traces.push_back(trace(id, SystemId::LampRag, u < 3 ? 0 : 100, u < 3 ? 1 : 0));
    }
    UserTrace failed = trace("u7", SystemId::R2P, 5000, 0);
    failed.status = UserStatus::Failed;
    traces.push_back(failed);
    EXPECT_TRUE(runs.saveUserTraces(*runId, traces));
    return *runId;
}

} // namespace

TEST(ReasoningLength, BinsAndLevelSpreadsOfAHandMadeRun) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    const auto runId = handMadeRun(**store);
    ReasoningLengthRequest request;
    request.runs = {runId};
    request.bins = 3;
    bool bad = false;
    auto r = reasoningLength(**store, request, bad);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->metric, "MAE");
    EXPECT_TRUE(r->lowerIsBetter);
    ASSERT_EQ(r->curves.size(), 2u);

    // R2P's six lengths 10..60 in thirds: edges at the 3rd and 5th value (index 2: 30, index
    // 4: 50), the last bin closed at 60.
    const LengthCurve& r2p = r->curves[0];
    EXPECT_EQ(r2p.system, SystemId::R2P);
    EXPECT_EQ(r2p.users, 6u); // u7 failed
    EXPECT_EQ(r2p.edges, (std::vector<std::int64_t>{10, 30, 50, 60}));
    ASSERT_EQ(r2p.bins.size(), 3u);
    EXPECT_EQ(r2p.bins[0].lo, 10);
    EXPECT_EQ(r2p.bins[0].hi, 29);
    EXPECT_EQ(r2p.bins[0].users, 2u); // u1, u2: MAE (0 + 1) / 2
    EXPECT_DOUBLE_EQ(r2p.bins[0].value, 0.5);
    EXPECT_DOUBLE_EQ(r2p.bins[0].meanTokens, 15);
    EXPECT_EQ(r2p.bins[1].users, 2u); // u3, u4: MAE (0 + 2) / 2
    EXPECT_DOUBLE_EQ(r2p.bins[1].value, 1.0);
    EXPECT_DOUBLE_EQ(r2p.bins[1].meanTokens, 35);
    EXPECT_LE(r2p.bins[1].ci.lo, 1.0);
    EXPECT_GE(r2p.bins[1].ci.hi, 1.0);
    EXPECT_EQ(r2p.bins[2].lo, 50);
    EXPECT_EQ(r2p.bins[2].hi, 60);
    EXPECT_DOUBLE_EQ(r2p.bins[2].value, 0.5);

    // lamp-rag's lengths 0 0 0 100 100 100: the first third's edge (0) merges with the start.
    const LengthCurve& rag = r->curves[1];
    EXPECT_EQ(rag.edges, (std::vector<std::int64_t>{0, 100, 100}));
    ASSERT_EQ(rag.bins.size(), 2u);
    EXPECT_EQ(rag.bins[0].users, 3u);
    EXPECT_DOUBLE_EQ(rag.bins[0].value, 1);
    EXPECT_EQ(rag.bins[0].hi, 99);
    EXPECT_EQ(rag.bins[1].users, 3u);
    EXPECT_DOUBLE_EQ(rag.bins[1].value, 0);
    EXPECT_DOUBLE_EQ(rag.bins[1].meanTokens, 100);
    EXPECT_TRUE(rag.levels.empty()); // no HRT levels

    // Right (MAE 0): u1, u3, u5 -> task analysis 10, 30, 50; wrong: u2, u4, u6 -> 20, 40, 60.
    ASSERT_EQ(r2p.levels.size(), 4u);
    const LevelTokens& analysis = r2p.levels[0];
    EXPECT_EQ(analysis.level, StageId::TaskAnalysis);
    EXPECT_EQ(analysis.right.users, 3u);
    EXPECT_DOUBLE_EQ(analysis.right.mean, 30);
    EXPECT_DOUBLE_EQ(analysis.right.median, 30);
    EXPECT_DOUBLE_EQ(analysis.right.p25, 20);
    EXPECT_DOUBLE_EQ(analysis.right.p75, 40);
    EXPECT_DOUBLE_EQ(analysis.wrong.median, 40);
    EXPECT_DOUBLE_EQ(analysis.wrong.mean, 40);
    EXPECT_EQ(r2p.levels[1].right.users, 0u); // no synthesis steps stored
    EXPECT_EQ(r2p.levels[3].level, StageId::Answer);
    EXPECT_DOUBLE_EQ(r2p.levels[3].wrong.median, 5);

    const auto json = nlohmann::json::parse(reasoningLengthJson(*r));
    EXPECT_EQ(json["curves"][1]["bin_edges"], nlohmann::json::parse("[0, 100, 100]"));
    EXPECT_EQ(json["curves"][0]["level_tokens"][0]["right"]["median"], 30.0);
    const std::string md = reasoningLengthMarkdown(*r);
    EXPECT_NE(md.find("| " + std::to_string(runId) + " | r2p | 30–49 | 2 | 35 | 1.0000 |"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("| task_analysis | 30 [20, 40] (3) | 40 [30, 50] (3) |"), std::string::npos)
        << md;
}

TEST(ReasoningLength, BadRequestsSayWhatIsWrong) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    const auto runId = handMadeRun(**store);
    bool bad = false;
    ReasoningLengthRequest request;
    request.runs = {runId};
    request.metric = "accuracy";
    auto wrongMetric = reasoningLength(**store, request, bad);
    ASSERT_FALSE(wrongMetric);
    EXPECT_TRUE(bad);
    EXPECT_NE(wrongMetric.error().message.find("accuracy"), std::string::npos);
    request.metric = "RMSE"; // rating's other metric: the root of the bin's mean squared error
    request.bins = 3;
    auto rmse = reasoningLength(**store, request, bad);
    ASSERT_TRUE(rmse) << rmse.error().message;
    EXPECT_NEAR(rmse->curves[0].bins[1].value, std::sqrt((0.0 + 4) / 2), 1e-12); // u3, u4
    request.metric.clear();
    request.systems = {SystemId::LrmRag};
    auto noSystem = reasoningLength(**store, request, bad);
    ASSERT_FALSE(noSystem);
    EXPECT_NE(noSystem.error().message.find("lrm-rag"), std::string::npos);
    request.systems.clear();
    request.runs = {runId + 5};
    EXPECT_FALSE(reasoningLength(**store, request, bad));
    request.runs = {runId};
    request.bins = 0;
    EXPECT_FALSE(reasoningLength(**store, request, bad));
}
