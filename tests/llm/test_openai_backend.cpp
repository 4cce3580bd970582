// The OpenAI-compatible backend against the loopback test server: streaming in every reasoning
// form, each injected fault, retries, timeouts, cancellation, concurrency, keys and the cache.
#include "model/ProjectStore.h"
#include "model/ResponseCache.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "support/OpenAiTestServer.h"
#include "support/TestSupport.h"

#include <chrono>
#include <cstdlib>
#include <future>
#include <gtest/gtest.h>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace r2p;
using namespace r2p::llm;
using r2p::test::Fault;
using r2p::test::OpenAiTestServer;
using r2p::test::ReasoningStyle;
using r2p::test::Script;

namespace {

using Clock = std::chrono::steady_clock;

double elapsedMs(Clock::time_point from, Clock::time_point to = Clock::now()) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

EndpointConfig fastConfig(const OpenAiTestServer& server) {
    EndpointConfig c;
    c.baseUrl = server.baseUrl();
    c.backoffBaseMs = 10;
    c.backoffMaxMs = 50;
    c.jitterSeed = 1;
    return c;
}

GenerationRequest chat(std::string label = "user 1 · answer") {
    GenerationRequest r;
    r.label = std::move(label);
    r.model = "r2p-test-model";
    r.messages = {{Role::System, "You are terse."}, {Role::User, "Rate it."}};
    return r;
}

struct Collected {
    std::string reasoning, answer;
    int deltas = 0;
};

GenerationOutcome run(Backend& backend, GenerationRequest request, Collected* collected = nullptr) {
    std::mutex m;
    return backend.generate(std::move(request), [&](std::string_view r, std::string_view a) {
        std::lock_guard lock(m);
        if (collected) {
            collected->reasoning += r;
            collected->answer += a;
            ++collected->deltas;
        }
    });
}

// By value: callers often pass a temporary outcome.
GenerationResult ok(const GenerationOutcome& o) {
    if (!succeeded(o)) {
        ADD_FAILURE() << std::get<BackendError>(o).message();
        return {};
    }
    return std::get<GenerationResult>(o);
}

BackendError err(const GenerationOutcome& o) {
    EXPECT_FALSE(succeeded(o));
    return succeeded(o) ? BackendError{} : std::get<BackendError>(o);
}

std::uint16_t unusedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd); // nothing listens here now
    return ntohs(a.sin_port);
}

} // namespace

TEST(OpenAiBackend, StreamsReasoningAndAnswerInEveryForm) {
    OpenAiTestServer server;
    OpenAiBackend backend(fastConfig(server));
    const std::string reasoning = "The user gives low scores to flimsy gadgets [P1] [P3].";
    const std::string answer = "2";
    for (auto style : {ReasoningStyle::ReasoningField, ReasoningStyle::ReasoningAltField,
                       ReasoningStyle::ThinkTags, ReasoningStyle::ClosingTagOnly}) {
        Script s;
        s.reasoning = reasoning;
        s.answer = answer;
        s.reasoningStyle = style;
        server.enqueue(s);
        auto request = chat();
        if (style == ReasoningStyle::ClosingTagOnly)
            request.thinkStart = ThinkSplitter::Start::InReasoning;
        Collected c;
        const auto outcome = run(backend, request, &c);
        const auto& result = ok(outcome);
        EXPECT_EQ(result.reasoning, reasoning) << static_cast<int>(style);
        EXPECT_EQ(result.answer, answer) << static_cast<int>(style);
        EXPECT_EQ(c.reasoning, reasoning);
        EXPECT_EQ(c.answer, answer);
        EXPECT_GT(c.deltas, 5); // it really streamed
        EXPECT_EQ(result.finishReason, "stop");
        ASSERT_TRUE(result.usage.has_value());
        EXPECT_GT(result.usage->completionTokens, 0);
        EXPECT_EQ(result.httpStatus, 200);
        EXPECT_EQ(result.attempts, 1);
    }
    // What went over the wire: the OpenAI body with stream options.
    const auto sent = server.requests().back();
    EXPECT_EQ(sent.path, "/v1/chat/completions");
    ASSERT_TRUE(sent.json.has_value());
    EXPECT_EQ((*sent.json)["model"], "r2p-test-model");
    EXPECT_EQ((*sent.json)["stream"], true);
    EXPECT_EQ((*sent.json)["stream_options"]["include_usage"], true);
    EXPECT_EQ((*sent.json)["messages"][0]["role"], "system");
}

