#include "Rpi.h"

#include "pipeline/llm/TokenCounter.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <unordered_map>

namespace r2p::engine {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

struct MarkerHit {
    const HrtLevel* level = nullptr;
    std::size_t at = npos;
};

// The first line that starts with the marker of a level other than `self`. One pass over the
// lines; at each line start only the markers' first bytes are compared before a full compare.
MarkerHit findOtherMarker(const HrtTemplate& t, const HrtLevel* self, std::string_view text) {
    std::size_t lineStart = 0;
    while (lineStart <= text.size()) {
        std::size_t p = lineStart;
        while (p < text.size() && isBlank(text[p]))
            ++p;
        if (p < text.size())
            for (const auto& level : t.levels) {
                const std::string& m = level.marker;
                if (&level == self || m.empty() || m.front() != text[p])
                    continue;
                if (text.size() - p >= m.size() && text.compare(p, m.size(), m) == 0)
                    return {&level, p};
            }
        const auto nl = text.find('\n', p);
        if (nl == npos)
            break;
        lineStart = nl + 1;
    }
    return {};
}

std::optional<RpiViolation> otherMarkerViolation(const HrtTemplate& t, const HrtLevel* self,
                                                 std::string_view text) {
    const MarkerHit hit = findOtherMarker(t, self, text);
    if (!hit.level)
        return std::nullopt;
    return RpiViolation{RpiRule::MarkerOrder,
                        "the marker \"" + hit.level->marker + "\" of \"" + hit.level->title +
                            "\" appears inside \"" + self->title + "\"",
                        hit.at};
}

std::optional<RpiViolation> budgetViolation(const HrtLevel* level, int tokens) {
    if (tokens <= level->budgetTokens)
        return std::nullopt;
    return RpiViolation{RpiRule::TokenBudget,
                        std::to_string(tokens) + " tokens in \"" + level->title + "\", budget " +
                            std::to_string(level->budgetTokens),
                        npos};
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Reads digits at text[p] into n (capped); false if there is no digit.
bool readNumber(std::string_view text, std::size_t& p, int& n) {
    if (p >= text.size() || !isDigit(text[p]))
        return false;
    long long v = 0;
    while (p < text.size() && isDigit(text[p])) {
        if (v < 1'000'000'000)
            v = v * 10 + (text[p] - '0');
        ++p;
    }
    n = static_cast<int>(std::min<long long>(v, 1'000'000'000));
    return true;
}

void skipSpaces(std::string_view text, std::size_t& p) {
    while (p < text.size() && isBlank(text[p]))
        ++p;
}

// A range dash: '-' or the en dash U+2013 (E2 80 93).
bool readDash(std::string_view text, std::size_t& p) {
    if (p < text.size() && text[p] == '-') {
        ++p;
        return true;
    }
    if (text.substr(p, 3) == "\xE2\x80\x93") {
        p += 3;
        return true;
    }
    return false;
}

struct CitationRange {
    int first = 0;
    int last = 0;
    std::size_t at = 0; // the '[' of the citation it is part of
};

// Parses one bracket at text[open] == '[': "[P3]", "[P1, P3]", "[P2-P4]", "[P2–4]"; appends its
// ranges and returns the position after ']', or npos (and appends nothing) if it is not a
// citation.
std::size_t parseBracket(std::string_view text, std::size_t open, std::vector<CitationRange>& out) {
    const std::size_t mark = out.size();
    std::size_t p = open + 1;
    for (;;) {
        skipSpaces(text, p);
        int first = 0;
        if (p >= text.size() || text[p] != 'P')
            break;
        ++p;
        if (!readNumber(text, p, first))
            break;
        int last = first;
        std::size_t q = p;
        skipSpaces(text, q);
        if (readDash(text, q)) {
            skipSpaces(text, q);
            if (q < text.size() && text[q] == 'P')
                ++q;
            if (!readNumber(text, q, last))
                break;
            p = q;
        }
        out.push_back({first, last, open});
        skipSpaces(text, p);
        if (p < text.size() && text[p] == ']')
            return p + 1;
        if (p < text.size() && (text[p] == ',' || text[p] == ';')) {
            ++p;
            continue;
        }
        break;
    }
    out.resize(mark);
    return npos;
}

std::vector<CitationRange> citationRanges(std::string_view text) {
    std::vector<CitationRange> out;
    std::size_t p = 0;
    while ((p = text.find("[P", p)) != npos) {
        const std::size_t end = parseBracket(text, p, out);
        p = end == npos ? p + 1 : end;
    }
    return out;
}

// Ranges wider than this are taken as their two ends (a typo must not allocate millions).
constexpr int kMaxRange = 1000;

template <typename Visit> void forEachCited(const CitationRange& r, Visit&& visit) {
    const int step = r.first <= r.last ? 1 : -1;
    const int width = (r.last - r.first) * step;
    if (width > kMaxRange) {
        visit(r.first);
        visit(r.last);
        return;
    }
    for (int n = r.first;; n += step) {
        visit(n);
        if (n == r.last)
            break;
    }
}

std::string quoted(std::string_view s) {
    constexpr std::size_t kMax = 60;
    std::string out = "\"";
    if (s.size() <= kMax) {
        out += s;
    } else {
        std::size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        out += s.substr(0, cut);
        out += "...";
    }
    return out + "\"";
}

// A line break as Python's str.splitlines() sees one.
bool hasLineBreak(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E))
            return true;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85)
            return true;
        if (c == 0xE2 && s.substr(i, 3) == "\xE2\x80\xA8")
            return true;
        if (c == 0xE2 && s.substr(i, 3) == "\xE2\x80\xA9")
            return true;
    }
    return false;
}

std::size_t wordCount(std::string_view s) {
    std::size_t n = 0;
    text::pySplit(s, [&](std::string_view) { ++n; });
    return n;
}

std::string formatProblem(const AnswerFormat& format, std::string_view rawAnswer) {
    const std::string_view s = text::pyStrip(rawAnswer);
    switch (format.kind) {
    case AnswerKind::Label:
    case AnswerKind::Rating:
        if (s.empty())
            return "the answer is empty";
        return quoted(s) + " is not one of the " + std::to_string(format.labels.size()) +
               " allowed answers";
    case AnswerKind::Text:
        if (s.empty())
            return "the answer is empty";
        if (hasLineBreak(s))
            return "the answer has more than one line: " + quoted(s);
        return "the answer has " + std::to_string(wordCount(s)) + " words, at most " +
               std::to_string(format.maxWords) + " allowed";
    case AnswerKind::Invalid:
        break;
    }
    return "the template has no answer format";
}

} // namespace

