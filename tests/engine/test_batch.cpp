// Batches into a real project file: every finished user stored with all its systems, a cancel
// keeps finished users and no half-finished one, and a resumed batch completes the rest. The
// summary compares R2P with each baseline.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/engine/Batch.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/RunSummary.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::engine;

namespace {

const std::vector<SystemId> kAll = {SystemId::R2P, SystemId::NoProfile, SystemId::LampRag,
                                    SystemId::LrmRag};

struct BatchFixture {
    test::TempDir dir;
    std::unique_ptr<ProjectStore> store;
    DatasetIndex index;
    std::shared_ptr<const EngineContext> ctx;

    explicit BatchFixture(TaskId task, OfflineOptions options = {}) {
        const std::string demo = test::demoDir() + "/" + std::string(taskSpec(task).name);
        auto opened = ProjectStore::open(dir.file("p.r2p"));
        EXPECT_TRUE(opened);
        store = std::move(*opened);
        auto dataset =
            openDataset(*store, demo + "/dev_questions.json", demo + "/dev_outputs.json");
        EXPECT_TRUE(dataset);
        index = dataset->index;
        auto made =
            EngineContext::make(task, {}, std::make_shared<OfflineBackend>(options), nullptr, true);
        EXPECT_TRUE(made);
        ctx = *made;
    }

    std::int64_t createRun(RunStore& runs) {
        RunInfo info;
        info.task = ctx->task;
        info.systems = kAll;
        info.backend = "offline";
        info.model = "offline";
        info.status = RunStatus::Running;
        for (const auto& u : index.users)
            info.users.push_back(u.id);
        auto id = runs.createRun(info);
        EXPECT_TRUE(id);
        return *id;
    }

    BatchSpec spec(int concurrency = 2) const {
        BatchSpec s;
        s.systems = kAll;
        for (std::size_t i = 0; i < index.users.size(); ++i)
            s.users.push_back(i);
        s.concurrency = concurrency;
        return s;
    }
};

TEST(Batch, StoresEveryUserAndSystem) {
    BatchFixture f(TaskId::LaMP2);
    RunStore runs(*f.store);
    const auto runId = f.createRun(runs);
    BatchRunner runner(f.ctx, runs, runId, f.index);
    std::size_t reports = 0;
    runner.setProgressHandler([&](const BatchProgress& p) {
        ++reports;
        EXPECT_LE(p.usersDone, p.usersTotal);
    });
    auto result = runner.run(f.spec());
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->done, f.index.users.size());
    EXPECT_EQ(result->failed, 0u);
    EXPECT_FALSE(result->cancelled);
    EXPECT_EQ(reports, f.index.users.size());
    auto outcomes = runs.outcomes(runId);
    ASSERT_TRUE(outcomes);
    ASSERT_EQ(outcomes->size(), f.index.users.size() * kAll.size());
    // Run order: users as listed, systems as listed.
    EXPECT_EQ((*outcomes)[0].userId, f.index.users[0].id);
    EXPECT_EQ((*outcomes)[0].system, SystemId::R2P);
    EXPECT_EQ((*outcomes)[1].system, SystemId::NoProfile);
    for (const auto& o : *outcomes) {
        EXPECT_EQ(o.status, UserStatus::Done);
        ASSERT_TRUE(o.gold);
        EXPECT_FALSE(o.scores.empty());
    }
    // A stored trace is the engine's trace, step for step.
    auto trace = runs.userTrace(runId, f.index.users[3].id, SystemId::R2P);
    ASSERT_TRUE(trace);
    RecordReader reader(f.index.questions);
    auto record = reader.read(f.index.users[3]);
    ASSERT_TRUE(record);
    UserRun again(f.ctx, *record, f.index.users[3].gold, SystemId::R2P);
    ASSERT_TRUE(again.run());
    ASSERT_EQ(trace->steps.size(), again.trace().steps.size());
    for (std::size_t i = 0; i < trace->steps.size(); ++i) {
        EXPECT_EQ(trace->steps[i].stage, again.trace().steps[i].stage);
        EXPECT_EQ(trace->steps[i].prompt, again.trace().steps[i].prompt);
        EXPECT_EQ(trace->steps[i].answer, again.trace().steps[i].answer);
        EXPECT_EQ(toJson(trace->steps[i].output), toJson(again.trace().steps[i].output));
    }
    EXPECT_EQ(trace->verdicts.size(), again.trace().verdicts.size());
    EXPECT_EQ(trace->prediction, again.trace().prediction);

