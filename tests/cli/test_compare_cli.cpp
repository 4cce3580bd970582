// r2p compare end to end: hand-made projects (RunStore API) with per-user outcomes whose McNemar
// and Wilcoxon p-values are worked out by hand in the comments, offline runs of the demo data
// (the delta and win/tie/loss `r2p run` printed), the table formats, and bad input (exit 2).
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "support/TestSupport.h"

#include <cmath>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

std::string demo(const std::string& task, const std::string& file) {
    return test::demoDir() + "/" + task + "/" + file;
}

struct Outcome {
    std::string user;
    SystemId system = SystemId::R2P;
    std::string prediction;
    std::string gold;
    bool failed = false;
};

// A run over `users` with the given finished outcomes; the scores are left for compare to
// derive from prediction and gold (classification, rating) as LaMP does.
std::int64_t makeRun(RunStore& runs, TaskId task, const std::string& questions,
                     const std::vector<SystemId>& systems, const std::vector<std::string>& users,
                     const std::vector<Outcome>& outcomes) {
    RunInfo info;
    info.task = task;
    info.questionsPath = questions;
    info.systems = systems;
    info.backend = "offline";
    info.model = "hand-made";
    info.users = users;
    auto id = runs.createRun(info);
    EXPECT_TRUE(id.ok());
    std::vector<UserTrace> traces;
    for (const auto& o : outcomes) {
        UserTrace t;
        t.userId = o.user;
        t.system = o.system;
        t.status = o.failed ? UserStatus::Failed : UserStatus::Done;
        t.prediction = o.prediction;
        t.gold = o.gold;
        t.error = o.failed ? "backend went away" : "";
        traces.push_back(t);
    }
    EXPECT_TRUE(runs.saveUserTraces(*id, traces).ok());
    EXPECT_TRUE(runs.setRunStatus(*id, RunStatus::Done).ok());
    return *id;
}

const json& comparisonOf(const json& out, std::int64_t runA, const std::string& systemA,
                         std::int64_t runB, const std::string& systemB) {
    for (const auto& c : out["comparisons"])
        if (c["a"]["run"] == runA && c["a"]["system"] == systemA && c["b"]["run"] == runB &&
            c["b"]["system"] == systemB)
            return c;
    static const json none;
    ADD_FAILURE() << "no comparison " << runA << ":" << systemA << " vs " << runB << ":" << systemB;
    return none;
}

// LaMP-2 by hand. Users 1..10 on both runs: u1 right in A only (a regression), u2..u8 right
// in B only (improvements), u9 right in both, u10 wrong in both. Discordant pairs 1 and 7:
// exact McNemar p = 2 * (C(8,0) + C(8,1)) / 2^8 = 18/256 = 0.0703125. Accuracy A = 2/10,
// B = 8/10. Unpaired: u11 only in run A, u12 failed in B, u13 not finished in B.
// lamp-rag: u1..u3 right in B only, rest right in both: p = 2 * 1/8 = 0.25.
// Holm over the two: 0.0703125 * 2 = 0.140625, and max(0.140625, 0.25 * 1) = 0.25.
class CompareCliLamp2 : public ::testing::Test {
protected:
    void SetUp() override {
        project = dir.file("hand.r2p");
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        RunStore runs(**store);
        const std::string right = "comedy", wrong = "action";
        std::vector<std::string> users;
        for (int i = 1; i <= 13; ++i)
            users.push_back("u" + std::to_string(i));
        std::vector<Outcome> a, b;
        for (int i = 1; i <= 10; ++i) {
            const std::string u = "u" + std::to_string(i);
            const bool rightA = i == 1 || i == 9;
            const bool rightB = (i >= 2 && i <= 9);
            a.push_back({u, SystemId::R2P, rightA ? right : wrong, right});
            b.push_back({u, SystemId::R2P, rightB ? right : wrong, right});
            a.push_back({u, SystemId::LampRag, i <= 3 ? wrong : right, right});
            b.push_back({u, SystemId::LampRag, right, right});
        }
        for (SystemId s : {SystemId::R2P, SystemId::LampRag}) {
            a.push_back({"u11", s, right, right});
            a.push_back({"u12", s, right, right});
            b.push_back({"u12", s, "", right, true});
            a.push_back({"u13", s, right, right});
        }
        std::vector<std::string> usersB(users.begin(), users.end());
        usersB.erase(usersB.begin() + 10); // B does not cover u11
        runA = makeRun(runs, TaskId::LaMP2, "/data/LaMP-2/dev_questions.json",
                       {SystemId::R2P, SystemId::LampRag}, users, a);
        runB = makeRun(runs, TaskId::LaMP2, "/data/LaMP-2/dev_questions.json",
                       {SystemId::R2P, SystemId::LampRag}, usersB, b);
    }
    test::TempDir dir;
    std::string project;
    std::int64_t runA = 0, runB = 0;
};

