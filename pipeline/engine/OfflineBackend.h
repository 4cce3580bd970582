// The offline backend, the embedded default: no server, no model. A deterministic reasoner
// answers each R2P stage from retrieval statistics and writes its reasoning in the HRT stage
// format with [P#] citations. It is labelled "offline (no LLM)" wherever its output appears.
#pragma once

#include "StageHint.h"
#include "pipeline/llm/Backend.h"

#include <memory>
#include <string>

namespace r2p::engine {

// The label shown next to everything this backend produced.
inline constexpr const char* kOfflineLabel = "offline (no LLM)";

struct OfflineOptions {
    // Streaming pace for demos; 0 delivers each answer at once (batches, tests).
    double tokensPerSecond = 0;
    // Share of users (seeded by user id, so always the same users) for which the first attempt
    // at a stage shows one of the failures the R2P paper names (no citations, answer not in the
    // format, rambling past the budget), so the RPI and cross-reference views have something to
    // show offline. 0 turns it off.
    double flawRate = 0.15;
    // Attempts after an intervention fail again at flawRate x retryFlawShare^attempt (seeded by
    // the run's seed as well), so some interventions are ignored and give up. 0: a corrected
    // attempt always complies.
    double retryFlawShare = 0.5;
};

struct OfflineAnswer {
    std::string reasoning;
    std::string answer;
};

// The reasoner itself, without threads: what the backend streams for `hint`. Deterministic for
// a given hint. A request without a hint is answered from its last user message, taken as a
// LaMP input (task detected from its template, no profile items).
OfflineAnswer offlineAnswer(const llm::GenerationRequest& request, const OfflineOptions& options);

class OfflineBackend : public llm::Backend {
public:
    explicit OfflineBackend(OfflineOptions options = {});
    ~OfflineBackend() override;
    OfflineBackend(const OfflineBackend&) = delete;
    OfflineBackend& operator=(const OfflineBackend&) = delete;

    std::string name() const override { return "offline"; }
    llm::RequestId submit(llm::GenerationRequest request, llm::DeltaHandler onDelta,
                          llm::DoneHandler onDone) override;
    void cancel(llm::RequestId id) override;
    void cancelAll() override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace r2p::engine
