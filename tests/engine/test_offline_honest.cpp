// The offline reasoner does not flatter R2P (issue 15, part D), on hand-made users: lamp-rag
// reads all k items (a k-sweep moves), later RPI attempts fail too so some interventions give
// up, the lexical judge weighs the history on its own and can disagree with the reasoner, and
// the candidates' variation follows the system's sampling.
#include "model/Dataset.h"
#include "pipeline/analysis/RetrievalSweep.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/engine/Judge.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/OfflineReasoner.h"
#include "pipeline/engine/Rpi.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

using namespace r2p;
using namespace r2p::engine;

namespace {

const std::string kLaMP2Prefix =
    "Which tag does this movie relate to among the following tags? Just answer with the tag name "
    "without further explanation. tags: [sci-fi, based on a book, comedy, action, twist ending, "
    "dystopia, dark comedy, classic, psychology, fantasy, romance, thought-provoking, social "
    "commentary, violence, true story] description: ";

const std::string kLaMP3Prefix =
    "What is the score of the following review on a scale of 1 to 5? just answer with 1, 2, 3, "
    "4, or 5 without further explanation. review: ";

PromptItem item(int n, double score, std::vector<std::pair<std::string, std::string>> fields) {
    PromptItem p;
    p.n = n;
    p.profileId = "p" + std::to_string(n);
    p.score = score;
    p.fields = std::move(fields);
    return p;
}

ProfileItem profileItem(std::string id, std::vector<std::pair<std::string, std::string>> fields) {
    ProfileItem p;
    p.id = std::move(id);
    p.fields = std::move(fields);
    return p;
}

StageHint lampRagHint(std::vector<PromptItem> items) {
    StageHint h;
    h.task = TaskId::LaMP2;
    h.system = SystemId::LampRag;
    h.stage = StageId::Generate;
    h.userId = "u";
    h.input = kLaMP2Prefix + "A slapstick comedy full of laughs.";
    h.items = std::move(items);
    h.hrt = builtinHrtTemplate(TaskId::LaMP2);
    return h;
}

OfflineOptions noFlaws() {
    OfflineOptions o;
    o.flawRate = 0;
    return o;
}

// A LaMP-3 user whose ratings' weighted mean sits near a rounding boundary, so varied weights
// change the rounded answer.
UserRecord lamp3User(const std::string& id) {
    UserRecord r;
    r.id = id;
    r.input = kLaMP3Prefix + "The kettle boils fast but the lid sticks and the handle gets hot.";
    const std::vector<std::pair<const char*, const char*>> reviews = {
        {"The kettle boils fast, lid fine.", "5"},
        {"A kettle whose handle gets hot.", "2"},
        {"Lid sticks on this kettle, boils fast.", "4"},
        {"Handle fine, lid sticks sometimes.", "3"},
        {"Boils water. Nothing else to say.", "5"},
        {"Hot handle, slow to boil.", "1"}};
    int n = 0;
    for (const auto& [text, score] : reviews)
        r.profile.push_back(
            profileItem(id + "-" + std::to_string(n++), {{"text", text}, {"score", score}}));
    return r;
}

} // namespace

// ---- lamp-rag reads every retrieved item --------------------------------------------------

TEST(OfflineHonest, LampRagsAnswerDependsOnItemsBeyondTheFirst) {
    // Position weights 1, 1/1.1, 1/1.2 (normalised): comedy 1 + 0.909 against dystopia 0.833.
    std::vector<PromptItem> items = {item(1, 3.0, {{"description", "a"}, {"tag", "comedy"}}),
                                     item(2, 2.0, {{"description", "b"}, {"tag", "comedy"}}),
                                     item(3, 1.0, {{"description", "c"}, {"tag", "dystopia"}})};
    EXPECT_EQ(offlineReason(lampRagHint(items), noFlaws()).answer, "comedy");
    // Item 2 turns: dystopia 0.909 + 0.833 = 1.742 against comedy 1.
    items[1].fields[1].second = "dystopia";
    EXPECT_EQ(offlineReason(lampRagHint(items), noFlaws()).answer, "dystopia");
    // Item 3 back to comedy: comedy 1 + 0.833 = 1.833 against dystopia 0.909.
    items[2].fields[1].second = "comedy";
    EXPECT_EQ(offlineReason(lampRagHint(items), noFlaws()).answer, "comedy");

    // LaMP-3: the ratings 5, 4, 1 at weights 1, 1/1.1, 1/1.2 average 3.45 → 3; a 5 in third
    // place instead of the 1 gives 4.67 → 5. The first item is the same both times.
    StageHint three;
    three.task = TaskId::LaMP3;
    three.system = SystemId::LampRag;
    three.stage = StageId::Generate;
    three.userId = "u";
    three.input = kLaMP3Prefix + "It works.";
    three.hrt = builtinHrtTemplate(TaskId::LaMP3);
    three.items = {item(1, 2.0, {{"text", "a"}, {"score", "5"}}),
                   item(2, 1.0, {{"text", "b"}, {"score", "4"}}),
                   item(3, 1.0, {{"text", "c"}, {"score", "1"}})};
    EXPECT_EQ(offlineReason(three, noFlaws()).answer, "3");
    three.items[2].fields[1].second = "5";
    EXPECT_EQ(offlineReason(three, noFlaws()).answer, "5");
}

