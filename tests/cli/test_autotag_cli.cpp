// r2p autotag: the untagged chains of a stored run tagged and stored as "auto" spans. Offline,
// by the rule-based tagger (no request); against the loopback server, by the tagger prompt
// through the response cache: the first pass sends each chain once, the second answers every
// chain from the cache and sends nothing; a reply that changes the chain's text is refused and
// named, the other chains stored; spans land on the chain's own bytes.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "support/OpenAiTestServer.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

std::string demo(const std::string& file) {
    return test::demoDir() + "/LaMP-3/" + file;
}

// The text of each auto span of `user`'s lrm-rag chain, in order.
std::vector<std::pair<std::string, std::string>>
autoSpans(const std::string& project, std::int64_t runId, const std::string& user) {
    auto store = ProjectStore::open(project);
    if (!store)
        return {{"error", store.error().message}};
    auto t = RunStore(**store).userTrace(runId, user, SystemId::LrmRag);
    if (!t)
        return {{"error", t.error().message}};
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& s : t->steps)
        for (const auto& sp : s.tagSpans)
            if (sp.source == "auto") {
                const std::string chain = s.reasoning + s.answer;
                out.emplace_back(sp.tag, chain.substr(static_cast<std::size_t>(sp.start),
                                                      static_cast<std::size_t>(sp.end - sp.start)));
            }
    return out;
}

} // namespace

TEST(AutotagCli, OfflineRunsAreTaggedByTheRuleBasedTaggerWithoutARequest) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    auto r = runCli({"run", "--project", project, "--questions", demo("dev_questions.json"),
                     "--outputs", demo("dev_outputs.json"), "--systems", "r2p,lrm-rag", "--backend",
                     "offline", "--users", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::int64_t runId = json::parse(r.out)["run"];
    auto a = runCli({"autotag", "--project", project, "--run", std::to_string(runId)});
    ASSERT_EQ(a.exitCode, 0) << a.err;
    const json j = json::parse(a.out);
    EXPECT_EQ(j["tagger"], "offline (rule-based tagger)");
    // Per user: lrm-rag's chain, and R2P's three walk-throughs of four levels each (task
    // analysis, profile synthesis, answer plan, then the answer or the candidate's answer).
    EXPECT_EQ(j["chains"], 26);
    EXPECT_EQ(j["tagged"], 26);
    EXPECT_EQ(j["requests"], 0);
    const auto first = autoSpans(project, runId, "3100");
    ASSERT_FALSE(first.empty());
    EXPECT_EQ(first.back().first, "answer");
    // Again: the spans are replaced, not added twice.
    ASSERT_EQ(runCli({"autotag", "--project", project, "--run", std::to_string(runId)}).exitCode,
              0);
    EXPECT_EQ(autoSpans(project, runId, "3100"), first);
    // r2p tags reads the auto spans of lrm-rag, and each R2P walk-through as one chain whose
    // levels carry the tags the set maps to them (query, preference, relate, answer), so every
    // walk makes the same three transitions.
    auto t = runCli({"tags", "--project", project, "--run", std::to_string(runId)});
    ASSERT_EQ(t.exitCode, 0) << t.err;
    const json tags = json::parse(t.out);
    EXPECT_EQ(tags["systems"]["lrm-rag"]["chains"], 2);
    EXPECT_EQ(tags["systems"]["r2p"]["chains"], 6);
    EXPECT_EQ(tags["systems"]["r2p"]["transitions"],
              json::parse(R"({"preference->relate": 6, "query->preference": 6,
                              "relate->answer": 6})"));
}

TEST(AutotagCli, TheTaggerModelIsAskedOnceThenTheCacheAnswers) {
    test::OpenAiTestServer server;
    // The tagger's replies, matched by each chain's text (only a tagger request carries it).
    test::Script taggedA;
    taggedA.answer = "<preference>Sturdy gadgets please this user [P1].</preference>\n"
                     "<relate>The review praises  quick cleaning.</relate>\n<answer>4</answer>";
    test::Script taggedB;
    taggedB.answer = "<preference>Board games are a favourite of this user [P2].</preference> "
                     "<relate>Rainy days fit.</relate><answer>5</answer>";
    test::Script rewrites; // changes a word: refused
    rewrites.answer = "<preference>Accounts irritate this user [P3].</preference>"
                      "<relate>The review complains.</relate><answer>2</answer>";
    server.when("Sturdy gadgets please", taggedA);
    server.when("Board games are a favourite", taggedB);
    server.when("Accounts annoy this user", rewrites);
    // lrm-rag's chains, by each user's review.
    test::Script a, b, c;
    a.reasoning = "Sturdy gadgets please this user [P1]. The review praises quick cleaning.";
    a.answer = "4";
    b.reasoning = "Board games are a favourite of this user [P2]. Rainy days fit.";
    b.answer = "5";
    c.reasoning = "Accounts annoy this user [P3]. The review complains.";
    c.answer = "2";
    server.when("It cleans up in seconds under the tap", a);          // 3100
    server.when("Great for rainy afternoons", b);                     // 3101
    server.when("wants an account just to change basic settings", c); // 3102
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
                     "lrm-rag",
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
    const std::int64_t runId = json::parse(r.out)["run"];
    const std::size_t before = server.requestCount();

    auto first = runCli({"autotag", "--project", project, "--run", std::to_string(runId)});
    EXPECT_EQ(first.exitCode, 1) << first.err; // one chain could not be tagged
    const json j = json::parse(first.out);
    EXPECT_EQ(j["tagger"], "r2p-test-model via r2p-tagger v1");
    EXPECT_EQ(j["chains"], 3);
    EXPECT_EQ(j["tagged"], 2);
    EXPECT_EQ(j["requests"], 3);
    EXPECT_EQ(j["from_cache"], 0);
    ASSERT_EQ(j["failed"].size(), 1u);
    EXPECT_EQ(j["failed"][0]["user"], "3102");
    EXPECT_NE(j["failed"][0]["error"].get<std::string>().find("changed the text"),
              std::string::npos)
        << j["failed"][0]["error"];
    EXPECT_EQ(server.requestCount(), before + 3);
    // The tagger's request named the tags and carried the chain.
    bool asked = false;
    for (const auto& req : server.requests())
        asked = asked || (req.body.find("Copy the reasoning below exactly") != std::string::npos &&
                          req.body.find("<preference>") != std::string::npos &&
                          req.body.find("Sturdy gadgets please") != std::string::npos);
    EXPECT_TRUE(asked);
    // Spans on the chain's own bytes (the reply's extra whitespace is not the chain's).
    using Spans = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(autoSpans(project, runId, "3100"),
              (Spans{{"preference", "Sturdy gadgets please this user [P1]."},
                     {"relate", "The review praises quick cleaning."},
                     {"answer", "4"}}));
    EXPECT_EQ(autoSpans(project, runId, "3101"),
              (Spans{{"preference", "Board games are a favourite of this user [P2]."},
                     {"relate", "Rainy days fit."},
                     {"answer", "5"}}));
    EXPECT_TRUE(autoSpans(project, runId, "3102").empty());

    // Again: every chain from the cache, nothing sent, the same spans.
    auto second = runCli({"autotag", "--project", project, "--run", std::to_string(runId)});
    const json k = json::parse(second.out);
    EXPECT_EQ(k["requests"], 0);
    EXPECT_EQ(k["from_cache"], 3);
    EXPECT_EQ(server.requestCount(), before + 3);
    EXPECT_EQ(autoSpans(project, runId, "3100").size(), 3u);
}
