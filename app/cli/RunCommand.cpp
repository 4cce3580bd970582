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
#include "pipeline/analysis/Cost.h"
#include "pipeline/analysis/Slices.h"
#include "pipeline/engine/BackendChoice.h"
#include "pipeline/engine/Batch.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/RunService.h"
#include "pipeline/engine/RunSummary.h"
#include "pipeline/engine/TemplateLibrary.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "pipeline/metrics/Spread.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
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

std::vector<std::string> splitSlashes(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto slash = text.find('/', start);
        parts.push_back(text.substr(start, slash - start));
        if (slash == std::string::npos)
            return parts;
        start = slash + 1;
    }
}

// An exit code when a step of runRun fails; nothing when it may go on.
using Exit = std::optional<int>;

// What runRun settles before the batch: a new run's settings from the flags, or a resumed
// run's stored ones.
struct RunPlan {
    std::unique_ptr<ProjectStore> owner;
    RunInfo info;
    engine::EngineConfig config;
    std::int64_t runId = 0;
    std::vector<std::string> selectedIds;
    std::string storedApiKeyEnv; // --resume: the key variable the run was made with
    bool resume = false;
    double replaySpeed = 0;
    long long concurrency = 4;
};

// A project is created only for a new run whose arguments and files check out.
Exit openProject(const Args& args, ProjectStore::OpenMode mode, RunPlan& plan) {
    auto opened = ProjectStore::open(*args.value("project"), mode);
    if (!opened) {
        const std::string& m = opened.error().message;
        const bool usage =
            m.rfind("no project file", 0) == 0 || m.find("not an R2P project") != std::string::npos;
        return fail("run", m, usage ? kExitUsage : kExitRuntime);
    }
    plan.owner = std::move(opened).value();
    return std::nullopt;
}

// --resume RUN: the stored run's settings; the flags that would change them are refused.
Exit loadResumedRun(const Args& args, RunPlan& plan) {
    long long id = 0;
    if (!parseInt(*args.value("resume"), id))
        return fail("run", "--resume takes a run id", kExitUsage);
    for (const char* fixed : {"task",
                              "questions",
                              "outputs",
                              "systems",
                              "backend",
                              "model",
                              "users",
                              "user",
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
                              "main-metric",
                              "sampling",
                              "temperature",
                              "top-p",
                              "max-tokens",
                              "system-model"})
        if (args.value(fixed))
            return fail("run",
                        std::string("--") + fixed +
                            " cannot change when resuming: a run keeps its settings",
                        kExitUsage);
    if (args.has("shadow"))
        return fail("run", "--shadow cannot change when resuming: a run keeps its systems",
                    kExitUsage);
    auto stored = RunStore(*plan.owner).run(id);
    if (!stored)
        return fail("run", stored.error().message, kExitUsage);
    plan.info = *stored;
    plan.runId = id;
    plan.resume = true;
    plan.config = engine::engineConfigFromJson(plan.info.config, plan.info.model);
    plan.storedApiKeyEnv = engine::storedBackendOptions(plan.info).apiKeyEnv;
    plan.selectedIds = plan.info.users;
    if (auto url = args.value("base-url")) // the server may have moved
        plan.info.baseUrl = *url;
    return std::nullopt;
}

// A new run's files, backend and systems.
Exit parseRunInfo(const Args& args, RunInfo& info) {
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
            return fail("run", "unknown system \"" + name + "\" (use " + systemNameList() + ")",
                        kExitUsage);
        if (std::find(info.systems.begin(), info.systems.end(), *s) == info.systems.end())
            info.systems.push_back(*s);
    }
    if (info.systems.empty())
        return fail("run", "--systems names no system", kExitUsage);
    // --shadow: each R2P user again with interventions off (same seed), stored as r2p-no-rpi.
    if (args.has("shadow")) {
        if (std::find(info.systems.begin(), info.systems.end(), SystemId::R2P) ==
            info.systems.end())
            return fail("run", "--shadow needs r2p in --systems", kExitUsage);
        if (std::find(info.systems.begin(), info.systems.end(), SystemId::R2PNoRpi) ==
            info.systems.end())
            info.systems.push_back(SystemId::R2PNoRpi);
    }
    return std::nullopt;
}

// A new run's retrieval and generation settings.
Exit parseGenerationConfig(const Args& args, engine::EngineConfig& config) {
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
    config.variation =
        variation == "retrieval" ? engine::Variation::Retrieval : engine::Variation::Temperature;
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
    return std::nullopt;
}

// A new run's candidate, final-answer, judge and scoring settings.
Exit parseJudgeConfig(const Args& args, engine::EngineConfig& config) {
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
    long long n = 0;
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
            return fail("run", "--baseline-reasoning-tokens takes a number of tokens", kExitUsage);
        config.baselineReasoningTokens = static_cast<int>(n);
    }
    // --sampling SYSTEM:temperature=T,top_p=P,max_tokens=N,model=M, once per system.
    for (const auto& spec : args.values("sampling")) {
        auto parsed = engine::parseSamplingSpec(spec);
        if (!parsed)
            return fail("run", "--" + parsed.error().message, kExitUsage);
        if (config.sampling.count(parsed->first))
            return fail("run",
                        "--sampling is given twice for " + std::string(systemName(parsed->first)),
                        kExitUsage);
        config.sampling[parsed->first] = parsed->second;
    }
    return std::nullopt;
}