int approxTokens(std::string_view text) {
    return llm::estimateTokens(text);
}

std::optional<RpiViolation> checkStreaming(const HrtTemplate& t, StageId stage,
                                           std::string_view textSoFar, int tokens) {
    const HrtLevel* level = t.level(stage);
    if (!level)
        return std::nullopt;
    if (auto v = otherMarkerViolation(t, level, textSoFar))
        return v;
    return budgetViolation(level, tokens);
}

std::vector<RpiViolation> checkStageEndAll(const HrtTemplate& t, StageId stage,
                                           std::string_view stageText, int tokens,
                                           std::size_t itemCount, std::string_view reasoning) {
    std::vector<RpiViolation> out;
    const HrtLevel* level = t.level(stage);
    if (!level)
        return out;

    // MarkerOrder: opens with its marker, no other level's marker (in the reasoning either),
    // a body.
    const std::string_view stripped = text::pyStrip(stageText);
    const std::string body = stageBody(t, stage, stageText);
    if (stripped.substr(0, level->marker.size()) != level->marker)
        out.push_back({RpiRule::MarkerOrder,
                       stripped.empty()
                           ? "\"" + level->title + "\" is empty"
                           : "\"" + level->title + "\" does not start with its marker \"" +
                                 level->marker + "\"",
                       npos});
    else if (auto v = otherMarkerViolation(t, level, stageText))
        out.push_back(std::move(*v));
    else if (auto r = otherMarkerViolation(t, level, reasoning)) {
        r->evidence += " (in the reasoning)";
        r->at = npos;
        out.push_back(std::move(*r));
    } else if (body.empty())
        out.push_back({RpiRule::MarkerOrder,
                       "\"" + level->title + "\" has nothing after its marker line", npos});

    if (auto v = budgetViolation(level, tokens))
        out.push_back(std::move(*v));

    if (level->requiresCitations && itemCount > 0) {
        // Citations count in the reasoning too: a model may ground its facts while thinking.
        std::vector<CitationRange> ranges = citationRanges(stageText);
        const auto thought = citationRanges(reasoning);
        if (ranges.empty() && thought.empty())
            out.push_back({RpiRule::Citations,
                           "no [P#] citation in \"" + level->title + "\" (" +
                               std::to_string(tokens) + " tokens, " + std::to_string(itemCount) +
                               " items retrieved)",
                           npos});
        const std::size_t inText = ranges.size();
        ranges.insert(ranges.end(), thought.begin(), thought.end());
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            const auto& r = ranges[i];
            std::optional<int> bad;
            forEachCited(r, [&](int n) {
                if (!bad && (n < 1 || static_cast<std::size_t>(n) > itemCount))
                    bad = n;
            });
            if (bad) {
                out.push_back({RpiRule::Citations,
                               "cites [P" + std::to_string(*bad) + "] but only " +
                                   std::to_string(itemCount) +
                                   (itemCount == 1 ? " item was" : " items were") + " retrieved" +
                                   (i >= inText ? " (in the reasoning)" : ""),
                               i < inText ? r.at : npos});
                break;
            }
        }
    }

    if (stage == StageId::Answer && !answerInFormat(t.answer, body))
        out.push_back({RpiRule::AnswerFormat, formatProblem(t.answer, body), npos});

    if (auto v = checkRepetition(stageText))
        out.push_back(std::move(*v));
    else if (auto r = checkRepetition(reasoning)) {
        r->evidence += " (in the reasoning)";
        r->at = npos;
        out.push_back(std::move(*r));
    }

    if (!level->stepMarkers.empty()) {
        const auto covered = coveredSteps(t, stage, stageText, reasoning);
        if (covered.size() < level->stepMarkers.size()) {
            std::string missing;
            for (std::size_t s = 0; s < level->stepMarkers.size(); ++s)
                if (!std::binary_search(covered.begin(), covered.end(), static_cast<int>(s + 1)))
                    missing += (missing.empty() ? "" : ", ") + level->stepMarkers[s];
            out.push_back({RpiRule::StepCoverage,
                           "\"" + level->title + "\" covers " + std::to_string(covered.size()) +
                               " of " + std::to_string(level->stepMarkers.size()) +
                               " sub-steps; no line opens with " + missing,
                           npos});
        }
    }
    return out;
}

