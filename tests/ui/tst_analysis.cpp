// The Analysis dock offscreen on a stored run of the LaMP-3 demo whose answers are chosen by hand
// (each user's error known in advance): slices with hand-computed users, means, deltas and
// win/tie/loss, Cohen's kappa of two annotators on a hand-worked example, a retrieval sweep
// started and read through the dock (and a bad k refused), leave-one-out attribution of the
// selected user, a chart exported, and the Judge page on a second run with hand-made verdicts.
#include "model/Annotation.h"
#include "model/RunStore.h"
#include "model/Util.h"
#include "pipeline/analysis/Slices.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/engine/HrtTemplate.h"
#include "support/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Session.h"
#include "ui/models/UsersModel.h"
#include "ui/models/UsersProxyModel.h"
#include "ui/widgets/ChartExport.h"
#include "ui/windows/AnalysisDock.h"
#include "ui/windows/JudgeCheckView.h"
#include "ui/windows/ReasoningLengthView.h"
#include "ui/windows/UsersDock.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <map>
#include <memory>

using namespace r2p;
using namespace r2p::ui;

namespace {

// The hand-made run over the demo's first eight users: each system's absolute error on the
// user's gold rating (the prediction is made from the gold to have exactly that error) and R2P's
// interventions. By hand, with delta = R2P error - LaMP RAG error (MAE: negative is better):
//   user      0   1   2   3   4   5   6   7
//   R2P       0   0   1   0   0   1   1   0
//   LaMP RAG  2   2   0   2   0   0   0   2
//   delta    -2  -2  +1  -2   0  +1  +1  -2
//   RPI       1   2   1   0   0   0   0   0
// "RPI intervened" (users 0-2): R2P mean 1/3 = 0.333, LaMP RAG 4/3 = 1.333, delta -3/3 = -1.000,
// 2 won / 0 tied / 1 lost. "no intervention" (users 3-7): R2P 2/5 = 0.400, LaMP RAG 4/5 = 0.800,
// delta -2/5 = -0.400, 2 / 1 / 2.
struct KnownUser {
    int r2pError = 0;
    int lampError = 0;
    int interventions = 0;
};
const std::vector<KnownUser> kKnownUsers = {{0, 2, 1}, {0, 2, 2}, {1, 0, 1}, {0, 2, 0},
                                            {0, 0, 0}, {1, 0, 0}, {1, 0, 0}, {0, 2, 0}};

// A rating 1-5 exactly `error` away from `gold`.
int ratingWithError(int gold, int error) {
    return gold + error <= 5 ? gold + error : gold - error;
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;
    std::int64_t runId_ = 0;

    int rowOf(QTableWidget* t, const QString& first) {
        for (int r = 0; r < t->rowCount(); ++r)
            if (t->item(r, 0) && t->item(r, 0)->text() == first)
                return r;
        return -1;
    }

    // The row's cells after the first, or a list naming the missing slice (which then fails
    // the comparison instead of being skipped).
    // The cells after the first of `slice`'s row; the Slices table's first five (users, R2P,
    // baseline, delta, win / tie / loss: its interval is checked apart).
    QStringList sliceRow(QTableWidget* t, const QString& slice) {
        const int r = rowOf(t, slice);
        if (r < 0)
            return {QStringLiteral("no slice ") + slice};
        QStringList cells;
        const int last = t->objectName() == QLatin1String("SlicesTable") ? 5 : t->columnCount() - 1;
        for (int c = 1; c <= last; ++c)
            cells << (t->item(r, c) ? t->item(r, c)->text() : QString());
        return cells;
    }

    // Stores kKnownUsers as a finished R2P and LaMP RAG run of the opened demo and shows it.
    void storeKnownRun() {
        const auto dataset = session_->dataset();
        QVERIFY(dataset && dataset->users.size() >= kKnownUsers.size());
        const auto fill = [](UserTrace& t, const UserIndexEntry& entry, std::size_t u) {
            const bool r2p = t.system == SystemId::R2P;
            const int error = r2p ? kKnownUsers[u].r2pError : kKnownUsers[u].lampError;
            t.prediction = std::to_string(ratingWithError(std::stoi(entry.gold), error));
            t.interventions = r2p ? kKnownUsers[u].interventions : 0;
            t.scores = {{"MAE", error}, {"squared_error", error * error}};
        };
        std::string stored;
        runId_ = test::storeSessionRun(*session_, {SystemId::R2P, SystemId::LampRag},
                                       kKnownUsers.size(), fill, {}, &stored);
        QVERIFY2(runId_ > 0, stored.c_str());
        QString error;
        QVERIFY2(session_->selectRun(runId_, &error), qPrintable(error));
        QVERIFY(test::waitForRun(*session_));
    }

private slots:
    void initTestCase() {
        test::setUpUiTestApplication();
        dir_ = std::make_unique<QTemporaryDir>();
        session_ = std::make_unique<Session>();
        window_ = std::make_unique<MainWindow>(session_.get());
        QVERIFY(window_->openProject(dir_->filePath(QStringLiteral("analysis.r2p")), true));
        window_->resize(1500, 950);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDemo(TaskId::LaMP3);
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 60000);
        storeKnownRun();
        QTRY_VERIFY(session_->runResults() && session_->runResults()->runId == runId_);
        window_->analysisDock()->show();
        window_->analysisDock()->raise();
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        dir_.reset();
    }

