#include "support/TestSupport.h"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace r2p::test {

TempDir::TempDir() {
    std::random_device rd;
    const auto base = std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = base / ("r2p-test-" + std::to_string(rd()));
        if (std::filesystem::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p.string();
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool setImmutable(const std::string& path, bool on) {
    const std::string cmd =
        std::string("chattr ") + (on ? "+i" : "-i") + " '" + path + "' 2>/dev/null";
    return std::system(cmd.c_str()) == 0;
}

namespace {
std::string drain(int fd) {
    std::string s;
    char buf[65536];
    ssize_t n = 0;
    while ((n = ::read(fd, buf, sizeof buf)) > 0)
        s.append(buf, static_cast<std::size_t>(n));
    return s;
}
} // namespace

ProcessResult runCli(const std::vector<std::string>& args) {
    // stdout and stderr go to temp files so a chatty child can never block on a full pipe.
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
    ProcessResult r;
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    const int o = ::open(outPath.c_str(), O_RDONLY), e = ::open(errPath.c_str(), O_RDONLY);
    r.out = drain(o);
    r.err = drain(e);
    ::close(o);
    ::close(e);
    return r;
}

int startCli(const std::vector<std::string>& args, int stdoutFd) {
    std::vector<std::string> copy = args;
    std::string exe = R2P_CLI;
    const pid_t pid = fork();
    if (pid == 0) {
        const int nullFd = ::open("/dev/null", O_RDWR);
        ::dup2(stdoutFd >= 0 ? stdoutFd : nullFd, 1);
        ::dup2(nullFd, 2);
        ::dup2(nullFd, 0);
        std::vector<char*> argv{exe.data()};
        for (auto& a : copy)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(exe.c_str(), argv.data());
        _exit(127);
    }
    return pid;
}

namespace {

StageId stageNamed(std::string_view stage) {
    const auto id = parseStageName(stage);
    if (!id)
        throw std::runtime_error("the test names no stage: \"" + std::string(stage) + "\"");
    return *id;
}

std::string stageLabel(StageId stage, int candidate) {
    std::string label(stageName(stage));
    if (candidate != 0)
        label += "#" + std::to_string(candidate);
    return label;
}

} // namespace

const StepRecord* findStep(const std::vector<StepRecord>& steps, std::string_view stage,
                           int candidate) {
    const StageId id = stageNamed(stage);
    for (const auto& s : steps)
        if (s.stage == id && s.candidate == candidate)
            return &s;
    return nullptr;
}

const StepRecord& stepOf(const std::vector<StepRecord>& steps, std::string_view stage,
                         int candidate) {
    if (const StepRecord* s = findStep(steps, stage, candidate))
        return *s;
    std::string present;
    for (const auto& name : stagesOf(steps))
        present += (present.empty() ? "" : ", ") + name;
    throw std::runtime_error(
        "no step " + stageLabel(stageNamed(stage), candidate) +
        " in the trace; its steps: " + (present.empty() ? std::string("none") : present));
}

StepRecord& stepOf(std::vector<StepRecord>& steps, std::string_view stage, int candidate) {
    const auto& constSteps = steps;
    return const_cast<StepRecord&>(stepOf(constSteps, stage, candidate));
}

std::vector<const StepRecord*> stepsOf(const std::vector<StepRecord>& steps,
                                       std::string_view stage) {
    const StageId id = stageNamed(stage);
    std::vector<const StepRecord*> out;
    for (const auto& s : steps)
        if (s.stage == id)
            out.push_back(&s);
    return out;
}

std::vector<std::string> stagesOf(const std::vector<StepRecord>& steps) {
    std::vector<std::string> out;
    for (const auto& s : steps)
        out.push_back(stageLabel(s.stage, s.candidate));
    return out;
}

std::string sourceDir() {
    return R2P_SOURCE_DIR;
}
std::string sharedDir() {
    return R2P_SHARED_DIR;
}
std::string demoDir() {
    return std::string(R2P_SOURCE_DIR) + "/resources/demo";
}

} // namespace r2p::test
