#include "Batch.h"

#include "pipeline/util/WorkerPool.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <mutex>
#include <set>
#include <utility>

namespace r2p::engine {

namespace {

using Clock = std::chrono::steady_clock;

// What the workers share, under `mutex`.
struct Tally {
    std::mutex mutex;
    BatchResult result;
    BatchProgress progress;
    std::optional<Error> storeError;
    Clock::time_point start = Clock::now();
};

// A record that cannot be read fails every system of that user, by id, and the batch goes on.
std::vector<UserTrace> unreadableUser(const UserIndexEntry& entry,
                                      const std::vector<SystemId>& todo,
                                      const std::optional<std::string>& gold,
                                      const std::string& error) {
    std::vector<UserTrace> traces;
    for (SystemId s : todo) {
        UserTrace t;
        t.userId = entry.id;
        t.system = s;
        t.status = UserStatus::Failed;
        t.gold = gold;
        t.error = error;
        traces.push_back(std::move(t));
    }
    return traces;
}

// Counts one stored user; called with tally.mutex held.
void countStoredUser(Tally& tally, const std::string& userId, const std::vector<UserTrace>& traces,
                     std::int64_t tokens) {
    BatchResult& result = tally.result;
    BatchProgress& progress = tally.progress;
    ++result.done;
    ++progress.usersDone;
    bool failed = false;
    for (const auto& t : traces) {
        if (t.status == UserStatus::Done)
            continue;
        failed = true;
        const std::string e =
            "user " + t.userId + " (" + std::string(systemName(t.system)) + "): " + t.error;
        progress.lastError = e;
        if (result.errors.size() < 20)
            result.errors.push_back(e);
    }
    if (failed) {
        ++result.failed;
        ++progress.usersFailed;
    }
    progress.completionTokens += tokens;
    progress.lastUser = userId;
    progress.elapsedMs =
        std::chrono::duration<double, std::milli>(Clock::now() - tally.start).count();
}

// A finished user waiting to be stored with others (BatchSpec::storeEvery).
struct FinishedUser {
    std::string userId;
    std::vector<UserTrace> traces;
    std::int64_t tokens = 0;
    bool waiting = false; // a system goes on in the next batch round
};

class PendingUsers {
public:
    explicit PendingUsers(std::size_t every) : every_(std::max<std::size_t>(1, every)) {}
    // Adds a user; returns a whole group to store once there is one, else nothing.
    std::vector<FinishedUser> add(FinishedUser user) {
        std::lock_guard lock(mutex_);
        pending_.push_back(std::move(user));
        std::vector<FinishedUser> group;
        if (pending_.size() >= every_)
            group.swap(pending_);
        return group;
    }
    std::vector<FinishedUser> takeAll() {
        std::lock_guard lock(mutex_);
        return std::exchange(pending_, {});
    }

private:
    std::size_t every_;
    std::mutex mutex_;
    std::vector<FinishedUser> pending_;
};

// Stores a group of finished users in one transaction, then counts them.
void storeGroup(RunStore& runs, std::int64_t runId, std::vector<FinishedUser> group, Tally& tally,
                util::WorkerPool& pool, const std::function<void(const BatchProgress&)>& progress) {
    if (group.empty())
        return;
    std::vector<UserTrace> traces;
    for (auto& f : group)
        for (auto& t : f.traces)
            traces.push_back(std::move(t));
    auto saved = traces.empty() ? Status(Ok{}) : runs.saveUserTraces(runId, traces);
    std::lock_guard lock(tally.mutex);
    if (!saved) {
        tally.storeError = saved.error();
        pool.cancel();
        return;
    }
    // Each user's traces, counted from the stored copies (the group's were moved there).
    auto next = traces.begin();
    for (auto& f : group) {
        const auto n = static_cast<std::ptrdiff_t>(f.traces.size());
        std::vector<UserTrace> mine(std::make_move_iterator(next),
                                    std::make_move_iterator(next + n));
        next += n;
        if (f.waiting) {
            ++tally.result.waiting;
            continue;
        }
        countStoredUser(tally, f.userId, mine, f.tokens);
    }
    if (progress)
        progress(tally.progress);
}

} // namespace

BatchRunner::BatchRunner(std::shared_ptr<const EngineContext> context, RunStore& runs,
                         std::int64_t runId, const DatasetIndex& index)
    : ctx_(std::move(context)), runs_(runs), runId_(runId), index_(index) {}

void BatchRunner::setProgressHandler(std::function<void(const BatchProgress&)> handler) {
    progress_ = std::move(handler);
}

void BatchRunner::cancel() {
    cancelled_ = true;
    active_.forEach([](UserRun& run) { run.cancel(); });
}

std::optional<std::vector<UserTrace>>
BatchRunner::runSystems(const UserRecord& record, const std::optional<std::string>& gold,
                        const std::vector<SystemId>& todo, std::int64_t& tokens, bool& waiting) {
    std::vector<UserTrace> traces;
    // One retrieval per user, shared by every system that uses it.
    std::optional<retrieval::Ranking> ranking;
    for (SystemId s : todo) {
        UserRun run(ctx_, record, gold, s);
        if (s != SystemId::NoProfile) {
            if (!ranking) {
                retrieval::RetrievalOptions options;
                options.k = ctx_->config.k;
                auto r = ctx_->retriever->rank(record, ctx_->task, options);
                if (r)
                    ranking = std::move(*r);
            }
            if (ranking)
                run.setRanking(*ranking);
        }
        {
            const util::ActiveSet<UserRun>::Entry registered(active_, run);
            if (cancelled_)
                run.cancel();
            (void)run.run(); // a failure is in the trace (status Failed, error, event)
        }
        if (cancelled_ || run.cancelled())
            return std::nullopt; // nothing of this user is stored
        if (run.deferred()) {
            waiting = true; // this system goes on in the next batch round
            continue;
        }
        for (const auto& step : run.trace().steps)
            tokens += step.tokens.completion;
        traces.push_back(run.trace());
    }
    return traces;
}

Result<BatchResult> BatchRunner::run(const BatchSpec& spec) {
    // Users done in an earlier session are skipped; failed ones are tried again. Only the ids,
    // systems and statuses are read, and let go before the batch (a resumed 100,000-user run
    // held every answer, gold and score of its rows through the whole batch).
    if (auto run = runs_.run(runId_); !run)
        return run.error();
    std::set<std::pair<std::string, SystemId>> already;
    {
        auto stored = runs_.outcomeScores(runId_, {}, false);
        if (!stored)
            return stored.error();
        for (const auto& o : *stored)
            if (o.status == UserStatus::Done)
                already.emplace(o.userId, o.system);
    }

    Tally tally;
    tally.progress.usersTotal = spec.users.size();
    const RecordReader reader(index_.questions); // read() is const and opens the file per call
    const std::size_t workers = std::max<std::size_t>(
        1, std::min<std::size_t>(std::max(spec.concurrency, 1), spec.users.size()));
    util::WorkerPool pool(workers);

    PendingUsers pending(spec.storeEvery);
    auto store = [&](std::vector<FinishedUser> group) {
        storeGroup(runs_, runId_, std::move(group), tally, pool, progress_);
    };

    auto processUser = [&](std::size_t i, std::size_t) {
        {
            std::lock_guard lock(tally.mutex);
            if (cancelled_ || tally.storeError) {
                pool.cancel();
                return;
            }
        }
        const UserIndexEntry& entry = index_.users.at(spec.users[i]);
        std::vector<SystemId> todo;
        for (SystemId s : spec.systems)
            if (!already.count({entry.id, s}))
                todo.push_back(s);
        if (todo.empty()) {
            std::lock_guard lock(tally.mutex);
            ++tally.result.skipped;
            ++tally.progress.usersSkipped;
            return;
        }
        std::optional<std::string> gold;
        if (entry.hasGold)
            gold = entry.gold;
        std::int64_t tokens = 0;
        bool waiting = false;
        std::optional<std::vector<UserTrace>> traces;
        if (auto record = reader.read(entry))
            traces = runSystems(*record, gold, todo, tokens, waiting);
        else
            traces = unreadableUser(entry, todo, gold, record.error().message);
        if (!traces) { // cancelled
            pool.cancel();
            return;
        }
        store(pending.add({entry.id, std::move(*traces), tokens, waiting}));
    };
    const util::WorkerPoolReport report = pool.run(spec.users.size(), processUser);
    store(pending.takeAll()); // what is left of the last group

    if (tally.storeError)
        return *tally.storeError;
    if (report.failedJob) {
        // The job may have thrown because its user index is bad: name it without looking it up.
        const std::size_t u = spec.users[*report.failedJob];
        const std::string who = u < index_.users.size() ? "user " + index_.users[u].id
                                                        : "user index " + std::to_string(u);
        return Error{"the batch stopped at " + who + ": " + report.failure};
    }
    tally.result.cancelled = cancelled_;
    return tally.result;
}

} // namespace r2p::engine
