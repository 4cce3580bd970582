#include "HrtTemplate.h"

#include "Rpi.h"
#include "model/JsonText.h"
#include "model/Util.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

namespace r2p::engine {

namespace data {
extern const char* const kHrtTemplatePaths[];
extern const char* const kHrtTemplateJson[];
extern const std::size_t kHrtTemplateCount;
} // namespace data

namespace {
using nlohmann::json;
using nlohmann::ordered_json;

constexpr std::array<StageId, 4> kLevelOrder{StageId::TaskAnalysis, StageId::ProfileSynthesis,
                                             StageId::AnswerPlan, StageId::Answer};
// Every template must carry a correction for these.
constexpr std::array<RpiRule, 4> kRules{RpiRule::MarkerOrder, RpiRule::TokenBudget,
                                        RpiRule::Citations, RpiRule::AnswerFormat};
constexpr std::array<RpiRule, 6> kAllRules{RpiRule::MarkerOrder, RpiRule::TokenBudget,
                                           RpiRule::Citations,   RpiRule::AnswerFormat,
                                           RpiRule::Repetition,  RpiRule::StepCoverage};

constexpr std::array<std::string_view, 11> kTopKeys{
    "id",       "version", "task",   "system",      "instructions", "item",
    "no_items", "levels",  "answer", "corrections", "judge"};
constexpr std::array<std::string_view, 7> kLevelKeys{
    "stage", "title", "marker", "budget_tokens", "cite", "steps", "step_markers"};
constexpr std::array<std::string_view, 4> kAnswerKeys{"kind", "labels", "max_words", "description"};

// Placeholder sets per field.
constexpr std::array<std::string_view, 5> kInstructionNames{"input", "items", "levels", "format",
                                                            "k"};
constexpr std::array<std::string_view, 3> kItemNames{"n", "score", "id"};
constexpr std::array<std::string_view, 7> kCorrectionNames{"marker", "title",  "k",    "last",
                                                           "budget", "format", "steps"};
constexpr std::array<std::string_view, 5> kJudgeNames{"input", "items", "facts", "candidate",
                                                      "format"};

std::string_view answerKindName(AnswerKind k) {
    switch (k) {
    case AnswerKind::Label:
        return "label";
    case AnswerKind::Rating:
        return "rating";
    case AnswerKind::Text:
        return "text";
    case AnswerKind::Invalid:
        break;
    }
    return "";
}

std::optional<AnswerKind> parseAnswerKind(std::string_view s) {
    for (AnswerKind k : {AnswerKind::Label, AnswerKind::Rating, AnswerKind::Text})
        if (answerKindName(k) == s)
            return k;
    return std::nullopt;
}

AnswerKind expectedKind(TaskKind k) {
    switch (k) {
    case TaskKind::Classification:
        return AnswerKind::Label;
    case TaskKind::Rating:
        return AnswerKind::Rating;
    case TaskKind::Generation:
        return AnswerKind::Text;
    case TaskKind::Invalid:
        break;
    }
    return AnswerKind::Invalid;
}

std::string_view taskKindName(TaskKind k) {
    switch (k) {
    case TaskKind::Classification:
        return "a classification task";
    case TaskKind::Rating:
        return "a rating task";
    case TaskKind::Generation:
        return "a generation task";
    case TaskKind::Invalid:
        break;
    }
    return "an unknown kind of task";
}

bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == ':' || c == '-';
}

// Calls visit(name, pos) for every {name} in text: a brace, one or more name characters
// (letters, digits, '_', ':', '-'), a closing brace. Other braces are plain text.
template <typename Visit> void forEachPlaceholder(std::string_view text, Visit&& visit) {
    std::size_t pos = 0;
    while ((pos = text.find('{', pos)) != std::string_view::npos) {
        std::size_t end = pos + 1;
        while (end < text.size() && isNameChar(text[end]))
            ++end;
        if (end < text.size() && text[end] == '}' && end > pos + 1) {
            visit(text.substr(pos + 1, end - pos - 1), pos);
            pos = end + 1;
        } else {
            ++pos;
        }
    }
}

std::string joined(std::span<const std::string_view> names) {
    std::string out;
    for (auto n : names) {
        if (!out.empty())
            out += ", ";
        out += n;
    }
    return out;
}

std::string formatScore(double score) {
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, score, std::chars_format::fixed, 2);
    if (ec != std::errc())
        return "0.00";
    return std::string(buf, end);
}

