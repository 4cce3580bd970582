// RPI rules: markers at line starts and in order, token budgets, [P#] citations, answer format.
#include "pipeline/engine/Rpi.h"

#include <gtest/gtest.h>

using namespace r2p;
using namespace r2p::engine;

namespace {

HrtTemplate makeTemplate(AnswerFormat answer) {
    HrtTemplate t;
    t.id = "hrt-test";
    t.version = 1;
    t.task = TaskId::LaMP3;
    t.levels = {
        {StageId::TaskAnalysis, "Task analysis", "## Task analysis", {"a"}, 50, false},
        {StageId::ProfileSynthesis, "Profile synthesis", "## Profile synthesis", {"b"}, 100, true},
        {StageId::AnswerPlan, "Answer plan", "## Plan", {"c"}, 50, false},
        {StageId::Answer, "Answer", "## Answer", {"d"}, 10, false},
    };
    t.answer = std::move(answer);
    return t;
}

AnswerFormat rating() {
    return {AnswerKind::Rating, {"1", "2", "3", "4", "5"}, 0, "a digit 1-5"};
}
AnswerFormat lamp1() {
    return {AnswerKind::Label, {"[1]", "[2]"}, 0, "[1] or [2]"};
}
AnswerFormat lamp2() {
    std::vector<std::string> labels;
    for (auto l : taskSpec(TaskId::LaMP2).labels)
        labels.emplace_back(l);
    return {AnswerKind::Label, labels, 0, "one tag"};
}
AnswerFormat title(std::size_t maxWords) {
    return {AnswerKind::Text, {}, maxWords, "a title"};
}

const HrtTemplate& tmpl() {
    static const HrtTemplate t = makeTemplate(rating());
    return t;
}

constexpr auto npos = std::string::npos;

} // namespace

// --- approxTokens ----------------------------------------------------------------------------

TEST(RpiTokens, CountsCodePointsNotBytes) {
    EXPECT_EQ(approxTokens(""), 0);
    EXPECT_EQ(approxTokens("a"), 1);
    EXPECT_EQ(approxTokens("abcd"), 1);
    EXPECT_EQ(approxTokens("abcde"), 2);
    EXPECT_EQ(approxTokens("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"), 1); // "éééé": 8 bytes, 4 points
    EXPECT_EQ(approxTokens("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE6\x97\xA5\xE6\x9C\xAC"), 2);
    EXPECT_EQ(approxTokens(std::string(400, 'x')), 100);
    EXPECT_EQ(approxTokens(std::string(401, 'x')), 101);
}

// --- citedItems ------------------------------------------------------------------------------

TEST(RpiCitations, AcceptsSingleListsAdjacentAndRanges) {
    EXPECT_EQ(citedItems("likes drama [P3]."), (std::vector<int>{3}));
    EXPECT_EQ(citedItems("[P1, P3]"), (std::vector<int>{1, 3}));
    EXPECT_EQ(citedItems("[P1,P3;P4]"), (std::vector<int>{1, 3, 4}));
    EXPECT_EQ(citedItems("[P1][P2]"), (std::vector<int>{1, 2}));
    EXPECT_EQ(citedItems("[P2-P4]"), (std::vector<int>{2, 3, 4}));
    EXPECT_EQ(citedItems("[P2\xE2\x80\x93P4]"), (std::vector<int>{2, 3, 4})); // en dash
    EXPECT_EQ(citedItems("[P2 - 4]"), (std::vector<int>{2, 3, 4}));
    EXPECT_EQ(citedItems("[P1, P3-P5, P12]"), (std::vector<int>{1, 3, 4, 5, 12}));
}

TEST(RpiCitations, FirstAppearanceOrderEachOnce) {
    EXPECT_EQ(citedItems("[P3] then [P1, P3] and [P2-P4]"), (std::vector<int>{3, 1, 2, 4}));
    EXPECT_EQ(citedItems("[P0]"), (std::vector<int>{0}));
    // A huge range (a typo) is taken as its two ends.
    EXPECT_EQ(citedItems("[P1-P5000]"), (std::vector<int>{1, 5000}));
}

