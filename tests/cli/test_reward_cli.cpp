// r2p reward against the loopback server's vLLM pooling route: every tagged chain of a run is
// scored (the stand-in's reward is the number of "[P" citations in the chain, on the last token
// of a per-token output) and stored beside it; r2p tags sets the reward against the metric; a
// server that has no /pooling (llama-server) fails every chain with its HTTP status, storing
// nothing. The response reader takes every shape vLLM's pooling output has.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/tags/RewardClient.h"
#include "support/OpenAiTestServer.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

TEST(RewardCli, EveryTaggedChainIsScoredAndStoredBesideIt) {
    test::OpenAiTestServer server;
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    std::int64_t runId = 0;
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok()) << store.error().message;
        RunInfo info;
        info.users = {"u1", "u2", "u3", "u4"};
        std::string error;
        runId = test::storeTaggedRun(**store, info, &error);
        ASSERT_NE(runId, 0) << error;
    }
    auto r = runCli({"reward", "--project", project, "--run", std::to_string(runId), "--url",
                     server.baseUrl(), "--model", "skywork-reward"});
    ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
    const json j = json::parse(r.out);
    // tagpr's four chains and lrm-rag's one with a person's span.
    EXPECT_EQ(j["chains"], 5);
    EXPECT_EQ(j["scored"], 5);
    // The request: vLLM's /pooling at the server's root, the chain as the assistant's message.
    bool sent = false;
    for (const auto& req : server.requests())
        sent = sent ||
               (req.path == "/pooling" && req.json && (*req.json)["model"] == "skywork-reward" &&
                (*req.json)["messages"][1]["role"] == "assistant");
    EXPECT_TRUE(sent);
    auto t = runCli({"tags", "--project", project, "--run", std::to_string(runId)});
    ASSERT_EQ(t.exitCode, 0) << t.err;
    const json s = json::parse(t.out);
    EXPECT_EQ(s["reward_model"], "skywork-reward");
    // Citations per tagpr chain: u1 1 ([P1]), u2 1 ([P2]), u3 0, u4 1: mean 3/4. MAE of u1-u3:
    // 0, 1, 2 against rewards 1, 1, 0: r = -sqrt(3)/2 (sxy = -1, sxx = 2/3, syy = 2).
    const json& tagpr = s["systems"]["tagpr"];
    EXPECT_EQ(tagpr["reward"]["n"], 4);
    EXPECT_DOUBLE_EQ(tagpr["reward"]["mean"].get<double>(), 0.75);
    EXPECT_NEAR(tagpr["reward_metric_r"].get<double>(), -std::sqrt(3.0) / 2, 1e-12);
    EXPECT_EQ(tagpr["chains_detail"][2]["reward"], 0.0);
    EXPECT_EQ(s["systems"]["lrm-rag"]["chains_detail"][0]["reward"], 1.0);
}

TEST(RewardCli, AServerWithoutPoolingFailsEachChainAndStoresNothing) {
    test::ServerOptions options;
    options.flavor = test::ServerFlavor::LlamaServer;
    test::OpenAiTestServer server(options);
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    std::int64_t runId = 0;
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        RunInfo info;
        info.users = {"u1", "u2", "u3", "u4"};
        runId = test::storeTaggedRun(**store, info, nullptr);
        ASSERT_NE(runId, 0);
    }
    auto r = runCli({"reward", "--project", project, "--run", std::to_string(runId), "--url",
                     server.baseUrl(), "--model", "m"});
    EXPECT_EQ(r.exitCode, 1);
    const json j = json::parse(r.out);
    EXPECT_EQ(j["scored"], 0);
    ASSERT_EQ(j["failed"].size(), 5u);
    EXPECT_NE(j["failed"][0]["error"].get<std::string>().find("HTTP 404 from POST /pooling"),
              std::string::npos)
        << j["failed"][0]["error"];
    auto store = ProjectStore::open(project);
    ASSERT_TRUE(store.ok());
    auto stored = RunStore(**store).chainRewards(runId);
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->empty());
    auto bad = runCli({"reward", "--project", project, "--run", std::to_string(runId), "--url",
                       "ftp://x", "--model", "m"});
    EXPECT_EQ(bad.exitCode, 2);
}

TEST(RewardResponse, EveryPoolingShapeGivesItsLastNumber) {
    EXPECT_EQ(*tags::readRewardResponse(R"({"data":[{"index":0,"data":[[0.1],[0.2],[2.5]]}]})"),
              2.5);
    EXPECT_EQ(*tags::readRewardResponse(R"({"data":[{"index":0,"data":[-1.25]}]})"), -1.25);
    EXPECT_EQ(*tags::readRewardResponse(R"({"data":[{"index":0,"data":[[3.0, 4.0]]}]})"), 4.0);
    EXPECT_FALSE(tags::readRewardResponse(R"({"data":[]})").ok());
    EXPECT_FALSE(tags::readRewardResponse(R"({"data":[{"index":0,"data":"AAAA"}]})").ok());
    EXPECT_FALSE(tags::readRewardResponse("not json").ok());
}
