// Project file size against its data (issue 19, "a project file proportional to its data"): a
// batch of R2P and the three baselines (offline backend) over a LaMP-4-shaped questions file of
// about 108 MB with small profiles (about 20,000 users), then the project's size against the
// questions file's, and how long reading one user's stored trace takes (what selecting a user
// in the window costs). Target: project <= 2x the dataset; the read stays within selection's
// 50 ms.
//
//   bench_project_size [--mb 108] [--keep] [--smoke]
#include "BenchSupport.h"
#include "Lamp4Generator.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace r2p;
using namespace r2p::bench;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    double mb = 108;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--smoke") {
            mb = 1;
        } else if (a == "--keep") {
            keep = true; // leave the files for a look at what the project holds
        } else if (a == "--mb" && i + 1 < argc) {
            mb = std::stod(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: bench_project_size [--mb N] [--keep] [--smoke]\n");
            return 2;
        }
    }
    const fs::path dir =
        fs::temp_directory_path() / ("r2p-bench-size-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string questions = (dir / "dev_questions.json").string();
    // 5-25 items a user: about 5 KB of profile each, as many users as the 108 MB file.
    const GeneratedFile data =
        writeLamp4File(questions, static_cast<std::uint64_t>(mb * 1e6), 19, 5, 25);
    const std::string project = (dir / "p.r2p").string();
    const ChildRun run = runR2p({"run", "--project", project, "--questions", questions, "--task",
                                 "LaMP-4", "--systems", "r2p,no-profile,lamp-rag,lrm-rag",
                                 "--backend", "offline", "--concurrency", "2", "--quiet"});
    if (run.exitCode != 0) {
        std::fprintf(stderr, "bench_project_size: r2p run exited with %d\n", run.exitCode);
        fs::remove_all(dir);
        return 1;
    }
    std::uint64_t projectBytes = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind("p.r2p", 0) == 0)
            projectBytes += e.file_size(); // with any -wal left behind

    // Reading stored traces back: 200 users spread over the run, R2P's trace (the largest).
    double worst = 0, total = 0;
    std::size_t reads = 0, steps = 0;
    {
        auto store = ProjectStore::open(project, ProjectStore::OpenMode::ReadOnly);
        if (!store) {
            std::fprintf(stderr, "%s\n", store.error().message.c_str());
            return 1;
        }
        RunStore runs(**store);
        auto info = runs.run(1);
        if (!info) {
            std::fprintf(stderr, "%s\n", info.error().message.c_str());
            return 1;
        }
        const std::size_t n = info->users.size();
        const std::size_t stride = std::max<std::size_t>(1, n / 200);
        for (std::size_t u = 0; u < n; u += stride) {
            const double t0 = nowSeconds();
            auto trace = runs.userTrace(1, info->users[u], SystemId::R2P);
            const double dt = nowSeconds() - t0;
            if (!trace) {
                std::fprintf(stderr, "%s\n", trace.error().message.c_str());
                return 1;
            }
            steps += trace->steps.size();
            worst = std::max(worst, dt);
            total += dt;
            ++reads;
        }
    }
    std::printf("bench_project_size: %llu users, dataset %.1f MB, 4 systems, offline\n",
                static_cast<unsigned long long>(data.users), static_cast<double>(data.bytes) / 1e6);
    std::printf("  r2p run: %.1f s, peak RSS %.0f MB\n", run.seconds,
                static_cast<double>(run.peakRssKiB) / 1024.0);
    std::printf("  project: %.1f MB = %.2fx the dataset (target <= 2x)\n",
                static_cast<double>(projectBytes) / 1e6,
                static_cast<double>(projectBytes) / static_cast<double>(data.bytes));
    std::printf("  reading R2P's trace of a user: mean %.2f ms, worst %.2f ms over %zu users "
                "(%.1f steps each)\n",
                1000 * total / static_cast<double>(reads), 1000 * worst, reads,
                static_cast<double>(steps) / static_cast<double>(reads));
    if (keep)
        std::printf("  kept %s\n", dir.c_str());
    else
        fs::remove_all(dir);
    return 0;
}
