// The OpenAI-compatible wire format as vLLM, SGLang, llama.cpp and Ollama speak it: decoding
// streamed chunks (content, reasoning in its own field, finish reason, usage, in-stream errors)
// and error bodies.
#pragma once

#include "model/Result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::llm {

struct TokenUsage {
    int promptTokens = 0;
    int completionTokens = 0;
    int reasoningTokens = 0; // completion_tokens_details.reasoning_tokens, when reported
    int totalTokens = 0;
    // prompt_tokens_details.cached_tokens (OpenAI; vLLM with --enable-prompt-tokens-details):
    // prompt tokens the server's prefix cache served; unset when not reported.
    std::optional<int> cachedPromptTokens;
};

// llama-server's "timings" (prompt processing and generation speed, as the server measured).
struct ServerTimings {
    int promptTokens = 0; // prompt_n
    double promptMs = 0;  // prompt_ms
    double promptPerSecond = 0;
    int predictedTokens = 0; // predicted_n
    double predictedMs = 0;  // predicted_ms
    double predictedPerSecond = 0;
};

// An error the server reported, in a body or inside a stream.
struct ServerError {
    std::string message;
    std::string type;
    std::string code;
};

// Whether asking again can succeed: rate limits, overload, 5xx and a model still loading can;
// a request the server refused (400/401/403/404, the prompt over the context length) cannot.
// `httpStatus` is the response's status (0 when unknown); the error's own code wins.
bool errorIsTransient(const ServerError& error, int httpStatus);

// One decoded `data:` event of a streamed /v1/chat/completions or /v1/completions response.
struct StreamChunk {
    std::string content;   // delta.content, or choices[0].text for completions
    std::string reasoning; // delta.reasoning (read first), else delta.reasoning_content
    std::string finishReason;
    std::optional<TokenUsage> usage;
    std::optional<ServerTimings> timings; // llama-server
    std::string systemFingerprint;        // "fp_ollama" from Ollama
    std::optional<ServerError> error;
    bool done = false; // the "[DONE]" sentinel
};

// Fails (with the reason, outside text cut at a character boundary) only when the event is not
// valid JSON (invalid UTF-8 included) or not an object.
Result<StreamChunk> decodeStreamEvent(std::string_view data);
// The payload of llama-server's non-data SSE field `error: {...}` (flat {code, message, type}
// or {"error": {...}}); text that is not JSON becomes the message.
ServerError decodeErrorEvent(std::string_view data);

// A whole non-streamed response (chat.completion or text_completion).
struct CompletionBody {
    std::string content;
    std::string reasoning;
    std::string finishReason;
    std::optional<TokenUsage> usage;
    std::optional<ServerTimings> timings;
    std::string systemFingerprint;
};
Result<CompletionBody> decodeCompletionBody(std::string_view body);

// The message of an error body ({"error": {"message": ...}}, {"message": ...}, {"detail": ...},
// an HTML page's title, or plain text), made valid UTF-8 and cut at a character boundary.
ServerError decodeErrorBody(std::string_view body);

// The model ids of a GET /v1/models body. {"data": null} (Ollama with nothing pulled) is an
// empty list; anything that is not {"data": [...]} is an error saying what came instead.
Result<std::vector<std::string>> decodeModelList(std::string_view body);

} // namespace r2p::llm
