// r2p info: JSON for good files, findings and exit 2 for bad ones.
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using r2p::test::runCli;
using r2p::test::TempDir;

namespace {
const char* kRecord =
    R"({"id": "%ID%", "input": "Generate a headline for the following article: x",)"
    R"( "user_id": "u%ID%", "profile": [%ITEMS%]})";

std::string record(const std::string& id, int items) {
    std::string r = kRecord, list;
    for (int i = 0; i < items; ++i)
        list += (i ? "," : "") + std::string(R"({"id": ")") + id + "_" + std::to_string(i) +
                R"(", "title": "t", "text": "x"})";
    r.replace(r.find("%ITEMS%"), 7, list);
    while (r.find("%ID%") != std::string::npos)
        r.replace(r.find("%ID%"), 4, id);
    return r;
}
} // namespace

TEST(CliInfo, DescribesATimeBasedSplit) {
    TempDir dir;
    const auto q = dir.write("train_questions.json", "[" + record("1", 3) + "," + record("2", 8) +
                                                         "," + record("3", 5) + "]");
    const auto o = dir.write("train_outputs.json",
                             R"({"task": "LaMP_4", "golds": [{"id": "1", "output": "a"},)"
                             R"({"id": "2", "output": "b"}, {"id": "3", "output": "c"}]})");
    const auto r = runCli({"info", q, "--outputs", o});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["task"], "LaMP-4");
    EXPECT_EQ(j["task_source"], "outputs-file");
    EXPECT_EQ(j["split"]["name"], "train");
    EXPECT_EQ(j["split"]["shape"], "time-based");
    EXPECT_EQ(j["users"], 3);
    EXPECT_EQ(j["golds"], 3);
    EXPECT_EQ(j["profile_size"]["min"], 3);
    EXPECT_EQ(j["profile_size"]["median"], 5.0);
    EXPECT_EQ(j["profile_size"]["max"], 8);
    EXPECT_TRUE(j["findings"].empty());
}

TEST(CliInfo, ReportsFindingsAndStillSucceedsWhenSomethingLoaded) {
    TempDir dir;
    const auto q =
        dir.write("q.json", "[" + record("1", 2) + R"(, {"id": "2", "input": "x", "profile": 3})" +
                                ", " + record("3", 1));
    const auto r = runCli({"info", q});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["users"], 2);
    ASSERT_EQ(j["findings"].size(), 2u);
    EXPECT_EQ(j["findings"][0]["code"], "record-wrong-shape");
    EXPECT_EQ(j["findings"][0]["record_id"], "2");
    EXPECT_EQ(j["findings"][1]["code"], "json-truncated");
    EXPECT_EQ(j["findings"][1]["line"], 1);
    EXPECT_NE(r.err.find("record 2 skipped"), std::string::npos);
}

TEST(CliInfo, ExitsTwoWhenNothingUsableLoaded) {
    TempDir dir;
    const auto bad = dir.write("bad.json", "[\n  {\"id\": \"1\",, }\n]");
    auto r = runCli({"info", bad});
    EXPECT_EQ(r.exitCode, 2);
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["users"], 0);
    EXPECT_EQ(j["findings"][0]["code"], "json-syntax");
    EXPECT_EQ(j["findings"][0]["line"], 2);
    EXPECT_EQ(j["findings"][0]["column"], 14);
    EXPECT_NE(r.err.find("bad.json:2:14"), std::string::npos) << r.err;

    r = runCli({"info", dir.file("missing.json")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("missing.json"), std::string::npos);

    r = runCli({"info", dir.write("obj.json", R"({"task": "LaMP_1", "golds": []})")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("not a LaMP questions file"), std::string::npos);
}

TEST(CliInfo, UsageErrors) {
    EXPECT_EQ(runCli({"info"}).exitCode, 2);
    EXPECT_EQ(runCli({"info", "a.json", "--bogus"}).exitCode, 2);
    const auto r = runCli({"info", "a.json", "--task", "LaMP-9"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown task"), std::string::npos);
    EXPECT_EQ(runCli({"nonsense"}).exitCode, 2);
    EXPECT_EQ(runCli({"--help"}).exitCode, 0);
}

TEST(CliInfo, EveryDemoDatasetIsClean) {
    for (const char* task : {"LaMP-1", "LaMP-2", "LaMP-3", "LaMP-4", "LaMP-5", "LaMP-7"}) {
        const std::string base = r2p::test::demoDir() + "/" + task;
        const auto r =
            runCli({"info", base + "/dev_questions.json", "--outputs", base + "/dev_outputs.json"});
        ASSERT_EQ(r.exitCode, 0) << task << ": " << r.err;
        const auto j = nlohmann::json::parse(r.out);
        EXPECT_EQ(j["task"], task);
        EXPECT_GE(j["users"], 15) << task;
        EXPECT_EQ(j["golds"], j["users"]) << task;
        EXPECT_GE(j["profile_size"]["min"], 10) << task;
        EXPECT_LE(j["profile_size"]["max"], 60) << task;
        EXPECT_TRUE(j["findings"].empty()) << task << ": " << j["findings"].dump();
    }
}
