#include "CachingBackend.h"

#include "OpenAiBackend.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

namespace r2p::llm {

std::string usageJson(const std::optional<TokenUsage>& u) {
    if (!u)
        return {};
    nlohmann::json j{{"prompt_tokens", u->promptTokens},
                     {"completion_tokens", u->completionTokens},
                     {"reasoning_tokens", u->reasoningTokens},
                     {"total_tokens", u->totalTokens}};
    if (u->cachedPromptTokens)
        j["cached_tokens"] = *u->cachedPromptTokens;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

template <class T> T numberOr(const nlohmann::json& j, const char* key, T fallback) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<T>() : fallback;
}

std::optional<TokenUsage> usageFrom(const std::string& s) {
    const auto j = nlohmann::json::parse(s, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return std::nullopt;
    TokenUsage u;
    u.promptTokens = numberOr(j, "prompt_tokens", 0);
    u.completionTokens = numberOr(j, "completion_tokens", 0);
    u.reasoningTokens = numberOr(j, "reasoning_tokens", 0);
    u.totalTokens = numberOr(j, "total_tokens", 0);
    if (j.contains("cached_tokens"))
        u.cachedPromptTokens = numberOr(j, "cached_tokens", 0);
    return u;
}
} // namespace

// A cached answer being delivered, or a miss being reported, by the dispatcher thread.
struct CachingBackend::Replay {
    RequestId id = 0;
    CachedResponse response;
    std::optional<BackendError> error; // set: report this instead of replaying
    DeltaHandler onDelta;
    DoneHandler onDone;
    std::string label;
    Clock::time_point start;
    std::size_t next = 0;   // the next delta to deliver
    bool cancelled = false; // guarded by CachingBackend::mutex_
};

CachingBackend::CachingBackend(std::shared_ptr<Backend> inner, ResponseCache cache,
                               std::string cacheName, CacheMode mode, double speed)
    : inner_(std::move(inner)), cache_(cache), cacheName_(std::move(cacheName)), mode_(mode),
      speed_(speed) {}

CachingBackend::~CachingBackend() {
    cancelAll();
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        wake_.notify_all();
    }
    if (dispatcher_.joinable())
        dispatcher_.join();
}

void CachingBackend::setEndpoint(std::string endpoint, bool shared) {
    endpoint_ = std::move(endpoint);
    shared_ = shared;
}

std::string CachingBackend::name() const {
    return mode_ == CacheMode::ReplayOnly ? "replay" : cacheName_;
}

// Puts a replay on the queue, due now (caller holds mutex_); starts the dispatcher once.
void CachingBackend::enqueue(std::shared_ptr<Replay> r) {
    r->start = Clock::now();
    active_.emplace(r->id, r);
    queue_.emplace(dueOf(*r), r);
    if (!dispatcher_.joinable())
        dispatcher_ = std::thread([this] { dispatch(); });
    wake_.notify_all();
}

// When the replay's next delta is due (now when replaying at once, or for an outcome).
CachingBackend::Clock::time_point CachingBackend::dueOf(const Replay& r) const {
    if (speed_ <= 0 || r.cancelled || r.error || r.next >= r.response.deltas.size())
        return Clock::now();
    return r.start + std::chrono::microseconds(
                         static_cast<long long>(r.response.deltas[r.next].atMs * 1000.0 / speed_));
}

// One thread delivers every replay: the next due delta of whichever replay is due first, so
// thousands of cached answers cost no thread each, and timed replays interleave correctly.
void CachingBackend::dispatch() {
    std::unique_lock lock(mutex_);
    for (;;) {
        if (queue_.empty()) {
            if (stopping_)
                return;
            wake_.wait(lock);
            continue;
        }
        auto first = queue_.begin();
        if (first->first > Clock::now()) {
            wake_.wait_until(lock, first->first);
            continue;
        }
        std::shared_ptr<Replay> r = first->second;
        queue_.erase(first);
        const bool cancelled = r->cancelled;
        const bool more = !cancelled && !r->error && r->next < r->response.deltas.size();
        if (more) {
            const TimedDelta& d = r->response.deltas[r->next++];
            lock.unlock();
            if (r->onDelta)
                r->onDelta(d.reasoning, d.answer);
            lock.lock();
            queue_.emplace(dueOf(*r), r); // the next delta, or the outcome
            continue;
        }
        active_.erase(r->id);
        lock.unlock();
        finish(*r, cancelled);
        lock.lock();
    }
}

