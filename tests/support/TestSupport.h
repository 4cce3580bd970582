// Helpers shared by tests: temporary directories and files, and running the CLI.
#pragma once

#include <filesystem>
#include <string>
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

std::string sourceDir();
std::string sharedDir();
std::string demoDir(); // resources/demo in the source tree

} // namespace r2p::test
