// Issue 13, cases 3, 4, 5, 6, 7, 9 and 11: what the CLI does with hostile files and folders —
// a task mismatch, formulas in CSV cells, planted symlinks, FIFOs, read-only projects, files
// that must not be created, and messages that must say what is really wrong.
#include "HostileSupport.h"
#include "support/TestSupport.h"

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace r2p::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string demo(const std::string& task, const std::string& file) {
    return demoDir() + "/" + task + "/" + file;
}

// Three LaMP-4 users whose golds (and one id) start like spreadsheet formulas.
struct FormulaDataset {
    std::string questions, outputs;
};
FormulaDataset writeFormulaDataset(const TempDir& dir) {
    auto record = [](const std::string& id) {
        return R"({"id": ")" + id +
               R"(", "input": "Generate a headline for the following article: cats and dogs",)"
               R"( "profile": [{"id": "p)" +
               id + R"(", "title": "cats", "text": "cats and dogs"}]})";
    };
    FormulaDataset d;
    d.questions =
        dir.write("q.json", "[" + record("-7") + ", " + record("2") + ", " + record("3") + "]");
    d.outputs = dir.write(
        "o.json", R"J({"task": "LaMP_4", "golds": [{"id": "-7", "output": "=HYPERLINK(\"x\")"},)J"
                  R"J( {"id": "2", "output": "@SUM(A1)"}, {"id": "3", "output": "+1, plain"}]})J");
    return d;
}