std::vector<int> coveredSteps(const HrtTemplate& t, StageId stage, std::string_view stageText,
                              std::string_view reasoning) {
    std::vector<int> out;
    const HrtLevel* level = t.level(stage);
    if (!level)
        return out;
    for (std::size_t s = 0; s < level->stepMarkers.size(); ++s)
        if (findMarkerLine(stageText, level->stepMarkers[s]) != npos ||
            findMarkerLine(reasoning, level->stepMarkers[s]) != npos)
            out.push_back(static_cast<int>(s + 1));
    return out;
}

std::optional<RpiViolation> checkStageEnd(const HrtTemplate& t, StageId stage,
                                          std::string_view stageText, int tokens,
                                          std::size_t itemCount) {
    auto all = checkStageEndAll(t, stage, stageText, tokens, itemCount, {});
    if (all.empty())
        return std::nullopt;
    return std::move(all.front());
}

std::optional<RpiViolation> checkRepetition(std::string_view text) {
    // Word spans as views into `text`; an n-gram is keyed by the bytes from its first word's
    // start to its last word's end, whitespace normalised by comparing word by word.
    struct Word {
        std::size_t at, len;
    };
    std::vector<Word> words;
    for (std::size_t p = 0; p < text.size();) {
        while (p < text.size() &&
               (text[p] == ' ' || text[p] == '\n' || text[p] == '\t' || text[p] == '\r'))
            ++p;
        const std::size_t start = p;
        while (p < text.size() && text[p] != ' ' && text[p] != '\n' && text[p] != '\t' &&
               text[p] != '\r')
            ++p;
        if (p > start)
            words.push_back({start, p - start});
    }
    if (words.size() < kRepetitionNgram * (kRepetitionMaxRepeats + 1))
        return std::nullopt;
    auto key = [&](std::size_t i) {
        std::string k;
        for (std::size_t w = i; w < i + kRepetitionNgram; ++w) {
            k.append(text.substr(words[w].at, words[w].len));
            k += ' ';
        }
        return k;
    };
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> seen; // count, last
    for (std::size_t i = 0; i + kRepetitionNgram <= words.size(); ++i) {
        auto& [count, last] = seen[key(i)];
        // Overlapping occurrences ("a a a a ...") count once per n-gram length.
        if (count > 0 && i < last + kRepetitionNgram)
            continue;
        ++count;
        last = i;
        if (count > kRepetitionMaxRepeats) {
            std::string span = key(i);
            span.pop_back();
            return RpiViolation{RpiRule::Repetition,
                                quoted(span) + " repeated " + std::to_string(count) + " times",
                                words[i].at};
        }
    }
    return std::nullopt;
}

