// Annotating through the real window, offscreen: a stored run's user is labelled as a whole, on
// a stage picked with the mouse, on a span of a stage's text and on a verdict, all with number
// keys; notes, severity, removal, the triage queue (N / Shift+N), bookmarks (M, B), the
// cheat-sheet (?), the Users view's Notes column and filters, and a newer run that shows the
// older annotations. Every label is read back from the project file.
#include "model/Annotation.h"
#include "model/RunStore.h"
#include "support/UiTestSupport.h"
#include "ui/AnnotationText.h"
#include "ui/MainWindow.h"
#include "ui/RunController.h"
#include "ui/Session.h"
#include "ui/SpanSelection.h"
#include "ui/Triage.h"
#include "ui/dialogs/BatchDialog.h"
#include "ui/models/AnnotationsModel.h"
#include "ui/models/StagesModel.h"
#include "ui/models/UsersModel.h"
#include "ui/models/UsersProxyModel.h"
#include "ui/windows/AnnotationsDock.h"
#include "ui/windows/ReasoningDock.h"
#include "ui/windows/UsersDock.h"
#include "ui/windows/VerdictsDock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <memory>

using namespace r2p;
using namespace r2p::ui;

class TestAnnotate : public QObject {
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

    std::int64_t runBatch(int firstN) {
        BatchDialog dialog(session_.get(), window_->usersDock()->visibleRows(), window_.get());
        dialog.setSystems({SystemId::R2P, SystemId::LampRag});
        dialog.setUserScope(2, firstN);
        QSignalSpy finished(&dialog, &BatchDialog::runFinished);
        dialog.start();
        if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 60000) ||
            !test::waitForRun(*session_))
            return 0;
        return dialog.runId();
    }

    // Selects the user at `row` of the Users view and waits for its stored trace.
    bool showUser(int row, std::int64_t runId) {
        UsersDock* users = window_->usersDock();
        users->view()->setCurrentIndex(users->proxy()->index(row, UsersModel::ColumnId));
        RunController* runs = window_->runController();
        return QTest::qWaitFor(
            [&] {
                const UserIndexEntry* e = session_->selectedEntry();
                return e && !session_->isBusy() && runs->storedRunId() == runId &&
                       runs->trace().userId == e->id && !runs->trace().steps.empty();
            },
            30000);
    }

    std::vector<Annotation> stored(std::int64_t runId) {
        auto all = AnnotationStore(*session_->store()).ofRun(runId);
        return all ? *all : std::vector<Annotation>{};
    }

    void press(int key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
        QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget()
                                                      : static_cast<QWidget*>(window_.get());
        QTest::keyClick(target, static_cast<Qt::Key>(key), mods);
    }