// Nothing can cancel it before submit() returns: delivered as the dispatcher would.
void CachingBackend::replayNow(Replay& r) {
    for (const TimedDelta& d : r.response.deltas)
        if (r.onDelta)
            r.onDelta(d.reasoning, d.answer);
    finish(r, false);
}

void CachingBackend::finish(Replay& r, bool cancelled) {
    if (!r.onDone)
        return;
    if (r.error) {
        r.onDone(GenerationOutcome(std::move(*r.error)));
        return;
    }
    if (cancelled) {
        r.onDone(GenerationOutcome(BackendError{ErrorKind::Cancelled, r.label, 0, {}, {}}));
        return;
    }
    GenerationResult result;
    result.reasoning = r.response.reasoning;
    result.answer = r.response.answer;
    result.finishReason = r.response.finishReason;
    result.usage = usageFrom(r.response.usage);
    result.firstTokenMs = r.response.firstTokenMs;
    result.totalMs = r.response.totalMs;
    result.httpStatus = 200;
    result.endpoint =
        r.response.endpoint.empty() ? "(unknown: stored before schema 5)" : r.response.endpoint;
    result.fromCache = true;
    r.onDone(GenerationOutcome(std::move(result)));
}

void CachingBackend::replayHit(RequestId id, CachedResponse response, const std::string& label,
                               DeltaHandler onDelta, DoneHandler onDone) {
    auto r = std::make_shared<Replay>();
    r->id = id;
    r->response = std::move(response);
    r->onDelta = std::move(onDelta);
    r->onDone = std::move(onDone);
    r->label = label;
    if (speed_ <= 0 && r->response.deltas.size() > 1) {
        // Delivered at once: one delta with everything, in the order it streamed.
        TimedDelta all;
        all.reasoning = r->response.reasoning;
        all.answer = r->response.answer;
        r->response.deltas.assign(1, std::move(all));
    }
    if (inline_ && speed_ <= 0) {
        replayNow(*r);
        return;
    }
    std::lock_guard lock(mutex_);
    enqueue(std::move(r));
}

