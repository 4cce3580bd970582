// The one way outside text goes into JSON: every dump replaces ill-formed UTF-8 with U+FFFD
// instead of throwing nlohmann::json::type_error 316 (which aborted the CLI on invalid bytes).
// Header-only so that each layer can use it with its own (private) nlohmann_json link.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace r2p {

template <class Json> std::string dumpJson(const Json& value, int indent = -1) {
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

} // namespace r2p
