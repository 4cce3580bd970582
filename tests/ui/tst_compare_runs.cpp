// Compare Runs, offscreen: two stored runs of the LaMP-2 demo made by hand, each user's
// correctness chosen in advance, compared in the window opened from the keyboard. The
// comparisons, the exact McNemar p and its Holm adjustment, the agreement matrix, the users the
// is:regression / is:improvement / is:tie filters keep, both traces of a selected user and a
// label added to B's side are checked against numbers worked out by hand below.
#include "model/Annotation.h"
#include "model/RunStore.h"
#include "model/Util.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/engine/HrtTemplate.h"
#include "support/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Session.h"
#include "ui/models/PairedUsersModel.h"
#include "ui/windows/AnalysisDock.h"
#include "ui/windows/CompareRunsWindow.h"
#include "ui/windows/MetricsDock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <memory>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::ui;

namespace {

// Right (1) or wrong (0) per user, for the demo's first six users, by hand.
//            u0 u1 u2 u3 u4 u5
//   A R2P     1  0  0  0  0  0    accuracy 1/6
//   B R2P     1  1  1  1  1  0    accuracy 5/6, delta +4/6
//   LaMP RAG  1  1  1  1  1  1    in both runs: six ties
// R2P, A against B: both right 1 (u0), A only 0, B only 4 (u1-u4), neither 1 (u5). Exact
// McNemar on 0 against 4 discordant pairs: p = 2 * 0.5^4 = 0.125. LaMP RAG: no discordant
// pair, p = 1. Holm over {0.125, 1}: 0.125 * 2 = 0.25, then max(0.25, 1 * 1) = 1.
const int kA[] = {1, 0, 0, 0, 0, 0};
const int kB[] = {1, 1, 1, 1, 1, 0};
const int kLamp[] = {1, 1, 1, 1, 1, 1};

// Three repeats of one setting (seeds 1, 2, 3), R2P right for 1, 3 and 5 of the six users:
// accuracy 1/6, 3/6, 5/6, mean 0.500, sample sd sqrt(((1/3)^2 + 0 + (1/3)^2) / 2) = 0.333.
// A fourth run claims to be repeat 2 of 3 from seed 1 too, but retrieves k = 2: not one of them.
const int kRepeat[3][6] = {{1, 0, 0, 0, 0, 0}, {1, 1, 1, 0, 0, 0}, {1, 1, 1, 1, 1, 0}};
const int kImpostor[] = {0, 0, 0, 0, 0, 0};

// A sweep of stored runs: the default settings with k = 1 (R2P never right) and k = 2 (right
// for u0 only), and run B (k = 5, the newest of that k): R2P 0, 1/6 and 5/6; LaMP RAG 1 each.
std::string configWithK(std::size_t k) {
    engine::EngineConfig c;
    c.k = k;
    return engine::engineConfigJson(c, 1);
}

std::string repeatConfig(int index, std::size_t k) {
    engine::EngineConfig c;
    c.seed = 1 + static_cast<std::uint64_t>(index);
    c.k = k;
    auto j = nlohmann::json::parse(engine::engineConfigJson(c, 1));
    j["repeat"] = {{"index", index}, {"count", 3}, {"base_seed", 1}};
    return j.dump();
}

} // namespace

