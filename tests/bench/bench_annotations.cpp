// Annotation benchmark: what labelling costs the GUI thread, which commits every label before it
// returns. A project with an offline R2P run over the LaMP-2 demo gets N labels, one commit each
// (median, 99th percentile and worst); then the reads the Annotations dock and the Users view
// make per selection or change, and the agreement of two annotators over all of them.
//
//   bench_annotations [--labels 5000] [--smoke]
#include "BenchSupport.h"
#include "model/Annotation.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/engine/Batch.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/metrics/Agreement.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

using namespace r2p;

namespace {

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

} // namespace

int main(int argc, char** argv) {
    int labels = 5000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--smoke")
            labels = 200;
        else if (a == "--labels" && i + 1 < argc)
            labels = std::stoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_annotations [--labels N] [--smoke]\n");
            return 2;
        }
    }
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("r2p-bench-annotations-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string demo = std::string(R2P_SOURCE_DIR) + "/resources/demo/LaMP-2/";
    auto store = ProjectStore::open((dir / "bench.r2p").string());
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    auto dataset = openDataset(**store, demo + "dev_questions.json", demo + "dev_outputs.json");
    if (!dataset) {
        std::fprintf(stderr, "%s\n", dataset.error().message.c_str());
        return 1;
    }
    RunStore runs(**store);
    RunInfo info;
    info.task = dataset->index.task;
    info.questionsPath = dataset->index.questions.path;
    info.systems = {SystemId::R2P};
    info.backend = "offline";
    for (const auto& u : dataset->index.users)
        info.users.push_back(u.id);
    const auto runId = runs.createRun(info);
    auto ctx = engine::EngineContext::make(
        info.task, {}, std::make_shared<engine::OfflineBackend>(), nullptr, true);
    engine::BatchRunner batch(*ctx, runs, *runId, dataset->index);
    engine::BatchSpec spec;
    spec.systems = info.systems;
    for (std::size_t i = 0; i < dataset->index.users.size(); ++i)
        spec.users.push_back(i);
    if (!batch.run(spec)) {
        std::fprintf(stderr, "the batch failed\n");
        return 1;
    }

    AnnotationStore notes(**store);
    const Taxonomy& taxonomy = builtinTaxonomy();
    const StageId stages[] = {StageId::TaskAnalysis, StageId::ProfileSynthesis, StageId::AnswerPlan,
                              StageId::Answer};
    std::vector<double> addMs;
    addMs.reserve(static_cast<std::size_t>(labels));
    for (int i = 0; i < labels; ++i) {
        Annotation a;
        a.runId = *runId;
        a.userId = info.users[static_cast<std::size_t>(i) % info.users.size()];
        a.target = AnnotationTarget::Stage;
        a.stage = stages[i % 4];
        a.label = taxonomy.labels[static_cast<std::size_t>(i * 7 / 3) % taxonomy.labels.size()].id;
        a.annotator = i % 2 ? "ada" : "grace";
        a.note = "bench label " + std::to_string(i);
        const auto t0 = std::chrono::steady_clock::now();
        if (auto added = notes.add(a, taxonomy); !added) {
            std::fprintf(stderr, "%s\n", added.error().message.c_str());
            return 1;
        }
        addMs.push_back(msSince(t0));
    }
    std::printf("bench_annotations: %d labels on a run of %zu LaMP-2 users\n", labels,
                info.users.size());
    std::printf("  commit one label (GUI thread): median %.3f ms, p99 %.3f ms, max %.3f ms\n",
                percentile(addMs, 0.5), percentile(addMs, 0.99),
                *std::max_element(addMs.begin(), addMs.end()));

    auto time = [](auto&& f, int reps) {
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < reps; ++i)
            f();
        return msSince(t0) / reps;
    };
    const std::string user = info.users.front();
    std::printf("  one user's annotations (the dock, per selection): %.3f ms\n",
                time([&] { (void)notes.ofUser(*runId, user); }, 50));
    std::printf("  annotations on other runs of that user: %.3f ms\n",
                time([&] { (void)notes.onOtherRuns(*runId, user); }, 50));
    std::printf("  the run's label counts (Users view, after each label): %.3f ms\n",
                time([&] { (void)notes.labelCounts(*runId); }, 10));
    std::printf("  users annotated on other runs (Users view, after each label): %.3f ms\n",
                time([&] { (void)notes.usersAnnotatedOnOtherRuns(*runId); }, 10));
    std::printf("  all of the run's annotations (slices, report): %.3f ms\n",
                time([&] { (void)notes.ofRun(*runId); }, 10));
    auto all = notes.ofRun(*runId);
    const auto ids = metrics::labelIds(taxonomy);
    std::printf("  Cohen's kappa of two annotators over them: %.3f ms\n",
                time([&] { (void)metrics::computeAgreement(*all, ids); }, 10));
    store->reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}
