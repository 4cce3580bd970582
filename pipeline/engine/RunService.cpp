#include "RunService.h"

#include "OfflineBackend.h"
#include "PromptModeChoice.h"
#include "TemplateLibrary.h"
#include "model/JsonText.h"
#include "model/RunStore.h"
#include "model/Util.h"
#include "pipeline/analysis/Slices.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "pipeline/tags/TagSet.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace r2p::engine {

namespace {
using ordered_json = nlohmann::ordered_json;
} // namespace

std::string runConfigJson(const RunSpec& spec, const EngineConfig& resolved) {
    auto j = ordered_json::parse(engineConfigJson(resolved, spec.concurrency));
    const BackendOptions& b = spec.backendOptions;
    j["endpoint"] = {{"api_key_env", b.apiKeyEnv},
                     {"preset", spec.presetId},
                     {"cache_scope", b.sharedCache ? "shared" : "endpoint"},
                     {"total_timeout_ms", endpointConfig(b).totalTimeoutMs},
                     {"idle_timeout_ms", endpointConfig(b).idleTimeoutMs}};
    if (!b.endpoints.empty()) {
        auto list = ordered_json::array();
        for (const auto& e : b.endpoints)
            list.push_back(llm::endpointSpecText(e));
        j["endpoint"]["endpoints"] = std::move(list);
    }
    if (spec.repeatCount > 0)
        j["repeat"] = {{"index", spec.repeatIndex},
                       {"count", spec.repeatCount},
                       {"base_seed", spec.repeatBaseSeed}};
    return dumpJson(j);
}

std::optional<RunRepeat> runRepeatOf(const RunInfo& run) {
    const auto j = nlohmann::json::parse(run.config, nullptr, false);
    if (!j.is_object() || !j.contains("repeat") || !j["repeat"].is_object())
        return std::nullopt;
    const auto& r = j["repeat"];
    if (!r.contains("index") || !r["index"].is_number_integer() || !r.contains("count") ||
        !r["count"].is_number_integer())
        return std::nullopt;
    RunRepeat out;
    out.index = r["index"].get<int>();
    out.count = r["count"].get<int>();
    if (r.contains("base_seed") && r["base_seed"].is_number_unsigned())
        out.baseSeed = r["base_seed"].get<std::uint64_t>();
    if (out.count < 1 || out.index < 0 || out.index >= out.count)
        return std::nullopt;
    return out;
}

namespace {

// A run's settings as stored, without the keys that may differ within a set of runs.
nlohmann::json settingsWithout(const RunInfo& r, std::initializer_list<const char*> keys) {
    auto j = nlohmann::json::parse(r.config, nullptr, false);
    if (j.is_object())
        for (const char* key : keys)
            j.erase(key);
    return j;
}

bool sameInputsAndModel(const RunInfo& a, const RunInfo& b) {
    return a.task == b.task && a.questionsPath == b.questionsPath &&
           a.outputsPath == b.outputsPath && a.systems == b.systems && a.model == b.model &&
           a.backend == b.backend;
}

} // namespace

std::vector<RunInfo> repeatSiblings(const std::vector<RunInfo>& all, const RunInfo& run) {
    const auto mine = runRepeatOf(run);
    if (!mine || mine->count < 2)
        return {};
    const auto wanted = settingsWithout(run, {"seed", "repeat"});
    std::vector<const RunInfo*> byIndex(static_cast<std::size_t>(mine->count), nullptr);
    for (const RunInfo& r : all) {
        const auto other = r.id == run.id ? mine : runRepeatOf(r);
        if (!other || other->count != mine->count || other->baseSeed != mine->baseSeed ||
            !sameInputsAndModel(r, run))
            continue;
        if (r.id != run.id && settingsWithout(r, {"seed", "repeat"}) != wanted)
            continue;
        const RunInfo*& slot = byIndex[static_cast<std::size_t>(other->index)];
        // The shown run holds its own index; otherwise the newest run of an index.
        if (!slot || (slot->id != run.id && (r.id == run.id || r.id > slot->id)))
            slot = &r;
    }
    std::vector<RunInfo> out;
    for (const RunInfo* r : byIndex)
        if (r)
            out.push_back(*r);
    return out;
}

