// The Metrics dock a researcher trusts at a glance, offscreen on real runs of the demo data:
// every interval shown contains the value beside it, its tooltip says how it was made, and every
// delta says in words and colour whether R2P is better or worse by the metric's direction (for
// LaMP-3's MAE and RMSE lower is better).
#include "model/RunStore.h"
#include "pipeline/analysis/Cost.h"
#include "support/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Session.h"
#include "ui/dialogs/BatchDialog.h"
#include "ui/widgets/ChartAxes.h"
#include "ui/windows/MetricsDock.h"
#include "ui/windows/UsersDock.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLocale>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <cmath>
#include <memory>

using namespace r2p;
using namespace r2p::ui;

class TestMetricsTrust : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    static double parse(const QString& s) {
        bool ok = false;
        QString t = s;
        t.replace(QChar(0x2212), QLatin1Char('-'));
        const double v = QLocale().toDouble(t, &ok);
        if (!ok)
            qWarning() << "not a number:" << s;
        return v;
    }

    // "[lo, hi]" as the dock prints it.
    static std::pair<double, double> interval(const QString& s) {
        const QStringList parts = s.mid(1, s.size() - 2).split(QStringLiteral(", "));
        return {parse(parts.value(0)), parse(parts.value(1))};
    }

    // `firstUsers` > 0: only the demo's first users (the 20 before its contrast users).
    void runDemo(TaskId task,
                 std::vector<SystemId> systems = {SystemId::R2P, SystemId::LampRag,
                                                  SystemId::NoProfile},
                 int firstUsers = 0) {
        QSignalSpy indexed(session_.get(), &Session::indexingFinished);
        window_->openDemo(task);
        QVERIFY(indexed.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 60000);
        BatchDialog dialog(session_.get(), window_->usersDock()->visibleRows(), window_.get());
        dialog.setSystems(systems);
        if (firstUsers > 0)
            dialog.setUserScope(2, firstUsers);
        QSignalSpy finished(&dialog, &BatchDialog::runFinished);
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(test::waitForRun(*session_)); // the finished run is read next
        QTRY_VERIFY_WITH_TIMEOUT(window_->metricsDock()->hasIntervals(), 60000);
    }

    // Checks every run row and delta row of the dock.
    void checkDock(bool lowerIsBetter, const QString& methodWord) {
        MetricsDock* metrics = window_->metricsDock();
        QTableWidget* run = metrics->runTable();
        QVERIFY(run->rowCount() > 0);
        for (int r = 0; r < run->rowCount(); ++r) {
            const double value = parse(run->item(r, 3)->text());
            const auto [lo, hi] = interval(run->item(r, 4)->text());
            QVERIFY2(lo <= value && value <= hi, qPrintable(QStringLiteral("row %1: %2 outside %3")
                                                                .arg(r)
                                                                .arg(value)
                                                                .arg(run->item(r, 4)->text())));
            QVERIFY2(run->item(r, 4)->toolTip().contains(methodWord),
                     qPrintable(run->item(r, 4)->toolTip()));
        }
        QTableWidget* deltas = metrics->deltaTable();
        QVERIFY(deltas->rowCount() > 0);
        int better = 0, worse = 0;
        for (int r = 0; r < deltas->rowCount(); ++r) {
            const QString text = deltas->item(r, 2)->text();
            const double delta = parse(text.section(QStringLiteral(" · "), 0, 0));
            const auto [lo, hi] = interval(deltas->item(r, 3)->text());
            QVERIFY2(lo <= delta && delta <= hi, qPrintable(text));
            // By hand: for errors a negative delta is R2P's gain.
            const bool r2pBetter = lowerIsBetter ? delta < 0 : delta > 0;
            const bool r2pWorse = lowerIsBetter ? delta > 0 : delta < 0;
            const QColor colour = deltas->item(r, 2)->foreground().color();
            if (r2pBetter) {
                ++better;
                QVERIFY2(text.endsWith(QStringLiteral("R2P better")), qPrintable(text));
                QVERIFY(colour.green() > colour.red());
            } else if (r2pWorse) {
                ++worse;
                QVERIFY2(text.endsWith(QStringLiteral("R2P worse")), qPrintable(text));
                QVERIFY(colour.red() > colour.green());
            } else {
                QVERIFY2(text.endsWith(QStringLiteral("no difference")), qPrintable(text));
            }
            QVERIFY(deltas->item(r, 2)->toolTip().contains(
                lowerIsBetter ? QStringLiteral("lower is better")
                              : QStringLiteral("higher is better")));
        }
        QVERIFY(better + worse > 0);
        // To look at it: R2P_SHOT_DIR=/some/dir writes the dock's Run tab as a PNG.
        const QString shots = qEnvironmentVariable("R2P_SHOT_DIR");
        if (!shots.isEmpty()) {
            metrics->show();
            metrics->raise();
            metrics->tabs()->setCurrentIndex(1);
            metrics->resize(1100, 520);
            metrics->setFloating(true);
            metrics->grab().save(
                QStringLiteral("%1/metrics-%2.png")
                    .arg(shots, lowerIsBetter ? QStringLiteral("lamp3") : QStringLiteral("lamp2")));
        }
    }

