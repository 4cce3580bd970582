#include "RunComparison.h"

#include "model/JsonText.h"
#include "model/RunStore.h"
#include "model/Utf8.h"
#include "pipeline/metrics/LampEvaluation.h"
#include "pipeline/metrics/LampMetrics.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace r2p::analysis {

namespace {

using metrics::Better;
using nlohmann::ordered_json;

constexpr std::size_t kExamplesPerReason = 5;
constexpr std::size_t kClippedText = 200;

std::string runLabel(std::int64_t run) {
    return "run " + std::to_string(run);
}

std::string sideLabel(const ComparedSide& s) {
    return std::to_string(s.run) + ":" + std::string(systemName(s.system));
}

} // namespace

std::vector<std::string> taskMetrics(TaskKind kind) {
    switch (kind) {
    case TaskKind::Classification:
        return {"accuracy", "f1"};
    case TaskKind::Rating:
        return {"MAE", "RMSE"};
    case TaskKind::Generation:
        return {"rouge-1", "rouge-2", "rouge-L", "rouge-Lsum"};
    case TaskKind::Invalid:
        break;
    }
    return {};
}

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

bool sameFile(const std::string& a, const std::string& b) {
    if (a == b)
        return true;
    std::error_code ec;
    return !a.empty() && !b.empty() && std::filesystem::equivalent(a, b, ec) && !ec;
}

// What one user scored on one side, in the metric's terms.
struct Scored {
    double item = 0;      // correctness, absolute or squared error, or ROUGE
    int label = -1;       // classification: predicted label index
    int goldLabel = -1;   // classification
    float rating = 0;     // rating: prediction after LaMP's mapping
    float goldRating = 0; // rating
    const OutcomeScore* outcome = nullptr;
};

// The user's score on a side, or nullopt when it cannot be scored (no gold, no such score).
std::optional<Scored> scoreOf(TaskId task, const std::string& metric, const OutcomeScore& o) {
    if (o.status != UserStatus::Done || !o.hasGold)
        return std::nullopt;
    Scored s;
    s.outcome = &o;
    switch (taskSpec(task).kind) {
    case TaskKind::Classification:
        s.label = metrics::lampLabelIndex(task, o.prediction);
        s.goldLabel = metrics::lampLabelIndex(task, o.gold);
        s.item = s.label == s.goldLabel ? 1.0 : 0.0;
        return s;
    case TaskKind::Rating: {
        const auto gold = text::pyFloat(o.gold);
        if (!gold)
            return std::nullopt;
        s.goldRating = static_cast<float>(*gold);
        s.rating = static_cast<float>(metrics::lampRatingValue(o.prediction, *gold));
        const float diff = s.rating - s.goldRating;
        s.item = metric == "RMSE" ? static_cast<double>(diff * diff)
                                  : static_cast<double>(std::fabs(diff));
        return s;
    }
    case TaskKind::Generation:
        if (!o.score)
            return std::nullopt;
        s.item = *o.score;
        return s;
    case TaskKind::Invalid:
        break;
    }
    return std::nullopt;
}

// The metric over paired users, as LaMP's evaluation computes it.
double aggregate(TaskId task, const std::string& metric, const std::vector<Scored>& side) {
    if (side.empty())
        return 0;
    switch (taskSpec(task).kind) {
    case TaskKind::Classification: {
        std::vector<int> p, g;
        for (const auto& s : side) {
            p.push_back(s.label);
            g.push_back(s.goldLabel);
        }
        const auto scores = metrics::classificationScores(p, g, taskSpec(task).labels.size());
        return metric == "f1" ? scores.f1 : scores.accuracy;
    }
    case TaskKind::Rating: {
        std::vector<float> p, g;
        for (const auto& s : side) {
            p.push_back(s.rating);
            g.push_back(s.goldRating);
        }
        const auto scores = metrics::ratingScores(p, g);
        return static_cast<double>(metric == "RMSE" ? scores.rmse : scores.mae);
    }
    case TaskKind::Generation: {
        std::vector<double> v;
        for (const auto& s : side)
            v.push_back(s.item);
        return metrics::numpyPairwiseSum(std::span<const double>(v)) /
               static_cast<double>(v.size());
    }
    case TaskKind::Invalid:
        break;
    }
    return 0;
}

