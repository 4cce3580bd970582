// The one way ui/ runs work off the GUI thread: start(tag, work, deliver) runs `work` on a pool
// and calls `deliver` on this object's thread only if no newer start() with the same tag came in
// since. One job per tag runs at a time; a newer one waits and replaces any job of the tag still
// waiting (RenderDoc's "a new request replaces the queued one"), so scrolling through thousands
// of users reads only the records still wanted. A superseded or cancelled job is told so through
// its cancel flag and its result dropped. The destructor cancels every job and waits for the
// running ones, so work never outlives what it points at and no result reaches a dead owner.
#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>

class QThreadPool;

namespace r2p::ui {

class LatestTask : public QObject {
    Q_OBJECT
public:
    // Short: record reads, rankings, summaries, stages the user waits for. Long: sweeps,
    // attributions, batches — on their own threads, so a selection's reads never queue behind
    // them. Background: what may come later (bootstrap intervals, slices) — on threads of their
    // own at a lower scheduling priority (nice 10 on Linux), so on a busy machine the numbers the
    // user waits for are computed first; they still progress, never starved.
    enum class Pool { Short = 1, Long = 2, Background = 3 };
    static QThreadPool* pool(Pool which);

    explicit LatestTask(QObject* parent = nullptr);
    ~LatestTask() override;

    // Runs `work(cancelled)` on `pool`; `deliver(result)` runs here if it is still the newest job
    // of `tag` when it ends. `onCancel`, if given, runs on this thread when the job is superseded
    // or cancelled (for work that has its own stop switch, like a sweep).
    template <class Work, class Deliver>
    void start(const QString& tag, Pool which, Work work, Deliver deliver,
               std::function<void()> onCancel = {}) {
        using R = std::invoke_result_t<Work&, const std::atomic<bool>&>;
        auto job = begin(tag, which, std::move(onCancel));
        job->body = [this, job = job.get(), work = std::move(work),
                     deliver = std::move(deliver)]() mutable {
            // On the pool: the work, unless the job was dropped while it waited.
            std::shared_ptr<R> result;
            if (!job->dropped.load())
                result = std::make_shared<R>(work(job->cancel));
            // Back here: the next job of the tag may start; the newest result is delivered.
            QMetaObject::invokeMethod(
                this,
                [this, tag = job->tag, job, result, deliver = std::move(deliver)]() mutable {
                    if (!ended(tag, job))
                        return;
                    if (result)
                        deliver(std::move(*result));
                    emit settled(tag);
                },
                Qt::QueuedConnection);
        };
        launchIfIdle(job->tag);
    }

    // Drops the newest job of `tag` (its result is never delivered) and raises its cancel flag.
    void cancel(const QString& tag);
    // Raises the cancel flag of the newest job of `tag`, whose result is still delivered (work
    // that reports how far it got when stopped, like indexing).
    void interrupt(const QString& tag);
    // Cancels every job.
    void cancelAll();
    // True from start() until the newest job of `tag` is delivered or cancelled.
    bool isPending(const QString& tag) const;
    // True while any job of this object runs or waits in a pool, superseded ones too.
    bool isActive() const;
    // Blocks until no job of this object runs or waits in a pool (results already posted are
    // still delivered by the event loop, if current).
    void waitForDone();

signals:
    // The newest job of `tag` was delivered (after its deliver ran) or cancelled.
    void settled(const QString& tag);

private:
    struct Job {
        QString tag;
        Pool pool = Pool::Short;
        std::atomic<bool> cancel{false};  // the work's flag
        std::atomic<bool> dropped{false}; // never delivered; skipped if it has not started
        std::function<void()> body;       // what runs on the pool
        std::function<void()> onCancel;   // this thread only
    };
    struct Tag {
        std::shared_ptr<Job> newest;  // the one job of the tag that may be delivered
        std::shared_ptr<Job> waiting; // to run when the one in flight ends
        std::shared_ptr<Job> running; // in flight on a pool
    };
    struct Shared {
        std::mutex mutex;
        std::condition_variable idle;
        int active = 0; // jobs started and not yet ended (queued or running)
    };
    std::shared_ptr<Job> begin(const QString& tag, Pool which, std::function<void()> onCancel);
    void launchIfIdle(const QString& tag);
    // On this thread when a job has run (or was skipped): launches the job waiting behind it;
    // true if it is still the newest of its tag.
    bool ended(const QString& tag, const Job* job);
    void drop(const std::shared_ptr<Job>& job);

    std::shared_ptr<Shared> shared_ = std::make_shared<Shared>();
    std::map<QString, Tag> tags_;
};

} // namespace r2p::ui
