#include "Taxonomy.h"

#include "JsonText.h"
#include "Sqlite.h"
#include "Util.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sqlite3.h>

namespace r2p {

namespace data {
extern const char* const kTaxonomyPath;
extern const char* const kTaxonomyJson;
} // namespace data

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr const char* kMetaKey = "taxonomy";

// The parser's message may quote malformed bytes: keep the error printable ASCII.
std::string printable(std::string_view s) {
    std::string out;
    for (char c : s)
        out += (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) ? '?'
                                                                                               : c;
    return out;
}

bool wellFormedId(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-')
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Where each element of the root object's "labels" array starts in `text` (already parsed, so
// well-formed): the positions errors about a label report.
std::vector<std::size_t> labelOffsets(std::string_view text) {
    std::vector<std::size_t> offsets;
    int depth = 0;         // containers open
    int labelsDepth = 0;   // the depth inside "labels" while in it, else 0
    bool awaiting = false; // the next value inside "labels" starts an element
    std::string key;       // the last key of the root object
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (awaiting && depth == labelsDepth && c != ']') {
            offsets.push_back(i);
            awaiting = false;
        }
        if (c == '"') {
            std::size_t j = i + 1;
            std::string s;
            for (; j < text.size() && text[j] != '"'; ++j) {
                if (text[j] == '\\')
                    ++j; // escapes never matter for the key "labels"
                else
                    s += text[j];
            }
            if (depth == 1) {
                std::size_t k = j + 1;
                while (k < text.size() &&
                       (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r'))
                    ++k;
                if (k < text.size() && text[k] == ':')
                    key = s;
            }
            i = j;
        } else if (c == '{' || c == '[') {
            if (c == '[' && depth == 1 && key == "labels" && labelsDepth == 0) {
                labelsDepth = 2;
                awaiting = true;
            }
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == labelsDepth)
                labelsDepth = -1; // done: a second "labels" key is not looked at
            --depth;
        } else if (c == ',' && depth == labelsDepth) {
            awaiting = true;
        }
    }
    return offsets;
}

// Checks the parsed document; the message names the label (by index and id) at fault, and its
// line and column in `text`.
Result<Taxonomy> fromDocument(const Json& root, std::string_view text, const std::string& source) {
    auto fail = [&](const std::string& what) -> Result<Taxonomy> {
        return Error{source + ": " + what};
    };
    const std::vector<std::size_t> offsets = labelOffsets(text);
    auto at = [&](std::size_t index) {
        if (index >= offsets.size())
            return std::string();
        const auto [line, column] = lineColumn(text, offsets[index]);
        return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": ";
    };
    if (!root.is_object())
        return fail("a taxonomy is a JSON object with \"id\", \"version\" and \"labels\"");
    for (const auto& [key, value] : root.items())
        if (key != "id" && key != "version" && key != "labels")
            return fail("unknown key \"" + key + "\" (expected id, version, labels)");
    Taxonomy t;
    if (root.contains("id")) {
        if (!root["id"].is_string() || !wellFormedId(root["id"].get<std::string>()))
            return fail("\"id\" must be lower-case letters, digits and '-'");
        t.id = root["id"].get<std::string>();
    }
    if (root.contains("version")) {
        if (!root["version"].is_number_integer() || root["version"].get<long long>() < 1 ||
            root["version"].get<long long>() > 1'000'000'000)
            return fail("\"version\" must be a positive integer");
        t.version = root["version"].get<int>();
    }
    if (!root.contains("labels") || !root["labels"].is_array() || root["labels"].empty())
        return fail("\"labels\" must be a non-empty array");
    std::set<std::string> ids, shortcuts;
    std::size_t index = 0;
    for (const auto& l : root["labels"]) {
        std::string where = at(index) + "labels[" + std::to_string(index) + "]";
        ++index;
        if (!l.is_object())
            return fail(where + ": a label is an object with \"id\" and \"name\"");
        if (l.contains("id") && l["id"].is_string())
            where += " (\"" + printable(l["id"].get<std::string>()) + "\")";
        for (const auto& [key, value] : l.items())
            if (key != "id" && key != "name" && key != "description" && key != "shortcut")
                return fail(where + ": unknown key \"" + printable(key) +
                            "\" (expected id, name, description, shortcut)");
        FailureLabel label;
        if (!l.contains("id") || !l["id"].is_string())
            return fail(where + ": \"id\" is missing or not a string");
        label.id = l["id"].get<std::string>();
        if (!wellFormedId(label.id))
            return fail(where + ": the id must be lower-case letters, digits and '-' (not at "
                                "either end)");
        if (!ids.insert(label.id).second)
            return fail(where + ": duplicate id \"" + label.id + "\"");
        if (!l.contains("name") || !l["name"].is_string() || blank(l["name"].get<std::string>()))
            return fail(where + ": \"name\" is missing or empty");
        label.name = l["name"].get<std::string>();
        if (l.contains("description")) {
            if (!l["description"].is_string())
                return fail(where + ": \"description\" must be a string");
            label.description = l["description"].get<std::string>();
        }
        if (l.contains("shortcut")) {
            if (!l["shortcut"].is_string())
                return fail(where + ": \"shortcut\" must be a string \"1\"..\"9\" or \"\"");
            label.shortcut = l["shortcut"].get<std::string>();
            if (!label.shortcut.empty() &&
                (label.shortcut.size() != 1 || label.shortcut[0] < '1' || label.shortcut[0] > '9'))
                return fail(where + ": \"shortcut\" must be \"1\"..\"9\" or \"\", not \"" +
                            printable(label.shortcut) + "\"");
            if (!label.shortcut.empty() && !shortcuts.insert(label.shortcut).second)
                return fail(where + ": shortcut \"" + label.shortcut +
                            "\" is already used by another label");
        }
        t.labels.push_back(std::move(label));
    }
    return t;
}

Taxonomy loadBuiltin() {
    auto t = parseTaxonomy(data::kTaxonomyJson, data::kTaxonomyPath);
    if (t)
        return std::move(t).value();
    // Cannot happen with the shipped file (a test parses it); keep annotating possible anyway.
    Taxonomy fallback;
    fallback.labels.push_back({"other", "Other", "", "8"});
    return fallback;
}

} // namespace

const FailureLabel* Taxonomy::find(std::string_view labelId) const {
    for (const auto& l : labels)
        if (l.id == labelId)
            return &l;
    return nullptr;
}

Result<Taxonomy> parseTaxonomy(std::string_view json, const std::string& sourceName) {
    Json root;
    try {
        root = Json::parse(json);
    } catch (const Json::parse_error& e) {
        const JsonErrorText at = describeParseError(json, e);
        return Error{sourceName + ": line " + std::to_string(at.line) + ", column " +
                     std::to_string(at.column) + ": malformed JSON: " + printable(at.detail)};
    } catch (const Json::exception& e) { // out_of_range 406: a number beyond double's range
        return Error{sourceName + ": " + printable(jsonExceptionDetail(e))};
    }
    try {
        return fromDocument(root, json, sourceName);
    } catch (const Json::exception& e) { // e.g. a string that is not UTF-8
        return Error{sourceName + ": " + printable(e.what())};
    }
}

std::string taxonomyJson(const Taxonomy& taxonomy) {
    OrderedJson root;
    root["id"] = taxonomy.id;
    root["version"] = taxonomy.version;
    OrderedJson labels = OrderedJson::array();
    for (const auto& l : taxonomy.labels)
        labels.push_back({{"id", l.id},
                          {"name", l.name},
                          {"description", l.description},
                          {"shortcut", l.shortcut}});
    root["labels"] = std::move(labels);
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<Taxonomy> readTaxonomyFile(const std::string& path) {
    auto text = readSettingsFile(path, "a taxonomy file", std::uintmax_t{16} << 20);
    if (!text)
        return text.error();
    return parseTaxonomy(*text, path);
}

const Taxonomy& builtinTaxonomy() {
    static const Taxonomy builtin = loadBuiltin();
    return builtin;
}

Result<Taxonomy> projectTaxonomy(const ProjectStore& store) {
    std::lock_guard lock(store.mutex());
    sql::Statement st(store.handle(), "SELECT value FROM project_meta WHERE key = ?1");
    st.bind(1, std::string_view(kMetaKey));
    if (!st.step()) {
        if (st.failed())
            return Error{store.path() + ": cannot read the taxonomy: " + st.error()};
        return builtinTaxonomy();
    }
    return parseTaxonomy(st.text(0), store.path() + " (project taxonomy)");
}

Result<std::vector<std::string>> labelsInUse(const ProjectStore& store) {
    std::lock_guard lock(store.mutex());
    sql::Statement st(store.handle(), "SELECT DISTINCT label FROM annotations ORDER BY label");
    std::vector<std::string> labels;
    while (st.step())
        labels.push_back(st.text(0));
    if (st.failed())
        return Error{store.path() + ": cannot read the annotations' labels: " + st.error()};
    return labels;
}

Status setProjectTaxonomy(ProjectStore& store, const Taxonomy& taxonomy) {
    const std::string text = taxonomyJson(taxonomy);
    // The same checks as a file gets, so a project never holds a taxonomy it cannot read back.
    if (auto parsed = parseTaxonomy(text, "the new taxonomy"); !parsed)
        return parsed.error();
    std::lock_guard lock(store.mutex());
    sql::Transaction tx(store.handle());
    if (!tx.begun())
        return Error{store.path() + ": cannot change the taxonomy: " + tx.begun().error().message};
    auto used = labelsInUse(store);
    if (!used)
        return used.error();
    std::string missing;
    for (const auto& label : *used)
        if (!taxonomy.find(label))
            missing += (missing.empty() ? "" : ", ") + label;
    if (!missing.empty())
        return Error{store.path() + ": the new taxonomy drops labels that annotations use: " +
                     missing + " (nothing was changed)"};
    sql::Statement st(store.handle(),
                      "INSERT OR REPLACE INTO project_meta(key, value) VALUES(?1, ?2)");
    st.bind(1, std::string_view(kMetaKey)).bind(2, text);
    if (auto s = st.run(); !s)
        return Error{store.path() + ": cannot change the taxonomy: " + s.error().message};
    if (auto s = tx.commit(); !s)
        return Error{store.path() + ": cannot change the taxonomy: " + s.error().message};
    return Ok{};
}

} // namespace r2p