TEST(OpenAiBackend, NonStreamingCompletionsAndStopAndMaxTokens) {
    OpenAiTestServer server;
    OpenAiBackend backend(fastConfig(server));
    Script s;
    s.reasoning = "";
    s.reasoningStyle = ReasoningStyle::None;
    s.answer = "one two three four five six";
    server.setDefaultScript(s);
    auto request = chat();
    request.stream = false;
    EXPECT_EQ(ok(run(backend, request)).answer, "one two three four five six");
    request = chat();
    request.endpoint = Endpoint::Completions;
    request.prompt = "<|im_start|>assistant\n<think>\nI recall [P2].";
    request.maxTokens = 3;
    const auto limited = run(backend, request);
    EXPECT_EQ(ok(limited).finishReason, "length");
    EXPECT_EQ(server.requests().back().path, "/v1/completions");
    request = chat();
    request.stop = {"four"};
    EXPECT_EQ(ok(run(backend, request)).answer, "one two three ");
}

TEST(OpenAiBackend, RetriesRateLimitsHonouringRetryAfter) {
    OpenAiTestServer server;
    OpenAiBackend backend(fastConfig(server));
    Script limited;
    limited.fault = Fault::Status429;
    limited.retryAfterSeconds = 1;
    server.enqueue(limited);
    server.enqueue(Script{});
    const auto t0 = Clock::now();
    const auto& result = ok(run(backend, chat()));
    const double waitedMs = elapsedMs(t0);
    EXPECT_EQ(result.attempts, 2);
    EXPECT_GE(waitedMs, 950.0); // Retry-After: 1, not the 10 ms backoff
    EXPECT_EQ(server.requestCount(), 2u);
}

