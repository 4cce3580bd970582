// r2p annotate, agreement, taxonomy and the annotation exports end to end on an offline run of
// the demo: bad input exits 2 and writes nothing, exports read back equal to the store, and an
// annotating process killed mid-loop leaves every annotation it printed in an intact file.
#include "model/Annotation.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/Sqlite.h"
#include "support/TestSupport.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

// A project with one offline run (r2p and lamp-rag) of three LaMP-2 demo users; their ids.
std::vector<std::string> makeProject(const std::string& project) {
    const std::string demo = test::demoDir() + "/LaMP-2/";
    auto r = runCli({"run", "--project", project, "--questions", demo + "dev_questions.json",
                     "--outputs", demo + "dev_outputs.json", "--systems", "r2p,lamp-rag",
                     "--backend", "offline", "--users", "3", "--quiet"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    auto store = ProjectStore::open(project);
    EXPECT_TRUE(store.ok());
    if (!store)
        return {};
    auto info = RunStore(**store).run(1);
    EXPECT_TRUE(info.ok());
    return info ? info->users : std::vector<std::string>{};
}

std::vector<Annotation> stored(const std::string& project) {
    auto store = ProjectStore::open(project);
    EXPECT_TRUE(store.ok());
    if (!store)
        return {};
    auto all = AnnotationStore(**store).all();
    EXPECT_TRUE(all.ok());
    return all ? *all : std::vector<Annotation>{};
}

std::int64_t printedId(const test::ProcessResult& r) {
    EXPECT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out, nullptr, false);
    EXPECT_TRUE(j.is_object() && j.contains("id")) << r.out;
    return j.is_object() && j.contains("id") ? j["id"].get<std::int64_t>() : 0;
}

// RFC 4180: records split by CRLF, quoted fields may hold commas, quotes ("") and line breaks.
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false, wasQuoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            EXPECT_TRUE(field.empty()) << "a quote inside an unquoted field";
            quoted = wasQuoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
            wasQuoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            wasQuoted = false;
            rows.emplace_back();
            ++i;
        } else {
            EXPECT_NE(c, '\n') << "a bare LF outside quotes";
            field += c;
        }
    }
    EXPECT_FALSE(quoted) << "unterminated quoted field";
    if (!field.empty() || wasQuoted || !rows.back().empty())
        rows.back().push_back(field);
    if (rows.back().empty())
        rows.pop_back();
    return rows;
}

// The export's view of an annotation, to compare files with the store.
json expectedRow(const Annotation& a) {
    return {{"id", a.id},
            {"run", a.runId},
            {"user", a.userId},
            {"system", std::string(systemName(a.system))},
            {"target", std::string(annotationTargetName(a.target))},
            {"stage", annotationItemName(annotationItem(a))},
            {"label", a.label},
            {"severity", std::string(annotationSeverityName(a.severity))},
            {"note", a.note},
            {"annotator", a.annotator},
            {"time", a.createdAt},
            {"span_field", a.spanField},
            {"span_start", a.spanStart},
            {"span_end", a.spanEnd},
            {"span_text", a.spanText},
            {"template", a.templateId},
            {"template_version", a.templateVersion}};
}

TEST(AnnotateCli, AddsAnnotationsOnARunAStageAndAVerdict) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    const auto users = makeProject(project);
    ASSERT_EQ(users.size(), 3u);
    const auto runId =
        printedId(runCli({"annotate", "--project", project, "--run", "1", "--user", users[0],
                          "--label", "retrieval-unused", "--annotator", "ana"}));
    const auto stageId = printedId(runCli(
        {"annotate", "--project", project, "--run", "1", "--user", users[0], "--stage",
         "candidates", "--candidate", "2", "--label", "inconsistent-candidates", "--severity",
         "critical", "--note", "picks, \"quotes\"\nand a line", "--annotator", "bo"}));
    const auto verdictId =
        printedId(runCli({"annotate", "--project", project, "--run", "1", "--user", users[1],
                          "--verdict", "1", "--label", "ignored-evidence", "--annotator", "ana"}));
    const auto baselineId = printedId(runCli(
        {"annotate", "--project", project, "--run", "1", "--user", users[1], "--system", "lamp-rag",
         "--stage", "generate", "--label", "format-misalignment", "--annotator", "bo"}));
    EXPECT_GT(stageId, runId);
    const auto all = stored(project);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].id, runId);
    EXPECT_EQ(all[0].target, AnnotationTarget::Run);
    EXPECT_EQ(all[0].severity, AnnotationSeverity::Minor);
    EXPECT_EQ(all[1].id, stageId);
    EXPECT_EQ(all[1].stage, StageId::Candidates);
    EXPECT_EQ(all[1].candidate, 2);
    EXPECT_EQ(all[1].severity, AnnotationSeverity::Critical);
    EXPECT_EQ(all[1].note, "picks, \"quotes\"\nand a line");
    EXPECT_EQ(all[1].annotator, "bo");
    EXPECT_EQ(all[2].id, verdictId);
    EXPECT_EQ(all[2].target, AnnotationTarget::Verdict);
    EXPECT_EQ(all[2].candidate, 1);
    EXPECT_EQ(all[3].id, baselineId);
    EXPECT_EQ(all[3].system, SystemId::LampRag);
    EXPECT_FALSE(all[0].templateId.empty());
}

