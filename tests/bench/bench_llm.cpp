// HTTP backend throughput: N streamed requests of 200 tokens each, C in flight, against the
// loopback test server in its own process (so this process's CPU time is the client's alone).
// Targets: wall time within 1.15x the ideal, client CPU at most 2 ms per request.
//
//   bench_llm [--requests 1000] [--concurrency 32] [--first-token-ms 50] [--smoke]
#include "pipeline/llm/OpenAiBackend.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <future>
#include <mutex>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace r2p::llm;

namespace {
double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
// Starts r2p-test-server in a child process; its first stdout line carries the URL.
pid_t startServer(int firstTokenMs, const std::string& answer, std::string& baseUrl) {
    int out[2];
    if (::pipe(out) != 0)
        return -1;
    const pid_t pid = fork();
    if (pid == 0) {
        ::dup2(out[1], 1);
        ::close(out[0]);
        const std::string ft = std::to_string(firstTokenMs);
        ::execl(R2P_TEST_SERVER, R2P_TEST_SERVER, "--first-token-ms", ft.c_str(), "--chunk-words",
                "1", "--chunk-ms", "0", "--reasoning-style", "none", "--default-answer",
                answer.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c = 0;
    while (::read(out[0], &c, 1) == 1 && c != '\n')
        line += c;
    ::close(out[0]);
    const auto at = line.find("http://");
    if (at == std::string::npos) {
        std::fprintf(stderr, "test server did not start: %s\n", line.c_str());
        return -1;
    }
    baseUrl = line.substr(at);
    return pid;
}

// Cancel latency: C requests wait for a first token that does not come within the run; after
// they are all in flight, cancel() one and then cancelAll(), timing until every onDone ran.
void measureCancel(const std::string& answer, int concurrency) {
    std::string url;
    const pid_t server = startServer(600000, answer, url);
    if (server < 0)
        return;
    EndpointConfig config;
    config.baseUrl = url;
    config.maxConcurrent = concurrency;
    OpenAiBackend backend(config);
    using Clock = std::chrono::steady_clock;
    std::mutex m;
    std::condition_variable cv;
    std::vector<Clock::time_point> doneAt;
    std::vector<RequestId> ids;
    for (int i = 0; i < concurrency; ++i) {
        GenerationRequest r;
        r.label = "cancel " + std::to_string(i);
        r.model = "r2p-test-model";
        r.messages = {{Role::User, "x"}};
        ids.push_back(backend.submit(std::move(r), {}, [&](GenerationOutcome&&) {
            std::lock_guard lock(m);
            doneAt.push_back(Clock::now());
            cv.notify_all();
        }));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // all connected and waiting
    const auto one = Clock::now();
    backend.cancel(ids.front());
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return doneAt.size() >= 1; });
    }
    const double oneMs = std::chrono::duration<double, std::milli>(doneAt.front() - one).count();
    const auto all = Clock::now();
    backend.cancelAll();
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return static_cast<int>(doneAt.size()) == concurrency; });
    }
    const double allMs = std::chrono::duration<double, std::milli>(doneAt.back() - all).count();
    ::kill(server, SIGTERM);
    ::waitpid(server, nullptr, 0);
    std::printf(
        "cancel one request: %.1f ms; cancelAll of %d in flight: %.1f ms (target <= 100 ms)\n",
        oneMs, concurrency - 1, allMs);
}

} // namespace

int main(int argc, char** argv) {
    int requests = 1000, concurrency = 32, firstTokenMs = 50;
    bool smoke = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--smoke"))
            smoke = true;
        else if (!std::strcmp(argv[i], "--requests") && i + 1 < argc)
            requests = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--concurrency") && i + 1 < argc)
            concurrency = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--first-token-ms") && i + 1 < argc)
            firstTokenMs = std::atoi(argv[++i]);
    }
    if (smoke) {
        requests = 40;
        concurrency = 8;
    }
    std::string answer;
    for (int i = 0; i < 200; ++i)
        answer += (i ? " w" : "w") + std::to_string(i);

    std::string baseUrl;
    const pid_t server = startServer(firstTokenMs, answer, baseUrl);
    if (server < 0)
        return 1;
    EndpointConfig config;
    config.baseUrl = baseUrl;
    config.maxConcurrent = concurrency;
    OpenAiBackend backend(config);

    std::atomic<int> finished{0}, good{0};
    std::promise<void> all;
    const double cpu0 = cpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < requests; ++i) {
        GenerationRequest r;
        r.label = "bench " + std::to_string(i);
        r.model = "r2p-test-model";
        r.messages = {{Role::User, "Write 200 words."}};
        backend.submit(std::move(r), {}, [&](GenerationOutcome&& o) {
            if (succeeded(o) && !std::get<GenerationResult>(o).answer.empty())
                ++good;
            if (++finished == requests)
                all.set_value();
        });
    }
    all.get_future().wait();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = cpuSeconds() - cpu0;
    ::kill(server, SIGTERM);
    rusage serverUsage{};
    ::wait4(server, nullptr, 0, &serverUsage);
    const double serverCpu =
        double(serverUsage.ru_utime.tv_sec + serverUsage.ru_stime.tv_sec) +
        double(serverUsage.ru_utime.tv_usec + serverUsage.ru_stime.tv_usec) / 1e6;

    // Ideal: every request waits for its first token, C at a time; streaming itself is free.
    const double ideal = std::ceil(double(requests) / concurrency) * firstTokenMs / 1000.0;
    std::printf("%d requests x 200 tokens, %d in flight, %d ms to first token: %d ok\n", requests,
                concurrency, firstTokenMs, good.load());
    std::printf("wall %.3f s vs ideal %.3f s -> %.3fx (target <= 1.15x)\n", wall, ideal,
                wall / ideal);
    std::printf(
        "client CPU %.3f s -> %.3f ms per request (target <= 2 ms); test server CPU %.3f s\n", cpu,
        cpu * 1000.0 / requests, serverCpu);
    measureCancel(answer, concurrency);
    return good == requests ? 0 : 1;
}
