// Answers from the project's response cache when it can. In ReadWrite mode a miss goes to the
// wrapped backend and a complete answer is stored; in Replay mode (the `replay` backend) a miss
// is an error, never a silent call. Replays can follow the recorded timing for demos.
#pragma once

#include "Backend.h"
#include "model/ResponseCache.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace r2p::llm {

// Token usage as the response cache keeps it (a JSON object; "" without usage).
std::string usageJson(const std::optional<TokenUsage>& usage);

enum class CacheMode {
    Invalid = 0,
    ReadWrite,
    ReplayOnly,
};

class CachingBackend : public Backend {
public:
    // `inner` may be null in ReplayOnly mode. `cacheName` is the backend name the keys use (the
    // inner backend's, so a replay finds what an openai run stored). `speed` scales recorded
    // timing on replay: 0 delivers at once, 1 as recorded, 2 twice as fast.
    CachingBackend(std::shared_ptr<Backend> inner, ResponseCache cache, std::string cacheName,
                   CacheMode mode, double speed = 0);
    ~CachingBackend() override;

    std::string name() const override;
    RequestId submit(GenerationRequest request, DeltaHandler onDelta, DoneHandler onDone) override;
    void cancel(RequestId id) override;
    void cancelAll() override;

    // The endpoint (normalized base URL) answers are stored for and looked up by. Endpoint
    // scope (the default): only that endpoint's answers count; shared: any endpoint's answer to
    // the same model, request and sampling does (the user reuses answers on purpose). Without
    // an endpoint (a replay of a run made elsewhere) answers are found from any endpoint. The
    // result always names the endpoint the answer came from. Call before the first submit().
    void setEndpoint(std::string endpoint, bool shared);

    // Instant replays (speed 0) and the inner backend's answers delivered on the submitting
    // thread, before submit() returns, instead of by the dispatcher: for callers that wait for
    // each answer anyway (a batch round advancing 100,000 users paid a thread hand-off per
    // request). The inner backend must then ignore cancel(). Call before the first submit().
    void setDeliverInline(bool deliverInline) { inline_ = deliverInline; }

    std::uint64_t hits() const { return hits_; }
    std::uint64_t misses() const { return misses_; }

private:
    struct Replay;
    using Clock = std::chrono::steady_clock;
    void enqueue(std::shared_ptr<Replay> r);
    Clock::time_point dueOf(const Replay& r) const;
    void cancelReplays(const std::function<bool(const Replay&)>& which);
    void dispatch();
    void finish(Replay& r, bool cancelled);
    void replayNow(Replay& r); // an instant replay, on the caller's thread
    // A cache hit's replay: at once on the caller's thread when inline and instant, else queued.
    void replayHit(RequestId id, CachedResponse response, const std::string& label,
                   DeltaHandler onDelta, DoneHandler onDone);

    std::shared_ptr<Backend> inner_;
    ResponseCache cache_;
    std::string cacheName_;
    std::string endpoint_;
    bool shared_ = false;
    bool inline_ = false;
    CacheMode mode_;
    double speed_;
    std::atomic<std::uint64_t> hits_{0}, misses_{0};
    std::atomic<RequestId> nextId_{1};
    std::mutex mutex_;
    std::condition_variable wake_;
    // Replays by when their next delta (or outcome) is due; guarded by mutex_.
    std::multimap<Clock::time_point, std::shared_ptr<Replay>> queue_;
    std::map<RequestId, std::shared_ptr<Replay>> active_;    // not finished yet; guarded by mutex_
    bool stopping_ = false;                                  // guarded by mutex_
    std::thread dispatcher_;                                 // started with the first replay
    std::vector<std::pair<RequestId, RequestId>> forwarded_; // ours -> inner's, guarded by mutex_
};

} // namespace r2p::llm
