#include "Backend.h"

#include <condition_variable>
#include <mutex>

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
    case ErrorKind::Invalid:
        m += "failed";
        break;
    }
    if (!detail.empty())
        m += " (" + detail + ")";
    if (!serverMessage.empty())
        m += ": " + serverMessage;
    if (attempts > 1)
        m += " [after " + std::to_string(attempts) + " attempts]";
    return m;
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
