// r2p cost end to end: an offline run's cost (priced at nothing, every request counted), the
// same in r2p run's summary, a project price table set, used and reset, and bad input.
#include "support/TestSupport.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

std::string demo(const std::string& file) {
    return test::demoDir() + "/LaMP-3/" + file;
}

} // namespace

TEST(CostCli, AnOfflineRunCountsItsRequestsAndCostsNothing) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto run = runCli({"run", "--project", project, "--questions", demo("dev_questions.json"),
                       "--outputs", demo("dev_outputs.json"), "--systems", "r2p,lamp-rag",
                       "--backend", "offline", "--users", "4"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const json summary = json::parse(run.out);
    ASSERT_TRUE(summary.contains("cost"));
    EXPECT_EQ(summary["cost"]["prices"], "built-in");

    auto r = runCli({"cost", "--project", project, "--run", "1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json cost = json::parse(r.out);
    EXPECT_EQ(cost["currency"], "USD");
    // lamp-rag asks once per user; R2P at least 3 chains x 4 levels per user.
    EXPECT_EQ(cost["systems"]["lamp-rag"]["requests"], 4);
    EXPECT_EQ(cost["systems"]["lamp-rag"]["users"], 4);
    EXPECT_GE(cost["systems"]["r2p"]["requests"].get<int>(), 4 * 12);
    EXPECT_EQ(cost["systems"]["r2p"]["cost"], 0.0);
    EXPECT_GT(cost["systems"]["r2p"]["completion_tokens"].get<int>(), 0);
    EXPECT_EQ(cost["systems"], summary["cost"]["systems"]);

    auto md = runCli({"cost", "--project", project, "--run", "1", "--format", "md"});
    ASSERT_EQ(md.exitCode, 0) << md.err;
    EXPECT_EQ(md.out.rfind("| system | users | requests |", 0), 0u) << md.out;
    EXPECT_NE(md.out.find("| total | 4 |"), std::string::npos) << md.out;
}

TEST(CostCli, AProjectPriceTableIsCheckedKeptAndReset) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    ASSERT_EQ(runCli({"run", "--project", project, "--questions", demo("dev_questions.json"),
                      "--outputs", demo("dev_outputs.json"), "--systems", "lamp-rag", "--backend",
                      "offline", "--users", "2"})
                  .exitCode,
              0);
    const std::string bad = dir.write(
        "bad.json", "{\n  \"version\": 1,\n  \"models\": {\"offline\": {\"input\": 1,}}\n}");
    auto refused = runCli({"cost", "--project", project, "--set-prices", bad});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_NE(refused.err.find(bad + ":3:"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("nothing was changed"), std::string::npos) << refused.err;

    // A million tokens cost 1,000,000 here: the cost equals the token count.
    const std::string good =
        dir.write("prices.json", R"({"version":1,"currency":"TOK","models":{"offline":)"
                                 R"({"input":1000000,"output":1000000}}})");
    auto set = runCli({"cost", "--project", project, "--set-prices", good});
    ASSERT_EQ(set.exitCode, 0) << set.err;
    EXPECT_EQ(json::parse(set.out)["source"], "project");
    auto priced = runCli({"cost", "--project", project, "--run", "1"});
    ASSERT_EQ(priced.exitCode, 0) << priced.err;
    const json c = json::parse(priced.out);
    EXPECT_EQ(c["currency"], "TOK");
    const auto& rag = c["systems"]["lamp-rag"];
    EXPECT_DOUBLE_EQ(rag["cost"].get<double>(),
                     rag["prompt_tokens"].get<double>() + rag["completion_tokens"].get<double>());
    EXPECT_GT(rag["cost"].get<double>(), 0);

    ASSERT_EQ(runCli({"cost", "--project", project, "--reset-prices"}).exitCode, 0);
    auto shown = runCli({"cost", "--project", project, "--show-prices"});
    EXPECT_EQ(json::parse(shown.out)["source"], "built-in");
}

TEST(CostCli, BadInputIsAUsageErrorThatNamesIt) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    ASSERT_EQ(runCli({"run", "--project", project, "--questions", demo("dev_questions.json"),
                      "--outputs", demo("dev_outputs.json"), "--systems", "lamp-rag", "--backend",
                      "offline", "--users", "1"})
                  .exitCode,
              0);
    auto unknown = runCli({"cost", "--project", project, "--run", "7"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("no run 7"), std::string::npos) << unknown.err;
    auto format = runCli({"cost", "--project", project, "--run", "1", "--format", "xml"});
    EXPECT_EQ(format.exitCode, 2);
    EXPECT_NE(format.err.find("\"xml\""), std::string::npos);
    EXPECT_EQ(runCli({"cost", "--project", project}).exitCode, 2);
    auto missing = runCli({"cost", "--project", dir.file("none.r2p"), "--run", "1"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_FALSE(std::filesystem::exists(dir.file("none.r2p")));
    auto noFile = runCli({"cost", "--project", project, "--run", "1", "--prices", dir.file("x")});
    EXPECT_EQ(noFile.exitCode, 2);
    EXPECT_NE(noFile.err.find("no such file"), std::string::npos);
}

TEST(CostCli, TheSameOfflineRunCountsTheSameTokensEveryTime) {
    // Interventions stop streams; whether the offline backend finished before the stop landed
    // must not change what a step counts (it once did, by the race: 355,988 to 361,005 prompt
    // tokens for the same LaMP-2 run).
    const std::string dir2 = test::demoDir() + "/LaMP-2/";
    std::vector<std::string> costs;
    for (int i = 0; i < 3; ++i) {
        test::TempDir dir;
        const std::string project = dir.file("p.r2p");
        auto run = runCli({"run", "--project", project, "--questions", dir2 + "dev_questions.json",
                           "--outputs", dir2 + "dev_outputs.json", "--systems", "r2p",
                           "--concurrency", "4", "--quiet"});
        ASSERT_EQ(run.exitCode, 0) << run.err;
        json cost = json::parse(run.out)["cost"];
        for (auto& [name, figures] : cost["systems"].items())
            figures.erase("request_seconds");
        costs.push_back(cost["systems"].dump());
    }
    EXPECT_EQ(costs[0], costs[1]);
    EXPECT_EQ(costs[0], costs[2]);
}
