// Annotations and bookmarks in the project file: adding with every check, nothing written on an
// error, update and remove, queries, the schema-3 -> 4 migration, deletion with the run, and the
// failure taxonomy (shipped, per project, parse errors with line and column).
#include "model/Annotation.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/Sqlite.h"
#include "model/Taxonomy.h"
#include "support/TestSupport.h"

#include <algorithm>
#include <functional>
#include <gtest/gtest.h>
#include <map>
#include <sqlite3.h>

using namespace r2p;
using r2p::test::TempDir;

namespace {

std::unique_ptr<ProjectStore> openStore(const TempDir& dir, const std::string& name = "p.r2p") {
    auto store = ProjectStore::open(dir.file(name));
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? std::move(store).value() : nullptr;
}

std::int64_t count(sqlite3* db, const std::string& sql) {
    sql::Statement st(db, sql);
    return st.step() ? st.int64(0) : -1;
}

RunInfo runInfo(const std::string& questions = "/data/LaMP_2/dev_questions.json") {
    RunInfo r;
    r.task = TaskId::LaMP2;
    r.questionsPath = questions;
    r.systems = {SystemId::R2P};
    r.backend = "offline";
    r.templateId = "hrt-lamp2";
    r.templateVersion = 3;
    r.users = {"310", "311", "312"};
    return r;
}

// A trace with task analysis, an answer, a second candidate and a verdict for candidates 0, 1.
UserTrace trace(const std::string& user) {
    UserTrace t;
    t.userId = user;
    t.system = SystemId::R2P;
    t.status = UserStatus::Done;
    t.prediction = "drama";
    auto step = [&](int seq, StageId stage, int candidate, std::string answer) {
        StepRecord s;
        s.seq = seq;
        s.stage = stage;
        s.candidate = candidate;
        s.status = StepStatus::Done;
        s.reasoning = "The user likes «drama» [P1] and 映画.";
        s.answer = std::move(answer);
        s.raw = s.reasoning + s.answer;
        t.steps.push_back(std::move(s));
    };
    step(0, StageId::TaskAnalysis, 0, "Pick one tag.");
    step(1, StageId::Answer, 0, "drama");
    step(2, StageId::Candidates, 1, "comedy");
    for (int c : {0, 1}) {
        VerdictRecord v;
        v.candidate = c;
        v.verdict = c == 0 ? Verdict::Supported : Verdict::Contradicted;
        t.verdicts.push_back(v);
    }
    return t;
}

struct Fixture {
    TempDir dir;
    std::unique_ptr<ProjectStore> store = openStore(dir);
    RunStore runs{*store};
    std::int64_t runId = 0;
    AnnotationStore annotations{*store};
    Fixture() {
        runId = *runs.createRun(runInfo());
        EXPECT_TRUE(runs.saveUserTraces(runId, {trace("310"), trace("311")}).ok());
    }
    std::int64_t rows() const { return count(store->handle(), "SELECT COUNT(*) FROM annotations"); }
};

Annotation on(std::int64_t runId, const std::string& user, AnnotationTarget target,
              const std::string& label = "retrieval-unused") {
    Annotation a;
    a.runId = runId;
    a.userId = user;
    a.target = target;
    a.label = label;
    a.annotator = "ana";
    if (target == AnnotationTarget::Stage || target == AnnotationTarget::Span)
        a.stage = StageId::TaskAnalysis;
    return a;
}

TEST(Annotations, AddStoresEveryFieldAndTheRunsTemplate) {
    Fixture f;
    Annotation a = on(f.runId, "310", AnnotationTarget::Span, "hallucinated-preference");
    a.spanField = "reasoning";
    const std::string reasoning = "The user likes «drama» [P1] and 映画.";
    a.spanStart = static_cast<int>(reasoning.find("«"));
    a.spanEnd = static_cast<int>(reasoning.find(" [P1]"));
    a.spanText = "«drama»";
    a.severity = AnnotationSeverity::Major;
    a.note = "no such \"preference\",\nsee P1";
    auto id = f.annotations.add(a, builtinTaxonomy());
    ASSERT_TRUE(id.ok()) << id.error().message;
    auto back = f.annotations.annotation(*id);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->id, *id);
    EXPECT_EQ(back->runId, f.runId);
    EXPECT_EQ(back->userId, "310");
    EXPECT_EQ(back->system, SystemId::R2P);
    EXPECT_EQ(back->target, AnnotationTarget::Span);
    EXPECT_EQ(back->stage, StageId::TaskAnalysis);
    EXPECT_EQ(back->spanField, "reasoning");
    EXPECT_EQ(back->spanStart, a.spanStart);
    EXPECT_EQ(back->spanEnd, a.spanEnd);
    EXPECT_EQ(back->spanText, "«drama»");
    EXPECT_EQ(back->label, "hallucinated-preference");
    EXPECT_EQ(back->severity, AnnotationSeverity::Major);
    EXPECT_EQ(back->note, a.note);
    EXPECT_EQ(back->annotator, "ana");
    EXPECT_FALSE(back->createdAt.empty());
    EXPECT_EQ(back->templateId, "hrt-lamp2");
    EXPECT_EQ(back->templateVersion, 3);
    EXPECT_EQ(annotationItemName(annotationItem(*back)), "task_analysis");

