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

namespace {
// Pieces of serverFiguresJson: numbers and strings as nlohmann's dump writes them (a double
// through the library, for its shortest form).
void appendKey(std::string& out, const char* key) {
    if (out.size() > 1)
        out += ',';
    out += '"';
    out += key;
    out += "\":";
}
void appendInt(std::string& out, const char* key, long long value) {
    appendKey(out, key);
    out += std::to_string(value);
}
void appendDouble(std::string& out, const char* key, double value) {
    appendKey(out, key);
    out += dumpJson(nlohmann::json(value));
}
void appendText(std::string& out, const char* key, const std::string& value) {
    appendKey(out, key);
    out += dumpJson(nlohmann::json(value));
}
} // namespace

// Written directly rather than as an ordered_json (which allocated a node per field: a batch
// ingest of 100,000 answers makes one per answer); the same bytes as that dump.
std::string serverFiguresJson(const GenerationResult& r) {
    std::string j = "{";
    if (r.usage) {
        appendKey(j, "usage");
        std::string u = "{";
        appendInt(u, "prompt_tokens", r.usage->promptTokens);
        appendInt(u, "completion_tokens", r.usage->completionTokens);
        appendInt(u, "reasoning_tokens", r.usage->reasoningTokens);
        appendInt(u, "total_tokens", r.usage->totalTokens);
        if (r.reasoningTokensEstimated) {
            appendKey(u, "reasoning_tokens_estimated");
            u += "true";
        }
        if (r.usage->cachedPromptTokens)
            appendInt(u, "cached_tokens", *r.usage->cachedPromptTokens);
        j += u + '}';
    }
    if (r.timings) {
        appendKey(j, "timings");
        std::string t = "{";
        appendInt(t, "prompt_n", r.timings->promptTokens);
        appendDouble(t, "prompt_ms", r.timings->promptMs);
        appendDouble(t, "prompt_per_second", r.timings->promptPerSecond);
        appendInt(t, "predicted_n", r.timings->predictedTokens);
        appendDouble(t, "predicted_ms", r.timings->predictedMs);
        appendDouble(t, "predicted_per_second", r.timings->predictedPerSecond);
        j += t + '}';
    }
    if (!r.requestId.empty())
        appendText(j, "request_id", r.requestId);
    if (!r.systemFingerprint.empty())
        appendText(j, "system_fingerprint", r.systemFingerprint);
    if (!r.endpoint.empty())
        appendText(j, "endpoint", r.endpoint);
    if (r.fromCache) {
        appendKey(j, "cached");
        j += "true";
    }
    appendDouble(j, "first_token_ms", r.firstTokenMs);
    appendDouble(j, "total_ms", r.totalMs);
    if (r.attempts > 1)
        appendInt(j, "attempts", r.attempts);
    return j + '}';
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
