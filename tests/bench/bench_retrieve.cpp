// Retrieval benchmark: `r2p retrieve` (BM25 over every user's whole profile, LaMP's
// rank_profiles.py output) end to end on a LaMP-4-shaped questions file, as a child process.
// Target: 200 MB in at most 5 s with a warm page cache.
//
//   bench_retrieve [--mb 200] [--path FILE] [--runs 3] [--smoke]
#include "BenchSupport.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace r2p::bench;

int main(int argc, char** argv) {
    double mb = 200;
    int runs = 3;
    bool smoke = false;
    std::string path;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--smoke")
            smoke = true;
        else if (a == "--mb" && i + 1 < argc)
            mb = std::stod(argv[++i]);
        else if (a == "--path" && i + 1 < argc)
            path = argv[++i];
        else if (a == "--runs" && i + 1 < argc)
            runs = std::max(1, std::stoi(argv[++i]));
        else {
            std::fprintf(stderr,
                         "usage: bench_retrieve [--mb N] [--path FILE] [--runs N] [--smoke]\n");
            return 2;
        }
    }
    if (smoke) {
        mb = 2;
        runs = 1;
    }
    const auto dir = std::filesystem::temp_directory_path() /
                     ("r2p-bench-retrieve-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const bool ownFile = path.empty();
    if (ownFile)
        path = (dir / "train_questions.json").string();
    const auto targetBytes = static_cast<std::uint64_t>(mb * 1024 * 1024);

    std::error_code ec;
    const auto existing = std::filesystem::file_size(path, ec);
    double generateSeconds = 0;
    if (ec || existing < targetBytes) {
        const double t0 = nowSeconds();
        writeLamp4Questions(path, targetBytes, 42);
        generateSeconds = nowSeconds() - t0;
    }
    const auto bytes = std::filesystem::file_size(path);
    const std::string out = (dir / "ranking.json").string();

    warmPageCache(path);
    double best = 1e300;
    std::uint64_t peak = 0;
    for (int r = 0; r < runs; ++r) {
        const ChildRun run =
            runR2p({"retrieve", "--task", "LaMP-4", "--questions", path, "--out", out});
        if (run.exitCode != 0) {
            std::fprintf(stderr, "bench_retrieve: r2p retrieve exited with %d\n", run.exitCode);
            std::filesystem::remove_all(dir, ec);
            return 1;
        }
        best = std::min(best, run.seconds);
        peak = std::max(peak, run.peakRssKiB);
    }
    const auto outBytes = std::filesystem::file_size(out);
    const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    std::printf(
        "bench_retrieve: %.1f MiB LaMP-4 questions (generated in %.1f s), ranking %.1f MiB: "
        "best of %d %.2f s = %.0f MiB/s, child peak RSS %.1f MiB; target 200 MiB <= 5 s "
        "(%.2f s per 200 MiB)\n",
        mib, generateSeconds, static_cast<double>(outBytes) / (1024.0 * 1024.0), runs, best,
        mib / best, static_cast<double>(peak) / 1024.0, best * 200.0 / mib);
    // The generated input (if any) and the output live in our own temp dir.
    std::filesystem::remove_all(dir, ec);
    return 0;
}
