// The OpenAI-compatible backend against hostile or broken replies and the real servers' quirks:
// a closing think tag without an opening one, errors inside a stream (llama-server's `error:`
// field, data errors, an empty [DONE]), what is retried and what never is, the reply size limit,
// bytes that are not UTF-8, HTML error pages, resets, model lists, credentials in URLs, server
// figures, and a response cache that knows its endpoint.
#include "model/ProjectStore.h"
#include "model/ResponseCache.h"
#include "model/Utf8.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "pipeline/llm/OpenAiProtocol.h"
#include "pipeline/llm/ThinkSplitter.h"
#include "support/OpenAiTestServer.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <mutex>

using namespace r2p;
using namespace r2p::llm;
using r2p::test::Fault;
using r2p::test::OpenAiTestServer;
using r2p::test::ReasoningStyle;
using r2p::test::Script;
using r2p::test::ServerFlavor;

namespace {

EndpointConfig fastConfig(const OpenAiTestServer& server) {
    EndpointConfig c;
    c.baseUrl = server.baseUrl();
    c.backoffBaseMs = 5;
    c.backoffMaxMs = 20;
    c.jitterSeed = 1;
    return c;
}

GenerationRequest chat(bool stream = true) {
    GenerationRequest r;
    r.label = "user 7 · r2p · answer";
    r.model = "r2p-test-model";
    r.stream = stream;
    r.messages = {{Role::User, "Rate it."}};
    return r;
}

r2p::test::ServerOptions withFlavor(ServerFlavor flavor) {
    r2p::test::ServerOptions o;
    o.flavor = flavor;
    return o;
}

const BackendError& errorOf(const GenerationOutcome& o) {
    return std::get<BackendError>(o);
}

struct Split {
    std::string reasoning, answer;
};

Split split(ThinkSplitter::Start start, const std::vector<std::string>& pieces) {
    ThinkSplitter s(start);
    Split out;
    for (const auto& p : pieces)
        s.feed(p, out.reasoning, out.answer);
    s.finish(out.reasoning, out.answer);
    return out;
}

} // namespace

// The template opened <think> in the prompt (R1 distills, QwQ, Qwen3 without a reasoning
// parser): a lone closing tag means everything before it was reasoning, wherever the chunks
// break — every split into three pieces is tried.
TEST(ThinkSplitterClosingTag, ALoneClosingTagEndsTheReasoningAtAnySplit) {
    const std::string text = "I weigh [P1] and <b>[P3]</b>.\n</think>\n\ncomedy";
    for (std::size_t a = 0; a <= text.size(); ++a)
        for (std::size_t b = a; b <= text.size(); ++b) {
            const auto r = split(ThinkSplitter::Start::Detect,
                                 {text.substr(0, a), text.substr(a, b - a), text.substr(b)});
            ASSERT_EQ(r.reasoning, "I weigh [P1] and <b>[P3]</b>.\n") << a << "," << b;
            ASSERT_EQ(r.answer, "comedy") << a << "," << b;
        }
    // No tag at all: the content is the answer exactly as sent.
    EXPECT_EQ(split(ThinkSplitter::Start::Detect, {"  comedy", " </thin", "k"}).answer,
              "  comedy </think");
    EXPECT_EQ(split(ThinkSplitter::Start::Detect, {"  comedy", " </thin", "k"}).reasoning, "");
    // A reasoning field came first: the content is the answer, nothing is held back.
    ThinkSplitter s(ThinkSplitter::Start::Detect);
    s.reasoningIsSeparate();
    std::string reasoning, answer;
    s.feed("drama", reasoning, answer);
    EXPECT_EQ(answer, "drama");
    EXPECT_EQ(s.heldBytes(), 0u);
}

TEST(OpenAiProtocol, ReadsReasoningBeforeReasoningContentAndLlamaTimings) {
    auto c = decodeStreamEvent(
        R"({"choices":[{"index":0,"delta":{"reasoning":"new","reasoning_content":"old"}}],)"
        R"("timings":{"prompt_n":12,"prompt_ms":6.0,"prompt_per_second":2000.0,)"
        R"("predicted_n":3,"predicted_ms":60.0,"predicted_per_second":50.0},)"
        R"("system_fingerprint":"fp_ollama"})");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->reasoning, "new");
    ASSERT_TRUE(c->timings);
    EXPECT_EQ(c->timings->promptTokens, 12);
    EXPECT_DOUBLE_EQ(c->timings->predictedPerSecond, 50.0);
    EXPECT_EQ(c->systemFingerprint, "fp_ollama");
    auto body = decodeCompletionBody(
        R"({"choices":[{"message":{"content":"a","reasoning":"r1","reasoning_content":"r0"},)"
        R"("finish_reason":"stop"}]})");
    ASSERT_TRUE(body);
    EXPECT_EQ(body->reasoning, "r1");
}

