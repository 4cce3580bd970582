#include "TagConstraints.h"

#include "model/Utf8.h"
#include "pipeline/engine/Rpi.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace r2p::tags {

namespace {

constexpr std::size_t kNpos = static_cast<std::size_t>(-1);

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// Whitespace runs as one space, ends trimmed: what "the same segment" compares.
std::string normalised(std::string_view s) {
    s = trimmed(s);
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char c : s) {
        if (isSpace(c)) {
            space = true;
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string_view content(std::string_view text, const TagSpan& s) {
    if (s.start >= text.size() || s.end <= s.start)
        return {};
    return text.substr(s.start, std::min(s.end, text.size()) - s.start);
}

std::string tagList(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
        out += (out.empty() ? "<" : ", <") + id + ">";
    return out;
}

std::size_t ruleIndex(TagRule r) {
    return static_cast<std::size_t>(r) - 1;
}

} // namespace

double constraintScore(const TagSet& set, const std::array<bool, kTagRuleCount>& applicable,
                       const std::array<bool, kTagRuleCount>& held) {
    double total = 0, got = 0;
    for (std::size_t i = 0; i < kTagRuleCount; ++i) {
        if (!applicable[i])
            continue;
        total += set.weights[i];
        if (held[i])
            got += set.weights[i];
    }
    return total > 0 ? got / total : 1.0;
}

namespace {

// The rules of one check, each a method adding its violations; they share the spans in order
// of their start, the spans per tag and which spans are top-level.
struct TagChecker {
    const TagSet& set;
    std::string_view text;
    std::span<const TagSpan> spans;
    const ChainContext& context;
    std::vector<TagViolation>& v;
    std::vector<std::size_t> order;
    std::vector<bool> topLevel;
    std::unordered_map<std::string_view, std::vector<std::size_t>> byTag;

    void add(TagRule rule, std::size_t span, std::string evidence) {
        TagViolation x;
        x.rule = rule;
        x.span = span;
        if (span != kNpos) {
            x.start = spans[span].outerStart;
            x.end = spans[span].outerEnd;
            x.tag = spans[span].tag;
        } else {
            x.start = x.end = text.size();
        }
        x.evidence = std::move(evidence);
        v.push_back(std::move(x));
    }

    void sortSpans() {
        order.resize(spans.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return spans[a].outerStart < spans[b].outerStart;
        });
        // Counts per tag, in the set's order.
        for (std::size_t i : order)
            byTag[spans[i].tag].push_back(i);
    }

    // well-formed: the parser's problems, unknown tags, interleaving and nesting
    void wellFormed(std::span<const TagProblem> problems) {
        std::unordered_set<std::size_t> reportedCrossing;
        for (const TagProblem& p : problems) {
            TagViolation x;
            x.rule = TagRule::WellFormed;
            x.span = p.span < spans.size() ? p.span : kNpos;
            x.start = p.at;
            x.end = p.end;
            x.tag = p.tag;
            x.evidence = std::string(tagProblemName(p.kind)) + ": " + p.detail;
            v.push_back(std::move(x));
            if (p.kind == TagProblemKind::Interleaved)
                reportedCrossing.insert(p.span);
        }
        // Spans a tagger or a person made under another tag set may carry a tag this one lacks.
        for (std::size_t i : order)
            if (!set.find(spans[i].tag))
                add(TagRule::WellFormed, i,
                    "unknown-tag: <" + spans[i].tag + "> is not a tag of \"" + set.id + "\"");
        topLevel.assign(spans.size(), true);
        {
            std::vector<std::size_t> open;
            for (std::size_t i : order) {
                const TagSpan& s = spans[i];
                while (!open.empty() && spans[open.back()].outerEnd <= s.outerStart)
                    open.pop_back();
                if (!open.empty()) {
                    const TagSpan& outer = spans[open.back()];
                    topLevel[i] = false;
                    if (s.outerEnd > outer.outerEnd) {
                        if (!reportedCrossing.count(i))
                            add(TagRule::WellFormed, i,
                                "interleaved: <" + s.tag + "> starts inside <" + outer.tag +
                                    "> and ends after it");
                    } else if (!set.nesting) {
                        add(TagRule::WellFormed, i,
                            "nested: <" + s.tag + "> is inside <" + outer.tag +
                                "> and this tag set does not allow nesting");
                    }
                }
                open.push_back(i);
            }
        }
    }

    // required
    void required() {
        for (const TagDef& t : set.tags)
            if (t.required && !byTag.count(t.id))
                add(TagRule::Required, kNpos, "no <" + t.id + "> segment; the tag is required");
    }

    // transition
    void transitions() {
        const TagDef* previous = nullptr;
        bool first = true;
        for (std::size_t i : order) {
            if (!topLevel[i])
                continue;
            const std::string& tag = spans[i].tag;
            if (first && set.first &&
                std::find(set.first->begin(), set.first->end(), tag) == set.first->end())
                add(TagRule::Transition, i,
                    "the chain starts with <" + tag + ">; it may start with " +
                        tagList(*set.first));
            if (previous && previous->next &&
                std::find(previous->next->begin(), previous->next->end(), tag) ==
                    previous->next->end())
                add(TagRule::Transition, i,
                    "<" + tag + "> follows <" + previous->id + ">, " +
                        (previous->next->empty()
                             ? "after which nothing may follow"
                             : "which may be followed only by " + tagList(*previous->next)));
            first = false;
            previous = set.find(tag); // nullptr for an unknown tag: anything may follow it
        }
    }

    // occurrences
    void occurrences() {
        for (const TagDef& t : set.tags) {
            auto it = byTag.find(t.id);
            if (it == byTag.end())
                continue;
            const auto& list = it->second;
            const auto n = static_cast<int>(list.size());
            if (t.maxOccurrences > 0 && n > t.maxOccurrences)
                add(TagRule::Occurrences, list[static_cast<std::size_t>(t.maxOccurrences)],
                    "<" + t.id + "> occurs " + std::to_string(n) + " times, at most " +
                        std::to_string(t.maxOccurrences));
            else if (n < t.minOccurrences)
                add(TagRule::Occurrences, list.front(),
                    "<" + t.id + "> occurs " + std::to_string(n) + " time" + (n == 1 ? "" : "s") +
                        ", at least " + std::to_string(t.minOccurrences));
        }
    }

    // length
    void lengths() {
        for (std::size_t i : order) {
            const TagDef* t = set.find(spans[i].tag);
            if (!t || (t->minTokens == 0 && t->maxTokens == 0))
                continue;
            const int tokens = engine::approxTokens(trimmed(content(text, spans[i])));
            if (tokens < t->minTokens)
                add(TagRule::Length, i,
                    std::to_string(tokens) + " tokens in <" + t->id + ">, at least " +
                        std::to_string(t->minTokens));
            else if (t->maxTokens > 0 && tokens > t->maxTokens)
                add(TagRule::Length, i,
                    std::to_string(tokens) + " tokens in <" + t->id + ">, at most " +
                        std::to_string(t->maxTokens));
        }
    }

    // answer-format
    void answerFormat() {
        if (context.answerFormat) {
            auto it = byTag.find(set.answerTag);
            if (it == byTag.end())
                add(TagRule::AnswerFormat, kNpos,
                    "no <" + set.answerTag + "> segment holds an answer to check");
            else
                for (std::size_t i : it->second) {
                    const std::string_view answer = trimmed(content(text, spans[i]));
                    if (!engine::answerInFormat(*context.answerFormat, answer))
                        add(TagRule::AnswerFormat, i,
                            "\"" + clipUtf8(answer, 80) + "\" is not " +
                                context.answerFormat->description);
                }
        }
    }

    // citations
    void citations() {
        if (context.itemCount > 0) {
            for (std::size_t i : order) {
                const TagDef* t = set.find(spans[i].tag);
                const std::vector<int> cited = engine::citedItems(content(text, spans[i]));
                if (t && t->cite && cited.empty()) {
                    add(TagRule::Citations, i,
                        "no [P#] citation in <" + t->id + "> (" +
                            std::to_string(context.itemCount) +
                            (context.itemCount == 1 ? " item" : " items") + " retrieved)");
                    continue;
                }
                std::string bad;
                for (int n : cited)
                    if (n < 1 || static_cast<std::size_t>(n) > context.itemCount)
                        bad += (bad.empty() ? "[P" : ", [P") + std::to_string(n) + "]";
                if (!bad.empty())
                    add(TagRule::Citations, i,
                        "<" + spans[i].tag + "> cites " + bad + " but only " +
                            std::to_string(context.itemCount) +
                            (context.itemCount == 1 ? " item was" : " items were") + " retrieved");
            }
        }
    }

    // repetition
    void repetition() {
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t i : order) {
            std::string key = normalised(content(text, spans[i]));
            if (key.empty())
                continue;
            auto [it, inserted] = seen.emplace(std::move(key), i);
            if (!inserted)
                add(TagRule::Repetition, i,
                    "<" + spans[i].tag + "> repeats the <" + spans[it->second].tag +
                        "> segment at byte " + std::to_string(spans[it->second].start) +
                        " word for word");
        }
    }
};

} // namespace

