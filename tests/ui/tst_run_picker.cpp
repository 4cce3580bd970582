// Choosing what is compared, offscreen: two stored runs of the LaMP-3 demo made by hand (each
// user's absolute error chosen in advance) and a one-user interactive run. The run picker and the
// baseline picker (keyboard only) change the Users view's Δ column, Slices, Metrics and Compare
// to hand-computed values; the Findings dock lists the run findings the status bar counts; a
// status notice goes when the user changes; Compare's legend says what its colours mark and
// shows LRM RAG's reasoning.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/Sqlite.h"
#include "model/Util.h"
#include "pipeline/analysis/Slices.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/engine/HrtTemplate.h"
#include "support/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Session.h"
#include "ui/models/FindingsModel.h"
#include "ui/models/UsersModel.h"
#include "ui/windows/AnalysisDock.h"
#include "ui/windows/CompareDock.h"
#include "ui/windows/FindingsDock.h"
#include "ui/windows/MetricsDock.h"
#include "ui/windows/UsersDock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <functional>
#include <memory>
#include <mutex>

using namespace r2p;
using namespace r2p::ui;

namespace {

// Each system's absolute error on the user's gold rating for the demo's first four users, by
// hand. Run A has R2P, LaMP RAG and LRM RAG; run B has R2P and LaMP RAG, with interventions on
// u0 and a contradicted candidate on u2.
//   Run A   u0  u1  u2  u3      Δ = R2P − baseline (MAE: negative is better for R2P)
//   R2P      0   1   2   0
//   LaMP     1   1   0   2      Δ vs LaMP  -1   0  +2  -2   slice "no intervention":
//   LRM      0   3   2   1      Δ vs LRM    0  -2   0  -1     R2P 0.750, LaMP 1.000,
//                                                             Δ -0.250, 2 / 1 / 1;
//                                                             LRM 1.500, Δ -0.750, 2 / 2 / 0
//   Run B
//   R2P      1   0   0   0
//   LaMP     0   0   2   1      Δ vs LaMP  +1   0  -2  -1   "RPI intervened" (u0): R2P 1.000,
//   RPI      2   0   0   0                                    LaMP 0.000, Δ +1.000, 0 / 0 / 1;
//   contra.  0   0   1   0                                    "no intervention" (u1-u3): R2P
//                                                             0.000, LaMP 1.000, Δ -1.000,
//                                                             2 / 1 / 0
struct Errors {
    int r2p, lamp, lrm;
};
const Errors kRunA[] = {{0, 1, 0}, {1, 1, 3}, {2, 0, 2}, {0, 2, 1}};
const Errors kRunB[] = {{1, 0, -1}, {0, 0, -1}, {0, 2, -1}, {0, 1, -1}};
const int kRunBInterventions[] = {2, 0, 0, 0};
const int kRunBContradicted[] = {0, 0, 1, 0};
const char* const kLrmReasoning = "The user rates gadgets by battery life, so this one";

int ratingWithError(int gold, int error) {
    return gold + error <= 5 ? gold + error : gold - error;
}

QString num(double v, int decimals) {
    return QLocale().toString(v, 'f', decimals);
}

} // namespace