TEST(RpiCitations, IgnoresWhatIsNotACitation) {
    EXPECT_TRUE(citedItems("P1 and P2, [p1], [1], [2], [P], [Px], [P1 and P2]").empty());
    EXPECT_TRUE(citedItems("[P1, ] [P1-] [P1").empty());
    EXPECT_EQ(citedItems("[[P2]]"), (std::vector<int>{2}));
}

// --- checkStreaming --------------------------------------------------------------------------

TEST(RpiStreaming, CompliantTextPasses) {
    const std::string text = "## Profile synthesis\nLikes long reviews [P1].\nRates high [P2]";
    EXPECT_FALSE(checkStreaming(tmpl(), StageId::ProfileSynthesis, text, 20));
    // Its own marker again is not another level's marker.
    EXPECT_FALSE(checkStreaming(tmpl(), StageId::ProfileSynthesis,
                                text + "\n## Profile synthesis\nmore", 20));
}

TEST(RpiStreaming, AnotherLevelsMarkerMidStream) {
    const std::string text = "## Profile synthesis\nLikes drama [P1].\n## Plan\nGive 4";
    const auto v = checkStreaming(tmpl(), StageId::ProfileSynthesis, text, 20);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->rule, RpiRule::MarkerOrder);
    EXPECT_EQ(v->at, text.find("## Plan"));
    EXPECT_NE(v->evidence.find("\"## Plan\""), npos) << v->evidence;
    EXPECT_NE(v->evidence.find("Profile synthesis"), npos) << v->evidence;

    // Leading spaces before the marker still make it a line start; `at` is the marker itself.
    const std::string indented = "## Task analysis\nrate it\n   ## Answer\n4";
    const auto w = checkStreaming(tmpl(), StageId::TaskAnalysis, indented, 5);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->rule, RpiRule::MarkerOrder);
    EXPECT_EQ(w->at, indented.find("## Answer"));

    // An earlier level's marker counts too.
    const std::string back = "## Answer\n4\n## Task analysis\n";
    const auto b = checkStreaming(tmpl(), StageId::Answer, back, 5);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->at, back.find("## Task analysis"));

    // The first offending marker is reported.
    const std::string two = "## Task analysis\nx\n## Plan\ny\n## Profile synthesis\n";
    const auto t = checkStreaming(tmpl(), StageId::TaskAnalysis, two, 5);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->at, two.find("## Plan"));
}

TEST(RpiStreaming, MarkerNotAtLineStartDoesNotCount) {
    EXPECT_FALSE(checkStreaming(tmpl(), StageId::ProfileSynthesis,
                                "## Profile synthesis\nI will write ## Plan later [P1]", 10));
    EXPECT_FALSE(checkStreaming(tmpl(), StageId::ProfileSynthesis,
                                "## Profile synthesis\nsee \"## Answer\" below", 10));
    // A partial marker at the end is not a marker yet.
    EXPECT_FALSE(checkStreaming(tmpl(), StageId::ProfileSynthesis,
                                "## Profile synthesis\nfacts [P1]\n## Pl", 10));
}

TEST(RpiStreaming, TokenBudget) {
    const std::string text = "## Plan\nthinking";
    EXPECT_FALSE(checkStreaming(tmpl(), StageId::AnswerPlan, text, 50));
    const auto v = checkStreaming(tmpl(), StageId::AnswerPlan, text, 51);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->rule, RpiRule::TokenBudget);
    EXPECT_EQ(v->at, npos);
    EXPECT_NE(v->evidence.find("51 tokens"), npos) << v->evidence;
    EXPECT_NE(v->evidence.find("budget 50"), npos) << v->evidence;
    // A marker violation comes first.
    const auto m = checkStreaming(tmpl(), StageId::AnswerPlan, text + "\n## Answer\n", 500);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->rule, RpiRule::MarkerOrder);
}

