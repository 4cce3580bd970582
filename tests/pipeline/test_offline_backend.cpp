// The offline backend: the deterministic reasoner (HRT stage texts that pass RPI, answers from
// retrieval statistics, seeded flaws that a correction fixes, baselines) and its threads
// (streaming at a pace, cancel, stop sequences, max tokens, one onDone per request).
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/OfflineReasoner.h"
#include "pipeline/engine/Rpi.h"

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
#include <set>
#include <thread>

using namespace r2p;
using namespace r2p::engine;

namespace {

constexpr std::array<StageId, 4> kLevels = {StageId::TaskAnalysis, StageId::ProfileSynthesis,
                                            StageId::AnswerPlan, StageId::Answer};

PromptItem item(int n, double score, std::vector<std::pair<std::string, std::string>> fields) {
    PromptItem p;
    p.n = n;
    p.profileId = "p" + std::to_string(n);
    p.score = score;
    p.fields = std::move(fields);
    return p;
}

struct Case {
    TaskId task;
    std::string input;
    std::vector<PromptItem> items;
};

const std::string kLaMP1Input =
    "For an author who has written the paper with the title \"Graph neural networks for "
    "molecular property prediction\", which reference is related? Just answer with [1] or [2] "
    "without explanation. [1]: \"A survey of medieval farming tools and harvest rituals\" [2]: "
    "\"Message passing neural networks for quantum chemistry on molecular graphs\"";

const std::string kLaMP2Input =
    "Which tag does this movie relate to among the following tags? Just answer with the tag name "
    "without further explanation. tags: [sci-fi, based on a book, comedy, action, twist ending, "
    "dystopia, dark comedy, classic, psychology, fantasy, romance, thought-provoking, social "
    "commentary, violence, true story] description: A young wizard discovers a magic kingdom.";

const std::string kLaMP3Input =
    "What is the score of the following review on a scale of 1 to 5? just answer with 1, 2, 3, "
    "4, or 5 without further explanation. review: Great blender, I love it, works perfectly.";

std::vector<Case> cases() {
    std::vector<Case> c;
    c.push_back({TaskId::LaMP1,
                 kLaMP1Input,
                 {item(1, 4.0,
                       {{"title", "Graph networks for molecules"},
                        {"abstract", "We predict molecular properties with neural message "
                                     "passing on graphs."}}),
                  item(2, 2.5,
                       {{"title", "Quantum chemistry with deep learning"},
                        {"abstract", "Neural networks approximate quantum chemistry."}}),
                  item(3, 1.0, {{"title", "Protein folding"}, {"abstract", "Structures."}})}});
    c.push_back({TaskId::LaMP2,
                 kLaMP2Input,
                 {item(1, 3.0, {{"description", "A funny wizard."}, {"tag", "comedy"}}),
                  item(2, 2.0, {{"description", "Laughs in a kingdom."}, {"tag", "comedy"}}),
                  item(3, 1.5, {{"description", "A grim future state."}, {"tag", "dystopia"}})}});
    c.push_back(
        {TaskId::LaMP2N,
         "Which category does this article relate to among the following categories? "
         "Just answer with the category name without further explanation. categories: "
         "[food & drink, sports, education, parents, religion, travel, business, crime, "
         "science & technology, culture & arts, entertainment, politics, women, style & "
         "beauty, healthy living] article: The team won the season opener.",
         {item(1, 2.0, {{"title", "Game"}, {"text", "A game."}, {"category", "sports"}}),
          item(2, 1.0, {{"title", "Vote"}, {"text", "The senate."}, {"category", "politics"}})}});
    c.push_back({TaskId::LaMP3,
                 kLaMP3Input,
                 {item(1, 2.0, {{"text", "Love it."}, {"score", "5"}}),
                  item(2, 1.0, {{"text", "Fine."}, {"score", "4"}}),
                  item(3, 1.0, {{"text", "Broke."}, {"score", "1"}})}});
    c.push_back(
        {TaskId::LaMP4,
         "Generate a headline for the following article: The city council approved a new budget "
         "on Monday after months of debate. Critics said the plan cuts too deep into schools.",
         {item(1, 3.0, {{"title", "Council Approves Park Plan"}, {"text", "The council ..."}}),
          item(2, 2.0,
               {{"title", "Mayor Signs Budget After Long Debate"}, {"text", "The mayor ..."}})}});
    c.push_back({TaskId::LaMP5,
                 "Generate a title for the following abstract of a paper: In this paper, we "
                 "propose a fast algorithm for sparse matrix factorization on GPUs. Experiments "
                 "show large speedups.",
                 {item(1, 2.0,
                       {{"title", "Sparse solvers on modern hardware"},
                        {"abstract", "We study sparse matrix methods."}}),
                  item(2, 1.0, {{"title", "Fast kernels for GPUs"}, {"abstract", "GPUs."}})}});
    c.push_back({TaskId::LaMP6,
                 "Generate a subject for the following email: Hi team, the quarterly report is "
                 "due on Friday. Please send me your numbers by Wednesday.",
                 {item(1, 1.0, {{"text", "Send slides"}, {"title", "slides due friday"}}),
                  item(2, 1.0, {{"text", "Lunch?"}, {"title", "lunch plans"}})}});
    c.push_back({TaskId::LaMP7,
                 "Paraphrase the following tweet without any explanation before or after it: "
                 "Just finished my first marathon and my legs are done for the week",
                 {item(1, 2.0, {{"text", "morning run done, feeling great #running"}}),
                  item(2, 1.5, {{"text", "new shoes arrived today #running #gear"}}),
                  item(3, 1.0, {{"text", "rest day. pizza time"}})}});
    return c;
}

StageHint hintFor(const Case& c, StageId stage) {
    StageHint h;
    h.task = c.task;
    h.system = SystemId::R2P;
    h.stage = stage;
    h.userId = "user-1";
    h.input = c.input;
    h.items = c.items;
    h.hrt = builtinHrtTemplate(c.task);
    return h;
}

std::string lowerAscii(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z')
            ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

OfflineOptions compliant() {
    OfflineOptions o;
    o.flawRate = 0;
    return o;
}

std::string answerOf(const StageHint& h, const OfflineOptions& o = compliant()) {
    const auto a = offlineReason(h, o);
    return stageBody(*h.hrt, StageId::Answer, a.answer);
}

// Collects one request's deltas and outcome.
struct Collector {
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<std::pair<std::string, std::string>> deltas;
    std::vector<llm::GenerationOutcome> outcomes;
    std::atomic<int> doneCalls{0};

    llm::DeltaHandler onDelta() {
        return [this](std::string_view r, std::string_view a) {
            std::lock_guard lock(mutex);
            deltas.emplace_back(std::string(r), std::string(a));
            cv.notify_all();
        };
    }
    llm::DoneHandler onDone() {
        return [this](llm::GenerationOutcome&& o) {
            std::lock_guard lock(mutex);
            ++doneCalls;
            outcomes.push_back(std::move(o));
            cv.notify_all();
        };
    }
    bool waitDone(std::chrono::milliseconds limit = std::chrono::seconds(10)) {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, limit, [&] { return !outcomes.empty(); });
    }
    bool waitDeltas(std::size_t n, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, limit, [&] { return deltas.size() >= n; });
    }
};

