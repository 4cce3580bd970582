// Token budgets in the server's tokens: the /tokenize counter against the loopback test server
// as vLLM, SGLang, llama-server and servers without a tokenizer, its cache, and the RPI budget
// rule counting with it.
#include "model/Dataset.h"
#include "model/ProjectStore.h"
#include "model/ResponseCache.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/engine/HrtTemplate.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/Rpi.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "pipeline/llm/TokenCounter.h"
#include "support/ModelScripts.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

using namespace r2p;
using namespace r2p::engine;
using r2p::test::OpenAiTestServer;
using r2p::test::ServerFlavor;

namespace {

std::size_t tokenizeRequests(const OpenAiTestServer& server) {
    std::size_t n = 0;
    for (const auto& r : server.requests())
        n += r.path == "/tokenize" ? 1 : 0;
    return n;
}

llm::EndpointConfig endpointOf(const OpenAiTestServer& server) {
    llm::EndpointConfig e;
    e.baseUrl = server.baseUrl();
    e.maxAttempts = 1;
    return e;
}

// "Hi, you!" is four tokens by the test server's rule (Hi , you !) and two by the estimate.
constexpr std::string_view kText = "Hi, you!";

TEST(ServerTokenCounter, CountsWithVllmsTokenizeAndCachesPerText) {
    OpenAiTestServer server;
    llm::ServerTokenCounter counter(endpointOf(server), "r2p-test-model");
    const llm::TokenCount c = counter.count(kText);
    EXPECT_EQ(c.tokens, 4);
    EXPECT_EQ(c.source, llm::TokenSource::Server);
    EXPECT_EQ(llm::estimateTokens(kText), 2);
    // vLLM's request: at the server's root, the model and the text, no special tokens.
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].path, "/tokenize");
    ASSERT_TRUE(requests[0].json);
    EXPECT_EQ((*requests[0].json)["model"], "r2p-test-model");
    EXPECT_EQ((*requests[0].json)["prompt"], std::string(kText));
    EXPECT_EQ((*requests[0].json)["add_special_tokens"], false);
    // The same text again is a cache hit: no second request.
    EXPECT_EQ(counter.count(kText).tokens, 4);
    EXPECT_EQ(counter.count("one two").tokens, 2);
    EXPECT_EQ(tokenizeRequests(server), 2u);
    const auto stats = counter.stats();
    EXPECT_EQ(stats.lookups, 3u);
    EXPECT_EQ(stats.hits, 1u);
    EXPECT_EQ(stats.requests, 2u);
    EXPECT_EQ(stats.fallbacks, 0u);
    EXPECT_EQ(counter.label(), "server /tokenize (vLLM/SGLang)");
}

TEST(ServerTokenCounter, TheCacheIsBounded) {
    OpenAiTestServer server;
    llm::ServerTokenCounter counter(endpointOf(server), "r2p-test-model", 2);
    counter.count("a");
    counter.count("b");
    counter.count("c"); // drops "a"
    counter.count("c");
    counter.count("a"); // asked again
    EXPECT_EQ(tokenizeRequests(server), 4u);
    EXPECT_EQ(counter.stats().hits, 1u);
}

TEST(ServerTokenCounter, SpeaksLlamaServersShapeAfterItsEmptyReply) {
    OpenAiTestServer server;
    server.setFlavor(ServerFlavor::LlamaServer);
    llm::ServerTokenCounter counter(endpointOf(server), "r2p-test-model");
    EXPECT_EQ(counter.count(kText).tokens, 4);
    EXPECT_EQ(counter.count("a b c").tokens, 3);
    const auto requests = server.requests();
    // The first text: vLLM's body (llama-server answers no tokens), then llama-server's.
    ASSERT_EQ(requests.size(), 3u);
    EXPECT_TRUE(requests[0].json->contains("prompt"));
    EXPECT_EQ((*requests[1].json)["content"], std::string(kText));
    EXPECT_EQ((*requests[1].json)["add_special"], false);
    EXPECT_EQ((*requests[2].json)["content"], "a b c");
    EXPECT_EQ(counter.label(), "server /tokenize (llama.cpp)");
}

