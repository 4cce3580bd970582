// The OpenAI-compatible HTTP backend (vLLM, SGLang, llama.cpp, Ollama, hosted APIs): libcurl on
// one worker thread with a multi handle, streaming SSE, retries with backoff, timeouts and
// cancellation. Callbacks run on that worker thread.
#pragma once

#include "Backend.h"
#include "model/Result.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::llm {

struct EndpointConfig {
    std::string baseUrl = "http://127.0.0.1:8000/v1";
    // The NAME of an environment variable holding the API key; the key itself is never stored,
    // logged or put into an error message.
    std::string apiKeyEnv;
    long connectTimeoutMs = 10000;
    long firstTokenTimeoutMs = 300000; // reasoning models can think for minutes
    long idleTimeoutMs = 120000;       // silence between chunks
    long totalTimeoutMs = 1800000;
    // The most reply one request may bring (text, or a line or body not yet parsed); more fails
    // that request with "reply too large" and is never retried.
    std::size_t maxReplyBytes = std::size_t{8} << 20;
    int maxConcurrent = 16;
    int maxAttempts = 4; // including the first
    long backoffBaseMs = 500;
    long backoffMaxMs = 30000;
    std::uint64_t jitterSeed = 0; // 0: seeded from the clock
};

class OpenAiBackend : public Backend {
public:
    explicit OpenAiBackend(EndpointConfig config);
    ~OpenAiBackend() override;
    OpenAiBackend(const OpenAiBackend&) = delete;
    OpenAiBackend& operator=(const OpenAiBackend&) = delete;

    std::string name() const override { return "openai"; }
    RequestId submit(GenerationRequest request, DeltaHandler onDelta, DoneHandler onDone) override;
    void cancel(RequestId id) override;
    void cancelAll() override;

    const EndpointConfig& config() const;
    // HTTP attempts made so far (retries count), for tests and the batch dialog.
    std::uint64_t attemptsSent() const;

    // GET /v1/models: the model ids the server offers.
    Result<std::vector<std::string>> listModels() const;
    // POST /v1/embeddings: one vector per input, in order.
    Result<std::vector<std::vector<float>>> embed(const std::string& model,
                                                  const std::vector<std::string>& inputs) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// GET /models of the endpoint `config` names, waiting at most `timeoutMs`: the model ids.
Result<std::vector<std::string>> fetchModels(const EndpointConfig& config, long timeoutMs);

// A reply as it came: any HTTP status, the body unparsed.
struct HttpReply {
    long status = 0;
    std::string body;
};
// POST `body` (JSON) to `path` at the server's root: the base URL without a trailing "/v1"
// (vLLM's, SGLang's and llama.cpp's /tokenize live there). Blocks for at most `timeoutMs`; an
// Error only when no reply came.
Result<HttpReply> postToServer(const EndpointConfig& config, std::string_view path,
                               const std::string& body, long timeoutMs);

// The JSON body sent for a request (also the basis of the response cache key).
std::string requestBody(const GenerationRequest& request);
// The same, taken from request.body when that is set.
std::string requestBodyOf(const GenerationRequest& request);

// Where reasoning starts in the reply as the backend reads it: Detect resolved by the model's
// known chat template (unknown models: only a lone closing tag splits).
ThinkSplitter::Start resolvedThinkStart(const GenerationRequest& request);
// A complete (non-streamed) chat or completions response body read as the backend reads one:
// reasoning split off, usage (reasoning tokens estimated where missing), timings.
Result<GenerationResult> resultFromCompletionBody(std::string_view body,
                                                  ThinkSplitter::Start start);

// A --base-url as the backend accepts it: http or https only, with a host, and no user name or
// password in it (keys belong in the environment variable named by --api-key-env). The error
// never repeats the credentials. Returns the URL without trailing slashes.
Result<std::string> checkBaseUrl(std::string_view url);
// The URL with any "user:password@" removed, for messages and stored settings.
std::string redactUrl(std::string_view url);
// The endpoint as the response cache names it: scheme and host lowercased, the default port
// and trailing slashes dropped ("HTTP://Host:80/v1/" and "http://host/v1" are one endpoint).
std::string normalizeBaseUrl(std::string_view url);

} // namespace r2p::llm
