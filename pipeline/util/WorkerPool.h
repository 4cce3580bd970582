// A fixed set of worker threads that share numbered jobs 0..n-1: each worker takes the next
// number until none is left or the pool is cancelled. Batches and retrieval sweeps run their
// users through it. Plain C++20 (std::thread), no Qt.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace r2p::util {

// What one WorkerPool::run did.
struct WorkerPoolReport {
    std::size_t started = 0;              // jobs handed to a worker
    std::size_t finished = 0;             // jobs that returned (did not throw)
    bool cancelled = false;               // cancel() was called or a job threw, so work may be left
    std::optional<std::size_t> failedJob; // the first job that threw
    std::string failure;                  // its what(), or "unknown exception"
};

class WorkerPool {
public:
    // Called on a worker thread: `index` in [0, jobs), `worker` in [0, workers()) names the
    // thread (for per-thread state). Calls run concurrently, so the job must be thread-safe.
    using Job = std::function<void(std::size_t index, std::size_t worker)>;

    // Starts max(workers, 1) threads, idle until run().
    explicit WorkerPool(std::size_t workers);
    // Cancels what is left and joins every thread.
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    std::size_t workers() const { return threads_.size(); }

    // Hands jobs 0..jobs-1 to the workers, each index exactly once, and blocks until every
    // handed-out job returned. A job that throws is caught, reported and cancels the rest.
    // Not reentrant: call it from one thread, never from inside a job.
    WorkerPoolReport run(std::size_t jobs, const Job& job);

    // Thread-safe, also from inside a job: no job is handed out after it returns, in this run
    // or a later one. Jobs already running finish; stopping them is the caller's business.
    void cancel();
    bool cancelled() const;

private:
    void work(std::size_t worker);
    // Called with mutex_ held: the next index of the current run, or none.
    std::optional<std::size_t> takeLocked();

    mutable std::mutex mutex_;
    std::condition_variable wake_; // a run started, or the pool is stopping
    std::condition_variable idle_; // the last worker left the current run
    // Guarded by mutex_:
    const Job* job_ = nullptr;
    std::size_t jobs_ = 0;
    std::size_t next_ = 0;
    std::size_t generation_ = 0; // counts runs, so each worker joins each run once
    std::size_t busy_ = 0;       // workers still in the current run
    bool cancelled_ = false;
    bool stopping_ = false;
    WorkerPoolReport report_;
    std::vector<std::thread> threads_;
};

} // namespace r2p::util
