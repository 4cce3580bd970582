// Runs in the project file: round trips of whole traces, replacement, order, deletion, errors,
// concurrent writers, a full disk, and the schema-2 -> 3 migration.
#include "model/ProjectStore.h"
#include "model/ResponseCache.h"
#include "model/RunStore.h"
#include "model/Sqlite.h"
#include "support/TestSupport.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <sqlite3.h>
#include <thread>

using namespace r2p;
using r2p::test::TempDir;

namespace {

std::unique_ptr<ProjectStore> openStore(const TempDir& dir, const std::string& name = "p.r2p") {
    auto store = ProjectStore::open(dir.file(name));
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? std::move(store).value() : nullptr;
}

RunInfo runInfo(std::vector<std::string> users = {"310", "311", "312"},
                std::vector<SystemId> systems = {SystemId::R2P, SystemId::LampRag}) {
    RunInfo r;
    r.task = TaskId::LaMP2;
    r.questionsPath = "/data/LaMP_2/dev_questions — Kopie.json";
    r.outputsPath = "/data/LaMP_2/dev_outputs.json";
    r.systems = std::move(systems);
    r.backend = "openai";
    r.model = "qwen3-8b";
    r.baseUrl = "http://127.0.0.1:8000/v1";
    r.templateId = "hrt-lamp2";
    r.templateVersion = 3;
    r.config = R"({"k":5,"ranker":"bm25","candidates":3,"seed":7})";
    r.users = std::move(users);
    return r;
}

std::int64_t createRun(RunStore& runs, const RunInfo& info = runInfo()) {
    auto id = runs.createRun(info);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
}

// A trace with every field set, text in several scripts, empty strings where a field may be
// empty, and `rawSize` bytes of stream in its first step.
// `size` letters of seeded noise (6 bits of entropy a byte): stored texts are compressed, so
// a text meant to fill the disk must not compress away.
std::string noiseText(std::size_t size) {
    static const char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string s(size, ' ');
    std::uint32_t x = 2463534242u;
    for (char& c : s) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = kAlphabet[x % 64];
    }
    return s;
}

UserTrace fullTrace(const std::string& user, SystemId system, int steps = 4,
                    std::size_t rawSize = 64) {
    UserTrace t;
    t.userId = user;
    t.system = system;
    t.status = UserStatus::Done;
    t.prediction = "[drama] — «ответ» 答案 🎬";
    t.gold = "drama";
    t.scores = {{"rouge-L", 0.421875}, {"accuracy", 1.0}, {"mae", 0.1 + 0.2}};
    t.formatOk = true;
    t.reasoningTokens = 1234567890123;
    t.interventions = 2;
    t.error = "";
    const StageId stages[] = {
        StageId::Retrieve,       StageId::TaskAnalysis, StageId::ProfileSynthesis,
        StageId::AnswerPlan,     StageId::Answer,       StageId::Candidates,
        StageId::CrossReference, StageId::Final,        StageId::Score};
    for (int i = 0; i < steps; ++i) {
        StepRecord s;
        s.seq = i;
        s.stage = stages[i % 9];
        s.candidate = i % 3;
        s.attempts = 1 + i % 2;
        s.status = i == steps - 1 ? StepStatus::Failed : StepStatus::Done;
        s.prompt = "<|system|>\nYou are a critic.\n<|user|>\nUser " + user + " — 用户画像 " +
                   std::to_string(i);
        s.raw = i == 0 ? noiseText(rawSize) + "ü" : "## Plan\nThe user likes [P1]. " + user;
        s.reasoning = i % 2 ? "" : "Thinking… [P2] ∴ drama";
        s.answer = "answer " + std::to_string(i) + " 🎭";
        s.output = readStepOutput(R"({"marker":"## Plan","cites":[1,2]})");
        s.tokens = {1000 + i, 200 + i, 50 + i};
        s.firstTokenMs = 12.5 + i;
        s.latencyMs = 1234.0625 * (i + 1);
        s.backendMode = i % 2 ? StepMode::Chat : StepMode::Prefill;
        s.error = s.status == StepStatus::Failed ? "HTTP 500 from the server: «overloaded»" : "";
        t.steps.push_back(std::move(s));
    }
    EventRecord intervention;
    intervention.seq = 0;
    intervention.stepSeq = 2;
    intervention.kind = EventKind::Intervention;
    intervention.rule = RpiRule::Citations;
    intervention.evidence = "no [P#] citation in 412 tokens";
    intervention.injected = "Wait — I should cite the profile items, e.g. [P1].";
    intervention.violating = "The user likes films in general, and also films, and films.";
    intervention.mode = StepMode::Prefill;
    intervention.outcome = InterventionOutcome::Complied;
    intervention.detail = "";
    EventRecord note;
    note.seq = 1;
    note.stepSeq = 3;
    note.kind = EventKind::Note;
    note.rule = RpiRule::Invalid;
    note.mode = StepMode::None;
    note.detail = std::string("lexical judge stand-in\0with a NUL byte", 38);
    t.events = {intervention, note};
    VerdictRecord a;
    a.candidate = 0;
    a.answer = "drama";
    a.verdict = Verdict::Supported;
    a.evidence = {1, 3};
    a.agreement = 0.75;
    a.chosen = true;
    a.reason = "fits [P1] and [P3]";
    a.judge = "model";
    VerdictRecord b;
    b.candidate = 1;
    b.answer = "comédie";
    b.verdict = Verdict::Contradicted;
    b.evidence = {};
    b.agreement = 0.25;
    b.chosen = false;
    b.reason = "";
    b.judge = "lexical (offline)";
    VerdictRecord c = b;
    c.candidate = 2;
    c.verdict = Verdict::Partial;
    c.evidence = {2};
    t.verdicts = {a, b, c};
    return t;
}

void expectSameDouble(double a, double b) {
    if (std::isnan(a))
        EXPECT_TRUE(std::isnan(b));
    else
        EXPECT_EQ(a, b); // exact: REAL and JSON keep every bit
}

void expectSameTrace(const UserTrace& a, const UserTrace& b) {
    EXPECT_EQ(a.userId, b.userId);
    EXPECT_EQ(a.system, b.system);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.prediction, b.prediction);
    EXPECT_EQ(a.gold, b.gold);
    ASSERT_EQ(a.scores.size(), b.scores.size());
    for (std::size_t i = 0; i < a.scores.size(); ++i) {
        EXPECT_EQ(a.scores[i].first, b.scores[i].first);
        expectSameDouble(a.scores[i].second, b.scores[i].second);
    }
    EXPECT_EQ(a.formatOk, b.formatOk);
    EXPECT_EQ(a.reasoningTokens, b.reasoningTokens);
    EXPECT_EQ(a.interventions, b.interventions);
    EXPECT_EQ(a.error, b.error);
    ASSERT_EQ(a.steps.size(), b.steps.size());
    for (std::size_t i = 0; i < a.steps.size(); ++i) {
        const auto& x = a.steps[i];
        const auto& y = b.steps[i];
        EXPECT_EQ(x.seq, y.seq);
        EXPECT_EQ(x.stage, y.stage);
        EXPECT_EQ(x.candidate, y.candidate);
        EXPECT_EQ(x.attempts, y.attempts);
        EXPECT_EQ(x.status, y.status);
        EXPECT_EQ(x.prompt, y.prompt);
        EXPECT_EQ(x.raw, y.raw);
        EXPECT_EQ(x.reasoning, y.reasoning);
        EXPECT_EQ(x.answer, y.answer);
        EXPECT_EQ(toJson(x.output), toJson(y.output));
        EXPECT_EQ(x.tokens.prompt, y.tokens.prompt);
        EXPECT_EQ(x.tokens.completion, y.tokens.completion);
        EXPECT_EQ(x.tokens.reasoning, y.tokens.reasoning);
        expectSameDouble(x.firstTokenMs, y.firstTokenMs);
        expectSameDouble(x.latencyMs, y.latencyMs);
        EXPECT_EQ(x.backendMode, y.backendMode);
        EXPECT_EQ(x.error, y.error);
    }
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        const auto& x = a.events[i];
        const auto& y = b.events[i];
        EXPECT_EQ(x.seq, y.seq);
        EXPECT_EQ(x.stepSeq, y.stepSeq);
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_EQ(x.rule, y.rule);
        EXPECT_EQ(x.evidence, y.evidence);
        EXPECT_EQ(x.injected, y.injected);
        EXPECT_EQ(x.violating, y.violating);
        EXPECT_EQ(x.mode, y.mode);
        EXPECT_EQ(x.outcome, y.outcome);
        EXPECT_EQ(x.detail, y.detail);
    }
    ASSERT_EQ(a.verdicts.size(), b.verdicts.size());
    for (std::size_t i = 0; i < a.verdicts.size(); ++i) {
        const auto& x = a.verdicts[i];
        const auto& y = b.verdicts[i];
        EXPECT_EQ(x.candidate, y.candidate);
        EXPECT_EQ(x.answer, y.answer);
        EXPECT_EQ(x.verdict, y.verdict);
        EXPECT_EQ(x.evidence, y.evidence);
        expectSameDouble(x.agreement, y.agreement);
        EXPECT_EQ(x.chosen, y.chosen);
        EXPECT_EQ(x.reason, y.reason);
        EXPECT_EQ(x.judge, y.judge);
    }
}

