// Running r2p the way a hostile environment would: with a deadline (so a hang fails the test
// instead of hanging it), a file-size limit (SIGXFSZ), or a signal once its stderr says
// something. Shared by the hostile-input tests of the CLI.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace r2p::test {

struct ChildLimits {
    int timeoutMs = 20000;            // killed with SIGKILL after this; timedOut is then true
    long long fileSizeLimitBytes = 0; // RLIMIT_FSIZE when > 0
    // Send `signal` once stderr contains `signalWhenStderrHas` (0: never).
    int signal = 0;
    std::string signalWhenStderrHas;
};

struct ChildResult {
    int exitCode = -1; // 128 + signal when killed by one
    bool timedOut = false;
    bool signalSent = false;
    std::string out;
    std::string err;
};

ChildResult runCliLimited(const std::vector<std::string>& args, const ChildLimits& limits);

// The names in `dir`, sorted (to prove a command created nothing, or left no temporary).
std::vector<std::string> listDir(const std::string& dir);

} // namespace r2p::test
