// The questions-file scanner: record ranges, ids, profile sizes, and every kind of bad input.
#include "model/Dataset.h"
#include "model/QuestionsScanner.h"
#include "support/TestSupport.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>

using namespace r2p;
using r2p::test::TempDir;

namespace {

const char* kReviewInput = "What is the score of the following review on a scale of 1 to 5? just "
                           "answer with 1, 2, 3, 4, or 5 without further explanation. review: ";

std::string lamp3Record(const std::string& id, int items) {
    nlohmann::json r;
    r["id"] = id;
    r["input"] = std::string(kReviewInput) + "works well " + id;
    r["profile"] = nlohmann::json::array();
    for (int i = 0; i < items; ++i)
        r["profile"].push_back({{"text", "item \"" + std::to_string(i) + "\" [x] {y}"},
                                {"score", std::to_string(1 + i % 5)},
                                {"id", id + "-" + std::to_string(i)}});
    return r.dump();
}

QuestionsScan scanString(const std::string& json, std::size_t chunk = 0) {
    QuestionsScanner scanner("mem.json");
    if (chunk == 0) {
        scanner.feed(json.data(), json.size(), 0);
    } else {
        for (std::size_t at = 0; at < json.size(); at += chunk)
            if (!scanner.feed(json.data() + at, std::min(chunk, json.size() - at), at))
                break;
    }
    scanner.finish(json.size());
    return std::move(scanner.result());
}

const Finding* findCode(const std::vector<Finding>& findings, FindingCode code) {
    for (const auto& f : findings)
        if (f.code == code)
            return &f;
    return nullptr;
}

} // namespace

TEST(Scanner, IndexesRecordsWithRangesIdsAndProfileSizes) {
    const std::string json = "[" + lamp3Record("7", 3) + ",\n " + lamp3Record("8", 0) + "]";
    const auto scan = scanString(json);
    ASSERT_EQ(scan.users.size(), 2u);
    EXPECT_TRUE(scan.findings.empty());
    EXPECT_EQ(scan.users[0].id, "7");
    EXPECT_EQ(scan.users[0].profileSize, 3u);
    EXPECT_EQ(scan.users[1].id, "8");
    EXPECT_EQ(scan.users[1].profileSize, 0u);
    for (const auto& u : scan.users) {
        const std::string bytes = json.substr(u.offset, u.length);
        auto parsed = parseUserRecord(bytes, "mem.json");
        ASSERT_TRUE(parsed.ok()) << parsed.error().message;
        EXPECT_EQ(parsed->id, u.id);
        EXPECT_EQ(parsed->profile.size(), u.profileSize);
    }
}

TEST(Scanner, ByteAtATimeGivesTheSameIndexAsOneChunk) {
    std::string json = "[";
    for (int i = 0; i < 20; ++i)
        json += (i ? ", " : "") + lamp3Record("u" + std::to_string(i), i % 7);
    json += "]";
    const auto whole = scanString(json);
    for (std::size_t chunk : {1u, 2u, 3u, 7u, 31u, 64u}) {
        const auto parts = scanString(json, chunk);
        ASSERT_EQ(parts.users.size(), whole.users.size()) << "chunk " << chunk;
        for (std::size_t i = 0; i < whole.users.size(); ++i) {
            EXPECT_EQ(parts.users[i].id, whole.users[i].id);
            EXPECT_EQ(parts.users[i].offset, whole.users[i].offset);
            EXPECT_EQ(parts.users[i].length, whole.users[i].length);
            EXPECT_EQ(parts.users[i].profileSize, whole.users[i].profileSize);
        }
    }
}

