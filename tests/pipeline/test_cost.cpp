// Cost accounting on a hand-made run stored through RunStore: every figure below is worked out
// by hand from the steps' tokens, attempts and the server's per-request usage; the price
// table's parser and lookup; the project's own table.
#include "model/RunStore.h"
#include "model/Sqlite.h"
#include "pipeline/analysis/Cost.h"
#include "pipeline/engine/Engine.h"
#include "support/TestSupport.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

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

// A run of LaMP RAG over `users`, backend openai, model m-test.
std::int64_t lampRagRun(RunStore& runs, const std::vector<std::string>& users) {
    RunInfo info;
    info.task = TaskId::LaMP3;
    info.systems = {SystemId::LampRag};
    info.backend = "openai";
    info.model = "m-test";
    engine::EngineConfig config;
    config.model = "m-test";
    info.config = engine::engineConfigJson(config, 1);
    info.users = users;
    auto runId = runs.createRun(info);
    EXPECT_TRUE(runId);
    return runId ? *runId : 0;
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
    const std::int64_t runId = lampRagRun(runs, {"u1", "u2", "u3"});
    ASSERT_NE(runId, 0);
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
        ASSERT_TRUE(runs.saveUserTrace(runId, t));
    }
    std::vector<StepUsage> withServer;
    auto sums = runs.stepUsageSums(runId, [&](const StepUsage& u) { withServer.push_back(u); });
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
    auto cost = runCost(**store, runId, *prices);
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

// run_usage (schema 16): the store keeps each run's step usage summed, so a run's cost reads no
// step. What it keeps must be what a pass over every step sums, whatever was done to the steps.
namespace {

UserTrace lampRagTrace(const std::string& user, const StepRecord& generation) {
    UserTrace t;
    t.userId = user;
    t.system = SystemId::LampRag;
    t.status = UserStatus::Done;
    t.steps = {step(0, StageId::Retrieve, StepMode::Local, 1, {}, 1), generation};
    return t;
}

// What stepUsageSums summed before schema 16, from a pass over the run's steps in storage
// order: the steps without the server's figures by (system, stage, mode) in the order first
// met, each step's retries and reasoning worked out before the sum.
std::vector<StepUsageSum> sumsByScan(ProjectStore& store, std::int64_t runId) {
    sql::Statement st(store.handle(),
                      "SELECT system, stage, backend_mode, server, seq, latency_ms, attempts, "
                      "prompt_tokens, completion_tokens, reasoning_tokens FROM run_steps "
                      "WHERE run_id = ?1 ORDER BY rowid");
    st.bind(1, runId);
    std::vector<StepUsageSum> out;
    std::vector<std::string> names;
    while (st.step()) {
        if (!st.text(3).empty())
            continue;
        const std::string name = st.text(0) + "/" + st.text(1) + "/" + st.text(2);
        const auto at = std::find(names.begin(), names.end(), name) - names.begin();
        if (static_cast<std::size_t>(at) == names.size()) {
            names.push_back(name);
            StepUsageSum& g = out.emplace_back();
            g.system = *parseSystemName(st.text(0));
            g.stage = *parseStageName(st.text(1));
            g.mode = *parseStepMode(st.text(2));
        }
        StepUsageSum& g = out[static_cast<std::size_t>(at)];
        const std::int64_t attempts = std::max<std::int64_t>(1, st.int64(6));
        const std::int64_t prompt = st.int64(7), completion = st.int64(8), reasoning = st.int64(9);
        ++g.steps;
        g.firstSteps += st.int64(4) == 0 ? 1 : 0;
        g.latencyMs += st.isNull(5) ? 0.0 : st.real(5);
        g.attempts += attempts;
        g.retried += attempts > 1 ? 1 : 0;
        g.tokens.prompt += prompt;
        g.tokens.completion += completion;
        g.tokens.reasoning += reasoning;
        g.laterPrompt += prompt * (attempts - 1) / attempts;
        g.laterCompletion += completion * (attempts - 1) / attempts;
        g.cappedReasoning += std::min(std::max<std::int64_t>(reasoning, 0), completion);
    }
    EXPECT_FALSE(st.failed()) << st.error();
    return out;
}

void expectSameSums(const std::vector<StepUsageSum>& got, const std::vector<StepUsageSum>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        SCOPED_TRACE("group " + std::to_string(i));
        EXPECT_EQ(got[i].system, want[i].system);
        EXPECT_EQ(got[i].stage, want[i].stage);
        EXPECT_EQ(got[i].mode, want[i].mode);
        EXPECT_EQ(got[i].steps, want[i].steps);
        EXPECT_EQ(got[i].firstSteps, want[i].firstSteps);
        EXPECT_EQ(got[i].latencyMs, want[i].latencyMs); // the same additions in the same order
        EXPECT_EQ(got[i].attempts, want[i].attempts);
        EXPECT_EQ(got[i].retried, want[i].retried);
        EXPECT_EQ(got[i].tokens.prompt, want[i].tokens.prompt);
        EXPECT_EQ(got[i].tokens.completion, want[i].tokens.completion);
        EXPECT_EQ(got[i].tokens.reasoning, want[i].tokens.reasoning);
        EXPECT_EQ(got[i].laterPrompt, want[i].laterPrompt);
        EXPECT_EQ(got[i].laterCompletion, want[i].laterCompletion);
        EXPECT_EQ(got[i].cappedReasoning, want[i].cappedReasoning);
    }
}

