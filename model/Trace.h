// What a run leaves behind: for every user and system the stages it went through (prompt sent,
// raw stream, reasoning and answer, parsed fields, tokens, latency), the RPI interventions and
// other events, the cross-reference verdicts and the scores. The engine produces these records,
// the project store keeps them and every view only renders them, so a stored run replays
// exactly.
#pragma once

#include "StepOutput.h"
#include "Task.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace r2p {

// The systems a run can compare.
enum class SystemId {
    Invalid = 0,
    R2P,       // HRT levels + RPI + cross-reference
    NoProfile, // the input alone
    LampRag,   // LaMP's personalized prompt
    LrmRag,    // LaMP's prompt, free reasoning, answer taken after the reasoning
    R2PNoRpi,  // R2P with RPI's interventions off, same seed (r2p run --shadow): what RPI changed
    TagPR,     // LaMP's prompt, reasoning in <tag>…</tag> segments of the tag set (TagPR)
    // Ablations of R2P, run on the same users and retrieval and compared to r2p like baselines:
    R2PNoHrt, // no template: M candidates of free reasoning on LaMP's prompt (as lrm-rag), each
              // judged and the best-supported chosen as in R2P; no RPI (its rules are the
              // template's)
    R2PNoCr,  // HRT levels and RPI as in R2P, one candidate, no cross-reference: its answer
};
// "r2p", "no-profile", "lamp-rag", "lrm-rag", "r2p-no-rpi", "tagpr", "r2p-no-hrt", "r2p-no-cr"
std::string_view systemName(SystemId id);
std::optional<SystemId> parseSystemName(std::string_view name);
// Every system's name, comma-separated, for messages about an unknown one.
std::string systemNameList();
// The systems that walk R2P's HRT levels with RPI (r2p, r2p-no-rpi, r2p-no-cr), and those that
// cross-reference their candidates (r2p, r2p-no-rpi, r2p-no-hrt).
bool walksHrtLevels(SystemId id);
bool crossReferences(SystemId id);

// Stages in the order R2P runs them. Baselines run Retrieve (except no-profile), Generate and
// Score.
enum class StageId {
    Invalid = 0,
    Retrieve,
    TaskAnalysis,     // HRT level 1
    ProfileSynthesis, // HRT level 2
    AnswerPlan,       // HRT level 3a
    Answer,           // HRT level 3b: the first candidate
    Candidates,       // M-1 further samples of the answer
    CrossReference,   // a verdict per candidate
    Final,            // the chosen answer
    Score,
    Generate, // a baseline's single request
};
// "retrieve", "task_analysis", "profile_synthesis", "answer_plan", "answer", "candidates",
// "cross_reference", "final", "score", "generate"
std::string_view stageName(StageId id);
std::optional<StageId> parseStageName(std::string_view name);

enum class StepStatus {
    Invalid = 0,
    Done,
    Failed,    // the backend or a check failed; the error says why
    Cancelled, // stopped by the user; never stored as part of a finished user
};
std::string_view stepStatusName(StepStatus s);
std::optional<StepStatus> parseStepStatus(std::string_view name);

// The RPI rules (ARCHITECTURE.md, "RPI").
enum class RpiRule {
    Invalid = 0,
    MarkerOrder,  // the stage starts with its marker and no other stage's marker appears
    TokenBudget,  // the stage stays within its token budget (divergent thinking)
    Citations,    // the synthesis cites retrieved items [P1]..[Pk] and only those
    AnswerFormat, // the answer is in the task's exact format
    Repetition,   // no span of words repeated in a loop (the "divergent" rambling of LRMs)
    StepCoverage, // every sub-step of a level whose template marks sub-steps is worked through
};
// "marker-order", "token-budget", "citations", "answer-format", "repetition", "step-coverage"
std::string_view rpiRuleName(RpiRule r);
std::optional<RpiRule> parseRpiRule(std::string_view name);

// How a rule came out for a stage (StepOutput::rules).
enum class RuleOutcome {
    Invalid = 0,
    Complied,
    Violated,
    NotApplicable, // the rule cannot fail here: prefill writes the marker itself, no items to cite
};
// "complied", "violated", "not-applicable"
std::string_view ruleOutcomeName(RuleOutcome o);
std::optional<RuleOutcome> parseRuleOutcome(std::string_view name);

// What became of one intervention.
enum class InterventionOutcome {
    Invalid = 0,
    Pending,       // the corrected attempt has not been checked yet
    Complied,      // its rule held in the next attempt
    ViolatedAgain, // its rule was violated again, and the engine intervened again
    GaveUp,        // still violated when the intervention limit was reached
};
// "pending", "complied", "violated-again", "gave-up"
std::string_view interventionOutcomeName(InterventionOutcome o);
// Also reads the sentences runs stored before the enum ("violated again: citations", "gave up:
// ...").
std::optional<InterventionOutcome> parseInterventionOutcome(std::string_view name);

enum class EventKind {
    Invalid = 0,
    Intervention, // an RPI rule fired and a corrective thought was injected
    Error,        // a backend or parse failure (the stage then failed)
    Note,         // anything else worth showing (fallbacks, lexical judge stand-in)
};
std::string_view eventKindName(EventKind k);
std::optional<EventKind> parseEventKind(std::string_view name);

enum class Verdict {
    Invalid = 0,
    Supported,
    Partial,
    Contradicted,
    Unsupported,
    Unparsed, // the judge's reply had no verdict in the stated format (after one retry)
};
// "supported", "partial", "contradicted", "unsupported", "unparsed"
std::string_view verdictName(Verdict v);
std::optional<Verdict> parseVerdict(std::string_view name);

