// Issue 13 at the model layer: the scanner's one UTF-8 check (also across chunk boundaries),
// the record and field caps, and how project files are opened (never created by a command that
// reads, read-only without a write, empty files and FIFOs refused).
#include "model/Dataset.h"
#include "model/ProjectStore.h"
#include "model/QuestionsScanner.h"
#include "model/Sqlite.h"
#include "support/TestSupport.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace r2p;
using r2p::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string record(const std::string& id, const std::string& text) {
    return R"({"id": ")" + id + R"(", "input": "x", "profile": [{"id": "p", "text": ")" + text +
           R"("}]})";
}

QuestionsScan scanInChunks(const std::string& json, std::size_t chunk) {
    QuestionsScanner scanner("mem.json");
    for (std::size_t at = 0; at < json.size(); at += chunk)
        if (!scanner.feed(json.data() + at, std::min(chunk, json.size() - at), at))
            break;
    scanner.finish(json.size());
    return std::move(scanner.result());
}

TEST(HostileScanner, ValidMultibyteTextSplitAcrossChunksIsNoFinding) {
    // "日本" and an emoji, cut at every byte position by chunks of 1..7 bytes.
    const std::string json =
        "[" + record("1", "\xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80 caf\xC3\xA9") + "]";
    for (std::size_t chunk = 1; chunk <= 7; ++chunk) {
        const auto scan = scanInChunks(json, chunk);
        EXPECT_EQ(scan.users.size(), 1u) << chunk;
        EXPECT_TRUE(scan.findings.empty()) << chunk;
    }
}

TEST(HostileScanner, EachKindOfInvalidSequenceSkipsTheRecordWithItsPosition) {
    struct Case {
        std::string bytes;
        std::size_t badAt; // 0-based index within `bytes` of the bad character's first byte
        const char* detail;
    };
    const std::vector<Case> cases = {
        {"ab\xFF", 2, "invalid UTF-8 in a string (byte 0xFF)"},
        {"\xC0\xAF", 0, "invalid UTF-8 in a string (byte 0xC0)"},         // overlong '/'
        {"\xED\xA0\x80", 0, "invalid UTF-8 in a string (byte 0xED)"},     // a surrogate
        {"\xF4\x90\x80\x80", 0, "invalid UTF-8 in a string (byte 0xF4)"}, // above U+10FFFF
        {"x\xE6\x97x", 1, "invalid UTF-8 in a string (byte 0xE6)"},       // cut short
        {"\xE6\x97", 0, "invalid UTF-8 in a string (byte 0xE6)"},         // ends at the quote
    };
    for (const auto& c : cases) {
        const std::string head = "[" + record("1", "ok") + ",\n" +
                                 R"({"id": "2", "input": "x", "profile": [{"id": "p", "text": ")";
        const std::string json = head + c.bytes + R"("}]}, )" + record("3", "ok") + "]";
        for (std::size_t chunk : {json.size(), std::size_t{3}}) {
            const auto scan = scanInChunks(json, chunk);
            ASSERT_EQ(scan.users.size(), 2u) << c.detail;
            ASSERT_EQ(scan.findings.size(), 1u) << c.detail;
            const Finding& f = scan.findings[0];
            EXPECT_EQ(f.code, FindingCode::RecordWrongShape);
            EXPECT_EQ(f.recordId, "2");
            EXPECT_EQ(f.detail, c.detail);
            EXPECT_EQ(f.line, 2u);
            const std::size_t lineStart = head.rfind('\n') + 1;
            EXPECT_EQ(f.column, head.size() - lineStart + c.badAt + 1) << c.detail;
        }
    }
}

TEST(HostileRecords, AFieldOverTheCapFailsTheRecordAsTooLarge) {
    const std::string big(kMaxFieldBytes + 1, 'a');
    auto r = parseUserRecord(R"({"id": "7", "input": ")" + big + R"(", "profile": []})", "f.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message,
              "f.json, record 7: the input is too large (1.0 MB; at most 1 MiB per field is run "
              "and stored)");
    r = parseUserRecord(R"({"id": "7", "input": "x", "profile": [{"id": "a", "text": "t"},)"
                        R"( {"id": "b", "text": ")" +
                            big + R"("}]})",
                        "f.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("profile item 2 has a field that is too large"),
              std::string::npos)
        << r.error().message;
    // At the cap exactly, it is read.
    EXPECT_TRUE(parseUserRecord(R"({"id": "7", "input": ")" + std::string(kMaxFieldBytes, 'a') +
                                    R"(", "profile": []})",
                                "f.json")
                    .ok());
}

TEST(HostileProjects, CommandsThatReadNeverCreateAProjectFile) {
    TempDir dir;
    const std::string path = dir.file("p.r2p");
    for (auto mode : {ProjectStore::OpenMode::Existing, ProjectStore::OpenMode::ReadOnly}) {
        auto s = ProjectStore::open(path, mode);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().message, "no project file " + path);
        EXPECT_FALSE(fs::exists(path));
    }
}

TEST(HostileProjects, AnEmptyFileIsNotAProject) {
    TempDir dir;
    const std::string path = dir.write("p.r2p", "");
    for (auto mode : {ProjectStore::OpenMode::CreateOrOpen, ProjectStore::OpenMode::Existing,
                      ProjectStore::OpenMode::ReadOnly}) {
        auto s = ProjectStore::open(path, mode);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().message, path + ": not an R2P project file (the file is empty)");
        EXPECT_EQ(fs::file_size(path), 0u);
    }
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(HostileProjects, AFifoIsRefusedWithoutWaitingForAWriter) {
    TempDir dir;
    const std::string path = dir.file("p.r2p");
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    // Before, the header check's fopen() blocked here until a writer came.
    auto s = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message, path + ": not an R2P project file (not a regular file)");
}

TEST(HostileProjects, AReadOnlyOpenRefusesWritesAndLeavesNoWalBehind) {
    TempDir dir;
    const std::string path = dir.file("p.r2p");
    {
        auto created = ProjectStore::open(path);
        ASSERT_TRUE(created.ok()) << created.error().message;
        EXPECT_FALSE((*created)->readOnly());
    }
    const std::string bytes = test::readFile(path);
    {
        auto s = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
        ASSERT_TRUE(s.ok()) << s.error().message;
        EXPECT_TRUE((*s)->readOnly());
        EXPECT_TRUE((*s)->datasets().ok());
        const auto w = sql::exec((*s)->handle(), "INSERT INTO project_meta(key, value) "
                                                 "VALUES ('x', 'y')");
        EXPECT_FALSE(w.ok()) << "a read-only project took a write";
    }
    EXPECT_EQ(test::readFile(path), bytes);
    EXPECT_FALSE(fs::exists(path + "-wal"));
    EXPECT_FALSE(fs::exists(path + "-shm"));
}

} // namespace