// Found by the questions fuzz target: a byte-order mark split over chunks was scanned as text
// (a syntax error at byte 0) where one chunk skipped it.
TEST(Scanner, ByteOrderMarkSplitOverChunksIsSkipped) {
    const std::string json = "\xEF\xBB\xBF[" + lamp3Record("7", 1) + "]";
    for (std::size_t chunk : {0u, 1u, 2u}) {
        const auto scan = scanString(json, chunk);
        EXPECT_TRUE(scan.findings.empty())
            << "chunk " << chunk << ": " << scan.findings[0].message();
        ASSERT_EQ(scan.users.size(), 1u) << "chunk " << chunk;
        EXPECT_EQ(scan.users[0].offset, 4u);
    }
    // Two bytes of a BOM and then something else is not a BOM: the same error in any chunking.
    const std::string notBom = "\xEF\xBB[]";
    const auto whole = scanString(notBom);
    ASSERT_EQ(whole.findings.size(), 1u);
    for (std::size_t chunk : {1u, 2u}) {
        const auto parts = scanString(notBom, chunk);
        ASSERT_EQ(parts.findings.size(), 1u) << "chunk " << chunk;
        EXPECT_EQ(parts.findings[0].message(), whole.findings[0].message());
    }
    // A file that is only the start of a BOM.
    const std::string cut = "\xEF\xBB";
    EXPECT_EQ(scanString(cut, 1).findings.size(), scanString(cut).findings.size());
    ASSERT_FALSE(scanString(cut, 1).findings.empty());
    EXPECT_EQ(scanString(cut, 1).findings[0].message(), scanString(cut).findings[0].message());
}

TEST(Scanner, EscapedIdsAreDecoded) {
    const std::string json = R"([{"id": "u\u00e9\ud83d\ude00\"\\/", "input": "x", "profile": []}])";
    const auto scan = scanString(json, 1);
    ASSERT_EQ(scan.users.size(), 1u);
    EXPECT_EQ(scan.users[0].id, "u\xC3\xA9\xF0\x9F\x98\x80\"\\/");
}

TEST(Scanner, NumericIdsUserIdsAndUnknownKeysAreAccepted) {
    const std::string json =
        R"([{"extra": {"nested": [1, 2, {"id": "no"}]}, "id": 42, "user_id": "u1", "input": "x",)"
        R"( "profile": [{"id": 1, "date": 2019, "t": null, "f": false, "n": -1.5e+3}]}])";
    const auto scan = scanString(json);
    ASSERT_EQ(scan.users.size(), 1u);
    EXPECT_TRUE(scan.findings.empty());
    EXPECT_EQ(scan.users[0].id, "42");
    EXPECT_EQ(scan.users[0].userId, "u1");
    EXPECT_TRUE(scan.anyUserId);
    EXPECT_EQ(scan.users[0].profileSize, 1u);
    auto rec = parseUserRecord(json.substr(scan.users[0].offset, scan.users[0].length), "m");
    ASSERT_TRUE(rec.ok()) << rec.error().message;
    EXPECT_EQ(rec->profile[0].id, "1");
    EXPECT_EQ(rec->profile[0].field("date"), "2019");
    EXPECT_EQ(rec->profile[0].field("n"), "-1500");
    EXPECT_EQ(rec->profile[0].field("f"), "false");
}

TEST(Scanner, MalformedJsonNamesLineAndColumnAndKeepsEarlierRecords) {
    const std::string json = "[\n" + lamp3Record("1", 2) + ",\n" + lamp3Record("2", 1) +
                             ",\n  {\"id\": \"3\" \"input\": \"x\", \"profile\": []}\n]";
    const auto scan = scanString(json);
    ASSERT_EQ(scan.users.size(), 2u);
    const Finding* f = findCode(scan.findings, FindingCode::JsonSyntax);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->line, 4u);
    EXPECT_EQ(f->column, 14u); // the '"' of "input" where ',' or '}' was expected
    EXPECT_EQ(f->count, 2u);
    EXPECT_EQ(f->severity, Severity::Error);
    EXPECT_NE(f->message().find("mem.json:4:14"), std::string::npos);
}

TEST(Scanner, TruncatedFileKeepsCompleteRecords) {
    const std::string full = "[" + lamp3Record("1", 2) + "," + lamp3Record("2", 5) + "]";
    for (std::size_t cut : {full.size() - 1, full.size() - 20, full.size() / 2 + 10}) {
        const auto scan = scanString(full.substr(0, cut));
        const Finding* f = findCode(scan.findings, FindingCode::JsonTruncated);
        ASSERT_NE(f, nullptr) << "cut at " << cut;
        EXPECT_EQ(f->count, scan.users.size());
        EXPECT_EQ(f->offset, cut);
        ASSERT_GE(scan.users.size(), 1u);
        EXPECT_EQ(scan.users[0].id, "1");
    }
}

