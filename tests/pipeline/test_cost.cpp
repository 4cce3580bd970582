// Cost accounting on a hand-made run stored through RunStore: every figure below is worked out
// by hand from the steps' tokens, attempts and the server's per-request usage; the price
// table's parser and lookup; the project's own table.
#include "model/RunStore.h"
#include "pipeline/analysis/Cost.h"
#include "pipeline/engine/Engine.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::analysis;
using r2p::test::TempDir;

namespace {

StepRecord step(int seq, StageId stage, StepMode mode, int attempts, TokenCounts tokens,
                double latencyMs, std::string server = {}) {
    StepRecord s;
    s.seq = seq;
    s.stage = stage;
    s.backendMode = mode;
    s.attempts = attempts;
    s.status = StepStatus::Done;
    s.tokens = tokens;
    s.latencyMs = latencyMs;
    s.server = std::move(server);
    return s;
}

const char* kPrices = R"({
  "version": 1,
  "currency": "EUR",
  "models": {
    "m-test": {"input": 1, "output": 2, "cached_input": 0.5, "reasoning": 4},
    "judge-x": {"input": 10, "output": 10}
  }
})";

std::int64_t handMadeRun(ProjectStore& store, const std::string& model) {
    RunStore runs(store);
    RunInfo info;
    info.task = TaskId::LaMP3;
    info.systems = {SystemId::R2P, SystemId::LampRag};
    info.backend = "openai";
    info.model = model;
    engine::EngineConfig config;
    config.model = model;
    config.judgeModel = "judge-x";
    info.config = engine::engineConfigJson(config, 1);
    info.status = RunStatus::Done;
    info.users = {"u1"};
    auto runId = runs.createRun(info);
    EXPECT_TRUE(runId);

    UserTrace r2p;
    r2p.userId = "u1";
    r2p.system = SystemId::R2P;
    r2p.status = UserStatus::Done;
    r2p.prediction = "4";
    r2p.steps.push_back(step(0, StageId::Retrieve, StepMode::Local, 1, {}, 5));
    // A level asked twice (one intervention); the server counted 20 + 25 reasoning tokens and
    // served 60 + 100 prompt tokens from its prefix cache.
    r2p.steps.push_back(
        step(1, StageId::TaskAnalysis, StepMode::Chat, 2, {300, 120, 40}, 1500,
             R"([{"usage":{"prompt_tokens":100,"completion_tokens":50,"reasoning_tokens":20,)"
             R"("total_tokens":150,"cached_tokens":60},"endpoint":"http://127.0.0.1:1/v1"},)"
             R"({"usage":{"prompt_tokens":200,"completion_tokens":70,"reasoning_tokens":25,)"
             R"("total_tokens":270,"cached_tokens":100},"endpoint":"http://127.0.0.1:1/v1"}])"));
    // The judge's one request, replayed from the response cache.
    r2p.steps.push_back(
        step(2, StageId::CrossReference, StepMode::Chat, 1, {500, 10, 0}, 200,
             R"([{"usage":{"prompt_tokens":500,"completion_tokens":10,"reasoning_tokens":0,)"
             R"("total_tokens":510},"endpoint":"http://127.0.0.1:1/v1","cached":true}])"));
    r2p.steps.push_back(step(3, StageId::Final, StepMode::Local, 1, {}, 1));

    UserTrace rag;
    rag.userId = "u1";
    rag.system = SystemId::LampRag;
    rag.status = UserStatus::Done;
    rag.prediction = "4";
    rag.steps.push_back(step(0, StageId::Retrieve, StepMode::Local, 1, {}, 4));
    // Three requests with no per-request usage kept: the extra two thirds are an estimate.
    rag.steps.push_back(step(1, StageId::Generate, StepMode::Chat, 3, {90, 30, 0}, 1000));
    EXPECT_TRUE(runs.saveUserTraces(*runId, {r2p, rag}));
    return *runId;
}

} // namespace

TEST(Cost, EveryFigureOfAHandMadeRun) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    const auto runId = handMadeRun(**store, "m-test");
    auto prices = parsePriceTable(kPrices, "prices.json");
    ASSERT_TRUE(prices) << prices.error().message;
    auto cost = runCost(**store, runId, *prices);
    ASSERT_TRUE(cost) << cost.error().message;
    EXPECT_EQ(cost->currency, "EUR");
    ASSERT_EQ(cost->systems.size(), 2u);

    const CostFigures& r2p = cost->systems[0].figures;
    EXPECT_EQ(cost->systems[0].system, SystemId::R2P);
    EXPECT_EQ(cost->systems[0].judgeModel, "judge-x");
    EXPECT_EQ(r2p.users, 1);
    EXPECT_EQ(r2p.requests, 3);
    EXPECT_EQ(r2p.cacheReplays, 1);
    EXPECT_EQ(r2p.promptTokens, 800);
    EXPECT_EQ(r2p.completionTokens, 130);
    EXPECT_EQ(r2p.reasoningTokens, 40);
    EXPECT_EQ(r2p.serverReasoningTokens, 45);
    EXPECT_EQ(r2p.cachedPromptTokens, 160);
    EXPECT_EQ(r2p.extraPromptTokens, 200); // the second request of the level
    EXPECT_EQ(r2p.extraCompletionTokens, 70);
    EXPECT_FALSE(r2p.extraEstimated);
    EXPECT_NEAR(r2p.requestSeconds, (5 + 1500 + 200 + 1) / 1000.0, 1e-12);
    // Level at m-test: 140 uncached x 1 + 160 cached x 0.5 + 75 answer x 2 + 45 reasoning x 4
    // = 550 per million; the judge at judge-x: 500 x 10 + 10 x 10 = 5100 per million.
    ASSERT_TRUE(r2p.money);
    EXPECT_NEAR(*r2p.money, 5650e-6, 1e-12);

    const CostFigures& rag = cost->systems[1].figures;
    EXPECT_EQ(rag.requests, 3);
    EXPECT_EQ(rag.cacheReplays, 0);
    EXPECT_FALSE(rag.serverReasoningTokens);
    EXPECT_FALSE(rag.cachedPromptTokens);
    EXPECT_EQ(rag.extraPromptTokens, 60);
    EXPECT_EQ(rag.extraCompletionTokens, 20);
    EXPECT_TRUE(rag.extraEstimated);
    EXPECT_NEAR(*rag.money, 150e-6, 1e-12); // 90 x 1 + 30 x 2

    EXPECT_EQ(cost->total.requests, 6);
    EXPECT_EQ(cost->total.users, 1);
    EXPECT_TRUE(cost->total.extraEstimated);
    EXPECT_NEAR(*cost->total.money, 5800e-6, 1e-12);

    const auto json = nlohmann::json::parse(runCostJson(*cost));
    EXPECT_EQ(json["systems"]["r2p"]["cached_prompt_tokens"], 160);
    EXPECT_TRUE(json["systems"]["lamp-rag"]["cached_prompt_tokens"].is_null());
    EXPECT_EQ(json["systems"]["r2p"]["judge_model"], "judge-x");
    const std::string md = runCostTable(*cost, "md");
    EXPECT_NE(
        md.find("| r2p | 1 | 3 | 1 | 800 | 130 | 40 (server 45) | 160 | 270 | 1.7 | 0.005650 |"),
        std::string::npos)
        << md;
    EXPECT_NE(md.find("| lamp-rag | 1 | 3 | 0 | 90 | 30 | 0 | - | 80 (est.) | 1.0 | 0.000150 |"),
              std::string::npos)
        << md;
}

// Steps without the server's figures are summed by the store (RunStore::stepUsageSums) by
// system, stage and mode, each step's share of its retries and its reasoning within its
// completion worked out before the sum; steps with the figures are handed over one at a time.
TEST(Cost, StepsWithoutServerFiguresAreSummedPerStepByTheStore) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    RunStore runs(**store);
    RunInfo info;
    info.task = TaskId::LaMP3;
    info.systems = {SystemId::LampRag};
    info.backend = "openai";
    info.model = "m-test";
    engine::EngineConfig config;
    config.model = "m-test";
    info.config = engine::engineConfigJson(config, 1);
    info.users = {"u1", "u2", "u3"};
    auto runId = runs.createRun(info);
    ASSERT_TRUE(runId);
    // u1: 91 prompt tokens asked twice (45 of them the retry's), reasoning 50 counted against a
    // completion of 30 (30 priced as reasoning); u2: 90 asked three times (60), 11 completion
    // tokens asked three times (7); u3: one request whose server reported its usage.
    const std::pair<const char*, StepRecord> generate[] = {
        {"u1", step(1, StageId::Generate, StepMode::Chat, 2, {91, 30, 50}, 0.25)},
        {"u2", step(1, StageId::Generate, StepMode::Chat, 3, {90, 11, 0}, 0.5)},
        {"u3",
         step(1, StageId::Generate, StepMode::Chat, 1, {40, 8, 0}, 2,
              R"([{"usage":{"prompt_tokens":40,"completion_tokens":8,"cached_tokens":10}}])")}};
    for (const auto& [user, generation] : generate) {
        UserTrace t;
        t.userId = user;
        t.system = SystemId::LampRag;
        t.status = UserStatus::Done;
        t.steps = {step(0, StageId::Retrieve, StepMode::Local, 1, {}, 1), generation};
        ASSERT_TRUE(runs.saveUserTrace(*runId, t));
    }
    std::vector<StepUsage> withServer;
    auto sums = runs.stepUsageSums(*runId, [&](const StepUsage& u) { withServer.push_back(u); });
    ASSERT_TRUE(sums) << sums.error().message;
    ASSERT_EQ(sums->size(), 2u); // retrieve/local and generate/chat
    const StepUsageSum& retrieve = (*sums)[0].stage == StageId::Retrieve ? (*sums)[0] : (*sums)[1];
    const StepUsageSum& generation = &retrieve == &(*sums)[0] ? (*sums)[1] : (*sums)[0];
    EXPECT_EQ(retrieve.system, SystemId::LampRag);
    EXPECT_EQ(retrieve.mode, StepMode::Local);
    EXPECT_EQ(retrieve.steps, 3);
    EXPECT_EQ(retrieve.firstSteps, 3);
    EXPECT_DOUBLE_EQ(retrieve.latencyMs, 3);
    EXPECT_EQ(generation.stage, StageId::Generate);
    EXPECT_EQ(generation.mode, StepMode::Chat);
    EXPECT_EQ(generation.steps, 2);
    EXPECT_EQ(generation.firstSteps, 0);
    EXPECT_DOUBLE_EQ(generation.latencyMs, 0.75);
    EXPECT_EQ(generation.attempts, 5);
    EXPECT_EQ(generation.retried, 2);
    EXPECT_EQ(generation.tokens.prompt, 181);
    EXPECT_EQ(generation.tokens.completion, 41);
    EXPECT_EQ(generation.tokens.reasoning, 50);
    EXPECT_EQ(generation.laterPrompt, 45 + 60);    // each step rounded down, then summed
    EXPECT_EQ(generation.laterCompletion, 15 + 7); // 30 / 2 and 11 x 2 / 3, each rounded down
    EXPECT_EQ(generation.cappedReasoning, 30);
    ASSERT_EQ(withServer.size(), 1u);
    EXPECT_EQ(withServer[0].tokens.prompt, 40);
    EXPECT_EQ(withServer[0].attempts, 1);
    EXPECT_EQ(withServer[0].stage, StageId::Generate);

    // The cost from them: at m-test (1 input, 2 output, 0.5 cached input, 4 reasoning),
    // u1 91 x 1 + 0 x 2 + 30 x 4 = 211, u2 90 x 1 + 11 x 2 = 112, u3 30 x 1 + 10 x 0.5 + 8 x 2
    // = 51 per million.
    auto prices = parsePriceTable(kPrices, "prices.json");
    ASSERT_TRUE(prices);
    auto cost = runCost(**store, *runId, *prices);
    ASSERT_TRUE(cost) << cost.error().message;
    const CostFigures& f = cost->systems[0].figures;
    EXPECT_EQ(f.users, 3);
    EXPECT_EQ(f.requests, 2 + 3 + 1);
    EXPECT_EQ(f.promptTokens, 221);
    EXPECT_EQ(f.completionTokens, 49);
    EXPECT_EQ(f.cachedPromptTokens, 10);
    EXPECT_EQ(f.extraPromptTokens, 105);
    EXPECT_EQ(f.extraCompletionTokens, 22);
    EXPECT_TRUE(f.extraEstimated);
    EXPECT_NEAR(f.requestSeconds, (3 + 0.75 + 2) / 1000.0, 1e-15);
    ASSERT_TRUE(f.money);
    EXPECT_NEAR(*f.money, (211 + 112 + 51) * 1e-6, 1e-15);
}

TEST(Cost, AModelWithoutAPriceHasNoMoneyAndIsNamed) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    const auto runId = handMadeRun(**store, "someone-elses-model");
    auto prices = parsePriceTable(kPrices, "prices.json");
    auto cost = runCost(**store, runId, *prices);
    ASSERT_TRUE(cost);
    // R2P's judge is priced but its levels are not: no figure rather than half of one.
    EXPECT_FALSE(cost->systems[0].figures.money);
    EXPECT_EQ(cost->systems[0].figures.unpricedModels,
              std::vector<std::string>{"someone-elses-model"});
    EXPECT_FALSE(cost->total.money);
    EXPECT_NE(runCostTable(*cost, "csv").find(",-\n"), std::string::npos);
    EXPECT_FALSE(runCost(**store, 99, *prices));
}

