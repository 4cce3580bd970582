// A run's summary: each system's LaMP metrics with bootstrap intervals, R2P's delta against
// each baseline with a paired bootstrap interval and win/tie/loss, format adherence, reasoning
// tokens per answer, interventions per user and verdict counts. Built from what the project
// file holds, so a resumed or re-opened run summarises the same way.
#pragma once

#include "model/RunStore.h"
#include "model/Trace.h"
#include "pipeline/metrics/Bootstrap.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace r2p::engine {

struct SystemSummary {
    SystemId system = SystemId::Invalid;
    std::size_t users = 0; // finished (done or failed)
    std::size_t failed = 0;
    std::size_t scored = 0;                              // done users with a gold
    std::vector<std::pair<std::string, double>> metrics; // LaMP's keys and order
    std::vector<std::pair<std::string, metrics::Interval>> intervals;
    double formatAdherence = 0;          // share of done users whose raw answer was in format
    double reasoningTokensPerAnswer = 0; // mean over done users
    double interventionsPerUser = 0;     // mean over done users
    std::map<Verdict, std::size_t> verdicts;
};

struct DeltaSummary {
    SystemId system = SystemId::R2P;
    SystemId baseline = SystemId::Invalid;
    std::string metric;
    std::size_t users = 0; // scored by both
    metrics::PairedComparison comparison;
};

struct RunSummary {
    std::int64_t runId = 0;
    TaskId task = TaskId::Invalid;
    std::vector<SystemSummary> systems;
    std::vector<DeltaSummary> deltas; // R2P against each baseline, every metric
};

using VerdictCounts = std::map<SystemId, std::map<Verdict, std::size_t>>;

Result<RunSummary> summarizeRun(std::int64_t runId, TaskId task,
                                const std::vector<SystemId>& systems,
                                const std::vector<UserOutcome>& outcomes,
                                const VerdictCounts& verdicts,
                                const metrics::BootstrapOptions& bootstrap = {});

// The summary as the JSON `r2p run` prints.
std::string summaryJson(const RunSummary& summary);

} // namespace r2p::engine
