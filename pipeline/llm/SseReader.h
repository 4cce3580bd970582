// Incremental Server-Sent Events parser (the WHATWG rules): bytes may arrive split anywhere,
// lines end in LF, CRLF or CR, comments are skipped and multi-line data is joined with "\n".
// One extension: llama-server ends a failed stream with a non-standard `error: {...}` field,
// which the spec would ignore; it is delivered as an event of type "error" with that payload.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace r2p::llm {

struct SseEvent {
    std::string type; // "event:" field; empty means "message"; "error" for an `error:` field
    std::string data; // "data:" lines joined with "\n"
    std::string id;
};

class SseReader {
public:
    using Handler = std::function<void(SseEvent&&)>;

    // Parses `bytes`, calling `onEvent` for every event completed by a blank line.
    void feed(std::string_view bytes, const Handler& onEvent);
    // End of stream: an event without its closing blank line is dropped (as the spec says);
    // returns true if such an unfinished event was pending, so callers can tell a cut stream.
    bool finish();
    std::size_t bufferedBytes() const { return line_.size() + data_.size(); }

private:
    void processLine(std::string_view line, const Handler& onEvent);

    std::string line_;    // a line still waiting for its end
    bool skipLf_ = false; // the previous chunk ended in '\r': a leading '\n' belongs to it
    bool bomChecked_ = false;
    std::size_t bomMatched_ = 0;
    std::string type_, data_, id_;
    bool hasData_ = false;
};

} // namespace r2p::llm
