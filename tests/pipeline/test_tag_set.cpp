// Tag sets (TagPR): the shipped file, validation errors with file, line, column and rule, the
// canonical JSON, and the per-project copy with its kept versions.
#include "model/ProjectStore.h"
#include "pipeline/tags/TagSet.h"
#include "support/TestSupport.h"

#include <cstdint>
#include <gtest/gtest.h>
#include <regex>

using namespace r2p;
using namespace r2p::tags;

namespace {

// Line numbers below are counted by hand on this text.
const std::string kBase = R"({
  "id": "mini",
  "version": 1,
  "name": "Mini",
  "answer_tag": "answer",
  "weights": {"well-formed": 1, "required": 1, "transition": 1, "occurrences": 1,
              "length": 1, "answer-format": 1, "citations": 1, "repetition": 1},
  "tags": [
    {"id": "think", "name": "Think", "colour": "#112233", "next": ["answer"]},
    {"id": "answer", "name": "Answer", "colour": "#445566", "required": true}
  ]
}
)";

std::string replaced(const std::string& from, const std::string& to) {
    std::string s = kBase;
    const auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos)
        s.replace(at, from.size(), to);
    return s;
}

std::string errorOf(const std::string& text) {
    auto r = parseTagSet(text, "t.json");
    EXPECT_FALSE(r.ok()) << "parsed, but should not have";
    return r ? std::string() : r.error().message;
}

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

TEST(TagSet, ShippedSetIsOurReadingOfThePaperAndRoundTrips) {
    const TagSet& s = builtinTagSet();
    EXPECT_EQ(s.id, "tagpr-personalization");
    EXPECT_EQ(s.version, 1);
    EXPECT_NE(s.description.find("2509.23140"), std::string::npos);
    EXPECT_NE(s.description.find("not reproduced in its public summary"), std::string::npos);
    ASSERT_EQ(s.tags.size(), 7u);
    const char* ids[] = {"query", "history", "preference", "relate", "draft", "check", "answer"};
    for (std::size_t i = 0; i < 7; ++i)
        EXPECT_EQ(s.tags[i].id, ids[i]);
    EXPECT_EQ(s.answerTag, "answer");
    EXPECT_FALSE(s.nesting);
    // The four HRT levels each map to one tag, in the levels' order.
    EXPECT_EQ(s.forHrtLevel(StageId::TaskAnalysis)->id, "query");
    EXPECT_EQ(s.forHrtLevel(StageId::ProfileSynthesis)->id, "preference");
    EXPECT_EQ(s.forHrtLevel(StageId::AnswerPlan)->id, "relate");
    EXPECT_EQ(s.forHrtLevel(StageId::Answer)->id, "answer");
    EXPECT_EQ(s.forHrtLevel(StageId::Candidates), nullptr);
    // 3 + 2 + 1 + 1 + 1 + 3 + 2 + 1
    double total = 0;
    for (double w : s.weights)
        total += w;
    EXPECT_DOUBLE_EQ(total, 14.0);
    EXPECT_DOUBLE_EQ(s.weight(TagRule::AnswerFormat), 3.0);
    ASSERT_TRUE(s.find("answer")->next.has_value());
    EXPECT_TRUE(s.find("answer")->next->empty());
    EXPECT_FALSE(s.find("draft")->required);

    // The file on disk is what is compiled in.
    auto disk = parseTagSet(test::readFile(test::sourceDir() + "/resources/tags/default.json"),
                            "default.json");
    ASSERT_TRUE(disk.ok()) << disk.error().message;
    EXPECT_EQ(*disk, s);
    auto again = parseTagSet(tagSetJson(s), "canonical");
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(*again, s);
}

TEST(TagSet, RuleNamesRoundTrip) {
    for (TagRule r : allTagRules())
        EXPECT_EQ(parseTagRule(tagRuleName(r)), r);
    EXPECT_EQ(tagRuleName(TagRule::AnswerFormat), "answer-format");
    EXPECT_FALSE(parseTagRule("well formed"));
}