    // A span with no text gets the stored text; a verdict is about the cross-reference stage.
    Annotation b = a;
    b.spanText.clear();
    auto bid = f.annotations.add(b, builtinTaxonomy());
    ASSERT_TRUE(bid.ok()) << bid.error().message;
    EXPECT_EQ(f.annotations.annotation(*bid)->spanText, "«drama»");
    Annotation v = on(f.runId, "310", AnnotationTarget::Verdict);
    v.candidate = 1;
    auto vid = f.annotations.add(v, builtinTaxonomy());
    ASSERT_TRUE(vid.ok()) << vid.error().message;
    EXPECT_EQ(f.annotations.annotation(*vid)->stage, StageId::CrossReference);
    EXPECT_EQ(annotationItemName(annotationItem(*f.annotations.annotation(*vid))), "verdict#1");
    Annotation c = on(f.runId, "311", AnnotationTarget::Stage);
    c.stage = StageId::Candidates;
    c.candidate = 1;
    auto cid = f.annotations.add(c, builtinTaxonomy());
    ASSERT_TRUE(cid.ok()) << cid.error().message;
    EXPECT_EQ(annotationItemName(annotationItem(*f.annotations.annotation(*cid))), "candidates#1");
    Annotation r = on(f.runId, "312", AnnotationTarget::Run); // in the run, no trace yet
    r.stage = StageId::Answer;                                // ignored for a run
    auto rid = f.annotations.add(r, builtinTaxonomy());
    ASSERT_TRUE(rid.ok()) << rid.error().message;
    EXPECT_EQ(f.annotations.annotation(*rid)->stage, StageId::Invalid);
    EXPECT_EQ(annotationItemName(annotationItem(*f.annotations.annotation(*rid))), "run");
    EXPECT_EQ(f.rows(), 5);
}