// The parser's message may quote the malformed bytes it read: keep the error valid UTF-8.
std::string validUtf8(std::string_view s) {
    std::string out;
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t start = pos;
        if (text::decodeUtf8(s, pos) == text::kInvalidCodePoint)
            out += '?';
        else
            out.append(s.substr(start, pos - start));
    }
    return out;
}

// Field values shown on one line: CR, LF and CRLF become one space each.
std::string oneLine(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')
            continue;
        out.push_back(s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    }
    return out;
}

// A problem in a template file; parseHrtTemplate turns it into an Error.
struct Invalid {
    std::string message;
};

// Validation of one parsed document: every helper throws Invalid at the first problem.
class Reader {
public:
    explicit Reader(std::string_view where) : where_(where) {}

    [[noreturn]] void fail(const std::string& what) const { throw Invalid{where_ + ": " + what}; }

    std::string string(const json& obj, const std::string& key, const std::string& path) const {
        if (!obj.contains(key))
            fail(path + " is missing");
        const json& v = obj.at(key);
        if (!v.is_string())
            fail(path + " must be a string");
        std::string s = v.get<std::string>();
        if (s.empty())
            fail(path + " is empty");
        return s;
    }

    std::int64_t integer(const json& obj, const std::string& key, const std::string& path) const {
        if (!obj.contains(key))
            fail(path + " is missing");
        const json& v = obj.at(key);
        if (!v.is_number_integer())
            fail(path + " must be an integer");
        if (v.is_number_unsigned() ? v.get<std::uint64_t>() > kLimit
                                   : std::abs(v.get<std::int64_t>()) > std::int64_t{kLimit})
            fail(path + " is too large");
        return v.get<std::int64_t>();
    }

    template <std::size_t N>
    void knownKeys(const json& obj, const std::array<std::string_view, N>& keys,
                   const std::string& path) const {
        for (const auto& [key, value] : obj.items())
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                fail((path.empty() ? std::string() : path + ": ") + "unknown key \"" + key +
                     "\" (expected " + joined(keys) + ")");
    }

    // Every {name} in text is in `allowed` (or, with `fields`, a {field:NAME} of that task).
    template <std::size_t N>
    void placeholders(std::string_view text, const std::array<std::string_view, N>& allowed,
                      const std::string& path, const TaskSpec* fields = nullptr) const {
        forEachPlaceholder(text, [&](std::string_view name, std::size_t) {
            if (std::find(allowed.begin(), allowed.end(), name) != allowed.end())
                return;
            if (fields && name.substr(0, 6) == "field:") {
                const auto field = name.substr(6);
                if (std::find(fields->itemFields.begin(), fields->itemFields.end(), field) ==
                    fields->itemFields.end())
                    fail(path + ": {" + std::string(name) + "} is not a field of " +
                         std::string(fields->name) + " items (" + joined(fields->itemFields) + ")");
                return;
            }
            std::string allowedText;
            for (auto a : allowed)
                allowedText += (allowedText.empty() ? "{" : ", {") + std::string(a) + "}";
            if (fields)
                allowedText += ", {field:NAME}";
            fail(path + ": unknown placeholder {" + std::string(name) +
                 "} (allowed: " + (allowedText.empty() ? std::string("none") : allowedText) + ")");
        });
    }

    void noPlaceholders(std::string_view text, const std::string& path) const {
        placeholders(text, std::array<std::string_view, 0>{}, path);
    }

    void mustContain(std::string_view text, std::string_view name, const std::string& path) const {
        bool found = false;
        forEachPlaceholder(text,
                           [&](std::string_view n, std::size_t) { found = found || n == name; });
        if (!found)
            fail(path + " must contain {" + std::string(name) + "}");
    }

private:
    static constexpr std::uint64_t kLimit = 1'000'000'000;
    std::string where_;
};

