// Reasoning length against accuracy in stored runs: each system's users binned by how many
// reasoning tokens their answer took (quantile bins of that system's own lengths, so every
// curve has points across its range; systems reason at very different lengths), each bin's
// main metric with a seeded bootstrap interval; and per HRT level, the tokens the
// level took for the users a system got right against those it got wrong. `r2p compare --by
// reasoning-length` prints it; the Analysis view plots it.
#pragma once

#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/Trace.h"
#include "pipeline/metrics/Bootstrap.h"

#include <cstdint>
#include <string>
#include <vector>

namespace r2p::analysis {

struct ReasoningLengthRequest {
    std::vector<std::int64_t> runs; // one or more runs of the same task
    std::vector<SystemId> systems;  // empty: every system of the runs
    std::size_t bins = 5;           // quantile bins of reasoning tokens (1..20)
    std::string metric;             // empty: the task's main metric
    metrics::BootstrapOptions bootstrap{1000, 1, 0.95};
};

struct LengthBin {
    std::int64_t lo = 0, hi = 0; // reasoning tokens, inclusive
    std::size_t users = 0;
    double meanTokens = 0;
    double value = 0; // the metric over the bin's users (mean of the per-user scores)
    metrics::Interval ci;
};

// Tokens a level took, summarised: users, mean, the quartiles and the median.
struct TokenSpread {
    std::size_t users = 0;
    double mean = 0, p25 = 0, median = 0, p75 = 0;
};

struct LevelTokens {
    StageId level = StageId::Invalid;
    TokenSpread right, wrong;
};

struct LengthCurve {
    std::int64_t run = 0;
    SystemId system = SystemId::Invalid;
    std::size_t users = 0; // scored users
    // Bin i holds tokens in [edges[i], edges[i+1]), the last bin [edges[n-1], edges[n]]; equal
    // quantiles merge, so a system whose users all reason alike has one bin.
    std::vector<std::int64_t> edges;
    std::vector<LengthBin> bins;
    std::vector<LevelTokens> levels; // systems that walk the HRT levels only
};

struct ReasoningLength {
    TaskId task = TaskId::Invalid;
    std::string metric;
    bool lowerIsBetter = false;
    // What "right" means for the level spreads: the answer is correct (classification), exactly
    // the gold rating (rating), or its ROUGE is at least the system's median (generation).
    std::string rightMeans;
    std::vector<LengthCurve> curves;
};

// On failure `badInput` says whether the request was at fault (an unknown run, system or
// metric; runs of different tasks).
Result<ReasoningLength> reasoningLength(ProjectStore& store, const ReasoningLengthRequest& request,
                                        bool& badInput);

std::string reasoningLengthJson(const ReasoningLength& r);
// A Markdown table: a row per (run, system, bin), then the level spreads.
std::string reasoningLengthMarkdown(const ReasoningLength& r);

} // namespace r2p::analysis
