// The one way outside text goes into JSON: every dump replaces ill-formed UTF-8 with U+FFFD
// instead of throwing nlohmann::json::type_error 316 (which aborted the CLI on invalid bytes).
// Header-only so that each layer can use it with its own (private) nlohmann_json link.
#pragma once

#include "Util.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace r2p {

template <class Json> std::string dumpJson(const Json& value, int indent = -1) {
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// Where a JSON parse error stopped (1-based line and column of the byte the parser stopped at)
// and the library's words without their "[json.exception...] ... column C: " prefix.
struct JsonErrorText {
    std::size_t line = 0;
    std::size_t column = 0;
    std::string detail;
};
inline JsonErrorText describeParseError(std::string_view text,
                                        const nlohmann::json::parse_error& e) {
    // e.byte is 1-based.
    const auto [line, column] = lineColumn(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string detail = e.what();
    if (const auto c = detail.find("column "); c != std::string::npos)
        if (const auto colon = detail.find(": ", c); colon != std::string::npos)
            detail = detail.substr(colon + 2);
    return {line, column, std::move(detail)};
}

// The words of any other JSON library exception (e.g. out_of_range 406, a number beyond
// double's range) without the "[json.exception.<kind>.<id>] " prefix.
inline std::string jsonExceptionDetail(const nlohmann::json::exception& e) {
    std::string detail = e.what();
    if (const auto bracket = detail.find("] "); bracket != std::string::npos)
        detail = detail.substr(bracket + 2);
    return detail;
}

} // namespace r2p