TEST(AnnotateCli, EveryBadInputExitsTwoNamesItAndWritesNothing) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    const auto users = makeProject(project);
    ASSERT_EQ(users.size(), 3u);
    const std::vector<std::string> base = {"annotate", "--project", project, "--run", "1"};
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"--run", "99", "--user", users[0], "--label", "truncated", "--annotator", "a"},
         "no run 99"},
        {{"--user", "no-such-user", "--label", "truncated", "--annotator", "a"},
         "no user \"no-such-user\""},
        {{"--user", users[0], "--stage", "thinking", "--label", "truncated", "--annotator", "a"},
         "unknown stage \"thinking\""},
        {{"--user", users[0], "--stage", "candidates", "--candidate", "7", "--label", "truncated",
          "--annotator", "a"},
         "no stage candidates#7"},
        {{"--user", users[0], "--system", "lamp-rag", "--stage", "task_analysis", "--label",
          "truncated", "--annotator", "a"},
         "no stage task_analysis"},
        {{"--user", users[0], "--system", "lrm-rag", "--label", "truncated", "--annotator", "a"},
         "run 1 has no system lrm-rag"},
        {{"--user", users[0], "--verdict", "9", "--label", "truncated", "--annotator", "a"},
         "no verdict for candidate 9"},
        {{"--user", users[0], "--label", "sloppy", "--annotator", "a"}, "unknown label \"sloppy\""},
        {{"--user", users[0], "--system", "gpt", "--label", "truncated", "--annotator", "a"},
         "unknown system \"gpt\""},
        {{"--user", users[0], "--label", "truncated", "--severity", "fatal", "--annotator", "a"},
         "unknown severity \"fatal\""},
        {{"--user", users[0], "--candidate", "1", "--label", "truncated", "--annotator", "a"},
         "--candidate goes with --stage"},
        {{"--user", users[0], "--stage", "answer", "--verdict", "1", "--label", "truncated",
          "--annotator", "a"},
         "not both"},
        {{"--user", users[0], "--label", "truncated"}, "--annotator is required"},
        {{"--user", users[0], "--annotator", "a"}, "--label is required"},
        {{"--user", users[0], "--label", "truncated", "--annotator", " "}, "annotator"},
        {{"--user", users[0], "--label", "truncated", "--annotator", "a", "--colour", "red"},
         "unknown option --colour"},
        {{"--run", "one", "--user", users[0], "--label", "truncated", "--annotator", "a"},
         "--run takes a run id"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = base;
        args.insert(args.end(), c.args.begin(), c.args.end());
        const auto r = runCli(args);
        EXPECT_EQ(r.exitCode, 2) << c.message << "\n" << r.err;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << c.message << "\n" << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
        EXPECT_EQ(stored(project).size(), 0u) << c.message;
    }
    // A project that does not exist is not created.
    const std::string missing = dir.file("missing.r2p");
    auto r = runCli({"annotate", "--project", missing, "--run", "1", "--user", users[0], "--label",
                     "truncated", "--annotator", "a"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no project file"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(missing));
    r = runCli({"agreement", "--project", missing, "--run", "1"});
    EXPECT_EQ(r.exitCode, 2);
    r = runCli({"taxonomy", "--project", missing});
    EXPECT_EQ(r.exitCode, 2);
    r = runCli({"export", "--project", missing, "--format", "annotations-jsonl", "--out",
                dir.file("x.jsonl")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_FALSE(std::filesystem::exists(missing));
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.jsonl")));
}

TEST(AnnotateCli, ExportsReadBackEqualToTheStore) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    const auto users = makeProject(project);
    ASSERT_EQ(users.size(), 3u);
    // A second run, so --run really selects.
    ASSERT_EQ(runCli({"run", "--project", project, "--questions",
                      test::demoDir() + "/LaMP-2/dev_questions.json", "--systems", "r2p",
                      "--backend", "offline", "--users", "1", "--quiet"})
                  .exitCode,
              0);
    printedId(runCli({"annotate", "--project", project, "--run", "1", "--user", users[0], "--label",
                      "truncated", "--annotator", "ana", "--note",
                      "comma, quote \" CR\r LF\n ünïcødé 答案"}));
    printedId(runCli({"annotate", "--project", project, "--run", "1", "--user", users[1], "--stage",
                      "task_analysis", "--label", "other", "--severity", "major", "--annotator",
                      "bo, jr."}));
    printedId(runCli({"annotate", "--project", project, "--run", "1", "--user", users[2],
                      "--verdict", "0", "--label", "ignored-evidence", "--annotator", "ana"}));
    printedId(runCli({"annotate", "--project", project, "--run", "2", "--user", users[0], "--label",
                      "other", "--annotator", "cy"}));
    const auto all = stored(project);
    ASSERT_EQ(all.size(), 4u);

    const std::string jsonl = dir.file("a.jsonl");
    auto r = runCli({"export", "--project", project, "--run", "1", "--format", "annotations-jsonl",
                     "--out", jsonl});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::istringstream lines(test::readFile(jsonl));
    std::vector<json> rows;
    for (std::string line; std::getline(lines, line);)
        rows.push_back(json::parse(line));
    ASSERT_EQ(rows.size(), 3u);
    for (std::size_t i = 0; i < rows.size(); ++i)
        EXPECT_EQ(rows[i], expectedRow(all[i])) << i;
    EXPECT_EQ(rows[1]["stage"], "task_analysis");
    EXPECT_EQ(rows[2]["stage"], "verdict#0");
    EXPECT_EQ(rows[0]["stage"], "run");

    const std::string csv = dir.file("a.csv");
    r = runCli({"export", "--project", project, "--format", "annotations-csv", "--out", csv});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto table = parseCsv(test::readFile(csv));
    ASSERT_EQ(table.size(), 1u + all.size()); // every run without --run
    const auto& header = table[0];
    for (const char* column :
         {"run", "user", "stage", "label", "severity", "note", "annotator", "time", "system",
          "target", "span_text", "template", "template_version", "id"})
        EXPECT_NE(std::find(header.begin(), header.end(), column), header.end()) << column;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const json expected = expectedRow(all[i]);
        ASSERT_EQ(table[i + 1].size(), header.size()) << i;
        for (std::size_t c = 0; c < header.size(); ++c) {
            const auto& v = expected[header[c]];
            EXPECT_EQ(table[i + 1][c], v.is_string() ? v.get<std::string>() : v.dump())
                << i << " " << header[c];
        }
    }

    r = runCli({"export", "--project", project, "--run", "99", "--format", "annotations-csv",
                "--out", dir.file("none.csv")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no run 99"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("none.csv")));
}

TEST(AnnotateCli, AgreementAndTaxonomyAsJson) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    const auto users = makeProject(project);
    ASSERT_EQ(users.size(), 3u);
    auto annotate = [&](const std::string& who, const std::string& user, const std::string& label) {
        printedId(runCli({"annotate", "--project", project, "--run", "1", "--user", user, "--label",
                          label, "--annotator", who}));
    };
    annotate("ana", users[0], "truncated");
    annotate("bo", users[0], "truncated");
    annotate("ana", users[1], "other");
    annotate("bo", users[1], "retrieval-unused");
    auto r = runCli({"agreement", "--project", project, "--run", "1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    json j = json::parse(r.out);
    EXPECT_EQ(j["method"], "cohen");
    EXPECT_EQ(j["cohen"]["items"], 2);
    for (const auto& l : j["cohen"]["labels"]) {
        if (l["label"] == "truncated") {
            // yes/yes 1, no/no 1: p_o = 1, p_e = .5, kappa = 1
            EXPECT_DOUBLE_EQ(l["kappa"].get<double>(), 1.0);
        } else if (l["label"] == "other") {
            // yes/no 1, no/no 1: p_o = .5, p_e = .5*0 + .5*1 = .5, kappa = 0
            EXPECT_DOUBLE_EQ(l["kappa"].get<double>(), 0.0);
        } else if (l["label"] == "divergent-thinking") {
            EXPECT_TRUE(l["kappa"].is_null());
        }
    }
    EXPECT_EQ(r.out.find("nan"), std::string::npos);
    r = runCli({"agreement", "--project", project, "--run", "5"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no run 5"), std::string::npos) << r.err;

    // The taxonomy: shipped until replaced; a bad file is refused with its line; labels in use
    // must stay.
    r = runCli({"taxonomy", "--project", project});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    j = json::parse(r.out);
    EXPECT_EQ(j["id"], "r2p-failures");
    EXPECT_EQ(j["labels"].size(), 8u);
    const std::string bad = dir.write("bad.json", "{\n  \"labels\": [\n    {\"id\": \"x\",}\n]}");
    r = runCli({"taxonomy", "--project", project, "--set", bad});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("bad.json: line 3"), std::string::npos) << r.err;
    const std::string drops = dir.write(
        "drops.json", R"({"id": "mine", "labels": [{"id": "truncated", "name": "Cut"}]})");
    r = runCli({"taxonomy", "--project", project, "--set", drops});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("other"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("retrieval-unused"), std::string::npos) << r.err;
    const std::string keeps = dir.write("keeps.json", R"({"id": "mine", "version": 2, "labels": [
            {"id": "truncated", "name": "Cut", "shortcut": "1"},
            {"id": "other", "name": "Other"},
            {"id": "retrieval-unused", "name": "History unused"}]})");
    r = runCli({"taxonomy", "--project", project, "--set", keeps});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["id"], "mine");
    r = runCli({"taxonomy", "--project", project});
    EXPECT_EQ(json::parse(r.out)["version"], 2);
    // The project's labels are what annotate accepts now.
    r = runCli({"annotate", "--project", project, "--run", "1", "--user", users[2], "--label",
                "hallucinated-preference", "--annotator", "ana"});
    EXPECT_EQ(r.exitCode, 2);
}

// A process adding annotations one commit at a time is killed mid-loop: every id it printed is
// in the file, and the file is intact.
TEST(AnnotateCli, AKilledAnnotatorLosesNothingItPrinted) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    const auto users = makeProject(project);
    ASSERT_EQ(users.size(), 3u);
    int out[2];
    ASSERT_EQ(::pipe(out), 0);
    const std::vector<std::string> args = {
        "annotate", "--project",   project,  "--run",    "1",         "--user",
        users[0],   "--stage",     "answer", "--label",  "truncated", "--note",
        "loop",     "--annotator", "looper", "--repeat", "1000000"};
    const int child = test::startCli(args, out[1]);
    ASSERT_GT(child, 0);
    ::close(out[1]);
    std::string printed;
    char buf[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    auto lines = [&] {
        return std::count(printed.begin(), printed.end(), '\n');
    };
    while (lines() < 200 && std::chrono::steady_clock::now() < deadline) {
        const ssize_t n = ::read(out[0], buf, sizeof buf);
        if (n <= 0)
            break;
        printed.append(buf, static_cast<std::size_t>(n));
    }
    ::kill(child, SIGKILL);
    // What it wrote before it died is still in the pipe.
    for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;)
        printed.append(buf, static_cast<std::size_t>(n));
    ::close(out[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the loop ended before it could be killed";
    ASSERT_GE(lines(), 200);

    auto store = ProjectStore::open(project);
    ASSERT_TRUE(store.ok()) << store.error().message;
    sql::Statement check((*store)->handle(), "PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
    AnnotationStore annotations(**store);
    auto all = annotations.ofRun(1);
    ASSERT_TRUE(all.ok());
    std::set<std::int64_t> ids;
    for (const auto& a : *all)
        ids.insert(a.id);
    std::istringstream in(printed);
    std::size_t checked = 0;
    for (std::string line; std::getline(in, line);) {
        if (in.eof() && !printed.empty() && printed.back() != '\n')
            break; // a line cut by the kill was never fully printed
        const auto id = json::parse(line)["id"].get<std::int64_t>();
        EXPECT_TRUE(ids.count(id)) << "printed id " << id << " is not in the file";
        ++checked;
    }
    EXPECT_GE(checked, 200u);
    // At most the one being written when the kill came is stored without having been printed.
    EXPECT_LE(ids.size(), checked + 1);
    for (const auto& a : *all) {
        EXPECT_EQ(a.label, "truncated");
        EXPECT_EQ(a.note, "loop");
    }
}

} // namespace
