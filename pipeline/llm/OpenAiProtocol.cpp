#include "OpenAiProtocol.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace r2p::llm {

namespace {
using nlohmann::json;

std::string stringOf(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    return it->dump();
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
    return u;
}

std::optional<ServerError> errorOf(const json& root) {
    auto it = root.find("error");
    if (it == root.end() || it->is_null())
        return std::nullopt;
    ServerError e;
    if (it->is_object()) {
        e.message = stringOf(*it, "message");
        e.type = stringOf(*it, "type");
        e.code = stringOf(*it, "code");
    } else {
        e.message = it->is_string() ? it->get<std::string>() : it->dump();
    }
    return e;
}

// Reasoning arrives as reasoning_content (vLLM, DeepSeek) or reasoning (newer vLLM, Ollama).
void readMessage(const json& message, std::string& content, std::string& reasoning) {
    content += stringOf(message, "content");
    std::string r = stringOf(message, "reasoning_content");
    if (r.empty())
        r = stringOf(message, "reasoning");
    reasoning += r;
}

std::string cut(std::string_view s, std::size_t max = 500) {
    if (s.size() <= max)
        return std::string(s);
    return std::string(s.substr(0, max)) + "…";
}
} // namespace

// The hot path (one call per token): simdjson's DOM parser, which picks the CPU's fastest kernel.
Result<StreamChunk> decodeStreamEvent(std::string_view data) {
    StreamChunk chunk;
    if (data == "[DONE]") {
        chunk.done = true;
        return chunk;
    }
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(data.data(), data.size(), true).get(root))
        return Error{"malformed JSON in a stream event: " + cut(data, 200)};
    simdjson::dom::object object;
    if (root.get_object().get(object))
        return Error{"a stream event is not a JSON object: " + cut(data, 200)};
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
                e.message = text(part);
            if (!errorObject["type"].get(part))
                e.type = text(part);
            if (!errorObject["code"].get(part))
                e.code = text(part);
        } else {
            e.message = text(field);
        }
        chunk.error = std::move(e);
    }
    simdjson::dom::object usage;
    if (!object["usage"].get_object().get(usage)) {
        TokenUsage u;
        auto number = [&](simdjson::dom::object o, const char* key) {
            std::int64_t v = 0;
            return o[key].get_int64().get(v) || v < 0 || v > kMaxCount ? 0 : static_cast<int>(v);
        };
        u.promptTokens = number(usage, "prompt_tokens");
        u.completionTokens = number(usage, "completion_tokens");
        u.totalTokens = usage["total_tokens"].error() ? countSum(u.promptTokens, u.completionTokens)
                                                      : number(usage, "total_tokens");
        simdjson::dom::object details;
        if (!usage["completion_tokens_details"].get_object().get(details))
            u.reasoningTokens = number(details, "reasoning_tokens");
        chunk.usage = u;
    }
    simdjson::dom::array choices;
    if (!object["choices"].get_array().get(choices) && choices.size() > 0) {
        simdjson::dom::object choice;
        if (!choices.at(0).get_object().get(choice)) {
            simdjson::dom::object delta;
            if (!choice["delta"].get_object().get(delta)) {
                simdjson::dom::element part;
                if (!delta["content"].get(part))
                    chunk.content = text(part);
                if (!delta["reasoning_content"].get(part))
                    chunk.reasoning = text(part);
                if (chunk.reasoning.empty() && !delta["reasoning"].get(part))
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

Result<CompletionBody> decodeCompletionBody(std::string_view body) {
    json root = json::parse(body, nullptr, false);
    if (root.is_discarded() || !root.is_object())
        return Error{"the response is not a JSON object: " + cut(body, 200)};
    if (auto e = errorOf(root))
        return Error{"the server reported an error: " + e->message};
    CompletionBody out;
    out.usage = usageOf(root);
    auto choices = root.find("choices");
    if (choices == root.end() || !choices->is_array() || choices->empty())
        return Error{"the response has no choices: " + cut(body, 200)};
    const json& choice = (*choices)[0];
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
                return {cut(m), {}, {}};
    }
    return {cut(body), {}, {}};
}

} // namespace r2p::llm
