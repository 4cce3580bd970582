#include "OpenAiBackend.h"

#include "ChatTemplate.h"
#include "SseReader.h"
#include "model/JsonText.h"
#include "model/Utf8.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <curl/curl.h>
#include <deque>
#include <list>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

namespace r2p::llm {

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

constexpr int kPollMs = 20; // the worker's longest sleep: bounds cancel and timeout latency

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

void globalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string trimSlash(std::string url) {
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

const char* roleName(Role r) {
    switch (r) {
    case Role::System:
        return "system";
    case Role::Assistant:
        return "assistant";
    case Role::User:
    case Role::Invalid:
        break;
    }
    return "user";
}

// Headers every request carries; the key comes from the environment at send time.
curl_slist* baseHeaders(const EndpointConfig& config, bool stream) {
    curl_slist* h = nullptr;
    h = curl_slist_append(h, "Content-Type: application/json");
    h = curl_slist_append(h, stream ? "Accept: text/event-stream" : "Accept: application/json");
    h = curl_slist_append(h, "Expect:"); // no 100-continue round trip for large prompts
    if (!config.apiKeyEnv.empty())
        if (const char* key = std::getenv(config.apiKeyEnv.c_str()); key && *key)
            h = curl_slist_append(h, (std::string("Authorization: Bearer ") + key).c_str());
    return h;
}

void commonOptions(CURL* easy, const EndpointConfig& config) {
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    // Only the web: a base URL of file://, ftp:// or the like must not read or send anything.
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, config.connectTimeoutMs);
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(easy, CURLOPT_NOPROXY, "localhost,127.0.0.1,::1");
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "r2p-workbench/0.1");
}

ErrorKind kindForCurl(CURLcode code) {
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_SSL_CONNECT_ERROR:
        return ErrorKind::Connect;
    case CURLE_OPERATION_TIMEDOUT:
        return ErrorKind::Timeout;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return ErrorKind::Config;
    default:
        return ErrorKind::StreamCut;
    }
}

std::string lowerAscii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

struct UrlParts {
    std::string scheme, userinfo, hostPort, rest; // rest: the path and query, from the first '/'
};

std::optional<UrlParts> splitUrl(std::string_view url) {
    const auto colon = url.find("://");
    if (colon == std::string_view::npos)
        return std::nullopt;
    UrlParts p;
    p.scheme = lowerAscii(std::string(url.substr(0, colon)));
    std::string_view after = url.substr(colon + 3);
    const auto slash = after.find_first_of("/?#");
    std::string_view authority = after.substr(0, slash);
    p.rest = slash == std::string_view::npos ? std::string() : std::string(after.substr(slash));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        p.userinfo = std::string(authority.substr(0, at));
        authority.remove_prefix(at + 1);
    }
    p.hostPort = std::string(authority);
    return p;
}

// A server without a reasoning parser reports completion tokens only: the reasoning's share
// of them follows the text, so reasoning is still counted as reasoning.
void estimateReasoningTokens(GenerationResult& r) {
    if (!r.usage || r.usage->reasoningTokens > 0 || r.reasoning.empty() ||
        r.usage->completionTokens <= 0)
        return;
    const double share = double(r.reasoning.size()) / double(r.reasoning.size() + r.answer.size());
    r.usage->reasoningTokens =
        std::min(r.usage->completionTokens,
                 static_cast<int>(std::lround(share * r.usage->completionTokens)));
    r.reasoningTokensEstimated = true;
}

} // namespace

std::string redactUrl(std::string_view url) {
    auto p = splitUrl(url);
    if (!p || p->userinfo.empty())
        return validUtf8(url);
    return validUtf8(std::string(url.substr(0, url.find("://") + 3)) + p->hostPort + p->rest);
}

Result<std::string> checkBaseUrl(std::string_view url) {
    auto p = splitUrl(url);
    if (!p)
        return Error{"the base URL \"" + clipUtf8(url, 200) +
                     "\" is not a URL (e.g. http://127.0.0.1:8000/v1)"};
    if (!p->userinfo.empty())
        return Error{"the base URL " + clipUtf8(redactUrl(url), 200) +
                     " holds a user name or password: remove it, and put the key in an "
                     "environment variable named by --api-key-env"};
    if (p->scheme != "http" && p->scheme != "https")
        return Error{"the base URL " + clipUtf8(url, 200) + " uses " + clipUtf8(p->scheme, 40) +
                     ": only http and https are supported"};
    if (p->hostPort.empty())
        return Error{"the base URL " + clipUtf8(url, 200) + " names no host"};
    return trimSlash(std::string(url));
}