TEST(RpiStreaming, StagesThatAreNotLevelsNeverViolate) {
    const std::string text = "## Task analysis\n## Answer\n";
    EXPECT_FALSE(checkStreaming(tmpl(), StageId::Retrieve, text, 100000));
    EXPECT_FALSE(checkStreaming(tmpl(), StageId::CrossReference, text, 100000));
    EXPECT_FALSE(checkStageEnd(tmpl(), StageId::Candidates, "", 100000, 5));
}

// --- checkStageEnd ---------------------------------------------------------------------------

TEST(RpiStageEnd, CompliantLevelsPass) {
    const HrtTemplate& t = tmpl();
    EXPECT_FALSE(checkStageEnd(t, StageId::TaskAnalysis, "## Task analysis\nRate 1-5.\n", 5, 5));
    EXPECT_FALSE(checkStageEnd(t, StageId::ProfileSynthesis,
                               "\n\n  ## Profile synthesis\nGenerous rater [P1, P2].\n", 10, 5));
    EXPECT_FALSE(checkStageEnd(t, StageId::AnswerPlan, "## Plan\nGive 5.", 5, 5));
    EXPECT_FALSE(checkStageEnd(t, StageId::Answer, "## Answer\n5\n", 1, 5));
}

TEST(RpiStageEnd, MustStartWithItsMarker) {
    const auto v = checkStageEnd(tmpl(), StageId::ProfileSynthesis,
                                 "Facts first.\n## Profile synthesis\nLikes it [P1].", 10, 5);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->rule, RpiRule::MarkerOrder);
    EXPECT_EQ(v->at, npos);
    EXPECT_NE(v->evidence.find("does not start with its marker \"## Profile synthesis\""), npos)
        << v->evidence;

    const auto e = checkStageEnd(tmpl(), StageId::TaskAnalysis, " \n ", 0, 5);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->rule, RpiRule::MarkerOrder);
    EXPECT_NE(e->evidence.find("is empty"), npos) << e->evidence;
}

TEST(RpiStageEnd, NoOtherMarkerAndABody) {
    const std::string text = "## Plan\nGive 4.\n## Answer\n4";
    const auto v = checkStageEnd(tmpl(), StageId::AnswerPlan, text, 5, 5);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->rule, RpiRule::MarkerOrder);
    EXPECT_EQ(v->at, text.find("## Answer"));

    const auto b = checkStageEnd(tmpl(), StageId::AnswerPlan, "## Plan\n  \n\t\n", 2, 5);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->rule, RpiRule::MarkerOrder);
    EXPECT_EQ(b->at, npos);
    EXPECT_NE(b->evidence.find("nothing after its marker"), npos) << b->evidence;
}

TEST(RpiStageEnd, TokenBudget) {
    const std::string text = "## Task analysis\nRate it.";
    EXPECT_FALSE(checkStageEnd(tmpl(), StageId::TaskAnalysis, text, 50, 5));
    const auto v = checkStageEnd(tmpl(), StageId::TaskAnalysis, text, 51, 5);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->rule, RpiRule::TokenBudget);
    // Budget comes before citations.
    const auto c = checkStageEnd(tmpl(), StageId::ProfileSynthesis,
                                 "## Profile synthesis\nno citations", 101, 5);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->rule, RpiRule::TokenBudget);
}

TEST(RpiStageEnd, CitationsRequired) {
    const auto v = checkStageEnd(tmpl(), StageId::ProfileSynthesis,
                                 "## Profile synthesis\nThe user likes things.", 10, 5);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->rule, RpiRule::Citations);
    EXPECT_EQ(v->at, npos);
    EXPECT_NE(v->evidence.find("no [P#] citation"), npos) << v->evidence;

    // Not required where nothing was retrieved, nor in levels without `cite`.
    EXPECT_FALSE(checkStageEnd(tmpl(), StageId::ProfileSynthesis,
                               "## Profile synthesis\nNo history.", 10, 0));
    EXPECT_FALSE(checkStageEnd(tmpl(), StageId::AnswerPlan, "## Plan\nGive 4.", 10, 5));
}

