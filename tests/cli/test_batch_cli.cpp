// A run through a batch engine in rounds: r2p run --backend batch creates it and sends nothing,
// r2p batch prepare writes each round in the OpenAI Batch input format, this test plays the
// engine (each body POSTed to the loopback test server, the answers written in the OpenAI Batch
// API's output format and in vLLM run-batch's bare form), r2p batch ingest stores them and
// advances the users. The finished run must equal the same run made online against the same
// deterministic server. Bad output lines are reported by line and retried; ingesting twice
// changes nothing.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/Sqlite.h"
#include "pipeline/engine/BatchRounds.h"
#include "pipeline/engine/HrtTemplate.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "support/ModelScripts.h"
#include "support/TestSupport.h"

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sqlite3.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace r2p;
using nlohmann::json;
using r2p::test::runCli;

namespace {

std::string demo(const std::string& file) {
    return test::demoDir() + "/LaMP-3/" + file;
}

std::vector<std::string> runArgs(const std::string& project, const std::string& backend) {
    return {"run",
            "--project",
            project,
            "--questions",
            demo("dev_questions.json"),
            "--outputs",
            demo("dev_outputs.json"),
            "--systems",
            "r2p,lamp-rag",
            "--backend",
            backend,
            "--model",
            "r2p-test-model",
            "--mode",
            "chat",
            "--users",
            "4",
            "--quiet"};
}

std::vector<json> readLines(const std::string& path) {
    std::ifstream in(path);
    std::vector<json> out;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty())
            out.push_back(json::parse(line));
    return out;
}

// The batch engine: every input line's body sent to `server` as it is; the output in the
// OpenAI Batch API's format (even lines) or vLLM run-batch's bare response (odd lines).
std::string answerRound(const std::vector<json>& round, const test::OpenAiTestServer& server) {
    llm::EndpointConfig config;
    config.baseUrl = server.baseUrl();
    std::string out;
    for (std::size_t i = 0; i < round.size(); ++i) {
        const json& in = round[i];
        EXPECT_EQ(in["method"], "POST");
        EXPECT_FALSE(in["body"]["stream"].get<bool>());
        auto reply =
            llm::postToServer(config, in["url"].get<std::string>(), in["body"].dump(), 30000);
        EXPECT_TRUE(reply) << reply.error().message;
        if (!reply)
            continue;
        json body = json::parse(reply->body);
        json line{{"id", "batch_req_" + std::to_string(i)}, {"custom_id", in["custom_id"]}};
        if (i % 2 == 0)
            line["response"] = {{"status_code", reply->status},
                                {"request_id", "req-" + std::to_string(i)},
                                {"body", body}};
        else
            line["response"] = body;
        line["error"] = nullptr;
        out += line.dump() + "\n";
    }
    return out;
}

std::map<std::pair<std::string, SystemId>, UserOutcome> outcomesOf(const std::string& project) {
    auto store = ProjectStore::open(project);
    EXPECT_TRUE(store);
    std::map<std::pair<std::string, SystemId>, UserOutcome> out;
    auto outcomes = RunStore(**store).outcomes(1);
    EXPECT_TRUE(outcomes);
    for (auto& o : *outcomes)
        out[{o.userId, o.system}] = o;
    return out;
}

std::int64_t cachedResponses(const std::string& project) {
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::ReadOnly);
    EXPECT_TRUE(store) << (store ? "" : store.error().message);
    if (!store)
        return -1;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2((*store)->handle(), "SELECT count(*) FROM response_cache", -1, &st, nullptr);
    std::int64_t n = -1;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

// r2p batch ingest as a child process, killed with SIGKILL after `delay`; true if the kill
// landed before it ended.
bool ingestKilledAfter(const std::string& project, const std::string& results,
                       std::chrono::microseconds delay) {
    const int child = test::startCli(
        {"batch", "ingest", "--project", project, "--run", "1", "--results", results});
    std::this_thread::sleep_for(delay); // where the kill lands is the point of the test
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFSIGNALED(status);
}