std::string makeRun(const TempDir& dir, const FormulaDataset& d,
                    const std::string& systems = "no-profile") {
    const std::string project = dir.file("p.r2p");
    const auto r = runCli({"run", "--project", project, "--questions", d.questions, "--outputs",
                           d.outputs, "--systems", systems, "--backend", "offline", "--quiet"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return project;
}

// ---- case 3 -------------------------------------------------------------------------------

TEST(HostileFiles, RunRefusesLamp2QuestionsWithLamp4OutputsUnlessTaskSaysWhich) {
    TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto r =
        runCli({"run", "--project", project, "--questions", demo("LaMP-2", "dev_questions.json"),
                "--outputs", demo("LaMP-4", "dev_outputs.json"), "--systems", "no-profile",
                "--backend", "offline", "--users", "2", "--quiet"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(contains(r.err, "task mismatch: the outputs file says LaMP-4 but the inputs look "
                                "like LaMP-2; give --task"))
        << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    // The findings are printed as info prints them: every LaMP-4 gold is an orphan here.
    EXPECT_TRUE(contains(r.err, "warning: ")) << r.err;
    EXPECT_TRUE(contains(r.err, "output(s) without a question")) << r.err;

    // --task says which: the user chose, so it runs.
    r = runCli({"run", "--project", project, "--questions", demo("LaMP-2", "dev_questions.json"),
                "--outputs", demo("LaMP-4", "dev_outputs.json"), "--task", "LaMP-4", "--systems",
                "no-profile", "--backend", "offline", "--users", "2", "--quiet"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

TEST(HostileFiles, RunExitsTwoOnATruncatedQuestionsFileAsRetrieveDoes) {
    TempDir dir;
    std::string text = readFile(demo("LaMP-4", "dev_questions.json"));
    text.resize(text.size() * 2 / 3);
    const auto q = dir.write("q.json", text);
    const auto retrieve = runCli({"retrieve", "--task", "LaMP-4", "--questions", q});
    ASSERT_EQ(retrieve.exitCode, 2) << retrieve.err;
    const auto run = runCli({"run", "--project", dir.file("p.r2p"), "--questions", q, "--systems",
                             "no-profile", "--backend", "offline", "--quiet"});
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_TRUE(contains(run.err, "error: " + q + ":")) << run.err;
    EXPECT_TRUE(contains(run.err, "truncated?")) << run.err;
}

// ---- case 4 -------------------------------------------------------------------------------

TEST(HostileFiles, CsvExportsNeutraliseFormulasUnlessRawCsv) {
    TempDir dir;
    const auto project = makeRun(dir, writeFormulaDataset(dir));
    const std::string csv = dir.file("runs.csv");
    auto r =
        runCli({"export", "--project", project, "--run", "1", "--format", "csv", "--out", csv});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::string text = readFile(csv);
    EXPECT_TRUE(contains(text, "\n'-7,no-profile,")) << text;
    EXPECT_TRUE(contains(text, ",\"'=HYPERLINK(\"\"x\"\")\",")) << text;
    EXPECT_TRUE(contains(text, ",'@SUM(A1),")) << text;
    EXPECT_TRUE(contains(text, ",\"'+1, plain\",")) << text;
    EXPECT_FALSE(contains(text, ",=")) << text;

    r = runCli({"export", "--project", project, "--run", "1", "--format", "csv", "--out", csv,
                "--raw-csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    text = readFile(csv);
    EXPECT_TRUE(contains(text, "\n-7,no-profile,")) << text;
    EXPECT_TRUE(contains(text, ",\"=HYPERLINK(\"\"x\"\")\",")) << text;

    // Annotation notes, tab and carriage return included.
    for (const char* note : {"=1+1", "\tx", "\rx", "-2"}) {
        const auto a = runCli({"annotate", "--project", project, "--run", "1", "--user", "2",
                               "--system", "no-profile", "--label", "retrieval-unused", "--note",
                               note, "--annotator", "@ana"});
        ASSERT_EQ(a.exitCode, 0) << a.err;
    }
    const std::string notes = dir.file("notes.csv");
    r = runCli({"export", "--project", project, "--format", "annotations-csv", "--out", notes});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    text = readFile(notes);
    EXPECT_TRUE(contains(text, ",'=1+1,'@ana,")) << text;
    EXPECT_TRUE(contains(text, ",'\tx,")) << text;
    EXPECT_TRUE(contains(text, ",\"'\rx\",")) << text;
    EXPECT_TRUE(contains(text, ",'-2,")) << text;

    r = runCli({"export", "--project", project, "--format", "steps-jsonl", "--run", "1", "--out",
                dir.file("s.jsonl"), "--raw-csv"});
    EXPECT_EQ(r.exitCode, 2) << "--raw-csv is for CSV only";
}

// ---- case 5 -------------------------------------------------------------------------------

TEST(HostileFiles, ExportsNeverWriteThroughAPlantedSymlink) {
    TempDir dir;
    const auto project = makeRun(dir, writeFormulaDataset(dir));
    const std::string victim = dir.write("victim.txt", "precious\n");
    const std::string csv = dir.file("out.csv");
    fs::create_symlink(victim, csv + ".part");
    const auto r =
        runCli({"export", "--project", project, "--run", "1", "--format", "csv", "--out", csv});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(readFile(victim), "precious\n");
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(csv)));
    EXPECT_TRUE(contains(readFile(csv), "user,system,status"));

    // A symlink at the target itself is replaced, not written through.
    const std::string jsonl = dir.file("steps.jsonl");
    fs::create_symlink(victim, jsonl);
    ASSERT_EQ(runCli({"export", "--project", project, "--run", "1", "--format", "steps-jsonl",
                      "--out", jsonl})
                  .exitCode,
              0);
    EXPECT_EQ(readFile(victim), "precious\n");
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(jsonl)));
}

TEST(HostileFiles, AnExportOverTheFileSizeLimitFailsAndLeavesNoTemporary) {
    TempDir dir;
    // R2P's steps of three users: about 88 KB of JSON lines.
    const auto project = makeRun(dir, writeFormulaDataset(dir), "r2p");
    const fs::path outDir = dir.path() / "out";
    fs::create_directory(outDir);
    const std::string jsonl = (outDir / "steps.jsonl").string();
    ChildLimits limits;
    // Room for SQLite's 32 KiB -shm of the project, not for the export.
    limits.fileSizeLimitBytes = 48 << 10;
    const auto r = runCliLimited(
        {"export", "--project", project, "--run", "1", "--format", "steps-jsonl", "--out", jsonl},
        limits);
    ASSERT_FALSE(r.timedOut);
    EXPECT_EQ(r.exitCode, 1) << "killed by SIGXFSZ is 153: " << r.err;
    EXPECT_TRUE(contains(r.err, "cannot write " + jsonl + ": File too large")) << r.err;
    EXPECT_TRUE(listDir(outDir.string()).empty()) << listDir(outDir.string()).front();
}

// ---- case 6 -------------------------------------------------------------------------------

TEST(HostileFiles, FifosAreRefusedInsteadOfHanging) {
    TempDir dir;
    const std::string fifo = dir.file("q.fifo");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    ChildLimits limits;
    limits.timeoutMs = 10000; // a regression fails here instead of hanging the suite
    const std::string refusal = fifo + ": is a FIFO (named pipe), not a file";
    auto r = runCliLimited({"info", fifo}, limits);
    ASSERT_FALSE(r.timedOut) << "info hung on a FIFO";
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, refusal)) << r.err;

    r = runCliLimited({"retrieve", "--task", "LaMP-4", "--questions", fifo}, limits);
    ASSERT_FALSE(r.timedOut) << "retrieve hung on a FIFO";
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, refusal)) << r.err;

    r = runCliLimited({"run", "--project", dir.file("p.r2p"), "--questions", fifo, "--systems",
                       "no-profile", "--backend", "offline"},
                      limits);
    ASSERT_FALSE(r.timedOut) << "run hung on a FIFO";
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, refusal)) << r.err;

    const std::string q = dir.write("q.json", readFile(demo("LaMP-4", "dev_questions.json")));
    r = runCliLimited({"info", q, "--outputs", fifo}, limits);
    ASSERT_FALSE(r.timedOut) << "info --outputs hung on a FIFO";
    EXPECT_TRUE(
        contains(r.err, fifo + ": cannot read the file: is a FIFO (named pipe), not a file"))
        << r.err;
    EXPECT_FALSE(contains(r.err, "not a LaMP outputs file")) << r.err;

    r = runCliLimited({"taxonomy", "--project", dir.file("p.r2p"), "--set", fifo}, limits);
    ASSERT_FALSE(r.timedOut) << "taxonomy --set hung on a FIFO";
    EXPECT_EQ(r.exitCode, 2);
}

