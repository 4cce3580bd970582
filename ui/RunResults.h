// A stored run as the Users view shows it: per user, R2P's and one baseline's raw answers and
// scores on the task's main metric, the delta, interventions and contradicted verdicts. Loaded
// from the project file in one query, so thousands of users cost a few milliseconds.
#pragma once

#include "model/RunStore.h"
#include "model/Trace.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace r2p::ui {

struct UserRunRow {
    // The user's outcomes: RunResults::outcomes[first, first + count) (a run's are by user).
    std::size_t first = 0, count = 0;
    // Where in RunResults::outcomes R2P's and the baseline's are (RunResults::r2pAnswer).
    std::size_t r2pAt = 0, baselineAt = 0;
    bool hasR2p = false, hasBaseline = false;
    bool r2pScored = false, baselineScored = false;
    double r2pScore = 0, baselineScore = 0; // on RunResults::metric
    int interventions = 0;                  // R2P's
    int contradicted = 0;                   // R2P's contradicted verdicts
    bool failed = false;                    // any system failed for this user
    bool r2pFormatOk = false;

    bool comparable() const { return r2pScored && baselineScored; }
    double delta() const { return r2pScore - baselineScore; } // in the metric's units
};

struct RunResults {
    std::int64_t runId = 0;
    RunInfo info;
    SystemId baseline = SystemId::Invalid; // compared with R2P (lamp-rag when the run has it)
    std::string metric;                    // "accuracy", "MAE" or a ROUGE variant
    bool lowerIsBetter = false;
    std::unordered_map<std::string, UserRunRow> byUser;
    std::vector<UserOutcome> outcomes; // every user and system, in run order

    const UserRunRow* row(const std::string& userId) const;
    // The user's stored outcomes, in the run's system order (none for a user not in the run).
    std::span<const UserOutcome> outcomesOf(const std::string& userId) const;
    // R2P's and the baseline's raw final answers ("" when the row has none).
    const std::string& r2pAnswer(const UserRunRow& row) const;
    const std::string& baselineAnswer(const UserRunRow& row) const;
    // R2P better / worse than the baseline for this user (false when not comparable).
    bool better(const UserRunRow& row) const;
    bool worse(const UserRunRow& row) const;
};

// Annotation state of the shown run's users, for the Users view and its filter.
struct AnnotationCounts {
    std::unordered_map<std::string, int> onRun;                       // user -> annotations
    std::unordered_map<std::string, std::vector<std::string>> labels; // user -> labels used
    std::unordered_set<std::string> onOtherRuns; // users annotated on another run of the file
    int onRunOf(const std::string& userId) const {
        const auto it = onRun.find(userId);
        return it == onRun.end() ? 0 : it->second;
    }
};

// What the Users filter's tag terms (has:tag-violation, missing-tag:ID, tag-score<X) need of a
// user's tagged chains (TagPR's, or any with stored spans) in the shown run.
struct UserTagFacts {
    double minScore = 1;              // the lowest constraint score of the user's chains
    bool violation = false;           // some chain breaks a rule
    std::vector<std::string> inEvery; // tags every chain of the user holds, sorted
};
using TagFacts = std::unordered_map<std::string, UserTagFacts>;

// Checks every tagged chain of a run (analysis::tagStatistics without intervals).
Result<TagFacts> loadTagFacts(ProjectStore& store, std::int64_t runId);

// Reads the run's per-user outcomes; `baseline` Invalid picks lamp-rag, else the first baseline;
// an Error names the run when it has no such baseline. `metric` chooses a generation run's ROUGE
// variant (analysis::mainMetric); empty or not one of the task's: the run's main_metric setting.
// `known`: the run's record when the caller has read it already (a 100,000-user run's record
// holds every user id: reading it again costs tens of milliseconds).
Result<RunResults> loadRunResults(RunStore& runs, std::int64_t runId,
                                  SystemId baseline = SystemId::Invalid,
                                  const std::string& metric = {},
                                  std::optional<RunInfo> known = std::nullopt);

// The metrics a view may compare a run of `task` on, the default first: a generation task's
// ROUGE variants; a classification or rating task has just its main metric.
std::vector<std::string> comparableMetrics(TaskId task);
// The metric a view compares `info`'s run on: `requested` when its task has it, else the run's
// own main_metric setting (the task's default without one).
std::string comparedMetric(const RunInfo& info, const std::string& requested);

} // namespace r2p::ui
