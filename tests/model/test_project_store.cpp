// The project file: schema, refusal of foreign and newer files, the index cache, disk full.
#include "model/BackgroundCheckpoints.h"
#include "model/ProjectReaders.h"
#include "model/ProjectStore.h"
#include "model/ResponseCache.h"
#include "model/Sqlite.h"
#include "support/TestSupport.h"

#include <algorithm>
#include <filesystem>
#include <future>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <thread>

using namespace r2p;
using r2p::test::TempDir;

namespace {

std::string questions(int users, int items) {
    nlohmann::json all = nlohmann::json::array();
    for (int u = 0; u < users; ++u) {
        nlohmann::json r;
        r["id"] = std::to_string(100 + u);
        r["input"] = "Generate a headline for the following article: story " + std::to_string(u);
        r["profile"] = nlohmann::json::array();
        for (int i = 0; i < items + u % 3; ++i)
            r["profile"].push_back(
                {{"text", "t"}, {"title", "h"}, {"id", std::to_string(u * 1000 + i)}});
        all.push_back(r);
    }
    return all.dump();
}

std::string outputs(int users) {
    nlohmann::json o;
    o["task"] = "LaMP_4";
    o["golds"] = nlohmann::json::array();
    for (int u = 0; u < users; u += 2)
        o["golds"].push_back(
            {{"id", std::to_string(100 + u)}, {"output", "headline " + std::to_string(u)}});
    return o.dump();
}

int pragma(sqlite3* db, const char* name) {
    sql::Statement st(db, std::string("PRAGMA ") + name);
    return st.step() ? static_cast<int>(st.int64(0)) : -1;
}

} // namespace

TEST(ProjectStore, CreatesAVersionedWalDatabase) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    EXPECT_EQ((*store)->schemaVersion(), ProjectStore::kSchemaVersion);
    EXPECT_EQ(pragma((*store)->handle(), "application_id"), ProjectStore::kApplicationId);
    sql::Statement mode((*store)->handle(), "PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "wal");
    // Reopening an existing project works and keeps the version.
    store->reset();
    auto again = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ((*again)->schemaVersion(), ProjectStore::kSchemaVersion);
}

TEST(ProjectStore, RefusesNewerSchemaWithoutChangingTheFile) {
    TempDir dir;
    const auto path = dir.file("new.r2p");
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        const std::string sql =
            "CREATE TABLE future(x); PRAGMA user_version=" +
            std::to_string(ProjectStore::kSchemaVersion + 1) +
            "; PRAGMA application_id=" + std::to_string(ProjectStore::kApplicationId);
        ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    const std::string before = test::readFile(path);
    auto store = ProjectStore::open(path);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().message.find("newer R2P Workbench"), std::string::npos);
    EXPECT_NE(store.error().message.find("new.r2p"), std::string::npos);
    EXPECT_EQ(test::readFile(path), before);
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(ProjectStore, RefusesForeignFilesWithoutChangingThem) {
    TempDir dir;
    const auto text = dir.write("notes.r2p", "hello, this is not a database at all....");
    auto a = ProjectStore::open(text);
    ASSERT_FALSE(a.ok());
    EXPECT_NE(a.error().message.find("not an R2P project file"), std::string::npos);
    EXPECT_EQ(test::readFile(text), "hello, this is not a database at all....");

    const auto other = dir.file("other.db");
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE mine(x); INSERT INTO mine VALUES(1);", nullptr,
                               nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    const std::string before = test::readFile(other);
    auto b = ProjectStore::open(other);
    ASSERT_FALSE(b.ok());
    EXPECT_NE(b.error().message.find("another application"), std::string::npos);
    EXPECT_EQ(test::readFile(other), before);
}