TEST(RpiStageEnd, CitationsOutOfRange) {
    const std::string text = "## Profile synthesis\nHarsh [P2]. Generous [P7].";
    const auto v = checkStageEnd(tmpl(), StageId::ProfileSynthesis, text, 10, 5);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->rule, RpiRule::Citations);
    EXPECT_EQ(v->evidence, "cites [P7] but only 5 items were retrieved");
    EXPECT_EQ(v->at, text.find("[P7]"));

    const std::string range = "## Profile synthesis\nHarsh [P1, P4-P6].";
    const auto r = checkStageEnd(tmpl(), StageId::ProfileSynthesis, range, 10, 5);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->evidence, "cites [P6] but only 5 items were retrieved");
    EXPECT_EQ(r->at, range.find("[P1"));

    const auto zero =
        checkStageEnd(tmpl(), StageId::ProfileSynthesis, "## Profile synthesis\nx [P0]", 10, 1);
    ASSERT_TRUE(zero);
    EXPECT_EQ(zero->evidence, "cites [P0] but only 1 item was retrieved");

    EXPECT_FALSE(checkStageEnd(tmpl(), StageId::ProfileSynthesis,
                               "## Profile synthesis\nx [P2\xE2\x80\x93P5] [P1]", 10, 5));
}

TEST(RpiStageEnd, AnswerFormat) {
    const HrtTemplate t1 = makeTemplate(lamp1());
    EXPECT_FALSE(checkStageEnd(t1, StageId::Answer, "## Answer\n [1]\n", 2, 5));
    const auto v = checkStageEnd(t1, StageId::Answer, "## Answer\n[1] because it fits", 6, 5);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->rule, RpiRule::AnswerFormat);
    EXPECT_EQ(v->at, npos);
    EXPECT_EQ(v->evidence, "\"[1] because it fits\" is not one of the 2 allowed answers");

    const HrtTemplate t2 = makeTemplate(lamp2());
    EXPECT_FALSE(checkStageEnd(t2, StageId::Answer, "## Answer\ncomedy", 2, 5));
    const auto c = checkStageEnd(t2, StageId::Answer, "## Answer\nComedy", 2, 5);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->rule, RpiRule::AnswerFormat);

    EXPECT_FALSE(checkStageEnd(tmpl(), StageId::Answer, "## Answer\n4", 1, 5));
    const auto r = checkStageEnd(tmpl(), StageId::Answer, "## Answer\n4.0", 1, 5);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->rule, RpiRule::AnswerFormat);

    const HrtTemplate t4 = makeTemplate(title(5));
    EXPECT_FALSE(checkStageEnd(t4, StageId::Answer, "## Answer\nCity opens new bridge", 5, 5));
    const auto lines =
        checkStageEnd(t4, StageId::Answer, "## Answer\nCity opens\nnew bridge", 5, 5);
    ASSERT_TRUE(lines);
    EXPECT_EQ(lines->rule, RpiRule::AnswerFormat);
    EXPECT_NE(lines->evidence.find("more than one line"), npos) << lines->evidence;
    const auto words =
        checkStageEnd(t4, StageId::Answer, "## Answer\nCity opens its long new bridge", 7, 5);
    ASSERT_TRUE(words);
    EXPECT_EQ(words->evidence, "the answer has 6 words, at most 5 allowed");

    // Only the answer level is held to the format.
    EXPECT_FALSE(checkStageEnd(t1, StageId::AnswerPlan, "## Plan\nI pick [1] because", 6, 5));
}

// --- stageBody -------------------------------------------------------------------------------

