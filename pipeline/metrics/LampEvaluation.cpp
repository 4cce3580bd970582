#include "LampEvaluation.h"

#include "LampMetrics.h"
#include "Rouge.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace r2p::metrics {

namespace {

using StoredScores = std::vector<std::pair<std::string, double>>;

constexpr std::size_t kListedIds = 10;

std::string listIds(const std::vector<std::string>& ids, std::size_t total) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i ? ", " : "") + std::string("\"") + ids[i] + "\"";
    if (total > ids.size())
        out += " and " + std::to_string(total - ids.size()) + " more";
    return out;
}

std::vector<double> column(const std::vector<ItemScores>& items, const std::string& key) {
    std::vector<double> out;
    out.reserve(items.size());
    for (const auto& item : items)
        out.push_back(item.value(key));
    return out;
}

// The statistic of `metric` over a resample of an evaluation's items.
ResampleStatistic statisticFor(const Evaluation& e, const std::string& metric) {
    if (metric == "f1") {
        const std::size_t labels = taskSpec(e.task).labels.size();
        return [&e, labels](std::span<const std::size_t> picks) {
            std::vector<int> p, g;
            p.reserve(picks.size());
            g.reserve(picks.size());
            for (auto i : picks) {
                p.push_back(e.predictedLabels[i]);
                g.push_back(e.goldLabels[i]);
            }
            return classificationScores(p, g, labels).f1;
        };
    }
    if (metric == "MAE" || metric == "RMSE") {
        const bool mae = metric == "MAE";
        return [&e, mae](std::span<const std::size_t> picks) {
            std::vector<float> p, g;
            p.reserve(picks.size());
            g.reserve(picks.size());
            for (auto i : picks) {
                p.push_back(e.predictedRatings[i]);
                g.push_back(e.goldRatings[i]);
            }
            const RatingScores s = ratingScores(p, g);
            return static_cast<double>(mae ? s.mae : s.rmse);
        };
    }
    auto values = std::make_shared<std::vector<double>>(column(e.items, metric));
    return [values](std::span<const std::size_t> picks) {
        double sum = 0;
        for (auto i : picks)
            sum += (*values)[i];
        return picks.empty() ? 0.0 : sum / static_cast<double>(picks.size());
    };
}

// Per-item values of a metric that wins/ties/losses compare (lower is better for errors).
std::vector<double> itemColumnFor(const Evaluation& e, const std::string& metric) {
    if (metric == "f1")
        return column(e.items, "accuracy");
    if (metric == "RMSE")
        return column(e.items, "squared_error");
    return column(e.items, metric);
}

constexpr std::array<const char*, 4> kRougeKeys{"rouge-1", "rouge-2", "rouge-L", "rouge-Lsum"};

// An item's four ROUGE scores in evaluateLamp's order, from scores stored for it; nothing when
// one is missing or not finite.
std::optional<ItemScores> storedRouge(std::string_view id, const StoredScores& stored) {
    ItemScores item{std::string(id), {}};
    item.values.reserve(kRougeKeys.size());
    for (const char* key : kRougeKeys) {
        const auto it = std::find_if(stored.begin(), stored.end(),
                                     [key](const auto& kv) { return kv.first == key; });
        if (it == stored.end() || !std::isfinite(it->second))
            return std::nullopt;
        item.values.emplace_back(key, it->second);
    }
    return item;
}

bool knownMetric(const Evaluation& e, const std::string& metric) {
    for (const auto& [key, value] : e.metrics)
        if (key == metric)
            return true;
    return false;
}