TEST(ProjectStore, IndexRoundTripsAndIsReusedWhileFilesAreUnchanged) {
    TempDir dir;
    const auto q = dir.write("dev_questions.json", questions(30, 4));
    const auto o = dir.write("dev_outputs.json", outputs(30));
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store.ok());

    auto first = openDataset(**store, q, o);
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_FALSE(first->fromCache);
    EXPECT_GT(first->datasetId, 0);
    ASSERT_EQ(first->index.users.size(), 30u);
    EXPECT_FALSE(first->index.findings.empty()); // half the users have no gold

    auto second = openDataset(**store, q, o);
    ASSERT_TRUE(second.ok());
    EXPECT_TRUE(second->fromCache);
    EXPECT_EQ(second->datasetId, first->datasetId);
    const auto& a = first->index;
    const auto& b = second->index;
    EXPECT_EQ(a.questions, b.questions);
    ASSERT_TRUE(b.outputs.has_value());
    EXPECT_EQ(*a.outputs, *b.outputs);
    EXPECT_EQ(a.task, b.task);
    EXPECT_EQ(a.taskSource, b.taskSource);
    EXPECT_EQ(a.shape, b.shape);
    ASSERT_EQ(a.users.size(), b.users.size());
    for (std::size_t i = 0; i < a.users.size(); ++i) {
        EXPECT_EQ(a.users[i].id, b.users[i].id);
        EXPECT_EQ(a.users[i].offset, b.users[i].offset);
        EXPECT_EQ(a.users[i].length, b.users[i].length);
        EXPECT_EQ(a.users[i].profileSize, b.users[i].profileSize);
        EXPECT_EQ(a.users[i].hasGold, b.users[i].hasGold);
        EXPECT_EQ(a.users[i].gold, b.users[i].gold);
    }
    ASSERT_EQ(a.findings.size(), b.findings.size());
    for (std::size_t i = 0; i < a.findings.size(); ++i) {
        EXPECT_EQ(a.findings[i].code, b.findings[i].code);
        EXPECT_EQ(a.findings[i].ids, b.findings[i].ids);
        EXPECT_EQ(a.findings[i].count, b.findings[i].count);
        EXPECT_EQ(a.findings[i].message(), b.findings[i].message());
    }
    auto rows = (*store)->datasets();
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].task, TaskId::LaMP4);
    EXPECT_EQ((*rows)[0].userCount, 30u);

    // Any change to the questions file makes the cache stale: it is indexed again.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    dir.write("dev_questions.json", questions(31, 4));
    auto third = openDataset(**store, q, o);
    ASSERT_TRUE(third.ok());
    EXPECT_FALSE(third->fromCache);
    EXPECT_EQ(third->index.users.size(), 31u);
    EXPECT_EQ(third->datasetId, first->datasetId); // same dataset row, replaced index
}

TEST(ProjectStore, TaskOverrideIsKept) {
    TempDir dir;
    const auto q = dir.write("q.json", questions(3, 1));
    auto store = ProjectStore::open(dir.file("p.r2p"));
    auto opened = openDataset(**store, q, "");
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened->index.task, TaskId::LaMP4);
    ASSERT_TRUE(
        (*store)->setDatasetTask(opened->datasetId, TaskId::LaMP6, TaskSource::UserOverride).ok());
    auto cached = openDataset(**store, q, "");
    EXPECT_TRUE(cached->fromCache);
    EXPECT_EQ(cached->index.task, TaskId::LaMP6);
    EXPECT_EQ(cached->index.taskSource, TaskSource::UserOverride);
    ASSERT_TRUE((*store)->removeDataset(opened->datasetId).ok());
    EXPECT_TRUE((*store)->datasets()->empty());
}

TEST(ProjectStore, DiskFullKeepsWhatWasStoredAndStillReturnsTheIndex) {
    TempDir dir;
    const auto small = dir.write("small.json", questions(2, 1));
    const auto big = dir.write("big.json", questions(4000, 3));
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(openDataset(**store, small, "").ok());
    // Cap the database at its current size plus a little: the next big write hits SQLITE_FULL.
    const int pages = pragma((*store)->handle(), "page_count");
    ASSERT_TRUE(
        sql::exec((*store)->handle(), "PRAGMA max_page_count=" + std::to_string(pages + 2)).ok());
    auto opened = openDataset(**store, big, "");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_EQ(opened->index.users.size(), 4000u); // the scan result is still usable
    bool reported = false;
    for (const auto& f : opened->index.findings)
        reported |= f.detail.find("the disk is full") != std::string::npos;
    EXPECT_TRUE(reported);
    // The earlier dataset is intact and the failed one left nothing half-written.
    auto rows = (*store)->datasets();
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    auto smallAgain = openDataset(**store, small, "");
    EXPECT_TRUE(smallAgain->fromCache);
    EXPECT_EQ(smallAgain->index.users.size(), 2u);
}

