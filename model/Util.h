// Small helpers the model layer shares: normalised absolute paths, UTC timestamps, and where
// a byte offset is in a text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace r2p {

// The absolute, lexically normalised form of `path` (unchanged if that fails; "" stays "").
std::string absolutePath(const std::string& path);
// Now, as ISO 8601 UTC: "2026-11-21T22:03:00Z".
std::string nowIsoUtc();
// 1-based line and column (in bytes) of a byte offset in a text, as load errors report them.
std::pair<std::size_t, std::size_t> lineColumn(std::string_view text, std::size_t offset);

} // namespace r2p