TEST(Scanner, EmptyAndNonArrayFiles) {
    auto empty = scanString("");
    ASSERT_NE(findCode(empty.findings, FindingCode::JsonTruncated), nullptr);
    EXPECT_EQ(findCode(empty.findings, FindingCode::JsonTruncated)->detail, "the file is empty");
    EXPECT_NE(findCode(scanString("  \n ").findings, FindingCode::JsonTruncated), nullptr);
    auto object = scanString(R"({"task": "LaMP_3", "golds": []})");
    EXPECT_NE(findCode(object.findings, FindingCode::TopLevelNotArray), nullptr);
    EXPECT_TRUE(scanString("[]").findings.empty());
    EXPECT_TRUE(scanString("\xEF\xBB\xBF[ ]").findings.empty()); // a BOM is tolerated
    EXPECT_NE(findCode(scanString("[] x").findings, FindingCode::JsonSyntax), nullptr);
}

TEST(Scanner, WrongShapeRecordsAreReportedByIdAndSkipped) {
    struct Case {
        std::string record;
        std::string id;
        std::string detail;
    };
    const std::vector<Case> cases = {
        {R"({"id": "a", "input": "x", "profile": "oops"})", "a", "\"profile\" is not an array"},
        {R"({"id": "b", "input": 5, "profile": []})", "b", "\"input\" is not a string"},
        {R"({"id": "c", "profile": []})", "c", "it has no \"input\""},
        {R"({"input": "x", "profile": []})", "#7", "it has no \"id\""},
        {R"({"id": "e", "input": "x"})", "e", "it has no \"profile\""},
        {R"({"id": "f", "input": "x", "profile": [{"id": "1"}, "s"]})", "f",
         "profile item 2 is not an object"},
        {R"({"id": "g", "input": "x", "profile": [{"text": "no id"}]})", "g",
         "profile item 1 has no \"id\""},
        {R"(["not", "an", "object"])", "#11", "the record is not a JSON object"},
        {R"("just a string")", "#12", "the record is not a JSON object"},
        {R"({"id": {"x": 1}, "input": "x", "profile": []})", "#13", "\"id\" is not a string"},
    };
    std::string json = "[" + lamp3Record("ok1", 1) + "," + lamp3Record("ok2", 1) + ",";
    json += lamp3Record("ok3", 0);
    for (const auto& c : cases)
        json += "," + c.record;
    json += "," + lamp3Record("ok4", 2) + "]";
    // Records without an id are named by position (1-based); three good ones come first.
    const auto scan = scanString(json);
    ASSERT_EQ(scan.users.size(), 4u);
    EXPECT_EQ(scan.users[3].id, "ok4");
    std::vector<const Finding*> shapes;
    for (const auto& f : scan.findings)
        if (f.code == FindingCode::RecordWrongShape)
            shapes.push_back(&f);
    ASSERT_EQ(shapes.size(), cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        EXPECT_EQ(shapes[i]->recordId, cases[i].id) << i;
        EXPECT_EQ(shapes[i]->detail, cases[i].detail) << i;
    }
}

TEST(Scanner, DuplicateIdsAreListedAndLaterCopiesSkipped) {
    const std::string json = "[" + lamp3Record("1", 1) + "," + lamp3Record("1", 4) + "," +
                             lamp3Record("2", 1) + "," + lamp3Record("2", 1) + "]";
    const auto scan = scanString(json);
    ASSERT_EQ(scan.users.size(), 2u);
    EXPECT_EQ(scan.users[0].profileSize, 1u);
    const Finding* f = findCode(scan.findings, FindingCode::DuplicateId);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->count, 2u);
    EXPECT_EQ(f->ids, (std::vector<std::string>{"1", "2"}));
}

