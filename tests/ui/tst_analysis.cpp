// The Analysis dock offscreen on a stored offline run of the LaMP-3 demo: slices whose counts and
// deltas agree with the Users view's own per-user deltas, Cohen's kappa of two annotators on a
// hand-worked example, a retrieval sweep started and read through the dock (and a bad k
// refused), leave-one-out attribution of the selected user, and a chart exported.
#include "model/Annotation.h"
#include "pipeline/analysis/Slices.h"
#include "support/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Session.h"
#include "ui/dialogs/BatchDialog.h"
#include "ui/models/UsersModel.h"
#include "ui/models/UsersProxyModel.h"
#include "ui/widgets/ChartExport.h"
#include "ui/windows/AnalysisDock.h"
#include "ui/windows/UsersDock.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <memory>

using namespace r2p;
using namespace r2p::ui;

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
        BatchDialog dialog(session_.get(), window_->usersDock()->visibleRows(), window_.get());
        dialog.setSystems({SystemId::R2P, SystemId::LampRag});
        dialog.setUserScope(2, 8);
        QSignalSpy ran(&dialog, &BatchDialog::runFinished);
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(!ran.isEmpty(), 60000);
        runId_ = dialog.runId();
        QTRY_VERIFY(session_->runResults() && session_->runResults()->runId == runId_);
        window_->analysisDock()->show();
        window_->analysisDock()->raise();
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        dir_.reset();
    }

    void slicesAgreeWithTheUsersDeltas() {
        AnalysisDock* dock = window_->analysisDock();
        dock->tabs()->setCurrentIndex(0);
        const auto run = session_->runResults();
        QCOMPARE(run->baseline, SystemId::LampRag);
        // By RPI intervention: the two buckets partition the run's users, and each bucket's delta
        // is the mean of the Users view's deltas of its users.
        auto pick = [dock](analysis::SliceKind kind) {
            dock->sliceKindBox()->setCurrentIndex(
                dock->sliceKindBox()->findData(static_cast<int>(kind)));
        };
        pick(analysis::SliceKind::Intervention);
        QTableWidget* t = dock->slicesTable();
        double sum[2] = {0, 0};
        int n[2] = {0, 0};
        for (const auto& [id, row] : run->byUser) {
            if (!row.comparable())
                continue;
            const int bucket = row.interventions > 0 ? 0 : 1;
            sum[bucket] += row.delta();
            ++n[bucket];
        }
        QCOMPARE(n[0] + n[1], 8);
        int users = 0;
        const QString names[2] = {QStringLiteral("RPI intervened"),
                                  QStringLiteral("no intervention")};
        for (int b = 0; b < 2; ++b) {
            const int r = rowOf(t, names[b]);
            QVERIFY2(r >= 0 || n[b] == 0, qPrintable(names[b]));
            if (r < 0)
                continue;
            users += t->item(r, 1)->text().toInt();
            if (n[b] > 0)
                QCOMPARE(QLocale().toDouble(t->item(r, 4)->text()),
                         std::round(sum[b] / n[b] * 1000) / 1000);
        }
        QCOMPARE(users, 8);
        // By profile size: every bucket listed, the users add up.
        pick(analysis::SliceKind::ProfileSize);
        QCOMPARE(t->rowCount(), 5);
        users = 0;
        for (int r = 0; r < t->rowCount(); ++r)
            users += t->item(r, 1)->text().toInt();
        QCOMPARE(users, 8);
        QVERIFY(!dock->slicesChart()->chart()->series().isEmpty());
        // By gold label: LaMP-3's ratings.
        pick(analysis::SliceKind::GoldLabel);
        QVERIFY(t->rowCount() >= 1);
        for (int r = 0; r < t->rowCount(); ++r)
            QVERIFY(QStringList({"1", "2", "3", "4", "5"}).contains(t->item(r, 0)->text()));
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
        QCOMPARE(dock->sweepChart()->chart()->series().size(), 2);
        QVERIFY(dock->sweepStatus()->text().contains(QStringLiteral("MAE")));
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
};

QTEST_MAIN(TestAnalysis)
#include "tst_analysis.moc"