HrtLevel parseLevel(const Reader& r, const json& j, std::size_t index, StageId expected) {
    const std::string path = "levels[" + std::to_string(index) + "]";
    if (!j.is_object())
        r.fail(path + " must be an object");
    r.knownKeys(j, kLevelKeys, path);
    HrtLevel level;
    const std::string stage = r.string(j, "stage", path + ".stage");
    const auto parsed = parseStageName(stage);
    if (!parsed || std::find(kLevelOrder.begin(), kLevelOrder.end(), *parsed) == kLevelOrder.end())
        r.fail(path + ".stage \"" + stage +
               "\" is not an HRT level (task_analysis, profile_synthesis, answer_plan, answer)");
    if (*parsed != expected)
        r.fail(path + ".stage is \"" + stage + "\", expected \"" +
               std::string(stageName(expected)) +
               "\" (the levels are task_analysis, profile_synthesis, answer_plan, answer, in this "
               "order)");
    level.stage = *parsed;
    level.title = r.string(j, "title", path + ".title");
    level.marker = r.string(j, "marker", path + ".marker");
    const std::string_view m = level.marker;
    if (m.find_first_of("\r\n") != std::string_view::npos)
        r.fail(path + ".marker must be a single line");
    if (m.front() == ' ' || m.front() == '\t' || m.back() == ' ' || m.back() == '\t')
        r.fail(path + ".marker must not start or end with whitespace");
    const std::int64_t budget = r.integer(j, "budget_tokens", path + ".budget_tokens");
    if (budget <= 0)
        r.fail(path + ".budget_tokens must be greater than 0");
    level.budgetTokens = static_cast<int>(budget);
    if (j.contains("cite")) {
        if (!j.at("cite").is_boolean())
            r.fail(path + ".cite must be true or false");
        level.requiresCitations = j.at("cite").get<bool>();
    }
    if (!j.contains("steps"))
        r.fail(path + ".steps is missing");
    const json& steps = j.at("steps");
    if (!steps.is_array())
        r.fail(path + ".steps must be an array of strings");
    if (steps.empty())
        r.fail(path + ".steps is empty");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const std::string sp = path + ".steps[" + std::to_string(i) + "]";
        if (!steps[i].is_string())
            r.fail(sp + " must be a string");
        std::string step = steps[i].get<std::string>();
        if (step.empty())
            r.fail(sp + " is empty");
        r.noPlaceholders(step, sp);
        level.steps.push_back(std::move(step));
    }
    r.noPlaceholders(level.title, path + ".title");
    r.noPlaceholders(level.marker, path + ".marker");
    if (j.contains("step_markers")) {
        const json& markers = j.at("step_markers");
        if (!markers.is_array() || markers.size() != level.steps.size())
            r.fail(path + ".step_markers must be an array of " +
                   std::to_string(level.steps.size()) + " strings, one per sub-step");
        for (std::size_t i = 0; i < markers.size(); ++i) {
            const std::string sp = path + ".step_markers[" + std::to_string(i) + "]";
            if (!markers[i].is_string())
                r.fail(sp + " must be a string");
            std::string marker = markers[i].get<std::string>();
            if (marker.empty() || marker.find_first_of("\r\n") != std::string::npos ||
                marker.front() == ' ' || marker.back() == ' ')
                r.fail(sp + " must be one non-empty line without surrounding spaces");
            if (std::find(level.stepMarkers.begin(), level.stepMarkers.end(), marker) !=
                level.stepMarkers.end())
                r.fail(sp + " \"" + marker + "\" is listed twice");
            if (marker.compare(0, level.marker.size(), level.marker) == 0 ||
                level.marker.compare(0, marker.size(), marker) == 0)
                r.fail(sp + " \"" + marker + "\" would be read as the level's marker \"" +
                       level.marker + "\"");
            r.noPlaceholders(marker, sp);
            level.stepMarkers.push_back(std::move(marker));
        }
    }
    return level;
}