TEST(OfflineHonest, LampRagsKSweepIsNotFlat) {
    // One LaMP-2 user, ranked by recency (newest first): comedy (2021), dystopia (2020-06,
    // 2020-03, 2019-12), comedy (2019). Gold: dystopia.
    test::TempDir dir;
    nlohmann::json user = {{"id", "900"},
                           {"input", kLaMP2Prefix + "A slapstick comedy full of laughs."},
                           {"profile", nlohmann::json::array()}};
    const std::vector<std::tuple<const char*, const char*, const char*>> profile = {
        {"9001", "comedy", "2021-01-01"},
        {"9002", "dystopia", "2020-06-01"},
        {"9003", "dystopia", "2020-03-01"},
        {"9004", "dystopia", "2019-12-01"},
        {"9005", "comedy", "2019-01-01"}};
    for (const auto& [id, tag, date] : profile)
        user["profile"].push_back(
            {{"id", id}, {"tag", tag}, {"description", "A film."}, {"date", date}});
    const std::string questions =
        dir.write("dev_questions.json", nlohmann::json::array({user}).dump());
    const std::string outputs = dir.write(
        "dev_outputs.json",
        nlohmann::json{{"task", "LaMP_2"}, {"golds", {{{"id", "900"}, {"output", "dystopia"}}}}}
            .dump());
    auto index = indexDataset(questions, outputs);
    ASSERT_TRUE(index) << index.error().message;
    EngineConfig config;
    config.ranker = "recency";
    auto ctx = EngineContext::make(TaskId::LaMP2, config,
                                   std::make_shared<OfflineBackend>(noFlaws()), nullptr, true);
    ASSERT_TRUE(ctx) << ctx.error().message;
    analysis::RetrievalSweep sweep(*ctx, *index);
    analysis::SweepSpec spec;
    spec.systems = {SystemId::LampRag};
    spec.users = {0};
    spec.ks = {0, 1, 2, 4, 8};
    auto r = sweep.run(spec);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->points.size(), 5u);
    // k=0: the description's words say comedy. k=1: comedy alone. k=2: comedy 1 against
    // dystopia 0.909. k=4: dystopia 0.909 + 0.833 + 0.769 = 2.51 against comedy 1. k=8 (all
    // five): comedy 1 + 0.714 = 1.714 against 2.51.
    const std::vector<double> expected = {0, 0, 0, 1, 1};
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(r->points[i].metric("accuracy"), expected[i]) << "k=" << r->points[i].k;
}

// ---- later RPI attempts fail too ------------------------------------------------------------

