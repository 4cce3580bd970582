// Tag constraints: each rule on hand-made chains that break it and nothing else, and the
// constraint score computed by hand. The weights are powers of two (1, 2, 4, ... 128; 255 in
// all), so each score says exactly which rules held.
#include "pipeline/tags/TagConstraints.h"

#include <gtest/gtest.h>

using namespace r2p;
using namespace r2p::tags;

namespace {

const char* kRulesSet = R"({"id": "rules", "version": 1, "name": "Rules", "answer_tag": "ans",
  "first": ["hist", "pref"],
  "weights": {"well-formed": 1, "required": 2, "transition": 4, "occurrences": 8,
              "length": 16, "answer-format": 32, "citations": 64, "repetition": 128},
  "tags": [
    {"id": "hist", "name": "History", "colour": "#000001", "cite": true,
     "next": ["pref", "hist", "ans", "note"], "min_tokens": 2, "max_tokens": 10,
     "max_occurrences": 2},
    {"id": "pref", "name": "Preference", "colour": "#000002", "required": true, "cite": true,
     "next": ["ans"]},
    {"id": "note", "name": "Note", "colour": "#000003", "min_occurrences": 2, "next": ["pref"]},
    {"id": "aside", "name": "Aside", "colour": "#000004"},
    {"id": "ans", "name": "Answer", "colour": "#000005", "required": true,
     "max_occurrences": 1, "next": []}]})";

TagSet rulesSet(bool nesting = false) {
    auto r = parseTagSet(kRulesSet, "rules");
    EXPECT_TRUE(r.ok()) << r.error().message;
    TagSet s = r ? *r : TagSet{};
    s.nesting = nesting;
    return s;
}

engine::AnswerFormat rating() {
    engine::AnswerFormat f;
    f.kind = engine::AnswerKind::Rating;
    f.labels = {"1", "2", "3", "4", "5"};
    f.description = "a digit from 1 to 5";
    return f;
}

const std::string kHist = "<hist>Item [P1] was great fun.</hist>"; // 24 bytes: 6 tokens
const std::string kPref = "<pref>Likes fun [P2].</pref>";
const std::string kAns = "<ans>4</ans>";

struct Checked {
    ParsedChain chain;
    ConstraintReport report;
};

Checked check(const std::string& text, const TagSet& set, std::size_t items = 3,
              bool withFormat = true) {
    static const engine::AnswerFormat format = rating();
    Checked c;
    c.chain = parseTags(set, "", text);
    c.report = checkTagConstraints(set, text, c.chain,
                                   ChainContext{withFormat ? &format : nullptr, items});
    return c;
}

Checked check(const std::string& text) {
    static const TagSet set = rulesSet();
    return check(text, set);
}

// The violations' rules, in report order.
std::vector<TagRule> rules(const Checked& c) {
    std::vector<TagRule> out;
    for (const auto& v : c.report.violations)
        out.push_back(v.rule);
    return out;
}

using R = TagRule;

} // namespace

TEST(TagConstraints, AWellKeptChainScoresOne) {
    const Checked c = check(kHist + "\n" + kPref + " " + kAns);
    EXPECT_TRUE(c.report.violations.empty());
    for (TagRule r : allTagRules()) {
        EXPECT_TRUE(c.report.applies(r));
        EXPECT_TRUE(c.report.holds(r));
    }
    EXPECT_DOUBLE_EQ(c.report.score, 1.0);
}