std::vector<std::pair<std::size_t, RunInfo>> kSweepSiblings(const std::vector<RunInfo>& all,
                                                            const RunInfo& run) {
    const auto wanted = settingsWithout(run, {"k"});
    std::map<std::size_t, const RunInfo*> byK;
    for (const RunInfo& r : all) {
        if (!sameInputsAndModel(r, run))
            continue;
        const auto j = nlohmann::json::parse(r.config, nullptr, false);
        if (!j.is_object() || !j.contains("k") || !j["k"].is_number_unsigned())
            continue;
        if (r.id != run.id && settingsWithout(r, {"k"}) != wanted)
            continue;
        const RunInfo*& slot = byK[j["k"].get<std::size_t>()];
        if (!slot || (slot->id != run.id && (r.id == run.id || r.id > slot->id)))
            slot = &r;
    }
    std::vector<std::pair<std::size_t, RunInfo>> out;
    for (const auto& [k, r] : byK)
        out.emplace_back(k, *r);
    return out;
}

Status RunService::storeEndpointUse(std::int64_t runId, const PreparedRun& prepared) const {
    if (!prepared.backend.pool)
        return Ok{};
    std::vector<EndpointUse> use;
    for (const auto& s : prepared.backend.pool->stats()) {
        EndpointUse u;
        u.endpoint = s.endpoint;
        u.requests = static_cast<std::int64_t>(s.requests);
        u.succeeded = static_cast<std::int64_t>(s.succeeded);
        u.failures = static_cast<std::int64_t>(s.failures);
        u.promptTokens = s.promptTokens;
        u.completionTokens = s.completionTokens;
        u.takenOut = s.takenOut;
        u.lastError = s.lastError;
        use.push_back(std::move(u));
    }
    return RunStore(store_).addEndpointUse(runId, use);
}

BackendOptions storedBackendOptions(const RunInfo& run, std::string* preset) {
    BackendOptions b;
    b.baseUrl = run.baseUrl;
    const auto j = nlohmann::json::parse(run.config, nullptr, false);
    if (!j.is_object() || !j.contains("endpoint") || !j["endpoint"].is_object())
        return b;
    const auto& e = j["endpoint"];
    const auto text = [&](const char* key) {
        return e.contains(key) && e[key].is_string() ? e[key].get<std::string>() : std::string();
    };
    const auto number = [&](const char* key) {
        return e.contains(key) && e[key].is_number_integer() ? e[key].get<long>() : 0L;
    };
    b.apiKeyEnv = text("api_key_env");
    b.sharedCache = text("cache_scope") == "shared";
    b.totalTimeoutMs = number("total_timeout_ms");
    b.idleTimeoutMs = number("idle_timeout_ms");
    if (preset)
        *preset = text("preset");
    if (e.contains("endpoints") && e["endpoints"].is_array()) {
        for (const auto& spec : e["endpoints"])
            if (spec.is_string())
                if (auto parsed = llm::parseEndpointSpec(spec.get<std::string>()))
                    b.endpoints.push_back(*parsed);
        if (!b.endpoints.empty())
            b.baseUrl.clear(); // the run's base URL names its first endpoint, for display
    }
    return b;
}

RunService::RunService(ProjectStore& store) : store_(store) {}

