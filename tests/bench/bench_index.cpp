// Indexing benchmark for the foundation targets: a LaMP-4-shaped questions file indexed (user
// list complete) vs Python's json.load on the same warm file, peak RSS while indexing, reopening
// through the project's index cache, and parsing one user with 1,000 profile items.
//
//   bench_index [--mb 1024] [--dir /tmp/r2p-bench] [--smoke]
#include "Lamp4Generator.h"
#include "model/Dataset.h"
#include "model/ProjectStore.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace r2p;

namespace {

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void warm(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    std::vector<char> buf(8 << 20);
    while (fd >= 0 && ::read(fd, buf.data(), buf.size()) > 0) {
    }
    if (fd >= 0)
        ::close(fd);
}

struct ChildRun {
    double seconds = 0;
    long peakRssKiB = 0;
    std::uint64_t users = 0;
    bool ok = false;
};

// Indexes in a child process so its peak RSS is the indexer's alone.
ChildRun indexInChild(const std::string& path) {
    int fds[2];
    if (::pipe(fds) != 0)
        return {};
    const pid_t pid = fork();
    if (pid == 0) {
        ::close(fds[0]);
        const double t0 = now();
        auto index = indexDataset(path, "");
        const double t1 = now();
        double msg[2] = {t1 - t0, index.ok() ? double(index->users.size()) : -1.0};
        (void)!::write(fds[1], msg, sizeof msg);
        _exit(index.ok() ? 0 : 1);
    }
    ::close(fds[1]);
    double msg[2] = {0, 0};
    (void)!::read(fds[0], msg, sizeof msg);
    ::close(fds[0]);
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    return {msg[0], usage.ru_maxrss, static_cast<std::uint64_t>(msg[1]),
            WIFEXITED(status) && WEXITSTATUS(status) == 0};
}

ChildRun pythonJsonLoad(const std::string& path) {
    const double t0 = now();
    const pid_t pid = fork();
    if (pid == 0) {
        const std::string code = "import json; json.load(open('" + path + "'))";
        ::execlp("python3", "python3", "-c", code.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    return {now() - t0, usage.ru_maxrss, 0, WIFEXITED(status) && WEXITSTATUS(status) == 0};
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    std::uint64_t mb = 1024;
    std::string dir = "/tmp/r2p-bench";
    bool smoke = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--smoke"))
            smoke = true;
        else if (!std::strcmp(argv[i], "--mb") && i + 1 < argc)
            mb = std::stoull(argv[++i]);
        else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
    }
    if (smoke) {
        mb = 4;
        dir += "/smoke-" + std::to_string(::getpid());
    }
    std::filesystem::create_directories(dir);
    const std::string file = dir + "/lamp4_" + std::to_string(mb) + "mb_questions.json";
    std::printf("generating / reusing %s ...\n", file.c_str());
    std::fflush(stdout);
    const auto generated = bench::cachedLamp4File(file, mb << 20);
    const double sizeMb = double(generated.bytes) / double(1 << 20);
    warm(file);

    // 1. Index (three runs; the best and the worst peak RSS are reported).
    std::vector<double> times;
    long peak = 0;
    std::uint64_t users = 0;
    for (int run = 0; run < (smoke ? 1 : 3); ++run) {
        const auto r = indexInChild(file);
        if (!r.ok) {
            std::fprintf(stderr, "indexing failed\n");
            return 1;
        }
        times.push_back(r.seconds);
        peak = std::max(peak, r.peakRssKiB);
        users = r.users;
    }
    const double best = *std::min_element(times.begin(), times.end());

    // 2. Python's json.load of the same (warm) file.
    const auto py = pythonJsonLoad(file);

    // 3. Reopen through the project's index cache.
    const std::string project = dir + "/bench.r2p";
    std::filesystem::remove(project);
    std::filesystem::remove(project + "-wal");
    std::filesystem::remove(project + "-shm");
    double firstOpen = 0, reopen = 0;
    {
        auto store = ProjectStore::open(project);
        const double t0 = now();
        auto opened = openDataset(**store, file, "");
        firstOpen = now() - t0;
    }
    std::vector<double> reopens;
    for (int i = 0; i < 5; ++i) {
        const double t0 = now();
        auto store = ProjectStore::open(project);
        auto opened = openDataset(**store, file, "");
        reopens.push_back(now() - t0);
        if (!opened.ok() || !opened->fromCache) {
            std::fprintf(stderr, "reopen did not use the cache\n");
            return 1;
        }
    }
    reopen = median(reopens);

    // 4. One user with 1,000 profile items: read and parse.
    const std::string single = dir + "/lamp4_1000_items.json";
    bench::writeLamp4SingleUser(single, 1000, 7);
    auto index = indexDataset(single, "");
    RecordReader reader(index->questions);
    std::vector<double> parses;
    std::size_t items = 0;
    for (int i = 0; i < 25; ++i) {
        const double t0 = now();
        auto rec = reader.read(index->users[0]);
        parses.push_back(now() - t0);
        items = rec.ok() ? rec->profile.size() : 0;
    }

    std::printf("\nfile: %.0f MiB, %llu users (LaMP-4 shape)\n", sizeMb,
                static_cast<unsigned long long>(users));
    std::printf("index (user list complete): best %.3f s of %zu runs (target <= 2 s)\n", best,
                times.size());
    std::printf("python3 json.load:          %.3f s, peak RSS %.0f MiB -> indexing is %.1fx faster "
                "(target >= 4x)\n",
                py.seconds, py.peakRssKiB / 1024.0, py.seconds / best);
    std::printf("peak RSS while indexing:    %.1f MiB (target <= 300 MB)\n", peak / 1024.0);
    std::printf("first open incl. caching:   %.3f s\n", firstOpen);
    std::printf("reopen from index cache:    %.1f ms median of 5 (target <= 300 ms incl. display; "
                "display measured by uibench_workbench)\n",
                reopen * 1000);
    std::printf(
        "1,000-item user read+parse: %.2f ms median of 25, %zu items (target <= 20 ms incl. "
        "display)\n",
        median(parses) * 1000, items);
    std::printf(
        "{\"mb\": %.0f, \"users\": %llu, \"index_s\": %.4f, \"python_s\": %.4f, \"speedup\": %.2f, "
        "\"peak_rss_mib\": %.1f, \"reopen_ms\": %.2f, \"parse_1000_ms\": %.3f}\n",
        sizeMb, static_cast<unsigned long long>(users), best, py.seconds, py.seconds / best,
        peak / 1024.0, reopen * 1000, median(parses) * 1000);
    if (smoke)
        std::filesystem::remove_all(dir);
    return py.ok ? 0 : 1;
}