void expectSameRun(const RunInfo& a, const RunInfo& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.createdAt, b.createdAt);
    EXPECT_EQ(a.finishedAt, b.finishedAt);
    EXPECT_EQ(a.task, b.task);
    EXPECT_EQ(a.questionsPath, b.questionsPath);
    EXPECT_EQ(a.outputsPath, b.outputsPath);
    EXPECT_EQ(a.systems, b.systems);
    EXPECT_EQ(a.backend, b.backend);
    EXPECT_EQ(a.model, b.model);
    EXPECT_EQ(a.baseUrl, b.baseUrl);
    EXPECT_EQ(a.templateId, b.templateId);
    EXPECT_EQ(a.templateVersion, b.templateVersion);
    EXPECT_EQ(a.config, b.config);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.users, b.users);
}

std::int64_t count(sqlite3* db, const std::string& sql) {
    sql::Statement st(db, sql);
    EXPECT_TRUE(st.prepared()) << st.prepareError();
    return st.step() ? st.int64(0) : -1;
}

std::string textOf(sqlite3* db, const std::string& sql) {
    sql::Statement st(db, sql);
    EXPECT_TRUE(st.prepared()) << st.prepareError();
    return st.step() ? st.text(0) : std::string("<no row>");
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST(RunStore, RunInfoRoundTripsAndRunsAreListedNewestFirst) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);

    RunInfo first =
        runInfo({"310", "ид-311", "用户312", ""},
                {SystemId::R2P, SystemId::NoProfile, SystemId::LampRag, SystemId::LrmRag});
    first.createdAt = "2026-01-02T10:00:00Z";
    first.status = RunStatus::Invalid; // no status: stored as running
    const auto a = createRun(runs, first);
    ASSERT_GT(a, 0);
    auto back = runs.run(a);
    ASSERT_TRUE(back.ok()) << back.error().message;
    RunInfo expected = first;
    expected.id = a;
    expected.status = RunStatus::Running;
    expectSameRun(expected, *back);

    // Every field as given, including a task whose name has a suffix and an empty config.
    RunInfo second = runInfo({}, {});
    second.task = TaskId::LaMP2N;
    second.createdAt = "2026-03-01T08:00:00Z";
    second.finishedAt = "2026-03-01T09:00:00Z";
    second.config = "";
    second.status = RunStatus::Done;
    second.templateVersion = 0;
    const auto b = createRun(runs, second);
    back = runs.run(b);
    ASSERT_TRUE(back.ok());
    second.id = b;
    expectSameRun(second, *back);

    // Same creation time as the second: the later id counts as newer.
    RunInfo third = runInfo();
    third.createdAt = "2026-03-01T08:00:00Z";
    const auto c = createRun(runs, third);
    // No creation time: now.
    RunInfo fourth = runInfo();
    const auto d = createRun(runs, fourth);
    EXPECT_EQ(runs.run(d)->createdAt.size(), std::string("2026-01-02T10:00:00Z").size());

    auto all = runs.runs();
    ASSERT_TRUE(all.ok()) << all.error().message;
    ASSERT_EQ(all->size(), 4u);
    EXPECT_EQ((*all)[0].id, d);
    EXPECT_EQ((*all)[1].id, c);
    EXPECT_EQ((*all)[2].id, b);
    EXPECT_EQ((*all)[3].id, a);
    expectSameRun(expected, (*all)[3]);

    // Status: finishing sets the finish time, resuming clears it.
    ASSERT_TRUE(runs.setRunStatus(a, RunStatus::Cancelled).ok());
    EXPECT_EQ(runs.run(a)->status, RunStatus::Cancelled);
    EXPECT_FALSE(runs.run(a)->finishedAt.empty());
    ASSERT_TRUE(runs.setRunStatus(a, RunStatus::Running).ok());
    EXPECT_EQ(runs.run(a)->status, RunStatus::Running);
    EXPECT_TRUE(runs.run(a)->finishedAt.empty());

    auto missing = runs.run(9999);
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(contains(missing.error().message, "no run 9999"));
    EXPECT_TRUE(contains(missing.error().message, store->path()));
    auto status = runs.setRunStatus(9999, RunStatus::Done);
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(contains(status.error().message, "no run 9999"));

    // Ids are not reused after a deletion.
    ASSERT_TRUE(runs.deleteRun(d).ok());
    EXPECT_GT(createRun(runs), d);
}

