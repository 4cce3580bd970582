// What the engine knows about a request beyond its text: the task, the stage, the retrieved
// items with their scores. The HTTP backend ignores it (a real model reads the prompt); the
// offline reasoner answers from it, which is what lets the workbench run with no model at all.
#pragma once

#include "HrtTemplate.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace r2p::engine {

enum class Variation {
    Invalid = 0,
    Temperature, // candidates differ by sampling (temperature and seed)
    Retrieval,   // candidate j leaves retrieved item j out
};

struct StageHint {
    TaskId task = TaskId::Invalid;
    SystemId system = SystemId::Invalid;
    StageId stage = StageId::Invalid; // Invalid: the whole answer at once (no engine, e.g. CLI)
    std::string userId;
    std::string input;
    std::vector<PromptItem> items;    // retrieved, best first: items[0] is [P1]
    const HrtTemplate* hrt = nullptr; // markers and answer format; null for baselines
    std::string synthesis;            // the profile_synthesis stage's text, for later stages
    std::string plan;                 // the answer_plan stage's text
    int candidate = 0;                // 0: the main chain; 1..M-1: further samples
    Variation variation = Variation::Temperature;
    std::uint64_t seed = 0;
    RpiRule correcting = RpiRule::Invalid; // set on a retry after an intervention
    int attempt = 0;                       // 0 first try, 1.. after interventions
    // Final (combine): every candidate's answer and verdict, index = candidate.
    std::vector<std::string> candidates;
    std::vector<Verdict> verdicts;
    // Sampling of the request, so the reasoner's variation can follow it: further candidates
    // vary with it (0: the same as the main chain). Unset (a hint made outside the engine):
    // temperature 1, top-p 1.
    std::optional<double> temperature;
    std::optional<double> topP;
};

} // namespace r2p::engine