class TestRunPicker : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;
    std::int64_t runA_ = 0, runB_ = 0, interactive_ = 0;

    std::int64_t storeRun(const std::vector<SystemId>& systems, std::size_t users,
                          const Errors* errors, const int* interventions, const int* contradicted) {
        const auto fill = [&](UserTrace& t, const UserIndexEntry& entry, std::size_t u) {
            const int gold = std::stoi(entry.gold);
            const int error = t.system == SystemId::R2P       ? errors[u].r2p
                              : t.system == SystemId::LampRag ? errors[u].lamp
                                                              : errors[u].lrm;
            t.prediction = std::to_string(ratingWithError(gold, error));
            t.scores = {{"MAE", error}, {"squared_error", error * error}};
            if (t.system == SystemId::R2P) {
                t.interventions = interventions ? interventions[u] : 0;
                for (int c = 0; contradicted && c < contradicted[u]; ++c) {
                    VerdictRecord v;
                    v.candidate = c;
                    v.answer = t.prediction;
                    v.verdict = Verdict::Contradicted;
                    t.verdicts.push_back(v);
                }
                for (int i = 0; interventions && i < interventions[u]; ++i) {
                    EventRecord e;
                    e.seq = i;
                    e.kind = EventKind::Intervention;
                    e.rule = RpiRule::Citations;
                    e.outcome = InterventionOutcome::Complied;
                    t.events.push_back(e);
                }
            }
            if (t.system == SystemId::LrmRag) { // a baseline that reasons before it answers
                StepRecord step;
                step.stage = StageId::Generate;
                step.status = StepStatus::Done;
                step.reasoning = std::string(kLrmReasoning) + " " + entry.id;
                step.answer = t.prediction;
                step.tokens.reasoning = 12;
                t.steps.push_back(step);
            }
        };
        std::string error;
        const auto id = test::storeSessionRun(*session_, systems, users, fill, {}, &error);
        if (id == 0)
            qWarning("%s", error.c_str());
        return id;
    }

    UsersDock* users() const { return window_->usersDock(); }

    // The Δ column of the Users view for the demo's first four users.
    QStringList deltaColumn() const {
        QStringList out;
        UsersModel* m = users()->model();
        for (int r = 0; r < 4; ++r)
            out << m->index(r, UsersModel::ColumnDelta).data().toString();
        return out;
    }

    static QStringList deltas(int a, int b, int c, int d) {
        QStringList out;
        for (int v : {a, b, c, d})
            out << (v > 0 ? QStringLiteral("+") : QString()) + num(v, 2);
        return out;
    }

    // The Slices table's row for `slice` (by intervention): users, both means, delta, W/T/L.
    QStringList sliceRow(const QString& slice) {
        AnalysisDock* dock = window_->analysisDock();
        dock->tabs()->setCurrentIndex(0);
        dock->sliceKindBox()->setCurrentIndex(
            dock->sliceKindBox()->findData(static_cast<int>(analysis::SliceKind::Intervention)));
        if (!QTest::qWaitFor([dock] { return !dock->slicesPending(); }, 10000))
            return {QStringLiteral("slices still computing")};
        QTableWidget* t = dock->slicesTable();
        for (int r = 0; r < t->rowCount(); ++r)
            if (t->item(r, 0) && t->item(r, 0)->text() == slice) {
                QStringList cells; // users, R2P, baseline, delta, win / tie / loss
                for (int c = 1; c <= 5; ++c)
                    cells << (t->item(r, c) ? t->item(r, c)->text() : QString());
                return cells;
            }
        return {QStringLiteral("no slice ") + slice};
    }

    // The Slices table's 95% interval of the delta for `slice` (the row sliceRow just showed).
    std::pair<double, double> sliceCi(const QString& slice) {
        QTableWidget* t = window_->analysisDock()->slicesTable();
        for (int r = 0; r < t->rowCount(); ++r)
            if (t->item(r, 0) && t->item(r, 0)->text() == slice && t->item(r, 6)) {
                const QString text = t->item(r, 6)->text(); // "[lo, hi]"
                const QStringList parts = text.mid(1, text.size() - 2).split(QStringLiteral(", "));
                if (parts.size() == 2)
                    return {QLocale().toDouble(parts[0]), QLocale().toDouble(parts[1])};
            }
        return {NAN, NAN};
    }

    // Opens a picker from the keyboard (its action's shortcut) and picks the row whose data is
    // `value` with arrow keys and Return in the open list.
    void pickByKeyboard(const char* actionName, QComboBox* picker, const QVariant& value) {
        QAction* a = window_->action(QString::fromLatin1(actionName));
        QVERIFY(a);
        a->trigger();
        QTRY_VERIFY(picker->view()->isVisible());
        const int target = picker->findData(value);
        QVERIFY2(target >= 0, qPrintable(value.toString()));
        int steps = target - picker->view()->currentIndex().row();
        const Qt::Key key = steps > 0 ? Qt::Key_Down : Qt::Key_Up;
        for (steps = std::abs(steps); steps > 0; --steps)
            QTest::keyClick(picker->view(), key);
        QTest::keyClick(picker->view(), Qt::Key_Return);
        QTRY_VERIFY(!picker->view()->isVisible());
    }

    void pickRun(std::int64_t runId) {
        const bool another = session_->selection().run != runId;
        QSignalSpy changed(session_.get(), &Session::selectionChanged);
        pickByKeyboard("chooseRun", users()->runPicker(), QVariant::fromValue<qlonglong>(runId));
        QVERIFY(test::waitForRun(*session_));
        if (another) {
            QVERIFY(!changed.isEmpty());
            QCOMPARE(changed.last().at(0).value<Selection>().run, runId);
        }
        QCOMPARE(session_->selection().run, runId);
    }

    void pickBaseline(SystemId baseline) {
        const bool another = session_->selection().baseline != baseline;
        QSignalSpy changed(session_.get(), &Session::selectionChanged);
        pickByKeyboard("chooseBaseline", users()->baselinePicker(), static_cast<int>(baseline));
        QVERIFY(test::waitForRun(*session_));
        if (another) {
            QVERIFY(!changed.isEmpty());
            QCOMPARE(changed.last().at(0).value<Selection>().baseline, baseline);
        }
        QCOMPARE(session_->selection().baseline, baseline);
    }

