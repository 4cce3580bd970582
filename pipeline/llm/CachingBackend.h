// Answers from the project's response cache when it can. In ReadWrite mode a miss goes to the
// wrapped backend and a complete answer is stored; in Replay mode (the `replay` backend) a miss
// is an error, never a silent call. Replays can follow the recorded timing for demos.
#pragma once

#include "Backend.h"
#include "model/ResponseCache.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace r2p::llm {

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

    std::uint64_t hits() const { return hits_; }
    std::uint64_t misses() const { return misses_; }

private:
    struct Replay;
    void replay(std::shared_ptr<Replay> r);

    std::shared_ptr<Backend> inner_;
    ResponseCache cache_;
    std::string cacheName_;
    CacheMode mode_;
    double speed_;
    std::atomic<std::uint64_t> hits_{0}, misses_{0};
    std::atomic<RequestId> nextId_{1};
    std::mutex mutex_;
    std::vector<std::shared_ptr<Replay>> replays_;           // guarded by mutex_
    std::vector<std::pair<RequestId, RequestId>> forwarded_; // ours -> inner's, guarded by mutex_
    std::vector<std::thread> threads_;                       // guarded by mutex_
};

} // namespace r2p::llm