// The answered round's lines with bad ones among them. Line 1: fine. Line 2: not JSON. Line 3:
// a 500. Line 4: an unknown custom_id. Line 5: the fourth round line's answer under another
// body's hash (an answer to an earlier request). Then the rest but the third round line, which
// stays unanswered: 1 + (lines - 3) answers stored, 2 retried, 2 unknown.
std::string staleHash(const std::string& customId) {
    std::string stale = customId;
    stale.back() = stale.back() == '0' ? '1' : '0';
    return stale;
}

std::string mixedOutput(const std::vector<std::string>& lines) {
    json failed = json::parse(lines[1]);
    failed["response"] = {{"status_code", 500}, {"request_id", "x"}, {"body", {{"error", "oom"}}}};
    json stale = json::parse(lines[3]);
    stale["custom_id"] = staleHash(stale["custom_id"].get<std::string>());
    std::string out = lines[0] + "\n{\"custom_id\": \"r1-cut\n" + failed.dump() + "\n" +
                      json{{"custom_id", "r9-nobody-0123456789abcdef"},
                           {"response", {{"status_code", 200}, {"body", json::object()}}}}
                          .dump() +
                      "\n" + stale.dump() + "\n";
    for (std::size_t i = 3; i < lines.size(); ++i)
        out += lines[i] + "\n";
    return out;
}

// A batch run's first round (at least 4 requests) answered by the loopback test server, the
// answers written with bad lines among them (mixedOutput): the project and file are in `dir`.
// The loopback server as a hosted API (no /tokenize: runs count tokens locally) answering as a
// model that keeps LaMP-3's template and answers "4".
std::unique_ptr<test::OpenAiTestServer> compliantServer(const engine::HrtTemplate& hrt) {
    test::ServerOptions options;
    options.flavor = test::ServerFlavor::Hosted;
    auto server = std::make_unique<test::OpenAiTestServer>(options);
    test::scriptCompliantModel(*server, hrt, "4");
    return server;
}

struct MixedIngest {
    std::string project, outPath;
    std::vector<json> round;
    std::vector<std::string> lines; // the good answers, one a round line
};

void prepareMixedIngest(const test::TempDir& dir, MixedIngest& m) {
    const auto* hrt = engine::builtinHrtTemplate(TaskId::LaMP3);
    ASSERT_NE(hrt, nullptr);
    const auto owned = compliantServer(*hrt);
    test::OpenAiTestServer& server = *owned;
    m.project = dir.file("p.r2p");
    ASSERT_EQ(runCli(runArgs(m.project, "batch")).exitCode, 0);
    const std::string in = dir.file("round.jsonl");
    ASSERT_EQ(
        runCli({"batch", "prepare", "--project", m.project, "--run", "1", "--out", in}).exitCode,
        0);
    m.round = readLines(in);
    ASSERT_GE(m.round.size(), 4u);
    std::istringstream good(answerRound(m.round, server));
    for (std::string l; std::getline(good, l);)
        m.lines.push_back(l);
    m.outPath = dir.write("out.jsonl", mixedOutput(m.lines));
}

} // namespace