// An index cached by an older scanner, which did not check strings for valid UTF-8, lacks the
// finding about the bad record: it is rebuilt, not served, and the finding comes back.
TEST(ProjectStore, AnIndexMadeByAnOlderScannerIsRebuiltWithTheFindingsItLacked) {
    TempDir dir;
    std::string text = questions(3, 2);
    const std::string marker = "story 1";
    const auto at = text.find(marker);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, marker.size(),
                 "story \xff"
                 "1");
    const auto q = dir.write("q.json", text);
    const auto path = dir.file("p.r2p");
    auto isUtf8Finding = [](const Finding& f) {
        return f.code == FindingCode::RecordWrongShape && f.recordId == "101" &&
               f.detail.find("invalid UTF-8") != std::string::npos;
    };
    {
        auto store = ProjectStore::open(path);
        ASSERT_TRUE(store.ok());
        auto first = openDataset(**store, q, "");
        ASSERT_TRUE(first.ok()) << first.error().message;
        ASSERT_EQ(std::count_if(first->index.findings.begin(), first->index.findings.end(),
                                isUtf8Finding),
                  1);
        // As the version-1 scanner stored it: no UTF-8 finding, its own version number.
        ASSERT_TRUE(sql::exec((*store)->handle(),
                              "DELETE FROM dataset_findings WHERE detail LIKE '%UTF-8%';"
                              "UPDATE datasets SET scanner_version = 1;")
                        .ok());
    }
    auto store = ProjectStore::open(path);
    ASSERT_TRUE(store.ok());
    auto again = openDataset(**store, q, "");
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->fromCache);
    EXPECT_EQ(
        std::count_if(again->index.findings.begin(), again->index.findings.end(), isUtf8Finding),
        1);
    auto cached = openDataset(**store, q, ""); // stored by this scanner: reused from now on
    ASSERT_TRUE(cached.ok());
    EXPECT_TRUE(cached->fromCache);
    EXPECT_EQ(
        std::count_if(cached->index.findings.begin(), cached->index.findings.end(), isUtf8Finding),
        1);
}

TEST(ProjectStore, MigratesAnOlderProjectAndKeepsItsData) {
    TempDir dir;
    const auto q = dir.write("q.json", questions(4, 2));
    const auto path = dir.file("old.r2p");
    {
        auto store = ProjectStore::open(path);
        ASSERT_TRUE(openDataset(**store, q, "").ok());
        // Turn it back into a schema-1 file, as an older workbench wrote it.
        ASSERT_TRUE(
            sql::exec((*store)->handle(), "DROP TABLE response_cache; PRAGMA user_version=1").ok());
    }
    auto store = ProjectStore::open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    EXPECT_EQ((*store)->schemaVersion(), ProjectStore::kSchemaVersion);
    auto cached = openDataset(**store, q, "");
    EXPECT_TRUE(cached->fromCache);
    EXPECT_EQ(cached->index.users.size(), 4u);
    ResponseCache cache(**store);
    EXPECT_EQ(*cache.size(), 0u);
}

// The shared key finds the answer stored last: the latest created_at, and of equal times the
// row stored after the others (ORDER BY created_at DESC, rowid DESC), whichever endpoint it came
// from; the request is read only when asked for.
TEST(ResponseCache, SharedKeyFindsTheNewestAnswer) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ResponseCache cache(**store);
    const std::string request = R"({"messages":[],"seed":7})";
    const std::string shared = ResponseCache::key("openai", "m", request);
    EXPECT_FALSE(cache.getShared(shared)->has_value());
    for (const char* server : {"http://a/v1", "http://b/v1", "http://c/v1"}) {
        CachedResponse r;
        r.backend = "openai";
        r.model = "m";
        r.request = request;
        r.endpoint = server;
        r.answer = std::string("from ") + server;
        ASSERT_TRUE(
            cache.put(ResponseCache::endpointKey("openai", server, "m", request), r, shared).ok());
    }
    sqlite3* db = (*store)->handle();
    auto setTimes = [&](const char* a, const char* b, const char* c) {
        ASSERT_TRUE(sql::exec(db, std::string("UPDATE response_cache SET created_at = CASE "
                                              "endpoint WHEN 'http://a/v1' THEN '") +
                                      a + "' WHEN 'http://b/v1' THEN '" + b + "' ELSE '" + c +
                                      "' END")
                        .ok());
    };
    auto newest = [&](ResponseCache::Read what = ResponseCache::Read::All) {
        auto hit = cache.getShared(shared, what);
        EXPECT_TRUE(hit.ok() && hit->has_value());
        return hit.ok() && hit->has_value() ? **hit : CachedResponse{};
    };
    setTimes("2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-01T00:00:00Z");
    EXPECT_EQ(newest().answer, "from http://b/v1");
    EXPECT_EQ(newest().request, request);
    EXPECT_EQ(newest(ResponseCache::Read::WithoutRequest).request, "");
    setTimes("2026-01-03T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z");
    EXPECT_EQ(newest().answer, "from http://a/v1");
    setTimes("2026-01-03T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-01T00:00:00Z");
    EXPECT_EQ(newest().answer, "from http://b/v1"); // stored after a
    setTimes("2026-01-03T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-03T00:00:00Z");
    EXPECT_EQ(newest().answer, "from http://c/v1");
    EXPECT_FALSE(cache.getShared(ResponseCache::key("openai", "m", "{}"))->has_value());
}

