#include "TagSet.h"

#include "model/JsonPositions.h"
#include "model/JsonText.h"
#include "model/Sqlite.h"
#include "model/Utf8.h"
#include "model/Util.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

namespace r2p::tags {

namespace data {
extern const char* const kTagSetPath;
extern const char* const kTagSetJson;
} // namespace data

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr const char* kMetaKey = "tagset";
constexpr std::string_view kArchivePrefix = "tagset:"; // + id + ":v" + version

constexpr std::array<std::string_view, kTagRuleCount> kRuleNames{
    "well-formed", "required",      "transition", "occurrences",
    "length",      "answer-format", "citations",  "repetition"};
constexpr std::array<TagRule, kTagRuleCount> kRules{
    TagRule::WellFormed, TagRule::Required,     TagRule::Transition, TagRule::Occurrences,
    TagRule::Length,     TagRule::AnswerFormat, TagRule::Citations,  TagRule::Repetition};

constexpr std::array<std::string_view, 9> kTopKeys{
    "id", "version", "name", "description", "answer_tag", "nesting", "first", "weights", "tags"};
constexpr std::array<std::string_view, 13> kTagKeys{"id",
                                                    "name",
                                                    "description",
                                                    "colour",
                                                    "required",
                                                    "min_occurrences",
                                                    "max_occurrences",
                                                    "next",
                                                    "min_tokens",
                                                    "max_tokens",
                                                    "cite",
                                                    "hrt_level",
                                                    "cues"};
constexpr std::array<StageId, 4> kHrtLevels{StageId::TaskAnalysis, StageId::ProfileSynthesis,
                                            StageId::AnswerPlan, StageId::Answer};
constexpr std::int64_t kMaxCount = 1'000'000;

bool wellFormedId(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-' ||
        !(id.front() >= 'a' && id.front() <= 'z'))
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool hexColour(std::string_view s) {
    if (s.size() != 7 || s[0] != '#')
        return false;
    return std::all_of(s.begin() + 1, s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

// A problem in a tag set file; parseTagSet turns it into an Error.
struct Invalid {
    std::string message;
};

// Validation of one parsed document: every check throws Invalid at the first problem, located
// at the JSON pointer it is about.
class Reader {
public:
    Reader(std::string_view text, const std::string& source, JsonPositions positions)
        : text_(text), source_(source), positions_(std::move(positions)) {}

    [[noreturn]] void fail(const std::string& pointer, std::string_view rule,
                           const std::string& what, bool atKey = false) const {
        throw Invalid{source_ + ": " + where(pointer, atKey) + std::string(rule) + ": " + what};
    }

    std::string where(const std::string& pointer, bool atKey) const {
        return jsonPositionText(text_, positions_, pointer, atKey);
    }

    template <std::size_t N>
    void knownKeys(const Json& obj, const std::array<std::string_view, N>& keys,
                   const std::string& pointer, const std::string& label) const {
        for (const auto& [key, value] : obj.items())
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
                std::string expected;
                for (auto k : keys)
                    expected += (expected.empty() ? "" : ", ") + std::string(k);
                fail(pointer + "/" + jsonPointerToken(key), "unknown-key",
                     label + "unknown key \"" + clipUtf8(key, 60) + "\" (expected " + expected +
                         ")",
                     true);
            }
    }

    std::string string(const Json& obj, const std::string& key, const std::string& pointer,
                       const std::string& label, bool required) const {
        const std::string p = pointer + "/" + key;
        if (!obj.contains(key)) {
            if (required)
                fail(pointer, "missing", label + "\"" + key + "\" is missing");
            return {};
        }
        if (!obj.at(key).is_string())
            fail(p, "type", label + "\"" + key + "\" must be a string");
        std::string s = obj.at(key).get<std::string>();
        if (required && blank(s))
            fail(p, "empty", label + "\"" + key + "\" is empty");
        return s;
    }

    bool boolean(const Json& obj, const std::string& key, const std::string& pointer,
                 const std::string& label) const {
        if (!obj.contains(key))
            return false;
        if (!obj.at(key).is_boolean())
            fail(pointer + "/" + key, "type", label + "\"" + key + "\" must be true or false");
        return obj.at(key).get<bool>();
    }

    // An optional whole number in [min, kMaxCount]; `fallback` when absent.
    int count(const Json& obj, const std::string& key, const std::string& pointer,
              const std::string& label, std::int64_t min, int fallback) const {
        if (!obj.contains(key))
            return fallback;
        const Json& v = obj.at(key);
        const std::string p = pointer + "/" + key;
        if (!v.is_number_integer())
            fail(p, "type", label + "\"" + key + "\" must be a whole number");
        const bool tooLarge = v.is_number_unsigned() &&
                              v.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxCount);
        if (tooLarge || v.get<std::int64_t>() > kMaxCount || v.get<std::int64_t>() < min)
            fail(p, "range",
                 label + "\"" + key + "\" must be from " + std::to_string(min) + " to " +
                     std::to_string(kMaxCount));
        return static_cast<int>(v.get<std::int64_t>());
    }

    // An array of distinct tag ids (checked against the set later).
    std::vector<std::string> idList(const Json& obj, const std::string& key,
                                    const std::string& pointer, const std::string& label) const {
        const Json& v = obj.at(key);
        const std::string p = pointer + "/" + key;
        if (!v.is_array())
            fail(p, "type", label + "\"" + key + "\" must be an array of tag ids");
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string ip = p + "/" + std::to_string(i);
            if (!v[i].is_string())
                fail(ip, "type", label + key + "[" + std::to_string(i) + "] must be a tag id");
            std::string id = v[i].get<std::string>();
            if (std::find(ids.begin(), ids.end(), id) != ids.end())
                fail(ip, "unique-id",
                     label + key + "[" + std::to_string(i) + "] \"" + clipUtf8(id, 60) +
                         "\" is listed twice");
            ids.push_back(std::move(id));
        }
        return ids;
    }

private:
    std::string_view text_;
    const std::string& source_;
    JsonPositions positions_;
};

