#include "TagStatistics.h"

#include "model/JsonText.h"
#include "model/RunStore.h"
#include "pipeline/engine/HrtTemplate.h"
#include "pipeline/engine/Rpi.h"
#include "pipeline/tags/StepChain.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace r2p::analysis {
namespace {

using nlohmann::ordered_json;

// What one system's chains add up to, before the means and intervals.
struct Totals {
    SystemTagStatistics out;
    std::map<std::string, std::pair<std::vector<double>, std::vector<double>>>
        tokens; // right, wrong
    std::vector<std::pair<std::set<std::string>, std::optional<double>>> chainTags;
    std::vector<double> scores;
    std::map<std::string, std::size_t> frequency;
};

MeanCi meanCi(const std::vector<double>& values, const metrics::BootstrapOptions& options) {
    MeanCi m;
    m.n = values.size();
    if (values.empty())
        return m;
    double sum = 0;
    for (double v : values)
        sum += v;
    m.mean = sum / static_cast<double>(values.size());
    const std::span<const double> column(values);
    m.ci = metrics::bootstrapMeanIntervals(std::span(&column, 1), options).front();
    return m;
}

std::optional<double> pearson(const std::vector<std::pair<double, double>>& xy) {
    if (xy.size() < 3)
        return std::nullopt;
    double mx = 0, my = 0;
    for (const auto& [x, y] : xy)
        mx += x, my += y;
    mx /= static_cast<double>(xy.size());
    my /= static_cast<double>(xy.size());
    double sxy = 0, sxx = 0, syy = 0;
    for (const auto& [x, y] : xy) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if (sxx <= 0 || syy <= 0)
        return std::nullopt;
    return sxy / std::sqrt(sxx * syy);
}

// One chain into its system's totals.
Status addChain(const ProjectStore& store, const engine::HrtTemplate* hrt, const UserTrace& t,
                const StepRecord& step, Totals& into) {
    Result<tags::TagSet> set =
        step.tagSpans.empty() ? tags::projectTagSet(store)
                              : tags::projectTagSetVersion(store, step.tagSpans.front().tagSetId,
                                                           step.tagSpans.front().tagSetVersion);
    if (!set)
        return set.error();
    const tags::CheckedChain checked =
        tags::checkChain(*set, hrt, t, tags::chainText(step.reasoning, step.answer),
                         tags::storedChain(*set, step), false);
    SystemTagStatistics& out = into.out;
    ++out.chains;
    into.scores.push_back(checked.report.score);
    TaggedChainCheck c;
    c.userId = t.userId;
    c.stepSeq = step.seq;
    c.tagSet = set->id + "@" + std::to_string(set->version);
    c.constraintScore = checked.report.score;
    c.correct = t.gold && text::pyStrip(t.prediction) == text::pyStrip(std::string_view(*t.gold));
    if (!t.scores.empty()) {
        out.metric = t.scores.front().first;
        c.metric = t.scores.front().second;
    }
    std::set<std::string> present;
    const auto& spans = checked.chain.spans;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const tags::TagSpan& s = spans[i];
        present.insert(s.tag);
        ++into.frequency[s.tag];
        if (i > 0)
            ++out.transitions[{spans[i - 1].tag, s.tag}];
        auto& [right, wrong] = into.tokens[s.tag];
        if (t.gold) {
            const std::string_view content =
                text::pyStrip(std::string_view(checked.text).substr(s.start, s.end - s.start));
            (c.correct ? right : wrong).push_back(engine::approxTokens(content));
        }
    }
    std::set<tags::TagRule> broken;
    for (const auto& v : checked.report.violations)
        broken.insert(v.rule);
    for (const auto rule : broken)
        ++out.violationsByRule[std::string(tags::tagRuleName(rule))];
    c.violations = checked.report.violations;
    into.chainTags.emplace_back(std::move(present), c.metric);
    out.chainChecks.push_back(std::move(c));
    return Ok{};
}

SystemTagStatistics finish(Totals& t, const metrics::BootstrapOptions& options) {
    SystemTagStatistics out = std::move(t.out);
    for (auto& [tag, tokens] : t.tokens) {
        TagRow row;
        row.tag = tag;
        row.spans = t.frequency[tag];
        row.tokensRight = meanCi(tokens.first, options);
        row.tokensWrong = meanCi(tokens.second, options);
        std::vector<double> with, without;
        for (const auto& [present, metric] : t.chainTags) {
            if (present.count(tag))
                ++row.chainsWith;
            if (metric)
                (present.count(tag) ? with : without).push_back(*metric);
        }
        row.metricWith = meanCi(with, options);
        row.metricWithout = meanCi(without, options);
        out.tags.push_back(std::move(row));
    }
    out.constraintScore = meanCi(t.scores, options);
    std::vector<std::pair<double, double>> xy;
    for (const auto& c : out.chainChecks)
        if (c.metric)
            xy.emplace_back(c.constraintScore, *c.metric);
    out.scoreMetricR = pearson(xy);
    return out;
}

ordered_json meanJson(const MeanCi& m) {
    ordered_json j;
    j["n"] = m.n;
    j["mean"] = m.n ? ordered_json(m.mean) : ordered_json(nullptr);
    if (m.n)
        j["ci95"] = {m.ci.lo, m.ci.hi};
    return j;
}

