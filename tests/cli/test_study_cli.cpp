// r2p study run|report end to end: every cell a stored run, finished cells skipped and an
// interrupted one resumed, the report's numbers against r2p compare and r2p cost (each computed
// by its own command), repeats with their seeds, a study against the loopback server that
// makes no calls the second time, and bad files and cells that stop everything before it runs.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/engine/HrtTemplate.h"
#include "pipeline/engine/RunService.h"
#include "support/ModelScripts.h"
#include "support/TestSupport.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

json dataset(const std::string& task, int users) {
    const std::string dir = test::demoDir() + "/" + task + "/";
    return {{"task", task},
            {"questions", dir + "dev_questions.json"},
            {"outputs", dir + "dev_outputs.json"},
            {"users", users}};
}

json twoTaskStudy() {
    return {{"r2p_study", 1},
            {"name", "cli"},
            {"title", "Two tasks, two models"},
            {"datasets", {dataset("LaMP-2", 6), dataset("LaMP-3", 6)}},
            {"k", {2}},
            {"models",
             {{{"id", "a"}, {"label", "Model A"}, {"systems", {"lamp-rag", "r2p"}}},
              {{"id", "b"}, {"systems", {"no-profile", "lrm-rag", "r2p"}}}}},
            {"reference", {{"model", "a"}, {"system", "r2p"}}},
            {"options", {{"candidates", 2}, {"concurrency", 2}}}};
}

std::int64_t runOfCell(const json& ran, const std::string& cell) {
    for (const auto& r : ran["runs"])
        if (r["cell"] == cell)
            return r["run"].get<std::int64_t>();
    ADD_FAILURE() << "no cell " << cell << " in " << ran.dump(2);
    return 0;
}

const json& rowOf(const json& report, const std::string& model, const std::string& system) {
    for (const auto& r : report["rows"])
        if (r["model"] == model && r["system"] == system)
            return r;
    static const json none;
    ADD_FAILURE() << "no row " << model << "/" << system;
    return none;
}

