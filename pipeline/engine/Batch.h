// Batches: run several systems over many users, several users at once, each finished user
// written to the project file in one transaction. A batch resumes where a cancelled or killed
// one stopped: finished users are skipped, half-finished ones were never stored.
#pragma once

#include "Engine.h"
#include "model/Dataset.h"
#include "model/RunStore.h"
#include "pipeline/util/ActiveSet.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace r2p::engine {

struct BatchSpec {
    std::vector<SystemId> systems;
    std::vector<std::size_t> users; // indices into the dataset index, in run order
    int concurrency = 4;            // users in flight
    // Finished users stored per transaction. 1 (online runs): each user as it finishes, so a
    // kill loses nothing finished. More (batch rounds, whose answers are all in the response
    // cache): far fewer commits; a kill loses at most the unsaved group, advanced again from
    // the cache with no request next time.
    std::size_t storeEvery = 1;
};

struct BatchProgress {
    std::size_t usersTotal = 0;
    std::size_t usersDone = 0;    // every system stored (done or failed), this session
    std::size_t usersSkipped = 0; // already finished before this session (resume)
    std::size_t usersFailed = 0;  // at least one system failed
    std::int64_t completionTokens = 0;
    double elapsedMs = 0;
    std::string lastUser;
    std::string lastError; // the latest failure, for the batch dialog
};

struct BatchResult {
    std::size_t done = 0;
    std::size_t skipped = 0;
    std::size_t failed = 0;
    bool cancelled = false;
    // Users with a system whose next request waits for a batch engine's round (the batch
    // backend); their other systems are stored when finished.
    std::size_t waiting = 0;
    std::vector<std::string> errors; // the first few failures, each naming user and system
};

class BatchRunner {
public:
    BatchRunner(std::shared_ptr<const EngineContext> context, RunStore& runs, std::int64_t runId,
                const DatasetIndex& index);
    // Called from worker threads after every finished user; must be quick and thread-safe.
    void setProgressHandler(std::function<void(const BatchProgress&)> handler);
    // Blocks until every user is stored, the batch is cancelled, or storing fails (an Error:
    // the disk is full, the project is gone). Users finished in an earlier session are skipped.
    Result<BatchResult> run(const BatchSpec& spec);
    // Thread-safe: users in flight stop and are not stored; run() returns soon after.
    void cancel();

private:
    // Runs `todo` for one user; nothing when the batch was cancelled meanwhile (then nothing of
    // the user may be stored). Adds the completion tokens to `tokens`.
    std::optional<std::vector<UserTrace>> runSystems(const UserRecord& record,
                                                     const std::optional<std::string>& gold,
                                                     const std::vector<SystemId>& todo,
                                                     std::int64_t& tokens, bool& waiting);

    std::shared_ptr<const EngineContext> ctx_;
    RunStore& runs_;
    std::int64_t runId_;
    const DatasetIndex& index_;
    std::function<void(const BatchProgress&)> progress_;
    std::atomic<bool> cancelled_{false};
    util::ActiveSet<UserRun> active_;
};

} // namespace r2p::engine
