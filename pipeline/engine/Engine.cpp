#include "Engine.h"

#include "Judge.h"
#include "Rpi.h"
#include "model/Utf8.h"
#include "pipeline/llm/ThinkSplitter.h"
#include "pipeline/prompt/LampPrompt.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <nlohmann/json.hpp>

namespace r2p::engine {

namespace {

using nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool isLevel(StageId s) {
    return s == StageId::TaskAnalysis || s == StageId::ProfileSynthesis ||
           s == StageId::AnswerPlan || s == StageId::Answer;
}

std::string renderMessages(const std::vector<llm::Message>& messages) {
    std::string out;
    for (const auto& m : messages) {
        if (!out.empty())
            out += "\n\n";
        out += m.role == llm::Role::System      ? "[system]\n"
               : m.role == llm::Role::Assistant ? "[assistant]\n"
                                                : "[user]\n";
        out += m.content;
    }
    return out;
}

std::string renderPrompt(const llm::GenerationRequest& r) {
    return r.endpoint == llm::Endpoint::Completions ? r.prompt : renderMessages(r.messages);
}

ordered_json samplingJson(const std::map<SystemId, Sampling>& sampling) {
    ordered_json out = ordered_json::object();
    for (const auto& [system, s] : sampling) {
        ordered_json one = ordered_json::object();
        if (s.temperature)
            one["temperature"] = *s.temperature;
        if (s.topP)
            one["top_p"] = *s.topP;
        if (s.maxTokens)
            one["max_tokens"] = *s.maxTokens;
        if (s.model)
            one["model"] = *s.model;
        out[std::string(systemName(system))] = one;
    }
    return out;
}

std::map<SystemId, Sampling> samplingFromJson(const nlohmann::json& j) {
    std::map<SystemId, Sampling> out;
    if (!j.is_object())
        return out;
    for (const auto& [name, one] : j.items()) {
        const auto system = parseSystemName(name);
        if (!system || !one.is_object())
            continue;
        Sampling s;
        if (one.contains("temperature") && one["temperature"].is_number())
            s.temperature = one["temperature"].get<double>();
        if (one.contains("top_p") && one["top_p"].is_number())
            s.topP = one["top_p"].get<double>();
        if (one.contains("max_tokens") && one["max_tokens"].is_number_integer())
            s.maxTokens = one["max_tokens"].get<int>();
        if (one.contains("model") && one["model"].is_string())
            s.model = one["model"].get<std::string>();
        out[*system] = s;
    }
    return out;
}

constexpr std::string_view kJudgeReminder =
    "Your reply had no verdict in the required format. Reply again with exactly these three "
    "lines and nothing else:\nVERDICT: one word: supported, partial, contradicted or "
    "unsupported\nEVIDENCE: the numbers of the items, like P1, P3 (or none)\nREASON: one "
    "sentence";

std::string trimRight(std::string s) {
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r'))
        s.pop_back();
    return s;
}

} // namespace

// ---------------------------------------------------------------------------------------------

Result<std::shared_ptr<const EngineContext>>
EngineContext::make(TaskId task, EngineConfig config, std::shared_ptr<llm::Backend> backend,
                    std::shared_ptr<const HrtTemplate> hrt, bool offline,
                    std::shared_ptr<llm::TokenCounter> tokenCounter) {
    if (task == TaskId::Invalid)
        return Error{"no task given"};
    if (!backend)
        return Error{"no backend given"};
    if (!hrt) {
        const HrtTemplate* builtin = builtinHrtTemplate(task);
        if (!builtin)
            return Error{"no HRT template for " + std::string(taskSpec(task).name)};
        hrt = std::shared_ptr<const HrtTemplate>(std::shared_ptr<void>(), builtin);
    }
    if (hrt->task != task)
        return Error{"the HRT template " + hrt->id + " is for " +
                     std::string(taskSpec(hrt->task).name) + ", not " +
                     std::string(taskSpec(task).name)};
    if (config.candidates < 1 || config.candidates > 16)
        return Error{"candidates must be between 1 and 16, not " +
                     std::to_string(config.candidates)};
    if (config.maxInterventions < 0)
        return Error{"the intervention limit cannot be negative"};
    if (config.candidateMode == CandidateMode::Invalid || config.finalMode == FinalMode::Invalid)
        return Error{"no candidate mode or final mode given"};
    // Answer-only candidates read the main chain's levels, which saw every item: leaving item j
    // out of candidate j's prompt would still leak it through them.
    if (config.variation == Variation::Retrieval &&
        config.candidateMode == CandidateMode::AnswerOnly && config.candidates > 1)
        return Error{"retrieval variation needs independent candidates: answer-only candidates "
                     "build on the main chain's levels, which saw the left-out item"};
    if (config.judgeMaxTokens < 1)
        return Error{"the judge's token budget must be at least 1"};
    std::shared_ptr<const retrieval::Retriever> retriever =
        retrieval::makeRetriever(config.ranker, config.seed);
    if (!retriever)
        return Error{"unknown ranker \"" + config.ranker + "\" (use bm25, recency or random)"};
    if (!offline && config.model.empty())
        return Error{"no model given: the " + backend->name() + " backend needs --model"};

    auto ctx = std::make_shared<EngineContext>();
    ctx->task = task;
    ctx->backend = std::move(backend);
    ctx->hrt = std::move(hrt);
    ctx->retriever = std::move(retriever);
    ctx->offline = offline;
    ctx->tokenCounter = tokenCounter
                            ? std::move(tokenCounter)
                            : std::make_shared<llm::EstimateTokenCounter>(
                                  offline ? llm::TokenSource::Offline : llm::TokenSource::Estimate);
    // Auto is resolved by asking the server before a context is made (choosePromptMode); one
    // still unresolved here is chat, never a guess from the model's name.
    if (!offline && config.mode != PromptMode::Chat) {
        const llm::ChatTemplate* chosen =
            llm::chooseChatTemplate(llm::builtinChatTemplates(), config.model, config.chatTemplate);
        if (!config.chatTemplate.empty() && !chosen)
            return Error{"unknown chat template \"" + config.chatTemplate + "\""};
        if (config.mode == PromptMode::Prefill)
            ctx->chatTemplate = chosen;
        if (config.mode == PromptMode::Prefill && !ctx->chatTemplate)
            return Error{"prefill mode needs a chat template, and none fits the model \"" +
                         config.model + "\" (choose one, or use chat mode)"};
    }
    ctx->config = std::move(config);
    return std::shared_ptr<const EngineContext>(std::move(ctx));
}

PromptMode EngineContext::effectiveMode() const {
    if (offline)
        return PromptMode::Chat;
    return chatTemplate && !completionsMissing->load() ? PromptMode::Prefill : PromptMode::Chat;
}

std::string engineConfigJson(const EngineConfig& c, int concurrency) {
    return ordered_json{
        {"ranker", c.ranker},
        {"k", c.k},
        {"seed", c.seed},
        {"candidates", c.candidates},
        {"variation", c.variation == Variation::Retrieval ? "retrieval" : "temperature"},
        {"temperature", c.temperature},
        {"candidate_temperature", c.candidateTemperature},
        {"max_interventions", c.maxInterventions},
        {"mode", c.mode == PromptMode::Prefill ? "prefill"
                 : c.mode == PromptMode::Chat  ? "chat"
                                               : "auto"},
        {"mode_chosen_by_auto", c.modeChosenByAuto},
        {"chat_template", c.chatTemplate},
        {"max_profile_words", c.maxProfileWords},
        {"baseline_max_tokens", c.baselineMaxTokens},
        {"baseline_reasoning_tokens", c.baselineReasoningTokens},
        {"candidate_mode", candidateModeName(c.candidateMode)},
        {"final", finalModeName(c.finalMode)},
        {"judge",
         {{"model", c.judgeModel},
          {"temperature", c.judgeTemperature},
          {"top_p", c.judgeTopP ? ordered_json(*c.judgeTopP) : ordered_json()},
          {"max_tokens", c.judgeMaxTokens}}},
        {"sampling", samplingJson(c.sampling)},
        {"main_metric", c.mainMetric},
        {"concurrency", concurrency}}
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

EngineConfig engineConfigFromJson(std::string_view text, const std::string& model) {
    EngineConfig c;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object())
        return c;
    c.ranker = j.value("ranker", c.ranker);
    c.k = j.value("k", c.k);
    c.seed = j.value("seed", c.seed);
    c.candidates = j.value("candidates", c.candidates);
    c.variation =
        j.value("variation", "") == "retrieval" ? Variation::Retrieval : Variation::Temperature;
    c.temperature = j.value("temperature", c.temperature);
    c.candidateTemperature = j.value("candidate_temperature", c.candidateTemperature);
    c.maxInterventions = j.value("max_interventions", c.maxInterventions);
    const std::string mode = j.value("mode", "auto");
    c.mode = mode == "prefill" ? PromptMode::Prefill
             : mode == "chat"  ? PromptMode::Chat
                               : PromptMode::Auto;
    c.modeChosenByAuto = j.value("mode_chosen_by_auto", false);
    c.chatTemplate = j.value("chat_template", "");
    c.maxProfileWords = j.value("max_profile_words", c.maxProfileWords);
    c.baselineMaxTokens = j.value("baseline_max_tokens", c.baselineMaxTokens);
    c.baselineReasoningTokens = j.value("baseline_reasoning_tokens", c.baselineReasoningTokens);
    // Runs stored before candidate modes existed re-ran only the Answer level.
    c.candidateMode = parseCandidateMode(j.value("candidate_mode", "answer-only"))
                          .value_or(CandidateMode::AnswerOnly);
    c.finalMode = parseFinalMode(j.value("final", "select")).value_or(FinalMode::Select);
    if (j.contains("judge") && j["judge"].is_object()) {
        const auto& judge = j["judge"];
        c.judgeModel = judge.value("model", "");
        c.judgeTemperature = judge.value("temperature", c.judgeTemperature);
        if (judge.contains("top_p") && judge["top_p"].is_number())
            c.judgeTopP = judge["top_p"].get<double>();
        c.judgeMaxTokens = judge.value("max_tokens", c.judgeMaxTokens);
    } else {
        c.judgeMaxTokens = 512; // what runs stored before the judge had settings used
    }
    c.mainMetric = j.value("main_metric", "");
    if (j.contains("sampling"))
        c.sampling = samplingFromJson(j["sampling"]);
    c.model = model;
    return c;
}

std::string_view candidateModeName(CandidateMode m) {
    switch (m) {
    case CandidateMode::Independent:
        return "independent";
    case CandidateMode::AnswerOnly:
        return "answer-only";
    case CandidateMode::Invalid:
        break;
    }
    return "";
}

std::optional<CandidateMode> parseCandidateMode(std::string_view name) {
    if (name == "independent")
        return CandidateMode::Independent;
    if (name == "answer-only")
        return CandidateMode::AnswerOnly;
    return std::nullopt;
}

std::string_view finalModeName(FinalMode m) {
    switch (m) {
    case FinalMode::Select:
        return "select";
    case FinalMode::Combine:
        return "combine";
    case FinalMode::Invalid:
        break;
    }
    return "";
}

std::optional<FinalMode> parseFinalMode(std::string_view name) {
    if (name == "select")
        return FinalMode::Select;
    if (name == "combine")
        return FinalMode::Combine;
    return std::nullopt;
}

Result<std::pair<SystemId, Sampling>> parseSamplingSpec(std::string_view spec) {
    const auto colon = spec.find(':');
    if (colon == std::string_view::npos)
        return Error{"sampling \"" + std::string(spec) +
                     "\" is not SYSTEM:key=value,... (e.g. r2p:temperature=0.7,top_p=0.9)"};
    const std::string name(text::pyStrip(spec.substr(0, colon)));
    const auto system = parseSystemName(name);
    if (!system)
        return Error{"sampling: unknown system \"" + name + "\" (use " + systemNameList() + ")"};
    Sampling out;
    std::string_view rest = spec.substr(colon + 1);
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string_view pair = text::pyStrip(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (pair.empty())
            continue;
        const auto eq = pair.find('=');
        const std::string key(text::pyStrip(pair.substr(0, eq)));
        const std::string_view value =
            eq == std::string_view::npos ? std::string_view() : text::pyStrip(pair.substr(eq + 1));
        if (key == "model") {
            if (value.empty())
                return Error{"sampling: model takes a model name"};
            out.model = std::string(value);
            continue;
        }
        double x = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
        const bool number = !value.empty() && ec == std::errc() &&
                            end == value.data() + value.size() && std::isfinite(x);
        if (key == "temperature") {
            if (!number || x < 0 || x > 2)
                return Error{"sampling: temperature takes a number from 0 to 2"};
            out.temperature = x;
        } else if (key == "top_p") {
            if (!number || x <= 0 || x > 1)
                return Error{"sampling: top_p takes a number above 0, at most 1"};
            out.topP = x;
        } else if (key == "max_tokens") {
            if (!number || x < 1 || x > 1'000'000 || x != std::floor(x))
                return Error{"sampling: max_tokens takes a whole number of tokens (1 or more)"};
            out.maxTokens = static_cast<int>(x);
        } else {
            return Error{"sampling: unknown setting \"" + key +
                         "\" (use temperature, top_p, max_tokens, model)"};
        }
    }
    if (!out.temperature && !out.topP && !out.maxTokens && !out.model)
        return Error{"sampling for " + name + " sets nothing"};
    return std::pair{*system, out};
}

Sampling EngineConfig::samplingOf(SystemId system) const {
    const auto it = sampling.find(system);
    return it == sampling.end() ? Sampling{} : it->second;
}

std::string EngineConfig::modelOf(SystemId system) const {
    const auto it = sampling.find(system);
    return it != sampling.end() && it->second.model ? *it->second.model : model;
}

std::vector<StageId> stagePlan(SystemId system, int candidates) {
    switch (system) {
    case SystemId::R2P:
    case SystemId::R2PNoRpi: {
        std::vector<StageId> plan = {StageId::Retrieve, StageId::TaskAnalysis,
                                     StageId::ProfileSynthesis, StageId::AnswerPlan,
                                     StageId::Answer};
        if (candidates > 1)
            plan.push_back(StageId::Candidates);
        plan.insert(plan.end(), {StageId::CrossReference, StageId::Final, StageId::Score});
        return plan;
    }
    case SystemId::R2PNoCr:
        return {StageId::Retrieve,   StageId::TaskAnalysis, StageId::ProfileSynthesis,
                StageId::AnswerPlan, StageId::Answer,       StageId::Final,
                StageId::Score};
    case SystemId::R2PNoHrt: {
        std::vector<StageId> plan = {StageId::Retrieve, StageId::Generate};
        if (candidates > 1)
            plan.push_back(StageId::Candidates);
        plan.insert(plan.end(), {StageId::CrossReference, StageId::Final, StageId::Score});
        return plan;
    }
    case SystemId::NoProfile:
        return {StageId::Generate, StageId::Score};
    case SystemId::LampRag:
    case SystemId::LrmRag:
    case SystemId::TagPR:
        return {StageId::Retrieve, StageId::Generate, StageId::Score};
    case SystemId::Invalid:
        break;
    }
    return {};
}

StageId planStageOf(StageId stage, int candidate) {
    return candidate > 0 && isLevel(stage) ? StageId::Candidates : stage;
}

// ---------------------------------------------------------------------------------------------

UserRun::UserRun(std::shared_ptr<const EngineContext> context, UserRecord record,
                 std::optional<std::string> gold, SystemId system, EngineObserver* observer)
    : ctx_(std::move(context)), record_(std::move(record)),
      plan_(stagePlan(system, ctx_->config.candidates)), observer_(observer) {
    trace_.userId = record_.id;
    trace_.system = system;
    trace_.gold = std::move(gold);
}

UserRun::~UserRun() {
    cancel();
}

StageId UserRun::nextStage() const {
    return next_ < plan_.size() ? plan_[next_] : StageId::Invalid;
}

bool UserRun::finished() const {
    return next_ >= plan_.size();
}

void UserRun::pause() {
    paused_ = true;
}

void UserRun::cancel() {
    cancelled_ = true;
    std::lock_guard lock(inFlightMutex_);
    if (inFlight_)
        ctx_->backend->cancel(*inFlight_);
}

void UserRun::clearStop() {
    paused_ = false;
    cancelled_ = false;
}

Status UserRun::checkCancelled() const {
    if (cancelled_)
        return Error{"user " + record_.id + " (" + std::string(systemName(trace_.system)) +
                     "): cancelled"};
    return Ok{};
}

Status UserRun::step() {
    if (finished())
        return Error{"user " + record_.id + " (" + std::string(systemName(trace_.system)) +
                     ") is finished; re-run a stage to go again"};
    if (auto c = checkCancelled(); !c)
        return c;
    const StageId stage = plan_[next_];
    const std::size_t stepsBefore = trace_.steps.size();
    const std::size_t eventsBefore = trace_.events.size();
    const std::size_t verdictsBefore = trace_.verdicts.size();
    const std::size_t candidatesBefore = candidateAnswers_.size();
    Status s = runStage(stage);
    if (!s && cancelled_) {
        // A cancelled stage leaves nothing behind: the trace is as it was before the stage.
        trace_.steps.resize(stepsBefore);
        trace_.events.resize(eventsBefore);
        trace_.verdicts.resize(verdictsBefore);
        candidateAnswers_.resize(candidatesBefore);
        trace_.interventions = static_cast<int>(
            std::count_if(trace_.events.begin(), trace_.events.end(),
                          [](const EventRecord& e) { return e.kind == EventKind::Intervention; }));
        return s;
    }
    if (!s) {
        trace_.status = UserStatus::Failed;
        trace_.error = s.error().message;
        next_ = plan_.size();
        return s;
    }
    ++next_;
    return Ok{};
}

Status UserRun::run() {
    while (!finished()) {
        if (paused_)
            return Ok{};
        if (auto s = step(); !s)
            return s;
    }
    return Ok{};
}

void UserRun::setRanking(retrieval::Ranking ranking) {
    ranking_ = std::move(ranking);
    items_.clear();
    for (std::size_t i = 0; i < ranking_->items.size(); ++i) {
        const auto& it = ranking_->items[i];
        PromptItem p;
        p.n = static_cast<int>(i + 1);
        p.profileId = it.profileId;
        p.score = it.score;
        if (it.profileIndex < record_.profile.size())
            p.fields = record_.profile[it.profileIndex].fields;
        items_.push_back(std::move(p));
    }
}

void UserRun::addStep(StepRecord step) {
    step.seq = static_cast<int>(trace_.steps.size());
    trace_.steps.push_back(std::move(step));
    if (observer_)
        observer_->stepFinished(trace_.system, trace_.steps.back());
}

void UserRun::addEvent(EventRecord event) {
    event.seq = static_cast<int>(trace_.events.size());
    trace_.events.push_back(std::move(event));
    if (trace_.events.back().kind == EventKind::Intervention)
        ++trace_.interventions;
    if (observer_)
        observer_->event(trace_.system, trace_.events.back());
}

Status UserRun::fail(StepRecord step, std::string message) {
    step.status = StepStatus::Failed;
    step.error = message;
    EventRecord e;
    e.kind = EventKind::Error;
    e.stepSeq = static_cast<int>(trace_.steps.size());
    e.detail = message;
    addStep(std::move(step));
    addEvent(std::move(e));
    return Error{std::move(message)};
}

Status UserRun::runStage(StageId stage) {
    if (observer_)
        observer_->stageStarted(trace_.system, stage, 0);
    switch (stage) {
    case StageId::Retrieve:
        return runRetrieve();
    case StageId::TaskAnalysis:
    case StageId::ProfileSynthesis:
    case StageId::AnswerPlan:
    case StageId::Answer:
        return runLevelStage(stage);
    case StageId::Candidates:
        return runCandidates();
    case StageId::CrossReference:
        return runCrossReference();
    case StageId::Final:
        return runFinal();
    case StageId::Score:
        return runScore();
    case StageId::Generate:
        return runGenerate();
    case StageId::Invalid:
        break;
    }
    return Error{"unknown stage"};
}

Status UserRun::runRetrieve() {
    const auto start = Clock::now();
    StepRecord step;
    step.stage = StageId::Retrieve;
    step.backendMode = StepMode::Local;
    if (!ranking_) {
        retrieval::RetrievalOptions options;
        options.k = ctx_->config.k;
        auto ranking = ctx_->retriever->rank(record_, ctx_->task, options);
        if (!ranking)
            return fail(std::move(step),
                        "user " + record_.id + ": retrieval failed: " + ranking.error().message);
        setRanking(std::move(*ranking));
    }
    StepOutput out;
    out.ranker = ctx_->retriever->name();
    out.k = ctx_->config.k;
    out.query = ranking_->query;
    out.items.emplace();
    for (std::size_t i = 0; i < ranking_->items.size(); ++i) {
        const auto& it = ranking_->items[i];
        out.items->push_back({static_cast<int>(i + 1), it.profileId, it.score, it.matchedTerms});
        if (!step.answer.empty())
            step.answer += ' ';
        step.answer += "[P" + std::to_string(i + 1) + "] " + it.profileId;
    }
    out.findings.emplace();
    for (const auto& f : ranking_->findings)
        out.findings->push_back(f.message());
    step.prompt = ranking_->query;
    step.output = std::move(out);
    step.status = StepStatus::Done;
    step.latencyMs = msSince(start);
    addStep(std::move(step));
    for (const auto& f : ranking_->findings) {
        EventRecord e;
        e.kind = EventKind::Note;
        e.stepSeq = static_cast<int>(trace_.steps.size() - 1);
        e.detail = f.message();
        addEvent(std::move(e));
    }
    return Ok{};
}

std::shared_ptr<StageHint> UserRun::makeHint(StageId stage, int candidate) const {
    auto hint = std::make_shared<StageHint>();
    hint->task = ctx_->task;
    // The shadow (interventions off) and the ablation without cross-reference walk R2P's
    // levels: the offline reasoner answers them as R2P.
    hint->system = walksHrtLevels(trace_.system) ? SystemId::R2P : trace_.system;
    hint->stage = stage;
    hint->userId = record_.id;
    hint->input = record_.input;
    hint->items = items_;
    hint->hrt = ctx_->hrt.get();
    hint->synthesis = levelText(StageId::ProfileSynthesis, chainOf(candidate));
    hint->plan = levelText(StageId::AnswerPlan, chainOf(candidate));
    hint->candidate = candidate;
    hint->variation = ctx_->config.variation;
    hint->seed = ctx_->config.seed;
    return hint;
}

int UserRun::countTokens(std::string_view text) {
    const llm::TokenCount c = ctx_->tokenCounter->count(text);
    if (stepTokenSource_ == llm::TokenSource::Invalid)
        stepTokenSource_ = c.source;
    else if (stepTokenSource_ != c.source)
        stepTokenSource_ = llm::TokenSource::Estimate; // some counts fell back
    return c.tokens;
}

// The server's usage where it gave one; reasoning is the thinking text as the run's counter
// counts it, the same for every system (the server's reasoning_tokens stay in `server`).
// Without usage (a stream stopped by an RPI rule, a server that sends none) the prompt and what
// streamed are counted by the run's counter: the request was still paid for.
void UserRun::addUsage(StepRecord& step, const llm::GenerationResult& r, std::string_view prompt) {
    const int reasoning = r.reasoning.empty() ? 0 : countTokens(r.reasoning);
    if (r.usage) {
        step.tokens.prompt += r.usage->promptTokens;
        step.tokens.completion += r.usage->completionTokens;
    } else {
        step.tokens.prompt += prompt.empty() ? 0 : countTokens(prompt);
        step.tokens.completion += reasoning + (r.answer.empty() ? 0 : countTokens(r.answer));
    }
    step.tokens.reasoning += reasoning;
    llm::appendServerFigures(step.server, r);
}

int UserRun::chainOf(int candidate) const {
    return ctx_->config.candidateMode == CandidateMode::Independent ? candidate : 0;
}

std::string UserRun::levelText(StageId stage, int chain) const {
    // A further chain's Answer level is recorded as its candidate step.
    const StageId recorded = chain > 0 && stage == StageId::Answer ? StageId::Candidates : stage;
    for (const auto& s : trace_.steps)
        if (s.stage == recorded && s.candidate == chain && s.status == StepStatus::Done)
            return s.answer;
    return {};
}

std::string UserRun::earlierLevels(StageId stage, int chain) const {
    std::string out;
    for (const auto& level : ctx_->hrt->levels) {
        if (level.stage == stage)
            break;
        const std::string text = levelText(level.stage, chain);
        if (text.empty())
            continue;
        out += trimRight(text);
        out += "\n\n";
    }
    return out;
}

struct UserRun::Generation {
    std::mutex mutex;
    std::condition_variable cv;
    std::optional<llm::GenerationOutcome> outcome;
    std::string reasoning, answer; // as streamed
    bool stoppedByRule = false;
    std::optional<llm::RequestId> id;
};

Result<llm::GenerationResult> UserRun::generate(llm::GenerationRequest request, StageId stage,
                                                int candidate, std::string* streamed,
                                                const StreamCheck& check) {
    if (auto c = checkCancelled(); !c)
        return c.error();
    auto g = std::make_shared<Generation>();
    llm::Backend& backend = *ctx_->backend;
    const SystemId system = trace_.system;
    EngineObserver* observer = observer_;
    auto onDelta = [g, &backend, stage, candidate, system, observer, streamed,
                    &check](std::string_view reasoning, std::string_view answer) {
        std::unique_lock lock(g->mutex);
        if (g->stoppedByRule)
            return;
        g->reasoning += reasoning;
        g->answer += answer;
        if (streamed) {
            *streamed += reasoning;
            *streamed += answer;
        }
        if (check && check(g->reasoning, g->answer)) {
            g->stoppedByRule = true;
            if (g->id)
                backend.cancel(*g->id);
        }
        lock.unlock();
        if (observer)
            observer->delta(system, stage, candidate, reasoning, answer);
    };
    auto onDone = [g](llm::GenerationOutcome&& outcome) {
        std::lock_guard lock(g->mutex);
        g->outcome = std::move(outcome);
        g->cv.notify_all();
    };
    const llm::RequestId id = backend.submit(std::move(request), onDelta, onDone);
    {
        std::lock_guard lock(inFlightMutex_);
        inFlight_ = id;
    }
    {
        std::lock_guard lock(g->mutex);
        g->id = id;
        if (g->stoppedByRule)
            backend.cancel(id);
    }
    if (cancelled_)
        backend.cancel(id);
    std::unique_lock lock(g->mutex);
    g->cv.wait(lock, [&] { return g->outcome.has_value(); });
    {
        std::lock_guard inFlightLock(inFlightMutex_);
        inFlight_.reset();
    }
    if (auto* result = std::get_if<llm::GenerationResult>(&*g->outcome);
        result && !(g->stoppedByRule && !cancelled_))
        return std::move(*result);
    if (auto* error = std::get_if<llm::BackendError>(&*g->outcome)) {
        lastHttpStatus_ = error->kind == llm::ErrorKind::Http ? error->httpStatus : 0;
        if (error->kind == llm::ErrorKind::Deferred)
            deferred_ = true;
    }
    if (g->stoppedByRule && !cancelled_ &&
        (std::holds_alternative<llm::GenerationResult>(*g->outcome) ||
         std::get<llm::BackendError>(*g->outcome).kind == llm::ErrorKind::Cancelled)) {
        // Stopped by an RPI rule: what streamed up to the stop is the attempt, also when the
        // reply was complete before the cancel landed (a race: the same run must keep the
        // same text and count the same tokens). Counted by the run's counter, as a cancelled
        // stream brings no usage.
        llm::GenerationResult partial;
        partial.reasoning = g->reasoning;
        partial.answer = g->answer;
        partial.finishReason = "rpi";
        partial.reasoningSplitAtEnd = llm::splitLoneClosingTag(partial.reasoning, partial.answer);
        return partial;
    }
    if (cancelled_)
        return Error{"user " + record_.id + " (" + std::string(systemName(system)) +
                     "): cancelled"};
    return Error{std::get<llm::BackendError>(*g->outcome).message()};
}

namespace {

// One attempt at a level, as the RPI rules read it.
struct LevelAttempt {
    std::string newPart;   // what the model wrote in this attempt
    std::string text;      // the level's text so far, this attempt included
    std::string rawAnswer; // the answer apart from the reasoning, when the model gave one
    std::string checked;   // the text the stage-end rules check
    std::string thought;   // chat: a reasoning model's separate thinking
};

} // namespace

// What the RPI loop leaves: the attempt that stands and the rounds of interventions it took.
struct UserRun::RpiOutcome {
    std::string text;                     // the level's text
    std::string rawAnswer;                // the answer apart from the reasoning, if given
    std::vector<RpiViolation> violations; // the rules it still breaks
    int interventions = 0;
};

// One round of interventions.
struct UserRun::Correction {
    std::string injected;                  // the corrective thoughts, joined
    std::size_t cutAt = std::string::npos; // where the earliest offending text starts
    bool restartAnswer = false;            // a format violation: the answer starts over
    std::vector<std::size_t> events;       // the interventions' indices in the trace
};

// How a level is asked. Prefill continues the assistant turn: the earlier levels and this
// level's text so far are the prompt, and a correction is written into that text. Chat re-asks
// the level, with the earlier levels quoted and the corrections appended to the question.
class UserRun::LevelPrompt {
public:
    LevelPrompt(const HrtTemplate& hrt, const HrtLevel& level, PromptMode mode,
                const llm::ChatTemplate* chatTemplate, std::string taskPrompt, std::string earlier)
        : hrt_(hrt), level_(level), mode_(mode), chatTemplate_(chatTemplate),
          taskPrompt_(std::move(taskPrompt)), earlier_(std::move(earlier)),
          kept_(level.marker + "\n") {}

