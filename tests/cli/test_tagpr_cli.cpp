// The tagpr system end to end: an offline run beside a baseline stores every tagged chain with
// its spans, well-formed and broken alike, with its violations; a misordered chain is
// intervened on while it streams (or, with interventions off, stored as written); the same
// against the loopback OpenAI-compatible server scripted to emit tagged chains; `r2p tags` on a
// hand-made run with hand-computed numbers; `r2p export --format tags-jsonl`.
//
// Which demo users get which flaw was computed by hand, independently of the code, with
// FNV-1a 64 over "<id>\x1ftagpr" modulo 10 (0-1: unclosed answer, 2: misordered first attempt):
// LaMP-3 dev users 3102, 3103, 3104, 3106 unclosed; 3100 misordered; 3101, 3105, 3107 clean.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "support/OpenAiTestServer.h"
#include "support/TestSupport.h"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

std::string demo(const std::string& file) {
    return test::demoDir() + "/LaMP-3/" + file;
}

const StepRecord* generateStep(const UserTrace& t) {
    for (const auto& s : t.steps)
        if (s.stage == StageId::Generate)
            return &s;
    return nullptr;
}

std::vector<std::string> tagsOf(const StepRecord& s) {
    std::vector<std::string> out;
    for (const auto& sp : s.tagSpans)
        out.push_back(sp.tag);
    return out;
}

bool hasFinding(const StepRecord& s, const std::string& needle) {
    if (!s.output.findings)
        return false;
    for (const auto& f : *s.output.findings)
        if (f.find(needle) != std::string::npos)
            return true;
    return false;
}

std::vector<std::string> lines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

const std::vector<std::string> kWellOrdered = {"query", "history", "preference", "relate",
                                               "answer"};

} // namespace