Result<PreparedRun> RunService::prepare(const RunSpec& spec) const {
    PreparedRun out;
    BackendOptions backendOptions = spec.backendOptions;
    if (spec.backend == "openai" && !backendOptions.endpoints.empty()) {
        // Each endpoint must serve one of the run's models (its own, a system's, the judge's)
        // and each model an endpoint: requests go to an endpoint serving their model. One
        // that cannot be reached now is taken out at its first refused request and probed
        // until it answers.
        std::vector<std::string> models;
        auto add = [&](const std::string& m) {
            if (!m.empty() && std::find(models.begin(), models.end(), m) == models.end())
                models.push_back(m);
        };
        add(spec.config.model);
        for (SystemId s : spec.systems)
            add(spec.config.modelOf(s));
        if (std::any_of(spec.systems.begin(), spec.systems.end(), crossReferences))
            add(spec.config.effectiveJudgeModel());
        backendOptions.model = spec.config.model;
        if (auto served = llm::checkEndpointModels(
                backendOptions.endpoints, endpointConfig(backendOptions), models, &out.unreachable);
            !served)
            return served.error();
    }
    auto backend = makeBackend(spec.backend, store_, backendOptions);
    if (!backend)
        return backend.error();
    out.backend = *backend;
    out.backendLabel = backend->offline ? kOfflineLabel : spec.backend;
    out.config = spec.config;
    if (backend->offline)
        out.config.model = "offline";
    if (spec.backend == "batch" && out.config.mode == PromptMode::Auto) {
        // No server to ask: chat, unless the run says prefill.
        out.config.mode = PromptMode::Chat;
        out.modeReason = "a batch engine is not asked: chat mode (--mode prefill for "
                         "/v1/completions)";
    }
    if (spec.backend == "openai" && out.config.mode == PromptMode::Auto) {
        // Auto asks the server once (remembered in the project), never the model's name.
        auto choice = choosePromptMode(out.config, spec.presetId,
                                       endpointConfig(spec.backendOptions), &store_);
        if (!choice)
            return choice.error();
        out.config.mode = choice->mode;
        out.config.modeChosenByAuto = choice->mode == PromptMode::Prefill;
        out.modeReason = choice->reason;
    }
    // An edited template is kept in the project first, under a version of its own.
    std::shared_ptr<const HrtTemplate> hrt = spec.hrt;
    if (hrt && !store_.readOnly()) {
        auto kept = keepTemplate(store_, *hrt, "edited");
        if (!kept)
            return kept.error();
        hrt = kept->parsed;
    }
    // Budgets are counted with the server's tokenizer where it has one; asked once here, so the
    // run's stored settings say which counter it uses.
    // Counts are kept in the project: a re-run asks nothing, a replay counts as its run did.
    std::shared_ptr<llm::TokenCounter> counter;
    if (spec.backend == "openai" || spec.backend == "replay") {
        llm::EndpointConfig endpoint = endpointConfig(spec.backendOptions);
        counter = std::make_shared<llm::ServerTokenCounter>(
            endpoint, out.config.model, ResponseCache(store_), spec.backend == "openai");
        if (spec.backend == "openai")
            (void)counter->count("Hello");
    }
    auto context = EngineContext::make(spec.task, out.config, backend->backend, hrt,
                                       backend->offline, std::move(counter));
    if (!context)
        return context.error();
    out.context = *context;
    // tagpr reasons in the project's tag set (its own, or the built-in one).
    if (std::find(spec.systems.begin(), spec.systems.end(), SystemId::TagPR) !=
        spec.systems.end()) {
        auto set = tags::projectTagSet(store_);
        if (!set)
            return set.error();
        auto withTags = std::make_shared<EngineContext>(*out.context);
        withTags->tagSet = std::make_shared<const tags::TagSet>(std::move(*set));
        out.context = std::move(withTags);
    }
    return out;
}

Result<std::int64_t> RunService::create(const RunSpec& spec, const PreparedRun& prepared) const {
    RunInfo info;
    info.task = spec.task;
    info.questionsPath = spec.questionsPath;
    info.outputsPath = spec.outputsPath;
    info.systems = spec.systems;
    info.backend = spec.backend;
    info.model = prepared.config.model;
    // Never stored with credentials in it.
    info.baseUrl = spec.backend == "offline" ? std::string()
                                             : llm::redactUrl(primaryBaseUrl(spec.backendOptions));
    // The exact text the run uses, kept in the project and named by its hash.
    auto kept = keepTemplate(store_, *prepared.context->hrt, "edited");
    if (!kept)
        return kept.error();
    info.templateId = kept->stored.templateId;
    info.templateVersion = kept->stored.version;
    auto config = ordered_json::parse(runConfigJson(spec, prepared.config));
    config["template_sha256"] = kept->stored.sha256;
    config["token_counter"] = prepared.context->tokenCounter->label();
    info.config = dumpJson(config);
    info.createdAt = nowIsoUtc();
    info.status = RunStatus::Running;
    info.users = spec.userIds;
    return RunStore(store_).createRun(info);
}

Status RunService::setStatus(std::int64_t runId, RunStatus status) const {
    return RunStore(store_).setRunStatus(runId, status);
}