TEST(ServerTokenCounter, SglangCountsToo) {
    OpenAiTestServer server;
    server.setFlavor(ServerFlavor::Sglang);
    llm::ServerTokenCounter counter(endpointOf(server), "r2p-test-model");
    EXPECT_EQ(counter.count(kText), (llm::TokenCount{4, llm::TokenSource::Server}));
}

TEST(ServerTokenCounter, WithoutTokenizeTheEstimateStandsInLabelled) {
    for (ServerFlavor flavor : {ServerFlavor::Ollama, ServerFlavor::Hosted}) {
        OpenAiTestServer server;
        server.setFlavor(flavor);
        llm::ServerTokenCounter counter(endpointOf(server), "r2p-test-model");
        EXPECT_EQ(counter.count(kText), (llm::TokenCount{2, llm::TokenSource::Estimate}));
        EXPECT_EQ(counter.count("one two three").source, llm::TokenSource::Estimate);
        // The 404 is remembered: the server is asked once.
        EXPECT_EQ(tokenizeRequests(server), 1u);
        EXPECT_EQ(counter.label(), "estimate (code points ÷ 4): the server has no /tokenize "
                                   "(HTTP 404)");
        EXPECT_FALSE(counter.countIsCostly());
        EXPECT_EQ(counter.stats().fallbacks, 2u);
    }
}

TEST(ServerTokenCounter, AnUnreachableServerGivesTheEstimateAndIsNotAskedForever) {
    std::string url;
    {
        OpenAiTestServer gone;
        url = gone.baseUrl();
    }
    llm::EndpointConfig e;
    e.baseUrl = url;
    llm::ServerTokenCounter counter(e, "m");
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(counter.count("text " + std::to_string(i)).source, llm::TokenSource::Estimate);
    EXPECT_EQ(counter.stats().requests, 3u);
    EXPECT_NE(counter.label().find("failed 3 times in a row"), std::string::npos);
}

TEST(ServerTokenCounter, CountsKeptInTheProjectServeAReRunAndAReplay) {
    OpenAiTestServer server;
    test::TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"), ProjectStore::OpenMode::CreateOrOpen);
    ASSERT_TRUE(store);
    {
        llm::ServerTokenCounter first(endpointOf(server), "r2p-test-model", ResponseCache(**store),
                                      true);
        EXPECT_EQ(first.count(kText).tokens, 4);
    }
    ASSERT_EQ(tokenizeRequests(server), 1u);
    // A re-run (a new counter on the same project) asks nothing for a text counted before.
    llm::ServerTokenCounter again(endpointOf(server), "r2p-test-model", ResponseCache(**store),
                                  true);
    EXPECT_EQ(again.count(kText), (llm::TokenCount{4, llm::TokenSource::Server}));
    EXPECT_EQ(again.stats().kept, 1u);
    EXPECT_EQ(tokenizeRequests(server), 1u);
    // A replay never asks: what the project kept, else the estimate.
    server.stop();
    llm::EndpointConfig none;
    none.baseUrl.clear();
    llm::ServerTokenCounter replay(none, "r2p-test-model", ResponseCache(**store), false);
    EXPECT_EQ(replay.count(kText), (llm::TokenCount{4, llm::TokenSource::Server}));
    EXPECT_EQ(replay.count("never counted"), (llm::TokenCount{4, llm::TokenSource::Estimate}));
    EXPECT_EQ(replay.stats().requests, 0u);
}

// ---------------------------------------------------------------------------------------------

class TokenBudgetTest : public ::testing::Test {
protected:
    void SetUp() override {
        const HrtTemplate* builtin = builtinHrtTemplate(TaskId::LaMP3);
        ASSERT_NE(builtin, nullptr);
        auto copy = std::make_shared<HrtTemplate>(*builtin);
        for (auto& level : copy->levels)
            if (level.stage == StageId::TaskAnalysis)
                level.budgetTokens = 20;
        hrt = copy;
        const std::string dir = test::demoDir() + "/LaMP-3";
        auto status = forEachUserRecord(dir + "/dev_questions.json", [&](UserRecord&& r) {
            if (record.id.empty())
                record = std::move(r);
        });
        ASSERT_TRUE(status);
    }