TEST(Annotations, EveryBadAnnotationIsRefusedNamingWhatIsWrongAndWritesNothing) {
    Fixture f;
    struct Case {
        const char* what;
        std::function<void(Annotation&)> change;
        const char* message;
    };
    const std::vector<Case> cases = {
        {"unknown run", [](Annotation& a) { a.runId = 99; }, "there is no run 99"},
        {"unknown user", [](Annotation& a) { a.userId = "999"; }, "has no user \"999\""},
        {"unknown label", [](Annotation& a) { a.label = "sloppy"; }, "unknown label \"sloppy\""},
        {"no label", [](Annotation& a) { a.label.clear(); }, "needs a label"},
        {"no annotator", [](Annotation& a) { a.annotator = "  "; }, "annotator"},
        {"no target", [](Annotation& a) { a.target = AnnotationTarget::Invalid; }, "target"},
        {"no severity", [](Annotation& a) { a.severity = AnnotationSeverity::Invalid; },
         "severity"},
        {"no system", [](Annotation& a) { a.system = SystemId::Invalid; }, "system"},
        {"system not run", [](Annotation& a) { a.system = SystemId::LampRag; },
         "run 1 has no system lamp-rag"},
        {"stage missing", [](Annotation& a) { a.stage = StageId::AnswerPlan; },
         "has no stage answer_plan"},
        {"no stage", [](Annotation& a) { a.stage = StageId::Invalid; }, "needs a stage"},
        {"candidate missing",
         [](Annotation& a) {
             a.stage = StageId::Candidates;
             a.candidate = 2;
         },
         "has no stage candidates#2"},
        {"user without trace", [](Annotation& a) { a.userId = "312"; }, "has no stage"},
        {"verdict missing",
         [](Annotation& a) {
             a.target = AnnotationTarget::Verdict;
             a.candidate = 5;
         },
         "has no verdict for candidate 5"},
        {"span field",
         [](Annotation& a) {
             a.target = AnnotationTarget::Span;
             a.spanField = "prompt";
             a.spanEnd = 1;
         },
         "not \"prompt\""},
        {"span outside",
         [](Annotation& a) {
             a.target = AnnotationTarget::Span;
             a.spanField = "answer";
             a.spanStart = 2;
             a.spanEnd = 400;
         },
         "is not inside its answer"},
        {"span empty",
         [](Annotation& a) {
             a.target = AnnotationTarget::Span;
             a.spanField = "answer";
             a.spanStart = 3;
             a.spanEnd = 3;
         },
         "is not inside"},
        {"span text differs",
         [](Annotation& a) {
             a.target = AnnotationTarget::Span;
             a.spanField = "answer";
             a.spanStart = 0;
             a.spanEnd = 4;
             a.spanText = "Pack";
         },
         "does not match"},
        {"span cuts a character",
         [](Annotation& a) {
             a.target = AnnotationTarget::Span;
             a.spanField = "reasoning";
             a.spanStart = 16; // inside «
             a.spanEnd = 20;
         },
         "UTF-8"},
    };
    for (const auto& c : cases) {
        Annotation a = on(f.runId, "310", AnnotationTarget::Stage);
        c.change(a);
        auto id = f.annotations.add(a, builtinTaxonomy());
        ASSERT_FALSE(id.ok()) << c.what;
        EXPECT_NE(id.error().message.find(c.message), std::string::npos)
            << c.what << ": " << id.error().message;
        EXPECT_FALSE(f.annotations.check(a, builtinTaxonomy()).ok()) << c.what;
        EXPECT_EQ(f.rows(), 0) << c.what;
    }
    // All or none: one bad annotation among good ones stores none of them.
    Annotation good = on(f.runId, "310", AnnotationTarget::Stage);
    Annotation bad = good;
    bad.label = "nope";
    auto ids = f.annotations.addAll({good, good, bad}, builtinTaxonomy());
    ASSERT_FALSE(ids.ok());
    EXPECT_NE(ids.error().message.find("\"nope\""), std::string::npos);
    EXPECT_EQ(f.rows(), 0);
    ids = f.annotations.addAll({good, good}, builtinTaxonomy());
    ASSERT_TRUE(ids.ok()) << ids.error().message;
    EXPECT_EQ(ids->size(), 2u);
    EXPECT_LT((*ids)[0], (*ids)[1]);
    EXPECT_EQ(f.rows(), 2);
}

TEST(Annotations, UpdateAndRemove) {
    Fixture f;
    auto id = f.annotations.add(on(f.runId, "310", AnnotationTarget::Run), builtinTaxonomy());
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(f.annotations.update(*id, AnnotationSeverity::Critical, "worse").ok());
    auto a = f.annotations.annotation(*id);
    EXPECT_EQ(a->severity, AnnotationSeverity::Critical);
    EXPECT_EQ(a->note, "worse");
    EXPECT_EQ(a->label, "retrieval-unused");
    EXPECT_FALSE(f.annotations.update(*id, AnnotationSeverity::Invalid, "").ok());
    auto missing = f.annotations.update(*id + 100, AnnotationSeverity::Minor, "");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("there is no annotation"), std::string::npos);
    ASSERT_TRUE(f.annotations.remove(*id).ok());
    EXPECT_FALSE(f.annotations.annotation(*id).ok());
    EXPECT_FALSE(f.annotations.remove(*id).ok());
    EXPECT_EQ(f.rows(), 0);
    // Ids are not reused after a removal.
    auto next = f.annotations.add(on(f.runId, "310", AnnotationTarget::Run), builtinTaxonomy());
    EXPECT_GT(*next, *id);
}