    void slicesHaveTheHandComputedNumbers() {
        AnalysisDock* dock = window_->analysisDock();
        dock->tabs()->setCurrentIndex(0);
        const auto run = session_->runResults();
        QCOMPARE(run->baseline, SystemId::LampRag);
        auto pick = [dock](analysis::SliceKind kind) {
            dock->sliceKindBox()->setCurrentIndex(
                dock->sliceKindBox()->findData(static_cast<int>(kind)));
        };
        // By RPI intervention: users, R2P's and LaMP RAG's mean error, delta, win / tie / loss
        // (worked out at kKnownUsers).
        QVERIFY(QTest::qWaitFor([dock] { return !dock->slicesPending(); }, 10000));
        pick(analysis::SliceKind::Intervention);
        QTableWidget* t = dock->slicesTable();
        QCOMPARE(t->rowCount(), 2);
        QCOMPARE(sliceRow(t, QStringLiteral("RPI intervened")),
                 (QStringList{QStringLiteral("3"), QLocale().toString(0.333, 'f', 3),
                              QLocale().toString(1.333, 'f', 3), QLocale().toString(-1.0, 'f', 3),
                              QStringLiteral("2 / 0 / 1")}));
        QCOMPARE(sliceRow(t, QStringLiteral("no intervention")),
                 (QStringList{QStringLiteral("5"), QLocale().toString(0.4, 'f', 3),
                              QLocale().toString(0.8, 'f', 3), QLocale().toString(-0.4, 'f', 3),
                              QStringLiteral("2 / 1 / 2")}));
        // By profile size: every bucket listed (1-9, 10-49, 50-99, 100-199, 200+), each with
        // the users whose profile size falls in it and the mean of their deltas.
        pick(analysis::SliceKind::ProfileSize);
        const QStringList buckets = {QStringLiteral("1-9"), QStringLiteral("10-49"),
                                     QStringLiteral("50-99"), QStringLiteral("100-199"),
                                     QStringLiteral("200+")};
        const std::uint32_t lowerEdges[] = {1, 10, 50, 100, 200};
        int inBucket[5] = {0, 0, 0, 0, 0};
        int deltaSum[5] = {0, 0, 0, 0, 0};
        for (std::size_t u = 0; u < kKnownUsers.size(); ++u) {
            const std::uint32_t size = session_->dataset()->users[u].profileSize;
            QVERIFY(size >= 1);
            int b = 0;
            while (b + 1 < 5 && size >= lowerEdges[b + 1])
                ++b;
            ++inBucket[b];
            deltaSum[b] += kKnownUsers[u].r2pError - kKnownUsers[u].lampError;
        }
        QCOMPARE(t->rowCount(), 5);
        for (int b = 0; b < 5; ++b) {
            const QStringList row = sliceRow(t, buckets[b]);
            QCOMPARE(row.value(0), QString::number(inBucket[b]));
            QCOMPARE(row.value(3),
                     inBucket[b] == 0
                         ? QString()
                         : QLocale().toString(double(deltaSum[b]) / inBucket[b], 'f', 3));
        }
        QVERIFY(!dock->slicesChart()->chart()->series().isEmpty());
        // By gold label: a slice per rating the eight users have, with their count and the
        // mean of their deltas in the table at kKnownUsers.
        pick(analysis::SliceKind::GoldLabel);
        std::map<std::string, std::pair<int, int>> byGold; // users, sum of deltas
        for (std::size_t u = 0; u < kKnownUsers.size(); ++u) {
            auto& [n, sum] = byGold[session_->dataset()->users[u].gold];
            ++n;
            sum += kKnownUsers[u].r2pError - kKnownUsers[u].lampError;
        }
        QCOMPARE(t->rowCount(), static_cast<int>(byGold.size()));
        for (const auto& [gold, counts] : byGold) {
            const QStringList row = sliceRow(t, QString::fromStdString(gold));
            QCOMPARE(row.value(0), QString::number(counts.first));
            QCOMPARE(row.value(3),
                     QLocale().toString(double(counts.second) / counts.first, 'f', 3));
        }
        // A chart exports as PNG.
        const QString png = dir_->filePath(QStringLiteral("slices.png"));
        QString error;
        QVERIFY2(saveChart(dock->slicesChart(), png, &error), qPrintable(error));
        QVERIFY(!QImage(png).isNull());
    }