TEST(RpiStageBody, TextAfterTheMarkerLineTrimmed) {
    EXPECT_EQ(stageBody(tmpl(), StageId::Answer, "## Answer\n  4 \n"), "4");
    EXPECT_EQ(stageBody(tmpl(), StageId::Answer, "Sure.\n  ## Answer\n4\n"), "4");
    EXPECT_EQ(stageBody(tmpl(), StageId::Answer, "## Answer"), "");
    EXPECT_EQ(stageBody(tmpl(), StageId::Answer, "## Answer: 4"), "");
    EXPECT_EQ(stageBody(tmpl(), StageId::Answer, "  just 4 \n"), "just 4");
    EXPECT_EQ(stageBody(tmpl(), StageId::Answer, "I say ## Answer\n4"), "I say ## Answer\n4");
    EXPECT_EQ(
        stageBody(tmpl(), StageId::ProfileSynthesis, "## Profile synthesis\nA [P1].\nB [P2].\n\n"),
        "A [P1].\nB [P2].");
}

TEST(RpiMarkers, OnlyAtLineStartsAfterSpacesOrTabs) {
    EXPECT_EQ(findMarkerLine("## Plan\nx", "## Plan"), 0u);
    EXPECT_EQ(findMarkerLine("a\n \t## Plan", "## Plan"), 4u);
    EXPECT_EQ(findMarkerLine("a ## Plan\nb", "## Plan"), npos);
    EXPECT_EQ(findMarkerLine("a\r\n## Plan", "## Plan"), 3u);
    EXPECT_EQ(findMarkerLine("## Pla", "## Plan"), npos);
    EXPECT_EQ(findMarkerLine("x\n", "## Plan"), npos);
    EXPECT_EQ(findMarkerLine("anything", ""), npos);
}

// --- answerInFormat --------------------------------------------------------------------------

TEST(RpiAnswerFormat, Labels) {
    EXPECT_TRUE(answerInFormat(lamp1(), " [1]\n"));
    EXPECT_TRUE(answerInFormat(lamp1(), "[2]"));
    EXPECT_FALSE(answerInFormat(lamp1(), "[1] because"));
    EXPECT_FALSE(answerInFormat(lamp1(), "1"));
    EXPECT_FALSE(answerInFormat(lamp1(), ""));
    EXPECT_TRUE(answerInFormat(lamp2(), "comedy"));
    EXPECT_TRUE(answerInFormat(lamp2(), "  based on a book\n"));
    EXPECT_FALSE(answerInFormat(lamp2(), "Comedy"));
    EXPECT_FALSE(answerInFormat(lamp2(), "comedy."));
}

TEST(RpiAnswerFormat, Rating) {
    EXPECT_TRUE(answerInFormat(rating(), "4"));
    EXPECT_TRUE(answerInFormat(rating(), "\t5 \n"));
    EXPECT_FALSE(answerInFormat(rating(), "4.0"));
    EXPECT_FALSE(answerInFormat(rating(), "6"));
    EXPECT_FALSE(answerInFormat(rating(), "4/5"));
}

TEST(RpiAnswerFormat, Text) {
    EXPECT_TRUE(answerInFormat(title(3), "  Deep nets, revisited \n"));
    EXPECT_FALSE(answerInFormat(title(3), "Deep nets\nrevisited"));
    EXPECT_FALSE(answerInFormat(title(3), "Deep nets\xE2\x80\xA8revisited")); // U+2028
    EXPECT_FALSE(answerInFormat(title(3), "Deep neural nets revisited"));
    EXPECT_FALSE(answerInFormat(title(3), " \n "));
    EXPECT_TRUE(answerInFormat(title(0), std::string(500, 'w') + " and more words than any"));
    EXPECT_FALSE(answerInFormat(AnswerFormat{}, "anything"));
}

