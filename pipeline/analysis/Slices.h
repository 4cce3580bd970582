// Slices of a stored run: each system's mean on the task's main metric and R2P's paired delta
// against a baseline, per bucket of profile size, gold label, annotated failure label and
// whether RPI intervened. Answers "where does R2P win or lose" from what the project holds.
#pragma once

#include "model/Dataset.h"
#include "model/Result.h"
#include "model/RunStore.h"
#include "model/Task.h"
#include "model/Trace.h"
#include "pipeline/metrics/Bootstrap.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace r2p::analysis {

// The metric a run is judged by: "accuracy" (LaMP-1, 2, 2N), "MAE" (LaMP-3), "rouge-1" for
// generation (the R2P paper's headline) or the ROUGE variant `preferred` names ("rouge-L",
// a run's main_metric setting); empty for an invalid task. The Users view's score column too.
std::string mainMetric(TaskId task, std::string_view preferred = {});
// MAE and RMSE: a lower value is better (metrics::metricDirection).
bool lowerIsBetter(const std::string& metric);

enum class SliceKind {
    Invalid = 0,
    ProfileSize,  // buckets of UserIndexEntry::profileSize
    GoldLabel,    // the gold label (classification and rating tasks only)
    FailureLabel, // annotated failure labels; a user counts in every label it has
    Intervention, // whether RPI intervened in the user's R2P run
};
// "profile_size", "gold_label", "failure_label", "intervention"
std::string_view sliceKindName(SliceKind kind);

struct SystemMean {
    SystemId system = SystemId::Invalid;
    std::size_t scored = 0; // done users with a score on the metric
    double mean = 0;        // 0 when scored is 0
};

struct SliceBucket {
    std::string label;             // "1-9", "200+", "[1]", "4", "retrieval-unused", "intervened"
    std::size_t users = 0;         // distinct users in the bucket (any system, any status)
    std::vector<SystemMean> means; // every system of the outcomes, in first-seen order
    std::size_t paired = 0;        // users scored for both R2P and the baseline
    std::optional<double> delta;   // mean of (R2P - baseline) over the paired users
    // Its seeded 95% percentile bootstrap interval (1,000 resamples of the paired users, seed 1).
    std::optional<metrics::Interval> deltaCi;
    std::size_t wins = 0; // paired users where R2P is better (by the metric's direction)
    std::size_t ties = 0;
    std::size_t losses = 0;
};

struct Slicing {
    SliceKind kind = SliceKind::Invalid;
    std::vector<SliceBucket> buckets;
};

struct SliceReport {
    TaskId task = TaskId::Invalid;
    std::string metric;
    bool lowerIsBetter = false;
    SystemId baseline = SystemId::Invalid;
    std::size_t users = 0; // distinct users in the outcomes
    // ProfileSize, GoldLabel (classification and rating tasks), FailureLabel, Intervention.
    std::vector<Slicing> slicings;
};

struct SliceOptions {
    // Lower edges of the profile-size buckets, ascending: {1, 10, 50, 100, 200} makes 1-9,
    // 10-49, 50-99, 100-199 and 200+. Sizes below the first edge go to a "0" bucket, listed
    // only when some user falls in it.
    std::vector<std::uint32_t> profileSizeEdges = {1, 10, 50, 100, 200};
    // The metric compared: a generation task's ROUGE variant ("rouge-1", "rouge-L", …, as the
    // run's main_metric setting or a view's choice); empty or any other: the task's default.
    std::string metric;
};

// (user id, failure label) pairs, e.g. from the annotation store; duplicates count once.
using FailureLabels = std::vector<std::pair<std::string, std::string>>;

// Buckets are in a fixed order: profile sizes ascending (every bucket, even empty), gold labels
// in the task's label order (only those present, then any other gold as it is, sorted), failure
// labels sorted with "(none)" last for users without any (only when labels were given),
// "intervened" then "not intervened" (users with an R2P outcome only). Users absent from the
// index have no profile-size bucket; the gold comes from the outcome, else from the index.
// An Error for an invalid task, or a baseline that is R2P.
Result<SliceReport> computeSlices(const std::vector<UserOutcome>& outcomes,
                                  const DatasetIndex& index, TaskId task, SystemId baseline,
                                  const FailureLabels& failureLabels,
                                  const SliceOptions& options = {});

// {"task", "metric", "lower_is_better", "baseline", "users", "slices": {kind: [bucket...]}};
// a bucket: {"label", "users", "means": {system: {"scored", "mean"}}, "paired", "delta"
// (null without paired users), "wins", "ties", "losses"}.
std::string slicesJson(const SliceReport& report);

} // namespace r2p::analysis
