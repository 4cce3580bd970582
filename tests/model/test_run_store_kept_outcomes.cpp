// A run's packed outcomes (schema 18, RunStore::keepOutcomes): read back field for field in the
// run's order over several chunks, forgotten when a trace of the run is saved or the run is
// deleted, and never trusted when damaged (the rows are read instead). Also the deferred
// transaction keepOutcomes relies on to never overwrite what another connection wrote.
#include "model/OutcomeSnapshot.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/Sqlite.h"
#include "support/TestSupport.h"

#include <bit>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>

using namespace r2p;
using r2p::test::TempDir;

namespace {

std::unique_ptr<ProjectStore> openStore(const TempDir& dir) {
    auto store = ProjectStore::open(dir.file("p.r2p"));
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? std::move(store).value() : nullptr;
}

std::int64_t count(ProjectStore& store, const std::string& sql) {
    sql::Statement st(store.handle(), sql);
    return st.step() ? st.int64(0) : -1;
}

// 2,100 listed users ("u0000" ...) × {lamp-rag, r2p}, and one user the run does not list:
// 4,202 rows, so two chunks of 4,096 rows and one of 10. Every field varies with the user.
constexpr int kUsers = 2100;

std::string userName(int i) {
    std::string s = std::to_string(i);
    return "u" + std::string(4 - s.size(), '0') + s;
}

UserTrace outcomeTrace(const std::string& user, SystemId system, int i) {
    UserTrace t;
    t.userId = user;
    t.system = system;
    t.status = i % 7 == 3 ? UserStatus::Failed : UserStatus::Done;
    t.prediction = system == SystemId::R2P ? "«R2P» 答案 " + user : "";
    if (i % 5 != 0)
        t.gold = "gold of " + user;
    if (i % 4 == 1)
        t.scores = {{"rouge-1", i / 4096.0}, {"rouge-L", -0.0}};
    else if (i % 4 == 2)
        t.scores = {{"rouge-1", std::numeric_limits<double>::quiet_NaN()}};
    t.formatOk = i % 2 == 0;
    t.reasoningTokens = i % 3 == 0 ? 1234567890123LL * i : -i;
    t.interventions = i % 9;
    for (int k = 0; k < i % 11; ++k) { // i % 11 contradicted verdicts
        VerdictRecord v;
        v.candidate = k;
        v.verdict = Verdict::Contradicted;
        t.verdicts.push_back(v);
    }
    if (t.status == UserStatus::Failed)
        t.error = "HTTP 503 from 127.0.0.1:8000 for " + user;
    return t;
}

std::int64_t storeRun(RunStore& runs) {
    RunInfo info;
    info.task = TaskId::LaMP4;
    info.questionsPath = "/q.json";
    info.systems = {SystemId::LampRag, SystemId::R2P};
    for (int i = 0; i < kUsers; ++i)
        info.users.push_back(userName(i));
    auto id = runs.createRun(info);
    EXPECT_TRUE(id.ok()) << id.error().message;
    std::vector<UserTrace> traces;
    // Saved newest user first, so only the sort puts them in the run's order.
    for (int i = kUsers - 1; i >= 0; --i)
        for (SystemId s : {SystemId::R2P, SystemId::LampRag})
            traces.push_back(outcomeTrace(userName(i), s, i));
    traces.push_back(outcomeTrace("unlisted", SystemId::R2P, 5));
    traces.push_back(outcomeTrace("unlisted", SystemId::LampRag, 5));
    EXPECT_TRUE(runs.saveUserTraces(*id, traces).ok());
    return id.ok() ? *id : 0;
}

void expectSame(const UserOutcome& a, const UserOutcome& b, std::size_t row) {
    SCOPED_TRACE("row " + std::to_string(row) + " (" + a.userId + ")");
    EXPECT_EQ(a.userId, b.userId);
    EXPECT_EQ(a.system, b.system);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.prediction, b.prediction);
    EXPECT_EQ(a.gold, b.gold);
    ASSERT_EQ(a.scores.size(), b.scores.size());
    for (std::size_t k = 0; k < a.scores.size(); ++k) {
        EXPECT_EQ(a.scores[k].first, b.scores[k].first);
        // Bit for bit: NaN stays NaN, -0 stays -0.
        EXPECT_EQ(std::bit_cast<std::uint64_t>(a.scores[k].second),
                  std::bit_cast<std::uint64_t>(b.scores[k].second));
    }
    EXPECT_EQ(a.formatOk, b.formatOk);
    EXPECT_EQ(a.reasoningTokens, b.reasoningTokens);
    EXPECT_EQ(a.interventions, b.interventions);
    EXPECT_EQ(a.contradicted, b.contradicted);
    EXPECT_EQ(a.error, b.error);
}

