#include "StepOutput.h"

#include "JsonText.h"
#include "StepOutputJson.h"
#include "Trace.h"
#include "Utf8.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <type_traits>

namespace r2p {

namespace {

using Json = nlohmann::ordered_json;

// toJson writes the stored form directly, byte for byte what dumping stepOutputJson() makes
// (building the tree first cost more than the rest of storing a step). The scalars:

// A JSON string as dumpJson writes it: valid UTF-8 escaped here, anything else through the
// library (which replaces ill-formed UTF-8 with U+FFFD).
void appendString(std::string& out, std::string_view s) {
    if (!isValidUtf8(s)) {
        out += dumpJson(Json(std::string(s)));
        return;
    }
    out += '"';
    std::size_t plain = 0; // the start of the bytes not written yet, which need no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s.substr(plain, i - plain));
        plain = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            char code[8];
            std::snprintf(code, sizeof code, "\\u%04x", static_cast<unsigned>(c));
            out += code;
        }
        }
    }
    out.append(s.substr(plain));
    out += '"';
}

// A double as the library writes it (shortest round-trip form, NaN and infinity as null).
void appendDouble(std::string& out, double d) {
    out += Json(d).dump();
}

// A JSON object of `pairs` as an ordered_json built with o[key] = value writes it: a repeated
// key keeps its first place and takes its last value.
template <class Pairs, class KeyOf, class AppendValue>
void appendObject(std::string& out, const Pairs& pairs, KeyOf keyOf, AppendValue appendValue) {
    out += '{';
    bool first = true;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const std::string_view key = keyOf(pairs[i]);
        bool seen = false;
        for (std::size_t j = 0; j < i && !seen; ++j)
            seen = keyOf(pairs[j]) == key;
        if (seen)
            continue;
        std::size_t last = i;
        for (std::size_t j = i + 1; j < pairs.size(); ++j)
            if (keyOf(pairs[j]) == key)
                last = j;
        if (!first)
            out += ',';
        first = false;
        appendString(out, key);
        out += ':';
        appendValue(out, pairs[last]);
    }
    out += '}';
}

// One codec per field type: read gives nothing for a value of another shape than the engine
// writes (the key then stays in `extra`, unchanged).
template <class T> struct Codec;

template <> struct Codec<std::string> {
    static std::optional<std::string> read(const Json& v) {
        if (!v.is_string())
            return std::nullopt;
        return v.get<std::string>();
    }
    static Json write(const std::string& s) { return s; }
    static void append(std::string& out, const std::string& s) { appendString(out, s); }
};