struct LoadedRun {
    RunInfo info;
    std::vector<OutcomeScore> rows;
    std::unordered_map<std::string_view, std::size_t> coverIndex; // user id -> order in the run
    // system -> per user in the run's order, its row (kNoRow: none stored)
    std::map<SystemId, std::vector<std::uint32_t>> rowOf;
    const OutcomeScore* row(SystemId s, std::size_t user) const {
        const std::uint32_t r = rowOf.at(s)[user];
        return r == kNoRow ? nullptr : &rows[r];
    }
    static constexpr std::uint32_t kNoRow = UINT32_MAX;
};

// The per-comparison work before the bootstrap: pairs, per-user scores, counts and the test.
struct Pairing {
    Comparison result;
    std::vector<std::string> ids; // paired users, in run A's order
    std::vector<Scored> a, b;
    std::vector<double> itemA, itemB;
    std::vector<int> labelsA, labelsB, gold;
};

// The paired users at `rows`, with their answers and gold (clipped) when `texts`.
std::vector<UserChange> userChanges(const Pairing& p, const std::vector<std::size_t>& rows,
                                    bool texts) {
    std::vector<UserChange> out;
    out.reserve(rows.size());
    for (std::size_t i : rows) {
        UserChange u{p.ids[i], p.itemA[i], p.itemB[i], {}, {}, {}};
        if (texts) {
            u.predictionA = clipUtf8(p.a[i].outcome->prediction, kClippedText);
            u.predictionB = clipUtf8(p.b[i].outcome->prediction, kClippedText);
            u.gold = clipUtf8(p.a[i].outcome->gold, kClippedText);
        }
        out.push_back(std::move(u));
    }
    return out;
}

Pairing pairSides(const LoadedRun& ra, SystemId sa, const LoadedRun& rb, SystemId sb,
                  const RunComparison& meta, const CompareRequest& request) {
    const std::size_t listed = request.listed;
    Pairing p;
    Comparison& c = p.result;
    c.a = {ra.info.id, sa, 0};
    c.b = {rb.info.id, sb, 0};
    std::map<std::string, std::size_t> exampleCount;
    auto unpaired = [&](std::size_t& counter, const char* reason, const std::string& id) {
        ++counter;
        if (exampleCount[reason]++ < kExamplesPerReason)
            c.unpaired.examples.emplace_back(reason, id);
    };
    // Same users in the same order (the usual case): no lookup by id.
    const bool sameUsers = &ra == &rb || ra.info.users == rb.info.users;
    auto visit = [&](const std::string& id, std::size_t indexA, std::size_t indexB) {
        if (indexB == SIZE_MAX)
            return unpaired(c.unpaired.onlyInA, "only_in_a", id);
        if (indexA == SIZE_MAX)
            return unpaired(c.unpaired.onlyInB, "only_in_b", id);
        const OutcomeScore* oa = ra.row(sa, indexA);
        const OutcomeScore* ob = rb.row(sb, indexB);
        if (!oa || !ob)
            return unpaired(c.unpaired.notFinished, "not_finished", id);
        const bool failedA = oa->status != UserStatus::Done;
        const bool failedB = ob->status != UserStatus::Done;
        if (failedA && failedB)
            return unpaired(c.unpaired.failedInBoth, "failed_in_both", id);
        if (failedA)
            return unpaired(c.unpaired.failedInA, "failed_in_a", id);
        if (failedB)
            return unpaired(c.unpaired.failedInB, "failed_in_b", id);
        auto sa2 = scoreOf(meta.task, meta.metric, *oa);
        auto sb2 = scoreOf(meta.task, meta.metric, *ob);
        if (!sa2 || !sb2)
            return unpaired(c.unpaired.noScore, "no_score", id);
        p.ids.push_back(id);
        p.a.push_back(*sa2);
        p.b.push_back(*sb2);
    };
    auto indexIn = [](const LoadedRun& r, const std::string& id) {
        const auto it = r.coverIndex.find(id);
        return it == r.coverIndex.end() ? SIZE_MAX : it->second;
    };
    for (std::size_t u = 0; u < ra.info.users.size(); ++u)
        visit(ra.info.users[u], u, sameUsers ? u : indexIn(rb, ra.info.users[u]));
    if (!sameUsers)
        for (std::size_t u = 0; u < rb.info.users.size(); ++u)
            if (!ra.coverIndex.count(rb.info.users[u]))
                visit(rb.info.users[u], SIZE_MAX, u);

    c.n = p.ids.size();
    c.a.value = aggregate(meta.task, meta.metric, p.a);
    c.b.value = aggregate(meta.task, meta.metric, p.b);
    c.delta = c.b.value - c.a.value;
    const double sign = meta.better == Better::Lower ? -1.0 : 1.0;
    std::vector<std::size_t> worse, better;
    for (std::size_t i = 0; i < c.n; ++i) {
        p.itemA.push_back(p.a[i].item);
        p.itemB.push_back(p.b[i].item);
        p.labelsA.push_back(p.a[i].label);
        p.labelsB.push_back(p.b[i].label);
        p.gold.push_back(p.a[i].goldLabel);
        const double d = sign * (p.b[i].item - p.a[i].item);
        if (d > 0) {
            ++c.wins;
            better.push_back(i);
        } else if (d < 0) {
            ++c.losses;
            worse.push_back(i);
        } else {
            ++c.ties;
        }
    }
    const bool classification = taskSpec(meta.task).kind == TaskKind::Classification;
    if (classification) {
        c.test = PairedTest::McNemar;
        c.onlyACorrect = c.losses;
        c.onlyBCorrect = c.wins;
        c.p = metrics::mcnemarExactP(c.onlyACorrect, c.onlyBCorrect);
    } else {
        c.test = PairedTest::Wilcoxon;
        c.wilcoxon = metrics::wilcoxonSignedRank(p.itemB, p.itemA);
        c.p = c.wilcoxon.p;
    }
    c.regressionCount = worse.size();
    c.improvementCount = better.size();
    // Classification: in user order. Scores: the largest changes first.
    auto bySize = [&](std::vector<std::size_t>& v) {
        if (!classification)
            std::stable_sort(v.begin(), v.end(), [&](std::size_t x, std::size_t y) {
                return std::fabs(p.itemB[x] - p.itemA[x]) > std::fabs(p.itemB[y] - p.itemA[y]);
            });
        if (v.size() > listed)
            v.resize(listed);
    };
    bySize(worse);
    bySize(better);
    c.regressions = userChanges(p, worse, classification);
    c.improvements = userChanges(p, better, classification);
    if (request.keepUsers) {
        std::vector<std::size_t> all(c.n);
        for (std::size_t i = 0; i < c.n; ++i)
            all[i] = i;
        c.users = userChanges(p, all, true);
    }
    return p;
}