class TestCompareRuns : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;
    std::int64_t runA_ = 0, runB_ = 0;
    CompareRunsWindow* compare_ = nullptr;

    std::int64_t storeRun(const int* r2pRight, const std::string& tag,
                          const std::string& config = {}) {
        const auto& labels = taskSpec(session_->dataset()->task).labels;
        const auto fill = [&](UserTrace& t, const UserIndexEntry& entry, std::size_t u) {
            const bool right = (t.system == SystemId::R2P ? r2pRight : kLamp)[u] == 1;
            std::string wrong;
            for (auto l : labels)
                if (l != entry.gold) {
                    wrong = std::string(l);
                    break;
                }
            t.prediction = right ? entry.gold : wrong;
            t.scores = {{"accuracy", right ? 1.0 : 0.0}};
            StepRecord step;
            step.stage = t.system == SystemId::R2P ? StageId::ProfileSynthesis : StageId::Generate;
            step.status = StepStatus::Done;
            step.answer = "stage text of run " + tag + " for " + entry.id;
            t.steps.push_back(step);
        };
        std::string error;
        const auto id = test::storeSessionRun(*session_, {SystemId::R2P, SystemId::LampRag}, 6,
                                              fill, config, &error);
        if (id == 0)
            qWarning("%s", error.c_str());
        return id;
    }

    int comparisonRow(SystemId system) const {
        const auto r = compare_->result();
        for (std::size_t i = 0; r && i < r->comparisons.size(); ++i)
            if (r->comparisons[i].a.system == system)
                return static_cast<int>(i);
        return -1;
    }

    QStringList shownUsers() const {
        QStringList out;
        PairedUsersModel* m = compare_->usersModel();
        for (int r = 0; r < m->rowCount(); ++r)
            out << m->index(r, PairedUsersModel::ColumnUser).data().toString();
        return out;
    }

    QString user(int i) const {
        return QString::fromStdString(session_->dataset()->users[static_cast<std::size_t>(i)].id);
    }

    void compareAndWait() {
        QSignalSpy done(compare_, &CompareRunsWindow::compared);
        QTest::mouseClick(compare_->compareButton(), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(compare_->statusLabel()->text()));
    }

