#include "OpenAiProtocol.h"

#include "model/Utf8.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace r2p::llm {

namespace {
using nlohmann::json;

constexpr std::size_t kQuoteBytes = 300; // how much of a bad reply a message quotes

std::string stringOf(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    return it->dump(-1, ' ', false, json::error_handler_t::replace);
}

double doubleOf(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return 0;
    return it->get<double>();
}

constexpr std::int64_t kMaxCount = std::numeric_limits<int>::max();

// A token count: an integer in [0, INT_MAX] (7.0 too). Anything else a server may send (a
// string, -3, 1e30) counts as 0, as if absent: json::value() threw on a string and converted
// 1e30 to int with undefined behaviour.
int tokenCount(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end())
        return 0;
    if (it->is_number_unsigned()) {
        const auto v = it->get<std::uint64_t>();
        return v <= static_cast<std::uint64_t>(kMaxCount) ? static_cast<int>(v) : 0;
    }
    if (it->is_number_integer()) {
        const auto v = it->get<std::int64_t>();
        return v >= 0 && v <= kMaxCount ? static_cast<int>(v) : 0;
    }
    if (it->is_number_float()) {
        const double v = it->get<double>();
        return v >= 0 && v <= static_cast<double>(kMaxCount) && v == std::floor(v)
                   ? static_cast<int>(v)
                   : 0;
    }
    return 0;
}

int countSum(int a, int b) {
    return static_cast<int>(std::min<std::int64_t>(std::int64_t{a} + b, kMaxCount));
}

std::optional<TokenUsage> usageOf(const json& root) {
    auto it = root.find("usage");
    if (it == root.end() || !it->is_object())
        return std::nullopt;
    TokenUsage u;
    u.promptTokens = tokenCount(*it, "prompt_tokens");
    u.completionTokens = tokenCount(*it, "completion_tokens");
    u.totalTokens = it->contains("total_tokens") ? tokenCount(*it, "total_tokens")
                                                 : countSum(u.promptTokens, u.completionTokens);
    if (auto d = it->find("completion_tokens_details"); d != it->end() && d->is_object())
        u.reasoningTokens = tokenCount(*d, "reasoning_tokens");
    if (auto d = it->find("prompt_tokens_details"); d != it->end() && d->is_object())
        if (auto c = d->find("cached_tokens"); c != d->end() && c->is_number())
            u.cachedPromptTokens = tokenCount(*d, "cached_tokens");
    return u;
}

std::optional<ServerTimings> timingsOf(const json& root) {
    auto it = root.find("timings");
    if (it == root.end() || !it->is_object())
        return std::nullopt;
    ServerTimings t;
    t.promptTokens = tokenCount(*it, "prompt_n");
    t.promptMs = doubleOf(*it, "prompt_ms");
    t.promptPerSecond = doubleOf(*it, "prompt_per_second");
    t.predictedTokens = tokenCount(*it, "predicted_n");
    t.predictedMs = doubleOf(*it, "predicted_ms");
    t.predictedPerSecond = doubleOf(*it, "predicted_per_second");
    return t;
}

// {message, type, code} from an error object; code may be a number or a string.
ServerError errorFields(const json& e) {
    ServerError out;
    out.message = clipUtf8(stringOf(e, "message"), 2000);
    out.type = clipUtf8(stringOf(e, "type"), 200);
    out.code = clipUtf8(stringOf(e, "code"), 200);
    return out;
}

std::optional<ServerError> errorOf(const json& root) {
    auto it = root.find("error");
    if (it == root.end() || it->is_null())
        return std::nullopt;
    if (it->is_object())
        return errorFields(*it);
    ServerError e;
    e.message = clipUtf8(it->is_string() ? it->get<std::string>()
                                         : it->dump(-1, ' ', false, json::error_handler_t::replace),
                         2000);
    return e;
}

// Reasoning arrives as reasoning (vLLM since 2025, Ollama) or reasoning_content (older vLLM,
// SGLang, llama-server, DeepSeek); the newer name is read first.
void readMessage(const json& message, std::string& content, std::string& reasoning) {
    content += stringOf(message, "content");
    std::string r = stringOf(message, "reasoning");
    if (r.empty())
        r = stringOf(message, "reasoning_content");
    reasoning += r;
}