TEST(OpenAiBackend, RetriesServerErrorsWithBackoffButNeverRequestErrors) {
    OpenAiTestServer server;
    OpenAiBackend backend(fastConfig(server));
    Script broken;
    broken.fault = Fault::Status500;
    broken.errorMessage = "CUDA out of memory";
    server.enqueue(broken);
    server.enqueue(broken);
    server.enqueue(Script{});
    EXPECT_EQ(ok(run(backend, chat())).attempts, 3);

    // Four 500s exhaust the four attempts: the error names the request, status and message.
    for (int i = 0; i < 4; ++i)
        server.enqueue(broken);
    auto e = err(run(backend, chat("user 3107 · synthesis")));
    EXPECT_EQ(e.kind, ErrorKind::Http);
    EXPECT_EQ(e.httpStatus, 500);
    EXPECT_EQ(e.attempts, 4);
    EXPECT_NE(e.message().find("user 3107 · synthesis"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("CUDA out of memory"), std::string::npos) << e.message();

    server.clear();
    Script bad;
    bad.fault = Fault::Status400;
    bad.errorMessage = "max_tokens is too large";
    server.enqueue(bad);
    e = err(run(backend, chat()));
    EXPECT_EQ(e.httpStatus, 400);
    EXPECT_EQ(e.attempts, 1);
    EXPECT_EQ(server.requestCount(), 1u);
    EXPECT_EQ(e.serverMessage, "max_tokens is too large");
}

TEST(OpenAiBackend, BrokenStreamsAreErrorsNeverCompleteAnswers) {
    OpenAiTestServer server;
    EndpointConfig config = fastConfig(server);
    config.maxAttempts = 1;
    OpenAiBackend backend(config);
    Script s;
    s.reasoning = "some thoughts here";
    s.answer = "a long answer that will not arrive whole";
    s.faultAfterEvents = 4;

    s.fault = Fault::MalformedChunk;
    server.enqueue(s);
    EXPECT_EQ(err(run(backend, chat())).kind, ErrorKind::Protocol);

    s.fault = Fault::ErrorInStream;
    s.errorMessage = "engine died";
    server.enqueue(s);
    auto e = err(run(backend, chat()));
    EXPECT_EQ(e.kind, ErrorKind::Server);
    EXPECT_EQ(e.serverMessage, "engine died");

    s.fault = Fault::DisconnectMidStream;
    server.enqueue(s);
    Collected partial;
    e = err(run(backend, chat(), &partial));
    EXPECT_EQ(e.kind, ErrorKind::StreamCut);
    EXPECT_FALSE(partial.reasoning.empty()); // the caller saw the partial text, flagged as failed
}

TEST(OpenAiBackend, ADroppedConnectionBeforeAnyTokenIsRetried) {
    OpenAiTestServer server;
    OpenAiBackend backend(fastConfig(server));
    Script s;
    s.fault = Fault::DisconnectMidStream;
    s.faultAfterEvents = 1; // only the role chunk: nothing reached the caller
    server.enqueue(s);
    server.enqueue(Script{});
    EXPECT_EQ(ok(run(backend, chat())).attempts, 2);
}

TEST(OpenAiBackend, OddButValidStreamsGiveTheSameAnswer) {
    OpenAiTestServer server;
    OpenAiBackend backend(fastConfig(server));
    Script base;
    base.reasoning = "I compare [P1] with [P2].";
    base.answer = "[1]";
    server.enqueue(base);
    const auto reference = ok(run(backend, chat()));
    for (auto fault : {Fault::DripByteByByte, Fault::CommentsAndMultiline, Fault::Crlf}) {
        Script s = base;
        s.fault = fault;
        s.crlf = fault == Fault::DripByteByByte;
        s.dripPauseUs = 20;
        server.enqueue(s);
        const auto& r = ok(run(backend, chat()));
        EXPECT_EQ(r.reasoning, reference.reasoning) << static_cast<int>(fault);
        EXPECT_EQ(r.answer, reference.answer) << static_cast<int>(fault);
    }
}

TEST(OpenAiBackend, TimeoutsForFirstTokenAndSilence) {
    OpenAiTestServer server;
    EndpointConfig config = fastConfig(server);
    config.maxAttempts = 1;
    config.firstTokenTimeoutMs = 150;
    config.idleTimeoutMs = 200;
    OpenAiBackend backend(config);
    Script slow;
    slow.firstChunkDelayMs = 2000;
    server.enqueue(slow);
    auto e = err(run(backend, chat()));
    EXPECT_EQ(e.kind, ErrorKind::Timeout);
    EXPECT_NE(e.detail.find("first token"), std::string::npos);

    Script stuck;
    stuck.reasoning = "thinking";
    stuck.fault = Fault::NeverEnds;
    stuck.faultAfterEvents = 3;
    server.enqueue(stuck);
    const auto t0 = Clock::now();
    e = err(run(backend, chat()));
    EXPECT_EQ(e.kind, ErrorKind::Timeout);
    EXPECT_NE(e.detail.find("no data"), std::string::npos) << e.detail;
    EXPECT_LT(elapsedMs(t0), 2000.0);
}

// The 100 ms latency target is measured by bench_llm; a test only proves cancel works.
TEST(OpenAiBackend, CancelStopsANeverEndingStream) {
    OpenAiTestServer server;
    OpenAiBackend backend(fastConfig(server));
    Script stuck;
    stuck.reasoning = "thinking forever";
    stuck.fault = Fault::NeverEnds;
    stuck.faultAfterEvents = 3;
    for (int i = 0; i < 3; ++i)
        server.enqueue(stuck);
    std::promise<void> firstDelta;
    std::once_flag once;
    std::promise<std::pair<GenerationOutcome, Clock::time_point>> done;
    const RequestId id = backend.submit(
        chat(),
        [&](std::string_view, std::string_view) {
            std::call_once(once, [&] { firstDelta.set_value(); });
        },
        [&](GenerationOutcome&& o) {
            done.set_value({std::move(o), Clock::now()});
        });
    ASSERT_EQ(firstDelta.get_future().wait_for(std::chrono::seconds(5)), std::future_status::ready);
    const auto cancelledAt = Clock::now();
    backend.cancel(id);
    auto f = done.get_future();
    ASSERT_EQ(f.wait_for(std::chrono::seconds(2)), std::future_status::ready);
    auto [outcome, at] = f.get();
    EXPECT_EQ(err(outcome).kind, ErrorKind::Cancelled);
    EXPECT_LT(elapsedMs(cancelledAt, at),
              1000.0); // the stream never ends: a cancel that did not work hangs

    // cancelAll stops several at once, again promptly.
    std::atomic<int> cancelled{0};
    std::promise<void> allDone;
    for (int i = 0; i < 2; ++i)
        backend.submit(chat(), {}, [&](GenerationOutcome&& o) {
            if (!succeeded(o) && std::get<BackendError>(o).kind == ErrorKind::Cancelled &&
                ++cancelled == 2)
                allDone.set_value();
        });
    ASSERT_TRUE(server.waitForRequests(3, std::chrono::seconds(5)));
    const auto t0 = Clock::now();
    backend.cancelAll();
    ASSERT_EQ(allDone.get_future().wait_for(std::chrono::seconds(2)), std::future_status::ready);
    EXPECT_LT(elapsedMs(t0), 1000.0); // the stream never ends: a cancel that did not work hangs
}

TEST(OpenAiBackend, ManyRequestsAtOnceWithinTheConcurrencyLimit) {
    OpenAiTestServer server;
    EndpointConfig config = fastConfig(server);
    config.maxConcurrent = 8;
    OpenAiBackend backend(config);
    Script s;
    s.answer = "fine";
    // Long enough that requests overlap even on a loaded machine, so the limit is exercised.
    s.firstChunkDelayMs = 100;
    server.setDefaultScript(s);
    constexpr int kRequests = 32;
    std::atomic<int> good{0}, finished{0};
    std::promise<void> all;
    for (int i = 0; i < kRequests; ++i)
        backend.submit(chat("request " + std::to_string(i)), {}, [&](GenerationOutcome&& o) {
            if (succeeded(o) && std::get<GenerationResult>(o).answer == "fine")
                ++good;
            if (++finished == kRequests)
                all.set_value();
        });
    ASSERT_EQ(all.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready);
    EXPECT_EQ(good.load(), kRequests);
    EXPECT_LE(server.peakActiveRequests(), 8u);
    EXPECT_GE(server.peakActiveRequests(), 2u);
}

TEST(OpenAiBackend, UnreachableServerIsAConnectError) {
    EndpointConfig config;
    config.baseUrl = "http://127.0.0.1:" + std::to_string(unusedPort()) + "/v1";
    config.maxAttempts = 2;
    config.backoffBaseMs = 5;
    OpenAiBackend backend(config);
    auto e = err(run(backend, chat()));
    EXPECT_EQ(e.kind, ErrorKind::Connect);
    EXPECT_EQ(e.attempts, 2);
    auto missingModel = chat();
    missingModel.model.clear();
    EXPECT_EQ(err(run(backend, missingModel)).kind, ErrorKind::Config);
}

TEST(OpenAiBackend, ApiKeyComesFromTheEnvironmentAndNeverShows) {
    test::ServerOptions options;
    options.apiKey = "sk-test-secret-123";
    OpenAiTestServer server(options);
    EndpointConfig config = fastConfig(server);
    config.apiKeyEnv = "R2P_TEST_API_KEY";
    ::unsetenv("R2P_TEST_API_KEY");
    {
        OpenAiBackend backend(config);
        auto e = err(run(backend, chat()));
        EXPECT_EQ(e.httpStatus, 401);
        EXPECT_EQ(e.message().find("sk-test"), std::string::npos);
    }
    ::setenv("R2P_TEST_API_KEY", "sk-test-secret-123", 1);
    OpenAiBackend backend(config);
    EXPECT_TRUE(succeeded(run(backend, chat())));
    EXPECT_EQ(server.requests().back().headers.at("authorization"), "Bearer sk-test-secret-123");
    ::unsetenv("R2P_TEST_API_KEY");
}

TEST(OpenAiBackend, ModelsAndEmbeddings) {
    test::ServerOptions options;
    options.models = {"qwen3-8b", "deepseek-r1-distill-llama-8b"};
    options.embeddingDimension = 8;
    OpenAiTestServer server(options);
    OpenAiBackend backend(fastConfig(server));
    auto models = backend.listModels();
    ASSERT_TRUE(models.ok()) << models.error().message;
    EXPECT_EQ(*models, options.models);
    auto vectors = backend.embed("embedder", {"battery life", "kettle"});
    ASSERT_TRUE(vectors.ok()) << vectors.error().message;
    ASSERT_EQ(vectors->size(), 2u);
    EXPECT_EQ((*vectors)[0].size(), 8u);
    EXPECT_EQ((*vectors)[1], OpenAiTestServer::embeddingFor("kettle", 8));
}

TEST(CachingBackend, ASecondRunSendsNothingToTheServer) {
    OpenAiTestServer server;
    Script s;
    s.reasoning = "Cached thoughts.";
    s.answer = "5";
    s.chunkDelayMs = 2;
    server.setDefaultScript(s);
    test::TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store.ok());
    auto inner = std::make_shared<OpenAiBackend>(fastConfig(server));
    std::vector<GenerationResult> first;
    {
        CachingBackend cached(inner, ResponseCache(**store), "openai", CacheMode::ReadWrite);
        for (int i = 0; i < 5; ++i) {
            auto r = chat("user " + std::to_string(i));
            r.seed = static_cast<std::uint64_t>(i);
            first.push_back(ok(run(cached, r)));
        }
        EXPECT_EQ(cached.misses(), 5u);
    }
    EXPECT_EQ(server.requestCount(), 5u);
    server.clear();
    CachingBackend again(inner, ResponseCache(**store), "openai", CacheMode::ReadWrite);
    for (int i = 0; i < 5; ++i) {
        auto r = chat("user " + std::to_string(i));
        r.seed = static_cast<std::uint64_t>(i);
        Collected c;
        const auto& result = ok(run(again, r, &c));
        EXPECT_EQ(result.answer, first[static_cast<std::size_t>(i)].answer);
        EXPECT_EQ(result.reasoning, first[static_cast<std::size_t>(i)].reasoning);
        EXPECT_EQ(c.reasoning + c.answer, result.reasoning + result.answer); // replayed as deltas
    }
    EXPECT_EQ(again.hits(), 5u);
    EXPECT_EQ(server.requestCount(), 0u);

    // Replay never calls a model: a miss is an error and nothing is sent.
    CachingBackend replay(nullptr, ResponseCache(**store), "openai", CacheMode::ReplayOnly);
    EXPECT_EQ(replay.name(), "replay");
    auto unknown = chat("user 99");
    unknown.seed = 99;
    auto e = err(run(replay, unknown));
    EXPECT_EQ(e.kind, ErrorKind::Config);
    EXPECT_NE(e.detail.find("not in the response cache"), std::string::npos);
    auto known = chat("user 2");
    known.seed = 2;
    EXPECT_EQ(ok(run(replay, known)).answer, "5");
    EXPECT_EQ(server.requestCount(), 0u);
}

TEST(CachingBackend, ReplayCanFollowTheRecordedTiming) {
    OpenAiTestServer server;
    Script s;
    s.reasoning = "one two three four";
    s.answer = "done";
    s.chunkDelayMs = 40;
    server.setDefaultScript(s);
    test::TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    auto inner = std::make_shared<OpenAiBackend>(fastConfig(server));
    CachingBackend record(inner, ResponseCache(**store), "openai", CacheMode::ReadWrite);
    const auto recorded = ok(run(record, chat()));
    CachingBackend timed(nullptr, ResponseCache(**store), "openai", CacheMode::ReplayOnly, 1.0);
    const auto t0 = Clock::now();
    EXPECT_EQ(ok(run(timed, chat())).answer, "done");
    const double ms = elapsedMs(t0);
    EXPECT_GE(ms, recorded.totalMs * 0.6);
    CachingBackend instant(nullptr, ResponseCache(**store), "openai", CacheMode::ReplayOnly, 0);
    const auto t1 = Clock::now();
    EXPECT_EQ(ok(run(instant, chat())).answer, "done");
    EXPECT_LT(elapsedMs(t1), ms); // no waiting at speed 0: faster than the timed replay
}