TagDef parseTag(const Reader& r, const Json& j, std::size_t index) {
    const std::string p = "/tags/" + std::to_string(index);
    std::string label = "tags[" + std::to_string(index) + "]";
    if (!j.is_object())
        r.fail(p, "type", label + " must be an object with \"id\", \"name\" and \"colour\"");
    if (j.contains("id") && j.at("id").is_string())
        label += " (\"" + clipUtf8(j.at("id").get<std::string>(), 60) + "\")";
    label += ": ";
    r.knownKeys(j, kTagKeys, p, label);
    TagDef t;
    t.id = r.string(j, "id", p, label, true);
    if (!wellFormedId(t.id))
        r.fail(p + "/id", "id",
               label + "the id must be 1 to 64 lower-case letters, digits and '-', starting with "
                       "a letter and not ending with '-'");
    t.name = r.string(j, "name", p, label, true);
    t.description = r.string(j, "description", p, label, false);
    t.colour = r.string(j, "colour", p, label, true);
    if (!hexColour(t.colour))
        r.fail(p + "/colour", "colour",
               label + "\"colour\" must be \"#rrggbb\" (six hex digits), not \"" +
                   clipUtf8(t.colour, 30) + "\"");
    t.required = r.boolean(j, "required", p, label);
    // A lower bound (0 or more) and an upper one (1 or more, absent: none) that is not below it.
    auto bounds = [&](const std::string& what, int& min, int& max) {
        min = r.count(j, "min_" + what, p, label, 0, 0);
        max = r.count(j, "max_" + what, p, label, 1, 0);
        if (max > 0 && min > max)
            r.fail(p + "/max_" + what, "range",
                   label + "\"max_" + what + "\" " + std::to_string(max) + " is below \"min_" +
                       what + "\" " + std::to_string(min));
    };
    bounds("occurrences", t.minOccurrences, t.maxOccurrences);
    if (j.contains("next"))
        t.next = r.idList(j, "next", p, label);
    bounds("tokens", t.minTokens, t.maxTokens);
    t.cite = r.boolean(j, "cite", p, label);
    if (j.contains("hrt_level")) {
        const std::string level = r.string(j, "hrt_level", p, label, true);
        const auto stage = parseStageName(level);
        if (!stage || std::find(kHrtLevels.begin(), kHrtLevels.end(), *stage) == kHrtLevels.end())
            r.fail(p + "/hrt_level", "hrt-level",
                   label + "\"hrt_level\" \"" + clipUtf8(level, 40) +
                       "\" is not an HRT level (task_analysis, profile_synthesis, answer_plan, "
                       "answer)");
        t.hrtLevel = *stage;
    }
    if (j.contains("cues")) {
        const Json& cues = j.at("cues");
        if (!cues.is_array())
            r.fail(p + "/cues", "type", label + "\"cues\" must be an array of phrases");
        for (std::size_t i = 0; i < cues.size(); ++i) {
            const std::string cp = p + "/cues/" + std::to_string(i);
            if (!cues[i].is_string() || blank(cues[i].get<std::string>()))
                r.fail(cp, "type", label + "cues[" + std::to_string(i) + "] must be a phrase");
            t.cues.push_back(cues[i].get<std::string>());
        }
    }
    return t;
}