llm::GenerationRequest requestFor(const StageHint& h) {
    llm::GenerationRequest r;
    r.label = "test · " + std::string(stageName(h.stage));
    r.messages.push_back({llm::Role::User, "the prompt"});
    r.hint = std::make_shared<StageHint>(h);
    return r;
}

} // namespace

TEST(OfflineReasoner, TemplatesExistForEveryTask) {
    for (const auto& c : cases())
        ASSERT_NE(builtinHrtTemplate(c.task), nullptr) << taskSpec(c.task).name;
}

TEST(OfflineReasoner, EveryCompliantStagePassesRpiForEveryTask) {
    for (const auto& c : cases()) {
        for (StageId stage : kLevels) {
            const StageHint h = hintFor(c, stage);
            const auto a = offlineReason(h, compliant());
            EXPECT_TRUE(a.reasoning.empty());
            const auto v =
                checkStageEnd(*h.hrt, stage, a.answer, approxTokens(a.answer), c.items.size());
            EXPECT_FALSE(v) << taskSpec(c.task).name << " " << stageName(stage) << ": "
                            << (v ? v->evidence : "") << "\n"
                            << a.answer;
            EXPECT_EQ(a.answer.rfind(h.hrt->level(stage)->marker + "\n", 0), 0u) << a.answer;
        }
        // Without items, too.
        Case empty = c;
        empty.items.clear();
        for (StageId stage : kLevels) {
            const StageHint h = hintFor(empty, stage);
            const auto a = offlineReason(h, compliant());
            EXPECT_FALSE(checkStageEnd(*h.hrt, stage, a.answer, approxTokens(a.answer), 0))
                << taskSpec(c.task).name << " " << stageName(stage) << "\n"
                << a.answer;
        }
        const StageHint h = hintFor(c, StageId::Answer);
        EXPECT_TRUE(answerInFormat(h.hrt->answer, answerOf(h))) << answerOf(h);
    }
}

TEST(OfflineReasoner, SynthesisCitesExistingItems) {
    for (const auto& c : cases()) {
        const StageHint h = hintFor(c, StageId::ProfileSynthesis);
        const auto cited = citedItems(offlineReason(h, compliant()).answer);
        ASSERT_FALSE(cited.empty()) << taskSpec(c.task).name;
        for (int n : cited) {
            EXPECT_GE(n, 1);
            EXPECT_LE(n, static_cast<int>(c.items.size()));
        }
    }
}

