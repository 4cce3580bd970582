// The R2P engine: one state machine per user and system. step() runs exactly one stage, run()
// runs to the end; a run can be paused and cancelled, re-run from a stage, or have a stage's
// output replaced by hand and what follows re-run. Every stage leaves a StepRecord and its RPI
// interventions EventRecords (model/Trace.h); nothing else is needed to render or replay it.
#pragma once

#include "HrtTemplate.h"
#include "StageHint.h"
#include "model/Record.h"
#include "model/Result.h"
#include "model/Trace.h"
#include "pipeline/llm/Backend.h"
#include "pipeline/llm/ChatTemplate.h"
#include "pipeline/llm/TokenCounter.h"
#include "pipeline/retrieval/Retriever.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace r2p::tags {
struct TagSet;
}

namespace r2p::engine {

struct RpiViolation;

enum class PromptMode {
    Invalid = 0,
    Auto,    // prefill when a chat template fits the model, else chat
    Prefill, // continue the assistant turn through /v1/completions
    Chat,    // re-ask each stage (and each correction) through /v1/chat/completions
};

// How candidates 2..M are sampled (ARCHITECTURE.md, "Cross-reference").
enum class CandidateMode {
    Invalid = 0,
    Independent, // each candidate is its own chain from the first HRT level (the paper's)
    AnswerOnly,  // cheaper: only the Answer level again, on the main chain's levels
};
// How the final answer comes out of the candidates.
enum class FinalMode {
    Invalid = 0,
    Select,  // the best-supported, most-agreed candidate
    Combine, // the model writes the final answer from the candidates and their verdicts
};
// "independent", "answer-only"; "select", "combine"
std::string_view candidateModeName(CandidateMode m);
std::optional<CandidateMode> parseCandidateMode(std::string_view name);
std::string_view finalModeName(FinalMode m);
std::optional<FinalMode> parseFinalMode(std::string_view name);

// Sampling of one system's requests; unset fields keep the engine's defaults.
struct Sampling {
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> maxTokens;
    std::optional<std::string> model; // the system's own model (--system-model SYSTEM=MODEL)
    bool operator==(const Sampling&) const = default;
};

// One system's sampling as the CLI writes it:
// "SYSTEM:temperature=0.7,top_p=0.9,max_tokens=512,model=NAME" (any of the settings, at least
// one).
Result<std::pair<SystemId, Sampling>> parseSamplingSpec(std::string_view spec);

struct EngineConfig {
    std::string ranker = "bm25";
    std::size_t k = 5;
    std::uint64_t seed = 1;
    int candidates = 3; // M, the main chain's answer included
    Variation variation = Variation::Temperature;
    double temperature = 0.6;          // HRT levels and the first answer
    double candidateTemperature = 1.0; // further candidates (Variation::Temperature)
    int maxInterventions = 2;          // per stage
    PromptMode mode = PromptMode::Auto;
    // --mode auto chose prefill by probing the server: a 404/405 on /v1/completions later in the
    // run switches the rest of the run to chat (once, with a note) instead of failing users.
    bool modeChosenByAuto = false;
    std::string model;
    std::string chatTemplate;        // override id; empty: chosen from the model name
    std::size_t maxProfileWords = 0; // lamp-rag / lrm-rag prompt word budget; 0: none
    int baselineMaxTokens = 0; // no-profile / lamp-rag answer budget; 0: the template's (LaMP's)
    // Their reasoning budget with a reasoning model, apart from the answer's: requests ask for
    // reasoning + answer tokens; an answer cut by either is marked truncated.
    int baselineReasoningTokens = 4096;
    CandidateMode candidateMode = CandidateMode::Independent;
    FinalMode finalMode = FinalMode::Select;
    // The cross-reference judge: its own model (empty: the reasoner's), sampling and budget (a
    // reasoning model thinks before its verdict, so the budget is generous).
    std::string judgeModel;
    double judgeTemperature = 0.0;
    std::optional<double> judgeTopP;
    int judgeMaxTokens = 4096;
    // Per-system sampling (--sampling r2p:temperature=0.7,...): overrides the temperature,
    // top-p, max tokens and model of every request of that system (R2P: every chain, candidates
    // included; the judge keeps its own); the offline reasoner's candidates vary with the
    // temperature and top-p.
    std::map<SystemId, Sampling> sampling;
    // The generation tasks' main metric ("rouge-1", the default and the paper's, or "rouge-L").
    std::string mainMetric;

