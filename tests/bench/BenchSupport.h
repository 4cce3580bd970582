// Shared pieces of the benchmarks: LaMP-4-shaped input files, wall-clock time, peak memory,
// and running the r2p CLI as a measured child process.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/types.h>
#include <vector>

namespace r2p::bench {

// A LaMP-4-shaped questions file of about `targetBytes`: records with an id, a "Generate a
// headline for the following article: ..." input and 20-400 profile items {"text", "title",
// "id"} of vocabulary word soup, streamed to disk (never held in memory). Same seed, same file.
void writeLamp4Questions(const std::string& path, std::uint64_t targetBytes, std::uint32_t seed);

// Peak resident set size of this process so far (VmHWM), in KiB; 0 if unknown.
std::uint64_t peakRssKiB();

// The machine's load averages, "load 1.23 0.98 0.75", printed beside a timing (header-only, so
// the UI benchmarks have it too).
inline std::string loadNow() {
    double l[3] = {0, 0, 0};
    if (::getloadavg(l, 3) != 3)
        return "load ?";
    char b[64];
    std::snprintf(b, sizeof b, "load %.2f %.2f %.2f", l[0], l[1], l[2]);
    return b;
}

// Monotonic wall-clock seconds.
double nowSeconds();

// Reads the file once so a timed run measures work, not the first disk read.
void warmPageCache(const std::string& path);

struct ChildRun {
    int exitCode = -1;
    double seconds = 0;
    std::uint64_t peakRssKiB = 0; // of the child alone
    double cpuSeconds = 0;        // user + system CPU time of the child alone
};

// Starts the r2p binary with `args`, stdout to /dev/null and stderr to `stderrFd` (-1: to
// /dev/null too); the child's pid.
pid_t spawnR2p(const std::vector<std::string>& args, int stderrFd);

// Waits for the child `pid` started at `start` (nowSeconds()) and measures it.
ChildRun reapChild(pid_t pid, double start);

// Runs the r2p binary with `args` (stdout and stderr to /dev/null) and measures it.
ChildRun runR2p(const std::vector<std::string>& args);

// Starts the test server program (r2p-test-server) with `args` in a child process; its first
// stdout line carries the URL, returned in `baseUrl`. -1 when it did not start.
pid_t startTestServer(const char* program, const std::vector<std::string>& args,
                      std::string& baseUrl);

} // namespace r2p::bench