// One setting of one system's sampling, from --sampling or a per-system flag; the same
// setting twice for a system is an error naming both.
Exit mergeSampling(engine::EngineConfig& config, SystemId system, const engine::Sampling& one,
                   const std::string& flag) {
    engine::Sampling& to = config.sampling[system];
    auto clash = [&](const char* key) {
        return fail("run",
                    std::string(key) + " is given twice for " + std::string(systemName(system)) +
                        " (" + flag + " and an earlier flag)",
                    kExitUsage);
    };
    if (one.temperature && to.temperature)
        return clash("temperature");
    if (one.topP && to.topP)
        return clash("top_p");
    if (one.maxTokens && to.maxTokens)
        return clash("max_tokens");
    if (one.model && to.model)
        return clash("model");
    if (one.temperature)
        to.temperature = one.temperature;
    if (one.topP)
        to.topP = one.topP;
    if (one.maxTokens)
        to.maxTokens = one.maxTokens;
    if (one.model)
        to.model = one.model;
    return std::nullopt;
}

// --temperature, --top-p, --max-tokens and --system-model: VALUE for every system of the run,
// or SYSTEM=VALUE[,SYSTEM=VALUE...] for some (repeatable). --system-model takes only the
// second form.
Exit parsePerSystemFlags(const Args& args, const std::vector<SystemId>& systems,
                         engine::EngineConfig& config) {
    const std::pair<const char*, const char*> flags[] = {{"temperature", "temperature"},
                                                         {"top-p", "top_p"},
                                                         {"max-tokens", "max_tokens"},
                                                         {"system-model", "model"}};
    for (const auto& [flag, key] : flags) {
        for (const auto& value : args.values(flag)) {
            std::vector<std::pair<std::string, std::string>> specs; // (system, value)
            if (value.find('=') == std::string::npos) {
                if (std::string_view(flag) == "system-model")
                    return fail("run",
                                "--system-model takes SYSTEM=MODEL[,SYSTEM=MODEL...] (--model "
                                "names the run's model)",
                                kExitUsage);
                for (SystemId s : systems)
                    specs.emplace_back(std::string(systemName(s)), value);
            } else {
                for (const auto& part : splitCommas(value)) {
                    const auto eq = part.find('=');
                    if (eq == std::string::npos)
                        return fail("run",
                                    "--" + std::string(flag) +
                                        " takes VALUE or SYSTEM=VALUE,...; "
                                        "\"" +
                                        validUtf8(part) + "\" is neither",
                                    kExitUsage);
                    specs.emplace_back(part.substr(0, eq), part.substr(eq + 1));
                }
            }
            for (const auto& [system, v] : specs) {
                auto parsed = engine::parseSamplingSpec(system + ":" + key + "=" + v);
                if (!parsed)
                    return fail("run",
                                "--" + std::string(flag) + ": " + validUtf8(parsed.error().message),
                                kExitUsage);
                if (std::find(systems.begin(), systems.end(), parsed->first) == systems.end())
                    return fail("run",
                                "--" + std::string(flag) + " names " + system +
                                    ", which is not in --systems",
                                kExitUsage);
                if (auto code = mergeSampling(config, parsed->first, parsed->second,
                                              "--" + std::string(flag)))
                    return code;
            }
        }
    }
    return std::nullopt;
}

// A new run: its settings from the flags; the project is opened (or created) last.
Exit planNewRun(const Args& args, RunPlan& plan) {
    if (auto code = parseRunInfo(args, plan.info))
        return code;
    plan.config.model = plan.info.model;
    if (auto code = parseGenerationConfig(args, plan.config))
        return code;
    if (auto code = parseJudgeConfig(args, plan.config)) // --sampling too
        return code;
    if (auto code = parsePerSystemFlags(args, plan.info.systems, plan.config))
        return code;
    for (const std::string& path : {plan.info.questionsPath, plan.info.outputsPath})
        if (!path.empty())
            if (auto stamp = stampFile(path); !stamp)
                return fail("run", stamp.error().message, kExitUsage);
    return openProject(args, ProjectStore::OpenMode::CreateOrOpen, plan);
}

// --endpoint URL[,max=N][,weight=W][,models=A|B], repeated: replicas, each request sent to one
// serving its model; a resumed run keeps its own unless --endpoint or --base-url names others.
Exit parseEndpoints(const Args& args, RunPlan& plan, engine::BackendOptions& backendOptions) {
    const auto given = args.values("endpoint");
    if (!given.empty() && args.value("base-url"))
        return fail("run", "give either --base-url or --endpoint (repeated), not both", kExitUsage);
    if (!given.empty() && plan.info.backend != "openai")
        return fail("run", "--endpoint is for --backend openai", kExitUsage);
    for (const auto& spec : given) {
        if (!isValidUtf8(spec))
            return fail("run", "--endpoint must be UTF-8 text", kExitUsage);
        auto parsed = llm::parseEndpointSpec(spec);
        if (!parsed)
            return fail("run", parsed.error().message, kExitUsage);
        for (const auto& e : backendOptions.endpoints)
            if (llm::normalizeBaseUrl(e.baseUrl) == llm::normalizeBaseUrl(parsed->baseUrl))
                return fail("run", "--endpoint " + parsed->baseUrl + " is given twice", kExitUsage);
        backendOptions.endpoints.push_back(*parsed);
    }
    if (plan.resume && given.empty() && !args.value("base-url"))
        backendOptions.endpoints = engine::storedBackendOptions(plan.info).endpoints;
    if (!backendOptions.endpoints.empty())
        plan.info.baseUrl = backendOptions.endpoints.front().baseUrl;
    return std::nullopt;
}