TEST(Annotations, QueriesByRunUserAndCounts) {
    Fixture f;
    const auto& tax = builtinTaxonomy();
    ASSERT_TRUE(f.annotations.add(on(f.runId, "310", AnnotationTarget::Run), tax).ok());
    ASSERT_TRUE(f.annotations.add(on(f.runId, "311", AnnotationTarget::Stage), tax).ok());
    ASSERT_TRUE(
        f.annotations.add(on(f.runId, "310", AnnotationTarget::Stage, "truncated"), tax).ok());
    auto ofRun = f.annotations.ofRun(f.runId);
    ASSERT_TRUE(ofRun.ok());
    ASSERT_EQ(ofRun->size(), 3u);
    EXPECT_EQ((*ofRun)[0].userId, "310");
    EXPECT_EQ((*ofRun)[1].userId, "311");
    EXPECT_EQ((*ofRun)[2].label, "truncated");
    auto ofUser = f.annotations.ofUser(f.runId, "310");
    ASSERT_EQ(ofUser->size(), 2u);
    EXPECT_EQ((*ofUser)[1].label, "truncated");
    auto counts = f.annotations.countsByUser(f.runId);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->size(), 2u);
    EXPECT_EQ(counts->at("310"), 2);
    EXPECT_EQ(counts->at("311"), 1);
    EXPECT_EQ(counts->count("312"), 0u);
    EXPECT_EQ(f.annotations.all()->size(), 3u);
    // Grouped by user and label, as the Users view reads them.
    ASSERT_TRUE(f.annotations.add(on(f.runId, "310", AnnotationTarget::Run), tax).ok());
    auto labels = f.annotations.labelCounts(f.runId);
    ASSERT_TRUE(labels.ok()) << labels.error().message;
    std::map<std::pair<std::string, std::string>, int> byPair;
    for (const auto& c : *labels)
        byPair[{c.userId, c.label}] = c.count;
    const std::string first = on(f.runId, "310", AnnotationTarget::Run).label;
    EXPECT_EQ(byPair.size(), 3u);
    EXPECT_EQ((byPair[{"310", first}]), 2);
    EXPECT_EQ((byPair[{"310", "truncated"}]), 1);
    EXPECT_EQ((byPair[{"311", first}]), 1);
}

TEST(Annotations, OnOtherRunsOfTheSameQuestionsNewestRunFirst) {
    Fixture f;
    const auto& tax = builtinTaxonomy();
    RunInfo older = runInfo();
    older.createdAt = "2026-01-01T00:00:00Z";
    RunInfo newer = runInfo();
    newer.createdAt = "2026-06-01T00:00:00Z";
    const auto olderId = *f.runs.createRun(older);
    const auto newerId = *f.runs.createRun(newer);
    const auto otherFile = *f.runs.createRun(runInfo("/data/other.json"));
    for (auto id : {olderId, newerId, otherFile})
        ASSERT_TRUE(f.runs.saveUserTrace(id, trace("310")).ok());
    ASSERT_TRUE(
        f.annotations.add(on(olderId, "310", AnnotationTarget::Run, "truncated"), tax).ok());
    ASSERT_TRUE(f.annotations.add(on(newerId, "310", AnnotationTarget::Run, "other"), tax).ok());
    ASSERT_TRUE(f.annotations.add(on(newerId, "311", AnnotationTarget::Run), tax).ok());
    ASSERT_TRUE(f.annotations.add(on(otherFile, "310", AnnotationTarget::Run), tax).ok());
    ASSERT_TRUE(f.annotations.add(on(f.runId, "310", AnnotationTarget::Run), tax).ok());
    auto seen = f.annotations.onOtherRuns(f.runId, "310");
    ASSERT_TRUE(seen.ok()) << seen.error().message;
    ASSERT_EQ(seen->size(), 2u);
    // f.runId was created "now", after both; the other two come newest first.
    EXPECT_EQ((*seen)[0].runId, newerId);
    EXPECT_EQ((*seen)[0].label, "other");
    EXPECT_EQ((*seen)[1].runId, olderId);
    EXPECT_FALSE(f.annotations.onOtherRuns(999, "310").ok());
    // Who was annotated on another run of this file: 310 (older, newer) and 311 (newer), not
    // the other file's.
    auto users = f.annotations.usersAnnotatedOnOtherRuns(f.runId);
    ASSERT_TRUE(users.ok()) << users.error().message;
    std::sort(users->begin(), users->end());
    EXPECT_EQ(*users, (std::vector<std::string>{"310", "311"}));
    auto fromOther = f.annotations.usersAnnotatedOnOtherRuns(otherFile);
    ASSERT_TRUE(fromOther.ok());
    EXPECT_TRUE(fromOther->empty());
}

