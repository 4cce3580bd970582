#include "Batch.h"

#include <chrono>
#include <set>
#include <thread>

namespace r2p::engine {

BatchRunner::BatchRunner(std::shared_ptr<const EngineContext> context, RunStore& runs,
                         std::int64_t runId, const DatasetIndex& index)
    : ctx_(std::move(context)), runs_(runs), runId_(runId), index_(index) {}

void BatchRunner::setProgressHandler(std::function<void(const BatchProgress&)> handler) {
    progress_ = std::move(handler);
}

void BatchRunner::cancel() {
    cancelled_ = true;
    std::lock_guard lock(activeMutex_);
    for (UserRun* run : active_)
        run->cancel();
}

Result<BatchResult> BatchRunner::run(const BatchSpec& spec) {
    const auto start = std::chrono::steady_clock::now();
    // Users done in an earlier session are skipped; failed ones are tried again.
    auto stored = runs_.outcomes(runId_);
    if (!stored)
        return stored.error();
    std::set<std::pair<std::string, SystemId>> already;
    for (const auto& o : *stored)
        if (o.status == UserStatus::Done)
            already.emplace(o.userId, o.system);

    BatchResult result;
    BatchProgress progress;
    progress.usersTotal = spec.users.size();
    std::mutex mutex; // guards result, progress, storeError
    std::optional<Error> storeError;
    std::atomic<std::size_t> next{0};

    auto worker = [&] {
        RecordReader reader(index_.questions);
        for (;;) {
            if (cancelled_)
                return;
            {
                std::lock_guard lock(mutex);
                if (storeError)
                    return;
            }
            const std::size_t i = next++;
            if (i >= spec.users.size())
                return;
            const UserIndexEntry& entry = index_.users.at(spec.users[i]);
            std::vector<SystemId> todo;
            for (SystemId s : spec.systems)
                if (!already.count({entry.id, s}))
                    todo.push_back(s);
            if (todo.empty()) {
                std::lock_guard lock(mutex);
                ++result.skipped;
                ++progress.usersSkipped;
                continue;
            }
            std::optional<std::string> gold;
            if (entry.hasGold)
                gold = entry.gold;
            std::vector<UserTrace> traces;
            std::int64_t tokens = 0;
            auto record = reader.read(entry);
            if (!record) {
                // A record that cannot be read fails every system, by id, and the batch goes on.
                for (SystemId s : todo) {
                    UserTrace t;
                    t.userId = entry.id;
                    t.system = s;
                    t.status = UserStatus::Failed;
                    t.gold = gold;
                    t.error = record.error().message;
                    traces.push_back(std::move(t));
                }
            } else {
                // One retrieval per user, shared by every system that uses it.
                std::optional<retrieval::Ranking> ranking;
                for (SystemId s : todo) {
                    UserRun run(ctx_, *record, gold, s);
                    if (s != SystemId::NoProfile) {
                        if (!ranking) {
                            retrieval::RetrievalOptions options;
                            options.k = ctx_->config.k;
                            auto r = ctx_->retriever->rank(*record, ctx_->task, options);
                            if (r)
                                ranking = std::move(*r);
                        }
                        if (ranking)
                            run.setRanking(*ranking);
                    }
                    {
                        std::lock_guard lock(activeMutex_);
                        active_.push_back(&run);
                    }
                    if (cancelled_)
                        run.cancel();
                    auto status = run.run();
                    {
                        std::lock_guard lock(activeMutex_);
                        std::erase(active_, &run);
                    }
                    if (cancelled_ || run.cancelled())
                        return;   // nothing of this user is stored
                    (void)status; // a failure is in the trace (status Failed, error, event)
                    for (const auto& step : run.trace().steps)
                        tokens += step.tokens.completion;
                    traces.push_back(run.trace());
                }
            }
            bool failed = false;
            for (const auto& t : traces)
                failed = failed || t.status != UserStatus::Done;
            auto saved = runs_.saveUserTraces(runId_, traces);
            std::lock_guard lock(mutex);
            if (!saved) {
                storeError = saved.error();
                return;
            }
            ++result.done;
            ++progress.usersDone;
            if (failed) {
                ++result.failed;
                ++progress.usersFailed;
                for (const auto& t : traces)
                    if (t.status != UserStatus::Done) {
                        const std::string e = "user " + t.userId + " (" +
                                              std::string(systemName(t.system)) + "): " + t.error;
                        progress.lastError = e;
                        if (result.errors.size() < 20)
                            result.errors.push_back(e);
                    }
            }
            progress.completionTokens += tokens;
            progress.lastUser = entry.id;
            progress.elapsedMs =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count();
            if (progress_)
                progress_(progress);
        }
    };

    const int threads =
        std::max(1, std::min<int>(spec.concurrency, static_cast<int>(spec.users.size())));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& t : pool)
        t.join();
    if (storeError)
        return *storeError;
    result.cancelled = cancelled_;
    return result;
}

} // namespace r2p::engine
