// Compare benchmark: `r2p compare` on two stored runs of 20,000 users with 4 systems each, in a
// real project file written through the RunStore API. Times the whole comparison in process
// (read both runs, pair, metrics, 4 paired tests, Holm, a 10,000-resample bootstrap, JSON) for
// a generation task (LaMP-4, ROUGE-1, Wilcoxon) and a classification task (LaMP-2, accuracy,
// exact McNemar), and the CLI end to end as a child process. Best of --repeats (the machine
// may be shared). Target: <= 2 s.
//
//   bench_compare [--users 20000] [--resamples 10000] [--repeats 3] [--keep] [--smoke]
#include "BenchSupport.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/analysis/RunComparison.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <sys/resource.h>
#include <tuple>
#include <unistd.h>
#include <vector>

using namespace r2p;

namespace {

const SystemId kSystems[] = {SystemId::R2P, SystemId::NoProfile, SystemId::LampRag,
                             SystemId::LrmRag};

// A finished run of `users` users and the four systems, with scores drawn from `seed`.
std::int64_t writeRun(RunStore& runs, TaskId task, std::size_t users, std::uint32_t seed) {
    RunInfo info;
    info.task = task;
    info.questionsPath = "/bench/" + std::string(taskSpec(task).name) + "/dev_questions.json";
    info.systems.assign(std::begin(kSystems), std::end(kSystems));
    info.backend = "offline";
    info.model = "bench";
    for (std::size_t u = 0; u < users; ++u)
        info.users.push_back("u" + std::to_string(100000 + u));
    const auto id = runs.createRun(info);
    if (!id) {
        std::fprintf(stderr, "%s\n", id.error().message.c_str());
        std::exit(1);
    }
    std::mt19937 gen(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    const auto& labels = taskSpec(task).labels;
    std::vector<UserTrace> batch;
    for (std::size_t u = 0; u < users; ++u) {
        for (std::size_t s = 0; s < std::size(kSystems); ++s) {
            UserTrace t;
            t.userId = info.users[u];
            t.system = kSystems[s];
            t.status = UserStatus::Done;
            if (task == TaskId::LaMP4) {
                t.gold = "a headline about item " + std::to_string(u);
                t.prediction = "a predicted headline " + std::to_string(gen() % 1000);
                // ROUGE-like: three decimals (ties, zeros), better for lower-numbered systems.
                auto r = [&] {
                    return std::round(unit(gen) * (1.0 - 0.1 * s) * 1000) / 1000;
                };
                t.scores = {
                    {"rouge-1", r()}, {"rouge-2", r()}, {"rouge-L", r()}, {"rouge-Lsum", r()}};
            } else {
                const std::string gold(labels[u % labels.size()]);
                const bool right = unit(gen) < 0.6 - 0.05 * static_cast<double>(s);
                t.gold = gold;
                t.prediction = right ? gold : std::string(labels[(u + 1) % labels.size()]);
                t.scores = {{"accuracy", right ? 1.0 : 0.0}};
            }
            batch.push_back(std::move(t));
        }
        if (batch.size() >= 8000 || u + 1 == users) {
            if (auto saved = runs.saveUserTraces(*id, batch); !saved) {
                std::fprintf(stderr, "%s\n", saved.error().message.c_str());
                std::exit(1);
            }
            batch.clear();
        }
    }
    (void)runs.setRunStatus(*id, RunStatus::Done);
    return *id;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t users = 20000, resamples = 10000;
    int repeats = 3;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--smoke") {
            users = 300;
            resamples = 200;
            repeats = 1;
        } else if (a == "--users" && i + 1 < argc) {
            users = std::stoul(argv[++i]);
        } else if (a == "--resamples" && i + 1 < argc) {
            resamples = std::stoul(argv[++i]);
        } else if (a == "--keep") {
            keep = true;
        } else if (a == "--repeats" && i + 1 < argc) {
            repeats = std::stoi(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: bench_compare [--users N] [--resamples N] [--repeats N] "
                                 "[--smoke]\n");
            return 2;
        }
    }
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("r2p-bench-compare-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "bench.r2p").string();
    std::printf("bench_compare: two runs x %zu users x 4 systems per task, %zu resamples, best "
                "of %d\n",
                users, resamples, repeats);
    int status = 0;
    {
        auto store = ProjectStore::open(path);
        if (!store) {
            std::fprintf(stderr, "%s\n", store.error().message.c_str());
            return 1;
        }
        RunStore runs(**store);
        const double t0 = bench::nowSeconds();
        const auto gen1 = writeRun(runs, TaskId::LaMP4, users, 1);
        const auto gen2 = writeRun(runs, TaskId::LaMP4, users, 2);
        const auto cls1 = writeRun(runs, TaskId::LaMP2, users, 3);
        const auto cls2 = writeRun(runs, TaskId::LaMP2, users, 4);
        std::printf("  writing the 4 runs (setup, not timed below): %.1f s\n",
                    bench::nowSeconds() - t0);

        for (const auto& [name, a, b] : {std::tuple{"LaMP-4 rouge-1, Wilcoxon", gen1, gen2},
                                         std::tuple{"LaMP-2 accuracy, McNemar", cls1, cls2}}) {
            analysis::CompareRequest request;
            request.runs = {a, b};
            request.bootstrap.resamples = resamples;
            double best = 1e9, bestCpu = 1e9;
            std::size_t bytes = 0, compared = 0;
            for (int r = 0; r < repeats; ++r) {
                const double s = bench::nowSeconds();
                const std::clock_t c0 = std::clock();
                bool badInput = false;
                auto result = analysis::compareRuns(**store, request, badInput);
                if (!result) {
                    std::fprintf(stderr, "%s\n", result.error().message.c_str());
                    return 1;
                }
                bytes = analysis::comparisonJson(*result).size();
                best = std::min(best, bench::nowSeconds() - s);
                bestCpu =
                    std::min(bestCpu, static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
                compared = result->comparisons.size();
                for (const auto& c : result->comparisons)
                    if (c.n != users)
                        status = 1;
            }
            double readCpu = 1e9;
            for (int r = 0; r < repeats; ++r) {
                const std::clock_t c0 = std::clock();
                // What compareRuns reads: the metric's score, or the texts for classification.
                const bool generation = a == gen1;
                for (auto run : {a, b})
                    if (!runs.outcomeScores(run, generation ? "rouge-1" : "", !generation))
                        status = 1;
                readCpu =
                    std::min(readCpu, static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
            }
            std::printf("  %s: %zu comparisons of %zu paired users, %.3f s wall, %.3f s CPU "
                        "(JSON %zu bytes)\n",
                        name, compared, users, best, bestCpu, bytes);
            std::printf("    of which reading both runs' outcomes from the project: %.3f s CPU\n",
                        readCpu);
        }
    }
    {
        // The bootstrap alone: 4 deltas of means over the same users, one pass.
        std::mt19937 gen(9);
        std::vector<std::vector<double>> columns(8, std::vector<double>(users));
        for (auto& c : columns)
            for (auto& v : c)
                v = static_cast<double>(gen() % 1000) / 1000;
        std::vector<metrics::PairedStatistic> deltas;
        for (std::size_t s = 0; s < 4; ++s)
            deltas.push_back({metrics::PairedStatistic::Kind::Mean,
                              columns[2 * s],
                              columns[2 * s + 1],
                              {},
                              {},
                              {},
                              0});
        double best = 1e9, bestCpu = 1e9;
        for (int r = 0; r < repeats; ++r) {
            const double s = bench::nowSeconds();
            const std::clock_t c0 = std::clock();
            const auto intervals =
                metrics::pairedDeltaIntervals(users, deltas, {resamples, 1, 0.95});
            if (intervals.size() != 4)
                status = 1;
            best = std::min(best, bench::nowSeconds() - s);
            bestCpu = std::min(bestCpu, static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
        }
        std::printf("  the bootstrap alone (4 deltas, %zu users, %zu resamples): %.3f s wall, "
                    "%.3f s CPU\n",
                    users, resamples, best, bestCpu);
    }
    // The CLI end to end: process start, opening the project, the comparison, printing.
    // CPU of the child from the rusage of waited-for children (the machine may be shared, so
    // CPU says more than wall time).
    auto childCpu = [] {
        rusage u{};
        ::getrusage(RUSAGE_CHILDREN, &u);
        return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
               static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    };
    double bestCli = 1e9, bestCliCpu = 1e9;
    for (int r = 0; r < repeats; ++r) {
        const double cpu0 = childCpu();
        const auto run = bench::runR2p({"compare", "--project", path, "--runs", "1,2",
                                        "--resamples", std::to_string(resamples)});
        if (run.exitCode != 0) {
            std::fprintf(stderr, "r2p compare exited with %d\n", run.exitCode);
            status = 1;
        }
        bestCli = std::min(bestCli, run.seconds);
        bestCliCpu = std::min(bestCliCpu, childCpu() - cpu0);
    }
    std::printf("  r2p compare (CLI, LaMP-4): %.3f s wall, %.3f s CPU\n", bestCli, bestCliCpu);
    std::error_code ec;
    if (keep)
        std::printf("  kept %s (runs 1-2 LaMP-4, 3-4 LaMP-2)\n", path.c_str());
    else
        std::filesystem::remove_all(dir, ec);
    return status;
}