// Per-invocation backend settings (they may change on --resume).
Exit parseBackendOptions(const Args& args, RunPlan& plan, engine::BackendOptions& backendOptions) {
    if (auto s = args.value("replay-speed");
        s && (!parseDouble(*s, plan.replaySpeed) || plan.replaySpeed < 0))
        return fail("run", "--replay-speed takes a factor (0 = at once, 1 = as recorded)",
                    kExitUsage);
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
    if (auto code = parseEndpoints(args, plan, backendOptions))
        return code;
    RunInfo& info = plan.info;
    if (auto url = info.baseUrl; !url.empty() && info.backend == "openai")
        if (auto checked = llm::checkBaseUrl(url); !checked)
            return fail("run", checked.error().message, kExitUsage);
    info.baseUrl = llm::redactUrl(info.baseUrl); // never stored with credentials
    return std::nullopt;
}

// The dataset, through the project's index cache; its findings go to stderr as info prints
// them, and a new run refuses a dataset with errors or of another task.
Exit openRunDataset(const Args& args, RunPlan& plan, std::optional<OpenedDataset>& dataset) {
    RunInfo& info = plan.info;
    IndexOptions indexOptions;
    if (!plan.resume) {
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
    auto opened = openDataset(*plan.owner, info.questionsPath, info.outputsPath, indexOptions);
    if (!opened)
        return fail("run", opened.error().message, kExitUsage);
    dataset.emplace(std::move(opened).value());
    const DatasetIndex& index = dataset->index;
    for (const auto& f : index.findings)
        std::cerr << severityName(f.severity) << ": " << f.message() << "\n";
    if (!index.usable())
        return fail("run", info.questionsPath + " holds no readable user records", kExitUsage);
    if (plan.resume)
        return std::nullopt;
    // As retrieve: a syntax error or truncation means users are missing, an unreadable outputs
    // file means nothing can be scored.
    if (worstSeverity(index.findings) == Severity::Error)
        return fail("run", "the dataset has errors (above); fix the files before running",
                    kExitUsage);
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
    return std::nullopt;
}

// The dataset's users named by `ids`, in that order; an error names the ids it lacks.
Exit usersById(const std::vector<std::string>& ids, const std::map<std::string, std::size_t>& byId,
               const std::string& questionsPath, std::vector<std::size_t>& users) {
    std::vector<std::string> unknown;
    for (const auto& id : ids) {
        auto it = byId.find(id);
        if (it == byId.end())
            unknown.push_back(id);
        else
            users.push_back(it->second);
    }
    if (unknown.empty())
        return std::nullopt;
    std::string list;
    for (std::size_t i = 0; i < unknown.size() && i < 10; ++i)
        list += (i ? ", " : "") + unknown[i];
    return fail("run",
                questionsPath + " has no user " + list + (unknown.size() > 10 ? " (and more)" : ""),
                kExitUsage);
}

// Which users: a resumed run's own, else --users (all, a count, or ids) or --user ids.
Exit selectUsers(const Args& args, RunPlan& plan, const DatasetIndex& index,
                 std::vector<std::size_t>& users) {
    RunInfo& info = plan.info;
    std::map<std::string, std::size_t> byId;
    for (std::size_t i = 0; i < index.users.size(); ++i)
        byId.emplace(index.users[i].id, i);
    if (plan.resume) {
        for (const auto& id : plan.selectedIds) {
            auto it = byId.find(id);
            if (it == byId.end())
                return fail("run",
                            "run " + std::to_string(plan.runId) + " covers user " + id +
                                ", which " + info.questionsPath + " no longer holds",
                            kExitUsage);
            users.push_back(it->second);
        }
        return std::nullopt;
    }
    // --users all | N (always a count) | id,id,... ; --user ID (repeatable) names ids only.
    const auto named = args.values("user");
    if (!named.empty() && args.value("users"))
        return fail("run",
                    "give --users (all, a count, or ids separated by commas) or --user ID, "
                    "not both",
                    kExitUsage);
    const std::string which = args.valueOr("users", "all");
    long long n = 0;
    if (!named.empty()) {
        if (auto code = usersById(named, byId, info.questionsPath, users))
            return code;
    } else if (which == "all") {
        for (std::size_t i = 0; i < index.users.size(); ++i)
            users.push_back(i);
    } else if (which.find(',') == std::string::npos && parseInt(which, n)) {
        if (n < 1)
            return fail("run", "--users takes all, a count, or ids separated by commas",
                        kExitUsage);
        if (byId.count(which))
            std::cerr << "r2p run: --users " << which << " is a count (the first " << n
                      << " users); to run only the user whose id is " << which << ", give --user "
                      << which << "\n";
        for (std::size_t i = 0; i < index.users.size() && i < static_cast<std::size_t>(n); ++i)
            users.push_back(i);
    } else if (auto code = usersById(splitCommas(which), byId, info.questionsPath, users)) {
        return code;
    }
    for (std::size_t i : users)
        info.users.push_back(index.users[i].id);
    return std::nullopt;
}

// What the run service is given: the run's settings, its HRT template (a resumed run's own
// text, kept in the project, else --template's) and the backend options.
Exit buildRunSpec(const Args& args, const RunPlan& plan, engine::BackendOptions backendOptions,
                  engine::RunSpec& runSpec) {
    const RunInfo& info = plan.info;
    runSpec.task = info.task;
    runSpec.questionsPath = info.questionsPath;
    runSpec.outputsPath = info.outputsPath;
    runSpec.systems = info.systems;
    runSpec.userIds = info.users;
    runSpec.backend = info.backend;
    runSpec.presetId = args.valueOr("preset", "");
    runSpec.config = plan.config;
    runSpec.concurrency = static_cast<int>(plan.concurrency);
    if (plan.resume || args.value("template")) {
        auto hrt = plan.resume ? engine::templateOfRun(*plan.owner, info)
                               : engine::findTemplate(*plan.owner, *args.value("template"));
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
    if (backendOptions.endpoints.empty())
        backendOptions.baseUrl = info.baseUrl;
    backendOptions.apiKeyEnv = args.valueOr("api-key-env", plan.storedApiKeyEnv);
    backendOptions.concurrency = static_cast<int>(plan.concurrency);
    backendOptions.replaySpeed = plan.replaySpeed;
    runSpec.backendOptions = backendOptions;
    if (auto repeat = args.value("repeat-of")) {
        // Set by --repeats for each of its runs: "INDEX/COUNT/BASE_SEED".
        long long index = 0, count = 0, base = 0;
        const auto parts = splitSlashes(*repeat);
        if (parts.size() != 3 || !parseInt(parts[0], index) || !parseInt(parts[1], count) ||
            !parseInt(parts[2], base) || index < 0 || count < 1 || index >= count || base < 0)
            return fail("run", "--repeat-of is set by --repeats (INDEX/COUNT/BASE_SEED)",
                        kExitUsage);
        runSpec.repeatIndex = static_cast<int>(index);
        runSpec.repeatCount = static_cast<int>(count);
        runSpec.repeatBaseSeed = static_cast<std::uint64_t>(base);
    }
    return std::nullopt;
}

// Progress lines on stderr, at most two a second (and the last one).
void reportProgress(engine::BatchRunner& runner, bool quiet) {
    auto lastReport = std::make_shared<std::chrono::steady_clock::time_point>(
        std::chrono::steady_clock::now() - std::chrono::seconds(10));
    auto reportMutex = std::make_shared<std::mutex>();
    runner.setProgressHandler([quiet, lastReport, reportMutex](const engine::BatchProgress& p) {
        if (quiet)
            return;
        std::lock_guard lock(*reportMutex);
        const auto now = std::chrono::steady_clock::now();
        const std::size_t total = p.usersTotal - p.usersSkipped;
        if (now - *lastReport < std::chrono::milliseconds(500) && p.usersDone < total)
            return;
        *lastReport = now;
        const double perUser = p.usersDone ? p.elapsedMs / 1000.0 / double(p.usersDone) : 0;
        const double eta = perUser * double(total - std::min(total, p.usersDone));
        const double tokensPerS =
            p.elapsedMs > 0 ? double(p.completionTokens) / (p.elapsedMs / 1000.0) : 0;
        std::fprintf(stderr, "r2p run: %zu/%zu users · %zu failed · %.0f tokens/s · ETA %s\n",
                     p.usersDone + p.usersSkipped, p.usersTotal, p.usersFailed, tokensPerS,
                     formatEta(eta).c_str());
    });
}

// The run's endpoints as the summary lists them (all sessions), or null when it used one.
ordered_json endpointUseJson(ProjectStore& store, std::int64_t runId) {
    auto use = RunStore(store).endpointUse(runId);
    if (!use || use->empty())
        return nullptr;
    ordered_json list = ordered_json::array();
    for (const auto& u : *use)
        list.push_back({{"endpoint", u.endpoint},
                        {"requests", u.requests},
                        {"succeeded", u.succeeded},
                        {"failures", u.failures},
                        {"prompt_tokens", u.promptTokens},
                        {"completion_tokens", u.completionTokens},
                        {"taken_out", u.takenOut},
                        {"last_error", u.lastError}});
    return list;
}

// The same summary the window and the report show (the run's seed, every stored verdict) as
// JSON on stdout; the exit code says whether every user finished.
int printSummary(const Args& args, const RunPlan& plan, const engine::RunService& service,
                 const engine::PreparedRun& prepared, std::size_t userCount,
                 const engine::BatchResult& result, ordered_json* capture) {
    const std::int64_t runId = plan.runId;
    auto summary = service.summarize(runId);
    if (!summary)
        return fail("run", summary.error().message, kExitRuntime);
    auto json = ordered_json::parse(engine::summaryJson(*summary));
    json["status"] = result.cancelled ? "cancelled" : "done";
    json["backend"] = prepared.backendLabel;
    json["model"] = plan.info.model;
    json["main_metric"] = analysis::mainMetric(plan.info.task, plan.config.mainMetric);
    json["template"] = {{"id", prepared.context->hrt->id},
                        {"version", prepared.context->hrt->version}};
    json["users"] = {{"total", userCount},
                     {"done_now", result.done},
                     {"skipped", result.skipped},
                     {"failed", result.failed}};
    json["token_counter"] = prepared.context->tokenCounter->label();
    if (auto endpoints = endpointUseJson(*plan.owner, runId); !endpoints.is_null())
        json["endpoints"] = std::move(endpoints);
    // What it cost (r2p cost prints the same, as a table too).
    if (auto prices = analysis::projectPriceTable(*plan.owner); prices) {
        if (auto cost = analysis::runCost(*plan.owner, runId, *prices); cost) {
            auto costJson = ordered_json::parse(analysis::runCostJson(*cost, -1));
            costJson.erase("run");
            json["cost"] = std::move(costJson);
        } else {
            std::cerr << "r2p run: no cost figures: " << cost.error().message << "\n";
        }
    } else {
        std::cerr << "r2p run: no cost figures: " << prices.error().message << "\n";
    }
    if (const auto& e = summary->rpiEffect)
        std::fprintf(stderr,
                     "r2p run: run %lld · what RPI changed (%s, r2p vs r2p-no-rpi, %zu users): "
                     "%.4f with, %.4f without; intervened on %zu: helped %zu, hurt %zu, "
                     "unchanged %zu\n",
                     static_cast<long long>(runId), e->metric.c_str(), e->users, e->meanWithRpi,
                     e->meanWithoutRpi, e->intervened, e->helped, e->hurt, e->unchanged);
    if (capture)
        *capture = json;
    else
        std::cout << dumpJson(json, 2) << "\n";
    if (result.cancelled) {
        std::cerr << "r2p run: cancelled; finished users are stored. Continue with: r2p run "
                     "--project "
                  << *args.value("project") << " --resume " << runId << "\n";
        return kExitRuntime;
    }
    return result.failed > 0 ? kExitRuntime : kExitOk;
}

// Runs the batch with Ctrl+C handled and stores the run's status; then the summary.
int executeRun(const Args& args, RunPlan& plan, const engine::RunService& service,
               const engine::PreparedRun& prepared, const DatasetIndex& index,
               const std::vector<std::size_t>& users, ordered_json* capture) {
    const std::int64_t runId = plan.runId;
    const auto context = prepared.context;
    RunStore runs(*plan.owner);
    engine::BatchRunner runner(context, runs, runId, index);
    // Ctrl+C is handled from before the first line that says the run is under way: one that
    // arrives before the batch starts cancels it, so it never kills the process.
    std::optional<InterruptWatch> watch(std::in_place, runner);
    std::cerr << "r2p run: run " << runId << (plan.resume ? " (resumed)" : "") << " · "
              << taskSpec(plan.info.task).name << " · " << users.size() << " users · backend "
              << prepared.backendLabel << "\n";
    reportProgress(runner, args.has("quiet"));
    engine::BatchSpec spec;
    spec.systems = plan.info.systems;
    spec.users = users;
    spec.concurrency = static_cast<int>(plan.concurrency);
    Result<engine::BatchResult> result = runner.run(spec);
    watch.reset();
    if (auto s = engine::RunService(*plan.owner).storeEndpointUse(runId, prepared); !s)
        std::cerr << "r2p run: " << s.error().message << "\n";
    if (!result) {
        // The run's own error is the one to report; a status that could not be stored too is
        // said after it.
        auto s = service.setStatus(runId, engine::RunStatus::Cancelled);
        return fail(
            "run",
            "run " + std::to_string(runId) + ": " + result.error().message +
                (s ? std::string() : "; its status could not be stored: " + s.error().message),
            kExitRuntime);
    }
    if (auto s = service.setStatus(runId, result->cancelled ? engine::RunStatus::Cancelled
                                                            : engine::RunStatus::Done);
        !s)
        return fail("run",
                    "run " + std::to_string(runId) +
                        ": its users are stored, but its status could not be: " +
                        s.error().message + " (resume the run to set it)",
                    kExitRuntime);
    if (context->completionsMissing->load())
        std::cerr << "r2p run: run " << runId
                  << " · the server stopped serving /v1/completions (HTTP 404/405): the rest of "
                     "the run used chat mode (each step records its mode)\n";
    for (const auto& e : result->errors)
        std::cerr << "r2p run: run " << runId << " · " << e << "\n";
    return printSummary(args, plan, service, prepared, users.size(), *result, capture);
}

// --backend batch: the run is stored and nothing is sent; r2p batch prepare writes its rounds.
int announceBatchRun(const Args& args, const RunPlan& plan) {
    const std::string project = *args.value("project");
    const std::string id = std::to_string(plan.runId);
    ordered_json json{
        {"run", plan.runId},
        {"backend", "batch"},
        {"model", plan.info.model},
        {"users", plan.info.users.size()},
        {"status", "waiting for batch rounds"},
        {"next", "r2p batch prepare --project " + project + " --run " + id + " --out round.jsonl"}};
    std::cout << dumpJson(json, 2) << "\n";
    return kExitOk;
}

// One run; its summary goes to stdout, or into `capture` (a sweep prints them together).
int runOnce(const std::vector<std::string>& argv, ordered_json* capture,
            const RunHooks* hooks = nullptr) {
    Args args({"project",
               "task",
               "questions",
               "outputs",
               "systems",
               "backend",
               "base-url",
               "endpoint",
               "model",
               "users",
               "user",
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
               "sampling",
               "temperature",
               "top-p",
               "max-tokens",
               "system-model",
               "cache-scope",
               "timeout-s",
               "idle-timeout-s",
               "max-reply-mb",
               "preset",
               "repeat-of"},
              {"quiet", "shadow"});
    if (!args.parse(argv))
        return fail("run", args.error(), kExitUsage);
    if (!args.value("project"))
        return fail("run", "--project is required", kExitUsage);

    RunPlan plan;
    if (auto c = args.value("concurrency");
        c && (!parseInt(*c, plan.concurrency) || plan.concurrency < 1 || plan.concurrency > 256))
        return fail("run", "--concurrency takes a number from 1 to 256", kExitUsage);
    if (args.value("resume")) {
        if (auto code = openProject(args, ProjectStore::OpenMode::Existing, plan))
            return *code;
        if (auto code = loadResumedRun(args, plan))
            return *code;
    } else if (auto code = planNewRun(args, plan)) {
        return *code;
    }
    engine::BackendOptions backendOptions;
    if (auto code = parseBackendOptions(args, plan, backendOptions))
        return *code;
    std::optional<OpenedDataset> dataset;
    if (auto code = openRunDataset(args, plan, dataset))
        return *code;
    const DatasetIndex& index = dataset->index;
    std::vector<std::size_t> users;
    if (auto code = selectUsers(args, plan, index, users))
        return *code;

    // The run service builds the backend, settles --mode auto and stores the run, exactly as
    // the batch dialog does.
    engine::RunSpec runSpec;
    if (auto code = buildRunSpec(args, plan, backendOptions, runSpec))
        return *code;
    if (hooks && hooks->checkOnly)
        return kExitOk;
    const engine::RunService service(*plan.owner);
    auto prepared = service.prepare(runSpec);
    if (!prepared)
        return fail("run", prepared.error().message, kExitUsage);
    if (!prepared->modeReason.empty())
        std::cerr << "r2p run: --mode auto: " << prepared->modeReason << "\n";
    for (const auto& why : prepared->unreachable)
        std::cerr << "r2p run: endpoint " << why
                  << " — taken out until it answers (probed with backoff)\n";
    plan.config = prepared->config;
    if (!plan.resume) {
        auto created = service.create(runSpec, *prepared);
        if (!created)
            return fail("run", created.error().message, kExitRuntime);
        plan.runId = *created;
        if (hooks && hooks->created)
            hooks->created(plan.runId);
    } else {
        if (auto s = service.setStatus(plan.runId, engine::RunStatus::Running); !s)
            return fail("run", s.error().message, kExitRuntime);
    }
    if (plan.info.backend == "batch")
        return announceBatchRun(args, plan);
    return executeRun(args, plan, service, *prepared, index, users, capture);
}

// `argv` without the value options `names` ("--name V" and "--name=V").
std::vector<std::string> withoutOptions(const std::vector<std::string>& argv,
                                        const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        bool drop = false;
        for (const auto& name : names) {
            if (argv[i] == "--" + name) {
                ++i; // and its value
                drop = true;
                break;
            }
            drop = drop || argv[i].rfind("--" + name + "=", 0) == 0;
        }
        if (!drop)
            out.push_back(argv[i]);
    }
    return out;
}

// Runs `argv` once per value of `flag` (its list replaced by one value each): every run stored
// like any run; every summary is collected. nullopt when nothing ran (already said).
struct SweepRuns {
    ordered_json runs = ordered_json::array();
    int worst = kExitOk;
};
std::optional<SweepRuns> runEachValue(const std::vector<std::string>& argv, const std::string& flag,
                                      const std::vector<int>& values) {
    const std::vector<std::string> base = withoutOptions(argv, {flag});
    SweepRuns out;
    for (int value : values) {
        std::vector<std::string> one = base;
        one.insert(one.end(), {"--" + flag, std::to_string(value)});
        ordered_json summary;
        const int code = runOnce(one, &summary);
        out.worst = std::max(out.worst, code);
        if (summary.is_null()) {
            if (out.runs.empty())
                return std::nullopt; // a usage or setup error, already said
            break;
        }
        summary[flag == "k" ? "k" : "max_interventions"] = value;
        out.runs.push_back(std::move(summary));
    }
    return out;
}

Exit parseSweepValues(const std::string& flag, const std::string& list, int max,
                      std::vector<int>& values) {
    for (const auto& v : splitCommas(list)) {
        long long n = 0;
        if (!parseInt(v, n) || n < 0 || n > max)
            return fail("run",
                        "--" + flag + " takes numbers from 0 to " + std::to_string(max) +
                            ", e.g. 0,1,2",
                        kExitUsage);
        if (std::find(values.begin(), values.end(), static_cast<int>(n)) == values.end())
            values.push_back(static_cast<int>(n));
    }
    return std::nullopt;
}

// --max-interventions 0,1,2: one run per value, stored like any run, then the RPI effect table
// (value -> main metric, interventions, gave-ups) on stderr and every summary on stdout.
int runRpiSweep(const std::vector<std::string>& argv, const std::string& list) {
    std::vector<int> values;
    if (auto code = parseSweepValues("max-interventions", list, 10, values))
        return *code;
    auto swept = runEachValue(argv, "max-interventions", values);
    if (!swept)
        return kExitUsage;
    ordered_json table = ordered_json::array();
    for (const auto& summary : swept->runs) {
        const std::string metric = summary.value("main_metric", "");
        ordered_json row{{"max_interventions", summary["max_interventions"]},
                         {"run", summary["run"]},
                         {"metric", metric},
                         {"value", nullptr},
                         {"interventions", 0},
                         {"gave_up", 0},
                         {"complied", 0}};
        if (summary["systems"].contains("r2p")) {
            const auto& r2p = summary["systems"]["r2p"];
            if (r2p["metrics"].contains(metric))
                row["value"] = r2p["metrics"][metric]["value"];
            const auto& o = r2p["intervention_outcomes"];
            row["complied"] = o.value("complied", 0);
            row["gave_up"] = o.value("gave-up", 0);
            row["interventions"] =
                o.value("complied", 0) + o.value("violated-again", 0) + o.value("gave-up", 0);
        }
        table.push_back(row);
    }
    std::fprintf(stderr, "r2p run: RPI effect over --max-interventions (r2p)\n");
    std::fprintf(stderr, "  %-18s %-6s %-12s %-14s %s\n", "max-interventions", "run",
                 table.empty() ? "metric" : table[0]["metric"].get<std::string>().c_str(),
                 "interventions", "gave-ups");
    for (const auto& row : table) {
        const std::string value =
            row["value"].is_number() ? std::to_string(row["value"].get<double>()) : "-";
        std::fprintf(stderr, "  %-18d %-6lld %-12s %-14d %d\n", row["max_interventions"].get<int>(),
                     row["run"].get<long long>(), value.c_str(), row["interventions"].get<int>(),
                     row["gave_up"].get<int>());
    }
    std::cout << dumpJson(ordered_json{{"sweep", "max_interventions"},
                                       {"values", values},
                                       {"rpi_effect", table},
                                       {"runs", swept->runs}},
                          2)
              << "\n";
    return swept->worst;
}

// The value of "--name V" or "--name=V" in raw arguments ("" when absent).
std::string argValue(const std::vector<std::string>& argv, const std::string& name) {
    std::string value;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        if (argv[i] == "--" + name && i + 1 < argv.size())
            value = argv[i + 1];
        else if (argv[i].rfind("--" + name + "=", 0) == 0)
            value = argv[i].substr(name.size() + 3);
    }
    return value;
}