    const std::string& effectiveJudgeModel() const {
        return judgeModel.empty() ? model : judgeModel;
    }
    Sampling samplingOf(SystemId system) const;
    // The model a system's requests name: its own (--system-model) or the run's.
    std::string modelOf(SystemId system) const;
};

// The settings as a run stores them (RunInfo::config), and back; unknown or missing keys keep
// their defaults. `concurrency` is recorded for the record only.
std::string engineConfigJson(const EngineConfig& config, int concurrency);
EngineConfig engineConfigFromJson(std::string_view json, const std::string& model);

// What every user of a run shares. Built once; read-only afterwards.
struct EngineContext {
    TaskId task = TaskId::Invalid;
    EngineConfig config;
    std::shared_ptr<llm::Backend> backend;
    std::shared_ptr<const HrtTemplate> hrt;
    std::shared_ptr<const retrieval::Retriever> retriever;
    const llm::ChatTemplate* chatTemplate = nullptr; // set when prefill mode is used
    bool offline = false; // the backend is the offline reasoner: lexical judge, mode "offline"
    // Set once a prefill request met 404/405 in a run whose prefill --mode auto chose: every
    // later request is a chat request. Copies of the context share it (same server).
    std::shared_ptr<std::atomic<bool>> completionsMissing = std::make_shared<std::atomic<bool>>();
    // Counts every token budget and reasoning figure of every system (never null after make).
    std::shared_ptr<llm::TokenCounter> tokenCounter;
    // The tag set the tagpr system reasons in (the project's); null: the built-in one.
    std::shared_ptr<const tags::TagSet> tagSet;

    // Checks the pieces fit (template of this task, a backend, a retriever, a model unless
    // offline) and picks the prompt mode. Without a token counter: the estimate, labelled
    // "offline" for the offline reasoner.
    static Result<std::shared_ptr<const EngineContext>>
    make(TaskId task, EngineConfig config, std::shared_ptr<llm::Backend> backend,
         std::shared_ptr<const HrtTemplate> hrt, bool offline,
         std::shared_ptr<llm::TokenCounter> tokenCounter = nullptr);
    PromptMode effectiveMode() const;
};

// Told about progress as it happens, from the thread that runs the stage (deltas: the
// backend's thread). Must be quick.
class EngineObserver {
public:
    virtual ~EngineObserver() = default;
    virtual void stageStarted(SystemId /*system*/, StageId /*stage*/, int /*candidate*/) {}
    virtual void delta(SystemId /*system*/, StageId /*stage*/, int /*candidate*/,
                       std::string_view /*reasoning*/, std::string_view /*answer*/) {}
    virtual void stepFinished(SystemId /*system*/, const StepRecord& /*step*/) {}
    virtual void event(SystemId /*system*/, const EventRecord& /*event*/) {}
};

// The stages a system runs, in order (R2P without Candidates when M is 1).
std::vector<StageId> stagePlan(SystemId system, int candidates);
// The plan stage a step belongs to: a further candidate's own HRT levels belong to Candidates.
StageId planStageOf(StageId stage, int candidate);

class UserRun {
public:
    UserRun(std::shared_ptr<const EngineContext> context, UserRecord record,
            std::optional<std::string> gold, SystemId system, EngineObserver* observer = nullptr);
    ~UserRun();
    UserRun(const UserRun&) = delete;
    UserRun& operator=(const UserRun&) = delete;

    SystemId system() const { return trace_.system; }
    const std::vector<StageId>& plan() const { return plan_; }
    // The stage step() runs next; Invalid once finished.
    StageId nextStage() const;
    bool finished() const;

    // Runs exactly the next stage. An Error when it failed (the trace then ends Failed, with the
    // step and an Error event recorded) or was cancelled (nothing of it is recorded).
    Status step();
    // Steps until finished, paused, cancelled or failed.
    Status run();
    // Thread-safe: run() returns after the stage in progress.
    void pause();
    // Thread-safe: stops the request in flight; the stage is not recorded.
    void cancel();
    bool cancelled() const { return cancelled_; }
    // A request waits for a batch engine's round (the batch backend): the trace is unfinished
    // and must not be stored.
    bool deferred() const { return deferred_; }
    // Clears pause and cancel so step() and run() go on.
    void clearStop();

    // Forgets `stage` and everything after it, so the next step() runs it again.
    Status rerunFrom(StageId stage);
    // Replaces the text of a finished stage (an HRT level, a candidate's answer, or the final
    // answer) as if the model had written it, and forgets everything after it.
    Status replaceOutput(StageId stage, int candidate, std::string text);

