// LaMP's classification and rating metrics as eval/evaluation.py computes them: label-index
// accuracy and macro-F1 (scikit-learn 1.2), and MAE/RMSE in float32 with LaMP's rating mapping.
#pragma once

#include "model/Task.h"

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace r2p::metrics {

// The index of the stripped `output` in the task's label set (exact, case-sensitive), or -1.
int lampLabelIndex(TaskId task, std::string_view output);

struct ClassificationScores {
    double accuracy = 0;
    double f1 = 0; // macro over every label index 0..labelCount-1, absent labels included as 0
};

// Accuracy = share of equal indices (two -1s count as equal, as in LaMP). Per label F1 =
// 2PR/(P+R) with P = tp/predicted, R = tp/true, 0 when undefined; the mean over labels uses
// numpy's pairwise summation. A -1 prediction is a miss for its gold label and no label's
// false positive.
ClassificationScores classificationScores(std::span<const int> predictions,
                                          std::span<const int> golds, std::size_t labelCount);

// LaMP-3's create_mapping: float(prediction) if Python can parse the stripped text (no
// clamping: "7" stays 7, "inf" is infinity), else 1.0 when |1 - gold| > |5 - gold|, else 5.0.
double lampRatingValue(std::string_view prediction, double gold);

struct RatingScores {
    float mae = 0;
    float rmse = 0;
};

// MAE and RMSE as numpy computes them on float32 arrays (pairwise sums, float32 division and
// square root), which is what makes LaMP's numbers look like 1.1469999551773071.
RatingScores ratingScores(std::span<const float> predictions, std::span<const float> golds);

// numpy's pairwise summation (add.reduce on a contiguous array), for float and double.
float numpyPairwiseSum(std::span<const float> values);
double numpyPairwiseSum(std::span<const double> values);

} // namespace r2p::metrics