// --k 0,1,2,4: a retrieval sweep as stored runs, one per k, each with its per-user answers and
// intervals (compare them with r2p compare --runs). The table of (k, system) -> the main metric
// with its 95% interval on stderr; every summary on stdout.
int runRetrievalSweep(const std::vector<std::string>& argv, const std::string& list) {
    std::vector<int> values;
    if (auto code = parseSweepValues("k", list, 1000, values))
        return *code;
    auto swept = runEachValue(argv, "k", values);
    if (!swept)
        return kExitUsage;
    ordered_json table = ordered_json::array();
    std::vector<long long> ids;
    for (const auto& summary : swept->runs) {
        ids.push_back(summary["run"].get<long long>());
        const std::string metric = summary.value("main_metric", "");
        for (const auto& [system, figures] : summary["systems"].items()) {
            ordered_json row{{"k", summary["k"]},
                             {"run", summary["run"]},
                             {"system", system},
                             {"metric", metric},
                             {"value", nullptr},
                             {"ci95", nullptr},
                             {"scored", figures.value("scored", 0)}};
            if (figures["metrics"].contains(metric)) {
                row["value"] = figures["metrics"][metric]["value"];
                row["ci95"] = figures["metrics"][metric]["ci95"];
            }
            table.push_back(std::move(row));
        }
    }
    std::fprintf(stderr, "r2p run: retrieval sweep over --k\n  %-5s %-6s %-12s %s\n", "k", "run",
                 "system",
                 table.empty() ? "metric" : table[0]["metric"].get<std::string>().c_str());
    for (const auto& row : table) {
        std::string value = "-";
        if (row["value"].is_number())
            value = std::to_string(row["value"].get<double>()) + " [" +
                    std::to_string(row["ci95"][0].get<double>()) + ", " +
                    std::to_string(row["ci95"][1].get<double>()) + "]";
        std::fprintf(stderr, "  %-5d %-6lld %-12s %s\n", row["k"].get<int>(),
                     row["run"].get<long long>(), row["system"].get<std::string>().c_str(),
                     value.c_str());
    }
    std::string runList;
    for (long long id : ids)
        runList += (runList.empty() ? "" : ",") + std::to_string(id);
    std::cout << dumpJson(
                     ordered_json{{"sweep", "k"},
                                  {"values", values},
                                  {"retrieval", table},
                                  {"compare", "r2p compare --project " + argValue(argv, "project") +
                                                  " --runs " + runList},
                                  {"runs", swept->runs}},
                     2)
              << "\n";
    return swept->worst;
}

} // namespace

