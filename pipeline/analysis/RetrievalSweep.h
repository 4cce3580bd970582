// A retrieval sweep: the same systems over the same users for several k (how many retrieved
// items the prompts get), with the task's LaMP metrics per (system, k). Answers "how much does
// the history help" without storing anything in the project; the backend is the context's.
#pragma once

#include "model/Dataset.h"
#include "model/Result.h"
#include "model/Trace.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/metrics/Bootstrap.h"
#include "pipeline/util/ActiveSet.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace r2p::analysis {

struct SweepSpec {
    std::vector<SystemId> systems = {SystemId::R2P, SystemId::LampRag};
    // 0 gives the prompts no item at all (R2P and the RAG baselines still answer).
    std::vector<std::size_t> ks = {0, 1, 2, 4, 8};
    std::vector<std::size_t> users; // indices into the dataset index, in order
    int concurrency = 2;            // users in flight
};

// One system at one k, over the users that finished.
struct SweepPoint {
    SystemId system = SystemId::Invalid;
    std::size_t k = 0;
    std::size_t users = 0;  // finished (done or failed)
    std::size_t failed = 0; // ended with an error
    std::size_t scored = 0; // done users with a gold
    double meanItems = 0;   // items the prompts got, mean over done users (a profile can be < k)
    std::vector<std::pair<std::string, double>> metrics; // evaluateLamp's keys and order
    // Each metric's seeded 95% bootstrap interval over the point's scored users (1,000
    // resamples, seed 1, as a run's summary), same keys.
    std::vector<std::pair<std::string, metrics::Interval>> intervals;
    double metric(const std::string& key) const;              // 0 when absent
    metrics::Interval interval(const std::string& key) const; // {0, 0} when absent
};

struct SweepProgress {
    std::size_t usersTotal = 0;
    std::size_t usersDone = 0; // every (system, k) of the user ran
    std::size_t runsDone = 0;  // (user, system, k) runs finished
    double elapsedMs = 0;
    std::string lastUser;
};

struct SweepResult {
    TaskId task = TaskId::Invalid;
    std::string metric; // the task's main metric (Slices.h mainMetric)
    bool lowerIsBetter = false;
    std::vector<SweepPoint> points;  // systems in spec order, each with every k in spec order
    std::size_t usersDone = 0;       // users every point is computed over
    bool cancelled = false;          // then the points cover the users finished before it
    std::vector<std::string> errors; // the first few failures, each naming user, system and k
};

class RetrievalSweep {
public:
    // `context` is the template: each k runs with a copy of its config with that k, and the
    // same backend, template and retriever. `index` must outlive the sweep.
    RetrievalSweep(std::shared_ptr<const engine::EngineContext> context, const DatasetIndex& index);
    // Called from worker threads after every finished user; must be quick and thread-safe.
    void setProgressHandler(std::function<void(const SweepProgress&)> handler);
    // Blocks until every user ran or the sweep was cancelled. Each user is ranked once (the
    // largest k) and every k gets the top k of that ranking; no-profile runs once per user and
    // counts for every k. Deterministic for a deterministic backend, whatever the concurrency.
    // An Error for an empty system or k list, a user index out of range, or an invalid system.
    Result<SweepResult> run(const SweepSpec& spec);
    // Thread-safe: runs in flight stop and their users are left out; run() returns soon after.
    void cancel();

private:
    std::shared_ptr<const engine::EngineContext> ctx_;
    const DatasetIndex& index_;
    std::function<void(const SweepProgress&)> progress_;
    std::atomic<bool> cancelled_{false};
    util::ActiveSet<engine::UserRun> active_;
};

// {"task", "metric", "lower_is_better", "users", "cancelled", "points": [{"system", "k",
// "users", "failed", "scored", "mean_items", "metrics": {key: value}}], "errors": [...]}
std::string sweepJson(const SweepResult& result);

} // namespace r2p::analysis
