// r2p template and the templates a project keeps: every run records the exact HRT text it used,
// an edited template gets a version of its own, and a copied project re-runs a run made with an
// edited template identically, without the file it came from.
#include "model/ProjectStore.h"
#include "model/Sqlite.h"
#include "model/StepTextCodec.h"
#include "support/TestSupport.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kQuestions = demoDir() + "/LaMP-3/dev_questions.json";
const std::string kOutputs = demoDir() + "/LaMP-3/dev_outputs.json";
constexpr const char* kMark = "EDITED-SYSTEM-MESSAGE-7f3a.";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The built-in LaMP-3 template with its system message changed, written to `dir`.
std::string editedTemplateFile(const TempDir& dir, int version) {
    const auto shown = runCli({"template", "show", "hrt-LaMP-3@1"});
    EXPECT_EQ(shown.exitCode, 0) << shown.err;
    json t = json::parse(shown.out);
    EXPECT_EQ(t["id"], "hrt-LaMP-3");
    t["system"] = std::string(kMark) + " " + t["system"].get<std::string>();
    t["version"] = version;
    return dir.write("edited-v" + std::to_string(version) + ".json", t.dump(1));
}

struct StoredStep {
    std::string prompt, answer;
};
// Each (user, seq) step of `run` in `project`, with the run's predictions.
std::map<std::pair<std::string, int>, StoredStep> stepsOf(const std::string& project, int run) {
    std::map<std::pair<std::string, int>, StoredStep> out;
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::ReadOnly);
    EXPECT_TRUE(store) << (store ? "" : store.error().message);
    if (!store)
        return out;
    sql::Statement st(
        (*store)->handle(),
        "SELECT user_id, system, seq, prompt, answer FROM run_steps WHERE run_id = ?1 "
        "ORDER BY user_id, system, seq");
    st.bind(1, std::int64_t{run});
    // A stored prompt may refer to an earlier one of its trace, or to a text the run keeps
    // once (StepTextCodec).
    std::map<int, std::string> earlier;
    std::string trace;
    while (st.step()) {
        if (st.text(0) + "/" + st.text(1) != trace) {
            trace = st.text(0) + "/" + st.text(1);
            earlier.clear();
        }
        const int seq = static_cast<int>(st.int64(2));
        // The project's codec context: its dictionaries and the texts a run keeps once.
        auto prompt =
            steptext::decode(st.bytes(3), st.isBlob(3), &earlier, &(*store)->stepDictionaries());
        EXPECT_TRUE(prompt) << trace << " step " << seq << ": " << prompt.error().message;
        earlier[seq] = prompt ? *prompt : std::string();
        // Keyed by user and seq as before: the runs compared have one system.
        out[{st.text(0), seq}] = {earlier[seq], st.text(4)};
    }
    return out;
}

std::string runConfig(const std::string& project, int run) {
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::ReadOnly);
    sql::Statement st((*store)->handle(), "SELECT config FROM runs WHERE id = ?1");
    st.bind(1, std::int64_t{run});
    return st.step() ? st.text(0) : std::string();
}

} // namespace