    const UserTrace& trace() const { return trace_; }
    const UserRecord& record() const { return record_; }
    // The retrieval, once the Retrieve stage ran (nullptr before, and for no-profile).
    const retrieval::Ranking* ranking() const { return ranking_ ? &*ranking_ : nullptr; }
    // The retrieved items as the prompts number them.
    const std::vector<PromptItem>& items() const { return items_; }
    // Reuse a ranking computed elsewhere (a batch ranks once per user for every system).
    void setRanking(retrieval::Ranking ranking);

private:
    struct Generation;
    Status runStage(StageId stage);
    Status runRetrieve();
    Status runLevel(StageId stage, int candidate, StepRecord& step);
    class LevelPrompt;
    struct RpiOutcome;
    struct Correction;
    Result<RpiOutcome> runRpiLoop(StageId stage, int candidate,
                                  const std::vector<PromptItem>& items, LevelPrompt& prompt,
                                  StepRecord& step, std::chrono::steady_clock::time_point start);
    void settleInterventions(const std::vector<std::size_t>& pending,
                             const std::vector<RpiViolation>& violations);
    void giveUp(const std::vector<std::size_t>& pending,
                const std::vector<RpiViolation>& unattended);
    Correction intervene(StageId stage, const std::vector<RpiViolation>& violations,
                         std::size_t itemCount, StepMode mode, const std::string& attemptText,
                         bool keepsBeforeCut);
    void noteCompletionsMissing();
    std::string parseLevel(StageId stage, const RpiOutcome& outcome, std::size_t itemCount,
                           bool prefill, StepRecord& step);
    Status runLevelStage(StageId stage);
    Status runCandidates();
    Status runCrossReference();
    Status runFinal();
    Status runCombine(StepRecord step, std::size_t best, const std::string& selectReason,
                      std::chrono::steady_clock::time_point start);
    Status runScore();
    Status runGenerate();
    Status runFreeCandidate(int candidate);
    void setCandidateSampling(llm::GenerationRequest& request, int candidate) const;
    // The tagpr system's Generate stage (TaggedRun.cpp): a tagged chain, checked while it
    // streams; an unclosed or misordered tag is intervened on like an HRT marker.
    Status runTagged();
    struct TagAttempt;
    Result<TagAttempt> askTagged(const std::string& prompt, const std::string& corrections,
                                 int attempt, StepRecord& step);
    void finishTagged(StepRecord& step, const TagAttempt& attempt, int interventions);
    // Returns true to stop the stream (an RPI rule fired); sees reasoning and answer so far.
    using StreamCheck = std::function<bool(std::string_view, std::string_view)>;
    Result<llm::GenerationResult> generate(llm::GenerationRequest request, StageId stage,
                                           int candidate, std::string* streamed,
                                           const StreamCheck& check);
    StreamCheck streamCheck(StageId stage, const LevelPrompt& prompt,
                            std::optional<RpiViolation>& violation);
    std::shared_ptr<StageHint> makeHint(StageId stage, int candidate) const;
    // Counts with the run's counter and notes where the count came from for the step.
    int countTokens(std::string_view text);
    void addUsage(StepRecord& step, const llm::GenerationResult& result, std::string_view prompt);
    int chainOf(int candidate) const; // whose levels a candidate builds on
    // The recorded text of an HRT level of a chain (0: the main chain).
    std::string levelText(StageId stage, int chain = 0) const;
    std::string earlierLevels(StageId stage, int chain) const;
    void addStep(StepRecord step);
    void addEvent(EventRecord event);
    Status fail(StepRecord step, std::string message);
    void truncateFrom(std::size_t stepIndex);
    Status checkCancelled() const;

    std::shared_ptr<const EngineContext> ctx_;
    UserRecord record_;
    std::vector<StageId> plan_;
    EngineObserver* observer_ = nullptr;
    UserTrace trace_;
    std::optional<retrieval::Ranking> ranking_;
    std::vector<PromptItem> items_;
    std::size_t next_ = 0;                      // index into plan_ of the next stage
    std::vector<std::string> candidateAnswers_; // raw answers, index = candidate
    std::atomic<bool> paused_{false};
    std::atomic<bool> cancelled_{false};
    std::mutex inFlightMutex_;
    std::optional<llm::RequestId> inFlight_; // guarded by inFlightMutex_
    std::atomic<bool> deferred_{false};
    int lastHttpStatus_ = 0; // of the last failed request (0: not an HTTP error)
    // Where the counts of the step in progress came from (Estimate once any fell back).
    llm::TokenSource stepTokenSource_ = llm::TokenSource::Invalid;
};

} // namespace r2p::engine
