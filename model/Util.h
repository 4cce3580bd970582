// Small helpers the model layer shares: normalised absolute paths and UTC timestamps.
#pragma once

#include <string>

namespace r2p {

// The absolute, lexically normalised form of `path` (unchanged if that fails; "" stays "").
std::string absolutePath(const std::string& path);
// Now, as ISO 8601 UTC: "2026-11-21T22:03:00Z".
std::string nowIsoUtc();

} // namespace r2p
