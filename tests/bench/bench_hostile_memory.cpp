// Memory under hostile input (issue 13, case 2): peak RSS of `r2p run` (offline backend) on a
// questions file where one user's input is a single 50 MB string, and the size of the project
// it leaves. Before the record and field caps this run took 1.25 GB and stored 630 MB.
// Target: peak RSS <= 300 MB.
//
//   bench_hostile_memory [--mb 50] [--runs 3] [--smoke]
#include "BenchSupport.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace r2p::bench;

namespace {
void writeRecord(std::ofstream& out, const std::string& id, std::uint64_t articleBytes) {
    out << R"({"id": ")" << id << R"(", "input": "Generate a headline for the following article: )";
    const std::string words = "cats and dogs share the garden ";
    for (std::uint64_t n = 0; n < articleBytes; n += words.size())
        out << words;
    out << R"(", "profile": [)";
    for (int i = 0; i < 20; ++i)
        out << (i ? ", " : "") << R"({"id": ")" << id << "_" << i
            << R"(", "title": "Cats and dogs )" << i << R"(", "text": "the garden story )" << i
            << R"("})";
    out << "]}";
}
} // namespace

int main(int argc, char** argv) {
    double mb = 50;
    int runs = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--smoke") {
            mb = 2;
            runs = 1;
        } else if (a == "--mb" && i + 1 < argc) {
            mb = std::stod(argv[++i]);
        } else if (a == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::stoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: bench_hostile_memory [--mb N] [--runs N] [--smoke]\n");
            return 2;
        }
    }
    const auto dir = std::filesystem::temp_directory_path() /
                     ("r2p-bench-hostile-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string questions = (dir / "dev_questions.json").string();
    {
        std::ofstream out(questions, std::ios::binary);
        out << "[";
        writeRecord(out, "1", 200);
        out << ",\n";
        writeRecord(out, "2", static_cast<std::uint64_t>(mb * 1e6));
        out << ",\n";
        writeRecord(out, "3", 300);
        out << "]";
    }
    std::uint64_t bestPeak = UINT64_MAX, projectBytes = 0;
    double seconds = 0;
    for (int r = 0; r < runs; ++r) {
        const std::string project = (dir / ("p" + std::to_string(r) + ".r2p")).string();
        const ChildRun run =
            runR2p({"run", "--project", project, "--questions", questions, "--task", "LaMP-4",
                    "--systems", "r2p,no-profile", "--backend", "offline", "--quiet"});
        // Exit 1: user 2 fails as too large, by design; anything else is a bench failure.
        if (run.exitCode != 1) {
            std::fprintf(stderr, "bench_hostile_memory: r2p run exited with %d\n", run.exitCode);
            std::error_code ec;
            std::filesystem::remove_all(dir, ec);
            return 1;
        }
        if (run.peakRssKiB < bestPeak) {
            bestPeak = run.peakRssKiB;
            seconds = run.seconds;
        }
        std::error_code ec;
        projectBytes = std::filesystem::file_size(project, ec);
    }
    std::printf("bench_hostile_memory: one %.0f MB input string among 3 users: best of %d child "
                "peak RSS %.1f MiB (%.2f s), project %.2f MiB; target peak RSS <= 300 MB\n",
                mb, runs, static_cast<double>(bestPeak) / 1024.0, seconds,
                static_cast<double>(projectBytes) / (1024.0 * 1024.0));
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}