// The scanner must call a document valid exactly when a strict JSON parser does.
TEST(Scanner, AcceptsExactlyWhatAStrictParserAccepts) {
    const std::string base =
        "[" + lamp3Record("1", 2) +
        R"(, {"id": "2", "input": "a\"b\\c\/d\u00e9\n", "profile": [{"id": "x", "v": [true, false, null, 0, -0.5, 1e10, 2E-3]}]}])";
    std::mt19937 rng(12345);
    const std::string alphabet = "[]{}\",:\\ 0123456789.-+eEtrufalsn\x01";
    int checked = 0;
    for (int iteration = 0; iteration < 4000; ++iteration) {
        std::string doc = base;
        const int edits = 1 + static_cast<int>(rng() % 3);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = rng() % doc.size();
            switch (rng() % 3) {
            case 0:
                doc.erase(at, 1);
                break;
            case 1:
                doc.insert(doc.begin() + static_cast<long>(at), alphabet[rng() % alphabet.size()]);
                break;
            default:
                doc[at] = alphabet[rng() % alphabet.size()];
                break;
            }
        }
        const auto first = doc.find_first_not_of(" \t\r\n");
        if (first == std::string::npos || doc[first] != '[')
            continue; // a non-array top level is a different finding
        bool strict = true;
        try {
            const auto parsed = nlohmann::json::parse(doc);
            strict = !parsed.is_discarded();
        } catch (const nlohmann::json::parse_error&) {
            strict = false;
        } catch (const nlohmann::json::out_of_range&) {
            continue; // e.g. 1e510: Python's json (LaMP's reader) accepts it as inf
        }
        const auto scan = scanString(doc);
        bool syntaxOk = true;
        for (const auto& f : scan.findings)
            if (f.code == FindingCode::JsonSyntax || f.code == FindingCode::JsonTruncated)
                syntaxOk = false;
        ASSERT_EQ(syntaxOk, strict) << doc;
        ++checked;
    }
    EXPECT_GT(checked, 3000);
}

TEST(Dataset, IndexMergesGoldsAndListsMissingAndOrphans) {
    TempDir dir;
    const auto q =
        dir.write("dev_questions.json", "[" + lamp3Record("1", 2) + "," + lamp3Record("2", 3) +
                                            "," + lamp3Record("3", 1) + "]");
    const auto o =
        dir.write("dev_outputs.json",
                  R"({"task": "LaMP_3", "golds": [{"id": "1", "output": "4"},)"
                  R"( {"id": "3", "output": 2}, {"id": "99", "output": "5"}, {"id": "x"}]})");
    EXPECT_EQ(guessOutputsPath(q), o);
    auto index = indexDataset(q, o);
    ASSERT_TRUE(index.ok()) << index.error().message;
    EXPECT_EQ(index->task, TaskId::LaMP3);
    EXPECT_EQ(index->taskSource, TaskSource::OutputsFile);
    EXPECT_EQ(index->shape, SplitShape::UserBased);
    ASSERT_EQ(index->users.size(), 3u);
    EXPECT_EQ(index->users[0].gold, "4");
    EXPECT_EQ(index->users[2].gold, "2"); // a number output is kept as its text
    EXPECT_FALSE(index->users[1].hasGold);
    EXPECT_EQ(index->goldCount(), 2u);
    const Finding* missing = findCode(index->findings, FindingCode::MissingGold);
    ASSERT_NE(missing, nullptr);
    EXPECT_EQ(missing->ids, std::vector<std::string>{"2"});
    const Finding* orphans = findCode(index->findings, FindingCode::OrphanGold);
    ASSERT_NE(orphans, nullptr);
    EXPECT_EQ(orphans->ids, std::vector<std::string>{"99"});
    const Finding* shape = findCode(index->findings, FindingCode::RecordWrongShape);
    ASSERT_NE(shape, nullptr);
    EXPECT_EQ(shape->recordId, "x");
    const auto stats = profileSizeStats(index->users);
    EXPECT_EQ(stats.min, 1u);
    EXPECT_EQ(stats.median, 2.0);
    EXPECT_EQ(stats.max, 3u);
}

