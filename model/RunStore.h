// Runs in the project file: how each run was set up, and per user and system its steps, events,
// verdicts and scores. A user's trace is written in one transaction when that user is finished,
// so a crash or a cancel keeps every finished user and no half-finished one.
#pragma once

#include "ProjectStore.h"
#include "Result.h"
#include "Trace.h"

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace r2p {

// One row of a run's per-user table (no steps): what the Users view and summaries need.
struct UserOutcome {
    std::string userId;
    SystemId system = SystemId::Invalid;
    UserStatus status = UserStatus::Invalid;
    std::string prediction;
    std::optional<std::string> gold;
    ScoreList scores;
    bool formatOk = false;
    std::int64_t reasoningTokens = 0;
    int interventions = 0;
    int contradicted = 0; // verdicts that were Contradicted
    std::string error;
};

// The few columns comparing runs needs of one stored (user, system) row.
struct OutcomeScore {
    std::string userId;
    SystemId system = SystemId::Invalid;
    UserStatus status = UserStatus::Invalid;
    bool hasGold = false;
    std::string prediction, gold; // only when texts are asked for
    std::optional<double> score;  // the named score, when one is asked for and stored
};

// One stored tag span with the trace and step it belongs to.
struct StoredTagSpan {
    std::string userId;
    SystemId system = SystemId::Invalid;
    int stepSeq = 0;
    TagSpanRecord span;
};

// Which of a run's tag spans to read; unset: all.
struct TagSpanQuery {
    std::optional<SystemId> system;
    std::optional<std::string> userId;
    std::optional<int> stepSeq;
};

// What one stored step used, for cost accounting: no texts but the server's figures.
struct StepUsage {
    std::string userId;
    SystemId system = SystemId::Invalid;
    int seq = 0; // 0: the first step of a (user, system)
    StageId stage = StageId::Invalid;
    int candidate = 0;
    int attempts = 1;
    StepStatus status = StepStatus::Invalid;
    TokenCounts tokens;
    double latencyMs = 0;
    StepMode mode = StepMode::None;
    std::string server; // StepRecord::server: a JSON list, one object per request
};

// The usage of a group of a run's stored steps without the server's own figures (the steps of
// one system, stage and backend mode), summed: what cost accounting reads instead of each step.
struct StepUsageSum {
    SystemId system = SystemId::Invalid;
    StageId stage = StageId::Invalid;
    StepMode mode = StepMode::None;
    std::int64_t steps = 0;      // steps in the group
    std::int64_t firstSteps = 0; // of those, steps with seq 0 (one per user and system)
    double latencyMs = 0;
    std::int64_t attempts = 0;        // each step's attempts, at least 1, summed
    std::int64_t retried = 0;         // steps with more than one attempt
    TokenCounts tokens;               // summed
    std::int64_t laterPrompt = 0;     // each step's prompt * (attempts - 1) / attempts (integer)
    std::int64_t laterCompletion = 0; // the same for the completion
    std::int64_t cappedReasoning = 0; // each step's reasoning within 0..its completion
};

// Thread-safe: batches write from several workers; one mutex serialises access to the handle.
// One endpoint's share of a run made over several replicas.
struct EndpointUse {
    std::string endpoint;      // the normalized base URL
    std::int64_t requests = 0; // attempts sent
    std::int64_t succeeded = 0;
    std::int64_t failures = 0;
    std::int64_t promptTokens = 0;
    std::int64_t completionTokens = 0;
    std::int64_t takenOut = 0;
    std::string lastError; // the latest session's last failure ("" when none)
};

// One request of a batch run's round (OpenAI Batch input line), as `r2p batch` keeps it.
struct BatchRequest {
    std::string customId;   // at most 64 characters, from run, user, system, stage and a hash
    std::string url;        // "/v1/chat/completions" or "/v1/completions"
    std::string onlineBody; // the online request body (the engine is sent it without
                            // streaming); its cache key stores the answer
    std::string model;
    int thinkStart = 0; // how the reply's reasoning is split (ThinkSplitter::Start)
    std::string label;  // "user 3107 · r2p · synthesis"
    // onlineBody as batch_requests keeps it (steptext::encode's form), when read from there:
    // ingest stores it in the response cache as it is rather than compress it again. Prepare
    // sets it a chunk at a time, on several threads, just before the chunk is stored.
    std::optional<steptext::Stored> storedBody;
    // The response cache's keys of its answer (ResponseCache::endpointKey and key, hex), made by
    // prepare as its chunk is stored (and let go once written, like storedBody). Read from a round
    // stored with them, onlineBody is left empty (ingest needs only storedBody and the keys); a
    // round stored before schema 17 has none and is read with its body.
    std::string cacheKey;
    std::string sharedKey;
};

class RunStore {
public:
    explicit RunStore(ProjectStore& store) : store_(store) {}

    // Creates a run (status "running"); returns its id.
    Result<std::int64_t> createRun(const RunInfo& info);
    Result<RunInfo> run(std::int64_t runId) const;
    // Newest first.
    Result<std::vector<RunInfo>> runs() const;
    Status setRunStatus(std::int64_t runId, RunStatus status);

    // Writes the trace of one user and system, replacing any earlier trace of the same user and
    // system in this run, all in one transaction. On failure nothing of it is stored.
    Status saveUserTrace(std::int64_t runId, const UserTrace& trace);
    // Several traces in one transaction (a batch storing every system of a finished user).
    Status saveUserTraces(std::int64_t runId, const std::vector<UserTrace>& traces);

    // The full trace; Error naming the run, user and system when there is none.
    Result<UserTrace> userTrace(std::int64_t runId, const std::string& userId,
                                SystemId system) const;
    // Per-user outcomes of a run, in the run's user order then system order; with `system`,
    // that system's only (a summary of 100,000 users reads one system at a time).
    Result<std::vector<UserOutcome>> outcomes(std::int64_t runId,
                                              std::optional<SystemId> system = {}) const;
    // Packs the run's outcomes as outcomes() returns them into run_outcomes (OutcomeSnapshot),
    // replacing what it kept before; outcomes() then reads them instead of the run's rows
    // (400,000 at 100,000 users × 4 systems) until a trace of the run is saved. A run with no
    // users yet keeps nothing. On failure nothing is changed.
    Status keepOutcomes(std::int64_t runId);
    // Whether outcomes() of the run reads packed outcomes.
    bool keepsOutcomes(std::int64_t runId) const;
    // A lean read of a run's rows for comparing runs: no sort (storage order), no steps, no
    // columns but the status, gold, the score named `scoreKey` (none when empty) and, with
    // `texts`, the prediction and gold texts. No rows when there is no such run.
    Result<std::vector<OutcomeScore>> outcomeScores(std::int64_t runId, const std::string& scoreKey,
                                                    bool texts) const;
    // Every stored step's usage, in storage order, handed to `each` one at a time (a 20,000-user
    // run has hundreds of thousands of steps; none is kept).
    Status forEachStepUsage(std::int64_t runId,
                            const std::function<void(const StepUsage&)>& each) const;
    // A run's step usage: the steps without the server's own figures summed by system, stage
    // and mode (StepUsageSum, in the order their first steps were stored), as run_usage keeps
    // them (schema 16, RunUsage.h), without reading a step; then each step with them handed to
    // `withServer` (no user id), its list to be read request by request, which reads the run's
    // steps only when it has such steps. What a run's cost is counted from (2,600,000 steps at
    // 100,000 users).
    Result<std::vector<StepUsageSum>>
    stepUsageSums(std::int64_t runId,
                  const std::function<void(const StepUsage&)>& withServer) const;
    // The steps of a run that can hold a reasoning chain, in one read for the whole run instead
    // of a trace at a time: every Retrieve and Generate step and any step with tag spans, each
    // with its seq, stage, candidate, status, reasoning, answer, parsed output and tag spans (no
    // prompt, raw text or usage), ordered by user, system and seq, handed to `each` one at a
    // time. What the tag statistics of a 10,000-user run read.
    Status forEachChainStep(std::int64_t runId,
                            const std::function<void(const std::string& userId, SystemId system,
                                                     StepRecord& step)>& each) const;
    // (user, system) pairs already finished: a resumed batch skips them.
    Result<std::vector<std::pair<std::string, SystemId>>> finished(std::int64_t runId) const;

    // How many verdicts of each kind each system's stored users got.
    Result<std::map<SystemId, std::map<Verdict, std::size_t>>>
    verdictCounts(std::int64_t runId) const;

    // How each system's interventions in a run came out (complied, gave up, ...).
    Result<std::map<SystemId, std::map<InterventionOutcome, std::size_t>>>
    interventionOutcomeCounts(std::int64_t runId) const;

    // Every candidate's verdict of `system` in a run, with its user's gold and status, in one
    // read (no steps): what judge validation needs.
    struct CandidateVerdict {
        std::string userId;
        int candidate = 0;
        std::string answer;
        Verdict verdict = Verdict::Invalid;
        std::optional<std::string> gold;
        UserStatus status = UserStatus::Invalid;
    };
    Result<std::vector<CandidateVerdict>> candidateVerdicts(std::int64_t runId,
                                                            SystemId system) const;

    // A run's tag spans (TagPR), by user, system, step and position; none for a run without.
    Result<std::vector<StoredTagSpan>> tagSpans(std::int64_t runId,
                                                const TagSpanQuery& query = {}) const;

    // Spans a tagger or an annotator made on stored steps: for each step, the spans of the same
    // source and annotator are replaced by `spans` (every span's source and annotator are the
    // step's), the model's and other people's spans stay. All steps in one transaction; an
    // Error naming the step when it is not stored, and then nothing is changed.
    struct StepSpans {
        std::string userId;
        SystemId system = SystemId::Invalid;
        int stepSeq = 0;
        std::string source;    // "auto" or "human"
        std::string annotator; // the tagger's or the person's name
        std::vector<TagSpanRecord> spans;
    };
    Status replaceTagSpans(std::int64_t runId, const std::vector<StepSpans>& steps);

    // An external reward model's score of a stored step's chain (r2p reward).
    struct ChainReward {
        std::string userId;
        SystemId system = SystemId::Invalid;
        int stepSeq = 0;
        std::string model;
        std::string endpoint;
        double score = 0;
        std::string createdAt;
    };
    // Stores the scores (one per step and model, replacing an earlier one), in one transaction.
    Status setChainRewards(std::int64_t runId, const std::vector<ChainReward>& rewards);
    // A run's reward scores, by user, system, step and model.
    Result<std::vector<ChainReward>> chainRewards(std::int64_t runId) const;

    // What each endpoint of a run over several replicas did; `add` adds a session's counts to
    // what is stored (a resumed run's sessions add up), in one transaction.
    Status addEndpointUse(std::int64_t runId, const std::vector<EndpointUse>& use);
    Result<std::vector<EndpointUse>> endpointUse(std::int64_t runId) const;

    // A batch run's round: replaced whole by `r2p batch prepare`, read by ingest.
    Status replaceBatchRequests(std::int64_t runId, const std::vector<BatchRequest>& requests);
    // Sets requests[from, to)'s storedBody (steptext::encode of onlineBody), e.g. on a pool.
    using BatchBodyEncoder = std::function<Status(std::vector<BatchRequest>& requests,
                                                  std::size_t from, std::size_t to)>;
    // The same, `encode` called for each chunk of requests just before it is written (those it
    // leaves unset are encoded here); each storedBody and the cache keys are dropped once
    // written, so the round's compressed bodies and keys are never all held at once. Keys left
    // empty (or not 64 hex digits each) are stored as none: ingest makes them from the body.
    Status replaceBatchRequests(std::int64_t runId, std::vector<BatchRequest>& requests,
                                const BatchBodyEncoder& encode);
    Result<std::optional<BatchRequest>> batchRequest(std::int64_t runId,
                                                     const std::string& customId) const;
    // The same, read on `reader` (a connection of ProjectReaders): ingest's workers look up
    // their lines' requests at once while the output's answers are put on the project's own.
    static Result<std::optional<BatchRequest>>
    batchRequestOn(const ProjectStore& reader, std::int64_t runId, const std::string& customId);
    // The custom id of the round's request for the same run, user, system and stage as
    // `customId` (every part but the body's hash), if `customId` is not one itself: an answer to
    // an earlier body of that request. On `db`: the project's connection or a reader's.
    static Result<std::optional<std::string>>
    batchRequestLike(const ProjectStore& db, std::int64_t runId, const std::string& customId);

    Status deleteRun(std::int64_t runId);

private:
    // Whether the run's traces keep the texts its systems repeat once per run (run_texts): only
    // a run of several systems has anything to share. Asked once per run, under the locks.
    bool sharesTexts(std::int64_t runId);

    ProjectStore& store_;
    mutable std::mutex mutex_;
    std::map<std::int64_t, bool> sharesTexts_; // by run; guarded by mutex_
};

} // namespace r2p