TEST(TagConstraints, WellFormed) {
    // An unknown tag between the segments: weight 1 lost.
    Checked c = check(kHist + "<zzz>" + kPref + kAns);
    EXPECT_EQ(rules(c), std::vector<R>{R::WellFormed});
    EXPECT_EQ(c.report.violations[0].start, 37u); // after the 37 bytes of kHist
    EXPECT_EQ(c.report.violations[0].tag, "zzz");
    EXPECT_NE(c.report.violations[0].evidence.find("unknown-tag"), std::string::npos);
    EXPECT_DOUBLE_EQ(c.report.score, 254.0 / 255.0);

    // A segment inside another: not allowed in this set, fine in one that allows nesting.
    const std::string nested = "<hist>[P1] was <aside>so</aside> fun.</hist>" + kPref + kAns;
    c = check(nested);
    ASSERT_EQ(rules(c), std::vector<R>{R::WellFormed});
    EXPECT_EQ(c.report.violations[0].span, 1u);
    EXPECT_NE(c.report.violations[0].evidence.find("nested: <aside> is inside <hist>"),
              std::string::npos);
    EXPECT_DOUBLE_EQ(c.report.score, 254.0 / 255.0);
    EXPECT_DOUBLE_EQ(check(nested, rulesSet(true)).report.score, 1.0);

    // Two unclosed tags: each problem one violation; the rule counts once in the score.
    c = check("<hist>Item [P1] was great fun." + kPref + "<ans>4");
    EXPECT_EQ(rules(c), (std::vector<R>{R::WellFormed, R::WellFormed}));
    EXPECT_DOUBLE_EQ(c.report.score, 254.0 / 255.0);
    // Spans crossing each other that no parser reported (a tagger's or a person's) are found too.
    TagSpan a, b;
    a.start = a.outerStart = 0;
    a.end = a.outerEnd = 10;
    a.tag = "aside";
    b.start = b.outerStart = 5;
    b.end = b.outerEnd = 15;
    b.tag = "aside";
    const std::vector<TagSpan> crossing{a, b};
    const TagSet nestingSet = rulesSet(true);
    const ConstraintReport r =
        checkTagConstraints(nestingSet, "0123456789abcdef", crossing, {}, ChainContext{});
    // (The chain also lacks <pref> and <ans> and starts with <aside>; only well-formed matters.)
    auto wellFormed = [](const ConstraintReport& report) {
        std::vector<TagViolation> out;
        for (const auto& v : report.violations)
            if (v.rule == R::WellFormed)
                out.push_back(v);
        return out;
    };
    auto w = wellFormed(r);
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].span, 1u);
    EXPECT_NE(w[0].evidence.find("interleaved"), std::string::npos);
    // A span whose tag the set does not have (made under another set).
    std::vector<TagSpan> other{a};
    other[0].tag = "mood";
    w = wellFormed(checkTagConstraints(nestingSet, "0123456789abcdef", other, {}, ChainContext{}));
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].evidence, "unknown-tag: <mood> is not a tag of \"rules\"");
}

TEST(TagConstraints, Required) {
    const Checked c = check(kHist + kAns);
    EXPECT_EQ(rules(c), std::vector<R>{R::Required});
    EXPECT_EQ(c.report.violations[0].span, static_cast<std::size_t>(-1));
    EXPECT_NE(c.report.violations[0].evidence.find("no <pref> segment"), std::string::npos);
    EXPECT_DOUBLE_EQ(c.report.score, 253.0 / 255.0);
}

TEST(TagConstraints, Transition) {
    // <pref> may be followed only by <ans>.
    Checked c = check(kPref + kHist + kAns);
    ASSERT_EQ(rules(c), std::vector<R>{R::Transition});
    EXPECT_EQ(c.report.violations[0].tag, "hist");
    EXPECT_NE(c.report.violations[0].evidence.find("<hist> follows <pref>"), std::string::npos);
    EXPECT_DOUBLE_EQ(c.report.score, 251.0 / 255.0);
    // The first segment must be <hist> or <pref>.
    c = check("<aside>x</aside>" + kHist + kPref + kAns);
    ASSERT_EQ(rules(c), std::vector<R>{R::Transition});
    EXPECT_NE(c.report.violations[0].evidence.find("starts with <aside>"), std::string::npos);
    // Nothing may follow <ans>.
    c = check(kHist + kPref + kAns + "<aside>y</aside>");
    ASSERT_EQ(rules(c), std::vector<R>{R::Transition});
    EXPECT_NE(c.report.violations[0].evidence.find("nothing may follow"), std::string::npos);
    EXPECT_DOUBLE_EQ(c.report.score, 251.0 / 255.0);
}

