// The offline (rule-based) tagger: HRT levels through the tag set's level mapping, free reasoning
// by cues, with offsets and confidences worked out by hand.
#include "pipeline/tags/OfflineTagger.h"
#include "pipeline/tags/TagConstraints.h"

#include <gtest/gtest.h>

using namespace r2p;
using namespace r2p::tags;

namespace {

TagSpan autoSpan(std::size_t start, std::size_t end, const std::string& tag, double confidence) {
    TagSpan s;
    s.start = s.outerStart = start;
    s.end = s.outerEnd = end;
    s.tag = tag;
    s.source = TagSource::Auto;
    s.annotator = "offline (rule-based tagger)";
    s.confidence = confidence;
    return s;
}

const engine::HrtTemplate& lamp3() {
    const engine::HrtTemplate* t = engine::builtinHrtTemplate(TaskId::LaMP3);
    EXPECT_NE(t, nullptr);
    return *t;
}

} // namespace

TEST(OfflineTagger, HrtLevelsThroughTheLevelMapping) {
    const TagSet& set = builtinTagSet();
    // "## Profile synthesis" is 20 bytes, the line break 1: the body is bytes 21..54.
    const std::string synthesis = "## Profile synthesis\nThe user rates gadgets high [P1].\n";
    EXPECT_EQ(tagHrtLevel(set, lamp3(), StageId::ProfileSynthesis, synthesis),
              std::vector<TagSpan>{autoSpan(21, 54, "preference", 1.0)});
    // Indented marker (RPI accepts it), body trimmed: "Compare." at 12..20.
    EXPECT_EQ(tagHrtLevel(set, lamp3(), StageId::AnswerPlan, "  ## Plan\n  Compare.  "),
              std::vector<TagSpan>{autoSpan(12, 20, "relate", 1.0)});
    EXPECT_EQ(
        tagHrtLevel(set, lamp3(), StageId::TaskAnalysis, "## Task analysis\nA rating.")[0].tag,
        "query");
    EXPECT_EQ(tagHrtLevel(set, lamp3(), StageId::Answer, "## Answer\n4")[0].start, 10u);
    // No marker: the whole text, trimmed.
    EXPECT_EQ(tagHrtLevel(set, lamp3(), StageId::Answer, " 4\n"),
              std::vector<TagSpan>{autoSpan(1, 2, "answer", 1.0)});
    // Nothing to tag: an empty body, a stage no tag maps to, a set without the mapping.
    EXPECT_TRUE(tagHrtLevel(set, lamp3(), StageId::Answer, "## Answer\n  \n").empty());
    EXPECT_TRUE(tagHrtLevel(set, lamp3(), StageId::Candidates, "## Answer\n4").empty());
    TagSet unmapped = set;
    for (auto& t : unmapped.tags)
        t.hrtLevel = StageId::Invalid;
    EXPECT_TRUE(tagHrtLevel(unmapped, lamp3(), StageId::Answer, "## Answer\n4").empty());
}

TEST(OfflineTagger, FreeReasoningByCues) {
    const TagSet& set = builtinTagSet();
    // Sentences and their cue hits under the shipped set:
    //  "Okay."                                    none -> joins the run after it
    //  "The user's history should decide this."   history 1 ("history")
    //  "Hmm."                                     none -> joins the run before it
    //  "Looking at the retrieved items: the user prefers short titles [P1]."
    //                                             history 3 (looking at, retrieved, items),
    //                                             preference 1 (prefer)
    //  "Wait, check the format."                  check 2 (wait, check), query 1 (format)
    //  "So: the answer is 4."                     draft 1 ("so:")
    const std::string reasoning =
        "Okay. The user's history should decide this. Hmm. Looking at the retrieved items: the "
        "user prefers short titles [P1]. Wait, check the format.\nSo: the answer is 4.\n";
    const std::string content = " 4 ";
    const auto spans = tagFreeReasoning(set, reasoning, content);
    const std::size_t looking = reasoning.find("Looking");
    const std::size_t wait = reasoning.find("Wait");
    const std::size_t so = reasoning.find("So:");
    ASSERT_NE(looking, std::string::npos);
    const std::vector<TagSpan> expected{
        autoSpan(0, wait - 1, "history", 2.0 / 4.0), // 2 of its 4 sentences hit a cue
        autoSpan(wait, so - 1, "check", 1.0), autoSpan(so, reasoning.size() - 1, "draft", 1.0),
        autoSpan(reasoning.size() + 1, reasoning.size() + 2, "answer", 1.0)};
    EXPECT_EQ(spans, expected);
    // Deterministic.
    EXPECT_EQ(tagFreeReasoning(set, reasoning, content), spans);

    // The tagged chain goes through the same checks as a model's: history -> check is not an
    // allowed transition in the shipped set, and no <preference> segment is there.
    const std::string text = chainText(reasoning, content);
    const ConstraintReport r = checkTagConstraints(set, text, spans, {}, ChainContext{});
    EXPECT_FALSE(r.holds(TagRule::Transition));
    EXPECT_FALSE(r.holds(TagRule::Required));
    EXPECT_TRUE(r.holds(TagRule::WellFormed));
}

TEST(OfflineTagger, NoCueNoSpansAndCaseAndWordStarts) {
    const TagSet& set = builtinTagSet();
    // No cue anywhere: only the answer. "Prefabricated" does not start the cue "prefer";
    // "unchecked" has "check" inside a word, which does not count.
    auto spans = tagFreeReasoning(set, "Prefabricated and unchecked.", "3");
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(spans[0].tag, "answer");
    EXPECT_EQ(spans[0].start, 28u);
    // Cues ignore ASCII case; an empty answer gives no answer span.
    spans = tagFreeReasoning(set, "THE USER PREFERS JAZZ.", "  ");
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(spans[0], autoSpan(0, 22, "preference", 1.0));
    EXPECT_TRUE(tagFreeReasoning(set, "", "").empty());
}
