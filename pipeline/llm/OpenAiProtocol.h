// The OpenAI-compatible wire format as vLLM, SGLang, llama.cpp and Ollama speak it: decoding
// streamed chunks (content, reasoning in its own field, finish reason, usage, in-stream errors)
// and error bodies.
#pragma once

#include "model/Result.h"

#include <optional>
#include <string>
#include <string_view>

namespace r2p::llm {

struct TokenUsage {
    int promptTokens = 0;
    int completionTokens = 0;
    int reasoningTokens = 0; // completion_tokens_details.reasoning_tokens, when reported
    int totalTokens = 0;
};

// An error the server reported, in a body or inside a stream.
struct ServerError {
    std::string message;
    std::string type;
    std::string code;
};

// One decoded `data:` event of a streamed /v1/chat/completions or /v1/completions response.
struct StreamChunk {
    std::string content;   // delta.content, or choices[0].text for completions
    std::string reasoning; // delta.reasoning_content or delta.reasoning
    std::string finishReason;
    std::optional<TokenUsage> usage;
    std::optional<ServerError> error;
    bool done = false; // the "[DONE]" sentinel
};

// Fails (with the reason) only when the event is not valid JSON or not an object.
Result<StreamChunk> decodeStreamEvent(std::string_view data);

// A whole non-streamed response (chat.completion or text_completion).
struct CompletionBody {
    std::string content;
    std::string reasoning;
    std::string finishReason;
    std::optional<TokenUsage> usage;
};
Result<CompletionBody> decodeCompletionBody(std::string_view body);

// The message of an error body ({"error": {"message": ...}}, {"message": ...}, {"detail": ...}
// or plain text), cut to a readable length.
ServerError decodeErrorBody(std::string_view body);

} // namespace r2p::llm