    bool prefill() const { return mode_ == PromptMode::Prefill; }

    // One attempt's request; `base` carries the label, model, sampling and stops.
    llm::GenerationRequest request(llm::GenerationRequest base) const {
        llm::GenerationRequest chat = std::move(base);
        chat.messages.push_back({llm::Role::System, hrt_.system});
        if (prefill()) {
            chat.messages.push_back({llm::Role::User, taskPrompt_});
            const std::optional<int> cap = chat.maxTokens; // the system's max tokens, if set
            llm::GenerationRequest request =
                llm::prefillRequest(*chatTemplate_, chat, earlier_ + kept_);
            request.maxTokens = cap ? *cap : level_.budgetTokens * 2 + 64;
            return request;
        }
        std::string question = taskPrompt_;
        if (!earlier_.empty())
            question += "\n\nYour reasoning so far:\n\n" + trimRight(earlier_);
        question += "\n\nNow write only the level \"" + level_.title +
                    "\", starting with the line \"" + level_.marker + "\".";
        question += corrections_;
        chat.messages.push_back({llm::Role::User, question});
        return chat;
    }

    // The level's text while it streams, and its tokens. Prefill: the level is the whole
    // continuation. Chat: the level is the reply, and a reasoning model's thinking before it
    // counts too (budget and markers).
    std::pair<std::string, int> streamed(std::string_view reasoning, std::string_view answer,
                                         const llm::TokenCounter& counter) const {
        const std::string soFar = prefill() ? std::string(reasoning) + std::string(answer)
                                            : std::string(reasoning) + "\n" + std::string(answer);
        const int tokens =
            prefill() ? counter.streamingEstimate(soFar)
                      : counter.streamingEstimate(reasoning) + counter.streamingEstimate(answer);
        return {(prefill() ? kept_ : std::string()) + soFar, tokens};
    }