TEST(OfflineReasoner, IsDeterministic) {
    OfflineOptions o; // default flaw rate
    for (const auto& c : cases())
        for (StageId stage : {StageId::TaskAnalysis, StageId::ProfileSynthesis, StageId::AnswerPlan,
                              StageId::Answer, StageId::Generate}) {
            StageHint h = hintFor(c, stage);
            h.candidate = stage == StageId::Answer ? 2 : 0;
            h.seed = 99;
            for (SystemId system : {SystemId::R2P, SystemId::LrmRag}) {
                h.system = system;
                const auto a = offlineReason(h, o);
                const auto b = offlineReason(h, o);
                EXPECT_EQ(a.reasoning, b.reasoning);
                EXPECT_EQ(a.answer, b.answer);
            }
        }
    EXPECT_EQ(stableHash(""), 0xCBF29CE484222325ULL);
    EXPECT_EQ(stableHash("a"), 0xAF63DC4C8601EC8CULL); // FNV-1a test vector
}

TEST(OfflineReasoner, LaMP1PicksTheCandidateCloserToTheUsersPapers) {
    const auto c = cases()[0];
    EXPECT_EQ(answerOf(hintFor(c, StageId::Answer)), "[2]");
    const auto synthesis = offlineReason(hintFor(c, StageId::ProfileSynthesis), compliant());
    EXPECT_NE(synthesis.answer.find("share words with [2]"), std::string::npos) << synthesis.answer;
    // Swapping the references swaps the answer.
    Case swapped = c;
    swapped.input =
        "For an author who has written the paper with the title \"Graph neural networks for "
        "molecular property prediction\", which reference is related? [1]: \"Message passing "
        "neural networks for quantum chemistry on molecular graphs\" [2]: \"A survey of medieval "
        "farming tools and harvest rituals\"";
    EXPECT_EQ(answerOf(hintFor(swapped, StageId::Answer)), "[1]");
}

TEST(OfflineReasoner, LaMP2WeightedVote) {
    const auto c = cases()[1];
    EXPECT_EQ(answerOf(hintFor(c, StageId::Answer)), "comedy");
    const auto plan = offlineReason(hintFor(c, StageId::AnswerPlan), compliant()).answer;
    EXPECT_NE(plan.find("comedy 0.77, dystopia 0.23 → comedy"), std::string::npos) << plan;
    // A heavier dystopia item turns the vote.
    Case heavy = c;
    heavy.items[2].score = 10;
    EXPECT_EQ(answerOf(hintFor(heavy, StageId::Answer)), "dystopia");
    // No tags at all: the description's keywords ("wizard", "magic", "kingdom") → fantasy.
    Case untagged = c;
    untagged.items.clear();
    EXPECT_EQ(answerOf(hintFor(untagged, StageId::Answer)), "fantasy");
}

TEST(OfflineReasoner, LaMP3WeightedMeanRating) {
    const auto c = cases()[3];
    // (2*5 + 1*4 + 1*1) / 4 = 3.75 → 4
    EXPECT_EQ(answerOf(hintFor(c, StageId::Answer)), "4");
    const auto plan = offlineReason(hintFor(c, StageId::AnswerPlan), compliant()).answer;
    EXPECT_NE(plan.find("3.75 → 4"), std::string::npos) << plan;
    // Equal scores: plain mean (5 + 4 + 1) / 3 = 3.33 → 3
    Case equal = c;
    for (auto& i : equal.items)
        i.score = 0;
    EXPECT_EQ(answerOf(hintFor(equal, StageId::Answer)), "3");
    // No items: the sentiment lexicon reads "great", "love", "works" → 5
    Case none = c;
    none.items.clear();
    EXPECT_EQ(answerOf(hintFor(none, StageId::Answer)), "5");
}

TEST(OfflineReasoner, GenerationFollowsTheUsersStyle) {
    const auto all = cases();
    // LaMP-4: Title Case, 5 words (0.6 * 4 + 0.4 * 6 = 4.8), the leading article dropped, and
    // one word more rather than end on "New".
    const std::string headline = answerOf(hintFor(all[4], StageId::Answer));
    EXPECT_EQ(headline, "City Council Approved a New Budget") << headline;
    // LaMP-6: lowercase, the greeting dropped, 3 words and one more rather than end on "is".
    const std::string subject = answerOf(hintFor(all[6], StageId::Answer));
    EXPECT_EQ(subject, "quarterly report is due") << subject;
    // LaMP-7: the habitual hashtag is added.
    const std::string tweet = answerOf(hintFor(all[7], StageId::Answer));
    EXPECT_NE(tweet.find("#running"), std::string::npos) << tweet;
    EXPECT_EQ(tweet, lowerAscii(tweet)) << tweet;
    const auto synthesis = offlineReason(hintFor(all[7], StageId::ProfileSynthesis), compliant());
    EXPECT_NE(synthesis.answer.find("[P1, P2] use hashtags"), std::string::npos)
        << synthesis.answer;
    // LaMP-5: the "we propose" cue is dropped.
    const std::string title = answerOf(hintFor(all[5], StageId::Answer));
    EXPECT_EQ(title.find("propose"), std::string::npos) << title;
}

