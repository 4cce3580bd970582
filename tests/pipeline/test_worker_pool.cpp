// The worker pool under batches and sweeps: every index runs exactly once however many workers
// contend, cancel() stops handing out work, a throwing job is reported (not lost, not fatal),
// and the edge cases (no job, more workers than jobs, a pool used twice) behave.
#include "pipeline/util/WorkerPool.h"

#include <atomic>
#include <gtest/gtest.h>
#include <latch>
#include <mutex>
#include <set>
#include <stdexcept>
#include <vector>

using r2p::util::WorkerPool;

TEST(WorkerPool, EveryIndexRunsExactlyOnceUnderContention) {
    constexpr std::size_t kJobs = 20000;
    WorkerPool pool(8);
    ASSERT_EQ(pool.workers(), 8u);
    std::vector<std::atomic<int>> runs(kJobs);
    std::mutex mutex;
    std::set<std::size_t> workersSeen;
    const auto report = pool.run(kJobs, [&](std::size_t i, std::size_t worker) {
        runs[i].fetch_add(1);
        EXPECT_LT(worker, 8u);
        std::lock_guard lock(mutex);
        workersSeen.insert(worker);
    });
    for (std::size_t i = 0; i < kJobs; ++i)
        ASSERT_EQ(runs[i].load(), 1) << "index " << i;
    EXPECT_EQ(report.started, kJobs);
    EXPECT_EQ(report.finished, kJobs);
    EXPECT_FALSE(report.cancelled);
    EXPECT_FALSE(report.failedJob);
    EXPECT_FALSE(workersSeen.empty());
}

TEST(WorkerPool, CancelFromAJobStopsHandingOutWork) {
    // One worker takes indices in order, so exactly 0..4 run when job 4 cancels.
    WorkerPool pool(1);
    std::vector<std::size_t> ran;
    const auto report = pool.run(100, [&](std::size_t i, std::size_t) {
        ran.push_back(i);
        if (i == 4)
            pool.cancel();
    });
    EXPECT_EQ(ran, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(report.started, 5u);
    EXPECT_EQ(report.finished, 5u);
    EXPECT_TRUE(report.cancelled);
    EXPECT_TRUE(pool.cancelled());
    // Cancellation is for good: a later run hands out nothing.
    std::atomic<int> later{0};
    const auto again = pool.run(10, [&](std::size_t, std::size_t) { ++later; });
    EXPECT_EQ(later.load(), 0);
    EXPECT_EQ(again.started, 0u);
    EXPECT_TRUE(again.cancelled);
}

TEST(WorkerPool, CancelFromAnotherThreadLetsRunningJobsFinishAndStartsNoMore) {
    constexpr std::size_t kWorkers = 3;
    WorkerPool pool(kWorkers);
    std::latch allRunning(kWorkers);
    std::latch release(1);
    std::atomic<std::size_t> finished{0};
    std::thread canceller([&] {
        allRunning.wait(); // every worker is inside a job
        pool.cancel();
        release.count_down();
    });
    const auto report = pool.run(1000, [&](std::size_t, std::size_t) {
        allRunning.count_down();
        release.wait();
        ++finished;
    });
    canceller.join();
    // The jobs that held the workers when cancel() came finish; none starts after it.
    EXPECT_EQ(report.started, kWorkers);
    EXPECT_EQ(report.finished, kWorkers);
    EXPECT_EQ(finished.load(), kWorkers);
    EXPECT_TRUE(report.cancelled);
}

TEST(WorkerPool, AnExceptionInAJobIsReportedAndStopsTheRest) {
    WorkerPool pool(1);
    std::vector<std::size_t> ran;
    const auto report = pool.run(10, [&](std::size_t i, std::size_t) {
        ran.push_back(i);
        if (i == 2)
            throw std::runtime_error("disk on fire");
    });
    ASSERT_TRUE(report.failedJob.has_value());
    EXPECT_EQ(*report.failedJob, 2u);
    EXPECT_EQ(report.failure, "disk on fire");
    EXPECT_TRUE(report.cancelled);
    EXPECT_EQ(report.started, 3u);
    EXPECT_EQ(report.finished, 2u);
    EXPECT_EQ(ran, (std::vector<std::size_t>{0, 1, 2}));
}

TEST(WorkerPool, ANonStandardExceptionIsReportedToo) {
    WorkerPool pool(4);
    const auto report = pool.run(50, [](std::size_t i, std::size_t) {
        if (i == 7)
            throw 42;
    });
    ASSERT_TRUE(report.failedJob.has_value());
    EXPECT_EQ(*report.failedJob, 7u);
    EXPECT_EQ(report.failure, "unknown exception");
    EXPECT_EQ(report.finished + 1, report.started);
}

TEST(WorkerPool, NoJobsRunsNothing) {
    WorkerPool pool(4);
    std::atomic<int> calls{0};
    const auto report = pool.run(0, [&](std::size_t, std::size_t) { ++calls; });
    EXPECT_EQ(calls.load(), 0);
    EXPECT_EQ(report.started, 0u);
    EXPECT_EQ(report.finished, 0u);
    EXPECT_FALSE(report.cancelled);
}

TEST(WorkerPool, MoreWorkersThanJobs) {
    WorkerPool pool(16);
    std::vector<std::atomic<int>> runs(3);
    const auto report = pool.run(3, [&](std::size_t i, std::size_t) { runs[i].fetch_add(1); });
    for (const auto& r : runs)
        EXPECT_EQ(r.load(), 1);
    EXPECT_EQ(report.started, 3u);
    EXPECT_EQ(report.finished, 3u);
}

TEST(WorkerPool, ZeroWorkersMeansOne) {
    WorkerPool pool(0);
    EXPECT_EQ(pool.workers(), 1u);
    std::atomic<int> calls{0};
    EXPECT_EQ(pool.run(5, [&](std::size_t, std::size_t) { ++calls; }).finished, 5u);
    EXPECT_EQ(calls.load(), 5);
}

TEST(WorkerPool, RunsSeveralTimesWithFreshCounts) {
    WorkerPool pool(3);
    for (std::size_t jobs : {5u, 0u, 17u, 1u}) {
        std::vector<std::atomic<int>> runs(jobs);
        const auto report =
            pool.run(jobs, [&](std::size_t i, std::size_t) { runs[i].fetch_add(1); });
        EXPECT_EQ(report.started, jobs);
        EXPECT_EQ(report.finished, jobs);
        for (const auto& r : runs)
            EXPECT_EQ(r.load(), 1);
    }
}

TEST(WorkerPool, DestroyingAnIdlePoolJoinsItsThreads) {
    // Nothing to observe but that destruction returns (a detached or unjoined thread would
    // terminate the test binary).
    for (int i = 0; i < 50; ++i) {
        WorkerPool pool(4);
        if (i % 2 == 0)
            pool.run(8, [](std::size_t, std::size_t) {});
    }
    SUCCEED();
}