TEST(RunStore, FullTraceRoundTripsEveryField) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto id = createRun(runs);

    UserTrace t = fullTrace("310", SystemId::R2P, 9, 3 * 1024 * 1024);
    t.scores.emplace_back("nan-score", std::numeric_limits<double>::quiet_NaN());
    t.scores.emplace_back("inf-score", -std::numeric_limits<double>::infinity());
    test::stepOf(t.steps, "task_analysis", 1).latencyMs = std::numeric_limits<double>::quiet_NaN();
    t.verdicts[2].agreement = std::numeric_limits<double>::quiet_NaN();
    ASSERT_TRUE(runs.saveUserTrace(id, t).ok());

    // Absent gold and empty gold are different things.
    UserTrace noGold = fullTrace("311", SystemId::R2P, 1);
    noGold.gold.reset();
    noGold.status = UserStatus::Failed;
    noGold.error = "the backend refused: 401 Unauthorized";
    noGold.formatOk = false;
    noGold.scores.clear();
    noGold.events.clear();
    noGold.verdicts.clear();
    UserTrace emptyGold = fullTrace("312", SystemId::LampRag, 2);
    emptyGold.gold = "";
    emptyGold.prediction = "";
    // An id that is only a space, and an empty one: stored as given.
    UserTrace oddId = fullTrace(" ", SystemId::LampRag, 0);
    UserTrace emptyId = fullTrace("", SystemId::LampRag, 1);
    ASSERT_TRUE(runs.saveUserTraces(id, {noGold, emptyGold, oddId, emptyId}).ok());

    for (const UserTrace* expected : {&t, &noGold, &emptyGold, &oddId, &emptyId}) {
        auto back = runs.userTrace(id, expected->userId, expected->system);
        ASSERT_TRUE(back.ok()) << back.error().message;
        expectSameTrace(*expected, *back);
    }
    EXPECT_FALSE(runs.userTrace(id, "311", SystemId::R2P)->gold.has_value());
    EXPECT_EQ(runs.userTrace(id, "312", SystemId::LampRag)->gold, std::optional<std::string>(""));
    EXPECT_EQ(test::stepOf(runs.userTrace(id, "310", SystemId::R2P)->steps, "retrieve").raw.size(),
              3u * 1024 * 1024 + 2);

    // The outcome rows carry the same per-user fields, with contradicted verdicts counted.
    auto outcomes = runs.outcomes(id);
    ASSERT_TRUE(outcomes.ok()) << outcomes.error().message;
    ASSERT_EQ(outcomes->size(), 5u);
    const UserOutcome& o = (*outcomes)[0];
    EXPECT_EQ(o.userId, "310");
    EXPECT_EQ(o.system, SystemId::R2P);
    EXPECT_EQ(o.status, UserStatus::Done);
    EXPECT_EQ(o.prediction, t.prediction);
    EXPECT_EQ(o.gold, t.gold);
    ASSERT_EQ(o.scores.size(), t.scores.size());
    EXPECT_EQ(o.scores[0], t.scores[0]);
    EXPECT_EQ(o.scores[2], t.scores[2]);
    EXPECT_TRUE(std::isnan(o.scores[3].second));
    EXPECT_EQ(o.scores[4].second, -std::numeric_limits<double>::infinity());
    EXPECT_TRUE(o.formatOk);
    EXPECT_EQ(o.reasoningTokens, t.reasoningTokens);
    EXPECT_EQ(o.interventions, 2);
    EXPECT_EQ(o.contradicted, 1);
    EXPECT_EQ(o.error, "");
    EXPECT_EQ((*outcomes)[1].userId, "311");
    EXPECT_FALSE((*outcomes)[1].gold.has_value());
    EXPECT_EQ((*outcomes)[1].status, UserStatus::Failed);
    EXPECT_EQ((*outcomes)[1].error, noGold.error);
    EXPECT_EQ((*outcomes)[1].contradicted, 0);
    EXPECT_EQ((*outcomes)[2].gold, std::optional<std::string>(""));
}

TEST(RunStore, EnumsAndListsAreStoredByNameInReadableColumns) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto id = createRun(runs);
    ASSERT_TRUE(runs.saveUserTrace(id, fullTrace("310", SystemId::LampRag, 3)).ok());
    sqlite3* db = store->handle();
    const std::string run = std::to_string(id);
    EXPECT_EQ(textOf(db, "SELECT systems FROM runs WHERE id = " + run), R"(["r2p","lamp-rag"])");
    EXPECT_EQ(textOf(db, "SELECT users FROM runs WHERE id = " + run), R"(["310","311","312"])");
    EXPECT_EQ(textOf(db, "SELECT task FROM runs WHERE id = " + run), "LaMP-2");
    EXPECT_EQ(textOf(db, "SELECT system || ' ' || status FROM run_users"), "lamp-rag done");
    EXPECT_EQ(textOf(db, "SELECT scores FROM run_users"),
              R"([["rouge-L",0.421875],["accuracy",1.0],["mae",0.30000000000000004]])");
    EXPECT_EQ(textOf(db, "SELECT group_concat(stage || ':' || status, ',') FROM "
                         "(SELECT stage, status FROM run_steps ORDER BY seq)"),
              "retrieve:done,task_analysis:done,profile_synthesis:failed");
    EXPECT_EQ(textOf(db, "SELECT kind || ' ' || rule FROM run_events WHERE seq = 0"),
              "intervention citations");
    EXPECT_EQ(textOf(db, "SELECT group_concat(backend_mode, ',') FROM "
                         "(SELECT backend_mode FROM run_steps ORDER BY seq)"),
              "prefill,chat,prefill");
    EXPECT_EQ(textOf(db, "SELECT group_concat(mode, ',') FROM "
                         "(SELECT mode FROM run_events ORDER BY seq)"),
              "prefill,");
    EXPECT_EQ(textOf(db, "SELECT verdict || ' ' || evidence FROM run_verdicts WHERE candidate = 0"),
              "supported [1,3]");
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM run_users WHERE gold IS NULL"), 0);
}

