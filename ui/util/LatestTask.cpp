#include "LatestTask.h"

#include <QThread>
#include <QThreadPool>
#include <algorithm>
#include <cerrno>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace r2p::ui {

namespace {
// Blocking I/O (record reads, LLM calls) more than CPU: a few more threads than cores.
QThreadPool* makePool(int minimum, const char* name) {
    auto* p = new QThreadPool;
    p->setObjectName(QString::fromLatin1(name));
    p->setMaxThreadCount(std::max(minimum, QThread::idealThreadCount()));
    return p;
}

// The calling thread's nice value raised to kBackgroundNice once (Linux schedules threads one by
// one, so only this pool thread yields); elsewhere nothing.
constexpr int kBackgroundNice = 10;

void lowerThisThreadsPriority() {
#ifdef __linux__
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int now = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0 && now < kBackgroundNice)
        (void)::setpriority(PRIO_PROCESS, tid, kBackgroundNice);
#endif
}
} // namespace

QThreadPool* LatestTask::pool(Pool which) {
    // Never deleted: pools outlive every LatestTask, whose destructors wait for their own jobs.
    static QThreadPool* const shortPool = makePool(4, "r2p-short");
    static QThreadPool* const longPool = makePool(2, "r2p-long");
    static QThreadPool* const backgroundPool = makePool(2, "r2p-background");
    switch (which) {
    case Pool::Long:
        return longPool;
    case Pool::Background:
        return backgroundPool;
    case Pool::Short:
        break;
    }
    return shortPool;
}

LatestTask::LatestTask(QObject* parent) : QObject(parent) {}

LatestTask::~LatestTask() {
    cancelAll();
    waitForDone();
}

std::shared_ptr<LatestTask::Job> LatestTask::begin(const QString& tag, Pool which,
                                                   std::function<void()> onCancel) {
    auto job = std::make_shared<Job>();
    job->tag = tag;
    job->pool = which;
    job->onCancel = std::move(onCancel);
    Tag& t = tags_[tag];
    if (t.newest)
        drop(t.newest); // superseded: stop it early, never deliver it
    t.newest = job;
    t.waiting = job; // replaces a job that never got to run
    return job;
}

void LatestTask::launchIfIdle(const QString& tag) {
    Tag& t = tags_[tag];
    if (t.running || !t.waiting)
        return;
    t.running = std::exchange(t.waiting, nullptr);
    {
        std::lock_guard lock(shared_->mutex);
        ++shared_->active;
    }
    pool(t.running->pool)->start([shared = shared_, job = t.running]() mutable {
        if (job->pool == Pool::Background)
            lowerThisThreadsPriority();
        job->body();
        job->body = nullptr; // what the work captured goes before the owner may go
        job.reset();
        std::lock_guard lock(shared->mutex);
        if (--shared->active == 0)
            shared->idle.notify_all();
    });
}

bool LatestTask::ended(const QString& tag, const Job* job) {
    auto it = tags_.find(tag);
    if (it == tags_.end())
        return false;
    Tag& t = it->second;
    if (t.running.get() == job)
        t.running.reset();
    const bool newest = t.newest.get() == job;
    if (newest)
        t.newest.reset();
    launchIfIdle(tag);
    return newest;
}

void LatestTask::drop(const std::shared_ptr<Job>& job) {
    job->dropped = true;
    job->cancel = true;
    if (auto hook = std::exchange(job->onCancel, nullptr))
        hook();
}

void LatestTask::cancel(const QString& tag) {
    auto it = tags_.find(tag);
    if (it == tags_.end() || !it->second.newest)
        return;
    drop(std::exchange(it->second.newest, nullptr));
    it->second.waiting.reset();
    emit settled(tag);
}

void LatestTask::interrupt(const QString& tag) {
    auto it = tags_.find(tag);
    if (it == tags_.end() || !it->second.newest)
        return;
    it->second.newest->cancel = true;
    if (auto hook = std::exchange(it->second.newest->onCancel, nullptr))
        hook();
}

void LatestTask::cancelAll() {
    for (auto& [tag, t] : tags_) {
        if (t.newest)
            drop(std::exchange(t.newest, nullptr));
        t.waiting.reset();
    }
}

bool LatestTask::isPending(const QString& tag) const {
    auto it = tags_.find(tag);
    return it != tags_.end() && it->second.newest != nullptr;
}

bool LatestTask::isActive() const {
    std::lock_guard lock(shared_->mutex);
    return shared_->active > 0;
}

void LatestTask::waitForDone() {
    std::unique_lock lock(shared_->mutex);
    shared_->idle.wait(lock, [this] { return shared_->active == 0; });
}

} // namespace r2p::ui
