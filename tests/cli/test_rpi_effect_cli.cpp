// What RPI changed: r2p run --shadow (each R2P user again with interventions off, stored as
// r2p-no-rpi) against two separate runs on the same seed, and a --max-interventions sweep
// stored as one run per value, checked against the stored traces.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "support/TestSupport.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

std::string demo(const std::string& task, const std::string& file) {
    return test::demoDir() + "/" + task + "/" + file;
}

std::vector<std::string> runArgs(const std::string& project, std::vector<std::string> extra) {
    std::vector<std::string> args = {"run",
                                     "--project",
                                     project,
                                     "--questions",
                                     demo("LaMP-3", "dev_questions.json"),
                                     "--outputs",
                                     demo("LaMP-3", "dev_outputs.json"),
                                     "--backend",
                                     "offline",
                                     "--users",
                                     "all",
                                     "--seed",
                                     "7",
                                     "--concurrency",
                                     "2",
                                     "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// (prediction, scores) per user of one system of a stored run.
std::map<std::string, std::pair<std::string, ScoreList>> answers(ProjectStore& store, int runId,
                                                                 SystemId system) {
    std::map<std::string, std::pair<std::string, ScoreList>> out;
    auto outcomes = RunStore(store).outcomes(runId);
    EXPECT_TRUE(outcomes);
    for (const auto& o : *outcomes)
        if (o.system == system)
            out[o.userId] = {o.prediction, o.scores};
    return out;
}

TEST(RpiEffectCli, ShadowDeltasEqualTwoSeparateRunsOnTheSameSeed) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto shadow = runCli(runArgs(project, {"--systems", "r2p", "--shadow"}));
    ASSERT_EQ(shadow.exitCode, 0) << shadow.err;
    auto with = runCli(runArgs(project, {"--systems", "r2p"}));
    ASSERT_EQ(with.exitCode, 0) << with.err;
    auto without = runCli(runArgs(project, {"--systems", "r2p", "--max-interventions", "0"}));
    ASSERT_EQ(without.exitCode, 0) << without.err;
    const json s = json::parse(shadow.out);
    ASSERT_TRUE(s["systems"].contains("r2p-no-rpi"));
    EXPECT_NE(shadow.err.find("what RPI changed"), std::string::npos);

    auto store = ProjectStore::open(project, ProjectStore::OpenMode::Existing);
    ASSERT_TRUE(store);
    const int shadowRun = s["run"], withRun = json::parse(with.out)["run"],
              withoutRun = json::parse(without.out)["run"];
    // The shadow's two systems are exactly the two separate runs, user by user.
    EXPECT_EQ(answers(**store, shadowRun, SystemId::R2P), answers(**store, withRun, SystemId::R2P));
    EXPECT_EQ(answers(**store, shadowRun, SystemId::R2PNoRpi),
              answers(**store, withoutRun, SystemId::R2P));

    // The RPI effect, recounted from the two separate runs (MAE: lower is better).
    const json& e = s["rpi_effect"];
    EXPECT_EQ(e["metric"], "MAE");
    const auto a = answers(**store, withRun, SystemId::R2P);
    const auto b = answers(**store, withoutRun, SystemId::R2P);
    auto outcomes = RunStore(**store).outcomes(withRun);
    ASSERT_TRUE(outcomes);
    std::size_t users = 0, intervened = 0, helped = 0, hurt = 0, unchanged = 0;
    double sumWith = 0, sumWithout = 0;
    for (const auto& o : *outcomes) {
        const double x = o.scores.at(0).second, y = b.at(o.userId).second.at(0).second;
        ASSERT_EQ(o.scores.at(0).first, "MAE");
        ++users;
        sumWith += x;
        sumWithout += y;
        if (o.interventions == 0)
            continue;
        ++intervened;
        helped += x < y ? 1 : 0;
        hurt += x > y ? 1 : 0;
        unchanged += x == y ? 1 : 0;
    }
    EXPECT_EQ(e["users"], users);
    EXPECT_EQ(e["intervened"], intervened);
    EXPECT_EQ(e["helped"], helped);
    EXPECT_EQ(e["hurt"], hurt);
    EXPECT_EQ(e["unchanged"], unchanged);
    EXPECT_EQ(e["differ_without_intervention"], 0);
    EXPECT_DOUBLE_EQ(e["with_rpi"].get<double>(), sumWith / static_cast<double>(users));
    EXPECT_DOUBLE_EQ(e["without_rpi"].get<double>(), sumWithout / static_cast<double>(users));
    ASSERT_EQ(e["per_user"].size(), users);
    EXPECT_GT(intervened, 0u) << "the demo should show interventions to judge";
    // R2P against its shadow is one of the run's deltas, as against any baseline.
    bool delta = false;
    for (const auto& d : s["deltas"])
        delta = delta || (d["baseline"] == "r2p-no-rpi" && d["metric"] == "MAE");
    EXPECT_TRUE(delta);
    // The shadow never intervenes.
    EXPECT_EQ(s["systems"]["r2p-no-rpi"]["interventions_per_user"], 0.0);

    // --shadow without r2p, or when resuming, is a usage error.
    EXPECT_EQ(runCli(runArgs(project, {"--systems", "lamp-rag", "--shadow"})).exitCode, 2);
    EXPECT_EQ(runCli({"run", "--project", project, "--resume", std::to_string(withRun), "--shadow"})
                  .exitCode,
              2);
}

TEST(RpiEffectCli, AMaxInterventionsSweepIsOneStoredRunPerValue) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto r = runCli(runArgs(project, {"--systems", "r2p", "--max-interventions", "0,1,2"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json out = json::parse(r.out);
    EXPECT_EQ(out["sweep"], "max_interventions");
    ASSERT_EQ(out["rpi_effect"].size(), 3u);
    ASSERT_EQ(out["runs"].size(), 3u);
    EXPECT_NE(r.err.find("RPI effect over --max-interventions"), std::string::npos) << r.err;
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::Existing);
    ASSERT_TRUE(store);
    RunStore runs(**store);
    ASSERT_EQ(runs.runs()->size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        const json& row = out["rpi_effect"][i];
        const int value = static_cast<int>(i);
        EXPECT_EQ(row["max_interventions"], value);
        EXPECT_EQ(out["runs"][i]["max_interventions"], value);
        const int runId = row["run"];
        auto info = runs.run(runId);
        ASSERT_TRUE(info);
        EXPECT_EQ(json::parse(info->config)["max_interventions"], value);
        // Interventions and gave-ups counted again from every stored trace.
        int interventions = 0, gaveUp = 0, most = 0;
        for (const auto& user : info->users) {
            auto t = runs.userTrace(runId, user, SystemId::R2P);
            ASSERT_TRUE(t);
            for (const auto& e : t->events) {
                if (e.kind != EventKind::Intervention)
                    continue;
                ++interventions;
                gaveUp += e.outcome == InterventionOutcome::GaveUp ? 1 : 0;
            }
            for (const auto& s : t->steps)
                most = std::max(most, s.output.interventions.value_or(0));
        }
        EXPECT_EQ(row["interventions"], interventions) << value;
        EXPECT_EQ(row["gave_up"], gaveUp) << value;
        EXPECT_LE(most, value); // no level took more rounds than the value allows
        EXPECT_EQ(row["value"], out["runs"][i]["systems"]["r2p"]["metrics"]["MAE"]["value"]);
    }
    EXPECT_EQ(out["rpi_effect"][0]["interventions"], 0);
    EXPECT_EQ(out["rpi_effect"][0]["gave_up"], 0);
    EXPECT_GT(out["rpi_effect"][2]["interventions"], 0);
    // A sweep cannot resume.
    EXPECT_EQ(runCli({"run", "--project", project, "--resume", "1", "--max-interventions", "0,1"})
                  .exitCode,
              2);
}

TEST(RpiEffectCli, AKListIsARetrievalSweepOfStoredRunsComparableWithCompare) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto r = runCli(runArgs(project, {"--systems", "r2p,lamp-rag", "--k", "0,4"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json out = json::parse(r.out);
    EXPECT_EQ(out["sweep"], "k");
    ASSERT_EQ(out["runs"].size(), 2u);
    ASSERT_EQ(out["retrieval"].size(), 4u); // 2 k x 2 systems
    EXPECT_NE(r.err.find("retrieval sweep over --k"), std::string::npos) << r.err;
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::Existing);
    ASSERT_TRUE(store);
    for (const auto& row : out["retrieval"]) {
        const int runId = row["run"];
        auto info = RunStore(**store).run(runId);
        ASSERT_TRUE(info);
        EXPECT_EQ(json::parse(info->config)["k"], row["k"]);
        // MAE over the stored answers, computed here: mean |prediction - gold| (LaMP's is
        // float32, hence the tolerance).
        const SystemId system = *parseSystemName(row["system"].get<std::string>());
        double sum = 0;
        int n = 0;
        const auto outcomes = RunStore(**store).outcomes(runId);
        ASSERT_TRUE(outcomes);
        for (const auto& o : *outcomes)
            if (o.system == system && o.gold && o.status == UserStatus::Done) {
                sum += std::abs(std::stod(o.prediction) - std::stod(*o.gold));
                ++n;
            }
        ASSERT_EQ(row["scored"], n);
        EXPECT_NEAR(row["value"].get<double>(), sum / n, 1e-6) << row.dump();
        EXPECT_LE(row["ci95"][0].get<double>(), row["value"].get<double>());
        EXPECT_GE(row["ci95"][1].get<double>(), row["value"].get<double>());
    }
    // The runs pair up user by user with r2p compare (the command the output names).
    EXPECT_NE(out["compare"].get<std::string>().find("--runs 1,2"), std::string::npos);
    auto cmp = runCli(
        {"compare", "--project", project, "--runs", "1,2", "--systems", "lamp-rag", "--json"});
    ASSERT_EQ(cmp.exitCode, 0) << cmp.err;
    const json c = json::parse(cmp.out)["comparisons"][0];
    EXPECT_DOUBLE_EQ(c["a"]["value"].get<double>(), out["retrieval"][1]["value"].get<double>());
    EXPECT_DOUBLE_EQ(c["b"]["value"].get<double>(), out["retrieval"][3]["value"].get<double>());

    // Bad lists, two sweeps at once, a sweep resumed.
    EXPECT_EQ(runCli(runArgs(dir.file("q.r2p"), {"--systems", "r2p", "--k", "1,x"})).exitCode, 2);
    auto both = runCli(runArgs(dir.file("q.r2p"),
                               {"--systems", "r2p", "--k", "1,2", "--max-interventions", "0,1"}));
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_NE(both.err.find("one sweep at a time"), std::string::npos) << both.err;
    EXPECT_EQ(runCli({"run", "--project", project, "--resume", "1", "--k", "1,2"}).exitCode, 2);
}

TEST(RpiEffectCli, RepeatsAreStoredRunsWithTheirSeedsAndTheMetricsSpreadOverThem) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    // Candidates vary with the seed (temperature variation), so R2P's answers may differ.
    auto r = runCli(runArgs(project, {"--systems", "r2p,lamp-rag", "--repeats", "3", "--seed", "10",
                                      "--variation", "temperature"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json out = json::parse(r.out);
    EXPECT_EQ(out["repeats"], 3);
    EXPECT_EQ(out["seeds"], json::array({10, 11, 12}));
    ASSERT_EQ(out["runs"].size(), 3u);
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::Existing);
    ASSERT_TRUE(store);
    std::vector<double> maes;
    for (int i = 0; i < 3; ++i) {
        const json& run = out["runs"][i];
        auto info = RunStore(**store).run(run["run"].get<int>());
        ASSERT_TRUE(info);
        const json config = json::parse(info->config);
        EXPECT_EQ(config["seed"], 10 + i);
        EXPECT_EQ(config["repeat"], (json{{"index", i}, {"count", 3}, {"base_seed", 10}}));
        EXPECT_EQ(info->users.size(), 24u); // every repeat keeps every user's answers
        maes.push_back(run["systems"]["r2p"]["metrics"]["MAE"]["value"].get<double>());
    }
    const json& m = out["systems"]["r2p"]["metrics"]["MAE"];
    const double mean = (maes[0] + maes[1] + maes[2]) / 3;
    double ss = 0;
    for (double v : maes)
        ss += (v - mean) * (v - mean);
    EXPECT_NEAR(m["mean"].get<double>(), mean, 1e-12);
    EXPECT_NEAR(m["sd"].get<double>(), std::sqrt(ss / 2), 1e-12);
    EXPECT_EQ(m["min"].get<double>(), *std::min_element(maes.begin(), maes.end()));
    EXPECT_EQ(m["values"].size(), 3u);
    ASSERT_EQ(m["ci95_per_repeat"].size(), 3u);
    EXPECT_EQ(m["ci95_per_repeat"][1], out["runs"][1]["systems"]["r2p"]["metrics"]["MAE"]["ci95"]);
    EXPECT_NE(r.err.find("3 repeats (runs 1,2,3), MAE"), std::string::npos) << r.err;

    EXPECT_EQ(runCli(runArgs(dir.file("q.r2p"), {"--systems", "r2p", "--repeats", "0"})).exitCode,
              2);
    EXPECT_EQ(
        runCli(runArgs(dir.file("q.r2p"), {"--systems", "r2p", "--repeats", "2", "--k", "1,2"}))
            .exitCode,
        2);
    EXPECT_EQ(runCli({"run", "--project", project, "--resume", "1", "--repeats", "2"}).exitCode, 2);
}

} // namespace