    void cohensKappaOfTwoAnnotators() {
        // ada: u1 other, u2 other, u3 other, u4 truncated; grace: u1 other, u2 other,
        // u3 truncated, u4 truncated. "other": both yes 2, ada only 1, grace only 0, neither 1:
        // p_o = 3/4, p_e = 3/4 * 1/2 + 1/4 * 1/2 = 1/2, kappa = (3/4 - 1/2) / (1/2) = 0.5.
        // "truncated" is the mirror image: kappa 0.5 too.
        const auto& users = session_->runResults()->info.users;
        QVERIFY(users.size() >= 4);
        auto note = [&](std::size_t u, const char* label, const char* who) {
            Annotation a;
            a.runId = runId_;
            a.userId = users[u];
            a.target = AnnotationTarget::Run;
            a.label = label;
            a.annotator = who;
            return a;
        };
        QString error;
        QVERIFY2(
            session_->addAnnotations({note(0, "other", "ada"), note(1, "other", "ada"),
                                      note(2, "other", "ada"), note(3, "truncated", "ada"),
                                      note(0, "other", "grace"), note(1, "other", "grace"),
                                      note(2, "truncated", "grace"), note(3, "truncated", "grace")},
                                     &error),
            qPrintable(error));
        AnalysisDock* dock = window_->analysisDock();
        dock->tabs()->setCurrentIndex(1);
        QVERIFY2(dock->agreementLabel()->text().contains(QStringLiteral("ada and grace")),
                 qPrintable(dock->agreementLabel()->text()));
        QTableWidget* t = dock->agreementTable();
        const int other = rowOf(t, QStringLiteral("Other"));
        QVERIFY(other >= 0);
        QCOMPARE(t->item(other, 1)->text(), QLocale().toString(0.5, 'f', 3));
        QCOMPARE(t->item(other, 4)->text(), QStringLiteral("2 / 1 / 0 / 1"));
        const int truncated = rowOf(t, QStringLiteral("Truncated"));
        QCOMPARE(t->item(truncated, 1)->text(), QLocale().toString(0.5, 'f', 3));
        // A label nobody used has no defined kappa.
        QCOMPARE(t->item(rowOf(t, QStringLiteral("Ignored evidence")), 1)->text(),
                 QStringLiteral("undefined"));
        // The label x label matrix: rows ada, columns grace; u3 is other vs truncated.
        QTableWidget* m = dock->confusionTable();
        int otherCol = -1, truncatedCol = -1;
        for (int c = 0; c < m->columnCount(); ++c) {
            if (m->horizontalHeaderItem(c)->text() == QLatin1String("Other"))
                otherCol = c;
            if (m->horizontalHeaderItem(c)->text() == QLatin1String("Truncated"))
                truncatedCol = c;
        }
        QCOMPARE(m->item(otherCol, otherCol)->text(), QStringLiteral("2"));
        QCOMPARE(m->item(otherCol, truncatedCol)->text(), QStringLiteral("1"));
        QCOMPARE(m->item(truncatedCol, truncatedCol)->text(), QStringLiteral("1"));
        // The failure-label slices now have the annotated labels.
        dock->tabs()->setCurrentIndex(0);
        dock->sliceKindBox()->setCurrentIndex(
            dock->sliceKindBox()->findData(static_cast<int>(analysis::SliceKind::FailureLabel)));
        QVERIFY(QTest::qWaitFor([dock] { return !dock->slicesPending(); }, 10000));
        QTableWidget* slices = dock->slicesTable();
        QCOMPARE(slices->item(rowOf(slices, QStringLiteral("Other")), 1)->text(),
                 QStringLiteral("3"));
        QCOMPARE(slices->item(rowOf(slices, QStringLiteral("Truncated")), 1)->text(),
                 QStringLiteral("2")); // u3 and u4, whoever labelled them
        QCOMPARE(slices->item(rowOf(slices, QStringLiteral("(none)")), 1)->text(),
                 QStringLiteral("4"));
    }

