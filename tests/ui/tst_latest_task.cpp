// ui/util/LatestTask, the one async primitive of ui/: only the newest job of a tag is delivered,
// destruction cancels and waits (and delivers nothing), and long work has its own pool so a
// blocked sweep never delays a record read. Jobs block on latches the test opens; no sleeps.
#include "ui/util/LatestTask.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <atomic>
#include <cerrno>
#include <latch>
#include <memory>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace r2p::ui;

namespace {

// Collects deliveries as a signal, so the test counts them with QSignalSpy.
class Sink : public QObject {
    Q_OBJECT
public:
    void take(int value) { emit delivered(value); }
signals:
    void delivered(int value);
};

// A gate jobs wait at until the test opens it (or their job is cancelled).
struct Gate {
    std::atomic<bool> open{false};
    void wait(const std::atomic<bool>& cancelled) const {
        while (!open.load() && !cancelled.load())
            std::this_thread::yield();
    }
};

} // namespace

class TestLatestTask : public QObject {
    Q_OBJECT

private slots:
    void onlyTheNewestOfATagIsDelivered() {
        LatestTask tasks;
        Sink sink;
        QSignalSpy spy(&sink, &Sink::delivered);
        Gate gate;
        std::atomic<int> ran{0};
        std::latch firstRunning(1);
        // Job 1 runs (ignoring its cancel flag) and computes a result; job 2 waits behind it
        // and is replaced by job 3 before it ever runs. Only job 3's result may arrive.
        auto job = [&](int value) {
            return [&, value](const std::atomic<bool>&) {
                if (value == 1)
                    firstRunning.count_down();
                while (!gate.open.load())
                    std::this_thread::yield();
                ++ran;
                return value;
            };
        };
        auto take = [&](int v) {
            sink.take(v);
        };
        tasks.start(QStringLiteral("t"), LatestTask::Pool::Short, job(1), take);
        firstRunning.wait();
        tasks.start(QStringLiteral("t"), LatestTask::Pool::Short, job(2), take);
        tasks.start(QStringLiteral("t"), LatestTask::Pool::Short, job(3), take);
        QVERIFY(tasks.isPending(QStringLiteral("t")));
        gate.open = true;
        QTRY_COMPARE(spy.count(), 1);
        tasks.waitForDone();
        QCoreApplication::processEvents(); // anything else posted would arrive now
        QCoreApplication::processEvents();
        QCOMPARE(ran.load(), 2); // 1 and 3: the replaced job never ran
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 3);
        QVERIFY(!tasks.isPending(QStringLiteral("t")));
    }

    void tagsAreIndependentAndCancelDropsTheResult() {
        LatestTask tasks;
        Sink sink;
        QSignalSpy spy(&sink, &Sink::delivered);
        tasks.start(
            QStringLiteral("a"), LatestTask::Pool::Short,
            [](const std::atomic<bool>&) { return 1; }, [&](int v) { sink.take(v); });
        tasks.start(
            QStringLiteral("b"), LatestTask::Pool::Short,
            [](const std::atomic<bool>&) { return 2; }, [&](int v) { sink.take(v); });
        tasks.cancel(QStringLiteral("a"));
        QVERIFY(!tasks.isPending(QStringLiteral("a")));
        QTRY_COMPARE(spy.count(), 1);
        tasks.waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 2);
    }

    void destructionWhileRunningWaitsAndDeliversNothing() {
        Sink sink;
        QSignalSpy spy(&sink, &Sink::delivered);
        Gate gate; // never opened: only the cancel flag lets the job go
        std::latch started(1);
        std::atomic<bool> ended{false};
        bool hookRan = false;
        auto tasks = std::make_unique<LatestTask>();
        tasks->start(
            QStringLiteral("long"), LatestTask::Pool::Long,
            [&](const std::atomic<bool>& cancelled) {
                started.count_down();
                gate.wait(cancelled);
                ended = true;
                return 7;
            },
            [&](int v) { sink.take(v); }, [&] { hookRan = true; });
        started.wait();
        QVERIFY(!ended.load());
        tasks.reset(); // cancels, and returns only once the job has ended
        QVERIFY(ended.load());
        QVERIFY(hookRan);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 0);
    }

    void aBlockedLongPoolDoesNotDelayShortWork() {
        LatestTask tasks;
        Sink sink;
        QSignalSpy spy(&sink, &Sink::delivered);
        Gate gate;
        // Every thread of the long pool blocked, and one more long job queued behind them.
        const int longThreads = LatestTask::pool(LatestTask::Pool::Long)->maxThreadCount();
        std::latch allBlocked(longThreads);
        for (int i = 0; i <= longThreads; ++i)
            tasks.start(
                QStringLiteral("long%1").arg(i), LatestTask::Pool::Long,
                [&, i, longThreads](const std::atomic<bool>&) {
                    if (i < longThreads)
                        allBlocked.count_down();
                    while (!gate.open.load())
                        std::this_thread::yield();
                    return 100 + i;
                },
                [&](int v) { sink.take(v); });
        allBlocked.wait();
        tasks.start(
            QStringLiteral("read"), LatestTask::Pool::Short,
            [](const std::atomic<bool>&) { return 1; }, [&](int v) { sink.take(v); });
        QTRY_COMPARE(spy.count(), 1); // the short job is delivered while the long pool is stuck
        QCOMPARE(spy.at(0).at(0).toInt(), 1);
        QVERIFY(tasks.isPending(QStringLiteral("long0")));
        gate.open = true;
        QTRY_COMPARE(spy.count(), longThreads + 2);
    }

    // Background work (bootstrap intervals, slices) yields the CPU to what the user waits for:
    // its thread runs at nice 10, while short work keeps the process's priority.
    void backgroundWorkRunsAtALowerPriority() {
        const auto niceOfThisThread = [] {
            errno = 0;
            const int n = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
            return errno == 0 ? n : -100;
        };
        const int base = niceOfThisThread();
        QVERIFY(base != -100);
        if (base >= 10)
            QSKIP("the tests already run at nice 10 or more");
        LatestTask tasks;
        Sink sink;
        QSignalSpy spy(&sink, &Sink::delivered);
        tasks.start(
            QStringLiteral("interval"), LatestTask::Pool::Background,
            [&](const std::atomic<bool>&) { return niceOfThisThread(); },
            [&](int v) { sink.take(v); });
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 10);
        tasks.start(
            QStringLiteral("read"), LatestTask::Pool::Short,
            [&](const std::atomic<bool>&) { return niceOfThisThread(); },
            [&](int v) { sink.take(v); });
        QTRY_COMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toInt(), base);
    }
};

QTEST_MAIN(TestLatestTask)
#include "tst_latest_task.moc"
