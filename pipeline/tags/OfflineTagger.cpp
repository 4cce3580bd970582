#include "OfflineTagger.h"

#include "pipeline/engine/Rpi.h"

#include <string>

namespace r2p::tags {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// [begin, end) of `text` without whitespace at either end.
std::pair<std::size_t, std::size_t> trim(std::string_view text, std::size_t begin,
                                         std::size_t end) {
    while (begin < end && isSpace(text[begin]))
        ++begin;
    while (end > begin && isSpace(text[end - 1]))
        --end;
    return {begin, end};
}

TagSpan autoSpan(std::size_t start, std::size_t end, const std::string& tag, double confidence) {
    TagSpan s;
    s.start = s.outerStart = start;
    s.end = s.outerEnd = end;
    s.tag = tag;
    s.source = TagSource::Auto;
    s.annotator = std::string(kOfflineTaggerName);
    s.confidence = confidence;
    return s;
}

// Sentences of `text`, trimmed, empty ones left out.
std::vector<std::pair<std::size_t, std::size_t>> sentences(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t begin = 0;
    auto cut = [&](std::size_t end) {
        const auto r = trim(text, begin, end);
        if (r.first < r.second)
            out.push_back(r);
        begin = end;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n')
            cut(i + 1);
        else if ((c == '.' || c == '!' || c == '?') &&
                 (i + 1 == text.size() || isSpace(text[i + 1])))
            cut(i + 1);
    }
    cut(text.size());
    return out;
}

// How many times cues of `tag` occur in `lowered` at a word start.
int cueHits(const std::vector<std::string>& cues, std::string_view lowered) {
    int hits = 0;
    for (const std::string& cue : cues) {
        if (cue.empty())
            continue;
        const bool wordStart = isAlnum(cue.front());
        std::size_t p = 0;
        while ((p = lowered.find(cue, p)) != std::string_view::npos) {
            if (!wordStart || p == 0 || !isAlnum(lowered[p - 1]))
                ++hits;
            p += 1;
        }
    }
    return hits;
}

} // namespace

std::vector<TagSpan> tagHrtLevel(const TagSet& set, const engine::HrtTemplate& hrt, StageId stage,
                                 std::string_view stageText) {
    const TagDef* tag = set.forHrtLevel(stage);
    const engine::HrtLevel* level = hrt.level(stage);
    if (!tag || !level)
        return {};
    std::size_t begin = 0;
    const std::size_t at = engine::findMarkerLine(stageText, level->marker);
    if (at != std::string_view::npos) {
        const std::size_t nl = stageText.find('\n', at);
        begin = nl == std::string_view::npos ? stageText.size() : nl + 1;
    }
    const auto [start, end] = trim(stageText, begin, stageText.size());
    if (start >= end)
        return {};
    return {autoSpan(start, end, tag->id, 1.0)};
}

std::vector<TagSpan> tagFreeReasoning(const TagSet& set, std::string_view reasoning,
                                      std::string_view content) {
    std::vector<std::vector<std::string>> cues(set.tags.size());
    for (std::size_t t = 0; t < set.tags.size(); ++t)
        for (const std::string& cue : set.tags[t].cues) {
            std::string l;
            for (char c : cue)
                l += lower(c);
            cues[t].push_back(std::move(l));
        }

    struct Sentence {
        std::size_t start = 0, end = 0;
        std::size_t tag = static_cast<std::size_t>(-1); // index into set.tags; npos: no cue
    };
    std::vector<Sentence> list;
    std::string lowered;
    for (const auto& [start, end] : sentences(reasoning)) {
        lowered.clear();
        for (std::size_t i = start; i < end; ++i)
            lowered += lower(reasoning[i]);
        Sentence s{start, end};
        int best = 0;
        for (std::size_t t = 0; t < set.tags.size(); ++t) {
            const int hits = cueHits(cues[t], lowered);
            if (hits > best) {
                best = hits;
                s.tag = t;
            }
        }
        list.push_back(s);
    }

    // Runs of one tag; sentences without a cue join the run before (or, leading, the one after).
    struct Run {
        std::size_t start = 0, end = 0, tag = 0;
        int sentences = 0, cued = 0;
    };
    std::vector<Run> runs;
    std::size_t leadingStart = static_cast<std::size_t>(-1);
    int leading = 0;
    for (const Sentence& s : list) {
        if (s.tag == static_cast<std::size_t>(-1)) {
            if (runs.empty()) {
                if (leading++ == 0)
                    leadingStart = s.start;
            } else {
                runs.back().end = s.end;
                ++runs.back().sentences;
            }
            continue;
        }
        if (!runs.empty() && runs.back().tag == s.tag) {
            runs.back().end = s.end;
            ++runs.back().sentences;
            ++runs.back().cued;
            continue;
        }
        Run r{s.start, s.end, s.tag, 1, 1};
        if (runs.empty() && leading > 0) {
            r.start = leadingStart;
            r.sentences += leading;
        }
        runs.push_back(r);
    }

    std::vector<TagSpan> out;
    for (const Run& r : runs)
        out.push_back(autoSpan(r.start, r.end, set.tags[r.tag].id,
                               static_cast<double>(r.cued) / static_cast<double>(r.sentences)));
    const auto [start, end] = trim(content, 0, content.size());
    if (start < end)
        out.push_back(
            autoSpan(reasoning.size() + start, reasoning.size() + end, set.answerTag, 1.0));
    return out;
}

} // namespace r2p::tags
