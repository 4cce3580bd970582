// r2p autotag: tags the untagged reasoning chains of a stored run (lrm-rag's reasoning, R2P's HRT
// levels) and stores the spans with source "auto". With the run's model backend, each chain is
// sent once with the versioned tagger prompt through the response cache (tagging again makes no
// request); with the offline backend, the rule-based offline tagger tags them (no model, said so
// in every span's annotator). Spans the model wrote itself (tagpr) and people's are kept.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/JsonText.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/engine/HrtTemplate.h"
#include "pipeline/engine/RunService.h"
#include "pipeline/tags/AutoTagger.h"
#include "pipeline/tags/OfflineTagger.h"
#include "pipeline/tags/StepChain.h"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

namespace r2p::cli {
namespace {

using nlohmann::ordered_json;

// A step the tagger takes: finished, with reasoning to read, and no spans of the model's own.
bool wantsTags(const StepRecord& s) {
    if (s.status != StepStatus::Done)
        return false;
    if (std::any_of(s.tagSpans.begin(), s.tagSpans.end(),
                    [](const TagSpanRecord& r) { return r.source == "model"; }))
        return false;
    return tags::isHrtLevelStep(s.stage) ? !s.answer.empty()
                                         : s.stage == StageId::Generate && !s.reasoning.empty();
}

struct Tally {
    std::size_t chains = 0, tagged = 0, requests = 0, fromCache = 0;
    ordered_json failed = ordered_json::array();
};

// The spans of one chain, from the offline tagger or the tagger model; an Error says why not.
Result<std::vector<tags::TagSpan>> tagOne(const engine::EngineContext& ctx, const tags::TagSet& set,
                                          const engine::HrtTemplate* hrt, const std::string& model,
                                          const UserTrace& trace, const StepRecord& step,
                                          Tally& tally) {
    if (ctx.offline) {
        auto spans = tags::autoTaggedChain(set, hrt, step).spans;
        for (auto& s : spans)
            s.annotator = std::string(tags::kOfflineTaggerName);
        return spans;
    }
    const std::string chain = tags::chainText(step.reasoning, step.answer);
    const std::string label = "tagger · user " + trace.userId + " · " +
                              std::string(systemName(trace.system)) + " · " +
                              std::string(stageName(step.stage));
    auto outcome = ctx.backend->generate(tags::taggerRequest(set, chain, model, label));
    if (!llm::succeeded(outcome))
        return Error{std::get<llm::BackendError>(outcome).message()};
    const auto& result = std::get<llm::GenerationResult>(outcome);
    ++(result.fromCache ? tally.fromCache : tally.requests);
    return tags::readTaggerReply(set, chain, result.answer, tags::taggerAnnotator(model));
}

int runAutotag(const std::vector<std::string>& argv) {
    Args args({"project", "run", "system", "backend", "base-url", "api-key-env", "model"}, {});
    if (!args.parse(argv))
        return fail("autotag", args.error(), kExitUsage);
    for (const char* required : {"project", "run"})
        if (!args.value(required))
            return fail("autotag", std::string("--") + required + " is required", kExitUsage);
    const auto runId = parseWholeNumber(*args.value("run"), 1, INT64_MAX / 16);
    if (!runId)
        return fail("autotag",
                    "--run takes a run id (a number), not \"" + *args.value("run") + "\"",
                    kExitUsage);
    int code = kExitOk;
    auto store = openExistingProject("autotag", *args.value("project"), code);
    if (!store)
        return code;
    RunStore runs(*store);
    auto info = runs.run(*runId);
    if (!info)
        return fail("autotag", "no run " + std::to_string(*runId) + ": " + info.error().message,
                    kExitUsage);
    std::vector<SystemId> systems;
    for (SystemId s : info->systems)
        if (s != SystemId::TagPR)
            systems.push_back(s);
    if (const auto name = args.value("system")) {
        const auto system = parseSystemName(*name);
        if (!system || std::find(systems.begin(), systems.end(), *system) == systems.end())
            return fail("autotag",
                        "run " + std::to_string(*runId) + " has no untagged system \"" + *name +
                            "\"",
                        kExitUsage);
        systems = {*system};
    }
    engine::StoredRunOverrides overrides;
    if (auto b = args.value("backend"))
        overrides.backend = *b;
    if (auto u = args.value("base-url"))
        overrides.baseUrl = *u;
    if (auto k = args.value("api-key-env"))
        overrides.apiKeyEnv = *k;
    auto prepared = engine::RunService(*store).prepareStored(*info, overrides);
    if (!prepared)
        return fail("autotag", prepared.error().message, kExitUsage);
    const engine::EngineContext& ctx = *prepared->context;
    const std::string model = args.value("model").value_or(info->model);
    auto set = tags::projectTagSet(*store);
    if (!set)
        return fail("autotag", set.error().message, kExitRuntime);
    const engine::HrtTemplate* hrt = engine::builtinHrtTemplate(info->task);
    auto outcomes = runs.outcomes(*runId);
    if (!outcomes)
        return fail("autotag", outcomes.error().message, kExitRuntime);

    Tally tally;
    std::vector<RunStore::StepSpans> pending;
    auto flush = [&]() -> Status {
        auto s = runs.replaceTagSpans(*runId, pending);
        pending.clear();
        return s;
    };
    for (const auto& o : *outcomes) {
        if (std::find(systems.begin(), systems.end(), o.system) == systems.end())
            continue;
        auto trace = runs.userTrace(*runId, o.userId, o.system);
        if (!trace)
            return fail("autotag", trace.error().message, kExitRuntime);
        for (const auto& step : trace->steps) {
            if (!wantsTags(step))
                continue;
            ++tally.chains;
            auto spans = tagOne(ctx, *set, hrt, model, *trace, step, tally);
            if (!spans) {
                tally.failed.push_back({{"user", o.userId},
                                        {"system", std::string(systemName(o.system))},
                                        {"step", step.seq},
                                        {"error", spans.error().message}});
                continue;
            }
            RunStore::StepSpans one{o.userId,
                                    o.system,
                                    step.seq,
                                    "auto",
                                    ctx.offline ? std::string(tags::kOfflineTaggerName)
                                                : tags::taggerAnnotator(model),
                                    {}};
            for (const auto& s : *spans)
                one.spans.push_back({static_cast<std::int64_t>(s.start),
                                     static_cast<std::int64_t>(s.end), s.tag, "auto", one.annotator,
                                     s.confidence, set->id, set->version});
            pending.push_back(std::move(one));
            ++tally.tagged;
        }
        if (pending.size() >= 256)
            if (auto s = flush(); !s)
                return fail("autotag", s.error().message, kExitRuntime);
    }
    if (auto s = flush(); !s)
        return fail("autotag", s.error().message, kExitRuntime);
    ordered_json out;
    out["run"] = *runId;
    out["tagger"] =
        ctx.offline ? std::string(tags::kOfflineTaggerName) : tags::taggerAnnotator(model);
    out["tag_set"] = set->id + "@" + std::to_string(set->version);
    out["chains"] = tally.chains;
    out["tagged"] = tally.tagged;
    out["requests"] = tally.requests;
    out["from_cache"] = tally.fromCache;
    out["failed"] = tally.failed;
    std::cout << dumpJson(out, 2) << "\n";
    std::cout.flush();
    if (!std::cout)
        return kExitRuntime;
    return tally.failed.empty() ? kExitOk : kExitRuntime;
}

const Registrar registrar{
    {"autotag",
     "--project P.r2p --run ID [--system S] [--backend B --base-url U --api-key-env V] "
     "[--model M]",
     "Tag the untagged reasoning chains of a stored run (lrm-rag's reasoning, R2P's HRT levels) "
     "and store the spans (source auto): with a model backend through the versioned tagger "
     "prompt and the response cache (a chain is sent once), with the offline backend by the "
     "rule-based offline tagger. Prints what was tagged as JSON; chains the tagger could not "
     "tag are listed with why (exit 1).",
     &runAutotag}};

} // namespace
} // namespace r2p::cli
