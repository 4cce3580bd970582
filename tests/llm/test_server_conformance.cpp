// Conformance: the workbench against the loopback test server speaking, byte for byte, the
// OpenAI dialects of the servers people run. Each shape goes through `r2p llm complete`
// (streamed and not) and `r2p run` in auto, chat and prefill mode, and a second identical run
// must send nothing where the first succeeded and repeat exactly the requests that failed.
//
// Wire facts checked against the servers' own source (via the code search of this project):
// - vLLM (vllm-project/vllm, entrypoints/openai/serving_chat.py and protocol.py): the delta's
//   reasoning field was "reasoning_content" and is "reasoning" since the 2025 rename; with
//   stream_options.include_usage the last chunk has "choices": [] and the usage;
//   --enable-request-id-headers echoes "x-request-id". Without --reasoning-parser the R1
//   distills' text (reasoning, "</think>", answer) comes in "content".
// - SGLang (sgl-project/sglang, srt/entrypoints/openai/serving_chat.py): "reasoning_content"
//   with --reasoning-parser; a request's "separate_reasoning": false leaves it in the content.
// - llama.cpp's llama-server (ggml-org/llama.cpp, tools/server/server.cpp): "reasoning_content"
//   with --reasoning-format deepseek, raw text with --reasoning-format none; a failed stream is
//   `server_sent_event(sink, "error", error_data)` — an `error: {"code","message","type"}` line,
//   not a data field — followed by `data: [DONE]`; "timings" (prompt_n, prompt_ms,
//   prompt_per_second, predicted_n, predicted_ms, predicted_per_second) with the final chunk;
//   503 {"error":{"code":503,"message":"Loading model","type":"unavailable_error"}} while loading.
// - Ollama (ollama/ollama, openai/openai.go): Message.Reasoning from the model's thinking as
//   "reasoning"; SystemFingerprint "fp_ollama" on every chat and completion response;
//   ListCompletion marshals a nil slice, so no pulled model is "data": null; its
//   /v1/completions runs the model's template over the prompt (not a raw continuation).
// - Hosted APIs: chat only; /v1/completions is "Invalid URL" 404.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "support/OpenAiTestServer.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using nlohmann::json;
using r2p::test::Fault;
using r2p::test::OpenAiTestServer;
using r2p::test::ReasoningStyle;
using r2p::test::runCli;
using r2p::test::Script;
using r2p::test::ServerFlavor;

namespace {

// The R1 distill template opens <think> in the prompt and starts with a literal BOS.
constexpr const char* kModel = "deepseek-r1-distill-qwen-7b";
constexpr const char* kBos = "<｜begin▁of▁sentence｜>";
// Only user 2100's requests hold this text (resources/demo/LaMP-2).
constexpr const char* kFailingUser = "vanished sixty years ago";

struct Shape {
    const char* name;
    ServerFlavor flavor;
    ReasoningStyle style;
    bool autoPrefill; // what --mode auto must choose for it
};

const Shape kShapes[] = {
    {"vllm (reasoning)", ServerFlavor::Vllm, ReasoningStyle::ReasoningAltField, true},
    {"vllm (reasoning_content)", ServerFlavor::Vllm, ReasoningStyle::ReasoningField, true},
    {"vllm (no reasoning parser)", ServerFlavor::Vllm, ReasoningStyle::ClosingTagOnly, true},
    {"sglang (reasoning_content)", ServerFlavor::Sglang, ReasoningStyle::ReasoningField, true},
    {"sglang (separate_reasoning false)", ServerFlavor::Sglang, ReasoningStyle::ClosingTagOnly,
     true},
    {"llama-server (reasoning_content)", ServerFlavor::LlamaServer, ReasoningStyle::ReasoningField,
     true},
    {"llama-server (--reasoning-format none)", ServerFlavor::LlamaServer,
     ReasoningStyle::ClosingTagOnly, true},
    {"ollama (reasoning)", ServerFlavor::Ollama, ReasoningStyle::ReasoningAltField, false},
    {"hosted chat-only API", ServerFlavor::Hosted, ReasoningStyle::ReasoningField, false},
};

std::string demo(const std::string& file) {
    return test::demoDir() + "/LaMP-2/" + file;
}

Script shapeScript(const Shape& shape) {
    Script s;
    s.reasoning = "The user tags [P1] as comedy.";
    s.answer = "comedy";
    s.reasoningStyle = shape.style;
    s.wordsPerChunk = 2; // "</think>" arrives inside a chunk with other text, or on its own
    return s;
}

// A failure that must never be retried or cached, in this server's own way.
Script failure(const Shape& shape) {
    Script s;
    s.errorCode = 400;
    s.errorMessage = "the request exceeds the available context size";
    s.faultAfterEvents = 1;
    if (shape.flavor == ServerFlavor::LlamaServer) {
        s.fault = Fault::ErrorEvent;
        s.errorType = "exceed_context_size_error";
    } else {
        s.fault = Fault::ErrorInStream;
        s.doneAfterError = true;
    }
    return s;
}

std::vector<std::string> runArgs(const std::string& project, const OpenAiTestServer& server,
                                 const std::string& mode) {
    return {"run",
            "--project",
            project,
            "--questions",
            demo("dev_questions.json"),
            "--outputs",
            demo("dev_outputs.json"),
            "--systems",
            "r2p,lrm-rag",
            "--users",
            "2",
            "--candidates",
            "1",
            "--max-interventions",
            "0",
            "--backend",
            "openai",
            "--base-url",
            server.baseUrl(),
            "--model",
            kModel,
            "--mode",
            mode,
            "--quiet"};
}

std::size_t count(const std::vector<test::RecordedRequest>& requests, const std::string& needle,
                  const std::string& path = {}) {
    std::size_t n = 0;
    for (const auto& r : requests)
        if ((path.empty() || r.path == path) && r.body.find(needle) != std::string::npos)
            ++n;
    return n;
}

} // namespace