template <> struct Codec<int> {
    static std::optional<int> read(const Json& v) {
        if (v.is_number_unsigned()) {
            const auto u = v.get<std::uint64_t>();
            if (u <= static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
                return static_cast<int>(u);
        } else if (v.is_number_integer()) {
            const auto i = v.get<std::int64_t>();
            if (i >= std::numeric_limits<int>::min() && i <= std::numeric_limits<int>::max())
                return static_cast<int>(i);
        }
        return std::nullopt;
    }
    static Json write(int i) { return i; }
    static void append(std::string& out, int i) { out += std::to_string(i); }
};

template <> struct Codec<bool> {
    static std::optional<bool> read(const Json& v) {
        if (!v.is_boolean())
            return std::nullopt;
        return v.get<bool>();
    }
    static Json write(bool b) { return b; }
    static void append(std::string& out, bool b) { out += b ? "true" : "false"; }
};

// The engine writes doubles as JSON floats; NaN and infinity come out as null, which reads back
// as NaN (and writes as null again).
template <> struct Codec<double> {
    static std::optional<double> read(const Json& v) {
        if (v.is_number_float())
            return v.get<double>();
        if (v.is_null())
            return std::numeric_limits<double>::quiet_NaN();
        return std::nullopt;
    }
    static Json write(double d) { return d; }
    static void append(std::string& out, double d) { appendDouble(out, d); }
};

template <class T> struct Codec<std::vector<T>> {
    static std::optional<std::vector<T>> read(const Json& v) {
        if (!v.is_array())
            return std::nullopt;
        std::vector<T> out;
        out.reserve(v.size());
        for (const auto& e : v) {
            auto x = Codec<T>::read(e);
            if (!x)
                return std::nullopt;
            out.push_back(std::move(*x));
        }
        return out;
    }
    static Json write(const std::vector<T>& xs) {
        Json a = Json::array();
        for (const auto& x : xs)
            a.push_back(Codec<T>::write(x));
        return a;
    }
    static void append(std::string& out, const std::vector<T>& xs) {
        out += '[';
        for (std::size_t i = 0; i < xs.size(); ++i) {
            if (i > 0)
                out += ',';
            Codec<T>::append(out, xs[i]);
        }
        out += ']';
    }
};

// {"n":1,"id":"…","score":0.9,"matched":[…]}: exactly these keys in this order, or the whole
// list stays as it was stored.
template <> struct Codec<StepItem> {
    static std::optional<StepItem> read(const Json& v) {
        if (!v.is_object() || v.size() != 4)
            return std::nullopt;
        constexpr std::array<std::string_view, 4> kKeys{"n", "id", "score", "matched"};
        std::size_t i = 0;
        for (const auto& [key, value] : v.items()) {
            if (key != kKeys[i++])
                return std::nullopt;
            (void)value;
        }
        auto n = Codec<int>::read(v.at("n"));
        auto id = Codec<std::string>::read(v.at("id"));
        auto score = Codec<double>::read(v.at("score"));
        auto matched = Codec<std::vector<std::string>>::read(v.at("matched"));
        if (!n || !id || !score || !matched)
            return std::nullopt;
        return StepItem{*n, std::move(*id), *score, std::move(*matched)};
    }
    static Json write(const StepItem& it) {
        return Json{{"n", it.n},
                    {"id", it.id},
                    {"score", it.score},
                    {"matched", Codec<std::vector<std::string>>::write(it.matched)}};
    }
    static void append(std::string& out, const StepItem& it) {
        out += "{\"n\":";
        out += std::to_string(it.n);
        out += ",\"id\":";
        appendString(out, it.id);
        out += ",\"score\":";
        appendDouble(out, it.score);
        out += ",\"matched\":";
        Codec<std::vector<std::string>>::append(out, it.matched);
        out += '}';
    }
};

template <> struct Codec<Verdict> {
    static std::optional<Verdict> read(const Json& v) {
        if (!v.is_string())
            return std::nullopt;
        return parseVerdict(v.get<std::string>());
    }
    static Json write(Verdict v) { return verdictName(v); }
    static void append(std::string& out, Verdict v) { appendString(out, verdictName(v)); }
};

using RuleList = std::vector<std::pair<RpiRule, RuleOutcome>>;
template <> struct Codec<RuleList> {
    static std::optional<RuleList> read(const Json& v) {
        if (!v.is_object())
            return std::nullopt;
        RuleList out;
        for (const auto& [key, value] : v.items()) {
            if (!value.is_string())
                return std::nullopt;
            const auto rule = parseRpiRule(key);
            const auto outcome = parseRuleOutcome(value.get<std::string>());
            if (!rule || !outcome)
                return std::nullopt;
            out.emplace_back(*rule, *outcome);
        }
        return out;
    }
    static Json write(const RuleList& rules) {
        Json o = Json::object();
        for (const auto& [rule, outcome] : rules)
            o[std::string(rpiRuleName(rule))] = ruleOutcomeName(outcome);
        return o;
    }
    static void append(std::string& out, const RuleList& rules) {
        appendObject(
            out, rules, [](const auto& r) { return std::string_view(rpiRuleName(r.first)); },
            [](std::string& o, const auto& r) { appendString(o, ruleOutcomeName(r.second)); });
    }
};

using ScoreMap = std::vector<std::pair<std::string, double>>;
template <> struct Codec<ScoreMap> {
    static std::optional<ScoreMap> read(const Json& v) {
        if (!v.is_object())
            return std::nullopt;
        ScoreMap out;
        for (const auto& [key, value] : v.items()) {
            const auto d = Codec<double>::read(value);
            if (!d)
                return std::nullopt;
            out.emplace_back(key, *d);
        }
        return out;
    }
    static Json write(const ScoreMap& scores) {
        Json o = Json::object();
        for (const auto& [name, value] : scores)
            o[name] = value;
        return o;
    }
    static void append(std::string& out, const ScoreMap& scores) {
        appendObject(
            out, scores, [](const auto& p) { return std::string_view(p.first); },
            [](std::string& o, const auto& p) { appendDouble(o, p.second); });
    }
};

// The gold: a string, or null when the user has none.
template <> struct Codec<std::optional<std::string>> {
    static std::optional<std::optional<std::string>> read(const Json& v) {
        if (v.is_null())
            return std::optional<std::optional<std::string>>(std::in_place);
        if (v.is_string())
            return std::optional<std::optional<std::string>>(std::in_place, v.get<std::string>());
        return std::nullopt;
    }
    static Json write(const std::optional<std::string>& gold) {
        return gold ? Json(*gold) : Json(nullptr);
    }
    static void append(std::string& out, const std::optional<std::string>& gold) {
        if (gold)
            appendString(out, *gold);
        else
            out += "null";
    }
};

struct Field {
    std::string_view key;
    bool (*read)(StepOutput&, const Json&); // false: another shape, kept in `extra`
    bool (*has)(const StepOutput&);
    Json (*write)(const StepOutput&);
    void (*append)(std::string&, const StepOutput&); // write's value, dumped
};

template <auto Member> constexpr Field field(std::string_view key) {
    using T =
        typename std::remove_cvref_t<decltype(std::declval<StepOutput&>().*Member)>::value_type;
    return {key,
            [](StepOutput& out, const Json& v) {
                auto x = Codec<T>::read(v);
                if (x)
                    (out.*Member).emplace(std::move(*x));
                return x.has_value();
            },
            [](const StepOutput& out) { return (out.*Member).has_value(); },
            [](const StepOutput& out) { return Codec<T>::write(*(out.*Member)); },
            [](std::string& text, const StepOutput& out) {
                Codec<T>::append(text, *(out.*Member));
            }};
}

// The order the engine writes each stage's keys in; one order fits every stage.
constexpr std::array kFields{
    field<&StepOutput::ranker>("ranker"),
    field<&StepOutput::k>("k"),
    field<&StepOutput::query>("query"),
    field<&StepOutput::items>("items"),
    field<&StepOutput::findings>("findings"),
    field<&StepOutput::mode>("mode"),
    field<&StepOutput::chosen>("chosen"),
    field<&StepOutput::prediction>("prediction"),
    field<&StepOutput::gold>("gold"),
    field<&StepOutput::verdict>("verdict"),
    field<&StepOutput::evidence>("evidence"),
    field<&StepOutput::agreement>("agreement"),
    field<&StepOutput::body>("body"),
    field<&StepOutput::citations>("citations"),
    field<&StepOutput::answer>("answer"),
    field<&StepOutput::reason>("reason"),
    field<&StepOutput::judge>("judge"),
    field<&StepOutput::judgeModel>("judge_model"),
    field<&StepOutput::inFormat>("in_format"),
    field<&StepOutput::finishReason>("finish_reason"),
    field<&StepOutput::answerBudget>("answer_budget"),
    field<&StepOutput::reasoningBudget>("reasoning_budget"),
    field<&StepOutput::truncated>("truncated"),
    field<&StepOutput::tokens>("tokens"),
    field<&StepOutput::tokenCounter>("token_counter"),
    field<&StepOutput::interventions>("interventions"),
    field<&StepOutput::rules>("rules"),
    field<&StepOutput::steps>("steps"),
    field<&StepOutput::stepsCovered>("steps_covered"),
    field<&StepOutput::scores>("scores"),
    field<&StepOutput::edited>("edited"),
};

const Field* fieldNamed(std::string_view key) {
    for (const auto& f : kFields)
        if (f.key == key)
            return &f;
    return nullptr;
}

// An extra value as stored; text that is not JSON (only a caller can put it there) stays a
// string.
Json extraValue(const std::string& text) {
    Json v = Json::parse(text, nullptr, false);
    return v.is_discarded() ? Json(text) : v;
}

} // namespace

