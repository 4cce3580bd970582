// r2p run and r2p export end to end: the offline backend on the demo, exports that r2p eval
// scores the same way, bad input with exit 2, and a batch killed midway then resumed.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/engine/HrtTemplate.h"
#include "support/ModelScripts.h"
#include "support/TestSupport.h"

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

std::string demo(const std::string& task, const std::string& file) {
    return test::demoDir() + "/" + task + "/" + file;
}

TEST(RunCli, OfflineRunPrintsTheSummaryAndExportsEvaluate) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto r =
        runCli({"run", "--project", project, "--questions", demo("LaMP-3", "dev_questions.json"),
                "--outputs", demo("LaMP-3", "dev_outputs.json"), "--systems",
                "r2p,lamp-rag,lrm-rag,no-profile", "--backend", "offline", "--users", "8",
                "--concurrency", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json summary = json::parse(r.out);
    EXPECT_EQ(summary["status"], "done");
    EXPECT_EQ(summary["task"], "LaMP-3");
    EXPECT_EQ(summary["backend"], "offline (no LLM)");
    EXPECT_EQ(summary["users"]["total"], 8);
    for (const char* system : {"r2p", "lamp-rag", "lrm-rag", "no-profile"}) {
        ASSERT_TRUE(summary["systems"].contains(system)) << system;
        EXPECT_EQ(summary["systems"][system]["scored"], 8);
        EXPECT_TRUE(summary["systems"][system]["metrics"].contains("MAE"));
        EXPECT_TRUE(summary["systems"][system]["metrics"]["MAE"].contains("ci95"));
    }
    EXPECT_EQ(summary["systems"]["r2p"]["format_adherence"], 1.0);
    EXPECT_TRUE(summary["systems"]["r2p"].contains("verdicts"));
    EXPECT_EQ(summary["deltas"].size(), 3u * 2u); // MAE and RMSE against three baselines
    EXPECT_NE(r.err.find("8/8 users"), std::string::npos) << r.err;
    const int runId = summary["run"];

    // LaMP prediction files that r2p eval scores exactly as the summary did.
    const std::string out = dir.file("lamp");
    auto e = runCli({"export", "--project", project, "--run", std::to_string(runId), "--format",
                     "lamp", "--out", out});
    ASSERT_EQ(e.exitCode, 0) << e.err;
    for (const char* system : {"r2p", "lamp-rag", "lrm-rag", "no-profile"}) {
        auto ev = runCli({"eval", "--task", "LaMP-3", "--golds", out + "/golds.json", "--preds",
                          out + "/" + system + ".json"});
        ASSERT_EQ(ev.exitCode, 0) << ev.err;
        const json scores = json::parse(ev.out);
        EXPECT_DOUBLE_EQ(scores["MAE"].get<double>(),
                         summary["systems"][system]["metrics"]["MAE"]["value"].get<double>())
            << system << "\n"
            << ev.out;
    }

    // The full trace: one JSON line per step, verdicts on cross-reference steps.
    const std::string steps = dir.file("steps.jsonl");
    ASSERT_EQ(runCli({"export", "--project", project, "--run", std::to_string(runId), "--format",
                      "steps-jsonl", "--out", steps})
                  .exitCode,
              0);
    std::istringstream lines(test::readFile(steps));
    std::string line;
    std::map<std::string, int> stages;
    std::size_t verdicts = 0;
    std::size_t cuts = 0; // interventions that say what they threw away
    while (std::getline(lines, line)) {
        const json j = json::parse(line);
        stages[j["stage"].get<std::string>()]++;
        if (j.contains("verdict"))
            ++verdicts;
        EXPECT_EQ(j["run"], runId);
        for (const auto& event : j["events"])
            if (event["kind"] == "intervention" && !event["violating"].get<std::string>().empty())
                ++cuts;
    }
    EXPECT_GT(cuts, 0u);
    EXPECT_EQ(stages["task_analysis"], 8 * 3); // three independent chains per user
    EXPECT_EQ(stages["generate"], 8 * 3);
    EXPECT_EQ(stages["score"], 8 * 4);
    EXPECT_EQ(verdicts, 8u * 3u);

    const std::string csv = dir.file("users.csv");
    ASSERT_EQ(runCli({"export", "--project", project, "--run", std::to_string(runId), "--format",
                      "csv", "--out", csv})
                  .exitCode,
              0);
    const std::string table = test::readFile(csv);
    EXPECT_EQ(table.rfind("user,system,status,prediction,gold,format_ok", 0), 0u);
    EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 1 + 8 * 4);
}