RequestId CachingBackend::submit(GenerationRequest request, DeltaHandler onDelta,
                                 DoneHandler onDone) {
    const RequestId id = nextId_++;
    // Serialised once: the keys hash it, a stored answer keeps it, the inner backend sends it.
    if (!request.body)
        request.body = std::make_shared<const std::string>(requestBody(request));
    const std::shared_ptr<const std::string> body = request.body;
    const std::string& canonical = *body;
    const std::string sharedKey = ResponseCache::key(cacheName_, request.model, canonical);
    // The endpoint's own key (another hash of the body) only when it is looked up or stored
    // under: a shared hit, most of a replayed run, does not need it.
    auto endpointKey = [&] {
        return endpoint_.empty()
                   ? sharedKey
                   : ResponseCache::endpointKey(cacheName_, endpoint_, request.model, canonical);
    };
    // A hit is replayed: its request (the key stands for it) is not read.
    constexpr auto what = ResponseCache::Read::WithoutRequest;
    std::string key;
    Result<std::optional<CachedResponse>> hit = std::optional<CachedResponse>{};
    if (shared_ || endpoint_.empty()) {
        hit = cache_.getShared(sharedKey, what);
    } else {
        key = endpointKey();
        hit = cache_.get(key, what);
    }
    if (hit && hit->has_value()) {
        ++hits_;
        replayHit(id, std::move(**hit), request.label, std::move(onDelta), std::move(onDone));
        return id;
    }
    ++misses_;
    if (key.empty())
        key = endpointKey();
    if (mode_ == CacheMode::ReplayOnly || !inner_) {
        BackendError e{ErrorKind::Config,
                       request.label,
                       0,
                       {},
                       hit ? "not in the response cache (replay never calls a model)"
                           : hit.error().message};
        auto r = std::make_shared<Replay>();
        r->id = id;
        r->error = std::move(e);
        r->onDone = std::move(onDone);
        r->label = request.label;
        std::lock_guard lock(mutex_);
        enqueue(std::move(r));
        return id;
    }
    // Forward, recording the deltas with their times, and store only complete answers.
    struct Recording {
        Clock::time_point start = Clock::now();
        std::vector<TimedDelta> deltas;
        std::mutex mutex;
    };
    auto rec = std::make_shared<Recording>();
    const std::string model = request.model;
    DeltaHandler tap = [rec, onDelta](std::string_view reasoning, std::string_view answer) {
        {
            std::lock_guard lock(rec->mutex);
            rec->deltas.push_back(
                {std::chrono::duration<double, std::milli>(Clock::now() - rec->start).count(),
                 std::string(reasoning), std::string(answer)});
        }
        if (onDelta)
            onDelta(reasoning, answer);
    };
    DoneHandler store = [this, rec, key, sharedKey, model, body, onDone,
                         id](GenerationOutcome&& outcome) {
        // Only a complete answer is stored: an error (in the stream or not) never is.
        if (const auto* result = std::get_if<GenerationResult>(&outcome)) {
            CachedResponse c;
            c.backend = cacheName_;
            // Where it really came from (one replica of a pool stores for all of them).
            c.endpoint = result->endpoint.empty() ? endpoint_ : normalizeBaseUrl(result->endpoint);
            c.model = model;
            c.request = *body;
            c.reasoning = result->reasoning;
            c.answer = result->answer;
            c.finishReason = result->finishReason;
            c.usage = usageJson(result->usage);
            c.firstTokenMs = result->firstTokenMs;
            c.totalMs = result->totalMs;
            {
                std::lock_guard lock(rec->mutex);
                c.deltas = rec->deltas;
            }
            (void)cache_.put(key, c, sharedKey); // a full disk must not lose the answer itself
        }
        {
            std::lock_guard lock(mutex_);
            forwarded_.erase(std::remove_if(forwarded_.begin(), forwarded_.end(),
                                            [id](const auto& p) { return p.first == id; }),
                             forwarded_.end());
        }
        if (onDone)
            onDone(std::move(outcome));
    };
    if (inline_) {
        // The inner backend may answer before submit() returns (store then takes mutex_), and
        // ignores cancel(): nothing to forward.
        (void)inner_->submit(std::move(request), std::move(tap), std::move(store));
        return id;
    }
    std::lock_guard lock(mutex_);
    const RequestId innerId = inner_->submit(std::move(request), std::move(tap), std::move(store));
    forwarded_.emplace_back(id, innerId);
    return id;
}

// Marks replays cancelled and makes them due now, so their outcome goes out at once.
void CachingBackend::cancelReplays(const std::function<bool(const Replay&)>& which) {
    for (auto& [id, r] : active_)
        if (which(*r))
            r->cancelled = true;
    for (auto it = queue_.begin(); it != queue_.end();) {
        if (it->second->cancelled && it->first > Clock::now()) {
            auto r = it->second;
            it = queue_.erase(it);
            queue_.emplace(Clock::now(), std::move(r));
        } else {
            ++it;
        }
    }
    wake_.notify_all();
}

void CachingBackend::cancel(RequestId id) {
    std::lock_guard lock(mutex_);
    cancelReplays([id](const Replay& r) { return r.id == id; });
    for (const auto& [ours, theirs] : forwarded_)
        if (ours == id && inner_)
            inner_->cancel(theirs);
}

void CachingBackend::cancelAll() {
    std::lock_guard lock(mutex_);
    cancelReplays([](const Replay&) { return true; });
    if (inner_ && !forwarded_.empty())
        inner_->cancelAll();
}

} // namespace r2p::llm