TEST(PriceTable, LookupByNameOrByAPrefixThatEndsAtASeparator) {
    auto t = parsePriceTable(R"({"version":1,"models":{"deepseek":{"input":1,"output":1},)"
                             R"("deepseek-reasoner":{"input":2,"output":3}}})",
                             "t.json");
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_EQ(t->currency, "USD");
    ASSERT_TRUE(t->find("deepseek-reasoner"));
    EXPECT_EQ(t->find("deepseek-reasoner")->output, 3);
    EXPECT_EQ(t->find("deepseek-reasoner:free")->output, 3);
    EXPECT_EQ(t->find("deepseek-chat")->output, 1);
    EXPECT_EQ(t->find("deepseekx"), nullptr);
    EXPECT_EQ(t->find("deep"), nullptr);
    // The shipped table prices the offline reasoner at nothing.
    ASSERT_TRUE(builtinPriceTable().find("offline"));
    EXPECT_EQ(builtinPriceTable().find("offline")->output, 0);
}

TEST(PriceTable, BadTablesSayWhereAndWhat) {
    auto malformed = parsePriceTable("{\n  \"version\": 1,\n  \"models\": {,}\n}", "p.json");
    ASSERT_FALSE(malformed);
    EXPECT_EQ(malformed.error().message.rfind("p.json:3:", 0), 0u) << malformed.error().message;
    auto negative =
        parsePriceTable(R"({"version":1,"models":{"m":{"input":-1,"output":1}}})", "p.json");
    ASSERT_FALSE(negative);
    EXPECT_NE(negative.error().message.find("model \"m\": \"input\""), std::string::npos)
        << negative.error().message;
    auto typo = parsePriceTable(R"({"version":1,"models":{"m":{"input":1,"ouput":1}}})", "p.json");
    ASSERT_FALSE(typo);
    EXPECT_NE(typo.error().message.find("unknown field \"ouput\""), std::string::npos);
    EXPECT_FALSE(parsePriceTable(R"({"version":2,"models":{}})", "p.json"));
    EXPECT_FALSE(parsePriceTable(R"({"version":1,"models":[]})", "p.json"));
    EXPECT_FALSE(parsePriceTable(R"({"version":1,"models":{"m":{"input":1}}})", "p.json"));
}

TEST(PriceTable, AProjectKeepsItsOwnTableUntilReset) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    auto before = projectPriceTable(**store);
    ASSERT_TRUE(before);
    EXPECT_EQ(before->source, "built-in");
    ASSERT_TRUE(setProjectPriceTable(**store, kPrices));
    auto mine = projectPriceTable(**store);
    ASSERT_TRUE(mine);
    EXPECT_EQ(mine->source, "project");
    EXPECT_EQ(mine->currency, "EUR");
    ASSERT_TRUE(mine->find("judge-x"));
    // A bad table is refused and the project's stays.
    EXPECT_FALSE(setProjectPriceTable(**store, R"({"version":1})"));
    EXPECT_EQ(projectPriceTable(**store)->currency, "EUR");
    ASSERT_TRUE(setProjectPriceTable(**store, ""));
    EXPECT_EQ(projectPriceTable(**store)->source, "built-in");
}
