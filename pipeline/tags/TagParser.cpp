#include "TagParser.h"

#include <algorithm>
#include <cstring>
#include <map>

namespace r2p::tags {

namespace {

constexpr std::size_t kMaxName = 64;
constexpr std::size_t kNpos = static_cast<std::size_t>(-1);

bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isNameChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

enum class Probe { Tag, NotTag, Incomplete };
struct ProbeResult {
    Probe kind = Probe::NotTag;
    std::size_t end = 0; // after '>'
    bool close = false;
    std::size_t nameAt = 0;
    std::size_t nameSize = 0;
};

// Whether markup starts at s[i] == '<'.
ProbeResult probe(std::string_view s, std::size_t i) {
    ProbeResult r;
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '/') {
        r.close = true;
        ++j;
    }
    r.nameAt = j;
    if (j >= s.size())
        return {Probe::Incomplete};
    if (!isLetter(s[j]))
        return {Probe::NotTag};
    while (j < s.size() && isNameChar(s[j]) && j - r.nameAt < kMaxName)
        ++j;
    if (j >= s.size())
        return {Probe::Incomplete};
    if (s[j] != '>')
        return {Probe::NotTag};
    r.nameSize = j - r.nameAt;
    r.end = j + 1;
    r.kind = Probe::Tag;
    return r;
}

} // namespace

std::string_view tagSourceName(TagSource source) {
    switch (source) {
    case TagSource::Model:
        return "model";
    case TagSource::Auto:
        return "auto";
    case TagSource::Human:
        return "human";
    case TagSource::Invalid:
        break;
    }
    return "";
}

std::optional<TagSource> parseTagSource(std::string_view name) {
    for (TagSource s : {TagSource::Model, TagSource::Auto, TagSource::Human})
        if (tagSourceName(s) == name)
            return s;
    return std::nullopt;
}

std::string_view tagProblemName(TagProblemKind kind) {
    switch (kind) {
    case TagProblemKind::UnknownTag:
        return "unknown-tag";
    case TagProblemKind::Unclosed:
        return "unclosed";
    case TagProblemKind::StrayClose:
        return "stray-close";
    case TagProblemKind::Interleaved:
        return "interleaved";
    case TagProblemKind::Invalid:
        break;
    }
    return "";
}

std::string chainText(std::string_view reasoning, std::string_view content) {
    std::string out;
    out.reserve(reasoning.size() + content.size());
    out.append(reasoning);
    out.append(content);
    return out;
}

TagParser::TagParser(const TagSet& set) : set_(set) {}

void TagParser::scan(FieldState& f, std::string_view text, std::size_t base) {
    std::size_t i = 0;
    while (i < text.size()) {
        const void* hit = std::memchr(text.data() + i, '<', text.size() - i);
        if (!hit)
            return;
        const std::size_t p = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
        const ProbeResult r = probe(text, p);
        if (r.kind == Probe::Incomplete) {
            f.pending.assign(text.substr(p));
            f.pendingAt = base + p;
            return;
        }
        if (r.kind == Probe::NotTag) {
            i = p + 1;
            continue;
        }
        Markup m;
        m.at = base + p;
        m.end = base + r.end;
        m.close = r.close;
        m.name.assign(text.substr(r.nameAt, r.nameSize));
        m.known = set_.find(m.name) != nullptr;
        f.markup.push_back(std::move(m));
        i = r.end;
    }
}

void TagParser::feed(ChainField field, std::string_view chunk) {
    if (finished_ || chunk.empty() || field == ChainField::Invalid)
        return;
    FieldState& f = field == ChainField::Reasoning ? reasoning_ : content_;
    const std::size_t base = f.fed;
    f.fed += chunk.size();
    std::size_t from = 0;
    if (!f.pending.empty()) {
        // Finish the tag begun in an earlier chunk: it is at most 67 bytes long.
        std::string joined = f.pending;
        joined.append(chunk.substr(0, kMaxName + 4));
        const ProbeResult r = probe(joined, 0);
        if (r.kind == Probe::Incomplete) {
            f.pending = std::move(joined); // the chunk was short: all of it is still the tag
            return;
        }
        const std::size_t pendingSize = f.pending.size();
        const std::size_t pendingAt = f.pendingAt;
        f.pending.clear();
        if (r.kind == Probe::Tag) {
            Markup m;
            m.at = pendingAt;
            m.end = pendingAt + r.end;
            m.close = r.close;
            m.name = joined.substr(r.nameAt, r.nameSize);
            m.known = set_.find(m.name) != nullptr;
            f.markup.push_back(std::move(m));
            from = r.end - pendingSize;
        }
    }
    scan(f, chunk.substr(from), base + from);
}

