// Helpers shared by tests: temporary directories and files, running the CLI, and finding a
// run's steps by stage name.
#pragma once

#include "model/RunStore.h"
#include "model/Trace.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::test {

// A directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    // Writes `content` to `name` inside the directory and returns its path.
    std::string write(const std::string& name, const std::string& content) const;

private:
    std::filesystem::path path_;
};

std::string readFile(const std::string& path);

// Sets or clears the immutable attribute (chattr +i): the only way to make a file or folder
// unwritable for root, as the tests run. False when the file system or capabilities lack it.
bool setImmutable(const std::string& path, bool on);

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};
// Runs the r2p CLI with these arguments (no shell involved) and collects its output.
ProcessResult runCli(const std::vector<std::string>& args);
// Starts the r2p CLI with these arguments and returns at once with its pid (for a test that
// kills it): stdout goes to `stdoutFd` (e.g. a pipe's write end) or /dev/null, stderr to
// /dev/null. The caller waits for it.
int startCli(const std::vector<std::string>& args, int stdoutFd = -1);

// Steps by stage name ("profile_synthesis", as stageName spells it) and candidate (0 is the
// main chain), so a test does not depend on where the stage plan puts a stage.
// The step, or nullptr when the trace has none (for QVERIFY2 and the like). An unknown stage
// name throws, since it is a typo in the test.
const StepRecord* findStep(const std::vector<StepRecord>& steps, std::string_view stage,
                           int candidate = 0);
// The step; when there is none, throws std::runtime_error naming the stage and listing the
// steps that are there, which fails the test with that reason (gtest reports the exception;
// Qt Test reports it and aborts, with the message on stderr).
const StepRecord& stepOf(const std::vector<StepRecord>& steps, std::string_view stage,
                         int candidate = 0);
StepRecord& stepOf(std::vector<StepRecord>& steps, std::string_view stage, int candidate = 0);
// Every step of that stage in trace order (each candidate's).
std::vector<const StepRecord*> stepsOf(const std::vector<StepRecord>& steps,
                                       std::string_view stage);
// The stages of the steps in trace order: "answer", and "candidates#2" for candidate 2.
std::vector<std::string> stagesOf(const std::vector<StepRecord>& steps);

// The model's spans of a chain as the model wrote it: each <tag>...</tag> of `chain` (no
// nesting, every tag closed), source "model", under the shipped tag set.
std::vector<TagSpanRecord> modelSpans(const std::string& chain);

// A finished LaMP-3 run of tagpr and lrm-rag with hand-made tagged chains for four users (the
// numbers tests/pipeline/test_tag_statistics.cpp works out). `info` names the task's files and
// exactly four users; the systems, status and the rest are set here. Gold ratings are all "4":
//   user 1  <query><preference [P1]><relate><answer>4   every rule holds (14/14), MAE 0
//   user 2  <query><preference [P2]><answer>3           preference->answer breaks transition, MAE 1
//   user 3  <query><answer>2                            required and transition broken, MAE 2
//   user 4  as user 1 but answering 5, no gold, no score
// lrm-rag: user 1's reasoning carries one span a person made ("preference", source human);
// the other users' lrm-rag traces have none. The run id, or 0 with `error`.
std::int64_t storeTaggedRun(ProjectStore& store, RunInfo info, std::string* error);

std::string sourceDir();
std::string sharedDir();
std::string demoDir(); // resources/demo in the source tree

} // namespace r2p::test
