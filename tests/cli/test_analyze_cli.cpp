// r2p sweep, r2p attribute and r2p slices end to end on a project made by r2p run with the
// offline backend on the demo: JSON on stdout, deterministic output, the failure-label slice
// from the run's annotations, and bad input (unknown run, user, system, k) exits 2 naming it.
#include "model/Annotation.h"
#include "model/ProjectStore.h"
#include "model/Taxonomy.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <memory>
#include <nlohmann/json.hpp>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

class AnalyzeCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<test::TempDir>();
        project_ = dir_->file("p.r2p");
        const std::string demo = test::demoDir() + "/LaMP-3/";
        auto r =
            runCli({"run", "--project", project_, "--questions", demo + "dev_questions.json",
                    "--outputs", demo + "dev_outputs.json", "--systems", "r2p,lamp-rag,no-profile",
                    "--backend", "offline", "--users", "6", "--concurrency", "2", "--quiet"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const json summary = json::parse(r.out);
        runId_ = std::to_string(summary["run"].get<int>());
    }
    static void TearDownTestSuite() { dir_.reset(); }

    static inline std::unique_ptr<test::TempDir> dir_;
    static inline std::string project_;
    static inline std::string runId_;
};

TEST_F(AnalyzeCli, SweepPrintsAPointPerSystemAndK) {
    auto r = runCli({"sweep", "--project", project_, "--run", runId_, "--systems", "r2p,lamp-rag",
                     "--k", "0,1,4", "--users", "3", "--quiet"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["task"], "LaMP-3");
    EXPECT_EQ(j["metric"], "MAE");
    EXPECT_EQ(j["backend"], "offline (no LLM)");
    EXPECT_EQ(j["users"], 3);
    EXPECT_EQ(j["cancelled"], false);
    ASSERT_EQ(j["points"].size(), 6u);
    EXPECT_EQ(j["points"][0]["system"], "r2p");
    EXPECT_EQ(j["points"][0]["k"], 0);
    EXPECT_EQ(j["points"][0]["mean_items"], 0.0);
    EXPECT_EQ(j["points"][2]["k"], 4);
    EXPECT_EQ(j["points"][3]["system"], "lamp-rag");
    for (const auto& p : j["points"]) {
        EXPECT_EQ(p["scored"], 3);
        EXPECT_EQ(p["failed"], 0);
        EXPECT_TRUE(p["metrics"].contains("MAE"));
    }
    // Deterministic, and the defaults are the run's systems and users with k 0, 1, 2, 4, 8.
    auto again =
        runCli({"sweep", "--project", project_, "--run", runId_, "--systems", "r2p,lamp-rag", "--k",
                "0,1,4", "--users", "3", "--quiet", "--concurrency", "1"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(again.out, r.out);
    auto all = runCli({"sweep", "--project", project_, "--run", runId_});
    ASSERT_EQ(all.exitCode, 0) << all.err;
    const json d = json::parse(all.out);
    EXPECT_EQ(d["users"], 6);
    EXPECT_EQ(d["points"].size(), 3u * 5u);
    EXPECT_NE(all.err.find("6/6 users"), std::string::npos) << all.err;
}

// As r2p run: --users N is a count even when one of the run's users has the id N (#18).
TEST(SweepCli, UsersNIsACountEvenWhenAUserHasThatId) {
    test::TempDir dir;
    const std::string demo = test::demoDir() + "/LaMP-3/";
    json questions = json::parse(test::readFile(demo + "dev_questions.json"));
    json outputs = json::parse(test::readFile(demo + "dev_outputs.json"));
    questions.erase(questions.begin() + 3, questions.end());
    outputs["golds"].erase(outputs["golds"].begin() + 3, outputs["golds"].end());
    const char* ids[] = {"3", "1", "2"};
    for (int i = 0; i < 3; ++i) {
        questions[i]["id"] = ids[i];
        outputs["golds"][i]["id"] = ids[i];
    }
    const std::string q = dir.write("dev_questions.json", questions.dump());
    const std::string o = dir.write("dev_outputs.json", outputs.dump());
    const std::string project = dir.file("p.r2p");
    auto r = runCli({"run", "--project", project, "--questions", q, "--outputs", o, "--systems",
                     "lamp-rag", "--backend", "offline", "--quiet"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string runId = std::to_string(json::parse(r.out)["run"].get<int>());
    auto sweep = [&](const std::string& users) {
        return runCli({"sweep", "--project", project, "--run", runId, "--k", "0", "--users", users,
                       "--quiet"});
    };
    auto counted = sweep("2");
    ASSERT_EQ(counted.exitCode, 0) << counted.err;
    EXPECT_EQ(json::parse(counted.out)["users"], 2);
    EXPECT_NE(counted.err.find("--users 2,"), std::string::npos) << counted.err;
    auto named = sweep("2,");
    ASSERT_EQ(named.exitCode, 0) << named.err;
    EXPECT_EQ(json::parse(named.out)["users"], 1);
}

TEST_F(AnalyzeCli, AttributePrintsARowPerRetrievedItem) {
    // The first user of the demo's LaMP-3 split, which the run covers.
    const std::string demo = test::demoDir() + "/LaMP-3/dev_questions.json";
    const json questions = json::parse(test::readFile(demo));
    const std::string user = questions[0]["id"];
    auto r = runCli({"attribute", "--project", project_, "--run", runId_, "--user", user});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["user"], user);
    EXPECT_EQ(j["system"], "r2p");
    EXPECT_EQ(j["k"], 5);
    ASSERT_EQ(j["items"].size(), 5u);
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(j["items"][i]["rank"], i + 1);
        EXPECT_EQ(j["items"][i]["status"], "done");
        EXPECT_TRUE(j["items"][i]["score_delta"].is_number());
    }
    auto again = runCli(
        {"attribute", "--project", project_, "--run", runId_, "--user", user, "--system", "r2p"});
    EXPECT_EQ(again.out, r.out);
    auto rag = runCli({"attribute", "--project", project_, "--run", runId_, "--user", user,
                       "--system", "lamp-rag"});
    ASSERT_EQ(rag.exitCode, 0) << rag.err;
    EXPECT_EQ(json::parse(rag.out)["system"], "lamp-rag");
}

// --metric picks a generation run's ROUGE variant; a rating run keeps MAE, and a metric that
// is no ROUGE variant is refused before anything is read.
TEST_F(AnalyzeCli, SlicesMetricIsARougeVariant) {
    auto rating = runCli({"slices", "--project", project_, "--run", runId_, "--metric", "rouge-L"});
    ASSERT_EQ(rating.exitCode, 0) << rating.err;
    EXPECT_EQ(json::parse(rating.out)["metric"], "MAE");
    auto bad = runCli({"slices", "--project", project_, "--run", runId_, "--metric", "bleu"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("--metric is rouge-1"), std::string::npos) << bad.err;
}

TEST_F(AnalyzeCli, SlicesIncludeTheRunsAnnotations) {
    auto r = runCli({"slices", "--project", project_, "--run", runId_});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    json j = json::parse(r.out);
    EXPECT_EQ(j["baseline"], "lamp-rag");
    EXPECT_EQ(j["metric"], "MAE");
    EXPECT_EQ(j["users"], 6);
    std::size_t sized = 0;
    for (const auto& b : j["slices"]["profile_size"])
        sized += b["users"].get<std::size_t>();
    EXPECT_EQ(sized, 6u);
    EXPECT_FALSE(j["slices"]["gold_label"].empty());
    EXPECT_TRUE(j["slices"]["failure_label"].empty());
    EXPECT_EQ(j["slices"]["intervention"].size(), 2u);

    // Two labels on one user, through the annotation store.
    const std::string demo = test::demoDir() + "/LaMP-3/dev_questions.json";
    const std::string user = json::parse(test::readFile(demo))[0]["id"];
    {
        auto opened = ProjectStore::open(project_);
        ASSERT_TRUE(opened) << opened.error().message;
        AnnotationStore annotations(**opened);
        const Taxonomy& taxonomy = builtinTaxonomy();
        ASSERT_GE(taxonomy.labels.size(), 2u);
        for (std::size_t i = 0; i < 2; ++i) {
            Annotation a;
            a.runId = std::stoll(runId_);
            a.userId = user;
            a.system = SystemId::R2P;
            a.target = AnnotationTarget::Run;
            a.label = taxonomy.labels[i].id;
            a.annotator = "tester";
            auto added = annotations.add(a, taxonomy);
            ASSERT_TRUE(added) << added.error().message;
        }
    }
    r = runCli({"slices", "--project", project_, "--run", runId_, "--baseline", "no-profile"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    j = json::parse(r.out);
    EXPECT_EQ(j["baseline"], "no-profile");
    EXPECT_EQ(j["annotations"], 2);
    const auto& failures = j["slices"]["failure_label"];
    ASSERT_EQ(failures.size(), 3u); // two labels and "(none)"
    EXPECT_EQ(failures[0]["users"], 1);
    EXPECT_EQ(failures[1]["users"], 1);
    EXPECT_EQ(failures[2]["label"], "(none)");
    EXPECT_EQ(failures[2]["users"], 5);
}

TEST_F(AnalyzeCli, BadInputExitsTwoAndNamesIt) {
    struct Case {
        std::vector<std::string> args;
        std::string named;
    };
    const std::vector<Case> cases = {
        {{"sweep", "--project", project_, "--run", "999"}, "999"},
        {{"sweep", "--project", project_, "--run", "abc"}, "abc"},
        {{"sweep", "--project", project_, "--run", runId_, "--k", "0,two"}, "two"},
        {{"sweep", "--project", project_, "--run", runId_, "--k", "-1"}, "-1"},
        {{"sweep", "--project", project_, "--run", runId_, "--systems", "r2p,gpt"}, "gpt"},
        {{"sweep", "--project", project_, "--run", runId_, "--users", "nobody"}, "nobody"},
        {{"sweep", "--project", dir_->file("missing.r2p"), "--run", "1"}, "missing.r2p"},
        {{"attribute", "--project", project_, "--run", runId_, "--user", "nobody"}, "nobody"},
        {{"attribute", "--project", project_, "--run", "999", "--user", "x"}, "999"},
        {{"attribute", "--project", project_, "--run", runId_, "--user", "x", "--system", "gpt"},
         "gpt"},
        {{"attribute", "--project", project_, "--run", runId_, "--user", "x", "--system",
          "no-profile"},
         "no-profile"},
        {{"slices", "--project", project_, "--run", "999"}, "999"},
        {{"slices", "--project", project_, "--run", runId_, "--baseline", "lrm-rag"}, "lrm-rag"},
        {{"slices", "--project", project_, "--run", runId_, "--baseline", "gpt"}, "gpt"},
        {{"slices", "--project", project_, "--run", runId_, "--baselin", "x"}, "baselin"},
    };
    for (const auto& c : cases) {
        auto r = runCli(c.args);
        std::string line;
        for (const auto& a : c.args)
            line += a + " ";
        EXPECT_EQ(r.exitCode, 2) << line << "\n" << r.err;
        EXPECT_NE(r.err.find(c.named), std::string::npos) << line << "\n" << r.err;
        EXPECT_TRUE(r.out.empty()) << line;
    }
}

} // namespace
