// Several replicas of one model as one backend: --endpoint parsing, spreading by weight and
// per-endpoint capacity, failover when a replica is down or dies mid-stream (the retry's text is
// passed on only past what already streamed), 503 "loading" and probes that bring an endpoint
// back, the startup model check, cancellation, and a response cache that treats the replicas of
// a run as one endpoint. Every server here is the loopback test server.
#include "model/ProjectStore.h"
#include "model/ResponseCache.h"
#include "pipeline/engine/BackendChoice.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/llm/EndpointPool.h"
#include "support/OpenAiTestServer.h"
#include "support/TestSupport.h"

#include <chrono>
#include <condition_variable>
#include <future>
#include <gtest/gtest.h>
#include <mutex>
#include <thread>

using namespace r2p;
using namespace r2p::llm;
using r2p::test::Fault;
using r2p::test::OpenAiTestServer;
using r2p::test::ReasoningStyle;
using r2p::test::Script;

namespace {

GenerationRequest chat(const std::string& text = "Rate it.") {
    GenerationRequest r;
    r.label = "user 7 · r2p · answer";
    r.model = "r2p-test-model";
    r.messages = {{Role::User, text}};
    return r;
}

EndpointConfig fastBase() {
    EndpointConfig c;
    c.connectTimeoutMs = 2000;
    return c;
}

PoolOptions fastPool() {
    PoolOptions o;
    o.probeBaseMs = 20;
    o.probeMaxMs = 100;
    o.backoffBaseMs = 5;
    o.backoffMaxMs = 20;
    o.model = "r2p-test-model";
    return o;
}

PoolEndpoint at(const OpenAiTestServer& server, int max = 0, double weight = 1) {
    return PoolEndpoint{server.baseUrl(), max, weight, {}};
}

// Many requests at once; waits for all of them.
struct Batch {
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<GenerationOutcome> outcomes;
    std::size_t expected = 0;

    void submit(Backend& backend, std::size_t n) {
        expected += n;
        for (std::size_t i = 0; i < n; ++i)
            backend.submit(chat("request " + std::to_string(i)), {}, [this](GenerationOutcome&& o) {
                std::lock_guard lock(mutex);
                outcomes.push_back(std::move(o));
                cv.notify_all();
            });
    }
    bool wait(std::chrono::seconds timeout = std::chrono::seconds(60)) {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, timeout, [&] { return outcomes.size() >= expected; });
    }
    std::size_t succeededCount() {
        std::lock_guard lock(mutex);
        std::size_t n = 0;
        for (const auto& o : outcomes)
            n += succeeded(o) ? 1 : 0;
        return n;
    }
};

// Waits until `condition` holds (the pool's prober runs on its own schedule).
template <typename F> bool eventually(F condition, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

} // namespace

TEST(EndpointSpec, ParsesUrlMaxAndWeight) {
    auto e = parseEndpointSpec("http://127.0.0.1:8001/v1/,max=32,weight=2.5");
    ASSERT_TRUE(e) << e.error().message;
    EXPECT_EQ(e->baseUrl, "http://127.0.0.1:8001/v1");
    EXPECT_EQ(e->maxInFlight, 32);
    EXPECT_DOUBLE_EQ(e->weight, 2.5);
    EXPECT_EQ(endpointSpecText(*e), "http://127.0.0.1:8001/v1,max=32,weight=2.5");
    auto plain = parseEndpointSpec("http://h:1/v1");
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->maxInFlight, 0);
    EXPECT_DOUBLE_EQ(plain->weight, 1);
    EXPECT_EQ(endpointSpecText(*plain), "http://h:1/v1");
}