// ---- case 7 -------------------------------------------------------------------------------

TEST(HostileFiles, ReadOnlyCommandsNeverWriteTheProject) {
    TempDir dir;
    const auto project = makeRun(dir, writeFormulaDataset(dir));
    struct stat before {};
    ASSERT_EQ(::stat(project.c_str(), &before), 0);
    const std::string bytes = readFile(project);
    // No other connection is open, so SQLite removed the -wal and -shm when run closed.
    ASSERT_FALSE(fs::exists(project + "-wal"));
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"export", "--project", project, "--run", "1",
                                                "--format", "csv", "--out", dir.file("x.csv")},
                                               {"export", "--project", project, "--format",
                                                "annotations-jsonl", "--out", dir.file("a.jsonl")},
                                               {"agreement", "--project", project, "--run", "1"},
                                               {"taxonomy", "--project", project}}) {
        const auto r = runCli(args);
        EXPECT_EQ(r.exitCode, 0) << args[0] << ": " << r.err;
    }
    struct stat after {};
    ASSERT_EQ(::stat(project.c_str(), &after), 0);
    EXPECT_EQ(readFile(project), bytes);
    EXPECT_EQ(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
    EXPECT_EQ(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
    EXPECT_FALSE(fs::exists(project + "-wal"));
    EXPECT_FALSE(fs::exists(project + "-shm"));
}

TEST(HostileFiles, AReadOnlyProjectInAReadOnlyFolderCanBeExported) {
    TempDir dir;
    const fs::path folder = dir.path() / "locked";
    fs::create_directory(folder);
    const auto d = writeFormulaDataset(dir);
    const std::string project = (folder / "p.r2p").string();
    ASSERT_EQ(runCli({"run", "--project", project, "--questions", d.questions, "--outputs",
                      d.outputs, "--systems", "no-profile", "--backend", "offline", "--quiet"})
                  .exitCode,
              0);
    ::chmod(project.c_str(), 0444);
    ::chmod(folder.c_str(), 0555);
    // As root, permission bits stop nothing; the immutable attribute does. Without it (another
    // file system, no CAP_LINUX_IMMUTABLE) this test cannot make the folder read-only.
    if (!setImmutable(project, true) || !setImmutable(folder.string(), true)) {
        setImmutable(project, false);
        ::chmod(folder.c_str(), 0755);
        GTEST_SKIP() << "chattr +i is not available here";
    }
    struct Unlock {
        std::string project, folder;
        ~Unlock() {
            setImmutable(folder, false);
            setImmutable(project, false);
            ::chmod(folder.c_str(), 0755);
        }
    } unlock{project, folder.string()};
    const auto r = runCli({"export", "--project", project, "--run", "1", "--format", "csv", "--out",
                           dir.file("x.csv")});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(readFile(dir.file("x.csv")), "no-profile"));
    EXPECT_EQ(listDir(folder.string()), std::vector<std::string>{"p.r2p"});
    // A command that writes says why it cannot.
    const auto a =
        runCli({"annotate", "--project", project, "--run", "1", "--user", "2", "--system",
                "no-profile", "--label", "retrieval-unused", "--annotator", "ana"});
    EXPECT_NE(a.exitCode, 0);
    EXPECT_FALSE(a.err.empty());
}

