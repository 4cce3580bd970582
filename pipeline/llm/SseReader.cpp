#include "SseReader.h"

#include <cstring>

namespace r2p::llm {

namespace {
// The first '\r' or '\n' in [p, end), or end.
const char* findLineEnd(const char* p, const char* end) {
    const void* lf = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    const char* limit = lf ? static_cast<const char*>(lf) : end;
    const void* cr = std::memchr(p, '\r', static_cast<std::size_t>(limit - p));
    return cr ? static_cast<const char*>(cr) : limit;
}
} // namespace

void SseReader::feed(std::string_view bytes, const Handler& onEvent) {
    const char* p = bytes.data();
    const char* const end = p + bytes.size();
    // One leading UTF-8 BOM is ignored; its bytes may arrive in separate chunks.
    static constexpr char kBom[] = "\xEF\xBB\xBF";
    while (!bomChecked_ && p < end) {
        if (*p == kBom[bomMatched_]) {
            ++p;
            if (++bomMatched_ == 3)
                bomChecked_ = true;
        } else {
            line_.append(kBom, bomMatched_); // not a BOM after all: those bytes were text
            bomChecked_ = true;
        }
    }
    if (skipLf_ && p < end) {
        if (*p == '\n')
            ++p;
        skipLf_ = false;
    }
    while (p < end) {
        const char* eol = findLineEnd(p, end);
        if (eol == end) {
            line_.append(p, end);
            return;
        }
        if (line_.empty()) {
            processLine(std::string_view(p, static_cast<std::size_t>(eol - p)), onEvent);
        } else {
            line_.append(p, eol);
            processLine(line_, onEvent);
            line_.clear();
        }
        if (*eol == '\r') {
            if (eol + 1 < end) {
                p = eol[1] == '\n' ? eol + 2 : eol + 1;
            } else {
                skipLf_ = true;
                p = end;
            }
        } else {
            p = eol + 1;
        }
    }
}

void SseReader::processLine(std::string_view line, const Handler& onEvent) {
    if (line.empty()) {
        if (hasData_) {
            if (!data_.empty() && data_.back() == '\n')
                data_.pop_back();
            SseEvent event{std::move(type_), std::move(data_), id_};
            type_.clear();
            data_.clear();
            hasData_ = false;
            onEvent(std::move(event));
        } else {
            type_.clear();
        }
        return;
    }
    if (line.front() == ':')
        return; // a comment, e.g. ": keep-alive"
    std::string_view field = line, value;
    if (const auto colon = line.find(':'); colon != std::string_view::npos) {
        field = line.substr(0, colon);
        value = line.substr(colon + 1);
        if (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
    }
    if (field == "data") {
        data_.append(value);
        data_.push_back('\n');
        hasData_ = true;
    } else if (field == "event") {
        type_.assign(value);
    } else if (field == "error") {
        // llama-server: `error: {"code":500,"message":...,"type":...}` instead of a data event.
        type_ = "error";
        data_.append(value);
        data_.push_back('\n');
        hasData_ = true;
    } else if (field == "id") {
        if (value.find('\0') == std::string_view::npos)
            id_.assign(value);
    }
    // "retry" and unknown fields are ignored.
}

bool SseReader::finish() {
    const bool unfinished = hasData_ || !line_.empty();
    line_.clear();
    data_.clear();
    type_.clear();
    hasData_ = false;
    skipLf_ = false;
    return unfinished;
}

} // namespace r2p::llm