TEST(RunStoreKeptOutcomes, ReadBackEveryFieldInTheRunsOrderFromTheChunks) {
    TempDir dir;
    auto store = openStore(dir);
    ASSERT_TRUE(store);
    RunStore runs(*store);
    const std::int64_t id = storeRun(runs);
    EXPECT_FALSE(runs.keepsOutcomes(id));
    auto fromRows = runs.outcomes(id);
    ASSERT_TRUE(fromRows.ok()) << fromRows.error().message;
    ASSERT_EQ(fromRows->size(), 4202u);

    ASSERT_TRUE(runs.keepOutcomes(id).ok());
    EXPECT_TRUE(runs.keepsOutcomes(id));
    const std::string where = " FROM run_outcomes WHERE run_id = " + std::to_string(id);
    EXPECT_EQ(count(*store, "SELECT count(*)" + where), 2);
    EXPECT_EQ(count(*store, "SELECT sum(rows)" + where), 4202);
    EXPECT_EQ(count(*store, "SELECT rows" + where + " AND chunk = 1"), 4202 - 4096);

    // Rows changed behind RunStore's back: a read that still shows the old texts read the chunks.
    ASSERT_TRUE(sql::exec(store->handle(), "UPDATE run_users SET prediction = 'changed'"));
    auto kept = runs.outcomes(id);
    ASSERT_TRUE(kept.ok()) << kept.error().message;
    ASSERT_EQ(kept->size(), fromRows->size());
    for (std::size_t i = 0; i < kept->size(); ++i)
        expectSame((*kept)[i], (*fromRows)[i], i);

    // By hand: the run's user order, its system order, the unlisted user last.
    EXPECT_EQ((*kept)[0].userId, "u0000");
    EXPECT_EQ((*kept)[0].system, SystemId::LampRag);
    EXPECT_EQ((*kept)[1].system, SystemId::R2P);
    EXPECT_EQ((*kept)[1].prediction, "«R2P» 答案 u0000");
    EXPECT_FALSE((*kept)[0].gold); // user 0: no gold
    const UserOutcome& u3 = (*kept)[2 * 3 + 1];
    EXPECT_EQ(u3.userId, "u0003");
    EXPECT_EQ(u3.status, UserStatus::Failed);
    EXPECT_EQ(u3.error, "HTTP 503 from 127.0.0.1:8000 for u0003");
    EXPECT_EQ(u3.reasoningTokens, 3703703670369LL);
    const UserOutcome& u2053 = (*kept)[2 * 2053 + 1]; // row 4,107: in the second chunk
    EXPECT_EQ(u2053.userId, "u2053");
    ASSERT_EQ(u2053.scores.size(), 2u);
    EXPECT_EQ(u2053.scores[0].second, 2053 / 4096.0);
    EXPECT_EQ(u2053.reasoningTokens, -2053);
    EXPECT_EQ(u2053.interventions, 1);
    EXPECT_EQ(u2053.contradicted, 7);
    EXPECT_EQ(u2053.status, UserStatus::Done);
    EXPECT_EQ(kept->back().userId, "unlisted");
    EXPECT_EQ(kept->back().system, SystemId::R2P);

    // The one-system read is always from the rows.
    auto lamp = runs.outcomes(id, SystemId::LampRag);
    ASSERT_TRUE(lamp.ok());
    EXPECT_EQ(lamp->front().prediction, "changed");
}

TEST(RunStoreKeptOutcomes, SavingATraceOfTheRunForgetsThem) {
    TempDir dir;
    auto store = openStore(dir);
    ASSERT_TRUE(store);
    RunStore runs(*store);
    const std::int64_t id = storeRun(runs);
    RunInfo other;
    other.task = TaskId::LaMP4;
    other.questionsPath = "/q.json";
    other.systems = {SystemId::R2P};
    other.users = {"u0001"};
    const auto created = runs.createRun(other);
    ASSERT_TRUE(created.ok());
    const std::int64_t otherId = *created;
    ASSERT_TRUE(runs.saveUserTrace(otherId, outcomeTrace("u0001", SystemId::R2P, 1)).ok());
    ASSERT_TRUE(runs.keepOutcomes(id).ok());
    ASSERT_TRUE(runs.keepOutcomes(otherId).ok());

    UserTrace again = outcomeTrace("u0001", SystemId::R2P, 1);
    again.prediction = "a second answer";
    ASSERT_TRUE(runs.saveUserTrace(id, again).ok());
    EXPECT_FALSE(runs.keepsOutcomes(id));
    EXPECT_TRUE(runs.keepsOutcomes(otherId)); // another run's are kept
    auto read = runs.outcomes(id);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ((*read)[3].userId, "u0001");
    EXPECT_EQ((*read)[3].prediction, "a second answer");

    ASSERT_TRUE(runs.keepOutcomes(id).ok());
    ASSERT_TRUE(runs.deleteRun(id).ok());
    EXPECT_EQ(
        count(*store, "SELECT count(*) FROM run_outcomes WHERE run_id = " + std::to_string(id)), 0);
    EXPECT_TRUE(runs.keepsOutcomes(otherId));
}

