// The one place that turns settings into a run and a stored run back into an engine: builds the
// backend, resolves --mode auto by asking the server, makes the engine context, creates the
// stored run, sets its status, rebuilds a stored run's engine "as it was", and summarises a run
// with the run's own seed. `r2p run`, the batch dialog, the analysis commands and the Analysis
// dock, the Metrics dock and the report all go through it, so the window and the CLI make and
// read the same runs.
#pragma once

#include "BackendChoice.h"
#include "Engine.h"
#include "HrtTemplate.h"
#include "RunSummary.h"
#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/Trace.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace r2p::engine {

using r2p::RunStatus; // model/Trace.h

// Everything a run is made from.
struct RunSpec {
    TaskId task = TaskId::Invalid;
    std::string questionsPath;
    std::string outputsPath;
    std::vector<SystemId> systems;
    std::vector<std::string> userIds;       // the question ids it covers, in order
    std::string backend = "offline";        // "offline", "openai" or "replay"
    BackendOptions backendOptions;          // endpoint, key variable, timeouts, cache scope, pace
    std::string presetId;                   // endpoint preset for --mode auto ("" when none)
    EngineConfig config;                    // model and prompt mode included
    int concurrency = 4;                    // users at once
    std::shared_ptr<const HrtTemplate> hrt; // nullptr: the task's built-in template
    // One of `repeatCount` runs of the same settings (r2p run --repeats), each with seed
    // repeatBaseSeed + repeatIndex; stored in the run's config as "repeat".
    int repeatIndex = 0;
    int repeatCount = 0; // 0: not a repeat
    std::uint64_t repeatBaseSeed = 0;
};

// A spec made ready to run: its backend and engine, the prompt mode decided.
struct PreparedRun {
    std::shared_ptr<const EngineContext> context;
    BackendChoice backend;
    EngineConfig config;      // as resolved: --mode auto replaced by what the server supports
    std::string modeReason;   // why that mode, for the user ("" when nothing was decided)
    std::string backendLabel; // "offline (no LLM)", "openai", "replay"
    // --endpoint replicas that could not be reached when the run started (each with why).
    std::vector<std::string> unreachable;
};

// Settings a stored run is rebuilt with that the stored run does not decide.
struct StoredRunOverrides {
    std::optional<std::string> backend; // another backend kind (e.g. replay)
    std::optional<std::string> baseUrl;
    std::optional<std::string> apiKeyEnv; // default: the variable the run was made with
    int concurrency = 2;
    double offlineTokensPerSecond = 0;                  // the offline reasoner's pace (0: at once)
    std::shared_ptr<const RecentAnswers> recentAnswers; // BackendOptions::recentAnswers
};

class RunService {
public:
    explicit RunService(ProjectStore& store);

    // Builds the backend and the engine context. For an openai backend with --mode auto it
    // asks the server once (a one-token probe, remembered in the project): it may block on the
    // network, so the window calls it off the GUI thread.
    Result<PreparedRun> prepare(const RunSpec& spec) const;
    // Stores a new run of `spec` as `prepared` resolved it; status "running".
    Result<std::int64_t> create(const RunSpec& spec, const PreparedRun& prepared) const;
    Status setStatus(std::int64_t runId, RunStatus status) const;
    // What each --endpoint replica did in this session (requests, failures, tokens, times taken
    // out), added to the run's counts; nothing for a run on one server.
    Status storeEndpointUse(std::int64_t runId, const PreparedRun& prepared) const;

    // The engine as the stored run was set up: its settings, its backend kind, endpoint and key
    // variable, unless `overrides` say otherwise.
    Result<PreparedRun> prepareStored(const RunInfo& run,
                                      const StoredRunOverrides& overrides = {}) const;

    // The run's summary as `r2p run` prints it at its end: every verdict the store holds, the
    // bootstrap seeded with the run's own seed (1,000 resamples, 95 %).
    Result<RunSummary> summarize(std::int64_t runId) const;
    // The same from outcomes already loaded (the window keeps them): identical numbers.
    static Result<RunSummary> summarize(const RunInfo& run,
                                        const std::vector<UserOutcome>& outcomes,
                                        const VerdictCounts& verdicts);
    // The same summary without resamples: every number (metrics, deltas, win / tie / loss,
    // counts) in a fraction of the time; the intervals {0, 0} and p_better 0. What a view shows
    // while summarize() computes the intervals.
    static Result<RunSummary> summarizeNumbers(const RunInfo& run,
                                               const std::vector<UserOutcome>& outcomes,
                                               const VerdictCounts& verdicts);
    // With the interventions' outcomes (gave-ups) too.
    static Result<RunSummary> summarize(const RunInfo& run,
                                        const std::vector<UserOutcome>& outcomes,
                                        const VerdictCounts& verdicts,
                                        const InterventionCounts& interventions);
    static metrics::BootstrapOptions bootstrapOf(const RunInfo& run);

private:
    ProjectStore& store_;
};

// What a run stores beside the engine settings: how its backend was reached (the key variable's
// name, never its value), so the run can be rebuilt as it was. Parsed back by prepareStored.
std::string runConfigJson(const RunSpec& spec, const EngineConfig& resolved);
// Which repeat of a set (r2p run --repeats, a study's repeats) a stored run is, if it is one.
struct RunRepeat {
    int index = 0; // from 0
    int count = 0;
    std::uint64_t baseSeed = 0;
};
std::optional<RunRepeat> runRepeatOf(const RunInfo& run);
// The stored runs of `run`'s repeat set in repeat order, `run` among them: runs of the same
// task, files, systems, model and backend whose settings differ only in seed and repeat index,
// the newest of each index. Empty when `run` is not one of two or more repeats.
std::vector<RunInfo> repeatSiblings(const std::vector<RunInfo>& all, const RunInfo& run);
// The stored runs of `run`'s retrieval sweep (r2p run --k 0,1,2,4, a study's k list), `run`
// among them, by k: runs of the same task, files, systems, model and backend whose settings
// differ only in k, the newest of each k (a repeat only with the same repeat index and seed).
// Each comes with its k.
std::vector<std::pair<std::size_t, RunInfo>> kSweepSiblings(const std::vector<RunInfo>& all,
                                                            const RunInfo& run);

// How the stored run reached its backend: base URL, key variable, cache scope, timeouts (what
// runConfigJson wrote; defaults for runs stored before it). `preset` gets the endpoint preset.
BackendOptions storedBackendOptions(const RunInfo& run, std::string* preset = nullptr);

} // namespace r2p::engine
