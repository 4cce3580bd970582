// The tag constraints of a tagged chain, as a TagPR-style reward checks them: every violation
// with its rule, span and evidence, and one constraint score that combines the rules with the
// tag set's weights. Deterministic and text-only, like the RPI rules, so a stored chain is
// re-checked to the same verdict.
#pragma once

#include "TagParser.h"
#include "TagSet.h"
#include "pipeline/engine/HrtTemplate.h"

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::tags {

// What the chain answers: rules that need it do not apply without it.
struct ChainContext {
    // The task's answer format (the HRT template's, which RPI's answer-format rule checks);
    // nullptr: the answer-format rule does not apply.
    const engine::AnswerFormat* answerFormat = nullptr;
    // The retrieved items, citable as [P1]..[Pk]; 0: the citations rule does not apply.
    std::size_t itemCount = 0;
};

struct TagViolation {
    TagRule rule = TagRule::Invalid;
    std::size_t span = static_cast<std::size_t>(-1); // index into the spans, npos: the chain
    std::size_t start = 0; // bytes into the chain text the violation is about
    std::size_t end = 0;
    std::string tag;      // the tag at fault ("" when none)
    std::string evidence; // what the rule saw: "412 tokens in <history>, at most 400"

    bool operator==(const TagViolation&) const = default;
};

// The token counter of the length rule: the project's estimate for text without usage numbers
// (engine::approxTokens, as RPI's token budget uses it).
inline constexpr std::string_view kTagTokenCounter = "approx: (UTF-8 code points + 3) / 4";

struct ConstraintReport {
    std::vector<TagViolation> violations;         // by rule (TagRule order), then position
    std::array<bool, kTagRuleCount> applicable{}; // by TagRule - 1
    std::array<bool, kTagRuleCount> held{};       // applicable and no violation
    // sum over applicable rules of weight * held / sum over applicable rules of weight; 1 when
    // no applicable rule has a weight.
    double score = 1.0;

    bool holds(TagRule rule) const { return held[static_cast<std::size_t>(rule) - 1]; }
    bool applies(TagRule rule) const { return applicable[static_cast<std::size_t>(rule) - 1]; }
};

// Checks spans over `text` (a step's chainText). `problems` are the parser's (empty for spans a
// tagger or a person made). Rules (README "Tagged reasoning (TagPR)"):
//  well-formed  every parser problem; a span inside another when the set does not allow nesting;
//               a span crossing another that the parser did not report; a span whose tag
//               the set does not have
//  required     a required tag that never occurs
//  transition   the first top-level span's tag is in "first"; each top-level span's tag is in
//               the previous one's "next" (top level: not starting inside another span)
//  occurrences  a tag occurring more than max_occurrences, or fewer than min_occurrences times
//               (a tag that does not occur is the required rule's business)
//  length       a span's content, trimmed, outside [min_tokens, max_tokens] (kTagTokenCounter)
//  answer-format  (with an answer format) no answer span, or one not in the format
//  citations    (with retrieved items) a span of a citing tag without [P#], or any span citing an
//               item beyond [Pk]
//  repetition   a span whose content, trimmed with whitespace runs as one space, equals an
//               earlier non-empty span's
ConstraintReport checkTagConstraints(const TagSet& set, std::string_view text,
                                     std::span<const TagSpan> spans,
                                     std::span<const TagProblem> problems,
                                     const ChainContext& context);
// The same on a parsed chain.
ConstraintReport checkTagConstraints(const TagSet& set, std::string_view text,
                                     const ParsedChain& chain, const ChainContext& context);

// The constraint score of these rule outcomes under the set's weights.
double constraintScore(const TagSet& set, const std::array<bool, kTagRuleCount>& applicable,
                       const std::array<bool, kTagRuleCount>& held);

} // namespace r2p::tags