TEST(OfflineReasoner, GenerationReusesHabitualOpeningsAndPrefixes) {
    const std::string abstract =
        "Generate a title for the following abstract of a paper: Click models play a growing "
        "role in online marketplaces. We introduce Bittern, an approach to click models based "
        "on graph neural networks. Experiments show gains.";
    Case named{TaskId::LaMP5,
               abstract,
               {item(1, 1, {{"title", "Avocet: Efficient Query Autocompletion at Scale"}}),
                item(2, 1, {{"title", "Magpie: Fair Click Models with Graph Neural Networks"}}),
                item(3, 1, {{"title", "Robust product search for marketplaces"}})}};
    const std::string title = answerOf(hintFor(named, StageId::Answer));
    EXPECT_EQ(title.rfind("Bittern: ", 0), 0u) << title;
    EXPECT_NE(title.find("Click Models"), std::string::npos) << title;
    const auto synthesis = offlineReason(hintFor(named, StageId::ProfileSynthesis), compliant());
    EXPECT_NE(synthesis.answer.find("[P1, P2] start with a name and a colon"), std::string::npos)
        << synthesis.answer;

    Case towards = named;
    towards.items = {item(1, 1, {{"title", "Towards Low-Latency Keyword Spotting"}}),
                     item(2, 1, {{"title", "Towards Robust Speech Enhancement"}}),
                     item(3, 1, {{"title", "Limits of Adapter Tuning for Diarization"}})};
    const std::string opened = answerOf(hintFor(towards, StageId::Answer));
    EXPECT_EQ(opened.rfind("Towards ", 0), 0u) << opened;

    Case loud{TaskId::LaMP7,
              "Paraphrase the following tweet without any explanation before or after it: Our "
              "van broke down outside Lyon but the show will go on.",
              {item(1, 1, {{"text", "VAN BROKE DOWN OUTSIDE PORTO, SHOW MUST GO ON!"}}),
               item(2, 1, {{"text", "NEW PB ON HOLLOW TIDE BY 6 SECONDS!!"}})}};
    const std::string tweet = answerOf(hintFor(loud, StageId::Answer));
    EXPECT_EQ(tweet, "OUR VAN BROKE DOWN OUTSIDE LYON BUT THE SHOW WILL GO ON.") << tweet;
}

TEST(OfflineReasoner, AnEditedPlanDecidesTheAnswer) {
    const auto c = cases()[1];
    StageHint h = hintFor(c, StageId::Answer);
    h.plan = "## Plan\nThe user likes them dark → dark comedy.";
    EXPECT_EQ(answerOf(h), "dark comedy");
    h.plan = "## Plan\nSomething → not a tag.";
    EXPECT_EQ(answerOf(h), "comedy");
}

TEST(OfflineReasoner, FlawsOnTheFirstAttemptAreCorrected) {
    OfflineOptions o;
    o.flawRate = 0.15;
    for (const auto& c : cases()) {
        for (StageId stage : {StageId::TaskAnalysis, StageId::ProfileSynthesis, StageId::Answer}) {
            // Find a user the hash picks.
            std::string user;
            for (int i = 0; i < 1000 && user.empty(); ++i)
                if (offlineFlawed("u" + std::to_string(i), stage, 0, o.flawRate))
                    user = "u" + std::to_string(i);
            ASSERT_FALSE(user.empty());
            StageHint h = hintFor(c, stage);
            h.userId = user;
            const auto flawed = offlineReason(h, o);
            const auto v = checkStageEnd(*h.hrt, stage, flawed.answer, approxTokens(flawed.answer),
                                         c.items.size());
            ASSERT_TRUE(v) << taskSpec(c.task).name << " " << stageName(stage) << "\n"
                           << flawed.answer;
            const RpiRule expected = stage == StageId::TaskAnalysis       ? RpiRule::TokenBudget
                                     : stage == StageId::ProfileSynthesis ? RpiRule::Citations
                                                                          : RpiRule::AnswerFormat;
            EXPECT_EQ(v->rule, expected) << v->evidence;
            EXPECT_TRUE(flawed.answer.rfind(h.hrt->level(stage)->marker, 0) == 0);

            h.correcting = v->rule;
            h.attempt = 1;
            const auto fixed = offlineReason(h, o);
            EXPECT_FALSE(checkStageEnd(*h.hrt, stage, fixed.answer, approxTokens(fixed.answer),
                                       c.items.size()))
                << fixed.answer;
        }
    }
    // The share of flawed users follows the rate.
    int flawed = 0;
    for (int i = 0; i < 2000; ++i)
        flawed += offlineFlawed(std::to_string(i), StageId::Answer, 0, 0.15) ? 1 : 0;
    EXPECT_GT(flawed, 200);
    EXPECT_LT(flawed, 400);
    EXPECT_FALSE(offlineFlawed("any", StageId::AnswerPlan, 0, 1.0));
    EXPECT_FALSE(offlineFlawed("any", StageId::Answer, 0, 0.0));
}