TEST(OpenAiProtocol, WhatIsRetriedAndWhatNeverIs) {
    EXPECT_TRUE(errorIsTransient({"Rate limit", "", ""}, 429));
    EXPECT_TRUE(errorIsTransient({"Loading model", "unavailable_error", "503"}, 200));
    EXPECT_TRUE(errorIsTransient({"The engine is overloaded", "", ""}, 0));
    EXPECT_FALSE(errorIsTransient({"bad key", "authentication_error", "401"}, 200));
    EXPECT_FALSE(errorIsTransient({"no such model", "", ""}, 404));
    EXPECT_FALSE(errorIsTransient({"forbidden", "", ""}, 403));
    // llama-server's context error is a 400; some proxies send it as a 500: never retried.
    EXPECT_FALSE(errorIsTransient(
        {"the request exceeds the available context size", "exceed_context_size_error", "400"},
        200));
    EXPECT_FALSE(errorIsTransient(
        {"This model's maximum context length is 4096 tokens", "BadRequestError", ""}, 500));
}

TEST(OpenAiProtocol, ModelListsAndErrorBodies) {
    auto none = decodeModelList(R"({"object":"list","data":null})"); // Ollama, nothing pulled
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
    EXPECT_FALSE(decodeModelList(R"({"object":"list","data":{"id":"x"}})"));
    EXPECT_FALSE(decodeModelList("<html>oops</html>"));
    EXPECT_EQ(decodeErrorBody("<html><head><title>502 Bad Gateway</title></head></html>").message,
              "502 Bad Gateway");
    // Invalid bytes and a long CJK text come back as valid UTF-8 cut at a character boundary.
    std::string cjk;
    for (int i = 0; i < 400; ++i)
        cjk += "错误";
    const auto e = decodeErrorBody("\xff\xfe" + cjk);
    EXPECT_TRUE(isValidUtf8(e.message));
    EXPECT_LE(e.message.size(), 300u);
}

TEST(OpenAiBackendFaults, ClosingTagOnlyIsReasoningInChatAndCompletionsStreamedOrNot) {
    OpenAiTestServer server;
    Script s;
    s.reasoning = "The user likes comedies.";
    s.answer = "comedy";
    s.reasoningStyle = ReasoningStyle::ClosingTagOnly;
    s.promptTokens = 5;
    s.completionTokens = 10;
    s.reasoningTokens = 0; // a server without a reasoning parser does not count them
    server.setDefaultScript(s);
    OpenAiBackend backend(fastConfig(server));
    for (bool stream : {true, false})
        for (bool completions : {false, true}) {
            GenerationRequest r = chat(stream);
            r.model = "QwQ-32B"; // its template opens <think> in the prompt
            if (completions) {
                r.endpoint = Endpoint::Completions;
                r.prompt = "<|im_start|>assistant\n<think>\n";
                r.messages.clear();
            }
            auto o = backend.generate(std::move(r));
            ASSERT_TRUE(succeeded(o)) << errorOf(o).message();
            const auto& res = std::get<GenerationResult>(o);
            EXPECT_EQ(res.reasoning, "The user likes comedies.") << stream << completions;
            EXPECT_EQ(res.answer, "comedy") << stream << completions;
            // Reasoning tokens counted as reasoning: 24 of 30 bytes of 10 tokens.
            ASSERT_TRUE(res.usage);
            EXPECT_EQ(res.usage->reasoningTokens, 8);
            EXPECT_TRUE(res.reasoningTokensEstimated);
        }
}

