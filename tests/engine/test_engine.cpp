// The R2P engine against the loopback test server playing scripted model outputs: every stage
// recorded, each RPI rule breaking and being corrected (chat and prefill), contradicting
// candidates, cancellation, backend failures, re-runs and hand edits.
#include "model/Dataset.h"
#include "model/ProjectStore.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/engine/Judge.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/PromptModeChoice.h"
#include "pipeline/engine/Rpi.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "support/ModelScripts.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <thread>

using namespace r2p;
using namespace r2p::engine;
using r2p::test::OpenAiTestServer;
using r2p::test::Script;

namespace {

struct DemoUser {
    UserRecord record;
    std::string gold;
};

std::vector<DemoUser> demoUsers(TaskId task) {
    const std::string dir = test::demoDir() + "/" + std::string(taskSpec(task).name);
    std::vector<DemoUser> users;
    auto status = forEachUserRecord(dir + "/dev_questions.json", [&](UserRecord&& r) {
        users.push_back({std::move(r), ""});
    });
    EXPECT_TRUE(status) << dir;
    auto outputs = readOutputsFile(dir + "/dev_outputs.json");
    EXPECT_TRUE(outputs) << dir;
    for (auto& u : users)
        for (const auto& g : outputs->golds)
            if (g.id == u.record.id)
                u.gold = g.output;
    return users;
}

// A body substring found only in the chat request of `stage` of the chain with `seed`: the
// request's seed comes right before its stop sequence (the next level's marker).
std::string chainLevelKey(const HrtTemplate& t, StageId stage, int seed) {
    std::string next;
    for (std::size_t i = 0; i + 1 < t.levels.size(); ++i)
        if (t.levels[i].stage == stage)
            next = t.levels[i + 1].marker;
    // The Answer level has no stop sequence: "stream" follows (the body's keys are sorted).
    if (next.empty())
        return "\"seed\":" + std::to_string(seed) + ",\"stream\"";
    return "\"seed\":" + std::to_string(seed) + ",\"stop\":[\"" + test::jsonEscaped(next) + "\"]";
}

// How `rule` came out for the step (Invalid when the step recorded no outcome for it).
RuleOutcome ruleOutcome(const StepRecord& step, RpiRule rule) {
    for (const auto& [r, o] :
         step.output.rules.value_or(std::vector<std::pair<RpiRule, RuleOutcome>>{}))
        if (r == rule)
            return o;
    return RuleOutcome::Invalid;
}

std::string itemText(const PromptItem& item) {
    for (const auto& [k, v] : item.fields)
        if (k == "text")
            return v;
    return {};
}

class EngineHttpTest : public ::testing::Test {
protected:
    void SetUp() override {
        hrt = builtinHrtTemplate(TaskId::LaMP3);
        ASSERT_NE(hrt, nullptr);
        user = demoUsers(TaskId::LaMP3).front();
        ASSERT_GE(user.record.profile.size(), 5u);
    }

    std::shared_ptr<const EngineContext> context(EngineConfig config = {},
                                                 std::string model = "r2p-test-model") {
        llm::EndpointConfig endpoint;
        endpoint.baseUrl = server.baseUrl();
        endpoint.maxAttempts = 1;
        backend = std::make_shared<llm::OpenAiBackend>(endpoint);
        config.model = std::move(model);
        auto ctx = EngineContext::make(TaskId::LaMP3, config, backend, nullptr, false);
        EXPECT_TRUE(ctx) << (ctx ? "" : ctx.error().message);
        return ctx ? *ctx : nullptr;
    }

    std::string correction(RpiRule rule, StageId stage) const {
        return renderCorrection(*hrt, rule, stage, 5);
    }

    // The chat requests whose body contains `key`.
    std::vector<std::string> bodiesWith(const std::string& key) const {
        std::vector<std::string> out;
        for (const auto& r : server.requests())
            if (r.body.find(key) != std::string::npos)
                out.push_back(r.body);
        return out;
    }

