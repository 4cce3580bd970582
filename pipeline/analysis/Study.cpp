#include "Study.h"

#include "Cost.h"
#include "RunComparison.h"
#include "TableText.h"
#include "model/JsonPositions.h"
#include "model/JsonText.h"
#include "model/RunStore.h"
#include "model/TemplateStore.h"
#include "model/Utf8.h"
#include "model/Util.h"
#include "pipeline/engine/RunService.h"
#include "pipeline/metrics/LampEvaluation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/stat.h>

namespace r2p::analysis {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr std::uintmax_t kMaxStudyBytes = 1 << 20;
constexpr const char* kMetaPrefix = "study:";

constexpr std::array<std::string_view, 12> kTopKeys{
    "r2p_study", "name",   "title",   "description", "seed",      "repeats",
    "datasets",  "models", "systems", "k",           "reference", "options"};
constexpr std::array<std::string_view, 4> kDatasetKeys{"task", "questions", "outputs", "users"};
constexpr std::array<std::string_view, 8> kModelKeys{"id",        "label",    "backend", "model",
                                                     "endpoints", "base_url", "systems", "options"};
constexpr std::array<std::string_view, 3> kReferenceKeys{"model", "system", "k"};

// The r2p run options a study may set, and what each takes. The cell's own settings (task,
// files, users, systems, backend, model, endpoints, k, seed) are keys of the study instead.
enum class OptionKind { Count, Number, Text, Flag };
struct OptionRule {
    std::string_view name;
    OptionKind kind;
    double min = 0, max = 0;                 // Count and Number
    std::vector<std::string_view> allowed{}; // Text: empty = any text
};
const std::vector<OptionRule>& optionRules() {
    static const std::vector<OptionRule> rules{
        {"candidates", OptionKind::Count, 1, 16},
        {"concurrency", OptionKind::Count, 1, 256},
        {"max-interventions", OptionKind::Count, 0, 10},
        {"max-profile-words", OptionKind::Count, 1, 1e9},
        {"baseline-reasoning-tokens", OptionKind::Count, 1, 1e9},
        {"judge-max-tokens", OptionKind::Count, 1, 1e9},
        {"judge-temperature", OptionKind::Number, 0, 2},
        {"judge-top-p", OptionKind::Number, 1e-9, 1},
        {"timeout-s", OptionKind::Number, 0, 1e6},
        {"idle-timeout-s", OptionKind::Number, 0, 1e6},
        {"max-reply-mb", OptionKind::Number, 1e-9, 1e6},
        {"temperature", OptionKind::Text},
        {"top-p", OptionKind::Text},
        {"max-tokens", OptionKind::Text},
        {"system-model", OptionKind::Text},
        {"judge-model", OptionKind::Text},
        {"chat-template", OptionKind::Text},
        {"template", OptionKind::Text},
        {"api-key-env", OptionKind::Text},
        {"ranker", OptionKind::Text, 0, 0, {"bm25", "recency", "random"}},
        {"variation", OptionKind::Text, 0, 0, {"temperature", "retrieval"}},
        {"mode", OptionKind::Text, 0, 0, {"auto", "prefill", "chat"}},
        {"candidate-mode", OptionKind::Text, 0, 0, {"independent", "answer-only"}},
        {"final", OptionKind::Text, 0, 0, {"select", "combine"}},
        {"main-metric", OptionKind::Text, 0, 0, {"rouge-1", "rouge-L"}},
        {"cache-scope", OptionKind::Text, 0, 0, {"endpoint", "shared"}},
        {"preset", OptionKind::Text, 0, 0, {"vllm", "sglang", "llama.cpp", "ollama", "hosted"}},
        {"shadow", OptionKind::Flag},
    };
    return rules;
}

std::string joinedNames(const std::vector<std::string_view>& names) {
    std::string out;
    for (auto n : names)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

// At most `max` letters, digits, '-', '_' or '.': a study's name and a model's id.
bool plainName(std::string_view name, std::size_t max) {
    return name.size() <= max && std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
           });
}

struct Invalid {
    std::string message;
};

// Checks one parsed study; every problem throws Invalid located at its JSON pointer.
class StudyReader {
public:
    StudyReader(std::string_view text, std::string source, std::string baseDir)
        : text_(text), source_(std::move(source)), baseDir_(std::move(baseDir)),
          positions_(scanJsonPositions(text, 6)) {}