private slots:
    void initTestCase() { test::setUpUiTestApplication(); }

    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        session_ = std::make_unique<Session>();
        window_ = std::make_unique<MainWindow>(session_.get());
        QVERIFY(window_->openProject(dir_->filePath(QStringLiteral("test.r2p")), true));
        window_->resize(1400, 900);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanup() {
        window_.reset();
        session_.reset();
        dir_.reset();
    }

    void classificationIntervalsContainTheirValuesAndSayHow() {
        runDemo(TaskId::LaMP2);
        checkDock(false, QStringLiteral("within each gold label"));
    }

    void aRunOverSeveralReplicasSaysWhatEachDid() {
        runDemo(TaskId::LaMP2, {SystemId::R2P, SystemId::LampRag}, 20);
        QVERIFY(!window_->metricsDock()->heading()->text().contains(QStringLiteral("Endpoints")));
        const std::int64_t runId = session_->runResults()->runId;
        EndpointUse a{"http://127.0.0.1:8001/v1", 1516, 1516, 0, 90000, 12000, 0, ""};
        EndpointUse b{"http://127.0.0.1:8002/v1", 525, 493, 32, 30000, 4000, 1, "refused"};
        QVERIFY(RunStore(*session_->store()).addEndpointUse(runId, {a, b}));
        QVERIFY(session_->selectRun(0));
        QVERIFY(test::waitForRun(*session_));
        QVERIFY(session_->selectRun(runId));
        QVERIFY(test::waitForRun(*session_));
        const QString text = window_->metricsDock()->heading()->text();
        const QLocale locale;
        QVERIFY2(text.contains(QStringLiteral("http://127.0.0.1:8001/v1: %1 requests, 0 failed, "
                                              "%2 tokens")
                                   .arg(locale.toString(1516), locale.toString(102000))),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("http://127.0.0.1:8002/v1: 525 requests, 32 failed, "
                                              "%1 tokens, taken out 1 time")
                                   .arg(locale.toString(34000))),
                 qPrintable(text));
        if (const QString shots = qEnvironmentVariable("R2P_SHOT_DIR"); !shots.isEmpty()) {
            window_->metricsDock()->setFloating(true);
            window_->metricsDock()->resize(900, 600);
            window_->metricsDock()->grab().save(shots + QStringLiteral("/metrics-replicas.png"));
        }
    }

    void theCostTabCountsEachSystemsRequestsAndPricesThem() {
        runDemo(TaskId::LaMP2, {SystemId::R2P, SystemId::LampRag}, 20);
        // A table where a token costs one unit: the cost is the token count.
        QVERIFY(analysis::setProjectPriceTable(
            *session_->store(), R"({"version":1,"currency":"TOK","models":{"offline":)"
                                R"({"input":1000000,"output":1000000}}})"));
        MetricsDock* metrics = window_->metricsDock();
        QTableWidget* cost = metrics->costTable();
        QCOMPARE(cost->rowCount(), 0); // counted only when its tab is shown
        metrics->tabs()->setCurrentWidget(cost->parentWidget());
        QTRY_VERIFY_WITH_TIMEOUT(!metrics->isCounting() && cost->rowCount() == 3, 30000);
        const QLocale locale;
        auto number = [&](int row, int column) {
            bool ok = false;
            const qlonglong v = locale.toLongLong(cost->item(row, column)->text(), &ok);
            if (!ok)
                qWarning() << "not a count:" << cost->item(row, column)->text();
            return v;
        };
        QCOMPARE(cost->item(0, 0)->text(), QStringLiteral("R2P"));
        QCOMPARE(cost->item(1, 0)->text(), QStringLiteral("LaMP RAG"));
        QCOMPARE(number(1, 1), 20LL); // lamp-rag: one request per user
        // R2P: three chains of four levels per user at least, and its interventions.
        QVERIFY(number(0, 1) >= 20 * 12);
        QCOMPARE(number(2, 1), number(0, 1) + number(1, 1));
        QVERIFY(cost->item(2, 0)->font().bold());
        // A token costs one unit: lamp-rag's cost is its prompt and completion tokens.
        QVERIFY(number(1, 3) > 0);
        QCOMPARE(cost->item(1, 9)->text(), QStringLiteral("%1 TOK").arg(locale.toString(
                                               double(number(1, 3) + number(1, 4)), 'f', 2)));
        QVERIFY(metrics->costNote()->text().contains(QStringLiteral("project's own")));
        if (const QString shots = qEnvironmentVariable("R2P_SHOT_DIR"); !shots.isEmpty()) {
            metrics->setFloating(true);
            metrics->resize(1200, 420);
            metrics->grab().save(shots + QStringLiteral("/metrics-cost.png"));
        }
    }

    // A large run's numbers wait for nothing but their own summary: the verdicts are counted
    // while the run is read (from runLoading), and the summary starts on runReady, before the
    // views made earlier than the Metrics dock (the Users view) rebuild on runChanged. The
    // numbers shown carry the verdicts as counted.
    void theNumbersStartBeforeTheViewsAndCountVerdictsDuringTheRead() {
        runDemo(TaskId::LaMP2, {SystemId::R2P, SystemId::LampRag}, 20);
        const std::int64_t runId = session_->runResults()->runId;
        QVERIFY(session_->selectRun(0));
        QVERIFY(test::waitForRun(*session_));
        std::unique_ptr<MetricsDock> dock;
        int viewsRebuilt = 0;
        bool numbersStartedWhenViewsRebuilt = false;
        // Connected before the dock is made, as the Users view's is: it runs first on runChanged.
        QObject connection; // the connection ends with this test
        connect(session_.get(), &Session::runChanged, &connection, [&] {
            if (!dock || !session_->runResults())
                return;
            ++viewsRebuilt;
            numbersStartedWhenViewsRebuilt = dock->isMakingNumbers();
        });
        dock = std::make_unique<MetricsDock>(session_.get(), nullptr);
        QVERIFY(!dock->isCountingVerdicts());
        QVERIFY(session_->selectRun(runId));
        QVERIFY(session_->isRunLoading());
        QVERIFY(dock->isCountingVerdicts()); // beside the read, before the run is there
        QVERIFY(test::waitForRun(*session_));
        QCOMPARE(viewsRebuilt, 1);
        QVERIFY(numbersStartedWhenViewsRebuilt);
        QTRY_VERIFY_WITH_TIMEOUT(dock->hasNumbers(), 30000);
        const auto counted = RunStore(*session_->store()).verdictCounts(runId);
        QVERIFY(counted);
        QVERIFY(counted->count(SystemId::R2P) && !counted->at(SystemId::R2P).empty());
        auto verdictsShown = [&] {
            engine::VerdictCounts shown;
            for (const auto& s : dock->summary()->systems)
                if (!s.verdicts.empty())
                    shown[s.system] = s.verdicts;
            return shown;
        };
        QVERIFY(verdictsShown() == *counted);
        QTRY_VERIFY_WITH_TIMEOUT(dock->hasIntervals(), 30000);
        QVERIFY(verdictsShown() == *counted);
    }

    void countAxesStepAtRoundIntegers() {
        QCOMPARE(countAxisStep(1), 1);
        QCOMPARE(countAxisStep(6), 1);
        QCOMPARE(countAxisStep(7), 2);
        QCOMPARE(countAxisStep(20), 5);
        QCOMPARE(countAxisStep(1000), 200);
        QValueAxis axis;
        setCountAxis(&axis, 7); // 0, 2, 4, 6, 8 — not 0, 1, 3, 5, 7
        QCOMPARE(axis.min(), 0.0);
        QCOMPARE(axis.max(), 8.0);
        QCOMPARE(axis.tickCount(), 5);
        QCOMPARE(axisNumber(-0.001, 2), QLocale().toString(0.0, 'f', 2));
        QCOMPARE(axisNumber(-0.25, 1), QLocale().toString(-0.3, 'f', 1));
    }

    // The Slices chart's Δ axis: [-0.263, 0.105] (a slice's interval, as on the LaMP-3 demo) runs
    // from -0.3 to 0.2 labelled every 0.1, zero exactly ("0.0", not "-0.0").
    void signedValueAxesHaveRoundTicksThroughZero() {
        QCOMPARE(valueAxisStep(-0.263, 0.105), 0.1);
        QCOMPARE(valueAxisStep(0, 1), 0.2);
        QCOMPARE(valueAxisStep(-2.4, 7.1), 2.0);
        QCategoryAxis axis;
        setValueAxis(&axis, -0.263, 0.105);
        QCOMPARE(axis.min(), -0.3);
        QCOMPARE(axis.max(), 0.2);
        const QLocale l;
        QCOMPARE(axis.categoriesLabels(),
                 (QStringList{l.toString(-0.3, 'f', 1), l.toString(-0.2, 'f', 1),
                              l.toString(-0.1, 'f', 1), l.toString(0.0, 'f', 1),
                              l.toString(0.1, 'f', 1), l.toString(0.2, 'f', 1)}));
        QCOMPARE(axis.endValue(l.toString(0.0, 'f', 1)), 0.0);
        setValueAxis(&axis, 0, 0); // one value: a unit around it, still through zero
        QVERIFY(axis.min() < 0 && axis.max() > 0);
    }

    void perUserDeltaChartShowsABarAndANoteWhenEveryUserTies() {
        // The LaMP-2 demo's first 20 users keep one tag habit that both the score-weighted and
        // the plain top-k reading find: LaMP RAG gets each right, as R2P does: all Δ are 0.
        // (The contrast users after them are where the two part.)
        runDemo(TaskId::LaMP2, {SystemId::R2P, SystemId::LampRag}, 20);
        MetricsDock* metrics = window_->metricsDock();
        QCOMPARE(metrics->deltaTable()->item(0, 4)->text(), QStringLiteral("0 / 20 / 0"));
        QChart* chart = metrics->chart(MetricsDock::ChartDeltas)->chart();
        QVERIFY(chart->title().contains(QStringLiteral("all Δ are 0")));
        QCOMPARE(chart->series().size(), 1);
        auto* bars = qobject_cast<QBarSeries*>(chart->series().first());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 1);
        QCOMPARE(bars->barSets().first()->count(), 1);
        QCOMPARE(bars->barSets().first()->at(0), 20.0);
        auto* x = qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Horizontal).first());
        QVERIFY(x);
        QCOMPARE(x->categories(), QStringList{QStringLiteral("0")});
        auto* y = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).first());
        QVERIFY(y);
        QCOMPARE(y->max(), 20.0); // the bar reaches the top tick: 0, 5, 10, 15, 20
        QCOMPARE(y->tickCount(), 5);
    }

    void errorDeltasReadLowerIsBetter() {
        runDemo(TaskId::LaMP3);
        checkDock(true, QStringLiteral("over the users"));
        // Tokens against score: the baselines do not reason, so they are named, not drawn on
        // the x = 0 axis; the axes end on round values.
        QChart* tokens = window_->metricsDock()->chart(MetricsDock::ChartTokens)->chart();
        QVERIFY2(tokens->title().contains(QStringLiteral("no reasoning tokens")),
                 qPrintable(tokens->title()));
        int drawn = 0;
        for (QAbstractSeries* s : tokens->series()) {
            auto* scatter = qobject_cast<QScatterSeries*>(s);
            QVERIFY(scatter);
            if (scatter->name() == QStringLiteral("R2P")) {
                QCOMPARE(scatter->count(), 24); // every LaMP-3 demo user: 20 + 4 contrast users
                ++drawn;
            } else {
                QVERIFY2(scatter->name().endsWith(QStringLiteral("(no reasoning tokens)")),
                         qPrintable(scatter->name()));
                QCOMPARE(scatter->count(), 0);
            }
        }
        QCOMPARE(drawn, 1);
        auto* x = qobject_cast<QValueAxis*>(tokens->axes(Qt::Horizontal).first());
        QVERIFY(x);
        const double xStep = (x->max() - x->min()) / (x->tickCount() - 1);
        QCOMPARE(xStep, std::round(xStep)); // whole tokens per tick
    }
};

QTEST_MAIN(TestMetricsTrust)
#include "tst_metrics_trust.moc"
