// What the UI benchmarks share: waiting on the event loop, medians, and starting the workbench
// as a child process.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace r2p::bench {

// Runs the event loop until `done` holds; false when `timeoutMs` passed first.
bool waitUntil(const std::function<bool()>& done, int timeoutMs = 300000);

// The median (upper of the two middle values) and the largest of `v`; 0 when empty.
double medianMs(std::vector<double> v);
double maxMs(const std::vector<double>& v);

// Starts `exe` with `args` by posix_spawn (not QProcess: QProcess's forkfd child handling
// upsets ThreadSanitizer, which then reports races in this process's thread pool), `extraEnv`
// ahead of this process's environment, and returns what it wrote to stdout once it exits;
// nothing when it did not exit within `timeoutMs` (it is killed then).
std::optional<std::string> runWorkbench(const std::string& exe,
                                        const std::vector<std::string>& args,
                                        const std::vector<std::string>& extraEnv, int timeoutMs);

} // namespace r2p::bench