TEST(OfflineReasoner, CandidatesVaryWithTheSeed) {
    for (Variation variation : {Variation::Temperature, Variation::Retrieval}) {
        bool differs = false;
        for (std::uint64_t seed = 0; seed < 50 && !differs; ++seed) {
            Case c = cases()[3]; // LaMP-3: 3.75 sits near a rounding boundary
            StageHint h = hintFor(c, StageId::Answer);
            h.seed = seed;
            h.variation = variation;
            const std::string main = answerOf(h);
            for (int j = 1; j <= 3; ++j) {
                h.candidate = j;
                const std::string other = answerOf(h);
                EXPECT_TRUE(answerInFormat(h.hrt->answer, other));
                differs = differs || other != main;
            }
        }
        EXPECT_TRUE(differs) << static_cast<int>(variation);
    }
    // Retrieval variation leaves [Pj] out: dropping the only 1-rated item raises the mean.
    StageHint h = hintFor(cases()[3], StageId::Answer);
    h.variation = Variation::Retrieval;
    h.candidate = 3;
    EXPECT_EQ(answerOf(h), "5"); // (2*5 + 4) / 3 = 4.67
}

TEST(OfflineReasoner, Baselines) {
    const auto all = cases();
    for (const auto& c : all) {
        StageHint h = hintFor(c, StageId::Generate);
        h.hrt = builtinHrtTemplate(c.task);
        for (SystemId system : {SystemId::NoProfile, SystemId::LampRag, SystemId::LrmRag}) {
            h.system = system;
            const auto a = offlineReason(h, compliant());
            EXPECT_TRUE(answerInFormat(h.hrt->answer, a.answer))
                << taskSpec(c.task).name << " " << systemName(system) << ": " << a.answer;
            if (system == SystemId::LrmRag) {
                EXPECT_FALSE(a.reasoning.empty());
                EXPECT_FALSE(citedItems(a.reasoning).empty()) << a.reasoning;
                EXPECT_EQ(a.reasoning.find("## "), std::string::npos) << a.reasoning;
            } else {
                EXPECT_TRUE(a.reasoning.empty());
            }
        }
    }
    // no-profile ignores the items; lamp-rag reads every item in the prompt's order, without
    // scores, at weights 1, 1/1.1, 1/1.2 (its dependence on later items:
    // tests/engine/test_offline_honest.cpp).
    StageHint h = hintFor(all[1], StageId::Generate);
    h.system = SystemId::NoProfile;
    EXPECT_EQ(offlineReason(h, compliant()).answer, "fantasy");
    h.system = SystemId::LampRag;
    h.items[0].fields[1].second = "classic"; // classic 1, comedy 0.909, dystopia 0.833
    EXPECT_EQ(offlineReason(h, compliant()).answer, "classic");
    h.items[0].fields[1].second = "dystopia";
    EXPECT_EQ(offlineReason(h, compliant()).answer, "dystopia");
    h.system = SystemId::LrmRag; // dystopia 3.0 + 1.5, comedy 2.0
    EXPECT_EQ(offlineReason(h, compliant()).answer, "dystopia");
    // LaMP-1 without a profile: the reference sharing more words with the paper's title.
    StageHint one = hintFor(all[0], StageId::Generate);
    one.system = SystemId::NoProfile;
    EXPECT_EQ(offlineReason(one, compliant()).answer, "[2]");
    // LaMP-3 lamp-rag: ratings 5, 4, 1 at weights 1, 1/1.1, 1/1.2: 9.470 / 2.742 = 3.45 → 3
    // (the top item alone said 5).
    StageHint three = hintFor(all[3], StageId::Generate);
    three.system = SystemId::LampRag;
    EXPECT_EQ(offlineReason(three, compliant()).answer, "3");
}