std::string normalizeBaseUrl(std::string_view url) {
    auto p = splitUrl(url);
    if (!p)
        return trimSlash(validUtf8(url));
    std::string host = lowerAscii(p->hostPort);
    if ((p->scheme == "http" && host.size() > 3 && host.ends_with(":80")) ||
        (p->scheme == "https" && host.size() > 4 && host.ends_with(":443")))
        host.resize(host.rfind(':'));
    return trimSlash(validUtf8(p->scheme + "://" + host + p->rest));
}

namespace {

// A JSON string as dumpJson writes it (nlohmann: no ASCII escaping, ill-formed UTF-8 replaced).
// Valid UTF-8 is escaped here byte by byte exactly as the library does; anything else goes
// through the library, so the bytes (and the cache keys made from them) stay the same.
void appendJsonString(std::string& out, std::string_view s) {
    if (!isValidUtf8(s)) {
        out += dumpJson(json(std::string(s)));
        return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0; // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s.data() + plain, i - plain);
        plain = i + 1;
        out += '\\';
        switch (c) {
        case '"':
        case '\\':
            out += static_cast<char>(c);
            break;
        case '\b':
            out += 'b';
            break;
        case '\t':
            out += 't';
            break;
        case '\n':
            out += 'n';
            break;
        case '\f':
            out += 'f';
            break;
        case '\r':
            out += 'r';
            break;
        default:
            out += "u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    out.append(s.data() + plain, s.size() - plain);
    out += '"';
}

void appendKey(std::string& out, const char* key) {
    out += '"';
    out += key;
    out += "\":";
}

} // namespace

// Written directly (a 100,000-request batch round spent a quarter of its time building and
// dumping a json tree here), byte for byte as dumpJson of the json object wrote it: the keys in
// std::map order, numbers as the library writes them.
std::string requestBody(const GenerationRequest& r) {
    std::size_t size = r.model.size() + r.prompt.size() + 256;
    for (const auto& m : r.messages)
        size += m.content.size() + m.content.size() / 8 + 32;
    std::string out;
    out.reserve(size);
    out += '{';
    if (r.maxTokens) {
        appendKey(out, "max_tokens");
        out += std::to_string(*r.maxTokens);
        out += ',';
    }
    if (r.endpoint != Endpoint::Completions) {
        appendKey(out, "messages");
        out += '[';
        for (std::size_t i = 0; i < r.messages.size(); ++i) {
            out += i ? ",{" : "{";
            appendKey(out, "content");
            appendJsonString(out, r.messages[i].content);
            out += ',';
            appendKey(out, "role");
            appendJsonString(out, roleName(r.messages[i].role));
            out += '}';
        }
        out += "],";
    }
    appendKey(out, "model");
    appendJsonString(out, r.model);
    if (r.endpoint == Endpoint::Completions) {
        out += ',';
        appendKey(out, "prompt");
        appendJsonString(out, r.prompt);
    }
    if (r.seed) {
        out += ',';
        appendKey(out, "seed");
        out += std::to_string(*r.seed);
    }
    if (!r.stop.empty()) {
        out += ',';
        appendKey(out, "stop");
        out += '[';
        for (std::size_t i = 0; i < r.stop.size(); ++i) {
            if (i)
                out += ',';
            appendJsonString(out, r.stop[i]);
        }
        out += ']';
    }
    out += r.stream ? R"(,"stream":true,"stream_options":{"include_usage":true})"
                    : R"(,"stream":false)";
    if (r.temperature) {
        out += ',';
        appendKey(out, "temperature");
        out += dumpJson(json(*r.temperature));
    }
    if (r.topP) {
        out += ',';
        appendKey(out, "top_p");
        out += dumpJson(json(*r.topP));
    }
    out += '}';
    return out;
}

std::string requestBodyOf(const GenerationRequest& r) {
    return r.body ? *r.body : requestBody(r);
}

ThinkSplitter::Start resolvedThinkStart(const GenerationRequest& request) {
    // A lone "</think>" ends reasoning the chat template opened (R1 distills, QwQ, Qwen3 without
    // a reasoning parser): held back until it comes. Models whose known template never opens
    // the tag, and unknown models, stream their content as the answer at once, so a streaming
    // check can stop them early; a lone "</think>" in it is split off when the reply is complete.
    if (request.thinkStart == ThinkSplitter::Start::Detect) {
        const ChatTemplate* known = chooseChatTemplate(builtinChatTemplates(), request.model);
        if (!known || !known->opensThink)
            return ThinkSplitter::Start::OpenTagOnly;
    }
    return request.thinkStart;
}

Result<GenerationResult> resultFromCompletionBody(std::string_view text,
                                                  ThinkSplitter::Start start) {
    auto body = decodeCompletionBody(text);
    if (!body)
        return body.error();
    ThinkSplitter think(start);
    if (!body->reasoning.empty())
        think.reasoningIsSeparate();
    GenerationResult result;
    result.reasoning = body->reasoning;
    think.feed(body->content, result.reasoning, result.answer);
    think.finish(result.reasoning, result.answer);
    if (result.reasoning.empty() && result.answer.empty() && body->finishReason.empty())
        return Error{"the response holds no text and no finish_reason"};
    result.finishReason = body->finishReason;
    result.usage = body->usage;
    result.timings = body->timings;
    result.systemFingerprint = clipUtf8(body->systemFingerprint, 200);
    if (start == ThinkSplitter::Start::OpenTagOnly && !think.sawReasoning())
        result.reasoningSplitAtEnd = splitLoneClosingTag(result.reasoning, result.answer);
    estimateReasoningTokens(result);
    return result;
}

struct OpenAiBackend::Impl {
    struct Transfer {
        RequestId id = 0;
        GenerationRequest request;
        DeltaHandler onDelta;
        DoneHandler onDone;
        std::string body;
        std::size_t maxReplyBytes = 0;
        CURL* easy = nullptr;
        curl_slist* headers = nullptr;
        int attempts = 0;
        Clock::time_point submitted, attemptStarted, lastData, retryAt;
        // Per attempt:
        long status = 0;
        std::optional<double> retryAfterSeconds;
        std::string errorBody;
        SseReader sse;
        ThinkSplitter think;
        GenerationResult result;
        bool firstDelta = false;     // text (reasoning or content) has arrived
        bool bodyCut = false;        // an error body was cut at its limit (the transfer aborted)
        bool deltaDelivered = false; // once the caller has text, a retry would repeat it
        bool gotDone = false;
        std::optional<BackendError> failure; // set by the write path to abort the transfer
    };

    explicit Impl(EndpointConfig c) : config(std::move(c)) {
        config.baseUrl = trimSlash(config.baseUrl);
        if (auto checked = checkBaseUrl(config.baseUrl); !checked)
            urlError = checked.error().message;
        globalInit();
        multi = curl_multi_init();
        curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                          static_cast<long>(std::max(1, config.maxConcurrent)));
        rng.seed(config.jitterSeed
                     ? config.jitterSeed
                     : static_cast<std::uint64_t>(Clock::now().time_since_epoch().count()));
        worker = std::thread([this] { run(); });
    }

    ~Impl() {
        {
            std::lock_guard lock(mutex);
            stopping = true;
            cancelEverything = true;
        }
        curl_multi_wakeup(multi);
        worker.join();
        curl_multi_cleanup(multi);
    }

    EndpointConfig config;
    std::string urlError; // set: every request fails with it, nothing is sent
    CURLM* multi = nullptr;
    std::thread worker;
    std::mutex mutex;
    std::deque<std::unique_ptr<Transfer>> incoming; // guarded by mutex
    std::set<RequestId> cancels;                    // guarded by mutex
    bool cancelEverything = false;                  // guarded by mutex
    bool stopping = false;                          // guarded by mutex
    std::atomic<RequestId> nextId{1};
    std::atomic<std::uint64_t> attempts{0};
    std::mt19937_64 rng;

    // Worker-thread state.
    std::list<std::unique_ptr<Transfer>> waiting; // not started, or waiting to retry
    std::list<std::unique_ptr<Transfer>> active;

    // ---- worker ---------------------------------------------------------------------------
    void run() {
        for (;;) {
            bool stop = false, all = false;
            std::set<RequestId> toCancel;
            {
                std::lock_guard lock(mutex);
                while (!incoming.empty()) {
                    waiting.push_back(std::move(incoming.front()));
                    incoming.pop_front();
                }
                toCancel.swap(cancels);
                all = cancelEverything;
                cancelEverything = false;
                stop = stopping;
            }
            if (all || !toCancel.empty())
                applyCancels(toCancel, all);
            if (stop && waiting.empty() && active.empty())
                return;
            startWaiting();
            int running = 0;
            curl_multi_perform(multi, &running);
            collectFinished();
            enforceDeadlines();
            startWaiting(); // refill freed slots now, not after the next poll
            curl_multi_poll(multi, nullptr, 0, pollTimeoutMs(), nullptr);
        }
    }

    int pollTimeoutMs() const {
        // Queued requests cannot start while every slot is busy; a slot frees with socket
        // activity, which ends the poll anyway. Counting them here would make the worker spin.
        if (static_cast<int>(active.size()) >= std::max(1, config.maxConcurrent))
            return kPollMs;
        int timeout = kPollMs;
        const auto now = Clock::now();
        for (const auto& t : waiting) {
            const auto due =
                std::chrono::duration_cast<std::chrono::milliseconds>(t->retryAt - now).count();
            timeout = std::min<int>(timeout, static_cast<int>(std::max<long long>(0, due)));
        }
        return timeout;
    }

    void applyCancels(const std::set<RequestId>& ids, bool all) {
        auto cancelled = [&](const Transfer& t) {
            return all || ids.count(t.id) > 0;
        };
        for (auto it = active.begin(); it != active.end();) {
            if (cancelled(**it)) {
                auto t = std::move(*it);
                it = active.erase(it);
                detach(*t);
                fail(*t, ErrorKind::Cancelled, {});
            } else {
                ++it;
            }
        }
        for (auto it = waiting.begin(); it != waiting.end();) {
            if (cancelled(**it)) {
                auto t = std::move(*it);
                it = waiting.erase(it);
                fail(*t, ErrorKind::Cancelled, {});
            } else {
                ++it;
            }
        }
    }

    void startWaiting() {
        const auto now = Clock::now();
        for (auto it = waiting.begin();
             it != waiting.end() &&
             static_cast<int>(active.size()) < std::max(1, config.maxConcurrent);) {
            if ((*it)->retryAt > now) {
                ++it;
                continue;
            }
            auto t = std::move(*it);
            it = waiting.erase(it);
            if (start(*t))
                active.push_back(std::move(t));
        }
    }

    bool start(Transfer& t) {
        if (t.request.model.empty()) {
            fail(t, ErrorKind::Config, "no model was given");
            return false;
        }
        if (!urlError.empty()) {
            fail(t, ErrorKind::Config, urlError);
            return false;
        }
        resetAttempt(t);
        ++t.attempts;
        ++attempts;
        t.attemptStarted = t.lastData = Clock::now();
        t.easy = curl_easy_init();
        const std::string path =
            t.request.endpoint == Endpoint::Completions ? "/completions" : "/chat/completions";
        const std::string url = config.baseUrl + path;
        curl_easy_setopt(t.easy, CURLOPT_URL, url.c_str());
        commonOptions(t.easy, config);
        t.headers = baseHeaders(config, t.request.stream);
        curl_easy_setopt(t.easy, CURLOPT_HTTPHEADER, t.headers);
        curl_easy_setopt(t.easy, CURLOPT_POSTFIELDS, t.body.c_str());
        curl_easy_setopt(t.easy, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(t.body.size()));
        curl_easy_setopt(t.easy, CURLOPT_WRITEFUNCTION, &Impl::onWrite);
        curl_easy_setopt(t.easy, CURLOPT_WRITEDATA, &t);
        curl_easy_setopt(t.easy, CURLOPT_HEADERFUNCTION, &Impl::onHeader);
        curl_easy_setopt(t.easy, CURLOPT_HEADERDATA, &t);
        curl_easy_setopt(t.easy, CURLOPT_PRIVATE, &t);
        curl_multi_add_handle(multi, t.easy);
        return true;
    }

    void resetAttempt(Transfer& t) {
        t.status = 0;
        t.retryAfterSeconds.reset();
        t.errorBody.clear();
        t.sse = SseReader();
        t.think = ThinkSplitter(t.request.thinkStart);
        t.result = GenerationResult();
        t.firstDelta = false;
        t.bodyCut = false;
        t.gotDone = false;
        t.failure.reset();
    }

    void detach(Transfer& t) {
        if (t.easy) {
            curl_multi_remove_handle(multi, t.easy);
            curl_easy_cleanup(t.easy);
            t.easy = nullptr;
        }
        if (t.headers) {
            curl_slist_free_all(t.headers);
            t.headers = nullptr;
        }
    }

    // ---- receiving ------------------------------------------------------------------------
    static std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
        auto& t = *static_cast<Transfer*>(user);
        const std::string_view line(data, size * count);
        if (line.rfind("HTTP/", 0) == 0) {
            // A new status line (e.g. after a 100 Continue): forget earlier headers.
            t.retryAfterSeconds.reset();
            const auto space = line.find(' ');
            t.status = space == std::string_view::npos
                           ? 0
                           : std::atol(std::string(line.substr(space + 1, 3)).c_str());
        } else if (line.size() > 12) {
            std::string name(line.substr(0, 12));
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return std::tolower(c); });
            if (name == "retry-after:") {
                char* end = nullptr;
                const std::string value(line.substr(12));
                const double seconds = std::strtod(value.c_str(), &end);
                if (end != value.c_str() && seconds >= 0)
                    t.retryAfterSeconds = seconds; // HTTP-date forms fall back to backoff
            } else if (name == "x-request-id") {
                std::string_view value = line.substr(13);
                while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
                    value.remove_prefix(1);
                while (!value.empty() &&
                       (value.back() == '\n' || value.back() == '\r' || value.back() == ' '))
                    value.remove_suffix(1);
                t.result.requestId = clipUtf8(value, 200);
            }
        }
        return size * count;
    }

    static std::size_t onWrite(char* data, std::size_t size, std::size_t count, void* user) {
        auto& t = *static_cast<Transfer*>(user);
        const std::size_t n = size * count;
        t.lastData = Clock::now();
        const std::size_t limit = t.maxReplyBytes;
        if (t.status >= 400) {
            // An error body: its first 64 KiB say what went wrong; the rest is not fetched.
            constexpr std::size_t kErrorBodyBytes = 64 * 1024;
            t.errorBody.append(
                data, std::min(n, kErrorBodyBytes - std::min(kErrorBodyBytes, t.errorBody.size())));
            if (t.errorBody.size() >= kErrorBodyBytes) {
                t.bodyCut = true;
                return 0;
            }
            return n;
        }
        if (!t.request.stream) {
            if (t.errorBody.size() + n > limit) {
                t.failure = tooLarge(t);
                return 0;
            }
            t.errorBody.append(data, n); // the whole non-streamed response
            return n;
        }
        t.sse.feed(std::string_view(data, n), [&t](SseEvent&& e) { onEvent(t, e); });
        if (!t.failure && t.sse.bufferedBytes() + t.think.heldBytes() + t.result.reasoning.size() +
                                  t.result.answer.size() >
                              limit)
            t.failure = tooLarge(t);
        return t.failure ? 0 : n; // 0 aborts the transfer
    }

    static BackendError tooLarge(const Transfer& t) {
        BackendError e{ErrorKind::TooLarge,
                       t.request.label,
                       static_cast<int>(t.status),
                       {},
                       "over " + std::to_string(t.maxReplyBytes / 1024) +
                           " KiB; the limit is set with --max-reply-mb"};
        return e;
    }

    static BackendError serverError(const Transfer& t, const ServerError& e) {
        BackendError err{ErrorKind::Server, t.request.label, static_cast<int>(t.status), e.message,
                         e.type};
        err.transient = errorIsTransient(e, static_cast<int>(t.status));
        return err;
    }

    static void onEvent(Transfer& t, const SseEvent& e) {
        if (t.failure || t.gotDone)
            return;
        if (e.type == "error") { // llama-server's `error:` field
            t.failure = serverError(t, decodeErrorEvent(e.data));
            return;
        }
        auto chunk = decodeStreamEvent(e.data);
        if (!chunk) {
            t.failure = BackendError{ErrorKind::Protocol,
                                     t.request.label,
                                     static_cast<int>(t.status),
                                     {},
                                     chunk.error().message};
            return;
        }
        if (chunk->done) {
            t.gotDone = true;
            return;
        }
        if (chunk->error) {
            t.failure = serverError(t, *chunk->error);
            return;
        }
        if (chunk->usage)
            t.result.usage = chunk->usage;
        if (chunk->timings)
            t.result.timings = chunk->timings;
        if (!chunk->systemFingerprint.empty())
            t.result.systemFingerprint = clipUtf8(chunk->systemFingerprint, 200);
        if (!chunk->finishReason.empty())
            t.result.finishReason = chunk->finishReason;
        if (!t.firstDelta && (!chunk->content.empty() || !chunk->reasoning.empty())) {
            t.firstDelta = true;
            t.result.firstTokenMs = msSince(t.attemptStarted);
        }
        if (!chunk->reasoning.empty())
            t.think.reasoningIsSeparate(); // a reasoning parser ran: the content is the answer
        std::string reasoning = std::move(chunk->reasoning), answer;
        t.think.feed(chunk->content, reasoning, answer);
        deliver(t, reasoning, answer);
    }

    static void deliver(Transfer& t, const std::string& reasoning, const std::string& answer) {
        if (reasoning.empty() && answer.empty())
            return;
        if (!t.firstDelta) {
            t.firstDelta = true;
            t.result.firstTokenMs = msSince(t.attemptStarted);
        }
        t.result.reasoning += reasoning;
        t.result.answer += answer;
        t.deltaDelivered = true;
        if (t.onDelta)
            t.onDelta(reasoning, answer);
    }

    // ---- finishing ------------------------------------------------------------------------
    void collectFinished() {
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            Transfer* raw = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &raw);
            const CURLcode code = msg->data.result;
            auto it = std::find_if(active.begin(), active.end(),
                                   [raw](const auto& p) { return p.get() == raw; });
            if (it == active.end())
                continue;
            auto t = std::move(*it);
            active.erase(it);
            detach(*t);
            finish(std::move(t), code);
        }
    }

    void finish(std::unique_ptr<Transfer> t, CURLcode code) {
        if (t->failure) {
            const bool retry = t->failure->transient && !t->deltaDelivered;
            if (retry && scheduleRetry(t))
                return;
            complete(*t, std::move(*t->failure));
            return;
        }
        if (code != CURLE_OK && !(t->bodyCut && t->status >= 400)) {
            const ErrorKind kind = kindForCurl(code);
            const bool retryable = (kind == ErrorKind::Connect || kind == ErrorKind::Timeout ||
                                    kind == ErrorKind::StreamCut) &&
                                   !t->deltaDelivered;
            if (retryable && scheduleRetry(t))
                return;
            fail(*t, kind, curl_easy_strerror(code));
            return;
        }
        if (t->status >= 400) {
            const ServerError e = decodeErrorBody(t->errorBody);
            // Other 4xx, and a prompt over the context length: our request is wrong.
            const bool retryable = errorIsTransient(e, static_cast<int>(t->status));
            if (retryable && scheduleRetry(t))
                return;
            BackendError err{
                ErrorKind::Http, t->request.label, static_cast<int>(t->status), e.message, {}};
            err.transient = retryable;
            err.retryAfterSeconds = t->retryAfterSeconds;
            complete(*t, std::move(err));
            return;
        }
        if (!t->request.stream) {
            auto parsed = resultFromCompletionBody(t->errorBody, t->request.thinkStart);
            t->errorBody.clear();
            t->errorBody.shrink_to_fit();
            if (!parsed) {
                fail(*t, ErrorKind::Protocol, parsed.error().message);
                return;
            }
            deliver(*t, parsed->reasoning, parsed->answer);
            t->result.finishReason = std::move(parsed->finishReason);
            t->result.usage = parsed->usage;
            t->result.timings = parsed->timings;
            t->result.systemFingerprint = std::move(parsed->systemFingerprint);
            t->result.reasoningSplitAtEnd = parsed->reasoningSplitAtEnd;
            t->result.reasoningTokensEstimated = parsed->reasoningTokensEstimated;
        } else {
            const bool unfinishedEvent = t->sse.finish();
            if (!t->gotDone && (t->result.finishReason.empty() || unfinishedEvent)) {
                // Never stored as complete: the caller gets an error with what was received.
                if (!t->deltaDelivered && scheduleRetry(t))
                    return;
                fail(*t, ErrorKind::StreamCut, "no [DONE] and no finish_reason");
                return;
            }
            std::string reasoning, answer;
            t->think.finish(reasoning, answer);
            if (t->result.finishReason.empty() && !t->firstDelta) {
                // "[DONE]" after nothing at all: a failure the server did not describe.
                fail(*t, ErrorKind::Server,
                     "the stream ended with [DONE] but held no text and no finish_reason");
                return;
            }
            deliver(*t, reasoning, answer);
            if (t->request.thinkStart == ThinkSplitter::Start::OpenTagOnly &&
                !t->think.sawReasoning())
                t->result.reasoningSplitAtEnd =
                    splitLoneClosingTag(t->result.reasoning, t->result.answer);
            estimateReasoningTokens(t->result);
        }
        t->result.endpoint = config.baseUrl;
        t->result.httpStatus = static_cast<int>(t->status);
        t->result.totalMs = msSince(t->submitted);
        t->result.attempts = t->attempts;
        if (t->onDone)
            t->onDone(GenerationOutcome(std::move(t->result)));
    }

    bool scheduleRetry(std::unique_ptr<Transfer>& t) {
        if (t->attempts >= std::max(1, config.maxAttempts))
            return false;
        double delayMs = 0;
        if (t->retryAfterSeconds) {
            delayMs = *t->retryAfterSeconds * 1000.0;
        } else {
            const double exp = double(config.backoffBaseMs) * std::pow(2.0, t->attempts - 1);
            std::uniform_real_distribution<double> jitter(
                0.5, 1.0); // spreads clients that failed together
            delayMs = std::min(double(config.backoffMaxMs), exp) * jitter(rng);
        }
        if (msSince(t->submitted) + delayMs > double(config.totalTimeoutMs))
            return false;
        t->retryAt = Clock::now() + std::chrono::milliseconds(static_cast<long long>(delayMs));
        waiting.push_back(std::move(t));
        return true;
    }

    void enforceDeadlines() {
        for (auto it = active.begin(); it != active.end();) {
            Transfer& t = **it;
            std::string why;
            if (msSince(t.submitted) > double(config.totalTimeoutMs))
                why = "total time over " + std::to_string(config.totalTimeoutMs) + " ms";
            else if (!t.firstDelta && t.status < 400 &&
                     msSince(t.attemptStarted) > double(config.firstTokenTimeoutMs))
                why = "no first token within " + std::to_string(config.firstTokenTimeoutMs) + " ms";
            else if (t.firstDelta && msSince(t.lastData) > double(config.idleTimeoutMs))
                why = "no data for " + std::to_string(config.idleTimeoutMs) + " ms";
            if (why.empty()) {
                ++it;
                continue;
            }
            auto owned = std::move(*it);
            it = active.erase(it);
            detach(*owned);
            fail(*owned, ErrorKind::Timeout, why);
        }
    }

    void fail(Transfer& t, ErrorKind kind, std::string detail) {
        BackendError e{kind,
                       t.request.label,
                       static_cast<int>(t.status >= 400 ? t.status : 0),
                       {},
                       clipUtf8(detail, 2000)};
        e.transient = kind == ErrorKind::Connect || kind == ErrorKind::Timeout ||
                      kind == ErrorKind::StreamCut;
        complete(t, std::move(e));
    }

    void complete(Transfer& t, BackendError e) {
        e.attempts = std::max(1, t.attempts);
        if (t.onDone)
            t.onDone(GenerationOutcome(std::move(e)));
    }
};

