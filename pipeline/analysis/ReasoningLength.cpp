#include "ReasoningLength.h"

#include "Slices.h"
#include "model/JsonText.h"
#include "model/RunStore.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace r2p::analysis {

namespace {

using nlohmann::ordered_json;

constexpr StageId kLevels[] = {StageId::TaskAnalysis, StageId::ProfileSynthesis,
                               StageId::AnswerPlan, StageId::Answer};

struct Scored {
    std::string userId;
    std::int64_t tokens = 0;
    double score = 0;
};

// The per-user score the metric averages: correctness, absolute error or ROUGE.
std::optional<double> itemScore(const UserOutcome& o, const std::string& metric) {
    const std::string key = metric == "RMSE" ? "squared_error" : metric;
    for (const auto& [k, v] : o.scores)
        if (k == key)
            return v;
    return std::nullopt;
}

// Quantile edges of one curve's token counts: bins of (about) equal size, equal edges merged.
std::vector<std::int64_t> quantileEdges(std::vector<std::int64_t> all, std::size_t bins) {
    if (all.empty())
        return {};
    std::sort(all.begin(), all.end());
    std::vector<std::int64_t> edges{all.front()};
    for (std::size_t b = 1; b < bins; ++b) {
        const std::int64_t e = all[std::min(all.size() - 1, b * all.size() / bins)];
        if (e > edges.back())
            edges.push_back(e);
    }
    edges.push_back(all.back()); // closes the last bin (also when every user took as many)
    return edges;
}

std::size_t binOf(const std::vector<std::int64_t>& edges, std::int64_t tokens) {
    // Bin i: [edges[i], edges[i+1]), the last bin closed.
    const auto it = std::upper_bound(edges.begin(), edges.end() - 1, tokens);
    const auto i = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, it - edges.begin() - 1));
    return std::min(i, edges.size() - 2);
}

double finish(double mean, const std::string& metric) {
    return metric == "RMSE" ? std::sqrt(mean) : mean;
}

TokenSpread spreadOf(std::vector<double> v) {
    TokenSpread s;
    s.users = v.size();
    if (v.empty())
        return s;
    double sum = 0;
    for (double x : v)
        sum += x;
    s.mean = sum / static_cast<double>(v.size());
    s.p25 = metrics::percentile(v, 25);
    s.median = metrics::percentile(v, 50);
    s.p75 = metrics::percentile(v, 75);
    return s;
}

// Which of a curve's users count as "right" for the level spreads.
std::unordered_map<std::string, bool> rightUsers(const std::vector<Scored>& scored, TaskKind kind) {
    std::unordered_map<std::string, bool> right;
    double cut = 0;
    if (kind == TaskKind::Generation) {
        std::vector<double> v;
        for (const auto& s : scored)
            v.push_back(s.score);
        cut = v.empty() ? 0 : metrics::percentile(v, 50);
    }
    for (const auto& s : scored)
        right[s.userId] = kind == TaskKind::Classification ? s.score == 1.0
                          : kind == TaskKind::Rating       ? s.score == 0.0 // no error
                                                           : s.score >= cut;
    return right;
}

Status
levelSpreads(RunStore& runs, std::int64_t runId, TaskKind kind, std::vector<LengthCurve>& curves,
             const std::map<std::pair<std::int64_t, SystemId>, std::vector<Scored>>& scored) {
    // user -> level -> completion tokens of the main chain's step, per system.
    std::map<SystemId, std::unordered_map<std::string, std::map<StageId, double>>> tokens;
    bool any = false;
    for (const auto& c : curves)
        any = any || (c.run == runId && walksHrtLevels(c.system));
    if (!any)
        return Ok{};
    auto status = runs.forEachStepUsage(runId, [&](const StepUsage& u) {
        if (!walksHrtLevels(u.system) || u.candidate != 0 || u.status != StepStatus::Done)
            return;
        if (std::find(std::begin(kLevels), std::end(kLevels), u.stage) == std::end(kLevels))
            return;
        tokens[u.system][u.userId][u.stage] += static_cast<double>(u.tokens.completion);
    });
    if (!status)
        return status;
    for (auto& c : curves) {
        if (c.run != runId || !walksHrtLevels(c.system))
            continue;
        const auto& users = scored.at({c.run, c.system});
        const auto right = rightUsers(users, kind);
        const auto& bySystem = tokens[c.system];
        for (StageId level : kLevels) {
            std::vector<double> r, w;
            for (const auto& s : users) {
                const auto u = bySystem.find(s.userId);
                if (u == bySystem.end())
                    continue;
                const auto t = u->second.find(level);
                if (t == u->second.end())
                    continue;
                (right.at(s.userId) ? r : w).push_back(t->second);
            }
            c.levels.push_back({level, spreadOf(std::move(r)), spreadOf(std::move(w))});
        }
    }
    return Ok{};
}

} // namespace