TEST(EndpointSpec, RefusesWhatItCannotUseAndNamesIt) {
    for (const auto& [spec, says] : std::vector<std::pair<std::string, std::string>>{
             {"http://h:1/v1,max=0", "max takes a number from 1 to 1024"},
             {"http://h:1/v1,max=x", "max takes"},
             {"http://h:1/v1,weight=-1", "weight takes"},
             {"http://h:1/v1,weight=nan", "weight takes"},
             {"http://h:1/v1,speed=3", "unknown option \"speed\""},
             {"ftp://h:1/v1", "only http and https"},
             {"not a url", "is not a URL"}}) {
        auto e = parseEndpointSpec(spec);
        ASSERT_FALSE(e) << spec;
        EXPECT_NE(e.error().message.find(says), std::string::npos) << e.error().message;
        EXPECT_NE(e.error().message.find("--endpoint"), std::string::npos) << e.error().message;
    }
    // Credentials are refused and never repeated.
    auto secret = parseEndpointSpec("http://me:hunter2@h:1/v1");
    ASSERT_FALSE(secret);
    EXPECT_EQ(secret.error().message.find("hunter2"), std::string::npos) << secret.error().message;
}

TEST(EndpointPool, SpreadsRequestsByWeight) {
    OpenAiTestServer a, b;
    Script slow;
    slow.firstChunkDelayMs = 400; // all 40 are in flight together
    a.setDefaultScript(slow);
    b.setDefaultScript(slow);
    EndpointPool pool({at(a, 100, 3), at(b, 100, 1)}, fastBase(), fastPool());
    Batch batch;
    batch.submit(pool, 40);
    ASSERT_TRUE(batch.wait());
    EXPECT_EQ(batch.succeededCount(), 40u);
    // Least load for its weight: 3 to 1 (30 and 10), give or take one finishing early.
    EXPECT_GE(a.requestCount(), 28u);
    EXPECT_LE(a.requestCount(), 32u);
    EXPECT_EQ(a.requestCount() + b.requestCount(), 40u);
    const auto stats = pool.stats();
    ASSERT_EQ(stats.size(), 2u);
    EXPECT_EQ(stats[0].succeeded, a.requestCount());
    EXPECT_EQ(stats[1].succeeded, b.requestCount());
}

TEST(EndpointPool, NeverSendsAnEndpointMoreThanItsMax) {
    OpenAiTestServer a, b;
    Script slow;
    slow.firstChunkDelayMs = 50;
    a.setDefaultScript(slow);
    b.setDefaultScript(slow);
    EndpointPool pool({at(a, 2), at(b, 3)}, fastBase(), fastPool());
    Batch batch;
    batch.submit(pool, 25);
    ASSERT_TRUE(batch.wait());
    EXPECT_EQ(batch.succeededCount(), 25u);
    EXPECT_LE(a.peakActiveRequests(), 2u);
    EXPECT_LE(b.peakActiveRequests(), 3u);
    EXPECT_EQ(a.peakActiveRequests(), 2u); // and it is used to the full
    EXPECT_EQ(b.peakActiveRequests(), 3u);
}

TEST(EndpointPool, AReplicaThatIsDownIsTakenOutAndNoRequestFails) {
    OpenAiTestServer a, b;
    a.stop(); // connection refused from the start
    EndpointPool pool({at(a), at(b)}, fastBase(), fastPool());
    Batch batch;
    batch.submit(pool, 12);
    ASSERT_TRUE(batch.wait());
    EXPECT_EQ(batch.succeededCount(), 12u);
    EXPECT_EQ(b.requestCount(), 12u);
    const auto stats = pool.stats();
    EXPECT_EQ(stats[0].takenOut, 1);
    EXPECT_FALSE(stats[0].healthy);
    EXPECT_GE(stats[0].failures, 1u);
    EXPECT_EQ(stats[0].succeeded, 0u);
    EXPECT_NE(stats[0].lastError.find("cannot reach the server"), std::string::npos)
        << stats[0].lastError;
    EXPECT_EQ(stats[1].succeeded, 12u);
}