TEST(BatchCli, RoundsThroughABatchEngineGiveTheRunMadeOnline) {
    const auto* hrt = engine::builtinHrtTemplate(TaskId::LaMP3);
    ASSERT_NE(hrt, nullptr);
    const auto owned = compliantServer(*hrt);
    test::OpenAiTestServer& server = *owned;
    test::TempDir dir;

    const std::string online = dir.file("online.r2p");
    auto onlineArgs = runArgs(online, "openai");
    onlineArgs.insert(onlineArgs.end(), {"--base-url", server.baseUrl()});
    auto o = runCli(onlineArgs);
    ASSERT_EQ(o.exitCode, 0) << o.err;

    const std::string batch = dir.file("batch.r2p");
    server.clear();
    auto created = runCli(runArgs(batch, "batch"));
    ASSERT_EQ(created.exitCode, 0) << created.err;
    EXPECT_EQ(json::parse(created.out)["status"], "waiting for batch rounds");
    EXPECT_EQ(server.requestCount(), 0u) << "creating a batch run sends nothing";

    int rounds = 0;
    std::size_t requests = 0;
    for (; rounds < 40; ++rounds) {
        const std::string in = dir.file("round" + std::to_string(rounds) + ".jsonl");
        auto p = runCli({"batch", "prepare", "--project", batch, "--run", "1", "--out", in});
        ASSERT_EQ(p.exitCode, 0) << p.err;
        const auto round = readLines(in);
        EXPECT_EQ(json::parse(p.out)["next_round"].get<std::size_t>(), round.size());
        if (round.empty()) {
            EXPECT_TRUE(json::parse(p.out)["done"].get<bool>());
            break;
        }
        for (const auto& line : round)
            EXPECT_LE(line["custom_id"].get<std::string>().size(), 64u);
        requests += round.size();
        const std::string out =
            dir.write("out" + std::to_string(rounds) + ".jsonl", answerRound(round, server));
        auto i = runCli({"batch", "ingest", "--project", batch, "--run", "1", "--results", out});
        ASSERT_EQ(i.exitCode, 0) << i.err;
        EXPECT_EQ(json::parse(i.out)["ingested"][0]["stored"].get<std::size_t>(), round.size());
        // Ingesting the same file again changes nothing.
        auto twice =
            runCli({"batch", "ingest", "--project", batch, "--run", "1", "--results", out});
        ASSERT_EQ(twice.exitCode, 0) << twice.err;
        EXPECT_EQ(json::parse(twice.out)["next_round"], json::parse(i.out)["next_round"]);
        EXPECT_EQ(json::parse(twice.out)["users"]["stored_now"], 0);
    }
    ASSERT_LT(rounds, 40) << "the run never finished";
    EXPECT_GT(rounds, 3); // R2P's levels come one round after another
    EXPECT_GT(requests, 0u);

    const auto a = outcomesOf(online), b = outcomesOf(batch);
    ASSERT_EQ(a.size(), 8u);
    ASSERT_EQ(b.size(), a.size());
    for (const auto& [key, x] : a) {
        ASSERT_TRUE(b.count(key)) << key.first;
        const auto& y = b.at(key);
        EXPECT_EQ(x.status, UserStatus::Done) << key.first;
        EXPECT_EQ(x.status, y.status) << key.first;
        EXPECT_EQ(x.prediction, y.prediction) << key.first;
        EXPECT_EQ(x.scores, y.scores) << key.first;
        EXPECT_EQ(x.reasoningTokens, y.reasoningTokens) << key.first;
        EXPECT_EQ(x.interventions, y.interventions) << key.first;
        EXPECT_EQ(x.contradicted, y.contradicted) << key.first;
    }
    auto store = ProjectStore::open(batch);
    ASSERT_TRUE(store);
    auto info = RunStore(**store).run(1);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->status, RunStatus::Done);
}

