// A tag set for tagged reasoning chains (TagPR): the functional tags a chain's segments carry
// (analysing the history, inferring preferences, answering...), the constraints a chain must keep
// (required tags, occurrences, allowed transitions, length bounds, citations) and the weights that
// combine the constraints into a score. Editable data (resources/tags/default.json, compiled in),
// versioned; a project may replace it with its own copy kept in the project file.
#pragma once

#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/Trace.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::tags {

// The constraint rules a chain is checked against (TagConstraints.h), in report order.
enum class TagRule {
    Invalid = 0,
    WellFormed,   // every tag closed, known, not interleaved; no nesting unless allowed
    Required,     // every required tag occurs
    Transition,   // the first tag and each tag after another are allowed
    Occurrences,  // a tag that occurs does so min..max times
    Length,       // each segment within its tag's token bounds
    AnswerFormat, // the answer tag holds an answer in the task's format
    Citations,    // tags that must cite do; no segment cites an item that was not retrieved
    Repetition,   // no segment repeats an earlier one word for word
};
inline constexpr std::size_t kTagRuleCount = 8;
// "well-formed", "required", "transition", "occurrences", "length", "answer-format",
// "citations", "repetition"
std::string_view tagRuleName(TagRule rule);
std::optional<TagRule> parseTagRule(std::string_view name);
// The rules in report order (WellFormed ... Repetition).
const std::array<TagRule, kTagRuleCount>& allTagRules();

struct TagDef {
    std::string id;          // "preference": lower-case letters, digits and '-', written <id>
    std::string name;        // "Preference inference"
    std::string description; // one or two sentences shown in the UI and in prompts
    std::string colour;      // "#rrggbb"
    bool required = false;
    int minOccurrences = 0; // when the tag occurs at all: at least this often
    int maxOccurrences = 0; // 0: no limit
    // Tags that may follow this one; nullopt: any tag, empty: none (the chain must end here).
    std::optional<std::vector<std::string>> next;
    int minTokens = 0;                   // per segment; 0: no lower bound
    int maxTokens = 0;                   // per segment; 0: no upper bound
    bool cite = false;                   // each segment must cite retrieved history items as [P#]
    StageId hrtLevel = StageId::Invalid; // the R2P HRT level this tag stands for, if any
    std::vector<std::string> cues;       // lower-case phrases the offline tagger looks for

    bool operator==(const TagDef&) const = default;
};

struct TagSet {
    std::string id;
    int version = 0;
    std::string name;
    std::string description;
    std::string answerTag; // the tag holding the final answer
    bool nesting = false;  // whether a segment may contain another
    // Tags a chain may start with; nullopt: any.
    std::optional<std::vector<std::string>> first;
    std::array<double, kTagRuleCount> weights{}; // by TagRule - 1; each >= 0, at least one > 0
    std::vector<TagDef> tags;

    const TagDef* find(std::string_view tagId) const;
    double weight(TagRule rule) const;
    // The tag mapped to `level`, or nullptr.
    const TagDef* forHrtLevel(StageId level) const;

    bool operator==(const TagSet&) const = default;
};

// Parses and validates a tag set file. Nothing is returned on any problem; the Error reads
// "SOURCE: line L, column C: RULE: what is wrong", where RULE names the check that failed
// (json-syntax, duplicate-key, unknown-key, type, missing, empty, id, unique-id, colour, range,
// known-tag, answer-tag, hrt-level, weights).
Result<TagSet> parseTagSet(std::string_view json, const std::string& sourceName);
// The canonical JSON of a tag set; parseTagSet(tagSetJson(s)) == s.
std::string tagSetJson(const TagSet& set);

// The tag set shipped with the workbench (resources/tags/default.json).
const TagSet& builtinTagSet();
// The project's own tag set if it has one, else the built-in one.
Result<TagSet> projectTagSet(const ProjectStore& store);
// A version of a tag set the project stored earlier (or the built-in one), so spans made under
// it can be read with it; an Error if the project never had it.
Result<TagSet> projectTagSetVersion(const ProjectStore& store, std::string_view id, int version);
// Stores `set` as the project's own, and keeps it under its id and version. A different set
// under an id and version already stored (or shipped) is refused, so an (id, version) always
// names one set; nothing is changed then.
Status setProjectTagSet(ProjectStore& store, const TagSet& set);

} // namespace r2p::tags