TEST(TagConstraints, Occurrences) {
    // Three <hist> segments, at most two.
    Checked c = check(kHist + "<hist>Item [P2] was fun.</hist><hist>Item [P3] was long.</hist>" +
                      kPref + kAns);
    ASSERT_EQ(rules(c), std::vector<R>{R::Occurrences});
    EXPECT_EQ(c.report.violations[0].span, 2u); // the one past the limit
    EXPECT_NE(c.report.violations[0].evidence.find("3 times, at most 2"), std::string::npos);
    EXPECT_DOUBLE_EQ(c.report.score, 247.0 / 255.0);
    // One <note>, at least two when it occurs at all.
    c = check(kHist + "<note>a note</note>" + kPref + kAns);
    ASSERT_EQ(rules(c), std::vector<R>{R::Occurrences});
    EXPECT_NE(c.report.violations[0].evidence.find("1 time, at least 2"), std::string::npos);
    EXPECT_DOUBLE_EQ(c.report.score, 247.0 / 255.0);
}

TEST(TagConstraints, LengthCountsCodePoints) {
    // "[P1]" is 1 token ((4 + 3) / 4), at least 2.
    Checked c = check("<hist>[P1]</hist>" + kPref + kAns);
    ASSERT_EQ(rules(c), std::vector<R>{R::Length});
    EXPECT_EQ(c.report.violations[0].evidence, "1 tokens in <hist>, at least 2");
    EXPECT_DOUBLE_EQ(c.report.score, 239.0 / 255.0);
    // "[P1] " and 35 two-byte letters: 40 code points, (40 + 3) / 4 = 10 tokens (80 bytes would
    // be 20): within 10. Surrounding whitespace is not counted.
    std::string e;
    for (int i = 0; i < 35; ++i)
        e += "\xC3\xA9";
    c = check("<hist>\n  [P1] " + e + "\n</hist>" + kPref + kAns);
    EXPECT_TRUE(c.report.violations.empty());
    // One more: 41 code points, 11 tokens.
    c = check("<hist>[P1] " + e + "e</hist>" + kPref + kAns);
    ASSERT_EQ(rules(c), std::vector<R>{R::Length});
    EXPECT_EQ(c.report.violations[0].evidence, "11 tokens in <hist>, at most 10");
    EXPECT_EQ(kTagTokenCounter, "approx: (UTF-8 code points + 3) / 4");
}

TEST(TagConstraints, AnswerFormat) {
    Checked c = check(kHist + kPref + "<ans>four</ans>");
    ASSERT_EQ(rules(c), std::vector<R>{R::AnswerFormat});
    EXPECT_EQ(c.report.violations[0].evidence, "\"four\" is not a digit from 1 to 5");
    EXPECT_DOUBLE_EQ(c.report.score, 223.0 / 255.0);
    // Whitespace around the answer is stripped, as LaMP does.
    EXPECT_TRUE(check(kHist + kPref + "<ans>\n 4 \n</ans>").report.violations.empty());
    // No answer segment: required and answer-format both fail.
    c = check(kHist + kPref);
    EXPECT_EQ(rules(c), (std::vector<R>{R::Required, R::AnswerFormat}));
    EXPECT_DOUBLE_EQ(c.report.score, 221.0 / 255.0);
    // Without a task format the rule does not apply and leaves the score's denominator.
    static const TagSet set = rulesSet();
    c = check(kHist + kPref + "<ans>four</ans>", set, 3, false);
    EXPECT_FALSE(c.report.applies(R::AnswerFormat));
    EXPECT_FALSE(c.report.holds(R::AnswerFormat));
    EXPECT_TRUE(c.report.violations.empty());
    EXPECT_DOUBLE_EQ(c.report.score, 1.0);
    c = check("<pref>x</pref>", set, 3, false); // required (2), citations (64) lost; 223 total
    EXPECT_DOUBLE_EQ(c.report.score, (223.0 - 2 - 64) / 223.0);
}

TEST(TagConstraints, Citations) {
    // A citing tag without a citation.
    Checked c = check(kHist + "<pref>Likes fun.</pref>" + kAns);
    ASSERT_EQ(rules(c), std::vector<R>{R::Citations});
    EXPECT_EQ(c.report.violations[0].evidence, "no [P#] citation in <pref> (3 items retrieved)");
    EXPECT_DOUBLE_EQ(c.report.score, 191.0 / 255.0);
    // Items that were not retrieved, in any tag.
    c = check("<hist>Items [P4-P5] were fun.</hist>" + kPref + kAns);
    ASSERT_EQ(rules(c), std::vector<R>{R::Citations});
    EXPECT_EQ(c.report.violations[0].evidence,
              "<hist> cites [P4], [P5] but only 3 items were retrieved");
    // Nothing retrieved: the rule does not apply (as RPI's citation rule).
    static const TagSet set = rulesSet();
    c = check(kHist + "<pref>Likes fun.</pref>" + kAns, set, 0);
    EXPECT_FALSE(c.report.applies(R::Citations));
    EXPECT_DOUBLE_EQ(c.report.score, 1.0);
}

