#include "LampMetrics.h"

#include "pipeline/text/PyText.h"

#include <cmath>

namespace r2p::metrics {

namespace {

// numpy/core/src/umath/loops_utils.h.src pairwise_sum: blocks of 128 summed with 8
// accumulators, larger arrays split in halves at a multiple of 8.
template <typename T> T pairwiseSum(const T* a, std::size_t n) {
    constexpr std::size_t kBlock = 128;
    if (n < 8) {
        T res = 0;
        for (std::size_t i = 0; i < n; ++i)
            res += a[i];
        return res;
    }
    if (n <= kBlock) {
        T r[8];
        for (std::size_t k = 0; k < 8; ++k)
            r[k] = a[k];
        std::size_t i = 8;
        for (; i < n - (n % 8); i += 8)
            for (std::size_t k = 0; k < 8; ++k)
                r[k] += a[i + k];
        T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            res += a[i];
        return res;
    }
    std::size_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwiseSum(a, n2) + pairwiseSum(a + n2, n - n2);
}

} // namespace

float numpyPairwiseSum(std::span<const float> values) {
    // add.reduce starts from the identity 0 and adds the pairwise sum of all elements.
    return 0.0f + pairwiseSum(values.data(), values.size());
}

double numpyPairwiseSum(std::span<const double> values) {
    return 0.0 + pairwiseSum(values.data(), values.size());
}

int lampLabelIndex(TaskId task, std::string_view output) {
    const std::string_view stripped = text::pyStrip(output);
    const auto& labels = taskSpec(task).labels;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] == stripped)
            return static_cast<int>(i);
    return -1;
}

ClassificationScores classificationScores(std::span<const int> predictions,
                                          std::span<const int> golds, std::size_t labelCount) {
    ClassificationScores out;
    const std::size_t n = std::min(predictions.size(), golds.size());
    if (n == 0)
        return out;
    std::vector<double> correct(n);
    std::vector<std::size_t> tp(labelCount, 0), predicted(labelCount, 0), truth(labelCount, 0);
    auto inRange = [&](int label) {
        return label >= 0 && static_cast<std::size_t>(label) < labelCount;
    };
    for (std::size_t i = 0; i < n; ++i) {
        correct[i] = predictions[i] == golds[i] ? 1.0 : 0.0;
        if (inRange(predictions[i]))
            ++predicted[static_cast<std::size_t>(predictions[i])];
        if (inRange(golds[i]))
            ++truth[static_cast<std::size_t>(golds[i])];
        if (predictions[i] == golds[i] && inRange(golds[i]))
            ++tp[static_cast<std::size_t>(golds[i])];
    }
    // accuracy_score: np.average of the 0/1 matches.
    out.accuracy = numpyPairwiseSum(std::span<const double>(correct)) / static_cast<double>(n);
    // precision_recall_fscore_support (beta 1): f = (1 + 1) * P * R / (1 * P + R), 0 where
    // the denominator is 0; then np.average over the labels.
    std::vector<double> f(labelCount, 0.0);
    for (std::size_t l = 0; l < labelCount; ++l) {
        const double precision =
            predicted[l] == 0 ? 0.0
                              : static_cast<double>(tp[l]) / static_cast<double>(predicted[l]);
        const double recall =
            truth[l] == 0 ? 0.0 : static_cast<double>(tp[l]) / static_cast<double>(truth[l]);
        double denom = 1.0 * precision + recall;
        if (denom == 0.0)
            denom = 1;
        f[l] = (1 + 1.0) * precision * recall / denom;
    }
    if (labelCount > 0)
        out.f1 = numpyPairwiseSum(std::span<const double>(f)) / static_cast<double>(labelCount);
    return out;
}

double lampRatingValue(std::string_view prediction, double gold) {
    if (const auto value = text::pyFloat(prediction))
        return *value;
    return std::fabs(1 - gold) > std::fabs(5 - gold) ? 1.0 : 5.0;
}

RatingScores ratingScores(std::span<const float> predictions, std::span<const float> golds) {
    RatingScores out;
    const std::size_t n = std::min(predictions.size(), golds.size());
    if (n == 0)
        return out;
    std::vector<float> absolute(n), squared(n);
    for (std::size_t i = 0; i < n; ++i) {
        const float diff = predictions[i] - golds[i];
        absolute[i] = std::fabs(diff);
        squared[i] = diff * diff;
    }
    const float count = static_cast<float>(n);
    out.mae = numpyPairwiseSum(std::span<const float>(absolute)) / count;
    out.rmse = std::sqrt(numpyPairwiseSum(std::span<const float>(squared)) / count);
    return out;
}

} // namespace r2p::metrics
