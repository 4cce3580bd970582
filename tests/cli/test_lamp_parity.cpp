// Parity with LaMP's own code on ../shared/lamp-parity: the real r2p binary must write the
// BM25 rankings rank_profiles.py wrote (byte for byte) and the numbers evaluation.py gave.
#include "support/TestSupport.h"

#include <cmath>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using r2p::test::readFile;
using r2p::test::runCli;
using r2p::test::TempDir;

namespace {

// The parity files are required: a missing directory is a failure, never a skip.
std::string parityDir() {
    return r2p::test::sharedDir() + "/lamp-parity";
}

::testing::AssertionResult parityFilesPresent() {
    const std::string dir = parityDir();
    if (!std::filesystem::is_directory(dir))
        return ::testing::AssertionFailure()
               << "the LaMP parity cases are missing: expected the directory " << dir
               << " (../shared/lamp-parity beside the checkout; set R2P_SHARED_DIR)";
    return ::testing::AssertionSuccess();
}

std::string parityFile(const std::string& name) {
    return parityDir() + "/" + name;
}

class RetrieveParity : public ::testing::TestWithParam<std::string> {};

} // namespace

TEST_P(RetrieveParity, Bm25RankingIsIdenticalToRankProfiles) {
    ASSERT_TRUE(parityFilesPresent());
    const std::string task = GetParam();
    const std::string questions = parityFile(task + "_questions.json");
    const std::string expectedPath = parityFile(task + "_bm25_ranking.json");
    ASSERT_TRUE(std::filesystem::exists(questions)) << questions;
    ASSERT_TRUE(std::filesystem::exists(expectedPath)) << expectedPath;

    TempDir dir;
    const std::string out = dir.file("ranking.json");
    const auto r = runCli(
        {"retrieve", "--task", task, "--questions", questions, "--ranker", "bm25", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;

    const auto expected = nlohmann::ordered_json::parse(readFile(expectedPath));
    const auto actual = nlohmann::ordered_json::parse(readFile(out));
    ASSERT_EQ(actual.size(), expected.size());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        ASSERT_TRUE(actual.contains(it.key())) << task << " question " << it.key();
        EXPECT_EQ(actual[it.key()], it.value()) << task << " question " << it.key();
    }
    // Same keys in the same order, same separators and escapes: the file itself is identical.
    EXPECT_EQ(readFile(out), readFile(expectedPath));

    // stdout carries the same JSON plus a final newline.
    const auto toStdout = runCli({"retrieve", "--task", task, "--questions", questions});
    ASSERT_EQ(toStdout.exitCode, 0) << toStdout.err;
    EXPECT_EQ(toStdout.out, readFile(expectedPath) + "\n");
}

INSTANTIATE_TEST_SUITE_P(Lamp, RetrieveParity,
                         ::testing::Values("LaMP-1", "LaMP-2", "LaMP-3", "LaMP-4", "LaMP-5",
                                           "LaMP-7"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                             std::string name = param.param;
                             name.erase(name.find('-'), 1);
                             return name;
                         });

TEST(EvalParity, ClassificationAndRatingMatchEvaluationPy) {
    ASSERT_TRUE(parityFilesPresent());
    for (const std::string task : {"LaMP-1", "LaMP-2", "LaMP-3"}) {
        const auto expected = nlohmann::json::parse(readFile(parityFile(task + "_expected.json")));
        const auto r = runCli({"eval", "--task", task, "--golds", parityFile(task + "_golds.json"),
                               "--preds", parityFile(task + "_preds.json")});
        ASSERT_EQ(r.exitCode, 0) << task << ": " << r.err;
        const auto actual = nlohmann::json::parse(r.out);
        const double tolerance = task == "LaMP-3" ? 1e-6 : 1e-9;
        ASSERT_FALSE(expected.empty());
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            ASSERT_TRUE(actual.contains(it.key())) << task << " lacks " << it.key();
            EXPECT_NEAR(actual[it.key()].get<double>(), it.value().get<double>(), tolerance)
                << task << " " << it.key();
            ASSERT_TRUE(actual["ci"].contains(it.key()));
        }
        EXPECT_GT(actual["n"].get<int>(), 0);
    }
}

TEST(EvalParity, RougePerItemAndMeanMatchRougeScore) {
    ASSERT_TRUE(parityFilesPresent());
    TempDir dir;
    const std::string perItem = dir.file("items.jsonl");
    const auto r = runCli({"eval", "--task", "LaMP-4", "--golds", parityFile("gen_golds.json"),
                           "--preds", parityFile("gen_preds.json"), "--per-item", perItem});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto expected = nlohmann::json::parse(readFile(parityFile("gen_expected.json")));
    const std::vector<std::pair<std::string, std::string>> keys = {{"rouge1", "rouge-1"},
                                                                   {"rouge2", "rouge-2"},
                                                                   {"rougeL", "rouge-L"},
                                                                   {"rougeLsum", "rouge-Lsum"}};

    std::vector<nlohmann::json> lines;
    std::istringstream in(readFile(perItem));
    for (std::string line; std::getline(in, line);)
        lines.push_back(nlohmann::json::parse(line));
    const auto& items = expected["per_item"];
    ASSERT_EQ(lines.size(), items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        ASSERT_EQ(lines[i]["id"], items[i]["id"]);
        for (const auto& [theirs, ours] : keys)
            EXPECT_NEAR(lines[i][ours].get<double>(), items[i][theirs].get<double>(), 1e-9)
                << "id " << items[i]["id"] << " " << theirs;
    }
    const auto summary = nlohmann::json::parse(r.out);
    EXPECT_EQ(summary["n"], items.size());
    for (const auto& [theirs, ours] : keys) {
        EXPECT_NEAR(summary[ours].get<double>(), expected["mean"][theirs].get<double>(), 1e-9)
            << theirs;
        const auto& ci = summary["ci"][ours];
        EXPECT_LE(ci[0].get<double>(), summary[ours].get<double>());
        EXPECT_GE(ci[1].get<double>(), summary[ours].get<double>());
    }
}
