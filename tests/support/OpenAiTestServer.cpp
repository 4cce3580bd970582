#include "support/OpenAiTestServer.h"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <fcntl.h>
#include <list>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdexcept>
#include <string_view>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace r2p::test {

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json; // keeps vLLM's key order on the wire
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxHeaderBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxBodyBytes = std::size_t{256} << 20;
constexpr std::chrono::microseconds kForever{-1};

std::string toLower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

const char* reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

std::string httpDate() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[64] = {};
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buf;
}

std::string errorType(int status) {
    if (status == 429)
        return "rate_limit_error";
    if (status == 401)
        return "authentication_error";
    if (status >= 500)
        return "server_error";
    return "invalid_request_error";
}

ojson errorBody(const std::string& message, int code) {
    return ojson{{"error", {{"message", message}, {"type", errorType(code)}, {"code", code}}}};
}

// InvalidUtf8: a marker put into the answer, which JSON escapes as \u0001BAD; the bytes on the
// wire then become C3 28 (a lead byte followed by an ASCII byte: never valid UTF-8).
constexpr const char* kBadMarker = "\x01"
                                   "BAD";
constexpr std::string_view kBadMarkerJson = "\\u0001BAD";

std::string withInvalidUtf8(std::string text) {
    for (auto at = text.find(kBadMarkerJson); at != std::string::npos;
         at = text.find(kBadMarkerJson, at + 2))
        text.replace(at, kBadMarkerJson.size(), "\xC3\x28");
    return text;
}

// llama-server's "timings" for a response: fixed speeds (2000 prompt tokens/s, 50 generated
// tokens/s) so tests know the numbers.
ojson llamaTimings(int promptTokens, int predictedTokens) {
    const double promptMs = promptTokens * 0.5, predictedMs = predictedTokens * 20.0;
    return ojson{{"prompt_n", promptTokens},       {"prompt_ms", promptMs},
                 {"prompt_per_token_ms", 0.5},     {"prompt_per_second", 2000.0},
                 {"predicted_n", predictedTokens}, {"predicted_ms", predictedMs},
                 {"predicted_per_token_ms", 20.0}, {"predicted_per_second", 50.0}};
}

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Words in a JSON value: strings, arrays of them, and content parts {"type":"text","text":...}.
int wordsIn(const json& v) {
    if (v.is_string())
        return static_cast<int>(OpenAiTestServer::splitWords(v.get<std::string>()).size());
    int n = 0;
    if (v.is_array()) {
        for (const auto& e : v)
            n += wordsIn(e);
    } else if (v.is_object() && v.contains("text")) {
        n += wordsIn(v["text"]);
    }
    return n;
}

std::optional<int> intField(const json& body, const char* key) {
    const auto it = body.find(key);
    if (it == body.end() || !it->is_number_integer())
        return std::nullopt;
    return it->get<int>();
}

bool isFieldStyle(ReasoningStyle s) {
    return s == ReasoningStyle::ReasoningField || s == ReasoningStyle::ReasoningAltField;
}

// What a generation request gets, after the request's stop and max_tokens are applied.
struct Plan {
    std::vector<std::string> reasoning;
    std::vector<std::string> answer;
    bool reasoningCut = false; // max_tokens ran out inside the reasoning
    std::string finishReason;
    std::optional<std::string> stopReason;
};

Plan makePlan(const Script& script, const std::string& reasoningText, const json& body) {
    Plan plan;
    plan.finishReason = script.finishReason;
    std::string answer = script.answer;

    std::vector<std::string> stops;
    if (const auto it = body.find("stop"); it != body.end()) {
        if (it->is_string())
            stops.push_back(it->get<std::string>());
        else if (it->is_array())
            for (const auto& s : *it)
                if (s.is_string())
                    stops.push_back(s.get<std::string>());
    }
    std::size_t cut = std::string::npos;
    std::string matched;
    for (const auto& stop : stops) {
        if (stop.empty())
            continue;
        const auto pos = answer.find(stop);
        if (pos < cut) {
            cut = pos;
            matched = stop;
        }
    }
    if (cut != std::string::npos) {
        answer.resize(cut);
        plan.finishReason = "stop";
        plan.stopReason = matched;
    }

    plan.reasoning = OpenAiTestServer::splitWords(reasoningText);
    plan.answer = OpenAiTestServer::splitWords(answer);
    auto maxTokens = intField(body, "max_tokens");
    if (!maxTokens)
        maxTokens = intField(body, "max_completion_tokens");
    if (maxTokens && *maxTokens > 0) {
        auto budget = static_cast<std::size_t>(*maxTokens);
        if (plan.reasoning.size() > budget) {
            plan.reasoning.resize(budget);
            plan.answer.clear();
            plan.reasoningCut = true;
            plan.finishReason = "length";
            plan.stopReason.reset();
        } else {
            budget -= plan.reasoning.size();
            if (plan.answer.size() > budget) {
                plan.answer.resize(budget);
                plan.finishReason = "length";
                plan.stopReason.reset();
            }
        }
    }
    return plan;
}

enum class Channel { Reasoning = 1, Content };
struct Piece {
    Channel channel = Channel::Content;
    std::string text;
};

void appendGroups(std::vector<Piece>& out, const std::vector<std::string>& words, int perChunk,
                  Channel channel) {
    const auto n = static_cast<std::size_t>(std::max(1, perChunk));
    for (std::size_t i = 0; i < words.size(); i += n) {
        Piece p{channel, {}};
        for (std::size_t j = i; j < std::min(words.size(), i + n); ++j)
            p.text += words[j];
        out.push_back(std::move(p));
    }
}

// The deltas of a response in order; tags of the tag styles are pieces of their own.
std::vector<Piece> makePieces(const Plan& plan, ReasoningStyle style, int perChunk) {
    std::vector<Piece> out;
    switch (style) {
    case ReasoningStyle::ReasoningField:
    case ReasoningStyle::ReasoningAltField:
        appendGroups(out, plan.reasoning, perChunk, Channel::Reasoning);
        break;
    case ReasoningStyle::ThinkTags:
        out.push_back({Channel::Content, "<think>"});
        appendGroups(out, plan.reasoning, perChunk, Channel::Content);
        if (!plan.reasoningCut)
            out.push_back({Channel::Content, "</think>"});
        break;
    case ReasoningStyle::ClosingTagOnly:
        appendGroups(out, plan.reasoning, perChunk, Channel::Content);
        if (!plan.reasoningCut)
            out.push_back({Channel::Content, "</think>"});
        break;
    case ReasoningStyle::None:
        break;
    }
    appendGroups(out, plan.answer, perChunk, Channel::Content);
    return out;
}

struct HttpRequest {
    std::string method;
    std::string target;
    std::string version;
    std::map<std::string, std::string> headers;
    std::string body;
    bool keepAlive = true;
};

enum class ReadResult { Ok = 1, Closed, Bad };

// Everything the listener and the connections share.
struct ServerState {
    struct Connection {
        std::thread thread;
        std::atomic<bool> done{false};
    };

