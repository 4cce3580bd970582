// The Metrics view's numbers in steps, in this process: a stored run's users read, the verdicts
// counted, the summary without resamples (what the window shows first) and, with --intervals,
// the full summary with its bootstrap intervals. Each step's wall and CPU time (this thread).
//
//   bench_summary --project P [--run ID] [--intervals] [--repeats N]
//   bench_summary --smoke        (an offline run of 40 users made first)
#include "BenchSupport.h"
#include "Lamp4Generator.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/engine/RunService.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace r2p;

namespace {

double threadCpuSeconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Timed {
    double wall = 1e30, cpu = 1e30;
};

// Best of `repeats` of `step` (returns false on failure).
template <typename Step> bool best(int repeats, Timed& t, Step&& step) {
    for (int r = 0; r < repeats; ++r) {
        const double w0 = bench::nowSeconds(), c0 = threadCpuSeconds();
        if (!step())
            return false;
        t.wall = std::min(t.wall, bench::nowSeconds() - w0);
        t.cpu = std::min(t.cpu, threadCpuSeconds() - c0);
    }
    return true;
}

void print(const char* what, const Timed& t) {
    std::printf("  %s: %.0f ms wall, %.0f ms CPU [%s]\n", what, t.wall * 1e3, t.cpu * 1e3,
                bench::loadNow().c_str());
}

// A 40-user offline run with golds in a fresh directory, for --smoke; the project's path.
std::string makeSmokeProject(const std::filesystem::path& dir) {
    const std::string questions = (dir / "dev_questions.json").string();
    const std::string outputs = (dir / "dev_outputs.json").string();
    const std::string project = (dir / "summary.r2p").string();
    const auto data = bench::writeLamp4Users(questions, 40, 11, 5, 25);
    bench::writeLamp4Outputs(outputs, data.users, 13);
    const auto run =
        bench::runR2p({"run", "--project", project, "--questions", questions, "--outputs", outputs,
                       "--task", "LaMP-4", "--systems", "r2p,lamp-rag,lrm-rag,no-profile",
                       "--backend", "offline", "--users", "40", "--concurrency", "2", "--quiet"});
    return run.exitCode == 0 ? project : std::string();
}

} // namespace

int main(int argc, char** argv) {
    std::string project;
    std::int64_t runId = 0;
    bool intervals = false, smoke = false, pack = false;
    int repeats = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--smoke") {
            smoke = true;
            intervals = true;
            repeats = 1;
        } else if (a == "--project" && i + 1 < argc) {
            project = argv[++i];
        } else if (a == "--run" && i + 1 < argc) {
            runId = std::stoll(argv[++i]);
        } else if (a == "--intervals") {
            intervals = true;
        } else if (a == "--pack") {
            pack = true;
        } else if (a == "--repeats" && i + 1 < argc) {
            repeats = std::max(1, std::stoi(argv[++i]));
        } else {
            std::fprintf(stderr,
                         "usage: bench_summary --project P [--run ID] [--intervals] [--pack] "
                         "[--repeats N]\n       bench_summary --smoke\n"
                         "  --pack: pack the run's outcomes first (RunStore::keepOutcomes; "
                         "this writes to P) and time it\n");
            return 2;
        }
    }
    const auto dir = std::filesystem::temp_directory_path() /
                     ("r2p-bench-summary-" + std::to_string(::getpid()));
    if (smoke) {
        std::filesystem::create_directories(dir);
        project = makeSmokeProject(dir);
        if (project.empty()) {
            std::fprintf(stderr, "bench_summary: the smoke run failed\n");
            return 1;
        }
    }
    if (project.empty()) {
        std::fprintf(stderr, "bench_summary: --project is required\n");
        return 2;
    }
    // --smoke packs its own project, so the smoke run covers both reads.
    pack = pack || smoke;
    auto store = ProjectStore::open(project, pack ? ProjectStore::OpenMode::Existing
                                                  : ProjectStore::OpenMode::ReadOnly);
    if (!store) {
        std::fprintf(stderr, "bench_summary: %s\n", store.error().message.c_str());
        return 1;
    }
    RunStore runs(**store);
    if (runId == 0)
        if (auto all = runs.runs(); all && !all->empty())
            runId = all->back().id;
    auto info = runs.run(runId);
    if (!info) {
        std::fprintf(stderr, "bench_summary: %s\n", info.error().message.c_str());
        return 1;
    }
    info->id = runId;
    std::printf("bench_summary: run %lld of %s, %zu users x %zu systems [%s]\n",
                static_cast<long long>(runId), project.c_str(), info->users.size(),
                info->systems.size(), bench::loadNow().c_str());
    Timed header;
    best(repeats, header, [&] { return runs.run(runId).ok(); });
    print("read the run's record (RunStore::run, on the GUI thread when a run is picked)", header);
    std::vector<UserOutcome> outcomes;
    engine::VerdictCounts verdicts;
    Timed read, count, numbers, full;
    auto fail = [](const std::string& why) {
        std::fprintf(stderr, "bench_summary: %s\n", why.c_str());
        return 1;
    };
    if (pack) {
        Timed packing;
        if (!best(repeats, packing, [&] { return runs.keepOutcomes(runId).ok(); }))
            return fail("cannot pack the run's outcomes");
        print("pack the users' outcomes (RunStore::keepOutcomes, once per finished run)", packing);
    }
    if (!best(repeats, read, [&] {
            auto o = runs.outcomes(runId);
            if (o)
                outcomes = std::move(*o);
            return o.ok();
        }))
        return fail("cannot read the run's users");
    print(runs.keepsOutcomes(runId)
              ? "read the users (RunStore::outcomes, from the packed outcomes)"
              : "read the users (RunStore::outcomes, from the rows)",
          read);
    if (!best(repeats, count, [&] {
            auto c = runs.verdictCounts(runId);
            if (!c)
                return false;
            verdicts.clear();
            for (const auto& [system, byVerdict] : *c)
                verdicts[system] = byVerdict;
            return true;
        }))
        return fail("cannot count the verdicts");
    print("count the verdicts (RunStore::verdictCounts)", count);
    std::size_t deltas = 0;
    if (!best(repeats, numbers, [&] {
            auto s = engine::RunService::summarizeNumbers(*info, outcomes, verdicts);
            deltas = s ? s->deltas.size() : 0;
            return s.ok();
        }))
        return fail("the summary without resamples failed");
    print("the numbers (RunService::summarizeNumbers)", numbers);
    std::printf("  numbers in all (count + summary): %.0f ms wall; %zu deltas\n",
                (count.wall + numbers.wall) * 1e3, deltas);
    if (smoke && deltas == 0)
        return fail("the smoke run has no deltas: nothing was scored");
    if (intervals) {
        if (!best(1, full,
                  [&] { return engine::RunService::summarize(*info, outcomes, verdicts).ok(); }))
            return fail("the full summary failed");
        print("with bootstrap intervals (RunService::summarize)", full);
    }
    if (smoke)
        std::filesystem::remove_all(dir);
    return 0;
}
