// r2p run: R2P and the baselines over a LaMP split into a project file. Progress on stderr,
// the JSON summary on stdout; a cancelled or killed run resumes with --resume.
#include "Cli.h"
#include "model/Dataset.h"
#include "model/JsonText.h"
#include "model/ProjectStore.h"
#include "model/ResponseCache.h"
#include "model/RunStore.h"
#include "model/Utf8.h"
#include "model/Util.h"
#include "pipeline/analysis/Slices.h"
#include "pipeline/engine/BackendChoice.h"
#include "pipeline/engine/Batch.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/RunService.h"
#include "pipeline/engine/RunSummary.h"
#include "pipeline/engine/TemplateLibrary.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/llm/OpenAiBackend.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace r2p::cli {
namespace {

using nlohmann::ordered_json;

// The self-pipe: the signal handler only writes a byte (async-signal-safe); a normal thread
// reads it and cancels the batch, which takes locks a handler must never take.
int gInterruptPipe[2] = {-1, -1};

extern "C" void onInterrupt(int) {
    // First Ctrl+C: stop after storing what is finished. The second one uses the default.
    const int saved = errno;
    const char byte = 'i';
    (void)!::write(gInterruptPipe[1], &byte, 1);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    errno = saved;
}

// Installs the SIGINT/SIGTERM handlers for the life of a batch and cancels it from its own
// thread when one arrives.
class InterruptWatch {
public:
    explicit InterruptWatch(engine::BatchRunner& runner) {
        if (::pipe2(gInterruptPipe, O_CLOEXEC) != 0)
            return;
        thread_ = std::thread([&runner] {
            char byte = 0;
            ssize_t n = 0;
            while ((n = ::read(gInterruptPipe[0], &byte, 1)) < 0 && errno == EINTR) {
            }
            if (n == 1 && byte == 'i')
                runner.cancel();
        });
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
    }
    ~InterruptWatch() {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        if (!thread_.joinable())
            return;
        const char done = 'd'; // wakes the watcher when no signal came
        (void)!::write(gInterruptPipe[1], &done, 1);
        thread_.join();
        ::close(gInterruptPipe[0]);
        ::close(gInterruptPipe[1]);
        gInterruptPipe[0] = gInterruptPipe[1] = -1;
    }
    InterruptWatch(const InterruptWatch&) = delete;
    InterruptWatch& operator=(const InterruptWatch&) = delete;

private:
    std::thread thread_;
};

bool parseInt(const std::string& text, long long& out) {
    try {
        std::size_t used = 0;
        out = std::stoll(text, &used);
        return used == text.size();
    } catch (...) {
        return false;
    }
}

bool parseDouble(const std::string& text, double& out) {
    try {
        std::size_t used = 0;
        out = std::stod(text, &used);
        return used == text.size();
    } catch (...) {
        return false;
    }
}

std::string formatEta(double seconds) {
    if (seconds < 0 || seconds > 1e7)
        return "?";
    const auto s = static_cast<long long>(seconds + 0.5);
    if (s < 60)
        return std::to_string(s) + " s";
    return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
}

int runRun(const std::vector<std::string>& argv) {
    Args args({"project",
               "task",
               "questions",
               "outputs",
               "systems",
               "backend",
               "base-url",
               "model",
               "users",
               "k",
               "candidates",
               "concurrency",
               "seed",
               "resume",
               "ranker",
               "max-interventions",
               "mode",
               "chat-template",
               "template",
               "api-key-env",
               "variation",
               "replay-speed",
               "max-profile-words",
               "candidate-mode",
               "final",
               "judge-model",
               "judge-temperature",
               "judge-top-p",
               "judge-max-tokens",
               "baseline-reasoning-tokens",
               "main-metric",
               "cache-scope",
               "timeout-s",
               "idle-timeout-s",
               "max-reply-mb",
               "preset"},
              {"quiet"});
    if (!args.parse(argv))
        return fail("run", args.error(), kExitUsage);
    if (!args.value("project"))
        return fail("run", "--project is required", kExitUsage);

    long long concurrency = 4;
    if (auto c = args.value("concurrency");
        c && (!parseInt(*c, concurrency) || concurrency < 1 || concurrency > 256))
        return fail("run", "--concurrency takes a number from 1 to 256", kExitUsage);

    // A project is created only for a new run whose arguments and files check out.
    std::unique_ptr<ProjectStore> owner;
    auto openProject = [&](ProjectStore::OpenMode mode) -> std::optional<int> {
        auto opened = ProjectStore::open(*args.value("project"), mode);
        if (!opened) {
            const std::string& m = opened.error().message;
            const bool usage = m.rfind("no project file", 0) == 0 ||
                               m.find("not an R2P project") != std::string::npos;
            return fail("run", m, usage ? kExitUsage : kExitRuntime);
        }
        owner = std::move(opened).value();
        return std::nullopt;
    };
    if (args.value("resume"))
        if (auto code = openProject(ProjectStore::OpenMode::Existing))
            return *code;

    RunInfo info;
    engine::EngineConfig config;
    std::int64_t runId = 0;
    std::vector<std::string> selectedIds;
    std::string storedApiKeyEnv; // --resume: the key variable the run was made with
    bool resume = false;
    double replaySpeed = 0;
    if (auto r = args.value("resume")) {
        long long id = 0;
        if (!parseInt(*r, id))
            return fail("run", "--resume takes a run id", kExitUsage);
        for (const char* fixed : {"task",
                                  "questions",
                                  "outputs",
                                  "systems",
                                  "backend",
                                  "model",
                                  "users",
                                  "k",
                                  "candidates",
                                  "seed",
                                  "ranker",
                                  "variation",
                                  "max-interventions",
                                  "mode",
                                  "chat-template",
                                  "template",
                                  "candidate-mode",
                                  "final",
                                  "judge-model",
                                  "judge-temperature",
                                  "judge-top-p",
                                  "judge-max-tokens",
                                  "baseline-reasoning-tokens",
                                  "main-metric"})
            if (args.value(fixed))
                return fail("run",
                            std::string("--") + fixed +
                                " cannot change when resuming: a run keeps its settings",
                            kExitUsage);
        auto stored = RunStore(*owner).run(id);
        if (!stored)
            return fail("run", stored.error().message, kExitUsage);
        info = *stored;
        runId = id;
        resume = true;
        config = engine::engineConfigFromJson(info.config, info.model);
        storedApiKeyEnv = engine::storedBackendOptions(info).apiKeyEnv;
        selectedIds = info.users;
        if (auto url = args.value("base-url")) // the server may have moved
            info.baseUrl = *url;
    } else {
        for (const char* required : {"questions", "systems"})
            if (!args.value(required))
                return fail("run", std::string("--") + required + " is required", kExitUsage);
        info.questionsPath = absolutePath(*args.value("questions"));
        info.outputsPath = args.value("outputs") ? absolutePath(*args.value("outputs")) : "";
        // As the window does: the outputs file LaMP ships beside the questions file.
        if (info.outputsPath.empty())
            info.outputsPath = guessOutputsPath(info.questionsPath);
        if (!args.value("outputs"))
            std::cerr << "r2p run: "
                      << (info.outputsPath.empty()
                              ? "no --outputs given and none beside " + info.questionsPath +
                                    ": no metrics will be computed"
                              : "scoring against " + info.outputsPath + " (beside the questions)")
                      << "\n";
        info.backend = args.valueOr("backend", "offline");
        info.model = args.valueOr("model", info.backend == "offline" ? "offline" : "");
        info.baseUrl = args.valueOr("base-url", "");
        for (const auto& name : splitCommas(*args.value("systems"))) {
            auto s = parseSystemName(name);
            if (!s)
                return fail("run",
                            "unknown system \"" + name +
                                "\" (use r2p, lamp-rag, lrm-rag, no-profile)",
                            kExitUsage);
            if (std::find(info.systems.begin(), info.systems.end(), *s) == info.systems.end())
                info.systems.push_back(*s);
        }
        if (info.systems.empty())
            return fail("run", "--systems names no system", kExitUsage);
        config.model = info.model;
        config.ranker = args.valueOr("ranker", config.ranker);
        long long n = 0;
        if (auto k = args.value("k")) {
            if (!parseInt(*k, n) || n < 0)
                return fail("run", "--k takes a number of items (0 or more)", kExitUsage);
            config.k = static_cast<std::size_t>(n);
        }
        if (auto m = args.value("candidates")) {
            if (!parseInt(*m, n) || n < 1 || n > 16)
                return fail("run", "--candidates takes a number from 1 to 16", kExitUsage);
            config.candidates = static_cast<int>(n);
        }
        if (auto s = args.value("seed")) {
            if (!parseInt(*s, n) || n < 0)
                return fail("run", "--seed takes a non-negative number", kExitUsage);
            config.seed = static_cast<std::uint64_t>(n);
        }
        if (auto m = args.value("max-interventions")) {
            if (!parseInt(*m, n) || n < 0 || n > 10)
                return fail("run", "--max-interventions takes a number from 0 to 10", kExitUsage);
            config.maxInterventions = static_cast<int>(n);
        }
        if (auto w = args.value("max-profile-words")) {
            if (!parseInt(*w, n) || n < 0)
                return fail("run", "--max-profile-words takes a number of words", kExitUsage);
            config.maxProfileWords = static_cast<std::size_t>(n);
        }
        const std::string variation = args.valueOr("variation", "temperature");
        if (variation != "temperature" && variation != "retrieval")
            return fail("run", "--variation is temperature or retrieval", kExitUsage);
        config.variation = variation == "retrieval" ? engine::Variation::Retrieval
                                                    : engine::Variation::Temperature;
        const std::string mode = args.valueOr("mode", "auto");
        if (mode != "auto" && mode != "prefill" && mode != "chat")
            return fail("run", "--mode is auto, prefill or chat", kExitUsage);
        config.mode = mode == "prefill" ? engine::PromptMode::Prefill
                      : mode == "chat"  ? engine::PromptMode::Chat
                                        : engine::PromptMode::Auto;
        config.chatTemplate = args.valueOr("chat-template", "");
        // These go into JSON requests and the project as text.
        for (const char* text : {"model", "base-url", "chat-template", "api-key-env"})
            if (auto v = args.value(text); v && !isValidUtf8(*v))
                return fail("run", std::string("--") + text + " must be UTF-8 text", kExitUsage);
        if (auto m = args.value("candidate-mode")) {
            auto parsed = engine::parseCandidateMode(*m);
            if (!parsed)
                return fail("run", "--candidate-mode is independent or answer-only", kExitUsage);
            config.candidateMode = *parsed;
        }
        if (auto f = args.value("final")) {
            auto parsed = engine::parseFinalMode(*f);
            if (!parsed)
                return fail("run", "--final is select or combine", kExitUsage);
            config.finalMode = *parsed;
        }
        config.judgeModel = args.valueOr("judge-model", "");
        double x = 0;
        if (auto t = args.value("judge-temperature")) {
            if (!parseDouble(*t, x) || x < 0 || x > 2)
                return fail("run", "--judge-temperature takes a number from 0 to 2", kExitUsage);
            config.judgeTemperature = x;
        }
        if (auto t = args.value("judge-top-p")) {
            if (!parseDouble(*t, x) || x <= 0 || x > 1)
                return fail("run", "--judge-top-p takes a number above 0, at most 1", kExitUsage);
            config.judgeTopP = x;
        }
        if (auto t = args.value("judge-max-tokens")) {
            if (!parseInt(*t, n) || n < 1 || n > 1'000'000)
                return fail("run", "--judge-max-tokens takes a number of tokens (1 or more)",
                            kExitUsage);
            config.judgeMaxTokens = static_cast<int>(n);
        }
        if (auto m = args.value("main-metric")) {
            if (*m != "rouge-1" && *m != "rouge-2" && *m != "rouge-L" && *m != "rouge-Lsum")
                return fail("run", "--main-metric is rouge-1, rouge-2, rouge-L or rouge-Lsum",
                            kExitUsage);
            config.mainMetric = *m;
        }
        if (auto t = args.value("baseline-reasoning-tokens")) {
            if (!parseInt(*t, n) || n < 0 || n > 1'000'000)
                return fail("run", "--baseline-reasoning-tokens takes a number of tokens",
                            kExitUsage);
            config.baselineReasoningTokens = static_cast<int>(n);
        }
        for (const std::string& path : {info.questionsPath, info.outputsPath})
            if (!path.empty())
                if (auto stamp = stampFile(path); !stamp)
                    return fail("run", stamp.error().message, kExitUsage);
        if (auto code = openProject(ProjectStore::OpenMode::CreateOrOpen))
            return *code;
    }
    ProjectStore& store = *owner;
    RunStore runs(store);
    if (auto s = args.value("replay-speed");
        s && (!parseDouble(*s, replaySpeed) || replaySpeed < 0))
        return fail("run", "--replay-speed takes a factor (0 = at once, 1 = as recorded)",
                    kExitUsage);
    // Per-invocation backend settings (they may change on --resume).
    engine::BackendOptions backendOptions;
    const std::string cacheScope = args.valueOr("cache-scope", "endpoint");
    if (cacheScope != "endpoint" && cacheScope != "shared")
        return fail("run", "--cache-scope is endpoint or shared", kExitUsage);
    backendOptions.sharedCache = cacheScope == "shared";
    for (const auto& [flag, target] :
         {std::pair{"timeout-s", &backendOptions.totalTimeoutMs},
          std::pair{"idle-timeout-s", &backendOptions.idleTimeoutMs}}) {
        double seconds = 0;
        if (auto v = args.value(flag)) {
            if (!parseDouble(*v, seconds) || !(seconds > 0) || seconds > 86400 * 7)
                return fail("run", std::string("--") + flag + " takes a number of seconds",
                            kExitUsage);
            *target = static_cast<long>(seconds * 1000.0 + 0.5);
        }
    }
    if (auto v = args.value("max-reply-mb")) {
        double mb = 0;
        if (!parseDouble(*v, mb) || !(mb > 0) || mb > 4096)
            return fail("run", "--max-reply-mb takes a size in MiB (default 8)", kExitUsage);
        backendOptions.maxReplyBytes = static_cast<std::size_t>(mb * 1024.0 * 1024.0);
    }
    if (auto url = info.baseUrl; !url.empty() && info.backend == "openai")
        if (auto checked = llm::checkBaseUrl(url); !checked)
            return fail("run", checked.error().message, kExitUsage);
    info.baseUrl = llm::redactUrl(info.baseUrl); // never stored with credentials

    // The dataset, through the project's index cache.
    IndexOptions indexOptions;
    if (!resume) {
        if (auto t = args.value("task")) {
            auto task = parseTaskName(*t);
            if (!task)
                return fail("run", "unknown task \"" + *t + "\" (use LaMP-1 … LaMP-7, LaMP-2N)",
                            kExitUsage);
            indexOptions.taskOverride = *task;
        }
    } else {
        indexOptions.taskOverride = info.task;
    }
    auto dataset = openDataset(store, info.questionsPath, info.outputsPath, indexOptions);
    if (!dataset)
        return fail("run", dataset.error().message, kExitUsage);
    const DatasetIndex& index = dataset->index;
    // The dataset's findings, as info prints them.
    for (const auto& f : index.findings)
        std::cerr << severityName(f.severity) << ": " << f.message() << "\n";
    if (!index.usable())
        return fail("run", info.questionsPath + " holds no readable user records", kExitUsage);
    // As retrieve: a syntax error or truncation means users are missing, an unreadable outputs
    // file means nothing can be scored.
    if (!resume && worstSeverity(index.findings) == Severity::Error)
        return fail("run", "the dataset has errors (above); fix the files before running",
                    kExitUsage);
    if (!resume) {
        // Questions of one task scored against another task's outputs: the wrong dataset.
        if (!args.value("task"))
            for (const auto& f : index.findings)
                if (f.code == FindingCode::TaskMismatch)
                    return fail("run", f.message() + "; give --task to say which task to run",
                                kExitUsage);
        info.task = index.task;
        if (info.task == TaskId::Invalid)
            return fail("run", "cannot tell the task of " + info.questionsPath + ": give --task",
                        kExitUsage);
        // An outputs file of another task is the wrong dataset, not something to score against.
        if (!index.outputsTaskField.empty()) {
            auto fileTask = parseTaskName(index.outputsTaskField);
            if (fileTask && *fileTask != info.task &&
                !(info.task == TaskId::LaMP2N && *fileTask == TaskId::LaMP2))
                return fail("run",
                            info.outputsPath + " is for " + index.outputsTaskField + ", not " +
                                std::string(taskSpec(info.task).name),
                            kExitUsage);
        }
    }

    // Which users.
    std::map<std::string, std::size_t> byId;
    for (std::size_t i = 0; i < index.users.size(); ++i)
        byId.emplace(index.users[i].id, i);
    std::vector<std::size_t> users;
    if (resume) {
        for (const auto& id : selectedIds) {
            auto it = byId.find(id);
            if (it == byId.end())
                return fail("run",
                            "run " + std::to_string(runId) + " covers user " + id + ", which " +
                                info.questionsPath + " no longer holds",
                            kExitUsage);
            users.push_back(it->second);
        }
    } else {
        const std::string which = args.valueOr("users", "all");
        long long n = 0;
        if (which == "all") {
            for (std::size_t i = 0; i < index.users.size(); ++i)
                users.push_back(i);
        } else if (parseInt(which, n) && which.find(',') == std::string::npos &&
                   !byId.count(which)) {
            if (n < 1)
                return fail("run", "--users takes all, a count, or ids separated by commas",
                            kExitUsage);
            for (std::size_t i = 0; i < index.users.size() && i < static_cast<std::size_t>(n); ++i)
                users.push_back(i);
        } else {
            std::vector<std::string> unknown;
            for (const auto& id : splitCommas(which)) {
                auto it = byId.find(id);
                if (it == byId.end())
                    unknown.push_back(id);
                else
                    users.push_back(it->second);
            }
            if (!unknown.empty()) {
                std::string list;
                for (std::size_t i = 0; i < unknown.size() && i < 10; ++i)
                    list += (i ? ", " : "") + unknown[i];
                return fail("run",
                            info.questionsPath + " has no user " + list +
                                (unknown.size() > 10 ? " (and more)" : ""),
                            kExitUsage);
            }
        }
        for (std::size_t i : users)
            info.users.push_back(index.users[i].id);
    }

    // The run service builds the backend, settles --mode auto and stores the run, exactly as
    // the batch dialog does.
    engine::RunSpec runSpec;
    runSpec.task = info.task;
    runSpec.questionsPath = info.questionsPath;
    runSpec.outputsPath = info.outputsPath;
    runSpec.systems = info.systems;
    runSpec.userIds = info.users;
    runSpec.backend = info.backend;
    runSpec.presetId = args.valueOr("preset", "");
    runSpec.config = config;
    runSpec.concurrency = static_cast<int>(concurrency);
    // The HRT template: a resumed run's own text (kept in the project), else --template's.
    if (resume || args.value("template")) {
        auto hrt = resume ? engine::templateOfRun(store, info)
                          : engine::findTemplate(store, *args.value("template"));
        if (!hrt)
            return fail("run", hrt.error().message, kExitUsage);
        if ((*hrt)->task != info.task)
            return fail("run",
                        "template \"" + (*hrt)->id + "\" is for " +
                            std::string(taskSpec((*hrt)->task).name) + ", this run is " +
                            std::string(taskSpec(info.task).name),
                        kExitUsage);
        runSpec.hrt = *hrt;
    }
    backendOptions.baseUrl = info.baseUrl;
    backendOptions.apiKeyEnv = args.valueOr("api-key-env", storedApiKeyEnv);
    backendOptions.concurrency = static_cast<int>(concurrency);
    backendOptions.replaySpeed = replaySpeed;
    runSpec.backendOptions = backendOptions;
    const engine::RunService service(store);
    auto prepared = service.prepare(runSpec);
    if (!prepared)
        return fail("run", prepared.error().message, kExitUsage);
    if (!prepared->modeReason.empty())
        std::cerr << "r2p run: --mode auto: " << prepared->modeReason << "\n";
    config = prepared->config;
    const auto context = prepared->context;
    if (!resume) {
        auto created = service.create(runSpec, *prepared);
        if (!created)
            return fail("run", created.error().message, kExitRuntime);
        runId = *created;
    } else {
        if (auto s = service.setStatus(runId, engine::RunStatus::Running); !s)
            return fail("run", s.error().message, kExitRuntime);
    }

    const bool quiet = args.has("quiet");
    engine::BatchRunner runner(context, runs, runId, index);
    // Ctrl+C is handled from before the first line that says the run is under way: one that
    // arrives before the batch starts cancels it, so it never kills the process.
    std::optional<InterruptWatch> watch(std::in_place, runner);
    std::cerr << "r2p run: run " << runId << (resume ? " (resumed)" : "") << " · "
              << taskSpec(info.task).name << " · " << users.size() << " users · backend "
              << prepared->backendLabel << "\n";

    auto lastReport = std::chrono::steady_clock::now() - std::chrono::seconds(10);
    std::mutex reportMutex;
    runner.setProgressHandler([&](const engine::BatchProgress& p) {
        if (quiet)
            return;
        std::lock_guard lock(reportMutex);
        const auto now = std::chrono::steady_clock::now();
        const std::size_t total = p.usersTotal - p.usersSkipped;
        if (now - lastReport < std::chrono::milliseconds(500) && p.usersDone < total)
            return;
        lastReport = now;
        const double perUser = p.usersDone ? p.elapsedMs / 1000.0 / double(p.usersDone) : 0;
        const double eta = perUser * double(total - std::min(total, p.usersDone));
        const double tokensPerS =
            p.elapsedMs > 0 ? double(p.completionTokens) / (p.elapsedMs / 1000.0) : 0;
        std::fprintf(stderr, "r2p run: %zu/%zu users · %zu failed · %.0f tokens/s · ETA %s\n",
                     p.usersDone + p.usersSkipped, p.usersTotal, p.usersFailed, tokensPerS,
                     formatEta(eta).c_str());
    });
    engine::BatchSpec spec;
    spec.systems = info.systems;
    spec.users = users;
    spec.concurrency = static_cast<int>(concurrency);
    Result<engine::BatchResult> result = Error{"not run"};
    result = runner.run(spec);
    watch.reset();
    if (!result) {
        (void)service.setStatus(runId, engine::RunStatus::Cancelled);
        return fail("run", "run " + std::to_string(runId) + ": " + result.error().message,
                    kExitRuntime);
    }
    (void)service.setStatus(runId, result->cancelled ? engine::RunStatus::Cancelled
                                                     : engine::RunStatus::Done);
    if (context->completionsMissing->load())
        std::cerr << "r2p run: run " << runId
                  << " · the server stopped serving /v1/completions (HTTP 404/405): the rest of "
                     "the run used chat mode (each step records its mode)\n";
    for (const auto& e : result->errors)
        std::cerr << "r2p run: run " << runId << " · " << e << "\n";

    // The same summary the window and the report show: the run's seed, every stored verdict.
    auto summary = service.summarize(runId);
    if (!summary)
        return fail("run", summary.error().message, kExitRuntime);
    auto json = ordered_json::parse(engine::summaryJson(*summary));
    json["status"] = result->cancelled ? "cancelled" : "done";
    json["backend"] = prepared->backendLabel;
    json["model"] = info.model;
    json["main_metric"] = analysis::mainMetric(info.task, config.mainMetric);
    json["template"] = {{"id", context->hrt->id}, {"version", context->hrt->version}};
    json["users"] = {{"total", users.size()},
                     {"done_now", result->done},
                     {"skipped", result->skipped},
                     {"failed", result->failed}};
    std::cout << dumpJson(json, 2) << "\n";
    if (result->cancelled) {
        std::cerr << "r2p run: cancelled; finished users are stored. Continue with: r2p run "
                     "--project "
                  << *args.value("project") << " --resume " << runId << "\n";
        return kExitRuntime;
    }
    return result->failed > 0 ? kExitRuntime : kExitOk;
}

const Registrar registrar{
    {"run",
     "--project P.r2p (--resume RUN | --questions Q [--outputs O] [--task LaMP-N] --systems "
     "r2p,lamp-rag,lrm-rag,no-profile [--backend offline|openai|replay] [--base-url URL --model M] "
     "[--users all|N|id,id] [--k K] [--candidates M] [--seed S] [--ranker bm25|recency|random] "
     "[--variation temperature|retrieval] [--max-interventions N] [--mode auto|prefill|chat] "
     "[--chat-template ID] [--template FILE|ID@VERSION|HASH] [--preset "
     "vllm|sglang|llama.cpp|ollama|hosted] "
     "[--candidate-mode independent|answer-only] [--final select|combine] "
     "[--judge-model M] [--judge-temperature T] [--judge-top-p P] [--judge-max-tokens N] "
     "[--baseline-reasoning-tokens N] [--main-metric rouge-1|rouge-L]) [--concurrency C] "
     "[--api-key-env NAME] [--replay-speed F] [--cache-scope endpoint|shared] [--timeout-s S] "
     "[--idle-timeout-s S] [--max-reply-mb MB] [--quiet]",
     "Run R2P and baselines over users into the project file; progress on stderr, the JSON "
     "summary (metrics with intervals, R2P's deltas, format adherence, verdicts) on stdout.",
     &runRun}};

} // namespace
} // namespace r2p::cli