    explicit ServerState(ServerOptions opts) : options(std::move(opts)) {}

    void acceptLoop();
    void reapFinished();
    void record(RecordedRequest request);
    Script pickScript(const std::string& body);
    void beginRequest();
    void endRequest() {
        {
            std::lock_guard lock(mutex); // so waitUntilIdle cannot miss the last one
            --active;
        }
        requestEnded.notify_all();
    }

    ServerOptions options; // models, embeddingDimension, defaultScript guarded by `mutex`
    int listenFd = -1;
    int wakeRead = -1;
    int wakeWrite = -1;
    std::uint16_t port = 0;
    std::int64_t startedAt = 0;
    std::atomic<bool> stopping{false};
    std::mutex stopMutex;
    bool stopped = false;
    std::thread acceptor;
    std::list<std::unique_ptr<Connection>> connections; // the acceptor's, then stop()'s

    mutable std::mutex mutex;
    mutable std::condition_variable requestArrived;
    mutable std::condition_variable requestEnded;
    std::deque<Script> queue;
    std::vector<std::pair<std::string, Script>> rules;
    std::vector<RecordedRequest> records;

    std::atomic<std::uint64_t> accepted{0};
    std::atomic<std::size_t> open{0};
    std::atomic<std::size_t> active{0};
    std::atomic<std::size_t> peakActive{0};
    std::atomic<std::uint64_t> responseSeq{0};
};

// One client connection: reads requests and answers them until either side closes.
class Session {
public:
    Session(ServerState& impl, int fd, std::uint64_t id) : impl_(impl), fd_(fd), id_(id) {}
    void run();

private:
    // Writes an HTTP body: plain, or as chunked transfer-encoding, optionally a byte at a time.
    class BodyWriter {
    public:
        BodyWriter(Session& s, bool chunked, bool drip, int pauseUs, bool coalesce = false)
            : s_(s), chunked_(chunked), drip_(drip), coalesce_(coalesce && !drip),
              pause_(std::max(0, pauseUs)) {}
        bool write(std::string_view data) {
            if (coalesce_) {
                // Back-to-back events share a send(), as a busy server's buffered transport
                // does; each event is still its own HTTP chunk, so the bytes are the same.
                buffer_ += chunked_ ? frame(data) : std::string(data);
                return buffer_.size() < kCoalesceBytes || flush();
            }
            if (!drip_)
                return chunked_ ? s_.sendAll(frame(data)) : s_.sendAll(data);
            for (std::size_t i = 0; i < data.size(); ++i) {
                const auto one = data.substr(i, 1);
                if (!(chunked_ ? s_.sendAll(frame(one)) : s_.sendAll(one)))
                    return false;
                if (!s_.pause(pause_))
                    return false;
            }
            return true;
        }
        bool flush() {
            const bool ok = buffer_.empty() || s_.sendAll(buffer_);
            buffer_.clear();
            return ok;
        }
        bool finish() { return flush() && (!chunked_ || s_.sendAll("0\r\n\r\n")); }

    private:
        static std::string frame(std::string_view data) {
            char size[32] = {};
            std::snprintf(size, sizeof size, "%zx\r\n", data.size());
            std::string out = size;
            out.append(data);
            out += "\r\n";
            return out;
        }
        static constexpr std::size_t kCoalesceBytes = 16 * 1024;
        Session& s_;
        bool chunked_ = true;
        bool drip_ = false;
        bool coalesce_ = false;
        std::chrono::microseconds pause_;
        std::string buffer_;
    };

    struct Event {
        std::string payload;
        bool paced = false; // the script's chunkDelayMs comes before it
    };

    bool readMore();
    bool sendAll(std::string_view data);
    bool pause(std::chrono::microseconds d);
    bool pauseMs(int ms) { return pause(std::chrono::milliseconds(std::max(0, ms))); }
    ReadResult readRequest(HttpRequest& req, int& status, std::string& error);
    ReadResult readChunkedBody(HttpRequest& req, std::string& error);
    bool handle(const HttpRequest& req);
    std::string head(int status, const std::string& contentType, std::size_t contentLength,
                     bool keepAlive, const std::vector<std::string>& extra = {}) const;
    bool sendJson(int status, const ojson& body, bool keepAlive,
                  const std::vector<std::string>& extra = {});
    bool sendError(int status, const std::string& message, bool keepAlive,
                   const std::vector<std::string>& extra = {});
    bool models(bool keepAlive);
    bool embeddings(const json& body, bool keepAlive);
    bool tokenize(const std::string& path, const std::optional<json>& body, bool keepAlive);
    bool pooling(const std::optional<json>& body, bool keepAlive);
    bool generate(const json& body, const std::string& rawBody, bool chat, bool keepAlive);
    bool stream(const std::vector<Event>& events, const Script& script, const std::string& id,
                const std::string& chunkObject, bool keepAlive,
                const std::vector<std::string>& extraHeaders);
    std::string responseModel(const json& body) const;
    ServerFlavor flavor() const;
    bool sendHuge(std::size_t bytes, BodyWriter* chunked);
    void resetConnection();

    ServerState& impl_;
    int fd_ = -1;
    std::uint64_t id_ = 0;
    std::string in_;
};