Result<std::vector<StepUsageSum>> keptSums(RunStore& runs, std::int64_t runId,
                                           std::vector<StepUsage>* withServer = nullptr) {
    return runs.stepUsageSums(runId, [&](const StepUsage& u) {
        if (withServer)
            withServer->push_back(u);
    });
}

std::int64_t rowsOf(ProjectStore& store, const std::string& sql) {
    sql::Statement st(store.handle(), sql);
    return st.step() ? st.int64(0) : -1;
}

const char* kServerUsage = R"([{"usage":{"prompt_tokens":40,"completion_tokens":8}}])";

} // namespace

TEST(CostUsage, TheKeptSumsAreAFullScansThroughReStoresEditsAndDeletes) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    RunStore runs(**store);
    const auto runId = lampRagRun(runs, {"u1", "u2", "u3", "u4"});
    const auto gone = lampRagRun(runs, {"u1"});
    ASSERT_TRUE(runs.saveUserTrace(
        gone, lampRagTrace("u1", step(1, StageId::Generate, StepMode::Chat, 2, {7, 7, 7}, 9))));
    // u1 first with 91 prompt tokens asked twice, then stored again (a re-run user): only the
    // second one counts.
    ASSERT_TRUE(runs.saveUserTrace(
        runId,
        lampRagTrace("u1", step(1, StageId::Generate, StepMode::Chat, 2, {91, 30, 50}, 0.25))));
    ASSERT_TRUE(runs.saveUserTraces(
        runId,
        {lampRagTrace("u2", step(1, StageId::Generate, StepMode::Chat, 3, {90, 11, 0}, 0.5)),
         lampRagTrace("u3",
                      step(1, StageId::Generate, StepMode::Chat, 1, {40, 8, 0}, 2, kServerUsage)),
         lampRagTrace("u4", step(1, StageId::Generate, StepMode::Chat, 1, {10, 5, 7}, 0.25))}));
    ASSERT_TRUE(runs.saveUserTrace(
        runId,
        lampRagTrace("u1", step(1, StageId::Generate, StepMode::Chat, 4, {100, 9, -3}, 1.5))));
    // Edited by hand (another SQLite tool): u4's step asked twice after all.
    ASSERT_TRUE(sql::exec((*store)->handle(),
                          "UPDATE run_steps SET attempts = 2 WHERE user_id = 'u4' AND seq = 1"));
    ASSERT_TRUE(runs.deleteRun(gone));

    std::vector<StepUsage> withServer;
    auto sums = keptSums(runs, runId, &withServer);
    ASSERT_TRUE(sums) << sums.error().message;
    expectSameSums(*sums, sumsByScan(**store, runId));
    ASSERT_EQ(sums->size(), 2u);
    const StepUsageSum& retrieve = (*sums)[0];
    EXPECT_EQ(retrieve.stage, StageId::Retrieve);
    EXPECT_EQ(retrieve.steps, 4);
    EXPECT_EQ(retrieve.firstSteps, 4);
    EXPECT_EQ(retrieve.latencyMs, 4);
    // u1 (4 attempts: 100 x 3 / 4 = 75 and 9 x 3 / 4 = 6 later; reasoning -3 priced as 0),
    // u2 (3 attempts: 60 and 7) and u4 (now 2 attempts: 5 and 2; reasoning 7 within 5).
    const StepUsageSum& generation = (*sums)[1];
    EXPECT_EQ(generation.stage, StageId::Generate);
    EXPECT_EQ(generation.steps, 3);
    EXPECT_EQ(generation.firstSteps, 0);
    EXPECT_EQ(generation.latencyMs, 1.5 + 0.5 + 0.25);
    EXPECT_EQ(generation.attempts, 4 + 3 + 2);
    EXPECT_EQ(generation.retried, 3);
    EXPECT_EQ(generation.tokens.prompt, 200);
    EXPECT_EQ(generation.tokens.completion, 25);
    EXPECT_EQ(generation.tokens.reasoning, 4);
    EXPECT_EQ(generation.laterPrompt, 75 + 60 + 5);
    EXPECT_EQ(generation.laterCompletion, 6 + 7 + 2);
    EXPECT_EQ(generation.cappedReasoning, 0 + 0 + 5);
    ASSERT_EQ(withServer.size(), 1u);
    EXPECT_EQ(withServer[0].tokens.prompt, 40);

    // The deleted run left nothing behind.
    EXPECT_EQ(
        rowsOf(**store, "SELECT COUNT(*) FROM run_usage WHERE run_id = " + std::to_string(gone)),
        0);
    auto none = keptSums(runs, gone);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());

    // u2's step given server figures by hand moves out of the sums, and its usage is handed
    // over; u4's steps deleted by hand go from them.
    ASSERT_TRUE(sql::exec((*store)->handle(), std::string("UPDATE run_steps SET server = '") +
                                                  kServerUsage +
                                                  "' WHERE user_id = 'u2' AND seq = 1"));
    ASSERT_TRUE(sql::exec((*store)->handle(), "DELETE FROM run_steps WHERE user_id = 'u4'"));
    withServer.clear();
    sums = keptSums(runs, runId, &withServer);
    ASSERT_TRUE(sums);
    expectSameSums(*sums, sumsByScan(**store, runId));
    ASSERT_EQ(sums->size(), 2u);
    EXPECT_EQ((*sums)[0].steps, 3);
    EXPECT_EQ((*sums)[1].steps, 1);
    EXPECT_EQ((*sums)[1].laterPrompt, 75);
    EXPECT_EQ(withServer.size(), 2u);

    // Every step of the run deleted by hand: no group is left, not even an empty one.
    ASSERT_TRUE(sql::exec((*store)->handle(), "DELETE FROM run_steps"));
    EXPECT_EQ(rowsOf(**store, "SELECT COUNT(*) FROM run_usage"), 0);
    // A run deleted as a row (its children go by ON DELETE CASCADE) takes its sums along.
    ASSERT_TRUE(runs.saveUserTrace(
        runId, lampRagTrace("u1", step(1, StageId::Generate, StepMode::Chat, 1, {1, 1, 0}, 1))));
    EXPECT_EQ(rowsOf(**store, "SELECT COUNT(*) FROM run_usage"), 2);
    ASSERT_TRUE(
        sql::exec((*store)->handle(), "DELETE FROM runs WHERE id = " + std::to_string(runId)));
    EXPECT_EQ(rowsOf(**store, "SELECT COUNT(*) FROM run_usage"), 0);
}

