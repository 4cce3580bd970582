// Every bootstrap interval the workbench reports contains the estimate it is reported for: for
// each metric (accuracy, F1, MAE, RMSE, ROUGE) and each paired delta, over many random
// fixtures, including the few-items, rare-label cases where a plain percentile bootstrap of
// LaMP's macro-F1 falls wholly below the estimate.
#include "pipeline/metrics/Bootstrap.h"
#include "pipeline/metrics/LampEvaluation.h"
#include "pipeline/metrics/PairedStats.h"

#include <gtest/gtest.h>
#include <random>
#include <string>
#include <vector>

using namespace r2p;
using namespace r2p::metrics;

namespace {

struct Fixture {
    std::vector<Gold> golds, a, b;
};

// n users of `task`: golds drawn with a skew (a few labels common, most rare) and two systems
// that are right with their own probability and otherwise answer something else.
Fixture randomFixture(TaskId task, std::mt19937& rng) {
    Fixture f;
    const auto n = std::uniform_int_distribution<int>(1, 40)(rng);
    const TaskSpec& spec = taskSpec(task);
    std::uniform_real_distribution<double> unit(0, 1);
    const double rightA = unit(rng), rightB = unit(rng);
    const std::vector<std::string> words{"storm", "market", "vote", "city", "new",  "the",
                                         "rises", "falls",  "team", "wins", "plan", "a"};
    auto sentence = [&](int length) {
        std::string out;
        for (int i = 0; i < length; ++i)
            out += (i ? " " : "") + words[rng() % words.size()];
        return out;
    };
    for (int i = 0; i < n; ++i) {
        const std::string id = std::to_string(i);
        std::string gold, pa, pb;
        if (spec.kind == TaskKind::Classification) {
            const std::size_t labels = spec.labels.size();
            // Skewed: label 0 half the time, the rest spread thin.
            const std::size_t g = unit(rng) < 0.5 ? 0 : rng() % labels;
            gold = std::string(spec.labels[g]);
            pa = unit(rng) < rightA ? gold : std::string(spec.labels[rng() % labels]);
            pb = unit(rng) < rightB ? gold : std::string(spec.labels[rng() % labels]);
        } else if (spec.kind == TaskKind::Rating) {
            gold = std::to_string(1 + rng() % 5);
            pa = unit(rng) < rightA ? gold : std::to_string(1 + rng() % 5);
            pb = unit(rng) < 0.1 ? "no idea" : std::to_string(1 + rng() % 5);
        } else {
            gold = sentence(3 + static_cast<int>(rng() % 6));
            pa = unit(rng) < rightA ? gold : sentence(1 + static_cast<int>(rng() % 8));
            pb = unit(rng) < rightB ? gold : sentence(1 + static_cast<int>(rng() % 8));
        }
        f.golds.push_back({id, gold});
        f.a.push_back({id, pa});
        f.b.push_back({id, pb});
    }
    return f;
}

} // namespace