AnswerFormat parseAnswer(const Reader& r, const json& j, const TaskSpec& spec) {
    if (!j.is_object())
        r.fail("answer must be an object");
    r.knownKeys(j, kAnswerKeys, "answer");
    AnswerFormat a;
    const std::string kind = r.string(j, "kind", "answer.kind");
    const auto parsed = parseAnswerKind(kind);
    if (!parsed)
        r.fail("answer.kind \"" + kind + "\" is not label, rating or text");
    const AnswerKind expected = expectedKind(spec.kind);
    if (*parsed != expected)
        r.fail("answer.kind \"" + kind + "\" does not fit " + std::string(spec.name) + " (" +
               std::string(taskKindName(spec.kind)) + "): expected \"" +
               std::string(answerKindName(expected)) + "\"");
    a.kind = *parsed;
    if (a.kind == AnswerKind::Text) {
        if (j.contains("labels"))
            r.fail("answer.labels is only for label and rating answers");
        if (j.contains("max_words")) {
            const std::int64_t words = r.integer(j, "max_words", "answer.max_words");
            if (words < 0)
                r.fail("answer.max_words must not be negative");
            a.maxWords = static_cast<std::size_t>(words);
        }
    } else {
        if (j.contains("max_words"))
            r.fail("answer.max_words is only for text answers");
        if (!j.contains("labels"))
            r.fail("answer.labels is missing");
        const json& labels = j.at("labels");
        if (!labels.is_array())
            r.fail("answer.labels must be an array of strings");
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (!labels[i].is_string())
                r.fail("answer.labels[" + std::to_string(i) + "] must be a string");
            a.labels.push_back(labels[i].get<std::string>());
        }
        const std::string expectedSet =
            std::string(spec.name) + "'s label set is " + joined(spec.labels) + ", in this order";
        if (a.labels.size() != spec.labels.size())
            r.fail("answer.labels has " + std::to_string(a.labels.size()) + " labels, expected " +
                   std::to_string(spec.labels.size()) + " (" + expectedSet + ")");
        for (std::size_t i = 0; i < a.labels.size(); ++i)
            if (a.labels[i] != spec.labels[i])
                r.fail("answer.labels[" + std::to_string(i) + "] is \"" + a.labels[i] +
                       "\", expected \"" + std::string(spec.labels[i]) + "\" (" + expectedSet +
                       ")");
    }
    a.description = r.string(j, "description", "answer.description");
    r.noPlaceholders(a.description, "answer.description");
    return a;
}

// A level's sub-step markers as a correction names them: "(a), (b) and (c)".
std::string stepMarkerList(const HrtLevel& level) {
    std::string out;
    for (std::size_t i = 0; i < level.stepMarkers.size(); ++i) {
        if (i > 0)
            out += i + 1 == level.stepMarkers.size() ? " and " : ", ";
        out += level.stepMarkers[i];
    }
    return out;
}

// The values a correction is filled with.
std::vector<std::pair<std::string, std::string>>
correctionValues(const HrtTemplate& t, const HrtLevel* level, std::size_t itemCount) {
    return {{"marker", level ? level->marker : std::string()},
            {"title", level ? level->title : std::string()},
            {"k", std::to_string(itemCount)},
            {"last", itemCount > 0 ? "P" + std::to_string(itemCount) : std::string()},
            {"budget", std::to_string(level ? level->budgetTokens : 0)},
            {"format", t.answer.description},
            {"steps", level ? stepMarkerList(*level) : std::string()}};
}

