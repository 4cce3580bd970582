// The R2P engine at batch scale, on demo-sized users (the bundled demo users repeated under new
// ids). Targets (issue 5):
//   1. R2P + no-profile + lamp-rag + lrm-rag with the offline backend on 1,000 users: <= 15 s
//   2. a fully cached re-run of the same batch (replay backend): >= 500 users/s
//   3. engine overhead per stage with the HTTP backend: <= 1 ms (wall time outside backend
//      requests, per stage, one user at a time against the loopback test server)
//
//   bench_engine [--users 1000] [--task LaMP-3] [--concurrency 4] [--smoke]
#include "BenchSupport.h"
#include "model/ProjectStore.h"
#include "model/ResponseCache.h"
#include "model/RunStore.h"
#include "pipeline/engine/Batch.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "pipeline/llm/TokenCounter.h"
#include "support/ModelScripts.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>

using namespace r2p;
namespace fs = std::filesystem;

namespace {

// Times every request from submit to done, so the engine's own time can be told apart.
class TimingBackend : public llm::Backend {
public:
    explicit TimingBackend(std::shared_ptr<llm::Backend> inner) : inner_(std::move(inner)) {}
    std::string name() const override { return inner_->name(); }
    llm::RequestId submit(llm::GenerationRequest request, llm::DeltaHandler onDelta,
                          llm::DoneHandler onDone) override {
        const auto start = std::chrono::steady_clock::now();
        ++requests_;
        return inner_->submit(std::move(request), std::move(onDelta),
                              [this, start, onDone](llm::GenerationOutcome&& o) {
                                  const auto ns =
                                      std::chrono::duration_cast<std::chrono::nanoseconds>(
                                          std::chrono::steady_clock::now() - start)
                                          .count();
                                  busyNs_ += ns;
                                  onDone(std::move(o));
                              });
    }
    void cancel(llm::RequestId id) override { inner_->cancel(id); }
    void cancelAll() override { inner_->cancelAll(); }
    double busySeconds() const { return double(busyNs_.load()) / 1e9; }
    std::uint64_t requests() const { return requests_; }

private:
    std::shared_ptr<llm::Backend> inner_;
    std::atomic<std::int64_t> busyNs_{0};
    std::atomic<std::uint64_t> requests_{0};
};

// The demo split of `task` with its users repeated (under new ids, each input made unique)
// until there are `count`.
void writeDataset(TaskId task, std::size_t count, const fs::path& dir) {
    const fs::path demo =
        fs::path(R2P_SOURCE_DIR) / "resources/demo" / std::string(taskSpec(task).name);
    auto questions = nlohmann::ordered_json::parse(std::ifstream(demo / "dev_questions.json"));
    auto outputs = nlohmann::ordered_json::parse(std::ifstream(demo / "dev_outputs.json"));
    nlohmann::ordered_json q = nlohmann::ordered_json::array();
    nlohmann::ordered_json golds = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < count; ++i) {
        auto record = questions[i % questions.size()];
        auto gold = outputs["golds"][i % questions.size()];
        const std::string id = record["id"].get<std::string>() + "-" + std::to_string(i);
        record["id"] = id;
        // Every user's prompts differ, so the cold run really asks the server every time.
        record["input"] = record["input"].get<std::string>() + " (" + std::to_string(i) + ")";
        gold["id"] = id;
        q.push_back(record);
        golds.push_back(gold);
    }
    std::ofstream(dir / "dev_questions.json") << q.dump();
    std::ofstream(dir / "dev_outputs.json")
        << nlohmann::ordered_json{{"task", outputs["task"]}, {"golds", golds}}.dump();
}

// An answer in the task's format, so the scripted model never triggers an intervention.
std::string answerFor(TaskId task) {
    const auto& spec = taskSpec(task);
    if (!spec.labels.empty())
        return std::string(spec.labels.front());
    return "A short answer in the user's style";
}

struct BatchTiming {
    double seconds = 0;
    std::size_t done = 0, failed = 0, stages = 0;
};

