// `r2p run` at scale (issue #18, "100,000 users"): a LaMP-4-shaped file of N users with small
// profiles (5-25 items), R2P and the three baselines on the offline backend, the CLI as a child:
//   - wall time, users/s and the child's peak RSS (wait4; target <= 300 MB);
//   - the store rate over the run, from the CLI's progress lines (users stored so far, at most
//     two a second): users/s over the first 10% of users against the last 10% (target: no
//     slowdown, last/first >= 0.9), and against a whole run of --compare-users users (1,000);
//   - the project file against the dataset (proportional: measured and reported);
//   - kill -9: a second run of --kill-users users on a fresh project is SIGKILLed about half
//     way and resumed (r2p run --resume); then every user x system must have exactly one stored
//     row, none missing, none extra, no step, event or verdict without its user's row, every
//     user's steps numbered 0..n-1, and every row the same as an uninterrupted run of the same
//     users stored (prediction, status, scores, steps, stages, tokens). Exit 1 when not.
//
//   bench_run_scale [--users 100000] [--kill-users 20000] [--compare-users 1000] [--keep]
//                   [--no-kill] [--smoke] [--help]
#include "BenchSupport.h"
#include "Lamp4Generator.h"
#include "model/ProjectStore.h"
#include "model/Sqlite.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace r2p;
using namespace r2p::bench;
namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "usage: bench_run_scale [--users N] [--kill-users N] [--compare-users N] [--keep] "
    "[--no-kill] [--smoke] [--help]\n"
    "  --users N          users of the measured run (default 100000)\n"
    "  --kill-users N     users of the kill -9 and resume check (default 20000)\n"
    "  --compare-users N  users of the small run the store rate is compared with (default 1000)\n"
    "  --keep             leave the generated files (the questions file and the project of the\n"
    "                     measured run open in the window: uibench_scale --project P --dataset D)\n"
    "  --no-kill          skip the kill -9 check\n"
    "  --smoke            a tiny quick run of everything\n";

struct Options {
    std::uint64_t users = 100000;
    std::uint64_t killUsers = 20000;
    std::uint64_t compareUsers = 1000;
    bool keep = false;
    bool kill = true;
};

// 0: parsed; otherwise the exit code (0 for --help is returned as -1).
int parseOptions(int argc, char** argv, Options& o) {
    auto count = [&](int& i, std::uint64_t& out) {
        if (i + 1 >= argc)
            return false;
        char* end = nullptr;
        const unsigned long long v = std::strtoull(argv[++i], &end, 10);
        if (!end || *end || v == 0)
            return false;
        out = v;
        return true;
    };
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return -1;
        }
        bool ok = true;
        if (a == "--smoke") {
            o.users = 200;
            o.killUsers = 120;
            o.compareUsers = 50;
        } else if (a == "--users") {
            ok = count(i, o.users);
        } else if (a == "--kill-users") {
            ok = count(i, o.killUsers);
        } else if (a == "--compare-users") {
            ok = count(i, o.compareUsers);
        } else if (a == "--keep") {
            o.keep = true;
        } else if (a == "--no-kill") {
            o.kill = false;
        } else {
            ok = false;
        }
        if (!ok) {
            std::fprintf(stderr, "bench_run_scale: bad argument '%s'\n%s", a.c_str(), kUsage);
            return 2;
        }
    }
    const std::uint64_t users = o.users;
    auto isId = [users](std::uint64_t n) {
        return n >= 100000 && n < std::max(users, n);
    };
    if (isId(o.killUsers) || isId(o.compareUsers)) {
        std::fprintf(stderr, "bench_run_scale: --kill-users and --compare-users take fewer than "
                             "100000 users (or as many as --users)\n");
        return 2;
    }
    return 0;
}

// One progress line of the CLI: when it was read and how many users were stored by then.
struct Sample {
    double t = 0;
    std::uint64_t stored = 0;
    std::uint64_t rssKiB = 0; // the child's resident set then
};

