// Issue 13, cases 1 and 10: text that is not UTF-8 (ids, paths, arguments) never aborts a
// command, and the scanner's one UTF-8 check is reported alike by info, retrieve and run, with
// the file, line:column and record id.
#include "HostileSupport.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p::test;
using nlohmann::json;

namespace {

constexpr int kAbort = 128 + 6; // SIGABRT: what the uncaught type_error 316 ended in

// A LaMP-4 record; `id` is put in verbatim, bytes and all.
std::string record(const std::string& id, const std::string& title = "t") {
    return R"({"id": ")" + id +
           R"(", "input": "Generate a headline for the following article: cats and dogs",)"
           R"( "profile": [{"id": ")" +
           id + R"(_1", "title": ")" + title + R"(", "text": "cats and dogs"}]})";
}

const std::string kBad = "q\xff";              // 0xFF never occurs in UTF-8
const std::string kBadShown = "q\xEF\xBF\xBD"; // as shown: U+FFFD

TEST(HostileUtf8, InfoOnAnInvalidDuplicateIdReportsInsteadOfAborting) {
    TempDir dir;
    const auto q =
        dir.write("q.json", "[" + record("1") + ",\n" + record(kBad) + ",\n" + record(kBad) + "]");
    const auto r = runCli({"info", q});
    ASSERT_NE(r.exitCode, kAbort) << r.err;
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["users"], 1);
    // Both copies are reported where they are; neither is indexed.
    int found = 0;
    for (const auto& f : j["findings"]) {
        if (f["code"] != "record-wrong-shape")
            continue;
        ++found;
        EXPECT_EQ(f["record_id"], kBadShown);
        EXPECT_EQ(f["line"], found == 1 ? 2 : 3);
        EXPECT_EQ(f["column"], 10); // the 0xFF byte: `{"id": "q` is 9 bytes
    }
    EXPECT_EQ(found, 2) << r.out;
    EXPECT_NE(r.err.find("q.json:2:10: record " + kBadShown + " skipped: invalid UTF-8"),
              std::string::npos)
        << r.err;
}

TEST(HostileUtf8, InfoOnAWrongShapeRecordWithAnInvalidIdDoesNotAbort) {
    TempDir dir;
    const auto q = dir.write("q.json", "[" + record("1") + R"(, {"id": ")" + kBad +
                                           R"(", "input": 3, "profile": []}])");
    const auto r = runCli({"info", q});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["users"], 1);
    ASSERT_FALSE(j["findings"].empty());
    EXPECT_EQ(j["findings"][0]["record_id"], kBadShown);
}

TEST(HostileUtf8, InfoOnAQuestionsPathWithANonUtf8ByteDoesNotAbort) {
    TempDir dir;
    const auto q = dir.write("q\xfe.json", "[" + record("1") + "]");
    const auto r = runCli({"info", q});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_NE(j["questions"].get<std::string>().find("q\xEF\xBF\xBD.json"), std::string::npos);
}

TEST(HostileUtf8, RunWithAnInvalidDuplicateIdDoesNotAbort) {
    TempDir dir;
    const auto q = dir.write("q.json", "[" + record("1") + ",\n" + record(kBad) + ",\n" +
                                           record(kBad) + ",\n" + record("2") + "]");
    const auto r = runCli({"run", "--project", dir.file("p.r2p"), "--questions", q, "--task",
                           "LaMP-4", "--systems", "no-profile", "--backend", "offline", "--quiet"});
    ASSERT_NE(r.exitCode, kAbort) << r.err;
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // The findings are printed as info prints them (case 3); the two good users ran.
    EXPECT_NE(r.err.find("q.json:2:10: record " + kBadShown + " skipped: invalid UTF-8"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(json::parse(r.out)["users"]["total"], 2);
}

TEST(HostileUtf8, RunRefusesAModelNameThatIsNotUtf8) {
    TempDir dir;
    const auto q = dir.write("q.json", "[" + record("1") + "]");
    const std::string project = dir.file("p.r2p");
    const auto r =
        runCli({"run", "--project", project, "--questions", q, "--task", "LaMP-4", "--systems",
                "no-profile", "--backend", "offline", "--model", "m\xc3(x", "--quiet"});
    ASSERT_NE(r.exitCode, kAbort) << r.err;
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("--model must be UTF-8 text"), std::string::npos) << r.err;
    EXPECT_TRUE(listDir(dir.path().string()) == std::vector<std::string>{"q.json"})
        << "a refused run creates no project";
}

TEST(HostileUtf8, InfoRetrieveAndRunReportTheSameFinding) {
    TempDir dir;
    // The bad byte is in a profile item's title, not in the id.
    const auto q = dir.write("q.json", "[" + record("1") + ",\n  " + record("2", "caf\xe9") +
                                           ",\n" + record("3") + "]");
    const std::string expected = "q.json:2:";
    const auto info = runCli({"info", q});
    ASSERT_EQ(info.exitCode, 0) << info.err;
    const json j = json::parse(info.out);
    ASSERT_EQ(j["findings"].size(), 1u) << info.out;
    const auto& f = j["findings"][0];
    EXPECT_EQ(f["code"], "record-wrong-shape");
    EXPECT_EQ(f["record_id"], "2");
    EXPECT_EQ(f["line"], 2);
    // `  {"id": "2", "input": "…", "profile": [{"id": "2_1", "title": "caf` then 0xE9.
    const std::string line2 = "  " + record("2", "caf");
    const std::size_t column = line2.find("caf") + 4;
    EXPECT_EQ(f["column"], column);
    // 0xE9 (é in Latin-1) starts a three-byte sequence that the closing quote cuts off.
    const std::string message = "q.json:2:" + std::to_string(column) +
                                ": record 2 skipped: invalid UTF-8 in a string (byte 0xE9)";
    EXPECT_NE(info.err.find(message), std::string::npos) << info.err;

    const auto retrieve = runCli({"retrieve", "--task", "LaMP-4", "--questions", q});
    EXPECT_NE(retrieve.err.find(message), std::string::npos) << retrieve.err;
    EXPECT_EQ(json::parse(retrieve.out).size(), 2u);

    const auto run = runCli({"run", "--project", dir.file("p.r2p"), "--questions", q, "--systems",
                             "no-profile", "--backend", "offline", "--quiet"});
    EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
    EXPECT_EQ(json::parse(run.out)["users"]["total"], 2);
}

} // namespace
