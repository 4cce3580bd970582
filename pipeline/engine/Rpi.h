// RPI (Reasoning Process Intervention): the deterministic rules that keep a model on its HRT
// template. Each check looks only at text, so the same rule gives the same verdict in the
// engine, in tests and when a stored run is re-checked.
#pragma once

#include "HrtTemplate.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace r2p::engine {

struct RpiViolation {
    RpiRule rule = RpiRule::Invalid;
    std::string evidence; // what the rule saw, for the event: "cites [P7] but only 5 retrieved"
    // Where the offending text starts in the checked text (the engine cuts the stream there
    // before injecting the correction); npos when the whole stage is at fault.
    std::size_t at = std::string::npos;
};

// A token estimate for text without usage numbers: (UTF-8 code points + 3) / 4.
int approxTokens(std::string_view text);

// Rules that can fire while a stage streams: another level's marker appeared (MarkerOrder,
// `at` = where it starts), or the text passed the level's budget (TokenBudget). `tokens` is the
// count so far (usage or approxTokens). Stages that are not HRT levels never violate.
std::optional<RpiViolation> checkStreaming(const HrtTemplate& t, StageId stage,
                                           std::string_view textSoFar, int tokens);

// Repetition: a span of kRepetitionNgram words that occurs more than kRepetitionMaxRepeats
// times (non-overlapping) is a loop; `at` = where the first repeat over the limit starts.
inline constexpr std::size_t kRepetitionNgram = 8;
inline constexpr std::size_t kRepetitionMaxRepeats = 2;
std::optional<RpiViolation> checkRepetition(std::string_view text);

// The sub-steps (1-based, ascending) of `stage`'s level whose marker opens a line of the stage's
// text or of its reasoning; empty when the level does not mark its sub-steps.
std::vector<int> coveredSteps(const HrtTemplate& t, StageId stage, std::string_view stageText,
                              std::string_view reasoning = {});

// Every rule violated at the end of a stage, at most one violation per rule, in rule order:
// MarkerOrder, TokenBudget, Citations, AnswerFormat, Repetition, StepCoverage (a level with
// sub-step markers must open a line with each; see checkStageEnd). `reasoning`
// is the model's separate reasoning for the level (chat mode): another level's marker, an
// out-of-range citation or a loop in it violates too, and its citations count.
std::vector<RpiViolation> checkStageEndAll(const HrtTemplate& t, StageId stage,
                                           std::string_view stageText, int tokens,
                                           std::size_t itemCount, std::string_view reasoning);

// Each rule's outcome for a level given its violations: NotApplicable where it cannot fail
// (MarkerOrder when the engine wrote the marker itself in prefill and nothing else broke it;
// Citations without items or on a level that needs none; AnswerFormat before the answer).
// StepCoverage is listed only for a level that marks its sub-steps.
std::vector<std::pair<RpiRule, RuleOutcome>>
ruleOutcomes(const HrtTemplate& t, StageId stage, const std::vector<RpiViolation>& violations,
             std::size_t itemCount, bool markerWrittenByEngine);

// All rules at the end of a stage, first violation in rule order: MarkerOrder (the text must
// start, after whitespace, with the level's marker and contain no other level's marker, and
// have a non-empty body), TokenBudget, Citations (levels that require them: at least one [P#],
// every cited n within 1..itemCount; with itemCount 0 the rule does not apply), AnswerFormat
// (the Answer level: answerInFormat on its body).
std::optional<RpiViolation> checkStageEnd(const HrtTemplate& t, StageId stage,
                                          std::string_view stageText, int tokens,
                                          std::size_t itemCount);

// The text after the level's marker line, trimmed (the whole text, trimmed, if it has no
// marker).
std::string stageBody(const HrtTemplate& t, StageId stage, std::string_view stageText);

// Where a line of `text` starts with `marker`, optionally after spaces or tabs: the position of
// the marker's first byte in the first such line, or npos. Markers count only there.
std::size_t findMarkerLine(std::string_view text, std::string_view marker);

// Every [P#] cited, in order of first appearance, each once. Accepts "[P3]", "[P1, P3]",
// "[P1][P2]" and "[P2-P4]" / "[P2–P4]" ranges.
std::vector<int> citedItems(std::string_view text);

// The raw answer is already in the format (after stripping whitespace as LaMP does): one of the
// labels exactly; for text a single non-empty line of at most maxWords words.
bool answerInFormat(const AnswerFormat& format, std::string_view rawAnswer);

} // namespace r2p::engine
