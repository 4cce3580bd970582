// r2p run over several replicas (--endpoint, repeated): every user done with one replica dead
// from the start, what each endpoint did in the summary and in the project, the endpoints kept
// for --resume, a re-run on other replicas answered from the cache, and what is refused (a
// replica of another model, --endpoint beside --base-url, a bad spec).
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/engine/HrtTemplate.h"
#include "pipeline/engine/RunService.h"
#include "support/ModelScripts.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

std::string demo(const std::string& file) {
    return test::demoDir() + "/LaMP-3/" + file;
}

std::vector<std::string> runArgs(const std::string& project) {
    return {"run",
            "--project",
            project,
            "--questions",
            demo("dev_questions.json"),
            "--outputs",
            demo("dev_outputs.json"),
            "--systems",
            "r2p,lamp-rag",
            "--backend",
            "openai",
            "--model",
            "r2p-test-model",
            "--mode",
            "chat",
            "--users",
            "6",
            "--quiet"};
}

// Completions the server answered (not the startup check's /v1/models nor /tokenize).
std::size_t completions(const test::OpenAiTestServer& server) {
    std::size_t n = 0;
    for (const auto& r : server.requests())
        n += r.path.ends_with("/completions") ? 1 : 0;
    return n;
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

} // namespace

TEST(EndpointsCli, EveryUserIsDoneWhenAReplicaIsDeadAndEachEndpointIsAccounted) {
    const auto* hrt = engine::builtinHrtTemplate(TaskId::LaMP3);
    ASSERT_NE(hrt, nullptr);
    test::OpenAiTestServer a, dead;
    test::scriptCompliantModel(a, *hrt, "4");
    const std::string deadUrl = dead.baseUrl();
    dead.stop();
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto r = runCli(with(runArgs(project), {"--endpoint", a.baseUrl() + ",max=8", "--endpoint",
                                            deadUrl + ",weight=2"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("endpoint " + deadUrl), std::string::npos) << r.err; // named at start
    const json summary = json::parse(r.out);
    EXPECT_EQ(summary["users"]["failed"], 0);
    EXPECT_EQ(summary["systems"]["r2p"]["scored"], 6);
    EXPECT_EQ(summary["systems"]["lamp-rag"]["scored"], 6);
    ASSERT_TRUE(summary.contains("endpoints")) << summary.dump(2);
    const auto& eps = summary["endpoints"];
    ASSERT_EQ(eps.size(), 2u);
    EXPECT_EQ(eps[0]["endpoint"], a.baseUrl());
    EXPECT_EQ(eps[0]["requests"].get<std::size_t>(), completions(a));
    EXPECT_EQ(eps[0]["succeeded"], eps[0]["requests"]);
    EXPECT_EQ(eps[0]["failures"], 0);
    EXPECT_GT(eps[0]["completion_tokens"].get<long>(), 0);
    EXPECT_EQ(eps[1]["endpoint"], deadUrl);
    EXPECT_EQ(eps[1]["succeeded"], 0);
    EXPECT_GE(eps[1]["failures"].get<int>(), 1);
    EXPECT_EQ(eps[1]["taken_out"], 1);
    EXPECT_NE(eps[1]["last_error"].get<std::string>().find("cannot reach"), std::string::npos);

    // The run keeps its replicas for --resume (stored as given, the first shown as its URL).
    auto store = ProjectStore::open(project);
    ASSERT_TRUE(store);
    auto run = RunStore(**store).run(1);
    ASSERT_TRUE(run);
    EXPECT_EQ(run->baseUrl, a.baseUrl());
    const auto stored = engine::storedBackendOptions(*run);
    ASSERT_EQ(stored.endpoints.size(), 2u);
    EXPECT_EQ(stored.endpoints[0].maxInFlight, 8);
    EXPECT_DOUBLE_EQ(stored.endpoints[1].weight, 2);
    EXPECT_TRUE(stored.baseUrl.empty());

    // The report lists them too.
    const std::string html = dir.file("report.html");
    auto report = runCli({"report", "--project", project, "--run", "1", "--out", html});
    ASSERT_EQ(report.exitCode, 0) << report.err;
    const std::string text = test::readFile(html);
    EXPECT_NE(text.find("<h3>Endpoints</h3>"), std::string::npos);
    EXPECT_NE(text.find(deadUrl), std::string::npos);
    EXPECT_NE(text.find("cannot reach the server"), std::string::npos);
}

TEST(EndpointsCli, AReRunOnOtherReplicasOfTheModelMakesNoCall) {
    const auto* hrt = engine::builtinHrtTemplate(TaskId::LaMP3);
    ASSERT_NE(hrt, nullptr);
    test::OpenAiTestServer a, b, c;
    for (auto* s : {&a, &b, &c})
        test::scriptCompliantModel(*s, *hrt, "4");
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto first =
        runCli(with(runArgs(project), {"--endpoint", a.baseUrl(), "--endpoint", b.baseUrl()}));
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_GT(completions(a) + completions(b), 0u);
    auto again = runCli(with(runArgs(project), {"--endpoint", c.baseUrl()}));
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(completions(c), 0u); // only the startup check (and a token count) reached it
    EXPECT_EQ(json::parse(first.out)["systems"]["r2p"]["metrics"],
              json::parse(again.out)["systems"]["r2p"]["metrics"]);
}

TEST(EndpointsCli, AReplicaOfAnotherModelIsRefusedByName) {
    test::OpenAiTestServer a;
    test::ServerOptions other;
    other.models = {"qwen3-32b"};
    test::OpenAiTestServer b(other);
    test::TempDir dir;
    auto r = runCli(
        with(runArgs(dir.file("p.r2p")), {"--endpoint", a.baseUrl(), "--endpoint", b.baseUrl()}));
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("endpoint " + b.baseUrl()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("qwen3-32b"), std::string::npos) << r.err;
    EXPECT_EQ(completions(a) + completions(b), 0u);
}

TEST(EndpointsCli, EachSystemsRequestsGoToAnEndpointServingItsModel) {
    // The run's model on one server, lamp-rag's own model (--system-model) on another that
    // refuses any other model (as vLLM does with 404).
    const auto* hrt = engine::builtinHrtTemplate(TaskId::LaMP3);
    ASSERT_NE(hrt, nullptr);
    test::OpenAiTestServer a;
    test::scriptCompliantModel(a, *hrt, "4");
    test::ServerOptions small;
    small.models = {"small-llm"};
    small.rejectUnknownModels = true;
    test::OpenAiTestServer b(small);
    test::scriptCompliantModel(b, *hrt, "2");
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto r = runCli(with(runArgs(project), {"--system-model", "lamp-rag=small-llm", "--endpoint",
                                            a.baseUrl(), "--endpoint", b.baseUrl()}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json summary = json::parse(r.out);
    EXPECT_EQ(summary["users"]["failed"], 0);
    // One lamp-rag request per user, all at b and all naming small-llm; R2P's all at a.
    EXPECT_EQ(completions(b), 6u);
    for (const auto& req : b.requests())
        if (req.path.ends_with("/completions")) {
            ASSERT_TRUE(req.json);
            EXPECT_EQ((*req.json)["model"], "small-llm");
        }
    EXPECT_GE(completions(a), 6u * 12u);
    for (const auto& req : a.requests())
        if (req.path.ends_with("/completions")) {
            ASSERT_TRUE(req.json);
            EXPECT_EQ((*req.json)["model"], "r2p-test-model");
        }
    // b answered 2 for every user, a answered 4: the systems' predictions show the routing.
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::Existing);
    ASSERT_TRUE(store);
    auto outcomes = RunStore(**store).outcomes(1);
    ASSERT_TRUE(outcomes);
    for (const auto& o : *outcomes)
        EXPECT_EQ(o.prediction, o.system == SystemId::LampRag ? "2" : "4") << o.userId;

    // A system model no endpoint serves, and models= naming what an endpoint does not serve.
    auto none = runCli(
        with(runArgs(dir.file("q.r2p")), {"--system-model", "lamp-rag=missing-model", "--endpoint",
                                          a.baseUrl(), "--endpoint", b.baseUrl()}));
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_NE(none.err.find("no endpoint serves the model \"missing-model\""), std::string::npos)
        << none.err;
    auto wrong = runCli(with(runArgs(dir.file("q.r2p")), {"--endpoint", a.baseUrl(), "--endpoint",
                                                          b.baseUrl() + ",models=r2p-test-model"}));
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_NE(wrong.err.find("is given models=r2p-test-model but does not serve it"),
              std::string::npos)
        << wrong.err;
}

TEST(EndpointsCli, BadEndpointArgumentsAreUsageErrors) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto both = runCli(with(runArgs(project), {"--base-url", "http://127.0.0.1:9/v1", "--endpoint",
                                               "http://127.0.0.1:9/v1"}));
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_NE(both.err.find("either --base-url or --endpoint"), std::string::npos) << both.err;
    auto bad = runCli(with(runArgs(project), {"--endpoint", "http://127.0.0.1:9/v1,max=0"}));
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("max takes a number"), std::string::npos) << bad.err;
    auto twice = runCli(with(runArgs(project), {"--endpoint", "http://127.0.0.1:9/v1", "--endpoint",
                                                "HTTP://127.0.0.1:9/v1/"}));
    EXPECT_EQ(twice.exitCode, 2);
    EXPECT_NE(twice.err.find("given twice"), std::string::npos) << twice.err;
    auto offline = runCli({"run", "--project", project, "--questions", demo("dev_questions.json"),
                           "--systems", "r2p", "--endpoint", "http://127.0.0.1:9/v1"});
    EXPECT_EQ(offline.exitCode, 2);
    EXPECT_NE(offline.err.find("--endpoint is for --backend openai"), std::string::npos)
        << offline.err;
}
