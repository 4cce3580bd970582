// Scoring a single prediction, agreement between candidates, the offline lexical judge and
// reading a model judge's reply, on hand-worked examples.
#include "pipeline/engine/Engine.h"
#include "pipeline/engine/Judge.h"
#include "pipeline/offline/TextUtil.h"

#include <gtest/gtest.h>
#include <set>

using namespace r2p;
using namespace r2p::engine;

namespace {

PromptItem item(int n, double score, std::vector<std::pair<std::string, std::string>> fields) {
    PromptItem p;
    p.n = n;
    p.profileId = "p" + std::to_string(n);
    p.score = score;
    p.fields = std::move(fields);
    return p;
}

TEST(ScorePrediction, FollowsLampRulesPerTask) {
    EXPECT_EQ(scorePrediction(TaskId::LaMP1, " [1]\n", "[1]"), (ScoreList{{"accuracy", 1.0}}));
    EXPECT_EQ(scorePrediction(TaskId::LaMP1, "[1] because", "[1]"), (ScoreList{{"accuracy", 0.0}}));
    EXPECT_EQ(scorePrediction(TaskId::LaMP2, "Comedy", "comedy"), (ScoreList{{"accuracy", 0.0}}));
    // LaMP-3: an unparsable prediction becomes the rating farther from the gold.
    EXPECT_EQ(scorePrediction(TaskId::LaMP3, "four", "4"),
              (ScoreList{{"MAE", 3.0}, {"squared_error", 9.0}}));
    EXPECT_EQ(scorePrediction(TaskId::LaMP3, "2", "5"),
              (ScoreList{{"MAE", 3.0}, {"squared_error", 9.0}}));
    const auto rouge = scorePrediction(TaskId::LaMP4, "the cat sat", "the cat sat down");
    ASSERT_EQ(rouge.size(), 4u);
    EXPECT_EQ(rouge[0].first, "rouge-1");
    EXPECT_NEAR(rouge[0].second, 2 * 1.0 * 0.75 / 1.75, 1e-12);
}

TEST(CandidateAgreement, VotesForLabelsAndRougeForText) {
    const auto votes = candidateAgreement(AnswerKind::Label, {"comedy", " comedy", "action"});
    ASSERT_EQ(votes.size(), 3u);
    EXPECT_NEAR(votes[0], 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(votes[1], 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(votes[2], 1.0 / 3.0, 1e-12);
    EXPECT_EQ(candidateAgreement(AnswerKind::Rating, {"4"}), std::vector<double>{1.0});
    const auto text = candidateAgreement(AnswerKind::Text, {"a b c d", "a b c d", "x y"});
    EXPECT_NEAR(text[0], 0.5, 1e-12); // 1 with the twin, 0 with the other
    EXPECT_NEAR(text[2], 0.0, 1e-12);
}

TEST(LexicalJudge, RatingsNearTheCandidateSupportItAndFarOnesContradict) {
    const auto* hrt = builtinHrtTemplate(TaskId::LaMP3);
    ASSERT_NE(hrt, nullptr);
    const std::vector<PromptItem> items = {item(1, 3.0, {{"text", "great"}, {"score", "5"}}),
                                           item(2, 2.0, {{"text", "good"}, {"score", "4"}}),
                                           item(3, 1.0, {{"text", "bad"}, {"score", "1"}})};
    auto v = lexicalJudge(TaskId::LaMP3, *hrt, "5", items, "");
    EXPECT_EQ(v.verdict, Verdict::Supported);
    EXPECT_EQ(v.evidence, (std::vector<int>{1, 2}));
    v = lexicalJudge(TaskId::LaMP3, *hrt, "1", items, "");
    EXPECT_EQ(v.verdict, Verdict::Contradicted);
    EXPECT_EQ(v.evidence, (std::vector<int>{1, 2}));
    EXPECT_NE(v.reason.find("P1, P2"), std::string::npos);
    v = lexicalJudge(TaskId::LaMP3, *hrt, "five", items, "");
    EXPECT_EQ(v.verdict, Verdict::Unsupported);
    v = lexicalJudge(TaskId::LaMP3, *hrt, "4", {}, "");
    EXPECT_EQ(v.verdict, Verdict::Unsupported);
}

TEST(LexicalJudge, TagsOfTheRetrievedMoviesDecideLaMP2) {
    const auto* hrt = builtinHrtTemplate(TaskId::LaMP2);
    ASSERT_NE(hrt, nullptr);
    const std::vector<PromptItem> items = {
        item(1, 5.0, {{"description", "a"}, {"tag", "comedy"}}),
        item(2, 3.0, {{"description", "b"}, {"tag", "comedy"}}),
        item(3, 2.0, {{"description", "c"}, {"tag", "dystopia"}})};
    EXPECT_EQ(lexicalJudge(TaskId::LaMP2, *hrt, "comedy", items, "").verdict, Verdict::Supported);
    EXPECT_EQ(lexicalJudge(TaskId::LaMP2, *hrt, "dystopia", items, "").verdict, Verdict::Partial);
    const auto v = lexicalJudge(TaskId::LaMP2, *hrt, "romance", items, "");
    EXPECT_EQ(v.verdict, Verdict::Contradicted);
    EXPECT_EQ(v.evidence, (std::vector<int>{1, 2}));
}

TEST(LexicalJudge, LaMP1PrefersTheReferenceCloserToTheUsersPapers) {
    const auto* hrt = builtinHrtTemplate(TaskId::LaMP1);
    ASSERT_NE(hrt, nullptr);
    const std::string input =
        "For an author who has written the paper with the title \"Deep nets\", which reference "
        "is related? Just answer with [1] or [2] without explanation. [1]: \"Graph neural "
        "networks for molecules\" [2]: \"Medieval poetry and rhyme\"";
    const std::vector<PromptItem> items = {
        item(1, 2.0, {{"title", "Neural networks on graphs"}, {"abstract", "molecules graph"}})};
    EXPECT_EQ(lexicalJudge(TaskId::LaMP1, *hrt, "[1]", items, input).verdict, Verdict::Supported);
    EXPECT_EQ(lexicalJudge(TaskId::LaMP1, *hrt, "[2]", items, input).verdict,
              Verdict::Contradicted);
    EXPECT_EQ(lexicalJudge(TaskId::LaMP1, *hrt, "1", items, input).verdict, Verdict::Unsupported);
}

// The judge and the offline reasoner share one stop list: "new", "based", "first" and "said"
// are no content words for either.
TEST(ContentWords, DropShortAndFunctionWordsForJudgeAndReasonerAlike) {
    EXPECT_EQ(offline::contentWords("The first new model, based on what was said"),
              (std::set<std::string>{"model"}));
}

TEST(LexicalJudge, ATextSharingOnlyStopWordsWithTheProfileIsUnsupported) {
    const auto* hrt = builtinHrtTemplate(TaskId::LaMP4);
    ASSERT_NE(hrt, nullptr);
    // Item words {results, data}; answer words {methods, theory}: no overlap. With "new" and
    // "based" as content words this was 2 of 4 shared, 50%: supported.
    const std::vector<PromptItem> items = {item(1, 1.0, {{"title", "New results based on data"}})};
    const auto v = lexicalJudge(TaskId::LaMP4, *hrt, "New methods based on theory", items, "");
    EXPECT_EQ(v.verdict, Verdict::Unsupported);
    EXPECT_TRUE(v.evidence.empty());
}

TEST(ParseJudgeReply, ReadsTheThreeLinesStrictly) {
    auto v = parseJudgeReply("Some thinking first.\n**VERDICT:** Contradicted\n- EVIDENCE: P2, "
                             "P10 and P2\nREASON: P2 gave one star.");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->verdict, Verdict::Contradicted);
    EXPECT_EQ(v->evidence, (std::vector<int>{2, 10}));
    EXPECT_EQ(v->reason, "P2 gave one star.");
    v = parseJudgeReply("verdict: partial.\nevidence: none");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->verdict, Verdict::Partial);
    EXPECT_TRUE(v->evidence.empty());
    EXPECT_EQ(parseJudgeReply("VERDICT: unsupported")->verdict, Verdict::Unsupported);
    EXPECT_EQ(parseJudgeReply("VERDICT: **supported**")->verdict, Verdict::Supported);
    EXPECT_FALSE(parseJudgeReply("It looks fine to me."));
    EXPECT_FALSE(parseJudgeReply("VERDICT: maybe"));
    // No verdict word of its own: a hedge, the format line echoed back, the word "unparsed".
    EXPECT_FALSE(parseJudgeReply("VERDICT: partially supported"));
    EXPECT_FALSE(parseJudgeReply("VERDICT: supported, partial, contradicted or unsupported"));
    EXPECT_FALSE(parseJudgeReply("VERDICT: unparsed"));
    // Two verdicts that disagree are no verdict; the same one twice is.
    EXPECT_FALSE(parseJudgeReply("VERDICT: supported\nVERDICT: contradicted"));
    EXPECT_EQ(parseJudgeReply("VERDICT: partial\nVERDICT: Partial")->verdict, Verdict::Partial);
}

TEST(StagePlan, BaselinesAreShortAndR2PSkipsCandidatesWhenThereIsOne) {
    EXPECT_EQ(stagePlan(SystemId::NoProfile, 3), (std::vector{StageId::Generate, StageId::Score}));
    EXPECT_EQ(stagePlan(SystemId::LampRag, 3),
              (std::vector{StageId::Retrieve, StageId::Generate, StageId::Score}));
    const auto one = stagePlan(SystemId::R2P, 1);
    EXPECT_EQ(std::count(one.begin(), one.end(), StageId::Candidates), 0);
    const auto three = stagePlan(SystemId::R2P, 3);
    EXPECT_EQ(std::count(three.begin(), three.end(), StageId::Candidates), 1);
    EXPECT_EQ(three.front(), StageId::Retrieve);
    EXPECT_EQ(three.back(), StageId::Score);
}

TEST(StagePlan, AblationsTakeOutTheTemplateOrTheCrossReference) {
    // Without the template: free reasoning (generate) for the first candidate, the rest as
    // candidates, then the cross-reference as in R2P.
    EXPECT_EQ(stagePlan(SystemId::R2PNoHrt, 3),
              (std::vector{StageId::Retrieve, StageId::Generate, StageId::Candidates,
                           StageId::CrossReference, StageId::Final, StageId::Score}));
    EXPECT_EQ(stagePlan(SystemId::R2PNoHrt, 1),
              (std::vector{StageId::Retrieve, StageId::Generate, StageId::CrossReference,
                           StageId::Final, StageId::Score}));
    // Without cross-reference: the levels, one candidate whatever M is, the answer as final.
    const std::vector noCr{StageId::Retrieve,   StageId::TaskAnalysis, StageId::ProfileSynthesis,
                           StageId::AnswerPlan, StageId::Answer,       StageId::Final,
                           StageId::Score};
    EXPECT_EQ(stagePlan(SystemId::R2PNoCr, 3), noCr);
    EXPECT_EQ(stagePlan(SystemId::R2PNoCr, 1), noCr);
    EXPECT_EQ(parseSystemName("r2p-no-hrt"), SystemId::R2PNoHrt);
    EXPECT_EQ(parseSystemName("r2p-no-cr"), SystemId::R2PNoCr);
    EXPECT_EQ(systemName(SystemId::R2PNoCr), "r2p-no-cr");
}

} // namespace