    // Runs retrieve and the task analysis; the analysis is 21 tokens by the server's rule
    // ("#" "#" "Task" "analysis", then nine digits and eight commas) in 34 characters (9 by
    // the estimate). A correction gets a brief one.
    const UserTrace& runAnalysis(OpenAiTestServer& server) {
        const std::string budget =
            renderCorrection(*hrt, RpiRule::TokenBudget, StageId::TaskAnalysis, 5);
        server.when(test::jsonEscaped(budget),
                    test::levelReply(*hrt, StageId::TaskAnalysis, "Brief."));
        server.when(test::levelRequestKey(*hrt, StageId::TaskAnalysis),
                    test::levelReply(*hrt, StageId::TaskAnalysis, "1,2,3,4,5,6,7,8,9"));
        llm::EndpointConfig endpoint = endpointOf(server);
        counter = std::make_shared<llm::ServerTokenCounter>(endpoint, "r2p-test-model");
        EngineConfig config;
        config.model = "r2p-test-model";
        config.mode = PromptMode::Chat;
        auto ctx = EngineContext::make(TaskId::LaMP3, config,
                                       std::make_shared<llm::OpenAiBackend>(endpoint), hrt, false,
                                       counter);
        EXPECT_TRUE(ctx);
        run = std::make_unique<UserRun>(*ctx, record, std::nullopt, SystemId::R2P);
        EXPECT_TRUE(run->step()); // retrieve
        EXPECT_TRUE(run->step()); // task analysis
        return run->trace();
    }

    std::shared_ptr<const HrtTemplate> hrt;
    UserRecord record;
    std::shared_ptr<llm::ServerTokenCounter> counter;
    std::unique_ptr<UserRun> run;
};

TEST_F(TokenBudgetTest, TheBudgetRuleCountsWithTheServersTokenizer) {
    OpenAiTestServer server;
    const UserTrace& t = runAnalysis(server);
    ASSERT_EQ(t.events.size(), 1u);
    EXPECT_EQ(t.events[0].rule, RpiRule::TokenBudget);
    EXPECT_EQ(t.events[0].evidence, "21 tokens in \"Task analysis\", budget 20");
    EXPECT_EQ(t.events[0].outcome, InterventionOutcome::Complied);
    const StepRecord& step = test::stepOf(t.steps, "task_analysis");
    EXPECT_EQ(step.output.tokenCounter.value_or(""), "server");
    // The corrected level: "## Task analysis\nBrief." is "#" "#" "Task" "analysis" "Brief" ".".
    EXPECT_EQ(step.output.tokens.value_or(-1), 6);
}

TEST_F(TokenBudgetTest, WithoutTokenizeTheEstimateDecidesAndTheStepSaysSo) {
    OpenAiTestServer server;
    server.setFlavor(ServerFlavor::Hosted);
    const UserTrace& t = runAnalysis(server);
    EXPECT_TRUE(t.events.empty()); // 9 estimated tokens are within 20
    const StepRecord& step = test::stepOf(t.steps, "task_analysis");
    EXPECT_EQ(step.output.tokenCounter.value_or(""), "estimate");
    EXPECT_EQ(step.output.tokens.value_or(-1), 9);
}

TEST(OfflineTokenCounting, TheOfflineReasonersCountIsLabelled) {
    const std::string dir = test::demoDir() + "/LaMP-3";
    UserRecord record;
    ASSERT_TRUE(forEachUserRecord(dir + "/dev_questions.json", [&](UserRecord&& r) {
        if (record.id.empty())
            record = std::move(r);
    }));
    auto ctx =
        EngineContext::make(TaskId::LaMP3, {}, std::make_shared<OfflineBackend>(), nullptr, true);
    ASSERT_TRUE(ctx);
    EXPECT_EQ((*ctx)->tokenCounter->label(),
              "offline (the offline reasoner's count: code points ÷ 4)");
    UserRun run(*ctx, record, std::nullopt, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const StepRecord& step = test::stepOf(run.trace().steps, "task_analysis");
    EXPECT_EQ(step.output.tokenCounter.value_or(""), "offline");
    EXPECT_EQ(step.output.tokens.value_or(-1), approxTokens(step.answer));
}

} // namespace