TEST(RunStore, AModeNameThisVersionDoesNotKnowReadsAsNone) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto id = createRun(runs);
    ASSERT_TRUE(runs.saveUserTrace(id, fullTrace("310", SystemId::LampRag, 3)).ok());
    ASSERT_EQ(sqlite3_exec(store->handle(),
                           "UPDATE run_steps SET backend_mode = 'speculative' WHERE seq = 1",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    auto trace = runs.userTrace(id, "310", SystemId::LampRag);
    ASSERT_TRUE(trace.ok()) << trace.error().message;
    ASSERT_EQ(trace->steps.size(), 3u);
    EXPECT_EQ(trace->steps[0].backendMode, StepMode::Prefill);
    EXPECT_EQ(trace->steps[1].backendMode, StepMode::None);
    EXPECT_EQ(stepModeName(StepMode::None), "");
    EXPECT_EQ(parseStepMode("edited"), StepMode::Edited);
    EXPECT_EQ(parseStepMode("cache"), std::nullopt);
}

TEST(RunStore, SavingAgainReplacesTheWholeTrace) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto id = createRun(runs);
    const auto other = createRun(runs);
    UserTrace first = fullTrace("310", SystemId::R2P, 6);
    first.steps[1].tagSpans = test::modelSpans("<preference>x</preference><answer>y</answer>");
    ASSERT_TRUE(runs.saveUserTrace(id, first).ok());
    ASSERT_EQ(count(store->handle(), "SELECT COUNT(*) FROM tag_spans"), 2);
    ASSERT_TRUE(runs.saveUserTrace(id, fullTrace("310", SystemId::LampRag, 5)).ok());
    ASSERT_TRUE(runs.saveUserTrace(id, fullTrace("311", SystemId::R2P, 4)).ok());
    ASSERT_TRUE(runs.saveUserTrace(other, fullTrace("310", SystemId::R2P, 3)).ok());

    UserTrace again = fullTrace("310", SystemId::R2P, 2);
    again.status = UserStatus::Failed;
    again.prediction = "second try";
    again.gold.reset();
    again.scores = {{"accuracy", 0}};
    again.events.clear();
    again.verdicts.resize(1);
    ASSERT_TRUE(runs.saveUserTrace(id, again).ok());

    auto back = runs.userTrace(id, "310", SystemId::R2P);
    ASSERT_TRUE(back.ok());
    expectSameTrace(again, *back);
    // No rows of the first save are left behind, and nothing else changed.
    sqlite3* db = store->handle();
    const std::string key =
        " WHERE run_id = " + std::to_string(id) + " AND user_id = '310' AND system = 'r2p'";
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM run_users" + key), 1);
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM run_steps" + key), 2);
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM run_events" + key), 0);
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM run_verdicts" + key), 1);
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM tag_spans" + key), 0);
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM tag_spans"), 0);
    expectSameTrace(fullTrace("310", SystemId::LampRag, 5),
                    *runs.userTrace(id, "310", SystemId::LampRag));
    expectSameTrace(fullTrace("311", SystemId::R2P, 4), *runs.userTrace(id, "311", SystemId::R2P));
    expectSameTrace(fullTrace("310", SystemId::R2P, 3),
                    *runs.userTrace(other, "310", SystemId::R2P));
    EXPECT_EQ(runs.outcomes(id)->size(), 3u);

    // Within one batch the later trace of the same user and system wins.
    UserTrace last = fullTrace("311", SystemId::R2P, 1);
    last.prediction = "last";
    ASSERT_TRUE(runs.saveUserTraces(id, {fullTrace("311", SystemId::R2P, 7), last}).ok());
    expectSameTrace(last, *runs.userTrace(id, "311", SystemId::R2P));
}

TEST(RunStore, OutcomesFollowTheRunsUserOrderThenItsSystemOrder) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto id =
        createRun(runs, runInfo({"u3", "u10", "u1", "u2"},
                                {SystemId::LampRag, SystemId::R2P, SystemId::NoProfile}));
    // Saved in a scrambled order, one pair missing, and one user the run does not list.
    const std::vector<std::pair<std::string, SystemId>> saved = {
        {"u1", SystemId::R2P},        {"u2", SystemId::NoProfile},
        {"stray", SystemId::R2P},     {"u3", SystemId::R2P},
        {"u10", SystemId::LampRag},   {"u1", SystemId::LampRag},
        {"u3", SystemId::LampRag},    {"u10", SystemId::NoProfile},
        {"u3", SystemId::NoProfile},  {"u10", SystemId::R2P},
        {"u2", SystemId::LampRag},    {"also-stray", SystemId::R2P},
        {"stray", SystemId::LampRag}, {"also-stray", SystemId::LampRag}};
    for (const auto& [user, system] : saved) {
        UserTrace t = fullTrace(user, system, 1);
        t.prediction = user + "/" + std::string(systemName(system));
        ASSERT_TRUE(runs.saveUserTrace(id, t).ok());
    }
    auto outcomes = runs.outcomes(id);
    ASSERT_TRUE(outcomes.ok()) << outcomes.error().message;
    std::vector<std::string> order;
    for (const auto& o : *outcomes)
        order.push_back(o.prediction);
    const std::vector<std::string> expected = {
        "u3/lamp-rag",         "u3/r2p",         "u3/no-profile",  "u10/lamp-rag", "u10/r2p",
        "u10/no-profile",      "u1/lamp-rag",    "u1/r2p",         "u2/lamp-rag",  "u2/no-profile",
        "also-stray/lamp-rag", "also-stray/r2p", "stray/lamp-rag", "stray/r2p"};
    EXPECT_EQ(order, expected);
    for (const auto& o : *outcomes)
        EXPECT_EQ(o.userId + "/" + std::string(systemName(o.system)), o.prediction);

    auto missing = runs.outcomes(id + 100);
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(contains(missing.error().message, "no run " + std::to_string(id + 100)));
}

TEST(RunStore, FinishedListsDoneAndFailedPairsInRunOrder) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto id = createRun(runs);
    const auto other = createRun(runs);
    EXPECT_TRUE(runs.finished(id)->empty());

    UserTrace done = fullTrace("312", SystemId::LampRag, 1);
    UserTrace failed = fullTrace("310", SystemId::R2P, 1);
    failed.status = UserStatus::Failed;
    UserTrace unknown = fullTrace("311", SystemId::R2P, 1);
    unknown.status = UserStatus::Invalid; // neither done nor failed: not finished
    ASSERT_TRUE(runs.saveUserTraces(id, {done, failed, unknown}).ok());
    ASSERT_TRUE(runs.saveUserTrace(other, fullTrace("311", SystemId::LampRag, 1)).ok());

    auto pairs = runs.finished(id);
    ASSERT_TRUE(pairs.ok()) << pairs.error().message;
    const std::vector<std::pair<std::string, SystemId>> expected = {{"310", SystemId::R2P},
                                                                    {"312", SystemId::LampRag}};
    EXPECT_EQ(*pairs, expected);
    EXPECT_EQ(runs.outcomes(id)->size(), 3u);
    EXPECT_EQ(runs.userTrace(id, "311", SystemId::R2P)->status, UserStatus::Invalid);
    EXPECT_FALSE(runs.finished(id + 100).ok());
}

TEST(RunStore, VerdictCountsPerSystem) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto id = createRun(runs);
    EXPECT_TRUE(runs.verdictCounts(id)->empty());
    ASSERT_TRUE(runs.saveUserTraces(id, {fullTrace("310", SystemId::R2P, 1),
                                         fullTrace("311", SystemId::R2P, 1),
                                         fullTrace("310", SystemId::LampRag, 1)})
                    .ok());
    UserTrace none = fullTrace("312", SystemId::R2P, 1);
    none.verdicts.clear();
    ASSERT_TRUE(runs.saveUserTrace(id, none).ok());
    auto counts = runs.verdictCounts(id);
    ASSERT_TRUE(counts.ok()) << counts.error().message;
    ASSERT_EQ(counts->size(), 2u);
    const std::map<Verdict, std::size_t> twoUsers = {
        {Verdict::Supported, 2}, {Verdict::Partial, 2}, {Verdict::Contradicted, 2}};
    const std::map<Verdict, std::size_t> oneUser = {
        {Verdict::Supported, 1}, {Verdict::Partial, 1}, {Verdict::Contradicted, 1}};
    EXPECT_EQ(counts->at(SystemId::R2P), twoUsers);
    EXPECT_EQ(counts->at(SystemId::LampRag), oneUser);
    EXPECT_FALSE(runs.verdictCounts(id + 100).ok());
}