TEST(OfflineReasoner, LrmRagDriftsOutOfFormatForSomeUsers) {
    OfflineOptions o;
    for (const auto& c : cases()) {
        StageHint h = hintFor(c, StageId::Generate);
        h.system = SystemId::LrmRag;
        int drifted = 0, users = 0;
        for (int i = 0; i < 200; ++i) {
            h.userId = "user" + std::to_string(i);
            const auto a = offlineReason(h, o);
            ++users;
            drifted += answerInFormat(h.hrt->answer, a.answer) ? 0 : 1;
            EXPECT_EQ(offlineFlawed(h.userId, StageId::Generate, 0, o.flawRate),
                      !answerInFormat(h.hrt->answer, a.answer))
                << a.answer;
        }
        EXPECT_GT(drifted, 0) << taskSpec(c.task).name;
        EXPECT_LT(drifted, users / 2) << taskSpec(c.task).name;
    }
}

TEST(OfflineReasoner, NoHintAnswersALampInput) {
    llm::GenerationRequest r;
    r.messages.push_back({llm::Role::System, "be brief"});
    r.messages.push_back({llm::Role::User, kLaMP3Input});
    const auto a = offlineAnswer(r, {});
    EXPECT_EQ(a.answer, "5");
    const HrtTemplate& t = *builtinHrtTemplate(TaskId::LaMP3);
    std::size_t last = 0;
    for (const auto& level : t.levels) {
        const auto at = a.reasoning.find(level.marker + "\n");
        ASSERT_NE(at, std::string::npos) << level.marker << "\n" << a.reasoning;
        EXPECT_GE(at, last);
        last = at;
    }
    EXPECT_NE(a.reasoning.find("No profile items were given"), std::string::npos);

    llm::GenerationRequest completion;
    completion.endpoint = llm::Endpoint::Completions;
    completion.prompt = kLaMP2Input;
    EXPECT_EQ(offlineAnswer(completion, {}).answer, "fantasy");

    llm::GenerationRequest garbage;
    garbage.messages.push_back({llm::Role::User, "What's the weather like? \xff\xfe \"unclosed"});
    const auto g = offlineAnswer(garbage, {});
    EXPECT_EQ(g.answer, "I can only answer LaMP task inputs offline.");
    EXPECT_FALSE(g.reasoning.empty());
    EXPECT_EQ(offlineAnswer(llm::GenerationRequest{}, {}).answer,
              "I can only answer LaMP task inputs offline.");
}

TEST(OfflineReasoner, OddHintsNeverCrash) {
    StageHint h;
    h.stage = StageId::Answer;
    h.input = kLaMP2Input; // task detected from the input, built-in template
    EXPECT_EQ(offlineReason(h, {}).answer.find("## Answer\n"), 0u);
    h.input = "nonsense";
    EXPECT_EQ(offlineReason(h, {}).answer, "I can only answer LaMP task inputs offline.");
    // Items with missing fields, empty input text, a judge request.
    for (const auto& c : cases()) {
        StageHint odd = hintFor(c, StageId::Answer);
        odd.items = {item(1, 1, {}), item(2, -3, {{"date", "2020"}})};
        odd.input = taskSpec(c.task).kind == TaskKind::Generation
                        ? c.input.substr(0, c.input.find(':') + 1)
                        : c.input;
        const std::string answer = answerOf(odd);
        EXPECT_TRUE(answerInFormat(odd.hrt->answer, answer))
            << taskSpec(c.task).name << ": " << answer;
        odd.stage = StageId::CrossReference;
        EXPECT_EQ(offlineReason(odd, {}).answer.rfind("VERDICT: ", 0), 0u);
        odd.stage = StageId::Invalid;
        const auto whole = offlineReason(odd, {});
        EXPECT_FALSE(whole.reasoning.empty());
        EXPECT_TRUE(answerInFormat(odd.hrt->answer, whole.answer)) << whole.answer;
    }
}

// ---- the backend --------------------------------------------------------------------------

TEST(OfflineBackendTest, DeliversTheReasonersTextWithUsage) {
    Collector c; // outlives the backend's threads
    OfflineBackend backend(compliant());
    const StageHint h = hintFor(cases()[3], StageId::ProfileSynthesis);
    backend.submit(requestFor(h), c.onDelta(), c.onDone());
    ASSERT_TRUE(c.waitDone());
    ASSERT_EQ(c.outcomes.size(), 1u);
    const auto& r = std::get<llm::GenerationResult>(c.outcomes[0]);
    EXPECT_EQ(r.answer, offlineReason(h, compliant()).answer);
    EXPECT_TRUE(r.reasoning.empty());
    EXPECT_EQ(r.finishReason, "stop");
    ASSERT_TRUE(r.usage);
    EXPECT_EQ(r.usage->completionTokens, approxTokens(r.answer));
    EXPECT_EQ(r.usage->promptTokens, approxTokens("the prompt"));
    EXPECT_GE(r.totalMs, r.firstTokenMs);
    std::string streamed;
    for (const auto& [reasoning, answer] : c.deltas)
        streamed += reasoning + answer;
    EXPECT_EQ(streamed, r.answer);
    EXPECT_EQ(backend.name(), "offline");
}