    // The summary: every system scored, R2P against each baseline on every metric.
    auto verdicts = runs.verdictCounts(runId);
    ASSERT_TRUE(verdicts);
    VerdictCounts counts(verdicts->begin(), verdicts->end());
    auto summary = summarizeRun(runId, TaskId::LaMP2, kAll, *outcomes, counts);
    ASSERT_TRUE(summary) << summary.error().message;
    ASSERT_EQ(summary->systems.size(), 4u);
    // Rows read from the store one system at a time (what r2p run prints): the same summary.
    auto bySystem = summarizeRunBySystem(
        runId, TaskId::LaMP2, kAll,
        [&](SystemId system) -> Result<SystemRows> {
            auto rows = runs.outcomes(runId, system);
            if (!rows)
                return rows.error();
            EXPECT_EQ(rows->size(), f.index.users.size());
            return ownedRows(std::move(*rows));
        },
        counts);
    ASSERT_TRUE(bySystem) << bySystem.error().message;
    EXPECT_EQ(summaryJson(*bySystem), summaryJson(*summary));
    for (const auto& s : summary->systems) {
        EXPECT_EQ(s.scored, f.index.users.size());
        ASSERT_EQ(s.metrics.size(), 2u);
        EXPECT_EQ(s.metrics[0].first, "accuracy");
    }
    EXPECT_DOUBLE_EQ(summary->systems[0].formatAdherence, 1.0);
    std::size_t verdictTotal = 0;
    for (const auto& [v, n] : summary->systems[0].verdicts)
        verdictTotal += n;
    EXPECT_EQ(verdictTotal, 3 * f.index.users.size());
    ASSERT_EQ(summary->deltas.size(), 3u * 2u);
    for (const auto& d : summary->deltas) {
        EXPECT_EQ(d.users, f.index.users.size());
        EXPECT_EQ(d.comparison.wins + d.comparison.ties + d.comparison.losses, d.users);
        // A mean's percentile interval holds the observed delta; macro-F1's need not (F1 of
        // a resample is biased low), so only accuracy is checked this way.
        if (d.metric == "accuracy") {
            EXPECT_LE(d.comparison.ci.lo, d.comparison.delta + 1e-12);
            EXPECT_GE(d.comparison.ci.hi, d.comparison.delta - 1e-12);
        }
    }
    const auto json = nlohmann::json::parse(summaryJson(*summary));
    EXPECT_TRUE(json["systems"].contains("lrm-rag"));
    EXPECT_EQ(json["deltas"].size(), 6u);
}

TEST(Batch, CancelKeepsFinishedUsersAndResumeCompletesTheRest) {
    // A slow offline stream keeps users in flight when the cancel comes.
    BatchFixture f(TaskId::LaMP3, OfflineOptions{4000, 0.15});
    RunStore runs(*f.store);
    const auto runId = f.createRun(runs);
    {
        BatchRunner runner(f.ctx, runs, runId, f.index);
        runner.setProgressHandler([&](const BatchProgress& p) {
            if (p.usersDone >= 3)
                runner.cancel();
        });
        auto result = runner.run(f.spec(2));
        ASSERT_TRUE(result) << result.error().message;
        EXPECT_TRUE(result->cancelled);
        EXPECT_GE(result->done, 3u);
        EXPECT_LT(result->done, f.index.users.size());
    }
    auto partial = runs.outcomes(runId);
    ASSERT_TRUE(partial);
    // Whole users only: every stored user has all four systems, each finished.
    std::map<std::string, std::size_t> perUser;
    for (const auto& o : *partial) {
        ++perUser[o.userId];
        EXPECT_EQ(o.status, UserStatus::Done);
    }
    for (const auto& [user, n] : perUser)
        EXPECT_EQ(n, kAll.size()) << user;
    const std::size_t before = perUser.size();
    EXPECT_LT(before, f.index.users.size());

    // Resume: the stored users are skipped, the rest are run.
    BatchRunner resumed(f.ctx, runs, runId, f.index);
    auto result = resumed.run(f.spec(2));
    ASSERT_TRUE(result);
    EXPECT_EQ(result->skipped, before);
    EXPECT_EQ(result->done, f.index.users.size() - before);
    auto all = runs.outcomes(runId);
    ASSERT_TRUE(all);
    EXPECT_EQ(all->size(), f.index.users.size() * kAll.size());

    // A third pass has nothing left to do.
    BatchRunner nothing(f.ctx, runs, runId, f.index);
    auto none = nothing.run(f.spec(2));
    ASSERT_TRUE(none);
    EXPECT_EQ(none->done, 0u);
    EXPECT_EQ(none->skipped, f.index.users.size());
}