TEST(RunStore, DeleteRunRemovesEverythingOfThatRunOnly) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto gone = createRun(runs);
    const auto kept = createRun(runs);
    for (auto id : {gone, kept})
        ASSERT_TRUE(runs.saveUserTraces(id, {fullTrace("310", SystemId::R2P, 3),
                                             fullTrace("311", SystemId::LampRag, 2)})
                        .ok());
    ASSERT_TRUE(runs.deleteRun(gone).ok());

    sqlite3* db = store->handle();
    for (const char* table :
         {"run_users", "run_steps", "run_events", "run_verdicts", "run_usage"}) {
        EXPECT_EQ(count(db, std::string("SELECT COUNT(*) FROM ") + table +
                                " WHERE run_id = " + std::to_string(gone)),
                  0)
            << table;
        EXPECT_GT(count(db, std::string("SELECT COUNT(*) FROM ") + table +
                                " WHERE run_id = " + std::to_string(kept)),
                  0)
            << table;
    }
    EXPECT_FALSE(runs.run(gone).ok());
    EXPECT_FALSE(runs.userTrace(gone, "310", SystemId::R2P).ok());
    ASSERT_EQ(runs.runs()->size(), 1u);
    EXPECT_EQ(runs.runs()->front().id, kept);
    expectSameTrace(fullTrace("311", SystemId::LampRag, 2),
                    *runs.userTrace(kept, "311", SystemId::LampRag));

    auto again = runs.deleteRun(gone);
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(contains(again.error().message, "no run " + std::to_string(gone)));

    // The schema itself cascades: deleting a run row by hand (another SQLite tool) takes its
    // users, steps, events and verdicts with it.
    ASSERT_TRUE(sql::exec(db, "DELETE FROM runs WHERE id = " + std::to_string(kept)).ok());
    for (const char* table : {"run_users", "run_steps", "run_events", "run_verdicts", "run_usage"})
        EXPECT_EQ(count(db, std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
}

TEST(RunStore, ErrorsNameTheProjectRunUserAndSystem) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto id = createRun(runs);
    const std::string run = std::to_string(id);
    ASSERT_TRUE(runs.saveUserTrace(id, fullTrace("310", SystemId::R2P, 1)).ok());

    auto unknownUser = runs.userTrace(id, "999", SystemId::R2P);
    ASSERT_FALSE(unknownUser.ok());
    EXPECT_EQ(unknownUser.error().message, "project " + store->path() + ": run " + run +
                                               " has no trace for user 999 (system r2p)");
    auto otherSystem = runs.userTrace(id, "310", SystemId::LrmRag);
    ASSERT_FALSE(otherSystem.ok());
    EXPECT_TRUE(contains(otherSystem.error().message,
                         "run " + run + " has no trace for user 310 (system lrm-rag)"));
    auto unknownRun = runs.userTrace(id + 7, "310", SystemId::R2P);
    ASSERT_FALSE(unknownRun.ok());
    EXPECT_TRUE(contains(unknownRun.error().message,
                         "run " + std::to_string(id + 7) + " has no trace for user 310"));

    // Saving into a run that does not exist stores nothing.
    auto noRun = runs.saveUserTrace(id + 7, fullTrace("311", SystemId::LampRag, 2));
    ASSERT_FALSE(noRun.ok());
    EXPECT_TRUE(contains(noRun.error().message, store->path()));
    EXPECT_TRUE(contains(noRun.error().message, "cannot save run " + std::to_string(id + 7) +
                                                    ", user 311, system lamp-rag"));
    EXPECT_TRUE(contains(noRun.error().message, "there is no run"));
    EXPECT_EQ(count(store->handle(), "SELECT COUNT(*) FROM run_steps"), 1);

    // A trace without a system cannot be keyed; the batch it is in is not stored at all.
    UserTrace noSystem = fullTrace("312", SystemId::Invalid, 1);
    auto bad = runs.saveUserTraces(id, {fullTrace("311", SystemId::R2P, 1), noSystem});
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(contains(bad.error().message, "user 312"));
    EXPECT_TRUE(contains(bad.error().message, "names no system"));
    EXPECT_FALSE(runs.userTrace(id, "311", SystemId::R2P).ok());

    // A duplicate step number is refused by the key; the error says which step.
    UserTrace twice = fullTrace("313", SystemId::R2P, 2);
    test::stepOf(twice.steps, "task_analysis", 1).seq = 0;
    auto dup = runs.saveUserTrace(id, twice);
    ASSERT_FALSE(dup.ok());
    EXPECT_TRUE(contains(dup.error().message, "cannot save run " + run + ", user 313, system r2p"));
    EXPECT_TRUE(contains(dup.error().message, "step 0"));
    EXPECT_FALSE(runs.userTrace(id, "313", SystemId::R2P).ok());
    EXPECT_EQ(runs.outcomes(id)->size(), 1u);
}

TEST(RunStore, ConcurrentSavesFromFourThreadsAllArrive) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    std::vector<std::string> users;
    for (int i = 0; i < 200; ++i)
        users.push_back("u" + std::to_string(i));
    const auto id = createRun(runs, runInfo(users, {SystemId::R2P, SystemId::LampRag}));

    std::atomic<int> failures{0};
    std::atomic<bool> writing{true};
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w)
        workers.emplace_back([&, w] {
            for (int i = w; i < 200; i += 4) {
                // Alternate single saves and two-system batches, as the batch runner does.
                if (i % 2) {
                    if (!runs.saveUserTrace(id, fullTrace(users[i], SystemId::R2P, 3)).ok() ||
                        !runs.saveUserTrace(id, fullTrace(users[i], SystemId::LampRag, 2)).ok())
                        ++failures;
                } else if (!runs.saveUserTraces(id, {fullTrace(users[i], SystemId::R2P, 3),
                                                     fullTrace(users[i], SystemId::LampRag, 2)})
                                .ok()) {
                    ++failures;
                }
            }
        });
    // A reader (the UI) polls meanwhile; every snapshot is whole users in run order.
    std::thread reader([&] {
        while (writing) {
            auto o = runs.outcomes(id);
            if (!o.ok())
                ++failures;
        }
    });
    for (auto& t : workers)
        t.join();
    writing = false;
    reader.join();
    EXPECT_EQ(failures, 0);

    auto outcomes = runs.outcomes(id);
    ASSERT_TRUE(outcomes.ok());
    ASSERT_EQ(outcomes->size(), 400u);
    for (std::size_t i = 0; i < 200; ++i) {
        EXPECT_EQ((*outcomes)[2 * i].userId, users[i]);
        EXPECT_EQ((*outcomes)[2 * i].system, SystemId::R2P);
        EXPECT_EQ((*outcomes)[2 * i + 1].system, SystemId::LampRag);
    }
    EXPECT_EQ(runs.finished(id)->size(), 400u);
    for (int i : {0, 77, 199}) {
        auto t = runs.userTrace(id, users[static_cast<std::size_t>(i)], SystemId::R2P);
        ASSERT_TRUE(t.ok());
        expectSameTrace(fullTrace(users[static_cast<std::size_t>(i)], SystemId::R2P, 3), *t);
    }
    EXPECT_EQ(count(store->handle(), "SELECT COUNT(*) FROM run_steps"), 200 * 5);
}