bool Session::readMore() {
    for (;;) {
        pollfd fds[2] = {{fd_, POLLIN, 0}, {impl_.wakeRead, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (fds[1].revents != 0)
            return false;
        char buf[65536];
        const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
        if (n > 0) {
            in_.append(buf, static_cast<std::size_t>(n));
            return true;
        }
        if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
            continue;
        return false;
    }
}

bool Session::sendAll(std::string_view data) {
    while (!data.empty()) {
        if (impl_.stopping)
            return false;
        const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
        if (n > 0) {
            data.remove_prefix(static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd fds[2] = {{fd_, POLLOUT, 0}, {impl_.wakeRead, POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0 && errno != EINTR)
                return false;
            if (fds[1].revents != 0)
                return false;
            continue;
        }
        return false;
    }
    return true;
}

// Waits `d` (kForever: until the client or the server goes). False when either went meanwhile.
bool Session::pause(std::chrono::microseconds d) {
    if (d.count() == 0)
        return !impl_.stopping;
    const bool forever = d.count() < 0;
    const auto deadline = Clock::now() + d;
    for (;;) {
        pollfd fds[2] = {{impl_.wakeRead, POLLIN, 0}, {fd_, POLLRDHUP, 0}};
        timespec ts{};
        timespec* timeout = nullptr;
        if (!forever) {
            const auto left = deadline - Clock::now();
            if (left.count() <= 0)
                return true;
            const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
            ts.tv_sec = static_cast<time_t>(ns / 1000000000);
            ts.tv_nsec = static_cast<long>(ns % 1000000000);
            timeout = &ts;
        }
        const int rc = ::ppoll(fds, 2, timeout, nullptr);
        if (rc < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (fds[0].revents != 0)
            return false;
        if ((fds[1].revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) != 0)
            return false;
    }
}

ReadResult Session::readChunkedBody(HttpRequest& req, std::string& error) {
    for (;;) {
        std::size_t lineEnd = 0;
        while ((lineEnd = in_.find("\r\n")) == std::string::npos) {
            if (in_.size() > kMaxHeaderBytes) {
                error = "chunk size line too long";
                return ReadResult::Bad;
            }
            if (!readMore())
                return ReadResult::Closed;
        }
        const std::string sizeLine = in_.substr(0, lineEnd);
        char* end = nullptr;
        const unsigned long long size = std::strtoull(sizeLine.c_str(), &end, 16);
        if (end == sizeLine.c_str()) {
            error = "bad chunk size";
            return ReadResult::Bad;
        }
        in_.erase(0, lineEnd + 2);
        if (size == 0) {
            for (;;) { // trailers up to the empty line
                while ((lineEnd = in_.find("\r\n")) == std::string::npos) {
                    if (in_.size() > kMaxHeaderBytes) {
                        error = "trailers too long";
                        return ReadResult::Bad;
                    }
                    if (!readMore())
                        return ReadResult::Closed;
                }
                in_.erase(0, lineEnd + 2);
                if (lineEnd == 0)
                    return ReadResult::Ok;
            }
        }
        if (req.body.size() + size > kMaxBodyBytes) {
            error = "request body too large";
            return ReadResult::Bad;
        }
        while (in_.size() < size + 2)
            if (!readMore())
                return ReadResult::Closed;
        if (in_.compare(size, 2, "\r\n") != 0) {
            error = "chunk not followed by CRLF";
            return ReadResult::Bad;
        }
        req.body.append(in_, 0, size);
        in_.erase(0, size + 2);
    }
}

ReadResult Session::readRequest(HttpRequest& req, int& status, std::string& error) {
    status = 400;
    std::size_t end = 0;
    for (;;) {
        while (in_.starts_with("\r\n")) // stray CRLF between requests is allowed
            in_.erase(0, 2);
        if ((end = in_.find("\r\n\r\n")) != std::string::npos)
            break;
        if (in_.size() > kMaxHeaderBytes) {
            error = "request header too large";
            return ReadResult::Bad;
        }
        if (!readMore())
            return ReadResult::Closed;
    }
    const std::string headText = in_.substr(0, end);
    in_.erase(0, end + 4);

    std::size_t pos = headText.find("\r\n");
    const std::string requestLine = headText.substr(0, pos);
    const auto sp1 = requestLine.find(' ');
    const auto sp2 = requestLine.rfind(' ');
    if (sp1 == std::string::npos || sp2 == sp1) {
        error = "malformed request line";
        return ReadResult::Bad;
    }
    req.method = requestLine.substr(0, sp1);
    req.target = requestLine.substr(sp1 + 1, sp2 - sp1 - 1);
    req.version = requestLine.substr(sp2 + 1);
    if (!req.version.starts_with("HTTP/1.")) {
        error = "unsupported HTTP version";
        return ReadResult::Bad;
    }
    while (pos != std::string::npos) {
        const std::size_t start = pos + 2;
        pos = headText.find("\r\n", start);
        const std::string_view line = std::string_view(headText).substr(
            start, pos == std::string::npos ? std::string::npos : pos - start);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            error = "malformed header line";
            return ReadResult::Bad;
        }
        const std::string name = toLower(std::string(trim(line.substr(0, colon))));
        const std::string value(trim(line.substr(colon + 1)));
        auto [it, inserted] = req.headers.emplace(name, value);
        if (!inserted)
            it->second += ", " + value;
    }

    const auto header = [&](const char* name) {
        const auto it = req.headers.find(name);
        return it == req.headers.end() ? std::string() : toLower(it->second);
    };
    const std::string connection = header("connection");
    req.keepAlive = req.version == "HTTP/1.0" ? connection.find("keep-alive") != std::string::npos
                                              : connection.find("close") == std::string::npos;
    const bool expectContinue = header("expect") == "100-continue";

    if (header("transfer-encoding").find("chunked") != std::string::npos) {
        if (expectContinue && in_.empty() && !sendAll("HTTP/1.1 100 Continue\r\n\r\n"))
            return ReadResult::Closed;
        return readChunkedBody(req, error);
    }
    if (const auto it = req.headers.find("content-length"); it != req.headers.end()) {
        char* endp = nullptr;
        const unsigned long long length = std::strtoull(it->second.c_str(), &endp, 10);
        if (endp == it->second.c_str() || *endp != '\0') {
            error = "bad content-length";
            return ReadResult::Bad;
        }
        if (length > kMaxBodyBytes) {
            status = 413;
            error = "request body too large";
            return ReadResult::Bad;
        }
        // libcurl waits a second for this before sending a large body anyway.
        if (expectContinue && in_.size() < length && !sendAll("HTTP/1.1 100 Continue\r\n\r\n"))
            return ReadResult::Closed;
        while (in_.size() < length)
            if (!readMore())
                return ReadResult::Closed;
        req.body = in_.substr(0, length);
        in_.erase(0, length);
    }
    return ReadResult::Ok;
}

void Session::run() {
    for (;;) {
        HttpRequest req;
        int status = 400;
        std::string error;
        const ReadResult r = readRequest(req, status, error);
        if (r == ReadResult::Closed)
            return;
        if (r == ReadResult::Bad) {
            sendError(status, error, false);
            return;
        }
        impl_.beginRequest();
        const bool keep = handle(req);
        impl_.endRequest();
        if (!keep)
            return;
    }
}

std::string Session::head(int status, const std::string& contentType, std::size_t contentLength,
                          bool keepAlive, const std::vector<std::string>& extra) const {
    // Lower-case names, as uvicorn (vLLM, SGLang) sends them.
    std::string h = "HTTP/1.1 " + std::to_string(status) + " " + reasonPhrase(status) + "\r\n";
    h += "date: " + httpDate() + "\r\n";
    h += "server: r2p-test-server\r\n";
    if (contentLength == std::string::npos)
        h += "transfer-encoding: chunked\r\n";
    else
        h += "content-length: " + std::to_string(contentLength) + "\r\n";
    if (!contentType.empty())
        h += "content-type: " + contentType + "\r\n";
    for (const auto& line : extra)
        h += line + "\r\n";
    if (!keepAlive)
        h += "connection: close\r\n";
    h += "\r\n";
    return h;
}

bool Session::sendJson(int status, const ojson& body, bool keepAlive,
                       const std::vector<std::string>& extra) {
    const std::string text =
        withInvalidUtf8(body.dump(-1, ' ', false, json::error_handler_t::replace));
    return sendAll(head(status, "application/json", text.size(), keepAlive, extra) + text) &&
           keepAlive;
}

bool Session::sendError(int status, const std::string& message, bool keepAlive,
                        const std::vector<std::string>& extra) {
    return sendJson(status, errorBody(message, status), keepAlive, extra);
}

std::string Session::responseModel(const json& body) const {
    if (const auto it = body.find("model"); it != body.end() && it->is_string())
        return it->get<std::string>();
    std::lock_guard lock(impl_.mutex);
    return impl_.options.models.empty() ? std::string("r2p-test-model")
                                        : impl_.options.models.front();
}

ServerFlavor Session::flavor() const {
    std::lock_guard lock(impl_.mutex);
    return impl_.options.flavor;
}

// `bytes` of 'x' (no newline), a MiB per write; stops when the client goes.
bool Session::sendHuge(std::size_t bytes, BodyWriter* chunked) {
    const std::string block(std::size_t{1} << 20, 'x');
    while (bytes > 0) {
        const std::size_t n = std::min(bytes, block.size());
        const std::string_view piece(block.data(), n);
        if (!(chunked ? chunked->write(piece) : sendAll(piece)))
            return false;
        bytes -= n;
    }
    return true;
}

// Linger 0: the close that follows sends RST instead of FIN.
void Session::resetConnection() {
    linger l{};
    l.l_onoff = 1;
    l.l_linger = 0;
    ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &l, sizeof l);
}

bool Session::handle(const HttpRequest& req) {
    RecordedRequest rec;
    rec.method = req.method;
    const auto q = req.target.find('?');
    rec.path = req.target.substr(0, q);
    rec.query = q == std::string::npos ? std::string() : req.target.substr(q + 1);
    rec.headers = req.headers;
    rec.body = req.body;
    if (json parsed = json::parse(req.body, nullptr, false); !parsed.is_discarded())
        rec.json = std::move(parsed);
    rec.receivedAt = Clock::now();
    rec.connectionId = id_;
    const std::string path = rec.path;
    const std::optional<json> body = rec.json;
    if (impl_.options.logRequests)
        std::fprintf(stderr, "%s %s (%zu bytes)\n", req.method.c_str(), req.target.c_str(),
                     req.body.size());
    impl_.record(std::move(rec));

    const bool keep = req.keepAlive;
    if (!impl_.options.apiKey.empty()) {
        const auto it = req.headers.find("authorization");
        if (it == req.headers.end() || it->second != "Bearer " + impl_.options.apiKey)
            return sendError(401, "Incorrect or missing API key.", keep);
    }

    if (path == "/health")
        return req.method == "GET" ? sendAll(head(200, "", 0, keep)) && keep
                                   : sendError(405, "Method Not Allowed", keep);
    if (path == "/tokenize" || path == "/v1/tokenize")
        return req.method == "POST" ? tokenize(path, body, keep)
                                    : sendError(405, "Method Not Allowed", keep);
    if (path == "/pooling")
        return req.method == "POST" ? pooling(body, keep)
                                    : sendError(405, "Method Not Allowed", keep);
    const bool isModels = path == "/v1/models";
    const bool isChat = path == "/v1/chat/completions";
    const bool isCompletions = path == "/v1/completions";
    const bool isEmbeddings = path == "/v1/embeddings";
    // A chat-only hosted API has no raw completions route.
    if ((!isModels && !isChat && !isCompletions && !isEmbeddings) ||
        (isCompletions && flavor() == ServerFlavor::Hosted))
        return sendError(404, "Invalid URL (" + req.method + " " + path + ")", keep);
    if (isModels)
        return req.method == "GET" ? models(keep) : sendError(405, "Method Not Allowed", keep);
    if (req.method != "POST")
        return sendError(405, "Method Not Allowed", keep);
    if (!body || !body->is_object())
        return sendError(400, "Malformed JSON in the request body.", keep);
    if (isEmbeddings)
        return embeddings(*body, keep);
    return generate(*body, req.body, isChat, keep);
}

bool Session::models(bool keepAlive) {
    std::vector<std::string> ids;
    std::optional<std::string> raw;
    {
        std::lock_guard lock(impl_.mutex);
        ids = impl_.options.models;
        raw = impl_.options.modelsBody;
    }
    if (raw)
        return sendAll(head(200, "application/json", raw->size(), keepAlive) + *raw) && keepAlive;
    // Ollama (openai/openai.go, ListCompletion) marshals a nil slice: "data": null.
    if (ids.empty() && flavor() == ServerFlavor::Ollama)
        return sendJson(200, ojson{{"object", "list"}, {"data", nullptr}}, keepAlive);
    ojson data = ojson::array();
    for (const auto& id : ids)
        data.push_back(ojson{{"id", id},
                             {"object", "model"},
                             {"created", impl_.startedAt},
                             {"owned_by", "r2p-test"}});
    return sendJson(200, ojson{{"object", "list"}, {"data", data}}, keepAlive);
}

// /tokenize as each server has it (checked against their sources): vLLM at the root only,
// {"model","prompt"} -> {"count","max_model_len","tokens","token_strs"}; SGLang at /tokenize and
// /v1/tokenize -> {"tokens","count","max_model_len"}; llama-server at the root,
// {"content"} -> {"tokens"} (no "content": no tokens); Ollama and hosted APIs have none.
bool Session::tokenize(const std::string& path, const std::optional<json>& body, bool keepAlive) {
    const ServerFlavor f = flavor();
    const bool served =
        f == ServerFlavor::Sglang ||
        (path == "/tokenize" && (f == ServerFlavor::Vllm || f == ServerFlavor::LlamaServer));
    if (!served)
        return sendError(404, "Invalid URL (POST " + path + ")", keepAlive);
    if (!body || !body->is_object())
        return sendError(400, "Malformed JSON in the request body.", keepAlive);
    constexpr int kMaxModelLen = 32768;
    if (f == ServerFlavor::LlamaServer) {
        std::vector<int> ids;
        if (const auto c = body->find("content"); c != body->end() && c->is_string())
            ids = OpenAiTestServer::tokenIds(c->get<std::string>());
        const std::string text = ojson{{"tokens", ids}}.dump();
        return sendAll(head(200, "application/json; charset=utf-8", text.size(), keepAlive) +
                       text) &&
               keepAlive;
    }
    const auto prompt = body->find("prompt");
    if (prompt == body->end() || !prompt->is_string())
        return sendError(400, "prompt: a string is required", keepAlive);
    const std::vector<int> ids = OpenAiTestServer::tokenIds(prompt->get<std::string>());
    if (f == ServerFlavor::Sglang)
        return sendJson(
            200, ojson{{"tokens", ids}, {"count", ids.size()}, {"max_model_len", kMaxModelLen}},
            keepAlive);
    return sendJson(200,
                    ojson{{"count", ids.size()},
                          {"max_model_len", kMaxModelLen},
                          {"tokens", ids},
                          {"token_strs", nullptr}},
                    keepAlive);
}

// vLLM's pooling API (serving/openai/protocol: PoolingResponse) as a reward model pooled over
// every token answers it, at the root only and only on vLLM: {"id": "pool-...", "object":
// "list", "created", "model", "data": [{"index": 0, "object": "pooling", "data": [[r1], [r2],
// ...]}], "usage": {"prompt_tokens", "total_tokens", "completion_tokens": 0,
// "prompt_tokens_details": null}}, one score per token of the conversation. This stand-in's
// reward is deterministic and easy to work out by hand: every token scores 0 except the last,
// which is the number of "[P" citations in the last message.
bool Session::pooling(const std::optional<json>& body, bool keepAlive) {
    if (flavor() != ServerFlavor::Vllm)
        return sendError(404, "Invalid URL (POST /pooling)", keepAlive);
    if (!body || !body->is_object())
        return sendError(400, "Malformed JSON in the request body.", keepAlive);
    const auto messages = body->find("messages");
    std::string all, last;
    if (messages != body->end() && messages->is_array() && !messages->empty()) {
        for (const auto& m : *messages) {
            if (!m.is_object() || !m.contains("content") || !m["content"].is_string())
                return sendError(400, "messages: each needs a string content", keepAlive);
            all += m["content"].get<std::string>() + "\n";
        }
        last = messages->back()["content"].get<std::string>();
    } else if (const auto input = body->find("input"); input != body->end() && input->is_string()) {
        all = last = input->get<std::string>();
    } else {
        return sendError(400, "Either messages or input is required.", keepAlive);
    }
    std::size_t citations = 0;
    for (std::size_t at = last.find("[P"); at != std::string::npos; at = last.find("[P", at + 2))
        ++citations;
    const std::size_t tokens = std::max<std::size_t>(1, OpenAiTestServer::tokenIds(all).size());
    ojson perToken = ojson::array();
    for (std::size_t i = 0; i + 1 < tokens; ++i)
        perToken.push_back(ojson::array({0.0}));
    perToken.push_back(ojson::array({static_cast<double>(citations)}));
    std::string model = body->value("model", std::string());
    return sendJson(
        200,
        ojson{{"id", "pool-r2ptest"},
              {"object", "list"},
              {"created", impl_.startedAt},
              {"model", model},
              {"data",
               ojson::array({ojson{{"index", 0}, {"object", "pooling"}, {"data", perToken}}})},
              {"usage", ojson{{"prompt_tokens", tokens},
                              {"total_tokens", tokens},
                              {"completion_tokens", 0},
                              {"prompt_tokens_details", nullptr}}}},
        keepAlive);
}

bool Session::embeddings(const json& body, bool keepAlive) {
    const auto input = body.find("input");
    std::vector<std::string> inputs;
    if (input != body.end() && input->is_string()) {
        inputs.push_back(input->get<std::string>());
    } else if (input != body.end() && input->is_array() && !input->empty()) {
        const bool tokenIds = std::all_of(input->begin(), input->end(),
                                          [](const json& e) { return e.is_number_integer(); });
        if (tokenIds) {
            inputs.push_back(input->dump());
        } else {
            for (const auto& e : *input) {
                if (e.is_string())
                    inputs.push_back(e.get<std::string>());
                else if (e.is_array())
                    inputs.push_back(e.dump());
                else
                    return sendError(400, "input: expected strings or token arrays", keepAlive);
            }
        }
    } else {
        return sendError(400, "input: a string or a non-empty array is required", keepAlive);
    }
    int dimension = 0;
    {
        std::lock_guard lock(impl_.mutex);
        dimension = impl_.options.embeddingDimension;
    }
    if (const auto d = intField(body, "dimensions"); d && *d > 0)
        dimension = *d;

    ojson data = ojson::array();
    int words = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        data.push_back(ojson{{"index", i},
                             {"object", "embedding"},
                             {"embedding", OpenAiTestServer::embeddingFor(inputs[i], dimension)}});
        words += static_cast<int>(OpenAiTestServer::splitWords(inputs[i]).size());
    }
    const ojson response{{"id", "embd-r2p-" + std::to_string(++impl_.responseSeq)},
                         {"object", "list"},
                         {"created", static_cast<std::int64_t>(std::time(nullptr))},
                         {"model", responseModel(body)},
                         {"data", data},
                         {"usage", {{"prompt_tokens", words}, {"total_tokens", words}}}};
    return sendJson(200, response, keepAlive);
}

bool Session::generate(const json& body, const std::string& rawBody, bool chat, bool keepAlive) {
    if (chat) {
        const auto it = body.find("messages");
        if (it == body.end() || !it->is_array() || it->empty())
            return sendError(400, "messages: a non-empty array is required", keepAlive);
    } else if (!body.contains("prompt")) {
        return sendError(400, "prompt: field required", keepAlive);
    }
    const std::string model = responseModel(body);
    if (impl_.options.rejectUnknownModels) {
        std::lock_guard lock(impl_.mutex);
        const auto& ids = impl_.options.models;
        if (std::find(ids.begin(), ids.end(), model) == ids.end())
            return sendError(404, "The model `" + model + "` does not exist.", keepAlive);
    }

    const Script script = impl_.pickScript(rawBody);
    const auto errorText = [&](const char* fallback) {
        return script.errorMessage.empty() ? std::string(fallback) : script.errorMessage;
    };
    switch (script.fault) {
    case Fault::Status429:
        if (!pauseMs(script.firstChunkDelayMs))
            return false;
        return sendError(429, errorText("Rate limit reached (scripted 429)."), keepAlive,
                         {"retry-after: " + std::to_string(std::max(0, script.retryAfterSeconds))});
    case Fault::Status500:
        if (!pauseMs(script.firstChunkDelayMs))
            return false;
        return sendError(500, errorText("Internal server error (scripted 500)."), keepAlive);
    case Fault::Status400:
        if (!pauseMs(script.firstChunkDelayMs))
            return false;
        return sendError(400, errorText("Invalid request (scripted 400)."), keepAlive);
    case Fault::Status503Loading: {
        // llama-server while the model loads (server.cpp: "Loading model", unavailable_error).
        if (!pauseMs(script.firstChunkDelayMs))
            return false;
        const ojson e{
            {"error",
             {{"code", 503}, {"message", "Loading model"}, {"type", "unavailable_error"}}}};
        return sendJson(503, e, keepAlive);
    }
    case Fault::HtmlError: {
        if (!pauseMs(script.firstChunkDelayMs))
            return false;
        const std::string page =
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 "
            "Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return sendAll(head(502, "text/html", page.size(), keepAlive) + page) && keepAlive;
    }
    default:
        break;
    }
    const ServerFlavor serverFlavor = flavor();
    const bool badUtf8 = script.fault == Fault::InvalidUtf8;
    const auto wire = [](std::string text) {
        return withInvalidUtf8(std::move(text));
    };
    ReasoningStyle style = script.reasoningStyle;
    // SGLang: "separate_reasoning": false leaves the reasoning in the content, after the prompt's
    // <think> (python/sglang/srt/entrypoints/openai/serving_chat.py).
    if (serverFlavor == ServerFlavor::Sglang && isFieldStyle(style)) {
        const auto it = body.find("separate_reasoning");
        if (it != body.end() && it->is_boolean() && !it->get<bool>())
            style = ReasoningStyle::ClosingTagOnly;
    }
    std::vector<std::string> extraHeaders;

    // Completions have no reasoning fields; None sends no reasoning at all.
    const bool dropReasoning = style == ReasoningStyle::None || (!chat && isFieldStyle(style));
    Plan plan = makePlan(script, dropReasoning ? std::string() : script.reasoning, body);
    if (badUtf8) {
        if (plan.answer.empty())
            plan.answer.push_back(kBadMarker);
        else
            plan.answer.back() += kBadMarker;
    }
    const std::vector<Piece> pieces = makePieces(plan, style, script.wordsPerChunk);

    int promptWords = 0;
    if (chat)
        for (const auto& m : body["messages"])
            promptWords += m.is_object() && m.contains("content") ? wordsIn(m["content"]) : 0;
    else
        promptWords = wordsIn(body["prompt"]);
    const int reasoningWords = static_cast<int>(plan.reasoning.size());
    const int promptTokens = script.promptTokens.value_or(promptWords);
    const int reasoningTokens = script.reasoningTokens.value_or(reasoningWords);
    const int completionTokens =
        script.completionTokens.value_or(reasoningWords + static_cast<int>(plan.answer.size()));
    ojson usage{{"prompt_tokens", promptTokens},
                {"completion_tokens", completionTokens},
                {"total_tokens", promptTokens + completionTokens}};
    if (reasoningTokens > 0)
        usage["completion_tokens_details"] = ojson{{"reasoning_tokens", reasoningTokens}};
    if (script.cachedPromptTokens)
        usage["prompt_tokens_details"] = ojson{{"cached_tokens", *script.cachedPromptTokens}};

    const std::string id = script.responseId.value_or((chat ? "chatcmpl-r2p-" : "cmpl-r2p-") +
                                                      std::to_string(++impl_.responseSeq));
    const std::int64_t created =
        script.created.value_or(static_cast<std::int64_t>(std::time(nullptr)));
    const std::string object = chat ? "chat.completion" : "text_completion";
    const std::string reasoningKey =
        style == ReasoningStyle::ReasoningAltField ? "reasoning" : "reasoning_content";
    // vLLM with --enable-request-id-headers echoes the request id as a response header.
    if (serverFlavor == ServerFlavor::Vllm)
        extraHeaders.push_back("x-request-id: " + id);
    const ojson stopReason = plan.stopReason ? ojson(*plan.stopReason) : ojson(nullptr);

    const auto streamIt = body.find("stream");
    const bool streaming =
        streamIt != body.end() && streamIt->is_boolean() && streamIt->get<bool>();
    if (!streaming) {
        std::string content;
        std::string reasoning;
        for (const auto& p : pieces)
            (p.channel == Channel::Reasoning ? reasoning : content) += p.text;
        ojson choice{{"index", 0}};
        if (chat) {
            ojson message{{"role", "assistant"}, {"content", content}};
            if (isFieldStyle(style))
                message[reasoningKey] = reasoning.empty() ? ojson(nullptr) : ojson(reasoning);
            choice["message"] = message;
        } else {
            choice["text"] = content;
        }
        choice["logprobs"] = nullptr;
        choice["finish_reason"] = plan.finishReason;
        choice["stop_reason"] = stopReason;
        if (script.fault == Fault::EmptyDone) {
            choice["finish_reason"] = nullptr;
            if (chat)
                choice["message"]["content"] = "";
            else
                choice["text"] = "";
        }
        ojson response{{"id", id},       {"object", object},    {"created", created},
                       {"model", model}, {"choices", {choice}}, {"usage", usage}};
        if (serverFlavor == ServerFlavor::Ollama)
            response["system_fingerprint"] = "fp_ollama";
        if (serverFlavor == ServerFlavor::LlamaServer)
            response["timings"] = llamaTimings(promptTokens, completionTokens);
        const int paced = pieces.empty() ? 0 : static_cast<int>(pieces.size()) - 1;
        if (!pauseMs(script.firstChunkDelayMs) || !pauseMs(script.chunkDelayMs * paced))
            return false;

        std::string text = wire(response.dump());
        switch (script.fault) {
        case Fault::ErrorEvent: // not streamed, llama-server answers with the status
            return sendJson(script.errorCode,
                            ojson{{"error",
                                   {{"code", script.errorCode},
                                    {"message", errorText("Error during generation (scripted).")},
                                    {"type", script.errorType.empty() ? errorType(script.errorCode)
                                                                      : script.errorType}}}},
                            keepAlive);
        case Fault::HugeLine:
            return sendAll(head(200, "application/json", script.hugeBytes, keepAlive)) &&
                   sendHuge(script.hugeBytes, nullptr) && keepAlive;
        case Fault::Reset:
            sendAll(head(200, "application/json", text.size(), keepAlive) +
                    text.substr(0, text.size() / 2));
            resetConnection();
            return false;
        case Fault::MalformedChunk:
            text.resize(text.size() / 2);
            break;
        case Fault::ErrorInStream: // the JSON analogue: a 200 whose body is an error object
            text = wire(errorBody(errorText("Error during generation (scripted)."), 500).dump());
            break;
        case Fault::DisconnectMidStream:
            sendAll(head(200, "application/json", text.size(), keepAlive) +
                    text.substr(0, text.size() / 2));
            return false;
        case Fault::NeverEnds:
            if (sendAll(head(200, "application/json", text.size(), keepAlive) +
                        text.substr(0, text.size() / 2)))
                pause(kForever);
            return false;
        case Fault::DripByteByByte: {
            BodyWriter raw(*this, false, true, script.dripPauseUs);
            return raw.write(head(200, "application/json", text.size(), keepAlive, extraHeaders) +
                             text) &&
                   keepAlive;
        }
        default:
            break;
        }
        return sendAll(head(200, "application/json", text.size(), keepAlive, extraHeaders) +
                       text) &&
               keepAlive;
    }

    // Streaming: the chunk objects, then the faults applied while they are written.
    const std::string chunkObject = chat ? "chat.completion.chunk" : "text_completion";
    const auto chunk = [&](ojson choices) {
        ojson c{{"id", id},
                {"object", chunkObject},
                {"created", created},
                {"model", model},
                {"choices", std::move(choices)}};
        if (serverFlavor == ServerFlavor::Ollama)
            c["system_fingerprint"] = "fp_ollama";
        return c;
    };
    const auto choiceWith = [&](const std::string& text, Channel channel, bool last) {
        ojson c{{"index", 0}};
        if (chat)
            c["delta"] = ojson{{channel == Channel::Reasoning ? reasoningKey : "content", text}};
        else
            c["text"] = text;
        c["logprobs"] = nullptr;
        c["finish_reason"] = last ? ojson(plan.finishReason) : ojson(nullptr);
        if (last)
            c["stop_reason"] = stopReason;
        return ojson::array({c});
    };
    std::vector<Event> events;
    if (chat) {
        ojson role{{"index", 0},
                   {"delta", {{"role", "assistant"}, {"content", ""}}},
                   {"logprobs", nullptr},
                   {"finish_reason", nullptr}};
        events.push_back({chunk(ojson::array({role})).dump(), false});
    }
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        ojson c = chunk(choiceWith(pieces[i].text, pieces[i].channel, i + 1 == pieces.size()));
        // llama-server puts its timings into the chunk that carries the finish reason.
        if (serverFlavor == ServerFlavor::LlamaServer && i + 1 == pieces.size())
            c["timings"] = llamaTimings(promptTokens, completionTokens);
        events.push_back({wire(c.dump()), i > 0});
    }
    if (pieces.empty())
        events.push_back({chunk(choiceWith("", Channel::Content, true)).dump(), false});
    const auto options = body.find("stream_options");
    if (options != body.end() && options->is_object() && options->value("include_usage", false)) {
        ojson last = chunk(ojson::array());
        last["usage"] = usage;
        events.push_back({last.dump(), false});
    }
    return stream(events, script, id, chunkObject, keepAlive, extraHeaders);
}

bool Session::stream(const std::vector<Event>& events, const Script& script, const std::string& id,
                     const std::string& chunkObject, bool keepAlive,
                     const std::vector<std::string>& extraHeaders) {
    const bool crlf = script.crlf || script.fault == Fault::Crlf;
    const std::string eol = crlf ? "\r\n" : "\n";
    const bool comments = script.fault == Fault::CommentsAndMultiline;
    const auto faultAt =
        std::min(static_cast<std::size_t>(std::max(0, script.faultAfterEvents)), events.size());

    if (!sendAll(head(200, "text/event-stream; charset=utf-8", std::string::npos, keepAlive,
                      extraHeaders)))
        return false;
    // Coalesce only plain streams with no pauses between events: every fault keeps its exact
    // timing.
    const bool coalesce =
        script.chunkDelayMs == 0 && (script.fault == Fault::None || script.fault == Fault::Delay);
    BodyWriter out(*this, true, script.fault == Fault::DripByteByByte, script.dripPauseUs,
                   coalesce);
    const auto event = [&](const std::string& data) {
        return out.write("data: " + withInvalidUtf8(data) + eol + eol);
    };
    const std::string keepAliveComment = ": keep-alive" + eol + eol;

    if (!pauseMs(script.firstChunkDelayMs))
        return false;
    if (comments && !out.write(keepAliveComment))
        return false;
    for (std::size_t i = 0; i <= events.size(); ++i) {
        if (i == faultAt) {
            switch (script.fault) {
            case Fault::MalformedChunk:
                // Cut off inside a string, as a proxy that truncates a line would.
                if (!event(R"({"id":")" + id + R"(","object":")" + chunkObject +
                           R"(","choices":[{"index":0,"delta":{"content":")"))
                    return false;
                break;
            case Fault::ErrorInStream: {
                const ojson error{{"error",
                                   {{"message", script.errorMessage.empty()
                                                    ? "Error during generation (scripted)."
                                                    : script.errorMessage},
                                    {"type", script.errorType.empty() ? errorType(script.errorCode)
                                                                      : script.errorType},
                                    {"code", script.errorCode}}}};
                if (!event(error.dump(-1, ' ', false, json::error_handler_t::replace)) ||
                    (script.doneAfterError && !event("[DONE]")))
                    return false;
                return out.finish() && keepAlive;
            }
            case Fault::ErrorEvent: {
                // llama-server (tools/server/server.cpp): server_sent_event(sink, "error", ...)
                // writes `error: {...}` with the flat error object, then `data: [DONE]`.
                const ojson error{{"code", script.errorCode},
                                  {"message", script.errorMessage.empty()
                                                  ? "Error during generation (scripted)."
                                                  : script.errorMessage},
                                  {"type", script.errorType.empty() ? errorType(script.errorCode)
                                                                    : script.errorType}};
                if (!out.write("error: " +
                               withInvalidUtf8(
                                   error.dump(-1, ' ', false, json::error_handler_t::replace)) +
                               eol + eol) ||
                    !event("[DONE]"))
                    return false;
                return out.finish() && keepAlive;
            }
            case Fault::EmptyDone:
                return event("[DONE]") && out.finish() && keepAlive;
            case Fault::HugeLine:
                if (!out.write("data: "))
                    return false;
                sendHuge(script.hugeBytes, &out);
                return false;
            case Fault::Reset:
                (void)out.finish();
                resetConnection();
                return false;
            case Fault::DisconnectMidStream:
                return false;
            case Fault::NeverEnds:
                pause(kForever);
                return false;
            default:
                break;
            }
        }
        if (i == events.size())
            break;
        if (events[i].paced && !pauseMs(script.chunkDelayMs))
            return false;
        const std::string& payload = events[i].payload;
        // One event's data over two `data:` lines, split between JSON tokens, so the "\n" SSE
        // puts between them is JSON whitespace.
        const auto split = payload.find(R"(,"choices":)");
        if (comments && i == std::min(faultAt, events.size() - 1) && split != std::string::npos) {
            if (!out.write(": the next event has two data lines" + eol +
                           "data: " + payload.substr(0, split + 1) + eol +
                           "data: " + payload.substr(split + 1) + eol + eol))
                return false;
        } else if (!event(payload)) {
            return false;
        }
        if (comments && i % 2 == 1 && !out.write(keepAliveComment))
            return false;
    }
    return event("[DONE]") && out.finish() && keepAlive;
}

void ServerState::record(RecordedRequest request) {
    {
        std::lock_guard lock(mutex);
        records.push_back(std::move(request));
    }
    requestArrived.notify_all();
}

Script ServerState::pickScript(const std::string& body) {
    std::lock_guard lock(mutex);
    for (const auto& [needle, script] : rules)
        if (body.find(needle) != std::string::npos)
            return script;
    if (!queue.empty()) {
        Script s = std::move(queue.front());
        queue.pop_front();
        return s;
    }
    return options.defaultScript;
}

void ServerState::beginRequest() {
    const std::size_t now = ++active;
    std::size_t peak = peakActive.load();
    while (now > peak && !peakActive.compare_exchange_weak(peak, now)) {
    }
}

void ServerState::reapFinished() {
    for (auto it = connections.begin(); it != connections.end();) {
        if ((*it)->done) {
            (*it)->thread.join();
            it = connections.erase(it);
        } else {
            ++it;
        }
    }
}

void ServerState::acceptLoop() {
    for (;;) {
        pollfd fds[2] = {{listenFd, POLLIN, 0}, {wakeRead, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (fds[1].revents != 0)
            return;
        const int fd = ::accept(listenFd, nullptr, nullptr);
        if (fd < 0) {
            if (errno == EMFILE || errno == ENFILE) // out of descriptors: do not spin
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        const int one = 1; // stream chunks go out as written, not held back by Nagle
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        const std::uint64_t id = ++accepted;
        reapFinished();
        auto connection = std::make_unique<Connection>();
        Connection* c = connection.get();
        ++open;
        try {
            c->thread = std::thread([this, c, fd, id] {
                Session(*this, fd, id).run();
                ::close(fd);
                --open;
                c->done = true;
            });
        } catch (const std::system_error&) {
            ::close(fd);
            --open;
            continue;
        }
        connections.push_back(std::move(connection));
    }
}

} // namespace

struct OpenAiTestServer::Impl : ServerState {
    using ServerState::ServerState;
};

OpenAiTestServer::OpenAiTestServer(ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {
    Impl& d = *impl_;
    d.startedAt = static_cast<std::int64_t>(std::time(nullptr));
    int wake[2] = {-1, -1};
    if (::pipe(wake) != 0)
        throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    d.wakeRead = wake[0];
    d.wakeWrite = wake[1];
    ::fcntl(d.wakeRead, F_SETFD, FD_CLOEXEC);
    ::fcntl(d.wakeWrite, F_SETFD, FD_CLOEXEC);

    const auto fail = [&](const char* what) {
        const std::string message = std::string(what) + ": " + std::strerror(errno);
        if (d.listenFd >= 0)
            ::close(d.listenFd);
        ::close(d.wakeRead);
        ::close(d.wakeWrite);
        throw std::runtime_error(message);
    };
    d.listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (d.listenFd < 0)
        fail("socket");
    const int one = 1;
    ::setsockopt(d.listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); // loopback only, never another interface
    addr.sin_port = htons(d.options.port);
    if (::bind(d.listenFd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        fail("bind 127.0.0.1");
    if (::listen(d.listenFd, SOMAXCONN) != 0)
        fail("listen");
    socklen_t len = sizeof addr;
    if (::getsockname(d.listenFd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        fail("getsockname");
    d.port = ntohs(addr.sin_port);
    d.acceptor = std::thread([&d] { d.acceptLoop(); });
}

OpenAiTestServer::~OpenAiTestServer() {
    stop();
}

void OpenAiTestServer::stop() {
    Impl& d = *impl_;
    std::lock_guard lock(d.stopMutex);
    if (d.stopped)
        return;
    d.stopped = true;
    d.stopping = true;
    const char byte = 'x'; // never read: the pipe stays readable and wakes every poll
    while (::write(d.wakeWrite, &byte, 1) < 0 && errno == EINTR) {
    }
    d.acceptor.join();
    for (auto& c : d.connections)
        c->thread.join();
    d.connections.clear();
    ::close(d.listenFd);
    ::close(d.wakeRead);
    ::close(d.wakeWrite);
    d.listenFd = d.wakeRead = d.wakeWrite = -1;
    d.requestArrived.notify_all();
}

std::uint16_t OpenAiTestServer::port() const {
    return impl_->port;
}

std::string OpenAiTestServer::baseUrl() const {
    return "http://127.0.0.1:" + std::to_string(impl_->port) + "/v1";
}

void OpenAiTestServer::enqueue(Script script) {
    std::lock_guard lock(impl_->mutex);
    impl_->queue.push_back(std::move(script));
}

void OpenAiTestServer::when(std::string bodySubstring, Script script) {
    std::lock_guard lock(impl_->mutex);
    impl_->rules.emplace_back(std::move(bodySubstring), std::move(script));
}

void OpenAiTestServer::setDefaultScript(Script script) {
    std::lock_guard lock(impl_->mutex);
    impl_->options.defaultScript = std::move(script);
}

void OpenAiTestServer::clearScripts() {
    std::lock_guard lock(impl_->mutex);
    impl_->queue.clear();
    impl_->rules.clear();
}

std::size_t OpenAiTestServer::queuedScripts() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->queue.size();
}

void OpenAiTestServer::setModels(std::vector<std::string> ids) {
    std::lock_guard lock(impl_->mutex);
    impl_->options.models = std::move(ids);
}

void OpenAiTestServer::setFlavor(ServerFlavor flavor) {
    std::lock_guard lock(impl_->mutex);
    impl_->options.flavor = flavor;
}

void OpenAiTestServer::setEmbeddingDimension(int dimension) {
    std::lock_guard lock(impl_->mutex);
    impl_->options.embeddingDimension = dimension;
}

std::size_t OpenAiTestServer::requestCount() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->records.size();
}

std::vector<RecordedRequest> OpenAiTestServer::requests() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->records;
}

void OpenAiTestServer::clear() {
    std::lock_guard lock(impl_->mutex);
    impl_->records.clear();
}

bool OpenAiTestServer::waitForRequests(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(impl_->mutex);
    return impl_->requestArrived.wait_for(lock, timeout,
                                          [&] { return impl_->records.size() >= count; });
}

bool OpenAiTestServer::waitUntilIdle(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(impl_->mutex);
    return impl_->requestEnded.wait_for(lock, timeout, [&] { return impl_->active == 0; });
}

std::uint64_t OpenAiTestServer::connectionCount() const {
    return impl_->accepted;
}
std::size_t OpenAiTestServer::openConnections() const {
    return impl_->open;
}
std::size_t OpenAiTestServer::activeRequests() const {
    return impl_->active;
}
std::size_t OpenAiTestServer::peakActiveRequests() const {
    return impl_->peakActive;
}

std::vector<float> OpenAiTestServer::embeddingFor(const std::string& input, int dimension) {
    std::vector<double> v(static_cast<std::size_t>(std::max(0, dimension)));
    std::uint64_t state = fnv1a(input);
    double norm = 0;
    for (double& x : v) {
        x = static_cast<double>(splitmix64(state) >> 11) * 0x1.0p-53 * 2.0 - 1.0;
        norm += x * x;
    }
    norm = std::sqrt(norm);
    std::vector<float> out;
    out.reserve(v.size());
    for (const double x : v)
        out.push_back(static_cast<float>(norm > 0 ? x / norm : x));
    return out;
}

std::vector<std::string> OpenAiTestServer::tokenPieces(const std::string& text) {
    std::vector<std::string> out;
    const auto wordByte = [](unsigned char c) {
        return std::isalnum(c) || c >= 0x80;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (std::isspace(c)) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        if (wordByte(c))
            while (j < text.size() && wordByte(static_cast<unsigned char>(text[j])))
                ++j;
        out.push_back(text.substr(i, j - i));
        i = j;
    }
    return out;
}

std::vector<int> OpenAiTestServer::tokenIds(const std::string& text) {
    std::vector<int> ids;
    for (const auto& piece : tokenPieces(text)) {
        std::uint32_t h = 2166136261u; // FNV-1a
        for (char c : piece)
            h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
        ids.push_back(static_cast<int>(100 + h % 50000));
    }
    return ids;
}

std::vector<std::string> OpenAiTestServer::splitWords(const std::string& text) {
    std::vector<std::string> words;
    std::string current;
    bool sawWord = false; // the current word has its non-space part already
    for (const char c : text) {
        if (isSpace(c)) {
            current += c;
        } else {
            if (sawWord && !current.empty() && isSpace(current.back())) {
                words.push_back(std::move(current));
                current.clear();
            }
            current += c;
            sawWord = true;
        }
    }
    if (!current.empty())
        words.push_back(std::move(current));
    return words;
}

} // namespace r2p::test