namespace {

TEST(EngineConfigJson, RoundTripsEverySetting) {
    EngineConfig c;
    c.ranker = "recency";
    c.k = 7;
    c.seed = 42;
    c.candidates = 5;
    c.variation = Variation::Retrieval;
    c.temperature = 0.25;
    c.candidateTemperature = 0.75;
    c.maxInterventions = 1;
    c.mode = PromptMode::Prefill;
    c.chatTemplate = "llama3";
    c.maxProfileWords = 300;
    const std::string json = engineConfigJson(c, 8);
    EXPECT_NE(json.find("\"concurrency\":8"), std::string::npos) << json;
    const EngineConfig back = engineConfigFromJson(json, "m");
    EXPECT_EQ(back.ranker, "recency");
    EXPECT_EQ(back.k, 7u);
    EXPECT_EQ(back.seed, 42u);
    EXPECT_EQ(back.candidates, 5);
    EXPECT_EQ(back.variation, Variation::Retrieval);
    EXPECT_DOUBLE_EQ(back.temperature, 0.25);
    EXPECT_DOUBLE_EQ(back.candidateTemperature, 0.75);
    EXPECT_EQ(back.maxInterventions, 1);
    EXPECT_EQ(back.mode, PromptMode::Prefill);
    EXPECT_EQ(back.chatTemplate, "llama3");
    EXPECT_EQ(back.maxProfileWords, 300u);
    EXPECT_EQ(back.model, "m");
    // Garbage keeps the defaults.
    EXPECT_EQ(engineConfigFromJson("not json", "m").k, EngineConfig{}.k);
}

} // namespace