TEST(ResponseCache, StoresAndReturnsWholeResponsesByKey) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ResponseCache cache(**store);
    const auto key = ResponseCache::key("openai", "qwen3-8b", R"({"messages":[],"seed":7})");
    EXPECT_EQ(key.size(), 64u);
    EXPECT_NE(key, ResponseCache::key("openai", "qwen3-8b", R"({"messages":[],"seed":8})"));
    EXPECT_NE(ResponseCache::key("a", "bc", "d"), ResponseCache::key("ab", "c", "d"));
    EXPECT_FALSE(cache.get(key)->has_value());
    CachedResponse r;
    r.backend = "openai";
    r.model = "qwen3-8b";
    r.request = R"({"messages":[],"seed":7})";
    r.reasoning = "The user prefers [P1].";
    r.answer = "comedy";
    r.finishReason = "stop";
    r.usage = R"({"prompt_tokens":10})";
    r.firstTokenMs = 120.5;
    r.totalMs = 480.25;
    r.deltas = {{120.5, "The user ", ""}, {300, "prefers [P1].", ""}, {480, "", "comedy"}};
    ASSERT_TRUE(cache.put(key, r).ok());
    auto back = cache.get(key);
    ASSERT_TRUE(back.ok() && back->has_value());
    EXPECT_EQ((*back)->answer, "comedy");
    EXPECT_EQ((*back)->reasoning, "The user prefers [P1].");
    EXPECT_DOUBLE_EQ((*back)->totalMs, 480.25);
    ASSERT_EQ((*back)->deltas.size(), 3u);
    EXPECT_EQ((*back)->deltas[2].answer, "comedy");
    EXPECT_DOUBLE_EQ((*back)->deltas[1].atMs, 300);
    EXPECT_EQ(*cache.size(), 1u);
}

// Lookups on read-only connections (a batch pass's workers) read what was committed while
// another thread holds the project's connection in a write transaction: they neither wait for
// it nor see its uncommitted answers. Read on the project's connection, the lookup below would
// wait on its lock until the writer is gone (the future would not be ready).
TEST(ResponseCache, ReadersReadCommittedAnswersWhileTheWriterHoldsTheConnection) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto answer = [](const std::string& request, const std::string& text) {
        ResponseCache::Entry e;
        e.response.backend = "openai";
        e.response.model = "m";
        e.response.request = request;
        e.response.answer = text;
        e.key = ResponseCache::key("openai", "m", request);
        return e;
    };
    const auto committed = answer(R"({"n":1})", "stored before");
    const auto pending = answer(R"({"n":2})", "not committed yet");
    ResponseCache cache(**store);
    ASSERT_TRUE(cache.putAll({committed}).ok());

    auto readers = ProjectReaders::open((*store)->path(), 2);
    ASSERT_TRUE(readers.ok()) << readers.error().message;
    EXPECT_EQ((*readers)->size(), 2u);
    ResponseCache reading(**store);
    reading.readOn(*readers);

    // Holds the connection's lock on this thread while it lives.
    auto writer = std::make_optional<ResponseCache::Writer>(cache);
    ASSERT_TRUE(writer->begun().ok());
    ASSERT_TRUE(writer->put(pending).ok());
    auto lookups = std::async(std::launch::async, [&] {
        return std::pair(reading.getShared(committed.key), reading.getShared(pending.key));
    });
    const bool waited = lookups.wait_for(std::chrono::seconds(60)) != std::future_status::ready;
    if (waited)
        writer.reset(); // rolled back: the waiting lookups can go on, and the test ends
    ASSERT_FALSE(waited) << "the lookups waited for the writer's lock";
    const auto [before, notYet] = lookups.get();
    ASSERT_TRUE(before.ok()) << before.error().message;
    ASSERT_TRUE(before->has_value());
    EXPECT_EQ((*before)->answer, "stored before");
    ASSERT_TRUE(notYet.ok()) << notYet.error().message;
    EXPECT_FALSE(notYet->has_value()) << "a reader saw an uncommitted answer";
    ASSERT_TRUE(writer->commit().ok());
    writer.reset();
    auto after = reading.getShared(pending.key);
    ASSERT_TRUE(after.ok() && after->has_value());
    EXPECT_EQ((*after)->answer, "not committed yet");
}