TagSet fromDocument(const Json& root, const Reader& r) {
    if (!root.is_object())
        r.fail("", "type",
               "a tag set is a JSON object with \"id\", \"version\", \"name\", \"answer_tag\", "
               "\"weights\" and \"tags\"");
    r.knownKeys(root, kTopKeys, "", "");
    TagSet s;
    s.id = r.string(root, "id", "", "", true);
    if (!wellFormedId(s.id))
        r.fail("/id", "id",
               "\"id\" must be 1 to 64 lower-case letters, digits and '-', starting with a "
               "letter");
    if (!root.contains("version"))
        r.fail("", "missing", "\"version\" is missing");
    s.version = r.count(root, "version", "", "", 1, 0);
    s.name = r.string(root, "name", "", "", true);
    s.description = r.string(root, "description", "", "", false);
    s.nesting = r.boolean(root, "nesting", "", "");

    if (!root.contains("tags"))
        r.fail("", "missing", "\"tags\" is missing");
    const Json& tags = root.at("tags");
    if (!tags.is_array())
        r.fail("/tags", "type", "\"tags\" must be an array of tags");
    if (tags.empty())
        r.fail("/tags", "empty", "\"tags\" is empty");
    for (std::size_t i = 0; i < tags.size(); ++i) {
        TagDef t = parseTag(r, tags[i], i);
        for (std::size_t k = 0; k < s.tags.size(); ++k) {
            if (s.tags[k].id == t.id)
                r.fail("/tags/" + std::to_string(i) + "/id", "unique-id",
                       "tags[" + std::to_string(i) + "]: the id \"" + t.id +
                           "\" is already used by tags[" + std::to_string(k) + "]");
            if (t.hrtLevel != StageId::Invalid && s.tags[k].hrtLevel == t.hrtLevel)
                r.fail("/tags/" + std::to_string(i) + "/hrt_level", "hrt-level",
                       "tags[" + std::to_string(i) + "] (\"" + t.id + "\"): the HRT level \"" +
                           std::string(stageName(t.hrtLevel)) + "\" is already mapped to \"" +
                           s.tags[k].id + "\"");
        }
        s.tags.push_back(std::move(t));
    }
    // References to tags, now that all are known.
    auto knownTag = [&](const std::string& id, const std::string& pointer,
                        const std::string& label) {
        if (!s.find(id))
            r.fail(pointer, "known-tag",
                   label + " \"" + clipUtf8(id, 60) + "\" is not a tag of this set");
    };
    for (std::size_t i = 0; i < s.tags.size(); ++i)
        if (s.tags[i].next)
            for (std::size_t n = 0; n < s.tags[i].next->size(); ++n)
                knownTag((*s.tags[i].next)[n],
                         "/tags/" + std::to_string(i) + "/next/" + std::to_string(n),
                         "tags[" + std::to_string(i) + "] (\"" + s.tags[i].id + "\"): next[" +
                             std::to_string(n) + "]");
    if (root.contains("first")) {
        s.first = r.idList(root, "first", "", "");
        if (s.first->empty())
            r.fail("/first", "empty", "\"first\" is empty (leave it out to allow any tag)");
        for (std::size_t n = 0; n < s.first->size(); ++n)
            knownTag((*s.first)[n], "/first/" + std::to_string(n),
                     "first[" + std::to_string(n) + "]");
    }
    s.answerTag = r.string(root, "answer_tag", "", "", true);
    if (!s.find(s.answerTag))
        r.fail("/answer_tag", "answer-tag",
               "\"answer_tag\" \"" + clipUtf8(s.answerTag, 60) + "\" is not a tag of this set");

    if (!root.contains("weights"))
        r.fail("", "missing", "\"weights\" is missing");
    const Json& weights = root.at("weights");
    if (!weights.is_object())
        r.fail("/weights", "type", "\"weights\" must be an object: rule name to weight");
    std::string names;
    for (auto n : kRuleNames)
        names += (names.empty() ? "" : ", ") + std::string(n);
    for (const auto& [key, value] : weights.items())
        if (!parseTagRule(key))
            r.fail("/weights/" + jsonPointerToken(key), "unknown-key",
                   "weights: unknown rule \"" + clipUtf8(key, 60) + "\" (the rules are " + names +
                       ")",
                   true);
    double total = 0;
    for (std::size_t i = 0; i < kTagRuleCount; ++i) {
        const std::string key(kRuleNames[i]);
        if (!weights.contains(key))
            r.fail("/weights", "weights",
                   "weights: \"" + key +
                       "\" is missing (give every rule a weight, 0 to ignore "
                       "it)");
        const Json& w = weights.at(key);
        if (!w.is_number() || !std::isfinite(w.get<double>()) || w.get<double>() < 0 ||
            w.get<double>() > 1e6)
            r.fail("/weights/" + key, "weights",
                   "weights: \"" + key + "\" must be a number from 0 to 1000000");
        s.weights[i] = w.get<double>();
        total += s.weights[i];
    }
    if (total <= 0)
        r.fail("/weights", "weights", "weights: at least one rule needs a weight above 0");
    return s;
}