// The point of run_usage: the cost of a run without the server's figures is read from a few
// rows, the same work for 400 users as for 20 (before, every step was read).
TEST(CostUsage, ARunsSumsAreReadWithoutReadingItsSteps) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    RunStore runs(**store);
    auto runOf = [&](int users) {
        std::vector<std::string> ids;
        std::vector<UserTrace> traces;
        for (int u = 0; u < users; ++u) {
            ids.push_back("u" + std::to_string(u));
            traces.push_back(lampRagTrace(
                ids.back(), step(1, StageId::Generate, StepMode::Chat, 1 + u % 3, {90, 11, 3}, 1)));
        }
        const auto runId = lampRagRun(runs, ids);
        EXPECT_TRUE(runs.saveUserTraces(runId, traces));
        return runId;
    };
    const auto small = runOf(20);
    const auto large = runOf(400);
    // SQLite's virtual machine instructions while the sums are read.
    auto work = [&](std::int64_t runId) {
        std::int64_t instructions = 0;
        sqlite3_progress_handler((*store)->handle(), 1,
                                 [](void* n) {
                                     ++*static_cast<std::int64_t*>(n);
                                     return 0;
                                 },
                                 &instructions);
        auto sums = keptSums(runs, runId);
        sqlite3_progress_handler((*store)->handle(), 0, nullptr, nullptr);
        EXPECT_TRUE(sums);
        EXPECT_EQ(sums->at(1).steps, runId == small ? 20 : 400);
        return instructions;
    };
    const std::int64_t forSmall = work(small);
    EXPECT_GT(forSmall, 0);
    // (A pass over the steps takes a dozen instructions a step: 8,400 more for the large run.)
    EXPECT_LE(work(large), forSmall + 10);
}