int runOneRun(const std::vector<std::string>& argv, const RunHooks& hooks) {
    ordered_json summary;
    const int code = runOnce(argv, hooks.summaryJson ? &summary : nullptr, &hooks);
    if (hooks.summaryJson && !summary.is_null())
        *hooks.summaryJson = dumpJson(summary);
    return code;
}

namespace {

// Mean, sample standard deviation, least and greatest of `values` (a metric over repeats).
ordered_json spreadJson(const std::vector<double>& values) {
    const metrics::Spread s = metrics::spreadOf(values);
    return {{"mean", s.mean}, {"sd", s.sd}, {"min", s.min}, {"max", s.max}, {"values", values}};
}

// --repeats N: N stored runs of the same settings with seeds S, S+1, ... (S: --seed, default 1),
// each marked as repeat i of N in its config; then every system's metrics over the repeats (mean,
// spread, each repeat's value and 95% interval) on stdout and as a table on stderr.
int runRepeats(const std::vector<std::string>& argv, int count) {
    long long base = 1;
    if (const std::string given = argValue(argv, "seed"); !given.empty())
        if (!parseInt(given, base) || base < 0)
            return fail("run", "--seed takes a non-negative number", kExitUsage);
    const std::vector<std::string> rest = withoutOptions(argv, {"seed", "repeats"});
    ordered_json runs = ordered_json::array();
    int worst = kExitOk;
    for (int r = 0; r < count; ++r) {
        std::vector<std::string> one = rest;
        one.insert(one.end(),
                   {"--seed", std::to_string(base + r), "--repeat-of",
                    std::to_string(r) + "/" + std::to_string(count) + "/" + std::to_string(base)});
        ordered_json summary;
        const int code = runOnce(one, &summary);
        worst = std::max(worst, code);
        if (summary.is_null()) {
            if (runs.empty())
                return code;
            break;
        }
        summary["repeat"] = r;
        summary["seed"] = base + r;
        runs.push_back(std::move(summary));
    }
    // Every system's metrics over the repeats that finished.
    ordered_json systems = ordered_json::object();
    const auto& first = runs.front();
    for (const auto& [system, figures] : first["systems"].items()) {
        ordered_json metrics = ordered_json::object();
        for (const auto& [metric, value] : figures["metrics"].items()) {
            std::vector<double> values;
            ordered_json intervals = ordered_json::array();
            for (const auto& run : runs) {
                const auto& m = run["systems"][system]["metrics"];
                if (!m.contains(metric))
                    continue;
                values.push_back(m[metric]["value"].get<double>());
                intervals.push_back(m[metric]["ci95"]);
            }
            ordered_json spread = spreadJson(values);
            spread["ci95_per_repeat"] = std::move(intervals);
            metrics[metric] = std::move(spread);
        }
        systems[system] = {{"metrics", metrics}};
    }
    std::string runList;
    ordered_json seeds = ordered_json::array();
    for (const auto& run : runs) {
        runList += (runList.empty() ? "" : ",") + std::to_string(run["run"].get<long long>());
        seeds.push_back(run["seed"]);
    }
    const std::string metric = first.value("main_metric", "");
    std::fprintf(stderr, "r2p run: %zu repeats (runs %s), %s: mean ± sd [min, max]\n", runs.size(),
                 runList.c_str(), metric.c_str());
    for (const auto& [system, figures] : systems.items())
        if (figures["metrics"].contains(metric)) {
            const auto& m = figures["metrics"][metric];
            std::fprintf(stderr, "  %-12s %.4f ± %.4f [%.4f, %.4f]\n", system.c_str(),
                         m["mean"].get<double>(), m["sd"].get<double>(), m["min"].get<double>(),
                         m["max"].get<double>());
        }
    std::cout << dumpJson(ordered_json{{"repeats", runs.size()},
                                       {"seeds", seeds},
                                       {"main_metric", metric},
                                       {"systems", systems},
                                       {"runs", runs}},
                          2)
              << "\n";
    return worst;
}

int runRun(const std::vector<std::string>& argv) {
    std::optional<std::string> interventions, ks;
    bool resume = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        resume = resume || a == "--resume" || a.rfind("--resume=", 0) == 0;
        if (a == "--max-interventions" && i + 1 < argv.size())
            interventions = argv[i + 1];
        else if (a.rfind("--max-interventions=", 0) == 0)
            interventions = a.substr(a.find('=') + 1);
        else if (a == "--k" && i + 1 < argv.size())
            ks = argv[i + 1];
        else if (a.rfind("--k=", 0) == 0)
            ks = a.substr(a.find('=') + 1);
    }
    const bool rpiSweep = interventions && interventions->find(',') != std::string::npos;
    const bool kSweep = ks && ks->find(',') != std::string::npos;
    if (const std::string repeats = argValue(argv, "repeats"); !repeats.empty()) {
        long long n = 0;
        if (!parseInt(repeats, n) || n < 1 || n > 100)
            return fail("run", "--repeats takes a number from 1 to 100", kExitUsage);
        if (resume)
            return fail("run", "--resume continues one run: resume each repeat by its run id",
                        kExitUsage);
        if (rpiSweep || kSweep)
            return fail("run",
                        "--repeats repeats one run: not with a list for --k or "
                        "--max-interventions",
                        kExitUsage);
        return runRepeats(argv, static_cast<int>(n));
    }
    if (!rpiSweep && !kSweep)
        return runOnce(argv, nullptr);
    if (resume)
        return fail("run", "--resume continues one run: give one --k and one --max-interventions",
                    kExitUsage);
    if (rpiSweep && kSweep)
        return fail("run", "one sweep at a time: a list for --k or for --max-interventions",
                    kExitUsage);
    return kSweep ? runRetrievalSweep(argv, *ks) : runRpiSweep(argv, *interventions);
}