private slots:
    void initTestCase() {
        test::setUpUiTestApplication();
        dir_ = std::make_unique<QTemporaryDir>();
        session_ = std::make_unique<Session>();
        window_ = std::make_unique<MainWindow>(session_.get());
        QVERIFY(window_->openProject(dir_->filePath(QStringLiteral("compare.r2p")), true));
        window_->resize(1400, 900);
        window_->show();
        QApplication::setActiveWindow(window_.get());
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDemo(TaskId::LaMP2);
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 60000);
        QVERIFY(session_->dataset()->users.size() >= 6);
        runA_ = storeRun(kA, "A");
        runB_ = storeRun(kB, "B");
        QVERIFY(runA_ > 0 && runB_ > runA_);
        session_->refreshRuns();
        QVERIFY(session_->selectRun(runB_));
        QVERIFY(test::waitForRun(*session_));
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        dir_.reset();
    }

    void theShortcutOpensItWithTheShownAndTheOtherRunChecked() {
        QAction* a = window_->action(QStringLiteral("compareRuns"));
        QVERIFY(a);
        QCOMPARE(a->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        a->trigger();
        compare_ = window_->findChild<CompareRunsWindow*>();
        QVERIFY(compare_);
        QVERIFY(QTest::qWaitForWindowExposed(compare_));
        QListWidget* runs = compare_->runList();
        QCOMPARE(runs->count(), 2);
        for (int r = 0; r < runs->count(); ++r)
            QCOMPARE(runs->item(r)->checkState(), Qt::Checked);
        QCOMPARE(compare_->metricChooser()->currentText(), QStringLiteral("accuracy"));
        QCOMPARE(compare_->systemChooser()->count(), 3); // every shared one, R2P, LaMP RAG
    }

    void comparisonsCarryTheHandComputedTests() {
        new QAbstractItemModelTester(compare_->usersModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     compare_);
        compareAndWait();
        const auto r = compare_->result();
        QCOMPARE(r->comparisons.size(), std::size_t(2));
        const int r2p = comparisonRow(SystemId::R2P);
        const int lamp = comparisonRow(SystemId::LampRag);
        QVERIFY(r2p >= 0 && lamp >= 0);
        const auto& c = r->comparisons[static_cast<std::size_t>(r2p)];
        QCOMPARE(c.a.run, runA_); // the older run is A
        QCOMPARE(c.n, std::size_t(6));
        QCOMPARE(c.a.value, 1.0 / 6);
        QCOMPARE(c.b.value, 5.0 / 6);
        QCOMPARE(c.p, 0.125);
        QCOMPARE(c.pHolm, 0.25);
        QCOMPARE(r->comparisons[static_cast<std::size_t>(lamp)].p, 1.0);
        QTableWidget* t = compare_->comparisonsTable();
        QCOMPARE(t->rowCount(), 2);
        QCOMPARE(t->item(r2p, 6)->text(), QStringLiteral("4 / 2 / 0"));
        QCOMPARE(t->item(r2p, 7)->text(), QStringLiteral("exact McNemar"));
        QCOMPARE(t->item(r2p, 8)->text(), QStringLiteral("0.125 (0.250)"));
        QCOMPARE(t->item(lamp, 8)->text(), QStringLiteral("1.000 (1.000)"));
        QVERIFY2(t->item(r2p, 5)->text().startsWith(QStringLiteral("+0.667 [")),
                 qPrintable(t->item(r2p, 5)->text()));
        QCOMPARE(t->item(r2p, 5)->toolTip(), QStringLiteral("B better"));
    }

    void theAgreementMatrixAndFiltersFollowTheChosenComparison() {
        QTableWidget* t = compare_->comparisonsTable();
        t->setCurrentCell(comparisonRow(SystemId::R2P), 0);
        QTableWidget* m = compare_->agreementTable();
        QVERIFY(m->isVisible());
        // Rows: A right, A wrong; columns: B right, B wrong.
        QCOMPARE(m->item(0, 0)->text(), QStringLiteral("1"));
        QCOMPARE(m->item(0, 1)->text(), QStringLiteral("0"));
        QCOMPARE(m->item(1, 0)->text(), QStringLiteral("4"));
        QCOMPARE(m->item(1, 1)->text(), QStringLiteral("1"));
        const QString summary = compare_->summaryLabel()->text();
        QVERIFY2(summary.contains(QStringLiteral("Exact McNemar on 4 discordant users")) &&
                     summary.contains(QStringLiteral("4 improvements · 0 regressions · 2 ties")) &&
                     summary.contains(QStringLiteral("6 paired users")),
                 qPrintable(summary));
        QCOMPARE(shownUsers().size(), 6);

        QLineEdit* filter = compare_->filterEdit();
        QTest::keyClick(compare_, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("is:improvement"));
        QCOMPARE(shownUsers(), (QStringList{user(1), user(2), user(3), user(4)}));
        filter->setText(QStringLiteral("is:regression"));
        QCOMPARE(shownUsers(), QStringList{});
        filter->setText(QStringLiteral("is:tie"));
        QCOMPARE(shownUsers(), (QStringList{user(0), user(5)}));
        filter->setText(QStringLiteral("is:tie ") + user(5));
        QCOMPARE(shownUsers(), QStringList{user(5)});
        // An unknown term is refused, named, and the list stays as it was.
        filter->setText(QStringLiteral("is:bogus"));
        QCOMPARE(shownUsers(), QStringList{user(5)});
        QVERIFY2(filter->toolTip().contains(QStringLiteral("is:bogus")),
                 qPrintable(filter->toolTip()));
        filter->clear();
        QCOMPARE(shownUsers().size(), 6);
        QVERIFY(filter->toolTip().isEmpty());

        // The chart has a bar per outcome: 0 worse, 2 the same, 4 better for B.
        QChart* chart = compare_->deltaChart()->chart();
        QVERIFY(chart && !chart->series().isEmpty());

        // LaMP RAG: every user a tie.
        t->setCurrentCell(comparisonRow(SystemId::LampRag), 0);
        QCOMPARE(compare_->usersModel()->count(PairedUsersModel::Outcome::Tie), std::size_t(6));
        QCOMPARE(m->item(0, 0)->text(), QStringLiteral("6"));
        t->setCurrentCell(comparisonRow(SystemId::R2P), 0);
    }

    void selectingAUserShowsBothTracesAndLabelsEitherSide() {
        compare_->filterEdit()->setText(QStringLiteral("is:improvement"));
        QTableView* view = compare_->usersView();
        view->setFocus();
        view->setCurrentIndex(compare_->usersModel()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Down); // the second improvement: user 2
        const QString a = compare_->traceView(CompareRunsWindow::SideA)->toPlainText();
        const QString b = compare_->traceView(CompareRunsWindow::SideB)->toPlainText();
        QVERIFY2(a.contains(QStringLiteral("User ") + user(2)), qPrintable(a));
        QVERIFY2(a.contains(QStringLiteral("stage text of run A for ") + user(2)), qPrintable(a));
        QVERIFY2(b.contains(QStringLiteral("stage text of run B for ") + user(2)), qPrintable(b));
        QVERIFY(a.contains(QStringLiteral("✖")));
        QVERIFY(b.contains(QStringLiteral("✔")));

        // A label on B's side lands on run B's R2P for user 2, and shows there only.
        QComboBox* label = compare_->labelChooser(CompareRunsWindow::SideB);
        QVERIFY(label->count() > 0);
        label->setCurrentIndex(0);
        QTest::keyClicks(compare_->noteEdit(CompareRunsWindow::SideB), QStringLiteral("B drifted"));
        QSignalSpy changed(session_.get(), &Session::annotationsChanged);
        QTest::mouseClick(compare_->labelButton(CompareRunsWindow::SideB), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        const auto onB = session_->annotationsOfUser(runB_, user(2).toStdString());
        QCOMPARE(onB.size(), std::size_t(1));
        QCOMPARE(onB[0].system, SystemId::R2P);
        QCOMPARE(onB[0].note, std::string("B drifted"));
        QCOMPARE(onB[0].label, label->currentData().toString().toStdString());
        QVERIFY(session_->annotationsOfUser(runA_, user(2).toStdString()).empty());
        QVERIFY(compare_->traceView(CompareRunsWindow::SideB)
                    ->toPlainText()
                    .contains(QStringLiteral("B drifted")));
        QVERIFY(!compare_->traceView(CompareRunsWindow::SideA)
                     ->toPlainText()
                     .contains(QStringLiteral("B drifted")));
        QVERIFY(compare_->noteEdit(CompareRunsWindow::SideB)->text().isEmpty());
    }

    void aComparisonThatCannotBeMadeSaysWhyAndKeepsTheLastResult() {
        const auto before = compare_->result();
        compare_->checkRuns({runA_});
        compare_->systemChooser()->setCurrentIndex(
            compare_->systemChooser()->findData(static_cast<int>(SystemId::R2P)));
        QSignalSpy done(compare_, &CompareRunsWindow::compared);
        QTest::mouseClick(compare_->compareButton(), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QCOMPARE(done.last().at(0).toBool(), false);
        QVERIFY2(compare_->statusLabel()->text().startsWith(QStringLiteral("Cannot compare:")),
                 qPrintable(compare_->statusLabel()->text()));
        QCOMPARE(compare_->result(), before);
        QCOMPARE(compare_->comparisonsTable()->rowCount(), 2);

        compare_->checkRuns({});
        QVERIFY(!compare_->compareButton()->isEnabled());
    }

    void theSweepPagePlotsStoredRunsThatDifferOnlyInK() {
        const std::int64_t k1 = storeRun(kImpostor, "K1", configWithK(1));
        const std::int64_t k2 = storeRun(kA, "K2", configWithK(2));
        QVERIFY(k1 > 0 && k2 > k1);
        session_->refreshRuns();
        QVERIFY(session_->selectRun(runB_));
        QVERIFY(test::waitForRun(*session_));
        AnalysisDock* dock = window_->analysisDock();
        QTest::mouseClick(dock->storedSweepButton(), Qt::LeftButton);
        QTableWidget* t = dock->sweepTable();
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isWorking() && t->rowCount() == 6, 30000);
        auto row = [t](int r) {
            return QStringList{t->item(r, 0)->text(), t->item(r, 1)->text(), t->item(r, 4)->text(),
                               t->item(r, 7)->text()};
        };
        const QString a = QString::number(k1), b = QString::number(k2), c = QString::number(runB_);
        QCOMPARE(row(0), (QStringList{"R2P", "1", "0.000", a}));
        QCOMPARE(row(1), (QStringList{"R2P", "2", "0.167", b}));
        QCOMPARE(row(2), (QStringList{"R2P", "5", "0.833", c}));
        QCOMPARE(row(3), (QStringList{"LaMP RAG", "1", "1.000", a}));
        QCOMPARE(row(5), (QStringList{"LaMP RAG", "5", "1.000", c}));
        // Each point's interval holds its value. (Accuracy resamples within gold labels, and
        // these six users' golds are six different labels: the intervals have no width.)
        QCOMPARE(t->item(5, 6)->text(), QStringLiteral("[1.000, 1.000]"));
        const QString ci = t->item(2, 6)->text(); // "[lo, hi]" around 0.833
        const QStringList bounds = ci.mid(1, ci.size() - 2).split(QStringLiteral(", "));
        QCOMPARE(bounds.size(), 2);
        QVERIFY2(bounds[0].toDouble() <= 0.833 && bounds[1].toDouble() >= 0.833, qPrintable(ci));
        QVERIFY2(dock->sweepStatus()->text().contains(a + QStringLiteral(", ") + b),
                 qPrintable(dock->sweepStatus()->text()));
        QVERIFY(!dock->sweepChart()->chart()->series().isEmpty());
    }

    // Metrics of a run that is one of three repeats: each metric's mean and spread over them.
    void metricsShowTheMeanAndSpreadOverRepeats() {
        std::int64_t repeats[3] = {};
        for (int r = 0; r < 3; ++r)
            repeats[r] = storeRun(kRepeat[r], "R" + std::to_string(r), repeatConfig(r, 5));
        const std::int64_t impostor = storeRun(kImpostor, "X", repeatConfig(1, 2));
        QVERIFY(repeats[0] > 0 && repeats[2] > repeats[1] && impostor > repeats[2]);
        session_->refreshRuns();
        MetricsDock* metrics = window_->metricsDock();
        QVERIFY(session_->selectRun(repeats[1]));
        QVERIFY(test::waitForRun(*session_));
        QTRY_VERIFY_WITH_TIMEOUT(!metrics->isSummarizing() && metrics->repeats(), 30000);
        const auto* values = metrics->repeats();
        QCOMPARE(values->runs, (std::vector<std::int64_t>{repeats[0], repeats[1], repeats[2]}));
        QCOMPARE(values->values.at({SystemId::R2P, "accuracy"}),
                 (std::vector<double>{1.0 / 6, 3.0 / 6, 5.0 / 6}));
        QTableWidget* t = metrics->runTable();
        QVERIFY(!t->isColumnHidden(8));
        int r2pAccuracy = -1;
        for (int row = 0; row < t->rowCount(); ++row)
            if (t->item(row, 0) && t->item(row, 0)->text() == QStringLiteral("R2P") &&
                t->item(row, 2)->text() == QStringLiteral("accuracy"))
                r2pAccuracy = row;
        QVERIFY(r2pAccuracy >= 0);
        QCOMPARE(t->item(r2pAccuracy, 3)->text(), QStringLiteral("0.500")); // this repeat
        QCOMPARE(t->item(r2pAccuracy, 8)->text(), QStringLiteral("0.500 ± 0.333"));
        QVERIFY2(t->item(r2pAccuracy, 8)->toolTip().contains(QStringLiteral("0.167, 0.500, 0.833")),
                 qPrintable(t->item(r2pAccuracy, 8)->toolTip()));
        QVERIFY2(metrics->heading()->text().contains(QStringLiteral("Repeat 2 of 3")),
                 qPrintable(metrics->heading()->text()));

        // A run that is no repeat: the column goes.
        QVERIFY(session_->selectRun(runB_));
        QVERIFY(test::waitForRun(*session_));
        QTRY_VERIFY_WITH_TIMEOUT(!metrics->isSummarizing(), 30000);
        QVERIFY(!metrics->repeats());
        QVERIFY(t->isColumnHidden(8));
    }
};

QTEST_MAIN(TestCompareRuns)
#include "tst_compare_runs.moc"