TagSet loadBuiltin() {
    auto s = parseTagSet(data::kTagSetJson, data::kTagSetPath);
    if (s)
        return std::move(s).value();
    // Cannot happen with the shipped file (a test parses it); keep checking possible anyway.
    TagSet fallback;
    fallback.id = "fallback";
    fallback.version = 1;
    fallback.name = "Answer only";
    fallback.answerTag = "answer";
    fallback.weights.fill(1);
    fallback.tags.push_back({});
    fallback.tags.back().id = "answer";
    fallback.tags.back().name = "Answer";
    fallback.tags.back().colour = "#59a14f";
    return fallback;
}

std::string archiveKey(std::string_view id, int version) {
    return std::string(kArchivePrefix) + std::string(id) + ":v" + std::to_string(version);
}

// The stored text under `key`: nullopt when there is none.
Result<std::optional<std::string>> readMeta(const ProjectStore& store, const std::string& key) {
    sql::Statement st(store.handle(), "SELECT value FROM project_meta WHERE key = ?1");
    st.bind(1, std::string_view(key));
    if (!st.step()) {
        if (st.failed())
            return Error{store.path() + ": cannot read the tag set: " + st.error()};
        return std::optional<std::string>();
    }
    return std::optional<std::string>(st.text(0));
}

} // namespace

std::string_view tagRuleName(TagRule rule) {
    const auto i = static_cast<std::size_t>(rule);
    return i >= 1 && i <= kTagRuleCount ? kRuleNames[i - 1] : std::string_view();
}

std::optional<TagRule> parseTagRule(std::string_view name) {
    for (std::size_t i = 0; i < kTagRuleCount; ++i)
        if (kRuleNames[i] == name)
            return kRules[i];
    return std::nullopt;
}

const std::array<TagRule, kTagRuleCount>& allTagRules() {
    return kRules;
}

const TagDef* TagSet::find(std::string_view tagId) const {
    for (const auto& t : tags)
        if (t.id == tagId)
            return &t;
    return nullptr;
}

double TagSet::weight(TagRule rule) const {
    const auto i = static_cast<std::size_t>(rule);
    return i >= 1 && i <= kTagRuleCount ? weights[i - 1] : 0.0;
}

const TagDef* TagSet::forHrtLevel(StageId level) const {
    if (level == StageId::Invalid)
        return nullptr;
    for (const auto& t : tags)
        if (t.hrtLevel == level)
            return &t;
    return nullptr;
}

Result<TagSet> parseTagSet(std::string_view json, const std::string& sourceName) {
    Json root;
    try {
        root = Json::parse(json);
    } catch (const Json::parse_error& e) {
        const JsonErrorText at = describeParseError(json, e);
        return Error{sourceName + ": line " + std::to_string(at.line) + ", column " +
                     std::to_string(at.column) + ": json-syntax: " + clipUtf8(at.detail, 200)};
    }
    try {
        JsonPositions positions = scanJsonPositions(json);
        if (positions.duplicateKey) {
            const auto [line, column] = lineColumn(json, positions.duplicateKey->second);
            return Error{sourceName + ": line " + std::to_string(line) + ", column " +
                         std::to_string(column) + ": duplicate-key: the key at " +
                         clipUtf8(positions.duplicateKey->first, 80) +
                         " appears twice in one object"};
        }
        const Reader r(json, sourceName, std::move(positions));
        return fromDocument(root, r);
    } catch (const Invalid& e) {
        return Error{e.message};
    } catch (const Json::exception& e) {
        return Error{sourceName + ": type: " + clipUtf8(e.what(), 200)};
    }
}

