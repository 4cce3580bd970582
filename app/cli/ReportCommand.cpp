// r2p report: the stakeholder report of a stored run (or of one user of it) as HTML or PDF — the
// same report the window's File ▸ Export Report writes. The report draws its charts with Qt, which
// this program does not link, so after checking the arguments against the project it has
// r2p-workbench (the program beside this one, or $R2P_WORKBENCH) write the file offscreen.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/RunStore.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace r2p::cli {
namespace {

namespace fs = std::filesystem;

bool endsWithNoCase(const std::string& text, const std::string& suffix) {
    if (text.size() < suffix.size())
        return false;
    return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<long>(suffix.size()),
                      [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                      });
}

// The r2p-workbench program that writes the report: $R2P_WORKBENCH, else the one beside r2p.
std::optional<std::string> workbenchProgram(std::string& why) {
    if (const char* set = std::getenv("R2P_WORKBENCH"); set && *set) {
        if (::access(set, X_OK) == 0)
            return std::string(set);
        why = std::string("R2P_WORKBENCH names ") + set + ", which is not a program";
        return std::nullopt;
    }
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) {
        why = "cannot find where r2p is installed: " + ec.message();
        return std::nullopt;
    }
    const fs::path beside = self.parent_path() / "r2p-workbench";
    if (::access(beside.c_str(), X_OK) != 0) {
        why = "the report is drawn by r2p-workbench, which is not beside r2p (" + beside.string() +
              "); install it there or set R2P_WORKBENCH";
        return std::nullopt;
    }
    return beside.string();
}

// Runs `program` with `args` and the environment plus QT_QPA_PLATFORM=offscreen (unless set);
// its exit code, or -1 with `why` when it could not be started or did not exit normally.
int runProgram(const std::string& program, const std::vector<std::string>& args, std::string& why) {
    std::vector<std::string> env;
    bool platformSet = false;
    for (char** e = environ; e && *e; ++e) {
        env.emplace_back(*e);
        platformSet = platformSet || std::strncmp(*e, "QT_QPA_PLATFORM=", 16) == 0;
    }
    if (!platformSet)
        env.emplace_back("QT_QPA_PLATFORM=offscreen");
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (std::string& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    if (const int err =
            ::posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv.data(), envp.data());
        err != 0) {
        why = "cannot start " + program + ": " + std::strerror(err);
        return -1;
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            why = "lost " + program + ": " + std::strerror(errno);
            return -1;
        }
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    why = program + " ended by signal " + std::to_string(WTERMSIG(status));
    return -1;
}

int runReport(const std::vector<std::string>& argv) {
    Args args({"project", "run", "user", "out", "lang"}, {});
    if (!args.parse(argv))
        return fail("report", args.error(), kExitUsage);
    if (!args.positional().empty())
        return fail("report", "unexpected argument \"" + args.positional().front() + "\"",
                    kExitUsage);
    if (!args.value("project") || !args.value("run") || !args.value("out"))
        return fail("report", "--project, --run and --out are required", kExitUsage);
    const auto runId = parseWholeNumber(*args.value("run"), 1, INT64_MAX);
    if (!runId)
        return fail("report", "--run must be a run id (a positive number)", kExitUsage);
    const std::string out = *args.value("out");
    if (!endsWithNoCase(out, ".html") && !endsWithNoCase(out, ".htm") &&
        !endsWithNoCase(out, ".pdf"))
        return fail("report", "--out " + out + " must end in .html or .pdf", kExitUsage);
    int code = kExitOk;
    {
        auto store = openExistingProject("report", *args.value("project"), code,
                                         ProjectStore::OpenMode::ReadOnly);
        if (!store)
            return code;
        RunStore runs(*store);
        auto info = runs.run(*runId);
        if (!info)
            return fail("report", info.error().message, kExitUsage);
        if (const auto user = args.value("user");
            user && std::find(info->users.begin(), info->users.end(), *user) == info->users.end())
            return fail("report",
                        "run " + std::to_string(*runId) + " has no user \"" + *user + "\"",
                        kExitUsage);
    } // closed before the workbench opens it
    std::string why;
    const auto program = workbenchProgram(why);
    if (!program)
        return fail("report", why, kExitRuntime);
    std::vector<std::string> forward{"--report",  out,
                                     "--project", *args.value("project"),
                                     "--run",     std::to_string(*runId),
                                     "--lang",    args.valueOr("lang", "en")};
    if (const auto user = args.value("user")) {
        forward.push_back("--user");
        forward.push_back(*user);
    }
    const int exit = runProgram(*program, forward, why);
    if (exit < 0)
        return fail("report", why, kExitRuntime);
    if (exit == 0)
        std::cerr << "r2p report: wrote " << out << "\n";
    return exit;
}

const Registrar registrar{
    {"report",
     "--project P.r2p --run ID [--user UID] --out FILE.html|FILE.pdf [--lang en|de|zh_CN]",
     "The stakeholder report of a stored run, or of one user of it, as one self-contained HTML "
     "file or an A4 PDF (by the extension): the run's settings, metrics with intervals, deltas "
     "against each baseline, charts, verdicts and annotations. The same report the window writes; "
     "r2p-workbench, beside r2p, draws it offscreen.",
     &runReport}};

} // namespace
} // namespace r2p::cli