TEST(Dataset, MalformedOutputsFileIsAFindingWithLineAndColumn) {
    TempDir dir;
    const auto q = dir.write("q.json", "[" + lamp3Record("1", 1) + "]");
    const auto o = dir.write(
        "o.json", "{\"task\": \"LaMP_3\",\n \"golds\": [{\"id\": \"1\" \"output\": \"4\"}]}");
    auto index = indexDataset(q, o);
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->users.size(), 1u); // the questions still load
    // Malformed JSON, where it is: not "not a LaMP outputs file" (issue 13, case 11).
    EXPECT_EQ(findCode(index->findings, FindingCode::OutputsNotObject), nullptr);
    const Finding* f = findCode(index->findings, FindingCode::JsonSyntax);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->file, o);
    EXPECT_EQ(f->line, 2u);
    EXPECT_NE(f->message().find("o.json:2:"), std::string::npos) << f->message();
    EXPECT_EQ(index->task, TaskId::LaMP3); // still detected from the input template

    auto direct =
        readOutputsFile(dir.write("t.json", "{\"task\": \"LaMP_3\", \"golds\": [{\"id\""));
    ASSERT_FALSE(direct.ok());
    EXPECT_NE(direct.error().message.find("truncated"), std::string::npos);
    // Found by the outputs fuzz target: a number beyond double's range made the JSON parser
    // throw out_of_range (not parse_error), which aborted the program.
    auto huge =
        readOutputsFile(dir.write("h.json", R"({"golds": [{"id": "1", "output": 1e400}]})"));
    ASSERT_FALSE(huge.ok());
    EXPECT_NE(huge.error().message.find("h.json: malformed JSON: number overflow parsing '1e400'"),
              std::string::npos)
        << huge.error().message;
    auto notOutputs = readOutputsFile(dir.write("a.json", "[1, 2]"));
    ASSERT_FALSE(notOutputs.ok());
    EXPECT_NE(notOutputs.error().message.find("not a LaMP outputs file"), std::string::npos);
}

TEST(Dataset, TaskDetectionFromInputsOutputsAndOverride) {
    TempDir dir;
    auto record = [](const std::string& input) {
        return nlohmann::json::array(
                   {{{"id", "1"}, {"input", input}, {"profile", nlohmann::json::array()}}})
            .dump();
    };
    const std::vector<std::pair<std::string, TaskId>> inputs = {
        {"For an author who has written the paper with the title \"A\", which reference is "
         "related? "
         "Just answer with [1] or [2] without explanation. [1]: \"B\" [2]: \"C\"",
         TaskId::LaMP1},
        {"Which tag does this movie relate to among the following tags? Just answer with the tag "
         "name without further explanation. tags: [sci-fi, comedy] description: A robot.",
         TaskId::LaMP2},
        {"Which category does this article relate to among the following categories? Just answer "
         "with the category name without further explanation. categories: [travel, sports] "
         "article: Rain.",
         TaskId::LaMP2N},
        {std::string(kReviewInput) + "fine", TaskId::LaMP3},
        {"Generate a headline for the following article: Rain fell.", TaskId::LaMP4},
        {"Generate a title for the following abstract of a paper: We study.", TaskId::LaMP5},
        {"Generate a subject for the following email: Hi all.", TaskId::LaMP6},
        {"Paraphrase the following tweet without any explanation before or after it: hello",
         TaskId::LaMP7},
    };
    for (const auto& [input, task] : inputs) {
        const auto q = dir.write("q.json", record(input));
        auto index = indexDataset(q, "");
        ASSERT_TRUE(index.ok());
        EXPECT_EQ(index->task, task) << input;
        EXPECT_EQ(index->taskSource, TaskSource::InputTemplate);
    }
    // LaMP_2 in the outputs is movies or news: the inputs decide.
    const auto news = dir.write("news.json", record(inputs[2].first));
    const auto o2 =
        dir.write("o2.json", R"({"task": "LaMP_2", "golds": [{"id": "1", "output": "travel"}]})");
    EXPECT_EQ(indexDataset(news, o2)->task, TaskId::LaMP2N);
    // A contradiction between the outputs and the inputs is a finding; the outputs win.
    const auto o4 =
        dir.write("o4.json", R"({"task": "LaMP_4", "golds": [{"id": "1", "output": "x"}]})");
    auto mismatch = indexDataset(news, o4);
    EXPECT_EQ(mismatch->task, TaskId::LaMP4);
    EXPECT_NE(findCode(mismatch->findings, FindingCode::TaskMismatch), nullptr);
    // The user's choice beats both.
    IndexOptions options;
    options.taskOverride = TaskId::LaMP7;
    auto overridden = indexDataset(news, o4, options);
    EXPECT_EQ(overridden->task, TaskId::LaMP7);
    EXPECT_EQ(overridden->taskSource, TaskSource::UserOverride);
    // Nothing to go on.
    auto unknown = indexDataset(dir.write("u.json", record("Say something.")), "");
    EXPECT_EQ(unknown->task, TaskId::Invalid);
    EXPECT_NE(findCode(unknown->findings, FindingCode::TaskUndetected), nullptr);
}