TEST(OfflineHonest, SomeInterventionsGiveUpAndSomeComply) {
    OfflineOptions options;
    options.flawRate = 0.5;       // first attempts
    options.retryFlawShare = 0.5; // attempt 1: 0.25, attempt 2: 0.125
    auto backend = std::make_shared<OfflineBackend>(options);
    EngineConfig config;
    config.seed = 7;
    auto ctx = EngineContext::make(TaskId::LaMP3, config, backend, nullptr, true);
    ASSERT_TRUE(ctx);
    int complied = 0, gaveUp = 0, violatedAgain = 0;
    for (int u = 0; u < 12; ++u) {
        UserRun run(*ctx, lamp3User("h" + std::to_string(u)), std::string("3"), SystemId::R2P);
        ASSERT_TRUE(run.run()) << run.trace().error;
        for (const auto& e : run.trace().events) {
            if (e.kind != EventKind::Intervention)
                continue;
            complied += e.outcome == InterventionOutcome::Complied ? 1 : 0;
            gaveUp += e.outcome == InterventionOutcome::GaveUp ? 1 : 0;
            violatedAgain += e.outcome == InterventionOutcome::ViolatedAgain ? 1 : 0;
        }
    }
    EXPECT_GT(complied, 0);
    EXPECT_GT(gaveUp, 0);
    EXPECT_GT(violatedAgain, 0); // a second attempt that failed before a third complied or not

    // The draw for later attempts: lower than the first attempt's rate, and seeded.
    int first = 0, again = 0, seedDiffers = 0;
    for (int i = 0; i < 2000; ++i) {
        const std::string user = "x" + std::to_string(i);
        first += offlineFlawed(user, StageId::Answer, 0, 0.2) ? 1 : 0;
        const bool a1 = offlineFlawedAgain(user, StageId::Answer, 0, 1, 1, 0.2, 0.5);
        const bool a2 = offlineFlawedAgain(user, StageId::Answer, 0, 2, 1, 0.2, 0.5);
        again += a1 ? 1 : 0;
        EXPECT_TRUE(!a2 || a1); // failing the third attempt means failing the second
        seedDiffers += a1 != offlineFlawedAgain(user, StageId::Answer, 0, 1, 2, 0.2, 0.5) ? 1 : 0;
    }
    EXPECT_GT(first, 300); // ~400
    EXPECT_LT(first, 500);
    EXPECT_GT(again, 120); // ~200 (0.1)
    EXPECT_LT(again, 280);
    EXPECT_GT(seedDiffers, 0);
    EXPECT_FALSE(offlineFlawedAgain("x", StageId::Answer, 0, 0, 1, 1.0, 1.0));
    EXPECT_FALSE(offlineFlawedAgain("x", StageId::Answer, 0, 1, 1, 1.0, 0.0));

    // Without retry failures every intervention complies, as before.
    OfflineOptions corrected = options;
    corrected.retryFlawShare = 0;
    auto ctx0 = EngineContext::make(TaskId::LaMP3, config,
                                    std::make_shared<OfflineBackend>(corrected), nullptr, true);
    ASSERT_TRUE(ctx0);
    for (int u = 0; u < 4; ++u) {
        UserRun run(*ctx0, lamp3User("h" + std::to_string(u)), std::string("3"), SystemId::R2P);
        ASSERT_TRUE(run.run());
        for (const auto& e : run.trace().events)
            if (e.kind == EventKind::Intervention) {
                EXPECT_EQ(e.outcome, InterventionOutcome::Complied);
            }
    }
}

// ---- the judge weighs the history on its own ------------------------------------------------

