// The offline backend's threads: a small worker pool that streams what the reasoner wrote,
// honouring stop sequences, max tokens, a streaming pace and cancellation like a server would.
#include "OfflineBackend.h"

#include "OfflineReasoner.h"
#include "Rpi.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace r2p::engine {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxWorkers = 4;

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// The byte offset after `maxCodePoints` code points of `s` (s.size() if it has fewer).
std::size_t codePointPrefix(std::string_view s, std::size_t maxCodePoints) {
    std::size_t pos = 0;
    for (std::size_t n = 0; n < maxCodePoints && pos < s.size(); ++n)
        text::decodeUtf8(s, pos);
    return pos;
}

// Word-sized pieces: each word with the whitespace before it.
std::vector<std::string> chunks(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
            ++i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
            ++i;
        out.push_back(s.substr(start, i - start));
        start = i;
    }
    return out;
}

int promptTokens(const llm::GenerationRequest& r) {
    if (r.endpoint == llm::Endpoint::Completions)
        return approxTokens(r.prompt);
    int n = 0;
    for (const auto& m : r.messages)
        n += approxTokens(m.content);
    return n;
}

} // namespace

struct OfflineBackend::Impl {
    struct Job {
        llm::RequestId id = 0;
        llm::GenerationRequest request;
        llm::DeltaHandler onDelta;
        llm::DoneHandler onDone;
        Clock::time_point submitted;
        bool cancelled = false; // guarded by Impl::mutex
    };
    using JobPtr = std::shared_ptr<Job>;

    explicit Impl(OfflineOptions o) : options(o) {}

    ~Impl() {
        std::vector<std::thread> all;
        {
            std::lock_guard lock(mutex);
            stopping = true;
            cancelLocked(nullptr);
            all.swap(workers);
        }
        wake.notify_all();
        for (auto& t : all)
            t.join();
    }

    OfflineOptions options;
    std::mutex mutex;
    std::condition_variable wake;        // new work, a cancel, or shutdown
    std::deque<JobPtr> queue;            // waiting for a worker
    std::vector<JobPtr> cancelledQueued; // cancelled before a worker took them: report at once
    std::map<llm::RequestId, JobPtr> running;
    std::vector<std::thread> workers;
    std::size_t idle = 0;
    bool stopping = false;
    std::atomic<llm::RequestId> nextId{1};

    // `only` null: everything.
    void cancelLocked(const llm::RequestId* only) {
        for (auto it = queue.begin(); it != queue.end();) {
            if (!only || (*it)->id == *only) {
                (*it)->cancelled = true;
                cancelledQueued.push_back(*it);
                it = queue.erase(it);
            } else {
                ++it;
            }
        }
        for (auto& [id, job] : running)
            if (!only || id == *only)
                job->cancelled = true;
    }

    static void finishCancelled(Job& job) {
        llm::BackendError e;
        e.kind = llm::ErrorKind::Cancelled;
        e.request = job.request.label;
        if (job.onDone)
            job.onDone(std::move(e));
    }

    // Reports the queued jobs cancelled so far; called with `lock` held, returns with it held.
    void reportCancelledQueued(std::unique_lock<std::mutex>& lock) {
        while (!cancelledQueued.empty()) {
            std::vector<JobPtr> jobs;
            jobs.swap(cancelledQueued);
            lock.unlock();
            for (auto& j : jobs)
                finishCancelled(*j);
            lock.lock();
        }
    }

    void workerLoop() {
        std::unique_lock lock(mutex);
        for (;;) {
            reportCancelledQueued(lock);
            if (!queue.empty()) {
                JobPtr job = queue.front();
                queue.pop_front();
                running[job->id] = job;
                lock.unlock();
                run(*job);
                lock.lock();
                running.erase(job->id);
                continue;
            }
            if (stopping)
                return;
            ++idle;
            wake.wait(lock);
            --idle;
        }
    }

    // Waits until `until` unless the job is cancelled first; true if it was.
    bool sleepUntil(Job& job, Clock::time_point until) {
        std::unique_lock lock(mutex);
        for (;;) {
            reportCancelledQueued(lock);
            if (job.cancelled)
                return true;
            if (Clock::now() >= until)
                return false;
            wake.wait_until(lock, until);
        }
    }

    bool isCancelled(Job& job) {
        std::unique_lock lock(mutex);
        reportCancelledQueued(lock);
        return job.cancelled;
    }