const Registrar registrar{
    {"run",
     "--project P.r2p (--resume RUN | --questions Q [--outputs O] [--task LaMP-N] --systems "
     "r2p,lamp-rag,lrm-rag,no-profile,tagpr,r2p-no-hrt,r2p-no-rpi,r2p-no-cr [--backend "
     "offline|openai|replay|batch] [--base-url URL "
     "--model M] "
     "[--endpoint URL[,max=N][,weight=W][,models=A|B] ...] "
     "[--users all|N|id,id | --user ID ...] [--k K|K,K,...] [--repeats N] [--candidates M] "
     "[--seed S] [--ranker bm25|recency|random] "
     "[--variation temperature|retrieval] [--max-interventions N|N,N,...] [--shadow] "
     "[--mode auto|prefill|chat] "
     "[--chat-template ID] [--template FILE|ID@VERSION|HASH] [--preset "
     "vllm|sglang|llama.cpp|ollama|hosted] "
     "[--candidate-mode independent|answer-only] [--final select|combine] "
     "[--judge-model M] [--judge-temperature T] [--judge-top-p P] [--judge-max-tokens N] "
     "[--baseline-reasoning-tokens N] [--main-metric rouge-1|rouge-L] "
     "[--sampling SYSTEM:temperature=T,top_p=P,max_tokens=N,model=M ...] "
     "[--temperature T|SYSTEM=T,...] [--top-p P|SYSTEM=P,...] [--max-tokens N|SYSTEM=N,...] "
     "[--system-model SYSTEM=MODEL,...]) [--concurrency C] "
     "[--api-key-env NAME] [--replay-speed F] [--cache-scope endpoint|shared] [--timeout-s S] "
     "[--idle-timeout-s S] [--max-reply-mb MB] [--quiet]",
     "Run R2P and baselines over users into the project file; progress on stderr, the JSON "
     "summary (metrics with intervals, R2P's deltas, format adherence, verdicts) on stdout. "
     "--shadow also runs each R2P user with interventions off (same seed) as r2p-no-rpi and "
     "reports what RPI changed per user and overall. The ablations r2p-no-hrt (free reasoning "
     "in place of the template, candidates cross-referenced), r2p-no-rpi (interventions off) and "
     "r2p-no-cr (one candidate, no cross-reference) are systems like the baselines, compared to "
     "r2p on the same users and retrieval. --max-interventions 0,1,2 makes one run "
     "per value and prints the RPI effect table; --k 0,1,2,4 makes one run per k (a retrieval "
     "sweep of stored runs, each with its answers and intervals) and prints each system's "
     "metric per k; --repeats N makes N runs with seeds S, S+1, ... and prints each metric's mean, "
     "spread and per-repeat intervals. --users N is always a count (the first N users), even "
     "when a user's id is N; users are named by id with --users id,id (one id: --users ID,) or "
     "--user ID (repeatable). Token budgets are counted with the server's "
     "/tokenize where it has one (vLLM, SGLang, llama.cpp), else estimated (characters / 4).",
     &runRun}};

} // namespace
} // namespace r2p::cli