TEST(TemplateCli, AnEditedTemplateIsKeptUnderANewVersionAndEveryRunNamesItsText) {
    TempDir dir;
    const std::string project = dir.file("p.r2p");
    ASSERT_EQ(runCli({"run", "--project", project, "--questions", kQuestions, "--outputs", kOutputs,
                      "--systems", "r2p", "--users", "2", "--backend", "offline", "--quiet"})
                  .exitCode,
              0);
    // Still version 1 in the file, but version 1 is the built-in text: kept as version 2.
    const std::string edited = editedTemplateFile(dir, 1);
    const auto imported = runCli({"template", "import", "--project", project, "--file", edited});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    EXPECT_TRUE(contains(imported.out, "hrt-LaMP-3@2")) << imported.out;
    EXPECT_TRUE(contains(imported.err, "kept as version 2")) << imported.err;
    // The same text again is the same version, not a third one.
    const auto again = runCli({"template", "import", "--project", project, "--file", edited});
    EXPECT_TRUE(contains(again.out, "hrt-LaMP-3@2")) << again.out;

    const auto second = runCli({"run", "--project", project, "--questions", kQuestions, "--outputs",
                                kOutputs, "--systems", "r2p", "--users", "2", "--backend",
                                "offline", "--template", "hrt-LaMP-3@2", "--quiet"});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(json::parse(second.out)["template"]["version"], 2);

    const auto list = runCli({"template", "list", "--project", project});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    // Header, the built-in text (run 1), the edit (run 2).
    std::vector<std::string> lines;
    std::istringstream in(list.out);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    ASSERT_EQ(lines.size(), 3u) << list.out;
    EXPECT_TRUE(contains(lines[1], "hrt-LaMP-3") && contains(lines[1], "built-in") &&
                lines[1].substr(lines[1].size() - 3) == "  1")
        << lines[1];
    EXPECT_TRUE(contains(lines[2], "imported") && lines[2].substr(lines[2].size() - 3) == "  2")
        << lines[2];

    // The runs' prompts: the edited system message only in run 2.
    for (const auto& [key, step] : stepsOf(project, 1))
        EXPECT_FALSE(contains(step.prompt, kMark));
    int marked = 0;
    for (const auto& [key, step] : stepsOf(project, 2))
        marked += contains(step.prompt, kMark) ? 1 : 0;
    EXPECT_GT(marked, 0);
    const json config1 = json::parse(runConfig(project, 1));
    const json config2 = json::parse(runConfig(project, 2));
    ASSERT_TRUE(config2.contains("template_sha256"));
    EXPECT_NE(config1["template_sha256"], config2["template_sha256"]);
    EXPECT_EQ(config2["template_sha256"].get<std::string>().substr(0, 12), lines[2].substr(0, 12));

    // show --run prints the text run 2 used.
    const auto shown = runCli({"template", "show", "--project", project, "--run", "2"});
    ASSERT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_EQ(json::parse(shown.out)["version"], 2);
    EXPECT_TRUE(contains(json::parse(shown.out)["system"].get<std::string>(), kMark));
}

TEST(TemplateCli, ACopiedProjectResumesAndReRunsAnEditedTemplateRunIdentically) {
    TempDir dir;
    const std::string project = dir.file("p.r2p");
    const std::string edited = editedTemplateFile(dir, 5);
    ASSERT_EQ(runCli({"run", "--project", project, "--questions", kQuestions, "--outputs", kOutputs,
                      "--systems", "r2p", "--users", "3", "--backend", "offline", "--template",
                      edited, "--quiet"})
                  .exitCode,
              0);
    const auto original = stepsOf(project, 1);
    ASSERT_FALSE(original.empty());

    // Another machine: the project alone, no template file, one user not finished.
    const std::string copy = (fs::path(dir.path()) / "elsewhere" / "p.r2p").string();
    fs::create_directories(fs::path(copy).parent_path());
    fs::copy_file(project, copy);
    fs::remove(edited);
    std::string unfinished;
    {
        auto store = ProjectStore::open(copy);
        ASSERT_TRUE(store);
        sql::Statement first((*store)->handle(),
                             "SELECT user_id FROM run_users WHERE run_id = 1 ORDER BY user_id");
        ASSERT_TRUE(first.step());
        unfinished = first.text(0);
        for (const char* table : {"run_steps", "run_events", "run_verdicts", "run_users"}) {
            sql::Statement del((*store)->handle(), std::string("DELETE FROM ") + table +
                                                       " WHERE run_id = 1 AND user_id = ?1");
            del.bind(1, unfinished);
            ASSERT_TRUE(del.run());
        }
        ASSERT_TRUE(
            sql::exec((*store)->handle(), "UPDATE runs SET status = 'cancelled' WHERE id = 1"));
    }
    const auto resumed = runCli({"run", "--project", copy, "--resume", "1", "--quiet"});
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
    EXPECT_EQ(stepsOf(copy, 1).size(), original.size());
    int compared = 0;
    for (const auto& [key, step] : stepsOf(copy, 1)) {
        if (key.first != unfinished)
            continue;
        const auto before = original.find(key);
        ASSERT_NE(before, original.end());
        EXPECT_EQ(step.prompt, before->second.prompt) << key.first << " step " << key.second;
        EXPECT_EQ(step.answer, before->second.answer) << key.first << " step " << key.second;
        ++compared;
    }
    EXPECT_GT(compared, 0);

    // A new run there with the kept text, named by its hash: the same prompts and answers.
    const std::string hash = json::parse(runConfig(copy, 1))["template_sha256"];
    const auto rerun = runCli({"run", "--project", copy, "--questions", kQuestions, "--outputs",
                               kOutputs, "--systems", "r2p", "--users", "3", "--backend", "offline",
                               "--template", hash.substr(0, 12), "--quiet"});
    ASSERT_EQ(rerun.exitCode, 0) << rerun.err;
    const auto redone = stepsOf(copy, 2);
    ASSERT_EQ(redone.size(), original.size());
    for (const auto& [key, step] : original) {
        ASSERT_TRUE(redone.count(key)) << key.first;
        EXPECT_EQ(redone.at(key).prompt, step.prompt) << key.first << " step " << key.second;
        EXPECT_EQ(redone.at(key).answer, step.answer) << key.first << " step " << key.second;
    }
    EXPECT_EQ(json::parse(runConfig(copy, 2))["template_sha256"], hash);
}

