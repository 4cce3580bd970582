// The tag parser: spans and problems on hand-made chains with hand-counted offsets, both fields,
// every way of cutting a stream into chunks, and input that is not a tagged chain at all.
#include "pipeline/tags/TagParser.h"

#include <cstdint>
#include <gtest/gtest.h>
#include <tuple>

using namespace r2p;
using namespace r2p::tags;

namespace {

const TagSet& miniSet() {
    static const TagSet set = [] {
        auto r = parseTagSet(R"({"id": "mini", "version": 1, "name": "Mini", "answer_tag": "answer",
          "weights": {"well-formed": 1, "required": 1, "transition": 1, "occurrences": 1,
                      "length": 1, "answer-format": 1, "citations": 1, "repetition": 1},
          "tags": [{"id": "think", "name": "Think", "colour": "#112233"},
                   {"id": "answer", "name": "Answer", "colour": "#445566"}]})",
                             "mini");
        EXPECT_TRUE(r.ok()) << r.error().message;
        return r ? *r : TagSet{};
    }();
    return set;
}

ParsedChain content(std::string_view text) {
    return parseTags(miniSet(), "", text);
}

TagSpan span(std::size_t start, std::size_t end, std::size_t outerStart, std::size_t outerEnd,
             const std::string& tag, bool closed = true) {
    TagSpan s;
    s.start = start;
    s.end = end;
    s.outerStart = outerStart;
    s.outerEnd = outerEnd;
    s.tag = tag;
    s.source = TagSource::Model;
    s.closed = closed;
    return s;
}

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Feeds `text` cut at `cuts` (ascending positions) into `field` of a fresh parser.
ParsedChain chunked(std::string_view reasoning, std::string_view text,
                    const std::vector<std::size_t>& cuts, ChainField field) {
    TagParser p(miniSet());
    if (field == ChainField::Content && !reasoning.empty())
        p.feed(ChainField::Reasoning, reasoning);
    std::size_t from = 0;
    for (std::size_t c : cuts) {
        p.feed(field, text.substr(from, c - from));
        from = c;
    }
    p.feed(field, text.substr(from));
    return p.finish();
}

} // namespace

TEST(TagParser, WellFormedChain) {
    // <think> 0-7, "ab" 7-9, </think> 9-17, <answer> 17-25, "3" 25-26, </answer> 26-35
    const ParsedChain c = content("<think>ab</think><answer>3</answer>");
    EXPECT_TRUE(c.complete);
    EXPECT_TRUE(c.problems.empty());
    ASSERT_EQ(c.spans.size(), 2u);
    EXPECT_EQ(c.spans[0], span(7, 9, 0, 17, "think"));
    EXPECT_EQ(c.spans[1], span(25, 26, 17, 35, "answer"));
    EXPECT_EQ(c.contentBytes, 35u);
    EXPECT_EQ(c.reasoningBytes, 0u);
}

TEST(TagParser, ProblemsAreReportedAndTheChainKept) {
    // Interleaved: <think> 0-7, "a", <answer> 8-16, "b", </think> 17-25, "c", </answer> 26-35.
    ParsedChain c = content("<think>a<answer>b</think>c</answer>");
    ASSERT_EQ(c.spans.size(), 2u);
    EXPECT_EQ(c.spans[0], span(7, 17, 0, 25, "think"));
    EXPECT_EQ(c.spans[1], span(16, 26, 8, 35, "answer"));
    ASSERT_EQ(c.problems.size(), 1u);
    EXPECT_EQ(c.problems[0].kind, TagProblemKind::Interleaved);
    EXPECT_EQ(c.problems[0].at, 8u);
    EXPECT_EQ(c.problems[0].end, 35u);
    EXPECT_EQ(c.problems[0].span, 1u);

    // Unclosed: <think> 0-7 "ab" then <answer> 9-17 "3" </answer> 18-27: think ends at 9.
    c = content("<think>ab<answer>3</answer>");
    ASSERT_EQ(c.spans.size(), 2u);
    EXPECT_EQ(c.spans[0], span(7, 9, 0, 9, "think", false));
    EXPECT_EQ(c.spans[1], span(17, 18, 9, 27, "answer"));
    ASSERT_EQ(c.problems.size(), 1u);
    EXPECT_EQ(c.problems[0].kind, TagProblemKind::Unclosed);
    EXPECT_EQ(c.problems[0].span, 0u);
    EXPECT_EQ(tagProblemName(c.problems[0].kind), "unclosed");

    // An unclosed tag at the end runs to the end of the chain.
    c = content("<answer>3");
    ASSERT_EQ(c.spans.size(), 1u);
    EXPECT_EQ(c.spans[0], span(8, 9, 0, 9, "answer", false));

    // Stray close and unknown names; unknown markup is text, not a span.
    c = content("ab</answer><foo>x</foo><Answer>");
    EXPECT_TRUE(c.spans.empty());
    ASSERT_EQ(c.problems.size(), 4u);
    EXPECT_EQ(c.problems[0].kind, TagProblemKind::StrayClose);
    EXPECT_EQ(c.problems[0].at, 2u);
    EXPECT_EQ(c.problems[0].end, 11u);
    EXPECT_EQ(c.problems[1].kind, TagProblemKind::UnknownTag);
    EXPECT_EQ(c.problems[1].at, 11u);
    EXPECT_EQ(c.problems[1].tag, "foo");
    EXPECT_EQ(c.problems[2].at, 17u);
    EXPECT_EQ(c.problems[3].tag, "Answer"); // names are case-sensitive
    for (const auto& p : c.problems)
        EXPECT_EQ(p.span, npos);

    // Nested spans parse (whether nesting is allowed is a constraint, not the parser's call).
    c = content("<think>a<answer>b</answer>c</think>");
    ASSERT_EQ(c.spans.size(), 2u);
    EXPECT_TRUE(c.problems.empty());
    EXPECT_EQ(c.spans[1], span(16, 17, 8, 26, "answer"));
    // The same tag nested in itself pairs inner-first.
    c = content("<think><think>x</think></think>");
    ASSERT_EQ(c.spans.size(), 2u);
    EXPECT_EQ(c.spans[0], span(7, 23, 0, 31, "think"));
    EXPECT_EQ(c.spans[1], span(14, 15, 7, 23, "think"));
}