TEST(RunStore, FullDiskKeepsEarlierTracesAndStoresNothingOfTheFailedOne) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto id = createRun(runs);
    const std::string run = std::to_string(id);
    const UserTrace kept = fullTrace("310", SystemId::R2P, 3);
    ASSERT_TRUE(runs.saveUserTrace(id, kept).ok());

    // Cap the database at its current size plus a little: a big trace hits SQLITE_FULL.
    sqlite3* db = store->handle();
    const auto pages = count(db, "PRAGMA page_count");
    ASSERT_TRUE(sql::exec(db, "PRAGMA max_page_count=" + std::to_string(pages + 2)).ok());

    auto failed = runs.saveUserTrace(id, fullTrace("311", SystemId::LampRag, 4, 512 * 1024));
    ASSERT_FALSE(failed.ok());
    const std::string& message = failed.error().message;
    EXPECT_TRUE(contains(message, "project " + store->path() + ": cannot save run " + run +
                                      ", user 311, system lamp-rag: "))
        << message;
    EXPECT_TRUE(contains(message, "the disk is full")) << message;

    // Replacing the stored trace with a big one fails too, and the old one stays.
    auto replace = runs.saveUserTrace(id, fullTrace("310", SystemId::R2P, 2, 512 * 1024));
    ASSERT_FALSE(replace.ok());
    EXPECT_TRUE(contains(replace.error().message, "user 310, system r2p"));

    // A batch whose second trace does not fit stores neither.
    auto batch = runs.saveUserTraces(id, {fullTrace("312", SystemId::R2P, 1),
                                          fullTrace("312", SystemId::LampRag, 1, 512 * 1024)});
    ASSERT_FALSE(batch.ok());
    EXPECT_TRUE(contains(batch.error().message, "user 312, system lamp-rag"));

    auto back = runs.userTrace(id, "310", SystemId::R2P);
    ASSERT_TRUE(back.ok()) << back.error().message;
    expectSameTrace(kept, *back);
    EXPECT_FALSE(runs.userTrace(id, "311", SystemId::LampRag).ok());
    EXPECT_FALSE(runs.userTrace(id, "312", SystemId::R2P).ok());
    ASSERT_EQ(runs.outcomes(id)->size(), 1u);
    for (const char* table : {"run_steps", "run_events", "run_verdicts"})
        EXPECT_EQ(
            count(db, std::string("SELECT COUNT(*) FROM ") + table + " WHERE user_id <> '310'"), 0)
            << table;

    // With room again, the same save goes through: the store is not left in a broken state.
    ASSERT_TRUE(sql::exec(db, "PRAGMA max_page_count=1073741823").ok());
    const UserTrace later = fullTrace("311", SystemId::LampRag, 4, 512 * 1024);
    ASSERT_TRUE(runs.saveUserTrace(id, later).ok());
    expectSameTrace(later, *runs.userTrace(id, "311", SystemId::LampRag));
}

TEST(RunStore, EverySaveIsOneTransaction) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const int users = 4000;
    std::vector<UserTrace> traces;
    traces.reserve(users);
    std::vector<std::string> ids;
    for (int i = 0; i < users; ++i) {
        ids.push_back(std::to_string(10000 + i));
        traces.push_back(fullTrace(ids.back(), SystemId::R2P, 10, 400));
    }
    const auto id = createRun(runs, runInfo(ids, {SystemId::R2P}));

    // One commit per call, whatever the trace holds (not one per row).
    int commits = 0;
    sqlite3_commit_hook(
        store->handle(),
        [](void* n) {
            ++*static_cast<int*>(n);
            return 0;
        },
        &commits);
    ASSERT_TRUE(runs.saveUserTrace(id, traces[0]).ok());
    EXPECT_EQ(commits, 1);
    ASSERT_TRUE(runs.saveUserTraces(id, {traces[1], traces[2], traces[3]}).ok());
    EXPECT_EQ(commits, 2);

    // Speed is measured by bench_engine, not asserted here.
    for (const auto& t : traces)
        ASSERT_TRUE(runs.saveUserTrace(id, t).ok());
    sqlite3_commit_hook(store->handle(), nullptr, nullptr);
    EXPECT_EQ(commits, 2 + users);
    EXPECT_EQ(count(store->handle(), "SELECT COUNT(*) FROM run_steps"), users * 10);
    EXPECT_EQ(runs.finished(id)->size(), static_cast<std::size_t>(users));
}