TEST(OfflineBackendTest, GenerateAndManyConcurrentRequests) {
    std::atomic<int> done{0};
    std::mutex mutex;
    std::condition_variable cv;
    OfflineBackend backend;
    auto outcome = backend.generate(requestFor(hintFor(cases()[1], StageId::Answer)));
    ASSERT_TRUE(llm::succeeded(outcome));
    std::set<llm::RequestId> ids;
    constexpr int kRequests = 40;
    for (int i = 0; i < kRequests; ++i) {
        StageHint h = hintFor(cases()[static_cast<std::size_t>(i) % cases().size()],
                              kLevels[static_cast<std::size_t>(i) % 4]);
        ids.insert(backend.submit(requestFor(h), {}, [&](llm::GenerationOutcome&& o) {
            EXPECT_TRUE(llm::succeeded(o));
            std::lock_guard lock(mutex);
            ++done;
            cv.notify_all();
        }));
    }
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(kRequests));
    std::unique_lock lock(mutex);
    EXPECT_TRUE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return done == kRequests; }));
}

TEST(OfflineBackendTest, OnDoneIsNeverCalledInsideSubmit) {
    OfflineBackend backend;
    for (int i = 0; i < 20; ++i) {
        std::mutex held; // a caller holding a lock around submit
        Collector c;
        {
            std::lock_guard lock(held);
            backend.submit(requestFor(hintFor(cases()[3], StageId::Answer)), c.onDelta(),
                           [&](llm::GenerationOutcome&& o) {
                               {
                                   std::lock_guard inner(held); // would deadlock inside submit
                               }
                               c.onDone()(std::move(o));
                           });
        }
        ASSERT_TRUE(c.waitDone());
    }
}

TEST(OfflineBackendTest, StreamsAtARateInOrderAndCancelStopsIt) {
    OfflineOptions o = compliant();
    o.tokensPerSecond = 200;
    Collector first, c;
    OfflineBackend backend(o);
    StageHint h = hintFor(cases()[4], StageId::Generate);
    h.system = SystemId::LrmRag;
    const auto expected = offlineReason(h, o);
    {
        backend.submit(requestFor(h), first.onDelta(), first.onDone());
        ASSERT_TRUE(first.waitDone());
        ASSERT_TRUE(llm::succeeded(first.outcomes[0]));
        EXPECT_GT(first.deltas.size(), 5u);
        // Reasoning first, then the answer, nothing lost or reordered.
        std::string reasoning, answer;
        bool answerStarted = false;
        for (const auto& [r, a] : first.deltas) {
            EXPECT_TRUE(r.empty() || a.empty());
            if (!a.empty())
                answerStarted = true;
            if (answerStarted) {
                EXPECT_TRUE(r.empty());
            }
            reasoning += r;
            answer += a;
        }
        EXPECT_EQ(reasoning, expected.reasoning);
        EXPECT_EQ(answer, expected.answer);
        const auto& r = std::get<llm::GenerationResult>(first.outcomes[0]);
        EXPECT_GT(r.totalMs, r.firstTokenMs);
    }
    // A slow stream, cancelled after its first deltas.
    o.tokensPerSecond = 2;
    auto slow = std::make_unique<OfflineBackend>(o);
    const auto start = std::chrono::steady_clock::now();
    const auto id = slow->submit(requestFor(h), c.onDelta(), c.onDone());
    ASSERT_TRUE(c.waitDeltas(1));
    slow->cancel(id);
    ASSERT_TRUE(c.waitDone());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    const auto* e = std::get_if<llm::BackendError>(&c.outcomes[0]);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->kind, llm::ErrorKind::Cancelled);
    EXPECT_EQ(e->request, "test · generate");
    // Destroying the backend joins its workers: a second done call would have come by now.
    slow.reset();
    EXPECT_EQ(c.doneCalls, 1);
}

