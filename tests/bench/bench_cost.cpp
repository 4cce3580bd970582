// Cost and reasoning-length benchmark: an offline run over a generated LaMP-4-shaped dataset
// with R2P and three baselines (every step stored), then `r2p cost` and `r2p compare --by
// reasoning-length` on it as child processes, best of --repeats. The cost reads the run's usage
// as the project keeps it summed (run_usage, schema 16; steps with the server's figures one by
// one, none offline); the comparison reads every stored step's usage or every user's outcome.
//
//   bench_cost [--users 2000] [--repeats 3] [--keep] [--smoke]
#include "BenchSupport.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace r2p;

int main(int argc, char** argv) {
    std::size_t users = 2000;
    int repeats = 3;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--smoke") {
            users = 40;
            repeats = 1;
        } else if (a == "--users" && i + 1 < argc) {
            users = std::stoul(argv[++i]);
        } else if (a == "--repeats" && i + 1 < argc) {
            repeats = std::max(1, std::stoi(argv[++i]));
        } else if (a == "--keep") {
            keep = true;
        }
    }
    const auto dir =
        std::filesystem::temp_directory_path() / ("r2p-bench-cost-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string questions = (dir / "dev_questions.json").string();
    const std::string project = (dir / "cost.r2p").string();
    // About 83 KB per user at the generator's sizes (20-400 profile items each).
    bench::writeLamp4Questions(questions, static_cast<std::uint64_t>(users) * 90000, 7);
    const auto run =
        bench::runR2p({"run", "--project", project, "--questions", questions, "--task", "LaMP-4",
                       "--systems", "r2p,lamp-rag,lrm-rag,no-profile", "--backend", "offline",
                       "--users", std::to_string(users), "--concurrency", "2", "--quiet"});
    if (run.exitCode != 0) {
        std::fprintf(stderr, "bench_cost: the run failed (exit %d)\n", run.exitCode);
        return 1;
    }
    std::printf("bench_cost: an offline run of %zu users x 4 systems stored in %.1f s\n", users,
                run.seconds);
    auto best = [&](const std::vector<std::string>& args) {
        bench::ChildRun b;
        b.seconds = 1e30;
        for (int r = 0; r < repeats; ++r) {
            const auto c = bench::runR2p(args);
            if (c.exitCode != 0) {
                std::fprintf(stderr, "bench_cost: r2p %s failed (exit %d)\n", args[0].c_str(),
                             c.exitCode);
                std::exit(1);
            }
            if (c.seconds < b.seconds)
                b = c;
        }
        return b;
    };
    const auto cost = best({"cost", "--project", project, "--run", "1"});
    std::printf("  r2p cost (the run's kept usage sums): %.3f s, %.0f MiB peak\n", cost.seconds,
                static_cast<double>(cost.peakRssKiB) / 1024.0);
    const auto length =
        best({"compare", "--project", project, "--runs", "1", "--by", "reasoning-length"});
    std::printf("  r2p compare --by reasoning-length (bins, intervals, level tokens): %.3f s, "
                "%.0f MiB peak\n",
                length.seconds, static_cast<double>(length.peakRssKiB) / 1024.0);
    if (keep)
        std::printf("  kept %s\n", project.c_str());
    else
        std::filesystem::remove_all(dir);
    return 0;
}
