// Reads the XML-like <tag>…</tag> segments that tag-trained models write inline, in the answer
// text (content) or in the reasoning field, whole or streamed in chunks split at any byte. A
// chain with unknown, unclosed, stray or interleaved tags is kept as the model wrote it: every
// span it can read plus the problems, never an error and never a dropped chain.
#pragma once

#include "TagSet.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::tags {

enum class TagSource {
    Invalid = 0,
    Model, // written inline by the model
    Auto,  // by a tagger (the offline rule-based one, or a tagger model)
    Human, // set or corrected by an annotator
};
// "model", "auto", "human"
std::string_view tagSourceName(TagSource source);
std::optional<TagSource> parseTagSource(std::string_view name);

// Where a chain's text comes from. A step's chain is its reasoning followed by its content
// (chainText); offsets are bytes into that text.
enum class ChainField {
    Invalid = 0,
    Reasoning,
    Content,
};

// One tagged segment. [start, end) is its content; [outerStart, outerEnd) also covers the tag
// markup around it (the same range for spans without markup).
struct TagSpan {
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t outerStart = 0;
    std::size_t outerEnd = 0;
    std::string tag;
    TagSource source = TagSource::Invalid;
    std::string annotator;   // "" for the model; the tagger's or annotator's name otherwise
    double confidence = 1.0; // 1 for the model's own tags and for people
    bool closed = true;      // false: the model never closed it (see TagParser)

    bool operator==(const TagSpan&) const = default;
};

enum class TagProblemKind {
    Invalid = 0,
    UnknownTag,  // <name> or </name> that is not a tag of the set (left as text)
    Unclosed,    // an opened tag never closed
    StrayClose,  // </name> with no such tag open
    Interleaved, // a span that starts inside another and ends after it
};
// "unknown-tag", "unclosed", "stray-close", "interleaved"
std::string_view tagProblemName(TagProblemKind kind);

struct TagProblem {
    TagProblemKind kind = TagProblemKind::Invalid;
    std::size_t at = 0;  // the markup's first byte (for spans: the span's outerStart)
    std::size_t end = 0; // after its last byte (for spans: the span's outerEnd)
    std::string tag;     // the name as written (clipped to 64 bytes)
    std::size_t span = static_cast<std::size_t>(-1); // index in ParsedChain::spans, or npos
    std::string detail;

    bool operator==(const TagProblem&) const = default;
};

struct ParsedChain {
    std::vector<TagSpan> spans;       // in order of outerStart
    std::vector<TagProblem> problems; // in order of `at`
    std::size_t reasoningBytes = 0;   // the chain is reasoning [0, reasoningBytes) + content
    std::size_t contentBytes = 0;
    bool complete = false; // false for a snapshot of a stream still going: open spans are
                           // provisional (closed = false) and not yet problems

    ChainField field(std::size_t offset) const {
        return offset < reasoningBytes ? ChainField::Reasoning : ChainField::Content;
    }
    bool operator==(const ParsedChain&) const = default;
};

// The text the offsets of a step's chain refer to: reasoning then content, nothing between.
std::string chainText(std::string_view reasoning, std::string_view content);

// Streaming parser. Feed each field's chunks as they arrive (the two fields may interleave);
// snapshot() any time; finish() once. Markup is `<id>` and `</id>`: ASCII letters, digits, '_'
// and '-', starting with a letter, at most 64 of them, no spaces or attributes, case as written
// (a name not in the set is an unknown tag). A tag split across chunks is read whole; one split
// across the two fields is not a tag. Spans pair each close with the latest open of the same
// name; an open never closed ends where the next known markup begins (or at the end of the
// chain); a close with nothing to close is stray; a span that starts inside another and ends
// after it is interleaved. Memory beyond the spans is at most one unfinished tag per field.
class TagParser {
public:
    explicit TagParser(const TagSet& set);

    void feed(ChainField field, std::string_view chunk);
    ParsedChain snapshot() const;
    ParsedChain finish();

private:
    struct Markup {
        std::size_t at = 0; // in its field
        std::size_t end = 0;
        bool close = false;
        bool known = false;
        std::string name;
    };
    struct FieldState {
        std::size_t fed = 0; // bytes fed
        std::string pending; // an unfinished "<..." at the end of what was fed
        std::size_t pendingAt = 0;
        std::vector<Markup> markup;
    };
    void scan(FieldState& f, std::string_view text, std::size_t base);
    ParsedChain build(bool complete) const;

    const TagSet& set_;
    FieldState reasoning_, content_;
    bool finished_ = false;
};

// One chain at once: parse(reasoning, content) == feed both and finish.
ParsedChain parseTags(const TagSet& set, std::string_view reasoning, std::string_view content);

} // namespace r2p::tags
