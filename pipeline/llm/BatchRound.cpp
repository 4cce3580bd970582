#include "BatchRound.h"

#include "model/JsonText.h"
#include "model/Sha256.h"
#include "model/Utf8.h"

#include <nlohmann/json.hpp>
#include <utility>

namespace r2p::llm {

namespace {
using nlohmann::json;

constexpr std::size_t kCustomIdMax = 64;
constexpr std::size_t kHashChars = 16;
} // namespace

std::string batchRequestBody(const GenerationRequest& request) {
    GenerationRequest once = request;
    once.stream = false;
    return requestBody(once);
}

std::string batchRequestBody(std::string_view onlineBody) {
    std::string out;
    appendBatchRequestBody(out, onlineBody);
    return out;
}

void appendBatchRequestBody(std::string& out, std::string_view onlineBody) {
    // requestBody() writes the keys in order, "stream" and "stream_options" next to each other.
    static constexpr std::string_view streamed =
        R"("stream":true,"stream_options":{"include_usage":true})";
    const auto at = onlineBody.find(streamed);
    if (at == std::string_view::npos ||
        onlineBody.find(streamed, at + 1) != std::string_view::npos) {
        json body = json::parse(onlineBody, nullptr, false);
        if (body.is_object()) {
            body["stream"] = false;
            body.erase("stream_options");
            out += dumpJson(body);
        } else {
            out += onlineBody;
        }
        return;
    }
    out.append(onlineBody.substr(0, at));
    out.append(R"("stream":false)");
    out.append(onlineBody.substr(at + streamed.size()));
}

std::string batchBodyHash(std::string_view onlineBody) {
    return Sha256::hex(onlineBody).substr(0, kHashChars);
}

std::string batchCustomId(std::int64_t runId, std::string_view label, std::string_view onlineBody) {
    const std::string head = "r" + std::to_string(runId) + "-";
    const std::string tail = "-" + batchBodyHash(onlineBody);
    // The label's words (user id, system, stage) in ASCII letters and digits.
    std::string middle;
    for (char c : label) {
        const bool keep =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (keep)
            middle += c;
        else if (!middle.empty() && middle.back() != '-')
            middle += '-';
    }
    while (!middle.empty() && middle.back() == '-')
        middle.pop_back();
    const std::size_t room = kCustomIdMax - head.size() - tail.size();
    if (middle.size() > room)
        middle.resize(room);
    while (!middle.empty() && middle.back() == '-')
        middle.pop_back();
    return head + middle + tail;
}

std::string batchInputLine(const BatchRequest& request) {
    std::string line;
    appendBatchInputLine(line, request);
    return line;
}

void appendBatchInputLine(std::string& out, const BatchRequest& request) {
    // Written directly: the custom id and URL are ASCII without quotes or backslashes, and the
    // body is JSON already.
    out += R"({"custom_id":")";
    out += request.customId;
    out += R"(","method":"POST","url":")";
    out += request.url;
    out += R"(","body":)";
    appendBatchRequestBody(out, request.onlineBody);
    out += '}';
}

DeferringBackend::DeferringBackend(bool deliverInline) : inline_(deliverInline) {
    if (!inline_)
        thread_ = std::thread([this] { deliverLoop(); });
}

DeferringBackend::~DeferringBackend() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

RequestId DeferringBackend::submit(GenerationRequest request, DeltaHandler, DoneHandler onDone) {
    BatchRequest r;
    r.url = request.endpoint == Endpoint::Completions ? "/v1/completions" : "/v1/chat/completions";
    r.onlineBody = requestBodyOf(request);
    r.model = request.model;
    r.thinkStart = static_cast<int>(resolvedThinkStart(request));
    r.label = request.label;
    BackendError e{ErrorKind::Deferred, request.label, 0, {}, {}};
    std::unique_lock lock(mutex_);
    collected_.push_back(std::move(r));
    const RequestId id = nextId_++;
    if (inline_) {
        lock.unlock();
        if (onDone)
            onDone(GenerationOutcome(std::move(e)));
        return id;
    }
    due_.emplace_back(std::move(onDone), std::move(e));
    wake_.notify_all();
    return id;
}

void DeferringBackend::deliverLoop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stopping_ || !due_.empty(); });
        if (due_.empty())
            return;
        auto [onDone, error] = std::move(due_.front());
        due_.pop_front();
        lock.unlock();
        if (onDone)
            onDone(GenerationOutcome(std::move(error)));
        lock.lock();
    }
}

std::vector<BatchRequest> DeferringBackend::takeCollected() {
    std::lock_guard lock(mutex_);
    return std::exchange(collected_, {});
}

Result<BatchOutputLine> parseBatchOutputLine(std::string_view text) {
    const json line = json::parse(text, nullptr, false);
    if (line.is_discarded())
        return Error{"not JSON"};
    if (!line.is_object())
        return Error{"not a JSON object"};
    BatchOutputLine out;
    const auto id = line.find("custom_id");
    if (id == line.end() || !id->is_string())
        return Error{"no \"custom_id\""};
    out.customId = id->get<std::string>();
    if (const auto e = line.find("error"); e != line.end() && !e->is_null()) {
        if (e->is_object() && e->contains("message") && (*e)["message"].is_string())
            out.error = clipUtf8((*e)["message"].get<std::string>(), 500);
        else
            out.error = clipUtf8(dumpJson(*e), 500);
    }
    const auto response = line.find("response");
    if (response == line.end() || response->is_null())
        return out;
    if (!response->is_object())
        return Error{"\"response\" is not an object"};
    if (const auto s = response->find("status_code"); s != response->end()) {
        if (!s->is_number_integer())
            return Error{"\"status_code\" is not a number"};
        out.statusCode = s->get<int>();
    }
    if (const auto rid = response->find("request_id"); rid != response->end() && rid->is_string())
        out.requestId = clipUtf8(rid->get<std::string>(), 200);
    if (const auto body = response->find("body"); body != response->end() && !body->is_null()) {
        // The OpenAI Batch API: the response body as an object (some engines: as a string).
        out.body = body->is_string() ? body->get<std::string>() : dumpJson(*body);
    } else if (response->contains("choices")) {
        // vLLM run-batch has written the chat response itself as "response".
        out.body = dumpJson(*response);
        if (out.statusCode == 0)
            out.statusCode = 200;
    }
    return out;
}

} // namespace r2p::llm