ordered_json violationJson(const tags::TagViolation& v) {
    ordered_json one;
    one["rule"] = tags::tagRuleName(v.rule);
    one["span"] =
        v.span == static_cast<std::size_t>(-1) ? ordered_json(nullptr) : ordered_json(v.span);
    one["start"] = v.start;
    one["end"] = v.end;
    one["tag"] = v.tag;
    one["evidence"] = v.evidence;
    return one;
}

ordered_json systemJson(const SystemTagStatistics& s) {
    ordered_json j;
    j["chains"] = s.chains;
    j["frequency"] = ordered_json::object();
    j["chains_with"] = ordered_json::object();
    for (const auto& row : s.tags) {
        j["frequency"][row.tag] = row.spans;
        j["chains_with"][row.tag] = row.chainsWith;
    }
    j["transitions"] = ordered_json::object();
    for (const auto& [pair, n] : s.transitions)
        j["transitions"][pair.first + "->" + pair.second] = n;
    j["tokens_per_tag"] = ordered_json::object();
    for (const auto& row : s.tags)
        j["tokens_per_tag"][row.tag] = {{"correct", meanJson(row.tokensRight)},
                                        {"wrong", meanJson(row.tokensWrong)}};
    j["metric"] = s.metric;
    j["metric_by_tag"] = ordered_json::object();
    for (const auto& row : s.tags)
        j["metric_by_tag"][row.tag] = {{"with", meanJson(row.metricWith)},
                                       {"without", meanJson(row.metricWithout)}};
    j["constraint_score_mean"] =
        s.constraintScore.n ? ordered_json(s.constraintScore.mean) : ordered_json(nullptr);
    j["constraint_score"] = meanJson(s.constraintScore);
    j["constraint_score_metric_r"] =
        s.scoreMetricR ? ordered_json(*s.scoreMetricR) : ordered_json(nullptr);
    j["chains_breaking"] = ordered_json::object();
    for (const auto& [rule, n] : s.violationsByRule)
        j["chains_breaking"][rule] = n;
    j["chains_detail"] = ordered_json::array();
    for (const auto& c : s.chainChecks) {
        ordered_json one;
        one["user"] = c.userId;
        one["step"] = c.stepSeq;
        one["tag_set"] = c.tagSet;
        one["constraint_score"] = c.constraintScore;
        one["violations"] = ordered_json::array();
        for (const auto& v : c.violations)
            one["violations"].push_back(violationJson(v));
        j["chains_detail"].push_back(std::move(one));
    }
    return j;
}

} // namespace

Result<TagStatistics> tagStatistics(ProjectStore& store, const TagStatisticsRequest& request,
                                    bool& badInput) {
    badInput = false;
    RunStore runs(store);
    auto info = runs.run(request.runId);
    if (!info) {
        badInput = true;
        return Error{"no run " + std::to_string(request.runId) + ": " + info.error().message};
    }
    std::vector<SystemId> systems = info->systems;
    if (!request.systems.empty()) {
        for (const SystemId s : request.systems)
            if (std::find(systems.begin(), systems.end(), s) == systems.end()) {
                badInput = true;
                return Error{"run " + std::to_string(request.runId) + " has no system \"" +
                             std::string(systemName(s)) + "\""};
            }
        systems = request.systems;
    }
    auto set = tags::projectTagSet(store);
    if (!set)
        return set.error();
    auto outcomes = runs.outcomes(request.runId);
    if (!outcomes)
        return outcomes.error();
    const engine::HrtTemplate* hrt = engine::builtinHrtTemplate(info->task);
    // Only traces that can hold tags are read: the tagpr system's, or those with spans stored.
    auto stored = runs.tagSpans(request.runId);
    if (!stored)
        return stored.error();
    std::set<std::pair<std::string, SystemId>> withSpans;
    for (const auto& s : *stored)
        withSpans.emplace(s.userId, s.system);
    std::map<SystemId, Totals> totals;
    for (const auto& o : *outcomes) {
        if (std::find(systems.begin(), systems.end(), o.system) == systems.end())
            continue;
        if (o.system != SystemId::TagPR && !withSpans.count({o.userId, o.system}))
            continue;
        auto trace = runs.userTrace(request.runId, o.userId, o.system);
        if (!trace)
            return trace.error();
        for (const auto& step : trace->steps) {
            if (!tags::isTaggedStep(*trace, step) || step.status != StepStatus::Done)
                continue;
            if (auto s = addChain(store, hrt, *trace, step, totals[o.system]); !s)
                return Error{"user " + o.userId + ": " + s.error().message};
        }
    }
    TagStatistics out;
    out.runId = request.runId;
    out.task = info->task;
    out.tagSet = std::move(*set);
    for (const SystemId s : systems)
        if (auto it = totals.find(s); it != totals.end()) {
            out.systems.push_back(finish(it->second, request.bootstrap));
            out.systems.back().system = s;
        }
    return out;
}

std::string tagStatisticsJson(const TagStatistics& stats) {
    ordered_json out;
    out["run"] = stats.runId;
    out["systems"] = ordered_json::object();
    for (const auto& s : stats.systems)
        out["systems"][std::string(systemName(s.system))] = systemJson(s);
    return dumpJson(out);
}

} // namespace r2p::analysis
