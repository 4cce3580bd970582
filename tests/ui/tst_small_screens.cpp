// Nothing cut off at 1366×768 in German, the language with the longest words: the Reasoning
// dock's run buttons all on screen (no overflow arrow), every label button at its full width
// without a sideways scroll, the Profile table's headers not clipped, and the Compare table's
// stage names never broken inside a word. A real LaMP-4 run of the offline reasoner on the demo.
#include "support/UiTestSupport.h"
#include "ui/App.h"
#include "ui/MainWindow.h"
#include "ui/RunController.h"
#include "ui/Session.h"
#include "ui/StageText.h"
#include "ui/windows/AnnotationsDock.h"
#include "ui/windows/CompareDock.h"
#include "ui/windows/ProfileDock.h"
#include "ui/windows/ReasoningDock.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolButton>
#include <memory>

using namespace r2p;
using namespace r2p::ui;

class TestSmallScreens : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    RunController* runs() const { return window_->runController(); }

    // The widget `w` shows all of itself inside `area` (its ancestor), at no less than the
    // width its text asks for.
    static bool wholeIn(const QWidget* w, const QWidget* area) {
        const QRect inArea(w->mapTo(area, QPoint(0, 0)), w->size());
        return w->isVisible() && area->rect().contains(inArea) &&
               w->width() >= w->sizeHint().width();
    }

private slots:
    void initTestCase() {
        test::setUpUiTestApplication();
        setUpApplication(*qApp, QStringLiteral("de"));
        QVERIFY(QCoreApplication::translate("r2p::ui::ReasoningDock", "Re-run from Here") !=
                QStringLiteral("Re-run from Here")); // German is installed
    }

    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        session_ = std::make_unique<Session>();
        window_ = std::make_unique<MainWindow>(session_.get());
        QVERIFY(window_->openProject(dir_->filePath(QStringLiteral("test.r2p")), true));
        window_->resize(1366, 768);
        window_->show();
        QApplication::setActiveWindow(window_.get());
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        runs()->setTokensPerSecond(0);
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDemo(TaskId::LaMP4);
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 60000);
        QSignalSpy running(runs(), &RunController::runningChanged);
        window_->action(QStringLiteral("runToEnd"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!running.isEmpty() && !runs()->isRunning(), 60000);
        QVERIFY(runs()->finished());
    }

    void cleanup() {
        window_.reset();
        session_.reset();
        dir_.reset();
    }

    void everyRunButtonIsOnScreen() {
        QWidget* bar = window_->reasoningDock()->findChild<QWidget*>(QStringLiteral("RunToolBar"));
        QVERIFY(bar);
        // The dock is narrower than one row of German buttons: they take a second row.
        const QStringList names{QStringLiteral("runStep"),     QStringLiteral("runToEnd"),
                                QStringLiteral("runPause"),    QStringLiteral("runCancel"),
                                QStringLiteral("runRerun"),    QStringLiteral("runEdit"),
                                QStringLiteral("stagesTable"), QStringLiteral("barsByTokens")};
        int rows = 0;
        int lastTop = -1;
        for (const QString& name : names) {
            auto* button = bar->findChild<QToolButton*>(name + QStringLiteral("Button"));
            QVERIFY2(button, qPrintable(name));
            QCOMPARE(button->defaultAction(), window_->action(name));
            QVERIFY2(wholeIn(button, bar), qPrintable(button->text()));
            if (button->y() > lastTop) {
                ++rows;
                lastTop = button->y();
            }
        }
        QVERIFY2(rows >= 2, "the German buttons fit one row: the test no longer tests wrapping");
        // F5 still reaches its button's action.
        QCOMPARE(window_->action(QStringLiteral("runToEnd"))->shortcut(), QKeySequence(Qt::Key_F5));
    }

    void everyLabelButtonIsWholeWithoutASidewaysScroll() {
        AnnotationsDock* dock = window_->annotationsDock();
        auto* area = qobject_cast<QScrollArea*>(dock->widget());
        QVERIFY(area);
        QVERIFY(!dock->labelButtons().isEmpty());
        for (QToolButton* b : dock->labelButtons())
            QVERIFY2(wholeIn(b, area->widget()) && b->width() <= area->viewport()->width(),
                     qPrintable(b->text()));
        QCOMPARE(area->horizontalScrollBar()->maximum(), 0);
    }

    void profileHeadersAreNotClipped() {
        QVERIFY(session_->selectUserById(QStringLiteral("4102"))); // items with a date
        QTableView* view = window_->profileDock()->view();
        QTRY_COMPARE(view->model()->columnCount(), 6); // rank, score, id, title, text, date
        QHeaderView* header = view->horizontalHeader();
        QVERIFY(view->model()->columnCount() >= 4);
        for (int c = 0; c < 3; ++c) // rank, score, id
            QVERIFY2(header->sectionSize(c) >= header->sectionSizeHint(c),
                     qPrintable(view->model()->headerData(c, Qt::Horizontal).toString()));
        // User 4102's items have a title, a text and a date: the title and the text share what is
        // left (a fixed 300 px title used to leave the text a sliver).
        QVERIFY2(header->length() <= view->viewport()->width(),
                 qPrintable(QStringLiteral("columns %1 px in %2 px")
                                .arg(header->length())
                                .arg(view->viewport()->width())));
        for (int c = 3; c < view->model()->columnCount(); ++c)
            QVERIFY2(header->sectionSize(c) >= 60,
                     qPrintable(view->model()->headerData(c, Qt::Horizontal).toString() +
                                QStringLiteral(": %1 px").arg(header->sectionSize(c))));
    }

    void compareStageNamesAreNotBrokenInsideAWord() {
        // A stored run: R2P's task analysis against LaMP RAG's answer.
        const auto fill = [](UserTrace& t, const UserIndexEntry&, std::size_t) {
            t.prediction = "a headline";
            StepRecord step;
            step.status = StepStatus::Done;
            step.stage = t.system == SystemId::R2P ? StageId::TaskAnalysis : StageId::Generate;
            step.answer = "The input asks for a headline for the article, as this user writes "
                          "headlines; the output format is one line with the headline.";
            t.steps.push_back(step);
        };
        std::string error;
        const auto run = test::storeSessionRun(*session_, {SystemId::R2P, SystemId::LampRag}, 3,
                                               fill, {}, &error);
        QVERIFY2(run > 0, error.c_str());
        session_->refreshRuns();
        QString why;
        QVERIFY2(session_->selectRun(run, &why), qPrintable(why));
        QVERIFY(test::waitForRun(*session_));
        session_->selectUser(0);
        CompareDock* dock = window_->compareDock();
        dock->show();
        dock->raise();
        QTRY_VERIFY_WITH_TIMEOUT(
            dock->stagesView()->toPlainText().contains(QStringLiteral("headlines;")), 10000);
        QTextDocument* doc = dock->stagesView()->document();
        // "Aufgabenanalyse" (task analysis) in a column far narrower than the dock's width
        // used to wrap as "Aufga / benan / alyse".
        const QString name = StageText::stage(StageId::TaskAnalysis);
        QCOMPARE(name, QStringLiteral("Aufgabenanalyse"));
        int found = 0;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
            if (b.text() == name) {
                ++found;
                QCOMPARE(b.layout()->lineCount(), 1);
            }
        QCOMPARE(found, 1);
    }
};

QTEST_MAIN(TestSmallScreens)
#include "tst_small_screens.moc"
