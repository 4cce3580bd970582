// Tagged chains (TagPR) of a stored run, per system: how often each tag occurs, which tag
// follows which, tokens per tag for right and wrong answers, the per-user metric with and
// without each tag, the constraint score and how it goes with the metric, and every chain's
// violations. Each chain is checked with the tag set version its spans were stored under.
// `r2p tags` prints it; the Analysis view's Tags page shows it.
#pragma once

#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/Trace.h"
#include "pipeline/metrics/Agreement.h"
#include "pipeline/metrics/Bootstrap.h"
#include "pipeline/tags/TagConstraints.h"
#include "pipeline/tags/TagSet.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace r2p::analysis {

// A mean with its seeded 95% percentile bootstrap interval; n == 0: no mean. The intervals of
// one system come from one bootstrap over its chains (a chain and everything in it is the unit
// resampled: segments of one chain are not independent), every statistic on the same
// resamples.
struct MeanCi {
    std::size_t n = 0;
    double mean = 0;
    metrics::Interval ci;
};

struct TagRow {
    std::string tag;
    std::size_t spans = 0;      // segments with the tag over all chains
    std::size_t chainsWith = 0; // chains holding it at least once
    MeanCi tokensRight;         // tokens per segment, in chains whose answer is right
    MeanCi tokensWrong;         // ... wrong (no gold: neither)
    MeanCi metricWith;          // the per-user metric of chains holding the tag
    MeanCi metricWithout;       // ... of the chains without it
};

struct TaggedChainCheck {
    std::string userId;
    int stepSeq = 0;
    std::string tagSet; // "id@version" the chain was checked with
    double constraintScore = 1;
    std::optional<double> metric;  // the user's per-user metric (the trace's first score)
    bool correct = false;          // the prediction equals the gold, stripped
    std::vector<std::string> tags; // the tags it holds, sorted, once each
    std::optional<double> reward;  // the external reward model's score (r2p reward), if any
    std::vector<tags::TagViolation> violations;
};

struct SystemTagStatistics {
    SystemId system = SystemId::Invalid;
    std::size_t chains = 0;
    std::string metric;       // the per-user score the metric columns are in
    std::vector<TagRow> tags; // by tag id
    std::map<std::pair<std::string, std::string>, std::size_t> transitions; // (from, to)
    MeanCi constraintScore;
    // Pearson's r of constraint score and metric over the chains with a metric; none when
    // either does not vary (or fewer than 3 chains).
    std::optional<double> scoreMetricR;
    std::map<std::string, std::size_t> violationsByRule; // chains breaking each rule
    // The external reward model's scores (TagStatistics::rewardModel; n and mean, no interval),
    // and Pearson's r of reward and metric over the chains with both (none as for scoreMetricR).
    MeanCi reward;
    std::optional<double> rewardMetricR;
    std::vector<TaggedChainCheck> chainChecks; // in the run's user order
};

// Agreement of two span sources ("model", "auto:NAME", "human:NAME") on the chains both tagged:
// every non-whitespace byte that either tagged is a unit labelled with the tag covering it
// ("none" where a source has no span), and Cohen's kappa is taken over those labels.
struct TagAgreement {
    std::string a, b; // a < b
    std::size_t chains = 0;
    std::size_t units = 0;
    metrics::Kappa kappa;
};

struct TagStatistics {
    std::int64_t runId = 0;
    TaskId task = TaskId::Invalid;
    tags::TagSet tagSet; // the project's set now: names and colours for display
    std::vector<SystemTagStatistics> systems; // systems with tagged chains, in the run's order
    std::vector<TagAgreement> agreement;      // every pair of sources, all systems' chains
    // The reward model whose scores are shown (the first by name when several scored the run).
    std::string rewardModel;
};

struct TagStatisticsRequest {
    std::int64_t runId = 0;
    std::vector<SystemId> systems; // empty: every system of the run
    metrics::BootstrapOptions bootstrap{1000, 1, 0.95};
};

// On failure `badInput` says whether the request was at fault (an unknown run or a system the
// run does not have).
Result<TagStatistics> tagStatistics(ProjectStore& store, const TagStatisticsRequest& request,
                                    bool& badInput);

// What `r2p tags` prints.
std::string tagStatisticsJson(const TagStatistics& stats);

} // namespace r2p::analysis