TEST(RunCli, AblationsAreSystemsComparedToR2P) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto r =
        runCli({"run", "--project", project, "--questions", demo("LaMP-3", "dev_questions.json"),
                "--outputs", demo("LaMP-3", "dev_outputs.json"), "--systems",
                "r2p,r2p-no-hrt,r2p-no-cr", "--backend", "offline", "--users", "6"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json summary = json::parse(r.out);
    for (const char* system : {"r2p", "r2p-no-hrt", "r2p-no-cr"}) {
        ASSERT_TRUE(summary["systems"].contains(system)) << system;
        EXPECT_EQ(summary["systems"][system]["scored"], 6) << system;
    }
    // R2P against each ablation, MAE and RMSE.
    std::set<std::string> baselines;
    for (const auto& d : summary["deltas"]) {
        EXPECT_EQ(d["system"], "r2p");
        baselines.insert(d["baseline"].get<std::string>());
    }
    EXPECT_EQ(baselines, (std::set<std::string>{"r2p-no-hrt", "r2p-no-cr"}));
    EXPECT_EQ(summary["deltas"].size(), 2u * 2u);
    // Verdicts where candidates are cross-referenced, RPI outcomes where the template is.
    EXPECT_FALSE(summary["systems"]["r2p-no-cr"].contains("verdicts"));
    EXPECT_TRUE(summary["systems"]["r2p-no-cr"].contains("intervention_outcomes"));
    EXPECT_TRUE(summary["systems"]["r2p-no-hrt"].contains("verdicts"));
    EXPECT_FALSE(summary["systems"]["r2p-no-hrt"].contains("intervention_outcomes"));
    int judged = 0;
    for (const auto& [verdict, n] : summary["systems"]["r2p-no-hrt"]["verdicts"].items())
        judged += n.get<int>();
    EXPECT_EQ(judged, 6 * 3);

    const std::string steps = dir.file("steps.jsonl");
    ASSERT_EQ(
        runCli({"export", "--project", project, "--run", std::to_string(summary["run"].get<int>()),
                "--format", "steps-jsonl", "--out", steps})
            .exitCode,
        0);
    std::map<std::string, std::map<std::string, int>> stages; // system -> stage -> steps
    std::istringstream lines(test::readFile(steps));
    for (std::string line; std::getline(lines, line);) {
        const json j = json::parse(line);
        stages[j["system"].get<std::string>()][j["stage"].get<std::string>()]++;
    }
    EXPECT_EQ(stages["r2p-no-hrt"]["task_analysis"], 0);
    EXPECT_EQ(stages["r2p-no-hrt"]["generate"], 6);
    EXPECT_EQ(stages["r2p-no-hrt"]["candidates"], 6 * 2);
    EXPECT_EQ(stages["r2p-no-hrt"]["cross_reference"], 6 * 3);
    EXPECT_EQ(stages["r2p-no-cr"]["task_analysis"], 6);
    EXPECT_EQ(stages["r2p-no-cr"]["candidates"], 0);
    EXPECT_EQ(stages["r2p-no-cr"]["cross_reference"], 0);
    EXPECT_EQ(stages["r2p-no-cr"]["final"], 6);
    EXPECT_EQ(stages["r2p"]["cross_reference"], 6 * 3);
}

TEST(RunCli, BadInputIsAUsageErrorThatNamesIt) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    const std::string q = demo("LaMP-3", "dev_questions.json");
    const std::string o = demo("LaMP-3", "dev_outputs.json");
    auto r = runCli({"run", "--project", project, "--questions", q, "--outputs", o, "--systems",
                     "r2p", "--users", "3100,nobody"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("nobody"), std::string::npos) << r.err;

    r = runCli(
        {"run", "--project", project, "--questions", q, "--outputs", o, "--systems", "r2p,gpt"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("gpt"), std::string::npos);

    r = runCli({"run", "--project", project, "--questions", q, "--outputs", o, "--task", "LaMP-2",
                "--systems", "r2p"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("LaMP_3"), std::string::npos) << r.err;

    // The task is named: the outputs file beside the questions is now found and checked.
    r = runCli({"run", "--project", project, "--questions", q, "--task", "LaMP-3", "--systems",
                "r2p", "--backend", "openai"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--base-url"), std::string::npos) << r.err;

    r = runCli({"run", "--project", project, "--resume", "42"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("42"), std::string::npos) << r.err;

    r = runCli({"export", "--project", project, "--run", "42", "--format", "csv", "--out",
                dir.file("x.csv")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("42"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.csv")));

    r = runCli({"run", "--project", project, "--questions", dir.write("bad.json", "[{\"id\": 1"),
                "--systems", "r2p"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("bad.json"), std::string::npos) << r.err;
}

TEST(RunCli, SamplingIsSetPerSystemAndStoredWithTheRun) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    const std::string q = demo("LaMP-3", "dev_questions.json");
    auto r = runCli({"run", "--project", project, "--questions", q, "--systems", "r2p,lamp-rag",
                     "--users", "2", "--sampling", "r2p:temperature=0,top_p=0.5", "--sampling",
                     "lamp-rag:max_tokens=8", "--quiet"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::ReadOnly);
    ASSERT_TRUE(store);
    auto run = RunStore(**store).run(json::parse(r.out)["run"].get<int>());
    ASSERT_TRUE(run);
    const json sampling = json::parse(run->config)["sampling"];
    EXPECT_EQ(sampling, json::parse(R"({"r2p": {"temperature": 0.0, "top_p": 0.5},
                                       "lamp-rag": {"max_tokens": 8}})"))
        << sampling.dump();
    // Temperature 0: every R2P candidate is the main chain's answer.
    auto candidates = RunStore(**store).candidateVerdicts(run->id, SystemId::R2P);
    ASSERT_TRUE(candidates);
    ASSERT_EQ(candidates->size(), 2u * 3u);
    std::map<std::string, std::set<std::string>> answers;
    for (const auto& c : *candidates)
        answers[c.userId].insert(c.answer);
    for (const auto& [user, distinct] : answers)
        EXPECT_EQ(distinct.size(), 1u) << user;
    for (const char* bad : {"r2p", "r2p:temperature=9", "gpt:top_p=0.5", "r2p:seed=1"}) {
        auto b = runCli(
            {"run", "--project", project, "--questions", q, "--systems", "r2p", "--sampling", bad});
        EXPECT_EQ(b.exitCode, 2) << bad;
        EXPECT_NE(b.err.find("sampling"), std::string::npos) << b.err;
    }
    auto twice = runCli({"run", "--project", project, "--questions", q, "--systems", "r2p",
                         "--sampling", "r2p:temperature=1", "--sampling", "r2p:top_p=0.9"});
    EXPECT_EQ(twice.exitCode, 2);
    EXPECT_NE(twice.err.find("twice"), std::string::npos) << twice.err;
}

TEST(RunCli, EachSystemCanHaveItsOwnModelAndSamplingFlags) {
    test::OpenAiTestServer server;
    const auto* hrt = engine::builtinHrtTemplate(TaskId::LaMP2);
    ASSERT_NE(hrt, nullptr);
    test::scriptCompliantModel(server, *hrt, "comedy");
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    // An LLM (lamp-rag) against a reasoning model (lrm-rag), the run's model for r2p.
    auto r = runCli({"run",
                     "--project",
                     project,
                     "--questions",
                     demo("LaMP-2", "dev_questions.json"),
                     "--systems",
                     "r2p,lamp-rag,lrm-rag",
                     "--users",
                     "2",
                     "--backend",
                     "openai",
                     "--base-url",
                     server.baseUrl(),
                     "--model",
                     "lrm-main",
                     "--mode",
                     "chat",
                     "--system-model",
                     "lamp-rag=llm-a,lrm-rag=lrm-b",
                     "--temperature",
                     "0.25",
                     "--top-p",
                     "lamp-rag=0.5",
                     "--max-tokens",
                     "lrm-rag=900",
                     "--quiet"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::set<std::string> models;
    std::size_t lampRag = 0;
    for (const auto& req : server.requests()) {
        if (req.path != "/v1/chat/completions")
            continue;
        const json body = json::parse(req.body);
        const std::string model = body["model"];
        models.insert(model);
        EXPECT_DOUBLE_EQ(body["temperature"].get<double>(),
                         req.body.find("VERDICT") != std::string::npos ? 0.0 : 0.25)
            << req.body.substr(0, 200);
        if (model == "llm-a") {
            ++lampRag;
            EXPECT_EQ(body["top_p"], 0.5);
        }
        if (model == "lrm-b") {
            EXPECT_EQ(body["max_tokens"], 900);
        }
    }
    EXPECT_EQ(lampRag, 2u); // one request per user
    EXPECT_EQ(models, (std::set<std::string>{"lrm-main", "llm-a", "lrm-b"}));
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::ReadOnly);
    ASSERT_TRUE(store);
    auto run = RunStore(**store).run(json::parse(r.out)["run"].get<int>());
    ASSERT_TRUE(run);
    EXPECT_EQ(json::parse(run->config)["sampling"], json::parse(R"({"r2p": {"temperature": 0.25},
                              "lamp-rag": {"temperature": 0.25, "top_p": 0.5, "model": "llm-a"},
                              "lrm-rag": {"temperature": 0.25, "max_tokens": 900,
                                          "model": "lrm-b"}})"));
    // Each system's cost names its model.
    const json cost = json::parse(r.out)["cost"]["systems"];
    EXPECT_EQ(cost["lamp-rag"]["model"], "llm-a");
    EXPECT_EQ(cost["r2p"]["model"], "lrm-main");

    const std::string q = demo("LaMP-2", "dev_questions.json");
    for (const std::vector<std::string>& bad :
         {std::vector<std::string>{"--system-model", "llm-a"},
          {"--system-model", "tagpr=llm-a"},
          {"--temperature", "r2p=3"},
          {"--top-p", "lamp-rag=0.5,lamp-rag"},
          {"--max-tokens", "r2p=100", "--sampling", "r2p:max_tokens=50"}}) {
        std::vector<std::string> args{"run", "--project", project,       "--questions",
                                      q,     "--systems", "r2p,lamp-rag"};
        args.insert(args.end(), bad.begin(), bad.end());
        auto b = runCli(args);
        EXPECT_EQ(b.exitCode, 2) << bad[0] << " " << bad[1] << ": " << b.err;
        EXPECT_NE(b.err.find(bad[0].substr(2)), std::string::npos) << b.err;
    }
}

// Counts the users the run has stored (all four systems), reading the project while the CLI
// writes it (WAL allows one writer and readers).
std::size_t storedUsers(const std::string& project) {
    auto store = ProjectStore::open(project);
    if (!store)
        return 0;
    RunStore runs(**store);
    auto outcomes = runs.outcomes(1);
    return outcomes ? outcomes->size() / 2 : 0;
}

TEST(RunCli, AKilledBatchResumesWhereItStopped) {
    test::OpenAiTestServer server;
    const auto* hrt = engine::builtinHrtTemplate(TaskId::LaMP3);
    ASSERT_NE(hrt, nullptr);
    test::scriptCompliantModel(server, *hrt, "4");
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    // Create the project (and its schema) before the child and this test open it together.
    ASSERT_TRUE(ProjectStore::open(project));
    const std::vector<std::string> args = {"run",
                                           "--project",
                                           project,
                                           "--questions",
                                           demo("LaMP-3", "dev_questions.json"),
                                           "--outputs",
                                           demo("LaMP-3", "dev_outputs.json"),
                                           "--systems",
                                           "r2p,lamp-rag",
                                           "--backend",
                                           "openai",
                                           "--base-url",
                                           server.baseUrl(),
                                           "--model",
                                           "r2p-test-model",
                                           "--mode",
                                           "chat",
                                           "--concurrency",
                                           "1",
                                           "--quiet"};
    // Slow answers, so the kill lands mid-batch.
    test::Script slow;
    slow.answer = "4";
    slow.reasoningStyle = test::ReasoningStyle::None;
    slow.firstChunkDelayMs = 150;
    server.setDefaultScript(slow);
    const int child = test::startCli(args);
    ASSERT_GT(child, 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (storedUsers(project) < 3 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the batch finished before it could be killed";
    const std::size_t before = storedUsers(project);
    ASSERT_GE(before, 3u);

    // Every stored user is whole; resume does the rest.
    auto r = runCli({"run", "--project", project, "--resume", "1", "--concurrency", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json summary = json::parse(r.out);
    EXPECT_EQ(summary["users"]["skipped"], before);
    // The LaMP-3 demo: 20 users and 4 contrast users.
    EXPECT_EQ(summary["users"]["done_now"].get<std::size_t>() + before, 24u);
    EXPECT_EQ(summary["systems"]["r2p"]["scored"], 24);
    EXPECT_EQ(summary["systems"]["lamp-rag"]["scored"], 24);
    auto store = ProjectStore::open(project);
    ASSERT_TRUE(store);
    RunStore runs(**store);
    auto info = runs.run(1);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->status, RunStatus::Done);
    auto outcomes = runs.outcomes(1);
    ASSERT_TRUE(outcomes);
    std::map<std::pair<std::string, SystemId>, int> seen;
    for (const auto& o : *outcomes) {
        EXPECT_EQ(o.status, UserStatus::Done);
        EXPECT_EQ(o.prediction, "4");
        ++seen[{o.userId, o.system}];
    }
    EXPECT_EQ(seen.size(), 48u); // 24 users, 2 systems
}

} // namespace

namespace {

TEST(RunCli, AWarmCacheReRunMakesNoNetworkCallAndReplayNeedsNoServer) {
    test::OpenAiTestServer server;
    const auto* hrt = engine::builtinHrtTemplate(TaskId::LaMP2);
    ASSERT_NE(hrt, nullptr);
    test::scriptCompliantModel(server, *hrt, "comedy");
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    const std::vector<std::string> common = {"--project",   project,
                                             "--questions", demo("LaMP-2", "dev_questions.json"),
                                             "--outputs",   demo("LaMP-2", "dev_outputs.json"),
                                             "--systems",   "r2p,lrm-rag",
                                             "--users",     "4",
                                             "--model",     "r2p-test-model",
                                             "--mode",      "chat",
                                             "--quiet"};
    auto withBackend = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = {"run"};
        args.insert(args.end(), common.begin(), common.end());
        args.insert(args.end(), extra.begin(), extra.end());
        return runCli(args);
    };
    auto first = withBackend({"--backend", "openai", "--base-url", server.baseUrl()});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    const std::size_t requests = server.requestCount();
    ASSERT_GT(requests, 0u);

    auto second = withBackend({"--backend", "openai", "--base-url", server.baseUrl()});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(server.requestCount(), requests); // every answer came from the cache

    server.stop(); // replay needs no server at all
    auto replay = withBackend({"--backend", "replay"});
    ASSERT_EQ(replay.exitCode, 0) << replay.err;
    const json a = json::parse(first.out), b = json::parse(replay.out);
    EXPECT_EQ(a["systems"]["r2p"]["metrics"], b["systems"]["r2p"]["metrics"]);
    EXPECT_EQ(a["systems"]["lrm-rag"]["metrics"], b["systems"]["lrm-rag"]["metrics"]);

    // A replay of requests never made fails those users (exit 1) and says why.
    auto miss = withBackend({"--backend", "replay", "--k", "2"});
    EXPECT_EQ(miss.exitCode, 1);
    EXPECT_NE(miss.err.find("not in the response cache"), std::string::npos) << miss.err;
}

} // namespace

namespace {

TEST(RunCli, WithoutOutputsTheFileBesideTheQuestionsIsUsedOrItSaysNoMetrics) {
    test::TempDir dir;
    const std::string alone = dir.file("alone");
    const std::string beside = dir.file("beside");
    std::filesystem::create_directories(alone);
    std::filesystem::create_directories(beside);
    for (const std::string& d : {alone, beside})
        std::filesystem::copy_file(demo("LaMP-3", "dev_questions.json"), d + "/dev_questions.json");
    std::filesystem::copy_file(demo("LaMP-3", "dev_outputs.json"), beside + "/dev_outputs.json");

    auto r = runCli({"run", "--project", dir.file("a.r2p"), "--questions",
                     alone + "/dev_questions.json", "--systems", "lamp-rag", "--users", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("no metrics will be computed"), std::string::npos) << r.err;
    EXPECT_EQ(json::parse(r.out)["systems"]["lamp-rag"]["scored"], 0);

    r = runCli({"run", "--project", dir.file("b.r2p"), "--questions",
                beside + "/dev_questions.json", "--systems", "lamp-rag", "--users", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("scoring against " + beside + "/dev_outputs.json"), std::string::npos)
        << r.err;
    const json summary = json::parse(r.out);
    EXPECT_EQ(summary["systems"]["lamp-rag"]["scored"], 2);
    EXPECT_EQ(summary["main_metric"], "MAE");
}

// Issue #18: "--users 100000" read 100000 as a user id when the dataset had a user of that id.
// --users N is always a count (a note says how to name that user); ids are a comma list or
// --user ID.
TEST(RunCli, UsersNIsACountEvenWhenAUserHasThatId) {
    test::TempDir dir;
    // Four demo users renamed 3, 1, 2 and 4: "2" is both a count and the third user's id.
    json questions = json::parse(test::readFile(demo("LaMP-3", "dev_questions.json")));
    json outputs = json::parse(test::readFile(demo("LaMP-3", "dev_outputs.json")));
    questions.erase(questions.begin() + 4, questions.end());
    outputs["golds"].erase(outputs["golds"].begin() + 4, outputs["golds"].end());
    const char* ids[] = {"3", "1", "2", "4"};
    for (int i = 0; i < 4; ++i) {
        questions[i]["id"] = ids[i];
        outputs["golds"][i]["id"] = ids[i];
    }
    const std::string q = dir.write("dev_questions.json", questions.dump());
    const std::string o = dir.write("dev_outputs.json", outputs.dump());
    auto usersOfRun = [&](const std::vector<std::string>& which, const std::string& project) {
        std::vector<std::string> args = {
            "run", "--project", project,      "--questions", q,         "--outputs",
            o,     "--systems", "no-profile", "--backend",   "offline", "--quiet"};
        args.insert(args.end(), which.begin(), which.end());
        auto r = runCli(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        auto store = ProjectStore::open(project, ProjectStore::OpenMode::Existing);
        if (!store)
            return std::make_pair(std::vector<std::string>{}, r.err);
        auto runs = RunStore(**store).runs();
        return std::make_pair(
            runs && !runs->empty() ? runs->front().users : std::vector<std::string>{}, r.err);
    };
    const auto [counted, note] = usersOfRun({"--users", "2"}, dir.file("a.r2p"));
    EXPECT_EQ(counted, (std::vector<std::string>{"3", "1"}));
    EXPECT_NE(note.find("--user 2"), std::string::npos) << note;
    EXPECT_EQ(usersOfRun({"--user", "2"}, dir.file("b.r2p")).first,
              (std::vector<std::string>{"2"}));
    EXPECT_EQ(usersOfRun({"--users", "2,"}, dir.file("c.r2p")).first,
              (std::vector<std::string>{"2"}));
    EXPECT_EQ(usersOfRun({"--user", "4", "--user", "2"}, dir.file("d.r2p")).first,
              (std::vector<std::string>{"4", "2"}));

    auto both = runCli({"run", "--project", dir.file("e.r2p"), "--questions", q, "--outputs", o,
                        "--systems", "no-profile", "--users", "2", "--user", "2"});
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_NE(both.err.find("--user"), std::string::npos) << both.err;
}

} // namespace
