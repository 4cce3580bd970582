// The offline reasoner without threads: what the offline backend writes for a request. It reads
// the StageHint (task, stage, retrieved items with their scores) and answers from retrieval
// statistics: score-weighted label votes, rating means, the user's lexical overlap with LaMP-1's
// candidate references, and the user's typical length, casing and hashtags for generation.
// Everything is deterministic: the same hint gives byte-identical text on every platform (no
// std::hash, no std::*_distribution).
#pragma once

#include "OfflineBackend.h"
#include "StageHint.h"

#include <cstdint>
#include <string_view>

namespace r2p::engine {

// FNV-1a (64 bit) of `text`: the stable hash behind every seeded decision of the reasoner.
std::uint64_t stableHash(std::string_view text);

// Whether the first attempt of `stage` shows a failure for this user: the hash of (userId,
// stage) -- and the candidate number for candidates after the first -- falls below `rate`.
// Only TaskAnalysis (rambling past the budget), ProfileSynthesis (no citation), Answer (not in
// the format) and Generate (lrm-rag's format drift) can be flawed.
bool offlineFlawed(std::string_view userId, StageId stage, int candidate, double rate);

// Whether attempt `attempt` (1 or later, after an intervention) of `stage` fails again: a draw
// seeded by (userId, stage, candidate, seed) falls below rate x retryShare^attempt. Lower than
// the first attempt's rate, and one draw for all later attempts, so a stage that fails its
// last allowed attempt failed every retry before it: the intervention gives up.
bool offlineFlawedAgain(std::string_view userId, StageId stage, int candidate, int attempt,
                        std::uint64_t seed, double rate, double retryShare);

// What the reasoner writes for `hint`. HRT levels: the level's text in `answer` (reasoning
// empty). Baselines (stage Generate): the answer, plus free reasoning for lrm-rag. Stage
// Invalid: the whole walk-through in `reasoning` and the answer in `answer`.
OfflineAnswer offlineReason(const StageHint& hint, const OfflineOptions& options);

// A LaMP input with no profile (the request had no hint): the four levels of the task's template
// in `reasoning`, a non-personal answer in `answer`. Input that is no LaMP input gets a note.
OfflineAnswer offlineReasonInput(std::string_view input);

} // namespace r2p::engine
