// The batch dialog and a stored run in the Users view, offscreen: run systems over the users
// the filter shows, watch progress, cancel and resume, then read each system's answer, the delta
// and the interventions in the Users table and filter on them.
#include "model/RunStore.h"
#include "support/OpenAiTestServer.h"
#include "support/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/RunController.h"
#include "ui/RunText.h"
#include "ui/Session.h"
#include "ui/dialogs/BatchDialog.h"
#include "ui/models/UserFilter.h"
#include "ui/models/UsersModel.h"
#include "ui/models/UsersProxyModel.h"
#include "ui/models/VerdictsModel.h"
#include "ui/windows/CompareDock.h"
#include "ui/windows/MetricsDock.h"
#include "ui/windows/ProfileDock.h"
#include "ui/windows/ReasoningDock.h"
#include "ui/windows/UsersDock.h"
#include "ui/windows/VerdictsDock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <memory>

using namespace r2p;
using namespace r2p::ui;

class TestBatch : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    void openDemo(TaskId task) {
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDemo(task);
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 60000);
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

    void aBatchOverTheFilteredUsersShowsItsResultsInTheUsersView() {
        openDemo(TaskId::LaMP3);
        UsersDock* users = window_->usersDock();
        QAbstractItemModelTester tester(users->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        users->setFilterText(QStringLiteral("profile>30"));
        const auto shown = users->visibleRows();
        QVERIFY(!shown.empty());
        QVERIFY(shown.size() < session_->dataset()->users.size());

        BatchDialog dialog(session_.get(), shown, window_.get());
        dialog.setSystems({SystemId::R2P, SystemId::LampRag});
        dialog.setUserScope(1);
        QSignalSpy finished(&dialog, &BatchDialog::runFinished);
        dialog.start();
        QVERIFY(dialog.isRunning() || !finished.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(test::waitForRun(*session_));             // the finished run is read next
        QCOMPARE(finished.first().at(1).toBool(), false); // not cancelled
        QVERIFY2(dialog.statusText().contains(QStringLiteral("finished")),
                 qPrintable(dialog.statusText()));
        QVERIFY(dialog.errorsText().isEmpty());

        // Stored: exactly the filtered users, both systems.
        RunStore runs(*session_->store());
        auto outcomes = runs.outcomes(dialog.runId());
        QVERIFY(outcomes);
        QCOMPARE(outcomes->size(), shown.size() * 2);

        // The Users view shows the run: answers, scores and the delta for those users.
        auto run = session_->runResults();
        QVERIFY(run);
        QCOMPARE(run->runId, dialog.runId());
        QCOMPARE(run->baseline, SystemId::LampRag);
        QVERIFY(!users->view()->isColumnHidden(UsersModel::ColumnDelta));

        // Read from its rows, the run is packed in the background for its next showing
        // (RunStore::keepOutcomes), which shows the same users, answers and scores.
        QTRY_VERIFY_WITH_TIMEOUT(RunStore(*session_->store()).keepsOutcomes(dialog.runId()), 30000);
        QVERIFY(session_->selectRun(0));
        QVERIFY(session_->selectRun(dialog.runId()));
        QVERIFY(test::waitForRun(*session_));
        auto again = session_->runResults();
        QVERIFY(again && again != run);
        QCOMPARE(again->outcomes.size(), run->outcomes.size());
        QCOMPARE(again->byUser.size(), run->byUser.size());
        for (const auto& [user, row] : run->byUser) {
            const UserRunRow* same = again->row(user);
            QVERIFY(same);
            QCOMPARE(again->r2pAnswer(*same), run->r2pAnswer(row));
            QCOMPARE(again->baselineAnswer(*same), run->baselineAnswer(row));
            QCOMPARE(same->r2pScore, row.r2pScore);
            QCOMPARE(same->baselineScore, row.baselineScore);
            QCOMPARE(same->failed, row.failed);
        }
        users->setFilterText(QString());
        UsersModel* model = users->model();
        int withRun = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString r2p = model->index(r, UsersModel::ColumnR2p).data().toString();
            const bool inRun =
                std::find(shown.begin(), shown.end(), static_cast<std::size_t>(r)) != shown.end();
            QCOMPARE(!r2p.isEmpty(), inRun);
            withRun += inRun ? 1 : 0;
        }
        QCOMPARE(withRun, static_cast<int>(shown.size()));

        // Run filters: worse, better and tie partition the compared users.
        auto count = [users](const QString& filter) {
            users->setFilterText(filter);
            return users->proxy()->rowCount();
        };
        const int worse = count(QStringLiteral("is:worse"));
        const int better = count(QStringLiteral("is:better"));
        const int tie = count(QStringLiteral("is:tie"));
        QCOMPARE(worse + better + tie, static_cast<int>(shown.size()));
        // The fixture has users of every kind, so none of the checks below is vacuous.
        QVERIFY2(worse > 0, "the fixture needs a user R2P lost");
        // LaMP-3's MAE: R2P worse means a positive delta.
        QCOMPARE(count(QStringLiteral("delta>0")), worse);
        const int rpi = count(QStringLiteral("has:intervention"));
        int expectedRpi = 0;
        for (const auto& o : *outcomes)
            expectedRpi += o.system == SystemId::R2P && o.interventions > 0 ? 1 : 0;
        QCOMPARE(rpi, expectedRpi);
        QVERIFY2(expectedRpi > 0, "the fixture needs a user with an RPI intervention");
        // The status bar's run findings filter the users to what they name.
        QToolButton* findings = window_->runFindingsButton();
        QVERIFY(findings->isVisible());
        QAction* rpiAction = nullptr;
        for (QAction* a : findings->menu()->actions())
            if (a->text().contains(QStringLiteral("RPI")))
                rpiAction = a;
        QVERIFY(rpiAction);
        users->setFilterText(QString());
        rpiAction->trigger();
        QCOMPARE(users->filterLine()->text(), QStringLiteral("has:intervention"));
        QCOMPARE(users->proxy()->rowCount(), expectedRpi);
        users->setFilterText(QStringLiteral("has:nonsense"));
        QVERIFY(!UserFilter::parse(QStringLiteral("has:nonsense")).valid());
        QVERIFY(!UserFilter::parse(QStringLiteral("delta<x")).valid());

        // Sorting by delta puts R2P's worst users first.
        users->setFilterText(QString());
        users->view()->sortByColumn(UsersModel::ColumnDelta, Qt::AscendingOrder);
        const QString first = users->proxy()->index(0, UsersModel::ColumnId).data().toString();
        const auto* row = run->row(first.toStdString());
        QVERIFY(row);
        QVERIFY(run->worse(*row));
    }

    void metricsShowTheRunTheUserAndChartsThatExport() {
        openDemo(TaskId::LaMP4);
        BatchDialog dialog(session_.get(), window_->usersDock()->visibleRows(), window_.get());
        dialog.setSystems({SystemId::R2P, SystemId::LampRag, SystemId::NoProfile});
        QSignalSpy finished(&dialog, &BatchDialog::runFinished);
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(test::waitForRun(*session_)); // the finished run is read next
        MetricsDock* metrics = window_->metricsDock();
        QTRY_VERIFY_WITH_TIMEOUT(metrics->hasIntervals(), 60000);
        // Run: four ROUGE metrics per system; R2P against both baselines on each.
        QCOMPARE(metrics->runTable()->rowCount(), 3 * 4);
        QCOMPARE(metrics->deltaTable()->rowCount(), 2 * 4);
        QVERIFY(metrics->runTable()->item(0, 4)->text().startsWith(QLatin1Char('[')));
        // This user: one row per system, the delta to R2P on the baselines' rows.
        window_->usersDock()->step(1);
        QTRY_VERIFY_WITH_TIMEOUT(metrics->userTable()->rowCount() == 3, 60000);
        QCOMPARE(metrics->userTable()->item(0, 0)->text(), QStringLiteral("R2P"));
        QVERIFY(metrics->userTable()->item(0, 2)->text().contains(QStringLiteral("rouge-1")));
        QVERIFY(metrics->userTable()->item(0, 3)->text().isEmpty());
        QVERIFY(!metrics->userTable()->item(1, 3)->text().isEmpty());
        // Charts hold data and export as PNG and SVG.
        QVERIFY(!metrics->chart(MetricsDock::ChartDeltas)->chart()->series().isEmpty());
        QVERIFY(!metrics->chart(MetricsDock::ChartWinTieLoss)->chart()->series().isEmpty());
        QCOMPARE(metrics->chart(MetricsDock::ChartTokens)->chart()->series().size(), 3);
        const QString png = dir_->filePath(QStringLiteral("deltas.png"));
        const QString svg = dir_->filePath(QStringLiteral("wtl.svg"));
        QVERIFY(metrics->exportChart(MetricsDock::ChartDeltas, png));
        QVERIFY(metrics->exportChart(MetricsDock::ChartWinTieLoss, svg));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("LaMP RAG")); // the category axis is in the vector file
        QVERIFY(QImage(png).width() > 100);
        // Compare: R2P and the chosen baseline side by side, words matching the gold marked.
        CompareDock* compare = window_->compareDock();
        compare->show();
        compare->raise(); // a hidden Compare renders when it is shown
        QTRY_VERIFY(!compare->leftView()->toPlainText().isEmpty());
        QCOMPARE(compare->baselineChooser()->count(), 2);
        QCOMPARE(compare->baselineChooser()->currentText(), QStringLiteral("LaMP RAG"));
        QVERIFY(compare->leftView()->toPlainText().startsWith(QStringLiteral("R2P")));
        // Stage by stage: R2P's levels beside the baseline's, which has none of them.
        const QString stages = compare->stagesView()->toPlainText();
        QVERIFY(stages.contains(QStringLiteral("Profile synthesis")));
        QVERIFY(stages.contains(QStringLiteral("Cross-reference")));
        QVERIFY(stages.indexOf(QStringLiteral("Retrieve")) <
                stages.indexOf(QStringLiteral("Profile synthesis")));
        QVERIFY(compare->rightView()->toPlainText().startsWith(QStringLiteral("LaMP RAG")));
        QVERIFY(compare->rightView()->toHtml().contains(QStringLiteral("#c8e6c9")) ||
                compare->rightView()->toHtml().contains(QStringLiteral("#b71c1c")));
        QVERIFY(compare->goldLabel()->text().contains(QStringLiteral("Gold")));
        compare->baselineChooser()->setCurrentIndex(
            compare->baselineChooser()->findText(QStringLiteral("No profile")));
        QVERIFY(test::waitForRun(*session_));
        QVERIFY(compare->rightView()->toPlainText().startsWith(QStringLiteral("No profile")));
        QString error;
        QVERIFY(!metrics->exportChart(MetricsDock::ChartDeltas,
                                      dir_->filePath(QStringLiteral("no/such/dir/x.png")), &error));
        QVERIFY(!error.isEmpty());
    }

    void presentationModeReplaysAStoredRun() {
        openDemo(TaskId::LaMP2);
        BatchDialog dialog(session_.get(), window_->usersDock()->visibleRows(), window_.get());
        dialog.setSystems({SystemId::R2P});
        dialog.setUserScope(2, 3);
        QSignalSpy finished(&dialog, &BatchDialog::runFinished);
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(test::waitForRun(*session_)); // the finished run is read next
        window_->usersDock()->step(-100);     // the first user, who is in the run
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy() && window_->runController()->hasRun(), 60000);
        RunStore runs(*session_->store());
        auto stored = runs.userTrace(dialog.runId(), session_->selectedEntry()->id, SystemId::R2P);
        QVERIFY(stored);

        const qreal normal = window_->font().pointSizeF();
        window_->action(QStringLiteral("presentationMode"))->trigger();
        QVERIFY(window_->presentationMode());
        QVERIFY(window_->font().pointSizeF() > normal * 1.3);
        QTabWidget* tabs = window_->reasoningDock()->tabs();
        QVERIFY(!tabs->isTabVisible(tabs->indexOf(window_->reasoningDock()->promptView())));
        // Only the content: no menus, status bar or dock buttons; the history stays in view.
        QVERIFY(!window_->menuBar()->isVisible());
        QVERIFY(!window_->statusBar()->isVisible());
        QVERIFY(window_->profileDock()->isVisible());
        QVERIFY(!window_->usersDock()->isVisible());
        for (QDockWidget* d : window_->findChildren<QDockWidget*>())
            QVERIFY2(d->titleBarWidget() && d->titleBarWidget()->sizeHint().isEmpty(),
                     qPrintable(d->objectName()));

        // The stored run plays back stage by stage, streaming, then shows the stored trace.
        RunController* controller = window_->runController();
        window_->setReplaySpeed(20);
        QSignalSpy streamed(controller, &RunController::streamChanged);
        window_->action(QStringLiteral("replayRun"))->trigger();
        QVERIFY(controller->isReplaying());
        QVERIFY(controller->isRunning());
        QVERIFY(window_->reasoningDock()->statusLabel()->text().contains(QStringLiteral("replay")));
        QTRY_VERIFY_WITH_TIMEOUT(!controller->isRunning(), 60000);
        // A replay lasts as long as the recording / speed: this batch ran at once (pace 0), so
        // its replay is over within a few ticks, but it streamed.
        QVERIFY(streamed.count() >= 1);
        QCOMPARE(controller->trace().steps.size(), stored->steps.size());
        QCOMPARE(controller->trace().prediction, stored->prediction);
        QCOMPARE(window_->verdictsDock()->model()->rowCount(),
                 static_cast<int>(stored->verdicts.size()));

        QTest::keyClick(window_.get(), Qt::Key_F11); // leaves by its shortcut, menus hidden
        QVERIFY(!window_->presentationMode());
        QCOMPARE(window_->font().pointSizeF(), normal);
        QVERIFY(window_->menuBar()->isVisible());
        QVERIFY(window_->statusBar()->isVisible());
        for (QDockWidget* d : window_->findChildren<QDockWidget*>())
            QVERIFY2(!d->titleBarWidget(), qPrintable(d->objectName()));
        QVERIFY(tabs->isTabVisible(tabs->indexOf(window_->reasoningDock()->promptView())));
    }

    // A server backend and --mode auto: the dialog asks the server once, off the GUI thread,
    // whether /v1/completions continues raw prompts (never the model's name), says what it
    // chose, and a second dialog on the same project asks nothing (remembered).
    // Two servers, each serving one model, listed as endpoints: the run's model (No profile)
    // goes to one and LRM RAG's own model to the other, never the wrong way; a bad line stops
    // the start, naming the line.
    void endpointsInTheDialogRouteEachSystemToItsModel() {
        openDemo(TaskId::LaMP2);
        test::ServerOptions a;
        a.models = {"llm-a"};
        test::ServerOptions b;
        b.models = {"lrm-b"};
        test::OpenAiTestServer serverA(a), serverB(b);
        BatchDialog dialog(session_.get(), window_->usersDock()->visibleRows(), window_.get());
        dialog.setSystems({SystemId::NoProfile, SystemId::LrmRag});
        dialog.setUserScope(2, 3);
        engine::Sampling lrm;
        lrm.model = "lrm-b";
        dialog.setSampling(SystemId::LrmRag, lrm);
        auto* backend = dialog.findChild<QComboBox*>(QStringLiteral("backend"));
        backend->setCurrentIndex(backend->findData(QStringLiteral("openai")));
        dialog.findChild<QLineEdit*>(QStringLiteral("model"))->setText(QStringLiteral("llm-a"));
        auto* endpoints = dialog.findChild<QPlainTextEdit*>(QStringLiteral("endpoints"));
        QVERIFY(endpoints && endpoints->isEnabled());

        endpoints->setPlainText(QString::fromStdString(serverA.baseUrl()) +
                                QStringLiteral("\nnot a url,max=2"));
        QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("baseUrl"))->isEnabled());
        dialog.start();
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Endpoints, line 2: ")),
                 qPrintable(dialog.statusText()));
        QCOMPARE(dialog.runId(), 0);
        QVERIFY(!dialog.isRunning());

        endpoints->setPlainText(
            QString::fromStdString(serverA.baseUrl()) + QStringLiteral(",max=2\n") +
            QString::fromStdString(serverB.baseUrl()) + QStringLiteral(",max=2"));
        QSignalSpy finished(&dialog, &BatchDialog::runFinished);
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(test::waitForRun(*session_)); // the finished run is read next
        QVERIFY2(dialog.statusText().contains(QStringLiteral("finished: 3 users, 0 failed")),
                 qPrintable(dialog.statusText() + dialog.errorsText()));
        auto generations = [](const test::OpenAiTestServer& server, const std::string& model) {
            int mine = 0, others = 0;
            for (const auto& r : server.requests())
                if (r.json && r.json->contains("model") &&
                    r.path.find("completions") != std::string::npos)
                    ++((*r.json)["model"] == model ? mine : others);
            return std::make_pair(mine, others);
        };
        const auto onA = generations(serverA, "llm-a");
        const auto onB = generations(serverB, "lrm-b");
        QVERIFY2(onA.first >= 3 && onA.second == 0,
                 qPrintable(QStringLiteral("%1 / %2").arg(onA.first).arg(onA.second)));
        QVERIFY2(onB.first >= 3 && onB.second == 0,
                 qPrintable(QStringLiteral("%1 / %2").arg(onB.first).arg(onB.second)));
        const auto use = RunStore(*session_->store()).endpointUse(dialog.runId());
        QVERIFY(use);
        QCOMPARE(use->size(), std::size_t(2));
        // Wherever the run is named (the run picker's tooltip), LRM RAG's own model is said.
        const auto info = RunStore(*session_->store()).run(dialog.runId());
        QVERIFY(info);
        const QString tip = RunText::toolTip(*info);
        QVERIFY2(tip.contains(QStringLiteral("LRM RAG: model lrm-b")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Backend: openai · model: llm-a")), qPrintable(tip));
    }

    void autoModeAsksTheServerOnceAndSaysWhatItChose() {
        openDemo(TaskId::LaMP2);
        for (const auto flavor : {test::ServerFlavor::Vllm, test::ServerFlavor::Hosted}) {
            test::ServerOptions options;
            options.flavor = flavor;
            options.models = {"deepseek-r1-distill-qwen-7b"};
            test::OpenAiTestServer server(options);
            for (int round = 0; round < 2; ++round) {
                BatchDialog dialog(session_.get(), window_->usersDock()->visibleRows(),
                                   window_.get());
                dialog.setSystems({SystemId::NoProfile});
                dialog.setUserScope(2, 2);
                auto* backend = dialog.findChild<QComboBox*>(QStringLiteral("backend"));
                QVERIFY(backend);
                backend->setCurrentIndex(backend->findData(QStringLiteral("openai")));
                dialog.findChild<QLineEdit*>(QStringLiteral("baseUrl"))
                    ->setText(QString::fromStdString(server.baseUrl()));
                dialog.findChild<QLineEdit*>(QStringLiteral("model"))
                    ->setText(QStringLiteral("deepseek-r1-distill-qwen-7b"));
                QSignalSpy finished(&dialog, &BatchDialog::runFinished);
                dialog.start();
                QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
                QVERIFY(test::waitForRun(*session_)); // the finished run is read next
                const QString said = dialog.errorsText();
                if (flavor == test::ServerFlavor::Vllm)
                    QVERIFY2(said.contains(QStringLiteral("Prompt mode: prefill")),
                             qPrintable(said));
                else
                    QVERIFY2(said.contains(QStringLiteral("Prompt mode: chat: the server has no "
                                                          "/v1/completions (HTTP 404)")),
                             qPrintable(said));
                QCOMPARE(said.contains(QStringLiteral("remembered")), round == 1);
                // The probe is the only one-token request; the second round sends none.
                int probes = 0;
                for (const auto& r : server.requests())
                    probes += r.path == "/v1/completions" && r.json &&
                              r.json->value("max_tokens", 0) == 1;
                QCOMPARE(probes, 1);
            }
        }
    }

    void cancelKeepsFinishedUsersAndResumeRunsTheRest() {
        openDemo(TaskId::LaMP2);
        BatchDialog dialog(session_.get(), window_->usersDock()->visibleRows(), window_.get());
        dialog.setSystems({SystemId::R2P});
        dialog.setUserScope(0);
        dialog.setConcurrency(1);
        dialog.setOfflinePace(3000); // slow enough to cancel midway
        QSignalSpy finished(&dialog, &BatchDialog::runFinished);
        dialog.start();
        RunStore runs(*session_->store());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.runId() > 0, 60000); // prepared off the GUI thread
        QTRY_VERIFY_WITH_TIMEOUT(runs.outcomes(dialog.runId())->size() >= 2, 60000);
        dialog.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(test::waitForRun(*session_)); // the finished run is read next
        QCOMPARE(finished.first().at(1).toBool(), true);
        const std::size_t kept = runs.outcomes(dialog.runId())->size();
        QVERIFY(kept >= 2);
        QVERIFY(kept < session_->dataset()->users.size());
        QCOMPARE(runs.run(dialog.runId())->status, RunStatus::Cancelled);

        finished.clear();
        dialog.setOfflinePace(0);
        dialog.resume();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(test::waitForRun(*session_)); // the finished run is read next
        QCOMPARE(finished.first().at(1).toBool(), false);
        QCOMPARE(runs.outcomes(dialog.runId())->size(), session_->dataset()->users.size());
        QCOMPARE(runs.run(dialog.runId())->status, RunStatus::Done);
        // A project reopened later shows the newest run of the dataset again.
        QVERIFY(session_->runResults());
        QCOMPARE(session_->runResults()->byUser.size(), session_->dataset()->users.size());
    }
};

QTEST_MAIN(TestBatch)
#include "tst_batch.moc"
