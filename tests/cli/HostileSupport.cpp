#include "HostileSupport.h"

#include "support/TestSupport.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace r2p::test {

namespace {
std::string slurp(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return {};
    return readFile(path);
}
} // namespace

ChildResult runCliLimited(const std::vector<std::string>& args, const ChildLimits& limits) {
    TempDir dir;
    const std::string outPath = dir.file("stdout"), errPath = dir.file("stderr");
    const pid_t pid = fork();
    if (pid == 0) {
        const int outFd = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int errFd = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int nullFd = ::open("/dev/null", O_RDONLY);
        ::dup2(outFd, 1);
        ::dup2(errFd, 2);
        ::dup2(nullFd, 0);
        if (limits.fileSizeLimitBytes > 0) {
            rlimit lim{};
            lim.rlim_cur = lim.rlim_max = static_cast<rlim_t>(limits.fileSizeLimitBytes);
            ::setrlimit(RLIMIT_FSIZE, &lim);
        }
        std::vector<char*> argv;
        std::string exe = R2P_CLI;
        argv.push_back(exe.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(exe.c_str(), argv.data());
        _exit(127);
    }
    ChildResult r;
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(limits.timeoutMs);
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid)
            break;
        if (limits.signal != 0 && !r.signalSent &&
            slurp(errPath).find(limits.signalWhenStderrHas) != std::string::npos) {
            ::kill(pid, limits.signal);
            r.signalSent = true;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            r.timedOut = true;
            break;
        }
        // Polling the child's state: there is no signal to wait on across processes here.
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(outPath);
    r.err = slurp(errPath);
    return r;
}

std::vector<std::string> listDir(const std::string& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace r2p::test