HrtTemplate parseDocument(const json& root, const Reader& r) {
    if (!root.is_object())
        r.fail("not an HRT template (a JSON object with id, version, task, levels, ...)");
    r.knownKeys(root, kTopKeys, "");
    HrtTemplate t;
    t.id = r.string(root, "id", "id");
    const std::int64_t version = r.integer(root, "version", "version");
    if (version < 1)
        r.fail("version must be 1 or more");
    t.version = static_cast<int>(version);
    const std::string task = r.string(root, "task", "task");
    const auto taskId = parseTaskName(task);
    if (!taskId)
        r.fail("task \"" + task + "\" is not a LaMP task (LaMP-1 ... LaMP-7, LaMP-2N)");
    t.task = *taskId;
    const TaskSpec& spec = taskSpec(t.task);
    t.system = r.string(root, "system", "system");
    t.instructions = r.string(root, "instructions", "instructions");
    t.item = r.string(root, "item", "item");
    t.noItems = r.string(root, "no_items", "no_items");

    if (!root.contains("levels"))
        r.fail("levels is missing");
    const json& levels = root.at("levels");
    if (!levels.is_array())
        r.fail("levels must be an array");
    if (levels.size() != kLevelOrder.size())
        r.fail("levels has " + std::to_string(levels.size()) +
               " entries, expected 4 (task_analysis, profile_synthesis, answer_plan, answer)");
    for (std::size_t i = 0; i < levels.size(); ++i)
        t.levels.push_back(parseLevel(r, levels[i], i, kLevelOrder[i]));
    for (std::size_t i = 0; i < t.levels.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            const std::string& a = t.levels[i].marker;
            const std::string& b = t.levels[j].marker;
            const std::string pi = "levels[" + std::to_string(i) + "].marker";
            const std::string pj = "levels[" + std::to_string(j) + "].marker";
            if (a == b)
                r.fail(pi + " \"" + a + "\" is the same as " + pj);
            const bool aFirst = a.size() < b.size();
            const std::string& shorter = aFirst ? a : b;
            const std::string& longer = aFirst ? b : a;
            if (longer.compare(0, shorter.size(), shorter) == 0)
                r.fail((aFirst ? pi : pj) + " \"" + shorter + "\" is a prefix of " +
                       (aFirst ? pj : pi) + " \"" + longer +
                       "\" (a line starting with the one would also start with the other)");
        }

    if (!root.contains("answer"))
        r.fail("answer is missing");
    t.answer = parseAnswer(r, root.at("answer"), spec);

    if (!root.contains("corrections"))
        r.fail("corrections is missing");
    const json& corrections = root.at("corrections");
    if (!corrections.is_object())
        r.fail("corrections must be an object");
    for (const auto& [key, value] : corrections.items())
        if (!parseRpiRule(key))
            r.fail("corrections: unknown rule \"" + key +
                   "\" (marker-order, token-budget, citations, answer-format, repetition, "
                   "step-coverage)");
    for (RpiRule rule : kAllRules) {
        // Rules added after the first templates are optional: a built-in thought stands in.
        if (std::find(kRules.begin(), kRules.end(), rule) == kRules.end() &&
            !corrections.contains(std::string(rpiRuleName(rule))))
            continue;
        const std::string path = "corrections." + std::string(rpiRuleName(rule));
        std::string text = r.string(corrections, std::string(rpiRuleName(rule)), path);
        r.placeholders(text, kCorrectionNames, path);
        // A correction is injected into the level's text, which the rules check again: it must
        // not cite items itself nor open a line with a marker.
        for (const auto& level : t.levels) {
            const std::string filled = fillPlaceholders(text, correctionValues(t, &level, 5));
            if (!citedItems(filled).empty())
                r.fail(path + " contains a [P#] citation, which the citation check would count "
                              "(write P1 without brackets)");
            for (const auto& other : t.levels) {
                if (findMarkerLine(filled, other.marker) != std::string_view::npos)
                    r.fail(path + " starts a line with the marker \"" + other.marker + "\"");
                for (const auto& step : other.stepMarkers)
                    if (findMarkerLine(filled, step) != std::string_view::npos)
                        r.fail(path + " starts a line with the sub-step marker \"" + step + "\"");
            }
        }
        t.corrections[rule] = std::move(text);
    }

    t.judge = r.string(root, "judge", "judge");

    r.noPlaceholders(t.system, "system");
    r.noPlaceholders(t.noItems, "no_items");
    r.placeholders(t.instructions, kInstructionNames, "instructions");
    for (auto name : {"input", "items", "levels", "format"})
        r.mustContain(t.instructions, name, "instructions");
    r.placeholders(t.item, kItemNames, "item", &spec);
    r.placeholders(t.judge, kJudgeNames, "judge");
    r.mustContain(t.judge, "candidate", "judge");
    return t;
}

} // namespace

