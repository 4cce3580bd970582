#include "UiBenchSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace r2p::bench {

bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    // Asleep in the event loop between checks, woken by any event or this 1 ms tick: an idle
    // window does not spin, and a spinning wait would take one of the machine's cores from the
    // background work being timed.
    QTimer tick;
    tick.start(1);
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

double medianMs(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double maxMs(const std::vector<double>& v) {
    return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

std::optional<std::string> runWorkbench(const std::string& exe,
                                        const std::vector<std::string>& args,
                                        const std::vector<std::string>& extraEnv, int timeoutMs) {
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0)
        return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    std::vector<std::string> env = extraEnv;
    for (char** e = environ; *e; ++e)
        env.emplace_back(*e); // the first definition of a name wins in getenv
    std::vector<char*> envp;
    for (auto& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    std::string path = exe;
    std::vector<std::string> copy = args;
    std::vector<char*> argv{path.data()};
    for (auto& a : copy)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned =
        posix_spawn(&pid, path.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    if (spawned != 0) {
        ::close(out[0]);
        return std::nullopt;
    }
    std::string text;
    QElapsedTimer t;
    t.start();
    bool finished = false;
    while (t.elapsed() < timeoutMs) {
        pollfd p{out[0], POLLIN, 0};
        if (::poll(&p, 1, 100) < 0 && errno != EINTR)
            break;
        char buffer[4096];
        const ssize_t n =
            (p.revents & (POLLIN | POLLHUP)) ? ::read(out[0], buffer, sizeof buffer) : -1;
        if (n > 0)
            text.append(buffer, static_cast<std::size_t>(n));
        else if (n == 0) {
            finished = true;
            break;
        }
    }
    ::close(out[0]);
    if (!finished)
        ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!finished)
        return std::nullopt;
    return text;
}

} // namespace r2p::bench