TEST(TagConstraints, Repetition) {
    // The same words with other whitespace count as the same segment.
    Checked c = check(kHist + "<hist> Item [P1]  was\ngreat fun. </hist>" + kPref + kAns);
    ASSERT_EQ(rules(c), std::vector<R>{R::Repetition});
    EXPECT_EQ(c.report.violations[0].span, 1u);
    EXPECT_NE(c.report.violations[0].evidence.find("repeats the <hist> segment at byte 6"),
              std::string::npos);
    EXPECT_DOUBLE_EQ(c.report.score, 127.0 / 255.0);
}

TEST(TagConstraints, ABrokenChainLosesEachRuleOnce) {
    // An unknown tag (well-formed), no <pref> (required), <ans> after <ans> (transition), <ans>
    // twice (occurrences), "x" out of format twice (answer-format: two violations, one rule's
    // weight) and the second "x" repeating the first (repetition).
    const Checked c = check(kHist + "<zz>" + "<ans>x</ans><ans>x</ans>");
    EXPECT_EQ(rules(c), (std::vector<R>{R::WellFormed, R::Required, R::Transition, R::Occurrences,
                                        R::AnswerFormat, R::AnswerFormat, R::Repetition}));
    // Held: length 16, citations 64.
    EXPECT_DOUBLE_EQ(c.report.score, 80.0 / 255.0);
    EXPECT_DOUBLE_EQ(constraintScore(rulesSet(), c.report.applicable, c.report.held), 80.0 / 255.0);
}

// The shipped set on an R2P-shaped chain written in tags.
TEST(TagConstraints, ShippedSetOnAWellTaggedChain) {
    const TagSet& set = builtinTagSet();
    const std::string reasoning =
        "<query>The task asks for the rating from 1 to 5 this user gives.</query>\n"
        "<history>The user rated similar gadgets 4 [P1] and 5 [P2].</history>\n"
        "<preference>The user is generous with gadgets that work [P1, P2].</preference>\n"
        "<relate>The review praises the battery, as the user did before.</relate>\n";
    const std::string content = "<answer>4</answer>";
    const engine::AnswerFormat format = rating();
    const ParsedChain chain = parseTags(set, reasoning, content);
    const ConstraintReport r =
        checkTagConstraints(set, chainText(reasoning, content), chain, ChainContext{&format, 2});
    EXPECT_TRUE(r.violations.empty()) << r.violations[0].evidence;
    EXPECT_DOUBLE_EQ(r.score, 1.0);
    // Citing [P3] of two items loses citations (2 of 14).
    const std::string bad = "<history>The user rated gadgets 4 [P3] and 5 [P2].</history>\n";
    std::string r2 = reasoning;
    r2.replace(r2.find("<history>"), r2.find("</history>\n") + 11 - r2.find("<history>"), bad);
    const ConstraintReport r3 = checkTagConstraints(
        set, chainText(r2, content), parseTags(set, r2, content), ChainContext{&format, 2});
    EXPECT_EQ(r3.violations.size(), 1u);
    EXPECT_DOUBLE_EQ(r3.score, 12.0 / 14.0);
    // Without the <preference> segment only required (2 of 14) is lost: the README's example.
    std::string r4 = reasoning;
    r4.erase(r4.find("<preference>"), r4.find("</preference>\n") + 14 - r4.find("<preference>"));
    const ConstraintReport r5 = checkTagConstraints(
        set, chainText(r4, content), parseTags(set, r4, content), ChainContext{&format, 2});
    ASSERT_EQ(r5.violations.size(), 1u);
    EXPECT_EQ(r5.violations[0].rule, TagRule::Required);
    EXPECT_DOUBLE_EQ(r5.score, 12.0 / 14.0);
}