TEST(TagParser, WhatIsNotMarkup) {
    // Spaces, attributes, a digit first, an empty name, 65 name characters: all plain text.
    const std::string long65(65, 'a');
    const ParsedChain c =
        content("< think>x</ think><think a=1><1><>a<b c<" + long65 + ">" + "<" + long65);
    EXPECT_TRUE(c.spans.empty());
    EXPECT_TRUE(c.problems.empty());
    // 64 is still a name (an unknown one), and '_' and '-' are name characters.
    const ParsedChain d = content("<" + std::string(64, 'a') + "><a_b-1>");
    ASSERT_EQ(d.problems.size(), 2u);
    EXPECT_EQ(d.problems[0].tag.size(), 64u);
    EXPECT_EQ(d.problems[1].tag, "a_b-1");
}

TEST(TagParser, BothFieldsMakeOneChain) {
    // Reasoning "<think>ab</think>" (17 bytes), content "<answer>3</answer>": offsets go on.
    ParsedChain c = parseTags(miniSet(), "<think>ab</think>", "<answer>3</answer>");
    EXPECT_TRUE(c.problems.empty());
    ASSERT_EQ(c.spans.size(), 2u);
    EXPECT_EQ(c.spans[0], span(7, 9, 0, 17, "think"));
    EXPECT_EQ(c.spans[1], span(25, 26, 17, 35, "answer"));
    EXPECT_EQ(c.field(c.spans[0].start), ChainField::Reasoning);
    EXPECT_EQ(c.field(c.spans[1].start), ChainField::Content);
    EXPECT_EQ(chainText("<think>ab</think>", "<answer>3</answer>"),
              "<think>ab</think><answer>3</answer>");

    // A tag opened in the reasoning may close in the content.
    c = parseTags(miniSet(), "<answer>", "3</answer>");
    ASSERT_EQ(c.spans.size(), 1u);
    EXPECT_EQ(c.spans[0], span(8, 9, 0, 18, "answer"));
    // A tag cut between the two fields is two pieces of text, not a tag.
    c = parseTags(miniSet(), "<ans", "wer>3");
    EXPECT_TRUE(c.spans.empty());
    EXPECT_TRUE(c.problems.empty());
    // Only reasoning.
    c = parseTags(miniSet(), "<think>x</think>", "");
    ASSERT_EQ(c.spans.size(), 1u);
    EXPECT_EQ(c.reasoningBytes, 16u);
}

// Every chunking of short chains: a tag split at every byte, in any number of pieces.
TEST(TagParser, EveryChunkingOfAShortChainGivesTheSameChain) {
    // {text, spans, problems}: a closed tag; an unclosed one; a stray close and an unknown tag.
    const std::tuple<std::string, std::size_t, std::size_t> chains[] = {
        {"<think>a</think>", 1, 0}, {"x<answer>b<", 1, 1}, {"</answer><q>", 0, 2}};
    for (const auto& [text, spans, problems] : chains) {
        const ParsedChain whole = content(text);
        EXPECT_EQ(whole.spans.size(), spans) << text;
        EXPECT_EQ(whole.problems.size(), problems) << text;
        const std::size_t n = text.size();
        for (std::uint32_t mask = 0; mask < (1u << (n - 1)); ++mask) {
            std::vector<std::size_t> cuts;
            for (std::size_t i = 0; i + 1 < n; ++i)
                if (mask & (1u << i))
                    cuts.push_back(i + 1);
            for (ChainField field : {ChainField::Content, ChainField::Reasoning}) {
                const ParsedChain c = chunked("", text, cuts, field);
                ParsedChain expected = whole;
                if (field == ChainField::Reasoning)
                    std::swap(expected.reasoningBytes, expected.contentBytes);
                ASSERT_EQ(c, expected) << text << " mask " << mask;
            }
        }
    }
}

