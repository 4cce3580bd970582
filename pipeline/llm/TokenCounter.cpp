#include "TokenCounter.h"

#include "model/JsonText.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

namespace r2p::llm {

namespace {
constexpr long kTokenizeTimeoutMs = 10000;
constexpr int kFailuresBeforeGivingUp = 3;
// Kept in the project in place of a text when the server has no /tokenize (the HTTP status).
constexpr std::string_view kMissingRoute = "\x01 no /tokenize route";
} // namespace

std::string_view tokenSourceName(TokenSource source) {
    switch (source) {
    case TokenSource::Server:
        return "server";
    case TokenSource::Estimate:
        return "estimate";
    case TokenSource::Offline:
        return "offline";
    case TokenSource::Invalid:
        break;
    }
    return "";
}

int estimateTokens(std::string_view text) {
    std::size_t points = 0;
    for (char c : text)
        points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return static_cast<int>((points + 3) / 4);
}

EstimateTokenCounter::EstimateTokenCounter(TokenSource source) : source_(source) {}

TokenCount EstimateTokenCounter::count(std::string_view text) {
    return {estimateTokens(text), source_};
}

int EstimateTokenCounter::streamingEstimate(std::string_view text) const {
    return estimateTokens(text);
}

std::string EstimateTokenCounter::label() const {
    return source_ == TokenSource::Offline
               ? "offline (the offline reasoner's count: code points ÷ 4)"
               : "estimate (code points ÷ 4)";
}

// ---------------------------------------------------------------------------------------------

ServerTokenCounter::ServerTokenCounter(EndpointConfig endpoint, std::string model,
                                       std::size_t capacity)
    : endpoint_(std::move(endpoint)), model_(std::move(model)),
      capacity_(std::max<std::size_t>(1, capacity)) {
    endpoint_.maxReplyBytes = std::min<std::size_t>(endpoint_.maxReplyBytes, 16u << 20);
}

ServerTokenCounter::ServerTokenCounter(EndpointConfig endpoint, std::string model,
                                       ResponseCache kept, bool askServer, std::size_t capacity)
    : ServerTokenCounter(std::move(endpoint), std::move(model), capacity) {
    kept_.emplace(kept);
    askServer_ = askServer;
    if (!askServer_) {
        shape_ = Shape::None;
        why_ = "a replay counts only what the project kept";
    }
}

namespace {
std::string keptRequest(std::string_view text) {
    return dumpJson(nlohmann::json{{"tokenize", text}});
}
} // namespace

std::optional<int> ServerTokenCounter::recall(std::string_view text) {
    if (!kept_)
        return std::nullopt;
    const std::string request = keptRequest(text);
    auto hit =
        endpoint_.baseUrl.empty()
            ? kept_->getShared(ResponseCache::key("tokenize", model_, request))
            : kept_->get(ResponseCache::endpointKey(
                  "tokenize", normalizeBaseUrl(redactUrl(endpoint_.baseUrl)), model_, request));
    if (!hit || !*hit)
        return std::nullopt;
    try {
        return std::stoi((*hit)->answer);
    } catch (...) {
        return std::nullopt;
    }
}

void ServerTokenCounter::keep(std::string_view text, int tokens) {
    if (!kept_ || endpoint_.baseUrl.empty())
        return;
    CachedResponse c;
    c.backend = "tokenize";
    c.endpoint = normalizeBaseUrl(redactUrl(endpoint_.baseUrl));
    c.model = model_;
    c.request = keptRequest(text);
    c.answer = std::to_string(tokens);
    // Not kept (a full disk, a read-only project): the next run asks again.
    (void)kept_->put(ResponseCache::endpointKey("tokenize", c.endpoint, model_, c.request), c,
                     ResponseCache::key("tokenize", model_, c.request));
}

TokenCount ServerTokenCounter::count(std::string_view text) {
    {
        std::lock_guard lock(mutex_);
        ++stats_.lookups;
        if (const auto it = cache_.find(std::string(text)); it != cache_.end()) {
            ++stats_.hits;
            return {it->second, TokenSource::Server};
        }
    }
    if (auto tokens = recall(text)) {
        {
            std::lock_guard lock(mutex_);
            ++stats_.kept;
        }
        remember(text, *tokens);
        return {*tokens, TokenSource::Server};
    }
    {
        std::lock_guard lock(mutex_);
        if (shape_ == Shape::None) {
            ++stats_.fallbacks;
            return {estimateTokens(text), TokenSource::Estimate};
        }
    }
    if (auto tokens = ask(text)) {
        remember(text, *tokens);
        keep(text, *tokens);
        return {*tokens, TokenSource::Server};
    }
    std::lock_guard lock(mutex_);
    ++stats_.fallbacks;
    return {estimateTokens(text), TokenSource::Estimate};
}

int ServerTokenCounter::streamingEstimate(std::string_view text) const {
    const std::int64_t server = serverSum_.load();
    const std::int64_t estimated = estimateSum_.load();
    const int e = estimateTokens(text);
    if (server <= 0 || estimated <= 0)
        return e;
    return static_cast<int>(static_cast<std::int64_t>(e) * server / estimated);
}

bool ServerTokenCounter::countIsCostly() const {
    std::lock_guard lock(mutex_);
    return shape_ != Shape::None || kept_.has_value();
}

std::string ServerTokenCounter::label() const {
    std::lock_guard lock(mutex_);
    switch (shape_) {
    case Shape::OpenAi:
        return "server /tokenize (vLLM/SGLang)";
    case Shape::LlamaCpp:
        return "server /tokenize (llama.cpp)";
    case Shape::None:
        return (askServer_ ? std::string("estimate (code points ÷ 4): ")
                           : std::string("server /tokenize as kept in the project, else the "
                                         "estimate: ")) +
               why_;
    case Shape::Unknown:
        break;
    }
    return "server /tokenize (counts kept in the project)";
}

TokenCounterStats ServerTokenCounter::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

std::optional<int> ServerTokenCounter::askShape(Shape shape, std::string_view text, long& status,
                                                bool& hasCountField) {
    nlohmann::json body;
    if (shape == Shape::LlamaCpp)
        body = {{"content", text}, {"add_special", false}};
    else
        body = {{"model", model_}, {"prompt", text}, {"add_special_tokens", false}};
    {
        std::lock_guard lock(mutex_);
        ++stats_.requests;
    }
    auto reply = postToServer(endpoint_, "/tokenize", dumpJson(body), kTokenizeTimeoutMs);
    if (!reply) {
        status = 0;
        return std::nullopt;
    }
    status = reply->status;
    if (status != 200)
        return std::nullopt;
    const auto j = nlohmann::json::parse(reply->body, nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    hasCountField = j.contains("count") && j["count"].is_number_integer();
    if (hasCountField)
        return j["count"].get<int>();
    if (j.contains("tokens") && j["tokens"].is_array())
        return static_cast<int>(j["tokens"].size());
    return std::nullopt;
}

std::optional<int> ServerTokenCounter::ask(std::string_view text) {
    Shape shape = Shape::Unknown;
    {
        std::lock_guard lock(mutex_);
        shape = shape_;
    }
    // A server found without /tokenize by an earlier run is not asked again.
    if (shape == Shape::Unknown)
        if (const auto missing = recall(kMissingRoute)) {
            std::lock_guard lock(mutex_);
            shape_ = Shape::None;
            why_ = "the server has no /tokenize (HTTP " + std::to_string(*missing) +
                   ", remembered in the project)";
            return std::nullopt;
        }
    long status = 0;
    bool hasCount = false;
    std::optional<int> tokens =
        askShape(shape == Shape::LlamaCpp ? shape : Shape::OpenAi, text, status, hasCount);
    if (shape == Shape::Unknown && tokens && !hasCount) {
        // llama.cpp answers a body without "content" with no tokens: ask its way.
        shape = Shape::LlamaCpp;
        tokens = askShape(shape, text, status, hasCount);
    } else if (shape == Shape::Unknown && tokens) {
        shape = Shape::OpenAi;
    }
    std::lock_guard lock(mutex_);
    if (tokens) {
        failuresInARow_ = 0;
        if (shape_ == Shape::Unknown)
            shape_ = shape;
        return tokens;
    }
    if (status == 404 || status == 405) {
        shape_ = Shape::None;
        why_ = "the server has no /tokenize (HTTP " + std::to_string(status) + ")";
        keep(kMissingRoute, static_cast<int>(status));
    } else if (++failuresInARow_ >= kFailuresBeforeGivingUp) {
        shape_ = Shape::None;
        why_ = "/tokenize failed " + std::to_string(kFailuresBeforeGivingUp) + " times in a row" +
               (status ? " (HTTP " + std::to_string(status) + ")" : std::string());
    }
    return std::nullopt;
}

void ServerTokenCounter::remember(std::string_view text, int tokens) {
    serverSum_ += tokens;
    estimateSum_ += estimateTokens(text);
    std::lock_guard lock(mutex_);
    if (!cache_.emplace(std::string(text), tokens).second)
        return;
    order_.emplace_back(text);
    while (order_.size() > capacity_) {
        cache_.erase(order_.front());
        order_.pop_front();
    }
}

} // namespace r2p::llm