    [[noreturn]] void fail(const std::string& pointer, const std::string& what,
                           bool atKey = false) const {
        throw Invalid{source_ + ": " + jsonPositionText(text_, positions_, pointer, atKey) + what};
    }

    void checkDuplicateKeys() const {
        if (!positions_.duplicateKey)
            return;
        const auto& [pointer, offset] = *positions_.duplicateKey;
        const auto [line, column] = lineColumn(text_, offset);
        throw Invalid{source_ + ": line " + std::to_string(line) + ", column " +
                      std::to_string(column) + ": the key \"" +
                      clipUtf8(pointer.substr(pointer.rfind('/') + 1), 60) + "\" is given twice"};
    }

    template <std::size_t N>
    void knownKeys(const Json& obj, const std::array<std::string_view, N>& keys,
                   const std::string& pointer) const {
        for (const auto& [key, value] : obj.items())
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                fail(pointer + "/" + jsonPointerToken(key),
                     "unknown key \"" + clipUtf8(key, 60) + "\" (expected one of " +
                         joinedNames({keys.begin(), keys.end()}) + ")",
                     true);
    }

    std::string text(const Json& obj, const std::string& key, const std::string& pointer,
                     bool required, std::string fallback = {}) const {
        if (!obj.contains(key)) {
            if (required)
                fail(pointer, "\"" + key + "\" is missing");
            return fallback;
        }
        const Json& v = obj.at(key);
        if (!v.is_string())
            fail(pointer + "/" + key, "\"" + key + "\" must be a string");
        std::string s = v.get<std::string>();
        if (!isValidUtf8(s))
            fail(pointer + "/" + key, "\"" + key + "\" is not valid UTF-8");
        if (required && s.find_first_not_of(" \t\r\n") == std::string::npos)
            fail(pointer + "/" + key, "\"" + key + "\" is empty");
        return s;
    }

    std::int64_t whole(const Json& v, const std::string& pointer, const std::string& what,
                       std::int64_t min, std::int64_t max) const {
        if (!v.is_number_integer())
            fail(pointer, what + " must be a whole number");
        const bool tooLarge =
            v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(max);
        if (tooLarge || v.get<std::int64_t>() > max || v.get<std::int64_t>() < min)
            fail(pointer,
                 what + " must be from " + std::to_string(min) + " to " + std::to_string(max));
        return v.get<std::int64_t>();
    }

    std::vector<SystemId> systems(const Json& v, const std::string& pointer) const {
        if (!v.is_array() || v.empty())
            fail(pointer, "\"systems\" must be a non-empty array of system names (" +
                              systemNameList() + ")");
        std::vector<SystemId> out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string p = pointer + "/" + std::to_string(i);
            const auto s = v[i].is_string() ? parseSystemName(v[i].get<std::string>())
                                            : std::optional<SystemId>{};
            if (!s)
                fail(p, "unknown system " + clipUtf8(v[i].dump(), 60) +
                            " (systems: " + systemNameList() + ")");
            if (std::find(out.begin(), out.end(), *s) != out.end())
                fail(p, "system " + std::string(systemName(*s)) + " is listed twice");
            out.push_back(*s);
        }
        return out;
    }

    std::vector<StudyOption> options(const Json& v, const std::string& pointer) const {
        if (!v.is_object())
            fail(pointer, "\"options\" must be an object of r2p run options");
        std::vector<StudyOption> out;
        for (const auto& [key, value] : v.items()) {
            const std::string p = pointer + "/" + jsonPointerToken(key);
            const auto& rules = optionRules();
            const auto rule = std::find_if(rules.begin(), rules.end(),
                                           [&](const OptionRule& r) { return r.name == key; });
            if (rule == rules.end()) {
                std::vector<std::string_view> names;
                for (const auto& r : rules)
                    names.push_back(r.name);
                fail(p,
                     "\"" + clipUtf8(key, 60) +
                         "\" is not an option a study sets (options: " + joinedNames(names) + ")",
                     true);
            }
            out.push_back(option(*rule, value, p));
        }
        return out;
    }

    std::string path(const Json& obj, const std::string& key, const std::string& pointer,
                     bool required) const {
        const std::string given = text(obj, key, pointer, required);
        if (given.empty())
            return {};
        std::filesystem::path p(given);
        if (p.is_relative() && !baseDir_.empty())
            p = std::filesystem::path(baseDir_) / p;
        const std::string resolved = p.lexically_normal().string();
        struct stat st {};
        if (::stat(resolved.c_str(), &st) != 0)
            fail(pointer + "/" + key, "no file " + validUtf8(resolved));
        if (!S_ISREG(st.st_mode))
            fail(pointer + "/" + key, validUtf8(resolved) + " is not a regular file");
        return resolved;
    }