namespace {

TEST(RpiRepetition, AnEightWordSpanThreeTimesIsALoop) {
    const std::string span = "let me reconsider the input once more from ";
    // Twice is a restatement, not a loop.
    EXPECT_FALSE(checkRepetition(span + "here. " + span + "there."));
    const std::string text = "Start. " + span + "a. " + span + "b. " + span + "c.";
    const auto v = checkRepetition(text);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->rule, RpiRule::Repetition);
    // The third occurrence starts after "Start. ", two spans and "a. " / "b. ".
    EXPECT_EQ(v->at, 7 + 2 * span.size() + 3 + 3);
    EXPECT_EQ(v->evidence, "\"let me reconsider the input once more from\" repeated 3 times");
    // Whitespace between the words does not hide the loop.
    EXPECT_TRUE(checkRepetition("let me reconsider the input once more from\nlet me "
                                "reconsider\tthe input once more from let me reconsider the "
                                "input once  more from"));
    // A word repeated on its own: 24 copies are three non-overlapping 8-word spans, 23 are not.
    std::string words;
    for (int i = 0; i < 23; ++i)
        words += "again ";
    EXPECT_FALSE(checkRepetition(words));
    words += "again";
    EXPECT_TRUE(checkRepetition(words));
}

TEST(RpiStageEnd, EveryViolatedRuleIsReturnedOncePerRule) {
    const HrtTemplate t = makeTemplate(rating());
    // No marker, not in the format: two rules.
    auto all = checkStageEndAll(t, StageId::Answer, "I would rate it 4.", 5, 5, {});
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].rule, RpiRule::MarkerOrder);
    EXPECT_EQ(all[1].rule, RpiRule::AnswerFormat);
    // checkStageEnd keeps returning the first.
    EXPECT_EQ(checkStageEnd(t, StageId::Answer, "I would rate it 4.", 5, 5)->rule,
              RpiRule::MarkerOrder);
    // Over budget, no citation, out-of-range citation counted once, and a loop.
    const std::string loop = "the user likes long books with many pages ";
    all = checkStageEndAll(t, StageId::ProfileSynthesis,
                           "## Profile synthesis\n- " + loop + loop + loop, 120, 5, {});
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].rule, RpiRule::TokenBudget);
    EXPECT_EQ(all[1].rule, RpiRule::Citations);
    EXPECT_EQ(all[2].rule, RpiRule::Repetition);
}

TEST(RpiStageEnd, TheReasoningCountsInChatMode) {
    const HrtTemplate t = makeTemplate(rating());
    const std::string level = "## Profile synthesis\n- Rates generously.";
    // The citation may be in the reasoning...
    EXPECT_TRUE(checkStageEndAll(t, StageId::ProfileSynthesis, level, 20, 5,
                                 "P2 and [P3] both gave five stars.")
                    .empty());
    // ...but an item that does not exist, another level's marker or a loop there violates.
    auto all = checkStageEndAll(t, StageId::ProfileSynthesis, level + " [P1]", 20, 5,
                                "Maybe [P9] says more.");
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].rule, RpiRule::Citations);
    EXPECT_NE(all[0].evidence.find("(in the reasoning)"), std::string::npos);
    all = checkStageEndAll(t, StageId::ProfileSynthesis, level + " [P1]", 20, 5,
                           "Let me plan.\n## Plan\nanswer 4");
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].rule, RpiRule::MarkerOrder);
}

