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

std::vector<TagSpanRecord> modelSpans(const std::string& chain) {
    std::vector<TagSpanRecord> out;
    std::size_t at = 0;
    while ((at = chain.find('<', at)) != std::string::npos) {
        const std::size_t close = chain.find('>', at);
        if (chain[at + 1] != '/') {
            TagSpanRecord sp;
            sp.tag = chain.substr(at + 1, close - at - 1);
            sp.start = static_cast<std::int64_t>(close + 1);
            sp.end = static_cast<std::int64_t>(chain.find("</" + sp.tag, close));
            sp.source = "model";
            sp.tagSetId = "tagpr-personalization";
            sp.tagSetVersion = 1;
            out.push_back(sp);
        }
        at = close;
    }
    return out;
}

namespace {

UserTrace taggedTrace(const std::string& user, SystemId system, const std::string& reasoning,
                      const std::string& answer, const std::string& prediction,
                      std::optional<double> mae) {
    UserTrace t;
    t.userId = user;
    t.system = system;
    t.status = UserStatus::Done;
    t.prediction = prediction;
    if (mae) {
        t.gold = "4";
        t.scores = {{"MAE", *mae}};
    }
    StepRecord retrieve;
    retrieve.seq = 0;
    retrieve.stage = StageId::Retrieve;
    retrieve.status = StepStatus::Done;
    retrieve.output.items = std::vector<StepItem>{{1, "p1", 1.0, {}}, {2, "p2", 0.5, {}}};
    StepRecord g;
    g.seq = 1;
    g.stage = StageId::Generate;
    g.status = StepStatus::Done;
    g.reasoning = reasoning;
    g.answer = answer;
    if (system == SystemId::TagPR)
        g.tagSpans = modelSpans(answer);
    t.steps = {retrieve, g};
    return t;
}

} // namespace

std::int64_t storeTaggedRun(ProjectStore& store, RunInfo info, std::string* error) {
    auto fail = [error](const std::string& message) -> std::int64_t {
        if (error)
            *error = message;
        return 0;
    };
    if (info.users.size() != 4)
        return fail("storeTaggedRun needs exactly four users");
    info.task = TaskId::LaMP3;
    info.systems = {SystemId::TagPR, SystemId::LrmRag};
    if (info.backend.empty())
        info.backend = "offline";
    info.status = RunStatus::Done;
    RunStore runs(store);
    auto id = runs.createRun(info);
    if (!id)
        return fail(id.error().message);
    const std::string query = "<query>The query asks for a rating.</query>";
    const std::string liked = "<preference>Likes it [P1] a lot.</preference>";
    const std::string relate = "<relate>This query fits the liked items well.</relate>";
    const auto& u = info.users;
    std::vector<UserTrace> traces = {
        taggedTrace(u[0], SystemId::TagPR, "", query + liked + relate + "<answer>4</answer>", "4",
                    0.0),
        taggedTrace(u[1], SystemId::TagPR, "",
                    query + "<preference>Likes it [P2] a lot.</preference><answer>3</answer>", "3",
                    1.0),
        taggedTrace(u[2], SystemId::TagPR, "", query + "<answer>2</answer>", "2", 2.0),
        taggedTrace(u[3], SystemId::TagPR, "", query + liked + relate + "<answer>5</answer>", "5",
                    std::nullopt),
    };
    for (std::size_t i = 0; i < u.size(); ++i)
        traces.push_back(taggedTrace(u[i], SystemId::LrmRag, "She likes calm tones [P1] always.",
                                     "4", "4", i == 3 ? std::nullopt : std::optional(0.0)));
    TagSpanRecord human;
    human.start = 0;
    human.end = 33;
    human.tag = "preference";
    human.source = "human";
    human.annotator = "ana";
    human.tagSetId = "tagpr-personalization";
    human.tagSetVersion = 1;
    traces[4].steps[1].tagSpans = {human};
    if (auto s = runs.saveUserTraces(*id, traces); !s)
        return fail(s.error().message);
    return *id;
}

} // namespace r2p::test