private:
    StudyOption option(const OptionRule& rule, const Json& value, const std::string& p) const {
        const std::string name(rule.name);
        StudyOption o{name, {}, false};
        switch (rule.kind) {
        case OptionKind::Flag:
            if (!value.is_boolean())
                fail(p, "\"" + name + "\" must be true or false");
            if (!value.get<bool>())
                return {name, "", false}; // false: left out
            o.flag = true;
            return o;
        case OptionKind::Count:
            o.value = std::to_string(whole(value, p, "\"" + name + "\"",
                                           static_cast<std::int64_t>(rule.min),
                                           static_cast<std::int64_t>(rule.max)));
            return o;
        case OptionKind::Number: {
            if (!value.is_number() || value.get<double>() < rule.min ||
                value.get<double>() > rule.max)
                fail(p, "\"" + name + "\" must be a number from " + fixedText(rule.min) + " to " +
                            fixedText(rule.max));
            o.value = value.dump();
            return o;
        }
        case OptionKind::Text:
            // Per-system values (temperature, top-p, max-tokens) may be numbers too.
            if (value.is_number() && rule.allowed.empty())
                o.value = value.dump();
            else if (value.is_string())
                o.value = value.get<std::string>();
            else
                fail(p, "\"" + name + "\" must be a string");
            if (!isValidUtf8(o.value) || o.value.empty())
                fail(p, "\"" + name + "\" must be non-empty UTF-8 text");
            if (!rule.allowed.empty() &&
                std::find(rule.allowed.begin(), rule.allowed.end(), o.value) == rule.allowed.end())
                fail(p, "\"" + name + "\" must be one of " + joinedNames(rule.allowed) +
                            " (not \"" + clipUtf8(o.value, 60) + "\")");
            return o;
        }
        return o;
    }

    static std::string fixedText(double v) {
        std::string s = std::to_string(v);
        while (s.size() > 1 && s.back() == '0')
            s.pop_back();
        if (!s.empty() && s.back() == '.')
            s.pop_back();
        return s;
    }

    std::string_view text_;
    std::string source_;
    std::string baseDir_;
    JsonPositions positions_;
};

StudyDataset readDataset(const StudyReader& r, const Json& j, std::size_t index) {
    const std::string p = "/datasets/" + std::to_string(index);
    if (!j.is_object())
        r.fail(p, "each dataset must be an object with \"task\" and \"questions\"");
    r.knownKeys(j, kDatasetKeys, p);
    StudyDataset d;
    const std::string task = r.text(j, "task", p, true);
    const auto id = parseTaskName(task);
    if (!id)
        r.fail(p + "/task", "unknown task \"" + clipUtf8(task, 60) + "\" (LaMP-1 … LaMP-7)");
    d.task = *id;
    d.questionsPath = r.path(j, "questions", p, true);
    d.outputsPath = r.path(j, "outputs", p, false);
    if (j.contains("users")) {
        const Json& u = j.at("users");
        if (u.is_number_integer())
            d.users = std::to_string(r.whole(u, p + "/users", "\"users\"", 1, 100'000'000));
        else
            d.users = r.text(j, "users", p, true);
    }
    return d;
}