// A model name no template knows (a fine-tune, a renamed deployment): its content streams as the
// answer at once, and a lone "</think>" found by the end of the reply still makes everything
// before it reasoning — no flag needed. A stray tag inside a real answer after "<think>" is left.
TEST(OpenAiBackendFaults, ClosingTagOnlyIsReasoningForModelsNoTemplateKnows) {
    OpenAiTestServer server;
    Script s;
    s.reasoning = "The user likes comedies.";
    s.answer = "comedy";
    s.reasoningStyle = ReasoningStyle::ClosingTagOnly;
    s.wordsPerChunk = 1;
    server.setDefaultScript(s);
    OpenAiBackend backend(fastConfig(server));
    for (const char* model : {"acme-ft-7b", "Llama-3.1-8B-Instruct"})
        for (bool stream : {true, false}) {
            GenerationRequest r = chat(stream);
            r.model = model;
            std::string streamedAnswer;
            std::mutex m;
            auto o = backend.generate(std::move(r), [&](std::string_view, std::string_view a) {
                std::lock_guard lock(m);
                streamedAnswer += a;
            });
            ASSERT_TRUE(succeeded(o)) << errorOf(o).message();
            const auto& res = std::get<GenerationResult>(o);
            EXPECT_EQ(res.reasoning, "The user likes comedies.") << model << stream;
            EXPECT_EQ(res.answer, "comedy") << model << stream;
            EXPECT_TRUE(res.reasoningSplitAtEnd) << model << stream;
        }
    // Already-split reasoning, and an answer that only mentions the tag after "<think>": untouched.
    std::string reasoning = "r", answer = "a </think> b";
    EXPECT_FALSE(splitLoneClosingTag(reasoning, answer));
    EXPECT_EQ(answer, "a </think> b");
    reasoning.clear();
    answer = "<think>x</think> y";
    EXPECT_FALSE(splitLoneClosingTag(reasoning, answer));
    answer = "  step one\n</think>\n\n drama ";
    EXPECT_TRUE(splitLoneClosingTag(reasoning, answer));
    EXPECT_EQ(reasoning, "  step one\n");
    EXPECT_EQ(answer, "drama ");
}

TEST(OpenAiBackendFaults, LlamaServerErrorFieldFailsTheRequestWithTheServersWords) {
    OpenAiTestServer server(withFlavor(ServerFlavor::LlamaServer));
    Script context;
    context.fault = Fault::ErrorEvent;
    context.faultAfterEvents = 1;
    context.errorCode = 400;
    context.errorType = "exceed_context_size_error";
    context.errorMessage = "the request exceeds the available context size, try increasing it";
    server.enqueue(context);
    OpenAiBackend backend(fastConfig(server));
    auto o = backend.generate(chat());
    ASSERT_FALSE(succeeded(o));
    EXPECT_EQ(errorOf(o).kind, ErrorKind::Server);
    EXPECT_EQ(errorOf(o).serverMessage, context.errorMessage);
    EXPECT_NE(errorOf(o).message().find("user 7 · r2p · answer"), std::string::npos);
    EXPECT_EQ(backend.attemptsSent(), 1u); // a context error is never retried

    Script crash = context;
    crash.errorCode = 500;
    crash.errorType = "server_error";
    crash.errorMessage = "CUDA error";
    server.enqueue(crash);
    server.enqueue(Script{}); // the retry succeeds
    auto again = backend.generate(chat());
    ASSERT_TRUE(succeeded(again));
    EXPECT_EQ(std::get<GenerationResult>(again).attempts, 2);
}

TEST(OpenAiBackendFaults, DataErrorsAndEmptyDoneAreFailuresNeverAnswers) {
    OpenAiTestServer server;
    OpenAiBackend backend(fastConfig(server));
    Script denied;
    denied.fault = Fault::ErrorInStream;
    denied.errorCode = 401;
    denied.errorMessage = "invalid api key";
    denied.doneAfterError = true;
    server.enqueue(denied);
    auto o = backend.generate(chat());
    ASSERT_FALSE(succeeded(o));
    EXPECT_EQ(errorOf(o).serverMessage, "invalid api key");
    EXPECT_EQ(backend.attemptsSent(), 1u);

    for (bool stream : {true, false}) {
        Script empty;
        empty.fault = Fault::EmptyDone;
        empty.faultAfterEvents = 1; // after the role chunk
        server.enqueue(empty);
        const auto before = backend.attemptsSent();
        auto e = backend.generate(chat(stream));
        ASSERT_FALSE(succeeded(e)) << stream;
        EXPECT_EQ(backend.attemptsSent() - before, 1u);
        EXPECT_NE(errorOf(e).message().find("no finish_reason"), std::string::npos)
            << errorOf(e).message();
    }
}

