// Study benchmark: the shipped offline example study (docs/studies/lamp-llm-vs-lrm-offline.json:
// LLM and LRM x no profile / RAG / R2P on the six demo tasks, 12 runs) from nothing to its
// Markdown report, as `r2p study run` and `r2p study report` child processes; then `study run`
// again, which finds every cell done. Best of --repeats (each from an empty project).
//
//   bench_study [--repeats 3] [--smoke]
#include "BenchSupport.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace r2p;

int main(int argc, char** argv) {
    int repeats = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--smoke")
            repeats = 1;
        else if (a == "--repeats" && i + 1 < argc)
            repeats = std::max(1, std::stoi(argv[++i]));
    }
    const std::string study =
        std::string(R2P_SOURCE_DIR) + "/docs/studies/lamp-llm-vs-lrm-offline.json";
    const auto dir =
        std::filesystem::temp_directory_path() / ("r2p-bench-study-" + std::to_string(::getpid()));
    double bestRun = 1e30, bestReport = 1e30, bestAgain = 1e30, bestTotal = 1e30;
    std::uint64_t peak = 0;
    for (int r = 0; r < repeats; ++r) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        const std::string project = (dir / "study.r2p").string();
        const auto run = bench::runR2p({"study", "run", study, "--project", project, "--quiet"});
        const auto report = bench::runR2p(
            {"study", "report", study, "--project", project, "--out", (dir / "study.md").string()});
        const auto again = bench::runR2p({"study", "run", study, "--project", project, "--quiet"});
        if (run.exitCode != 0 || report.exitCode != 0 || again.exitCode != 0) {
            std::fprintf(stderr, "bench_study: exit codes %d, %d, %d\n", run.exitCode,
                         report.exitCode, again.exitCode);
            return 1;
        }
        bestRun = std::min(bestRun, run.seconds);
        bestReport = std::min(bestReport, report.seconds);
        bestAgain = std::min(bestAgain, again.seconds);
        bestTotal = std::min(bestTotal, run.seconds + report.seconds);
        peak = std::max({peak, run.peakRssKiB, report.peakRssKiB});
    }
    std::filesystem::remove_all(dir);
    std::printf("bench_study: the offline example study (12 runs), best of %d\n", repeats);
    std::printf("  r2p study run (every cell): %.2f s\n", bestRun);
    std::printf("  r2p study report --format md: %.2f s\n", bestReport);
    std::printf("  end to end: %.2f s (target: under 60 s), %.0f MiB peak\n", bestTotal,
                static_cast<double>(peak) / 1024.0);
    std::printf("  r2p study run again (every cell done before): %.2f s\n", bestAgain);
    return 0;
}
