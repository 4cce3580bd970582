#include "OpenAiProtocol.h"

#include <nlohmann/json.hpp>

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

std::optional<TokenUsage> usageOf(const json& root) {
    auto it = root.find("usage");
    if (it == root.end() || !it->is_object())
        return std::nullopt;
    TokenUsage u;
    u.promptTokens = it->value("prompt_tokens", 0);
    u.completionTokens = it->value("completion_tokens", 0);
    u.totalTokens = it->value("total_tokens", u.promptTokens + u.completionTokens);
    if (auto d = it->find("completion_tokens_details"); d != it->end() && d->is_object())
        u.reasoningTokens = d->value("reasoning_tokens", 0);
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

Result<StreamChunk> decodeStreamEvent(std::string_view data) {
    StreamChunk chunk;
    if (data == "[DONE]") {
        chunk.done = true;
        return chunk;
    }
    json root = json::parse(data, nullptr, false);
    if (root.is_discarded())
        return Error{"malformed JSON in a stream event: " + cut(data, 200)};
    if (!root.is_object())
        return Error{"a stream event is not a JSON object: " + cut(data, 200)};
    chunk.error = errorOf(root);
    chunk.usage = usageOf(root);
    if (auto choices = root.find("choices");
        choices != root.end() && choices->is_array() && !choices->empty()) {
        const json& choice = (*choices)[0];
        if (auto delta = choice.find("delta"); delta != choice.end() && delta->is_object())
            readMessage(*delta, chunk.content, chunk.reasoning);
        if (auto text = choice.find("text"); text != choice.end() && text->is_string())
            chunk.content += text->get<std::string>();
        chunk.finishReason = stringOf(choice, "finish_reason");
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