TEST(OpenAiBackendFaults, AHugeLineIsRefusedOnceAtTheLimit) {
    OpenAiTestServer server;
    EndpointConfig config = fastConfig(server);
    config.maxReplyBytes = 1 << 20;
    OpenAiBackend backend(config);
    for (bool stream : {true, false}) {
        Script huge;
        huge.fault = Fault::HugeLine;
        huge.hugeBytes = std::size_t{16} << 20;
        server.setDefaultScript(huge);
        const auto before = backend.attemptsSent();
        auto o = backend.generate(chat(stream));
        ASSERT_FALSE(succeeded(o));
        EXPECT_EQ(errorOf(o).kind, ErrorKind::TooLarge) << errorOf(o).message();
        EXPECT_NE(errorOf(o).message().find("reply too large"), std::string::npos);
        EXPECT_EQ(backend.attemptsSent() - before, 1u); // never retried
    }
}

TEST(OpenAiBackendFaults, InvalidUtf8HtmlPagesAndResetsNeverAbort) {
    OpenAiTestServer server;
    OpenAiBackend backend(fastConfig(server));
    for (bool stream : {true, false}) {
        Script bad;
        bad.fault = Fault::InvalidUtf8;
        server.enqueue(bad);
        auto o = backend.generate(chat(stream));
        ASSERT_FALSE(succeeded(o));
        EXPECT_EQ(errorOf(o).kind, ErrorKind::Protocol);
        EXPECT_TRUE(isValidUtf8(errorOf(o).message()));
        EXPECT_NE(errorOf(o).message().find("UTF-8"), std::string::npos) << errorOf(o).message();
    }
    Script badError;
    badError.fault = Fault::Status400;
    badError.errorMessage = std::string("bad \x01") + "BAD bytes";
    server.enqueue(badError);
    auto e = backend.generate(chat());
    ASSERT_FALSE(succeeded(e));
    EXPECT_TRUE(isValidUtf8(errorOf(e).message()));

    Script html;
    html.fault = Fault::HtmlError;
    server.setDefaultScript(html);
    EndpointConfig once = fastConfig(server);
    once.maxAttempts = 2;
    OpenAiBackend proxy(once);
    auto h = proxy.generate(chat());
    ASSERT_FALSE(succeeded(h));
    EXPECT_EQ(errorOf(h).httpStatus, 502);
    EXPECT_EQ(errorOf(h).serverMessage, "502 Bad Gateway");
    EXPECT_EQ(proxy.attemptsSent(), 2u); // a 5xx is retried

    Script reset;
    reset.fault = Fault::Reset;
    reset.faultAfterEvents = 1;
    server.setDefaultScript(reset);
    auto r = proxy.generate(chat());
    ASSERT_FALSE(succeeded(r));
    EXPECT_TRUE(errorOf(r).transient);
    EXPECT_EQ(proxy.attemptsSent(), 4u); // a dropped connection is retried too
}

TEST(OpenAiBackendFaults, LoadingModelIsRetriedUntilItAnswers) {
    OpenAiTestServer server(withFlavor(ServerFlavor::LlamaServer));
    Script loading;
    loading.fault = Fault::Status503Loading;
    server.enqueue(loading);
    Script ok;
    ok.reasoning = "r";
    ok.answer = "a";
    ok.reasoningStyle = ReasoningStyle::ClosingTagOnly; // --reasoning-format none
    server.enqueue(ok);
    OpenAiBackend backend(fastConfig(server));
    GenerationRequest r = chat();
    r.model = "deepseek-r1-distill-qwen-7b"; // its template opens <think>
    auto o = backend.generate(std::move(r));
    ASSERT_TRUE(succeeded(o)) << errorOf(o).message();
    const auto& res = std::get<GenerationResult>(o);
    EXPECT_EQ(res.attempts, 2);
    EXPECT_EQ(res.answer, "a");
    ASSERT_TRUE(res.timings); // llama-server's own speeds are kept
    EXPECT_DOUBLE_EQ(res.timings->predictedPerSecond, 50.0);
    EXPECT_DOUBLE_EQ(res.timings->promptPerSecond, 2000.0);
}

