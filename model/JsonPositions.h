// Where each value and key of a JSON text starts, by JSON pointer ("/models/1/endpoints/0"), so
// a settings file's loader can name the line and column of a value that is well-formed JSON but
// wrong (an unknown system, a negative k) and not only of a syntax error.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace r2p {

struct JsonPositions {
    std::unordered_map<std::string, std::size_t> values;             // pointer -> byte offset
    std::unordered_map<std::string, std::size_t> keys;               // pointer -> offset of its key
    std::optional<std::pair<std::string, std::size_t>> duplicateKey; // pointer, key offset
};

// Scans text a JSON parser already accepted (so it is well-formed). Nesting deeper than
// `maxDepth` is recorded at the enclosing value's pointer (paths stay short, so deep nesting
// costs linear time). Also finds the first key that occurs twice in one object (nlohmann keeps
// the last silently). Iterative: nesting depth is no risk.
JsonPositions scanJsonPositions(std::string_view text, std::size_t maxDepth = 8);

// A key as a JSON pointer token ("~" -> "~0", "/" -> "~1").
std::string jsonPointerToken(std::string_view key);

// "line L, column C: " of the value at `pointer` (of its key with atKey), else of the nearest
// enclosing value that has one; "" when none has.
std::string jsonPositionText(std::string_view text, const JsonPositions& positions,
                             std::string pointer, bool atKey = false);

} // namespace r2p
