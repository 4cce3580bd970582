// r2p retrieve and r2p eval: output shapes, options, findings, and exit 2 with a message that
// names the bad file, task or ids.
#include "support/TestSupport.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using r2p::test::readFile;
using r2p::test::runCli;
using r2p::test::TempDir;

namespace {

const char* kQuestions = R"([
 {"id": "q1", "input": "Generate a headline for the following article: storm hits the coast",
  "profile": [{"id": "a", "title": "Budget", "text": "council budget", "date": "2019"},
              {"id": "b", "title": "Storm", "text": "storm nears coast", "date": "2018-05-03"},
              {"id": "c", "title": "Fair", "text": "town fair", "date": "2019-01-01"}]},
 {"id": "q2", "input": "no marker here storm",
  "profile": [{"id": "d", "title": "x", "text": "storm"}, {"id": "e", "title": "y", "text": "z"}]},
 {"id": "q3", "input": "Generate a headline for the following article: empty", "profile": []}
])";

std::string outputs(const std::string& task,
                    const std::vector<std::pair<std::string, std::string>>& items) {
    nlohmann::json j;
    j["task"] = task;
    j["golds"] = nlohmann::json::array();
    for (const auto& [id, output] : items)
        j["golds"].push_back({{"id", id}, {"output", output}});
    return j.dump();
}

} // namespace