TEST(RunStoreKeptOutcomes, DamagedOrMissingChunksAreReadFromTheRows) {
    const std::vector<std::string> damage = {
        "UPDATE run_outcomes SET data = substr(data, 1, length(data) / 2) WHERE chunk = 1",
        "UPDATE run_outcomes SET data = x'00ff00ff' WHERE chunk = 0",
        "UPDATE run_outcomes SET rows = rows + 1 WHERE chunk = 1",
        "UPDATE run_outcomes SET rows = rows - 1 WHERE chunk = 0",
        "UPDATE run_outcomes SET rows = -1 WHERE chunk = 0",
        "UPDATE run_outcomes SET rows = 1 << 40 WHERE chunk = 0",
        "UPDATE run_outcomes SET rows = 4097 WHERE chunk = 0",
        "DELETE FROM run_outcomes WHERE chunk = 0",
        "UPDATE run_outcomes SET chunk = 5 WHERE chunk = 1",
        "UPDATE run_outcomes SET data = 'text, not a frame'",
    };
    for (const auto& how : damage) {
        SCOPED_TRACE(how);
        TempDir dir;
        auto store = openStore(dir);
        ASSERT_TRUE(store);
        RunStore runs(*store);
        const std::int64_t id = storeRun(runs);
        ASSERT_TRUE(runs.keepOutcomes(id).ok());
        ASSERT_TRUE(sql::exec(store->handle(), "UPDATE run_users SET prediction = 'from rows'"));
        ASSERT_TRUE(sql::exec(store->handle(), how));
        auto read = runs.outcomes(id);
        ASSERT_TRUE(read.ok()) << read.error().message;
        ASSERT_EQ(read->size(), 4202u);
        for (const auto& o : *read)
            ASSERT_EQ(o.prediction, "from rows") << o.userId;
    }
}

TEST(OutcomeSnapshot, EveryCutOfAChunkIsRefusedAndAddsNothing) {
    std::vector<UserOutcome> rows;
    for (int i = 0; i < 40; ++i) {
        UserTrace t = outcomeTrace(userName(i), SystemId::R2P, i);
        UserOutcome& o = rows.emplace_back();
        o.userId = t.userId;
        o.system = t.system;
        o.status = t.status;
        o.prediction = t.prediction;
        o.gold = t.gold;
        o.scores = t.scores;
        o.reasoningTokens = t.reasoningTokens;
        o.error = t.error;
        o.contradicted = i % 11;
    }
    const std::string packed = outcomesnapshot::pack(rows);
    ASSERT_FALSE(packed.empty());
    std::vector<UserOutcome> out(1);
    std::string scratch;
    ASSERT_TRUE(outcomesnapshot::unpack(packed, 40, out, scratch));
    EXPECT_EQ(out.size(), 41u);
    for (std::size_t i = 0; i < rows.size(); ++i)
        expectSame(out[i + 1], rows[i], i);
    out.resize(1);
    EXPECT_FALSE(outcomesnapshot::unpack(packed, 39, out, scratch)); // bytes left over
    EXPECT_FALSE(outcomesnapshot::unpack(packed, 41, out, scratch)); // too few
    EXPECT_FALSE(outcomesnapshot::unpack(packed, std::size_t(-1), out, scratch));
    // More rows than a chunk holds is refused before any is read, even when the bytes hold them.
    std::vector<UserOutcome> many(outcomesnapshot::kRowsPerChunk + 1, rows.front());
    const std::string big = outcomesnapshot::pack(many);
    EXPECT_FALSE(outcomesnapshot::unpack(big, many.size(), out, scratch));
    EXPECT_EQ(out.size(), 1u);
    for (std::size_t cut = 0; cut < packed.size(); ++cut)
        EXPECT_FALSE(
            outcomesnapshot::unpack(std::string_view(packed).substr(0, cut), 40, out, scratch))
            << cut;
    EXPECT_EQ(out.size(), 1u);
}

TEST(SqlTransaction, ADeferredOneFailsToWriteAfterAnotherConnectionWrote) {
    TempDir dir;
    auto a = openStore(dir);
    ASSERT_TRUE(a);
    auto b = ProjectStore::open(dir.file("p.r2p"), ProjectStore::OpenMode::Existing);
    ASSERT_TRUE(b.ok());
    ASSERT_TRUE(sql::exec(a->handle(), "CREATE TABLE t(x INTEGER)"));
    {
        sql::Transaction tx(a->handle(), sql::Transaction::Begin::Deferred);
        ASSERT_TRUE(tx.begun().ok());
        EXPECT_EQ(count(*a, "SELECT count(*) FROM t"), 0); // the read begins here
        ASSERT_TRUE(sql::exec((*b)->handle(), "INSERT INTO t VALUES(1)"));
        EXPECT_FALSE(sql::exec(a->handle(), "INSERT INTO t VALUES(2)").ok());
    } // rolled back
    EXPECT_EQ(count(*a, "SELECT count(*) FROM t"), 1);
    EXPECT_EQ(count(*a, "SELECT x FROM t"), 1);
}

} // namespace