TEST(TagprCli, OfflineRunStoresWellFormedAndBrokenChainsWithTheirViolations) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto r = runCli({"run", "--project", project, "--questions", demo("dev_questions.json"),
                     "--outputs", demo("dev_outputs.json"), "--systems", "lamp-rag,tagpr",
                     "--backend", "offline", "--users", "8", "--concurrency", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json summary = json::parse(r.out);
    ASSERT_TRUE(summary["systems"].contains("tagpr"));
    EXPECT_EQ(summary["systems"]["tagpr"]["scored"], 8);
    const int runId = summary["run"];

    auto store = ProjectStore::open(project);
    ASSERT_TRUE(store.ok()) << store.error().message;
    RunStore runs(**store);
    for (const std::string user :
         {"3100", "3101", "3102", "3103", "3104", "3105", "3106", "3107"}) {
        auto t = runs.userTrace(runId, user, SystemId::TagPR);
        ASSERT_TRUE(t.ok()) << t.error().message;
        const StepRecord* g = generateStep(*t);
        ASSERT_NE(g, nullptr) << user;
        EXPECT_EQ(g->backendMode, StepMode::Offline);
        // Every chain stored with its spans, in the order the model wrote them.
        EXPECT_EQ(tagsOf(*g), kWellOrdered) << user;
        for (const auto& sp : g->tagSpans) {
            EXPECT_EQ(sp.source, "model");
            EXPECT_EQ(sp.tagSetId, "tagpr-personalization");
            EXPECT_EQ(sp.tagSetVersion, 1);
            EXPECT_LE(sp.start, sp.end);
        }
        // The prediction is the answer tag's content.
        const TagSpanRecord& answer = g->tagSpans.back();
        const std::string chain = g->reasoning + g->answer;
        EXPECT_EQ(t->prediction, chain.substr(static_cast<std::size_t>(answer.start),
                                              static_cast<std::size_t>(answer.end - answer.start)));
        EXPECT_EQ(t->prediction.size(), 1u) << user; // a LaMP-3 rating
        const bool unclosed = user == "3102" || user == "3103" || user == "3104" || user == "3106";
        EXPECT_EQ(hasFinding(*g, "<answer> is never closed"), unclosed) << user;
        EXPECT_EQ(hasFinding(*g, "tag well-formed"), unclosed) << user;
        EXPECT_EQ(g->answer.find("</answer>") == std::string::npos, unclosed) << user;
        // The misordered chain was stopped while streaming and asked again, once.
        const int interventions = user == "3100" ? 1 : 0;
        EXPECT_EQ(t->interventions, interventions) << user;
        EXPECT_EQ(g->attempts, 1 + interventions) << user;
        if (user == "3100") {
            ASSERT_EQ(t->events.size(), 1u);
            EXPECT_EQ(t->events[0].kind, EventKind::Intervention);
            EXPECT_EQ(t->events[0].rule, RpiRule::MarkerOrder);
            EXPECT_EQ(t->events[0].outcome, InterventionOutcome::Complied);
            EXPECT_NE(t->events[0].evidence.find("<relate> follows <query>"), std::string::npos)
                << t->events[0].evidence;
            EXPECT_NE(g->raw.find("</query>\n<relate>"), std::string::npos); // the first try
            EXPECT_NE(g->raw.find("[RPI: "), std::string::npos);
        }
    }

    // Tag spans as JSON lines: 8 chains of 5 spans, in user, step, position order.
    const std::string out = dir.file("spans.jsonl");
    auto e = runCli({"export", "--project", project, "--run", std::to_string(runId), "--format",
                     "tags-jsonl", "--out", out});
    ASSERT_EQ(e.exitCode, 0) << e.err;
    const auto rows = lines(out);
    ASSERT_EQ(rows.size(), 40u);
    const json first = json::parse(rows.front());
    EXPECT_EQ(first["user"], "3100");
    EXPECT_EQ(first["system"], "tagpr");
    EXPECT_EQ(first["step"], 1); // after retrieve
    EXPECT_EQ(first["tag"], "query");
    EXPECT_EQ(first["source"], "model");
    EXPECT_EQ(first["start"], 7); // right after "<query>"
    EXPECT_EQ(first["tag_set"], "tagpr-personalization");
    EXPECT_EQ(first["tag_set_version"], 1);
    EXPECT_EQ(json::parse(rows.back())["tag"], "answer");
    EXPECT_EQ(json::parse(rows.back())["user"], "3107");

    // r2p tags on the run: every chain has all five tags once; four break well-formedness.
    auto t = runCli({"tags", "--project", project, "--run", std::to_string(runId)});
    ASSERT_EQ(t.exitCode, 0) << t.err;
    const json tags = json::parse(t.out);
    ASSERT_TRUE(tags["systems"].contains("tagpr"));
    EXPECT_FALSE(tags["systems"].contains("lamp-rag")); // no tagged chains
    const json& s = tags["systems"]["tagpr"];
    EXPECT_EQ(s["chains"], 8);
    for (const auto& tag : kWellOrdered)
        EXPECT_EQ(s["frequency"][tag], 8) << tag;
    EXPECT_EQ(s["transitions"]["query->history"], 8);
    EXPECT_EQ(s["transitions"]["relate->answer"], 8);
    int wellFormed = 0;
    for (const auto& c : s["chains_detail"])
        for (const auto& v : c["violations"])
            if (v["rule"] == "well-formed") {
                ++wellFormed;
                EXPECT_EQ(v["tag"], "answer");
            }
    EXPECT_EQ(wellFormed, 4);

    // Unknown run and system: exit 2, named.
    auto bad = runCli({"tags", "--project", project, "--run", "99"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("99"), std::string::npos) << bad.err;
    bad = runCli({"tags", "--project", project, "--run", std::to_string(runId), "--system", "r2p"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("\"r2p\""), std::string::npos) << bad.err;
}

TEST(TagprCli, WithInterventionsOffTheMisorderedChainIsStoredAsWritten) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto r = runCli({"run", "--project", project, "--questions", demo("dev_questions.json"),
                     "--outputs", demo("dev_outputs.json"), "--systems", "tagpr", "--backend",
                     "offline", "--users", "2", "--max-interventions", "0"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const int runId = json::parse(r.out)["run"];
    auto store = ProjectStore::open(project);
    ASSERT_TRUE(store.ok());
    auto t = RunStore(**store).userTrace(runId, "3100", SystemId::TagPR);
    ASSERT_TRUE(t.ok()) << t.error().message;
    const StepRecord* g = generateStep(*t);
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(tagsOf(*g),
              (std::vector<std::string>{"query", "relate", "history", "preference", "answer"}));
    EXPECT_TRUE(hasFinding(*g, "tag transition")) << g->output.findings->front();
    EXPECT_EQ(t->interventions, 0);
    ASSERT_EQ(t->events.size(), 1u);
    EXPECT_EQ(t->events[0].kind, EventKind::Note);
    EXPECT_EQ(t->events[0].rule, RpiRule::MarkerOrder);
}

TEST(TagprCli, LoopbackServerChainsWellFormedBrokenAndCorrected) {
    test::OpenAiTestServer server;
    test::Script wellFormed;
    wellFormed.answer = "<query>The query asks for one rating from 1 to 5.</query>\n"
                        "<preference>This user rates products kindly [P1].</preference>\n"
                        "<relate>Applied to this review it fits well.</relate>\n"
                        "<answer>5</answer>";
    test::Script broken; // never closes its answer (only the finished chain shows it)
    broken.reasoning = "<query>The query asks for a rating of the review.</query>"
                       "<preference>This user rates toys kindly [P1].</preference>"
                       "<relate>It fits this review.</relate>";
    broken.answer = "<answer>4";
    test::Script misordered; // <answer> straight after <query>: the stream is stopped there
    misordered.answer = "<query>The query asks for a rating of this one.</query>\n"
                        "<answer>3</answer>\n<check>Looks right to me.</check>";
    test::Script corrected;
    corrected.answer = "<query>The query asks for a rating of this one.</query>\n"
                       "<preference>The user likes sturdy things [P2].</preference>\n"
                       "<relate>This one is sturdy, with a catch.</relate>\n"
                       "<answer>3</answer>";
    // By request content, not order: the correction first (rules are tried in order), then
    // each user's review.
    server.when("Wait, my tags are off", corrected);
    server.when("It cleans up in seconds under the tap", wellFormed);          // 3100
    server.when("Great for rainy afternoons", broken);                         // 3101
    server.when("wants an account just to change basic settings", misordered); // 3102
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto r = runCli({"run",
                     "--project",
                     project,
                     "--questions",
                     demo("dev_questions.json"),
                     "--outputs",
                     demo("dev_outputs.json"),
                     "--systems",
                     "tagpr",
                     "--backend",
                     "openai",
                     "--base-url",
                     server.baseUrl(),
                     "--model",
                     "r2p-test-model",
                     "--mode",
                     "chat",
                     "--users",
                     "3",
                     "--concurrency",
                     "1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const int runId = json::parse(r.out)["run"];
    auto store = ProjectStore::open(project);
    ASSERT_TRUE(store.ok());
    RunStore runs(**store);

    auto a = runs.userTrace(runId, "3100", SystemId::TagPR);
    ASSERT_TRUE(a.ok()) << a.error().message;
    const StepRecord* ga = generateStep(*a);
    ASSERT_NE(ga, nullptr);
    EXPECT_EQ(ga->backendMode, StepMode::Chat);
    EXPECT_EQ(tagsOf(*ga), (std::vector<std::string>{"query", "preference", "relate", "answer"}));
    EXPECT_EQ(a->prediction, "5");
    EXPECT_TRUE(ga->output.findings && ga->output.findings->empty());
    // The request asked for the tagged format.
    ASSERT_GE(server.requests().size(), 1u);

    // Split across the reasoning field and the content; stored as written, with violations.
    auto b = runs.userTrace(runId, "3101", SystemId::TagPR);
    ASSERT_TRUE(b.ok()) << b.error().message;
    const StepRecord* gb = generateStep(*b);
    ASSERT_NE(gb, nullptr);
    EXPECT_EQ(gb->answer, "<answer>4");
    EXPECT_EQ(tagsOf(*gb), (std::vector<std::string>{"query", "preference", "relate", "answer"}));
    EXPECT_EQ(b->interventions, 0);      // nothing to see until the chain ends
    EXPECT_EQ(gb->tagSpans[0].start, 7); // in the reasoning
    EXPECT_EQ(gb->tagSpans[3].start,
              static_cast<std::int64_t>(gb->reasoning.size() + std::string("<answer>").size()));
    EXPECT_EQ(b->prediction, "4");
    EXPECT_TRUE(hasFinding(*gb, "<answer> is never closed"));
    EXPECT_TRUE(hasFinding(*gb, "tag well-formed"));

    // Stopped at <check>, asked again with the correction, the corrected chain stands.
    auto c = runs.userTrace(runId, "3102", SystemId::TagPR);
    ASSERT_TRUE(c.ok()) << c.error().message;
    const StepRecord* gc = generateStep(*c);
    ASSERT_NE(gc, nullptr);
    EXPECT_EQ(c->interventions, 1);
    EXPECT_EQ(gc->attempts, 2);
    ASSERT_EQ(c->events.size(), 1u);
    EXPECT_EQ(c->events[0].outcome, InterventionOutcome::Complied);
    EXPECT_NE(c->events[0].evidence.find("<answer> follows <query>"), std::string::npos)
        << c->events[0].evidence;
    EXPECT_EQ(tagsOf(*gc), (std::vector<std::string>{"query", "preference", "relate", "answer"}));
    EXPECT_EQ(c->prediction, "3");
    // The second request carried the corrective thought.
    bool corrective = false;
    for (const auto& req : server.requests())
        corrective = corrective || req.body.find("Wait, my tags are off") != std::string::npos;
    EXPECT_TRUE(corrective);
}

TEST(TagprCli, TagsStatisticsOnAHandMadeRun) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    std::int64_t runId = 0;
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok()) << store.error().message;
        RunStore runs(**store);
        RunInfo info;
        info.task = TaskId::LaMP3;
        info.systems = {SystemId::TagPR};
        info.backend = "offline";
        info.users = {"a", "b"};
        auto id = runs.createRun(info);
        ASSERT_TRUE(id.ok()) << id.error().message;
        runId = *id;
        auto trace = [](std::string user, std::string chain, std::string prediction,
                        std::string gold, double mae) {
            UserTrace t;
            t.userId = std::move(user);
            t.system = SystemId::TagPR;
            t.status = UserStatus::Done;
            t.prediction = std::move(prediction);
            t.gold = std::move(gold);
            t.scores = {{"MAE", mae}};
            StepRecord retrieve;
            retrieve.seq = 0;
            retrieve.stage = StageId::Retrieve;
            retrieve.status = StepStatus::Done;
            retrieve.output.items = std::vector<StepItem>{{1, "p1", 1.0, {}}, {2, "p2", 0.5, {}}};
            StepRecord g;
            g.seq = 1;
            g.stage = StageId::Generate;
            g.status = StepStatus::Done;
            g.answer = chain;
            // The spans as the model wrote them (the command re-reads model spans itself).
            g.tagSpans = test::modelSpans(chain);
            t.steps = {retrieve, g};
            return t;
        };
        ASSERT_TRUE(runs.saveUserTrace(runId, trace("a",
                                                    "<query>The query asks for a rating.</query>"
                                                    "<preference>Likes it [P1] a lot.</preference>"
                                                    "<answer>4</answer>",
                                                    "4", "4", 0))
                        .ok());
        ASSERT_TRUE(runs.saveUserTrace(runId, trace("b",
                                                    "<query>The query asks for a rating "
                                                    "here.</query><answer>2</answer>"
                                                    "<check>Wait</check>",
                                                    "2", "3", 1))
                        .ok());
    }
    auto r =
        runCli({"tags", "--project", project, "--run", std::to_string(runId), "--system", "tagpr"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    const json& s = j["systems"]["tagpr"];
    EXPECT_EQ(s["chains"], 2);
    EXPECT_EQ(s["frequency"], json::parse(R"({"answer": 2, "check": 1, "preference": 1,
                                              "query": 2})"));
    EXPECT_EQ(s["transitions"], json::parse(R"({"answer->check": 1, "preference->answer": 1,
                                                "query->answer": 1, "query->preference": 1})"));
    // (code points + 3) / 4: "The query asks for a rating." 28 -> 7 (a, correct); "The query
    // asks for a rating here." 33 -> 9 (b, wrong).
    EXPECT_EQ(s["tokens_per_tag"]["query"]["correct"]["mean"], 7.0);
    EXPECT_EQ(s["tokens_per_tag"]["query"]["wrong"]["mean"], 9.0);
    EXPECT_EQ(s["tokens_per_tag"]["preference"]["wrong"]["n"], 0);
    EXPECT_EQ(s["metric"], "MAE");
    EXPECT_EQ(s["metric_by_tag"]["preference"]["with"]["mean"], 0.0);
    EXPECT_EQ(s["metric_by_tag"]["preference"]["without"]["mean"], 1.0);
    EXPECT_EQ(s["metric_by_tag"]["query"]["with"]["mean"], 0.5);
    EXPECT_EQ(s["metric_by_tag"]["query"]["without"]["n"], 0);
    // Weights 3+2+1+1+1+3+2+1 = 14, every rule applicable. a breaks transition (preference ->
    // answer): 13/14. b breaks required (no preference, 2), transition (1) and length ("Wait"
    // is 1 token, at least 3; 1): 10/14. Mean 23/28.
    EXPECT_NEAR(s["constraint_score_mean"].get<double>(), 23.0 / 28.0, 1e-12);
    ASSERT_EQ(s["chains_detail"].size(), 2u);
    const json& a = s["chains_detail"][0];
    EXPECT_EQ(a["user"], "a");
    EXPECT_NEAR(a["constraint_score"].get<double>(), 13.0 / 14.0, 1e-12);
    ASSERT_EQ(a["violations"].size(), 1u);
    EXPECT_EQ(a["violations"][0]["rule"], "transition");
    EXPECT_EQ(a["violations"][0]["tag"], "answer");
    const json& b = s["chains_detail"][1];
    std::vector<std::string> rules;
    for (const auto& v : b["violations"])
        rules.push_back(v["rule"]);
    EXPECT_EQ(rules, (std::vector<std::string>{"required", "transition", "transition", "length"}));
    EXPECT_EQ(b["violations"][3]["tag"], "check");
    // The length violation names the span: <check> is the third span of b's chain.
    EXPECT_EQ(b["violations"][3]["span"], 2);
}