TEST(Annotations, Bookmarks) {
    Fixture f;
    Bookmark b;
    b.runId = f.runId;
    b.userId = "311";
    b.note = "look again";
    auto id = f.annotations.addBookmark(b);
    ASSERT_TRUE(id.ok()) << id.error().message;
    b.stage = StageId::Candidates;
    b.candidate = 1;
    auto id2 = f.annotations.addBookmark(b);
    ASSERT_TRUE(id2.ok()) << id2.error().message;
    b.candidate = 4;
    EXPECT_FALSE(f.annotations.addBookmark(b).ok());
    b.userId = "nobody";
    EXPECT_FALSE(f.annotations.addBookmark(b).ok());
    b.runId = 77;
    EXPECT_FALSE(f.annotations.addBookmark(b).ok());
    auto all = f.annotations.bookmarks(f.runId);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].userId, "311");
    EXPECT_EQ((*all)[0].stage, StageId::Invalid);
    EXPECT_EQ((*all)[0].note, "look again");
    EXPECT_FALSE((*all)[0].createdAt.empty());
    EXPECT_EQ((*all)[1].stage, StageId::Candidates);
    EXPECT_EQ((*all)[1].candidate, 1);
    ASSERT_TRUE(f.annotations.removeBookmark(*id).ok());
    EXPECT_FALSE(f.annotations.removeBookmark(*id).ok());
    EXPECT_EQ(f.annotations.bookmarks(f.runId)->size(), 1u);
}

TEST(Annotations, GoWithTheirRunWhenItIsDeleted) {
    Fixture f;
    const auto other = *f.runs.createRun(runInfo());
    ASSERT_TRUE(f.runs.saveUserTrace(other, trace("310")).ok());
    const auto& tax = builtinTaxonomy();
    ASSERT_TRUE(f.annotations.add(on(f.runId, "310", AnnotationTarget::Stage), tax).ok());
    ASSERT_TRUE(f.annotations.add(on(other, "310", AnnotationTarget::Stage), tax).ok());
    Bookmark b;
    b.runId = f.runId;
    b.userId = "310";
    ASSERT_TRUE(f.annotations.addBookmark(b).ok());
    ASSERT_TRUE(f.runs.deleteRun(f.runId).ok());
    EXPECT_EQ(f.annotations.ofRun(f.runId)->size(), 0u);
    EXPECT_EQ(f.annotations.bookmarks(f.runId)->size(), 0u);
    EXPECT_EQ(f.annotations.ofRun(other)->size(), 1u);
    EXPECT_EQ(f.rows(), 1);
}

// A file as the schema-3 workbench left it (runs, no annotations) opens as schema 4 with its
// runs intact and takes annotations.
TEST(Annotations, MigrateASchema3Project) {
    TempDir dir;
    const std::string path = dir.file("v3.r2p");
    std::int64_t runId = 0;
    {
        auto store = openStore(dir, "v3.r2p");
        RunStore runs(*store);
        runId = *runs.createRun(runInfo());
        ASSERT_TRUE(runs.saveUserTrace(runId, trace("310")).ok());
        ASSERT_TRUE(sql::exec(store->handle(), "DROP TABLE annotations; DROP TABLE bookmarks; "
                                               "PRAGMA user_version=3")
                        .ok());
    }
    auto opened = ProjectStore::open(path);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    ProjectStore& store = **opened;
    EXPECT_EQ(store.schemaVersion(), ProjectStore::kSchemaVersion); // 4, then later ones
    EXPECT_EQ(count(store.handle(), "SELECT COUNT(*) FROM sqlite_master WHERE name IN "
                                    "('annotations', 'bookmarks', 'annotations_run_user', "
                                    "'bookmarks_run_user')"),
              4);
    RunStore runs(store);
    auto t = runs.userTrace(runId, "310", SystemId::R2P);
    ASSERT_TRUE(t.ok()) << t.error().message;
    EXPECT_EQ(t->steps.size(), 3u);
    AnnotationStore annotations(store);
    auto id = annotations.add(on(runId, "310", AnnotationTarget::Stage), builtinTaxonomy());
    ASSERT_TRUE(id.ok()) << id.error().message;
    // The foreign key holds in the migrated file too.
    ASSERT_TRUE(sql::exec(store.handle(), "DELETE FROM runs").ok());
    EXPECT_EQ(count(store.handle(), "SELECT COUNT(*) FROM annotations"), 0);
}

