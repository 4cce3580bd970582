// r2p reward: an external reward model's score of every tagged chain of a stored run (TagPR's,
// or chains with stored spans), from the user's own vLLM pooling server, stored beside the chain
// (one score per chain and reward model). r2p tags and Analysis › Tags then set it against the
// task metric: a high reward with a bad metric is what reward hacking looks like.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/JsonText.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/Util.h"
#include "pipeline/tags/RewardClient.h"
#include "pipeline/tags/StepChain.h"
#include "pipeline/tags/TagParser.h"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

namespace r2p::cli {
namespace {

using nlohmann::ordered_json;

int runReward(const std::vector<std::string>& argv) {
    Args args({"project", "run", "url", "model", "system", "api-key-env"}, {});
    if (!args.parse(argv))
        return fail("reward", args.error(), kExitUsage);
    for (const char* required : {"project", "run", "url", "model"})
        if (!args.value(required))
            return fail("reward", std::string("--") + required + " is required", kExitUsage);
    const auto runId = parseWholeNumber(*args.value("run"), 1, INT64_MAX / 16);
    if (!runId)
        return fail("reward", "--run takes a run id (a number), not \"" + *args.value("run") + "\"",
                    kExitUsage);
    auto url = llm::checkBaseUrl(*args.value("url"));
    if (!url)
        return fail("reward", "--url: " + url.error().message, kExitUsage);
    int code = kExitOk;
    auto store = openExistingProject("reward", *args.value("project"), code);
    if (!store)
        return code;
    RunStore runs(*store);
    auto info = runs.run(*runId);
    if (!info)
        return fail("reward", "no run " + std::to_string(*runId) + ": " + info.error().message,
                    kExitUsage);
    std::vector<SystemId> systems = info->systems;
    if (const auto name = args.value("system")) {
        const auto system = parseSystemName(*name);
        if (!system || std::find(systems.begin(), systems.end(), *system) == systems.end())
            return fail("reward",
                        "run " + std::to_string(*runId) + " has no system \"" + *name + "\"",
                        kExitUsage);
        systems = {*system};
    }
    llm::EndpointConfig endpoint;
    endpoint.baseUrl = *url;
    if (auto k = args.value("api-key-env"))
        endpoint.apiKeyEnv = *k;
    const std::string model = *args.value("model");
    auto outcomes = runs.outcomes(*runId);
    if (!outcomes)
        return fail("reward", outcomes.error().message, kExitRuntime);
    std::vector<RunStore::ChainReward> scored;
    std::size_t chains = 0;
    ordered_json failed = ordered_json::array();
    for (const auto& o : *outcomes) {
        if (std::find(systems.begin(), systems.end(), o.system) == systems.end())
            continue;
        auto trace = runs.userTrace(*runId, o.userId, o.system);
        if (!trace)
            return fail("reward", trace.error().message, kExitRuntime);
        for (const auto& step : trace->steps) {
            if (!tags::isTaggedStep(*trace, step) || step.status != StepStatus::Done)
                continue;
            ++chains;
            auto score = tags::rewardScore(endpoint, model, step.prompt,
                                           tags::chainText(step.reasoning, step.answer), 120000);
            if (!score) {
                failed.push_back({{"user", o.userId},
                                  {"system", std::string(systemName(o.system))},
                                  {"step", step.seq},
                                  {"error", score.error().message}});
                continue;
            }
            scored.push_back({o.userId, o.system, step.seq, model, *url, *score, nowIsoUtc()});
        }
    }
    if (auto s = runs.setChainRewards(*runId, scored); !s)
        return fail("reward", s.error().message, kExitRuntime);
    ordered_json out;
    out["run"] = *runId;
    out["model"] = model;
    out["endpoint"] = *url;
    out["chains"] = chains;
    out["scored"] = scored.size();
    out["failed"] = failed;
    std::cout << dumpJson(out, 2) << "\n";
    std::cout.flush();
    if (!std::cout)
        return kExitRuntime;
    return failed.empty() ? kExitOk : kExitRuntime;
}

const Registrar registrar{
    {"reward", "--project P.r2p --run ID --url BASE --model M [--system S] [--api-key-env V]",
     "Score every tagged chain of a stored run with an external reward model on your own vLLM "
     "pooling server (POST /pooling with the question and the chain; the last number of the "
     "pooled output is the score) and store it beside the chain; r2p tags and Analysis › Tags "
     "show it against the task metric. Chains the server could not score are listed (exit 1).",
     &runReward}};

} // namespace
} // namespace r2p::cli