TEST(ServerConformance, LlmCompleteSplitsReasoningForEveryShapeStreamedOrNot) {
    for (const Shape& shape : kShapes) {
        r2p::test::ServerOptions options;
        options.flavor = shape.flavor;
        options.models = {kModel};
        OpenAiTestServer server(options);
        server.setDefaultScript(shapeScript(shape));
        for (bool stream : {true, false}) {
            std::vector<std::string> args = {"llm",     "complete", "--base-url", server.baseUrl(),
                                             "--model", kModel,     "--prompt",   "Tag it."};
            if (stream)
                args.push_back("--stream");
            const auto r = runCli(args);
            ASSERT_EQ(r.exitCode, 0) << shape.name << " stream " << stream << ": " << r.err;
            const json j = json::parse(r.out);
            EXPECT_EQ(j["reasoning"], "The user tags [P1] as comedy.") << shape.name << stream;
            EXPECT_EQ(j["answer"], "comedy") << shape.name << stream; // never "…</think>comedy"
            EXPECT_GT(j["usage"]["reasoning_tokens"].get<int>(), 0) << shape.name;
            if (shape.flavor == ServerFlavor::LlamaServer) {
                EXPECT_DOUBLE_EQ(j["server"]["timings"]["predicted_per_second"].get<double>(),
                                 50.0);
            }
            if (shape.flavor == ServerFlavor::Vllm) {
                EXPECT_TRUE(j["server"].contains("request_id")) << shape.name;
            }
        }
        // The server's failure in its own dialect: exit 1 with its words, one request only.
        server.clear();
        server.setDefaultScript(failure(shape));
        const auto bad = runCli({"llm", "complete", "--base-url", server.baseUrl(), "--model",
                                 kModel, "--prompt", "Tag it.", "--stream"});
        EXPECT_EQ(bad.exitCode, 1) << shape.name;
        EXPECT_NE(bad.err.find("exceeds the available context size"), std::string::npos)
            << shape.name << ": " << bad.err;
        EXPECT_EQ(server.requestCount(), 1u) << shape.name;
    }
}