TEST_F(CompareCliLamp2, McNemarAndHolmAsWorkedByHand) {
    auto r = runCli({"compare", "--project", project, "--runs",
                     std::to_string(runA) + "," + std::to_string(runB), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json out = json::parse(r.out);
    EXPECT_EQ(out["task"], "LaMP-2");
    EXPECT_EQ(out["metric"], "accuracy");
    EXPECT_EQ(out["better"], "higher");
    ASSERT_EQ(out["comparisons"].size(), 2u);
    const json& c = comparisonOf(out, runA, "r2p", runB, "r2p");
    EXPECT_EQ(c["n"], 10);
    EXPECT_DOUBLE_EQ(c["a"]["value"].get<double>(), 0.2);
    EXPECT_DOUBLE_EQ(c["b"]["value"].get<double>(), 0.8);
    EXPECT_NEAR(c["delta"].get<double>(), 0.6, 1e-15);
    EXPECT_EQ(c["b_vs_a"], "better");
    EXPECT_EQ(c["wins"], 7);
    EXPECT_EQ(c["ties"], 2);
    EXPECT_EQ(c["losses"], 1);
    EXPECT_EQ(c["test"]["name"], "exact McNemar");
    EXPECT_EQ(c["test"]["only_a_correct"], 1);
    EXPECT_EQ(c["test"]["only_b_correct"], 7);
    EXPECT_DOUBLE_EQ(c["test"]["p"].get<double>(), 0.0703125);
    EXPECT_DOUBLE_EQ(c["test"]["p_holm"].get<double>(), 0.140625);
    EXPECT_EQ(c["significant"], false);
    EXPECT_EQ(c["unpaired"]["total"], 3);
    EXPECT_EQ(c["unpaired"]["only_in_a"], 1);
    EXPECT_EQ(c["unpaired"]["failed_in_b"], 1);
    EXPECT_EQ(c["unpaired"]["not_finished"], 1);
    EXPECT_EQ(c["unpaired"]["examples"]["only_in_a"][0], "u11");
    EXPECT_EQ(c["unpaired"]["examples"]["failed_in_b"][0], "u12");
    EXPECT_EQ(c["unpaired"]["examples"]["not_finished"][0], "u13");
    ASSERT_EQ(c["regressions"]["count"], 1);
    EXPECT_EQ(c["regressions"]["users"][0]["user"], "u1");
    EXPECT_EQ(c["regressions"]["users"][0]["a_prediction"], "comedy");
    EXPECT_EQ(c["regressions"]["users"][0]["b_prediction"], "action");
    EXPECT_EQ(c["improvements"]["count"], 7);
    EXPECT_EQ(c["improvements"]["users"][0]["user"], "u2");
    // The interval of a +0.6 accuracy change on 10 users lies within [-1, 1] and brackets it.
    EXPECT_LE(c["ci95"][0].get<double>(), 0.6);
    EXPECT_GE(c["ci95"][1].get<double>(), 0.6);
    EXPECT_GT(c["ci95"][0].get<double>(), 0.0);

    const json& l = comparisonOf(out, runA, "lamp-rag", runB, "lamp-rag");
    EXPECT_DOUBLE_EQ(l["test"]["p"].get<double>(), 0.25);
    EXPECT_DOUBLE_EQ(l["test"]["p_holm"].get<double>(), 0.25);
    EXPECT_EQ(l["regressions"]["count"], 0);
    EXPECT_EQ(l["improvements"]["count"], 3);
}

TEST_F(CompareCliLamp2, WithinOneRunAndTheSameSeedGivesTheSameInterval) {
    // Within run A (13 users, all finished): lamp-rag is right on u4..u13, r2p on u1, u9 and
    // u11..u13. Right only in lamp-rag: u4..u8, u10 (6); only in r2p: u1 (1). Exact McNemar
    // p = 2 * (C(7,0) + C(7,1)) / 2^7 = 16/128 = 0.125; one comparison, so Holm leaves it.
    const std::vector<std::string> args{
        "compare",   "--project",    project,  "--runs", std::to_string(runA),
        "--systems", "lamp-rag,r2p", "--seed", "7"};
    auto r = runCli(args);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json out = json::parse(r.out);
    ASSERT_EQ(out["comparisons"].size(), 1u);
    const json& c = out["comparisons"][0];
    EXPECT_EQ(c["a"]["system"], "lamp-rag");
    EXPECT_EQ(c["n"], 13);
    EXPECT_EQ(c["b_vs_a"], "worse");
    EXPECT_EQ(c["test"]["only_a_correct"], 6);
    EXPECT_EQ(c["test"]["only_b_correct"], 1);
    EXPECT_DOUBLE_EQ(c["test"]["p"].get<double>(), 0.125);
    EXPECT_DOUBLE_EQ(c["test"]["p_holm"].get<double>(), 0.125);
    auto again = runCli(args);
    EXPECT_EQ(again.out, r.out);
    EXPECT_EQ(out["bootstrap"]["seed"], 7);
    EXPECT_EQ(out["bootstrap"]["resamples"], 10000);
}

TEST_F(CompareCliLamp2, TablesCarryTheSameRows) {
    const std::string runs = std::to_string(runA) + "," + std::to_string(runB);
    auto md = runCli({"compare", "--project", project, "--runs", runs, "--format", "md"});
    ASSERT_EQ(md.exitCode, 0) << md.err;
    EXPECT_NE(md.out.find("| 1:r2p | 2:r2p | 10 | 3 | 0.2000 | 0.8000 | +0.6000 |"),
              std::string::npos)
        << md.out;
    EXPECT_NE(md.out.find("| better | 7/2/1 | exact McNemar | 0.0703 | 0.1406 |"),
              std::string::npos)
        << md.out;
    EXPECT_NE(md.out.find("accuracy (higher is better)"), std::string::npos);

    auto csv = runCli({"compare", "--project", project, "--runs", runs, "--format", "csv"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    std::istringstream lines(csv.out);
    std::string header, row1, row2, extra;
    std::getline(lines, header);
    std::getline(lines, row1);
    std::getline(lines, row2);
    EXPECT_FALSE(std::getline(lines, extra));
    EXPECT_EQ(header, "A,B,n,unpaired,A accuracy,B accuracy,delta (B-A),95% CI,B vs A,W/T/L,"
                      "test,p,p (Holm)");
    EXPECT_EQ(row1.rfind("1:r2p,2:r2p,10,3,0.2000,0.8000,+0.6000,\"[", 0), 0u) << row1;
    EXPECT_NE(row1.find(",better,7/2/1,exact McNemar,0.0703,0.1406"), std::string::npos) << row1;
    EXPECT_EQ(row2.rfind("1:lamp-rag,2:lamp-rag,10,3,0.7000,1.0000,+0.3000,", 0), 0u) << row2;

    const std::string file = dir.file("t.tex");
    auto tex = runCli(
        {"compare", "--project", project, "--runs", runs, "--format", "latex", "--out", file});
    ASSERT_EQ(tex.exitCode, 0) << tex.err;
    const std::string latex = test::readFile(file);
    EXPECT_NE(latex.find("\\begin{tabular}"), std::string::npos);
    EXPECT_NE(latex.find("95\\% CI"), std::string::npos);
    EXPECT_NE(latex.find("1:r2p & 2:r2p & 10 & 3 & 0.2000 & 0.8000 & +0.6000"), std::string::npos)
        << latex;
}

TEST(CompareCli, WilcoxonOnRatingsAsWorkedByHand) {
    // LaMP-3, absolute errors A = 0,0,0,4,0 and B = 1,2,3,0,5: d = B - A = 1, 2, 3, -4, 5, no
    // zeros and n <= 50, so scipy's exact method: R+ = 11, R- = 4, T = 4; 7 of the 32 sign
    // patterns have R+ <= 4, p = 2 * 7/32 = 0.4375. MAE A = 4/5, B = 11/5: B is worse.
    test::TempDir dir;
    const std::string project = dir.file("ratings.r2p");
    std::int64_t a = 0, b = 0;
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        RunStore runs(**store);
        const std::vector<std::string> users{"r1", "r2", "r3", "r4", "r5"};
        const std::vector<std::string> gold{"3", "3", "1", "5", "1"};
        const std::vector<std::string> predA{"3", "3", "1", "1", "1"};
        const std::vector<std::string> predB{"4", "5", "4", "5", "6"};
        std::vector<Outcome> oa, ob;
        for (std::size_t i = 0; i < users.size(); ++i) {
            oa.push_back({users[i], SystemId::LampRag, predA[i], gold[i]});
            ob.push_back({users[i], SystemId::LampRag, predB[i], gold[i]});
        }
        a = makeRun(runs, TaskId::LaMP3, "q3.json", {SystemId::LampRag}, users, oa);
        b = makeRun(runs, TaskId::LaMP3, "q3.json", {SystemId::LampRag}, users, ob);
    }
    auto r = runCli({"compare", "--project", project, "--runs",
                     std::to_string(a) + "," + std::to_string(b), "--top", "3"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json out = json::parse(r.out);
    EXPECT_EQ(out["metric"], "MAE");
    EXPECT_EQ(out["better"], "lower");
    const json& c = out["comparisons"][0];
    EXPECT_NEAR(c["a"]["value"].get<double>(), 0.8, 1e-6); // LaMP's float32 mean
    EXPECT_NEAR(c["b"]["value"].get<double>(), 2.2, 1e-6);
    EXPECT_EQ(c["b_vs_a"], "worse");
    EXPECT_EQ(c["wins"], 1);
    EXPECT_EQ(c["losses"], 4);
    EXPECT_EQ(c["test"]["name"], "Wilcoxon signed-rank");
    EXPECT_EQ(c["test"]["on"], "per-user absolute error");
    EXPECT_EQ(c["test"]["method"], "exact");
    EXPECT_EQ(c["test"]["statistic"], 4.0);
    EXPECT_DOUBLE_EQ(c["test"]["p"].get<double>(), 0.4375);
    // The largest score drops first, listed up to --top.
    ASSERT_EQ(c["regressions"]["count"], 4);
    ASSERT_EQ(c["regressions"]["users"].size(), 3u);
    EXPECT_EQ(c["regressions"]["users"][0]["user"], "r5");
    EXPECT_EQ(c["regressions"]["users"][0]["b"], 5.0);
    EXPECT_EQ(c["regressions"]["users"][1]["user"], "r3");
    EXPECT_EQ(c["regressions"]["users"][2]["user"], "r2");
    EXPECT_EQ(c["improvements"]["users"][0]["user"], "r4");

    // RMSE: the test runs on squared errors (d = 1, 4, 9, -16, 25): same signed ranks, same
    // p; RMSE B = sqrt((1 + 4 + 9 + 0 + 25) / 5).
    auto rmse = runCli({"compare", "--project", project, "--runs",
                        std::to_string(a) + "," + std::to_string(b), "--metric", "RMSE"});
    ASSERT_EQ(rmse.exitCode, 0) << rmse.err;
    const json o2 = json::parse(rmse.out);
    EXPECT_EQ(o2["comparisons"][0]["test"]["on"], "per-user squared error");
    EXPECT_DOUBLE_EQ(o2["comparisons"][0]["test"]["p"].get<double>(), 0.4375);
    EXPECT_NEAR(o2["comparisons"][0]["b"]["value"].get<double>(), std::sqrt(39.0 / 5), 1e-6);
}

TEST(CompareCli, NoSharedUserGivesNullsNotZeros) {
    test::TempDir dir;
    const std::string project = dir.file("apart.r2p");
    std::int64_t a = 0, b = 0;
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        RunStore runs(**store);
        a = makeRun(runs, TaskId::LaMP3, "q.json", {SystemId::R2P}, {"x1", "x2"},
                    {{"x1", SystemId::R2P, "3", "3"}, {"x2", SystemId::R2P, "", "3", true}});
        b = makeRun(runs, TaskId::LaMP3, "q.json", {SystemId::R2P}, {"y1"},
                    {{"y1", SystemId::R2P, "3", "4"}});
    }
    const std::string runs = std::to_string(a) + "," + std::to_string(b);
    auto r = runCli({"compare", "--project", project, "--runs", runs});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json c = json::parse(r.out)["comparisons"][0];
    EXPECT_EQ(c["n"], 0);
    EXPECT_TRUE(c["a"]["value"].is_null());
    EXPECT_TRUE(c["delta"].is_null());
    EXPECT_TRUE(c["ci95"].is_null());
    EXPECT_EQ(c["unpaired"]["only_in_a"], 2);
    EXPECT_EQ(c["unpaired"]["only_in_b"], 1);
    EXPECT_EQ(c["test"]["method"], "none");
    EXPECT_EQ(c["test"]["p"], 1.0);
    auto md = runCli({"compare", "--project", project, "--runs", runs, "--format", "md"});
    EXPECT_NE(md.out.find("| 1:r2p | 2:r2p | 0 | 3 | - | - | - | - | same |"), std::string::npos)
        << md.out;
}

TEST(CompareCli, OfflineDemoRunsAgreeWithTheRunSummary) {
    test::TempDir dir;
    const std::string project = dir.file("demo.r2p");
    auto run = [&](const std::vector<std::string>& extra) {
        std::vector<std::string> args{"run",
                                      "--project",
                                      project,
                                      "--questions",
                                      demo("LaMP-4", "dev_questions.json"),
                                      "--outputs",
                                      demo("LaMP-4", "dev_outputs.json"),
                                      "--backend",
                                      "offline",
                                      "--quiet"};
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = runCli(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return json::parse(r.out);
    };
    const json first = run({"--systems", "r2p,lamp-rag", "--users", "12"});
    const json second = run({"--systems", "r2p,lamp-rag,no-profile", "--k", "1"});
    const std::int64_t a = first["run"], b = second["run"];

    // Within the first run, lamp-rag against r2p: the same users and per-user scores as the
    // run's own summary (R2P against lamp-rag), so the same delta and win/tie/loss.
    auto within = runCli({"compare", "--project", project, "--runs", std::to_string(a), "--systems",
                          "lamp-rag,r2p", "--resamples", "1000", "--metric", "rouge-1"});
    ASSERT_EQ(within.exitCode, 0) << within.err;
    const json w = json::parse(within.out)["comparisons"][0];
    EXPECT_EQ(w["n"], 12);
    EXPECT_EQ(w["test"]["name"], "Wilcoxon signed-rank");
    // scipy's choice: 12 users are few enough for the exact method, unless a difference is 0.
    EXPECT_EQ(w["test"]["method"],
              w["test"]["zero_differences"] == 0 ? "exact" : "normal approximation");
    bool found = false;
    for (const auto& d : first["deltas"])
        if (d["baseline"] == "lamp-rag" && d["metric"] == "rouge-1") {
            found = true;
            EXPECT_NEAR(w["delta"].get<double>(), d["delta"].get<double>(), 1e-12);
            EXPECT_LE(w["ci95"][0].get<double>(), w["delta"].get<double>());
            EXPECT_GE(w["ci95"][1].get<double>(), w["delta"].get<double>());
            EXPECT_EQ(w["wins"], d["wins"]);
            EXPECT_EQ(w["losses"], d["losses"]);
        }
    EXPECT_TRUE(found);
    EXPECT_NEAR(w["b"]["value"].get<double>(),
                first["systems"]["r2p"]["metrics"]["rouge-1"]["value"].get<double>(), 1e-12);

    // Across the runs: the systems both ran, on the 12 users both cover.
    auto across = runCli({"compare", "--project", project, "--runs",
                          std::to_string(a) + "," + std::to_string(b), "--json"});
    ASSERT_EQ(across.exitCode, 0) << across.err;
    const json x = json::parse(across.out);
    ASSERT_EQ(x["comparisons"].size(), 2u); // r2p and lamp-rag; no-profile is only in B
    const std::size_t usersB = second["users"]["total"];
    for (const auto& c : x["comparisons"]) {
        EXPECT_EQ(c["n"], 12);
        EXPECT_EQ(c["unpaired"]["only_in_b"], usersB - 12);
        EXPECT_EQ(c["wins"].get<int>() + c["ties"].get<int>() + c["losses"].get<int>(), 12);
        EXPECT_GE(c["test"]["p_holm"].get<double>(), c["test"]["p"].get<double>());
    }
    EXPECT_FALSE(x.contains("cost"));

    // --cost: each compared (run, system)'s cost as r2p cost counts it; no-profile, compared
    // with nothing, is left out.
    auto costed = runCli({"compare", "--project", project, "--runs",
                          std::to_string(a) + "," + std::to_string(b), "--cost"});
    ASSERT_EQ(costed.exitCode, 0) << costed.err;
    const json withCost = json::parse(costed.out);
    const auto& costB = withCost["cost"][std::to_string(b)]["systems"];
    EXPECT_TRUE(costB.contains("r2p"));
    EXPECT_FALSE(costB.contains("no-profile"));
    auto alone = runCli({"cost", "--project", project, "--run", std::to_string(b)});
    ASSERT_EQ(alone.exitCode, 0) << alone.err;
    EXPECT_EQ(costB["lamp-rag"], json::parse(alone.out)["systems"]["lamp-rag"]);
    EXPECT_EQ(costB["lamp-rag"]["requests"], usersB);
    auto md = runCli({"compare", "--project", project, "--runs",
                      std::to_string(a) + "," + std::to_string(b), "--cost", "--format", "md"});
    ASSERT_EQ(md.exitCode, 0) << md.err;
    EXPECT_NE(md.out.find("### Cost of run " + std::to_string(a)), std::string::npos);
    auto csv = runCli({"compare", "--project", project, "--runs",
                       std::to_string(a) + "," + std::to_string(b), "--cost", "--format", "csv"});
    EXPECT_EQ(csv.exitCode, 2);
}

TEST(CompareCli, ByReasoningLengthBinsEveryScoredUserOnce) {
    test::TempDir dir;
    const std::string project = dir.file("demo.r2p");
    auto run =
        runCli({"run", "--project", project, "--questions", demo("LaMP-2", "dev_questions.json"),
                "--outputs", demo("LaMP-2", "dev_outputs.json"), "--backend", "offline",
                "--systems", "r2p,lamp-rag", "--quiet"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const json summary = json::parse(run.out);
    const std::string id = std::to_string(summary["run"].get<int>());
    auto r = runCli(
        {"compare", "--project", project, "--runs", id, "--by", "reasoning-length", "--bins", "4"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["metric"], "accuracy");
    ASSERT_EQ(j["curves"].size(), 2u);
    for (const auto& c : j["curves"]) {
        const std::string system = c["system"];
        // Every scored user in exactly one bin, and the bins' accuracies weighted by their
        // users give the system's accuracy in the run's own summary.
        int users = 0;
        double correct = 0;
        for (const auto& b : c["bins"]) {
            users += b["users"].get<int>();
            if (b["users"].get<int>() > 0)
                correct += b["value"].get<double>() * b["users"].get<double>();
        }
        EXPECT_EQ(users, summary["systems"][system]["scored"].get<int>()) << system;
        EXPECT_NEAR(correct / users,
                    summary["systems"][system]["metrics"]["accuracy"]["value"].get<double>(), 1e-9)
            << system;
        EXPECT_EQ(c.contains("level_tokens"), system == "r2p");
    }
    auto md = runCli({"compare", "--project", project, "--runs", id, "--by", "reasoning-length",
                      "--format", "md"});
    ASSERT_EQ(md.exitCode, 0) << md.err;
    EXPECT_NE(md.out.find("| run | system | reasoning tokens |"), std::string::npos) << md.out;
    EXPECT_NE(md.out.find("task_analysis"), std::string::npos);
    for (const std::vector<std::string>& bad : {std::vector<std::string>{"--by", "length"},
                                                {"--by", "reasoning-length", "--bins", "0"},
                                                {"--by", "reasoning-length", "--format", "csv"},
                                                {"--by", "reasoning-length", "--metric", "MAE"}}) {
        std::vector<std::string> args{"compare", "--project", project, "--runs", id};
        args.insert(args.end(), bad.begin(), bad.end());
        auto b = runCli(args);
        EXPECT_EQ(b.exitCode, 2) << bad[1] << ": " << b.err;
    }
}

TEST(CompareCli, BadInputNamesWhatIsWrong) {
    test::TempDir dir;
    const std::string project = dir.file("bad.r2p");
    std::int64_t lamp2 = 0, lamp3 = 0, lamp3other = 0;
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        RunStore runs(**store);
        lamp2 = makeRun(runs, TaskId::LaMP2, "q2.json", {SystemId::R2P}, {"a"},
                        {{"a", SystemId::R2P, "comedy", "comedy"}});
        lamp3 = makeRun(runs, TaskId::LaMP3, "q3.json", {SystemId::R2P}, {"a"},
                        {{"a", SystemId::R2P, "3", "3"}});
        lamp3other = makeRun(runs, TaskId::LaMP3, "other/q3.json", {SystemId::R2P}, {"a"},
                             {{"a", SystemId::R2P, "3", "3"}});
    }
    auto expectUsage = [&](const std::vector<std::string>& args,
                           const std::vector<std::string>& mentions) {
        std::vector<std::string> full{"compare", "--project", project};
        full.insert(full.end(), args.begin(), args.end());
        auto r = runCli(full);
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
        for (const auto& m : mentions)
            EXPECT_NE(r.err.find(m), std::string::npos) << "missing \"" << m << "\" in " << r.err;
    };
    const std::string s2 = std::to_string(lamp2), s3 = std::to_string(lamp3),
                      s3o = std::to_string(lamp3other);
    expectUsage({"--runs", s2 + "," + s3},
                {"run " + s2 + " is LaMP-2", "run " + s3 + " is LaMP-3", "different tasks"});
    expectUsage({"--runs", s3 + "," + s3o}, {"q3.json", "other/q3.json", "different datasets"});
    expectUsage({"--runs", s3 + ",99"}, {"no run 99"});
    expectUsage({"--runs", s3 + ",x"}, {"\"x\" is not a run id"});
    expectUsage({"--runs", s3 + "," + s3}, {"named twice"});
    expectUsage({"--runs", s3 + ",99", "--systems", "gpt"}, {"unknown system \"gpt\""});
    expectUsage({"--runs", s2}, {"one run and one system"});
    expectUsage({"--runs", s3, "--systems", "r2p,lamp-rag"},
                {"run " + s3 + " has no system lamp-rag"});
    expectUsage({"--runs", s3 + "," + s3, "--metric", "bleu"}, {"named twice"});
    expectUsage({"--runs", std::to_string(lamp3) + "," + s3o, "--metric", "bleu"},
                {"different datasets"});
    {
        // Two LaMP-3 runs on the same data: the metric is checked against the task.
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        RunStore runs(**store);
        const auto again = makeRun(runs, TaskId::LaMP3, "q3.json", {SystemId::R2P}, {"a"},
                                   {{"a", SystemId::R2P, "4", "3"}});
        expectUsage({"--runs", s3 + "," + std::to_string(again), "--metric", "bleu"},
                    {"unknown metric \"bleu\"", "MAE, RMSE"});
        expectUsage({"--runs", s3 + "," + std::to_string(again), "--metric", "accuracy"},
                    {"unknown metric \"accuracy\" for LaMP-3"});
    }
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        RunStore runs(**store);
        const auto other = makeRun(runs, TaskId::LaMP3, "q3.json", {SystemId::NoProfile}, {"a"},
                                   {{"a", SystemId::NoProfile, "4", "3"}});
        expectUsage({"--runs", s3 + "," + std::to_string(other)},
                    {"share no system", "run " + s3 + " ran r2p",
                     "run " + std::to_string(other) + " ran no-profile"});
    }
    expectUsage({"--runs", s3, "--format", "xml"}, {"--format takes json, md, latex or csv"});
    expectUsage({"--runs", s3, "--json", "--format", "md"}, {"different outputs"});
    expectUsage({"--runs", s3, "--resamples", "0"}, {"--resamples"});
    expectUsage({"--runs", s3, "--bogus", "1"}, {"bogus"});
    auto missing = runCli({"compare", "--project", dir.file("none.r2p"), "--runs", "1,2"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("no project file"), std::string::npos) << missing.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("none.r2p")));
}

} // namespace