std::string tagSetJson(const TagSet& s) {
    OrderedJson root;
    root["id"] = s.id;
    root["version"] = s.version;
    root["name"] = s.name;
    root["description"] = s.description;
    root["answer_tag"] = s.answerTag;
    root["nesting"] = s.nesting;
    if (s.first)
        root["first"] = *s.first;
    OrderedJson weights = OrderedJson::object();
    for (std::size_t i = 0; i < kTagRuleCount; ++i)
        weights[std::string(kRuleNames[i])] = s.weights[i];
    root["weights"] = std::move(weights);
    OrderedJson tags = OrderedJson::array();
    for (const auto& t : s.tags) {
        OrderedJson j;
        j["id"] = t.id;
        j["name"] = t.name;
        j["description"] = t.description;
        j["colour"] = t.colour;
        j["required"] = t.required;
        j["min_occurrences"] = t.minOccurrences;
        if (t.maxOccurrences > 0)
            j["max_occurrences"] = t.maxOccurrences;
        if (t.next)
            j["next"] = *t.next;
        j["min_tokens"] = t.minTokens;
        if (t.maxTokens > 0)
            j["max_tokens"] = t.maxTokens;
        j["cite"] = t.cite;
        if (t.hrtLevel != StageId::Invalid)
            j["hrt_level"] = std::string(stageName(t.hrtLevel));
        if (!t.cues.empty())
            j["cues"] = t.cues;
        tags.push_back(std::move(j));
    }
    root["tags"] = std::move(tags);
    return dumpJson(root, 2) + "\n";
}

const TagSet& builtinTagSet() {
    static const TagSet builtin = loadBuiltin();
    return builtin;
}

Result<TagSet> projectTagSet(const ProjectStore& store) {
    std::lock_guard lock(store.mutex());
    auto text = readMeta(store, kMetaKey);
    if (!text)
        return text.error();
    if (!*text)
        return builtinTagSet();
    return parseTagSet(**text, store.path() + " (project tag set)");
}

Result<TagSet> projectTagSetVersion(const ProjectStore& store, std::string_view id, int version) {
    const TagSet& builtin = builtinTagSet();
    if (builtin.id == id && builtin.version == version)
        return builtin;
    std::lock_guard lock(store.mutex());
    auto text = readMeta(store, archiveKey(id, version));
    if (!text)
        return text.error();
    if (!*text)
        return Error{store.path() + ": no tag set \"" + clipUtf8(id, 60) + "\" version " +
                     std::to_string(version) + " in this project"};
    return parseTagSet(**text, store.path() + " (tag set " + std::string(id) + " version " +
                                   std::to_string(version) + ")");
}

Status setProjectTagSet(ProjectStore& store, const TagSet& set) {
    const std::string text = tagSetJson(set);
    // The same checks as a file gets, so a project never holds a tag set it cannot read back.
    auto parsed = parseTagSet(text, "the new tag set");
    if (!parsed)
        return parsed.error();
    const std::string named = "tag set \"" + set.id + "\" version " + std::to_string(set.version);
    const TagSet& builtin = builtinTagSet();
    if (builtin.id == set.id && builtin.version == set.version && !(builtin == *parsed))
        return Error{named + " is the shipped one but differs from it: give it another id or a "
                             "higher version (nothing was changed)"};
    std::lock_guard lock(store.mutex());
    sql::Transaction tx(store.handle());
    if (!tx.begun())
        return Error{store.path() + ": cannot change the tag set: " + tx.begun().error().message};
    const std::string key = archiveKey(set.id, set.version);
    auto earlier = readMeta(store, key);
    if (!earlier)
        return earlier.error();
    if (*earlier) {
        auto old = parseTagSet(**earlier, store.path() + " (" + named + ")");
        if (!old || !(*old == *parsed))
            return Error{store.path() + ": " + named +
                         " is already stored with other content: raise its version so spans "
                         "made with the earlier one keep it (nothing was changed)"};
    }
    for (const std::string& k : {std::string(kMetaKey), key}) {
        sql::Statement st(store.handle(),
                          "INSERT OR REPLACE INTO project_meta(key, value) VALUES(?1, ?2)");
        st.bind(1, std::string_view(k)).bind(2, std::string_view(text));
        if (auto s = st.run(); !s)
            return Error{store.path() + ": cannot change the tag set: " + s.error().message};
    }
    if (auto s = tx.commit(); !s)
        return Error{store.path() + ": cannot change the tag set: " + s.error().message};
    return Ok{};
}

} // namespace r2p::tags