TEST(Batch, AnUnreadableRecordFailsThatUserByIdAndTheBatchGoesOn) {
    test::TempDir dir;
    const std::string questions = dir.write(
        "q.json",
        R"([{"id": "u1", "input": "What is the score of the following review on a scale of 1 to 5? just answer with 1, 2, 3, 4, or 5 without further explanation. review: fine", "profile": [{"id": "a", "text": "good", "score": "4"}]},
{"id": "u2", "input": "What is the score of the following review on a scale of 1 to 5? just answer with 1, 2, 3, 4, or 5 without further explanation. review: bad", "profile": [{"id": "b", "text": "awful", "score": "1"}]}])");
    auto opened = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(opened);
    IndexOptions options;
    options.taskOverride = TaskId::LaMP3;
    auto dataset = openDataset(**opened, questions, "", options);
    ASSERT_TRUE(dataset);
    DatasetIndex index = dataset->index;
    ASSERT_EQ(index.users.size(), 2u);
    // The file changes after indexing: reading u1 must fail with a message, not crash.
    index.users[0].offset += 1;
    auto ctx =
        EngineContext::make(TaskId::LaMP3, {}, std::make_shared<OfflineBackend>(), nullptr, true);
    ASSERT_TRUE(ctx);
    RunStore runs(**opened);
    RunInfo info;
    info.task = TaskId::LaMP3;
    info.systems = {SystemId::R2P};
    info.users = {"u1", "u2"};
    info.status = RunStatus::Running;
    auto runId = runs.createRun(info);
    ASSERT_TRUE(runId);
    BatchRunner runner(*ctx, runs, *runId, index);
    BatchSpec spec;
    spec.systems = {SystemId::R2P};
    spec.users = {0, 1};
    spec.concurrency = 1;
    auto result = runner.run(spec);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->done, 2u);
    EXPECT_EQ(result->failed, 1u);
    ASSERT_EQ(result->errors.size(), 1u);
    EXPECT_NE(result->errors[0].find("u1"), std::string::npos) << result->errors[0];
    auto outcomes = runs.outcomes(*runId);
    ASSERT_TRUE(outcomes);
    ASSERT_EQ(outcomes->size(), 2u);
    EXPECT_EQ((*outcomes)[0].status, UserStatus::Failed);
    EXPECT_EQ((*outcomes)[1].status, UserStatus::Done);
}

TEST(Batch, AJobThatThrowsStopsTheBatchWithAnErrorInsteadOfTerminating) {
    // A user index past the dataset makes the worker's lookup throw; the pool reports it.
    BatchFixture f(TaskId::LaMP2);
    RunStore runs(*f.store);
    const auto runId = f.createRun(runs);
    BatchRunner runner(f.ctx, runs, runId, f.index);
    BatchSpec spec = f.spec(1);
    spec.users = {0, f.index.users.size() + 7, 1};
    auto result = runner.run(spec);
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("the batch stopped at user index " +
                                          std::to_string(f.index.users.size() + 7)),
              std::string::npos)
        << result.error().message;
    // The user before it was stored whole; nothing after it ran.
    auto outcomes = runs.outcomes(runId);
    ASSERT_TRUE(outcomes);
    EXPECT_EQ(outcomes->size(), kAll.size());
    for (const auto& o : *outcomes)
        EXPECT_EQ(o.userId, f.index.users[0].id);
}

} // namespace