metrics::PairedStatistic statisticOf(const Pairing& p, const RunComparison& meta) {
    using Kind = metrics::PairedStatistic::Kind;
    metrics::PairedStatistic s;
    s.x = p.itemB; // delta = B - A
    s.y = p.itemA;
    if (meta.metric == "f1") {
        s.kind = Kind::MacroF1;
        s.xLabels = p.labelsB;
        s.yLabels = p.labelsA;
        s.gold = p.gold;
        s.labelCount = taskSpec(meta.task).labels.size();
    } else {
        s.kind = meta.metric == "RMSE" ? Kind::RootMeanSquare : Kind::Mean;
    }
    return s;
}

std::string itemScoreName(TaskKind kind, const std::string& metric) {
    if (kind == TaskKind::Classification)
        return "correctness";
    if (metric == "RMSE")
        return "squared error";
    if (metric == "MAE")
        return "absolute error";
    return metric;
}

// The systems to compare: those asked, each in every run, or else every system the runs
// share; an error names what is missing.
Result<std::vector<SystemId>> chooseSystems(const std::vector<SystemId>& asked,
                                            const std::vector<RunInfo>& runs) {
    const RunInfo& first = runs.front();
    std::vector<SystemId> systems = asked;
    auto has = [](const RunInfo& r, SystemId s) {
        return std::find(r.systems.begin(), r.systems.end(), s) != r.systems.end();
    };
    auto systemList = [](const RunInfo& r) {
        std::vector<std::string> names;
        for (SystemId s : r.systems)
            names.emplace_back(systemName(s));
        return joined(names);
    };
    for (std::size_t i = 0; i < systems.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (systems[i] == systems[j])
                return Error{"system " + std::string(systemName(systems[i])) + " is named twice"};
    for (SystemId s : systems)
        for (const auto& r : runs)
            if (!has(r, s))
                return Error{runLabel(r.id) + " has no system " + std::string(systemName(s)) +
                             " (it ran " + systemList(r) + ")"};
    if (systems.empty())
        for (SystemId s : first.systems)
            if (std::all_of(runs.begin(), runs.end(), [&](const RunInfo& r) { return has(r, s); }))
                systems.push_back(s);
    if (systems.empty()) {
        std::string ran;
        for (const auto& r : runs)
            ran += (ran.empty() ? "" : ", ") + runLabel(r.id) + " ran " + systemList(r);
        return Error{"the runs share no system (" + ran + ")"};
    }
    if (runs.size() == 1 && systems.size() < 2)
        return Error{"one run and one system (" + std::string(systemName(systems.front())) +
                     "): name two or more runs, or two or more systems of " + runLabel(first.id)};
    return systems;
}

// The systems explicit pairs name, each checked against its own run.
Result<std::vector<SystemId>> pairedSystems(const std::vector<SidePair>& pairs,
                                            const std::vector<RunInfo>& runs) {
    std::vector<SystemId> systems;
    auto check = [&](std::int64_t id, SystemId s) -> Status {
        const auto run =
            std::find_if(runs.begin(), runs.end(), [&](const RunInfo& r) { return r.id == id; });
        if (std::find(run->systems.begin(), run->systems.end(), s) == run->systems.end()) {
            std::vector<std::string> names;
            for (SystemId ran : run->systems)
                names.emplace_back(systemName(ran));
            return Error{runLabel(id) + " has no system " + std::string(systemName(s)) +
                         " (it ran " + joined(names) + ")"};
        }
        if (std::find(systems.begin(), systems.end(), s) == systems.end())
            systems.push_back(s);
        return Ok{};
    };
    for (const auto& pair : pairs) {
        if (pair.runA == pair.runB && pair.systemA == pair.systemB)
            return Error{runLabel(pair.runA) + " " + std::string(systemName(pair.systemA)) +
                         " is compared with itself"};
        if (auto a = check(pair.runA, pair.systemA); !a)
            return a.error();
        if (auto b = check(pair.runB, pair.systemB); !b)
            return b.error();
    }
    return systems;
}

// Reads a run's scored outcomes (`l.info` set) and indexes them by system and user.
Status loadRun(RunStore& runStore, LoadedRun& l, bool generation, const std::string& metric,
               const std::vector<SystemId>& systems) {
    // Generation is scored from the stored ROUGE; the others from the texts.
    auto rows = runStore.outcomeScores(l.info.id, generation ? metric : std::string(), !generation);
    if (!rows)
        return rows.error();
    l.rows = std::move(*rows);
    l.coverIndex.reserve(l.info.users.size());
    for (std::size_t u = 0; u < l.info.users.size(); ++u)
        l.coverIndex.emplace(l.info.users[u], u);
    for (SystemId s : systems)
        l.rowOf[s].assign(l.info.users.size(), LoadedRun::kNoRow);
    for (std::size_t r = 0; r < l.rows.size(); ++r) {
        const auto sys = l.rowOf.find(l.rows[r].system);
        if (sys == l.rowOf.end())
            continue;
        const auto user = l.coverIndex.find(l.rows[r].userId);
        if (user != l.coverIndex.end()) // users the run does not list are not compared
            sys->second[user->second] = static_cast<std::uint32_t>(r);
    }
    return Ok{};
}

void bootstrapPairings(std::vector<Pairing>& pairings, const RunComparison& out,
                       const metrics::BootstrapOptions& options) {
    // One bootstrap pass for every comparison on the same paired users (the usual case: all
    // systems finished every user); each gets the interval it would get alone.
    std::vector<bool> done(pairings.size(), false);
    for (std::size_t i = 0; i < pairings.size(); ++i) {
        if (done[i])
            continue;
        std::vector<std::size_t> group{i};
        for (std::size_t j = i + 1; j < pairings.size(); ++j)
            if (!done[j] && pairings[j].ids == pairings[i].ids)
                group.push_back(j);
        std::vector<metrics::PairedStatistic> stats;
        for (std::size_t g : group) {
            stats.push_back(statisticOf(pairings[g], out));
            done[g] = true;
        }
        const auto intervals =
            metrics::pairedDeltaIntervals(pairings[i].ids.size(), stats, options);
        for (std::size_t k = 0; k < group.size(); ++k)
            pairings[group[k]].result.ci = intervals[k];
    }
}

} // namespace