TEST(TagSet, TheBaseParses) {
    auto r = parseTagSet(kBase, "t.json");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->tags.size(), 2u);
    EXPECT_FALSE(r->tags[1].next.has_value()); // no "next": any tag may follow
    EXPECT_EQ(r->tags[0].maxOccurrences, 0);   // no limit
}

// Every error names the file, the line and column of the value (or key) at fault, and the rule.
TEST(TagSet, ErrorsNameFileLineColumnAndRule) {
    struct Case {
        std::string from, to, prefix, mentions;
    };
    const Case cases[] = {
        {R"("colour": "#112233")", R"("colour": "red")",
         "t.json: line 9, column 48: colour: ", "#rrggbb"},
        {R"(["answer"])", R"(["answr"])",
         "t.json: line 9, column 68: known-tag: ", "\"answr\" is not a tag"},
        {R"({"id": "answer")", R"({"id": "think")",
         "t.json: line 10, column 12: unique-id: ", "already used by tags[0]"},
        {R"("colour": "#445566")", R"("colour": "#445566", "colour2": 1)",
         "t.json: line 10, column 61: unknown-key: ", "\"colour2\""},
        {R"(, "repetition": 1})", "}",
         "t.json: line 6, column 14: weights: ", "\"repetition\" is missing"},
        {R"("repetition": 1)", R"("repetitions": 1)",
         "t.json: line 7, column 64: unknown-key: ", "unknown rule \"repetitions\""},
        {R"("answer_tag": "answer")", R"("answer_tag": "final")",
         "t.json: line 5, column 17: answer-tag: ", "\"final\""},
        {R"("id": "mini",)", R"("id": "mini", "id": "mini2",)",
         "t.json: line 2, column 17: duplicate-key: ", "/id"},
        {R"("required": true})", R"("required": true, "hrt_level": "plan"})",
         "t.json: line 10, column 92: hrt-level: ", "not an HRT level"},
        {R"("version": 1)", R"("version": 0)", "t.json: line 3, column 14: range: ", "\"version\""},
        {R"("id": "think")", R"("id": "Think")", "t.json: line 9, column 12: id: ", "lower-case"},
        {R"("next": ["answer"])", R"("min_tokens": 9, "max_tokens": 3)",
         "t.json: line 9, column 90: range: ", "below \"min_tokens\" 9"},
        {R"("version": 1,)", R"("version": 1)", "t.json: line 4, column ", "json-syntax"},
    };
    for (const Case& c : cases) {
        const std::string e = errorOf(replaced(c.from, c.to));
        EXPECT_TRUE(startsWith(e, c.prefix)) << c.to << "\n  got: " << e;
        EXPECT_NE(e.find(c.mentions), std::string::npos) << e;
    }
}

TEST(TagSet, MoreRulesAndOddInput) {
    // Two tags for one HRT level.
    std::string e =
        errorOf(replaced(R"("required": true})", R"("required": true, "hrt_level": "answer"})")
                    .insert(kBase.find(R"("next")"), R"("hrt_level": "answer", )"));
    EXPECT_NE(e.find("hrt-level: "), std::string::npos) << e;
    EXPECT_NE(e.find("already mapped to \"think\""), std::string::npos) << e;
    // Every weight 0.
    std::string zero = kBase;
    const std::size_t weights = zero.find("\"weights\""), tags = zero.find("\"tags\"");
    for (std::size_t p = weights; (p = zero.find(": 1", p)) < tags;)
        zero[p + 2] = '0';
    e = errorOf(zero);
    EXPECT_NE(e.find("weights: at least one rule"), std::string::npos) << e;
    // The root is not an object; a first list that is empty; a tag that is not an object.
    EXPECT_TRUE(startsWith(errorOf("[]"), "t.json: line 1, column 1: type: "));
    e = errorOf(replaced(R"("name": "Mini",)", R"("name": "Mini", "first": [],)"));
    EXPECT_TRUE(startsWith(e, "t.json: line 4, column 28: empty: ")) << e;
    e = errorOf(replaced(R"(    {"id": "think")", R"(    7, {"id": "think")"));
    EXPECT_TRUE(startsWith(e, "t.json: line 9, column 5: type: tags[0]")) << e;
    // Bytes that are not UTF-8, deep nesting, an empty file: an error, never a crash.
    e = errorOf(replaced("Mini", "Mi\xff\xfe"));
    EXPECT_NE(e.find("json-syntax"), std::string::npos) << e;
    EXPECT_EQ(e.find('\xff'), std::string::npos);
    e = errorOf(replaced(R"("name": "Mini")", R"("name": "Mini", "x": )" + std::string(10000, '[') +
                                                  std::string(10000, ']')));
    EXPECT_FALSE(e.empty());
    e = errorOf("");
    EXPECT_TRUE(startsWith(e, "t.json: line 1, column 1: json-syntax: ")) << e;
}