TEST(CliRetrieve, WholeProfileByDefaultInFileOrderWithFindingsOnStderr) {
    TempDir dir;
    const auto q = dir.write("q.json", kQuestions);
    const auto r = runCli({"retrieve", "--task", "LaMP-4", "--questions", q});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // q2: with 2 items a term in 1 has idf ln(1.5) - ln(1.5) = 0, so both tie at 0 and the
    // reversed argsort lists the later item first, as LaMP does.
    EXPECT_EQ(r.out, R"({"q1": ["b", "c", "a"], "q2": ["e", "d"], "q3": []})"
                     "\n");
    // q2 fell back to the whole input; q3 has no profile.
    EXPECT_NE(r.err.find("record q2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("article:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("q3"), std::string::npos) << r.err;
}

TEST(CliRetrieve, TopKScoresAndOtherRankers) {
    TempDir dir;
    const auto q = dir.write("q.json", kQuestions);
    const auto out = dir.file("ranked.json");
    const auto r = runCli(
        {"retrieve", "--task", "LaMP-4", "--questions", q, "--k", "2", "--scores", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(r.out.empty());
    const auto j = nlohmann::json::parse(readFile(out));
    ASSERT_EQ(j["q1"].size(), 2u);
    EXPECT_EQ(j["q1"][0][0], "b");
    EXPECT_GT(j["q1"][0][1].get<double>(), 0.0);
    EXPECT_TRUE(j["q1"][1][1].is_number());
    EXPECT_FALSE(std::filesystem::exists(out + ".part"));

    const auto recency = runCli(
        {"retrieve", "--task", "LaMP-4", "--questions", q, "--ranker", "recency", "--k", "1"});
    ASSERT_EQ(recency.exitCode, 0) << recency.err;
    EXPECT_EQ(nlohmann::json::parse(recency.out)["q1"], nlohmann::json::array({"c"}));

    const auto random1 = runCli(
        {"retrieve", "--task", "LaMP-4", "--questions", q, "--ranker", "random", "--seed", "5"});
    const auto random2 = runCli(
        {"retrieve", "--task", "LaMP-4", "--questions", q, "--ranker", "random", "--seed", "5"});
    ASSERT_EQ(random1.exitCode, 0) << random1.err;
    EXPECT_EQ(random1.out, random2.out);
    EXPECT_EQ(nlohmann::json::parse(random1.out)["q1"].size(), 3u);
}

TEST(CliRetrieve, UseDateAndTaskDetection) {
    TempDir dir;
    const auto q = dir.write(
        "q.json",
        R"([{"id": "1", "input": "Generate a headline for the following article: 2018-05-03",
                     "profile": [{"id": "a", "title": "t", "text": "x", "date": "2019"},
                                 {"id": "b", "title": "t", "text": "y", "date": "2018-05-03"},
                                 {"id": "c", "title": "t", "text": "z", "date": "2017"}]}])");
    const auto r = runCli({"retrieve", "--questions", q, "--use-date", "--scores"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["1"][0][0], "b");
    EXPECT_GT(j["1"][0][1].get<double>(), 0.0);
}

TEST(CliRetrieve, BadArgumentsAndFilesExitTwoNamingTheProblem) {
    TempDir dir;
    const auto q = dir.write("q.json", kQuestions);
    auto r = runCli({"retrieve", "--task", "LaMP-9", "--questions", q});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("LaMP-9"), std::string::npos) << r.err;

    r = runCli({"retrieve", "--task", "LaMP-4", "--questions", dir.file("missing.json")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("missing.json"), std::string::npos) << r.err;

    r = runCli({"retrieve", "--task", "LaMP-4", "--questions", q, "--ranker", "dense"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("dense"), std::string::npos) << r.err;

    r = runCli({"retrieve", "--task", "LaMP-4", "--questions", q, "--k", "-1"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--k"), std::string::npos) << r.err;

    r = runCli({"retrieve", "--task", "LaMP-4"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--questions"), std::string::npos) << r.err;

    r = runCli({"retrieve", "--task", "LaMP-4", "--questions", q, "--out",
                dir.file("no/such/dir/out.json")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("out.json"), std::string::npos) << r.err;
}

TEST(CliRetrieve, MalformedRecordIsSkippedAndNamed) {
    TempDir dir;
    const auto q = dir.write(
        "q.json", R"([{"id": "1", "input": "Generate a headline for the following article: a",
                     "profile": [{"id": "x", "title": "a", "text": "b"}]},
                    {"id": "110", "input": "Generate a headline for the following article: a",
                     "profile": 7},
                    {"id": "2", "input": "Generate a headline for the following article: b",
                     "profile": [{"id": "y", "title": "a", "text": "b"}]}])");
    const auto r = runCli({"retrieve", "--task", "LaMP-4", "--questions", q});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_TRUE(j.contains("1"));
    EXPECT_FALSE(j.contains("110"));
    EXPECT_TRUE(j.contains("2"));
    EXPECT_NE(r.err.find("110"), std::string::npos) << r.err;
}

TEST(CliEval, ReportsLampKeysCiAndPerItem) {
    TempDir dir;
    const auto g = dir.write("g.json", outputs("LaMP_3", {{"1", "4"}, {"2", "2"}, {"3", "5"}}));
    const auto p =
        dir.write("p.json", outputs("LaMP_3", {{"3", "5"}, {"1", "five"}, {"2", "2.5"}}));
    const auto items = dir.file("items.jsonl");
    const auto r = runCli({"eval", "--golds", g, "--preds", p, "--per-item", items});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["task"], "LaMP-3");
    EXPECT_EQ(j["n"], 3);
    EXPECT_EQ(j["MAE"].get<double>(), static_cast<double>(3.5f / 3.0f)); // float32, as LaMP
    ASSERT_TRUE(j["ci"].contains("RMSE"));
    EXPECT_EQ(j["ci"]["MAE"].size(), 2u);
    const std::string lines = readFile(items);
    EXPECT_EQ(lines.substr(0, lines.find('\n')), R"({"id":"1","MAE":3.0,"squared_error":9.0})");

    const auto again = runCli({"eval", "--task", "LaMP-3", "--golds", g, "--preds", p});
    EXPECT_EQ(nlohmann::json::parse(again.out)["ci"], j["ci"]) << "the bootstrap is seeded";
}

TEST(CliEval, MismatchedIdsUnknownTaskAndUnreadableFilesExitTwo) {
    TempDir dir;
    const auto g = dir.write("golds.json", outputs("LaMP_1", {{"1", "[1]"}, {"2", "[2]"}}));
    const auto p = dir.write("preds.json", outputs("LaMP_1", {{"1", "[1]"}, {"7", "[2]"}}));
    auto r = runCli({"eval", "--task", "LaMP-1", "--golds", g, "--preds", p});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("\"2\""), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("\"7\""), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("preds.json"), std::string::npos) << r.err;

    r = runCli({"eval", "--task", "LaMP-12", "--golds", g, "--preds", g});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("LaMP-12"), std::string::npos) << r.err;

    r = runCli({"eval", "--task", "LaMP-1", "--golds", dir.file("nope.json"), "--preds", p});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("nope.json"), std::string::npos) << r.err;

    const auto broken = dir.write("broken.json", "{\"task\": \"LaMP_1\", \"golds\": [");
    r = runCli({"eval", "--task", "LaMP-1", "--golds", g, "--preds", broken});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("broken.json"), std::string::npos) << r.err;

    const auto noTask = dir.write("notask.json", R"({"golds": [{"id": "1", "output": "a"}]})");
    r = runCli({"eval", "--golds", noTask, "--preds", noTask});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--task"), std::string::npos) << r.err;

    r = runCli({"eval", "--task", "LaMP-1", "--golds", g});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--preds"), std::string::npos) << r.err;
}

TEST(CliEval, GenerationKeys) {
    TempDir dir;
    const auto g = dir.write("g.json", outputs("LaMP_7", {{"a", "Deep nets win"}, {"b", "x y"}}));
    const auto p = dir.write("p.json", outputs("LaMP_7", {{"a", "deep nets"}, {"b", ""}}));
    const auto r = runCli({"eval", "--task", "LaMP-7", "--golds", g, "--preds", p});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    for (const char* key : {"rouge-1", "rouge-2", "rouge-L", "rouge-Lsum"}) {
        ASSERT_TRUE(j.contains(key)) << key;
        ASSERT_TRUE(j["ci"].contains(key)) << key;
    }
    EXPECT_DOUBLE_EQ(j["rouge-1"].get<double>(), (0.8 + 0.0) / 2);
}