TEST(TemplateCli, BadNamesAndFilesSayWhatIsWrong) {
    TempDir dir;
    const std::string project = dir.file("p.r2p");
    ASSERT_EQ(runCli({"run", "--project", project, "--questions", kQuestions, "--systems",
                      "no-profile", "--users", "1", "--backend", "offline", "--quiet"})
                  .exitCode,
              0);
    const auto unknown = runCli({"template", "show", "--project", project, "hrt-LaMP-3@9"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(contains(unknown.err, "version 9 is neither built in nor kept")) << unknown.err;
    const auto broken = dir.write("broken.json", "{\"id\": \"x\",");
    const auto bad = runCli({"template", "import", "--project", project, "--file", broken});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(contains(bad.err, "broken.json")) << bad.err;
    const auto otherTask =
        runCli({"run", "--project", project, "--questions", kQuestions, "--systems", "r2p",
                "--users", "1", "--backend", "offline", "--template", "hrt-LaMP-4@1", "--quiet"});
    EXPECT_EQ(otherTask.exitCode, 2);
    EXPECT_TRUE(contains(otherTask.err, "is for LaMP-4, this run is LaMP-3")) << otherTask.err;
    const auto noProject = runCli({"template", "list", "--project", dir.file("none.r2p")});
    EXPECT_EQ(noProject.exitCode, 2);
    EXPECT_FALSE(fs::exists(dir.file("none.r2p")));
}

// r2p judge-check on a demo run: every R2P candidate of every user with a gold is counted once.
TEST(JudgeCheckCli, CountsEveryCandidateOnceAndRefusesAnUnknownRun) {
    TempDir dir;
    const std::string project = dir.file("p.r2p");
    ASSERT_EQ(runCli({"run", "--project", project, "--questions", kQuestions, "--outputs", kOutputs,
                      "--systems", "r2p", "--users", "4", "--candidates", "3", "--backend",
                      "offline", "--quiet"})
                  .exitCode,
              0);
    const auto r = runCli({"judge-check", "--project", project, "--run", "1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["task"], "LaMP-3");
    EXPECT_EQ(j["metric"], "MAE");
    EXPECT_EQ(j["users_with_gold"], 4);
    int candidates = 0, correct = 0;
    for (const auto& row : j["verdicts"]) {
        candidates += row["candidates"].get<int>();
        correct += row["correct"].get<int>();
    }
    EXPECT_EQ(candidates, 4 * 3);
    EXPECT_LE(correct, candidates);
    const auto unknown = runCli({"judge-check", "--project", project, "--run", "7"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(contains(unknown.err, "7")) << unknown.err;
}