std::string quote(std::string_view s) {
    return clipUtf8(s, kQuoteBytes);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The text of an HTML page's <title>, or of the page without its tags, for a proxy's error page.
std::string htmlText(std::string_view body) {
    const std::string low = lower(std::string(body.substr(0, 64 * 1024)));
    if (const auto t = low.find("<title>"); t != std::string::npos) {
        const auto end = low.find("</title>", t);
        if (end != std::string::npos)
            return std::string(body.substr(t + 7, end - t - 7));
    }
    std::string text;
    bool inTag = false;
    for (char c : body.substr(0, 64 * 1024)) {
        if (c == '<')
            inTag = true;
        else if (c == '>')
            inTag = false;
        else if (!inTag)
            text += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    return text;
}
} // namespace

bool errorIsTransient(const ServerError& error, int httpStatus) {
    const std::string text = lower(error.message + " " + error.type + " " + error.code);
    // A prompt over the context length fails the same way every time, whatever the status.
    for (const char* fixed : {"context length", "context_length", "context size", "context window",
                              "exceed_context", "maximum context", "too many tokens"})
        if (text.find(fixed) != std::string::npos)
            return false;
    int code = 0;
    if (!error.code.empty() && std::isdigit(static_cast<unsigned char>(error.code[0])))
        code = std::atoi(error.code.c_str());
    const int status = code >= 100 ? code : httpStatus;
    if (status == 429 || status >= 500)
        return true;
    if (status >= 400)
        return false;
    for (const char* transient : {"overload", "rate limit", "rate_limit", "unavailable",
                                  "loading model", "server_error", "try again", "timeout"})
        if (text.find(transient) != std::string::npos)
            return true;
    return false;
}

// The hot path (one call per token): simdjson's DOM parser, which picks the CPU's fastest kernel.
Result<StreamChunk> decodeStreamEvent(std::string_view data) {
    StreamChunk chunk;
    if (data == "[DONE]") {
        chunk.done = true;
        return chunk;
    }
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (const auto code = parser.parse(data.data(), data.size(), true).get(root)) {
        if (code == simdjson::UTF8_ERROR)
            return Error{"a stream event is not valid UTF-8: " + quote(data)};
        return Error{"malformed JSON in a stream event: " + quote(data)};
    }
    simdjson::dom::object object;
    if (root.get_object().get(object))
        return Error{"a stream event is not a JSON object: " + quote(data)};
    auto text = [](simdjson::dom::element e) -> std::string {
        std::string_view sv;
        if (!e.get_string().get(sv))
            return std::string(sv);
        if (e.is_null())
            return {};
        return simdjson::minify(e);
    };
    simdjson::dom::element field;
    if (!object["error"].get(field) && !field.is_null()) {
        ServerError e;
        simdjson::dom::object errorObject;
        if (!field.get_object().get(errorObject)) {
            simdjson::dom::element part;
            if (!errorObject["message"].get(part))
                e.message = clipUtf8(text(part), 2000);
            if (!errorObject["type"].get(part))
                e.type = text(part);
            if (!errorObject["code"].get(part))
                e.code = text(part);
        } else {
            e.message = clipUtf8(text(field), 2000);
        }
        chunk.error = std::move(e);
    }
    auto number = [](simdjson::dom::object o, const char* key) {
        double v = 0;
        simdjson::dom::element e;
        if (o[key].get(e) || !e.is_number())
            return 0.0;
        if (e.is_int64())
            return static_cast<double>(e.get_int64().value_unsafe());
        if (e.is_uint64())
            return static_cast<double>(e.get_uint64().value_unsafe());
        if (e.get_double().get(v))
            return 0.0;
        return v;
    };
    // Token counts as usageOf reads them: anything but an integer in [0, INT_MAX] is 0.
    auto count = [](simdjson::dom::object o, const char* key) {
        std::int64_t v = 0;
        return o[key].get_int64().get(v) || v < 0 || v > kMaxCount ? 0 : static_cast<int>(v);
    };
    simdjson::dom::object usage;
    if (!object["usage"].get_object().get(usage)) {
        TokenUsage u;
        u.promptTokens = count(usage, "prompt_tokens");
        u.completionTokens = count(usage, "completion_tokens");
        u.totalTokens = usage["total_tokens"].error() ? countSum(u.promptTokens, u.completionTokens)
                                                      : count(usage, "total_tokens");
        simdjson::dom::object details;
        if (!usage["completion_tokens_details"].get_object().get(details))
            u.reasoningTokens = count(details, "reasoning_tokens");
        simdjson::dom::object promptDetails;
        if (!usage["prompt_tokens_details"].get_object().get(promptDetails) &&
            !promptDetails["cached_tokens"].error())
            u.cachedPromptTokens = count(promptDetails, "cached_tokens");
        chunk.usage = u;
    }
    simdjson::dom::object timings;
    if (!object["timings"].get_object().get(timings)) {
        ServerTimings t;
        t.promptTokens = count(timings, "prompt_n");
        t.promptMs = number(timings, "prompt_ms");
        t.promptPerSecond = number(timings, "prompt_per_second");
        t.predictedTokens = count(timings, "predicted_n");
        t.predictedMs = number(timings, "predicted_ms");
        t.predictedPerSecond = number(timings, "predicted_per_second");
        chunk.timings = t;
    }
    std::string_view fingerprint;
    if (!object["system_fingerprint"].get_string().get(fingerprint))
        chunk.systemFingerprint = std::string(fingerprint);
    simdjson::dom::array choices;
    if (!object["choices"].get_array().get(choices) && choices.size() > 0) {
        simdjson::dom::object choice;
        if (!choices.at(0).get_object().get(choice)) {
            simdjson::dom::object delta;
            if (!choice["delta"].get_object().get(delta)) {
                simdjson::dom::element part;
                if (!delta["content"].get(part))
                    chunk.content = text(part);
                if (!delta["reasoning"].get(part))
                    chunk.reasoning = text(part);
                if (chunk.reasoning.empty() && !delta["reasoning_content"].get(part))
                    chunk.reasoning = text(part);
            }
            simdjson::dom::element part;
            if (!choice["text"].get(part))
                chunk.content += text(part);
            if (!choice["finish_reason"].get(part))
                chunk.finishReason = text(part);
        }
    }
    return chunk;
}

ServerError decodeErrorEvent(std::string_view data) {
    json root = json::parse(data, nullptr, false);
    if (root.is_discarded() || !root.is_object())
        return {quote(data), {}, {}};
    if (auto e = errorOf(root))
        return *e;
    return errorFields(root);
}

Result<CompletionBody> decodeCompletionBody(std::string_view body) {
    json root = json::parse(body, nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        if (!isValidUtf8(body))
            return Error{"the response is not valid UTF-8: " + quote(body)};
        if (body.find('<') != std::string_view::npos &&
            lower(std::string(body.substr(0, 200))).find("<html") != std::string::npos)
            return Error{"the response is an HTML page, not JSON: " + quote(htmlText(body))};
        return Error{"the response is not a JSON object: " + quote(body)};
    }
    if (auto e = errorOf(root))
        return Error{"the server reported an error: " + e->message};
    CompletionBody out;
    out.usage = usageOf(root);
    out.timings = timingsOf(root);
    out.systemFingerprint = stringOf(root, "system_fingerprint");
    auto choices = root.find("choices");
    if (choices == root.end() || !choices->is_array() || choices->empty())
        return Error{"the response has no choices: " + quote(body)};
    const json& choice = (*choices)[0];
    if (!choice.is_object())
        return Error{"the response's choice is not an object: " + quote(body)};
    if (auto message = choice.find("message"); message != choice.end() && message->is_object())
        readMessage(*message, out.content, out.reasoning);
    if (auto text = choice.find("text"); text != choice.end() && text->is_string())
        out.content += text->get<std::string>();
    out.finishReason = stringOf(choice, "finish_reason");
    return out;
}

ServerError decodeErrorBody(std::string_view body) {
    json root = json::parse(body, nullptr, false);
    if (!root.is_discarded() && root.is_object()) {
        if (auto e = errorOf(root); e && !e->message.empty())
            return *e;
        for (const char* key : {"message", "detail"})
            if (auto m = stringOf(root, key); !m.empty())
                return {quote(m), {}, {}};
    }
    const std::string head = lower(std::string(body.substr(0, 512)));
    if (head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos)
        return {quote(htmlText(body)), {}, {}};
    return {quote(body), {}, {}};
}

Result<std::vector<std::string>> decodeModelList(std::string_view body) {
    json root = json::parse(body, nullptr, false);
    if (root.is_discarded() || !root.is_object())
        return Error{"not a model list (the reply is not a JSON object): " + quote(body)};
    auto data = root.find("data");
    if (data == root.end())
        return Error{"not a model list (no \"data\" field): " + quote(body)};
    std::vector<std::string> ids;
    if (data->is_null())
        return ids; // Ollama with no model pulled
    if (!data->is_array())
        return Error{"not a model list (\"data\" is not a list): " + quote(body)};
    for (const auto& m : *data)
        if (m.is_object() && m.contains("id") && m["id"].is_string())
            ids.push_back(validUtf8(m["id"].get<std::string>()));
    return ids;
}

} // namespace r2p::llm
