// Scores a prediction set against LaMP golds the way eval/evaluation.py does (same metrics and
// key names), with per-item scores, plain means and seeded bootstrap intervals.
#pragma once

#include "Bootstrap.h"
#include "model/Record.h"
#include "model/Result.h"
#include "model/Task.h"

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace r2p::metrics {

// One id's scores. Classification: "accuracy" (1 or 0). Rating: "MAE" (absolute error) and
// "squared_error". Generation: "rouge-1", "rouge-2", "rouge-L", "rouge-Lsum".
struct ItemScores {
    std::string id;
    std::vector<std::pair<std::string, double>> values;
    double value(const std::string& key) const;
};

struct Evaluation {
    TaskId task = TaskId::Invalid;
    // LaMP's aggregate keys in LaMP's order: accuracy, f1 | MAE, RMSE | rouge-1, rouge-2,
    // rouge-L, rouge-Lsum. Plain means (F1 and RMSE computed over all items), not LaMP's
    // median of unseeded bootstrap means.
    std::vector<std::pair<std::string, double>> metrics;
    std::vector<std::pair<std::string, Interval>> intervals; // same keys
    std::vector<ItemScores> items;                           // gold file order

    // What the aggregates are computed from, kept for paired comparisons between systems.
    std::vector<int> predictedLabels, goldLabels;     // classification
    std::vector<float> predictedRatings, goldRatings; // rating (after LaMP's mapping)

    double metric(const std::string& key) const;
};

// Pairs predictions with golds by id. An Error names the ids that are only in one of the two
// (like LaMP's assertion), duplicate ids, a task without metrics, or a LaMP-3 gold that is not
// a number. Predictions and golds are stripped first, as LaMP does.
Result<Evaluation> evaluateLamp(TaskId task, const std::vector<Gold>& golds,
                                const std::vector<Gold>& predictions,
                                const BootstrapOptions& bootstrap = {});

// The same, given each gold's stored per-item scores (as engine::scorePrediction wrote them when
// the user was stored; `stored[i]` belongs to `golds[i]`, null where there are none). A
// generation task takes an item's four ROUGE scores from them instead of computing them again
// (400,000 answers at 100,000 users and four systems take seconds); an item whose stored scores
// lack one of the four, or are not finite, is computed. Classification and rating items are
// always computed (their scores are a comparison, and F1 and RMSE need the labels and ratings).
// Error if `stored` is not empty and not the golds' size.
Result<Evaluation>
evaluateLamp(TaskId task, const std::vector<Gold>& golds, const std::vector<Gold>& predictions,
             const BootstrapOptions& bootstrap,
             std::span<const std::vector<std::pair<std::string, double>>* const> stored);

// An id and output held elsewhere (a run's stored users): evaluated without copying them.
struct GoldRef {
    std::string_view id;
    std::string_view output;
};
// The same as the one above, over references.
Result<Evaluation>
evaluateLamp(TaskId task, std::span<const GoldRef> golds, std::span<const GoldRef> predictions,
             const BootstrapOptions& bootstrap,
             std::span<const std::vector<std::pair<std::string, double>>* const> stored);

// Paired bootstrap of one metric between two evaluations of the same task and ids (A - B; see
// PairedComparison for the sign conventions). Error if the ids differ or the metric is unknown.
Result<PairedComparison> compareEvaluations(const Evaluation& a, const Evaluation& b,
                                            const std::string& metric,
                                            const BootstrapOptions& bootstrap = {});

// Higher for accuracy, f1 and ROUGE; lower for MAE and RMSE.
Better metricDirection(const std::string& metric);

} // namespace r2p::metrics