    // The same parts counted exactly (with the server's tokenizer where the run has it).
    template <typename Count>
    int streamedExactly(std::string_view reasoning, std::string_view answer,
                        const Count& count) const {
        if (prefill())
            return count(std::string(reasoning) + std::string(answer));
        return (reasoning.empty() ? 0 : count(reasoning)) + (answer.empty() ? 0 : count(answer));
    }

    // This attempt's text of the level, and the raw answer when the model closed its think
    // block (prefill) or answered apart from its reasoning (chat, whose reasoning goes to
    // `stepReasoning`).
    LevelAttempt read(const llm::GenerationResult& result, StageId stage,
                      std::string& stepReasoning) const {
        LevelAttempt a;
        if (prefill()) {
            a.newPart = result.reasoning;
            if (stage == StageId::Answer && !result.answer.empty())
                a.rawAnswer = std::string(text::pyStrip(result.answer));
            else
                a.newPart += result.answer;
            a.text = kept_ + a.newPart;
        } else {
            a.newPart = result.answer.empty() ? result.reasoning : result.answer;
            if (!result.answer.empty())
                stepReasoning += (stepReasoning.empty() ? "" : "\n\n") + result.reasoning;
            a.text = a.newPart;
        }
        a.checked = a.rawAnswer.empty() ? a.text : level_.marker + "\n" + a.rawAnswer;
        // Chat: a reasoning model's separate thinking is part of the level for the rules.
        if (!prefill() && !result.answer.empty())
            a.thought = result.reasoning;
        return a;
    }

