// The one interface every model backend implements (openai over HTTP, offline, replay): submit a
// generation request, receive reasoning and answer deltas as they stream, then one outcome.
#pragma once

#include "OpenAiProtocol.h"
#include "ThinkSplitter.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace r2p::engine {
struct StageHint;
} // namespace r2p::engine

namespace r2p::llm {

enum class Role {
    Invalid = 0,
    System,
    User,
    Assistant,
};

struct Message {
    Role role = Role::User;
    std::string content;
};

enum class Endpoint {
    Invalid = 0,
    Chat,        // /v1/chat/completions with messages
    Completions, // /v1/completions with a raw prompt (prefill continuation)
};

struct GenerationRequest {
    std::string label; // names the request in errors and traces, e.g. "user 3107 · synthesis"
    Endpoint endpoint = Endpoint::Chat;
    std::string model;
    std::vector<Message> messages; // Chat
    std::string prompt;            // Completions
    std::optional<int> maxTokens;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<std::uint64_t> seed;
    std::vector<std::string> stop;
    bool stream = true;
    // Where reasoning sits when it comes inside the content rather than in its own field.
    ThinkSplitter::Start thinkStart = ThinkSplitter::Start::Detect;
    // What the engine knows about the request (task, stage, retrieved items). Not sent and not
    // part of the cache key: the HTTP backend ignores it, the offline reasoner answers from it.
    std::shared_ptr<const engine::StageHint> hint;
    // requestBody() of this request, when a backend passing it on (the response cache, which
    // keys by it) made it already, so the one it goes to does not serialise it again. Null
    // until then; whoever changes a field the body holds after it is set must reset it.
    std::shared_ptr<const std::string> body;
};

struct GenerationResult {
    std::string reasoning;
    std::string answer;
    std::string finishReason;
    std::optional<TokenUsage> usage;
    double firstTokenMs = 0; // from sending to the first delta
    double totalMs = 0;
    int httpStatus = 0;
    int attempts = 1;
    // What the server said about the request beside the text.
    std::optional<ServerTimings> timings; // llama-server's prompt and generation speed
    std::string requestId;                // the x-request-id response header
    std::string systemFingerprint;
    bool reasoningTokensEstimated = false; // usage had no reasoning_tokens: split by text
    // The content streamed as the answer, and a lone "</think>" in it made what came before it
    // reasoning once the reply was complete (streamed deltas showed it as the answer).
    bool reasoningSplitAtEnd = false;
    // Where the answer came from: the endpoint's base URL (from the cache: where it was stored).
    std::string endpoint;
    bool fromCache = false;
};

// The server-side figures of one request as a JSON object (usage, reasoning tokens, timings,
// request id, endpoint, cache), for the step that made it.
std::string serverFiguresJson(const GenerationResult& result);
// Appends them to a step's JSON list (`list` empty or "[...]"); results of no endpoint (the
// offline reasoner) add nothing.
void appendServerFigures(std::string& list, const GenerationResult& result);

enum class ErrorKind {
    Invalid = 0,
    Connect,   // could not reach the server
    Timeout,   // connect, first token, silence between chunks, or total time ran out
    Http,      // the server answered with an error status
    Protocol,  // the response was not what the API promises (bad JSON, no choices)
    Server,    // an error sent inside the stream
    StreamCut, // the stream ended before it was complete
    Cancelled, // cancelled by the caller
    Config,    // the request or backend settings are unusable (no model, bad URL)
    TooLarge,  // the reply went over the size limit (never retried)
    Deferred,  // a batch run: the answer comes from a batch engine in a later round
};
const char* errorKindName(ErrorKind kind);

struct BackendError {
    ErrorKind kind = ErrorKind::Invalid;
    std::string request; // the request's label
    int httpStatus = 0;
    std::string serverMessage;
    std::string detail;
    int attempts = 1;
    bool transient = false; // another attempt could succeed (429, 5xx, overload, a cut stream)
    std::optional<double> retryAfterSeconds =
        std::nullopt; // the server's Retry-After, when it sent one
    // "request 'user 3107 · synthesis': HTTP 500 from the server: CUDA out of memory"
    std::string message() const;
};

using GenerationOutcome = std::variant<GenerationResult, BackendError>;
inline bool succeeded(const GenerationOutcome& o) {
    return o.index() == 0;
}

using RequestId = std::uint64_t;
// Deltas arrive in order on the backend's thread; either part may be empty.
using DeltaHandler = std::function<void(std::string_view reasoning, std::string_view answer)>;
using DoneHandler = std::function<void(GenerationOutcome&&)>;

class Backend {
public:
    virtual ~Backend() = default;
    virtual std::string name() const = 0;
    // Starts the request; `onDone` is called exactly once, also after cancel(), and never from
    // inside submit() itself (callers may hold locks around submit).
    virtual RequestId submit(GenerationRequest request, DeltaHandler onDelta,
                             DoneHandler onDone) = 0;
    virtual void cancel(RequestId id) = 0;
    virtual void cancelAll() = 0;

    // Blocks until the request is done.
    GenerationOutcome generate(GenerationRequest request, DeltaHandler onDelta = {});
};

} // namespace r2p::llm
