// A scripted OpenAI-compatible HTTP server on 127.0.0.1 for tests of the LLM client: it speaks
// the wire protocol of vLLM's OpenAI server (JSON and SSE streaming) and injects faults on request.
//
// Tokens are words: a "word" is a run of non-whitespace together with the whitespace that follows
// it (leading whitespace belongs to the first word), so joining the words gives back the exact
// text. Chunking, max_tokens and the default usage numbers all count these words.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace r2p::test {

// Where the reasoning text goes in a response.
enum class ReasoningStyle {
    ReasoningField = 1, // delta.reasoning_content / message.reasoning_content (vLLM, DeepSeek)
    ReasoningAltField,  // delta.reasoning / message.reasoning
    ThinkTags,          // content "<think>" + reasoning + "</think>" + answer (tags even if empty)
    ClosingTagOnly,     // content reasoning + "</think>" + answer (the template opened <think>)
    None,               // answer only; the script's reasoning is not sent
};

// What goes wrong with a response. "After N events" counts the `data:` events already sent,
// the chat role chunk included (N = Script::faultAfterEvents). A status fault comes after the
// script's firstChunkDelayMs. Non-streamed requests: MalformedChunk gives a 200 with the JSON cut
// in half, ErrorInStream a 200 whose body is {"error":{...}}, DisconnectMidStream half the body
// then a close, NeverEnds half the body then silence, DripByteByByte the whole response a byte
// per write; the other stream faults change nothing.
enum class Fault {
    None = 1,
    Delay,                // nothing but the script's timings (same as None; says what a test means)
    Status429,            // 429 + "retry-after: <retryAfterSeconds>" + error body
    Status500,            // 500 + error body
    Status400,            // 400 + error body (a request error: never retry)
    MalformedChunk,       // after N events one `data:` line with truncated JSON, then the rest
    ErrorInStream,        // after N events `data: {"error":{...}}`, then the stream ends
    DisconnectMidStream,  // after N events the socket is closed: no last chunk, no [DONE]
    DripByteByByte,       // every byte of the SSE stream in its own HTTP chunk, with a pause
    NeverEnds,            // after N events nothing more until the client goes or the server stops
    CommentsAndMultiline, // ": keep-alive" comments, and event N's data split over two lines
    Crlf,                 // CRLF line endings in the SSE stream (same as `crlf = true`)
    // Faults of hostile or broken servers (non-streamed: the same in a JSON body):
    ErrorEvent,       // llama-server: after N events `error: {"code","message","type"}` (not a data
                      // field), then `data: [DONE]`; non-streamed: the HTTP status errorCode
    EmptyDone,        // after N events `data: [DONE]`: no content and no finish_reason
    HugeLine,         // after N events `data: ` and hugeBytes of 'x' with no newline, then a close;
                      // non-streamed: a 200 body of hugeBytes 'x' (no newline)
    InvalidUtf8,      // the answer's last word carries the bytes C3 28 (not UTF-8) inside the JSON
                      // (any errorMessage holding "\x01" "BAD" goes out with those bytes too)
    Reset,            // after N events the connection is reset (RST, not FIN)
    HtmlError,        // 502 with a proxy's HTML error page
    Status503Loading, // 503 {"error":{"code":503,"message":"Loading model",...}} (llama-server)
};

// How the server behaves beyond a script: the wire habits of one real server. Each was checked
// against that server's source (see tests/llm/test_server_conformance.cpp for the citations).
enum class ServerFlavor {
    Vllm = 1,    // the default: usage chunk with "choices": [], x-request-id header
    Sglang,      // honours "separate_reasoning": false (reasoning stays in the content)
    LlamaServer, // "timings" in the last chunk and in bodies; errors as `error:` SSE fields
    Ollama,      // "system_fingerprint": "fp_ollama"; {"data": null} when no model is pulled;
                 // /v1/completions applies the model's template (not a raw continuation)
    Hosted,      // chat only: /v1/completions is 404
};

