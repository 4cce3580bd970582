// HTTP backend throughput: N streamed requests of 200 tokens each, C in flight, against the
// loopback test server in its own process (so this process's CPU time is the client's alone).
// Targets: wall time within 1.15x the ideal, client CPU at most 2 ms per request.
// --rss: peak memory of `r2p run` against a server sending a 100 MB reply (one line without a
// newline, and a valid 100 MB answer in chunks); target at most 300 MB each.
//
//   bench_llm [--requests 1000] [--concurrency 32] [--first-token-ms 50] [--smoke] [--rss]
#include "BenchSupport.h"
#include "pipeline/llm/OpenAiBackend.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
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
pid_t startServer(const std::vector<std::string>& args, std::string& baseUrl) {
    return r2p::bench::startTestServer(R2P_TEST_SERVER, args, baseUrl);
}

pid_t startServer(int firstTokenMs, const std::string& answer, std::string& baseUrl) {
    return startServer({"--first-token-ms", std::to_string(firstTokenMs), "--chunk-words", "1",
                        "--chunk-ms", "0", "--reasoning-style", "none", "--default-answer", answer},
                       baseUrl);
}

// Peak RSS (MiB) of `r2p run` on one LaMP-2 user against a server started with `serverArgs`.
double runPeakRssMb(const std::vector<std::string>& serverArgs, int& exitCode) {
    std::string url;
    const pid_t server = startServer(serverArgs, url);
    if (server < 0)
        return -1;
    char dir[] = "/tmp/r2p-bench-rss-XXXXXX";
    if (!::mkdtemp(dir))
        return -1;
    const std::string project = std::string(dir) + "/p.r2p";
    const std::string demo = std::string(R2P_SOURCE_DIR) + "/resources/demo/LaMP-2/";
    const std::vector<std::string> args = {R2P_CLI,       "run",
                                           "--project",   project,
                                           "--questions", demo + "dev_questions.json",
                                           "--systems",   "lamp-rag",
                                           "--users",     "1",
                                           "--backend",   "openai",
                                           "--base-url",  url,
                                           "--model",     "r2p-test-model",
                                           "--mode",      "chat",
                                           "--quiet"};
    const pid_t child = fork();
    if (child == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        std::vector<char*> argv;
        for (const auto& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(R2P_CLI, argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(child, &status, 0, &usage);
    exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    ::kill(server, SIGTERM);
    ::waitpid(server, nullptr, 0);
    std::filesystem::remove_all(dir);
    return double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

void measureRss() {
    int code = 0;
    const double line = runPeakRssMb({"--fault", "huge-line", "--fault-after", "1", "--huge-mb",
                                      "100", "--reasoning-style", "none"},
                                     code);
    std::printf("r2p run, a 100 MB line without a newline: peak RSS %.1f MiB (exit %d; target "
                "<= 300 MiB)\n",
                line, code);
    const double answer = runPeakRssMb(
        {"--answer-mb", "100", "--chunk-words", "2000", "--reasoning-style", "none"}, code);
    std::printf("r2p run, a valid 100 MB answer streamed: peak RSS %.1f MiB (exit %d; target <= "
                "300 MiB)\n",
                answer, code);
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
        else if (!std::strcmp(argv[i], "--rss")) {
            measureRss();
            return 0;
        }
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