// A schema-15 project (no run_usage) is summed when it is opened: its runs cost what they did.
TEST(CostUsage, ASchema15ProjectsRunsAreSummedWhenItIsOpened) {
    TempDir dir;
    const std::string path = dir.file("v15.r2p");
    std::string before;
    std::vector<std::vector<StepUsageSum>> scanned;
    std::int64_t handMade = 0, reStored = 0;
    auto prices = parsePriceTable(kPrices, "prices.json");
    ASSERT_TRUE(prices);
    {
        auto store = ProjectStore::open(path);
        ASSERT_TRUE(store);
        handMade = handMadeRun(**store, "m-test");
        RunStore runs(**store);
        reStored = lampRagRun(runs, {"u1", "u2"});
        // Latencies that are not sums of powers of two: the same additions in the same order.
        ASSERT_TRUE(runs.saveUserTraces(
            reStored,
            {lampRagTrace("u1", step(1, StageId::Generate, StepMode::Chat, 2, {91, 30, 50}, 0.1)),
             lampRagTrace("u2", step(1, StageId::Generate, StepMode::Chat, 1, {40, 8, 0}, 2.3,
                                     kServerUsage)),
             lampRagTrace("u2", step(1, StageId::Generate, StepMode::Chat, 3, {90, 11, 0}, 0.7))}));
        ASSERT_TRUE(runs.saveUserTrace(
            reStored,
            lampRagTrace("u1", step(1, StageId::Generate, StepMode::Chat, 3, {92, 31, 9}, 0.3))));
        for (auto id : {handMade, reStored}) {
            scanned.push_back(sumsByScan(**store, id));
            auto cost = runCost(**store, id, *prices);
            ASSERT_TRUE(cost) << cost.error().message;
            before += runCostJson(*cost) + "\n";
        }
        // As schema 15 had it.
        ASSERT_TRUE(sql::exec((*store)->handle(),
                              "DROP TRIGGER run_usage_insert; DROP TRIGGER run_usage_delete; "
                              "DROP TRIGGER run_usage_update; DROP TABLE run_usage; "
                              "PRAGMA user_version=15"));
    }
    auto store = ProjectStore::open(path);
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ((*store)->schemaVersion(), ProjectStore::kSchemaVersion);
    RunStore runs(**store);
    std::string after;
    for (auto id : {handMade, reStored}) {
        auto cost = runCost(**store, id, *prices);
        ASSERT_TRUE(cost) << cost.error().message;
        after += runCostJson(*cost) + "\n";
        auto sums = keptSums(runs, id);
        ASSERT_TRUE(sums);
        expectSameSums(*sums, scanned[id == handMade ? 0 : 1]);
    }
    EXPECT_EQ(after, before);
    // The hand-made run's figures, as EveryFigureOfAHandMadeRun works them out.
    auto cost = runCost(**store, handMade, *prices);
    ASSERT_TRUE(cost);
    EXPECT_EQ(cost->systems[0].figures.requests, 3);
    EXPECT_EQ(cost->systems[1].figures.extraPromptTokens, 60);
    EXPECT_NEAR(*cost->total.money, 5800e-6, 1e-12);
    // u1's second trace only (92 x 2 / 3 = 61 later prompt tokens) and u2's second (60).
    auto sums = keptSums(runs, reStored);
    ASSERT_TRUE(sums);
    ASSERT_EQ(sums->size(), 2u);
    EXPECT_EQ((*sums)[1].steps, 2);
    EXPECT_EQ((*sums)[1].laterPrompt, 61 + 60);
    EXPECT_EQ((*sums)[1].cappedReasoning, 9);

    // And the triggers keep the sums from then on.
    ASSERT_TRUE(runs.saveUserTrace(
        reStored, lampRagTrace("u3", step(1, StageId::Generate, StepMode::Chat, 1, {5, 5, 0}, 1))));
    sums = keptSums(runs, reStored);
    ASSERT_TRUE(sums);
    expectSameSums(*sums, sumsByScan(**store, reStored));
    EXPECT_EQ((*sums)[1].steps, 3);
}