TEST(EndpointPool, AStreamCutByADyingReplicaContinuesElsewhereWithoutRepeatingText) {
    OpenAiTestServer a, b;
    Script s;
    s.reasoning = "First I weigh the profile. Then I compare the two items. ";
    s.answer = "The rating is 4 because the user liked similar books.";
    s.chunkDelayMs = 15;
    a.setDefaultScript(s);
    b.setDefaultScript(s);
    // A takes the request (listed first); B only when A is gone.
    EndpointPool pool({at(a), at(b)}, fastBase(), fastPool());
    std::mutex m;
    std::string streamedReasoning, streamedAnswer;
    std::condition_variable cv;
    std::optional<GenerationOutcome> outcome;
    pool.submit(
        chat(),
        [&](std::string_view r, std::string_view ans) {
            std::lock_guard lock(m);
            streamedReasoning += r;
            streamedAnswer += ans;
            cv.notify_all();
        },
        [&](GenerationOutcome&& o) {
            std::lock_guard lock(m);
            outcome = std::move(o);
            cv.notify_all();
        });
    {
        std::unique_lock lock(m);
        ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10),
                                [&] { return streamedReasoning.size() > 10; }));
    }
    a.stop(); // mid-stream: the connection closes under the reply
    std::unique_lock lock(m);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return outcome.has_value(); }));
    ASSERT_TRUE(succeeded(*outcome)) << std::get<BackendError>(*outcome).message();
    const auto& result = std::get<GenerationResult>(*outcome);
    EXPECT_EQ(result.reasoning, s.reasoning);
    EXPECT_EQ(result.answer, s.answer);
    EXPECT_EQ(result.attempts, 2);
    EXPECT_EQ(result.endpoint, b.baseUrl());
    // What the caller saw is the text once, not the first attempt's part twice.
    EXPECT_EQ(streamedReasoning, s.reasoning);
    EXPECT_EQ(streamedAnswer, s.answer);
    EXPECT_EQ(b.requestCount(), 1u);
}

TEST(EndpointPool, A503LoadingReplicaIsTakenOutAndProbedBackIn) {
    OpenAiTestServer a, b;
    Script loading;
    loading.fault = Fault::Status503Loading;
    a.setDefaultScript(loading);
    EndpointPool pool({at(a), at(b)}, fastBase(), fastPool());
    auto first = pool.generate(chat());
    ASSERT_TRUE(succeeded(first)) << std::get<BackendError>(first).message();
    EXPECT_EQ(std::get<GenerationResult>(first).endpoint, b.baseUrl());
    EXPECT_EQ(pool.stats()[0].takenOut, 1);
    // A's model list answers (the model is loaded now): the probe puts it back.
    a.setDefaultScript(Script{});
    ASSERT_TRUE(eventually([&] { return pool.stats()[0].healthy; }, std::chrono::seconds(10)));
    const std::size_t before = a.requestCount();
    Batch batch;
    batch.submit(pool, 6);
    ASSERT_TRUE(batch.wait());
    EXPECT_EQ(batch.succeededCount(), 6u);
    EXPECT_GT(a.requestCount(), before); // A serves again
}

TEST(EndpointPool, AReplicaThatDiedStaysOutUntilItAnswersAgain) {
    OpenAiTestServer b;
    auto a = std::make_unique<OpenAiTestServer>();
    const std::uint16_t port = a->port();
    const std::string urlA = a->baseUrl();
    a->stop();
    a.reset();
    EndpointPool pool({PoolEndpoint{urlA, 0, 1, {}}, at(b)}, fastBase(), fastPool());
    ASSERT_TRUE(succeeded(pool.generate(chat())));
    EXPECT_FALSE(pool.stats()[0].healthy);
    // Probes keep failing while nothing listens…
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    EXPECT_FALSE(pool.stats()[0].healthy);
    EXPECT_EQ(pool.stats()[0].takenOut, 1);
    // …and succeed once a server with the model is back on the port.
    r2p::test::ServerOptions options;
    options.port = port;
    OpenAiTestServer again(options);
    ASSERT_TRUE(eventually([&] { return pool.stats()[0].healthy; }, std::chrono::seconds(10)));
}

TEST(EndpointPool, AProbeDoesNotPutBackAReplicaServingAnotherModel) {
    OpenAiTestServer b;
    r2p::test::ServerOptions other;
    other.models = {"some-other-model"};
    OpenAiTestServer a(other);
    Script loading;
    loading.fault = Fault::Status503Loading;
    a.setDefaultScript(loading);
    EndpointPool pool({at(a), at(b)}, fastBase(), fastPool());
    ASSERT_TRUE(succeeded(pool.generate(chat())));
    std::this_thread::sleep_for(std::chrono::milliseconds(200)); // several probes
    EXPECT_FALSE(pool.stats()[0].healthy);
}