std::size_t lineCount(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

TEST(StudyCli, EveryCellIsARunTheReportAgreesWithCompareAndCostAndARerunSkipsAll) {
    test::TempDir dir;
    const std::string file = dir.write("study.json", twoTaskStudy().dump(2));
    const std::string project = dir.file("p.r2p");
    auto ran = runCli({"study", "run", file, "--project", project, "--quiet"});
    ASSERT_EQ(ran.exitCode, 0) << ran.err;
    const json runJson = json::parse(ran.out);
    EXPECT_EQ(runJson["cells"], 4); // 2 datasets x 2 models x 1 k x 1 repeat
    EXPECT_EQ(runJson["ran"], 4);
    EXPECT_EQ(runJson["done_before"], 0);

    auto rep = runCli({"study", "report", file, "--project", project, "--format", "json"});
    ASSERT_EQ(rep.exitCode, 0) << rep.err;
    const json report = json::parse(rep.out);
    EXPECT_EQ(report["runs"], 4);
    ASSERT_EQ(report["rows"].size(), 5u); // a: 2 systems, b: 3
    EXPECT_TRUE(rowOf(report, "a", "r2p")["reference"].get<bool>());

    // The paired test of (a, lamp-rag) against the reference (a, r2p) on LaMP-3 is the one
    // r2p compare makes inside that run (its own code path, checked against scipy elsewhere):
    // the same p, the delta from the other side.
    const std::int64_t lamp3a = runOfCell(runJson, "LaMP-3/a/k2/r0");
    auto cmp = runCli({"compare", "--project", project, "--runs", std::to_string(lamp3a),
                       "--systems", "r2p,lamp-rag", "--json"});
    ASSERT_EQ(cmp.exitCode, 0) << cmp.err;
    const json c = json::parse(cmp.out)["comparisons"][0];
    const json& test = rowOf(report, "a", "lamp-rag")["tasks"]["LaMP-3"]["test"];
    ASSERT_TRUE(test.is_object()) << report.dump(2);
    EXPECT_EQ(test["name"], "Wilcoxon signed-rank");
    EXPECT_EQ(test["n"], 6);
    EXPECT_DOUBLE_EQ(test["p"].get<double>(), c["test"]["p"].get<double>());
    EXPECT_DOUBLE_EQ(test["delta"].get<double>(), c["delta"].get<double>());
    // The same sides' MAE as compare reports them (all six users paired).
    EXPECT_DOUBLE_EQ(
        rowOf(report, "a", "lamp-rag")["tasks"]["LaMP-3"]["metrics"]["MAE"]["mean"].get<double>(),
        c["b"]["value"].get<double>());
    // Classification uses exact McNemar.
    EXPECT_EQ(rowOf(report, "b", "r2p")["tasks"]["LaMP-2"]["test"]["name"], "exact McNemar");

    // Cost: lamp-rag and no-profile ask once per user (6 users), as r2p cost counts them.
    EXPECT_EQ(rowOf(report, "a", "lamp-rag")["tasks"]["LaMP-3"]["cost"]["requests"], 6);
    EXPECT_EQ(rowOf(report, "b", "no-profile")["tasks"]["LaMP-2"]["cost"]["requests"], 6);
    auto cost = runCli({"cost", "--project", project, "--run", std::to_string(lamp3a)});
    ASSERT_EQ(cost.exitCode, 0) << cost.err;
    EXPECT_EQ(rowOf(report, "a", "r2p")["tasks"]["LaMP-3"]["cost"]["requests"],
              json::parse(cost.out)["systems"]["r2p"]["requests"]);

    // The best per column is the highest accuracy and the lowest MAE among the rows.
    double bestAcc = -1, bestMae = 1e9;
    for (const auto& r : report["rows"]) {
        bestAcc =
            std::max(bestAcc, r["tasks"]["LaMP-2"]["metrics"]["accuracy"]["mean"].get<double>());
        bestMae = std::min(bestMae, r["tasks"]["LaMP-3"]["metrics"]["MAE"]["mean"].get<double>());
        EXPECT_EQ(r["tasks"]["LaMP-3"]["metrics"]["MAE"]["users"], 6);
    }
    for (const auto& r : report["rows"]) {
        const auto& acc = r["tasks"]["LaMP-2"]["metrics"]["accuracy"];
        EXPECT_EQ(acc["best"].get<bool>(), acc["mean"].get<double>() == bestAcc) << r.dump();
        const auto& mae = r["tasks"]["LaMP-3"]["metrics"]["MAE"];
        EXPECT_EQ(mae["best"].get<bool>(), mae["mean"].get<double>() == bestMae) << r.dump();
    }

    // The other formats.
    auto md = runCli({"study", "report", file, "--project", project});
    ASSERT_EQ(md.exitCode, 0) << md.err;
    EXPECT_EQ(md.out.rfind("# Two tasks, two models\n", 0), 0u) << md.out;
    EXPECT_NE(md.out.find("| Model | System | k | LaMP-2 accuracy ↑ | LaMP-2 f1 ↑ | LaMP-3 MAE ↓ | "
                          "LaMP-3 RMSE ↓ |"),
              std::string::npos)
        << md.out;
    EXPECT_NE(md.out.find("| Model A | r2p | 2 | "), std::string::npos) << md.out;
    EXPECT_NE(md.out.find("(ref)"), std::string::npos) << md.out;
    EXPECT_NE(md.out.find("## Cost"), std::string::npos) << md.out;
    auto csv = runCli({"study", "report", file, "--project", project, "--format", "csv"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_EQ(lineCount(csv.out), 1u + 5u * 4u) << csv.out; // header + rows x metrics
    auto tex = runCli({"study", "report", file, "--project", project, "--format", "latex"});
    EXPECT_NE(tex.out.find("\\toprule"), std::string::npos);
    const std::string html = dir.file("study.html");
    auto h =
        runCli({"study", "report", file, "--project", project, "--format", "html", "--out", html});
    ASSERT_EQ(h.exitCode, 0) << h.err;
    EXPECT_NE(test::readFile(html).find("<table>"), std::string::npos);

    // Run again: nothing to do.
    auto again = runCli({"study", "run", file, "--project", project, "--quiet"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(json::parse(again.out)["ran"], 0);
    EXPECT_EQ(json::parse(again.out)["done_before"], 4);
    auto runs = [&] {
        auto store = ProjectStore::open(project, ProjectStore::OpenMode::Existing);
        return RunStore(**store).runs()->size();
    };
    EXPECT_EQ(runs(), 4u);

    // An interrupted cell is resumed, not made again.
    {
        auto store = ProjectStore::open(project, ProjectStore::OpenMode::Existing);
        ASSERT_TRUE(store);
        ASSERT_TRUE(engine::RunService(**store).setStatus(lamp3a, RunStatus::Cancelled));
    }
    auto resumed = runCli({"study", "run", file, "--project", project, "--quiet"});
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
    const json r = json::parse(resumed.out);
    EXPECT_EQ(r["ran"], 1);
    EXPECT_EQ(r["done_before"], 3);
    EXPECT_EQ(runOfCell(r, "LaMP-3/a/k2/r0"), lamp3a);
    EXPECT_EQ(runs(), 4u);

    // A changed setting makes new runs for the cells it changes; the old runs stay.
    json changed = twoTaskStudy();
    changed["k"] = {2, 3};
    dir.write("study.json", changed.dump(2));
    auto more = runCli({"study", "run", file, "--project", project, "--quiet"});
    ASSERT_EQ(more.exitCode, 0) << more.err;
    EXPECT_EQ(json::parse(more.out)["ran"], 4);
    EXPECT_EQ(runs(), 8u);
}

TEST(StudyCli, RepeatsRunWithTheirOwnSeedsAndReportTheirSpread) {
    test::TempDir dir;
    json s = {{"r2p_study", 1},
              {"name", "rep"},
              {"seed", 100},
              {"repeats", 2},
              {"datasets", {dataset("LaMP-3", 5)}},
              {"models", {{{"id", "m"}, {"systems", {"r2p"}}}}},
              {"options", {{"candidates", 2}, {"variation", "temperature"}}}};
    const std::string file = dir.write("s.json", s.dump());
    const std::string project = dir.file("p.r2p");
    auto ran = runCli({"study", "run", file, "--project", project, "--quiet"});
    ASSERT_EQ(ran.exitCode, 0) << ran.err;
    const json runJson = json::parse(ran.out);
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::Existing);
    ASSERT_TRUE(store);
    for (const auto& [cell, seed] : {std::pair{"LaMP-3/m/k4/r0", 100}, {"LaMP-3/m/k4/r1", 101}}) {
        auto run = RunStore(**store).run(runOfCell(runJson, cell));
        ASSERT_TRUE(run);
        EXPECT_EQ(json::parse(run->config)["seed"], seed) << cell;
        EXPECT_EQ(json::parse(run->config)["k"], 4) << cell;
        EXPECT_EQ(json::parse(run->config)["repeat"]["count"], 2) << cell;
    }
    auto rep = runCli({"study", "report", file, "--project", project, "--format", "json"});
    ASSERT_EQ(rep.exitCode, 0) << rep.err;
    const json mae = json::parse(rep.out)["rows"][0]["tasks"]["LaMP-3"]["metrics"]["MAE"];
    ASSERT_EQ(mae["values"].size(), 2u);
    const double a = mae["values"][0], b = mae["values"][1];
    EXPECT_DOUBLE_EQ(mae["mean"].get<double>(), (a + b) / 2);
    // Sample standard deviation of two values: |a - b| / sqrt(2).
    EXPECT_NEAR(mae["spread"].get<double>(), std::abs(a - b) / std::sqrt(2.0), 1e-12);
    EXPECT_TRUE(json::parse(rep.out)["reference"].is_null());
}

TEST(StudyCli, AgainstTheLoopbackServerASecondRunMakesNoCalls) {
    const auto* hrt = engine::builtinHrtTemplate(TaskId::LaMP3);
    ASSERT_NE(hrt, nullptr);
    test::OpenAiTestServer server;
    test::scriptCompliantModel(server, *hrt, "4");
    test::TempDir dir;
    json s = {{"r2p_study", 1},
              {"name", "served"},
              {"datasets", {dataset("LaMP-3", 3)}},
              {"models",
               {{{"id", "lrm"},
                 {"backend", "openai"},
                 {"model", "r2p-test-model"},
                 {"endpoints", {server.baseUrl() + ",max=4"}},
                 {"systems", {"lamp-rag", "r2p"}},
                 {"options", {{"mode", "chat"}}}}}},
              {"reference", {{"model", "lrm"}, {"system", "lamp-rag"}}}};
    const std::string file = dir.write("s.json", s.dump());
    const std::string project = dir.file("p.r2p");
    auto completions = [&] {
        std::size_t n = 0;
        for (const auto& r : server.requests())
            n += r.path.ends_with("/completions") ? 1 : 0;
        return n;
    };
    auto ran = runCli({"study", "run", file, "--project", project, "--quiet"});
    ASSERT_EQ(ran.exitCode, 0) << ran.err;
    const std::size_t first = completions();
    EXPECT_GT(first, 0u);
    auto again = runCli({"study", "run", file, "--project", project, "--quiet"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(json::parse(again.out)["done_before"], 1);
    EXPECT_EQ(completions(), first);
    auto rep = runCli({"study", "report", file, "--project", project, "--format", "json"});
    ASSERT_EQ(rep.exitCode, 0) << rep.err;
    const json report = json::parse(rep.out);
    // The scripted model answers "4" everywhere: both systems score the same, so no user differs.
    const auto& r2p = rowOf(report, "lrm", "r2p")["tasks"]["LaMP-3"];
    EXPECT_EQ(r2p["metrics"]["MAE"]["users"], 3);
    EXPECT_EQ(r2p["test"]["delta"], 0.0);
    EXPECT_EQ(r2p["test"]["p"], 1.0);
    EXPECT_GT(r2p["cost"]["prompt_tokens"].get<int>(), 0);
}

TEST(StudyCli, ABadFileOrCellRunsNothingAndAReportNeedsFinishedCells) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    // A file error: the file, line and column; no project is made.
    json bad = twoTaskStudy();
    bad["systems"] = {"r2p", "lamp-rug"};
    const std::string badFile = dir.write("bad.json", bad.dump(2));
    auto r = runCli({"study", "run", badFile, "--project", project});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find(badFile + ": line "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("unknown system \"lamp-rug\""), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nothing was run"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(project));

    // A cell that r2p run refuses (a user id the questions lack): found before any cell runs.
    json cell = twoTaskStudy();
    cell["datasets"][1]["users"] = "no-such-user";
    const std::string cellFile = dir.write("cell.json", cell.dump(2));
    auto c = runCli({"study", "run", cellFile, "--project", project});
    EXPECT_EQ(c.exitCode, 2);
    EXPECT_NE(c.err.find("cell LaMP-3/a/k2/r0 does not check out"), std::string::npos) << c.err;
    EXPECT_NE(c.err.find("no-such-user"), std::string::npos) << c.err;
    if (std::filesystem::exists(project)) {
        auto store = ProjectStore::open(project, ProjectStore::OpenMode::Existing);
        ASSERT_TRUE(store);
        EXPECT_TRUE(RunStore(**store).runs()->empty());
    }

    // A report before the cells ran names one and how to run it; --partial leaves them empty.
    const std::string file = dir.write("study.json", twoTaskStudy().dump(2));
    ASSERT_EQ(runCli({"run", "--project", project, "--questions",
                      test::demoDir() + "/LaMP-3/dev_questions.json", "--systems", "lamp-rag",
                      "--users", "2", "--quiet"})
                  .exitCode,
              0);
    auto early = runCli({"study", "report", file, "--project", project});
    EXPECT_EQ(early.exitCode, 2);
    EXPECT_NE(early.err.find("4 of 4 cells have no finished run, e.g. LaMP-2/a/k2/r0 (not run)"),
              std::string::npos)
        << early.err;
    EXPECT_NE(early.err.find("r2p study run " + file), std::string::npos) << early.err;
    auto partial =
        runCli({"study", "report", file, "--project", project, "--partial", "--format", "json"});
    ASSERT_EQ(partial.exitCode, 0) << partial.err;
    EXPECT_EQ(json::parse(partial.out)["missing"].size(), 4u);

    // Usage errors.
    EXPECT_EQ(runCli({"study", "walk", file, "--project", project}).exitCode, 2);
    EXPECT_EQ(runCli({"study", "run", file}).exitCode, 2);
    EXPECT_EQ(runCli({"study", "report", file, "--project", project, "--format", "docx"}).exitCode,
              2);
}
