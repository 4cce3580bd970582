// r2p tagset end to end: the shipped set without a project, a project's copy, a bad file refused
// with file, line, column and rule and nothing written, and a changed set under an old version.
#include "model/ProjectStore.h"
#include "model/Sqlite.h"
#include "support/TestSupport.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

const std::string kMine = R"({
  "id": "mine",
  "version": 1,
  "name": "Mine",
  "answer_tag": "answer",
  "weights": {"well-formed": 1, "required": 1, "transition": 1, "occurrences": 1,
              "length": 1, "answer-format": 1, "citations": 1, "repetition": 1},
  "tags": [
    {"id": "think", "name": "Think", "colour": "#112233", "next": ["answer"]},
    {"id": "answer", "name": "Answer", "colour": "#445566", "required": true}
  ]
}
)";

// The project_meta rows whose key starts with "tagset", as key=value lines.
std::string tagsetRows(const std::string& project) {
    auto store = ProjectStore::open(project);
    EXPECT_TRUE(store.ok());
    if (!store)
        return {};
    sql::Statement st((*store)->handle(),
                      "SELECT key, length(value) FROM project_meta WHERE key LIKE 'tagset%' "
                      "ORDER BY key");
    std::string out;
    while (st.step())
        out += st.text(0) + "=" + std::to_string(st.int64(1)) + "\n";
    return out;
}

} // namespace

TEST(TagsetCli, PrintsSetsAndRefusesBadFilesWithoutWriting) {
    test::TempDir dir;
    // Without a project: the shipped set.
    auto r = runCli({"tagset"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    json j = json::parse(r.out);
    EXPECT_EQ(j["id"], "tagpr-personalization");
    EXPECT_EQ(j["tags"].size(), 7u);
    EXPECT_EQ(j["answer_tag"], "answer");

    // Usage errors, and never a project created.
    const std::string project = dir.file("p.r2p");
    r = runCli({"tagset", "--project", project});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_FALSE(std::filesystem::exists(project));
    r = runCli({"tagset", "--set", dir.write("mine.json", kMine)});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--set needs --project"), std::string::npos) << r.err;
    r = runCli({"tagset", "--bogus"});
    EXPECT_EQ(r.exitCode, 2);

    ASSERT_TRUE(ProjectStore::open(project).ok());
    r = runCli({"tagset", "--project", project});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["id"], "tagpr-personalization");
    // The printed shipped set is a valid file, and setting it unchanged is allowed.
    const std::string shipped = dir.write("shipped.json", r.out);
    r = runCli({"tagset", "--project", project, "--set", shipped});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, test::readFile(shipped));
    EXPECT_NE(tagsetRows(project).find("tagset:tagpr-personalization:v1="), std::string::npos);

    // A bad file: exit 2, file, line, column and rule; nothing stored.
    std::string bad = kMine;
    bad.replace(bad.find("\"#445566\""), 9, "\"purple\"");
    const std::string before = tagsetRows(project);
    r = runCli({"tagset", "--project", project, "--set", dir.write("bad.json", bad)});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("bad.json: line 10, column 50: colour: "), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(tagsetRows(project), before);
    r = runCli({"tagset", "--project", project, "--set", dir.file("missing.json")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("cannot read"), std::string::npos) << r.err;

    // A good one is stored (current and under its version) and printed.
    const std::string mine = dir.write("mine.json", kMine);
    r = runCli({"tagset", "--project", project, "--set", mine});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["id"], "mine");
    r = runCli({"tagset", "--project", project});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    j = json::parse(r.out);
    EXPECT_EQ(j["id"], "mine");
    EXPECT_EQ(j["tags"][0]["next"], json::array({"answer"}));
    const std::string rows = tagsetRows(project);
    EXPECT_NE(rows.find("tagset="), std::string::npos) << rows;
    EXPECT_NE(rows.find("tagset:mine:v1="), std::string::npos) << rows;

    // Other content under the same id and version: refused, nothing changed.
    std::string changed = kMine;
    changed.replace(changed.find("\"Think\""), 7, "\"Ponder\"");
    r = runCli({"tagset", "--project", project, "--set", dir.write("changed.json", changed)});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("raise its version"), std::string::npos) << r.err;
    EXPECT_EQ(tagsetRows(project), rows);
    // So is a changed copy of the shipped set under the shipped id and version.
    std::string shippedChanged = test::readFile(shipped);
    shippedChanged.replace(shippedChanged.find("\"Query analysis\""), 16, "\"Query\"");
    r = runCli(
        {"tagset", "--project", project, "--set", dir.write("shipped2.json", shippedChanged)});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("raise its version"), std::string::npos) << r.err;
    EXPECT_EQ(tagsetRows(project), rows);
    // With a new version it is taken, and version 1 stays.
    changed.replace(changed.find("\"version\": 1"), 12, "\"version\": 2");
    r = runCli({"tagset", "--project", project, "--set", dir.write("changed.json", changed)});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["tags"][0]["name"], "Ponder");
    EXPECT_NE(tagsetRows(project).find("tagset:mine:v1="), std::string::npos);
    EXPECT_NE(tagsetRows(project).find("tagset:mine:v2="), std::string::npos);
}