ParsedChain TagParser::build(bool complete) const {
    ParsedChain out;
    out.reasoningBytes = reasoning_.fed;
    out.contentBytes = content_.fed;
    out.complete = complete;
    const std::size_t total = reasoning_.fed + content_.fed;

    // Both fields' markup in chain order; unknown names are problems and otherwise text.
    std::vector<Markup> known;
    known.reserve(reasoning_.markup.size() + content_.markup.size());
    for (const FieldState* f : {&reasoning_, &content_}) {
        const std::size_t shift = f == &content_ ? reasoning_.fed : 0;
        for (const Markup& m : f->markup) {
            if (!m.known) {
                out.problems.push_back({TagProblemKind::UnknownTag, m.at + shift, m.end + shift,
                                        m.name, kNpos,
                                        "<" + std::string(m.close ? "/" : "") + m.name +
                                            "> is not a tag of \"" + set_.id + "\""});
                continue;
            }
            known.push_back(m);
            known.back().at += shift;
            known.back().end += shift;
        }
    }

    // Each close pairs with the latest open of its name.
    std::map<std::string, std::vector<std::size_t>, std::less<>> open;
    std::vector<std::size_t> closer(known.size(), kNpos);
    for (std::size_t i = 0; i < known.size(); ++i) {
        const Markup& m = known[i];
        auto& stack = open[m.name];
        if (!m.close) {
            stack.push_back(i);
        } else if (!stack.empty()) {
            closer[stack.back()] = i;
            stack.pop_back();
        } else {
            out.problems.push_back(
                {TagProblemKind::StrayClose, m.at, m.end, m.name, kNpos,
                 "</" + m.name + "> closes nothing: no <" + m.name + "> is open"});
        }
    }
    for (std::size_t i = 0; i < known.size(); ++i) {
        const Markup& m = known[i];
        if (m.close)
            continue;
        TagSpan s;
        s.tag = m.name;
        s.source = TagSource::Model;
        s.outerStart = m.at;
        s.start = m.end;
        if (closer[i] != kNpos) {
            s.end = known[closer[i]].at;
            s.outerEnd = known[closer[i]].end;
        } else {
            s.closed = false;
            s.end = i + 1 < known.size() ? known[i + 1].at : total;
            s.outerEnd = s.end;
        }
        out.spans.push_back(std::move(s));
    }
    // Opens are visited in order, so the spans are already in order of outerStart.
    for (std::size_t i = 0; i < out.spans.size(); ++i)
        if (complete && !out.spans[i].closed)
            out.problems.push_back({TagProblemKind::Unclosed, out.spans[i].outerStart,
                                    out.spans[i].outerEnd, out.spans[i].tag, i,
                                    "<" + out.spans[i].tag + "> is never closed"});

    // A span starting inside the innermost one still open and ending after it crosses it.
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < out.spans.size(); ++i) {
        const TagSpan& s = out.spans[i];
        while (!stack.empty() && out.spans[stack.back()].outerEnd <= s.outerStart)
            stack.pop_back();
        if (!stack.empty() && s.outerEnd > out.spans[stack.back()].outerEnd)
            out.problems.push_back({TagProblemKind::Interleaved, s.outerStart, s.outerEnd, s.tag, i,
                                    "<" + s.tag + "> starts inside <" +
                                        out.spans[stack.back()].tag + "> and ends after it"});
        stack.push_back(i);
    }
    std::stable_sort(out.problems.begin(), out.problems.end(),
                     [](const TagProblem& a, const TagProblem& b) { return a.at < b.at; });
    return out;
}

ParsedChain TagParser::snapshot() const {
    return build(false);
}

ParsedChain TagParser::finish() {
    finished_ = true;
    reasoning_.pending.clear();
    content_.pending.clear();
    return build(true);
}

ParsedChain parseTags(const TagSet& set, std::string_view reasoning, std::string_view content) {
    TagParser parser(set);
    parser.feed(ChainField::Reasoning, reasoning);
    parser.feed(ChainField::Content, content);
    return parser.finish();
}

} // namespace r2p::tags