TEST(OfflineBackendTest, CancelAllAndDestructionReportEveryRequestOnce) {
    OfflineOptions o = compliant();
    o.tokensPerSecond = 1;
    std::vector<std::unique_ptr<Collector>> collectors;
    {
        OfflineBackend backend(o);
        // More requests than workers: some wait in the queue.
        for (int i = 0; i < 8; ++i) {
            collectors.push_back(std::make_unique<Collector>());
            backend.submit(requestFor(hintFor(cases()[4], StageId::TaskAnalysis)),
                           collectors.back()->onDelta(), collectors.back()->onDone());
        }
        ASSERT_TRUE(collectors[0]->waitDeltas(1));
        backend.cancelAll();
        for (auto& c : collectors)
            ASSERT_TRUE(c->waitDone(std::chrono::seconds(5)));
        // Cancelling twice, or a finished id, changes nothing.
        backend.cancelAll();
        backend.cancel(12345);
        collectors.push_back(std::make_unique<Collector>());
        backend.submit(requestFor(hintFor(cases()[4], StageId::TaskAnalysis)),
                       collectors.back()->onDelta(), collectors.back()->onDone());
    } // the destructor cancels the last one and joins
    for (auto& c : collectors) {
        ASSERT_EQ(c->doneCalls, 1);
        const auto* e = std::get_if<llm::BackendError>(&c->outcomes[0]);
        ASSERT_NE(e, nullptr);
        EXPECT_EQ(e->kind, llm::ErrorKind::Cancelled);
    }
}

TEST(OfflineBackendTest, CancelFromInsideTheDeltaHandler) {
    Collector c;
    std::atomic<llm::RequestId> id{0};
    std::mutex idMutex;
    OfflineBackend backend(compliant());
    std::unique_lock idLock(idMutex);
    id = backend.submit(
        requestFor(hintFor(cases()[2], StageId::ProfileSynthesis)),
        [&](std::string_view, std::string_view) {
            std::lock_guard lock(idMutex); // waits for submit to return, like the engine
            backend.cancel(id);
        },
        c.onDone());
    idLock.unlock();
    ASSERT_TRUE(c.waitDone());
    const auto* e = std::get_if<llm::BackendError>(&c.outcomes[0]);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->kind, llm::ErrorKind::Cancelled);
}

TEST(OfflineBackendTest, StopSequencesAndMaxTokens) {
    OfflineBackend backend(compliant());
    llm::GenerationRequest base;
    base.label = "cli";
    base.messages.push_back({llm::Role::User, kLaMP3Input});
    const auto full = offlineAnswer(base, {});
    ASSERT_NE(full.reasoning.find("## Profile synthesis"), std::string::npos);

    // A stop string in the reasoning cuts there; the answer never comes.
    auto stopped = base;
    stopped.stop = {"## Profile synthesis", "never appears"};
    auto r = std::get<llm::GenerationResult>(backend.generate(stopped));
    EXPECT_EQ(r.reasoning, full.reasoning.substr(0, full.reasoning.find("## Profile synthesis")));
    EXPECT_TRUE(r.answer.empty());
    EXPECT_EQ(r.finishReason, "stop");

    // A stop string that is not there changes nothing.
    auto absent = base;
    absent.stop = {"zzz"};
    r = std::get<llm::GenerationResult>(backend.generate(absent));
    EXPECT_EQ(r.reasoning, full.reasoning);
    EXPECT_EQ(r.answer, full.answer);

    // Max tokens cut the stream ("length").
    auto limited = base;
    limited.maxTokens = 5;
    r = std::get<llm::GenerationResult>(backend.generate(limited));
    EXPECT_EQ(r.finishReason, "length");
    EXPECT_EQ(r.reasoning, full.reasoning.substr(0, 20));
    EXPECT_TRUE(r.answer.empty());
    EXPECT_LE(r.usage->completionTokens, 5);

    // A limit beyond the text is no cut; a stop before the limit wins.
    limited.maxTokens = 100000;
    r = std::get<llm::GenerationResult>(backend.generate(limited));
    EXPECT_EQ(r.finishReason, "stop");
    EXPECT_EQ(r.answer, full.answer);
    limited.maxTokens = 50;
    limited.stop = {"## Task analysis"};
    r = std::get<llm::GenerationResult>(backend.generate(limited));
    EXPECT_EQ(r.finishReason, "stop");
    EXPECT_TRUE(r.reasoning.empty());
    limited.maxTokens = 0;
    limited.stop.clear();
    r = std::get<llm::GenerationResult>(backend.generate(limited));
    EXPECT_EQ(r.finishReason, "length");
    EXPECT_TRUE(r.reasoning.empty() && r.answer.empty());

    // A stop string inside the answer (a stage text streams as the answer).
    const StageHint h = hintFor(cases()[3], StageId::ProfileSynthesis);
    const std::string text = offlineReason(h, compliant()).answer;
    ASSERT_NE(text.find("[P2"), std::string::npos);
    auto inAnswer = requestFor(h);
    inAnswer.stop = {"[P2", "[P1"};
    r = std::get<llm::GenerationResult>(backend.generate(inAnswer));
    EXPECT_EQ(r.answer, text.substr(0, std::min(text.find("[P2"), text.find("[P1"))));
    EXPECT_EQ(r.finishReason, "stop");
}