bool StepOutput::hasFields() const {
    if (!extra.empty())
        return true;
    for (const auto& f : kFields)
        if (f.has(*this))
            return true;
    return false;
}

nlohmann::ordered_json stepOutputJson(const StepOutput& output) {
    Json j = Json::object();
    auto extraOf = [&](std::string_view key) -> const std::string* {
        for (const auto& [k, text] : output.extra)
            if (k == key)
                return &text;
        return nullptr;
    };
    // Stored keys in their stored place (a typed value wins over an extra of the same key),
    // then new keys in the engine's order, then new extras.
    for (const auto& key : output.keyOrder) {
        if (j.contains(key))
            continue;
        if (const Field* f = fieldNamed(key); f && f->has(output))
            j[key] = f->write(output);
        else if (const std::string* text = extraOf(key))
            j[key] = extraValue(*text);
    }
    for (const auto& f : kFields) {
        const std::string key(f.key);
        if (f.has(output) && !j.contains(key))
            j[key] = f.write(output);
    }
    for (const auto& [key, text] : output.extra)
        if (!j.contains(key))
            j[key] = extraValue(text);
    return j;
}

std::string toJson(const StepOutput& output) {
    if (!output.hasFields())
        return output.verbatim;
    // The keys in stepOutputJson's order, each once.
    std::string out = "{";
    std::vector<std::string_view> written;
    auto add = [&](std::string_view key) {
        if (!written.empty())
            out += ',';
        written.push_back(key);
        appendString(out, key);
        out += ':';
    };
    auto done = [&](std::string_view key) {
        return std::find(written.begin(), written.end(), key) != written.end();
    };
    auto extraOf = [&](std::string_view key) -> const std::string* {
        for (const auto& [k, text] : output.extra)
            if (k == key)
                return &text;
        return nullptr;
    };
    for (const auto& key : output.keyOrder) {
        if (done(key))
            continue;
        if (const Field* f = fieldNamed(key); f && f->has(output)) {
            add(key);
            f->append(out, output);
        } else if (const std::string* text = extraOf(key)) {
            add(key);
            out += dumpJson(extraValue(*text));
        }
    }
    for (const auto& f : kFields)
        if (f.has(output) && !done(f.key)) {
            add(f.key);
            f.append(out, output);
        }
    for (const auto& [key, text] : output.extra)
        if (!done(key)) {
            add(key);
            out += dumpJson(extraValue(text));
        }
    out += '}';
    return out;
}

