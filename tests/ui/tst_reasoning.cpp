// Stepping through R2P in the real window, offscreen, with the keyboard: F10 runs one stage, F5
// runs to the end, the timeline and the stage tabs follow, verdicts and the final choice appear,
// a stage re-runs, an output is edited, a run is cancelled, and a new selection drops the old
// run. Every model is checked by QAbstractItemModelTester.
#include "model/RunStore.h"
#include "support/OpenAiTestServer.h"
#include "support/TestSupport.h"
#include "support/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/RunController.h"
#include "ui/Session.h"
#include "ui/Settings.h"
#include "ui/StageText.h"
#include "ui/models/ProfileModel.h"
#include "ui/models/StageTimelineModel.h"
#include "ui/models/StagesModel.h"
#include "ui/models/VerdictsModel.h"
#include "ui/widgets/DeltaText.h"
#include "ui/windows/AnnotationsDock.h"
#include "ui/windows/MetricsDock.h"
#include "ui/windows/ProfileDock.h"
#include "ui/windows/ReasoningDock.h"
#include "ui/windows/UsersDock.h"
#include "ui/windows/VerdictsDock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>
#include <memory>

using namespace r2p;
using namespace r2p::ui;

class TestReasoning : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    RunController* runs() const { return window_->runController(); }
    StagesModel* stages() const { return window_->reasoningDock()->model(); }

    void openDemo(TaskId task) {
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDemo(task);
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(runs()->hasRun(), 60000);
    }

    // Presses a key in the window and waits for the stage(s) it started to finish.
    void pressAndWait(Qt::Key key) {
        QSignalSpy done(runs(), &RunController::runningChanged);
        QTest::keyClick(window_.get(), key);
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 60000); // started
        QTRY_VERIFY_WITH_TIMEOUT(!runs()->isRunning(), 60000);
    }

    // The timeline row of a stage (by name, not by where the plan puts it); fails when absent.
    int rowOfStage(StageId stage, int candidate = 0) const {
        for (int r = 0; r < stages()->rowCount(); ++r) {
            const QModelIndex i = stages()->index(r, 0);
            if (i.data(StagesModel::StageRole).toInt() == static_cast<int>(stage) &&
                i.data(StagesModel::CandidateRole).toInt() == candidate)
                return r;
        }
        qWarning("no timeline row for stage %s, candidate %d", stageName(stage).data(), candidate);
        return -1;
    }

    // The timeline's (grouped) index of a stage, looked up by name.
    QModelIndex inTimeline(StageId stage, int candidate = 0) const {
        return window_->reasoningDock()->timelineIndexOf(stage, candidate);
    }
    static int stageOf(const QModelIndex& i) { return i.data(StagesModel::StageRole).toInt(); }

    int rowsInState(StagesModel::State state) const {
        int n = 0;
        for (int r = 0; r < stages()->rowCount(); ++r)
            n += stages()->index(r, 0).data(StagesModel::StateRole).toInt() ==
                         static_cast<int>(state)
                     ? 1
                     : 0;
        return n;
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
        QApplication::setActiveWindow(window_.get());
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        runs()->setTokensPerSecond(0); // tests want results, not a live pace
    }

    void cleanup() {
        window_.reset();
        session_.reset();
        dir_.reset();
    }

    void modelsPassTheModelTester() {
        QAbstractItemModelTester stagesTester(
            stages(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester verdictsTester(
            window_->verdictsDock()->model(),
            QAbstractItemModelTester::FailureReportingMode::QtTest);
        openDemo(TaskId::LaMP2);
        pressAndWait(Qt::Key_F10);
        pressAndWait(Qt::Key_F5);
        QVERIFY(runs()->finished());
        const int before = session_->selectedUser();
        window_->usersDock()->step(1); // a new user resets both models
        QTRY_VERIFY_WITH_TIMEOUT(session_->selectedUser() != before, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(runs()->hasRun() && runs()->trace().steps.empty(), 60000);
    }

    // A server in the settings: the first F10 asks it once, off the GUI thread, which prompt
    // mode fits (a one-token probe of /v1/completions), then runs in that mode.
    void aServerBackendAsksForThePromptModeBeforeTheFirstStage() {
        test::ServerOptions options;
        options.models = {"deepseek-r1-distill-qwen-7b"};
        test::OpenAiTestServer server(options);
        RunSettings settings = RunSettings::load();
        settings.backend = QStringLiteral("openai");
        settings.baseUrl = QString::fromStdString(server.baseUrl());
        settings.model = QStringLiteral("deepseek-r1-distill-qwen-7b");
        settings.save();
        runs()->applySettings();
        openDemo(TaskId::LaMP3);
        pressAndWait(Qt::Key_F10); // Retrieve: the probe went first
        pressAndWait(Qt::Key_F10); // Task analysis
        RunSettings{}.save();      // back to offline for the other tests
        runs()->applySettings();
        const auto requests = server.requests();
        QVERIFY(requests.size() >= 2);
        QCOMPARE(requests[0].path, std::string("/v1/completions"));
        QVERIFY(requests[0].json && requests[0].json->value("max_tokens", 0) == 1);
        QCOMPARE(requests[1].path, std::string("/v1/completions")); // prefill, as probed
    }

    void f10StepsOneStageAndTheTimelineFollows() {
        openDemo(TaskId::LaMP3);
        const int planned = static_cast<int>(runs()->plan().size());
        QCOMPARE(stages()->rowCount(), planned); // every stage pending
        QCOMPARE(rowsInState(StagesModel::State::Pending), planned);
        QVERIFY(window_->reasoningDock()->statusLabel()->text().contains(QStringLiteral("F10")));

        // F10 runs exactly the next stage of the plan.
        const std::vector<StageId> plan = runs()->plan();
        QVERIFY(plan.size() >= 2);
        pressAndWait(Qt::Key_F10);
        QCOMPARE(test::stageList(runs()->trace().steps),
                 QStringList{QString::fromUtf8(stageName(plan[0]))});
        QCOMPARE(rowsInState(StagesModel::State::Done), 1);

        pressAndWait(Qt::Key_F10);
        QCOMPARE(test::stageList(runs()->trace().steps),
                 (QStringList{QString::fromUtf8(stageName(plan[0])),
                              QString::fromUtf8(stageName(plan[1]))}));
        // The finished stage (LaMP-3's second is the task analysis) is selected and its tabs
        // show what was sent and streamed.
        QCOMPARE(plan[1], StageId::TaskAnalysis);
        const QModelIndex current = window_->reasoningDock()->timeline()->currentIndex();
        QCOMPARE(current.data(StagesModel::StageRole).toInt(),
                 static_cast<int>(StageId::TaskAnalysis));
        QCOMPARE(current.data(StagesModel::StepIndexRole).toInt(),
                 static_cast<int>(runs()->trace().steps.size()) - 1);
        QVERIFY(window_->reasoningDock()->promptView()->toPlainText().contains(
            QStringLiteral("## Task analysis")));
        QVERIFY(window_->reasoningDock()->streamView()->toPlainText().contains(
            QStringLiteral("## Task analysis")));
        QVERIFY(window_->reasoningDock()->parsedView()->toPlainText().contains(
            QStringLiteral("\"body\"")));
    }

    void f5RunsToTheEndAndVerdictsAppear() {
        openDemo(TaskId::LaMP2);
        pressAndWait(Qt::Key_F5);
        QVERIFY(runs()->finished());
        QCOMPARE(rowsInState(StagesModel::State::Pending), 0);
        const UserTrace& t = runs()->trace();
        QCOMPARE(t.status, UserStatus::Done);
        QCOMPARE(stages()->rowCount(), static_cast<int>(t.steps.size()));
        VerdictsModel* verdicts = window_->verdictsDock()->model();
        QCOMPARE(verdicts->rowCount(), 3);
        int chosen = 0;
        for (int r = 0; r < verdicts->rowCount(); ++r) {
            chosen += verdicts->index(r, 0).data(VerdictsModel::ChosenRole).toBool() ? 1 : 0;
            QVERIFY(!verdicts->index(r, VerdictsModel::ColumnVerdict).data().toString().isEmpty());
        }
        QCOMPARE(chosen, 1);
        // The evidence matrix: a row per candidate, a column per retrieved item, a mark for
        // each item a verdict rests on.
        QTableWidget* matrix = window_->verdictsDock()->matrix();
        QCOMPARE(matrix->rowCount(), 3);
        QCOMPARE(matrix->columnCount(), static_cast<int>(runs()->items().size()));
        int marks = 0, expected = 0;
        for (int r = 0; r < matrix->rowCount(); ++r)
            for (int c = 0; c < matrix->columnCount(); ++c)
                marks += matrix->item(r, c) ? 1 : 0;
        for (const auto& v : t.verdicts)
            expected += static_cast<int>(v.evidence.size());
        QCOMPARE(marks, expected);
        QVERIFY(matrix->verticalHeaderItem(0)->text().contains(QStringLiteral("#")));
        QVERIFY(window_->verdictsDock()->finalLabel()->text().contains(
            QString::fromStdString(t.prediction)));
        QVERIFY(window_->reasoningDock()->statusLabel()->text().contains(
            QStringLiteral("offline (no LLM)")));
        // Step and Run are done; Re-run is what is left.
        QVERIFY(!window_->action(QStringLiteral("runStep"))->isEnabled());
        QVERIFY(!window_->action(QStringLiteral("runToEnd"))->isEnabled());
    }

    void interventionsShowTheirRuleAndInjectedText() {
        openDemo(TaskId::LaMP4);
        // Find a user whose run the offline reasoner takes off the template at least once.
        bool found = false;
        for (int u = 0; u < 20 && !found; ++u) {
            window_->usersDock()->step(u == 0 ? 0 : 1);
            QTRY_VERIFY_WITH_TIMEOUT(runs()->hasRun() && !session_->isBusy(), 60000);
            pressAndWait(Qt::Key_F5);
            found = runs()->trace().interventions > 0;
        }
        QVERIFY2(found, "no demo user with an RPI intervention");
        const UserTrace& t = runs()->trace();
        const EventRecord* e = nullptr;
        for (const auto& ev : t.events)
            if (ev.kind == EventKind::Intervention)
                e = &ev;
        QVERIFY(e);
        const int row = stages()->rowOfStep(e->stepSeq);
        QVERIFY(row >= 0);
        QVERIFY(stages()
                    ->index(row, StagesModel::ColumnRpi)
                    .data()
                    .toString()
                    .contains(QStringLiteral("⚑")));
        window_->reasoningDock()->timeline()->setFocus();
        window_->reasoningDock()->timeline()->setCurrentIndex(
            window_->reasoningDock()->timelineModel()->indexOfSourceRow(row));
        const QString shown = window_->reasoningDock()->interventionsView()->toPlainText();
        QVERIFY2(shown.contains(QString::fromStdString(e->injected)), qPrintable(shown));
        QVERIFY(shown.contains(StageText::outcome(e->outcome)));
    }

    void aClickedVerdictReachesEveryPaneThroughTheOneSelectionSignal() {
        openDemo(TaskId::LaMP2);
        pressAndWait(Qt::Key_F5);
        auto* timeline = window_->reasoningDock()->timeline();
        const int synthesis = rowOfStage(StageId::ProfileSynthesis);
        QVERIFY(synthesis >= 0);
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                          timeline->visualRect(inTimeline(StageId::ProfileSynthesis)).center());
        QCOMPARE(session_->selection().picked, AnnotationTarget::Stage);
        const auto& verdicts = runs()->trace().verdicts;
        QVERIFY(verdicts.size() > 1);
        QStringList evidence; // verdict 1's evidence items by id, from the trace
        for (int n : verdicts[1].evidence)
            evidence << QString::fromStdString(
                runs()->items()[static_cast<std::size_t>(n - 1)].profileId);
        QVERIFY(!evidence.isEmpty());

        QSignalSpy spy(session_.get(), &Session::selectionChanged);
        QTableView* view = window_->verdictsDock()->view();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(view->model()->index(1, 0)).center());
        QCOMPARE(spy.count(), 1); // one change, announced once
        const auto now = spy.at(0).at(0).value<Selection>();
        const auto before = spy.at(0).at(1).value<Selection>();
        QCOMPARE(before.verdict, -1);
        QCOMPARE(before.picked, AnnotationTarget::Stage);
        QCOMPARE(now.verdict, verdicts[1].candidate);
        QCOMPARE(now.picked, AnnotationTarget::Verdict);
        QCOMPARE(now.user, before.user);
        QCOMPARE(now.stage, StageId::ProfileSynthesis); // the Reasoning dock still shows it
        QCOMPARE(now.cited, evidence);
        QCOMPARE(session_->selection(), now);
        // Every observer followed that one signal: the history stars the evidence, the
        // Annotations dock labels the verdict, the Reasoning dock stays on its stage.
        ProfileModel* profile = window_->profileDock()->model();
        QStringList starred;
        for (int r = 0; r < profile->rowCount(); ++r)
            if (profile->index(r, 0).data(ProfileModel::CitedRole).toBool())
                starred << profile->index(r, ProfileModel::ColumnId).data().toString();
        starred.sort();
        QStringList expected = evidence;
        expected.sort();
        QCOMPARE(starred, expected);
        const Annotation& target = window_->annotationsDock()->target();
        QCOMPARE(target.target, AnnotationTarget::Verdict);
        QCOMPARE(target.candidate, verdicts[1].candidate);
        QCOMPARE(stageOf(timeline->currentIndex()), static_cast<int>(StageId::ProfileSynthesis));

        // A stage picked again: the verdict goes from the selection and from the Verdicts view.
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                          timeline->visualRect(inTimeline(StageId::Retrieve)).center());
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).value<Selection>().verdict, -1);
        QCOMPARE(window_->annotationsDock()->target().target, AnnotationTarget::Stage);
        QVERIFY(!view->currentIndex().isValid());
    }

    void theSelectedStageOrVerdictMarksItsItemsInTheHistory() {
        openDemo(TaskId::LaMP2);
        pressAndWait(Qt::Key_F5);
        ProfileModel* profile = window_->profileDock()->model();
        auto cited = [profile] {
            QStringList ids;
            for (int r = 0; r < profile->rowCount(); ++r)
                if (profile->index(r, 0).data(ProfileModel::CitedRole).toBool())
                    ids << profile->index(r, ProfileModel::ColumnId).data().toString();
            return ids;
        };
        // The profile synthesis cites items: exactly those are starred.
        const int synthesis = rowOfStage(StageId::ProfileSynthesis);
        QVERIFY(synthesis >= 0);
        auto* timeline = window_->reasoningDock()->timeline();
        // With the mouse, as a user would.
        const QRect cell = timeline->visualRect(inTimeline(StageId::ProfileSynthesis));
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(stageOf(timeline->currentIndex()), static_cast<int>(StageId::ProfileSynthesis));
        QVERIFY(!session_->citedItems().isEmpty());
        QStringList expected = session_->citedItems();
        QStringList shown = cited();
        expected.sort();
        shown.sort();
        QCOMPARE(shown, expected);
        QVERIFY(profile->index(0, 0).data().toString().startsWith(QStringLiteral("★")) ||
                !profile->index(0, 0).data(ProfileModel::CitedRole).toBool());
        // A verdict marks its evidence instead.
        auto* verdicts = window_->verdictsDock()->view();
        QTest::mouseClick(verdicts->viewport(), Qt::LeftButton, {},
                          verdicts->visualRect(verdicts->model()->index(1, 0)).center());
        const auto& evidence = runs()->trace().verdicts[1].evidence;
        QCOMPARE(session_->citedItems().size(), static_cast<qsizetype>(evidence.size()));
        QCOMPARE(cited().size(), static_cast<qsizetype>(evidence.size()));
        // The retrieval itself cites nothing; another user clears the marks.
        const int retrieve = rowOfStage(StageId::Retrieve);
        QVERIFY(retrieve >= 0);
        timeline->setCurrentIndex(inTimeline(StageId::Retrieve));
        QVERIFY(session_->citedItems().isEmpty());
        QVERIFY(cited().isEmpty());
    }

    void rerunAndEditRedoWhatFollows() {
        openDemo(TaskId::LaMP3);
        pressAndWait(Qt::Key_F5);
        const std::size_t all = runs()->trace().steps.size();
        // Re-run from the profile synthesis: the earlier stages stay.
        auto* timeline = window_->reasoningDock()->timeline();
        const int synthesis = rowOfStage(StageId::ProfileSynthesis);
        QVERIFY(synthesis > 0);
        timeline->setFocus();
        timeline->setCurrentIndex(inTimeline(StageId::ProfileSynthesis));
        // Ctrl+R forgets the stage and what follows, then runs them again: a new trace, stored.
        QStringList rewound; // the trace as announced right after the rewind
        const auto watch = connect(runs(), &RunController::traceChanged, this, [&] {
            if (rewound.isEmpty() && runs()->trace().steps.size() < all)
                rewound = test::stageList(runs()->trace().steps);
        });
        QSignalSpy stored(runs(), &RunController::interactiveRunStored);
        QSignalSpy running(runs(), &RunController::runningChanged);
        QTest::keyClick(window_.get(), Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(stored.size() == 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!runs()->isRunning(), 60000);
        disconnect(watch);
        QCOMPARE(rewound,
                 (QStringList{QStringLiteral("retrieve"), QStringLiteral("task_analysis")}));
        QVERIFY(!running.isEmpty() && running.first().at(0).toBool()); // it ran, not only rewound
        QCOMPARE(runs()->trace().steps.size(), all);
        QVERIFY(runs()->finished());

        // Editing the answer by hand: the candidates, verdicts and final answer follow it.
        const std::string other = runs()->trace().prediction == "1" ? "2" : "1";
        QVERIFY(runs()->replaceOutput(
            StageId::Answer, 0, QStringLiteral("## Answer\n") + QString::fromStdString(other)));
        QCOMPARE(runs()->nextStage(), StageId::Candidates);
        QCOMPARE(window_->verdictsDock()->model()->rowCount(), 0);
        pressAndWait(Qt::Key_F5);
        QCOMPARE(window_->verdictsDock()
                     ->model()
                     ->index(0, VerdictsModel::ColumnAnswer)
                     .data()
                     .toString(),
                 QString::fromStdString(other));
        QCOMPARE(test::stepOf(runs()->trace().steps, "answer").backendMode, StepMode::Edited);
    }

    // Stepping through a user in the window is stored as a one-user run once it is finished:
    // re-stored after a re-run or an edit, annotatable, and discarded only when asked.
    void aFinishedInteractiveRunIsStoredAsAOneUserRun() {
        openDemo(TaskId::LaMP3);
        QSignalSpy stored(runs(), &RunController::interactiveRunStored);
        pressAndWait(Qt::Key_F5);
        QCOMPARE(stored.size(), 1);
        const std::int64_t id = runs()->interactiveRunId();
        QVERIFY(id > 0);
        QCOMPARE(stored.first().at(0).toLongLong(), id);
        QCOMPARE(runs()->annotatedRunId(), id);
        QVERIFY(window_->reasoningDock()->statusLabel()->text().contains(
            QStringLiteral("stored as run %1").arg(id)));

        RunStore store(*session_->store());
        auto all = store.runs();
        QVERIFY(all);
        QCOMPARE(all->size(), std::size_t{1});
        const RunInfo& info = all->front();
        const std::string user = runs()->trace().userId;
        QCOMPARE(info.id, id);
        QCOMPARE(info.users, std::vector<std::string>{user});
        QCOMPARE(info.systems, std::vector<SystemId>{SystemId::R2P});
        QCOMPARE(info.status, RunStatus::Done);
        QCOMPARE(info.backend, std::string("offline"));
        auto trace = store.userTrace(id, user, SystemId::R2P);
        QVERIFY(trace);
        QCOMPARE(trace->prediction, runs()->trace().prediction);
        QCOMPARE(test::stageList(trace->steps), test::stageList(runs()->trace().steps));

        // An edit by hand, run to the end again: the same run, its trace replaced.
        const std::string other = runs()->trace().prediction == "1" ? "2" : "1";
        QVERIFY(runs()->replaceOutput(
            StageId::Answer, 0, QStringLiteral("## Answer\n") + QString::fromStdString(other)));
        pressAndWait(Qt::Key_F5);
        QCOMPARE(runs()->interactiveRunId(), id);
        QCOMPARE(store.runs()->size(), std::size_t{1});
        trace = store.userTrace(id, user, SystemId::R2P);
        QVERIFY(trace);
        QCOMPARE(test::stepOf(trace->steps, "answer").backendMode, StepMode::Edited);
        QCOMPARE(trace->prediction, runs()->trace().prediction);

        // Discarded when asked (Run ▸ Discard Interactive Run; not annotated, so without a
        // question): gone from the project, and the action is off until the next stored run.
        QAction* discard = window_->action(QStringLiteral("discardInteractiveRun"));
        QVERIFY(discard->isEnabled());
        discard->trigger();
        QVERIFY(!discard->isEnabled());
        QVERIFY(window_->statusNotice().contains(QStringLiteral("Run %1 discarded").arg(id)));
        QCOMPARE(runs()->interactiveRunId(), std::int64_t{0});
        QCOMPARE(stored.last().at(0).toLongLong(), qint64{0});
        QVERIFY(store.runs()->empty());
        QVERIFY(!store.userTrace(id, user, SystemId::R2P));

        // Another user's run is a run of its own.
        session_->selectUser(1);
        QTRY_VERIFY_WITH_TIMEOUT(runs()->hasRun() && runs()->trace().userId != user, 60000);
        pressAndWait(Qt::Key_F5);
        QVERIFY(runs()->interactiveRunId() > 0);
        QVERIFY(runs()->interactiveRunId() != id);
        QCOMPARE(store.runs()->size(), std::size_t{1});
        QCOMPARE(store.runs()->front().users, std::vector<std::string>{runs()->trace().userId});
    }

    void cancellingAStageKeepsWhatFinished() {
        runs()->setTokensPerSecond(40); // slow enough to cancel mid-stage
        openDemo(TaskId::LaMP5);
        pressAndWait(Qt::Key_F10); // retrieve
        QSignalSpy running(runs(), &RunController::runningChanged);
        QTest::keyClick(window_.get(), Qt::Key_F10);
        QTRY_VERIFY_WITH_TIMEOUT(runs()->isRunning(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!runs()->liveAnswer().isEmpty(), 60000); // it streams
        QCOMPARE(stages()->runningRow() >= 0, true);
        QTest::keyClick(window_.get(), Qt::Key_Period, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!runs()->isRunning(), 60000);
        // The cancelled stage is not kept.
        QCOMPARE(test::stageList(runs()->trace().steps), QStringList{QStringLiteral("retrieve")});
        QCOMPARE(runs()->nextStage(), StageId::TaskAnalysis);
        QVERIFY(runs()->lastError().isEmpty()); // a cancel is not an error
    }

    void aNewSelectionDropsTheOldRun() {
        runs()->setTokensPerSecond(40);
        openDemo(TaskId::LaMP7);
        const std::string first = runs()->trace().userId;
        QTest::keyClick(window_.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(runs()->isRunning(), 60000);
        // Every trace the controller announces from now on, as it was when announced: the old
        // user's until the new user's record has loaded, then the new user's.
        std::vector<std::pair<std::string, std::size_t>> announced; // user, steps
        const auto watch = connect(runs(), &RunController::traceChanged, this, [&] {
            announced.emplace_back(runs()->trace().userId, runs()->trace().steps.size());
        });
        QSignalSpy running(runs(), &RunController::runningChanged);
        window_->usersDock()->step(1);
        // The old user's worker stops and the controller handles its end: runningChanged(false)
        // is emitted only once its future finished, so nothing of it is still on the way but
        // what sits in the event queue, which is delivered next.
        QTRY_VERIFY_WITH_TIMEOUT(!running.isEmpty() && !running.last().at(0).toBool(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(runs()->hasRun(), 60000);
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        disconnect(watch);
        QVERIFY(!runs()->isRunning());
        QVERIFY(runs()->trace().userId != first);
        QVERIFY(runs()->trace().steps.empty()); // nothing of the old user leaks in
        // No announcement ever showed the new user with steps (the old run's, leaked in).
        for (const auto& [user, steps] : announced)
            if (user != first)
                QCOMPARE(steps, std::size_t{0});
    }

    // The timeline groups the stages by kind, each with a bar on the run's clock; the Score
    // stage shows the score and whether the answer is right, not the answer again.
    void theTimelineGroupsStagesByKindAndScoresTheAnswer() {
        auto* tl = window_->reasoningDock()->timelineModel();
        QAbstractItemModelTester tester(tl, QAbstractItemModelTester::FailureReportingMode::QtTest);
        openDemo(TaskId::LaMP2);
        pressAndWait(Qt::Key_F5);
        QVERIFY(runs()->finished());
        auto kindOfGroup = [](const QModelIndex& i) {
            return static_cast<StageTimelineModel::Kind>(
                i.parent().data(StageTimelineModel::KindRole).toInt());
        };
        for (StageId level : {StageId::TaskAnalysis, StageId::ProfileSynthesis, StageId::AnswerPlan,
                              StageId::Answer}) {
            const QModelIndex i = inTimeline(level);
            QVERIFY2(i.isValid(), stageName(level).data());
            QCOMPARE(kindOfGroup(i), StageTimelineModel::Kind::Levels);
            QCOMPARE(i.parent().data().toString(), QStringLiteral("HRT levels"));
        }
        QCOMPARE(inTimeline(StageId::TaskAnalysis).parent(), inTimeline(StageId::Answer).parent());
        const QModelIndex candidate = inTimeline(StageId::Candidates, 1);
        QVERIFY(candidate.isValid());
        QCOMPARE(kindOfGroup(candidate), StageTimelineModel::Kind::Candidates);
        const QModelIndex xref = inTimeline(StageId::CrossReference, 0);
        QVERIFY(xref.isValid());
        QCOMPARE(kindOfGroup(xref), StageTimelineModel::Kind::CrossReference);
        QCOMPARE(inTimeline(StageId::CrossReference, 1).parent(), xref.parent());
        // Stages alone in their kind stand at the top.
        for (StageId alone : {StageId::Retrieve, StageId::Final, StageId::Score})
            QVERIFY(!inTimeline(alone).parent().isValid());
        // Bars follow the order the stages ran in: each starts where the one before ends.
        const double retrieveEnd =
            inTimeline(StageId::Retrieve).data(StageTimelineModel::BarStartRole).toDouble() +
            inTimeline(StageId::Retrieve).data(StageTimelineModel::BarLengthRole).toDouble();
        QCOMPARE(
            inTimeline(StageId::TaskAnalysis).data(StageTimelineModel::BarStartRole).toDouble(),
            retrieveEnd);
        QVERIFY(inTimeline(StageId::Score).data(StageTimelineModel::BarStartRole).toDouble() >=
                inTimeline(StageId::Final).data(StageTimelineModel::BarStartRole).toDouble());
        // The score: right when the label matches the gold (the trace's own fields).
        const UserTrace& t = runs()->trace();
        QVERIFY(t.gold);
        const bool right = t.prediction == *t.gold;
        const QString figure = inTimeline(StageId::Score)
                                   .siblingAtColumn(StageTimelineModel::ColumnBar)
                                   .data()
                                   .toString();
        QVERIFY2(figure.contains(right ? QStringLiteral("✔") : QStringLiteral("✖")),
                 qPrintable(figure));
        QVERIFY2(figure.contains(QStringLiteral("accuracy")), qPrintable(figure));
        window_->reasoningDock()->timeline()->setCurrentIndex(inTimeline(StageId::Score));
        const QString stream = window_->reasoningDock()->streamView()->toPlainText();
        QVERIFY2(stream.contains(right ? QStringLiteral("✔") : QStringLiteral("✖")),
                 qPrintable(stream));
        // The table of every stage is one click away, on the same stage.
        window_->action(QStringLiteral("stagesTable"))->trigger();
        QVERIFY(window_->reasoningDock()->tableShown());
        QCOMPARE(
            window_->reasoningDock()->table()->currentIndex().data(StagesModel::StageRole).toInt(),
            static_cast<int>(StageId::Score));
        window_->action(QStringLiteral("stagesTable"))->trigger();
        QVERIFY(!window_->reasoningDock()->tableShown());
    }

    // An intervention keeps the text it cut: stored with the run, and shown struck through
    // before the injected thought, highlighted, when the stored trace is shown.
    void anInterventionStaysVisibleInTheStoredTrace() {
        openDemo(TaskId::LaMP4);
        bool found = false;
        for (int u = 0; u < 20 && !found; ++u) {
            window_->usersDock()->step(u == 0 ? 0 : 1);
            QTRY_VERIFY_WITH_TIMEOUT(runs()->hasRun() && !session_->isBusy(), 60000);
            pressAndWait(Qt::Key_F5);
            found = runs()->trace().interventions > 0;
        }
        QVERIFY2(found, "no demo user with an RPI intervention");
        const std::int64_t id = runs()->interactiveRunId();
        QVERIFY(id > 0);
        RunStore store(*session_->store());
        auto stored = store.userTrace(id, runs()->trace().userId, SystemId::R2P);
        QVERIFY(stored);
        const EventRecord* e = nullptr;
        for (const auto& ev : stored->events)
            if (ev.kind == EventKind::Intervention && !ev.violating.empty())
                e = &ev;
        QVERIFY2(e, "the stored intervention lost the text it cut");
        QVERIFY(!e->injected.empty());
        // The attempt it cut is not the text that stands.
        const StepRecord& step = stored->steps[static_cast<std::size_t>(e->stepSeq)];
        QVERIFY(step.answer.find(e->violating) == std::string::npos);

        runs()->showStored(*stored, id);
        auto* dock = window_->reasoningDock();
        const int row = stages()->rowOfStep(e->stepSeq);
        QVERIFY(row >= 0);
        dock->timeline()->setCurrentIndex(dock->timelineModel()->indexOfSourceRow(row));
        QCOMPARE(dock->selectedStep(), e->stepSeq);
        QString struck, highlighted, plain;
        for (QTextBlock b = dock->streamView()->document()->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                if (f.charFormat().fontStrikeOut())
                    struck += f.text();
                else if (f.charFormat().background().style() != Qt::NoBrush)
                    highlighted += f.text();
                else
                    plain += f.text();
            }
        auto flat = [](QString t) {
            return t.replace(QChar(0x2028), QLatin1Char(' ')).simplified();
        };
        const QString violating = flat(QString::fromStdString(e->violating));
        const QString injected = flat(QString::fromStdString(e->injected));
        QVERIFY2(flat(struck).contains(violating.left(40)), qPrintable(struck));
        QVERIFY2(flat(highlighted).contains(injected.left(40)), qPrintable(highlighted));
        Q_UNUSED(plain); // the cut attempt and the text that stands may open alike
        // The timeline flags the stage's bar where the stream was cut.
        const QVariantList flags = dock->timelineModel()
                                       ->indexOfSourceRow(row)
                                       .data(StageTimelineModel::FlagsRole)
                                       .toList();
        QVERIFY(!flags.isEmpty());
    }

    // Metrics' "This user" follows what the Reasoning dock shows: the stored run's R2P until the
    // engine runs the user, then that run (the baselines' deltas against it).
    void metricsThisUserFollowsTheRunOnScreen() {
        openDemo(TaskId::LaMP3);
        // A stored batch run of the first user: R2P off by 2, LaMP RAG off by 1.
        const auto fill = [](UserTrace& t, const UserIndexEntry& entry, std::size_t) {
            const int gold = std::stoi(entry.gold);
            const int error = t.system == SystemId::R2P ? 2 : 1;
            t.prediction = std::to_string(gold + error <= 5 ? gold + error : gold - error);
            t.scores = {{"MAE", error}, {"squared_error", error * error}};
        };
        std::string error;
        const auto id = test::storeSessionRun(*session_, {SystemId::R2P, SystemId::LampRag}, 1,
                                              fill, {}, &error);
        QVERIFY2(id > 0, error.c_str());
        session_->refreshRuns();
        QVERIFY(session_->selectRun(id));
        QVERIFY(test::waitForRun(*session_));
        window_->usersDock()->step(0);
        QTRY_VERIFY_WITH_TIMEOUT(runs()->hasRun() && !session_->isBusy(), 60000);
        QTableWidget* user = window_->metricsDock()->userTable();
        const auto cell = [user](int r, int c) {
            return user->item(r, c) ? user->item(r, c)->text() : QString();
        };
        const QLocale locale;
        QTRY_COMPARE(user->rowCount(), 2);
        QCOMPARE(cell(0, 0), StageText::system(SystemId::R2P));
        QVERIFY2(cell(0, 2).startsWith(QStringLiteral("MAE ") + locale.toString(2.0, 'f', 3)),
                 qPrintable(cell(0, 2)));
        QCOMPARE(cell(1, 0), StageText::system(SystemId::LampRag));
        QCOMPARE(cell(1, 3), DeltaText::full(2.0 - 1.0, true));

        pressAndWait(Qt::Key_F5);
        const UserTrace& t = runs()->trace();
        double mae = -1;
        for (const auto& [key, value] : t.scores)
            if (key == "MAE")
                mae = value;
        QVERIFY(mae >= 0);
        QTRY_COMPARE(cell(0, 0),
                     QStringLiteral("%1 (on screen)").arg(StageText::system(SystemId::R2P)));
        QVERIFY2(cell(0, 2).startsWith(QStringLiteral("MAE ") + locale.toString(mae, 'f', 3)),
                 qPrintable(cell(0, 2)));
        QCOMPARE(cell(1, 0), StageText::system(SystemId::LampRag));
        QCOMPARE(cell(1, 3), DeltaText::full(mae - 1.0, true));
    }

    // While R2P streams at a pace a person can follow, an intervention keeps the text it cut on
    // screen, struck through, with the injected thought highlighted, until the stage ends.
    void anInterventionStaysVisibleWhileItStreams() {
        openDemo(TaskId::LaMP4);
        bool found = false;
        for (int u = 0; u < 20 && !found; ++u) {
            window_->usersDock()->step(u == 0 ? 0 : 1);
            QTRY_VERIFY_WITH_TIMEOUT(runs()->hasRun() && !session_->isBusy(), 60000);
            pressAndWait(Qt::Key_F5);
            found = runs()->trace().interventions > 0;
        }
        QVERIFY2(found, "no demo user with an RPI intervention");
        // The same user again, streamed: every repaint of the stream pane is looked at.
        const QString user = QString::fromStdString(runs()->trace().userId);
        window_->usersDock()->step(1);
        QTRY_VERIFY_WITH_TIMEOUT(runs()->hasRun() && !session_->isBusy(), 60000);
        QVERIFY(session_->selectUserById(user));
        QTRY_VERIFY_WITH_TIMEOUT(runs()->hasRun() && !session_->isBusy(), 60000);
        QVERIFY(!runs()->isRunning() && runs()->trace().steps.empty());
        runs()->setTokensPerSecond(250);
        QTextBrowser* stream = window_->reasoningDock()->streamView();
        int liveRepaints = 0, shownCut = 0;
        const auto watch = connect(runs(), &RunController::streamChanged, this, [&] {
            if (runs()->liveRounds().isEmpty())
                return;
            ++liveRepaints;
            bool struck = false, highlighted = false;
            for (QTextBlock b = stream->document()->begin(); b.isValid(); b = b.next())
                for (auto it = b.begin(); !it.atEnd(); ++it) {
                    const QTextCharFormat f = it.fragment().charFormat();
                    struck = struck || f.fontStrikeOut();
                    highlighted = highlighted ||
                                  (!f.fontStrikeOut() && f.background().style() != Qt::NoBrush);
                }
            shownCut += struck && highlighted ? 1 : 0;
        });
        pressAndWait(Qt::Key_F5);
        disconnect(watch);
        QCOMPARE(QString::fromStdString(runs()->trace().userId), user);
        QVERIFY(runs()->trace().interventions > 0);
        runs()->setTokensPerSecond(0);
        QVERIFY2(liveRepaints > 0, "the intervention never showed while the stage streamed");
        QCOMPARE(shownCut, liveRepaints); // every live repaint kept the cut and the thought
    }

    // A replay lasts as long as the recording divided by the speed: the stages end at the
    // recorded latencies' running sums (hand-computed), an instant stage stays instant.
    void aReplayEndsOnTheRecordingsClock() {
        UserTrace t;
        for (double ms : {100.0, 0.0, 300.0}) {
            StepRecord s;
            s.latencyMs = ms;
            t.steps.push_back(s);
        }
        QCOMPARE(RunController::replayScheduleMs(t, 1), (std::vector<double>{100, 100, 400}));
        QCOMPARE(RunController::replayScheduleMs(t, 2), (std::vector<double>{50, 50, 200}));
        UserTrace untimed;
        untimed.steps.resize(2);
        QCOMPARE(RunController::replayScheduleMs(untimed, 1), (std::vector<double>{400, 800}));
    }
};

QTEST_MAIN(TestReasoning)
#include "tst_reasoning.moc"