Result<PreparedRun> RunService::prepareStored(const RunInfo& run,
                                              const StoredRunOverrides& overrides) const {
    RunSpec spec;
    spec.task = run.task;
    spec.questionsPath = run.questionsPath;
    spec.outputsPath = run.outputsPath;
    spec.systems = run.systems;
    spec.userIds = run.users;
    spec.backend = overrides.backend.value_or(run.backend);
    spec.config = engineConfigFromJson(run.config, run.model);
    spec.concurrency = overrides.concurrency;
    auto hrt = templateOfRun(store_, run);
    if (!hrt)
        return hrt.error();
    spec.hrt = *hrt;
    BackendOptions& b = spec.backendOptions;
    b = storedBackendOptions(run, &spec.presetId);
    if (overrides.baseUrl) {
        b.baseUrl = *overrides.baseUrl;
        b.endpoints.clear(); // one server named instead of the run's replicas
    }
    b.concurrency = overrides.concurrency;
    b.offlineTokensPerSecond = overrides.offlineTokensPerSecond;
    b.recentAnswers = overrides.recentAnswers;
    if (overrides.apiKeyEnv)
        b.apiKeyEnv = *overrides.apiKeyEnv;
    return prepare(spec);
}

metrics::BootstrapOptions RunService::bootstrapOf(const RunInfo& run) {
    return {1000, engineConfigFromJson(run.config, run.model).seed, 0.95};
}

Result<RunSummary> RunService::summarize(const RunInfo& run,
                                         const std::vector<UserOutcome>& outcomes,
                                         const VerdictCounts& verdicts) {
    return summarize(run, outcomes, verdicts, {});
}

Result<RunSummary> RunService::summarize(const RunInfo& run,
                                         const std::vector<UserOutcome>& outcomes,
                                         const VerdictCounts& verdicts,
                                         const InterventionCounts& interventions) {
    const std::string metric =
        analysis::mainMetric(run.task, engineConfigFromJson(run.config, run.model).mainMetric);
    return summarizeRun(run.id, run.task, run.systems, outcomes, verdicts, bootstrapOf(run),
                        interventions, metric);
}

Result<RunSummary> RunService::summarizeNumbers(const RunInfo& run,
                                                const std::vector<UserOutcome>& outcomes,
                                                const VerdictCounts& verdicts) {
    const std::string metric =
        analysis::mainMetric(run.task, engineConfigFromJson(run.config, run.model).mainMetric);
    metrics::BootstrapOptions none = bootstrapOf(run);
    none.resamples = 0;
    return summarizeRun(run.id, run.task, run.systems, outcomes, verdicts, none, {}, metric);
}

Result<RunSummary> RunService::summarize(std::int64_t runId) const {
    RunStore runs(store_);
    auto run = runs.run(runId);
    if (!run)
        return run.error();
    auto stored = runs.verdictCounts(runId);
    if (!stored)
        return stored.error();
    VerdictCounts verdicts;
    for (const auto& [system, byVerdict] : *stored)
        verdicts[system] = byVerdict;
    auto interventions = runs.interventionOutcomeCounts(runId);
    if (!interventions)
        return interventions.error();
    // The users one system at a time (a 100,000-user run of four systems held them all at once).
    // The per-user scores serve the RPI effect (R2P against its shadow without RPI) and a
    // generation task's ROUGE means (not computed again); otherwise they are let go as read.
    const bool shadow = std::find(run->systems.begin(), run->systems.end(), SystemId::R2PNoRpi) !=
                        run->systems.end();
    const bool keepScores = shadow || taskSpec(run->task).kind == TaskKind::Generation;
    auto rowsOf = [&](SystemId system) -> Result<SystemRows> {
        auto outcomes = runs.outcomes(runId, system);
        if (!outcomes)
            return outcomes.error();
        if (!keepScores)
            for (auto& o : *outcomes)
                ScoreList().swap(o.scores);
        return ownedRows(std::move(*outcomes));
    };
    const std::string metric =
        analysis::mainMetric(run->task, engineConfigFromJson(run->config, run->model).mainMetric);
    return summarizeRunBySystem(run->id, run->task, run->systems, rowsOf, verdicts,
                                bootstrapOf(*run), *interventions, metric);
}

} // namespace r2p::engine