struct TokenCounts {
    std::int64_t prompt = 0;
    std::int64_t completion = 0;
    std::int64_t reasoning = 0; // part of completion spent thinking, when known
};

// One tagged segment of a step's chain (TagPR), as stored: [start, end) are bytes into the
// step's reasoning followed by its answer text (tags::chainText). The tag set's id and version
// are the ones the span was made under, so a later change of the project's tag set leaves it
// readable as it was made.
struct TagSpanRecord {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string tag;
    std::string source;    // "model", "auto" or "human"
    std::string annotator; // "" for the model's own tags
    double confidence = 1.0;
    std::string tagSetId;
    int tagSetVersion = 0;

    bool operator==(const TagSpanRecord&) const = default;
};

// How a stage's text came to be (stored as its name; None is stored as "").
enum class StepMode {
    None = 0,
    Offline, // the embedded offline reasoner
    Chat,    // a chat request
    Prefill, // a completions request continuing the rendered template
    Local,   // computed here (retrieval, scoring, the lexical choice of a final answer)
    Lexical, // the offline lexical judge stood in for the model's verdict
    Edited,  // a person's text replaced the model's (Edit Output)
};
// "", "offline", "chat", "prefill", "local", "lexical", "edited"
std::string_view stepModeName(StepMode m);
std::optional<StepMode> parseStepMode(std::string_view name);

// One stage of one user and system (a candidate's answer is its own step).
struct StepRecord {
    int seq = 0; // 0, 1, 2, ... within the user and system
    StageId stage = StageId::Invalid;
    int candidate = 0; // 0 for the main chain; 1..M-1 for further candidates
    int attempts = 1;  // requests made (1 + interventions)
    StepStatus status = StepStatus::Invalid;
    std::string prompt; // exactly what was sent (chat messages rendered with role headers)
    std::string raw;    // everything the model streamed, corrections included, in order
    std::string reasoning;
    std::string answer; // the stage's text (HRT levels) or the answer
    StepOutput output;  // the fields the engine read from the stage (stored as JSON)
    TokenCounts tokens;
    double firstTokenMs = 0;
    double latencyMs = 0;
    StepMode backendMode = StepMode::None;
    std::string error; // when status is Failed
    // The server's own figures, one JSON object per request in a JSON list (usage, reasoning
    // tokens, llama-server timings, x-request-id, endpoint, cache); empty when none.
    std::string server;
    // Tagged segments of the chain (the tagpr system's steps; stored in tag_spans).
    std::vector<TagSpanRecord> tagSpans;
};

struct EventRecord {
    int seq = 0;     // within the user and system
    int stepSeq = 0; // the step it belongs to
    EventKind kind = EventKind::Invalid;
    RpiRule rule = RpiRule::Invalid; // interventions only
    std::string evidence;            // what the rule saw ("no [P#] citation in 412 tokens")
    std::string injected;            // the corrective thought sent
    // Interventions: the attempt's text the rule threw away (from the cut to where the stream
    // stopped; the whole attempt when the level is asked again), so a trace shows what RPI cut.
    std::string violating;
    StepMode mode = StepMode::None; // the request's mode (interventions and notes)
    InterventionOutcome outcome = InterventionOutcome::Invalid; // interventions only
    std::string detail;
};

struct VerdictRecord {
    int candidate = 0;
    std::string answer; // the candidate's raw answer
    Verdict verdict = Verdict::Invalid;
    std::vector<int> evidence; // the retrieved items it rests on or contradicts: 1 = [P1]
    double agreement = 0;      // label votes share, or mean pairwise ROUGE-L with the others
    bool chosen = false;
    std::string reason;
    std::string judge; // "model" or "lexical (offline)"
};

// A metric of one user, e.g. {"accuracy", 1} or {"rouge-L", 0.42}.
using ScoreList = std::vector<std::pair<std::string, double>>;

enum class UserStatus {
    Invalid = 0,
    Done,
    Failed, // finished with an error the summary reports; stored so a batch can go on
};
std::string_view userStatusName(UserStatus s);
std::optional<UserStatus> parseUserStatus(std::string_view name);

// Where a whole run stands. A run is created Running; a batch or an interactive run that ends
// sets Done, one stopped early Cancelled (resumable either way).
enum class RunStatus {
    Invalid = 0,
    Running,
    Done,
    Cancelled,
};
std::string_view runStatusName(RunStatus status); // "running", "done", "cancelled"
std::optional<RunStatus> parseRunStatus(std::string_view name);

// Everything one system did for one user.
struct UserTrace {
    std::string userId; // the question id
    SystemId system = SystemId::Invalid;
    UserStatus status = UserStatus::Invalid;
    std::string prediction;          // the raw final answer, as scored
    std::optional<std::string> gold; // absent when the split has no outputs
    ScoreList scores;
    bool formatOk = false; // the raw answer was already in the task's format
    std::int64_t reasoningTokens = 0;
    int interventions = 0;
    std::string error; // when status is Failed
    std::vector<StepRecord> steps;
    std::vector<EventRecord> events;
    std::vector<VerdictRecord> verdicts;
};

// How a run was set up; stored once per run.
struct RunInfo {
    std::int64_t id = 0;
    std::string createdAt; // ISO 8601 UTC
    std::string finishedAt;
    TaskId task = TaskId::Invalid;
    std::string questionsPath;
    std::string outputsPath;
    std::vector<SystemId> systems;
    std::string backend; // "offline", "openai", "replay"
    std::string model;
    std::string baseUrl;
    std::string templateId;
    int templateVersion = 0;
    std::string config; // JSON object: k, ranker, candidates, seed, limits, ...
    RunStatus status = RunStatus::Running;
    std::vector<std::string> users; // the question ids the run covers, in order
};

} // namespace r2p