// A project written by a schema-2 workbench (datasets, index cache, response cache; no runs)
// opens as the current schema with its rows intact and can hold runs.
TEST(RunStore, MigratesASchema2ProjectKeepingItsData) {
    TempDir dir;
    const auto path = dir.file("v2.r2p");
    {
        // The v1 and v2 DDL as those versions wrote it.
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        const char* v2 = R"sql(
            PRAGMA journal_mode=WAL;
            CREATE TABLE project_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE datasets(
                id INTEGER PRIMARY KEY, questions_path TEXT NOT NULL,
                outputs_path TEXT NOT NULL DEFAULT '', task TEXT NOT NULL DEFAULT '',
                task_source TEXT NOT NULL DEFAULT '', outputs_task_field TEXT NOT NULL DEFAULT '',
                split_shape TEXT NOT NULL DEFAULT '', questions_size INTEGER NOT NULL,
                questions_mtime_ns INTEGER NOT NULL, questions_fingerprint TEXT NOT NULL,
                outputs_size INTEGER, outputs_mtime_ns INTEGER, outputs_fingerprint TEXT,
                user_count INTEGER NOT NULL DEFAULT 0, opened_at TEXT NOT NULL,
                UNIQUE(questions_path, outputs_path));
            CREATE TABLE dataset_users(
                dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
                ord INTEGER NOT NULL, question_id TEXT NOT NULL, byte_offset INTEGER NOT NULL,
                byte_length INTEGER NOT NULL, profile_size INTEGER NOT NULL,
                user_id TEXT NOT NULL DEFAULT '', gold TEXT,
                PRIMARY KEY(dataset_id, ord)) WITHOUT ROWID;
            CREATE TABLE dataset_findings(
                dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
                ord INTEGER NOT NULL, severity TEXT NOT NULL, code TEXT NOT NULL,
                file TEXT NOT NULL DEFAULT '', record_id TEXT NOT NULL DEFAULT '',
                line INTEGER NOT NULL DEFAULT 0, col INTEGER NOT NULL DEFAULT 0,
                byte_offset INTEGER NOT NULL DEFAULT 0, count INTEGER NOT NULL DEFAULT 0,
                ids TEXT NOT NULL DEFAULT '[]', detail TEXT NOT NULL DEFAULT '',
                PRIMARY KEY(dataset_id, ord)) WITHOUT ROWID;
            CREATE TABLE response_cache(
                key TEXT PRIMARY KEY, backend TEXT NOT NULL, model TEXT NOT NULL,
                request TEXT NOT NULL, reasoning TEXT NOT NULL, answer TEXT NOT NULL,
                finish_reason TEXT NOT NULL, usage TEXT NOT NULL DEFAULT '',
                first_token_ms REAL NOT NULL DEFAULT 0, total_ms REAL NOT NULL DEFAULT 0,
                deltas TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL);
            INSERT INTO project_meta VALUES('created_at', '2025-12-01T00:00:00Z');
            INSERT INTO datasets(id, questions_path, task, task_source, split_shape,
                questions_size, questions_mtime_ns, questions_fingerprint, user_count, opened_at)
                VALUES(7, '/data/q.json', 'LaMP-3', 'input-template', 'user-based', 1234, 99,
                       'abc', 2, '2025-12-01T00:00:00Z');
            INSERT INTO dataset_users VALUES(7, 0, '300', 0, 600, 12, 'u-a', '4');
            INSERT INTO dataset_users VALUES(7, 1, '301', 600, 634, 9, 'u-b', NULL);
            INSERT INTO response_cache(key, backend, model, request, reasoning, answer,
                finish_reason, first_token_ms, total_ms, created_at)
                VALUES('k1', 'openai', 'qwen3-8b', '{}', 'hmm', '4', 'stop', 10.5, 99.25,
                       '2025-12-01T00:00:00Z');
            PRAGMA user_version=2;
        )sql";
        ASSERT_EQ(sqlite3_exec(db, v2, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
        const std::string appId =
            "PRAGMA application_id=" + std::to_string(ProjectStore::kApplicationId);
        ASSERT_EQ(sqlite3_exec(db, appId.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }

    auto opened = ProjectStore::open(path);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    ProjectStore& store = **opened;
    EXPECT_EQ(store.schemaVersion(), ProjectStore::kSchemaVersion); // 3, then later ones
    sqlite3* db = store.handle();
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                        "('runs', 'run_users', 'run_steps', 'run_events', 'run_verdicts')"),
              5);
    EXPECT_EQ(textOf(db, "SELECT value FROM project_meta WHERE key = 'created_at'"),
              "2025-12-01T00:00:00Z");

    // The datasets and their index are still there.
    auto rows = store.datasets();
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].id, 7);
    EXPECT_EQ((*rows)[0].task, TaskId::LaMP3);
    auto index = store.loadIndex(7);
    ASSERT_TRUE(index.ok()) << index.error().message;
    ASSERT_EQ(index->users.size(), 2u);
    EXPECT_EQ(index->users[0].id, "300");
    EXPECT_TRUE(index->users[0].hasGold);
    EXPECT_EQ(index->users[0].gold, "4");
    EXPECT_EQ(index->users[1].offset, 600u);
    EXPECT_FALSE(index->users[1].hasGold);

    // So is the response cache.
    ResponseCache cache(store);
    EXPECT_EQ(*cache.size(), 1u);
    auto hit = cache.get("k1");
    ASSERT_TRUE(hit.ok() && hit->has_value());
    EXPECT_EQ((*hit)->answer, "4");
    EXPECT_DOUBLE_EQ((*hit)->totalMs, 99.25);

    // And runs can be stored in it now, also after reopening.
    RunStore runs(store);
    const auto id = createRun(runs, runInfo({"300", "301"}, {SystemId::R2P}));
    ASSERT_TRUE(runs.saveUserTrace(id, fullTrace("300", SystemId::R2P, 2)).ok());
    opened->reset();
    auto again = ProjectStore::open(path);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ((*again)->schemaVersion(), ProjectStore::kSchemaVersion);
    RunStore reopened(**again);
    expectSameTrace(fullTrace("300", SystemId::R2P, 2),
                    *reopened.userTrace(id, "300", SystemId::R2P));
    EXPECT_EQ(count((*again)->handle(), "SELECT COUNT(*) FROM pragma_foreign_key_check"), 0);
}

// A tagger's or a person's spans replace only their own on a step; the model's and others'
// stay; an unknown step changes nothing; forEachChainStep hands out every step with spans.
TEST(RunStore, ReplacingTagSpansKeepsOtherSourcesAndRefusesUnknownSteps) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    std::string error;
    RunInfo info;
    info.users = {"a", "b", "c", "d"};
    const std::int64_t runId = test::storeTaggedRun(**store, info, &error);
    ASSERT_NE(runId, 0) << error;
    RunStore runs(**store);
    auto span = [](std::int64_t start, std::int64_t end, const std::string& tag) {
        TagSpanRecord r;
        r.start = start;
        r.end = end;
        r.tag = tag;
        r.tagSetId = "tagpr-personalization";
        r.tagSetVersion = 1;
        return r;
    };
    // User a's lrm-rag step 1 holds ana's human span; bo adds hers, a tagger adds two.
    ASSERT_TRUE(
        runs.replaceTagSpans(runId,
                             {{"a", SystemId::LrmRag, 1, "human", "bo", {span(0, 9, "preference")}},
                              {"a",
                               SystemId::LrmRag,
                               1,
                               "auto",
                               "t",
                               {span(0, 33, "history"), span(33, 34, "answer")}}})
            .ok());
    // The tagger again, with one span: its two go, ana's and bo's stay.
    ASSERT_TRUE(runs.replaceTagSpans(
                        runId, {{"a", SystemId::LrmRag, 1, "auto", "t", {span(0, 34, "relate")}}})
                    .ok());
    auto t = runs.userTrace(runId, "a", SystemId::LrmRag);
    ASSERT_TRUE(t.ok()) << t.error().message;
    std::vector<std::string> got;
    for (const auto& s : t->steps[1].tagSpans)
        got.push_back(s.source + ":" + s.annotator + ":" + s.tag);
    EXPECT_EQ(got, (std::vector<std::string>{"human:ana:preference", "human:bo:preference",
                                             "auto:t:relate"}));
    // A step that is not stored: an Error naming it, nothing of the batch stored.
    auto bad = runs.replaceTagSpans(
        runId, {{"b", SystemId::LrmRag, 1, "auto", "t", {span(0, 5, "history")}},
                {"zz", SystemId::LrmRag, 1, "auto", "t", {}}});
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("user zz, system lrm-rag, step 1 is not stored"),
              std::string::npos)
        << bad.error().message;
    auto b = runs.userTrace(runId, "b", SystemId::LrmRag);
    ASSERT_TRUE(b.ok());
    EXPECT_TRUE(b->steps[1].tagSpans.empty());
    // The chain steps of the run: retrieve and generate of each trace, spans attached.
    std::size_t steps = 0, withSpans = 0;
    ASSERT_TRUE(runs.forEachChainStep(runId,
                                      [&](const std::string&, SystemId, StepRecord& s) {
                                          ++steps;
                                          withSpans += s.tagSpans.empty() ? 0 : 1;
                                      })
                    .ok());
    EXPECT_EQ(steps, 16u);    // 4 users x 2 systems x (retrieve, generate)
    EXPECT_EQ(withSpans, 5u); // tagpr's 4 generate steps and user a's lrm-rag one
}