TEST(Taxonomy, TheShippedOneHasTheEightLabelsWithShortcuts) {
    const Taxonomy& t = builtinTaxonomy();
    EXPECT_EQ(t.id, "r2p-failures");
    EXPECT_EQ(t.version, 1);
    const std::vector<std::string> ids = {"divergent-thinking", "format-misalignment",
                                          "retrieval-unused",   "hallucinated-preference",
                                          "ignored-evidence",   "inconsistent-candidates",
                                          "truncated",          "other"};
    ASSERT_EQ(t.labels.size(), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        EXPECT_EQ(t.labels[i].id, ids[i]);
        EXPECT_FALSE(t.labels[i].name.empty());
        EXPECT_FALSE(t.labels[i].description.empty());
        EXPECT_EQ(t.labels[i].shortcut, std::to_string(i + 1));
    }
    EXPECT_NE(t.find("truncated"), nullptr);
    EXPECT_EQ(t.find("nope"), nullptr);
    // The compiled-in copy is the file in the source tree, and it round-trips.
    auto fromFile = parseTaxonomy(
        test::readFile(test::sourceDir() + "/resources/taxonomy/failures.json"), "failures.json");
    ASSERT_TRUE(fromFile.ok()) << fromFile.error().message;
    EXPECT_EQ(taxonomyJson(*fromFile), taxonomyJson(t));
    auto again = parseTaxonomy(taxonomyJson(t), "again");
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(taxonomyJson(*again), taxonomyJson(t));
}

