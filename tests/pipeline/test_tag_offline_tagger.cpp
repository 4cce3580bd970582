// The offline (rule-based) tagger: HRT levels through the tag set's level mapping, free reasoning
// by cues, with offsets and confidences worked out by hand.
#include "pipeline/engine/OfflineReasoner.h"
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

// The offline reasoner's own chains, untagged, through the tagger and the checks: R2P's four
// levels follow the shipped set's order; lrm-rag's free reasoning gets cue tags.
TEST(OfflineTagger, TheOfflineReasonersChains) {
    const TagSet& set = builtinTagSet();
    engine::StageHint h;
    h.task = TaskId::LaMP3;
    h.system = SystemId::R2P;
    h.userId = "user-1";
    h.input = "What is the score of the following review on a scale of 1 to 5? just answer with "
              "1, 2, 3, 4, or 5 without further explanation. review: Great blender, I love it.";
    for (int n = 1; n <= 3; ++n) {
        engine::PromptItem p;
        p.n = n;
        p.profileId = "p" + std::to_string(n);
        p.score = 4.0 - n;
        p.fields = {{"text", n == 3 ? "Broke." : "Love it."}, {"score", n == 3 ? "1" : "5"}};
        h.items.push_back(p);
    }
    h.hrt = &lamp3();
    engine::OfflineOptions compliant;
    compliant.flawRate = 0;

    // The four level texts one after another, each level's span moved to its place.
    std::string text;
    std::vector<TagSpan> spans;
    for (StageId stage :
         {StageId::TaskAnalysis, StageId::ProfileSynthesis, StageId::AnswerPlan, StageId::Answer}) {
        h.stage = stage;
        const std::string level = engine::offlineReason(h, compliant).answer;
        auto levelSpans = tagHrtLevel(set, lamp3(), stage, level);
        ASSERT_EQ(levelSpans.size(), 1u) << level;
        for (auto& s : levelSpans) {
            s.start = s.outerStart = s.start + text.size();
            s.end = s.outerEnd = s.end + text.size();
            spans.push_back(s);
        }
        text += level + "\n";
    }
    ASSERT_EQ(spans.size(), 4u);
    EXPECT_EQ(spans[0].tag, "query");
    EXPECT_EQ(spans[1].tag, "preference");
    EXPECT_EQ(spans[2].tag, "relate");
    EXPECT_EQ(spans[3].tag, "answer");
    const ConstraintReport r =
        checkTagConstraints(set, text, spans, {}, ChainContext{&lamp3().answer, h.items.size()});
    for (TagRule rule :
         {TagRule::WellFormed, TagRule::Required, TagRule::Transition, TagRule::Occurrences,
          TagRule::AnswerFormat, TagRule::Citations, TagRule::Repetition})
        EXPECT_TRUE(r.holds(rule)) << tagRuleName(rule) << "\n" << text;

    // lrm-rag: "The user's history should decide this. Looking at the retrieved items: ...".
    h.system = SystemId::LrmRag;
    h.stage = StageId::Generate;
    h.hrt = nullptr;
    const engine::OfflineAnswer free = engine::offlineReason(h, compliant);
    const auto freeSpans = tagFreeReasoning(set, free.reasoning, free.answer);
    ASSERT_GE(freeSpans.size(), 2u) << free.reasoning;
    EXPECT_EQ(freeSpans.front().tag, "history") << free.reasoning;
    EXPECT_EQ(freeSpans.back().tag, "answer");
    EXPECT_EQ(chainText(free.reasoning, free.answer)
                  .substr(freeSpans.back().start, freeSpans.back().end - freeSpans.back().start),
              free.answer);
    for (const auto& s : freeSpans)
        EXPECT_EQ(s.annotator, "offline (rule-based tagger)");
}