// Every cut into two and three pieces of a longer chain with every kind of problem, in the
// content after a reasoning field, and the two fields' chunks interleaved.
TEST(TagParser, EveryTwoAndThreeWayCutOfALongerChain) {
    const std::string reasoning = "<think>plan [P1] <b>bold</b></think>";
    const std::string text = "x<think>a<answer>b</think>c</answer></think><foo>y<answer>z <th";
    const ParsedChain whole = parseTags(miniSet(), reasoning, text);
    // <b> and </b> unknown, <answer> crossing </think>, the second </think> stray, <foo> unknown,
    // the last <answer> unclosed; "<th" at the very end is text.
    ASSERT_EQ(whole.problems.size(), 6u);
    const TagProblemKind kinds[] = {TagProblemKind::UnknownTag,  TagProblemKind::UnknownTag,
                                    TagProblemKind::Interleaved, TagProblemKind::StrayClose,
                                    TagProblemKind::UnknownTag,  TagProblemKind::Unclosed};
    for (std::size_t k = 0; k < 6; ++k)
        EXPECT_EQ(whole.problems[k].kind, kinds[k]) << k;
    EXPECT_EQ(whole.spans.size(), 4u);
    const std::size_t n = text.size();
    for (std::size_t i = 1; i < n; ++i) {
        ASSERT_EQ(chunked(reasoning, text, {i}, ChainField::Content), whole) << i;
        for (std::size_t j = i + 1; j < n; ++j)
            ASSERT_EQ(chunked(reasoning, text, {i, j}, ChainField::Content), whole) << i << j;
    }
    // Reasoning and content chunks alternating, three bytes at a time.
    TagParser p(miniSet());
    for (std::size_t at = 0; at < std::max(reasoning.size(), text.size()); at += 3) {
        if (at < reasoning.size())
            p.feed(ChainField::Reasoning, std::string_view(reasoning).substr(at, 3));
        if (at < text.size())
            p.feed(ChainField::Content, std::string_view(text).substr(at, 3));
    }
    EXPECT_EQ(p.finish(), whole);
}

TEST(TagParser, SnapshotsWhileStreaming) {
    TagParser p(miniSet());
    p.feed(ChainField::Content, "<think>ab");
    ParsedChain s = p.snapshot();
    EXPECT_FALSE(s.complete);
    ASSERT_EQ(s.spans.size(), 1u);
    EXPECT_EQ(s.spans[0], span(7, 9, 0, 9, "think", false)); // open, provisional
    EXPECT_TRUE(s.problems.empty());                         // not a problem yet
    p.feed(ChainField::Content, "</thi");
    s = p.snapshot();
    ASSERT_EQ(s.spans.size(), 1u);
    EXPECT_EQ(s.spans[0].end, 14u); // the unfinished "</thi" is text for now
    p.feed(ChainField::Content, "nk><answ");
    s = p.snapshot();
    ASSERT_EQ(s.spans.size(), 1u);
    EXPECT_TRUE(s.spans[0].closed);
    const ParsedChain done = p.finish();
    EXPECT_TRUE(done.complete);
    EXPECT_EQ(done.spans.size(), 1u);
    EXPECT_TRUE(done.problems.empty());      // "<answ" at the end is text
    p.feed(ChainField::Content, "<answer>"); // after finish: ignored
    EXPECT_EQ(p.snapshot().contentBytes, 22u);
}

// Bytes that are no tagged chain: never a crash, every span and problem inside the text.
TEST(TagParser, ArbitraryBytesStayInBounds) {
    std::uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<unsigned>(state >> 33);
    };
    const std::string pieces[] = {"<", ">", "</", "think", "answer", "a", "\xff", "\n", " "};
    for (int round = 0; round < 200; ++round) {
        std::string text;
        const unsigned len = next() % 400;
        for (unsigned i = 0; i < len; ++i)
            text += next() % 4 == 0 ? std::string(1, static_cast<char>(next() & 0xff))
                                    : pieces[next() % 9];
        const std::size_t cut = text.empty() ? 0 : next() % text.size();
        const ParsedChain c = parseTags(miniSet(), text.substr(0, cut), text.substr(cut));
        for (const auto& s : c.spans) {
            EXPECT_LE(s.outerStart, s.start);
            EXPECT_LE(s.start, s.end);
            EXPECT_LE(s.end, s.outerEnd);
            EXPECT_LE(s.outerEnd, text.size());
        }
        for (const auto& p : c.problems) {
            EXPECT_LE(p.at, p.end);
            EXPECT_LE(p.end, text.size());
            EXPECT_TRUE(p.span == npos || p.span < c.spans.size());
        }
    }
}