// Each gold's prediction (`predFor[i]` is golds[i]'s), after checking that both sides hold the
// same ids once each (like LaMP's assertion); the Error names the ids that differ or repeat.
Status pairById(std::span<const GoldRef> golds, std::span<const GoldRef> predictions,
                std::vector<const GoldRef*>& predFor) {
    predFor.clear();
    predFor.reserve(golds.size());
    // Both in the same id order (a run's answers and golds, the usual case): only repeats to
    // look for.
    if (golds.size() == predictions.size() &&
        std::equal(golds.begin(), golds.end(), predictions.begin(),
                   [](const GoldRef& g, const GoldRef& p) { return g.id == p.id; })) {
        std::unordered_set<std::string_view> ids;
        ids.reserve(golds.size());
        std::vector<std::string> dups;
        std::size_t dupCount = 0;
        for (const auto& g : golds)
            if (!ids.insert(g.id).second && dupCount++ < kListedIds)
                dups.emplace_back(g.id);
        if (dupCount > 0)
            return Error{"the predictions repeat ids: " + listIds(dups, dupCount)};
        for (const auto& p : predictions)
            predFor.push_back(&p);
        return Ok{};
    }
    std::unordered_map<std::string_view, const GoldRef*> predById;
    predById.reserve(predictions.size());
    std::vector<std::string> dupPreds;
    std::size_t dupPredCount = 0;
    for (const auto& p : predictions) {
        if (!predById.emplace(p.id, &p).second && dupPredCount++ < kListedIds)
            dupPreds.emplace_back(p.id);
    }
    if (dupPredCount > 0)
        return Error{"the predictions repeat ids: " + listIds(dupPreds, dupPredCount)};
    std::unordered_set<std::string_view> goldIds;
    std::vector<std::string> dupGolds, missing;
    std::size_t dupGoldCount = 0, missingCount = 0;
    for (const auto& g : golds) {
        if (!goldIds.insert(g.id).second && dupGoldCount++ < kListedIds)
            dupGolds.emplace_back(g.id);
        if (!predById.count(g.id) && missingCount++ < kListedIds)
            missing.emplace_back(g.id);
    }
    if (dupGoldCount > 0)
        return Error{"the golds repeat ids: " + listIds(dupGolds, dupGoldCount)};
    std::vector<std::string> extra;
    std::size_t extraCount = 0;
    for (const auto& p : predictions)
        if (!goldIds.count(p.id) && extraCount++ < kListedIds)
            extra.emplace_back(p.id);
    if (missingCount > 0 || extraCount > 0) {
        std::string message = "prediction ids and gold ids do not match";
        if (missingCount > 0)
            message += "; no prediction for " + listIds(missing, missingCount);
        if (extraCount > 0)
            message += "; predictions for ids not in the golds: " + listIds(extra, extraCount);
        return Error{message};
    }
    for (const auto& g : golds)
        predFor.push_back(predById.at(g.id));
    return Ok{};
}

} // namespace

double ItemScores::value(const std::string& key) const {
    for (const auto& [k, v] : values)
        if (k == key)
            return v;
    return 0;
}

double Evaluation::metric(const std::string& key) const {
    for (const auto& [k, v] : metrics)
        if (k == key)
            return v;
    return 0;
}

Better metricDirection(const std::string& metric) {
    return metric == "MAE" || metric == "RMSE" ? Better::Lower : Better::Higher;
}

Result<Evaluation> evaluateLamp(TaskId task, const std::vector<Gold>& golds,
                                const std::vector<Gold>& predictions,
                                const BootstrapOptions& bootstrap) {
    return evaluateLamp(task, golds, predictions, bootstrap, {});
}

Result<Evaluation> evaluateLamp(TaskId task, std::span<const GoldRef> golds,
                                std::span<const GoldRef> predictions,
                                const BootstrapOptions& bootstrap,
                                std::span<const StoredScores* const> stored) {
    if (!stored.empty() && stored.size() != golds.size())
        return Error{"stored scores for " + std::to_string(stored.size()) + " items, but " +
                     std::to_string(golds.size()) + " golds"};
    if (task == TaskId::Invalid)
        return Error{"no task given: LaMP metrics depend on the task (LaMP-1 … LaMP-7)"};
    const TaskSpec& spec = taskSpec(task);

    std::vector<const GoldRef*> predFor;
    if (auto paired = pairById(golds, predictions, predFor); !paired)
        return paired.error();

    Evaluation e;
    e.task = task;
    e.items.reserve(golds.size());
    switch (spec.kind) {
    case TaskKind::Classification: {
        for (std::size_t i = 0; i < golds.size(); ++i) {
            const GoldRef& g = golds[i];
            const int gold = lampLabelIndex(task, g.output);
            const int pred = lampLabelIndex(task, predFor[i]->output);
            e.goldLabels.push_back(gold);
            e.predictedLabels.push_back(pred);
            e.items.push_back({std::string(g.id), {{"accuracy", pred == gold ? 1.0 : 0.0}}});
        }
        const auto scores =
            classificationScores(e.predictedLabels, e.goldLabels, spec.labels.size());
        e.metrics = {{"accuracy", scores.accuracy}, {"f1", scores.f1}};
        break;
    }
    case TaskKind::Rating: {
        for (std::size_t i = 0; i < golds.size(); ++i) {
            const GoldRef& g = golds[i];
            const auto gold = text::pyFloat(g.output);
            if (!gold)
                return Error{"the gold output of id \"" + std::string(g.id) +
                             "\" is not a number: \"" + std::string(g.output) + "\""};
            const double pred = lampRatingValue(predFor[i]->output, *gold);
            // evaluate's features hold float32, so both sides are rounded to float first.
            const auto gold32 = static_cast<float>(*gold);
            const auto pred32 = static_cast<float>(pred);
            e.goldRatings.push_back(gold32);
            e.predictedRatings.push_back(pred32);
            const float diff = pred32 - gold32;
            e.items.push_back({std::string(g.id),
                               {{"MAE", static_cast<double>(std::fabs(diff))},
                                {"squared_error", static_cast<double>(diff * diff)}}});
        }
        const auto scores = ratingScores(e.predictedRatings, e.goldRatings);
        e.metrics = {{"MAE", scores.mae}, {"RMSE", scores.rmse}};
        break;
    }
    case TaskKind::Generation: {
        for (std::size_t i = 0; i < golds.size(); ++i) {
            const GoldRef& g = golds[i];
            if (!stored.empty() && stored[i])
                if (auto item = storedRouge(g.id, *stored[i])) {
                    e.items.push_back(std::move(*item));
                    continue;
                }
            const auto r = rougeScores(text::pyStrip(predFor[i]->output), text::pyStrip(g.output));
            e.items.push_back({std::string(g.id),
                               {{"rouge-1", r.rouge1},
                                {"rouge-2", r.rouge2},
                                {"rouge-L", r.rougeL},
                                {"rouge-Lsum", r.rougeLsum}}});
        }
        for (const char* key : kRougeKeys) {
            const auto values = column(e.items, key);
            const double sum = values.empty() ? 0.0 : numpyPairwiseSum(std::span(values));
            e.metrics.emplace_back(key,
                                   values.empty() ? 0.0 : sum / static_cast<double>(values.size()));
        }
        break;
    }
    case TaskKind::Invalid:
        return Error{"task " + std::string(spec.name) + " has no metrics"};
    }

    if (spec.kind == TaskKind::Generation) {
        std::vector<std::vector<double>> columns;
        for (const auto& [key, value] : e.metrics)
            columns.push_back(column(e.items, key));
        std::vector<std::span<const double>> spans(columns.begin(), columns.end());
        const auto intervals = bootstrapMeanIntervals(spans, bootstrap);
        for (std::size_t k = 0; k < e.metrics.size(); ++k)
            e.intervals.emplace_back(e.metrics[k].first, intervals[k]);
    } else {
        // Classification resamples stay within each gold label (see Bootstrap.h); ratings are
        // resampled plainly (goldLabels is empty for them).
        for (const auto& [key, value] : e.metrics)
            e.intervals.emplace_back(key, bootstrapInterval(e.items.size(), statisticFor(e, key),
                                                            bootstrap, e.goldLabels));
    }
    return e;
}
// Copies of the golds are evaluated as references to them.
Result<Evaluation> evaluateLamp(TaskId task, const std::vector<Gold>& golds,
                                const std::vector<Gold>& predictions,
                                const BootstrapOptions& bootstrap,
                                std::span<const StoredScores* const> stored) {
    auto refs = [](const std::vector<Gold>& items) {
        std::vector<GoldRef> out;
        out.reserve(items.size());
        for (const Gold& g : items)
            out.push_back({g.id, g.output});
        return out;
    };
    return evaluateLamp(task, refs(golds), refs(predictions), bootstrap, stored);
}