StudyModel readModel(const StudyReader& r, const Json& j, std::size_t index) {
    const std::string p = "/models/" + std::to_string(index);
    if (!j.is_object())
        r.fail(p, "each model must be an object with an \"id\"");
    r.knownKeys(j, kModelKeys, p);
    StudyModel m;
    m.id = r.text(j, "id", p, true);
    if (!plainName(m.id, 40))
        r.fail(p + "/id", "a model id is at most 40 letters, digits, '-', '_' or '.'");
    m.label = r.text(j, "label", p, false, m.id);
    m.backend = r.text(j, "backend", p, false, "offline");
    if (m.backend != "offline" && m.backend != "openai" && m.backend != "replay")
        r.fail(p + "/backend", "\"backend\" must be offline, openai or replay (not \"" +
                                   clipUtf8(m.backend, 40) + "\")");
    m.model = r.text(j, "model", p, m.backend == "openai");
    m.baseUrl = r.text(j, "base_url", p, false);
    if (j.contains("endpoints")) {
        const Json& e = j.at("endpoints");
        if (!e.is_array())
            r.fail(p + "/endpoints", "\"endpoints\" must be an array of URLs");
        for (std::size_t i = 0; i < e.size(); ++i) {
            const std::string ep = p + "/endpoints/" + std::to_string(i);
            if (!e[i].is_string() || e[i].get<std::string>().empty() ||
                !isValidUtf8(e[i].get<std::string>()))
                r.fail(ep, "each endpoint must be a URL (optionally \",max=N,weight=W\")");
            m.endpoints.push_back(e[i].get<std::string>());
        }
    }
    if (!m.endpoints.empty() && !m.baseUrl.empty())
        r.fail(p + "/base_url", "give \"endpoints\" or \"base_url\", not both");
    if (m.backend == "openai" && m.endpoints.empty() && m.baseUrl.empty())
        r.fail(p, "an openai model needs \"endpoints\" or \"base_url\"");
    if (j.contains("systems"))
        m.systems = r.systems(j.at("systems"), p + "/systems");
    if (j.contains("options"))
        m.options = r.options(j.at("options"), p + "/options");
    return m;
}

template <class T, class Read>
std::vector<T> readList(const StudyReader& r, const Json& root, const char* key, Read read) {
    const std::string p = std::string("/") + key;
    if (!root.contains(key))
        r.fail("", std::string("\"") + key + "\" is missing");
    const Json& list = root.at(key);
    if (!list.is_array() || list.empty())
        r.fail(p, std::string("\"") + key + "\" must be a non-empty array");
    std::vector<T> out;
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(read(r, list[i], i));
    return out;
}

void readHeader(const StudyReader& r, const Json& root, Study& s) {
    s.version = static_cast<int>(
        r.whole(root.at("r2p_study"), "/r2p_study", "\"r2p_study\"", 1, kStudyFormatVersion));
    s.name = r.text(root, "name", "", true);
    if (!plainName(s.name, 80))
        r.fail("/name", "a study name is at most 80 letters, digits, '-', '_' or '.'");
    s.title = r.text(root, "title", "", false, s.name);
    s.description = r.text(root, "description", "", false);
    if (root.contains("seed"))
        s.seed = static_cast<std::uint64_t>(
            r.whole(root.at("seed"), "/seed", "\"seed\"", 0, std::int64_t{1} << 53));
    if (root.contains("repeats"))
        s.repeats =
            static_cast<int>(r.whole(root.at("repeats"), "/repeats", "\"repeats\"", 1, 100));
}

void readGrid(const StudyReader& r, const Json& root, Study& s) {
    if (root.contains("systems"))
        s.systems = r.systems(root.at("systems"), "/systems");
    for (const auto& m : s.models)
        if (m.systems.empty() && s.systems.empty())
            r.fail("/models", "model \"" + m.id + "\" has no systems and the study lists none");
    if (!root.contains("k")) {
        s.k = {4};
    } else {
        const Json& k = root.at("k");
        if (!k.is_array() || k.empty())
            r.fail("/k", "\"k\" must be a non-empty array of profile item counts, e.g. [1, 4]");
        for (std::size_t i = 0; i < k.size(); ++i) {
            const int v =
                static_cast<int>(r.whole(k[i], "/k/" + std::to_string(i), "each k", 0, 1000));
            if (std::find(s.k.begin(), s.k.end(), v) != s.k.end())
                r.fail("/k/" + std::to_string(i), "k " + std::to_string(v) + " is listed twice");
            s.k.push_back(v);
        }
    }
    if (root.contains("options"))
        s.options = r.options(root.at("options"), "/options");
}