TEST(TagSet, ProjectCopyKeepsEveryVersion) {
    test::TempDir dir;
    auto opened = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    ProjectStore& store = **opened;
    const int schema = store.schemaVersion();

    auto current = projectTagSet(store);
    ASSERT_TRUE(current.ok());
    EXPECT_EQ(*current, builtinTagSet());

    auto mini = parseTagSet(kBase, "t.json");
    ASSERT_TRUE(mini.ok());
    ASSERT_TRUE(setProjectTagSet(store, *mini).ok());
    EXPECT_EQ(*projectTagSet(store), *mini);

    // The same id and version with other content is refused and changes nothing.
    TagSet edited = *mini;
    edited.tags[0].name = "Thinking";
    auto refused = setProjectTagSet(store, edited);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("raise its version"), std::string::npos);
    EXPECT_EQ(*projectTagSet(store), *mini);
    // So is a changed copy of the shipped set under the shipped id and version.
    TagSet shipped = builtinTagSet();
    shipped.weights[0] = 10;
    EXPECT_FALSE(setProjectTagSet(store, shipped).ok());

    // A new version replaces it; the earlier one stays readable for spans made under it.
    edited.version = 2;
    ASSERT_TRUE(setProjectTagSet(store, edited).ok());
    EXPECT_EQ(projectTagSet(store)->version, 2);
    auto v1 = projectTagSetVersion(store, "mini", 1);
    ASSERT_TRUE(v1.ok()) << v1.error().message;
    EXPECT_EQ(*v1, *mini);
    EXPECT_EQ(*projectTagSetVersion(store, "tagpr-personalization", 1), builtinTagSet());
    EXPECT_FALSE(projectTagSetVersion(store, "mini", 3).ok());
    // Storing the same set again is fine; the schema did not change.
    EXPECT_TRUE(setProjectTagSet(store, edited).ok());
    EXPECT_EQ(store.schemaVersion(), schema);
}

// The shipped file with one random edit, many times: it loads, or the error names the line,
// column and rule -- never an error without a place, never a crash.
TEST(TagSet, EveryErrorHasAPlace) {
    const std::string file = test::readFile(test::sourceDir() + "/resources/tags/default.json");
    ASSERT_FALSE(file.empty());
    const std::string pieces[] = {"\"",  ",",          "{",          "}",    "[",    "]",
                                  ":",   "0",          "-1",         "true", "null", "\"x\"",
                                  "1e9", "\"answer\"", "\"#12345\"", ""};
    std::uint64_t state = 99;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state >> 33);
    };
    const std::regex placed(R"(^d\.json: line [0-9]+, column [0-9]+: [a-z-]+: .+)");
    int errors = 0;
    for (int round = 0; round < 1000; ++round) {
        std::string text = file;
        const std::size_t at = next() % text.size();
        const std::size_t cut = next() % 12;
        text.replace(at, std::min(cut, text.size() - at), pieces[next() % 16]);
        auto r = parseTagSet(text, "d.json");
        if (r)
            continue;
        ++errors;
        ASSERT_TRUE(std::regex_match(r.error().message, placed))
            << r.error().message << "\n--- edit at byte " << at;
    }
    EXPECT_GT(errors, 300);
}
