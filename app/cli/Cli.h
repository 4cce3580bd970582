// The r2p command line: a registry of subcommands and the small argument parser they share.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace r2p::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitRuntime = 1, // the work failed (I/O, backend, cancelled)
    kExitUsage = 2,   // bad arguments or bad input
};

struct Command {
    const char* name;
    const char* synopsis; // one line of usage after "r2p NAME"
    const char* summary;
    int (*run)(const std::vector<std::string>& args);
};

// Commands register themselves from their own .cpp file: `static Registrar r{{...}};`.
struct Registrar {
    explicit Registrar(Command command);
};
const std::vector<Command>& commands();

// Parses "--name value", "--flag" and positional arguments. Flags are declared up front so a
// misspelt option is a usage error rather than silently ignored.
class Args {
public:
    Args(std::vector<std::string> valueOptions, std::vector<std::string> flagOptions);
    // false on an unknown option or a missing value; error() says which.
    bool parse(const std::vector<std::string>& args);
    const std::string& error() const { return error_; }

    bool has(const std::string& name) const;
    // The last value given (an option given twice: the second wins).
    std::optional<std::string> value(const std::string& name) const;
    // Every value given, in order (repeatable options such as run's --sampling).
    std::vector<std::string> values(const std::string& name) const;
    std::string valueOr(const std::string& name, const std::string& fallback) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::vector<std::string> valueOptions_, flagOptions_;
    std::map<std::string, std::string> values_;
    std::map<std::string, std::vector<std::string>> all_;
    std::vector<std::string> flags_;
    std::vector<std::string> positional_;
    std::string error_;
};

// Buffered output to stdout or a file. The file is written to a temporary created exclusively
// beside the target (mkstemp: a planted symlink or file there is never followed or reused) and
// renamed over the target at the end, so an interrupted command never leaves a half-written
// file under its name; a failed, oversized (SIGXFSZ) or interrupted (SIGINT, SIGTERM, SIGHUP)
// export removes its temporary.
class Output {
public:
    Output() = default;
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    ~Output();
    // nullopt: stdout. false when the file cannot be created; error() says why.
    bool open(const std::optional<std::string>& path);
    std::string& buffer() { return buffer_; }
    void flushIfFull();
    void flush();
    // Flushes, closes and renames; false on any write error (error() says which).
    bool finish();
    const std::string& error() const { return error_; }

private:
    void discard();
    std::FILE* file_ = nullptr;
    std::string target_, temp_, buffer_, error_;
    int slot_ = -1; // in the table of temporaries the signal handler removes
    bool failed_ = false;
};

// r2p run's work for one run, for a command that makes several (r2p study run). `argv` is what
// r2p run takes; its JSON summary goes to `summaryJson` (set) instead of stdout; `created`
// learns a new run's id as soon as it is stored; with `checkOnly` it stops once the arguments,
// files and dataset check out (the project may be created; no run is stored, no server asked).
struct RunHooks {
    std::string* summaryJson = nullptr;
    std::function<void(std::int64_t)> created;
    bool checkOnly = false;
};
int runOneRun(const std::vector<std::string>& argv, const RunHooks& hooks);

// "a,b,,c" -> {"a", "b", "c"}: the comma lists of --systems, --users, --k.
std::vector<std::string> splitCommas(const std::string& text);

// Prints "r2p CMD: message" to stderr and returns `code`.
int fail(const char* command, const std::string& message, int code);

} // namespace r2p::cli