TEST(OfflineHonest, TheJudgeDoesNotSupportWhatTheHistoryPointsAwayFrom) {
    const auto* hrt = builtinHrtTemplate(TaskId::LaMP2);
    ASSERT_NE(hrt, nullptr);
    // The best-scored item says comedy (10 of 13 of the retrieval weight, what the reasoner's
    // vote follows); three of the four items say dystopia.
    const std::vector<PromptItem> items = {
        item(1, 10.0, {{"description", "a"}, {"tag", "comedy"}}),
        item(2, 1.0, {{"description", "b"}, {"tag", "dystopia"}}),
        item(3, 1.0, {{"description", "c"}, {"tag", "dystopia"}}),
        item(4, 1.0, {{"description", "d"}, {"tag", "dystopia"}})};
    StageHint h;
    h.task = TaskId::LaMP2;
    h.system = SystemId::R2P;
    h.stage = StageId::Answer;
    h.userId = "u";
    h.input = kLaMP2Prefix + "Two rivals share a flat.";
    h.items = items;
    h.hrt = hrt;
    EXPECT_EQ(stageBody(*hrt, StageId::Answer, offlineReason(h, noFlaws()).answer), "comedy");
    const auto v = lexicalJudge(TaskId::LaMP2, *hrt, "comedy", items, h.input);
    EXPECT_EQ(v.verdict, Verdict::Partial) << v.reason; // 1 of 4 items; 3 of 4 say dystopia
    EXPECT_EQ(v.evidence, (std::vector<int>{1}));
    EXPECT_EQ(lexicalJudge(TaskId::LaMP2, *hrt, "dystopia", items, h.input).verdict,
              Verdict::Supported);
    EXPECT_EQ(lexicalJudge(TaskId::LaMP2, *hrt, "romance", items, h.input).verdict,
              Verdict::Contradicted);

    // LaMP-3: the top item rates 5, the other three 1 or 2: a 5 is contradicted (3 of 4 items
    // two or more stars away), though the reasoner's score-weighted mean would be near 4.
    const auto* hrt3 = builtinHrtTemplate(TaskId::LaMP3);
    const std::vector<PromptItem> ratings = {item(1, 10.0, {{"text", "a"}, {"score", "5"}}),
                                             item(2, 1.0, {{"text", "b"}, {"score", "1"}}),
                                             item(3, 1.0, {{"text", "c"}, {"score", "2"}}),
                                             item(4, 1.0, {{"text", "d"}, {"score", "1"}})};
    EXPECT_EQ(lexicalJudge(TaskId::LaMP3, *hrt3, "5", ratings, "").verdict, Verdict::Contradicted);

    // LaMP-4: the user's headlines run 4-5 words and share no word with a 14-word answer.
    const auto* hrt4 = builtinHrtTemplate(TaskId::LaMP4);
    const std::vector<PromptItem> headlines = {
        item(1, 1.0, {{"title", "Harbour Ferry Fares Rise"}, {"text", "council budget vote"}}),
        item(2, 1.0, {{"title", "Storm Closes Coastal Road"}, {"text", "council budget"}}),
        item(3, 1.0, {{"title", "Fishing Fleet Returns Early Today"}, {"text", "budget"}})};
    const auto long_ = lexicalJudge(
        TaskId::LaMP4, *hrt4,
        "Council budget vote delayed again as members argue over school funding and park repairs",
        headlines, "");
    EXPECT_EQ(long_.verdict, Verdict::Contradicted) << long_.reason;
    EXPECT_EQ(lexicalJudge(TaskId::LaMP4, *hrt4, "Ferry Fares Rise Again", headlines, "").verdict,
              Verdict::Supported);
}

TEST(OfflineHonest, AnEngineRunsVerdictFollowsTheHistoryNotTheReasoner) {
    // BM25 ranks the comedy item first by far (it shares the description's words); three other
    // items, sharing nothing with it, say dystopia. The reasoner's weighted vote says comedy;
    // the judge, counting items, does not support it.
    UserRecord r;
    r.id = "901";
    r.input = kLaMP2Prefix + "Penguins juggle marmalade jars in Reykjavik.";
    r.profile = {profileItem("a", {{"description", "Penguins juggle marmalade jars in Reykjavik "
                                                   "again."},
                                   {"tag", "comedy"}}),
                 profileItem("b", {{"description", "A grim tower state."}, {"tag", "dystopia"}}),
                 profileItem("c", {{"description", "Ration cards rule."}, {"tag", "dystopia"}}),
                 profileItem("d", {{"description", "Walls and drones."}, {"tag", "dystopia"}})};
    EngineConfig config;
    config.candidates = 1;
    auto ctx = EngineContext::make(TaskId::LaMP2, config,
                                   std::make_shared<OfflineBackend>(noFlaws()), nullptr, true);
    ASSERT_TRUE(ctx);
    UserRun run(*ctx, r, std::string("dystopia"), SystemId::R2P);
    ASSERT_TRUE(run.run()) << run.trace().error;
    ASSERT_EQ(run.trace().verdicts.size(), 1u);
    EXPECT_EQ(run.trace().verdicts[0].answer, "comedy");
    EXPECT_NE(run.trace().verdicts[0].verdict, Verdict::Supported)
        << run.trace().verdicts[0].reason;
}

// ---- sampling -------------------------------------------------------------------------------