Result<PairedComparison> compareEvaluations(const Evaluation& a, const Evaluation& b,
                                            const std::string& metric,
                                            const BootstrapOptions& bootstrap) {
    if (a.task != b.task)
        return Error{"the two evaluations are of different tasks"};
    if (!knownMetric(a, metric))
        return Error{"unknown metric \"" + metric + "\" for " + std::string(taskSpec(a.task).name)};
    if (a.items.size() != b.items.size())
        return Error{"the two evaluations cover different ids"};
    // Already in the same id order (two systems scored on the same users, the usual case):
    // compared as they are.
    const bool sameOrder =
        std::equal(a.items.begin(), a.items.end(), b.items.begin(),
                   [](const ItemScores& x, const ItemScores& y) { return x.id == y.id; });
    if (sameOrder)
        return pairedBootstrap(itemColumnFor(a, metric), itemColumnFor(b, metric),
                               statisticFor(a, metric), statisticFor(b, metric),
                               metricDirection(metric), bootstrap, a.goldLabels);
    // Put B in A's id order so item i is the same id on both sides.
    std::unordered_map<std::string_view, std::size_t> indexInB;
    for (std::size_t i = 0; i < b.items.size(); ++i)
        indexInB.emplace(b.items[i].id, i);
    Evaluation aligned;
    aligned.task = b.task;
    aligned.metrics = b.metrics;
    for (const auto& item : a.items) {
        const auto it = indexInB.find(item.id);
        if (it == indexInB.end())
            return Error{"id \"" + item.id + "\" is only in the first evaluation"};
        aligned.items.push_back(b.items[it->second]);
        if (!b.predictedLabels.empty()) {
            aligned.predictedLabels.push_back(b.predictedLabels[it->second]);
            aligned.goldLabels.push_back(b.goldLabels[it->second]);
        }
        if (!b.predictedRatings.empty()) {
            aligned.predictedRatings.push_back(b.predictedRatings[it->second]);
            aligned.goldRatings.push_back(b.goldRatings[it->second]);
        }
    }
    const auto itemA = itemColumnFor(a, metric);
    const auto itemB = itemColumnFor(aligned, metric);
    // Both sides share the gold labels, so a classification resample keeps each gold label's
    // count (see Bootstrap.h).
    return pairedBootstrap(itemA, itemB, statisticFor(a, metric), statisticFor(aligned, metric),
                           metricDirection(metric), bootstrap, a.goldLabels);
}

} // namespace r2p::metrics
