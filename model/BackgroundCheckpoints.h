#pragma once

// Checkpoints a project's write-ahead log on a thread and connection of its own.

#include "Result.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace r2p {

class ProjectStore;

// While it lives, the project's connection no longer checkpoints the WAL when it commits (each
// such checkpoint copies the log into the file and syncs it, with the project's lock held): a
// commit that leaves the log over the usual size (4,096 pages) wakes a thread that checkpoints
// it on a second connection (passive: it never waits for the writer, which keeps committing
// meanwhile). For passes that commit a lot, such as a batch ingest: at 100,000 answers the syncs
// were a second of its time on the writer's thread. A kill at any point is as safe as SQLite's
// own checkpoints: the log is only ever copied, never rewritten.
class BackgroundCheckpoints {
public:
    // An error naming the file when the second connection cannot be opened (the project then
    // checkpoints as before).
    static Result<std::unique_ptr<BackgroundCheckpoints>> start(ProjectStore& store);
    // Stops the thread (after the checkpoint it is making) and gives the project's connection
    // its own checkpoints back.
    ~BackgroundCheckpoints();
    BackgroundCheckpoints(const BackgroundCheckpoints&) = delete;
    BackgroundCheckpoints& operator=(const BackgroundCheckpoints&) = delete;

    // How many checkpoints the thread has made.
    std::size_t checkpoints() const;
    // Waits until it has made at least `count`, or `timeout` passed; whether it has.
    bool waitForCheckpoints(std::size_t count, std::chrono::milliseconds timeout) const;

private:
    explicit BackgroundCheckpoints(ProjectStore& store, std::unique_ptr<ProjectStore> own);
    void run();
    static int onCommit(void* self, sqlite3* db, const char* name, int pages);

    ProjectStore& store_;
    std::unique_ptr<ProjectStore> own_; // the checkpoints' connection
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    mutable std::condition_variable made_cv_;
    bool due_ = false;     // guarded by mutex_
    bool stop_ = false;    // guarded by mutex_
    std::size_t made_ = 0; // guarded by mutex_
    std::thread thread_;
};

} // namespace r2p