Result<ReasoningLength> reasoningLength(ProjectStore& store, const ReasoningLengthRequest& request,
                                        bool& badInput) {
    badInput = true;
    if (request.runs.empty())
        return Error{"name one or more runs"};
    if (request.bins < 1 || request.bins > 20)
        return Error{"bins takes a number from 1 to 20"};
    RunStore runs(store);
    std::vector<RunInfo> infos;
    for (std::int64_t id : request.runs) {
        auto info = runs.run(id);
        if (!info)
            return info.error();
        if (!infos.empty() && info->task != infos.front().task)
            return Error{"run " + std::to_string(id) + " is " +
                         std::string(taskSpec(info->task).name) + " and run " +
                         std::to_string(infos.front().id) + " is " +
                         std::string(taskSpec(infos.front().task).name) +
                         ": reasoning length is compared within one task"};
        infos.push_back(std::move(*info));
    }
    ReasoningLength out;
    out.task = infos.front().task;
    const TaskKind kind = taskSpec(out.task).kind;
    out.metric = request.metric.empty() ? mainMetric(out.task) : request.metric;
    if (out.metric != mainMetric(out.task) && !(kind == TaskKind::Rating && out.metric == "RMSE") &&
        !(kind == TaskKind::Generation && (out.metric == "rouge-1" || out.metric == "rouge-2" ||
                                           out.metric == "rouge-L" || out.metric == "rouge-Lsum")))
        return Error{"metric " + out.metric + " is not one of " +
                     std::string(taskSpec(out.task).name) + "'s per-user metrics"};
    out.lowerIsBetter = lowerIsBetter(out.metric);
    out.rightMeans = kind == TaskKind::Classification ? "the answer is correct"
                     : kind == TaskKind::Rating       ? "the rating is exactly the gold one"
                                                      : "ROUGE at least the system's median";

    std::map<std::pair<std::int64_t, SystemId>, std::vector<Scored>> scored;
    for (const auto& info : infos) {
        for (SystemId s : request.systems)
            if (std::find(info.systems.begin(), info.systems.end(), s) == info.systems.end())
                return Error{"run " + std::to_string(info.id) + " has no system " +
                             std::string(systemName(s))};
        auto outcomes = runs.outcomes(info.id);
        if (!outcomes) {
            badInput = false;
            return outcomes.error();
        }
        for (SystemId s : request.systems.empty() ? info.systems : request.systems) {
            LengthCurve c;
            c.run = info.id;
            c.system = s;
            out.curves.push_back(std::move(c));
            scored[{info.id, s}];
        }
        for (const auto& o : *outcomes) {
            const auto it = scored.find({info.id, o.system});
            if (it == scored.end() || o.status != UserStatus::Done)
                continue;
            if (const auto score = itemScore(o, out.metric))
                it->second.push_back({o.userId, o.reasoningTokens, *score});
        }
    }
    badInput = false;
    for (auto& c : out.curves) {
        const auto& users = scored[{c.run, c.system}];
        c.users = users.size();
        std::vector<std::int64_t> lengths;
        for (const auto& u : users)
            lengths.push_back(u.tokens);
        c.edges = quantileEdges(std::move(lengths), request.bins);
        if (c.edges.size() < 2)
            continue;
        std::vector<std::vector<double>> scores(c.edges.size() - 1), tokens(scores.size());
        for (const auto& u : users) {
            const std::size_t b = binOf(c.edges, u.tokens);
            scores[b].push_back(u.score);
            tokens[b].push_back(static_cast<double>(u.tokens));
        }
        for (std::size_t b = 0; b < scores.size(); ++b) {
            LengthBin bin;
            bin.lo = c.edges[b];
            bin.hi = b + 2 == c.edges.size() ? c.edges[b + 1] : c.edges[b + 1] - 1;
            bin.users = scores[b].size();
            if (!scores[b].empty()) {
                double sum = 0, tsum = 0;
                for (std::size_t i = 0; i < scores[b].size(); ++i) {
                    sum += scores[b][i];
                    tsum += tokens[b][i];
                }
                bin.value = finish(sum / static_cast<double>(bin.users), out.metric);
                bin.meanTokens = tsum / static_cast<double>(bin.users);
                const std::span<const double> column(scores[b]);
                auto ci = metrics::bootstrapMeanIntervals({&column, 1}, request.bootstrap)[0];
                bin.ci = {finish(ci.lo, out.metric), finish(ci.hi, out.metric)};
            }
            c.bins.push_back(bin);
        }
    }
    for (const auto& info : infos)
        if (auto s = levelSpreads(runs, info.id, kind, out.curves, scored); !s)
            return s.error();
    return out;
}