void readReference(const StudyReader& r, const Json& root, Study& s) {
    if (!root.contains("reference"))
        return;
    const Json& j = root.at("reference");
    if (!j.is_object())
        r.fail("/reference", "\"reference\" must be an object with \"model\", \"system\", \"k\"");
    r.knownKeys(j, kReferenceKeys, "/reference");
    StudyRow ref;
    ref.model = r.text(j, "model", "/reference", true);
    const StudyModel* m = s.findModel(ref.model);
    if (!m)
        r.fail("/reference/model",
               "the reference names no model of the study (\"" + clipUtf8(ref.model, 40) + "\")");
    const std::string system = r.text(j, "system", "/reference", true);
    const auto id = parseSystemName(system);
    const auto& systems = s.systemsOf(*m);
    if (!id || std::find(systems.begin(), systems.end(), *id) == systems.end())
        r.fail("/reference/system",
               "model \"" + m->id + "\" runs no system \"" + clipUtf8(system, 40) + "\"");
    ref.system = *id;
    ref.k = s.k.front();
    if (j.contains("k")) {
        ref.k = static_cast<int>(r.whole(j.at("k"), "/reference/k", "\"k\"", 0, 1000));
        if (std::find(s.k.begin(), s.k.end(), ref.k) == s.k.end())
            r.fail("/reference/k", "the study runs no k " + std::to_string(ref.k));
    }
    s.reference = ref;
}

Study readStudy(const StudyReader& r, const Json& root) {
    if (!root.is_object())
        r.fail("", "a study file holds one JSON object");
    if (!root.contains("r2p_study"))
        r.fail("", "\"r2p_study\" (the format version, 1) is missing: is this a study file?");
    r.checkDuplicateKeys();
    r.knownKeys(root, kTopKeys, "");
    Study s;
    readHeader(r, root, s);
    s.datasets = readList<StudyDataset>(r, root, "datasets", readDataset);
    s.models = readList<StudyModel>(r, root, "models", readModel);
    for (std::size_t i = 0; i < s.models.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (s.models[i].id == s.models[j].id)
                r.fail("/models/" + std::to_string(i) + "/id",
                       "model id \"" + s.models[i].id + "\" is used twice");
    readGrid(r, root, s);
    readReference(r, root, s);
    return s;
}

std::string kText(int k) {
    return "k" + std::to_string(k);
}

} // namespace

const StudyModel* Study::findModel(std::string_view id) const {
    for (const auto& m : models)
        if (m.id == id)
            return &m;
    return nullptr;
}

const std::vector<SystemId>& Study::systemsOf(const StudyModel& m) const {
    return m.systems.empty() ? systems : m.systems;
}

std::vector<StudyRow> Study::rows() const {
    std::vector<StudyRow> out;
    for (const auto& m : models)
        for (SystemId s : systemsOf(m))
            for (int kk : k)
                out.push_back({m.id, s, kk});
    return out;
}

Result<Study> parseStudy(std::string_view json, const std::string& source,
                         const std::string& baseDir) {
    Json root;
    try {
        root = Json::parse(json);
    } catch (const Json::parse_error& e) {
        const auto where = describeParseError(json, e);
        return Error{source + ": line " + std::to_string(where.line) + ", column " +
                     std::to_string(where.column) + ": not valid JSON: " + where.detail};
    } catch (const Json::exception& e) {
        return Error{source + ": " + jsonExceptionDetail(e)};
    }
    try {
        const StudyReader reader(json, source, baseDir);
        Study s = readStudy(reader, root);
        s.file = source;
        return s;
    } catch (const Invalid& e) {
        return Error{e.message};
    } catch (const Json::exception& e) {
        return Error{source + ": " + jsonExceptionDetail(e)};
    }
}

Result<Study> readStudyFile(const std::string& path) {
    auto text = readSettingsFile(path, "a study file", kMaxStudyBytes);
    if (!text)
        return text.error();
    const std::string dir = std::filesystem::path(path).parent_path().string();
    return parseStudy(*text, validUtf8(path), dir.empty() ? "." : dir);
}