std::string toReadableJson(const StepOutput& output) {
    return output.hasFields() ? dumpJson(stepOutputJson(output), 4) : output.verbatim;
}

Result<StepOutput> parseStepOutput(std::string_view text) {
    if (text.empty())
        return StepOutput{};
    Json j;
    try {
        j = Json::parse(text);
    } catch (const Json::parse_error& e) {
        const JsonErrorText at = describeParseError(text, e);
        return Error{"step output: line " + std::to_string(at.line) + ", column " +
                     std::to_string(at.column) + ": malformed JSON: " + at.detail};
    } catch (const Json::exception& e) { // out_of_range 406: a number beyond double's range
        return Error{"step output: " + jsonExceptionDetail(e)};
    }
    if (!j.is_object())
        return Error{"step output: a JSON " + std::string(j.type_name()) + ", not an object"};
    StepOutput out;
    out.keyOrder.reserve(j.size());
    for (const auto& [key, value] : j.items()) {
        out.keyOrder.push_back(key);
        const Field* f = fieldNamed(key);
        if (!f || !f->read(out, value))
            out.extra.emplace_back(key, dumpJson(value));
    }
    return out;
}

StepOutput readStepOutput(std::string_view text) {
    auto parsed = parseStepOutput(text);
    if (parsed)
        return std::move(*parsed);
    StepOutput out;
    out.verbatim = std::string(text);
    return out;
}

} // namespace r2p