// One scripted response to a /v1/chat/completions or /v1/completions request (the only two
// endpoints that use scripts). Request "stop" strings cut the answer (not the reasoning);
// request "max_tokens"/"max_completion_tokens" count reasoning words, then answer words.
struct Script {
    std::string reasoning;
    std::string answer = "Hello from the R2P test server.";
    ReasoningStyle reasoningStyle = ReasoningStyle::ReasoningField;
    int wordsPerChunk = 1;
    int firstChunkDelayMs = 0; // before the first event (or before a non-streamed response)
    int chunkDelayMs = 0;      // between delta chunks (non-streamed: their sum, up front)
    // Usage; unset: counted in words (prompt: the message contents or the prompt).
    std::optional<int> promptTokens;
    std::optional<int> completionTokens;
    std::optional<int> reasoningTokens;
    // usage.prompt_tokens_details.cached_tokens (OpenAI; vLLM --enable-prompt-tokens-details);
    // unset: not sent.
    std::optional<int> cachedPromptTokens;
    std::string finishReason = "stop"; // "length" possible; stop/max_tokens in the request win
    Fault fault = Fault::None;
    int faultAfterEvents = 2;    // N above
    int retryAfterSeconds = 1;   // Status429
    std::string errorMessage;    // empty: a default naming the fault
    bool crlf = false;           // CRLF line endings; combines with any fault (e.g. DripByteByByte)
    int dripPauseUs = 100;       // DripByteByByte: pause after every byte
    bool doneAfterError = false; // ErrorInStream: send "data: [DONE]" after the error (as vLLM)
    int errorCode = 500;         // ErrorInStream, ErrorEvent: the error's "code"
    std::string errorType;       // empty: from errorCode (server_error, invalid_request_error…)
    std::size_t hugeBytes = std::size_t{100} << 20; // HugeLine
    // Fixed response id and "created" (e.g. to compare raw bodies); unset: a fresh id and now.
    std::optional<std::string> responseId;
    std::optional<std::int64_t> created;
};

struct ServerOptions {
    std::uint16_t port = 0; // 0: an ephemeral port
    std::vector<std::string> models = {"r2p-test-model"};
    int embeddingDimension = 16; // a request's "dimensions" overrides it
    Script defaultScript;        // used when no rule matches and the queue is empty
    std::string apiKey;          // non-empty: "Authorization: Bearer <apiKey>" required, else 401
    bool rejectUnknownModels = false; // 404 (like vLLM) when "model" is not one of `models`
    bool logRequests = false;         // one line per request on stderr (the standalone program)
    ServerFlavor flavor = ServerFlavor::Vllm;
    std::optional<std::string> modelsBody; // set: GET /v1/models answers 200 with these bytes
};

struct RecordedRequest {
    std::string method;
    std::string path;                           // without the query
    std::string query;                          // after '?', empty if none
    std::map<std::string, std::string> headers; // names lowercased
    std::string body;                           // a chunked body arrives here decoded
    std::optional<nlohmann::json> json;         // the body, when it parses as JSON
    std::chrono::steady_clock::time_point receivedAt;
    std::uint64_t connectionId = 0; // 1-based, in accept order (shows keep-alive reuse)
};

// Listens on 127.0.0.1 from construction until stop() or destruction; every member is
// thread-safe. A thread per connection; HTTP/1.1 keep-alive, Expect: 100-continue, chunked
// request bodies.
class OpenAiTestServer {
public:
    // Throws std::runtime_error when the socket cannot be bound.
    explicit OpenAiTestServer(ServerOptions options = {});
    ~OpenAiTestServer();
    OpenAiTestServer(const OpenAiTestServer&) = delete;
    OpenAiTestServer& operator=(const OpenAiTestServer&) = delete;

    // Closes every connection (streams in progress included) and joins every thread. Idempotent.
    void stop();

    std::uint16_t port() const;
    std::string baseUrl() const; // "http://127.0.0.1:PORT/v1"

    // Scripts: a matching rule first (in the order added; rules stay), then the queue (FIFO,
    // each script used once), then the default script.
    void enqueue(Script script);
    void when(std::string bodySubstring, Script script);
    void setDefaultScript(Script script);
    void clearScripts(); // the queue and the rules
    std::size_t queuedScripts() const;
    void setModels(std::vector<std::string> ids);
    void setFlavor(ServerFlavor flavor);
    void setEmbeddingDimension(int dimension);

    // Observations. clear() forgets the recorded requests; the counters keep running.
    std::size_t requestCount() const;
    std::vector<RecordedRequest> requests() const;
    void clear();
    // True once requestCount() >= count, false on timeout.
    bool waitForRequests(std::size_t count, std::chrono::milliseconds timeout) const;
    // True once no request is being answered (the last reply's bytes can reach the client just
    // before its handler counts it done), false on timeout.
    bool waitUntilIdle(std::chrono::milliseconds timeout) const;
    std::uint64_t connectionCount() const; // accepted since start
    std::size_t openConnections() const;
    std::size_t activeRequests() const;     // being answered right now
    std::size_t peakActiveRequests() const; // the most answered at once since start

    // The vector /v1/embeddings returns for `input`: seeded by a hash of it, unit length.
    static std::vector<float> embeddingFor(const std::string& input, int dimension);
    // The words of `text` as defined above; joined they give `text` back.
    static std::vector<std::string> splitWords(const std::string& text);
    // What POST /tokenize counts (vLLM, SGLang and llama-server flavors; others answer 404):
    // a run of letters, digits and non-ASCII bytes is one token, every other non-space byte is
    // a token of its own, whitespace is none ("a, b!" -> "a" "," "b" "!"). Ids are a hash of
    // each piece.
    static std::vector<std::string> tokenPieces(const std::string& text);
    static std::vector<int> tokenIds(const std::string& text);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace r2p::test
