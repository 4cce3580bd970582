// Batch-engine rounds at scale: a LaMP-4 file of N users, a lamp-rag run made with --backend
// batch (one request per user, so the first round holds N requests), then
//   r2p batch prepare   (the round of N requests written as OpenAI Batch input JSONL)
//   an answer for every line, written here in the OpenAI Batch output format
//   r2p batch ingest    (N answers into the response cache; every user finishes and is stored)
// each timed as its own process. Target: prepare and ingest of a 100,000-request round <= 10 s.
//
//   bench_batch_round [--users 100000] [--smoke] [--keep]
#include "BenchSupport.h"
#include "Lamp4Generator.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>
#include <vector>

using namespace r2p::bench;
namespace fs = std::filesystem;

namespace {

// A questions file of about `users` users: small profiles, so the run's cost is the round's.
GeneratedFile writeUsers(const std::string& path, std::uint64_t users) {
    const auto probe = writeLamp4File(path, 1 << 20, 7, 3, 6);
    const double bytesPerUser =
        double(probe.bytes) / double(std::max<std::uint64_t>(1, probe.users));
    return writeLamp4File(path, static_cast<std::uint64_t>(bytesPerUser * double(users)), 7, 3, 6);
}

// Every request of the round answered, in the OpenAI Batch API's output format.
std::size_t answerRound(const std::string& in, const std::string& out) {
    std::ifstream r(in);
    std::ofstream w(out);
    std::string line;
    std::size_t n = 0;
    while (std::getline(r, line)) {
        const auto req = nlohmann::json::parse(line);
        nlohmann::json body{
            {"id", "chatcmpl-" + std::to_string(n)},
            {"object", "chat.completion"},
            {"model", req["body"]["model"]},
            {"choices",
             {{{"index", 0},
               {"finish_reason", "stop"},
               {"message", {{"role", "assistant"}, {"content", "A headline for the article"}}}}}},
            {"usage", {{"prompt_tokens", 120}, {"completion_tokens", 6}, {"total_tokens", 126}}}};
        nlohmann::json outLine{{"id", "batch_req_" + std::to_string(n)},
                               {"custom_id", req["custom_id"]},
                               {"response", {{"status_code", 200}, {"body", body}}},
                               {"error", nullptr}};
        w << outLine.dump() << '\n';
        ++n;
    }
    return n;
}

std::size_t countLines(const std::string& path) {
    std::ifstream r(path);
    std::size_t n = 0;
    std::string line;
    while (std::getline(r, line))
        n += line.empty() ? 0 : 1;
    return n;
}

constexpr const char* kUsage =
    "usage: bench_batch_round [--users N] [--smoke] [--keep]\n"
    "  --users N  a questions file of about N users (default 100000)\n"
    "  --smoke    300 users (the CTest smoke run)\n"
    "  --keep     leave the files (questions, project, round, answers) for a profiler\n";

// A whole number above 0, the whole of `text`, into `out`; false (out unchanged) otherwise.
bool positiveNumber(const char* text, std::uint64_t& out) {
    if (!std::isdigit(static_cast<unsigned char>(*text)))
        return false;
    char* end = nullptr;
    const auto n = std::strtoull(text, &end, 10);
    if (*end != '\0' || n == 0)
        return false;
    out = n;
    return true;
}

} // namespace

int main(int argc, char** argv) {
    std::uint64_t users = 100000;
    bool keep = false; // --keep: leave the files for a profiler
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--keep") {
            keep = true;
        } else if (a == "--smoke") {
            users = 300;
        } else if (a == "--users" && i + 1 < argc && positiveNumber(argv[i + 1], users)) {
            ++i;
        } else if (a == "--help" || a == "-h") {
            std::printf("%s", kUsage);
            return 0;
        } else {
            std::fprintf(stderr, "bench_batch_round: unknown or incomplete argument '%s'\n%s",
                         a.c_str(), kUsage);
            return 2;
        }
    }
    const fs::path dir =
        fs::temp_directory_path() / ("r2p-bench-batch-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string questions = (dir / "questions.json").string();
    const std::string project = (dir / "p.r2p").string();
    const std::string round = (dir / "round.jsonl").string();
    const std::string output = (dir / "out.jsonl").string();
    const std::string next = (dir / "next.jsonl").string();
    const auto file = writeUsers(questions, users);

    const auto created = runR2p({"run", "--project", project, "--questions", questions, "--task",
                                 "LaMP-4", "--systems", "lamp-rag", "--backend", "batch", "--model",
                                 "bench-model", "--quiet"});
    const auto prepare = runR2p({"batch", "prepare", "--project", project, "--run", "1", "--out",
                                 round, "--concurrency", "2"});
    const std::size_t requests = countLines(round);
    answerRound(round, output);
    const auto ingest =
        runR2p({"batch", "ingest", "--project", project, "--run", "1", "--results", output});
    const auto after =
        runR2p({"batch", "prepare", "--project", project, "--run", "1", "--out", next});
    const std::size_t left = countLines(next);
    std::printf("bench_batch_round: %llu users (%.1f MB questions), lamp-rag, --backend batch\n",
                static_cast<unsigned long long>(file.users), double(file.bytes) / 1e6);
    std::printf("  create run: %.2f s wall, %.2f s CPU (exit %d)\n", created.seconds,
                created.cpuSeconds, created.exitCode);
    std::printf("  prepare: %zu requests in %.2f s wall, %.2f s CPU, peak RSS %.0f MiB (exit %d; "
                "target <= 10 s for 100,000)\n",
                requests, prepare.seconds, prepare.cpuSeconds, double(prepare.peakRssKiB) / 1024.0,
                prepare.exitCode);
    std::printf("  ingest: %.2f s wall, %.2f s CPU, peak RSS %.0f MiB (exit %d; target <= 10 s "
                "for 100,000) — ingest also advances every user and stores them\n",
                ingest.seconds, ingest.cpuSeconds, double(ingest.peakRssKiB) / 1024.0,
                ingest.exitCode);
    std::printf("  next round after ingest: %zu requests (expected 0), %.2f s wall, %.2f s CPU\n",
                left, after.seconds, after.cpuSeconds);
    std::printf("  %s (at the end)\n", loadNow().c_str());
    if (keep)
        std::printf("  files kept in %s\n", dir.string().c_str());
    else
        fs::remove_all(dir);
    const bool ok = created.exitCode == 0 && prepare.exitCode == 0 && ingest.exitCode == 0 &&
                    after.exitCode == 0 && requests == file.users && left == 0;
    return ok ? 0 : 1;
}