// A level whose template marks its sub-steps must open a line with each marker, in its text or
// (chat mode) its reasoning; markers mid-line do not count.
TEST(RpiStageEnd, StepCoverage) {
    HrtTemplate t = makeTemplate(rating());
    t.levels[0].steps = {"What?", "Why?", "How?"};
    t.levels[0].stepMarkers = {"(a)", "(b)", "(c)"};
    const std::string all = "## Task analysis\n(a) a rating\n(b) the review\n  (c) one digit";
    EXPECT_TRUE(checkStageEndAll(t, StageId::TaskAnalysis, all, 20, 5, {}).empty());
    EXPECT_EQ(coveredSteps(t, StageId::TaskAnalysis, all), (std::vector<int>{1, 2, 3}));

    const std::string skips = "## Task analysis\n(a) a rating, see (b) below\n(c) one digit";
    EXPECT_EQ(coveredSteps(t, StageId::TaskAnalysis, skips), (std::vector<int>{1, 3}));
    auto v = checkStageEndAll(t, StageId::TaskAnalysis, skips, 20, 5, {});
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].rule, RpiRule::StepCoverage);
    EXPECT_EQ(v[0].evidence, "\"Task analysis\" covers 2 of 3 sub-steps; no line opens with (b)");
    EXPECT_EQ(v[0].at, npos);
    // The reasoning may cover a sub-step.
    EXPECT_TRUE(
        checkStageEndAll(t, StageId::TaskAnalysis, skips, 20, 5, "Thinking.\n(b) the review")
            .empty());
    // Another level without markers is not asked for sub-steps.
    EXPECT_TRUE(checkStageEndAll(t, StageId::AnswerPlan, "## Plan\nfour", 20, 5, {}).empty());
    EXPECT_TRUE(coveredSteps(t, StageId::AnswerPlan, "## Plan\n(a) x").empty());

    // Its outcome is listed only where the template marks sub-steps.
    auto has = [](const std::vector<std::pair<RpiRule, RuleOutcome>>& rules, RpiRule r) {
        for (const auto& [rule, o] : rules)
            if (rule == r)
                return std::string(ruleOutcomeName(o));
        return std::string("absent");
    };
    EXPECT_EQ(has(ruleOutcomes(t, StageId::TaskAnalysis, v, 5, false), RpiRule::StepCoverage),
              "violated");
    EXPECT_EQ(has(ruleOutcomes(t, StageId::TaskAnalysis, {}, 5, false), RpiRule::StepCoverage),
              "complied");
    EXPECT_EQ(has(ruleOutcomes(t, StageId::AnswerPlan, {}, 5, false), RpiRule::StepCoverage),
              "absent");
    EXPECT_EQ(rpiRuleName(RpiRule::StepCoverage), "step-coverage");
    EXPECT_EQ(parseRpiRule("step-coverage"), RpiRule::StepCoverage);
}

TEST(RpiOutcomes, NotApplicableWhereARuleCannotFail) {
    const HrtTemplate t = makeTemplate(rating());
    auto name = [](const std::vector<std::pair<RpiRule, RuleOutcome>>& rules, RpiRule r) {
        for (const auto& [rule, o] : rules)
            if (rule == r)
                return std::string(ruleOutcomeName(o));
        return std::string();
    };
    // Prefill: the engine wrote the marker.
    auto rules = ruleOutcomes(t, StageId::ProfileSynthesis, {}, 5, true);
    EXPECT_EQ(rules.size(), 5u);
    EXPECT_EQ(name(rules, RpiRule::MarkerOrder), "not-applicable");
    EXPECT_EQ(name(rules, RpiRule::Citations), "complied");
    EXPECT_EQ(name(rules, RpiRule::AnswerFormat), "not-applicable");
    // Chat: the model wrote it; with no items there is nothing to cite.
    rules = ruleOutcomes(t, StageId::ProfileSynthesis, {}, 0, false);
    EXPECT_EQ(name(rules, RpiRule::MarkerOrder), "complied");
    EXPECT_EQ(name(rules, RpiRule::Citations), "not-applicable");
    // A violation is a violation in either mode.
    rules = ruleOutcomes(t, StageId::Answer, {{RpiRule::MarkerOrder, "x", 0}}, 5, true);
    EXPECT_EQ(name(rules, RpiRule::MarkerOrder), "violated");
    EXPECT_EQ(name(rules, RpiRule::AnswerFormat), "complied");
}

} // namespace