TEST(Dataset, UnreadableFilesAreErrorsNamingThePath) {
    TempDir dir;
    auto missing = indexDataset(dir.file("nope.json"), "");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("nope.json"), std::string::npos);
    auto directory = indexDataset(dir.path().string(), "");
    ASSERT_FALSE(directory.ok());
}

TEST(Dataset, CancelStopsIndexing) {
    TempDir dir;
    std::string json = "[";
    for (int i = 0; i < 3000; ++i)
        json += (i ? "," : "") + lamp3Record(std::to_string(i), 20);
    json += "]";
    const auto q = dir.write("big.json", json);
    std::atomic<bool> cancel{true};
    IndexOptions options;
    options.cancel = &cancel;
    auto index = indexDataset(q, "", options);
    ASSERT_FALSE(index.ok());
    EXPECT_NE(index.error().message.find("cancelled"), std::string::npos);
}

TEST(RecordReader, ReadsByRangeAndRefusesAChangedFile) {
    TempDir dir;
    const auto q = dir.write("q.json", "[" + lamp3Record("1", 2) + "," + lamp3Record("2", 3) + "]");
    auto index = indexDataset(q, "");
    ASSERT_TRUE(index.ok());
    RecordReader reader(index->questions);
    auto second = reader.read(index->users[1]);
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(second->id, "2");
    ASSERT_EQ(second->profile.size(), 3u);
    EXPECT_EQ(second->profile[0].field("text"), "item \"0\" [x] {y}");
    EXPECT_EQ(second->profile[2].field("score"), "3");
    EXPECT_EQ(second->profile[2].id, "2-2");
    EXPECT_TRUE(second->input.rfind("What is the score", 0) == 0);

    dir.write("q.json", "[" + lamp3Record("1", 2) + "]");
    auto stale = reader.read(index->users[1]);
    ASSERT_FALSE(stale.ok());
    EXPECT_NE(stale.error().message.find("changed since it was indexed"), std::string::npos);
}

// The reader keeps the file it opened: a file renamed over the path (as editors save) does not
// change what the index's ranges read, while a rewrite in place is still refused.
TEST(RecordReader, KeepsReadingTheFileItOpened) {
    TempDir dir;
    const auto q = dir.write("q.json", "[" + lamp3Record("1", 2) + "," + lamp3Record("2", 3) + "]");
    auto index = indexDataset(q, "");
    ASSERT_TRUE(index.ok());
    const RecordReader reader(index->questions);
    ASSERT_TRUE(reader.read(index->users[0]).ok());

    const auto other = dir.write("other.json", "[" + lamp3Record("9", 1) + "]");
    std::filesystem::rename(other, q);
    const RecordReader copy = reader; // copies share the open file
    auto second = copy.read(index->users[1]);
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(second->id, "2");
    EXPECT_EQ(second->profile.size(), 3u);

    // A new reader opens what the path now holds, which is not the file indexed.
    auto fresh = RecordReader(index->questions).read(index->users[1]);
    ASSERT_FALSE(fresh.ok());
    EXPECT_NE(fresh.error().message.find("changed since it was indexed"), std::string::npos);
}

TEST(Dataset, SniffsQuestionsAndOutputsFiles) {
    TempDir dir;
    EXPECT_EQ(sniffJsonFile(dir.write("q.json", "\n [")), JsonFileKind::Questions);
    EXPECT_EQ(sniffJsonFile(dir.write("o.json", "{")), JsonFileKind::Outputs);
    EXPECT_EQ(sniffJsonFile(dir.write("x.json", "hello")), JsonFileKind::Unknown);
    EXPECT_EQ(sniffJsonFile(dir.file("none.json")), JsonFileKind::Invalid);
}
