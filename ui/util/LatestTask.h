// The one way ui/ runs work off the GUI thread: start(tag, work, deliver) runs `work` on a pool
// and calls `deliver` on this object's thread only if no newer start() with the same tag came in
// since (RenderDoc's "a new request replaces the queued one"). A superseded or cancelled job is
// told so through its cancel flag, skipped if it has not started yet, and its result dropped.
// The destructor cancels every job and waits for the running ones, so work never outlives what
// it points at and no result reaches a destroyed owner.
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
    // them.
    enum class Pool { Short = 1, Long = 2 };
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
        auto job = begin(tag, std::move(onCancel));
        QThreadPool* target = pool(which);
        run(target, job,
            [this, job, work = std::move(work), deliver = std::move(deliver)]() mutable {
                auto result = std::make_shared<R>(work(job->cancel));
                QMetaObject::invokeMethod(
                    this,
                    [this, job, result, deliver = std::move(deliver)]() mutable {
                        if (finish(job))
                            deliver(std::move(*result));
                    },
                    Qt::QueuedConnection);
            });
    }

    // Drops the newest job of `tag` (its result is never delivered) and raises its cancel flag.
    void cancel(const QString& tag);
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
    // A newest job was delivered or cancelled: isPending() may have changed.
    void settled(const QString& tag);

private:
    struct Job {
        QString tag;
        quint64 id = 0;
        std::atomic<bool> cancel{false};
        std::function<void()> onCancel; // GUI thread only
    };
    struct Shared {
        std::mutex mutex;
        std::condition_variable idle;
        int active = 0; // jobs started and not yet ended (queued or running)
    };
    std::shared_ptr<Job> begin(const QString& tag, std::function<void()> onCancel);
    void run(QThreadPool* pool, const std::shared_ptr<Job>& job, std::function<void()> body);
    // On this thread when a job's result arrives: true if it is still the newest of its tag.
    bool finish(const std::shared_ptr<Job>& job);
    void drop(const std::shared_ptr<Job>& job);

    std::shared_ptr<Shared> shared_ = std::make_shared<Shared>();
    std::map<QString, std::shared_ptr<Job>> newest_;
    quint64 nextId_ = 0;
};

} // namespace r2p::ui
