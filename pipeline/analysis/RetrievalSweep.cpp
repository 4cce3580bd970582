#include "RetrievalSweep.h"

#include "Slices.h"
#include "pipeline/metrics/LampEvaluation.h"
#include "pipeline/util/WorkerPool.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

namespace r2p::analysis {

namespace {

using nlohmann::ordered_json;

// What one (user, system, k) run left.
struct RunOutcome {
    UserStatus status = UserStatus::Invalid;
    std::string prediction;
    std::size_t items = 0;
    std::string error;
};

// Runs every (system, k) of one user, sharing one ranking (the largest k) across them.
struct UserSweep {
    const engine::EngineContext& base;
    const SweepSpec& spec;
    const std::vector<std::shared_ptr<const engine::EngineContext>>& contexts; // one per k
    std::size_t maxK = 0;
    util::ActiveSet<engine::UserRun>& active;
    const std::atomic<bool>& cancelled;

    // Fills `outcomes` (system-major) and counts the runs; false when the sweep was cancelled
    // meanwhile (then the user is left out).
    bool run(const UserRecord& record, const std::optional<std::string>& gold,
             std::vector<RunOutcome>& outcomes, std::size_t& runs) const {
        const std::size_t nk = spec.ks.size();
        // One ranking per user; every k takes its top k (rankers sort the whole profile and
        // cut, so the top k of a longer list is the top k).
        std::optional<retrieval::Ranking> ranking;
        std::string rankError;
        auto rank = [&]() -> bool {
            if (ranking || !rankError.empty())
                return ranking.has_value();
            retrieval::RetrievalOptions options;
            options.k = std::max<std::size_t>(maxK, 1); // 0 would keep the whole profile
            auto r = base.retriever->rank(record, base.task, options);
            if (r)
                ranking = std::move(*r);
            else
                rankError = "retrieval failed: " + r.error().message;
            return ranking.has_value();
        };
        for (std::size_t si = 0; si < spec.systems.size(); ++si) {
            const SystemId system = spec.systems[si];
            for (std::size_t ki = 0; ki < nk; ++ki) {
                RunOutcome& out = outcomes[si * nk + ki];
                if (system == SystemId::NoProfile && ki > 0) {
                    out = outcomes[si * nk]; // no-profile ignores k
                    continue;
                }
                engine::UserRun run(contexts[ki], record, gold, system);
                if (system != SystemId::NoProfile) {
                    if (!rank()) {
                        out.status = UserStatus::Failed;
                        out.error = rankError;
                        continue;
                    }
                    retrieval::Ranking top = *ranking;
                    top.items.resize(std::min(spec.ks[ki], top.items.size()));
                    run.setRanking(std::move(top));
                }
                {
                    const util::ActiveSet<engine::UserRun>::Entry registered(active, run);
                    if (cancelled)
                        run.cancel();
                    (void)run.run(); // a failure is in the trace
                }
                if (cancelled || run.cancelled())
                    return false;
                out.status = run.trace().status;
                out.prediction = run.trace().prediction;
                out.items = run.items().size();
                out.error = run.trace().error;
                ++runs;
            }
        }
        return true;
    }
};

// Why the spec cannot run, if it cannot.
std::optional<std::string> specProblem(const SweepSpec& spec, const DatasetIndex& index) {
    if (spec.systems.empty())
        return "the sweep names no system";
    if (spec.ks.empty())
        return "the sweep names no k";
    for (SystemId s : spec.systems)
        if (s == SystemId::Invalid)
            return "the sweep names an invalid system";
    std::set<std::size_t> seen;
    for (std::size_t u : spec.users) {
        if (u >= index.users.size())
            return "user index " + std::to_string(u) + " is out of range (the dataset has " +
                   std::to_string(index.users.size()) + " users)";
        if (!seen.insert(u).second)
            return "user " + index.users[u].id + " is listed twice";
    }
    return std::nullopt;
}

// One (system, k) point over the users that finished; its failures go to result.errors (the
// first 20, no-profile's only once).
Result<SweepPoint> sweepPoint(const SweepSpec& spec, const DatasetIndex& index,
                              const std::vector<std::optional<std::vector<RunOutcome>>>& slots,
                              std::size_t si, std::size_t ki, SweepResult& result) {
    const std::size_t nk = spec.ks.size();
    SweepPoint p;
    p.system = spec.systems[si];
    p.k = spec.ks[ki];
    std::vector<Gold> golds, predictions;
    double items = 0;
    std::size_t done = 0;
    for (std::size_t u = 0; u < slots.size(); ++u) {
        if (!slots[u])
            continue;
        const RunOutcome& o = (*slots[u])[si * nk + ki];
        const UserIndexEntry& entry = index.users[spec.users[u]];
        ++p.users;
        if (o.status != UserStatus::Done) {
            ++p.failed;
            if (result.errors.size() < 20 && !(p.system == SystemId::NoProfile && ki > 0))
                result.errors.push_back("user " + entry.id + " (" +
                                        std::string(systemName(p.system)) +
                                        ", k=" + std::to_string(p.k) + "): " + o.error);
            continue;
        }
        ++done;
        items += static_cast<double>(o.items);
        if (entry.hasGold) {
            golds.push_back({entry.id, entry.gold});
            predictions.push_back({entry.id, o.prediction});
        }
    }
    p.meanItems = done ? items / static_cast<double>(done) : 0.0;
    p.scored = golds.size();
    if (!golds.empty()) {
        auto e = metrics::evaluateLamp(result.task, golds, predictions, {1000, 1, 0.95});
        if (!e)
            return Error{std::string(systemName(p.system)) + ", k=" + std::to_string(p.k) + ": " +
                         e.error().message};
        p.metrics = e->metrics;
        p.intervals = e->intervals;
    }
    return p;
}

} // namespace

double SweepPoint::metric(const std::string& key) const {
    for (const auto& [name, value] : metrics)
        if (name == key)
            return value;
    return 0;
}

RetrievalSweep::RetrievalSweep(std::shared_ptr<const engine::EngineContext> context,
                               const DatasetIndex& index)
    : ctx_(std::move(context)), index_(index) {}

void RetrievalSweep::setProgressHandler(std::function<void(const SweepProgress&)> handler) {
    progress_ = std::move(handler);
}

void RetrievalSweep::cancel() {
    cancelled_ = true;
    active_.forEach([](engine::UserRun& run) { run.cancel(); });
}

Result<SweepResult> RetrievalSweep::run(const SweepSpec& spec) {
    const auto start = std::chrono::steady_clock::now();
    if (!ctx_)
        return Error{"the sweep has no engine context"};
    if (auto problem = specProblem(spec, index_))
        return Error{*problem};
    const std::size_t maxK = *std::max_element(spec.ks.begin(), spec.ks.end());
    const std::size_t nk = spec.ks.size();
    const std::size_t points = spec.systems.size() * nk;

    // One context per k: the template's, with that k (recorded in the Retrieve step).
    std::vector<std::shared_ptr<const engine::EngineContext>> contexts;
    for (std::size_t k : spec.ks) {
        auto c = std::make_shared<engine::EngineContext>(*ctx_);
        c->config.k = k;
        contexts.push_back(std::move(c));
    }

    SweepResult result;
    result.task = ctx_->task;
    result.metric = mainMetric(ctx_->task, ctx_->config.mainMetric);
    result.lowerIsBetter = lowerIsBetter(result.metric);
    // Per user (spec order), per point (system-major): set once the whole user ran.
    std::vector<std::optional<std::vector<RunOutcome>>> slots(spec.users.size());
    SweepProgress progress;
    progress.usersTotal = spec.users.size();
    std::mutex mutex;                            // guards progress and slots
    const RecordReader reader(index_.questions); // read() is const and opens the file per call
    const std::size_t workers = std::max<std::size_t>(
        1, std::min<std::size_t>(std::max(spec.concurrency, 1), spec.users.size()));
    util::WorkerPool pool(workers);
    const UserSweep sweeper{*ctx_, spec, contexts, maxK, active_, cancelled_};

    auto sweepUser = [&](std::size_t i, std::size_t) {
        if (cancelled_) {
            pool.cancel();
            return;
        }
        const UserIndexEntry& entry = index_.users[spec.users[i]];
        std::optional<std::string> gold;
        if (entry.hasGold)
            gold = entry.gold;
        std::vector<RunOutcome> outcomes(points);
        std::size_t runs = 0;
        if (auto record = reader.read(entry)) {
            if (!sweeper.run(*record, gold, outcomes, runs)) {
                pool.cancel(); // cancelled: this user is left out
                return;
            }
        } else {
            for (auto& o : outcomes) {
                o.status = UserStatus::Failed;
                o.error = record.error().message;
            }
        }
        std::lock_guard lock(mutex);
        slots[i] = std::move(outcomes);
        ++progress.usersDone;
        progress.runsDone += runs;
        progress.lastUser = entry.id;
        progress.elapsedMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        if (progress_)
            progress_(progress);
    };
    const util::WorkerPoolReport report = pool.run(spec.users.size(), sweepUser);
    if (report.failedJob)
        return Error{"the sweep stopped at user " + index_.users[spec.users[*report.failedJob]].id +
                     ": " + report.failure};
    result.cancelled = cancelled_;

    for (const auto& slot : slots)
        result.usersDone += slot ? 1 : 0;
    for (std::size_t si = 0; si < spec.systems.size(); ++si)
        for (std::size_t ki = 0; ki < nk; ++ki) {
            auto p = sweepPoint(spec, index_, slots, si, ki, result);
            if (!p)
                return p.error();
            result.points.push_back(std::move(*p));
        }
    return result;
}

metrics::Interval SweepPoint::interval(const std::string& key) const {
    for (const auto& [name, ci] : intervals)
        if (name == key)
            return ci;
    return {};
}

std::string sweepJson(const SweepResult& result) {
    ordered_json points = ordered_json::array();
    for (const auto& p : result.points) {
        ordered_json metrics = ordered_json::object();
        for (const auto& [k, v] : p.metrics)
            metrics[k] = v;
        ordered_json intervals = ordered_json::object();
        for (const auto& [k, ci] : p.intervals)
            intervals[k] = {ci.lo, ci.hi};
        points.push_back({{"system", systemName(p.system)},
                          {"k", p.k},
                          {"users", p.users},
                          {"failed", p.failed},
                          {"scored", p.scored},
                          {"mean_items", p.meanItems},
                          {"metrics", metrics},
                          {"ci95", intervals}});
    }
    return ordered_json{{"task", result.task == TaskId::Invalid
                                     ? ordered_json()
                                     : ordered_json(taskSpec(result.task).name)},
                        {"metric", result.metric},
                        {"lower_is_better", result.lowerIsBetter},
                        {"users", result.usersDone},
                        {"cancelled", result.cancelled},
                        {"points", points},
                        {"errors", result.errors}}
        .dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace r2p::analysis