private slots:
    void initTestCase() {
        test::setUpUiTestApplication();
        dir_ = std::make_unique<QTemporaryDir>();
        session_ = std::make_unique<Session>();
        window_ = std::make_unique<MainWindow>(session_.get());
        QVERIFY(window_->openProject(dir_->filePath(QStringLiteral("picker.r2p")), true));
        window_->resize(1500, 950);
        window_->show();
        QApplication::setActiveWindow(window_.get());
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDemo(TaskId::LaMP3);
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 60000);
        QVERIFY(session_->dataset()->users.size() >= 6);
        QVERIFY(!session_->runResults()); // a fresh project: nothing stored yet
        runA_ = storeRun({SystemId::R2P, SystemId::LampRag, SystemId::LrmRag}, 4, kRunA, nullptr,
                         nullptr);
        runB_ = storeRun({SystemId::R2P, SystemId::LampRag}, 4, kRunB, kRunBInterventions,
                         kRunBContradicted);
        const Errors one[] = {{0, 0, 0}};
        interactive_ = storeRun({SystemId::R2P}, 1, one, nullptr, nullptr);
        QVERIFY(runA_ > 0 && runB_ > runA_ && interactive_ > runB_);
        QSignalSpy listed(session_.get(), &Session::runsChanged);
        session_->refreshRuns();
        QCOMPARE(listed.count(), 1);
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        dir_.reset();
    }

    void thePickerListsEveryRunOfTheDatasetInteractiveMarked() {
        QComboBox* picker = users()->runPicker();
        QCOMPARE(picker->count(), 3); // newest first
        QCOMPARE(picker->itemData(0).toLongLong(), interactive_);
        QCOMPARE(picker->itemData(1).toLongLong(), runB_);
        QCOMPARE(picker->itemData(2).toLongLong(), runA_);
        QVERIFY2(picker->itemText(0).contains(QStringLiteral("interactive")),
                 qPrintable(picker->itemText(0)));
        QVERIFY(
            picker->itemText(0).contains(QString::fromStdString(session_->dataset()->users[0].id)));
        QVERIFY2(picker->itemText(2).startsWith(QStringLiteral("Run %1 · 4 users").arg(runA_)),
                 qPrintable(picker->itemText(2)));
        QVERIFY(!picker->itemText(1).contains(QStringLiteral("interactive")));
        QVERIFY(picker->itemData(0, Qt::ForegroundRole).isValid()); // set apart
        QVERIFY(!picker->itemData(1, Qt::ForegroundRole).isValid());
    }

    // A run is read off the GUI thread (400,000 rows at 100,000 users): selectRun returns at
    // once, the Users view says it is reading, the newest choice is the one shown, and a run the
    // project does not have is refused at once with the shown one kept.
    void aRunIsReadInTheBackgroundAndTheNewestChoiceWins() {
        pickRun(runA_);
        QSignalSpy loading(session_.get(), &Session::runLoading);
        QSignalSpy changed(session_.get(), &Session::runChanged);
        QVERIFY(session_->selectRun(runB_));
        QVERIFY(session_->selectRun(runA_)); // before B's read is delivered
        QCOMPARE(loading.count(), 2);
        QVERIFY(changed.isEmpty()); // nothing announced before the event loop delivers it
        QVERIFY(session_->isRunLoading());
        QVERIFY(session_->isBusy());
        QCOMPARE(session_->loadingRun(), runA_);
        QCOMPARE(session_->runResults()->runId, runA_); // the shown run stays meanwhile
        auto* status = users()->findChild<QLabel*>(QStringLiteral("RunLoadingStatus"));
        QVERIFY(status && status->isVisibleTo(users()));
        QCOMPARE(status->text(), QStringLiteral("Reading run %1…").arg(runA_));
        QVERIFY(test::waitForRun(*session_));
        QCOMPARE(changed.count(), 1); // B's read was dropped, never shown
        QCOMPARE(session_->runResults()->runId, runA_);
        QVERIFY(!status->isVisibleTo(users()));
        QString error;
        QVERIFY(!session_->selectRun(runB_ + 1000, &error));
        QVERIFY2(error.contains(QString::number(runB_ + 1000)), qPrintable(error));
        QVERIFY(!session_->isRunLoading());
        QCOMPARE(session_->runResults()->runId, runA_);
    }

    // A read that fails after the run was found (here its users' table is gone, renamed under
    // the window) is reported: runLoadFailed with the store's message naming the project and the
    // run, the Users view says the run cannot be shown, and the run shown before stays.
    void aRunWhoseReadFailsIsReportedAndTheShownRunStays() {
        pickRun(runA_);
        ProjectStore* store = session_->store();
        QVERIFY(store);
        const auto rename = [store](const char* sql) {
            std::lock_guard lock(store->mutex());
            return sql::exec(store->handle(), sql).ok();
        };
        QVERIFY(rename("ALTER TABLE run_users RENAME TO run_users_hidden"));
        struct Restore {
            std::function<void()> undo;
            ~Restore() { undo(); }
        } restore{[&] {
            QVERIFY(rename("ALTER TABLE run_users_hidden RENAME TO run_users"));
        }};
        QSignalSpy failed(session_.get(), &Session::runLoadFailed);
        QSignalSpy changed(session_.get(), &Session::runChanged);
        QVERIFY(session_->selectRun(runB_)); // the run itself is there
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(0).toLongLong(), runB_);
        const QString message = failed.first().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("picker.r2p")) &&
                     message.contains(QStringLiteral("run %1").arg(runB_)),
                 qPrintable(message));
        QVERIFY(changed.isEmpty());
        QVERIFY(!session_->isRunLoading());
        QCOMPARE(session_->runResults()->runId, runA_);
        QCOMPARE(session_->selection().run, runA_);
        auto* status = users()->findChild<QLabel*>(QStringLiteral("RunLoadingStatus"));
        auto* error = users()->findChild<QLabel*>(QStringLiteral("RunPickerError"));
        QVERIFY(status && error);
        QVERIFY(!status->isVisibleTo(users()));
        QVERIFY(error->isVisibleTo(users()));
        QCOMPARE(error->text(),
                 QStringLiteral("Run %1 cannot be shown: %2").arg(runB_).arg(message));
        QCOMPARE(users()->runPicker()->currentData().toLongLong(), runA_);
    }

    void pickingRunAndBaselineChangesDeltasAndSlices() {
        pickRun(runA_);
        // Run A against LaMP RAG, its default baseline.
        QCOMPARE(session_->selection().baseline, SystemId::LampRag);
        QCOMPARE(deltaColumn(), deltas(-1, 0, 2, -2));
        QCOMPARE(sliceRow(QStringLiteral("no intervention")),
                 (QStringList{QStringLiteral("4"), num(0.75, 3), num(1.0, 3), num(-0.25, 3),
                              QStringLiteral("2 / 1 / 1")}));
        QCOMPARE(users()->baselinePicker()->count(), 2);

        // Against LRM RAG: the Users view, Slices, Compare and Metrics follow.
        pickBaseline(SystemId::LrmRag);
        QCOMPARE(deltaColumn(), deltas(0, -2, 0, -1));
        QCOMPARE(
            users()->model()->headerData(UsersModel::ColumnBaseline, Qt::Horizontal).toString(),
            QStringLiteral("LRM RAG"));
        QCOMPARE(sliceRow(QStringLiteral("no intervention")),
                 (QStringList{QStringLiteral("4"), num(0.75, 3), num(1.5, 3), num(-0.75, 3),
                              QStringLiteral("2 / 2 / 0")}));
        QCOMPARE(window_->analysisDock()->slicesTable()->horizontalHeaderItem(3)->text(),
                 QStringLiteral("LRM RAG"));
        QCOMPARE(window_->compareDock()->baselineChooser()->currentData().toInt(),
                 static_cast<int>(SystemId::LrmRag));
        QVERIFY(window_->metricsDock()->findChild<QLabel*>()); // the heading exists
        bool headingSaysLrm = false;
        for (QLabel* l : window_->metricsDock()->findChildren<QLabel*>())
            headingSaysLrm |= l->text().contains(QStringLiteral("R2P against <b>LRM RAG</b>"));
        QVERIFY(headingSaysLrm);

        // Run B has no LRM RAG: LaMP RAG there, with B's own numbers.
        pickRun(runB_);
        QCOMPARE(session_->selection().baseline, SystemId::LampRag);
        QCOMPARE(deltaColumn(), deltas(1, 0, -2, -1));
        QCOMPARE(sliceRow(QStringLiteral("RPI intervened")),
                 (QStringList{QStringLiteral("1"), num(1.0, 3), num(0.0, 3), num(1.0, 3),
                              QStringLiteral("0 / 0 / 1")}));
        QCOMPARE(sliceRow(QStringLiteral("no intervention")),
                 (QStringList{QStringLiteral("3"), num(0.0, 3), num(1.0, 3), num(-1.0, 3),
                              QStringLiteral("2 / 1 / 0")}));
        // Intervals of the slice's delta: one user (+1) has no spread; u1-u3 (0, -2, -1) give
        // one around -1.000 within the deltas' range.
        QCOMPARE(sliceCi(QStringLiteral("RPI intervened")), (std::pair{1.0, 1.0}));
        const auto ci = sliceCi(QStringLiteral("no intervention"));
        QVERIFY2(ci.first >= -2.0 && ci.first <= -1.0 && ci.second >= -1.0 && ci.second <= 0.0,
                 qPrintable(QStringLiteral("[%1, %2]").arg(ci.first).arg(ci.second)));
        QCOMPARE(users()->baselinePicker()->count(), 1);

        // Back on run A the chosen baseline, LRM RAG, is still the one compared.
        pickRun(runA_);
        QCOMPARE(session_->selection().baseline, SystemId::LrmRag);
        QCOMPARE(deltaColumn(), deltas(0, -2, 0, -1));
    }

    void compareChoosesTheBaselineForEveryPane() {
        // Compare's own chooser changes Session's baseline, and with it the Users view.
        pickRun(runA_);
        window_->compareDock()->show();
        window_->compareDock()->raise();
        QComboBox* chooser = window_->compareDock()->baselineChooser();
        QSignalSpy changed(session_.get(), &Session::selectionChanged);
        chooser->setFocus();
        const int lamp = chooser->findData(static_cast<int>(SystemId::LampRag));
        const int lrm = chooser->findData(static_cast<int>(SystemId::LrmRag));
        QVERIFY(lamp >= 0 && lrm >= 0);
        chooser->setCurrentIndex(lrm);
        QTest::keyClick(chooser, lamp < lrm ? Qt::Key_Up : Qt::Key_Down);
        QVERIFY(test::waitForRun(*session_));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(session_->selection().baseline, SystemId::LampRag);
        QCOMPARE(deltaColumn(), deltas(-1, 0, 2, -2));
        QCOMPARE(users()->baselinePicker()->currentData().toInt(),
                 static_cast<int>(SystemId::LampRag));
    }

    void compareShowsLrmReasoningAndALegendThatMatchesTheMarks() {
        pickRun(runA_);
        pickBaseline(SystemId::LrmRag);
        users()->view()->setFocus();
        session_->selectUser(0);
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 20000);
        CompareDock* compare = window_->compareDock();
        compare->show();
        compare->raise();
        const std::string id = session_->dataset()->users[0].id;
        const QString reasoning =
            QString::fromLatin1(kLrmReasoning) + QLatin1Char(' ') + QString::fromStdString(id);
        QTRY_VERIFY2(compare->rightView()->toPlainText().contains(reasoning),
                     qPrintable(compare->rightView()->toPlainText()));
        QVERIFY(compare->rightView()->toPlainText().contains(QStringLiteral("Reasoning:")));
        QVERIFY(compare->stagesView()->toPlainText().contains(reasoning));
        // u0's R2P answer is the gold (error 0): the gold's word is marked as shared, in the
        // style the legend gives the words "R2P's answer has".
        const QString shared = QStringLiteral("<span style='background:#c8e6c9; color:#1b5e20'>");
        const QString gold = compare->goldLabel()->text();
        QVERIFY2(gold.contains(shared + QString::fromStdString(session_->dataset()->users[0].gold) +
                               QStringLiteral("</span>")),
                 qPrintable(gold));
        QVERIFY2(gold.contains(shared + QStringLiteral("words</span> R2P's answer has")),
                 qPrintable(gold));
        QVERIFY(!gold.contains(QStringLiteral("the words R2P shares")));
    }

    void findingsDockListsTheRunFindings() {
        pickRun(runB_);
        QToolButton* button = window_->runFindingsButton();
        QCOMPARE(button->text(), QStringLiteral("Run %1: 2 findings").arg(runB_));
        FindingsModel* model = window_->findingsDock()->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList runRows;
        int interventionRow = -1;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex i = model->index(r, FindingsModel::ColumnMessage);
            if (i.data(FindingsModel::RunRole).toLongLong() != runB_)
                continue;
            runRows << i.data().toString() + QStringLiteral(" | ") +
                           model->index(r, FindingsModel::ColumnRecord).data().toString();
            if (i.data(FindingsModel::UserFilterRole).toString() ==
                QLatin1String("has:intervention"))
                interventionRow = r;
        }
        const auto& ds = session_->dataset()->users;
        QCOMPARE(runRows, (QStringList{QStringLiteral("1 user with a contradicted candidate | ") +
                                           QString::fromStdString(ds[2].id),
                                       QStringLiteral("1 user with RPI interventions | ") +
                                           QString::fromStdString(ds[0].id)}));
        // Activating one (Return) lists its users in the Users view and selects the first.
        session_->selectUser(3);
        QTableView* view = window_->findingsDock()->view();
        window_->findingsDock()->show();
        view->setFocus();
        view->setCurrentIndex(model->index(interventionRow, FindingsModel::ColumnMessage));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(users()->filterLine()->text(), QStringLiteral("has:intervention"));
        QCOMPARE(session_->selectedUser(), 0);
        QCOMPARE(users()->visibleRows(), (std::vector<std::size_t>{0}));
        users()->setFilterText(QString());

        // Run A has none: no run rows, no button.
        pickRun(runA_);
        QVERIFY(button->isHidden());
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->index(r, 0).data(FindingsModel::RunRole).toLongLong(), 0);
    }

    void aStatusNoticeGoesWhenTheUserChanges() {
        pickRun(runA_);
        // User 5 is not in run A: replaying it leaves a notice naming what is missing.
        session_->selectUser(5);
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 20000);
        QVERIFY(window_->statusNotice().isEmpty());
        window_->action(QStringLiteral("replayRun"))->trigger();
        QVERIFY(!window_->statusNotice().isEmpty());
        QSignalSpy changed(session_.get(), &Session::selectionChanged);
        window_->action(QStringLiteral("previousUser"))->trigger();
        QVERIFY(!changed.isEmpty());
        QCOMPARE(session_->selectedUser(), 4);
        QVERIFY2(window_->statusNotice().isEmpty(), qPrintable(window_->statusNotice()));
        // Nor does one outlive its run.
        window_->action(QStringLiteral("replayRun"))->trigger();
        QVERIFY(!window_->statusNotice().isEmpty());
        pickRun(runB_);
        QVERIFY2(window_->statusNotice().isEmpty(), qPrintable(window_->statusNotice()));
    }
};

QTEST_MAIN(TestRunPicker)
#include "tst_run_picker.moc"
