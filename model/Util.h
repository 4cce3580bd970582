// Small helpers the model layer shares: normalised absolute paths, UTC timestamps, where a
// byte offset is in a text, and reading a small settings file whole.
#pragma once

#include "Result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace r2p {

// The absolute, lexically normalised form of `path` (unchanged if that fails; "" stays "").
std::string absolutePath(const std::string& path);
// Now, as ISO 8601 UTC: "2026-11-21T22:03:00Z".
std::string nowIsoUtc();
// The bytes as lowercase hex digits, two per byte.
std::string hexOf(std::string_view bytes);
// Asks the kernel to back [data, data + bytes) with huge pages where it can and to map it now, in
// one call, instead of one page fault per 4 KiB as it is first written: for a large buffer about
// to be filled (a 100,000-user run's 400,000 outcomes take 77 MB, and their first touch cost a
// third of reading them). Only the whole pages inside the range; a kernel that cannot do either
// (before Linux 5.14, or not Linux) leaves it as it was.
void prefault(void* data, std::size_t bytes);
// LEB128: `v` appended 7 bits a byte, low bits first; getVarint reads one off the front of `in`
// (false, `in` partly consumed, when it ends early or runs past 64 bits).
void putVarint(std::string& out, std::uint64_t v);
bool getVarint(std::string_view& in, std::uint64_t& v);
// 1-based line and column (in bytes) of a byte offset in a text, as load errors report them.
std::pair<std::size_t, std::size_t> lineColumn(std::string_view text, std::size_t offset);
// The whole text of a small settings file (a taxonomy, a price table). A missing path, a
// folder, a FIFO or a device, or a file over `maxBytes` is an Error naming the path and saying
// it should be `what` ("a taxonomy file").
Result<std::string> readSettingsFile(const std::string& path, std::string_view what,
                                     std::uintmax_t maxBytes);

} // namespace r2p
