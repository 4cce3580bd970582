// r2p tags: the tagged chains (TagPR) of a stored run, per system, as JSON — how often each tag
// occurs, which tag follows which, tokens per tag for correct and wrong answers, the task metric
// with and without each tag, the mean constraint score, and every chain's violations. Each
// chain is re-checked with the tag set version its spans were stored under.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/JsonText.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/engine/HrtTemplate.h"
#include "pipeline/engine/Rpi.h"
#include "pipeline/tags/TagConstraints.h"
#include "pipeline/tags/TagParser.h"
#include "pipeline/tags/TagSet.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace r2p::cli {
namespace {

using nlohmann::ordered_json;

struct Mean {
    double sum = 0;
    std::size_t n = 0;
    void add(double v) { sum += v, ++n; }
    ordered_json json() const {
        ordered_json j;
        j["n"] = n;
        j["mean"] = n ? ordered_json(sum / static_cast<double>(n)) : ordered_json(nullptr);
        return j;
    }
};

// What one system's chains add up to.
struct SystemTags {
    std::size_t chains = 0;
    std::map<std::string, std::size_t> frequency;
    std::map<std::string, std::size_t> transitions;
    std::map<std::string, std::pair<Mean, Mean>> tokens; // per span: correct, wrong
    std::string metric;
    std::map<std::string, std::size_t> chainsWith; // chains holding the tag
    std::vector<std::pair<std::set<std::string>, std::optional<double>>> chainTags;
    Mean score;
    ordered_json chainViolations = ordered_json::array();
};

std::size_t retrievedCount(const UserTrace& t) {
    for (const auto& s : t.steps)
        if (s.stage == StageId::Retrieve && s.output.items)
            return s.output.items->size();
    return 0;
}

// The spans to check: the model's own re-read with the parser (so its problems count), any
// other as stored.
tags::ParsedChain chainOf(const tags::TagSet& set, const StepRecord& step) {
    const bool modelOnly = std::all_of(step.tagSpans.begin(), step.tagSpans.end(),
                                       [](const TagSpanRecord& s) { return s.source == "model"; });
    if (modelOnly)
        return tags::parseTags(set, step.reasoning, step.answer);
    tags::ParsedChain chain;
    chain.reasoningBytes = step.reasoning.size();
    chain.contentBytes = step.answer.size();
    chain.complete = true;
    for (const auto& r : step.tagSpans) {
        tags::TagSpan s;
        s.start = s.outerStart = static_cast<std::size_t>(r.start);
        s.end = s.outerEnd = static_cast<std::size_t>(r.end);
        s.tag = r.tag;
        s.source = tags::parseTagSource(r.source).value_or(tags::TagSource::Invalid);
        s.annotator = r.annotator;
        s.confidence = r.confidence;
        chain.spans.push_back(std::move(s));
    }
    return chain;
}

// One chain into its system's totals.
Status addChain(const ProjectStore& store, const engine::HrtTemplate* hrt, const UserTrace& t,
                const StepRecord& step, SystemTags& out) {
    Result<tags::TagSet> set =
        step.tagSpans.empty() ? tags::projectTagSet(store)
                              : tags::projectTagSetVersion(store, step.tagSpans.front().tagSetId,
                                                           step.tagSpans.front().tagSetVersion);
    if (!set)
        return set.error();
    const std::string text = tags::chainText(step.reasoning, step.answer);
    const tags::ParsedChain chain = chainOf(*set, step);
    tags::ChainContext context;
    context.answerFormat = hrt ? &hrt->answer : nullptr;
    context.itemCount = retrievedCount(t);
    const tags::ConstraintReport report = tags::checkTagConstraints(*set, text, chain, context);
    ++out.chains;
    out.score.add(report.score);
    const bool correct =
        t.gold && text::pyStrip(t.prediction) == text::pyStrip(std::string_view(*t.gold));
    std::optional<double> metric;
    if (!t.scores.empty()) {
        out.metric = t.scores.front().first;
        metric = t.scores.front().second;
    }
    std::set<std::string> present;
    for (std::size_t i = 0; i < chain.spans.size(); ++i) {
        const tags::TagSpan& s = chain.spans[i];
        ++out.frequency[s.tag];
        present.insert(s.tag);
        if (i > 0)
            ++out.transitions[chain.spans[i - 1].tag + "->" + s.tag];
        const std::string_view content =
            text::pyStrip(std::string_view(text).substr(s.start, s.end - s.start));
        auto& [right, wrong] = out.tokens[s.tag];
        (correct ? right : wrong).add(engine::approxTokens(content));
    }
    for (const auto& tag : present)
        ++out.chainsWith[tag];
    out.chainTags.emplace_back(std::move(present), metric);
    ordered_json c;
    c["user"] = t.userId;
    c["step"] = step.seq;
    c["tag_set"] = set->id + "@" + std::to_string(set->version);
    c["constraint_score"] = report.score;
    c["violations"] = ordered_json::array();
    for (const auto& v : report.violations) {
        ordered_json one;
        one["rule"] = tags::tagRuleName(v.rule);
        one["span"] =
            v.span == static_cast<std::size_t>(-1) ? ordered_json(nullptr) : ordered_json(v.span);
        one["start"] = v.start;
        one["end"] = v.end;
        one["tag"] = v.tag;
        one["evidence"] = v.evidence;
        c["violations"].push_back(std::move(one));
    }
    out.chainViolations.push_back(std::move(c));
    return Ok{};
}

ordered_json systemJson(const SystemTags& s) {
    ordered_json j;
    j["chains"] = s.chains;
    j["frequency"] = ordered_json::object();
    for (const auto& [tag, n] : s.frequency)
        j["frequency"][tag] = n;
    j["transitions"] = ordered_json::object();
    for (const auto& [pair, n] : s.transitions)
        j["transitions"][pair] = n;
    j["tokens_per_tag"] = ordered_json::object();
    for (const auto& [tag, means] : s.tokens)
        j["tokens_per_tag"][tag] = {{"correct", means.first.json()},
                                    {"wrong", means.second.json()}};
    j["metric"] = s.metric;
    j["metric_by_tag"] = ordered_json::object();
    for (const auto& [tag, n] : s.frequency) {
        Mean with, without;
        for (const auto& [present, metric] : s.chainTags)
            if (metric)
                (present.count(tag) ? with : without).add(*metric);
        j["metric_by_tag"][tag] = {{"with", with.json()}, {"without", without.json()}};
    }
    j["constraint_score_mean"] = s.score.json()["mean"];
    j["chains_detail"] = s.chainViolations;
    return j;
}

int runTags(const std::vector<std::string>& argv) {
    Args args({"project", "run", "system"}, {});
    if (!args.parse(argv))
        return fail("tags", args.error(), kExitUsage);
    for (const char* required : {"project", "run"})
        if (!args.value(required))
            return fail("tags", std::string("--") + required + " is required", kExitUsage);
    const auto runId = parseWholeNumber(*args.value("run"), 1, INT64_MAX / 16);
    if (!runId)
        return fail("tags", "--run takes a run id (a number), not \"" + *args.value("run") + "\"",
                    kExitUsage);
    int code = kExitOk;
    auto store =
        openExistingProject("tags", *args.value("project"), code, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    RunStore runs(*store);
    auto info = runs.run(*runId);
    if (!info)
        return fail("tags", "no run " + std::to_string(*runId) + ": " + info.error().message,
                    kExitUsage);
    std::vector<SystemId> systems = info->systems;
    if (const auto name = args.value("system")) {
        const auto system = parseSystemName(*name);
        if (!system || std::find(systems.begin(), systems.end(), *system) == systems.end())
            return fail("tags",
                        "run " + std::to_string(*runId) + " has no system \"" + *name + "\"",
                        kExitUsage);
        systems = {*system};
    }
    auto outcomes = runs.outcomes(*runId);
    if (!outcomes)
        return fail("tags", outcomes.error().message, kExitRuntime);
    const engine::HrtTemplate* hrt = engine::builtinHrtTemplate(info->task);
    std::map<SystemId, SystemTags> totals;
    for (const auto& o : *outcomes) {
        if (std::find(systems.begin(), systems.end(), o.system) == systems.end())
            continue;
        auto trace = runs.userTrace(*runId, o.userId, o.system);
        if (!trace)
            return fail("tags", trace.error().message, kExitRuntime);
        for (const auto& step : trace->steps) {
            const bool tagged = !step.tagSpans.empty() ||
                                (o.system == SystemId::TagPR && step.stage == StageId::Generate);
            if (!tagged || step.status != StepStatus::Done)
                continue;
            if (auto s = addChain(*store, hrt, *trace, step, totals[o.system]); !s)
                return fail("tags", "user " + o.userId + ": " + s.error().message, kExitRuntime);
        }
    }
    ordered_json out;
    out["run"] = *runId;
    out["systems"] = ordered_json::object();
    for (const auto& [system, t] : totals)
        out["systems"][std::string(systemName(system))] = systemJson(t);
    std::cout << dumpJson(out) << "\n";
    std::cout.flush();
    return std::cout ? kExitOk : kExitRuntime;
}

const Registrar registrar{
    {"tags", "--project P.r2p --run ID [--system S]",
     "Print the tagged chains (TagPR) of a stored run per system as JSON: tag frequency, "
     "tag-to-tag transitions, tokens per tag for correct and wrong answers, the task metric with "
     "and without each tag, the mean constraint score, and every chain's violations (rule, "
     "span, evidence).",
     &runTags}};

} // namespace
} // namespace r2p::cli