std::string reasoningLengthJson(const ReasoningLength& r) {
    auto spread = [](const TokenSpread& s) {
        return ordered_json{{"users", s.users},
                            {"mean", s.mean},
                            {"p25", s.p25},
                            {"median", s.median},
                            {"p75", s.p75}};
    };
    ordered_json curves = ordered_json::array();
    for (const auto& c : r.curves) {
        ordered_json bins = ordered_json::array();
        for (const auto& b : c.bins)
            bins.push_back({{"tokens", {b.lo, b.hi}},
                            {"users", b.users},
                            {"mean_tokens", b.meanTokens},
                            {"value", b.users ? ordered_json(b.value) : ordered_json()},
                            {"ci95", b.users ? ordered_json{b.ci.lo, b.ci.hi} : ordered_json()}});
        ordered_json levels = ordered_json::array();
        for (const auto& l : c.levels)
            levels.push_back({{"level", stageName(l.level)},
                              {"right", spread(l.right)},
                              {"wrong", spread(l.wrong)}});
        ordered_json one{{"run", c.run},
                         {"system", systemName(c.system)},
                         {"users", c.users},
                         {"bin_edges", c.edges},
                         {"bins", bins}};
        if (!levels.empty())
            one["level_tokens"] = levels;
        curves.push_back(std::move(one));
    }
    return dumpJson(ordered_json{{"task", taskSpec(r.task).name},
                                 {"metric", r.metric},
                                 {"better", r.lowerIsBetter ? "lower" : "higher"},
                                 {"by", "reasoning tokens per answer"},
                                 {"right_means", r.rightMeans},
                                 {"curves", curves}},
                    2) +
           "\n";
}

std::string reasoningLengthMarkdown(const ReasoningLength& r) {
    auto fixed = [](double v, int digits) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
        return std::string(buffer);
    };
    std::string out = "| run | system | reasoning tokens | users | mean tokens | " + r.metric +
                      " | 95% CI |\n| ---: | --- | --- | ---: | ---: | ---: | --- |\n";
    for (const auto& c : r.curves)
        for (const auto& b : c.bins)
            out += "| " + std::to_string(c.run) + " | " + std::string(systemName(c.system)) +
                   " | " + std::to_string(b.lo) + "–" + std::to_string(b.hi) + " | " +
                   std::to_string(b.users) + " | " + (b.users ? fixed(b.meanTokens, 0) : "-") +
                   " | " + (b.users ? fixed(b.value, 4) : "-") + " | " +
                   (b.users ? "[" + fixed(b.ci.lo, 4) + ", " + fixed(b.ci.hi, 4) + "]" : "-") +
                   " |\n";
    bool levels = false;
    for (const auto& c : r.curves)
        levels = levels || !c.levels.empty();
    if (!levels)
        return out;
    out += "\nTokens per HRT level (right: " + r.rightMeans +
           "), median [p25, p75] (users)\n\n| run | system | level | right | wrong |\n| ---: | "
           "--- | --- | --- | --- |\n";
    auto spread = [&](const TokenSpread& s) {
        return s.users ? fixed(s.median, 0) + " [" + fixed(s.p25, 0) + ", " + fixed(s.p75, 0) +
                             "] (" + std::to_string(s.users) + ")"
                       : std::string("-");
    };
    for (const auto& c : r.curves)
        for (const auto& l : c.levels)
            out += "| " + std::to_string(c.run) + " | " + std::string(systemName(c.system)) +
                   " | " + std::string(stageName(l.level)) + " | " + spread(l.right) + " | " +
                   spread(l.wrong) + " |\n";
    return out;
}

} // namespace r2p::analysis