TEST(EndpointPool, RequestErrorsAreNotRetriedAndDoNotTakeTheEndpointOut) {
    OpenAiTestServer a, b;
    Script bad;
    bad.fault = Fault::Status400;
    a.setDefaultScript(bad);
    b.setDefaultScript(bad);
    EndpointPool pool({at(a), at(b)}, fastBase(), fastPool());
    auto o = pool.generate(chat());
    ASSERT_FALSE(succeeded(o));
    EXPECT_EQ(std::get<BackendError>(o).httpStatus, 400);
    EXPECT_EQ(a.requestCount() + b.requestCount(), 1u);
    EXPECT_TRUE(pool.stats()[0].healthy);
    EXPECT_TRUE(pool.stats()[1].healthy);
}

TEST(EndpointPool, GivesUpAfterItsAttemptsWhenEveryReplicaFails) {
    OpenAiTestServer a, b;
    Script broken;
    broken.fault = Fault::Status500;
    a.setDefaultScript(broken);
    b.setDefaultScript(broken);
    EndpointPool pool({at(a), at(b)}, fastBase(), fastPool());
    auto o = pool.generate(chat());
    ASSERT_FALSE(succeeded(o));
    EXPECT_EQ(std::get<BackendError>(o).httpStatus, 500);
    EXPECT_EQ(std::get<BackendError>(o).attempts, 4);
    EXPECT_EQ(a.requestCount() + b.requestCount(), 4u);
    // Alternating: each replica had two.
    EXPECT_EQ(a.requestCount(), 2u);
}

TEST(EndpointPool, CancellingEndsARequestOnceWhereverItIs) {
    OpenAiTestServer a;
    Script never;
    never.fault = Fault::NeverEnds;
    a.setDefaultScript(never);
    EndpointPool pool({at(a, 1)}, fastBase(), fastPool());
    std::mutex m;
    std::condition_variable cv;
    std::vector<ErrorKind> kinds;
    auto done = [&](GenerationOutcome&& o) {
        std::lock_guard lock(m);
        kinds.push_back(succeeded(o) ? ErrorKind::Invalid : std::get<BackendError>(o).kind);
        cv.notify_all();
    };
    const RequestId running = pool.submit(chat(), {}, done);
    const RequestId queued = pool.submit(chat(), {}, done); // max=1: waits in the pool
    ASSERT_TRUE(a.waitForRequests(1, std::chrono::seconds(10)));
    pool.cancel(queued);
    pool.cancel(running);
    std::unique_lock lock(m);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return kinds.size() == 2; }));
    EXPECT_EQ(kinds[0], ErrorKind::Cancelled);
    EXPECT_EQ(kinds[1], ErrorKind::Cancelled);
    EXPECT_EQ(a.requestCount(), 1u);
}

TEST(EndpointPool, TheStartupCheckRefusesAReplicaOfAnotherModelByName) {
    OpenAiTestServer a;
    r2p::test::ServerOptions other;
    other.models = {"qwen3-8b"};
    OpenAiTestServer b(other);
    OpenAiTestServer c;
    const std::string urlC = c.baseUrl();
    c.stop();
    std::vector<std::string> unreachable;
    auto s = checkEndpointModels({at(a), at(b)}, fastBase(), "r2p-test-model", &unreachable);
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find(b.baseUrl()), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find("qwen3-8b"), std::string::npos) << s.error().message;
    EXPECT_EQ(s.error().message.find(a.baseUrl()), std::string::npos) << s.error().message;
    // One that cannot be reached is not an error: it is named for the user.
    ASSERT_TRUE(checkEndpointModels({at(a), PoolEndpoint{urlC, 0, 1, {}}}, fastBase(),
                                    "r2p-test-model", &unreachable));
    ASSERT_EQ(unreachable.size(), 1u);
    EXPECT_EQ(unreachable[0].rfind(urlC, 0), 0u) << unreachable[0];
}

TEST(EndpointSpec, ModelsListWhatAnEndpointServes) {
    auto e = parseEndpointSpec("http://127.0.0.1:8001/v1,models=qwen3-8b| r1-distill ,max=4");
    ASSERT_TRUE(e) << e.error().message;
    EXPECT_EQ(e->models, (std::vector<std::string>{"qwen3-8b", "r1-distill"}));
    EXPECT_EQ(endpointSpecText(*e), "http://127.0.0.1:8001/v1,max=4,models=qwen3-8b|r1-distill");
    auto empty = parseEndpointSpec("http://127.0.0.1:8001/v1,models=a||b");
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.error().message.find("models takes model names separated by |"),
              std::string::npos);
}