namespace {
// The WAL frames the connection wrote since `frames` was last reset (a wal hook: SQLite calls
// it after each commit with the WAL's frame count).
int countFrames(void* frames, sqlite3*, const char*, int n) {
    *static_cast<int*>(frames) = n;
    return SQLITE_OK;
}

std::int64_t pragmaValue(sqlite3* db, const char* pragma) {
    sql::Statement st(db, std::string("PRAGMA ") + pragma);
    return st.step() ? st.int64(0) : -1;
}
} // namespace

// Replacing a round frees the old round's pages without writing them once more (secure_delete
// is FAST for that statement, then back as it was; the table is emptied whole when no other
// run has a round): with the connection's secure_delete on, every freed page was zeroed,
// written to the WAL and copied back by the checkpoint. Another run's round stays.
TEST(RunStore, ReplacingARoundDoesNotWriteItsFreedPagesAgain) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto id = createRun(runs);
    const auto other = createRun(runs);
    sqlite3* db = store->handle();
    ASSERT_TRUE(sql::exec(db, "PRAGMA secure_delete=ON").ok());
    std::uint64_t seed = 7;
    std::vector<BatchRequest> round;
    for (int i = 0; i < 3000; ++i) {
        BatchRequest r;
        r.customId = "r1-user-" + std::to_string(i);
        r.url = "/v1/chat/completions";
        std::string noise; // letters zstd cannot squeeze much
        for (int k = 0; k < 1500; ++k) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            noise.push_back(static_cast<char>('a' + (seed >> 59)));
        }
        r.onlineBody = R"({"messages":[{"content":")" + noise + R"(","role":"user"}]})";
        r.model = "m";
        round.push_back(std::move(r));
    }
    std::vector<BatchRequest> none, kept{round[1]};
    kept[0].customId = "r2-kept";
    // With another run's round in the table, only this run's rows go.
    ASSERT_TRUE(runs.replaceBatchRequests(other, kept).ok());
    ASSERT_TRUE(runs.replaceBatchRequests(id, round).ok());
    ASSERT_TRUE(runs.replaceBatchRequests(id, none).ok());
    EXPECT_FALSE(runs.batchRequest(id, round[0].customId)->has_value());
    ASSERT_TRUE(runs.batchRequest(other, "r2-kept")->has_value());
    EXPECT_EQ(pragmaValue(db, "secure_delete"), 1) << "secure_delete is not set back";

    // The only round in the table: emptied whole, its pages not written again.
    ASSERT_TRUE(runs.replaceBatchRequests(other, none).ok());
    const std::int64_t before = pragmaValue(db, "page_count") - pragmaValue(db, "freelist_count");
    ASSERT_TRUE(runs.replaceBatchRequests(id, round).ok());
    const std::int64_t roundPages =
        pragmaValue(db, "page_count") - pragmaValue(db, "freelist_count") - before;
    ASSERT_GT(roundPages, 900); // 3000 bodies of about 1.2 KB compressed
    ASSERT_TRUE(sql::exec(db, "PRAGMA wal_checkpoint(TRUNCATE)").ok());
    int frames = -1;
    sqlite3_wal_hook(db, &countFrames, &frames);
    ASSERT_TRUE(runs.replaceBatchRequests(id, none).ok());
    sqlite3_wal_autocheckpoint(db, 4096); // the hook is SQLite's own again
    EXPECT_GE(frames, 1);
    EXPECT_LT(frames, roundPages / 10) << "the freed pages were written again";
    EXPECT_EQ(pragmaValue(db, "secure_delete"), 1) << "secure_delete is not set back";
    EXPECT_EQ(pragmaValue(db, "foreign_keys"), 1) << "foreign keys are not on again";
    EXPECT_FALSE(runs.batchRequest(id, round[0].customId)->has_value());
    // The run the keys would have checked is checked still.
    auto missing = runs.replaceBatchRequests(id + 100, kept);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("run " + std::to_string(id + 100)), std::string::npos)
        << missing.error().message;
    EXPECT_EQ(pragmaValue(db, "foreign_keys"), 1);
}

// A round is stored whole and replaced whole; each request comes back as it was stored, short
// bodies (stored as text) and long ones (compressed).
TEST(RunStore, BatchRoundRoundTripsAndIsReplacedWhole) {
    TempDir dir;
    auto store = openStore(dir);
    RunStore runs(*store);
    const auto id = createRun(runs);
    std::vector<BatchRequest> round;
    for (int i = 0; i < 1500; ++i) {
        BatchRequest r;
        r.customId = "r1-user-" + std::to_string(i) + "-lamp-rag";
        r.url = "/v1/chat/completions";
        r.onlineBody = i % 3 == 0 ? "{}"
                                  : R"({"messages":[{"content":")" +
                                        std::string(200 + i % 50, char('a' + i % 26)) +
                                        std::to_string(i) + R"(","role":"user"}]})";
        r.model = "m";
        r.thinkStart = i % 2;
        r.label = "user " + std::to_string(i);
        round.push_back(r);
    }
    ASSERT_TRUE(runs.replaceBatchRequests(id, round).ok());
    for (int i : {0, 1, 2, 749, 750, 1124, 1499}) {
        auto back = runs.batchRequest(id, round[i].customId);
        ASSERT_TRUE(back.ok() && back->has_value()) << i;
        EXPECT_EQ((*back)->onlineBody, round[i].onlineBody) << i;
        EXPECT_EQ((*back)->url, round[i].url);
        EXPECT_EQ((*back)->model, "m");
        EXPECT_EQ((*back)->thinkStart, i % 2);
        EXPECT_EQ((*back)->label, "user " + std::to_string(i));
    }
    EXPECT_FALSE(runs.batchRequest(id, "r1-user-1500-lamp-rag")->has_value());
    ASSERT_TRUE(runs.replaceBatchRequests(id, {round[7]}).ok());
    EXPECT_FALSE(runs.batchRequest(id, round[6].customId)->has_value());
    EXPECT_EQ((*runs.batchRequest(id, round[7].customId))->onlineBody, round[7].onlineBody);
}