// ---- case 9 -------------------------------------------------------------------------------

TEST(HostileFiles, CommandsThatFailOnMissingFilesCreateNothing) {
    TempDir dir;
    auto r = runCli({"run", "--project", dir.file("p.r2p"), "--resume", "1"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, "no project file " + dir.file("p.r2p"))) << r.err;
    EXPECT_TRUE(listDir(dir.path().string()).empty()) << listDir(dir.path().string()).front();

    r = runCli({"run", "--project", dir.file("p.r2p"), "--questions", dir.file("missing.json"),
                "--systems", "no-profile", "--backend", "offline"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, dir.file("missing.json") + ": cannot open")) << r.err;
    EXPECT_TRUE(listDir(dir.path().string()).empty()) << listDir(dir.path().string()).front();

    const std::string empty = dir.write("empty.r2p", "");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"export", "--project", empty, "--run", "1", "--format", "csv", "--out",
              dir.file("x.csv")},
             {"export", "--project", empty, "--format", "annotations-csv", "--out",
              dir.file("x.csv")},
             {"run", "--project", empty, "--resume", "1"},
             {"run", "--project", empty, "--questions", demo("LaMP-4", "dev_questions.json"),
              "--systems", "no-profile", "--backend", "offline"},
             {"agreement", "--project", empty, "--run", "1"}}) {
        r = runCli(args);
        EXPECT_EQ(r.exitCode, 2) << args[0] << ": " << r.err;
        EXPECT_TRUE(contains(r.err, empty + ": not an R2P project file (the file is empty)"))
            << r.err;
        EXPECT_EQ(fs::file_size(empty), 0u);
        EXPECT_EQ(listDir(dir.path().string()), std::vector<std::string>{"empty.r2p"});
    }
}

// ---- case 11 ------------------------------------------------------------------------------

TEST(HostileFiles, MessagesSayWhatIsReallyWrong) {
    TempDir dir;
    const std::string q = dir.write("q.json", readFile(demo("LaMP-4", "dev_questions.json")));
    // An outputs file that cannot be read is not "not a LaMP outputs file".
    auto r = runCli({"info", q, "--outputs", dir.file("missing.json")});
    EXPECT_TRUE(contains(r.err, dir.file("missing.json") +
                                    ": cannot read the file: cannot open: No such file"))
        << r.err;
    EXPECT_FALSE(contains(r.err, "not a LaMP outputs file")) << r.err;
    r = runCli({"info", q, "--outputs", dir.path().string()});
    EXPECT_TRUE(contains(r.err, "is a directory, not a file")) << r.err;
    EXPECT_FALSE(contains(r.err, "not a LaMP outputs file")) << r.err;

    // An empty predictions file is empty, not "truncated?".
    const std::string empty = dir.write("preds.json", "");
    r = runCli({"eval", "--golds", demo("LaMP-4", "dev_outputs.json"), "--preds", empty});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, empty + ": the file is empty")) << r.err;
    EXPECT_FALSE(contains(r.err, "truncated?")) << r.err;

    // taxonomy --set DIR: a directory, not "malformed JSON".
    const auto project = makeRun(dir, writeFormulaDataset(dir));
    r = runCli({"taxonomy", "--project", project, "--set", dir.path().string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, dir.path().string() + ": is a directory, not a taxonomy file"))
        << r.err;
    EXPECT_FALSE(contains(r.err, "malformed JSON")) << r.err;
}

} // namespace