// VmRSS of a process, in KiB; 0 if unknown.
std::uint64_t rssOf(pid_t pid) {
    std::FILE* f = std::fopen(("/proc/" + std::to_string(pid) + "/status").c_str(), "r");
    if (!f)
        return 0;
    char line[256];
    unsigned long long kib = 0;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmRSS: %llu", &kib) == 1)
            break;
    std::fclose(f);
    return kib;
}

// The child as runR2p measures it, with its progress and whether it was killed.
struct Measured : ChildRun {
    bool killed = false;
    std::vector<Sample> samples;
};

// Runs the r2p CLI with `args`, reading its progress lines from stderr; SIGKILLs it once
// `killAt` users are stored (0: never).
Measured runWatched(const std::vector<std::string>& args, std::uint64_t killAt) {
    Measured m;
    int err[2];
    if (::pipe2(err, O_CLOEXEC) != 0)
        return m;
    const double start = nowSeconds();
    const pid_t pid = spawnR2p(args, err[1]);
    ::close(err[1]);
    std::string pending;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(err[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        const double t = nowSeconds() - start;
        pending.append(buf, static_cast<std::size_t>(n));
        for (std::size_t nl; (nl = pending.find('\n')) != std::string::npos;) {
            const std::string line = pending.substr(0, nl);
            pending.erase(0, nl + 1);
            unsigned long long done = 0, total = 0;
            if (std::sscanf(line.c_str(), "r2p run: %llu/%llu users", &done, &total) == 2)
                m.samples.push_back({t, done, rssOf(pid)});
            else if (line.find("r2p run:") == std::string::npos ||
                     line.find("error") != std::string::npos)
                std::fprintf(stderr, "  [r2p] %s\n", line.c_str());
        }
        if (killAt && !m.killed && !m.samples.empty() && m.samples.back().stored >= killAt) {
            ::kill(pid, SIGKILL);
            m.killed = true;
        }
    }
    ::close(err[0]);
    static_cast<ChildRun&>(m) = reapChild(pid, start);
    return m;
}

// The outputs file next to the questions file: dev_outputs.json.
std::string outputsOf(const std::string& questions) {
    return (fs::path(questions).parent_path() / "dev_outputs.json").string();
}

// The first `users` users of a file of `fileUsers`: all of them, or a count (r2p run reads
// --users 100000 as the user of that id, the generator's first, so a count must stay below).
std::vector<std::string> runArgs(const std::string& project, const std::string& questions,
                                 std::uint64_t users, std::uint64_t fileUsers) {
    return {"run",
            "--project",
            project,
            "--questions",
            questions,
            "--outputs",
            outputsOf(questions),
            "--task",
            "LaMP-4",
            "--systems",
            "r2p,no-profile,lamp-rag,lrm-rag",
            "--backend",
            "offline",
            "--users",
            users >= fileUsers ? std::string("all") : std::to_string(users),
            "--concurrency",
            "2"};
}

// The first sample at or past `stored` users.
const Sample* at(const std::vector<Sample>& s, double stored) {
    for (const auto& x : s)
        if (double(x.stored) >= stored)
            return &x;
    return nullptr;
}

// Users/s between the first samples at or past `from` and `to` users.
double rateBetween(const std::vector<Sample>& s, double from, double to) {
    const Sample* a = at(s, from);
    const Sample* b = at(s, to);
    if (!a || !b || b->t <= a->t)
        return 0;
    return double(b->stored - a->stored) / (b->t - a->t);
}

std::uint64_t projectBytes(const std::string& project) {
    std::uint64_t bytes = 0;
    const fs::path p(project);
    for (const auto& e : fs::directory_iterator(p.parent_path()))
        if (e.path().filename().string().rfind(p.filename().string(), 0) == 0)
            bytes += e.file_size(); // with any -wal left behind
    return bytes;
}

// The measured run: time, RSS, the store rate early and late, the project's size.
bool measureRun(const Options& o, const fs::path& dir, const std::string& questions,
                const GeneratedFile& data) {
    const std::string small = (dir / "small.r2p").string();
    const std::uint64_t compareUsers = std::min(o.compareUsers, data.users);
    std::printf("  [%s] a run of %llu users (the rate to compare with) ...\n", loadNow().c_str(),
                static_cast<unsigned long long>(compareUsers));
    std::fflush(stdout);
    const Measured ref = runWatched(runArgs(small, questions, compareUsers, data.users), 0);
    // From the first progress line on, as for the measured run (not the process's start).
    const double refRate = rateBetween(
        ref.samples, ref.samples.empty() ? 0 : double(ref.samples[0].stored), double(compareUsers));
    std::printf("  %llu users: %.1f s, %.0f users/s stored, peak RSS %.0f MiB (exit %d)\n",
                static_cast<unsigned long long>(compareUsers), ref.seconds, refRate,
                double(ref.peakRssKiB) / 1024.0, ref.exitCode);
    fs::remove(small);

    const std::string project = (dir / "scale.r2p").string();
    std::printf("  [%s] the measured run of %llu users ...\n", loadNow().c_str(),
                static_cast<unsigned long long>(o.users));
    std::fflush(stdout);
    const Measured m = runWatched(runArgs(project, questions, o.users, data.users), 0);
    const double n = double(std::min(o.users, data.users));
    const double first =
        rateBetween(m.samples, m.samples.empty() ? 0 : double(m.samples[0].stored), 0.1 * n);
    const double last = rateBetween(m.samples, 0.9 * n, n);
    const double whole =
        rateBetween(m.samples, m.samples.empty() ? 0 : double(m.samples[0].stored), n);
    const std::uint64_t bytes = projectBytes(project);
    const double rss = double(m.peakRssKiB) / 1024.0;
    std::printf("  %llu users: %.1f s (exit %d), %.0f users/s overall, [%s at the end]\n",
                static_cast<unsigned long long>(o.users), m.seconds, m.exitCode,
                n / std::max(1e-9, m.seconds), loadNow().c_str());
    std::printf("  peak RSS of r2p run: %.1f MiB (target <= 300 MB)\n", rss);
    std::printf("  store rate: first 10%% %.0f users/s, last 10%% %.0f users/s, last/first %.2f "
                "(target >= 0.9); %.0f users/s from the first progress line on vs the %llu-user "
                "run's %.0f: %.2f\n",
                first, last, first > 0 ? last / first : 0, whole,
                static_cast<unsigned long long>(compareUsers), refRate,
                refRate > 0 ? whole / refRate : 0);
    std::printf("  users/s by tenth of the run:");
    for (int d = 0; d < 10; ++d)
        std::printf(" %.0f", rateBetween(m.samples,
                                         d == 0 && !m.samples.empty() ? double(m.samples[0].stored)
                                                                      : 0.1 * d * n,
                                         0.1 * (d + 1) * n));
    std::printf("\n");
    std::printf("  RSS (MiB) at each tenth of the run:");
    for (int d = 1; d <= 10; ++d)
        if (const Sample* x = at(m.samples, 0.1 * d * n))
            std::printf(" %.0f", double(x->rssKiB) / 1024.0);
    std::printf("\n");
    std::printf("  project: %.1f MB for a %.1f MB dataset (%.2fx; %.1f KB a user; the run used "
                "%llu of its %llu users)\n",
                double(bytes) / 1e6, double(data.bytes) / 1e6, double(bytes) / double(data.bytes),
                double(bytes) / n / 1e3, static_cast<unsigned long long>(o.users),
                static_cast<unsigned long long>(data.users));
    if (o.keep)
        std::printf("  kept: uibench_scale --project %s --dataset %s --outputs %s\n",
                    project.c_str(), questions.c_str(), outputsOf(questions).c_str());
    return m.exitCode == 0 && ref.exitCode == 0;
}

std::int64_t scalar(sqlite3* db, const std::string& query) {
    sql::Statement s(db, query);
    if (!s.prepared()) {
        std::fprintf(stderr, "  SQL: %s\n", s.prepareError().c_str());
        return -1;
    }
    return s.step() ? s.int64(0) : -1;
}

// The rows of (run 1 of) `project` against those of the uninterrupted `reference`.
bool checkResumed(const std::string& project, const std::string& reference, std::uint64_t users) {
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::ReadOnly);
    if (!store) {
        std::fprintf(stderr, "  %s\n", store.error().message.c_str());
        return false;
    }
    sqlite3* db = (*store)->handle();
    if (!sql::exec(db, "ATTACH DATABASE 'file:" + reference + "?mode=ro' AS ref"))
        return false;
    const std::int64_t expected = static_cast<std::int64_t>(users) * 4;
    const std::string key = "r.run_id = 1 AND r.user_id = x.user_id AND r.system = x.system";
    struct Check {
        const char* what;
        std::string query;
        std::int64_t want;
    };
    const std::vector<Check> checks = {
        {"stored user x system rows", "SELECT count(*) FROM run_users WHERE run_id = 1", expected},
        {"distinct users stored", "SELECT count(DISTINCT user_id) FROM run_users WHERE run_id = 1",
         static_cast<std::int64_t>(users)},
        {"rows not 'done'", "SELECT count(*) FROM run_users WHERE run_id = 1 AND status != 'done'",
         0},
        {"users without all 4 systems",
         "SELECT count(*) FROM (SELECT user_id FROM run_users WHERE run_id = 1 GROUP BY user_id "
         "HAVING count(*) != 4)",
         0},
        {"rows of users the reference has not",
         "SELECT count(*) FROM run_users x WHERE run_id = 1 AND NOT EXISTS (SELECT 1 FROM "
         "ref.run_users r WHERE " +
             key + ")",
         0},
        {"steps without their user's row",
         "SELECT count(*) FROM run_steps x WHERE run_id = 1 AND NOT EXISTS (SELECT 1 FROM "
         "run_users r WHERE " +
             key + ")",
         0},
        {"events without their user's row",
         "SELECT count(*) FROM run_events x WHERE run_id = 1 AND NOT EXISTS (SELECT 1 FROM "
         "run_users r WHERE " +
             key + ")",
         0},
        {"verdicts without their user's row",
         "SELECT count(*) FROM run_verdicts x WHERE run_id = 1 AND NOT EXISTS (SELECT 1 FROM "
         "run_users r WHERE " +
             key + ")",
         0},
        {"traces whose steps are not numbered 0..n-1",
         "SELECT count(*) FROM (SELECT min(seq) AS lo, max(seq) AS hi, count(*) AS n FROM "
         "run_steps WHERE run_id = 1 GROUP BY user_id, system) WHERE lo != 0 OR hi != n - 1",
         0},
        {"steps not 'done'", "SELECT count(*) FROM run_steps WHERE run_id = 1 AND status != 'done'",
         0},
        {"rows unlike the uninterrupted run's (prediction, status, scores, tokens)",
         "SELECT count(*) FROM run_users x JOIN ref.run_users r ON " + key +
             " WHERE x.run_id = 1 AND (x.prediction IS NOT r.prediction OR x.status IS NOT "
             "r.status OR x.scores IS NOT r.scores OR x.reasoning_tokens IS NOT "
             "r.reasoning_tokens OR x.interventions IS NOT r.interventions)",
         0},
        {"traces whose steps differ from the uninterrupted run's (stage, status, tokens)",
         "SELECT count(*) FROM (SELECT user_id, system, seq, stage, candidate, status, "
         "prompt_tokens, completion_tokens FROM run_steps WHERE run_id = 1 EXCEPT SELECT "
         "user_id, system, seq, stage, candidate, status, prompt_tokens, completion_tokens FROM "
         "ref.run_steps WHERE run_id = 1)",
         0},
        {"reference steps missing after the resume",
         "SELECT count(*) FROM (SELECT user_id, system, seq FROM ref.run_steps WHERE run_id = 1 "
         "EXCEPT SELECT user_id, system, seq FROM run_steps WHERE run_id = 1)",
         0},
        {"events unlike the uninterrupted run's",
         "SELECT (SELECT count(*) FROM run_events WHERE run_id = 1) - (SELECT count(*) FROM "
         "ref.run_events WHERE run_id = 1)",
         0},
        {"runs not 'done'", "SELECT count(*) FROM runs WHERE status != 'done'", 0},
    };
    bool ok = true;
    for (const auto& c : checks) {
        const std::int64_t got = scalar(db, c.query);
        const bool pass = got == c.want;
        ok = ok && pass;
        std::printf("    %-4s %s: %lld (want %lld)\n", pass ? "ok" : "FAIL", c.what,
                    static_cast<long long>(got), static_cast<long long>(c.want));
    }
    return ok;
}