TEST(Taxonomy, ErrorsNameTheSourceAndTheLineColumnOrLabel) {
    // Malformed JSON: line and column of where the parser stopped.
    auto r = parseTaxonomy("{\n  \"id\": \"x\",\n  \"labels\": [\n    {\"id\": \"a\" \"name\": "
                           "\"A\"}\n  ]\n}\n",
                           "mine.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("mine.json: line 4, column 21"), std::string::npos)
        << r.error().message;
    r = parseTaxonomy("{\"labels\": [\n", "cut.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("cut.json: line 2"), std::string::npos) << r.error().message;

    struct Case {
        const char* json;
        const char* message;
    };
    const std::vector<Case> cases = {
        {R"([1])", "a taxonomy is a JSON object"},
        {R"({"labels": []})", "non-empty array"},
        {R"({"labels": [{"id": "a", "name": "A"}], "colour": 1})", "unknown key \"colour\""},
        {R"({"version": 0, "labels": [{"id": "a", "name": "A"}]})", "\"version\""},
        {R"({"labels": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]})",
         "labels[1] (\"a\"): duplicate id"},
        {R"({"labels": [{"id": "Bad Id", "name": "A"}]})", "labels[0] (\"Bad Id\"): the id"},
        {R"({"labels": [{"id": "-a", "name": "A"}]})", "the id must be"},
        {R"({"labels": [{"name": "A"}]})", "labels[0]: \"id\" is missing"},
        {R"({"labels": [{"id": "a", "name": " "}]})", "labels[0] (\"a\"): \"name\""},
        {R"({"labels": [{"id": "a", "name": "A", "shortcut": "0"}]})", "\"1\"..\"9\""},
        {R"({"labels": [{"id": "a", "name": "A", "shortcut": "12"}]})", "\"1\"..\"9\""},
        {R"({"labels": [{"id": "a", "name": "A", "shortcut": "1"},
                        {"id": "b", "name": "B", "shortcut": "1"}]})",
         "labels[1] (\"b\"): shortcut \"1\" is already used"},
        {R"({"labels": [{"id": "a", "name": "A", "descripton": "typo"}]})",
         "unknown key \"descripton\""},
        // Found by the taxonomy fuzz target: the parser throws out_of_range (not parse_error)
        // for a number beyond double's range, which aborted the program.
        {R"({"version": 1e400, "labels": [{"id": "a", "name": "A"}]})",
         "number overflow parsing '1e400'"},
    };
    for (const auto& c : cases) {
        auto t = parseTaxonomy(c.json, "t.json");
        ASSERT_FALSE(t.ok()) << c.json;
        EXPECT_EQ(t.error().message.rfind("t.json: ", 0), 0u) << t.error().message;
        EXPECT_NE(t.error().message.find(c.message), std::string::npos)
            << c.json << " -> " << t.error().message;
    }
    // A label's error gives the line and column where that label starts.
    auto dup = parseTaxonomy("{\"id\": \"t\", \"labels\": [\n  {\"id\": \"a\", \"name\": \"A\"},\n"
                             "  {\"id\": \"b\", \"name\": \"B\",\n   \"note\": \"[x], {y}\"},\n"
                             "   {\"id\": \"a\", \"name\": \"C\"}\n]}",
                             "dup.json");
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().message.substr(0, dup.error().message.find(" (")),
              "dup.json: line 3, column 3: labels[1]")
        << dup.error().message;
    dup = parseTaxonomy("{\"labels\": [{\"id\": \"a\", \"name\": \"A\"},\n\n    "
                        "{\"id\": \"a\", \"name\": \"C\"}]}",
                        "dup.json");
    ASSERT_FALSE(dup.ok());
    EXPECT_NE(dup.error().message.find("dup.json: line 3, column 5: labels[1] (\"a\"): duplicate"),
              std::string::npos)
        << dup.error().message;

    auto ok = parseTaxonomy(R"({"labels": [{"id": "a1-b", "name": "A"}]})", "t.json");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->id, "r2p-failures");
    EXPECT_EQ(ok->labels[0].shortcut, "");
}

TEST(Taxonomy, AProjectKeepsItsOwnAndMustKeepTheLabelsInUse) {
    Fixture f;
    auto t = projectTaxonomy(*f.store);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(taxonomyJson(*t), taxonomyJson(builtinTaxonomy()));

    ASSERT_TRUE(f.annotations.add(on(f.runId, "310", AnnotationTarget::Run, "truncated"), *t).ok());
    Taxonomy mine;
    mine.id = "mine";
    mine.version = 2;
    mine.labels = {{"slow", "Slow", "Takes too long.", "1"}};
    auto refused = setProjectTaxonomy(*f.store, mine);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("truncated"), std::string::npos);
    EXPECT_EQ(projectTaxonomy(*f.store)->id, "r2p-failures");
    EXPECT_EQ(*labelsInUse(*f.store), std::vector<std::string>{"truncated"});

    mine.labels.push_back({"truncated", "Cut off", "", ""});
    ASSERT_TRUE(setProjectTaxonomy(*f.store, mine).ok());
    auto stored = projectTaxonomy(*f.store);
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_EQ(stored->id, "mine");
    EXPECT_EQ(stored->version, 2);
    ASSERT_EQ(stored->labels.size(), 2u);
    EXPECT_EQ(stored->labels[1].name, "Cut off");
    // Labels of the new taxonomy are accepted now, the old ones no longer.
    EXPECT_TRUE(f.annotations.add(on(f.runId, "310", AnnotationTarget::Run, "slow"), *stored).ok());
    EXPECT_FALSE(
        f.annotations.add(on(f.runId, "310", AnnotationTarget::Run, "other"), *stored).ok());

    Taxonomy invalid = mine;
    invalid.labels.push_back({"slow", "Again", "", ""});
    EXPECT_FALSE(setProjectTaxonomy(*f.store, invalid).ok());
    EXPECT_EQ(projectTaxonomy(*f.store)->labels.size(), 2u);
}

} // namespace
