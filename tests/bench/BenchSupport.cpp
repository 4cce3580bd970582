#include "BenchSupport.h"

#include "Lamp4Generator.h"

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace r2p::bench {

void writeLamp4Questions(const std::string& path, std::uint64_t targetBytes, std::uint32_t seed) {
    writeLamp4File(path, targetBytes, seed);
}

std::uint64_t peakRssKiB() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stoull(line.substr(6));
    struct rusage usage {};
    if (::getrusage(RUSAGE_SELF, &usage) == 0)
        return static_cast<std::uint64_t>(usage.ru_maxrss);
    return 0;
}

double nowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void warmPageCache(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    std::string buffer(8 << 20, '\0');
    while (::read(fd, buffer.data(), buffer.size()) > 0) {
    }
    ::close(fd);
}

pid_t spawnR2p(const std::vector<std::string>& args, int stderrFd) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(stderrFd >= 0 ? stderrFd : null, 2);
        std::string exe = R2P_CLI;
        std::vector<std::string> copy = args;
        std::vector<char*> argv{exe.data()};
        for (auto& a : copy)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(exe.c_str(), argv.data());
        _exit(127);
    }
    return pid;
}

ChildRun reapChild(pid_t pid, double start) {
    ChildRun run;
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    run.seconds = nowSeconds() - start;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.peakRssKiB = static_cast<std::uint64_t>(usage.ru_maxrss);
    run.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    return run;
}

ChildRun runR2p(const std::vector<std::string>& args) {
    const double start = nowSeconds();
    return reapChild(spawnR2p(args, -1), start);
}

pid_t startTestServer(const char* program, const std::vector<std::string>& args,
                      std::string& baseUrl) {
    int out[2];
    if (::pipe(out) != 0)
        return -1;
    const pid_t pid = fork();
    if (pid == 0) {
        ::dup2(out[1], 1);
        ::close(out[0]);
        std::vector<char*> argv{const_cast<char*>(program)};
        for (const auto& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(program, argv.data());
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

} // namespace r2p::bench