OpenAiBackend::OpenAiBackend(EndpointConfig config)
    : impl_(std::make_unique<Impl>(std::move(config))) {}

OpenAiBackend::~OpenAiBackend() = default;

const EndpointConfig& OpenAiBackend::config() const {
    return impl_->config;
}

std::uint64_t OpenAiBackend::attemptsSent() const {
    return impl_->attempts.load();
}

RequestId OpenAiBackend::submit(GenerationRequest request, DeltaHandler onDelta,
                                DoneHandler onDone) {
    auto t = std::make_unique<Impl::Transfer>();
    t->id = impl_->nextId++;
    request.thinkStart = resolvedThinkStart(request);
    t->body = requestBodyOf(request);
    t->maxReplyBytes = std::max<std::size_t>(1, impl_->config.maxReplyBytes);
    t->request = std::move(request);
    t->onDelta = std::move(onDelta);
    t->onDone = std::move(onDone);
    t->submitted = Clock::now();
    t->retryAt = t->submitted;
    const RequestId id = t->id;
    {
        std::lock_guard lock(impl_->mutex);
        impl_->incoming.push_back(std::move(t));
    }
    curl_multi_wakeup(impl_->multi);
    return id;
}

void OpenAiBackend::cancel(RequestId id) {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->cancels.insert(id);
    }
    curl_multi_wakeup(impl_->multi);
}

