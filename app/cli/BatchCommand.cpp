// r2p batch prepare|ingest: a run made with --backend batch, driven in rounds through a batch
// engine (vLLM run-batch, the OpenAI Batch API, Ray Data). prepare writes the next round in the
// OpenAI Batch input format; ingest reads the engine's output into the response cache and
// advances every user as far as the cache allows. See docs/batch.md.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/BackgroundCheckpoints.h"
#include "model/JsonText.h"
#include "model/ResponseCache.h"
#include "model/RunStore.h"
#include "pipeline/engine/BatchRounds.h"
#include "pipeline/llm/BatchRound.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace r2p::cli {
namespace {

using nlohmann::ordered_json;

struct BatchRun {
    std::unique_ptr<ProjectStore> store;
    RunInfo info;
    DatasetIndex index;
};

// The project, the run (made with --backend batch) and its dataset.
std::optional<int> openBatchRun(const char* command, const Args& args, BatchRun& out) {
    if (!args.value("project"))
        return fail(command, "--project is required", kExitUsage);
    if (!args.value("run"))
        return fail(command, "--run is required", kExitUsage);
    auto id = parseWholeNumber(*args.value("run"), 1, INT64_MAX / 2);
    if (!id)
        return fail(command, "--run takes a run id", kExitUsage);
    int code = 0;
    out.store = openExistingProject(command, *args.value("project"), code,
                                    ProjectStore::OpenMode::Existing);
    if (!out.store)
        return code;
    auto info = RunStore(*out.store).run(*id);
    if (!info)
        return fail(command, info.error().message, kExitUsage);
    out.info = *info;
    if (out.info.backend != "batch")
        return fail(command,
                    "run " + std::to_string(*id) + " uses the " + out.info.backend +
                        " backend; batch rounds are for runs made with --backend batch",
                    kExitUsage);
    IndexOptions options;
    options.taskOverride = out.info.task;
    auto dataset = openDataset(*out.store, out.info.questionsPath, out.info.outputsPath, options);
    if (!dataset)
        return fail(command,
                    "run " + std::to_string(*id) +
                        ": the dataset cannot be opened: " + dataset.error().message,
                    kExitRuntime);
    out.index = dataset->index;
    return std::nullopt;
}

// --concurrency C (users at once while advancing, default 4); nullopt after saying why.
std::optional<int> concurrencyOf(const char* command, const Args& args) {
    const auto c = args.value("concurrency");
    if (!c)
        return 4;
    const auto n = parseWholeNumber(*c, 1, 256);
    if (!n) {
        fail(command, "--concurrency takes a number from 1 to 256", kExitUsage);
        return std::nullopt;
    }
    return static_cast<int>(*n);
}

ordered_json roundJson(const BatchRun& run, const engine::RoundOutcome& o) {
    return {{"run", run.info.id},
            {"users",
             {{"total", run.info.users.size()},
              {"stored_now", o.usersStored},
              {"failed_now", o.usersFailed},
              {"waiting", o.usersWaiting},
              {"finished_before", o.usersSkipped}}},
            {"next_round", o.next.size()},
            {"done", o.next.empty() && o.usersWaiting == 0}};
}

int runPrepare(const std::vector<std::string>& argv) {
    Args args({"project", "run", "out", "concurrency"}, {});
    if (!args.parse(argv))
        return fail("batch prepare", args.error(), kExitUsage);
    if (!args.value("out"))
        return fail("batch prepare", "--out is required (the round's JSONL file)", kExitUsage);
    const auto concurrency = concurrencyOf("batch prepare", args);
    if (!concurrency)
        return kExitUsage;
    BatchRun run;
    if (auto code = openBatchRun("batch prepare", args, run))
        return *code;
    auto round = engine::advanceBatchRun(*run.store, run.info, run.index, *concurrency);
    if (!round)
        return fail("batch prepare", round.error().message, kExitRuntime);
    Output out;
    if (!out.open(*args.value("out")))
        return fail("batch prepare", out.error(), kExitRuntime);
    for (const auto& r : round->next) {
        llm::appendBatchInputLine(out.buffer(), r);
        out.buffer() += '\n';
        out.flushIfFull();
    }
    if (!out.finish())
        return fail("batch prepare", out.error(), kExitRuntime);
    for (const auto& e : round->errors)
        std::cerr << "r2p batch prepare: " << e << "\n";
    auto json = roundJson(run, *round);
    json["out"] = *args.value("out");
    std::cout << dumpJson(json, 2) << "\n";
    return kExitOk;
}

int runIngest(const std::vector<std::string>& argv) {
    Args args({"project", "run", "results", "errors", "concurrency"}, {});
    if (!args.parse(argv))
        return fail("batch ingest", args.error(), kExitUsage);
    if (!args.value("results"))
        return fail("batch ingest", "--results is required (the batch engine's output JSONL)",
                    kExitUsage);
    const auto concurrency = concurrencyOf("batch ingest", args);
    if (!concurrency)
        return kExitUsage;
    BatchRun run;
    if (auto code = openBatchRun("batch ingest", args, run))
        return *code;
    // The log checkpointed on a thread of its own while the answers and users are stored (its
    // syncs were a tenth of a 100,000-answer ingest); without it, as the project always does.
    std::unique_ptr<BackgroundCheckpoints> checkpoints;
    if (auto started = BackgroundCheckpoints::start(*run.store))
        checkpoints = std::move(*started);
    std::vector<std::string> files{*args.value("results")};
    if (auto e = args.value("errors"))
        files.push_back(*e);
    ordered_json ingested = ordered_json::array();
    // The advance below finds each answer just stored without a lookup.
    auto recent = std::make_shared<RecentAnswers>();
    for (const auto& file : files) {
        auto report = engine::ingestBatchOutput(*run.store, run.info.id, file, true, recent.get());
        if (!report)
            return fail("batch ingest", report.error().message, kExitRuntime);
        for (const auto& p : report->problems)
            std::cerr << "r2p batch ingest: " << p << "\n";
        ingested.push_back({{"file", file},
                            {"lines", report->lines},
                            {"stored", report->stored},
                            {"retried_next_round", report->retried},
                            {"unknown_custom_id", report->unknown}});
    }
    auto round = engine::advanceBatchRun(*run.store, run.info, run.index, *concurrency, recent);
    if (!round)
        return fail("batch ingest", round.error().message, kExitRuntime);
    for (const auto& e : round->errors)
        std::cerr << "r2p batch ingest: " << e << "\n";
    auto json = roundJson(run, *round);
    json["ingested"] = std::move(ingested);
    std::cout << dumpJson(json, 2) << "\n";
    return kExitOk;
}

int runBatch(const std::vector<std::string>& argv) {
    if (argv.empty())
        return fail("batch", "expected a subcommand: prepare or ingest", kExitUsage);
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (argv[0] == "prepare")
        return runPrepare(rest);
    if (argv[0] == "ingest")
        return runIngest(rest);
    return fail("batch", "unknown subcommand '" + argv[0] + "' (use prepare or ingest)",
                kExitUsage);
}

const Registrar registrar{
    {"batch",
     "prepare --project P --run ID --out round.jsonl [--concurrency C] | ingest --project P "
     "--run ID --results out.jsonl [--errors err.jsonl] [--concurrency C]",
     "Drive a run made with --backend batch through a batch engine in rounds. prepare writes "
     "the next round (OpenAI Batch input JSONL; empty when the run is done); ingest reads the "
     "engine's output (OpenAI Batch API or vllm run-batch) into the response cache, advances "
     "every user as far as the answers allow and says what the next round holds.",
     &runBatch}};

} // namespace
} // namespace r2p::cli