TEST(OfflineHonest, ParsesPerSystemSampling) {
    auto s = parseSamplingSpec("r2p:temperature=0.7,top_p=0.9,max_tokens=512");
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ(s->first, SystemId::R2P);
    EXPECT_EQ(s->second.temperature, 0.7);
    EXPECT_EQ(s->second.topP, 0.9);
    EXPECT_EQ(s->second.maxTokens, 512);
    s = parseSamplingSpec("lamp-rag: max_tokens = 16 ");
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ(s->first, SystemId::LampRag);
    EXPECT_FALSE(s->second.temperature);
    EXPECT_EQ(s->second.maxTokens, 16);
    for (const char* bad :
         {"r2p", "gpt:temperature=1", "r2p:temperature=3", "r2p:top_p=0", "r2p:max_tokens=1.5",
          "r2p:seed=3", "r2p:temperature=", "r2p:", "r2p:temperature=nan"})
        EXPECT_FALSE(parseSamplingSpec(bad)) << bad;
}

TEST(OfflineHonest, CandidatesFollowTheTemperature) {
    auto answers = [](const EngineConfig& config, const std::string& user) {
        auto ctx = EngineContext::make(TaskId::LaMP3, config,
                                       std::make_shared<OfflineBackend>(noFlaws()), nullptr, true);
        EXPECT_TRUE(ctx);
        UserRun run(*ctx, lamp3User(user), std::string("3"), SystemId::R2P);
        EXPECT_TRUE(run.run());
        std::vector<std::string> out;
        for (const auto& v : run.trace().verdicts)
            out.push_back(v.answer);
        return out;
    };
    int variedCold = 0, variedHot = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        EngineConfig config;
        config.seed = seed;
        config.candidates = 4;
        config.sampling[SystemId::R2P] = Sampling{0.0, std::nullopt, std::nullopt, std::nullopt};
        const auto cold = answers(config, "t");
        ASSERT_EQ(cold.size(), 4u);
        // Temperature 0: every candidate is the main chain's answer.
        EXPECT_EQ(std::set<std::string>(cold.begin(), cold.end()).size(), 1u) << seed;
        variedCold += std::set<std::string>(cold.begin(), cold.end()).size() > 1 ? 1 : 0;
        config.sampling[SystemId::R2P] = Sampling{1.5, std::nullopt, std::nullopt, std::nullopt};
        const auto hot = answers(config, "t");
        variedHot += std::set<std::string>(hot.begin(), hot.end()).size() > 1 ? 1 : 0;
    }
    EXPECT_EQ(variedCold, 0);
    EXPECT_GT(variedHot, 0);

    // Over many seeds the share of candidates that differ from the main chain grows with the
    // temperature, and a narrow top-p narrows it.
    auto differing = [](double temperature, double topP) {
        int n = 0;
        StageHint h;
        h.task = TaskId::LaMP3;
        h.system = SystemId::R2P;
        h.stage = StageId::Answer;
        h.userId = "v";
        h.input = kLaMP3Prefix + "Fine.";
        h.hrt = builtinHrtTemplate(TaskId::LaMP3);
        h.items = {item(1, 2.0, {{"text", "a"}, {"score", "5"}}),
                   item(2, 1.0, {{"text", "b"}, {"score", "4"}}),
                   item(3, 1.0, {{"text", "c"}, {"score", "1"}})};
        const std::string main =
            stageBody(*h.hrt, StageId::Answer, offlineReason(h, noFlaws()).answer);
        h.temperature = temperature;
        h.topP = topP;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            h.seed = seed;
            h.candidate = 1;
            n += stageBody(*h.hrt, StageId::Answer, offlineReason(h, noFlaws()).answer) != main;
        }
        return n;
    };
    EXPECT_EQ(differing(0.0, 1.0), 0);
    EXPECT_LT(differing(0.3, 1.0), differing(1.2, 1.0));
    EXPECT_LT(differing(1.2, 0.3), differing(1.2, 1.0));
}

TEST(OfflineHonest, ASystemsMaxTokensCutsItsOfflineAnswer) {
    EngineConfig config;
    config.sampling[SystemId::LrmRag] = Sampling{std::nullopt, std::nullopt, 4, std::nullopt};
    auto ctx = EngineContext::make(TaskId::LaMP3, config,
                                   std::make_shared<OfflineBackend>(noFlaws()), nullptr, true);
    ASSERT_TRUE(ctx);
    UserRun run(*ctx, lamp3User("m"), std::string("3"), SystemId::LrmRag);
    ASSERT_TRUE(run.run()) << run.trace().error;
    const auto& step = test::stepOf(run.trace().steps, "generate");
    EXPECT_EQ(step.output.finishReason, std::optional<std::string>("length"));
    EXPECT_LE(approxTokens(step.reasoning + step.answer), 4);
}