// What RecentAnswers holds is what a lookup without the request reads of the same answer, field
// for field; a cache reading it first answers from it without a lookup (a key only it holds is
// found), and asks the project for the request, for keys it lacks, and for answers whose deltas
// are not UTF-8 (which a lookup would read back changed).
TEST(ResponseCache, RecentAnswersAreWhatALookupReadsAndAnswerWithoutOne) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    ResponseCache cache(**store);
    CachedResponse r;
    r.backend = "openai";
    r.endpoint = "batch";
    r.model = "m";
    r.request = R"({"messages":[{"role":"user","content":"Überschrift?"}],"seed":7})";
    r.reasoning = "Der Nutzer mag [P1].";
    r.answer = "Ein Titel — 标题";
    r.finishReason = "stop";
    r.usage = R"({"prompt_tokens":120,"completion_tokens":6})";
    r.firstTokenMs = 12.25;
    r.totalMs = 480.5;
    r.deltas = {{0, r.reasoning, r.answer}};
    const std::string shared = ResponseCache::key("openai", "m", r.request);
    ASSERT_TRUE(
        cache.put(ResponseCache::endpointKey("openai", "batch", "m", r.request), r, shared).ok());
    auto looked = cache.getShared(shared, ResponseCache::Read::WithoutRequest);
    ASSERT_TRUE(looked.ok() && looked->has_value());

    auto recent = std::make_shared<RecentAnswers>();
    recent->add(shared, r);
    const CachedResponse* kept = recent->find(shared);
    ASSERT_NE(kept, nullptr);
    const CachedResponse& read = **looked;
    EXPECT_EQ(kept->backend, read.backend);
    EXPECT_EQ(kept->endpoint, read.endpoint);
    EXPECT_EQ(kept->model, read.model);
    EXPECT_EQ(kept->request, "");
    EXPECT_EQ(read.request, "");
    EXPECT_EQ(kept->reasoning, read.reasoning);
    EXPECT_EQ(kept->answer, read.answer);
    EXPECT_EQ(kept->finishReason, read.finishReason);
    EXPECT_EQ(kept->usage, read.usage);
    EXPECT_EQ(kept->firstTokenMs, read.firstTokenMs);
    EXPECT_EQ(kept->totalMs, read.totalMs);
    ASSERT_EQ(kept->deltas.size(), 1u);
    ASSERT_EQ(read.deltas.size(), 1u);
    EXPECT_EQ(kept->deltas[0].atMs, read.deltas[0].atMs);
    EXPECT_EQ(kept->deltas[0].reasoning, read.deltas[0].reasoning);
    EXPECT_EQ(kept->deltas[0].answer, read.deltas[0].answer);

    // An answer only the memory holds: found there, so no lookup was made.
    CachedResponse onlyHere = r;
    onlyHere.request = R"({"seed":8})";
    onlyHere.answer = "never stored";
    const std::string onlyKey = ResponseCache::key("openai", "m", onlyHere.request);
    recent->add(onlyKey, onlyHere);
    ResponseCache first(**store);
    first.readRecentFirst(recent);
    auto fromMemory = first.getShared(onlyKey, ResponseCache::Read::WithoutRequest);
    ASSERT_TRUE(fromMemory.ok() && fromMemory->has_value());
    EXPECT_EQ((*fromMemory)->answer, "never stored");
    // With the request asked for, the project answers: it has no such row.
    auto withRequest = first.getShared(onlyKey, ResponseCache::Read::All);
    ASSERT_TRUE(withRequest.ok());
    EXPECT_FALSE(withRequest->has_value());
    auto stored = first.getShared(shared, ResponseCache::Read::All);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    EXPECT_EQ((*stored)->request, r.request);
    // A key the memory lacks is looked up.
    EXPECT_FALSE(
        first
            .getShared(ResponseCache::key("openai", "m", "{}"), ResponseCache::Read::WithoutRequest)
            ->has_value());

    // Deltas that are not UTF-8: forgotten, the earlier answer of the key too.
    CachedResponse broken = onlyHere;
    broken.deltas = {{0, "ok", std::string("\xff\xfe")}};
    recent->add(onlyKey, broken);
    EXPECT_EQ(recent->find(onlyKey), nullptr);
    auto lookedUp = first.getShared(onlyKey, ResponseCache::Read::WithoutRequest);
    ASSERT_TRUE(lookedUp.ok());
    EXPECT_FALSE(lookedUp->has_value());

    // Merged: the later answer of a key replaces the earlier.
    RecentAnswers later;
    CachedResponse again = r;
    again.answer = "answered again";
    later.add(shared, again);
    recent->merge(std::move(later));
    EXPECT_EQ(recent->find(shared)->answer, "answered again");
    EXPECT_EQ(recent->size(), 1u);
}