    void threeAnnotatorsGetFleissAndAPairPicker() {
        // hal joins on u1 and u2 only (both "other"): Fleiss' κ has the two items all three
        // judged; the pair picker gives Cohen's κ of any two, ada and grace as before (0.5).
        const auto& users = session_->runResults()->info.users;
        auto note = [&](std::size_t u) {
            Annotation a;
            a.runId = runId_;
            a.userId = users[u];
            a.target = AnnotationTarget::Run;
            a.label = "other";
            a.annotator = "hal";
            return a;
        };
        QString error;
        QVERIFY2(session_->addAnnotations({note(0), note(1)}, &error), qPrintable(error));
        AnalysisDock* dock = window_->analysisDock();
        dock->tabs()->setCurrentIndex(1);
        QComboBox* pairs = dock->agreementPairBox();
        QVERIFY(!pairs->isHidden());
        QCOMPARE(pairs->count(), 4); // all three, and three pairs
        QCOMPARE(pairs->currentIndex(), 0);
        const QString fleiss = dock->agreementLabel()->text();
        QVERIFY2(fleiss.contains(QStringLiteral("3 annotators")), qPrintable(fleiss));
        QVERIFY2(fleiss.contains(QStringLiteral("over 2 item")), qPrintable(fleiss));
        QVERIFY2(fleiss.contains(QStringLiteral("Few items")), qPrintable(fleiss));

        pairs->setCurrentIndex(
            pairs->findText(QStringLiteral("ada and grace"), Qt::MatchStartsWith));
        QString heading = dock->agreementLabel()->text();
        QVERIFY2(heading.contains(QStringLiteral("ada and grace over 4 item")),
                 qPrintable(heading));
        QVERIFY2(heading.contains(QStringLiteral("Few items")), qPrintable(heading));
        QTableWidget* t = dock->agreementTable();
        QCOMPARE(t->item(rowOf(t, QStringLiteral("Other")), 1)->text(),
                 QLocale().toString(0.5, 'f', 3));
        QCOMPARE(dock->confusionCaption()->text(),
                 QStringLiteral("Rows: ada's labels; columns: grace's"));

        pairs->setCurrentIndex(pairs->findText(QStringLiteral("ada and hal"), Qt::MatchStartsWith));
        heading = dock->agreementLabel()->text();
        QVERIFY2(heading.contains(QStringLiteral("ada and hal over 2 item")), qPrintable(heading));
        QCOMPARE(dock->confusionCaption()->text(),
                 QStringLiteral("Rows: ada's labels; columns: hal's"));
    }