Result<RunComparison> compareRuns(ProjectStore& store, const CompareRequest& request,
                                  bool& badInput) {
    badInput = true;
    RunStore runStore(store);
    std::vector<std::int64_t> runIds = request.runs;
    if (!request.pairs.empty()) {
        runIds.clear();
        for (const auto& pair : request.pairs)
            for (std::int64_t id : {pair.runA, pair.runB})
                if (std::find(runIds.begin(), runIds.end(), id) == runIds.end())
                    runIds.push_back(id);
    }
    if (runIds.empty())
        return Error{"no runs to compare"};
    for (std::size_t i = 0; i < runIds.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (runIds[i] == runIds[j])
                return Error{runLabel(runIds[i]) + " is named twice"};
    auto all = runStore.runs();
    if (!all) {
        badInput = false;
        return all.error();
    }
    RunComparison out;
    out.bootstrap = request.bootstrap;
    for (std::int64_t id : runIds) {
        const auto it =
            std::find_if(all->begin(), all->end(), [&](const RunInfo& r) { return r.id == id; });
        if (it == all->end()) {
            std::vector<std::string> ids;
            for (auto r = all->rbegin(); r != all->rend(); ++r)
                ids.push_back(std::to_string(r->id));
            return Error{"there is no run " + std::to_string(id) + " in " +
                         validUtf8(store.path()) +
                         (ids.empty() ? " (it has no runs)" : " (its runs: " + joined(ids) + ")")};
        }
        out.runs.push_back(*it);
    }
    const RunInfo& first = out.runs.front();
    for (const auto& r : out.runs) {
        if (r.task != first.task)
            return Error{runLabel(first.id) + " is " + std::string(taskSpec(first.task).name) +
                         " and " + runLabel(r.id) + " is " + std::string(taskSpec(r.task).name) +
                         ": runs of different tasks cannot be paired"};
        const bool outputsDiffer = !r.outputsPath.empty() && !first.outputsPath.empty() &&
                                   !sameFile(r.outputsPath, first.outputsPath);
        if (!sameFile(r.questionsPath, first.questionsPath) || outputsDiffer)
            return Error{
                runLabel(first.id) + " is on " + validUtf8(first.questionsPath) +
                (first.outputsPath.empty() ? "" : " with " + validUtf8(first.outputsPath)) +
                " and " + runLabel(r.id) + " on " + validUtf8(r.questionsPath) +
                (r.outputsPath.empty() ? "" : " with " + validUtf8(r.outputsPath)) +
                ": runs on different datasets cannot be paired"};
    }
    out.task = first.task;
    out.questionsPath = first.questionsPath;
    out.outputsPath = first.outputsPath;
    const TaskSpec& spec = taskSpec(out.task);
    const auto metricsOfTask = taskMetrics(spec.kind);
    if (metricsOfTask.empty())
        return Error{runLabel(first.id) + " has no task with LaMP metrics"};
    out.metric = request.metric.empty() ? metricsOfTask.front() : request.metric;
    if (std::find(metricsOfTask.begin(), metricsOfTask.end(), out.metric) == metricsOfTask.end())
        return Error{"unknown metric \"" + validUtf8(out.metric) + "\" for " +
                     std::string(spec.name) + " (its metrics: " + joined(metricsOfTask) + ")"};
    out.better = metrics::metricDirection(out.metric);
    out.itemScore = itemScoreName(spec.kind, out.metric);

    // Systems: as asked, each in every run; or every system the runs share; or those the
    // pairs name, each in its own run.
    auto chosen = request.pairs.empty() ? chooseSystems(request.systems, out.runs)
                                        : pairedSystems(request.pairs, out.runs);
    if (!chosen)
        return chosen.error();
    const std::vector<SystemId> systems = std::move(*chosen);

    badInput = false;
    std::vector<LoadedRun> loaded(out.runs.size());
    for (std::size_t i = 0; i < out.runs.size(); ++i) {
        loaded[i].info = out.runs[i];
        if (auto loadedOk = loadRun(runStore, loaded[i], spec.kind == TaskKind::Generation,
                                    out.metric, systems);
            !loadedOk)
            return loadedOk.error();
    }

    std::vector<Pairing> pairings;
    auto loadedRun = [&](std::int64_t id) -> const LoadedRun& {
        return *std::find_if(loaded.begin(), loaded.end(),
                             [&](const LoadedRun& l) { return l.info.id == id; });
    };
    if (!request.pairs.empty()) {
        for (const auto& pair : request.pairs)
            pairings.push_back(pairSides(loadedRun(pair.runA), pair.systemA, loadedRun(pair.runB),
                                         pair.systemB, out, request));
    } else if (loaded.size() >= 2) {
        for (std::size_t i = 0; i < loaded.size(); ++i)
            for (std::size_t j = i + 1; j < loaded.size(); ++j)
                for (SystemId s : systems)
                    pairings.push_back(pairSides(loaded[i], s, loaded[j], s, out, request));
    } else {
        for (std::size_t i = 0; i < systems.size(); ++i)
            for (std::size_t j = i + 1; j < systems.size(); ++j)
                pairings.push_back(
                    pairSides(loaded[0], systems[i], loaded[0], systems[j], out, request));
    }

    bootstrapPairings(pairings, out, request.bootstrap);
    std::vector<double> p;
    for (const auto& pr : pairings)
        p.push_back(pr.result.p);
    const auto adjusted = metrics::holmAdjust(p);
    for (std::size_t i = 0; i < pairings.size(); ++i) {
        pairings[i].result.pHolm = adjusted[i];
        out.comparisons.push_back(std::move(pairings[i].result));
    }
    return out;
}

namespace {

// "better", "worse" or "same": B against A, in words, by the point delta.
std::string verdictOf(const Comparison& c, Better better) {
    if (c.delta == 0 || c.n == 0)
        return "same";
    const bool higher = c.delta > 0;
    return (higher == (better == Better::Higher)) ? "better" : "worse";
}

std::string testName(const Comparison& c) {
    return c.test == PairedTest::McNemar ? "exact McNemar" : "Wilcoxon signed-rank";
}

std::string methodName(metrics::WilcoxonMethod m) {
    switch (m) {
    case metrics::WilcoxonMethod::Exact:
        return "exact";
    case metrics::WilcoxonMethod::Normal:
        return "normal approximation";
    case metrics::WilcoxonMethod::None:
        return "none";
    case metrics::WilcoxonMethod::Invalid:
        break;
    }
    return "";
}

ordered_json changesJson(const std::vector<UserChange>& changes, bool classification) {
    ordered_json out = ordered_json::array();
    for (const auto& u : changes) {
        ordered_json e{{"user", u.userId}, {"a", u.a}, {"b", u.b}};
        if (classification) {
            e["a_prediction"] = u.predictionA;
            e["b_prediction"] = u.predictionB;
            e["gold"] = u.gold;
        }
        out.push_back(std::move(e));
    }
    return out;
}

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string pText(double p) {
    char buf[64];
    if (p < 1e-4)
        std::snprintf(buf, sizeof buf, "%.2e", p);
    else
        std::snprintf(buf, sizeof buf, "%.4f", p);
    return buf;
}

std::string signedFixed(double v, int digits) {
    return (v >= 0 ? "+" : "") + fixed(v, digits);
}

} // namespace

std::string comparisonJson(const RunComparison& cmp) {
    const bool classification = taskSpec(cmp.task).kind == TaskKind::Classification;
    ordered_json runs = ordered_json::array();
    for (const auto& r : cmp.runs) {
        ordered_json systems = ordered_json::array();
        for (SystemId s : r.systems)
            systems.push_back(systemName(s));
        runs.push_back({{"id", r.id},
                        {"created_at", r.createdAt},
                        {"status", r.status},
                        {"backend", r.backend},
                        {"model", r.model},
                        {"systems", systems},
                        {"users", r.users.size()}});
    }
    ordered_json comparisons = ordered_json::array();
    for (const auto& c : cmp.comparisons) {
        // No paired user: no metric, no delta (null, not a misleading 0).
        auto orNull = [&](double v) {
            return c.n == 0 ? ordered_json() : ordered_json(v);
        };
        const auto& u = c.unpaired;
        ordered_json examples = ordered_json::object();
        for (const auto& [reason, id] : u.examples)
            examples[reason].push_back(id);
        ordered_json test{{"name", testName(c)},
                          {"on", "per-user " + cmp.itemScore},
                          {"p", c.p},
                          {"p_holm", c.pHolm}};
        if (c.test == PairedTest::McNemar) {
            test["only_a_correct"] = c.onlyACorrect;
            test["only_b_correct"] = c.onlyBCorrect;
        } else {
            test["method"] = methodName(c.wilcoxon.method);
            test["statistic"] = c.wilcoxon.statistic;
            if (c.wilcoxon.method == metrics::WilcoxonMethod::Normal)
                test["z"] = c.wilcoxon.z;
            test["zero_differences"] = c.wilcoxon.zeros;
            test["ranked"] = c.wilcoxon.used;
        }
        comparisons.push_back(
            {{"a",
              {{"run", c.a.run}, {"system", systemName(c.a.system)}, {"value", orNull(c.a.value)}}},
             {"b",
              {{"run", c.b.run}, {"system", systemName(c.b.system)}, {"value", orNull(c.b.value)}}},
             {"n", c.n},
             {"unpaired",
              {{"total", u.total()},
               {"only_in_a", u.onlyInA},
               {"only_in_b", u.onlyInB},
               {"not_finished", u.notFinished},
               {"failed_in_a", u.failedInA},
               {"failed_in_b", u.failedInB},
               {"failed_in_both", u.failedInBoth},
               {"no_score", u.noScore},
               {"examples", examples}}},
             {"delta", orNull(c.delta)},
             {"ci95", c.n == 0 ? ordered_json() : ordered_json{c.ci.lo, c.ci.hi}},
             {"b_vs_a", verdictOf(c, cmp.better)},
             {"significant", c.pHolm < 0.05},
             {"wins", c.wins},
             {"ties", c.ties},
             {"losses", c.losses},
             {"test", test},
             {"regressions",
              {{"count", c.regressionCount},
               {"users", changesJson(c.regressions, classification)}}},
             {"improvements",
              {{"count", c.improvementCount},
               {"users", changesJson(c.improvements, classification)}}}});
    }
    ordered_json root{{"task", taskSpec(cmp.task).name},
                      {"metric", cmp.metric},
                      {"better", cmp.better == Better::Lower ? "lower" : "higher"},
                      {"per_user_score", cmp.itemScore},
                      {"dataset", {{"questions", cmp.questionsPath}, {"outputs", cmp.outputsPath}}},
                      {"bootstrap",
                       {{"resamples", cmp.bootstrap.resamples},
                        {"seed", cmp.bootstrap.seed},
                        {"confidence", cmp.bootstrap.confidence}}},
                      {"runs", runs},
                      {"comparisons", comparisons}};
    return dumpJson(root, 2) + "\n";
}

std::string comparisonTable(const RunComparison& cmp, TableFormat format) {
    const std::string metric = cmp.metric;
    const std::vector<std::string> header{
        "A",      "B",      "n",     "unpaired", "A " + metric, "B " + metric, "delta (B-A)",
        "95% CI", "B vs A", "W/T/L", "test",     "p",           "p (Holm)"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : cmp.comparisons) {
        const bool none = c.n == 0;
        rows.push_back(
            {sideLabel(c.a), sideLabel(c.b), std::to_string(c.n),
             std::to_string(c.unpaired.total()), none ? "-" : fixed(c.a.value, 4),
             none ? "-" : fixed(c.b.value, 4), none ? "-" : signedFixed(c.delta, 4),
             none ? "-" : "[" + signedFixed(c.ci.lo, 4) + ", " + signedFixed(c.ci.hi, 4) + "]",
             verdictOf(c, cmp.better),
             std::to_string(c.wins) + "/" + std::to_string(c.ties) + "/" + std::to_string(c.losses),
             testName(c), pText(c.p), pText(c.pHolm)});
    }
    const std::string caption = std::string(taskSpec(cmp.task).name) + ", " + metric + " (" +
                                (cmp.better == Better::Lower ? "lower" : "higher") +
                                " is better); W/T/L per user from B's side; " +
                                std::to_string(cmp.bootstrap.resamples) +
                                " bootstrap resamples, seed " + std::to_string(cmp.bootstrap.seed);
    TextTable table;
    table.header = header;
    table.rows = std::move(rows);
    table.align = "llrrrrrrlrlrr";
    table.caption = caption;
    return renderTable(table, format);
}

} // namespace r2p::analysis