TEST(EndpointPool, RequestsGoToAnEndpointServingTheirModel) {
    OpenAiTestServer a;
    r2p::test::ServerOptions other;
    other.models = {"small-llm"};
    OpenAiTestServer b(other);
    std::vector<PoolEndpoint> endpoints{at(a), at(b)};
    // The startup check learns what each serves of the run's models.
    ASSERT_TRUE(checkEndpointModels(
        endpoints, fastBase(), std::vector<std::string>{"r2p-test-model", "small-llm"}, nullptr));
    EXPECT_EQ(endpoints[0].models, std::vector<std::string>{"r2p-test-model"});
    EXPECT_EQ(endpoints[1].models, std::vector<std::string>{"small-llm"});
    EndpointPool pool(endpoints, fastBase(), fastPool());
    auto ask = [&](const std::string& model) {
        GenerationRequest r = chat("hello");
        r.model = model;
        std::promise<GenerationOutcome> done;
        auto future = done.get_future();
        pool.submit(std::move(r), {},
                    [&done](GenerationOutcome&& o) { done.set_value(std::move(o)); });
        return future.get();
    };
    for (int i = 0; i < 4; ++i) {
        EXPECT_TRUE(succeeded(ask("small-llm")));
        EXPECT_TRUE(succeeded(ask("r2p-test-model")));
    }
    // Besides the startup check's GET /models, four requests each.
    auto asked = [](const OpenAiTestServer& server, const std::string& model) {
        std::size_t n = 0;
        for (const auto& r : server.requests())
            n += r.path.ends_with("/completions") && r.json && (*r.json)["model"] == model;
        return n;
    };
    EXPECT_EQ(asked(a, "r2p-test-model"), 4u);
    EXPECT_EQ(asked(b, "small-llm"), 4u);
    // A model no endpoint serves fails at once, naming it; no server is asked.
    const auto none = ask("unknown-model");
    ASSERT_TRUE(std::holds_alternative<BackendError>(none));
    EXPECT_EQ(std::get<BackendError>(none).kind, ErrorKind::Config);
    EXPECT_NE(std::get<BackendError>(none).message().find("unknown-model"), std::string::npos);
    EXPECT_EQ(a.requestCount() + b.requestCount(), 10u);
}

TEST(EndpointPool, TheCacheTreatsAnySetOfReplicasAsOneEndpoint) {
    test::TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    OpenAiTestServer a, b, c;
    engine::BackendOptions options;
    options.endpoints = {at(a), at(b)};
    options.model = "r2p-test-model";
    std::vector<std::string> answers;
    {
        auto choice = engine::makeBackend("openai", **store, options);
        ASSERT_TRUE(choice) << choice.error().message;
        ASSERT_TRUE(choice->pool);
        Batch batch;
        batch.submit(*choice->backend, 5);
        ASSERT_TRUE(batch.wait());
        EXPECT_EQ(batch.succeededCount(), 5u);
    }
    EXPECT_EQ(a.requestCount() + b.requestCount(), 5u);
    // Another set of replicas of the same model: every answer from the cache.
    options.endpoints = {at(c)};
    auto again = engine::makeBackend("openai", **store, options);
    ASSERT_TRUE(again);
    Batch batch;
    batch.submit(*again->backend, 5);
    ASSERT_TRUE(batch.wait());
    EXPECT_EQ(batch.succeededCount(), 5u);
    EXPECT_EQ(c.requestCount(), 0u);
    for (const auto& o : batch.outcomes) {
        const auto& r = std::get<GenerationResult>(o);
        EXPECT_TRUE(r.fromCache);
        // The answer names the replica that gave it.
        EXPECT_TRUE(r.endpoint == normalizeBaseUrl(a.baseUrl()) ||
                    r.endpoint == normalizeBaseUrl(b.baseUrl()))
            << r.endpoint;
    }
}