BatchTiming runBatch(ProjectStore& store, const DatasetIndex& index, TaskId task,
                     std::shared_ptr<llm::Backend> backend, bool offline, int concurrency,
                     const std::string& backendName,
                     std::shared_ptr<llm::TokenCounter> counter = nullptr) {
    RunStore runs(store);
    engine::EngineConfig config;
    config.model = offline ? "offline" : "r2p-test-model";
    config.mode = engine::PromptMode::Chat;
    auto ctx = engine::EngineContext::make(task, config, backend, nullptr, offline, counter);
    if (!ctx) {
        std::fprintf(stderr, "engine: %s\n", ctx.error().message.c_str());
        std::exit(1);
    }
    RunInfo info;
    info.task = task;
    info.systems = {SystemId::R2P, SystemId::NoProfile, SystemId::LampRag, SystemId::LrmRag};
    info.backend = backendName;
    info.status = RunStatus::Running;
    for (const auto& u : index.users)
        info.users.push_back(u.id);
    auto runId = runs.createRun(info);
    if (!runId) {
        std::fprintf(stderr, "store: %s\n", runId.error().message.c_str());
        std::exit(1);
    }
    engine::BatchRunner runner(*ctx, runs, *runId, index);
    engine::BatchSpec spec;
    spec.systems = info.systems;
    for (std::size_t i = 0; i < index.users.size(); ++i)
        spec.users.push_back(i);
    spec.concurrency = concurrency;
    const double t0 = bench::nowSeconds();
    auto result = runner.run(spec);
    BatchTiming t;
    t.seconds = bench::nowSeconds() - t0;
    if (!result) {
        std::fprintf(stderr, "batch: %s\n", result.error().message.c_str());
        std::exit(1);
    }
    t.done = result->done;
    t.failed = result->failed;
    for (const auto& e : result->errors)
        std::fprintf(stderr, "  failure: %s\n", e.c_str());
    // Stages actually run: steps stored for the run.
    auto outcomes = runs.outcomes(*runId);
    if (outcomes)
        for (const auto& o : *outcomes) {
            auto trace = runs.userTrace(*runId, o.userId, o.system);
            if (trace)
                t.stages += trace->steps.size();
        }
    return t;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t users = 1000;
    int concurrency = 4; // r2p run's default
    TaskId task = TaskId::LaMP3;
    bool smoke = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--smoke")
            smoke = true;
        else if (a == "--users" && i + 1 < argc)
            users = std::stoul(argv[++i]);
        else if (a == "--concurrency" && i + 1 < argc)
            concurrency = std::stoi(argv[++i]);
        else if (a == "--task" && i + 1 < argc)
            task = parseTaskName(argv[++i]).value_or(TaskId::LaMP3);
    }
    if (smoke)
        users = 20;
    const fs::path dir =
        fs::temp_directory_path() / ("r2p-bench-engine-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    writeDataset(task, users, dir);
    const std::string questions = (dir / "dev_questions.json").string();
    const std::string outputs = (dir / "dev_outputs.json").string();
    int failures = 0;
    {
        auto store = ProjectStore::open((dir / "bench.r2p").string());
        if (!store) {
            std::fprintf(stderr, "%s\n", store.error().message.c_str());
            return 1;
        }
        auto dataset = openDataset(**store, questions, outputs);
        if (!dataset) {
            std::fprintf(stderr, "%s\n", dataset.error().message.c_str());
            return 1;
        }
        const auto& index = dataset->index;
        std::printf("bench_engine: %s, %zu users (demo profiles), 4 systems, concurrency %d\n",
                    std::string(taskSpec(task).name).c_str(), index.users.size(), concurrency);

        // 1. Offline.
        auto offline = std::make_shared<engine::OfflineBackend>();
        const auto off = runBatch(**store, index, task, offline, true, concurrency, "offline");
        std::printf("  offline batch:     %7.2f s  (%zu users, %zu failed, %zu stages; target "
                    "<= 15 s for 1,000 users)\n",
                    off.seconds, off.done, off.failed, off.stages);
        failures += off.failed > 0;

        // 2. HTTP against the in-process test server, cache cold; one user at a time to
        //    measure the engine's own time per stage.
        test::OpenAiTestServer server;
        test::scriptCompliantModel(server, *engine::builtinHrtTemplate(task), answerFor(task));
        llm::EndpointConfig endpoint;
        endpoint.baseUrl = server.baseUrl();
        auto http = std::make_shared<llm::OpenAiBackend>(endpoint);
        auto cached = std::make_shared<llm::CachingBackend>(http, ResponseCache(**store), "openai",
                                                            llm::CacheMode::ReadWrite);
        auto timed = std::make_shared<TimingBackend>(cached);
        // Budgets counted with the server's /tokenize, as r2p run does (its time is overhead).
        auto counter = std::make_shared<llm::ServerTokenCounter>(endpoint, "r2p-test-model",
                                                                 ResponseCache(**store), true);
        const auto cold = runBatch(**store, index, task, timed, false, 1, "openai", counter);
        const double outside = cold.seconds - timed->busySeconds();
        std::printf("  HTTP batch (cold): %7.2f s  (%llu requests, %.2f s in requests, %zu "
                    "stages)\n",
                    cold.seconds, static_cast<unsigned long long>(timed->requests()),
                    timed->busySeconds(), cold.stages);
        std::printf("  engine overhead:   %7.3f ms per stage (target <= 1 ms; everything "
                    "outside the backend: records, retrieval, prompts, checks, storage)\n",
                    cold.stages ? outside * 1000.0 / double(cold.stages) : 0.0);
        const auto tc = counter->stats();
        std::printf(
            "  token counts:      %llu lookups, %llu from memory, %llu kept in the "
            "project, %llu /tokenize requests: hit rate %.1f%%\n",
            static_cast<unsigned long long>(tc.lookups), static_cast<unsigned long long>(tc.hits),
            static_cast<unsigned long long>(tc.kept), static_cast<unsigned long long>(tc.requests),
            tc.lookups ? 100.0 * double(tc.hits + tc.kept) / double(tc.lookups) : 0.0);
        failures += cold.failed > 0;

        // 3. The same batch again from the cache only.
        auto replay = std::make_shared<llm::CachingBackend>(nullptr, ResponseCache(**store),
                                                            "openai", llm::CacheMode::ReplayOnly);
        const auto warm = runBatch(**store, index, task, replay, false, concurrency, "replay");
        std::printf("  cached re-run:     %7.2f s  = %.0f users/s (target >= 500 users/s; %zu "
                    "failed; server saw %zu requests in total)\n",
                    warm.seconds, double(warm.done) / warm.seconds, warm.failed,
                    server.requestCount());
        failures += warm.failed > 0;
    }
    fs::remove_all(dir);
    return failures == 0 ? 0 : 1;
}
