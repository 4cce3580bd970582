#include "Backend.h"

#include "model/JsonText.h"
#include "model/Utf8.h"

#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>

namespace r2p::llm {

const char* errorKindName(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Connect:
        return "connect";
    case ErrorKind::Timeout:
        return "timeout";
    case ErrorKind::Http:
        return "http";
    case ErrorKind::Protocol:
        return "protocol";
    case ErrorKind::Server:
        return "server";
    case ErrorKind::StreamCut:
        return "stream-cut";
    case ErrorKind::Cancelled:
        return "cancelled";
    case ErrorKind::Config:
        return "config";
    case ErrorKind::TooLarge:
        return "too-large";
    case ErrorKind::Deferred:
        return "deferred";
    case ErrorKind::Invalid:
        break;
    }
    return "invalid";
}

std::string BackendError::message() const {
    std::string m = "request '" + request + "': ";
    switch (kind) {
    case ErrorKind::Connect:
        m += "cannot reach the server";
        break;
    case ErrorKind::Timeout:
        m += "timed out";
        break;
    case ErrorKind::Http:
        m += "HTTP " + std::to_string(httpStatus) + " from the server";
        break;
    case ErrorKind::Protocol:
        m += "unexpected response";
        break;
    case ErrorKind::Server:
        m += "the server reported an error in the stream";
        break;
    case ErrorKind::StreamCut:
        m += "the stream ended before it was complete";
        break;
    case ErrorKind::Cancelled:
        m += "cancelled";
        break;
    case ErrorKind::Config:
        m += "cannot be sent";
        break;
    case ErrorKind::TooLarge:
        m += "reply too large";
        break;
    case ErrorKind::Deferred:
        m += "waits for the next batch round";
        break;
    case ErrorKind::Invalid:
        m += "failed";
        break;
    }
    if (!detail.empty())
        m += " (" + detail + ")";
    if (!serverMessage.empty())
        m += ": " + serverMessage;
    m += attempts > 1 ? " [after " + std::to_string(attempts) + " attempts]" : " [attempt 1]";
    return clipUtf8(m, 4000);
}

std::string serverFiguresJson(const GenerationResult& r) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    if (r.usage) {
        j["usage"] = {{"prompt_tokens", r.usage->promptTokens},
                      {"completion_tokens", r.usage->completionTokens},
                      {"reasoning_tokens", r.usage->reasoningTokens},
                      {"total_tokens", r.usage->totalTokens}};
        if (r.reasoningTokensEstimated)
            j["usage"]["reasoning_tokens_estimated"] = true;
        if (r.usage->cachedPromptTokens)
            j["usage"]["cached_tokens"] = *r.usage->cachedPromptTokens;
    }
    if (r.timings)
        j["timings"] = {{"prompt_n", r.timings->promptTokens},
                        {"prompt_ms", r.timings->promptMs},
                        {"prompt_per_second", r.timings->promptPerSecond},
                        {"predicted_n", r.timings->predictedTokens},
                        {"predicted_ms", r.timings->predictedMs},
                        {"predicted_per_second", r.timings->predictedPerSecond}};
    if (!r.requestId.empty())
        j["request_id"] = r.requestId;
    if (!r.systemFingerprint.empty())
        j["system_fingerprint"] = r.systemFingerprint;
    if (!r.endpoint.empty())
        j["endpoint"] = r.endpoint;
    if (r.fromCache)
        j["cached"] = true;
    j["first_token_ms"] = r.firstTokenMs;
    j["total_ms"] = r.totalMs;
    if (r.attempts > 1)
        j["attempts"] = r.attempts;
    return dumpJson(j);
}

void appendServerFigures(std::string& list, const GenerationResult& r) {
    if (r.endpoint.empty())
        return;
    const std::string one = serverFiguresJson(r);
    if (list.size() < 2 || list.front() != '[' || list.back() != ']')
        list = "[" + one + "]";
    else if (list == "[]")
        list = "[" + one + "]";
    else
        list.insert(list.size() - 1, "," + one);
}

GenerationOutcome Backend::generate(GenerationRequest request, DeltaHandler onDelta) {
    std::mutex mutex;
    std::condition_variable done;
    std::optional<GenerationOutcome> outcome;
    submit(std::move(request), std::move(onDelta), [&](GenerationOutcome&& o) {
        std::lock_guard lock(mutex);
        outcome = std::move(o);
        done.notify_all();
    });
    std::unique_lock lock(mutex);
    done.wait(lock, [&] { return outcome.has_value(); });
    return std::move(*outcome);
}

} // namespace r2p::llm