TEST(OpenAiBackendFaults, ModelListsCredentialsAndSchemes) {
    r2p::test::ServerOptions options;
    options.flavor = ServerFlavor::Ollama;
    options.models = {};
    OpenAiTestServer ollama(options);
    OpenAiBackend empty(fastConfig(ollama));
    auto none = empty.listModels();
    ASSERT_TRUE(none) << none.error().message;
    EXPECT_TRUE(none->empty());
    ollama.stop();

    options.flavor = ServerFlavor::Vllm;
    options.modelsBody = R"({"object":"list","data":"qwen3"})";
    OpenAiTestServer odd(options);
    auto notAList = OpenAiBackend(fastConfig(odd)).listModels();
    ASSERT_FALSE(notAList);
    EXPECT_NE(notAList.error().message.find("not a list"), std::string::npos);

    auto secret = checkBaseUrl("http://alice:s3cr3t@127.0.0.1:8000/v1");
    ASSERT_FALSE(secret);
    EXPECT_EQ(secret.error().message.find("s3cr3t"), std::string::npos);
    EXPECT_NE(secret.error().message.find("--api-key-env"), std::string::npos);
    EXPECT_EQ(redactUrl("http://alice:s3cr3t@host:1/v1"), "http://host:1/v1");
    EXPECT_EQ(normalizeBaseUrl("HTTP://LocalHost:80/v1/"), "http://localhost/v1");

    // file:// never reads a file: refused before anything is sent.
    test::TempDir dir;
    const std::string path = dir.write("chat/completions", R"({"choices":[]})");
    ASSERT_FALSE(checkBaseUrl("file://" + dir.path().string()));
    EndpointConfig local;
    local.baseUrl = "file://" + dir.path().string();
    OpenAiBackend files(local);
    auto o = files.generate(chat(false));
    ASSERT_FALSE(succeeded(o));
    EXPECT_EQ(errorOf(o).kind, ErrorKind::Config);
    EXPECT_NE(errorOf(o).message().find("only http and https"), std::string::npos);
    EXPECT_FALSE(files.listModels());
}

TEST(OpenAiBackendFaults, ServerFiguresRequestIdsAndAnEndpointAwareCache) {
    OpenAiTestServer a, b;
    Script s;
    s.reasoning = "thinking";
    s.answer = "from A";
    s.reasoningStyle = ReasoningStyle::ReasoningAltField; // vLLM 2025+: "reasoning"
    s.reasoningTokens = 1;
    a.setDefaultScript(s);
    s.answer = "from B";
    b.setDefaultScript(s);
    test::TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    auto cached = [&](const OpenAiTestServer& server, bool shared) {
        auto c = std::make_shared<CachingBackend>(
            std::make_shared<OpenAiBackend>(fastConfig(server)), ResponseCache(**store), "openai",
            CacheMode::ReadWrite);
        c->setEndpoint(normalizeBaseUrl(server.baseUrl()), shared);
        return c;
    };
    auto first = cached(a, false)->generate(chat());
    ASSERT_TRUE(succeeded(first));
    const auto& r = std::get<GenerationResult>(first);
    EXPECT_EQ(r.reasoning, "thinking");
    EXPECT_EQ(r.requestId.rfind("chatcmpl-r2p-", 0), 0u) << r.requestId; // x-request-id
    EXPECT_NE(serverFiguresJson(r).find("\"request_id\""), std::string::npos);

    // Server B with the same model name is asked, not answered from A's cache.
    auto fromB = cached(b, false)->generate(chat());
    ASSERT_TRUE(succeeded(fromB));
    EXPECT_EQ(std::get<GenerationResult>(fromB).answer, "from B");
    EXPECT_EQ(b.requestCount(), 1u);
    // The same endpoint again: from the cache, and it says where the answer came from.
    auto again = cached(a, false)->generate(chat());
    EXPECT_EQ(a.requestCount(), 1u);
    EXPECT_TRUE(std::get<GenerationResult>(again).fromCache);
    EXPECT_EQ(std::get<GenerationResult>(again).endpoint, normalizeBaseUrl(a.baseUrl()));
    // Shared scope reuses an answer of any endpoint on purpose, and names it.
    OpenAiTestServer c;
    auto shared = cached(c, true)->generate(chat());
    ASSERT_TRUE(succeeded(shared));
    EXPECT_EQ(c.requestCount(), 0u);
    EXPECT_TRUE(std::get<GenerationResult>(shared).fromCache);
    // A failed request is never stored.
    Script broken;
    broken.fault = Fault::ErrorInStream;
    broken.errorCode = 400;
    c.setDefaultScript(broken);
    auto failed = cached(c, false)->generate(chat(false));
    EXPECT_FALSE(succeeded(failed));
    auto retried = cached(c, false)->generate(chat(false));
    EXPECT_FALSE(succeeded(retried));
    EXPECT_EQ(c.requestCount(), 2u);
}
