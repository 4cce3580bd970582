// Counts tokens for RPI budgets, baseline budgets and step figures, one way for every system of
// a run: with the server's own tokenizer (POST /tokenize on vLLM, SGLang and llama.cpp) where it
// has one, else the labelled estimate (code points ÷ 4). Counts are cached per text.
#pragma once

#include "OpenAiBackend.h"
#include "model/ResponseCache.h"

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace r2p::llm {

// Where a count came from. Stored with each step ("token_counter") and with the run.
enum class TokenSource {
    Invalid = 0,
    Server,   // the server's tokenizer
    Estimate, // (code points + 3) / 4: the server has no tokenizer endpoint, or it failed
    Offline,  // the offline reasoner's own deterministic counting (the same formula)
};
std::string_view tokenSourceName(TokenSource source); // "server", "estimate", "offline"

struct TokenCount {
    int tokens = 0;
    TokenSource source = TokenSource::Invalid;
    bool operator==(const TokenCount&) const = default;
};

// (UTF-8 code points + 3) / 4.
int estimateTokens(std::string_view text);

class TokenCounter {
public:
    virtual ~TokenCounter() = default;
    // Thread-safe. May block on the network (ServerTokenCounter, once per text).
    virtual TokenCount count(std::string_view text) = 0;
    // Quick and never on the network: for checks while a stage streams. Exact where count()
    // is the estimate; the server counter scales the estimate by what it has counted so far.
    virtual int streamingEstimate(std::string_view text) const = 0;
    // count() costs a request: a streaming check confirms with it before it stops a stream.
    virtual bool countIsCostly() const { return false; }
    // For the run's settings: "server /tokenize (vllm-style)", "estimate (characters ÷ 4)".
    virtual std::string label() const = 0;
};

// The estimate, labelled Estimate or Offline.
class EstimateTokenCounter : public TokenCounter {
public:
    explicit EstimateTokenCounter(TokenSource source = TokenSource::Estimate);
    TokenCount count(std::string_view text) override;
    int streamingEstimate(std::string_view text) const override;
    std::string label() const override;

private:
    TokenSource source_;
};

struct TokenCounterStats {
    std::uint64_t lookups = 0;   // count() calls
    std::uint64_t hits = 0;      // answered from the cache in memory
    std::uint64_t kept = 0;      // answered from the project (kept by an earlier run)
    std::uint64_t requests = 0;  // HTTP requests sent to /tokenize
    std::uint64_t fallbacks = 0; // counts that fell back to the estimate
};

// The server's /tokenize. The first request finds out which body the server takes:
// {"model","prompt","add_special_tokens":false} → {"count",...} (vLLM, SGLang); a reply with
// "tokens" but no "count" is llama.cpp's, which takes {"content","add_special":false}. A 404
// or 405 means the server has none (Ollama, hosted APIs): every count is then the estimate.
// A failed request gives the estimate for that text; after three in a row the counter stops
// asking. With a project, counts are kept in its response cache (backend "tokenize"): a re-run
// asks nothing, and a replay (`askServer` false) counts as the run it replays did.
class ServerTokenCounter : public TokenCounter {
public:
    // `capacity`: the most texts the cache in memory holds (oldest dropped first).
    ServerTokenCounter(EndpointConfig endpoint, std::string model, std::size_t capacity = 4096);
    ServerTokenCounter(EndpointConfig endpoint, std::string model, ResponseCache kept,
                       bool askServer, std::size_t capacity = 4096);
    TokenCount count(std::string_view text) override;
    int streamingEstimate(std::string_view text) const override;
    bool countIsCostly() const override;
    std::string label() const override;
    TokenCounterStats stats() const;

private:
    enum class Shape { Unknown = 0, OpenAi, LlamaCpp, None };
    std::optional<int> ask(std::string_view text);
    std::optional<int> recall(std::string_view text);
    void keep(std::string_view text, int tokens);
    std::optional<int> askShape(Shape shape, std::string_view text, long& status,
                                bool& hasCountField);
    void remember(std::string_view text, int tokens);

    EndpointConfig endpoint_;
    std::string model_;
    std::optional<ResponseCache> kept_; // the project's, when there is one
    bool askServer_ = true;
    std::size_t capacity_;
    mutable std::mutex mutex_;
    Shape shape_ = Shape::Unknown;               // guarded by mutex_
    int failuresInARow_ = 0;                     // guarded by mutex_
    std::string why_;                            // guarded by mutex_: why the estimate stands in
    std::unordered_map<std::string, int> cache_; // guarded by mutex_
    std::deque<std::string> order_;              // guarded by mutex_: oldest first
    TokenCounterStats stats_;                    // guarded by mutex_
    // Server tokens and estimated tokens of the texts counted so far (calibrates streaming).
    std::atomic<std::int64_t> serverSum_{0}, estimateSum_{0};
};

} // namespace r2p::llm
