#include "WorkerPool.h"

#include <exception>

namespace r2p::util {

WorkerPool::WorkerPool(std::size_t workers) {
    const std::size_t n = workers == 0 ? 1 : workers;
    threads_.reserve(n);
    try {
        for (std::size_t w = 0; w < n; ++w)
            threads_.emplace_back([this, w] { work(w); });
    } catch (...) {
        // A thread that could not start: stop and join the ones that did before giving up.
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        for (auto& t : threads_)
            t.join();
        throw;
    }
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_)
        t.join();
}

void WorkerPool::cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
}

bool WorkerPool::cancelled() const {
    std::lock_guard lock(mutex_);
    return cancelled_;
}

WorkerPoolReport WorkerPool::run(std::size_t jobs, const Job& job) {
    std::unique_lock lock(mutex_);
    report_ = {};
    if (jobs > 0 && !cancelled_) {
        job_ = &job;
        jobs_ = jobs;
        next_ = 0;
        busy_ = threads_.size();
        ++generation_;
        wake_.notify_all();
        idle_.wait(lock, [this] { return busy_ == 0; });
        job_ = nullptr;
    }
    report_.cancelled = cancelled_;
    return report_;
}

std::optional<std::size_t> WorkerPool::takeLocked() {
    if (cancelled_ || next_ >= jobs_)
        return std::nullopt;
    ++report_.started;
    return next_++;
}

void WorkerPool::work(std::size_t worker) {
    std::size_t seen = 0;
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
        if (stopping_)
            return;
        seen = generation_;
        const Job& job = *job_;
        while (const auto index = takeLocked()) {
            lock.unlock();
            std::optional<std::string> failure;
            try {
                job(*index, worker);
            } catch (const std::exception& e) {
                failure = e.what();
            } catch (...) {
                failure = "unknown exception";
            }
            lock.lock();
            if (!failure) {
                ++report_.finished;
            } else {
                cancelled_ = true; // a throwing job means something is badly wrong: stop
                if (!report_.failedJob) {
                    report_.failedJob = *index;
                    report_.failure = std::move(*failure);
                }
            }
        }
        if (--busy_ == 0)
            idle_.notify_all();
    }
}

} // namespace r2p::util
