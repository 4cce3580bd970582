#include "LatestTask.h"

#include <QThread>
#include <QThreadPool>
#include <algorithm>

namespace r2p::ui {

namespace {
// Blocking I/O (record reads, LLM calls) more than CPU: a few more threads than cores.
QThreadPool* makePool(int minimum, const char* name) {
    auto* p = new QThreadPool;
    p->setObjectName(QString::fromLatin1(name));
    p->setMaxThreadCount(std::max(minimum, QThread::idealThreadCount()));
    return p;
}
} // namespace

QThreadPool* LatestTask::pool(Pool which) {
    // Never deleted: pools outlive every LatestTask, whose destructors wait for their own jobs.
    static QThreadPool* const shortPool = makePool(4, "r2p-short");
    static QThreadPool* const longPool = makePool(2, "r2p-long");
    return which == Pool::Long ? longPool : shortPool;
}

LatestTask::LatestTask(QObject* parent) : QObject(parent) {}

LatestTask::~LatestTask() {
    cancelAll();
    waitForDone();
}

std::shared_ptr<LatestTask::Job> LatestTask::begin(const QString& tag,
                                                   std::function<void()> onCancel) {
    auto job = std::make_shared<Job>();
    job->tag = tag;
    job->id = ++nextId_;
    job->onCancel = std::move(onCancel);
    auto& slot = newest_[tag];
    if (slot)
        drop(slot); // superseded: stop it early, never deliver it
    slot = job;
    return job;
}

void LatestTask::run(QThreadPool* pool, const std::shared_ptr<Job>& job,
                     std::function<void()> body) {
    {
        std::lock_guard lock(shared_->mutex);
        ++shared_->active;
    }
    pool->start([shared = shared_, job, body = std::move(body)]() mutable {
        if (!job->cancel.load()) // superseded while queued: skip the work
            body();
        body = nullptr; // what the work captured goes before the owner may go
        std::lock_guard lock(shared->mutex);
        if (--shared->active == 0)
            shared->idle.notify_all();
    });
}

bool LatestTask::finish(const std::shared_ptr<Job>& job) {
    auto it = newest_.find(job->tag);
    if (it == newest_.end() || it->second != job)
        return false;
    newest_.erase(it);
    emit settled(job->tag);
    return true;
}

void LatestTask::drop(const std::shared_ptr<Job>& job) {
    job->cancel = true;
    if (auto hook = std::exchange(job->onCancel, nullptr))
        hook();
}

void LatestTask::cancel(const QString& tag) {
    auto it = newest_.find(tag);
    if (it == newest_.end())
        return;
    auto job = it->second;
    newest_.erase(it);
    drop(job);
    emit settled(tag);
}

void LatestTask::cancelAll() {
    auto all = std::exchange(newest_, {});
    for (auto& [tag, job] : all)
        drop(job);
}

bool LatestTask::isPending(const QString& tag) const {
    return newest_.count(tag) != 0;
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