const HrtLevel* HrtTemplate::level(StageId stage) const {
    for (const auto& l : levels)
        if (l.stage == stage)
            return &l;
    return nullptr;
}

Result<HrtTemplate> parseHrtTemplate(std::string_view text, std::string_view where) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        const JsonErrorText at = describeParseError(text, e);
        return Error{std::string(where) + ": line " + std::to_string(at.line) + ", column " +
                     std::to_string(at.column) + ": malformed JSON: " + validUtf8(at.detail)};
    } catch (const json::exception& e) { // out_of_range 406: a number beyond double's range
        return Error{std::string(where) + ": malformed JSON: " + validUtf8(jsonExceptionDetail(e))};
    }
    try {
        return parseDocument(root, Reader(where));
    } catch (const Invalid& e) {
        return Error{e.message};
    }
}

std::string serializeHrtTemplate(const HrtTemplate& t) {
    ordered_json root;
    root["id"] = t.id;
    root["version"] = t.version;
    root["task"] = std::string(taskSpec(t.task).name);
    root["system"] = t.system;
    root["instructions"] = t.instructions;
    root["item"] = t.item;
    root["no_items"] = t.noItems;
    ordered_json levels = ordered_json::array();
    for (const auto& l : t.levels) {
        ordered_json level;
        level["stage"] = std::string(stageName(l.stage));
        level["title"] = l.title;
        level["marker"] = l.marker;
        level["budget_tokens"] = l.budgetTokens;
        if (l.requiresCitations)
            level["cite"] = true;
        level["steps"] = l.steps;
        if (!l.stepMarkers.empty())
            level["step_markers"] = l.stepMarkers;
        levels.push_back(std::move(level));
    }
    root["levels"] = std::move(levels);
    ordered_json answer;
    answer["kind"] = std::string(answerKindName(t.answer.kind));
    if (t.answer.kind == AnswerKind::Text)
        answer["max_words"] = t.answer.maxWords;
    else
        answer["labels"] = t.answer.labels;
    answer["description"] = t.answer.description;
    root["answer"] = std::move(answer);
    ordered_json corrections = ordered_json::object();
    for (RpiRule rule : kAllRules)
        if (const auto it = t.corrections.find(rule); it != t.corrections.end())
            corrections[std::string(rpiRuleName(rule))] = it->second;
    root["corrections"] = std::move(corrections);
    root["judge"] = t.judge;
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

const std::vector<HrtTemplate>& builtinHrtTemplates() {
    static const std::vector<HrtTemplate> templates = [] {
        std::vector<HrtTemplate> out;
        for (std::size_t i = 0; i < data::kHrtTemplateCount; ++i) {
            auto parsed = parseHrtTemplate(data::kHrtTemplateJson[i], data::kHrtTemplatePaths[i]);
            if (!parsed) // the build's own data: a broken file is a bug, caught by the tests
                throw std::logic_error(parsed.error().message);
            out.push_back(std::move(parsed).value());
        }
        return out;
    }();
    return templates;
}

const HrtTemplate* builtinHrtTemplate(TaskId task) {
    for (const auto& t : builtinHrtTemplates())
        if (t.task == task)
            return &t;
    return nullptr;
}

std::string fillPlaceholders(std::string_view text,
                             const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    forEachPlaceholder(text, [&](std::string_view name, std::size_t pos) {
        for (const auto& [key, value] : values)
            if (key == name) {
                out.append(text.substr(copied, pos - copied));
                out += value;
                copied = pos + name.size() + 2;
                return;
            }
    });
    out.append(text.substr(copied));
    return out;
}

std::string renderItems(const HrtTemplate& t, std::span<const PromptItem> items) {
    if (items.empty())
        return t.noItems;
    const TaskSpec& spec = taskSpec(t.task);
    std::string out;
    for (const auto& item : items) {
        std::vector<std::pair<std::string, std::string>> values{
            {"n", std::to_string(item.n)},
            {"score", formatScore(item.score)},
            {"id", item.profileId},
        };
        for (const auto& [name, value] : item.fields)
            values.emplace_back("field:" + name, oneLine(value));
        // A field of the task the item lacks renders empty rather than as "{field:NAME}".
        for (auto f : spec.itemFields) {
            bool present = false;
            for (const auto& [name, value] : item.fields)
                present = present || name == f;
            if (!present)
                values.emplace_back("field:" + std::string(f), std::string());
        }
        if (!out.empty())
            out += '\n';
        out += fillPlaceholders(t.item, values);
    }
    return out;
}

std::string renderLevels(const HrtTemplate& t) {
    std::string out;
    for (std::size_t i = 0; i < t.levels.size(); ++i) {
        const HrtLevel& l = t.levels[i];
        if (i > 0)
            out += "\n\n";
        out += "Level " + std::to_string(i + 1) + ": " + l.title + "\n";
        out += "Start with the line \"" + l.marker + "\". At most about " +
               std::to_string(l.budgetTokens) + " tokens.";
        if (l.requiresCitations)
            out += " Cite the items each point rests on, like [P1] or [P2, P4].";
        if (!l.stepMarkers.empty())
            out += " Open each sub-step with its marker on a line of its own.";
        for (std::size_t s = 0; s < l.steps.size(); ++s)
            out += "\n" + (l.stepMarkers.empty() ? std::to_string(s + 1) + "." : l.stepMarkers[s]) +
                   " " + l.steps[s];
    }
    return out;
}

std::string renderTaskPrompt(const HrtTemplate& t, std::string_view input,
                             std::span<const PromptItem> items) {
    return fillPlaceholders(t.instructions, {{"input", std::string(input)},
                                             {"items", renderItems(t, items)},
                                             {"levels", renderLevels(t)},
                                             {"format", t.answer.description},
                                             {"k", std::to_string(items.size())}});
}

std::string renderCorrection(const HrtTemplate& t, RpiRule rule, StageId stage,
                             std::size_t itemCount) {
    const auto it = t.corrections.find(rule);
    std::string_view text;
    if (it != t.corrections.end() && !it->second.empty())
        text = it->second;
    else // a template built in code without this correction
        switch (rule) {
        case RpiRule::MarkerOrder:
            text = "Wait, I should keep to the levels in order: this is \"{title}\", which starts "
                   "with the line {marker}.";
            break;
        case RpiRule::TokenBudget:
            text = "Wait, this is getting long; I should keep \"{title}\" within about {budget} "
                   "tokens.";
            break;
        case RpiRule::Citations:
            text = "Wait, I should cite the user's own items, P1 to {last}, that each fact rests "
                   "on.";
            break;
        case RpiRule::AnswerFormat:
            text = "Wait, the answer must be {format}.";
            break;
        case RpiRule::Repetition:
            text = "Wait, I am going round in circles and repeating myself. I should say each "
                   "point once and finish \"{title}\".";
            break;
        case RpiRule::StepCoverage:
            text = "Wait, I have not worked through every sub-step of \"{title}\". I should take "
                   "{steps} in turn, each opened with its marker.";
            break;
        case RpiRule::Invalid:
            return {};
        }
    return fillPlaceholders(text, correctionValues(t, t.level(stage), itemCount));
}

std::string renderJudgePrompt(const HrtTemplate& t, std::string_view input,
                              std::span<const PromptItem> items, std::string_view facts,
                              std::string_view candidate) {
    return fillPlaceholders(t.judge, {{"input", std::string(input)},
                                      {"items", renderItems(t, items)},
                                      {"facts", std::string(facts)},
                                      {"candidate", std::string(candidate)},
                                      {"format", t.answer.description}});
}

} // namespace r2p::engine
