// A run's summary: each system's LaMP metrics with bootstrap intervals, R2P's delta against
// each baseline with a paired bootstrap interval and win/tie/loss, format adherence, reasoning
// tokens per answer, interventions per user and verdict counts. Built from what the project
// file holds, so a resumed or re-opened run summarises the same way.
#pragma once

#include "model/RunStore.h"
#include "model/Trace.h"
#include "pipeline/metrics/Bootstrap.h"

#include <functional>
#include <map>
#include <optional>
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
    std::map<InterventionOutcome, std::size_t> interventionOutcomes; // complied, gave up, ...
};

// What RPI changed (r2p run --shadow): R2P against its shadow r2p-no-rpi (the same seed,
// interventions off), user by user on the main metric. A user's effect is +1 when R2P scored
// better than its shadow, -1 worse, 0 the same.
struct RpiEffectUser {
    std::string userId;
    int interventions = 0; // R2P's
    double withRpi = 0, withoutRpi = 0;
    int effect = 0;
};
struct RpiEffect {
    std::string metric;
    bool lowerIsBetter = false;
    std::size_t users = 0; // scored in both
    double meanWithRpi = 0, meanWithoutRpi = 0;
    std::size_t intervened = 0;                      // users R2P intervened on
    std::size_t helped = 0, hurt = 0, unchanged = 0; // of those
    // Users without interventions whose score still differs (0 when the shadow is faithful).
    std::size_t differWithoutIntervention = 0;
    std::vector<RpiEffectUser> perUser; // every user scored by both, in run order
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
    std::vector<DeltaSummary> deltas;   // R2P against each baseline, every metric
    std::optional<RpiEffect> rpiEffect; // when the run has R2P and its shadow
};

using VerdictCounts = std::map<SystemId, std::map<Verdict, std::size_t>>;
using InterventionCounts = std::map<SystemId, std::map<InterventionOutcome, std::size_t>>;

// `mainMetric` (e.g. "MAE", "rouge-1") judges the RPI effect; empty: no RPI effect.
Result<RunSummary>
summarizeRun(std::int64_t runId, TaskId task, const std::vector<SystemId>& systems,
             const std::vector<UserOutcome>& outcomes, const VerdictCounts& verdicts,
             const metrics::BootstrapOptions& bootstrap = {},
             const InterventionCounts& interventions = {}, const std::string& mainMetric = {});

// One system's rows of a run in run order: pointers into `owned` (rows read for the summary) or
// into outcomes the caller keeps.
struct SystemRows {
    std::vector<UserOutcome> owned;
    std::vector<const UserOutcome*> rows;
};
// Rows read for one system, owned by the result.
SystemRows ownedRows(std::vector<UserOutcome> rows);
using SystemRowsSource = std::function<Result<SystemRows>(SystemId)>;

// The same summary from rows fetched one system at a time (R2P's, and its shadow's, kept to the
// end; a baseline's only while it is evaluated and compared): a 100,000-user run never holds
// every system's answers and golds at once.
Result<RunSummary> summarizeRunBySystem(std::int64_t runId, TaskId task,
                                        const std::vector<SystemId>& systems,
                                        const SystemRowsSource& rowsOf,
                                        const VerdictCounts& verdicts,
                                        const metrics::BootstrapOptions& bootstrap = {},
                                        const InterventionCounts& interventions = {},
                                        const std::string& mainMetric = {});

// R2P against its shadow on `metric`; nothing when the outcomes lack either.
std::optional<RpiEffect> rpiEffectOf(const std::vector<UserOutcome>& outcomes,
                                     const std::string& metric);
// The same from R2P's rows and its shadow's (r2p-no-rpi).
std::optional<RpiEffect> rpiEffectOf(const std::vector<const UserOutcome*>& r2p,
                                     const std::vector<const UserOutcome*>& shadow,
                                     const std::string& metric);

// The users RPI intervened on, the largest change of score first (ties in run order): what the
// window's RPI effect table and a report's section list.
std::vector<const RpiEffectUser*> intervenedByChange(const RpiEffect& effect);

// The summary as the JSON `r2p run` prints.
std::string summaryJson(const RunSummary& summary);

} // namespace r2p::engine
