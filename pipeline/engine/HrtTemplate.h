// HRT (Hierarchical Reasoning Thought) templates: one per LaMP task, kept as data in
// resources/hrt/*.json and editable in the app. A template names the levels the model must walk
// through (task analysis, profile synthesis, answer plan, answer), the marker that opens each,
// their sub-steps and token budgets, the task's answer format, the corrective thoughts RPI
// injects, and the cross-reference judge's instruction. Templates are versioned; the version
// used is stored with every run.
#pragma once

#include "model/Result.h"
#include "model/Task.h"
#include "model/Trace.h"

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace r2p::engine {

enum class AnswerKind {
    Invalid = 0,
    Label,  // exactly one of `labels` (LaMP-1, 2, 2N)
    Rating, // exactly one of "1".."5" (LaMP-3)
    Text,   // one line of text, at most maxWords words (LaMP-4..7)
};

struct AnswerFormat {
    AnswerKind kind = AnswerKind::Invalid;
    std::vector<std::string> labels; // Label and Rating: the exact strings accepted
    std::size_t maxWords = 0;        // Text: 0 means no limit
    std::string description;         // for prompts: "exactly one of [1] or [2], nothing else"

    bool operator==(const AnswerFormat&) const = default;
};

struct HrtLevel {
    StageId stage = StageId::Invalid; // TaskAnalysis, ProfileSynthesis, AnswerPlan or Answer
    std::string title;                // "Profile synthesis"
    std::string marker;               // the line that opens the level: "## Profile synthesis"
    std::vector<std::string> steps;   // sub-steps, shown numbered in the prompt
    int budgetTokens = 0;             // RPI: more than this is divergent thinking
    bool requiresCitations = false;   // RPI: must cite retrieved items as [P#]
    // Optional, one per sub-step: the line each sub-step opens with ("(a)", "Step 1:"). With
    // them the prompt shows the sub-steps by marker and RPI checks that each is worked through
    // (RpiRule::StepCoverage); without, sub-steps are guidance only.
    std::vector<std::string> stepMarkers = {};

    bool operator==(const HrtLevel&) const = default;
};

struct HrtTemplate {
    std::string id; // "hrt-LaMP-3"
    int version = 0;
    TaskId task = TaskId::Invalid;
    std::string system;       // system message
    std::string instructions; // user message; placeholders {input} {items} {levels} {format} {k}
    std::string item;         // one retrieved item; placeholders {n} {score} {id} {field:NAME}
    std::string noItems;      // what {items} becomes when nothing was retrieved
    std::vector<HrtLevel> levels; // exactly the four levels, in order
    AnswerFormat answer;
    // Corrective thoughts per rule; placeholders {marker} {title} {k} {last} {budget} {format}
    // ({marker}, {title}, {budget}: the level's; {k}: the number of retrieved items; {last}: the
    // last citable item without brackets, "P5", or "" when nothing was retrieved). A correction
    // must not itself contain a [P#] citation or start a line with a marker: it is injected into
    // the level's text, which the rules check again.
    std::map<RpiRule, std::string> corrections;
    // Cross-reference judge instruction; placeholders {input} {items} {facts} {candidate}
    // {format}. The judge answers with lines "VERDICT: ...", "EVIDENCE: P1, P3", "REASON: ...".
    std::string judge;

    const HrtLevel* level(StageId stage) const; // nullptr if not a level of this template

    bool operator==(const HrtTemplate&) const = default;
};

// Parses and validates a template file. Errors name `where`, the field and what is wrong
// (unknown stage, levels out of order or missing, empty marker, duplicate markers, budget <= 0,
// unknown placeholder, a label set that differs from the task's, missing corrections...).
Result<HrtTemplate> parseHrtTemplate(std::string_view json, std::string_view where);
// The canonical JSON of a template (what the template editor saves); parse(serialize(t)) == t.
std::string serializeHrtTemplate(const HrtTemplate& t);

// The templates shipped in resources/hrt/, compiled in. One per task of TaskId (LaMP-1..7 and
// LaMP-2N).
const std::vector<HrtTemplate>& builtinHrtTemplates();
// The built-in template of `task`; nullptr if there is none.
const HrtTemplate* builtinHrtTemplate(TaskId task);

// A retrieved item as the prompts show it: [P{n}].
struct PromptItem {
    int n = 0; // 1-based position in the retrieval, the number cited as [P{n}]
    std::string profileId;
    double score = 0;
    std::vector<std::pair<std::string, std::string>> fields; // the profile item's fields
};

// Fills a text with {name} placeholders; unknown names stay as written.
std::string fillPlaceholders(std::string_view text,
                             const std::vector<std::pair<std::string, std::string>>& values);

// The items block ({items}): each item through `item`, one per line; `noItems` when empty.
// {score} has two decimals; line breaks inside field values become spaces (nothing is cut);
// a {field:NAME} the item does not have becomes empty.
std::string renderItems(const HrtTemplate& t, std::span<const PromptItem> items);
// The levels block ({levels}): each level's marker, title and numbered sub-steps.
std::string renderLevels(const HrtTemplate& t);
// The user message asking for the whole HRT walk-through of `input`.
std::string renderTaskPrompt(const HrtTemplate& t, std::string_view input,
                             std::span<const PromptItem> items);
// The corrective thought for `rule` at `stage` with `itemCount` retrieved items.
std::string renderCorrection(const HrtTemplate& t, RpiRule rule, StageId stage,
                             std::size_t itemCount);
// The judge prompt for one candidate.
std::string renderJudgePrompt(const HrtTemplate& t, std::string_view input,
                              std::span<const PromptItem> items, std::string_view facts,
                              std::string_view candidate);

} // namespace r2p::engine