void OpenAiBackend::cancelAll() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->cancelEverything = true;
    }
    curl_multi_wakeup(impl_->multi);
}

namespace {
struct CappedBody {
    std::string text;
    std::size_t limit = 0;
    bool overLimit = false;
};

std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto& body = *static_cast<CappedBody*>(user);
    if (body.text.size() + size * count > body.limit) {
        body.overLimit = true;
        return 0; // aborts: a huge reply is not fetched to the end
    }
    body.text.append(data, size * count);
    return size * count;
}

// A small blocking request to `url` (an endpoint of config's server): status and body, any
// status, or the transport error.
Result<HttpReply> rawRequest(const EndpointConfig& config, const std::string& url,
                             const std::string* postBody, long timeoutMs) {
    if (auto checked = checkBaseUrl(config.baseUrl); !checked)
        return checked.error();
    globalInit();
    CURL* easy = curl_easy_init();
    CappedBody body;
    body.limit = std::max<std::size_t>(1, config.maxReplyBytes);
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    commonOptions(easy, config);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeoutMs);
    curl_slist* headers = baseHeaders(config, false);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    if (postBody) {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, postBody->c_str());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(postBody->size()));
    }
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &appendBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &body);
    const CURLcode code = curl_easy_perform(easy);
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(easy);
    if (body.overLimit)
        return Error{url + ": reply too large (over " + std::to_string(body.limit / 1024) +
                     " KiB)"};
    if (code != CURLE_OK)
        return Error{(postBody ? "POST " : "GET ") + url + ": " + curl_easy_strerror(code)};
    return HttpReply{status, std::move(body.text)};
}