TEST(ServerConformance, RunsInEveryModeAndASecondRunRepeatsOnlyTheFailures) {
    for (const Shape& shape : kShapes) {
        for (const std::string mode : {"auto", "chat", "prefill"}) {
            SCOPED_TRACE(std::string(shape.name) + " --mode " + mode);
            r2p::test::ServerOptions options;
            options.flavor = shape.flavor;
            options.models = {kModel};
            OpenAiTestServer server(options);
            server.setDefaultScript(shapeScript(shape));
            server.when(kFailingUser, failure(shape));
            test::TempDir dir;
            const auto args = runArgs(dir.file("p.r2p"), server, mode);
            const auto first = runCli(args);
            EXPECT_EQ(first.exitCode, 1) << first.err; // user 2100 failed
            const auto requests = server.requests();
            const std::size_t failedRequests = count(requests, kFailingUser);
            ASSERT_GT(failedRequests, 0u);
            EXPECT_NE(first.err.find("exceeds the available context size"), std::string::npos)
                << first.err;
            EXPECT_NE(first.err.find("run 1 · user 2100"), std::string::npos) << first.err;

            const std::size_t completions = count(requests, "", "/v1/completions");
            const bool prefill = mode == "prefill" || (mode == "auto" && shape.autoPrefill);
            if (mode == "auto") {
                EXPECT_NE(first.err.find(prefill ? "--mode auto: prefill" : "--mode auto: chat"),
                          std::string::npos)
                    << first.err;
            }
            if (prefill && shape.flavor != ServerFlavor::Hosted) {
                EXPECT_GT(completions, 0u);
                for (const auto& r : requests) {
                    if (r.path == "/v1/completions" && r.json && r.json->contains("prompt")) {
                        EXPECT_NE((*r.json)["prompt"].get<std::string>().rfind(kBos, 0), 0u)
                            << "a literal BOS in a prefill prompt: the server adds its own";
                    }
                }
            } else if (!prefill) {
                // Chat, or auto's one probe (remembered in the project afterwards).
                EXPECT_LE(completions, mode == "auto" ? 1u : 0u);
            }

            // The same run again: the cache answers every request that succeeded; the failed
            // user's requests go out again, exactly those.
            server.clear();
            const auto second = runCli(args);
            EXPECT_EQ(second.exitCode, 1) << second.err;
            const auto again = server.requests();
            if (prefill && shape.flavor == ServerFlavor::Hosted) {
                // /v1/completions is 404 on every r2p user there: all of them fail again.
                EXPECT_EQ(count(again, "", "/v1/completions"), completions);
                continue;
            }
            EXPECT_EQ(again.size(), failedRequests);
            EXPECT_EQ(count(again, kFailingUser), failedRequests);
        }
    }
}

TEST(ServerConformance, AFailedUserIsStoredAsFailedAndRetriedOnResumeWithServerFigures) {
    r2p::test::ServerOptions options;
    options.flavor = ServerFlavor::LlamaServer;
    options.models = {kModel};
    OpenAiTestServer server(options);
    const Shape shape{"llama-server", ServerFlavor::LlamaServer, ReasoningStyle::ClosingTagOnly,
                      true};
    server.setDefaultScript(shapeScript(shape));
    server.when(kFailingUser, failure(shape));
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    const auto args = runArgs(project, server, "chat");
    ASSERT_EQ(runCli(args).exitCode, 1);
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store);
        RunStore runs(**store);
        auto outcomes = runs.outcomes(1);
        ASSERT_TRUE(outcomes);
        for (const auto& o : *outcomes)
            EXPECT_EQ(o.status, o.userId == "2100" ? UserStatus::Failed : UserStatus::Done)
                << o.userId;
        // The server's own figures are kept with each step, beside the client's times.
        auto trace = runs.userTrace(1, "2101", SystemId::LrmRag);
        ASSERT_TRUE(trace);
        ASSERT_FALSE(trace->steps.empty());
        bool sawTimings = false;
        for (const auto& step : trace->steps) {
            if (step.server.empty())
                continue;
            const json figures = json::parse(step.server);
            ASSERT_TRUE(figures.is_array());
            sawTimings =
                sawTimings || figures[0]["timings"]["prompt_per_second"].get<double>() == 2000.0;
            EXPECT_EQ(figures[0]["endpoint"], server.baseUrl());
        }
        EXPECT_TRUE(sawTimings);
    }
    server.clearScripts();
    server.setDefaultScript(shapeScript(shape));
    server.clear();
    const auto resumed = runCli({"run", "--project", project, "--resume", "1", "--quiet"});
    EXPECT_EQ(resumed.exitCode, 0) << resumed.err;
    const json summary = json::parse(resumed.out);
    EXPECT_EQ(summary["users"]["done_now"], 1);
    EXPECT_EQ(count(server.requests(), kFailingUser), server.requestCount());
}