    OpenAiTestServer server;
    std::shared_ptr<llm::OpenAiBackend> backend;
    const HrtTemplate* hrt = nullptr;
    DemoUser user;
};

TEST_F(EngineHttpTest, RunRecordsEveryStageInOrder) {
    // Answer-only candidates: one step each (independent chains: IndependentCandidates...).
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.candidateMode = CandidateMode::AnswerOnly;
    UserRun run(context(config), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    ASSERT_TRUE(run.finished());
    const UserTrace& t = run.trace();
    EXPECT_EQ(t.status, UserStatus::Done);
    const std::vector<std::string> expected = {
        "retrieve",          "task_analysis",   "profile_synthesis",
        "answer_plan",       "answer",          "candidates#1",
        "candidates#2",      "cross_reference", "cross_reference#1",
        "cross_reference#2", "final",           "score"};
    EXPECT_EQ(test::stagesOf(t.steps), expected);
    for (std::size_t i = 0; i < t.steps.size(); ++i) {
        EXPECT_EQ(t.steps[i].seq, static_cast<int>(i));
        EXPECT_EQ(t.steps[i].status, StepStatus::Done);
    }
    // Each level's prompt shows the retrieved items and asks for its marker.
    const auto& synthesis = test::stepOf(t.steps, "profile_synthesis");
    EXPECT_NE(synthesis.prompt.find("[P1] (relevance"), std::string::npos);
    EXPECT_NE(synthesis.prompt.find("## Profile synthesis"), std::string::npos);
    EXPECT_NE(synthesis.prompt.find("Your reasoning so far"), std::string::npos);
    EXPECT_EQ(synthesis.backendMode, StepMode::Chat);
    EXPECT_EQ(synthesis.output.citations.value_or(std::vector<int>{}), (std::vector<int>{1, 2}));
    // Answer-only candidates: one main chain of levels, then one answer per further candidate.
    EXPECT_EQ(test::stepsOf(t.steps, "task_analysis").size(), 1u);
    EXPECT_EQ(test::stepOf(t.steps, "candidates", 1).stage, StageId::Candidates);
    EXPECT_EQ(test::stepOf(t.steps, "candidates", 2).stage, StageId::Candidates);
    // Candidates sample with their own seeds.
    EXPECT_EQ(bodiesWith("\"seed\":2").size(), 1u);
    EXPECT_EQ(bodiesWith("\"seed\":3").size(), 1u);

    ASSERT_EQ(t.verdicts.size(), 3u);
    for (const auto& v : t.verdicts) {
        EXPECT_EQ(v.verdict, Verdict::Supported);
        EXPECT_EQ(v.evidence, std::vector<int>{1});
        EXPECT_EQ(v.judge, "model");
        EXPECT_DOUBLE_EQ(v.agreement, 1.0);
    }
    EXPECT_TRUE(t.verdicts[0].chosen);
    EXPECT_EQ(t.prediction, "4");
    EXPECT_TRUE(t.formatOk);
    EXPECT_EQ(t.interventions, 0);
    ASSERT_FALSE(t.scores.empty());
    EXPECT_EQ(t.scores[0].first, "MAE");
    EXPECT_DOUBLE_EQ(t.scores[0].second, std::fabs(4.0 - std::stod(user.gold)));
    EXPECT_EQ(server.requestCount(), 4u + 2u + 3u);
}

TEST_F(EngineHttpTest, StepRunsExactlyOneStage) {
    test::scriptCompliantModel(server, *hrt, "4");
    UserRun run(context(), user.record, user.gold, SystemId::R2P);
    std::size_t stages = 0;
    while (!run.finished()) {
        const StageId next = run.nextStage();
        ASSERT_TRUE(run.step());
        ++stages;
        EXPECT_EQ(run.trace().steps.back().stage, next);
        if (next == StageId::TaskAnalysis) {
            EXPECT_EQ(server.requestCount(), 1u);
        }
    }
    EXPECT_EQ(stages, run.plan().size());
    EXPECT_FALSE(run.step()); // finished: nothing more to run
}

// --mode auto found /v1/completions, then the route is gone (a proxy in front, a restarted
// server): the first 404 switches the rest of the run to chat, with one note; nobody fails. A
// prefill the user asked for is not second-guessed: the 404 fails the user with its words.
// --mode auto remembers its probe in the project; where it cannot (a read-only project), the
// reason says so instead of the write failing silently, and a writable project remembers it.
TEST_F(EngineHttpTest, AutoModeSaysWhenItsProbeCannotBeRemembered) {
    test::TempDir dir;
    const std::string path = dir.file("p.r2p");
    ASSERT_TRUE(ProjectStore::open(path, ProjectStore::OpenMode::CreateOrOpen));
    EngineConfig config;
    config.mode = PromptMode::Auto;
    config.model = "deepseek-r1-distill-qwen-7b";
    llm::EndpointConfig endpoint;
    endpoint.baseUrl = server.baseUrl();
    endpoint.maxAttempts = 1;
    {
        auto readOnly = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
        ASSERT_TRUE(readOnly) << readOnly.error().message;
        const auto choice = choosePromptMode(config, "", endpoint, readOnly->get());
        ASSERT_TRUE(choice) << choice.error().message;
        EXPECT_EQ(choice->mode, PromptMode::Prefill);
        EXPECT_TRUE(choice->probed);
        EXPECT_EQ(choice->reason.rfind("prefill: /v1/completions continues raw prompts (not "
                                       "remembered in the project: ",
                                       0),
                  0u)
            << choice->reason;
    }
    auto writable = ProjectStore::open(path, ProjectStore::OpenMode::Existing);
    ASSERT_TRUE(writable) << writable.error().message;
    const auto first = choosePromptMode(config, "", endpoint, writable->get());
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->reason, "prefill: /v1/completions continues raw prompts");
    const std::size_t requests = server.requestCount();
    const auto second = choosePromptMode(config, "", endpoint, writable->get());
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_FALSE(second->probed);
    EXPECT_EQ(second->mode, PromptMode::Prefill);
    EXPECT_EQ(server.requestCount(), requests);
}

TEST_F(EngineHttpTest, A404OnCompletionsSwitchesAnAutoPrefillRunToChatOnce) {
    server.setFlavor(test::ServerFlavor::Hosted); // /v1/completions answers 404
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.mode = PromptMode::Prefill;
    config.modeChosenByAuto = true;
    auto ctx = context(config, "deepseek-r1-distill-qwen-7b");
    ASSERT_NE(ctx, nullptr);
    EXPECT_EQ(ctx->effectiveMode(), PromptMode::Prefill);
    UserRun first(ctx, user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(first.run()) << first.trace().error;
    EXPECT_EQ(first.trace().status, UserStatus::Done);
    EXPECT_EQ(ctx->effectiveMode(), PromptMode::Chat);
    std::size_t notes = 0;
    for (const auto& e : first.trace().events)
        if (e.kind == EventKind::Note &&
            e.detail.find("HTTP 404 to /v1/completions") != std::string::npos)
            ++notes;
    EXPECT_EQ(notes, 1u);
    for (const auto& step : first.trace().steps) {
        if (step.backendMode != StepMode::Local && step.stage != StageId::Retrieve) {
            EXPECT_EQ(step.backendMode, StepMode::Chat) << stageName(step.stage);
        }
    }
    UserRun second(ctx, user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(second.run()) << second.trace().error;
    EXPECT_TRUE(second.trace().events.empty() ||
                std::none_of(second.trace().events.begin(), second.trace().events.end(),
                             [](const EventRecord& e) { return e.kind == EventKind::Note; }));
    std::size_t completions = 0;
    for (const auto& r : server.requests())
        completions += r.path == "/v1/completions";
    EXPECT_EQ(completions, 1u); // only the request that met the 404

    config.modeChosenByAuto = false; // --mode prefill, as asked
    UserRun asked(context(config, "deepseek-r1-distill-qwen-7b"), user.record, user.gold,
                  SystemId::R2P);
    EXPECT_FALSE(asked.run());
    EXPECT_EQ(asked.trace().status, UserStatus::Failed);
    EXPECT_NE(asked.trace().error.find("404"), std::string::npos) << asked.trace().error;
}

// --mode auto left unresolved (nobody asked the server) is chat, whatever the model's name.
TEST_F(EngineHttpTest, AutoNeverGuessesPrefillFromTheModelName) {
    EXPECT_EQ(context({}, "deepseek-r1-distill-qwen-7b")->effectiveMode(), PromptMode::Chat);
    EXPECT_EQ(context({}, "QwQ-32B")->effectiveMode(), PromptMode::Chat);
}

struct RuleCase {
    const char* name;
    RpiRule rule;
    StageId stage;
    std::string violating; // the level body (or whole reply when noMarker)
    bool noMarker = false;
};

class EngineRpiTest : public EngineHttpTest, public ::testing::WithParamInterface<RuleCase> {};

TEST_P(EngineRpiTest, ViolationIsCorrectedInChatMode) {
    const RuleCase& c = GetParam();
    const std::string injected = correction(c.rule, c.stage);
    // The re-asked request carries the correction: it gets a compliant reply.
    const std::string fixedBody = c.stage == StageId::Answer ? "4"
                                  : c.stage == StageId::ProfileSynthesis
                                      ? "- The user rates generously [P1, P3]."
                                      : "Short and to the point.";
    server.when(test::jsonEscaped(injected), test::levelReply(*hrt, c.stage, fixedBody));
    Script bad = test::levelReply(*hrt, c.stage, c.violating);
    if (c.noMarker)
        bad.answer = c.violating;
    server.when(test::levelRequestKey(*hrt, c.stage), bad);
    test::scriptCompliantModel(server, *hrt, "4");

    EngineConfig config;
    config.candidates = 1; // further candidates would break the answer rule too
    UserRun run(context(config), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const UserTrace& t = run.trace();
    ASSERT_EQ(t.events.size(), 1u);
    const EventRecord& e = t.events[0];
    EXPECT_EQ(e.kind, EventKind::Intervention);
    EXPECT_EQ(e.rule, c.rule);
    EXPECT_FALSE(e.evidence.empty());
    EXPECT_EQ(e.injected, injected);
    EXPECT_EQ(e.mode, StepMode::Chat);
    EXPECT_EQ(e.outcome, InterventionOutcome::Complied);
    EXPECT_EQ(t.interventions, 1);
    const StepRecord& step = t.steps[static_cast<std::size_t>(e.stepSeq)];
    EXPECT_EQ(step.stage, c.stage);
    EXPECT_EQ(step.attempts, 2);
    EXPECT_NE(step.answer.find(fixedBody), std::string::npos);
    EXPECT_NE(step.prompt.find("--- attempt 2 ---"), std::string::npos);
    EXPECT_NE(step.raw.find(injected), std::string::npos);
    EXPECT_FALSE(checkStageEnd(*hrt, c.stage, step.answer, approxTokens(step.answer), 5));
    EXPECT_EQ(bodiesWith(test::jsonEscaped(injected)).size(), 1u);
    EXPECT_EQ(t.prediction, "4");
    EXPECT_TRUE(t.formatOk);
}

std::string longText(int words) {
    std::string s;
    for (int i = 0; i < words; ++i)
        s += "considering ";
    return s;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, EngineRpiTest,
    ::testing::Values(RuleCase{"citations", RpiRule::Citations, StageId::ProfileSynthesis,
                               "- The user likes things that work.\n- The user dislikes noise."},
                      RuleCase{"answer_format", RpiRule::AnswerFormat, StageId::Answer,
                               "The rating is 4 because the review is positive."},
                      RuleCase{"token_budget", RpiRule::TokenBudget, StageId::TaskAnalysis,
                               longText(600)},
                      RuleCase{"marker_order", RpiRule::MarkerOrder, StageId::AnswerPlan,
                               "I will simply answer now without the marker.", true}),
    [](const auto& param) { return std::string(param.param.name); });

TEST_F(EngineHttpTest, InterventionsStopAtTheLimitAndSaySo) {
    server.when(test::levelRequestKey(*hrt, StageId::ProfileSynthesis),
                test::levelReply(*hrt, StageId::ProfileSynthesis, "- No citations at all."));
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.maxInterventions = 2;
    UserRun run(context(config), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const UserTrace& t = run.trace();
    // Every chain writes the uncited synthesis: two interventions each, the last gives up.
    ASSERT_EQ(t.events.size(), 6u);
    for (std::size_t chain = 0; chain < 3; ++chain) {
        EXPECT_EQ(t.events[2 * chain].outcome, InterventionOutcome::ViolatedAgain);
        EXPECT_EQ(t.events[2 * chain + 1].outcome, InterventionOutcome::GaveUp);
    }
    const StepRecord& step = test::stepOf(t.steps, "profile_synthesis");
    EXPECT_EQ(step.attempts, 3);
    EXPECT_EQ(step.status, StepStatus::Done); // the run goes on with what it has
    EXPECT_EQ(step.output.interventions.value_or(-1), 2);
    EXPECT_EQ(t.status, UserStatus::Done);
}

TEST_F(EngineHttpTest, StreamingBudgetViolationStopsTheStream) {
    // A reply far past the budget, streamed slowly: the engine stops it long before its end.
    Script ramble = test::levelReply(*hrt, StageId::TaskAnalysis, longText(3000));
    ramble.wordsPerChunk = 10;
    ramble.chunkDelayMs = 2;
    server.when(test::jsonEscaped(correction(RpiRule::TokenBudget, StageId::TaskAnalysis)),
                test::levelReply(*hrt, StageId::TaskAnalysis, "Brief."));
    server.when(test::levelRequestKey(*hrt, StageId::TaskAnalysis), ramble);
    test::scriptCompliantModel(server, *hrt, "4");
    UserRun run(context(), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.step()); // retrieve
    ASSERT_TRUE(run.step()); // task analysis, with one intervention
    const StepRecord& step = run.trace().steps.back();
    ASSERT_EQ(run.trace().events.size(), 1u);
    EXPECT_EQ(run.trace().events[0].rule, RpiRule::TokenBudget);
    // Stopped a little past the budget (200 tokens ~ 800 characters), not after 3000 words.
    EXPECT_LT(step.raw.size(), 6000u);
    EXPECT_NE(step.answer.find("Brief."), std::string::npos);
}

TEST_F(EngineHttpTest, AnAttemptStoppedByARuleStillCountsItsPromptAndWhatItStreamed) {
    // The server's usage says 1000 prompt tokens for every request; the stopped attempt's
    // stream ends without usage (cancelled), so its prompt is counted by the run's counter.
    Script ramble = test::levelReply(*hrt, StageId::TaskAnalysis, longText(3000));
    ramble.wordsPerChunk = 10;
    ramble.chunkDelayMs = 2;
    ramble.promptTokens = 1000;
    Script brief = test::levelReply(*hrt, StageId::TaskAnalysis, "Brief.");
    brief.promptTokens = 1000;
    brief.completionTokens = 7;
    server.when(test::jsonEscaped(correction(RpiRule::TokenBudget, StageId::TaskAnalysis)), brief);
    server.when(test::levelRequestKey(*hrt, StageId::TaskAnalysis), ramble);
    test::scriptCompliantModel(server, *hrt, "4");
    UserRun run(context(), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.step()); // retrieve
    ASSERT_TRUE(run.step()); // task analysis, stopped once
    const StepRecord& step = run.trace().steps.back();
    ASSERT_EQ(step.attempts, 2);
    // 1000 for the second attempt, and the first attempt's prompt (the task prompt and the
    // user's input: some hundred tokens, fewer than the 1000 the server claims).
    EXPECT_GT(step.tokens.prompt, 1000 + 20);
    EXPECT_LT(step.tokens.prompt, 2000);
    // 7 for the second attempt and the ~200 tokens streamed before the stop.
    EXPECT_GT(step.tokens.completion, 7 + 150);
}

TEST_F(EngineHttpTest, ContradictingCandidatesGetVerdictsAndTheBestIsChosen) {
    // Candidate 2 (seed 2) answers 1; the judge says that contradicts P1 and P2.
    server.when(test::jsonEscaped("Candidate answer:\n1\n"),
                test::judgeReply("contradicted", "P1, P2", "Both rate this kind of item 4 or 5."));
    server.when(chainLevelKey(*hrt, StageId::Answer, 2),
                test::levelReply(*hrt, StageId::Answer, "1"));
    test::scriptCompliantModel(server, *hrt, "4");
    UserRun run(context(), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const auto& v = run.trace().verdicts;
    ASSERT_EQ(v.size(), 3u);
    EXPECT_EQ(v[0].answer, "4");
    EXPECT_EQ(v[1].answer, "1");
    EXPECT_EQ(v[2].answer, "4");
    EXPECT_EQ(v[0].verdict, Verdict::Supported);
    EXPECT_EQ(v[1].verdict, Verdict::Contradicted);
    EXPECT_EQ(v[1].evidence, (std::vector<int>{1, 2}));
    EXPECT_EQ(v[1].reason, "Both rate this kind of item 4 or 5.");
    EXPECT_NEAR(v[0].agreement, 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(v[1].agreement, 1.0 / 3.0, 1e-12);
    EXPECT_TRUE(v[0].chosen);
    EXPECT_FALSE(v[1].chosen);
    EXPECT_EQ(run.trace().prediction, "4");
    const StepOutput& final = test::stepOf(run.trace().steps, "final").output;
    EXPECT_EQ(final.chosen.value_or(-1), 0);
    EXPECT_NE(final.reason.value_or("").find("2 of 3 candidates agree"), std::string::npos);
}

TEST_F(EngineHttpTest, CancelDropsTheStageInFlight) {
    Script forever = test::levelReply(*hrt, StageId::TaskAnalysis, "Thinking");
    forever.fault = test::Fault::NeverEnds;
    forever.faultAfterEvents = 2;
    server.when(test::levelRequestKey(*hrt, StageId::TaskAnalysis), forever);
    test::scriptCompliantModel(server, *hrt, "4");
    UserRun run(context(), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.step()); // retrieve
    Status result = Ok{};
    std::thread worker([&] { result = run.step(); });
    ASSERT_TRUE(server.waitForRequests(1, std::chrono::seconds(20)));
    run.cancel();
    worker.join();
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("cancelled"), std::string::npos);
    // Only the retrieval: nothing half-done.
    EXPECT_EQ(test::stagesOf(run.trace().steps), std::vector<std::string>{"retrieve"});
    EXPECT_EQ(run.nextStage(), StageId::TaskAnalysis);
    EXPECT_EQ(run.trace().status, UserStatus::Invalid);

    // Going on after a cancel runs the stage again from scratch.
    server.clearScripts();
    test::scriptCompliantModel(server, *hrt, "4");
    run.clearStop();
    ASSERT_TRUE(run.run());
    EXPECT_EQ(run.trace().status, UserStatus::Done);
    EXPECT_EQ(test::stepOf(run.trace().steps, "task_analysis").status, StepStatus::Done);
}

TEST_F(EngineHttpTest, BackendErrorFailsTheUserAndNamesTheRequest) {
    Script refused;
    refused.fault = test::Fault::Status400;
    refused.errorMessage = "prompt too long for this model";
    server.when(test::levelRequestKey(*hrt, StageId::AnswerPlan), refused);
    test::scriptCompliantModel(server, *hrt, "4");
    UserRun run(context(), user.record, user.gold, SystemId::R2P);
    Status s = run.run();
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find("answer_plan"), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find("400"), std::string::npos);
    EXPECT_NE(s.error().message.find("prompt too long"), std::string::npos);
    const UserTrace& t = run.trace();
    EXPECT_EQ(t.status, UserStatus::Failed);
    EXPECT_TRUE(run.finished());
    ASSERT_EQ(t.steps.back().stage, StageId::AnswerPlan);
    EXPECT_EQ(t.steps.back().status, StepStatus::Failed);
    ASSERT_FALSE(t.events.empty());
    EXPECT_EQ(t.events.back().kind, EventKind::Error);
    EXPECT_TRUE(t.prediction.empty());
}

TEST_F(EngineHttpTest, ADroppedStreamFailsTheStageAndKeepsNoPartialAnswer) {
    Script dropped = test::levelReply(*hrt, StageId::ProfileSynthesis, "- Likes [P1] and more");
    dropped.fault = test::Fault::DisconnectMidStream;
    dropped.faultAfterEvents = 2;
    server.when(test::levelRequestKey(*hrt, StageId::ProfileSynthesis), dropped);
    test::scriptCompliantModel(server, *hrt, "4");
    UserRun run(context(), user.record, user.gold, SystemId::R2P);
    Status s = run.run();
    ASSERT_FALSE(s);
    const UserTrace& t = run.trace();
    EXPECT_EQ(t.status, UserStatus::Failed);
    ASSERT_EQ(t.steps.back().stage, StageId::ProfileSynthesis);
    EXPECT_EQ(t.steps.back().status, StepStatus::Failed);
    EXPECT_TRUE(t.steps.back().answer.empty()); // the partial text is not taken as the stage
    EXPECT_NE(t.error.find("profile_synthesis"), std::string::npos) << t.error;
    EXPECT_TRUE(t.prediction.empty());
    EXPECT_TRUE(t.scores.empty());
}

TEST_F(EngineHttpTest, PrefillModeContinuesTheAssistantTurnAfterACorrection) {
    // deepseek-r1 distills: the template opens <think>, so levels are reasoning and the
    // answer comes after </think>.
    const auto endsWith = [](const std::string& text) {
        return test::jsonEscaped(text) + "\"";
    };
    const auto* ta = hrt->level(StageId::TaskAnalysis);
    const auto* ps = hrt->level(StageId::ProfileSynthesis);
    const auto* ap = hrt->level(StageId::AnswerPlan);
    const auto* an = hrt->level(StageId::Answer);
    const std::string injected = correction(RpiRule::Citations, StageId::ProfileSynthesis);
    auto text = [](std::string s) {
        Script script;
        script.reasoningStyle = test::ReasoningStyle::None;
        script.answer = std::move(s);
        script.wordsPerChunk = 3;
        return script;
    };
    server.when(endsWith(injected + "\n"), text("- Generous rater [P1, P2]."));
    server.when(endsWith(ta->marker + "\n"), text("Predict a 1-5 rating.\n\n"));
    server.when(endsWith(ps->marker + "\n"), text("- Likes quality, no sources.\n\n"));
    server.when(endsWith(ap->marker + "\n"), text("Follow [P1]: 4.\n\n"));
    server.when(endsWith(an->marker + "\n"), text("4\n</think>\n\n4"));
    server.when(test::judgeRequestKey(*hrt),
                test::judgeReply("supported", "P1", "P1 rated a similar item 4."));
    EngineConfig prefill;
    prefill.mode = PromptMode::Prefill;
    UserRun run(context(prefill, "deepseek-r1-distill-qwen-7b"), user.record, user.gold,
                SystemId::R2P);
    ASSERT_TRUE(run.run()) << run.trace().error;
    const UserTrace& t = run.trace();
    EXPECT_EQ(t.status, UserStatus::Done);
    const StepRecord& synthesis = test::stepOf(t.steps, "profile_synthesis");
    EXPECT_EQ(synthesis.backendMode, StepMode::Prefill);
    EXPECT_EQ(synthesis.answer, ps->marker + "\n- Likes quality, no sources.\n" + injected +
                                    "\n- Generous rater [P1, P2].");
    ASSERT_EQ(t.events.size(), 3u); // each chain's synthesis corrected once
    for (const auto& e : t.events) {
        EXPECT_EQ(e.mode, StepMode::Prefill);
        EXPECT_EQ(e.outcome, InterventionOutcome::Complied);
    }
    // The engine wrote the marker: the marker rule could not fail.
    EXPECT_EQ(ruleOutcome(synthesis, RpiRule::MarkerOrder), RuleOutcome::NotApplicable);
    EXPECT_EQ(ruleOutcome(synthesis, RpiRule::Citations), RuleOutcome::Complied);
    // The continuation's prompt is the conversation plus everything written so far.
    std::size_t completions = 0;
    for (const auto& r : server.requests())
        if (r.path == "/v1/completions") {
            ++completions;
            ASSERT_TRUE(r.json);
            const std::string prompt = (*r.json)["prompt"];
            EXPECT_NE(prompt.find("<｜Assistant｜><think>\n## Task analysis\n"), std::string::npos);
        }
    EXPECT_EQ(completions, 3u * (4u + 1u)); // three chains: levels and the continuation
    EXPECT_EQ(t.prediction, "4");
    EXPECT_TRUE(t.formatOk);
}

TEST(EngineOffline, RerunAndEditOnlyRedoWhatFollows) {
    const auto users = demoUsers(TaskId::LaMP3);
    auto backend = std::make_shared<OfflineBackend>(OfflineOptions{0, 0});
    auto ctx = EngineContext::make(TaskId::LaMP3, {}, backend, nullptr, true);
    ASSERT_TRUE(ctx);
    UserRun run(*ctx, users[0].record, users[0].gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const UserTrace first = run.trace();
    ASSERT_EQ(first.status, UserStatus::Done);

    // Re-running from the synthesis keeps retrieval and task analysis, and (deterministic
    // offline reasoner) arrives at the same trace.
    ASSERT_TRUE(run.rerunFrom(StageId::ProfileSynthesis));
    EXPECT_EQ(test::stagesOf(run.trace().steps),
              (std::vector<std::string>{"retrieve", "task_analysis"}));
    EXPECT_EQ(run.nextStage(), StageId::ProfileSynthesis);
    EXPECT_EQ(run.trace().status, UserStatus::Invalid);
    ASSERT_TRUE(run.run());
    ASSERT_EQ(run.trace().steps.size(), first.steps.size());
    for (std::size_t i = 0; i < first.steps.size(); ++i)
        EXPECT_EQ(run.trace().steps[i].answer, first.steps[i].answer) << i;
    EXPECT_EQ(run.trace().prediction, first.prediction);

    // Editing the first answer by hand: the candidates, verdicts and final choice follow it.
    const std::string edited = first.prediction == "2" ? "3" : "2";
    ASSERT_TRUE(run.replaceOutput(StageId::Answer, 0, "## Answer\n" + edited));
    EXPECT_EQ(run.nextStage(), StageId::Candidates);
    EXPECT_EQ(run.trace().steps.back().stage, StageId::Answer);
    EXPECT_EQ(run.trace().steps.back().backendMode, StepMode::Edited);
    EXPECT_TRUE(run.trace().verdicts.empty());
    ASSERT_TRUE(run.run());
    ASSERT_EQ(run.trace().verdicts.size(), 3u);
    EXPECT_EQ(run.trace().verdicts[0].answer, edited);
    EXPECT_EQ(run.trace().status, UserStatus::Done);

    // Editing the final answer re-scores it.
    ASSERT_TRUE(run.replaceOutput(StageId::Final, 0, "5"));
    EXPECT_EQ(run.nextStage(), StageId::Score);
    ASSERT_TRUE(run.run());
    EXPECT_EQ(run.trace().prediction, "5");
    EXPECT_DOUBLE_EQ(run.trace().scores[0].second, std::fabs(5.0 - std::stod(users[0].gold)));
    EXPECT_EQ(run.trace().verdicts.size(), 3u); // kept from the steps

    EXPECT_FALSE(run.replaceOutput(StageId::Retrieve, 0, "x"));
    EXPECT_FALSE(run.rerunFrom(StageId::Generate));
}

class EngineOfflineTasks : public ::testing::TestWithParam<TaskId> {};

TEST_P(EngineOfflineTasks, EverySystemFinishesOnTheDemo) {
    const TaskId task = GetParam();
    const auto users = demoUsers(task);
    ASSERT_FALSE(users.empty());
    auto backend = std::make_shared<OfflineBackend>();
    auto ctx = EngineContext::make(task, {}, backend, nullptr, true);
    ASSERT_TRUE(ctx) << ctx.error().message;
    const auto& spec = taskSpec(task);
    std::size_t r2pInFormat = 0;
    for (std::size_t u = 0; u < 6 && u < users.size(); ++u) {
        for (SystemId system : {SystemId::R2P, SystemId::NoProfile, SystemId::LampRag,
                                SystemId::LrmRag, SystemId::R2PNoHrt, SystemId::R2PNoCr}) {
            UserRun run(*ctx, users[u].record, users[u].gold, system);
            ASSERT_TRUE(run.run())
                << users[u].record.id << " " << systemName(system) << ": " << run.trace().error;
            const UserTrace& t = run.trace();
            EXPECT_EQ(t.status, UserStatus::Done);
            EXPECT_FALSE(t.prediction.empty()) << users[u].record.id << " " << systemName(system);
            ASSERT_FALSE(t.scores.empty());
            if (spec.kind == TaskKind::Generation) {
                EXPECT_EQ(t.scores[0].first, "rouge-1");
            }
            for (const auto& s : t.steps)
                if (s.stage != StageId::Retrieve && s.stage != StageId::Final &&
                    s.stage != StageId::Score && s.stage != StageId::CrossReference) {
                    EXPECT_EQ(s.backendMode, StepMode::Offline);
                }
            if (system == SystemId::R2P) {
                r2pInFormat += t.formatOk ? 1 : 0;
                ASSERT_EQ(t.verdicts.size(), 3u);
                for (const auto& v : t.verdicts)
                    EXPECT_EQ(v.judge, "lexical (offline)");
                EXPECT_EQ(std::count_if(t.verdicts.begin(), t.verdicts.end(),
                                        [](const auto& v) { return v.chosen; }),
                          1);
            }
            if (system == SystemId::NoProfile) {
                EXPECT_EQ(test::stagesOf(t.steps), (std::vector<std::string>{"generate", "score"}));
            }
            if (system == SystemId::R2PNoHrt) {
                // Three free-reasoning candidates, each with its reasoning, judged lexically.
                ASSERT_EQ(t.verdicts.size(), 3u);
                EXPECT_FALSE(test::stepOf(t.steps, "generate").reasoning.empty());
                EXPECT_EQ(test::stepsOf(t.steps, "candidates").size(), 2u);
            }
            if (system == SystemId::R2PNoCr) {
                EXPECT_TRUE(t.verdicts.empty());
                EXPECT_EQ(t.prediction,
                          test::stepOf(t.steps, "answer").output.answer.value_or("?"));
            }
        }
    }
    // RPI holds R2P to the format: every final answer is in it.
    EXPECT_EQ(r2pInFormat, std::min<std::size_t>(6, users.size()));
}

INSTANTIATE_TEST_SUITE_P(Demo, EngineOfflineTasks,
                         ::testing::Values(TaskId::LaMP1, TaskId::LaMP2, TaskId::LaMP3,
                                           TaskId::LaMP4, TaskId::LaMP5, TaskId::LaMP7),
                         [](const auto& param) {
                             std::string name(taskSpec(param.param).name);
                             name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
                             return name;
                         });

TEST(EngineContextTest, RejectsPiecesThatDoNotFit) {
    auto backend = std::make_shared<OfflineBackend>();
    EXPECT_FALSE(EngineContext::make(TaskId::LaMP3, {}, nullptr, nullptr, true));
    EngineConfig noModel;
    auto c = EngineContext::make(TaskId::LaMP3, noModel, backend, nullptr, false);
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("model"), std::string::npos);
    EngineConfig badRanker;
    badRanker.ranker = "bm99";
    c = EngineContext::make(TaskId::LaMP3, badRanker, backend, nullptr, true);
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("bm99"), std::string::npos);
    auto wrong = std::make_shared<HrtTemplate>(*builtinHrtTemplate(TaskId::LaMP2));
    c = EngineContext::make(TaskId::LaMP3, {}, backend, wrong, true);
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("LaMP-2"), std::string::npos);
    EngineConfig prefill;
    prefill.model = "mystery-model";
    prefill.mode = PromptMode::Prefill;
    c = EngineContext::make(TaskId::LaMP3, prefill, backend, nullptr, false);
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("chat template"), std::string::npos);
}

} // namespace

namespace {

// Pauses the run after a chosen stage and counts what it is told.
class PausingObserver : public EngineObserver {
public:
    UserRun* run = nullptr;
    StageId pauseAfter = StageId::Invalid;
    std::atomic<int> deltas{0};
    std::vector<StageId> started, finished;
    void stageStarted(SystemId, StageId stage, int) override { started.push_back(stage); }
    void delta(SystemId, StageId, int, std::string_view, std::string_view) override { ++deltas; }
    void stepFinished(SystemId, const StepRecord& step) override {
        finished.push_back(step.stage);
        if (step.stage == pauseAfter && step.candidate == 0) // not a further chain's level
            run->pause();
    }
};

TEST_F(EngineHttpTest, PauseStopsAfterTheStageInProgressAndObserversSeeEverything) {
    test::scriptCompliantModel(server, *hrt, "4");
    PausingObserver observer;
    observer.pauseAfter = StageId::TaskAnalysis;
    UserRun run(context(), user.record, user.gold, SystemId::R2P, &observer);
    observer.run = &run;
    ASSERT_TRUE(run.run());
    EXPECT_FALSE(run.finished());
    EXPECT_EQ(run.nextStage(), StageId::ProfileSynthesis);
    EXPECT_EQ(observer.finished, (std::vector{StageId::Retrieve, StageId::TaskAnalysis}));
    EXPECT_GT(observer.deltas.load(), 0); // the level streamed in pieces
    run.clearStop();
    ASSERT_TRUE(run.run());
    EXPECT_TRUE(run.finished());
    EXPECT_EQ(observer.finished.size(), run.trace().steps.size());
    EXPECT_EQ(observer.started.front(), StageId::Retrieve);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Cross-referencing as the paper means it: independent chains, leave-one-out without leakage,
// a judge that can be checked, select or combine.

TEST_F(EngineHttpTest, IndependentCandidatesWalkTheirOwnLevels) {
    // Chain 2 (seed 2) writes its own synthesis; the main chain and chain 3 the compliant one.
    server.when(chainLevelKey(*hrt, StageId::ProfileSynthesis, 2),
                test::levelReply(*hrt, StageId::ProfileSynthesis,
                                 "- Chain two reads the third item [P3]."));
    test::scriptCompliantModel(server, *hrt, "4");
    UserRun run(context(), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const UserTrace& t = run.trace();
    const std::vector<std::string> expected = {"retrieve",
                                               "task_analysis",
                                               "profile_synthesis",
                                               "answer_plan",
                                               "answer",
                                               "task_analysis#1",
                                               "profile_synthesis#1",
                                               "answer_plan#1",
                                               "candidates#1",
                                               "task_analysis#2",
                                               "profile_synthesis#2",
                                               "answer_plan#2",
                                               "candidates#2",
                                               "cross_reference",
                                               "cross_reference#1",
                                               "cross_reference#2",
                                               "final",
                                               "score"};
    EXPECT_EQ(test::stagesOf(t.steps), expected);
    // Three chains: three task analyses, each chain with its own seed.
    EXPECT_EQ(bodiesWith(test::levelRequestKey(*hrt, StageId::TaskAnalysis)).size(), 3u);
    EXPECT_EQ(bodiesWith("\"seed\":2").size(), 4u);
    EXPECT_EQ(bodiesWith("\"seed\":3").size(), 4u);
    // Chain 2's plan and answer read chain 2's synthesis, not the main chain's.
    const std::string mainFact = "The user's closest item points the same way [P1].";
    for (const char* stage : {"answer_plan", "candidates"}) {
        const StepRecord& s = test::stepOf(t.steps, stage, 1);
        EXPECT_NE(s.prompt.find("Chain two reads the third item [P3]."), std::string::npos);
        EXPECT_EQ(s.prompt.find(mainFact), std::string::npos) << stage;
    }
    EXPECT_NE(test::stepOf(t.steps, "candidates", 2).prompt.find(mainFact), std::string::npos);
    EXPECT_EQ(test::stepOf(t.steps, "answer").prompt.find("Chain two"), std::string::npos);
    EXPECT_EQ(server.requestCount(), 3u * 4u + 3u);
    // Re-running from candidates forgets the chains' levels too.
    ASSERT_TRUE(run.rerunFrom(StageId::Candidates));
    EXPECT_EQ(test::stagesOf(t.steps),
              (std::vector<std::string>{"retrieve", "task_analysis", "profile_synthesis",
                                        "answer_plan", "answer"}));
    EXPECT_EQ(t.steps.back().stage, StageId::Answer);
    EXPECT_FALSE(run.replaceOutput(StageId::TaskAnalysis, 1, "x"));
}

TEST_F(EngineHttpTest, AnswerOnlyCandidatesAreTheNamedCheaperOption) {
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.candidateMode = CandidateMode::AnswerOnly;
    UserRun run(context(config), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    EXPECT_EQ(bodiesWith(test::levelRequestKey(*hrt, StageId::TaskAnalysis)).size(), 1u);
    EXPECT_EQ(server.requestCount(), 4u + 2u + 3u);
    const StepRecord& second = test::stepOf(run.trace().steps, "candidates", 1);
    EXPECT_NE(second.prompt.find("The user's closest item points the same way [P1]."),
              std::string::npos);
    const std::string json = engineConfigJson(config, 1);
    EXPECT_NE(json.find("\"candidate_mode\":\"answer-only\""), std::string::npos) << json;
    EXPECT_EQ(engineConfigFromJson(json, "m").candidateMode, CandidateMode::AnswerOnly);
    EXPECT_EQ(engineConfigFromJson(engineConfigJson(EngineConfig{}, 1), "m").candidateMode,
              CandidateMode::Independent);
}

TEST_F(EngineHttpTest, LeaveOneOutDropsTheItemFromEveryPromptOfItsCandidate) {
    const auto main = [&] {
        EngineConfig c;
        c.candidates = 1;
        UserRun probe(context(c), user.record, user.gold, SystemId::R2P);
        EXPECT_TRUE(probe.step()); // retrieval only
        return probe.items();
    }();
    ASSERT_GE(main.size(), 3u);
    // The main chain's synthesis quotes every item: answer-only candidates would read them all.
    std::string quoting;
    for (const auto& item : main)
        quoting +=
            "- The user wrote \"" + itemText(item) + "\" [P" + std::to_string(item.n) + "].\n";
    server.when(chainLevelKey(*hrt, StageId::ProfileSynthesis, 1),
                test::levelReply(*hrt, StageId::ProfileSynthesis, quoting));
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.variation = Variation::Retrieval;
    UserRun run(context(config), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const UserTrace& t = run.trace();
    for (int j = 1; j <= 2; ++j) {
        const std::string left = itemText(main[static_cast<std::size_t>(j - 1)]);
        ASSERT_FALSE(left.empty());
        int prompts = 0;
        for (const auto& s : t.steps) {
            if (s.candidate != j || s.stage == StageId::CrossReference)
                continue;
            ++prompts;
            EXPECT_EQ(s.prompt.find(left), std::string::npos)
                << "item " << j << " leaked into " << stageName(s.stage) << " #" << j + 1;
        }
        EXPECT_EQ(prompts, 4); // three levels and the answer
        // The main chain saw it: the check can fail.
        EXPECT_NE(test::stepOf(t.steps, "answer_plan").prompt.find(left), std::string::npos);
    }
    // Answer-only candidates would leak it through the shared levels: refused.
    config.candidateMode = CandidateMode::AnswerOnly;
    auto refused = EngineContext::make(TaskId::LaMP3, config, backend, nullptr, false);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("independent"), std::string::npos);
}

TEST_F(EngineHttpTest, TheAblationWithoutTemplateJudgesFreeReasoningCandidates) {
    // The candidates reason freely on LaMP's prompt; #2 (seed 1 + 1) answers 1, which the judge
    // finds contradicted; the others answer 4 and are supported.
    server.when(test::jsonEscaped("Candidate answer:\n1\n"),
                test::judgeReply("contradicted", "P2", "P2 rates it 5."));
    server.when(test::judgeRequestKey(*hrt), test::judgeReply("supported", "P1", "P1 agrees."));
    Script one;
    one.reasoning = "Thinking about the history, a low rating.";
    one.answer = "1";
    server.when("\"seed\":2,\"stream\"", one);
    Script four;
    four.reasoning = "The history rates such items highly.";
    four.answer = "4";
    server.when("\"stream\"", four);
    EngineConfig config;
    config.variation = Variation::Retrieval;
    UserRun run(context(config), user.record, user.gold, SystemId::R2PNoHrt);
    ASSERT_TRUE(run.run()) << run.trace().error;
    const UserTrace& t = run.trace();
    // No template level was asked for, and no request carried a level's marker.
    for (const auto& level : hrt->levels)
        for (const auto& r : server.requests())
            EXPECT_EQ(r.body.find(test::jsonEscaped(level.marker)), std::string::npos)
                << level.marker;
    for (const auto& level : hrt->levels)
        EXPECT_TRUE(test::stepsOf(t.steps, stageName(level.stage)).empty())
            << stageName(level.stage);
    const StepRecord& first = test::stepOf(t.steps, "generate");
    EXPECT_EQ(first.reasoning, "The history rates such items highly.");
    EXPECT_EQ(first.output.answer.value_or(""), "4");
    ASSERT_EQ(test::stepsOf(t.steps, "candidates").size(), 2u);
    EXPECT_EQ(test::stepOf(t.steps, "candidates", 1).output.answer.value_or(""), "1");
    // Leave-one-out without leakage: candidate j's prompt lacks retrieved item j, the first
    // candidate's has it.
    const auto items = run.items();
    ASSERT_GE(items.size(), 2u);
    for (int j = 1; j <= 2; ++j) {
        const std::string left = itemText(items[static_cast<std::size_t>(j - 1)]);
        EXPECT_EQ(test::stepOf(t.steps, "candidates", j).prompt.find(left), std::string::npos);
        EXPECT_NE(first.prompt.find(left), std::string::npos);
    }
    ASSERT_EQ(t.verdicts.size(), 3u);
    EXPECT_EQ(t.verdicts[1].verdict, Verdict::Contradicted);
    EXPECT_EQ(t.verdicts[0].verdict, Verdict::Supported);
    // The judge was told there are no synthesized facts, not handed an empty section.
    EXPECT_NE(test::stepOf(t.steps, "cross_reference").prompt.find("no facts were synthesized"),
              std::string::npos);
    EXPECT_TRUE(t.verdicts[0].chosen);
    EXPECT_EQ(t.prediction, "4");
    EXPECT_EQ(t.interventions, 0);
}

TEST_F(EngineHttpTest, TheAblationWithoutCrossReferenceAnswersWithItsOneCandidate) {
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.candidates = 3; // ignored: one candidate
    UserRun run(context(config), user.record, user.gold, SystemId::R2PNoCr);
    ASSERT_TRUE(run.run()) << run.trace().error;
    const UserTrace& t = run.trace();
    EXPECT_TRUE(t.verdicts.empty());
    EXPECT_TRUE(test::stepsOf(t.steps, "cross_reference").empty());
    EXPECT_TRUE(test::stepsOf(t.steps, "candidates").empty());
    for (const auto& level : hrt->levels)
        EXPECT_EQ(test::stepsOf(t.steps, stageName(level.stage)).size(), 1u);
    for (const auto& r : server.requests())
        EXPECT_EQ(r.body.find(test::judgeRequestKey(*hrt)), std::string::npos);
    const StepRecord& final = test::stepOf(t.steps, "final");
    EXPECT_EQ(final.output.mode.value_or(""), "single");
    EXPECT_EQ(t.prediction, "4");
    EXPECT_EQ(t.prediction, test::stepOf(t.steps, "answer").output.answer.value_or("?"));
}

TEST_F(EngineHttpTest, JudgeReplyWithoutAVerdictIsAskedAgainThenUnparsed) {
    Script judge;
    judge.reasoning = "VERDICT: supported is what I would write.";
    judge.answer = "I think it is fine.";
    server.when(test::judgeRequestKey(*hrt), judge);
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.candidates = 1;
    UserRun run(context(config), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const UserTrace& t = run.trace();
    ASSERT_EQ(t.verdicts.size(), 1u);
    EXPECT_EQ(t.verdicts[0].verdict, Verdict::Unparsed); // not read from the reasoning either
    const StepRecord* step = test::findStep(t.steps, "cross_reference");
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(step->attempts, 2);
    EXPECT_EQ(step->output.verdict, std::optional<Verdict>(Verdict::Unparsed));
    const auto judged = bodiesWith(test::judgeRequestKey(*hrt));
    ASSERT_EQ(judged.size(), 2u);
    EXPECT_EQ(judged[0].find("Your reply had no verdict"), std::string::npos);
    EXPECT_NE(judged[1].find("Your reply had no verdict"), std::string::npos);
    ASSERT_EQ(t.events.size(), 1u);
    EXPECT_EQ(t.events[0].kind, EventKind::Note);
    EXPECT_NE(t.events[0].detail.find("unparsed"), std::string::npos);
    EXPECT_EQ(t.prediction, "4"); // the only candidate is still the answer
}

TEST_F(EngineHttpTest, JudgeRetryThatAnswersInFormatCounts) {
    server.when(test::jsonEscaped("Your reply had no verdict"),
                test::judgeReply("partial", "P2", "Only P2 is close."));
    Script judge;
    judge.answer = "VERDICT: supported, partial, contradicted or unsupported";
    server.when(test::judgeRequestKey(*hrt), judge);
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.candidates = 1;
    UserRun run(context(config), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    ASSERT_EQ(run.trace().verdicts.size(), 1u);
    EXPECT_EQ(run.trace().verdicts[0].verdict, Verdict::Partial);
    EXPECT_EQ(run.trace().verdicts[0].evidence, std::vector<int>{2});
    EXPECT_EQ(test::stepOf(run.trace().steps, "cross_reference").attempts, 2);
}

TEST_F(EngineHttpTest, TheJudgeHasItsOwnModelSamplingAndBudget) {
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.candidates = 2;
    config.judgeModel = "judge-model";
    config.judgeTemperature = 0.25;
    config.judgeMaxTokens = 3000;
    UserRun run(context(config), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    int judged = 0;
    for (const auto& r : server.requests()) {
        ASSERT_TRUE(r.json);
        const bool isJudge = r.body.find(test::judgeRequestKey(*hrt)) != std::string::npos;
        EXPECT_EQ((*r.json)["model"], isJudge ? "judge-model" : "r2p-test-model");
        if (isJudge) {
            ++judged;
            EXPECT_EQ((*r.json)["max_tokens"], 3000);
            EXPECT_DOUBLE_EQ((*r.json)["temperature"].get<double>(), 0.25);
        }
    }
    EXPECT_EQ(judged, 2);
    EXPECT_EQ(test::stepOf(run.trace().steps, "cross_reference", 1).output.judgeModel.value_or(""),
              "judge-model");
    const auto back = engineConfigFromJson(engineConfigJson(config, 1), "m");
    EXPECT_EQ(back.judgeModel, "judge-model");
    EXPECT_DOUBLE_EQ(back.judgeTemperature, 0.25);
    EXPECT_EQ(back.judgeMaxTokens, 3000);
}

TEST_F(EngineHttpTest, CombineLetsTheModelWriteTheFinalAnswerFromTheVerdicts) {
    server.when(test::jsonEscaped("The candidates and their verdicts:"), [] {
        Script s;
        s.reasoning = "Both candidates are supported by P1; the history leans higher.";
        s.answer = "5";
        return s;
    }());
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.candidates = 2;
    config.finalMode = FinalMode::Combine;
    UserRun run(context(config), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const UserTrace& t = run.trace();
    EXPECT_EQ(t.prediction, "5");
    const StepRecord* final = test::findStep(t.steps, "final");
    ASSERT_NE(final, nullptr);
    EXPECT_EQ(final->backendMode, StepMode::Chat);
    EXPECT_NE(final->prompt.find("#2: 4\n   verdict: supported (P1): P1 agrees with the answer."),
              std::string::npos)
        << final->prompt;
    EXPECT_EQ(final->output.mode.value_or(""), "combine");
    EXPECT_EQ(final->output.chosen.value_or(0), -1);
    for (const auto& v : t.verdicts)
        EXPECT_FALSE(v.chosen);
    EXPECT_EQ(engineConfigFromJson(engineConfigJson(config, 1), "m").finalMode, FinalMode::Combine);
    // Select (the default) records its mode too.
    server.clear();
    UserRun select(context(), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(select.run());
    EXPECT_EQ(test::stepOf(select.trace().steps, "final").output.mode.value_or(""), "select");
    EXPECT_EQ(select.trace().prediction, "4");
}

// ---------------------------------------------------------------------------------------------
// RPI: every violated rule recorded, the reasoning checked in chat mode, rule outcomes.

TEST_F(EngineHttpTest, EveryViolatedRuleOfAnAttemptIsRecorded) {
    // The synthesis cites nothing and loops: two rules in one attempt, both corrected at once.
    const std::string loop = "the user likes long reviews of small gadgets ";
    const std::string citations = correction(RpiRule::Citations, StageId::ProfileSynthesis);
    const std::string repetition = correction(RpiRule::Repetition, StageId::ProfileSynthesis);
    server.when(test::jsonEscaped(citations + " " + repetition),
                test::levelReply(*hrt, StageId::ProfileSynthesis, "- Rates generously [P1]."));
    server.when(test::levelRequestKey(*hrt, StageId::ProfileSynthesis),
                test::levelReply(*hrt, StageId::ProfileSynthesis, "- " + loop + loop + loop));
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.candidates = 1;
    UserRun run(context(config), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const UserTrace& t = run.trace();
    ASSERT_EQ(t.events.size(), 2u);
    EXPECT_EQ(t.events[0].rule, RpiRule::Citations);
    EXPECT_EQ(t.events[1].rule, RpiRule::Repetition);
    EXPECT_NE(t.events[1].evidence.find("repeated 3 times"), std::string::npos);
    for (const auto& e : t.events) {
        EXPECT_EQ(e.kind, EventKind::Intervention);
        EXPECT_EQ(e.stepSeq, 2);
        EXPECT_EQ(e.outcome, InterventionOutcome::Complied);
    }
    EXPECT_EQ(t.interventions, 2);
    const StepRecord* synthesis = test::findStep(t.steps, "profile_synthesis");
    ASSERT_NE(synthesis, nullptr);
    EXPECT_EQ(synthesis->attempts, 2);
    EXPECT_EQ(ruleOutcome(*synthesis, RpiRule::Citations), RuleOutcome::Complied);
    EXPECT_EQ(ruleOutcome(*synthesis, RpiRule::Repetition), RuleOutcome::Complied);
    // chat: the model wrote the marker
    EXPECT_EQ(ruleOutcome(*synthesis, RpiRule::MarkerOrder), RuleOutcome::Complied);
    EXPECT_EQ(ruleOutcome(*synthesis, RpiRule::AnswerFormat), RuleOutcome::NotApplicable);
}

// A template that marks the synthesis's sub-steps: the model skips one, RPI names the rule and
// the markers, the corrected attempt covers them all, and the step stores its coverage.
TEST_F(EngineHttpTest, ASkippedSubStepIsCorrectedAndItsCoverageStored) {
    auto marked = std::make_shared<HrtTemplate>(*hrt);
    HrtLevel& synthesis = marked->levels[1];
    ASSERT_EQ(synthesis.stage, StageId::ProfileSynthesis);
    for (std::size_t i = 0; i < synthesis.steps.size(); ++i)
        synthesis.stepMarkers.push_back("(" + std::string(1, static_cast<char>('a' + i)) + ")");
    ASSERT_GE(synthesis.stepMarkers.size(), 2u);
    std::string covered, skipped = "(a) Rates generously [P1].";
    for (std::size_t i = 0; i < synthesis.stepMarkers.size(); ++i)
        covered += (i ? "\n" : "") + synthesis.stepMarkers[i] + " Point " + std::to_string(i) +
                   " rests on [P1].";
    const std::string fix =
        renderCorrection(*marked, RpiRule::StepCoverage, StageId::ProfileSynthesis, 5);
    server.when(test::jsonEscaped(fix),
                test::levelReply(*marked, StageId::ProfileSynthesis, covered));
    server.when(test::levelRequestKey(*marked, StageId::ProfileSynthesis),
                test::levelReply(*marked, StageId::ProfileSynthesis, skipped));
    test::scriptCompliantModel(server, *marked, "4");

    llm::EndpointConfig endpoint;
    endpoint.baseUrl = server.baseUrl();
    endpoint.maxAttempts = 1;
    backend = std::make_shared<llm::OpenAiBackend>(endpoint);
    EngineConfig config;
    config.candidates = 1;
    config.model = "r2p-test-model";
    auto ctx = EngineContext::make(TaskId::LaMP3, config, backend, marked, false);
    ASSERT_TRUE(ctx) << ctx.error().message;
    UserRun run(*ctx, user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const UserTrace& t = run.trace();
    ASSERT_EQ(t.events.size(), 1u);
    EXPECT_EQ(t.events[0].rule, RpiRule::StepCoverage);
    EXPECT_EQ(t.events[0].outcome, InterventionOutcome::Complied);
    EXPECT_NE(t.events[0].evidence.find("covers 1 of " +
                                        std::to_string(synthesis.stepMarkers.size()) +
                                        " sub-steps; no line opens with (b)"),
              std::string::npos)
        << t.events[0].evidence;
    const StepRecord* step = test::findStep(t.steps, "profile_synthesis");
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(step->attempts, 2);
    EXPECT_EQ(ruleOutcome(*step, RpiRule::StepCoverage), RuleOutcome::Complied);
    ASSERT_TRUE(step->output.steps && step->output.stepsCovered);
    EXPECT_EQ(*step->output.steps, static_cast<int>(synthesis.stepMarkers.size()));
    EXPECT_EQ(step->output.stepsCovered->size(), synthesis.stepMarkers.size());
    // The prompt showed the sub-steps by marker; the unmarked levels keep no coverage.
    EXPECT_FALSE(
        bodiesWith(test::jsonEscaped(synthesis.stepMarkers[1] + " " + synthesis.steps[1])).empty());
    const StepRecord* plan = test::findStep(t.steps, "answer_plan");
    ASSERT_NE(plan, nullptr);
    EXPECT_FALSE(plan->output.steps.has_value());
}

TEST_F(EngineHttpTest, ChatModeChecksTheReasoningAndStopsItPastTheBudget) {
    // A reasoning model thinks 3000 distinct words before writing the task analysis: past the
    // level's budget the stream stops and the level is asked again with the correction.
    Script rambling = test::levelReply(*hrt, StageId::TaskAnalysis, "Predict a rating.");
    rambling.reasoningStyle = test::ReasoningStyle::ReasoningField;
    for (int i = 0; i < 3000; ++i)
        rambling.reasoning += "w" + std::to_string(i) + " ";
    const std::string budget = correction(RpiRule::TokenBudget, StageId::TaskAnalysis);
    server.when(test::jsonEscaped(budget),
                test::levelReply(*hrt, StageId::TaskAnalysis, "Predict a 1-5 rating."));
    server.when(test::levelRequestKey(*hrt, StageId::TaskAnalysis), rambling);
    // The synthesis reasons with an item that does not exist.
    Script unknown = test::levelReply(*hrt, StageId::ProfileSynthesis, "- Generous [P1].");
    unknown.reasoningStyle = test::ReasoningStyle::ReasoningField;
    unknown.reasoning = "Item [P9] is the key one.";
    server.when(test::levelRequestKey(*hrt, StageId::ProfileSynthesis), unknown);
    test::scriptCompliantModel(server, *hrt, "4");
    EngineConfig config;
    config.candidates = 1;
    config.maxInterventions = 1;
    UserRun run(context(config), user.record, user.gold, SystemId::R2P);
    ASSERT_TRUE(run.run());
    const UserTrace& t = run.trace();
    ASSERT_EQ(t.events.size(), 2u);
    EXPECT_EQ(t.events[0].rule, RpiRule::TokenBudget);
    EXPECT_EQ(t.events[0].mode, StepMode::Chat);
    EXPECT_EQ(t.events[0].outcome, InterventionOutcome::Complied);
    const StepRecord* analysis = test::findStep(t.steps, "task_analysis");
    ASSERT_NE(analysis, nullptr);
    EXPECT_LT(analysis->raw.size(), 6000u); // stopped near 200 tokens, not after 3000 words
    EXPECT_NE(analysis->answer.find("Predict a 1-5 rating."), std::string::npos);
    // The reasoning's [P9] violates; the re-asked synthesis thinks the same: it gives up.
    EXPECT_EQ(t.events[1].rule, RpiRule::Citations);
    EXPECT_NE(t.events[1].evidence.find("(in the reasoning)"), std::string::npos);
    EXPECT_EQ(t.events[1].outcome, InterventionOutcome::GaveUp);
    EXPECT_EQ(ruleOutcome(test::stepOf(t.steps, "profile_synthesis"), RpiRule::Citations),
              RuleOutcome::Violated);
}

// ---------------------------------------------------------------------------------------------
// Baselines with a reasoning model: reasoning and answer budgeted apart, a cut answer marked.

TEST_F(EngineHttpTest, ABaselineCutWhileReasoningHasATruncatedEmptyAnswer) {
    Script thinker;
    for (int i = 0; i < 100; ++i)
        thinker.reasoning += "thought" + std::to_string(i) + " ";
    thinker.answer = "4";
    server.setDefaultScript(thinker);
    EngineConfig config;
    config.baselineReasoningTokens = 20;
    for (SystemId system : {SystemId::NoProfile, SystemId::LampRag}) {
        server.clear();
        UserRun run(context(config), user.record, user.gold, system);
        ASSERT_TRUE(run.run()) << run.trace().error;
        const auto& requests = server.requests();
        ASSERT_EQ(requests.size(), 1u);
        // LaMP-3's answer budget (the template's answer level, 40) plus the reasoning budget.
        EXPECT_EQ((*requests[0].json)["max_tokens"], 40 + 20);
        const UserTrace& t = run.trace();
        const StepRecord* generate = test::findStep(t.steps, "generate");
        ASSERT_NE(generate, nullptr);
        const StepOutput& out = generate->output;
        EXPECT_EQ(out.truncated, std::optional<bool>(true));
        EXPECT_EQ(out.finishReason.value_or(""), "length");
        EXPECT_EQ(out.answerBudget.value_or(0), 40);
        EXPECT_EQ(out.reasoningBudget.value_or(0), 20);
        // The cut thought is not the answer; it is scored as LaMP scores an empty prediction.
        EXPECT_EQ(t.prediction, "");
        EXPECT_FALSE(t.formatOk);
        ASSERT_FALSE(t.scores.empty());
        EXPECT_EQ(t.scores, scorePrediction(TaskId::LaMP3, "", user.gold));
    }
}

TEST_F(EngineHttpTest, ABaselineAnswerPastItsBudgetIsCutAndMarked) {
    Script talker;
    talker.reasoning = "Short thought.";
    talker.answer = "4";
    for (int i = 0; i < 40; ++i)
        talker.answer += " because";
    server.setDefaultScript(talker);
    UserRun run(context(), user.record, user.gold, SystemId::LampRag);
    ASSERT_TRUE(run.run());
    const UserTrace& t = run.trace();
    const StepOutput& out = test::stepOf(t.steps, "generate").output;
    EXPECT_EQ(out.truncated, std::optional<bool>(true));
    EXPECT_EQ(out.finishReason.value_or(""), "stop");
    EXPECT_EQ(t.prediction.size(), 160u); // 40 tokens of 4 characters
    EXPECT_EQ(t.prediction.rfind("4 because", 0), 0u);
    EXPECT_FALSE(t.formatOk);
    // An answer within its budget is not truncated.
    talker.answer = "4";
    server.setDefaultScript(talker);
    UserRun fits(context(), user.record, user.gold, SystemId::LampRag);
    ASSERT_TRUE(fits.run());
    EXPECT_EQ(test::stepOf(fits.trace().steps, "generate").output.truncated,
              std::optional<bool>(false));
    EXPECT_EQ(fits.trace().prediction, "4");
    EXPECT_TRUE(fits.trace().formatOk);
}