// A small blocking request (models, embeddings): status and body, or the transport error.
Result<std::pair<long, std::string>>
simpleRequest(const EndpointConfig& config, const std::string& path, const std::string* postBody) {
    const std::string url = trimSlash(config.baseUrl) + path;
    auto reply = rawRequest(config, url, postBody, std::min(config.totalTimeoutMs, 60000L));
    if (!reply)
        return reply.error();
    if (reply->status >= 400)
        return Error{url + ": HTTP " + std::to_string(reply->status) + ": " +
                     decodeErrorBody(reply->body).message};
    return std::make_pair(reply->status, std::move(reply->body));
}
} // namespace

Result<HttpReply> postToServer(const EndpointConfig& config, std::string_view path,
                               const std::string& body, long timeoutMs) {
    std::string root = trimSlash(config.baseUrl);
    if (root.size() >= 3 && root.compare(root.size() - 3, 3, "/v1") == 0)
        root.resize(root.size() - 3);
    return rawRequest(config, root + std::string(path), &body,
                      std::min(config.totalTimeoutMs, timeoutMs));
}

Result<std::vector<std::string>> fetchModels(const EndpointConfig& config, long timeoutMs) {
    EndpointConfig bounded = config;
    bounded.totalTimeoutMs = std::min(config.totalTimeoutMs, timeoutMs);
    bounded.connectTimeoutMs = std::min(config.connectTimeoutMs, timeoutMs);
    auto r = simpleRequest(bounded, "/models", nullptr);
    if (!r)
        return r.error();
    auto ids = decodeModelList(r->second);
    if (!ids)
        return Error{trimSlash(config.baseUrl) + "/models: " + ids.error().message};
    return ids;
}