TEST(BatchCli, BadOutputLinesAreReportedByLineAndRetriedNextRound) {
    test::TempDir dir;
    MixedIngest m;
    ASSERT_NO_FATAL_FAILURE(prepareMixedIngest(dir, m));
    const std::string& project = m.project;
    const std::string& outPath = m.outPath;
    const auto& round = m.round;
    const auto& lines = m.lines;
    auto r = runCli({"batch", "ingest", "--project", project, "--run", "1", "--results", outPath});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find(outPath + ":2: not JSON"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(outPath + ":3: custom_id " + round[1]["custom_id"].get<std::string>() +
                         ": status 500"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(outPath + ":4: custom_id r9-nobody-0123456789abcdef is not in run 1"),
              std::string::npos)
        << r.err;
    const std::string fourth = round[3]["custom_id"].get<std::string>();
    EXPECT_NE(r.err.find(outPath + ":5: custom_id " + staleHash(fourth) +
                         " does not match the hash of its request body: the round asks " + fourth +
                         " for this user, system and stage"),
              std::string::npos)
        << r.err;
    const json report = json::parse(r.out);
    EXPECT_EQ(report["ingested"][0]["stored"].get<std::size_t>(), 1 + (lines.size() - 3));
    EXPECT_EQ(report["ingested"][0]["retried_next_round"], 2);
    EXPECT_EQ(report["ingested"][0]["unknown_custom_id"], 2);
    // The 500's request (round line 2) and the one never answered (line 3) are in the next
    // round again.
    const std::string next = dir.file("next.jsonl");
    ASSERT_EQ(
        runCli({"batch", "prepare", "--project", project, "--run", "1", "--out", next}).exitCode,
        0);
    std::set<std::string> ids;
    for (const auto& l : readLines(next))
        ids.insert(l["custom_id"].get<std::string>());
    EXPECT_TRUE(ids.count(round[1]["custom_id"].get<std::string>()));
    EXPECT_TRUE(ids.count(round[2]["custom_id"].get<std::string>()));
    EXPECT_FALSE(ids.count(round[0]["custom_id"].get<std::string>()));
}

// Ingest looks up each line's request on read-only connections of its workers; where the file
// cannot be opened again it looks them up on the project's own connection. Both store the same
// answers and report the same lines, whatever the lines hold. So does a round stored before its
// requests kept their answers' cache keys (schema 16), whose keys are made from the bodies.
TEST(BatchCli, IngestOnTheProjectsConnectionEqualsIngestOnReaders) {
    test::TempDir dir;
    MixedIngest m;
    ASSERT_NO_FATAL_FAILURE(prepareMixedIngest(dir, m));
    const std::string &project = m.project, &outPath = m.outPath;
    const auto& lines = m.lines;
    const std::string copy = dir.file("copy.r2p"), keyless = dir.file("keyless.r2p");
    std::filesystem::copy_file(project, copy);
    std::filesystem::copy_file(project, keyless);
    {
        auto store = ProjectStore::open(keyless);
        ASSERT_TRUE(store.ok());
        sql::Statement keys((*store)->handle(),
                            "SELECT count(*) FROM batch_requests WHERE length(cache_keys) = 64");
        ASSERT_TRUE(keys.step());
        EXPECT_EQ(static_cast<std::size_t>(keys.int64(0)), m.round.size());
        keys.reset();
        ASSERT_TRUE(sql::exec((*store)->handle(), "UPDATE batch_requests SET cache_keys = NULL"));
    }

    std::vector<engine::IngestReport> reports;
    std::vector<std::map<std::string, std::string>> caches;
    for (const auto& [path, readers] :
         {std::pair(project, true), std::pair(copy, false), std::pair(keyless, true)}) {
        auto store = ProjectStore::open(path);
        ASSERT_TRUE(store.ok()) << store.error().message;
        auto report = engine::ingestBatchOutput(**store, 1, outPath, readers);
        ASSERT_TRUE(report.ok()) << report.error().message;
        reports.push_back(*report);
        std::map<std::string, std::string> cache;
        sql::Statement st((*store)->handle(), "SELECT key, answer || '|' || quote(request) || "
                                              "'|' || shared_key FROM response_cache");
        while (st.step())
            cache[st.text(0)] = st.text(1);
        caches.push_back(std::move(cache));
    }
    EXPECT_EQ(reports[0].lines, lines.size() + 2);
    EXPECT_EQ(reports[0].stored, 1 + (lines.size() - 3));
    EXPECT_EQ(reports[0].retried, 2u);
    EXPECT_EQ(reports[0].unknown, 2u);
    EXPECT_EQ(caches[0].size(), reports[0].stored);
    for (std::size_t i = 1; i < reports.size(); ++i) {
        EXPECT_EQ(reports[i].lines, reports[0].lines) << i;
        EXPECT_EQ(reports[i].stored, reports[0].stored) << i;
        EXPECT_EQ(reports[i].retried, reports[0].retried) << i;
        EXPECT_EQ(reports[i].unknown, reports[0].unknown) << i;
        EXPECT_EQ(reports[i].problems, reports[0].problems) << i;
        EXPECT_EQ(caches[i], caches[0]) << i;
    }
}

// A killed ingest leaves the project as before the file or after it, never in between: the
// round's answers are in the cache all or none, and ingesting again afterwards gives the run an
// uninterrupted ingest gives, each (user, system) stored once.
TEST(BatchCli, AKilledIngestLeavesTheProjectAsBeforeOrAfterTheFile) {
    const auto* hrt = engine::builtinHrtTemplate(TaskId::LaMP3);
    ASSERT_NE(hrt, nullptr);
    const auto owned = compliantServer(*hrt);
    test::OpenAiTestServer& server = *owned;
    test::TempDir dir;
    const std::string prepared = dir.file("prepared.r2p");
    auto args = runArgs(prepared, "batch");
    const auto users = std::find(args.begin(), args.end(), "--users");
    args.erase(users, users + 2); // every user of the demo: a round of some size
    ASSERT_EQ(runCli(args).exitCode, 0);
    const std::string in = dir.file("round.jsonl");
    ASSERT_EQ(
        runCli({"batch", "prepare", "--project", prepared, "--run", "1", "--out", in}).exitCode, 0);
    const auto round = readLines(in);
    ASSERT_GE(round.size(), 48u);
    const std::string out = dir.write("out.jsonl", answerRound(round, server));
    ASSERT_EQ(cachedResponses(prepared), 0);

    const std::string reference = dir.file("reference.r2p");
    std::filesystem::copy_file(prepared, reference);
    const auto started = std::chrono::steady_clock::now();
    ASSERT_EQ(runCli({"batch", "ingest", "--project", reference, "--run", "1", "--results", out})
                  .exitCode,
              0);
    // Kills spread over the time a whole ingest takes here (a sanitizer build is many times
    // slower than a release build), from its start to a little past its end.
    const auto whole = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    const auto expected = outcomesOf(reference);
    ASSERT_FALSE(expected.empty());

    int killedMidway = 0;
    for (int i = 0; i < 24; ++i) {
        const std::string p = dir.file("killed" + std::to_string(i) + ".r2p");
        std::filesystem::copy_file(prepared, p);
        const auto delay = whole * (i + 1) / 22;
        const bool killed = ingestKilledAfter(p, out, delay);
        const std::int64_t cached = cachedResponses(p);
        EXPECT_TRUE(cached == 0 || cached == static_cast<std::int64_t>(round.size()))
            << "killed after " << delay.count() << " us: " << cached << " of " << round.size()
            << " answers in the cache";
        killedMidway += killed && cached == static_cast<std::int64_t>(round.size());
        auto again = runCli({"batch", "ingest", "--project", p, "--run", "1", "--results", out});
        ASSERT_EQ(again.exitCode, 0) << again.err;
        const auto got = outcomesOf(p);
        ASSERT_EQ(got.size(), expected.size()) << "killed after " << delay.count() << " us";
        for (const auto& [key, x] : expected) {
            ASSERT_TRUE(got.count(key)) << key.first;
            EXPECT_EQ(got.at(key).status, x.status) << key.first;
            EXPECT_EQ(got.at(key).prediction, x.prediction) << key.first;
        }
        auto store = ProjectStore::open(p);
        ASSERT_TRUE(store);
        auto rows = RunStore(**store).outcomes(1);
        ASSERT_TRUE(rows);
        EXPECT_EQ(rows->size(), expected.size()) << "a (user, system) stored twice";
    }
    // Some kill landed after the answers were in and before the users were stored.
    EXPECT_GT(killedMidway, 0);
}

TEST(BatchCli, OnlyBatchRunsHaveRounds) {
    test::TempDir dir;
    const std::string project = dir.file("p.r2p");
    ASSERT_EQ(runCli({"run", "--project", project, "--questions", demo("dev_questions.json"),
                      "--systems", "lamp-rag", "--users", "1", "--quiet"})
                  .exitCode,
              0);
    auto r = runCli(
        {"batch", "prepare", "--project", project, "--run", "1", "--out", dir.file("x.jsonl")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("uses the offline backend"), std::string::npos) << r.err;
    auto missing = runCli({"batch", "ingest", "--project", project, "--run", "1"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("--results is required"), std::string::npos) << missing.err;
}
