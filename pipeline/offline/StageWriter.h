// The offline reasoner's stage texts: each HRT level written from a decision, fitted to the
// level's token budget, or flawed on purpose (rambling past the budget, no citation, an answer
// out of format) so RPI has something to correct.
#pragma once

#include "Deciders.h"
#include "Weighting.h"
#include "model/Task.h"
#include "pipeline/engine/HrtTemplate.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::engine::offline {

// The template the texts follow: the given one, else the built-in one, else a plain fallback
// with the four levels (a template being edited away, or a build without resources).
const HrtTemplate& templateFor(const HrtTemplate* given, TaskId task);

struct Chain {
    const HrtTemplate* hrt = nullptr;
    TaskId task = TaskId::Invalid;
    std::string input;
    std::vector<PromptItem> items;
    std::vector<Weighted> weighted;
};

// The text of `stage` for the chain and its decision; `flawed` writes the stage's failure,
// `variant` picks among the ways an answer drifts out of format.
std::string stageText(const Chain& c, const Decision& d, StageId stage, bool flawed,
                      std::uint64_t variant);
// The four levels in order, no flaws: the whole walk-through (CLI, stage Invalid).
std::string walkThrough(const Chain& c, const Decision& d);

// The answer out of format, as reasoning models write it.
std::string drifted(TaskId task, const AnswerFormat& format, const std::string& answer,
                    std::uint64_t variant);
// The answer the plan arrived at ("... → X." or "... → \"X\""), if it is in the format: an
// edited plan decides the answer as a model following it would.
std::optional<std::string> plannedAnswer(const AnswerFormat& format, std::string_view plan);
// The facts as "- " lines, a citing one first.
std::vector<std::string> factLines(const std::vector<std::string>& facts);
// The facts as sentences on one line.
std::string factsSentence(const std::vector<std::string>& facts);

} // namespace r2p::engine::offline