    void theSessionsFilteredListChoosesTheSweepsUsers() {
        // "is:worse" lists the users R2P did worse on: 2, 5 and 6 in the table above.
        UsersDock* users = window_->usersDock();
        users->setFilterText(QStringLiteral("is:worse"));
        const std::vector<std::size_t> worse = {2, 5, 6};
        QCOMPARE(session_->filteredUsers(), worse);
        QCOMPARE(users->visibleRows(), worse);
        AnalysisDock* dock = window_->analysisDock();
        dock->tabs()->setCurrentIndex(2);
        dock->sweepKs()->setText(QStringLiteral("0, 2"));
        dock->sweepUsers()->setValue(8); // more than listed: the list decides
        QTest::mouseClick(dock->sweepButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isWorking(), 60000);
        QTableWidget* t = dock->sweepTable();
        QCOMPARE(t->rowCount(), 4);
        for (int r = 0; r < t->rowCount(); ++r)
            QCOMPARE(t->item(r, 2)->text(), QStringLiteral("3"));
        // The first two of the listed users when the limit is lower.
        dock->sweepUsers()->setValue(2);
        QTest::mouseClick(dock->sweepButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isWorking(), 60000);
        for (int r = 0; r < t->rowCount(); ++r)
            QCOMPARE(t->item(r, 2)->text(), QStringLiteral("2"));
        users->setFilterText(QString());
        QCOMPARE(session_->filteredUsers().size(), session_->dataset()->users.size());
    }

    void aRetrievalSweepThroughTheDock() {
        AnalysisDock* dock = window_->analysisDock();
        dock->tabs()->setCurrentIndex(2);
        dock->sweepKs()->setText(QStringLiteral("0, x"));
        QTest::mouseClick(dock->sweepButton(), Qt::LeftButton);
        QVERIFY(dock->sweepStatus()->text().contains(QStringLiteral("“x”")));
        QVERIFY(!dock->isWorking());
        dock->sweepKs()->setText(QStringLiteral("0, 2"));
        dock->sweepUsers()->setValue(4);
        QTest::mouseClick(dock->sweepButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isWorking(), 60000);
        QTableWidget* t = dock->sweepTable();
        QCOMPARE(t->rowCount(), 4); // R2P and LaMP RAG at k = 0 and 2
        for (int r = 0; r < t->rowCount(); ++r) {
            QCOMPARE(t->item(r, 2)->text(), QStringLiteral("4"));
            QCOMPARE(t->item(r, 5)->text(), QStringLiteral("0"));
        }
        QCOMPARE(t->item(0, 1)->text(), QStringLiteral("0"));
        QCOMPARE(QLocale().toDouble(t->item(0, 3)->text()), 0.0); // no item at k = 0
        QCOMPARE(t->item(1, 1)->text(), QStringLiteral("2"));
        // A line and its interval band per system.
        QCOMPARE(dock->sweepChart()->chart()->series().size(), 4);
        QVERIFY(dock->sweepStatus()->text().contains(QStringLiteral("MAE")));
        // Each point has its interval, and the interval holds the point's MAE.
        for (int r = 0; r < t->rowCount(); ++r) {
            const QString ci = t->item(r, 6)->text(); // "[lo, hi]"
            const QStringList b = ci.mid(1, ci.size() - 2).split(QStringLiteral(", "));
            QCOMPARE(b.size(), 2);
            const double v = QLocale().toDouble(t->item(r, 4)->text());
            QVERIFY2(QLocale().toDouble(b[0]) <= v && v <= QLocale().toDouble(b[1]),
                     qPrintable(ci + QStringLiteral(" around ") + t->item(r, 4)->text()));
        }
    }