// A project that cannot be opened is named; a reader never writes.
TEST(ProjectReaders, RefuseWhatCannotBeOpenedAndNeverWrite) {
    TempDir dir;
    auto missing = ProjectReaders::open(dir.file("none.r2p"), 1);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find(dir.file("none.r2p")), std::string::npos)
        << missing.error().message;
    {
        auto store = ProjectStore::open(dir.file("p.r2p"));
        ASSERT_TRUE(store.ok());
    }
    auto readers = ProjectReaders::open(dir.file("p.r2p"), 1);
    ASSERT_TRUE(readers.ok()) << readers.error().message;
    auto lease = (*readers)->lend();
    EXPECT_FALSE(sql::exec(lease->handle(), "CREATE TABLE t(x)").ok());
}

// While BackgroundCheckpoints live, the project's connection does not checkpoint at its commits
// (its wal_autocheckpoint reads 0) and their thread does, on a connection of its own; every row
// is kept, and afterwards the connection checkpoints itself again.
TEST(BackgroundCheckpoints, CheckpointOnTheirOwnThreadAndGiveCheckpointsBack) {
    TempDir dir;
    const auto path = dir.file("p.r2p");
    auto store = ProjectStore::open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    sqlite3* db = (*store)->handle();
    ASSERT_TRUE(sql::exec(db, "CREATE TABLE scratch(n INTEGER, x BLOB)"));
    auto autocheckpoint = [&] {
        sql::Statement st(db, "PRAGMA wal_autocheckpoint");
        return st.step() ? st.int64(0) : -1;
    };
    EXPECT_EQ(autocheckpoint(), 4096);
    {
        auto checkpoints = BackgroundCheckpoints::start(**store);
        ASSERT_TRUE(checkpoints.ok()) << checkpoints.error().message;
        EXPECT_EQ(autocheckpoint(), 0);
        EXPECT_EQ((*checkpoints)->checkpoints(), 0u);
        // Six commits of 2,048 rows of about a page each: the log passes 4,096 pages at the
        // second.
        for (int t = 0; t < 6; ++t)
            ASSERT_TRUE(sql::exec(db, "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                                      "FROM c WHERE n < 2048) INSERT INTO scratch SELECT n + " +
                                          std::to_string(t * 2048) + ", randomblob(4000) FROM c"));
        EXPECT_TRUE((*checkpoints)->waitForCheckpoints(1, std::chrono::seconds(60)));
    }
    EXPECT_EQ(autocheckpoint(), 4096);
    store->reset();
    auto again = ProjectStore::open(path);
    ASSERT_TRUE(again.ok());
    sql::Statement count((*again)->handle(),
                         "SELECT count(*), count(DISTINCT n), sum(length(x)) FROM scratch");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.int64(0), 6 * 2048);
    EXPECT_EQ(count.int64(1), 6 * 2048);
    EXPECT_EQ(count.int64(2), 6LL * 2048 * 4000);
}