ConstraintReport checkTagConstraints(const TagSet& set, std::string_view text,
                                     std::span<const TagSpan> spans,
                                     std::span<const TagProblem> problems,
                                     const ChainContext& context) {
    ConstraintReport report;
    auto& v = report.violations;
    TagChecker check{set, text, spans, context, v, {}, {}, {}};
    // Spans in order of their start (callers usually pass them so; a tagger might not).
    check.sortSpans();
    check.wellFormed(problems);
    check.required();
    check.transitions();
    check.occurrences();
    check.lengths();
    check.answerFormat();
    check.citations();
    check.repetition();

    std::stable_sort(v.begin(), v.end(), [](const TagViolation& a, const TagViolation& b) {
        if (a.rule != b.rule)
            return a.rule < b.rule;
        return a.start < b.start;
    });
    for (TagRule r : allTagRules()) {
        const std::size_t i = ruleIndex(r);
        report.applicable[i] = (r != TagRule::AnswerFormat || context.answerFormat) &&
                               (r != TagRule::Citations || context.itemCount > 0);
        report.held[i] =
            report.applicable[i] &&
            std::none_of(v.begin(), v.end(), [&](const TagViolation& x) { return x.rule == r; });
    }
    report.score = constraintScore(set, report.applicable, report.held);
    return report;
}

ConstraintReport checkTagConstraints(const TagSet& set, std::string_view text,
                                     const ParsedChain& chain, const ChainContext& context) {
    return checkTagConstraints(set, text, chain.spans, chain.problems, context);
}

} // namespace r2p::tags
