#include "JsonPositions.h"

#include "Util.h"

#include <set>
#include <vector>

namespace r2p {

std::string jsonPointerToken(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

JsonPositions scanJsonPositions(std::string_view text, std::size_t maxDepth) {
    JsonPositions out;
    struct Frame {
        bool object = false;
        std::string path;
        std::size_t index = 0;
        std::set<std::string> seen;
    };
    std::vector<Frame> stack;
    std::size_t i = 0;
    auto skipWs = [&] {
        while (i < text.size() &&
               (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            ++i;
    };
    // Reads the string at text[i] == '"' (simple escapes decoded, \u kept as written).
    auto readString = [&] {
        std::string s;
        ++i;
        while (i < text.size() && text[i] != '"') {
            if (text[i] == '\\' && i + 1 < text.size()) {
                const char e = text[i + 1];
                if (e == 'u')
                    s += "\\u";
                else
                    s += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
                i += 2;
            } else {
                s += text[i++];
            }
        }
        ++i; // the closing quote
        return s;
    };
    std::string path; // the pointer of the value about to be read
    bool expectValue = true;
    // A key of the innermost object at text[i]; false if there is none (not well-formed).
    auto readKey = [&] {
        skipWs();
        if (i >= text.size() || text[i] != '"' || stack.empty())
            return false;
        Frame& f = stack.back();
        const std::size_t keyAt = i;
        const std::string key = readString();
        path = f.path + "/" + jsonPointerToken(key);
        out.keys.emplace(path, keyAt);
        if (!f.seen.insert(key).second && !out.duplicateKey)
            out.duplicateKey = std::make_pair(path, keyAt);
        skipWs();
        if (i < text.size() && text[i] == ':')
            ++i;
        expectValue = true;
        return true;
    };
    while (i < text.size()) {
        skipWs();
        if (i >= text.size())
            break;
        const char c = text[i];
        if (expectValue) {
            out.values.emplace(path, i);
            expectValue = false;
            if (c == '{' || c == '[') {
                // Too deep: positions of the enclosing value will do.
                if (stack.size() >= maxDepth)
                    path = stack.back().path;
                stack.push_back({c == '{', path, 0, {}});
                ++i;
                skipWs();
                if (i < text.size() && (text[i] == '}' || text[i] == ']')) {
                    ++i;
                    stack.pop_back();
                } else if (c == '[') {
                    path = stack.back().path + "/0";
                    expectValue = true;
                } else if (!readKey()) {
                    break;
                }
            } else if (c == '"') {
                readString();
            } else {
                while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' &&
                       text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
                    ++i;
            }
            continue;
        }
        if (stack.empty())
            break;
        if (c == ',') {
            ++i;
            Frame& f = stack.back();

            if (f.object) {
                if (!readKey())
                    break;
            } else {
                ++f.index;
                path = f.path + "/" + std::to_string(f.index);
                expectValue = true;
            }
        } else if (c == '}' || c == ']') {
            ++i;
            stack.pop_back();
        } else {
            break;
        }
    }
    return out;
}

std::string jsonPositionText(std::string_view text, const JsonPositions& positions,
                             std::string pointer, bool atKey) {
    for (;;) {
        const auto& map = atKey ? positions.keys : positions.values;
        if (auto it = map.find(pointer); it != map.end()) {
            const auto [line, column] = lineColumn(text, it->second);
            return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": ";
        }
        if (pointer.empty())
            return "";
        pointer = pointer.substr(0, pointer.rfind('/'));
        atKey = false;
    }
}

} // namespace r2p