std::vector<StudyCell> studyCells(const Study& study) {
    std::vector<StudyCell> cells;
    for (std::size_t d = 0; d < study.datasets.size(); ++d) {
        const StudyDataset& ds = study.datasets[d];
        for (std::size_t m = 0; m < study.models.size(); ++m) {
            const StudyModel& model = study.models[m];
            for (int k : study.k) {
                for (int rep = 0; rep < study.repeats; ++rep) {
                    StudyCell c{d, m, k, rep, {}, {}, {}};
                    c.key = std::string(taskSpec(ds.task).name) + "/" + model.id + "/" + kText(k) +
                            "/r" + std::to_string(rep);
                    std::string systems;
                    for (SystemId s : study.systemsOf(model))
                        systems += (systems.empty() ? "" : ",") + std::string(systemName(s));
                    auto& a = c.runArgs;
                    a = {"--task", std::string(taskSpec(ds.task).name), "--questions",
                         ds.questionsPath};
                    if (!ds.outputsPath.empty())
                        a.insert(a.end(), {"--outputs", ds.outputsPath});
                    a.insert(a.end(), {"--users", ds.users, "--systems", systems, "--backend",
                                       model.backend});
                    if (!model.model.empty())
                        a.insert(a.end(), {"--model", model.model});
                    if (!model.baseUrl.empty())
                        a.insert(a.end(), {"--base-url", model.baseUrl});
                    for (const auto& e : model.endpoints)
                        a.insert(a.end(), {"--endpoint", e});
                    a.insert(a.end(),
                             {"--k", std::to_string(k), "--seed",
                              std::to_string(study.seed + static_cast<std::uint64_t>(rep))});
                    if (study.repeats > 1) // marked as r2p run --repeats marks its runs
                        a.insert(a.end(), {"--repeat-of", std::to_string(rep) + "/" +
                                                              std::to_string(study.repeats) + "/" +
                                                              std::to_string(study.seed)});
                    // The model's options after the study's: r2p run takes the last value.
                    for (const auto* list : {&study.options, &model.options})
                        for (const auto& o : *list) {
                            if (o.flag)
                                a.push_back("--" + o.name);
                            else if (!o.value.empty())
                                a.insert(a.end(), {"--" + o.name, o.value});
                        }
                    std::string joined;
                    for (const auto& arg : a)
                        joined += arg + '\x1f';
                    c.fingerprint = sha256Hex(joined).substr(0, 16);
                    cells.push_back(std::move(c));
                }
            }
        }
    }
    return cells;
}

Result<StudyRuns> loadStudyRuns(ProjectStore& store, const std::string& studyName) {
    auto stored = store.metaValue(kMetaPrefix + studyName);
    if (!stored)
        return stored.error();
    StudyRuns runs;
    if (!*stored)
        return runs;
    try {
        const Json j = Json::parse(**stored);
        for (const auto& [key, cell] : j.at("cells").items())
            runs[key] = {cell.at("run").get<std::int64_t>(),
                         cell.at("fingerprint").get<std::string>()};
    } catch (const Json::exception& e) {
        return Error{validUtf8(store.path()) + ": the cells of study \"" + studyName +
                     "\" are unreadable (" + jsonExceptionDetail(e) + ")"};
    }
    return runs;
}

Status saveStudyRun(ProjectStore& store, const std::string& studyName, const StudyCell& cell,
                    std::int64_t runId) {
    auto runs = loadStudyRuns(store, studyName);
    if (!runs)
        return runs.error();
    (*runs)[cell.key] = {runId, cell.fingerprint};
    OrderedJson cells = OrderedJson::object();
    for (const auto& [key, r] : *runs)
        cells[key] = {{"run", r.run}, {"fingerprint", r.fingerprint}};
    return store.setMetaValue(kMetaPrefix + studyName,
                              dumpJson(OrderedJson{{"version", 1}, {"cells", cells}}));
}

std::optional<StudyFormat> studyFormatFromName(std::string_view name) {
    if (name == "md" || name == "markdown")
        return StudyFormat::Markdown;
    if (name == "latex" || name == "tex")
        return StudyFormat::Latex;
    if (name == "html")
        return StudyFormat::Html;
    if (name == "csv")
        return StudyFormat::Csv;
    if (name == "json")
        return StudyFormat::Json;
    return std::nullopt;
}

} // namespace r2p::analysis
