#include "CachingBackend.h"

#include "OpenAiBackend.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <nlohmann/json.hpp>

namespace r2p::llm {

namespace {
using Clock = std::chrono::steady_clock;

std::string usageJson(const std::optional<TokenUsage>& u) {
    if (!u)
        return {};
    return nlohmann::json{{"prompt_tokens", u->promptTokens},
                          {"completion_tokens", u->completionTokens},
                          {"reasoning_tokens", u->reasoningTokens},
                          {"total_tokens", u->totalTokens}}
        .dump();
}

std::optional<TokenUsage> usageFrom(const std::string& s) {
    const auto j = nlohmann::json::parse(s, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return std::nullopt;
    TokenUsage u;
    u.promptTokens = j.value("prompt_tokens", 0);
    u.completionTokens = j.value("completion_tokens", 0);
    u.reasoningTokens = j.value("reasoning_tokens", 0);
    u.totalTokens = j.value("total_tokens", 0);
    return u;
}
} // namespace

struct CachingBackend::Replay {
    RequestId id = 0;
    CachedResponse response;
    DeltaHandler onDelta;
    DoneHandler onDone;
    std::string label;
    std::mutex mutex;
    std::condition_variable wake;
    bool cancelled = false;
};

CachingBackend::CachingBackend(std::shared_ptr<Backend> inner, ResponseCache cache,
                               std::string cacheName, CacheMode mode, double speed)
    : inner_(std::move(inner)), cache_(cache), cacheName_(std::move(cacheName)), mode_(mode),
      speed_(speed) {}

CachingBackend::~CachingBackend() {
    cancelAll();
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(mutex_);
        threads.swap(threads_);
    }
    for (auto& t : threads)
        t.join();
}

std::string CachingBackend::name() const {
    return mode_ == CacheMode::ReplayOnly ? "replay" : cacheName_;
}

RequestId CachingBackend::submit(GenerationRequest request, DeltaHandler onDelta,
                                 DoneHandler onDone) {
    const RequestId id = nextId_++;
    const std::string canonical = requestBody(request);
    const std::string key = ResponseCache::key(cacheName_, request.model, canonical);
    auto hit = cache_.get(key);
    if (hit && hit->has_value()) {
        ++hits_;
        auto r = std::make_shared<Replay>();
        r->id = id;
        r->response = std::move(**hit);
        r->onDelta = std::move(onDelta);
        r->onDone = std::move(onDone);
        r->label = request.label;
        std::lock_guard lock(mutex_);
        replays_.push_back(r);
        threads_.emplace_back([this, r] { replay(r); });
        return id;
    }
    ++misses_;
    if (mode_ == CacheMode::ReplayOnly || !inner_) {
        BackendError e{ErrorKind::Config,
                       request.label,
                       0,
                       {},
                       hit ? "not in the response cache (replay never calls a model)"
                           : hit.error().message};
        std::lock_guard lock(mutex_);
        threads_.emplace_back([e = std::move(e), onDone = std::move(onDone)]() mutable {
            if (onDone)
                onDone(GenerationOutcome(std::move(e)));
        });
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
    DoneHandler store = [this, rec, key, model, canonical, onDone,
                         id](GenerationOutcome&& outcome) {
        if (const auto* result = std::get_if<GenerationResult>(&outcome)) {
            CachedResponse c;
            c.backend = cacheName_;
            c.model = model;
            c.request = canonical;
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
            (void)cache_.put(key, c); // a full disk must not lose the answer itself
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
    std::lock_guard lock(mutex_);
    const RequestId innerId = inner_->submit(std::move(request), std::move(tap), std::move(store));
    forwarded_.emplace_back(id, innerId);
    return id;
}

void CachingBackend::replay(std::shared_ptr<Replay> r) {
    const auto start = Clock::now();
    for (const auto& d : r->response.deltas) {
        if (speed_ > 0) {
            const auto due =
                start + std::chrono::microseconds(static_cast<long long>(d.atMs * 1000.0 / speed_));
            std::unique_lock lock(r->mutex);
            if (r->wake.wait_until(lock, due, [&] { return r->cancelled; }))
                break;
        }
        {
            std::lock_guard lock(r->mutex);
            if (r->cancelled)
                break;
        }
        if (r->onDelta)
            r->onDelta(d.reasoning, d.answer);
    }
    bool cancelled = false;
    {
        std::lock_guard lock(r->mutex);
        cancelled = r->cancelled;
    }
    {
        std::lock_guard lock(mutex_);
        replays_.erase(std::remove(replays_.begin(), replays_.end(), r), replays_.end());
    }
    if (!r->onDone)
        return;
    if (cancelled) {
        r->onDone(GenerationOutcome(BackendError{ErrorKind::Cancelled, r->label, 0, {}, {}}));
        return;
    }
    GenerationResult result;
    result.reasoning = r->response.reasoning;
    result.answer = r->response.answer;
    result.finishReason = r->response.finishReason;
    result.usage = usageFrom(r->response.usage);
    result.firstTokenMs = r->response.firstTokenMs;
    result.totalMs = r->response.totalMs;
    result.httpStatus = 200;
    r->onDone(GenerationOutcome(std::move(result)));
}

void CachingBackend::cancel(RequestId id) {
    std::lock_guard lock(mutex_);
    for (auto& r : replays_) {
        if (r->id == id) {
            std::lock_guard inner(r->mutex);
            r->cancelled = true;
            r->wake.notify_all();
        }
    }
    for (const auto& [ours, theirs] : forwarded_)
        if (ours == id && inner_)
            inner_->cancel(theirs);
}

void CachingBackend::cancelAll() {
    std::lock_guard lock(mutex_);
    for (auto& r : replays_) {
        std::lock_guard inner(r->mutex);
        r->cancelled = true;
        r->wake.notify_all();
    }
    if (inner_ && !forwarded_.empty())
        inner_->cancelAll();
}

} // namespace r2p::llm
