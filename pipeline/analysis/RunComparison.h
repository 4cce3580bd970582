// Comparing stored runs user by user: pairs the users two (run, system) sides share, and for
// each pair gives both sides' LaMP metric, the paired delta with a seeded bootstrap interval,
// win/tie/loss, a paired test (exact McNemar for classification, Wilcoxon signed-rank for
// rating and generation) with Holm-adjusted p-values across the call, and the users that got
// worse or better. `r2p compare` prints it; the README ("Comparing runs") documents the JSON.
#pragma once

#include "TableText.h"
#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/Trace.h"
#include "pipeline/metrics/Bootstrap.h"
#include "pipeline/metrics/PairedStats.h"

#include <cstdint>
#include <string>
#include <vector>

namespace r2p::analysis {

// One comparison named side by side: (run A, system A) against (run B, system B).
struct SidePair {
    std::int64_t runA = 0;
    SystemId systemA = SystemId::Invalid;
    std::int64_t runB = 0;
    SystemId systemB = SystemId::Invalid;
};

struct CompareRequest {
    std::vector<std::int64_t> runs; // two or more; or one with two or more systems
    // When set: exactly these comparisons, in this order (`runs` and `systems` are not used),
    // e.g. a study's reference row against each other row, across models and systems.
    std::vector<SidePair> pairs;
    std::vector<SystemId> systems; // empty: every system the runs share
    std::string metric;            // empty: the task's first LaMP metric
    metrics::BootstrapOptions bootstrap{10000, 1, 0.95};
    std::size_t listed = 20; // regressions and improvements listed per comparison
    // Also keep every paired user's scores and answers (Comparison::users): the window's
    // per-user table. Off for the CLI, which lists only the regressions and improvements.
    bool keepUsers = false;
};

struct ComparedSide {
    std::int64_t run = 0;
    SystemId system = SystemId::Invalid;
    double value = 0; // the metric over the paired users, as LaMP computes it
};

// Why users of either side are not in the pairing. Each user counts once, under the first
// reason that applies in this order.
struct Unpaired {
    std::size_t onlyInA = 0;     // run B does not cover the user
    std::size_t onlyInB = 0;     // run A does not cover the user
    std::size_t notFinished = 0; // covered by both, but one side has no stored result yet
    std::size_t failedInA = 0;
    std::size_t failedInB = 0;
    std::size_t failedInBoth = 0;
    std::size_t noScore = 0; // done on both sides, but a side has no gold or no score
    std::vector<std::pair<std::string, std::string>> examples; // (reason, user id), a few each
    std::size_t total() const {
        return onlyInA + onlyInB + notFinished + failedInA + failedInB + failedInBoth + noScore;
    }
};

// One user's per-user scores on both sides (correctness 1/0, absolute or squared error, ROUGE).
struct UserChange {
    std::string userId;
    double a = 0;
    double b = 0;
    std::string predictionA, predictionB, gold; // clipped; listed changes: classification only
};

enum class PairedTest {
    Invalid = 0,
    McNemar,  // exact, on per-user correctness
    Wilcoxon, // signed-rank, on per-user scores (scipy 1.10 defaults)
};

struct Comparison {
    ComparedSide a, b;
    std::size_t n = 0; // paired users
    Unpaired unpaired;
    double delta = 0; // b.value - a.value, in the metric's units
    metrics::Interval ci;
    std::size_t wins = 0, ties = 0, losses = 0; // from B's side, per user
    PairedTest test = PairedTest::Invalid;
    std::size_t onlyACorrect = 0, onlyBCorrect = 0; // McNemar's discordant pairs
    metrics::WilcoxonResult wilcoxon;               // Wilcoxon
    double p = 1;
    double pHolm = 1;
    std::size_t regressionCount = 0, improvementCount = 0;
    std::vector<UserChange> regressions, improvements; // at most CompareRequest::listed each
    // With CompareRequest::keepUsers: every paired user in run A's order, answers and gold
    // clipped, for every kind of task.
    std::vector<UserChange> users;
};

struct RunComparison {
    TaskId task = TaskId::Invalid;
    std::string metric;
    metrics::Better better = metrics::Better::Invalid;
    std::string itemScore; // what the per-user test and win/tie/loss use, e.g. "absolute error"
    std::string questionsPath, outputsPath;
    std::vector<RunInfo> runs;
    metrics::BootstrapOptions bootstrap;
    std::vector<Comparison> comparisons;
};

// The metrics runs of a task kind can be compared by, the default first: accuracy and f1;
// MAE and RMSE; rouge-1, rouge-2, rouge-L and rouge-Lsum.
std::vector<std::string> taskMetrics(TaskKind kind);

// With two or more runs, each system is compared between each pair of runs (A = the earlier
// one in the request); with one run, each pair of its systems (A = the earlier one). On
// failure `badInput` says whether the request was at fault (unknown run, system or metric;
// runs of different tasks or datasets) rather than the project file.
Result<RunComparison> compareRuns(ProjectStore& store, const CompareRequest& request,
                                  bool& badInput);

std::string comparisonJson(const RunComparison& comparison);

// The same table in each format: one row per comparison.
std::string comparisonTable(const RunComparison& comparison, TableFormat format);

} // namespace r2p::analysis