private slots:
    void initTestCase() { test::setUpUiTestApplication(); }

    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        session_ = std::make_unique<Session>();
        session_->setAnnotator(QStringLiteral("ada"));
        window_ = std::make_unique<MainWindow>(session_.get());
        QVERIFY(window_->openProject(dir_->filePath(QStringLiteral("test.r2p")), true));
        window_->resize(1500, 950);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanup() {
        window_.reset();
        session_.reset();
        dir_.reset();
    }

    void spansMapToTheStoredTextThroughCollapsedWhiteSpace() {
        StepRecord step;
        step.stage = StageId::ProfileSynthesis;
        step.reasoning = "Über  die [P1] Vorlieben\nzweite Zeile";
        step.answer = "答案 uses [P2]   and [P3]";
        QTextDocument doc;
        doc.setHtml(stepStreamHtml(QString::fromStdString(step.reasoning),
                                   QString::fromStdString(step.answer), false));
        auto select = [&](const QString& needle, int from) {
            const QTextCursor found = doc.find(needle, from);
            return found;
        };
        // In the reasoning, across a collapsed double space.
        QTextCursor c = select(QStringLiteral("die [P1]"), 0);
        QVERIFY(c.hasSelection());
        auto span = spanOfSelection(step, c);
        QVERIFY(span);
        QCOMPARE(QString::fromStdString(span->spanField), QStringLiteral("reasoning"));
        QCOMPARE(span->spanText, std::string("die [P1]"));
        QCOMPARE(step.reasoning.substr(static_cast<std::size_t>(span->spanStart),
                                       static_cast<std::size_t>(span->spanEnd - span->spanStart)),
                 span->spanText);
        // "Über  die": the doubled space collapses on screen; the stored text keeps both.
        c = select(QStringLiteral("Über die"), 0);
        QVERIFY(c.hasSelection());
        span = spanOfSelection(step, c);
        QVERIFY(span);
        QCOMPARE(span->spanText, std::string("Über  die"));
        QCOMPARE(span->spanStart, 0);
        QCOMPARE(span->spanEnd, static_cast<int>(std::string("Über  die").size()));
        // In the answer, multi-byte text before it: offsets are UTF-8 bytes of the answer.
        c = select(QStringLiteral("[P2] and"), 0);
        QVERIFY(c.hasSelection());
        span = spanOfSelection(step, c);
        QVERIFY(span);
        QCOMPARE(QString::fromStdString(span->spanField), QStringLiteral("answer"));
        QCOMPARE(span->spanText, std::string("[P2]   and"));
        QCOMPARE(span->spanStart, static_cast<int>(std::string("答案 uses ").size()));
        // Nothing selected: no span.
        QVERIFY(!spanOfSelection(step, QTextCursor(&doc)));
    }

    void everyAnnotationPathThroughTheWindow() {
        openDemo(TaskId::LaMP2);
        const std::int64_t runId = runBatch(6);
        QVERIFY(runId > 0);
        QTRY_VERIFY(session_->runResults() && session_->runResults()->runId == runId);
        AnnotationsDock* dock = window_->annotationsDock();
        QAbstractItemModelTester tester(dock->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        UsersDock* users = window_->usersDock();
        QVERIFY(!users->view()->isColumnHidden(UsersModel::ColumnNotes));
        QVERIFY(showUser(0, runId));
        QVERIFY(dock->canAnnotate());
        const std::string firstUser = window_->runController()->trace().userId;
        QCOMPARE(dock->labelButtons().size(), 8);

        // 1: the whole run, with the default severity (major).
        users->view()->setFocus();
        press(Qt::Key_1);
        auto notes = stored(runId);
        QCOMPARE(notes.size(), std::size_t(1));
        QCOMPARE(notes[0].target, AnnotationTarget::Run);
        QCOMPARE(notes[0].label, std::string("divergent-thinking"));
        QCOMPARE(notes[0].annotator, std::string("ada"));
        QCOMPARE(notes[0].userId, firstUser);
        QCOMPARE(notes[0].severity, AnnotationSeverity::Major);
        QVERIFY(!notes[0].templateId.empty());
        QCOMPARE(dock->model()->rowCount(), 1);

        // A stage picked with the mouse, then 3; S and a note typed after Ctrl+M (left with
        // Return) go to that label just made, not to the next one, and not to the first.
        ReasoningDock* reasoning = window_->reasoningDock();
        QTreeView* timeline = reasoning->timeline();
        const QModelIndex synthesisAt = reasoning->timelineIndexOf(StageId::ProfileSynthesis, 0);
        QVERIFY(synthesisAt.isValid());
        const QRect cell = timeline->visualRect(synthesisAt.siblingAtColumn(1));
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(dock->target().target, AnnotationTarget::Stage);
        QCOMPARE(dock->target().stage, StageId::ProfileSynthesis);
        const QString note = QStringLiteral("cites P9, which was never retrieved");
        auto labelSeverityNote = [&] {
            press(Qt::Key_3);
            press(Qt::Key_S); // major -> critical, on the label just made
            QCOMPARE(dock->severityBox()->currentData().toInt(),
                     static_cast<int>(AnnotationSeverity::Critical));
            press(Qt::Key_M, Qt::ControlModifier);
            QCOMPARE(QApplication::focusWidget(), dock->noteLine());
            QTest::keyClicks(dock->noteLine(), note);
            QTest::keyClick(dock->noteLine(), Qt::Key_Return);
            QVERIFY(QApplication::focusWidget() != dock->noteLine());
        };
        labelSeverityNote();
        notes = stored(runId);
        QCOMPARE(notes.size(), std::size_t(2));
        QCOMPARE(notes[0].severity, AnnotationSeverity::Major); // the first label is untouched
        QVERIFY(notes[0].note.empty());
        QCOMPARE(notes[1].target, AnnotationTarget::Stage);
        QCOMPARE(notes[1].stage, StageId::ProfileSynthesis);
        QCOMPARE(notes[1].label, std::string("retrieval-unused"));
        QCOMPARE(notes[1].severity, AnnotationSeverity::Critical);
        QCOMPARE(notes[1].note, note.toStdString());
        QVERIFY(dock->noteLine()->text().isEmpty()); // the note went to the label

        // Ctrl+Z takes back the note, then the severity, then the label itself.
        press(Qt::Key_Z, Qt::ControlModifier);
        notes = stored(runId);
        QVERIFY(notes[1].note.empty());
        QCOMPARE(notes[1].severity, AnnotationSeverity::Critical);
        press(Qt::Key_Z, Qt::ControlModifier);
        notes = stored(runId);
        QCOMPARE(notes[1].severity, AnnotationSeverity::Major);
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored(runId).size(), std::size_t(1));
        // And the same keys again.
        labelSeverityNote();
        notes = stored(runId);
        QCOMPARE(notes.size(), std::size_t(2));
        QCOMPARE(notes[1].severity, AnnotationSeverity::Critical);
        QCOMPARE(notes[1].note, note.toStdString());

        // A span of that stage's text: select it in the stream view, press 4.
        QTextBrowser* stream = reasoning->streamView();
        const StepRecord& synthesis =
            window_->runController()
                ->trace()
                .steps[static_cast<std::size_t>(reasoning->selectedStep())];
        QVERIFY(!synthesis.answer.empty());
        const QString answer = QString::fromStdString(synthesis.answer);
        QString word; // two words from inside the first line that has a few
        for (const QString& line : answer.split(QLatin1Char('\n'))) {
            const QStringList words = line.simplified().split(QLatin1Char(' '));
            if (words.size() >= 4) {
                word = words[1] + QLatin1Char(' ') + words[2];
                break;
            }
        }
        QTextCursor found = stream->document()->find(word);
        QVERIFY2(found.hasSelection(), qPrintable(word));
        stream->setTextCursor(found);
        QCOMPARE(dock->target().target, AnnotationTarget::Span);
        stream->setFocus();
        press(Qt::Key_4);
        notes = stored(runId);
        QCOMPARE(notes.size(), std::size_t(3));
        const Annotation& span = notes[2];
        QCOMPARE(span.target, AnnotationTarget::Span);
        QCOMPARE(span.label, std::string("hallucinated-preference"));
        // The severity did not stick at critical: a new label starts at the default.
        QCOMPARE(span.severity, AnnotationSeverity::Major);
        const std::string& field =
            span.spanField == "reasoning" ? synthesis.reasoning : synthesis.answer;
        QCOMPARE(field.substr(static_cast<std::size_t>(span.spanStart),
                              static_cast<std::size_t>(span.spanEnd - span.spanStart)),
                 span.spanText);
        QCOMPARE(QString::fromStdString(span.spanText).simplified(), word.simplified());

        // A verdict picked with the mouse, then 6.
        VerdictsDock* verdicts = window_->verdictsDock();
        verdicts->show();
        verdicts->raise();
        QTRY_VERIFY(verdicts->view()->model()->rowCount() > 1);
        const QRect second = verdicts->view()->visualRect(verdicts->view()->model()->index(1, 0));
        QTest::mouseClick(verdicts->view()->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(dock->target().target, AnnotationTarget::Verdict);
        press(Qt::Key_6);
        notes = stored(runId);
        QCOMPARE(notes.size(), std::size_t(4));
        QCOMPARE(notes[3].target, AnnotationTarget::Verdict);
        QCOMPARE(notes[3].candidate, window_->runController()->trace().verdicts[1].candidate);
        QCOMPARE(notes[3].label, std::string("inconsistent-candidates"));
        QCOMPARE(dock->model()->rowCount(), 4);

        // A second annotator on the same stage.
        dock->annotatorLine()->setText(QStringLiteral("grace"));
        QVERIFY(reasoning->selectStage(StageId::ProfileSynthesis, 0));
        QVERIFY(dock->applyShortcut(QStringLiteral("3")));
        notes = stored(runId);
        QCOMPARE(notes.back().annotator, std::string("grace"));
        dock->annotatorLine()->setText(QStringLiteral("ada"));

        // Delete in the list removes the selected annotation (the second annotator's).
        dock->view()->setFocus();
        dock->view()->setCurrentIndex(dock->model()->index(4, 0));
        QTest::keyClick(dock->view(), Qt::Key_Delete);
        QCOMPARE(stored(runId).size(), std::size_t(4));
        // Ctrl+Z brings it back, with its annotator; Delete again.
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored(runId).size(), std::size_t(5));
        QCOMPARE(stored(runId).back().annotator, std::string("grace"));
        dock->view()->setFocus();
        dock->view()->setCurrentIndex(dock->model()->index(4, 0));
        QTest::keyClick(dock->view(), Qt::Key_Delete);
        QCOMPARE(stored(runId).size(), std::size_t(4));

        // The Users view: the Notes column and the annotation filters.
        QCOMPARE(users->model()->index(0, UsersModel::ColumnNotes).data().toString(),
                 QStringLiteral("✎ 4"));
        users->setFilterText(QStringLiteral("has:annotation"));
        QCOMPARE(users->proxy()->rowCount(), 1);
        users->setFilterText(QStringLiteral("label:retrieval-unused"));
        QCOMPARE(users->proxy()->rowCount(), 1);
        users->setFilterText(QStringLiteral("no:annotation"));
        QCOMPARE(users->proxy()->rowCount(), 5);
        users->setFilterText(QString());

        // Bookmark this user (M), walk the triage queue (N skips annotated users), come back (B).
        QVERIFY(showUser(0, runId));
        users->view()->setFocus();
        press(Qt::Key_M);
        QCOMPARE(dock->bookmarksList()->count(), 1);
        press(Qt::Key_N);
        QVERIFY(showUser(users->view()->currentIndex().row(), runId));
        const std::string second2 = window_->runController()->trace().userId;
        QVERIFY(second2 != firstUser);
        QCOMPARE(session_->annotationCounts()->onRunOf(second2), 0);
        press(Qt::Key_2);
        press(Qt::Key_N);
        QVERIFY(showUser(users->view()->currentIndex().row(), runId));
        const std::string third = window_->runController()->trace().userId;
        QVERIFY(third != second2 && third != firstUser);
        // Both users before it are annotated now: Shift+N has nowhere to go.
        const int thirdRow = users->view()->currentIndex().row();
        press(Qt::Key_N, Qt::ShiftModifier);
        QCOMPARE(users->view()->currentIndex().row(), thirdRow);
        QTest::keyClick(window_.get(), Qt::Key_B);
        QTRY_COMPARE(window_->runController()->trace().userId, firstUser);

        // ? opens the cheat-sheet with the labels and the triage keys.
        const QString sheet = window_->triage()->cheatSheetHtml();
        QVERIFY(sheet.contains(QStringLiteral("Divergent thinking")));
        QVERIFY(sheet.contains(QStringLiteral("Next Unannotated User")));
        bool shown = false;
        QTimer::singleShot(200, this, [&] {
            if (auto* d = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
                shown = d->objectName() == QLatin1String("CheatSheet");
                d->reject();
            }
        });
        QTest::keyClick(window_.get(), Qt::Key_Question, Qt::ShiftModifier);
        QVERIFY(shown);

        // A newer run of the same users: the older annotations are announced, and stay on the
        // run they were made on.
        users->setFilterText(QString());
        const std::int64_t newer = runBatch(6);
        QVERIFY(newer > runId);
        QTRY_VERIFY(session_->runResults() && session_->runResults()->runId == newer);
        QVERIFY(showUser(0, newer));
        QVERIFY(dock->earlierLabel()->isVisible());
        QVERIFY2(dock->earlierLabel()->text().contains(QStringLiteral("#%1").arg(runId)),
                 qPrintable(dock->earlierLabel()->text()));
        QCOMPARE(dock->model()->rowCount(), 0);
        QVERIFY(users->model()
                    ->index(0, UsersModel::ColumnNotes)
                    .data()
                    .toString()
                    .contains(QStringLiteral("◷")));
        QCOMPARE(stored(runId).size(), std::size_t(5));
        QCOMPARE(stored(newer).size(), std::size_t(0));

        // F10 on a stored trace runs the engine on the user afresh: one stage, nothing stored.
        RunController* controller = window_->runController();
        controller->setTokensPerSecond(0);
        QVERIFY(showUser(0, newer));
        window_->activateWindow(); // the cheat-sheet had the focus last
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        QTest::keyClick(window_.get(), Qt::Key_F10);
        QTRY_VERIFY(!controller->isRunning() && controller->storedRunId() == 0 &&
                    controller->trace().steps.size() == 1);
        QCOMPARE(test::stageList(controller->trace().steps),
                 QStringList{QStringLiteral("retrieve")});
        QVERIFY(!dock->canAnnotate());
    }

    void annotationsNeedAStoredRun() {
        openDemo(TaskId::LaMP2);
        window_->usersDock()->step(0);
        QTRY_VERIFY(window_->runController()->hasRun());
        AnnotationsDock* dock = window_->annotationsDock();
        QVERIFY(!dock->canAnnotate());
        QVERIFY(!dock->applyShortcut(QStringLiteral("1")));
        QVERIFY(dock->message().contains(QStringLiteral("stored run")));
    }

    void shippedLabelTextsMatchTheTaxonomyFile() {
        QFile file(QStringLiteral(R2P_SOURCE_DIR "/resources/taxonomy/failures.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto parsed = parseTaxonomy(file.readAll().toStdString(), "failures.json");
        QVERIFY(parsed);
        QCOMPARE(kShippedLabelTextCount, parsed->labels.size() * 2);
        for (std::size_t i = 0; i < parsed->labels.size(); ++i) {
            QCOMPARE(std::string(kShippedLabelTexts[2 * i]), parsed->labels[i].name);
            QCOMPARE(std::string(kShippedLabelTexts[2 * i + 1]), parsed->labels[i].description);
        }
    }
};

QTEST_MAIN(TestAnnotate)
#include "tst_annotate.moc"
