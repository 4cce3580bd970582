// Failover across replicas: two loopback test servers (each its own process) behind one
// EndpointPool at M in flight each, N streamed requests submitted at once; when half are done
// one server is killed (SIGKILL). Every request must still succeed exactly once, and the wall
// time is compared with the ideal of the capacity that survives: the first half at 2·M in
// flight, the rest at M, each request taking as long as one does alone.
// Target: wall time <= 1.3x that ideal.
//
//   bench_endpoints [--requests 2000] [--max 32] [--smoke]
#include "BenchSupport.h"
#include "pipeline/llm/EndpointPool.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace r2p::llm;
using r2p::bench::startTestServer;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

GenerationRequest request(int i) {
    GenerationRequest r;
    r.label = "request " + std::to_string(i);
    r.model = "r2p-test-model";
    r.messages = {{Role::User, "Rate item " + std::to_string(i) + "."}};
    return r;
}

struct Tally {
    std::mutex mutex;
    std::condition_variable cv;
    std::size_t done = 0, failed = 0, duplicates = 0;
    std::vector<int> seen;
    std::string firstError;
};

} // namespace

int main(int argc, char** argv) {
    int requests = 2000, maxInFlight = 32;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--smoke")) {
            requests = 200;
            maxInFlight = 8;
        } else if (!std::strcmp(argv[i], "--requests") && i + 1 < argc) {
            requests = std::atoi(argv[++i]);
        } else if (!std::strcmp(argv[i], "--max") && i + 1 < argc) {
            maxInFlight = std::atoi(argv[++i]);
        }
    }
    // 40 answer words, 2 ms apart, after a 20 ms first token: about 100 ms a request.
    std::string answer;
    for (int w = 0; w < 40; ++w)
        answer += "word" + std::to_string(w) + " ";
    const std::vector<std::string> serverArgs = {
        "--first-token-ms",  "20",   "--chunk-words",    "1",   "--chunk-ms", "2",
        "--reasoning-style", "none", "--default-answer", answer};
    std::string urlA, urlB;
    const pid_t a = startTestServer(R2P_TEST_SERVER, serverArgs, urlA);
    const pid_t b = startTestServer(R2P_TEST_SERVER, serverArgs, urlB);
    if (a < 0 || b < 0)
        return 1;

    PoolOptions options;
    options.model = "r2p-test-model";
    options.probeBaseMs = 100;
    EndpointConfig base;
    base.connectTimeoutMs = 2000;
    EndpointPool pool(
        {PoolEndpoint{urlA, maxInFlight, 1, {}}, PoolEndpoint{urlB, maxInFlight, 1, {}}}, base,
        options);

    // One request alone, several times: how long a request takes without load.
    std::vector<double> alone;
    for (int i = 0; i < 9; ++i) {
        const auto t = Clock::now();
        if (!succeeded(pool.generate(request(-1))))
            return 1;
        alone.push_back(msSince(t));
    }
    std::sort(alone.begin(), alone.end());
    const double perRequestMs = alone[alone.size() / 2];

    Tally tally;
    tally.seen.assign(static_cast<std::size_t>(requests), 0);
    bool killed = false;
    const auto start = Clock::now();
    for (int i = 0; i < requests; ++i)
        pool.submit(request(i), {}, [&tally, i](GenerationOutcome&& o) {
            std::lock_guard lock(tally.mutex);
            if (tally.seen[static_cast<std::size_t>(i)]++)
                ++tally.duplicates;
            if (!succeeded(o)) {
                ++tally.failed;
                if (tally.firstError.empty())
                    tally.firstError = std::get<BackendError>(o).message();
            }
            ++tally.done;
            tally.cv.notify_all();
        });
    {
        std::unique_lock lock(tally.mutex);
        tally.cv.wait(lock, [&] { return tally.done >= static_cast<std::size_t>(requests / 2); });
        ::kill(b, SIGKILL);
        killed = true;
        tally.cv.wait_for(lock, std::chrono::minutes(10),
                          [&] { return tally.done >= static_cast<std::size_t>(requests); });
    }
    const double wallMs = msSince(start);
    ::waitpid(b, nullptr, 0);
    ::kill(a, SIGTERM);
    ::waitpid(a, nullptr, 0);

    const double half = requests / 2.0;
    const double idealMs =
        half / (2.0 * maxInFlight) * perRequestMs + half / double(maxInFlight) * perRequestMs;
    const auto stats = pool.stats();
    std::printf("bench_endpoints: %d streamed requests, 2 endpoints x %d in flight, one killed "
                "after %d (%s)\n",
                requests, maxInFlight, requests / 2, killed ? "SIGKILL" : "not killed");
    std::printf("  one request alone: %.1f ms (median of 9)\n", perRequestMs);
    std::printf("  done %zu, failed %zu, duplicates %zu%s%s\n", tally.done, tally.failed,
                tally.duplicates,
                tally.firstError.empty() ? "" : "; first error: ", tally.firstError.c_str());
    for (const auto& s : stats)
        std::printf("  %s: %llu sent, %llu answered, %llu failed, taken out %d time(s)\n",
                    s.endpoint.c_str(), static_cast<unsigned long long>(s.requests),
                    static_cast<unsigned long long>(s.succeeded),
                    static_cast<unsigned long long>(s.failures), s.takenOut);
    std::printf("  wall %.0f ms; ideal of the surviving capacity %.0f ms; ratio %.2fx (target "
                "<= 1.3x)\n",
                wallMs, idealMs, wallMs / idealMs);
    return tally.failed == 0 && tally.duplicates == 0 &&
                   tally.done == static_cast<std::size_t>(requests)
               ? 0
               : 1;
}
