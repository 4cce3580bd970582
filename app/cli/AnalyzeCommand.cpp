// r2p sweep, r2p attribute, r2p slices: analyses of a stored run (pipeline/analysis). The sweep
// and the attribution re-run users with the run's dataset, task and engine settings on the
// run's backend; nothing they compute is stored. JSON on stdout, progress on stderr.
#include "Cli.h"
#include "model/Annotation.h"
#include "model/JsonText.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/analysis/LeaveOneOut.h"
#include "pipeline/analysis/RetrievalSweep.h"
#include "pipeline/analysis/RunComparison.h"
#include "pipeline/analysis/Slices.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/RunService.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

namespace r2p::cli {
namespace {

using nlohmann::ordered_json;

std::atomic<analysis::RetrievalSweep*> gSweep{nullptr};

extern "C" void onSweepInterrupt(int) {
    // First Ctrl+C: stop and print what finished. The second one uses the default.
    if (auto* sweep = gSweep.load())
        sweep->cancel();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

bool parseCount(const std::string& text, long long& out) {
    if (text.empty() ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    try {
        out = std::stoll(text);
        return true;
    } catch (...) {
        return false;
    }
}

// A stored run with what re-running or slicing it needs.
struct StoredRun {
    std::unique_ptr<ProjectStore> store;
    RunInfo info;
    DatasetIndex index;
    std::map<std::string, std::size_t> byId; // question id -> index position
};

// Opens the project, the run and its dataset. nullopt on success, else the exit code.
std::optional<int> openRun(const char* command, const Args& args, StoredRun& out) {
    if (!args.value("project"))
        return fail(command, "--project is required", kExitUsage);
    if (!args.value("run"))
        return fail(command, "--run is required", kExitUsage);
    const std::string path = *args.value("project");
    if (!std::filesystem::exists(path))
        return fail(command, "no project file " + path, kExitUsage);
    long long runId = 0;
    if (!parseCount(*args.value("run"), runId))
        return fail(command, "--run takes a run id, not \"" + *args.value("run") + "\"",
                    kExitUsage);
    auto opened = ProjectStore::open(path, ProjectStore::OpenMode::Existing);
    if (!opened)
        return fail(command, opened.error().message, kExitRuntime);
    out.store = std::move(*opened);
    RunStore runs(*out.store);
    auto info = runs.run(runId);
    if (!info)
        return fail(command,
                    "unknown run " + std::to_string(runId) + " in " + path + ": " +
                        info.error().message,
                    kExitUsage);
    out.info = *info;
    IndexOptions options;
    options.taskOverride = out.info.task;
    auto dataset = openDataset(*out.store, out.info.questionsPath, out.info.outputsPath, options);
    if (!dataset)
        return fail(command,
                    "run " + std::to_string(runId) +
                        ": the dataset cannot be opened: " + dataset.error().message,
                    kExitRuntime);
    out.index = dataset->index;
    for (std::size_t i = 0; i < out.index.users.size(); ++i)
        out.byId.emplace(out.index.users[i].id, i);
    return std::nullopt;
}

struct RunContext {
    std::shared_ptr<const engine::EngineContext> context;
    std::string backendLabel;
};

// The engine as the run was set up: its settings, its backend unless --backend says otherwise.
std::optional<int> makeRunContext(const char* command, const Args& args, StoredRun& run,
                                  int concurrency, RunContext& out) {
    engine::StoredRunOverrides overrides;
    if (auto b = args.value("backend"))
        overrides.backend = *b;
    if (auto u = args.value("base-url"))
        overrides.baseUrl = *u;
    if (auto k = args.value("api-key-env"))
        overrides.apiKeyEnv = *k;
    overrides.concurrency = concurrency;
    auto prepared = engine::RunService(*run.store).prepareStored(run.info, overrides);
    if (!prepared)
        return fail(command, prepared.error().message, kExitUsage);
    out.context = prepared->context;
    out.backendLabel = prepared->backendLabel;
    return std::nullopt;
}

int runSweep(const std::vector<std::string>& argv) {
    Args args({"project", "run", "systems", "k", "users", "concurrency", "backend", "base-url",
               "api-key-env"},
              {"quiet"});
    if (!args.parse(argv))
        return fail("sweep", args.error(), kExitUsage);
    analysis::SweepSpec spec;
    if (auto ks = args.value("k")) {
        spec.ks.clear();
        for (const auto& text : splitCommas(*ks)) {
            long long k = 0;
            if (!parseCount(text, k) || k > 100000)
                return fail("sweep", "k \"" + text + "\" is not a number of items (0 or more)",
                            kExitUsage);
            if (std::find(spec.ks.begin(), spec.ks.end(), static_cast<std::size_t>(k)) ==
                spec.ks.end())
                spec.ks.push_back(static_cast<std::size_t>(k));
        }
        if (spec.ks.empty())
            return fail("sweep", "--k names no k", kExitUsage);
    }
    long long concurrency = 2;
    if (auto c = args.value("concurrency");
        c && (!parseCount(*c, concurrency) || concurrency < 1 || concurrency > 64))
        return fail("sweep", "--concurrency takes a number from 1 to 64", kExitUsage);
    spec.concurrency = static_cast<int>(concurrency);

    StoredRun run;
    if (auto code = openRun("sweep", args, run))
        return *code;
    spec.systems = run.info.systems;
    if (auto s = args.value("systems")) {
        spec.systems.clear();
        for (const auto& name : splitCommas(*s)) {
            auto system = parseSystemName(name);
            if (!system)
                return fail("sweep",
                            "unknown system \"" + name +
                                "\" (use r2p, lamp-rag, lrm-rag, no-profile)",
                            kExitUsage);
            if (std::find(spec.systems.begin(), spec.systems.end(), *system) == spec.systems.end())
                spec.systems.push_back(*system);
        }
        if (spec.systems.empty())
            return fail("sweep", "--systems names no system", kExitUsage);
    }
    // The run's users, all or the first N (a count even when a user's id is N, as in r2p run),
    // or the ones named (one id: --users ID,).
    std::vector<std::string> ids = run.info.users;
    if (auto u = args.value("users")) {
        long long n = 0;
        if (u->find(',') == std::string::npos && parseCount(*u, n)) {
            if (n < 1)
                return fail("sweep", "--users takes a count (1 or more) or ids", kExitUsage);
            if (run.byId.count(*u))
                std::cerr << "r2p sweep: --users " << *u << " is a count (the first " << n
                          << " users); to sweep only the user whose id is " << *u
                          << ", give --users " << *u << ",\n";
            if (ids.size() > static_cast<std::size_t>(n))
                ids.resize(static_cast<std::size_t>(n));
        } else {
            ids = splitCommas(*u);
        }
    }
    for (const auto& id : ids) {
        auto it = run.byId.find(id);
        if (it == run.byId.end())
            return fail("sweep", "unknown user " + id + ": not in " + run.info.questionsPath,
                        kExitUsage);
        spec.users.push_back(it->second);
    }
    if (spec.users.empty())
        return fail("sweep", "run " + std::to_string(run.info.id) + " covers no user", kExitUsage);

    RunContext ctx;
    if (auto code = makeRunContext("sweep", args, run, spec.concurrency, ctx))
        return *code;
    const bool quiet = args.has("quiet");
    if (!quiet)
        std::cerr << "r2p sweep: run " << run.info.id << " · " << taskSpec(run.info.task).name
                  << " · " << spec.users.size() << " users · " << spec.systems.size()
                  << " systems · " << spec.ks.size() << " k · backend " << ctx.backendLabel << "\n";
    analysis::RetrievalSweep sweep(ctx.context, run.index);
    std::mutex reportMutex;
    sweep.setProgressHandler([&](const analysis::SweepProgress& p) {
        if (quiet)
            return;
        std::lock_guard lock(reportMutex);
        std::fprintf(stderr, "r2p sweep: %zu/%zu users\n", p.usersDone, p.usersTotal);
    });
    gSweep = &sweep;
    std::signal(SIGINT, onSweepInterrupt);
    std::signal(SIGTERM, onSweepInterrupt);
    auto result = sweep.run(spec);
    gSweep = nullptr;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!result)
        return fail("sweep", result.error().message, kExitRuntime);
    auto json = ordered_json::parse(analysis::sweepJson(*result));
    json["run"] = run.info.id;
    json["backend"] = ctx.backendLabel;
    json["model"] = run.info.model;
    std::cout << dumpJson(json, 2) << "\n";
    for (const auto& e : result->errors)
        std::cerr << "r2p sweep: " << e << "\n";
    return result->cancelled || !result->errors.empty() ? kExitRuntime : kExitOk;
}

int runAttribute(const std::vector<std::string>& argv) {
    Args args({"project", "run", "user", "system", "backend", "base-url", "api-key-env"}, {});
    if (!args.parse(argv))
        return fail("attribute", args.error(), kExitUsage);
    if (!args.value("user"))
        return fail("attribute", "--user is required", kExitUsage);
    const std::string systemText = args.valueOr("system", "r2p");
    auto system = parseSystemName(systemText);
    if (!system)
        return fail("attribute",
                    "unknown system \"" + systemText + "\" (use r2p, lamp-rag or lrm-rag)",
                    kExitUsage);
    if (*system == SystemId::NoProfile)
        return fail("attribute", "no-profile retrieves nothing: there is no item to attribute to",
                    kExitUsage);
    StoredRun run;
    if (auto code = openRun("attribute", args, run))
        return *code;
    const std::string user = *args.value("user");
    const auto& users = run.info.users;
    auto it = run.byId.find(user);
    if (std::find(users.begin(), users.end(), user) == users.end() || it == run.byId.end())
        return fail("attribute",
                    "unknown user " + user + ": run " + std::to_string(run.info.id) +
                        " does not cover it",
                    kExitUsage);
    RunContext ctx;
    if (auto code = makeRunContext("attribute", args, run, 1, ctx))
        return *code;
    const UserIndexEntry& entry = run.index.users[it->second];
    auto record = RecordReader(run.index.questions).read(entry);
    if (!record)
        return fail("attribute", record.error().message, kExitRuntime);
    std::optional<std::string> gold;
    if (entry.hasGold)
        gold = entry.gold;
    auto result = analysis::leaveOneOut(ctx.context, *record, gold, *system);
    if (!result)
        return fail("attribute", result.error().message, kExitRuntime);
    auto json = ordered_json::parse(analysis::leaveOneOutJson(*result));
    json["run"] = run.info.id;
    json["backend"] = ctx.backendLabel;
    std::cout << dumpJson(json, 2) << "\n";
    return kExitOk;
}

int runSlices(const std::vector<std::string>& argv) {
    Args args({"project", "run", "baseline", "metric"}, {});
    if (!args.parse(argv))
        return fail("slices", args.error(), kExitUsage);
    const std::string metric = args.value("metric").value_or("");
    const auto rouge = analysis::taskMetrics(TaskKind::Generation);
    if (!metric.empty() && std::find(rouge.begin(), rouge.end(), metric) == rouge.end())
        return fail("slices", "--metric is rouge-1, rouge-2, rouge-L or rouge-Lsum (generation)",
                    kExitUsage);
    std::optional<SystemId> chosen;
    if (auto b = args.value("baseline")) {
        chosen = parseSystemName(*b);
        if (!chosen)
            return fail("slices",
                        "unknown system \"" + *b + "\" (use lamp-rag, lrm-rag or no-profile)",
                        kExitUsage);
        if (*chosen == SystemId::R2P)
            return fail("slices", "the baseline cannot be r2p itself", kExitUsage);
    }
    StoredRun run;
    if (auto code = openRun("slices", args, run))
        return *code;
    const auto& systems = run.info.systems;
    SystemId baseline = SystemId::Invalid;
    if (chosen) {
        if (std::find(systems.begin(), systems.end(), *chosen) == systems.end())
            return fail("slices",
                        "run " + std::to_string(run.info.id) + " has no system " +
                            std::string(systemName(*chosen)),
                        kExitUsage);
        baseline = *chosen;
    } else if (std::find(systems.begin(), systems.end(), SystemId::LampRag) != systems.end()) {
        baseline = SystemId::LampRag;
    } else {
        for (SystemId s : systems)
            if (s != SystemId::R2P) {
                baseline = s;
                break;
            }
    }
    RunStore runs(*run.store);
    auto outcomes = runs.outcomes(run.info.id);
    if (!outcomes)
        return fail("slices", outcomes.error().message, kExitRuntime);
    // Every annotation of the run, whatever system it is on: a user counts in each label.
    auto annotations = AnnotationStore(*run.store).ofRun(run.info.id);
    if (!annotations)
        return fail("slices", annotations.error().message, kExitRuntime);
    analysis::FailureLabels labels;
    for (const auto& a : *annotations)
        labels.emplace_back(a.userId, a.label);
    // A generation run compares on --metric, else on its own main_metric setting.
    analysis::SliceOptions options;
    options.metric = !metric.empty()
                         ? metric
                         : engine::engineConfigFromJson(run.info.config, run.info.model).mainMetric;
    auto report =
        analysis::computeSlices(*outcomes, run.index, run.info.task, baseline, labels, options);
    if (!report)
        return fail("slices", report.error().message, kExitRuntime);
    auto json = ordered_json::parse(analysis::slicesJson(*report));
    json["run"] = run.info.id;
    json["annotations"] = annotations->size();
    std::cout << dumpJson(json, 2) << "\n";
    return kExitOk;
}

const Registrar sweepRegistrar{
    {"sweep",
     "--project P.r2p --run ID [--systems r2p,lamp-rag,...] [--k 0,1,2,4,8] [--users N|id,id] "
     "[--concurrency C] [--backend offline|openai|replay] [--base-url URL] [--api-key-env NAME] "
     "[--quiet]",
     "Re-run a stored run's users for several k (0 = no retrieved item) with the run's dataset, "
     "task, settings and backend; LaMP metrics per (system, k) as JSON. Nothing is stored. "
     "--users N is always a count (the run's first N users), even when a user's id is N; one "
     "user by id: --users ID,.",
     &runSweep}};

const Registrar attributeRegistrar{
    {"attribute",
     "--project P.r2p --run ID --user UID [--system r2p|lamp-rag|lrm-rag] "
     "[--backend offline|openai|replay] [--base-url URL] [--api-key-env NAME]",
     "Leave-one-out attribution: the user's answer and score without each retrieved item, as "
     "JSON. Nothing is stored.",
     &runAttribute}};

const Registrar slicesRegistrar{
    {"slices",
     "--project P.r2p --run ID [--baseline lamp-rag|lrm-rag|no-profile] "
     "[--metric rouge-1|rouge-2|rouge-L|rouge-Lsum]",
     "Each system's mean on the run's main metric (a generation run: --metric if given) and "
     "R2P's paired delta against the baseline, by profile size, gold label, annotated failure "
     "label and RPI intervention, as JSON.",
     &runSlices}};

} // namespace
} // namespace r2p::cli