Result<std::vector<std::string>> OpenAiBackend::listModels() const {
    return fetchModels(impl_->config, 60000);
}

Result<std::vector<std::vector<float>>>
OpenAiBackend::embed(const std::string& model, const std::vector<std::string>& inputs) const {
    const std::string body = dumpJson(json{{"model", model}, {"input", inputs}});
    auto r = simpleRequest(impl_->config, "/embeddings", &body);
    if (!r)
        return r.error();
    json root = json::parse(r->second, nullptr, false);
    if (root.is_discarded() || !root.is_object() || !root.contains("data") ||
        !root["data"].is_array())
        return Error{impl_->config.baseUrl + "/embeddings: not an embedding list"};
    std::vector<std::vector<float>> out(inputs.size());
    for (const auto& item : root["data"]) {
        if (!item.is_object() || !item.contains("embedding") || !item["embedding"].is_array())
            continue;
        const auto idx = item.find("index");
        const std::size_t index =
            idx != item.end() && idx->is_number_unsigned() ? idx->get<std::size_t>() : 0;
        if (index >= out.size())
            continue;
        std::vector<float> v;
        for (const auto& x : item["embedding"]) {
            if (!x.is_number())
                return Error{impl_->config.baseUrl + "/embeddings: a vector holds a non-number"};
            v.push_back(x.get<float>());
        }
        out[index] = std::move(v);
    }
    for (std::size_t i = 0; i < out.size(); ++i)
        if (out[i].empty())
            return Error{impl_->config.baseUrl + "/embeddings: no vector for input " +
                         std::to_string(i)};
    return out;
}

} // namespace r2p::llm