TEST(IntervalContainsEstimate, EveryMetricAndDeltaOverRandomFixtures) {
    std::mt19937 rng(20261204);
    std::size_t checked = 0;
    for (TaskId task : {TaskId::LaMP1, TaskId::LaMP2, TaskId::LaMP2N, TaskId::LaMP3, TaskId::LaMP4,
                        TaskId::LaMP7}) {
        for (int round = 0; round < 60; ++round) {
            const Fixture f = randomFixture(task, rng);
            const BootstrapOptions options{200, static_cast<std::uint64_t>(round + 1), 0.95};
            auto ea = evaluateLamp(task, f.golds, f.a, options);
            auto eb = evaluateLamp(task, f.golds, f.b, options);
            ASSERT_TRUE(ea && eb);
            ASSERT_EQ(ea->intervals.size(), ea->metrics.size());
            for (std::size_t m = 0; m < ea->metrics.size(); ++m) {
                const auto& [key, value] = ea->metrics[m];
                const Interval ci = ea->intervals[m].second;
                EXPECT_LE(ci.lo, value) << taskSpec(task).name << " " << key << " round " << round;
                EXPECT_GE(ci.hi, value) << taskSpec(task).name << " " << key << " round " << round;
                auto cmp = compareEvaluations(*ea, *eb, key, options);
                ASSERT_TRUE(cmp) << key;
                EXPECT_LE(cmp->ci.lo, cmp->delta) << taskSpec(task).name << " Δ" << key;
                EXPECT_GE(cmp->ci.hi, cmp->delta) << taskSpec(task).name << " Δ" << key;
                // The delta is the difference of the two reported values.
                EXPECT_NEAR(cmp->delta, value - eb->metric(key), 1e-12) << key;
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, 60u * (2 + 2 + 2 + 2 + 4 + 4));
}

TEST(IntervalContainsEstimate, PairedDeltaIntervalsOverRandomFixtures) {
    // `r2p compare`'s one-pass bootstrap: means, root mean squares and macro-F1.
    std::mt19937 rng(7);
    for (int round = 0; round < 300; ++round) {
        const std::size_t n = 1 + rng() % 30, labels = 2 + rng() % 14;
        std::vector<double> x(n), y(n);
        std::vector<int> gold(n), xs(n), ys(n);
        for (std::size_t i = 0; i < n; ++i) {
            x[i] = static_cast<double>(rng() % 5);
            y[i] = static_cast<double>(rng() % 5);
            gold[i] = rng() % 2 ? 0 : static_cast<int>(rng() % labels);
            xs[i] = rng() % 3 ? gold[i] : static_cast<int>(rng() % labels);
            ys[i] = rng() % 2 ? gold[i] : static_cast<int>(rng() % labels) - 1; // -1: no label
        }
        PairedStatistic mean{PairedStatistic::Kind::Mean, x, y, {}, {}, {}, 0};
        PairedStatistic root{PairedStatistic::Kind::RootMeanSquare, x, y, {}, {}, {}, 0};
        PairedStatistic f1{PairedStatistic::Kind::MacroF1, {}, {}, xs, ys, gold, labels};
        const std::vector<PairedStatistic> all{mean, root, f1};
        const auto ci =
            pairedDeltaIntervals(n, all, {200, static_cast<std::uint64_t>(round), 0.95});
        // Independent point deltas, computed here by hand.
        double sx = 0, sy = 0;
        for (std::size_t i = 0; i < n; ++i) {
            sx += x[i];
            sy += y[i];
        }
        const double nd = static_cast<double>(n);
        const double meanDelta = (sx - sy) / nd;
        const double rootDelta = std::sqrt(sx / nd) - std::sqrt(sy / nd);
        auto macro = [&](const std::vector<int>& p) {
            double sum = 0;
            for (std::size_t l = 0; l < labels; ++l) {
                double tp = 0, fp = 0, fn = 0;
                for (std::size_t i = 0; i < n; ++i) {
                    const bool isP = p[i] == static_cast<int>(l),
                               isG = gold[i] == static_cast<int>(l);
                    tp += isP && isG;
                    fp += isP && !isG;
                    fn += !isP && isG;
                }
                sum += tp == 0 ? 0.0 : 2 * tp / (2 * tp + fp + fn);
            }
            return sum / static_cast<double>(labels);
        };
        const double f1Delta = macro(xs) - macro(ys);
        const double eps = 1e-12;
        EXPECT_LE(ci[0].lo, meanDelta + eps) << round;
        EXPECT_GE(ci[0].hi, meanDelta - eps) << round;
        EXPECT_LE(ci[1].lo, rootDelta + eps) << round;
        EXPECT_GE(ci[1].hi, rootDelta - eps) << round;
        EXPECT_LE(ci[2].lo, f1Delta + eps) << round;
        EXPECT_GE(ci[2].hi, f1Delta - eps) << round;
        // Alone or together: the same interval.
        const auto alone = pairedDeltaIntervals(n, std::span(&f1, 1),
                                                {200, static_cast<std::uint64_t>(round), 0.95});
        EXPECT_EQ(alone[0].lo, ci[2].lo);
        EXPECT_EQ(alone[0].hi, ci[2].hi);
    }
}

TEST(IntervalContainsEstimate, LampTwoDemoShapeNoLongerCollapses) {
    // One user per LaMP-2 label, every answer right: F1 1.0 over the full label set. A plain
    // resample loses some labels (each is missing from a resample with probability ~0.36), each
    // lost label scores 0, and the whole percentile interval lies below 1.0 — the demo's
    // "F1 1.000 with 95% CI [0.533, 0.867]".
    const TaskSpec& spec = taskSpec(TaskId::LaMP2);
    std::vector<Gold> golds, wrong;
    for (std::size_t l = 0; l < spec.labels.size(); ++l) {
        golds.push_back({"u" + std::to_string(l), std::string(spec.labels[l])});
        wrong.push_back({"u" + std::to_string(l), std::string(spec.labels[0])});
    }
    auto e = evaluateLamp(TaskId::LaMP2, golds, golds);
    ASSERT_TRUE(e);
    EXPECT_DOUBLE_EQ(e->metric("f1"), 1.0);
    // What a plain resample gives (no strata): wholly below the estimate.
    std::vector<int> labels(spec.labels.size());
    for (std::size_t l = 0; l < labels.size(); ++l)
        labels[l] = static_cast<int>(l);
    std::vector<double> plainF1;
    std::mt19937_64 rng(1);
    for (int r = 0; r < 1000; ++r) {
        std::vector<std::size_t> truth(labels.size(), 0);
        for (std::size_t k = 0; k < labels.size(); ++k)
            ++truth[rng() % labels.size()];
        std::size_t present = 0;
        for (auto t : truth)
            present += t > 0;
        plainF1.push_back(static_cast<double>(present) / static_cast<double>(labels.size()));
    }
    EXPECT_LT(percentile(plainF1, 97.5), 0.9);
    // Stratified by gold label: every resample keeps every label, so F1 stays 1.
    const Interval f1 = e->intervals[1].second;
    ASSERT_EQ(e->intervals[1].first, "f1");
    EXPECT_DOUBLE_EQ(f1.lo, 1.0);
    EXPECT_DOUBLE_EQ(f1.hi, 1.0);
    // And the delta against a system that always answers label 0: 1 - (2/16)/15 exactly, with an
    // interval of that single value (each label's one user is drawn every time).
    auto w = evaluateLamp(TaskId::LaMP2, golds, wrong);
    ASSERT_TRUE(w);
    auto cmp = compareEvaluations(*e, *w, "f1");
    ASSERT_TRUE(cmp);
    const double expected = 1.0 - (2.0 * (1.0 / 15) * 1.0 / (1.0 / 15 + 1.0)) / 15;
    EXPECT_NEAR(cmp->delta, expected, 1e-12);
    EXPECT_NEAR(cmp->ci.lo, expected, 1e-12);
    EXPECT_NEAR(cmp->ci.hi, expected, 1e-12);
}