std::vector<std::pair<RpiRule, RuleOutcome>>
ruleOutcomes(const HrtTemplate& t, StageId stage, const std::vector<RpiViolation>& violations,
             std::size_t itemCount, bool markerWrittenByEngine) {
    std::vector<std::pair<RpiRule, RuleOutcome>> out;
    const HrtLevel* level = t.level(stage);
    if (!level)
        return out;
    auto violated = [&](RpiRule rule) {
        return std::any_of(violations.begin(), violations.end(),
                           [&](const RpiViolation& v) { return v.rule == rule; });
    };
    auto add = [&](RpiRule rule, bool applies) {
        out.emplace_back(rule, violated(rule) ? RuleOutcome::Violated
                               : applies      ? RuleOutcome::Complied
                                              : RuleOutcome::NotApplicable);
    };
    add(RpiRule::MarkerOrder, !markerWrittenByEngine);
    add(RpiRule::TokenBudget, true);
    add(RpiRule::Citations, level->requiresCitations && itemCount > 0);
    add(RpiRule::AnswerFormat, stage == StageId::Answer);
    add(RpiRule::Repetition, true);
    if (!level->stepMarkers.empty()) // only a template that marks sub-steps asks for them
        add(RpiRule::StepCoverage, true);
    return out;
}

std::size_t findMarkerLine(std::string_view text, std::string_view marker) {
    if (marker.empty())
        return npos;
    std::size_t lineStart = 0;
    while (lineStart <= text.size()) {
        std::size_t p = lineStart;
        while (p < text.size() && isBlank(text[p]))
            ++p;
        if (text.size() - p >= marker.size() && text.compare(p, marker.size(), marker) == 0)
            return p;
        const auto nl = text.find('\n', p);
        if (nl == npos)
            break;
        lineStart = nl + 1;
    }
    return npos;
}

std::string stageBody(const HrtTemplate& t, StageId stage, std::string_view stageText) {
    const HrtLevel* level = t.level(stage);
    const std::size_t at = level ? findMarkerLine(stageText, level->marker) : npos;
    if (at == npos)
        return std::string(text::pyStrip(stageText));
    const auto nl = stageText.find('\n', at);
    if (nl == npos)
        return {};
    return std::string(text::pyStrip(stageText.substr(nl + 1)));
}

std::vector<int> citedItems(std::string_view text) {
    std::vector<int> out;
    for (const auto& r : citationRanges(text))
        forEachCited(r, [&](int n) {
            if (std::find(out.begin(), out.end(), n) == out.end())
                out.push_back(n);
        });
    return out;
}

bool answerInFormat(const AnswerFormat& format, std::string_view rawAnswer) {
    const std::string_view s = text::pyStrip(rawAnswer);
    switch (format.kind) {
    case AnswerKind::Label:
    case AnswerKind::Rating:
        return std::find(format.labels.begin(), format.labels.end(), s) != format.labels.end();
    case AnswerKind::Text:
        return !s.empty() && !hasLineBreak(s) &&
               (format.maxWords == 0 || wordCount(s) <= format.maxWords);
    case AnswerKind::Invalid:
        break;
    }
    return false;
}

} // namespace r2p::engine
