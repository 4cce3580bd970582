// r2p llm against the loopback test server.
#include "support/OpenAiTestServer.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using r2p::test::Fault;
using r2p::test::OpenAiTestServer;
using r2p::test::runCli;
using r2p::test::Script;

TEST(CliLlm, ListsModels) {
    r2p::test::ServerOptions options;
    options.models = {"qwen3-8b", "r1-distill"};
    OpenAiTestServer server(options);
    const auto r = runCli({"llm", "models", "--base-url", server.baseUrl()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["models"], nlohmann::json({"qwen3-8b", "r1-distill"}));
}

TEST(CliLlm, CompletesWithReasoningUsageAndTimings) {
    OpenAiTestServer server;
    Script s;
    s.reasoning = "The profile favours [P2].";
    s.answer = "comedy";
    server.enqueue(s);
    const auto r = runCli({"llm", "complete", "--base-url", server.baseUrl(), "--model",
                           "r2p-test-model", "--prompt", "Tag it.", "--system", "Be brief.",
                           "--stream", "--max-tokens", "64", "--seed", "7"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["reasoning"], "The profile favours [P2].");
    EXPECT_EQ(j["answer"], "comedy");
    EXPECT_EQ(j["finish_reason"], "stop");
    EXPECT_GT(j["usage"]["completion_tokens"].get<int>(), 0);
    EXPECT_GE(j["timings"]["total_ms"].get<double>(), 0.0);
    EXPECT_NE(r.err.find("comedy"), std::string::npos); // streamed live to stderr
    const auto body = server.requests().back().json.value();
    EXPECT_EQ(body["max_tokens"], 64);
    EXPECT_EQ(body["seed"], 7);
    EXPECT_EQ(body["messages"][0]["content"], "Be brief.");
}

TEST(CliLlm, FailuresExitOneWithTheTypedError) {
    OpenAiTestServer server;
    Script bad;
    bad.fault = Fault::Status400;
    bad.errorMessage = "unknown model";
    server.enqueue(bad);
    auto r = runCli(
        {"llm", "complete", "--base-url", server.baseUrl(), "--model", "nope", "--prompt", "x"});
    EXPECT_EQ(r.exitCode, 1);
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["error"]["kind"], "http");
    EXPECT_EQ(j["error"]["http_status"], 400);
    EXPECT_EQ(j["error"]["server_message"], "unknown model");
    EXPECT_NE(r.err.find("HTTP 400"), std::string::npos);
    EXPECT_EQ(runCli({"llm", "complete", "--model", "m", "--prompt", "x"}).exitCode, 2);
    EXPECT_EQ(runCli({"llm", "complete", "--base-url", "u", "--model", "m", "--prompt", "x",
                      "--seed", "abc"})
                  .exitCode,
              2);
    EXPECT_EQ(runCli({"llm", "dance"}).exitCode, 2);
}

TEST(CliLlm, OfflineBackendAnswersLampInputsWithoutAServer) {
    const std::string review =
        "What is the score of the following review on a scale of 1 to 5? just answer with 1, 2, "
        "3, 4, or 5 without further explanation. review: Great blender, I love it, works "
        "perfectly.";
    auto r = runCli({"llm", "complete", "--backend", "offline", "--prompt", review, "--stream"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["backend"], "offline (no LLM)");
    EXPECT_EQ(j["model"], "offline");
    EXPECT_EQ(j["answer"], "5");
    EXPECT_NE(j["reasoning"].get<std::string>().find("## Task analysis"), std::string::npos);
    EXPECT_EQ(j["finish_reason"], "stop");
    EXPECT_GT(j["usage"]["completion_tokens"].get<int>(), 0);
    EXPECT_NE(r.err.find("## Answer"), std::string::npos); // streamed live to stderr

    // Anything else gets a note, never a crash; a stop string cuts like a server's.
    r = runCli({"llm", "complete", "--backend", "offline", "--prompt", "Tell me a joke."});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["answer"], "I can only answer LaMP task inputs offline.");
    r = runCli({"llm", "complete", "--backend", "offline", "--prompt", review, "--stop",
                "## Profile synthesis"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["answer"], "");
    EXPECT_EQ(j["reasoning"].get<std::string>().find("## Profile synthesis"), std::string::npos);

    EXPECT_EQ(runCli({"llm", "complete", "--backend", "offline"}).exitCode, 2); // no prompt
    EXPECT_EQ(runCli({"llm", "complete", "--backend", "bogus", "--prompt", "x"}).exitCode, 2);
    EXPECT_EQ(runCli({"llm", "complete", "--backend", "openai", "--prompt", "x"}).exitCode, 2);
}