// kill -9 half way through a run, then --resume: nothing lost, nothing twice.
bool killAndResume(const Options& o, const fs::path& dir, const std::string& questions,
                   std::uint64_t fileUsers) {
    const std::uint64_t users = o.killUsers;
    const std::string project = (dir / "killed.r2p").string();
    const std::string reference = (dir / "reference.r2p").string();
    std::printf("  [%s] kill -9 check, %llu users: the uninterrupted reference run ...\n",
                loadNow().c_str(), static_cast<unsigned long long>(users));
    std::fflush(stdout);
    const Measured ref = runWatched(runArgs(reference, questions, users, fileUsers), 0);
    if (ref.exitCode != 0) {
        std::printf("  FAIL: the reference run exited with %d\n", ref.exitCode);
        return false;
    }
    const Measured killed = runWatched(runArgs(project, questions, users, fileUsers), users / 2);
    std::int64_t storedAtKill = -1;
    if (auto store = ProjectStore::open(project, ProjectStore::OpenMode::ReadOnly); store)
        storedAtKill =
            scalar((*store)->handle(), "SELECT count(*) FROM run_users WHERE run_id = 1");
    std::printf("  killed: %s after %.1f s (exit %d), %lld user x system rows stored\n",
                killed.killed ? "SIGKILL" : "NOT killed (the run ended first)", killed.seconds,
                killed.exitCode, static_cast<long long>(storedAtKill));
    const Measured resumed =
        runWatched({"run", "--project", project, "--resume", "1", "--concurrency", "2"}, 0);
    std::printf("  resumed: %.1f s (exit %d), peak RSS %.0f MiB\n", resumed.seconds,
                resumed.exitCode, double(resumed.peakRssKiB) / 1024.0);
    const bool rows = checkResumed(project, reference, users);
    const bool ok = killed.killed && resumed.exitCode == 0 && rows;
    std::printf("  kill -9 and resume: %s\n", ok ? "PASS" : "FAIL");
    return ok;
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress lines as they come, into a log too
    Options o;
    if (const int code = parseOptions(argc, argv, o))
        return code < 0 ? 0 : code;
    const fs::path dir =
        fs::temp_directory_path() / ("r2p-bench-scale-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string questions = (dir / "dev_questions.json").string();
    GeneratedFile data = writeLamp4Users(questions, std::max(o.users, o.killUsers), 19, 5, 25);
    data.bytes += writeLamp4Outputs(outputsOf(questions), data.users, 23);
    std::printf("bench_run_scale: %llu users generated (%.1f MB with golds, 5-25 profile items "
                "each); "
                "r2p + no-profile + lamp-rag + lrm-rag, offline backend, concurrency 2 [%s]\n",
                static_cast<unsigned long long>(data.users), double(data.bytes) / 1e6,
                loadNow().c_str());
    warmPageCache(questions);
    bool ok = measureRun(o, dir, questions, data);
    if (o.kill)
        ok = killAndResume(o, dir, questions, data.users) && ok;
    if (o.keep) {
        std::printf("  files kept in %s\n", dir.c_str());
    } else {
        fs::remove_all(dir);
    }
    return ok ? 0 : 1;
}