    void leaveOneOutForTheSelectedUser() {
        AnalysisDock* dock = window_->analysisDock();
        dock->tabs()->setCurrentIndex(3);
        window_->usersDock()->step(0);
        QTRY_VERIFY(session_->record() && !session_->isBusy());
        const auto* entry = session_->selectedEntry();
        QVERIFY(entry);
        QTest::mouseClick(dock->attributionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isWorking(), 60000);
        QTableWidget* t = dock->attributionTable();
        const int expected = static_cast<int>(std::min<std::size_t>(5, entry->profileSize));
        QCOMPARE(t->rowCount(), expected);
        for (int r = 0; r < t->rowCount(); ++r) {
            QCOMPARE(t->item(r, 0)->text(), QStringLiteral("[P%1]").arg(r + 1));
            QVERIFY(!t->item(r, 3)->text().isEmpty());
        }
        QVERIFY2(dock->attributionStatus()->text().contains(QString::fromStdString(entry->id)),
                 qPrintable(dock->attributionStatus()->text()));

        // Another user selected while it runs: the old result never shows.
        QTest::mouseClick(dock->attributionButton(), Qt::LeftButton);
        window_->usersDock()->step(1);
        QTRY_VERIFY(session_->record() && !session_->isBusy());
        const std::string next = session_->selectedEntry()->id;
        QVERIFY(next != entry->id);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isWorking(), 60000);
        QCOMPARE(t->rowCount(), 0);
        QVERIFY(dock->attributionStatus()->text().contains(QString::fromStdString(next)));
    }
    void reasoningLengthBinsTheRunsUsers() {
        // The known run stores no reasoning tokens: every user falls in one bin [0, 0] whatever
        // the bin count, with the run's MAE: R2P (0+0+1+0+0+1+1+0)/8, LaMP RAG (2+2+0+2+0+0+0+2)/8.
        QString error;
        QVERIFY2(session_->selectRun(runId_, &error), qPrintable(error));
        QVERIFY(test::waitForRun(*session_));
        AnalysisDock* dock = window_->analysisDock();
        ReasoningLengthView* view = dock->lengthView();
        dock->tabs()->setCurrentWidget(view);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isCounting() && view->binTable()->rowCount() == 2, 30000);
        QTableWidget* bins = view->binTable();
        const QLocale locale;
        QCOMPARE(bins->item(0, 0)->text(), QStringLiteral("R2P"));
        QCOMPARE(bins->item(0, 1)->text(), QStringLiteral("0–0"));
        QCOMPARE(bins->item(0, 2)->text(), QStringLiteral("8"));
        QCOMPARE(bins->item(0, 4)->text(), locale.toString(0.375, 'f', 4));
        QCOMPARE(bins->item(1, 4)->text(), locale.toString(1.0, 'f', 4));
        QCOMPARE(bins->horizontalHeaderItem(4)->text(), QStringLiteral("MAE"));
        // R2P's four levels, none stored in this run.
        QCOMPARE(view->levelTable()->rowCount(), 4);
        QCOMPARE(view->levelTable()->item(0, 2)->text(), QStringLiteral("–"));
        QCOMPARE(view->chart()->chart()->series().size(), 4); // a line and a band per system
        // A band's bounds are not the chart's series: the band must own them (LeakSanitizer
        // found them leaked with every new chart).
        for (auto* series : view->chart()->chart()->series())
            if (auto* band = qobject_cast<QAreaSeries*>(series)) {
                QCOMPARE(band->upperSeries()->parent(), band);
                QCOMPARE(band->lowerSeries()->parent(), band);
            }
        view->binCount()->setValue(3);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isCounting(), 30000);
        QCOMPARE(bins->rowCount(), 2); // equal edges merge: still one bin
        if (const QString shots = qEnvironmentVariable("R2P_SHOT_DIR"); !shots.isEmpty())
            dock->grab().save(shots + QStringLiteral("/analysis-reasoning-length.png"));
    }

    void theJudgePageTabulatesVerdictsAgainstRightAnswers() {
        // A second run of two users with cross-reference verdicts, by hand (gold g):
        //   user 0: "g" supported (right), g+-2 contradicted (error 2)
        //   user 1: "g" supported (right), g+-1 supported (error 1)
        // Supported: 3 candidates, 2 right, 66.7 %, mean MAE 1/3 = 0.333.
        // Contradicted: 1 candidate, 0 right, 0.0 %, mean MAE 2.000.
        const auto dataset = session_->dataset();
        QVERIFY(dataset);
        RunStore runs(*session_->store());
        auto info = runs.run(runId_);
        QVERIFY(info);
        RunInfo second = *info;
        second.systems = {SystemId::R2P};
        second.users = {dataset->users[0].id, dataset->users[1].id};
        auto created = runs.createRun(second);
        QVERIFY2(created, created ? "" : created.error().message.c_str());
        std::vector<UserTrace> traces;
        const int otherError[] = {2, 1};
        const Verdict otherVerdict[] = {Verdict::Contradicted, Verdict::Supported};
        for (int u = 0; u < 2; ++u) {
            const UserIndexEntry& entry = dataset->users[static_cast<std::size_t>(u)];
            const int gold = std::stoi(entry.gold);
            UserTrace t;
            t.userId = entry.id;
            t.system = SystemId::R2P;
            t.status = UserStatus::Done;
            t.gold = entry.gold;
            t.prediction = entry.gold;
            t.formatOk = true;
            t.scores = {{"MAE", 0}, {"squared_error", 0}};
            VerdictRecord right;
            right.candidate = 0;
            right.answer = entry.gold;
            right.verdict = Verdict::Supported;
            right.chosen = true;
            VerdictRecord other;
            other.candidate = 1;
            other.answer = std::to_string(ratingWithError(gold, otherError[u]));
            other.verdict = otherVerdict[u];
            t.verdicts = {right, other};
            traces.push_back(std::move(t));
        }
        QVERIFY(runs.saveUserTraces(*created, traces));
        AnalysisDock* dock = window_->analysisDock();
        dock->tabs()->setCurrentIndex(0); // another page: the judge reads the run when shown
        QString error;
        QVERIFY2(session_->selectRun(*created, &error), qPrintable(error));
        QVERIFY(test::waitForRun(*session_));
        QTRY_VERIFY(session_->runResults() && session_->runResults()->runId == *created);
        QVERIFY(!dock->judgeView()->heading()->text().startsWith(
            QStringLiteral("Run %1:").arg(*created)));

        dock->tabs()->setCurrentWidget(dock->judgeView());
        QTableWidget* t = dock->judgeView()->table();
        const QLocale locale;
        QCOMPARE(sliceRow(t, QStringLiteral("supported")),
                 (QStringList{QStringLiteral("3"), QStringLiteral("2"),
                              locale.toString(66.7, 'f', 1) + QStringLiteral(" %"),
                              locale.toString(1.0 / 3.0, 'f', 3)}));
        QCOMPARE(sliceRow(t, QStringLiteral("contradicted")),
                 (QStringList{QStringLiteral("1"), QStringLiteral("0"),
                              locale.toString(0.0, 'f', 1) + QStringLiteral(" %"),
                              locale.toString(2.0, 'f', 3)}));
        QVERIFY2(dock->judgeView()->heading()->text().startsWith(
                     QStringLiteral("Run %1:").arg(*created)),
                 qPrintable(dock->judgeView()->heading()->text()));
        QVERIFY(dock->judgeView()->humanLabel()->text().contains(QStringLiteral("No annotator")));

        QVERIFY2(session_->selectRun(runId_, &error), qPrintable(error));
        QVERIFY(test::waitForRun(*session_));
    }
};

QTEST_MAIN(TestAnalysis)
#include "tst_analysis.moc"