    // Injects the corrective thought after `attempt`: prefill cuts the text where the rule
    // fired (or restarts the answer after the thought); chat appends it to the question.
    void correct(const LevelAttempt& attempt, const std::string& injected, std::size_t cutAt,
                 bool restartAnswer) {
        if (!prefill()) {
            corrections_ += "\n\n" + injected;
        } else if (restartAnswer) {
            // The answer restarts after the thought, so its body is only the answer.
            earlier_ =
                trimRight(earlier_ + trimRight(kept_ + attempt.newPart)) + "\n" + injected + "\n\n";
            kept_ = level_.marker + "\n";
        } else {
            std::string cut = attempt.text;
            if (cutAt != std::string::npos && cutAt < cut.size())
                cut.resize(cutAt);
            kept_ = trimRight(cut) + "\n" + injected + "\n";
        }
    }

    // The level starts over as chat requests (the server lost /v1/completions).
    void switchToChat() {
        mode_ = PromptMode::Chat;
        kept_ = level_.marker + "\n";
        corrections_.clear();
    }

private:
    const HrtTemplate& hrt_;
    const HrtLevel& level_;
    PromptMode mode_ = PromptMode::Invalid;
    const llm::ChatTemplate* chatTemplate_ = nullptr;
    std::string taskPrompt_;
    std::string earlier_;     // the earlier levels (prefill: plus restarted answers)
    std::string kept_;        // prefill: this level's text so far
    std::string corrections_; // chat: corrections appended to the question
};

// One HRT level (or a further candidate's answer) with its RPI interventions. `stage` is the
// level whose rules apply; `step.stage` is what gets recorded.
Status UserRun::runLevel(StageId stage, int candidate, StepRecord& step) {
    const HrtTemplate& hrt = *ctx_->hrt;
    const HrtLevel* level = hrt.level(stage);
    if (!level)
        return Error{"the template " + hrt.id + " has no level " + std::string(stageName(stage))};
    const PromptMode mode = ctx_->effectiveMode();
    step.backendMode = ctx_->offline                 ? StepMode::Offline
                       : mode == PromptMode::Prefill ? StepMode::Prefill
                                                     : StepMode::Chat;
    const auto start = Clock::now();
    stepTokenSource_ = llm::TokenSource::Invalid;

    // The items this attempt sees: candidate j under retrieval variation leaves [Pj] out.
    std::vector<PromptItem> items = items_;
    if (candidate > 0 && ctx_->config.variation == Variation::Retrieval &&
        static_cast<std::size_t>(candidate) <= items.size())
        items.erase(items.begin() + candidate - 1);
    LevelPrompt prompt(hrt, *level, mode, ctx_->chatTemplate,
                       renderTaskPrompt(hrt, record_.input, items),
                       earlierLevels(stage, chainOf(candidate)));
    auto outcome = runRpiLoop(stage, candidate, items, prompt, step, start);
    if (!outcome)
        return outcome.error();
    const std::string body = parseLevel(stage, *outcome, items.size(), prompt.prefill(), step);
    step.latencyMs = msSince(start);
    if (stage == StageId::Answer)
        candidateAnswers_.resize(static_cast<std::size_t>(candidate) + 1),
            candidateAnswers_[static_cast<std::size_t>(candidate)] = body;
    return Ok{};
}

// The check on a level's text as it grows. The budget is watched with a quick estimate; where an
// exact count costs a request (the server's tokenizer), the stream stops only once that count
// confirms it.
UserRun::StreamCheck UserRun::streamCheck(StageId stage, const LevelPrompt& prompt,
                                          std::optional<RpiViolation>& violation) {
    auto confirmedWithin = std::make_shared<int>(0); // estimates counted and found within budget
    return [this, stage, &prompt, &violation, confirmedWithin](std::string_view reasoning,
                                                               std::string_view answer) {
        if (reasoning.empty() && answer.empty())
            return false;
        const HrtTemplate& hrt = *ctx_->hrt;
        const auto [full, tokens] = prompt.streamed(reasoning, answer, *ctx_->tokenCounter);
        auto v = checkStreaming(hrt, stage, full, tokens);
        if (v && v->rule == RpiRule::TokenBudget && ctx_->tokenCounter->countIsCostly()) {
            if (tokens <= *confirmedWithin)
                return false;
            const int exact = prompt.streamedExactly(
                reasoning, answer, [this](std::string_view t) { return countTokens(t); });
            v = checkStreaming(hrt, stage, full, exact);
            if (!v)
                *confirmedWithin = tokens + std::max(8, tokens / 8);
        }
        if (!v)
            return false;
        violation = std::move(v);
        return true;
    };
}

// The model and sampling of a request of candidate `candidate`'s chain: the system's own
// (--sampling, --system-model) for every chain, else the levels' temperature for the main chain
// and the candidates' for the others under temperature variation; seed + candidate.
void UserRun::setCandidateSampling(llm::GenerationRequest& request, int candidate) const {
    const auto& cfg = ctx_->config;
    request.model = cfg.modelOf(trace_.system);
    const Sampling sampling = cfg.samplingOf(trace_.system);
    request.temperature = sampling.temperature ? *sampling.temperature
                          : candidate > 0 && cfg.variation == Variation::Temperature
                              ? cfg.candidateTemperature
                              : cfg.temperature;
    request.topP = sampling.topP;
    request.maxTokens = sampling.maxTokens;
    request.seed = cfg.seed + static_cast<std::uint64_t>(candidate);
}

// Asks the level until its attempt breaks no rule or the interventions run out. An Error when
// a request failed (the step is then recorded as failed) or the run was cancelled.
Result<UserRun::RpiOutcome> UserRun::runRpiLoop(StageId stage, int candidate,
                                                const std::vector<PromptItem>& items,
                                                LevelPrompt& prompt, StepRecord& step,
                                                std::chrono::steady_clock::time_point start) {
    const HrtTemplate& hrt = *ctx_->hrt;
    const auto& cfg = ctx_->config;
    llm::GenerationRequest base;
    base.label = "user " + record_.id + " · " + std::string(systemName(trace_.system)) + " · " +
                 std::string(stageName(step.stage)) +
                 (candidate > 0 ? " #" + std::to_string(candidate + 1) : std::string());
    setCandidateSampling(base, candidate);
    // The next level's marker ends this one.
    for (std::size_t i = 0; i + 1 < hrt.levels.size(); ++i)
        if (hrt.levels[i].stage == stage)
            base.stop.push_back(hrt.levels[i + 1].marker);

    RpiOutcome out;
    RpiRule correcting = RpiRule::Invalid;
    std::vector<std::size_t> pending; // events of the last round of interventions
    for (int attempt = 0;; ++attempt) {
        if (auto c = checkCancelled(); !c)
            return c.error();
        llm::GenerationRequest request = prompt.request(base);
        auto hint = makeHint(stage, candidate);
        hint->items = items;
        hint->correcting = correcting;
        hint->attempt = attempt;
        hint->temperature = base.temperature;
        hint->topP = base.topP;
        request.hint = std::move(hint);
        const std::string rendered = renderPrompt(request);
        if (attempt == 0)
            step.prompt = rendered;
        else
            step.prompt += "\n\n--- attempt " + std::to_string(attempt + 1) + " ---\n\n" + rendered;

        std::optional<RpiViolation> streamViolation;
        const StreamCheck check = streamCheck(stage, prompt, streamViolation);
        const auto attemptStart = Clock::now();
        auto result = generate(std::move(request), step.stage, candidate, &step.raw, check);
        if (!result && prompt.prefill() && cfg.modeChosenByAuto && !cancelled_ &&
            (lastHttpStatus_ == 404 || lastHttpStatus_ == 405)) {
            // The route --mode auto found is gone (a proxy in front, a restarted server): the
            // rest of the run is chat, said once; this level starts over as a chat request.
            noteCompletionsMissing();
            prompt.switchToChat();
            step.backendMode = StepMode::Chat;
            step.raw.clear();
            correcting = RpiRule::Invalid;
            pending.clear();
            out.interventions = 0;
            attempt = -1;
            continue;
        }
        if (!result) {
            step.latencyMs = msSince(start);
            if (cancelled_)
                return result.error();
            return fail(std::move(step), result.error().message).error();
        }
        if (attempt == 0)
            step.firstTokenMs =
                result->firstTokenMs > 0 ? result->firstTokenMs : msSince(attemptStart);
        addUsage(step, *result, rendered);
        step.attempts = attempt + 1;

        const LevelAttempt a = prompt.read(*result, stage, step.reasoning);
        out.text = a.text;
        out.rawAnswer = a.rawAnswer;
        std::vector<RpiViolation> violations;
        if (streamViolation)
            violations.push_back(*streamViolation);
        else
            violations = checkStageEndAll(hrt, stage, a.checked,
                                          countTokens(a.newPart) +
                                              (a.thought.empty() ? 0 : countTokens(a.thought)),
                                          items.size(), a.thought);
        out.violations = violations;
        settleInterventions(pending, violations);
        if (violations.empty())
            break;
        // The shadow (r2p-no-rpi) runs R2P with interventions off.
        const int limit = trace_.system == SystemId::R2PNoRpi ? 0 : cfg.maxInterventions;
        if (out.interventions >= limit) {
            giveUp(pending, out.interventions == 0 ? violations : std::vector<RpiViolation>{});
            break;
        }
        // Intervene: one event and one corrective thought per violated rule, injected together.
        ++out.interventions;
        correcting = violations.front().rule;
        const Correction correction =
            intervene(stage, violations, items.size(), step.backendMode, a.text, prompt.prefill());
        pending = correction.events;
        step.raw += "\n[RPI: " + correction.injected + "]\n";
        prompt.correct(a, correction.injected, correction.cutAt, correction.restartAnswer);
        if (observer_)
            observer_->stageStarted(trace_.system, step.stage, candidate);
    }
    return out;
}

// The previous round's interventions: did their rules hold in this attempt?
void UserRun::settleInterventions(const std::vector<std::size_t>& pending,
                                  const std::vector<RpiViolation>& violations) {
    for (std::size_t i : pending) {
        const bool again =
            std::any_of(violations.begin(), violations.end(),
                        [&](const RpiViolation& v) { return v.rule == trace_.events[i].rule; });
        trace_.events[i].outcome =
            again ? InterventionOutcome::ViolatedAgain : InterventionOutcome::Complied;
    }
}

// Out of interventions: the last round gave up; with interventions off (`unattended`, the
// violations nobody intervened on) each violation is noted.
void UserRun::giveUp(const std::vector<std::size_t>& pending,
                     const std::vector<RpiViolation>& unattended) {
    for (std::size_t i : pending)
        if (trace_.events[i].outcome == InterventionOutcome::ViolatedAgain)
            trace_.events[i].outcome = InterventionOutcome::GaveUp;
    for (const auto& v : unattended) {
        EventRecord e;
        e.kind = EventKind::Note;
        e.stepSeq = static_cast<int>(trace_.steps.size());
        e.rule = v.rule;
        e.evidence = v.evidence;
        e.detail = "RPI interventions are off; the violation stays";
        addEvent(std::move(e));
    }
}

// One event and one corrective thought per violated rule; the thoughts joined, where to cut the
// text, and whether the answer restarts (a format violation).
UserRun::Correction UserRun::intervene(StageId stage, const std::vector<RpiViolation>& violations,
                                       std::size_t itemCount, StepMode mode,
                                       const std::string& attemptText, bool keepsBeforeCut) {
    Correction c;
    for (const auto& v : violations) {
        c.cutAt = std::min(c.cutAt, v.at);
        c.restartAnswer = c.restartAnswer || v.rule == RpiRule::AnswerFormat;
    }
    // What the correction throws away: prefill keeps the text before the cut (all of it when
    // the rule names no place), a re-asked level (chat, or an answer that starts over) loses the
    // whole attempt.
    std::string violating = attemptText;
    if (keepsBeforeCut && !c.restartAnswer)
        violating = c.cutAt < attemptText.size() ? attemptText.substr(c.cutAt) : std::string();
    for (const auto& v : violations) {
        EventRecord e;
        e.kind = EventKind::Intervention;
        e.stepSeq = static_cast<int>(trace_.steps.size());
        e.rule = v.rule;
        e.evidence = v.evidence;
        e.injected = renderCorrection(*ctx_->hrt, v.rule, stage, itemCount);
        e.mode = mode;
        e.outcome = InterventionOutcome::Pending;
        e.violating = violating;
        c.injected += (c.injected.empty() ? "" : " ") + e.injected;
        c.events.push_back(trace_.events.size());
        addEvent(std::move(e));
    }
    return c;
}

// Once per run: the server answered 404/405 to /v1/completions, chat from here on.
void UserRun::noteCompletionsMissing() {
    if (ctx_->completionsMissing->exchange(true))
        return;
    EventRecord e;
    e.kind = EventKind::Note;
    e.stepSeq = static_cast<int>(trace_.steps.size());
    e.mode = StepMode::Chat;
    e.detail = "the server answered HTTP " + std::to_string(lastHttpStatus_) +
               " to /v1/completions: chat mode for the rest of the run";
    addEvent(std::move(e));
}

// The step's answer and parsed fields from the attempt that stands; returns the level's body
// (the answer alone for the Answer level).
std::string UserRun::parseLevel(StageId stage, const RpiOutcome& outcome, std::size_t itemCount,
                                bool prefill, StepRecord& step) {
    const HrtTemplate& hrt = *ctx_->hrt;
    const std::string& text = outcome.text;
    step.answer = text;
    const std::string body =
        outcome.rawAnswer.empty() ? stageBody(hrt, stage, text) : outcome.rawAnswer;
    StepOutput out;
    out.body = body;
    if (stage == StageId::ProfileSynthesis || stage == StageId::AnswerPlan)
        out.citations = citedItems(text);
    if (stage == StageId::Answer) {
        out.answer = body;
        out.inFormat = answerInFormat(hrt.answer, body);
    }
    out.tokens = countTokens(text);
    out.interventions = outcome.interventions;
    out.rules.emplace();
    for (const auto& [rule, ruleOutcome] :
         ruleOutcomes(hrt, stage, outcome.violations, itemCount, prefill))
        out.rules->emplace_back(rule, ruleOutcome);
    if (const HrtLevel* level = hrt.level(stage); level && !level->stepMarkers.empty()) {
        out.steps = static_cast<int>(level->stepMarkers.size());
        out.stepsCovered = coveredSteps(hrt, stage, text, step.reasoning);
    }
    if (step.tokens.reasoning == 0)
        step.tokens.reasoning = out.tokens.value_or(0);
    out.tokenCounter = std::string(llm::tokenSourceName(stepTokenSource_));
    step.output = std::move(out);
    step.status = StepStatus::Done;
    return body;
}

Status UserRun::runLevelStage(StageId stage) {
    StepRecord step;
    step.stage = stage;
    if (auto s = runLevel(stage, 0, step); !s)
        return s;
    addStep(std::move(step));
    return Ok{};
}

Status UserRun::runCandidates() {
    if (trace_.system == SystemId::R2PNoHrt) {
        for (int j = 1; j < ctx_->config.candidates; ++j) {
            if (observer_)
                observer_->stageStarted(trace_.system, StageId::Candidates, j);
            if (auto s = runFreeCandidate(j); !s)
                return s;
        }
        return Ok{};
    }
    const bool independent = ctx_->config.candidateMode == CandidateMode::Independent;
    for (int j = 1; j < ctx_->config.candidates; ++j) {
        // An independent candidate walks its own levels first (recorded as that level with its
        // candidate number); its answer is the Candidates step as in answer-only mode.
        for (const auto& level : ctx_->hrt->levels) {
            if (!independent || level.stage == StageId::Answer)
                break;
            if (observer_)
                observer_->stageStarted(trace_.system, level.stage, j);
            StepRecord step;
            step.stage = level.stage;
            step.candidate = j;
            if (auto s = runLevel(level.stage, j, step); !s)
                return s;
            addStep(std::move(step));
        }
        if (observer_)
            observer_->stageStarted(trace_.system, StageId::Candidates, j);
        StepRecord step;
        step.stage = StageId::Candidates;
        step.candidate = j;
        if (auto s = runLevel(StageId::Answer, j, step); !s)
            return s;
        addStep(std::move(step));
    }
    return Ok{};
}

namespace {

// The offline judge's verdict written as a model judge's reply.
std::string lexicalReply(const LexicalVerdict& v) {
    std::string ev;
    for (int n : v.evidence)
        ev += (ev.empty() ? "P" : ", P") + std::to_string(n);
    return "VERDICT: " + std::string(verdictName(v.verdict)) + "\nEVIDENCE: " + ev +
           "\nREASON: " + v.reason;
}

// The judge's request for candidate `c` (0-based); a retry carries the format reminder.
llm::GenerationRequest judgeRequest(const EngineConfig& cfg, const std::string& userId,
                                    SystemId system, std::size_t c, int attempt,
                                    const std::string& basePrompt) {
    llm::GenerationRequest request;
    request.label = "user " + userId + " · " + std::string(systemName(system)) +
                    " · cross_reference #" + std::to_string(c + 1) +
                    (attempt > 0 ? " (retry)" : std::string());
    request.model = cfg.effectiveJudgeModel();
    request.temperature = cfg.judgeTemperature;
    request.topP = cfg.judgeTopP;
    request.seed = cfg.seed + static_cast<std::uint64_t>(attempt);
    request.maxTokens = cfg.judgeMaxTokens;
    std::string prompt = basePrompt;
    if (attempt > 0)
        prompt += "\n\n" + std::string(kJudgeReminder);
    request.messages.push_back({llm::Role::User, std::move(prompt)});
    return request;
}

// Why a judge's reply gave no verdict.
std::string unparsedReason(const llm::GenerationResult& result, int judgeMaxTokens) {
    if (!result.answer.empty())
        return "the judge's reply has no line \"VERDICT: \" with exactly one of "
               "supported, partial, contradicted, unsupported";
    return "the judge's reply had no answer" +
           (result.finishReason == "length"
                ? std::string(" (stopped at --judge-max-tokens ") + std::to_string(judgeMaxTokens) +
                      ")"
                : std::string(result.reasoning.empty() ? "" : " after its reasoning"));
}

// The cross-reference step's output; no `judgeModel` for the offline judge.
StepOutput verdictOutput(const VerdictRecord& verdict,
                         const std::optional<std::string>& judgeModel) {
    StepOutput out;
    out.verdict = verdict.verdict;
    out.evidence = verdict.evidence;
    out.agreement = verdict.agreement;
    out.reason = verdict.reason;
    out.judge = verdict.judge;
    out.judgeModel = judgeModel;
    return out;
}

} // namespace

Status UserRun::runCrossReference() {
    const HrtTemplate& hrt = *ctx_->hrt;
    const std::string facts =
        trace_.system == SystemId::R2PNoHrt
            ? std::string("(none: this system reasons without the template, so no facts were "
                          "synthesized)")
            : stageBody(hrt, StageId::ProfileSynthesis, levelText(StageId::ProfileSynthesis));
    const auto agreement = candidateAgreement(hrt.answer.kind, candidateAnswers_);
    for (std::size_t c = 0; c < candidateAnswers_.size(); ++c) {
        const auto start = Clock::now();
        StepRecord step;
        step.stage = StageId::CrossReference;
        step.candidate = static_cast<int>(c);
        VerdictRecord verdict;
        verdict.candidate = static_cast<int>(c);
        verdict.answer = candidateAnswers_[c];
        verdict.agreement = agreement[c];
        if (ctx_->offline) {
            // From the retrieved history alone: the synthesized facts are the reasoner's own.
            const auto v = lexicalJudge(ctx_->task, hrt, verdict.answer, items_, record_.input);
            verdict.verdict = v.verdict;
            verdict.evidence = v.evidence;
            verdict.reason = v.reason;
            verdict.judge = "lexical (offline)";
            step.backendMode = StepMode::Lexical;
            step.prompt = "(lexical check: the offline backend has no model to judge with)";
            step.answer = lexicalReply(v);
            if (c == 0) {
                EventRecord e;
                e.kind = EventKind::Note;
                e.stepSeq = static_cast<int>(trace_.steps.size());
                e.detail = "the offline backend has no model to judge with: a lexical check of "
                           "each candidate against the retrieved items stands in";
                addEvent(std::move(e));
            }
        } else {
            const auto& cfg = ctx_->config;
            const std::string basePrompt =
                renderJudgePrompt(hrt, record_.input, items_, facts, verdict.answer);
            step.backendMode = StepMode::Chat;
            verdict.judge = "model";
            std::optional<LexicalVerdict> parsedReply;
            std::string failure;
            // A reply without a verdict in the stated format is asked again once, then recorded
            // as unparsed: never read as a verdict it did not give.
            for (int attempt = 0; attempt < 2 && !parsedReply; ++attempt) {
                llm::GenerationRequest request =
                    judgeRequest(cfg, record_.id, trace_.system, c, attempt, basePrompt);
                auto hint = makeHint(StageId::CrossReference, static_cast<int>(c));
                hint->attempt = attempt;
                hint->candidates = {verdict.answer};
                request.hint = std::move(hint);
                const std::string rendered = renderPrompt(request);
                if (attempt == 0)
                    step.prompt = rendered;
                else
                    step.prompt += "\n\n--- attempt 2 ---\n\n" + rendered;
                auto result = generate(std::move(request), StageId::CrossReference,
                                       static_cast<int>(c), &step.raw, {});
                if (!result) {
                    if (cancelled_)
                        return result.error();
                    return fail(std::move(step), result.error().message);
                }
                addUsage(step, *result, rendered);
                step.attempts = attempt + 1;
                if (attempt == 0)
                    step.firstTokenMs = result->firstTokenMs;
                step.reasoning = result->reasoning;
                // Only the answer is read: a reasoning model's thinking may quote the format.
                step.answer = result->answer;
                parsedReply = parseJudgeReply(result->answer);
                if (!parsedReply)
                    failure = unparsedReason(*result, cfg.judgeMaxTokens);
            }
            if (parsedReply) {
                verdict.verdict = parsedReply->verdict;
                verdict.reason = parsedReply->reason;
                for (int n : parsedReply->evidence)
                    if (n >= 1 && static_cast<std::size_t>(n) <= items_.size())
                        verdict.evidence.push_back(n);
            } else {
                verdict.verdict = Verdict::Unparsed;
                verdict.reason = failure + " (asked twice)";
                EventRecord e;
                e.kind = EventKind::Note;
                e.stepSeq = static_cast<int>(trace_.steps.size());
                e.detail = "candidate #" + std::to_string(c + 1) + ": " + failure +
                           ", also when asked again; recorded as unparsed";
                addEvent(std::move(e));
            }
        }
        step.output = verdictOutput(
            verdict, ctx_->offline
                         ? std::nullopt
                         : std::optional<std::string>(ctx_->config.effectiveJudgeModel()));
        step.status = StepStatus::Done;
        step.latencyMs = msSince(start);
        addStep(std::move(step));
        trace_.verdicts.push_back(std::move(verdict));
    }
    return Ok{};
}

Status UserRun::runFinal() {
    const auto start = Clock::now();
    auto rank = [](Verdict v) {
        switch (v) {
        case Verdict::Supported:
            return 3;
        case Verdict::Partial:
            return 2;
        case Verdict::Unsupported:
            return 1;
        default:
            return 0;
        }
    };
    const AnswerFormat& format = ctx_->hrt->answer;
    std::size_t best = 0;
    for (std::size_t c = 1; c < trace_.verdicts.size(); ++c) {
        const auto& a = trace_.verdicts[c];
        const auto& b = trace_.verdicts[best];
        const auto key = [&](const VerdictRecord& v) {
            return std::tuple(rank(v.verdict), v.agreement, answerInFormat(format, v.answer));
        };
        if (key(a) > key(b))
            best = c;
    }
    StepRecord step;
    step.stage = StageId::Final;
    step.backendMode = StepMode::Local;
    if (trace_.system == SystemId::R2PNoCr) {
        // The ablation without cross-reference: its one candidate is the answer.
        if (candidateAnswers_.empty())
            return fail(std::move(step), "user " + record_.id + ": no candidate to choose from");
        step.answer = candidateAnswers_.front();
        step.output.mode = "single";
        step.output.chosen = 0;
        step.output.answer = step.answer;
        step.output.reason = "one candidate, no cross-reference (r2p-no-cr)";
        step.status = StepStatus::Done;
        step.latencyMs = msSince(start);
        trace_.prediction = step.answer;
        addStep(std::move(step));
        return Ok{};
    }
    if (trace_.verdicts.empty())
        return fail(std::move(step), "user " + record_.id + ": no candidate to choose from");
    auto& chosen = trace_.verdicts[best];
    chosen.chosen = true;
    std::size_t agreeing = 0;
    for (const auto& v : trace_.verdicts)
        agreeing += text::pyStrip(v.answer) == text::pyStrip(chosen.answer) ? 1 : 0;
    std::string reason =
        "#" + std::to_string(best + 1) + " is " + std::string(verdictName(chosen.verdict));
    if (!chosen.evidence.empty()) {
        reason += " by ";
        for (std::size_t i = 0; i < chosen.evidence.size(); ++i)
            reason += (i ? ", P" : "P") + std::to_string(chosen.evidence[i]);
    }
    if (format.kind == AnswerKind::Text)
        reason += "; mean ROUGE-L with the others " +
                  std::to_string(static_cast<int>(chosen.agreement * 100)) + "%";
    else
        reason += "; " + std::to_string(agreeing) + " of " +
                  std::to_string(trace_.verdicts.size()) + " candidates agree";
    chosen.reason = chosen.reason.empty() ? reason : chosen.reason;
    if (ctx_->config.finalMode == FinalMode::Combine) {
        chosen.chosen = false;
        return runCombine(std::move(step), best, reason, start);
    }
    step.answer = chosen.answer;
    step.output.mode = "select";
    step.output.chosen = static_cast<int>(best);
    step.output.answer = chosen.answer;
    step.output.reason = reason;
    step.status = StepStatus::Done;
    step.latencyMs = msSince(start);
    trace_.prediction = chosen.answer;
    addStep(std::move(step));
    return Ok{};
}

// The paper's self-referencing as a final stage: the model reads every candidate with its
// verdict and writes the final answer. A reply without an answer falls back to `best`.
Status UserRun::runCombine(StepRecord step, std::size_t best, const std::string& selectReason,
                           Clock::time_point start) {
    const HrtTemplate& hrt = *ctx_->hrt;
    const auto& cfg = ctx_->config;
    const Sampling sampling = cfg.samplingOf(trace_.system);
    std::string list;
    for (const auto& v : trace_.verdicts) {
        list += "#" + std::to_string(v.candidate + 1) + ": " + v.answer +
                "\n   verdict: " + std::string(verdictName(v.verdict));
        if (!v.evidence.empty()) {
            list += " (";
            for (std::size_t i = 0; i < v.evidence.size(); ++i)
                list += (i ? ", P" : "P") + std::to_string(v.evidence[i]);
            list += ")";
        }
        if (!v.reason.empty())
            list += ": " + v.reason;
        list += "\n";
    }
    llm::GenerationRequest request;
    request.label = "user " + record_.id + " · " + std::string(systemName(trace_.system)) +
                    " · final (combine)";
    request.model = cfg.modelOf(trace_.system);
    request.temperature = sampling.temperature.value_or(cfg.temperature);
    request.topP = sampling.topP;
    request.seed = cfg.seed;
    request.maxTokens = cfg.judgeMaxTokens;
    request.messages.push_back({llm::Role::System, hrt.system});
    request.messages.push_back(
        {llm::Role::User,
         "You wrote several candidate answers for one user, and each was checked against the "
         "user's own history.\n\nThe input:\n" +
             record_.input + "\n\nThe user's own history (numbered items):\n" +
             renderItems(hrt, items_) + "\n\nThe candidates and their verdicts:\n" + list +
             "\nWrite the final answer: the one the history supports best, or a better one "
             "built from the supported candidates. The answer must be " +
             hrt.answer.description + ". Reply with the answer only."});
    auto hint = makeHint(StageId::Final, 0);
    for (const auto& v : trace_.verdicts) {
        hint->candidates.push_back(v.answer);
        hint->verdicts.push_back(v.verdict);
    }
    request.hint = std::move(hint);
    step.prompt = renderPrompt(request);
    step.backendMode = ctx_->offline ? StepMode::Offline : StepMode::Chat;
    auto result = generate(std::move(request), StageId::Final, 0, &step.raw, {});
    if (!result) {
        if (cancelled_)
            return result.error();
        return fail(std::move(step), result.error().message);
    }
    addUsage(step, *result, step.prompt);
    step.firstTokenMs = result->firstTokenMs;
    step.reasoning = result->reasoning;
    const std::string answer(text::pyStrip(result->answer));
    StepOutput& out = step.output;
    out.mode = "combine";
    if (answer.empty()) {
        auto& chosen = trace_.verdicts[best];
        chosen.chosen = true;
        step.answer = chosen.answer;
        out.chosen = static_cast<int>(best);
        out.answer = chosen.answer;
        out.reason = "the model wrote no final answer; " + selectReason;
        EventRecord e;
        e.kind = EventKind::Note;
        e.stepSeq = static_cast<int>(trace_.steps.size());
        e.detail = "combine: the model wrote no final answer (finish_reason \"" +
                   result->finishReason + "\"); the best-supported candidate stands in";
        addEvent(std::move(e));
    } else {
        int same = -1;
        for (std::size_t c = 0; c < trace_.verdicts.size(); ++c)
            if (same < 0 && text::pyStrip(trace_.verdicts[c].answer) == answer)
                same = static_cast<int>(c);
        if (same >= 0)
            trace_.verdicts[static_cast<std::size_t>(same)].chosen = true;
        step.answer = answer;
        out.chosen = same;
        out.answer = answer;
        out.reason = "written by the model from " + std::to_string(trace_.verdicts.size()) +
                     " candidates and their verdicts" +
                     (same >= 0 ? "; the same as #" + std::to_string(same + 1)
                                : std::string("; none of the candidates"));
    }
    out.inFormat = answerInFormat(hrt.answer, step.answer);
    step.status = StepStatus::Done;
    step.latencyMs = msSince(start);
    trace_.prediction = step.answer;
    addStep(std::move(step));
    return Ok{};
}

// A candidate of r2p-no-hrt: free reasoning on LaMP's prompt as lrm-rag asks it, sampled as
// R2P's candidates are (candidate j: seed + j, the candidates' temperature or without item j).
Status UserRun::runFreeCandidate(int candidate) {
    const auto& cfg = ctx_->config;
    StepRecord step;
    step.stage = candidate == 0 ? StageId::Generate : StageId::Candidates;
    step.candidate = candidate;
    step.backendMode = ctx_->offline ? StepMode::Offline : StepMode::Chat;
    const auto start = Clock::now();
    stepTokenSource_ = llm::TokenSource::Invalid;
    llm::GenerationRequest request;
    request.label = "user " + record_.id + " · " + std::string(systemName(trace_.system)) +
                    (candidate > 0 ? " #" + std::to_string(candidate + 1) : std::string());
    setCandidateSampling(request, candidate);
    std::vector<const ProfileItem*> items;
    if (ranking_)
        items = retrieval::retrievedItems(record_, *ranking_);
    std::vector<PromptItem> hintItems = items_;
    if (candidate > 0 && cfg.variation == Variation::Retrieval &&
        static_cast<std::size_t>(candidate) <= items.size()) {
        items.erase(items.begin() + candidate - 1);
        hintItems.erase(hintItems.begin() + candidate - 1);
    }
    prompt::PromptOptions options;
    options.maxProfileWords = cfg.maxProfileWords;
    request.messages.push_back(
        {llm::Role::User, prompt::buildLampPrompt(ctx_->task, record_.input, items, options).text});
    auto hint = makeHint(StageId::Generate, candidate);
    hint->items = std::move(hintItems);
    hint->temperature = request.temperature;
    hint->topP = request.topP;
    request.hint = std::move(hint);
    step.prompt = renderPrompt(request);
    auto result = generate(std::move(request), step.stage, candidate, &step.raw, {});
    if (!result) {
        if (cancelled_)
            return result.error();
        return fail(std::move(step), result.error().message);
    }
    addUsage(step, *result, step.prompt);
    step.firstTokenMs = result->firstTokenMs;
    step.reasoning = result->reasoning;
    step.answer = result->answer;
    step.output.answer = std::string(text::pyStrip(step.answer));
    step.output.inFormat = answerInFormat(ctx_->hrt->answer, step.answer);
    step.output.finishReason = result->finishReason;
    step.status = StepStatus::Done;
    step.latencyMs = msSince(start);
    candidateAnswers_.resize(
        std::max(candidateAnswers_.size(), static_cast<std::size_t>(candidate) + 1));
    candidateAnswers_[static_cast<std::size_t>(candidate)] = *step.output.answer;
    addStep(std::move(step));
    return Ok{};
}

Status UserRun::runGenerate() {
    if (trace_.system == SystemId::TagPR)
        return runTagged();
    if (trace_.system == SystemId::R2PNoHrt)
        return runFreeCandidate(0);
    const auto& cfg = ctx_->config;
    StepRecord step;
    step.stage = StageId::Generate;
    step.backendMode = ctx_->offline ? StepMode::Offline : StepMode::Chat;
    const auto start = Clock::now();
    stepTokenSource_ = llm::TokenSource::Invalid;
    llm::GenerationRequest request;
    request.label = "user " + record_.id + " · " + std::string(systemName(trace_.system));
    request.model = cfg.modelOf(trace_.system);
    const Sampling sampling = cfg.samplingOf(trace_.system);
    request.temperature = sampling.temperature.value_or(cfg.temperature);
    request.topP = sampling.topP;
    request.seed = cfg.seed;
    std::string prompt;
    if (trace_.system == SystemId::NoProfile) {
        prompt = record_.input;
    } else {
        std::vector<const ProfileItem*> items;
        if (ranking_)
            items = retrieval::retrievedItems(record_, *ranking_);
        prompt::PromptOptions options;
        options.maxProfileWords = cfg.maxProfileWords;
        prompt = prompt::buildLampPrompt(ctx_->task, record_.input, items, options).text;
    }
    // no-profile and lamp-rag: the answer gets LaMP's budget, the reasoning its own (a
    // reasoning model's thinking must not eat the answer, nor a cut thought become it).
    int answerBudget = 0;
    if (trace_.system != SystemId::LrmRag) {
        const HrtLevel* answer = ctx_->hrt->level(StageId::Answer);
        answerBudget = cfg.baselineMaxTokens > 0 ? cfg.baselineMaxTokens
                                                 : (answer ? answer->budgetTokens : 64);
        request.maxTokens = answerBudget + std::max(0, cfg.baselineReasoningTokens);
    }
    if (sampling.maxTokens) // the system's own cap replaces the computed one
        request.maxTokens = *sampling.maxTokens;
    request.messages.push_back({llm::Role::User, prompt});
    auto hint = makeHint(StageId::Generate, 0);
    hint->temperature = request.temperature;
    hint->topP = request.topP;
    request.hint = std::move(hint);
    step.prompt = renderPrompt(request);
    auto result = generate(std::move(request), StageId::Generate, 0, &step.raw, {});
    if (!result) {
        if (cancelled_)
            return result.error();
        return fail(std::move(step), result.error().message);
    }
    addUsage(step, *result, step.prompt);
    step.firstTokenMs = result->firstTokenMs;
    step.reasoning = result->reasoning;
    // The answer is what comes after the reasoning; a reply cut while still reasoning has none
    // (the thought is not the answer).
    step.answer = result->answer;
    bool truncated = false;
    if (answerBudget > 0) {
        // Cut by the server (max_tokens) or longer than the answer budget.
        truncated = result->finishReason == "length";
        if (countTokens(step.answer) > answerBudget) {
            step.answer = clipUtf8(step.answer, static_cast<std::size_t>(answerBudget) * 4);
            truncated = true;
        }
    }
    step.output.answer = std::string(text::pyStrip(step.answer));
    step.output.inFormat = !truncated && answerInFormat(ctx_->hrt->answer, step.answer);
    step.output.finishReason = result->finishReason;
    if (answerBudget > 0) {
        step.output.answerBudget = answerBudget;
        step.output.reasoningBudget = cfg.baselineReasoningTokens;
        step.output.truncated = truncated;
        step.output.tokenCounter = std::string(llm::tokenSourceName(stepTokenSource_));
    }
    step.status = StepStatus::Done;
    step.latencyMs = msSince(start);
    trace_.prediction = step.answer;
    addStep(std::move(step));
    return Ok{};
}

Status UserRun::runScore() {
    const auto start = Clock::now();
    StepRecord step;
    step.stage = StageId::Score;
    step.backendMode = StepMode::Local;
    trace_.formatOk = answerInFormat(ctx_->hrt->answer, trace_.prediction);
    // A truncated baseline answer is scored as it is (as LaMP would) but never in the format.
    for (const auto& s : trace_.steps)
        if (s.stage == StageId::Generate && s.output.truncated.value_or(false))
            trace_.formatOk = false;
    trace_.reasoningTokens = 0;
    for (const auto& s : trace_.steps)
        trace_.reasoningTokens += s.tokens.reasoning;
    trace_.scores.clear();
    if (trace_.gold)
        trace_.scores = scorePrediction(ctx_->task, trace_.prediction, *trace_.gold);
    step.prompt = trace_.gold ? "gold: " + *trace_.gold : "(no gold output for this user)";
    step.answer = trace_.prediction;
    step.output.prediction = trace_.prediction;
    step.output.gold.emplace(trace_.gold);
    step.output.inFormat = trace_.formatOk;
    step.output.scores = trace_.scores;
    step.status = StepStatus::Done;
    step.latencyMs = msSince(start);
    addStep(std::move(step));
    trace_.status = UserStatus::Done;
    trace_.error.clear();
    return Ok{};
}

// ---------------------------------------------------------------------------------------------

void UserRun::truncateFrom(std::size_t stepIndex) {
    trace_.steps.resize(std::min(stepIndex, trace_.steps.size()));
    std::erase_if(trace_.events,
                  [&](const EventRecord& e) { return e.stepSeq >= static_cast<int>(stepIndex); });
    trace_.interventions = static_cast<int>(
        std::count_if(trace_.events.begin(), trace_.events.end(),
                      [](const EventRecord& e) { return e.kind == EventKind::Intervention; }));
    // Candidates, verdicts and the prediction are rebuilt from the steps that remain.
    candidateAnswers_.clear();
    trace_.verdicts.clear();
    trace_.prediction.clear();
    for (const auto& s : trace_.steps) {
        const StepOutput& out = s.output;
        const auto c = static_cast<std::size_t>(s.candidate);
        if (s.stage == StageId::Answer || s.stage == StageId::Candidates) {
            candidateAnswers_.resize(std::max(candidateAnswers_.size(), c + 1));
            candidateAnswers_[c] = out.answer.value_or(s.answer);
        } else if (s.stage == StageId::CrossReference) {
            VerdictRecord v;
            v.candidate = s.candidate;
            v.answer = c < candidateAnswers_.size() ? candidateAnswers_[c] : std::string();
            v.verdict = out.verdict.value_or(Verdict::Unsupported);
            v.evidence = out.evidence.value_or(std::vector<int>{});
            v.agreement = out.agreement.value_or(0.0);
            v.reason = out.reason.value_or("");
            v.judge = out.judge.value_or("");
            trace_.verdicts.push_back(std::move(v));
        } else if (s.stage == StageId::Final) {
            const int chosen = out.chosen.value_or(0); // -1: combine wrote a new answer
            if (chosen >= 0 && static_cast<std::size_t>(chosen) < trace_.verdicts.size())
                trace_.verdicts[static_cast<std::size_t>(chosen)].chosen = true;
            trace_.prediction = s.answer;
        } else if (s.stage == StageId::Generate && trace_.system == SystemId::R2PNoHrt) {
            candidateAnswers_.resize(std::max<std::size_t>(candidateAnswers_.size(), 1));
            candidateAnswers_[0] = out.answer.value_or(s.answer);
        } else if (s.stage == StageId::Generate) {
            // tagpr's step keeps the whole chain; its answer is the answer tag's.
            trace_.prediction =
                trace_.system == SystemId::TagPR ? out.answer.value_or(s.answer) : s.answer;
        }
    }
    trace_.scores.clear();
    trace_.formatOk = false;
    trace_.reasoningTokens = 0;
    trace_.status = UserStatus::Invalid;
    trace_.error.clear();
}

Status UserRun::rerunFrom(StageId stage) {
    const auto at = std::find(plan_.begin(), plan_.end(), stage);
    if (at == plan_.end())
        return Error{"system " + std::string(systemName(trace_.system)) + " has no stage " +
                     std::string(stageName(stage))};
    const auto planIndex = static_cast<std::size_t>(at - plan_.begin());
    std::size_t stepIndex = trace_.steps.size();
    for (std::size_t i = 0; i < trace_.steps.size(); ++i) {
        const auto pos = std::find(plan_.begin(), plan_.end(),
                                   planStageOf(trace_.steps[i].stage, trace_.steps[i].candidate));
        if (pos != plan_.end() && static_cast<std::size_t>(pos - plan_.begin()) >= planIndex) {
            stepIndex = i;
            break;
        }
    }
    truncateFrom(stepIndex);
    // Anything the verdicts covered is gone with them.
    if (stage <= StageId::Retrieve) {
        ranking_.reset();
        items_.clear();
    }
    next_ = planIndex;
    return Ok{};
}

Status UserRun::replaceOutput(StageId stage, int candidate, std::string text) {
    std::size_t index = trace_.steps.size();
    for (std::size_t i = 0; i < trace_.steps.size(); ++i)
        if (trace_.steps[i].stage == stage && trace_.steps[i].candidate == candidate &&
            trace_.steps[i].status == StepStatus::Done)
            index = i;
    if (index == trace_.steps.size())
        return Error{
            "user " + record_.id + " has no finished stage " + std::string(stageName(stage)) +
            (candidate > 0 ? " #" + std::to_string(candidate + 1) : std::string()) + " to edit"};
    const bool editable = isLevel(stage) || stage == StageId::Candidates ||
                          stage == StageId::Final || stage == StageId::Generate;
    if (!editable)
        return Error{"the " + std::string(stageName(stage)) + " stage has no text to edit"};
    if (candidate > 0 && isLevel(stage))
        return Error{"candidate #" + std::to_string(candidate + 1) + "'s " +
                     std::string(stageName(stage)) +
                     " is part of its own chain: edit its answer, or re-run from candidates"};
    StepRecord step = trace_.steps[index];
    const HrtTemplate& hrt = *ctx_->hrt;
    step.answer = text;
    step.backendMode = StepMode::Edited;
    StepOutput& out = step.output;
    out.edited = true;
    if (isLevel(stage) || stage == StageId::Candidates) {
        const StageId rules = stage == StageId::Candidates ? StageId::Answer : stage;
        const std::string body = stageBody(hrt, rules, text);
        out.body = body;
        if (rules == StageId::Answer) {
            out.answer = body;
            out.inFormat = answerInFormat(hrt.answer, body);
        }
        if (rules == StageId::ProfileSynthesis || rules == StageId::AnswerPlan)
            out.citations = citedItems(text);
    } else {
        out.answer = std::string(text::pyStrip(text));
    }
    truncateFrom(index);
    step.seq = static_cast<int>(index);
    trace_.steps.push_back(std::move(step));
    // Rebuild what the edited step feeds.
    truncateFrom(index + 1);
    // Candidates are one plan stage: editing #2 of 3 re-runs only what follows the candidates
    // stage, so the later candidates stay as they were.
    const auto pos = std::find(plan_.begin(), plan_.end(), stage);
    next_ = static_cast<std::size_t>(pos - plan_.begin()) + 1;
    return Ok{};
}

} // namespace r2p::engine