    void run(Job& job) {
        if (isCancelled(job)) {
            finishCancelled(job);
            return;
        }
        OfflineAnswer text = offlineAnswer(job.request, options);

        // A server's cuts: the first stop string ends the output (reasoning, then answer, as one
        // stream); max tokens (approxTokens' four code points each) cut what is left.
        llm::GenerationResult result;
        result.finishReason = "stop";
        {
            const std::string all = text.reasoning + text.answer;
            std::size_t cut = std::string::npos;
            for (const auto& s : job.request.stop)
                if (!s.empty())
                    cut = std::min(cut, all.find(s));
            if (job.request.maxTokens) {
                const std::size_t limit =
                    static_cast<std::size_t>(std::max(0, *job.request.maxTokens));
                const std::size_t stopAt = cut == std::string::npos ? all.size() : cut;
                const std::size_t lengthAt =
                    codePointPrefix(all, limit * 4); // approxTokens(prefix) <= limit
                if (lengthAt < stopAt) {
                    cut = lengthAt;
                    result.finishReason = "length";
                }
            }
            if (cut != std::string::npos) {
                if (cut <= text.reasoning.size()) {
                    text.reasoning.resize(cut);
                    text.answer.clear();
                } else {
                    text.answer.resize(cut - text.reasoning.size());
                }
            }
        }

        bool first = true;
        auto deliver = [&](std::string_view reasoning, std::string_view answer) {
            if (first) {
                first = false;
                result.firstTokenMs = msSince(job.submitted);
            }
            if (job.onDelta)
                job.onDelta(reasoning, answer);
        };
        bool cancelled = false;
        if (options.tokensPerSecond <= 0) {
            if (!text.reasoning.empty() || !text.answer.empty())
                deliver(text.reasoning, text.answer);
        } else {
            auto next = Clock::now();
            auto stream = [&](const std::string& part, bool isAnswer) {
                for (const auto& piece : chunks(part)) {
                    if (sleepUntil(job, next))
                        return false;
                    deliver(isAnswer ? std::string_view() : std::string_view(piece),
                            isAnswer ? std::string_view(piece) : std::string_view());
                    const double seconds = static_cast<double>(std::max(1, approxTokens(piece))) /
                                           options.tokensPerSecond;
                    next += std::chrono::duration_cast<Clock::duration>(
                        std::chrono::duration<double>(seconds));
                }
                return true;
            };
            cancelled = !stream(text.reasoning, false) || !stream(text.answer, true);
        }
        if (cancelled || isCancelled(job)) {
            finishCancelled(job);
            return;
        }
        const int reasoningTokens = approxTokens(text.reasoning);
        llm::TokenUsage usage;
        usage.promptTokens = promptTokens(job.request);
        usage.completionTokens = reasoningTokens + approxTokens(text.answer);
        usage.reasoningTokens = reasoningTokens;
        usage.totalTokens = usage.promptTokens + usage.completionTokens;
        result.usage = usage;
        result.reasoning = std::move(text.reasoning);
        result.answer = std::move(text.answer);
        result.totalMs = msSince(job.submitted);
        if (first)
            result.firstTokenMs = result.totalMs;
        if (job.onDone)
            job.onDone(std::move(result));
    }
};

OfflineBackend::OfflineBackend(OfflineOptions options) : impl_(std::make_unique<Impl>(options)) {}

OfflineBackend::~OfflineBackend() = default;

llm::RequestId OfflineBackend::submit(llm::GenerationRequest request, llm::DeltaHandler onDelta,
                                      llm::DoneHandler onDone) {
    auto job = std::make_shared<Impl::Job>();
    job->id = impl_->nextId++;
    job->request = std::move(request);
    job->onDelta = std::move(onDelta);
    job->onDone = std::move(onDone);
    job->submitted = Clock::now();
    const llm::RequestId id = job->id;
    {
        std::lock_guard lock(impl_->mutex);
        if (impl_->stopping) {
            // Submitted from a callback while the backend shuts down: the worker that runs the
            // callback reports it as cancelled when it returns to its loop.
            job->cancelled = true;
            impl_->cancelledQueued.push_back(std::move(job));
            return id;
        }
        impl_->queue.push_back(std::move(job));
        // Workers start lazily: one more when every existing one is busy.
        if (impl_->idle < impl_->queue.size() && impl_->workers.size() < kMaxWorkers)
            impl_->workers.emplace_back([impl = impl_.get()] { impl->workerLoop(); });
    }
    impl_->wake.notify_all();
    return id;
}

void OfflineBackend::cancel(llm::RequestId id) {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->cancelLocked(&id);
    }
    impl_->wake.notify_all();
}

void OfflineBackend::cancelAll() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->cancelLocked(nullptr);
    }
    impl_->wake.notify_all();
}

} // namespace r2p::engine
