// The workbench window driven like a user would, offscreen: open data, move with the keyboard,
// filter, search, read every pane, see findings; every model checked by QAbstractItemModelTester.
#include "model/RunStore.h"
#include "pipeline/retrieval/Retriever.h"
#include "support/TestSupport.h"
#include "support/UiTestSupport.h"
#include "ui/DemoData.h"
#include "ui/MainWindow.h"
#include "ui/Session.h"
#include "ui/dialogs/OpenDatasetDialog.h"
#include "ui/models/FindingsModel.h"
#include "ui/models/ProfileModel.h"
#include "ui/models/UsersModel.h"
#include "ui/models/UsersProxyModel.h"
#include "ui/windows/FindingsDock.h"
#include "ui/windows/ProfileDock.h"
#include "ui/windows/QueryDock.h"
#include "ui/windows/UsersDock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <memory>

using namespace r2p;
using namespace r2p::ui;

class TestWorkbench : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    void openAndWait(const QString& q, const QString& o) {
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDatasetFiles(q, o);
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.first().at(0).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 10000);
    }
    void openDemoAndWait(TaskId task) {
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDemo(task);
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.first().at(0).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 10000);
    }
    QTableView* usersView() const { return window_->usersDock()->view(); }

private slots:
    void initTestCase() { test::setUpUiTestApplication(); }

    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        session_ = std::make_unique<Session>();
        window_ = std::make_unique<MainWindow>(session_.get());
        QVERIFY(window_->openProject(dir_->filePath(QStringLiteral("test.r2p")), true));
        window_->resize(1280, 800);
        window_->show();
        QApplication::setActiveWindow(window_.get());
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanup() {
        window_.reset();
        session_.reset();
        dir_.reset();
    }

    void emptyStateSaysWhatToDo() {
        QCOMPARE(window_->statusSummary(), QStringLiteral("No dataset open"));
        QVERIFY(window_->queryDock()->shownText().isEmpty());
        auto* openButton = window_->usersDock()->findChild<QPushButton*>();
        QVERIFY(openButton);
        QVERIFY(openButton->text().contains(QStringLiteral("Open Dataset")));
    }

    void demoOpensAndEveryPaneShowsTheFirstUser() {
        openDemoAndWait(TaskId::LaMP1);
        auto dataset = session_->dataset();
        QVERIFY(dataset);
        QCOMPARE(dataset->task, TaskId::LaMP1);
        QCOMPARE(window_->usersDock()->proxy()->rowCount(),
                 static_cast<int>(dataset->users.size()));
        QVERIFY(dataset->users.size() >= 15);
        QCOMPARE(dataset->goldCount(), dataset->users.size());
        QVERIFY(dataset->findings.empty());
        // The first user is selected and shown everywhere.
        QTRY_VERIFY(session_->record());
        QCOMPARE(session_->selectedUser(), 0);
        const QString query = window_->queryDock()->shownText();
        QVERIFY2(query.contains(QStringLiteral("The author's paper")), qPrintable(query));
        QVERIFY(query.contains(QStringLiteral("Candidate [1]")));
        QVERIFY(query.contains(QStringLiteral("Candidate [2]")));
        QVERIFY(query.contains(QStringLiteral("(gold)")));
        QVERIFY(query.contains(QString::fromStdString(dataset->users[0].id)));
        auto* profile = window_->profileDock()->model();
        QTRY_VERIFY(session_->ranking());
        QCOMPARE(profile->rowCount(), std::min(5, static_cast<int>(dataset->users[0].profileSize)));
        QCOMPARE(profile->headerData(ProfileModel::ColumnRank, Qt::Horizontal).toString(),
                 QStringLiteral("Rank"));
        QCOMPARE(profile->headerData(3, Qt::Horizontal).toString(), QStringLiteral("Title"));
        QCOMPARE(profile->headerData(4, Qt::Horizontal).toString(), QStringLiteral("Abstract"));
        window_->profileDock()->fullProfileBox()->setChecked(true);
        QCOMPARE(profile->rowCount(), static_cast<int>(dataset->users[0].profileSize));
        QVERIFY(window_->profileDock()->detail()->toPlainText().contains(QStringLiteral("Item 1")));
        QVERIFY(window_->statusSummary().contains(QStringLiteral("LaMP-1")));
        QVERIFY(window_->windowTitle().contains(QStringLiteral("dev_questions.json")));
        // Nothing to report: the Findings pane stays out of the way.
        QVERIFY(window_->findingsDock()->isHidden());
    }

    void everyDemoTaskLoadsCleanly() {
        for (TaskId task : demoTasks()) {
            openDemoAndWait(task);
            QCOMPARE(session_->task(), task);
            QVERIFY(session_->dataset()->findings.empty());
            QTRY_VERIFY(session_->record());
            QVERIFY(!window_->queryDock()->shownText().isEmpty());
            QTRY_VERIFY(session_->ranking());
            QCOMPARE(window_->profileDock()->model()->rowCount(), 5);
        }
    }

    void keyboardMovesThroughUsersAndEveryPaneFollows() {
        openDemoAndWait(TaskId::LaMP3);
        auto dataset = session_->dataset();
        QTRY_VERIFY(session_->record());
        usersView()->setFocus();
        QTest::keyClick(usersView(), Qt::Key_Down);
        QCOMPARE(session_->selectedUser(), 1);
        QTRY_VERIFY(session_->record() && session_->record()->id == dataset->users[1].id);
        QVERIFY(window_->queryDock()->shownText().contains(
            QStringLiteral("Question %1").arg(QString::fromStdString(dataset->users[1].id))));
        QTRY_VERIFY(session_->ranking());
        QCOMPARE(window_->profileDock()->model()->rowCount(),
                 std::min(5, static_cast<int>(dataset->users[1].profileSize)));
        // Alt+Down moves on from anywhere in the window.
        QTest::keyClick(window_.get(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(session_->selectedUser(), 2);
        QTest::keyClick(window_.get(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(session_->selectedUser(), 1);
        QTest::keyClick(usersView(), Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(session_->selectedUser(), static_cast<int>(dataset->users.size()) - 1);
        QTRY_VERIFY(session_->record() && session_->record()->id == dataset->users.back().id);
        // Ctrl+F jumps to the filter line; typing there filters after a pause; Enter goes back.
        QTest::keyClick(window_.get(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), window_->usersDock()->filterLine());
        const QString firstId = QString::fromStdString(dataset->users[0].id);
        QTest::keyClicks(window_->usersDock()->filterLine(), QStringLiteral("id:") + firstId);
        QTRY_COMPARE(window_->usersDock()->proxy()->rowCount(), 1);
        QTest::keyClick(window_->usersDock()->filterLine(), Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), usersView());
    }

    void holdingDownTheArrowReadsOnlyWhatIsNeeded() {
        const auto d = test::writeLamp3Dataset(dir_->path(), 400, 30);
        openAndWait(d.questions, d.outputs);
        QTRY_VERIFY(session_->record());
        const quint64 before = session_->recordReadsStarted();
        usersView()->setFocus();
        for (int i = 0; i < 300; ++i)
            QTest::keyClick(usersView(), Qt::Key_Down);
        QCOMPARE(session_->selectedUser(), 300);
        QTRY_VERIFY(!session_->isBusy());
        QCOMPARE(session_->record()->id, std::string("800"));
        QCOMPARE(window_->profileDock()->model()->rowCount(),
                 std::min(5, static_cast<int>(session_->dataset()->users[300].profileSize)));
        // Key presses arrive faster than reads finish: far fewer reads than selections.
        QVERIFY2(session_->recordReadsStarted() - before < 300,
                 qPrintable(QString::number(session_->recordReadsStarted() - before)));
    }

    void filterTermsAndInvalidFilters() {
        openDemoAndWait(TaskId::LaMP2);
        auto dataset = session_->dataset();
        auto* dock = window_->usersDock();
        int bigProfiles = 0;
        for (const auto& u : dataset->users)
            bigProfiles += u.profileSize > 30;
        dock->setFilterText(QStringLiteral("profile>30"));
        QCOMPARE(dock->proxy()->rowCount(), bigProfiles);
        QVERIFY(dock->visibleCountText().contains(QStringLiteral("of")));
        const QString gold = QString::fromStdString(dataset->users[0].gold);
        int withGold = 0;
        for (const auto& u : dataset->users)
            withGold += QString::fromStdString(u.gold).contains(gold, Qt::CaseInsensitive);
        dock->setFilterText(QStringLiteral("gold:") + gold.section(QLatin1Char(' '), 0, 0));
        QVERIFY(dock->proxy()->rowCount() >= withGold);
        // An invalid filter colours itself and leaves the last good filter in place.
        const int before = dock->proxy()->rowCount();
        dock->setFilterText(QStringLiteral("colour:blue"));
        QVERIFY(dock->filterLine()->styleSheet().contains(QStringLiteral("#f8d7da")));
        QVERIFY(dock->filterLine()->toolTip().contains(QStringLiteral("unknown filter")));
        QCOMPARE(dock->proxy()->rowCount(), before);
        dock->setFilterText(QStringLiteral("profile>abc"));
        QVERIFY(dock->filterLine()->toolTip().contains(QStringLiteral("needs a number")));
        dock->setFilterText(QString());
        QCOMPARE(dock->proxy()->rowCount(), static_cast<int>(dataset->users.size()));
        QVERIFY(dock->filterLine()->styleSheet().isEmpty());
    }

    void sortingByProfileSize() {
        openDemoAndWait(TaskId::LaMP4);
        auto dataset = session_->dataset();
        std::uint32_t largest = 0;
        for (const auto& u : dataset->users)
            largest = std::max(largest, u.profileSize);
        usersView()->sortByColumn(UsersModel::ColumnProfile, Qt::DescendingOrder);
        QCOMPARE(usersView()->model()->index(0, UsersModel::ColumnProfile).data().toUInt(),
                 largest);
        // Selecting the top row after sorting selects that user, not row 0 of the file.
        usersView()->setCurrentIndex(usersView()->model()->index(0, UsersModel::ColumnId));
        QCOMPARE(dataset->users[static_cast<std::size_t>(session_->selectedUser())].profileSize,
                 largest);
    }

    void profileSearchNarrowsItems() {
        const auto d = test::writeLamp3Dataset(dir_->path(), 5, 12);
        openAndWait(d.questions, d.outputs);
        QTRY_VERIFY(session_->ranking());
        auto* dock = window_->profileDock();
        dock->fullProfileBox()->setChecked(true);
        const int all = dock->proxy()->rowCount();
        QVERIFY(all >= 12);
        QTest::keyClicks(dock->searchLine(), QStringLiteral("teapot"));
        QTRY_COMPARE(dock->proxy()->rowCount(), 1);
        QVERIFY(dock->proxy()->index(0, 3).data().toString().contains(QStringLiteral("teapot")));
        dock->setSearchText(QString());
        QCOMPARE(dock->proxy()->rowCount(), all);
    }

    void profileShowsTheRankingAndFollowsRankerAndK() {
        openDemoAndWait(TaskId::LaMP3);
        QTRY_VERIFY(session_->ranking());
        auto* dock = window_->profileDock();
        auto* view = dock->view();
        const auto record = session_->record();
        // The same ranking the retriever gives (and r2p retrieve writes), best first.
        retrieval::RetrievalOptions all;
        all.k = 0;
        const auto expected = retrieval::makeBm25Retriever()->rank(*record, TaskId::LaMP3, all);
        QVERIFY(expected.ok());
        QCOMPARE(view->model()->rowCount(), 5);
        for (int r = 0; r < 5; ++r) {
            QCOMPARE(view->model()->index(r, ProfileModel::ColumnRank).data().toInt(), r + 1);
            QCOMPARE(
                view->model()->index(r, ProfileModel::ColumnId).data().toString(),
                QString::fromStdString(expected->items[static_cast<std::size_t>(r)].profileId));
        }
        // Matched terms are query tokens that occur in the item, and they are highlighted.
        const QStringList terms = view->model()
                                      ->index(0, ProfileModel::FixedColumns)
                                      .data(ProfileModel::MatchedTermsRole)
                                      .toStringList();
        QVERIFY(!terms.isEmpty());
        const QString query = QString::fromStdString(expected->query);
        for (const QString& t : terms)
            QVERIFY2(query.split(QLatin1Char(' ')).contains(t), qPrintable(t));
        QVERIFY(dock->detail()->toHtml().contains(QStringLiteral("#ffd966")));
        QVERIFY(window_->queryDock()->shownText().contains(
            QStringLiteral("Retrieval query (BM25, k = 5)")));
        QVERIFY(window_->queryDock()->shownText().contains(query.left(40)));
        // k changes the cut at once; the ranking itself stays.
        const auto before = session_->ranking();
        dock->kSpin()->setValue(3);
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(session_->ranking(), before);
        dock->kSpin()->setValue(0);
        QCOMPARE(view->model()->rowCount(), static_cast<int>(record->profile.size()));
        dock->kSpin()->setValue(5);
        // Another ranker re-ranks in the background and the view follows.
        dock->rankerCombo()->setCurrentIndex(
            dock->rankerCombo()->findData(QStringLiteral("random")));
        QTRY_VERIFY(session_->ranking() && session_->ranking() != before);
        QCOMPARE(session_->ranker(), QStringLiteral("random"));
        QCOMPARE(view->model()->rowCount(), 5);
        QVERIFY(window_->queryDock()->shownText().contains(QStringLiteral("random")));
        // The next user is ranked the same way.
        QTest::keyClick(window_.get(), Qt::Key_Down, Qt::AltModifier);
        QTRY_VERIFY(session_->ranking() && session_->record()->id != record->id);
        QCOMPARE(session_->ranker(), QStringLiteral("random"));
    }

    void modelsPassTheModelTester() {
        openDemoAndWait(TaskId::LaMP5);
        QTRY_VERIFY(session_->record());
        auto* users = window_->usersDock();
        auto* profile = window_->profileDock();
        QAbstractItemModelTester t1(users->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(users->proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(profile->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(profile->proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t5(window_->findingsDock()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        users->setFilterText(QStringLiteral("profile>20"));
        users->setFilterText(QString());
        QTest::keyClick(users->view(), Qt::Key_Down);
        QTRY_VERIFY(!session_->isBusy());
        profile->setSearchText(QStringLiteral("the"));
        profile->setSearchText(QString());
        const auto bad = test::writeLamp3Dataset(dir_->path(), 3, 2);
        QFile f(bad.outputs);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"task": "LaMP_3", "golds": [{"id": "500", "output": "3"}, {"id": "9", "output": "1"}]})");
        f.close();
        openAndWait(bad.questions, bad.outputs);
        QVERIFY(window_->findingsDock()->model()->rowCount() >= 2);
    }

    void malformedInputShowsFindingsAndKeepsWhatLoaded() {
        const auto d = test::writeLamp3Dataset(dir_->path(), 6, 3);
        QFile q(d.questions);
        QVERIFY(q.open(QIODevice::ReadOnly));
        QByteArray bytes = q.readAll();
        q.close();
        // Give user 501 a broken profile and cut the file short inside the last record.
        bytes.replace(R"("id":"501","input")", R"("id":"501","profile":7,"input")");
        bytes.chop(40);
        QVERIFY(q.open(QIODevice::WriteOnly | QIODevice::Truncate));
        q.write(bytes);
        q.close();
        QVERIFY(window_->findingsDock()->isHidden());
        openAndWait(d.questions, d.outputs);
        QVERIFY(!window_->findingsDock()->isHidden()); // opens itself when a load reports problems
        auto dataset = session_->dataset();
        QCOMPARE(dataset->users.size(), std::size_t(4)); // 500, 502, 503, 504 complete; 501 skipped
        auto* findings = window_->findingsDock()->model();
        QStringList texts;
        for (int r = 0; r < findings->rowCount(); ++r)
            texts << findings->index(r, FindingsModel::ColumnMessage).data().toString();
        const QString all = texts.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("truncated")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Record 501 skipped")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("have no question")), qPrintable(all));
        // Errors sort first and the status bar shows the count with the worst severity.
        QCOMPARE(findings->index(0, FindingsModel::ColumnSeverity).data().toString(),
                 QStringLiteral("Error"));
        auto* button = window_->findChild<QToolButton*>(QStringLiteral("FindingsButton"));
        QVERIFY(button && button->isVisible());
        QVERIFY(button->text().contains(QString::number(findings->rowCount())));
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(QApplication::focusWidget(),
                     static_cast<QWidget*>(window_->findingsDock()->view()));
    }

    void activatingAFindingSelectsItsUser() {
        const auto d = test::writeLamp3Dataset(dir_->path(), 4, 2);
        QFile q(d.questions);
        QVERIFY(q.open(QIODevice::ReadOnly));
        QByteArray bytes = q.readAll();
        q.close();
        bytes.replace(R"("id":"502","input")", R"("id":"502","ignored":[],"input")");
        const int at = bytes.indexOf(R"("id":"502")");
        const int profileAt = bytes.indexOf(R"("profile":[)", at);
        const int end = bytes.indexOf("]}", profileAt);
        bytes.replace(profileAt, end - profileAt + 1, R"("profile":[])");
        QVERIFY(q.open(QIODevice::WriteOnly | QIODevice::Truncate));
        q.write(bytes);
        q.close();
        openAndWait(d.questions, d.outputs);
        auto* view = window_->findingsDock()->view();
        int row = -1;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            if (view->model()->index(r, FindingsModel::ColumnRecord).data().toString() ==
                QStringLiteral("502"))
                row = r;
        QVERIFY(row >= 0);
        emit view->activated(view->model()->index(row, 0));
        QCOMPARE(QString::fromStdString(session_->selectedEntry()->id), QStringLiteral("502"));
    }

    void reopeningUsesTheIndexCache() {
        const auto d = test::writeLamp3Dataset(dir_->path(), 8, 3);
        openAndWait(d.questions, d.outputs);
        QVERIFY(!session_->datasetFromCache());
        openAndWait(d.questions, d.outputs);
        QVERIFY(session_->datasetFromCache());
        QCOMPARE(session_->dataset()->users.size(), std::size_t(8));
        QCOMPARE(session_->datasets().size(), std::size_t(1));
    }

    void taskCanBeSetByHandAndIsKept() {
        const auto d = test::writeLamp3Dataset(dir_->path(), 3, 3);
        openAndWait(d.questions, d.outputs);
        QCOMPARE(session_->task(), TaskId::LaMP3);
        QVERIFY(session_->setTask(TaskId::LaMP7));
        QVERIFY(window_->statusSummary().contains(QStringLiteral("LaMP-7")));
        openAndWait(d.questions, d.outputs);
        QVERIFY(session_->datasetFromCache());
        QCOMPARE(session_->task(), TaskId::LaMP7);
    }

    void cancellingIndexingKeepsThePreviousDataset() {
        const auto small = test::writeLamp3Dataset(dir_->path(), 3, 3);
        openAndWait(small.questions, small.outputs);
        QDir().mkpath(dir_->filePath(QStringLiteral("big")));
        const auto big = test::writeLamp3Dataset(dir_->filePath(QStringLiteral("big")), 20000, 6);
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDatasetFiles(big.questions, big.outputs);
        QTest::keyClick(window_.get(), Qt::Key_Escape);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("cancelled")));
        QCOMPARE(QString::fromStdString(session_->dataset()->questions.path),
                 QFileInfo(small.questions).absoluteFilePath());
        QVERIFY(!session_->isBusy());
    }

    void droppingFilesOpensThem() {
        const auto d = test::writeLamp3Dataset(dir_->path(), 5, 3);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(d.outputs), QUrl::fromLocalFile(d.questions)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(window_.get(), &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window_.get(), &drop);
        QVERIFY(finished.wait(20000));
        QCOMPARE(session_->dataset()->users.size(), std::size_t(5));
        QCOMPARE(session_->dataset()->goldCount(), std::size_t(5));
    }

    void openDialogGuessesTheOutputsFile() {
        const auto d = test::writeLamp3Dataset(dir_->path(), 2, 1);
        OpenDatasetDialog dialog;
        auto* open = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Open);
        QVERIFY(!open->isEnabled());
        QTest::keyClicks(dialog.questionsEdit(), d.questions);
        QCOMPARE(dialog.outputsEdit()->text(), d.outputs);
        QVERIFY(open->isEnabled());
        QVERIFY(!dialog.task().has_value());
        dialog.taskCombo()->setCurrentIndex(dialog.taskCombo()->findData(QStringLiteral("LaMP-3")));
        QCOMPARE(dialog.task(), std::optional<TaskId>(TaskId::LaMP3));
        // An outputs file where the questions belong is caught before opening.
        dialog.setQuestionsPath(d.outputs);
        QVERIFY(!open->isEnabled());
    }

    void layoutIsRestoredOnTheNextStart() {
        window_->profileDock()->hide();
        window_->close();
        MainWindow second(session_.get());
        QVERIFY(second.profileDock()->isHidden());
        second.action(QStringLiteral("resetLayout"))->trigger();
        QVERIFY(!second.profileDock()->isHidden());
        second.close();
    }

    // A project in a folder nobody may write (read-only bits, and the immutable attribute since
    // the tests run as root) opens read-only: the title says so, its runs are there, and
    // nothing is written beside it or into it.
    void aReadOnlyProjectOpensReadOnlyAndSaysSoInTheTitle() {
        const auto d = test::writeLamp3Dataset(dir_->path(), 3, 2);
        const QString folder = dir_->filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(folder));
        const QString project = folder + QStringLiteral("/p.r2p");
        QProcess cli;
        cli.start(QStringLiteral(R2P_CLI),
                  {QStringLiteral("run"), QStringLiteral("--project"), project,
                   QStringLiteral("--questions"), d.questions, QStringLiteral("--outputs"),
                   d.outputs, QStringLiteral("--systems"), QStringLiteral("no-profile"),
                   QStringLiteral("--backend"), QStringLiteral("offline"),
                   QStringLiteral("--quiet")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const std::string before = test::readFile(project.toStdString());
        QFile::setPermissions(project, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        struct Unlock {
            std::string project, folder;
            ~Unlock() {
                test::setImmutable(folder, false);
                test::setImmutable(project, false);
                QFile::setPermissions(QString::fromStdString(folder), QFileDevice::ReadOwner |
                                                                          QFileDevice::WriteOwner |
                                                                          QFileDevice::ExeOwner);
            }
        } unlock{project.toStdString(), folder.toStdString()};
        if (!test::setImmutable(project.toStdString(), true) ||
            !test::setImmutable(folder.toStdString(), true))
            QSKIP("chattr +i is not available here");

        QString why;
        QVERIFY2(window_->openProject(project, true, &why), qPrintable(why));
        QVERIFY(session_->store() && session_->store()->readOnly());
        QVERIFY2(window_->windowTitle().startsWith(QStringLiteral("p.r2p (read-only) — ")),
                 qPrintable(window_->windowTitle()));
        auto runs = RunStore(*session_->store()).runs();
        QVERIFY(runs);
        QCOMPARE(runs->size(), std::size_t{1});
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{"p.r2p"});

        // A task set by hand holds for this session; the project cannot keep it, and says why.
        openAndWait(d.questions, d.outputs);
        QCOMPARE(session_->task(), TaskId::LaMP3);
        const Status kept = session_->setTask(TaskId::LaMP7);
        QVERIFY(!kept);
        QVERIFY2(!kept.error().message.empty(), "the error says why");
        QCOMPARE(session_->task(), TaskId::LaMP7);

        // Another project, writable, says nothing of the kind.
        QVERIFY(window_->openProject(dir_->filePath(QStringLiteral("test.r2p")), true));
        QVERIFY(!window_->windowTitle().contains(QStringLiteral("read-only")));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{"p.r2p"});
        QVERIFY(test::readFile(project.toStdString()) == before);
    }

    void aProjectFromANewerVersionIsRefused() {
        const auto d = test::writeLamp3Dataset(dir_->path(), 2, 1);
        openAndWait(d.questions, d.outputs);
        const QString newer = dir_->filePath(QStringLiteral("newer.r2p"));
        {
            auto store = ProjectStore::open(newer.toStdString());
            QVERIFY(store.ok());
            QVERIFY(sql_exec((*store)->handle()));
        }
        QVERIFY(!window_->openProject(newer, true));
        QCOMPARE(session_->projectPath(), dir_->filePath(QStringLiteral("test.r2p")));
        QVERIFY(session_->dataset());
    }

    void aRecordThatChangedOnDiskIsReportedNotShown() {
        const auto d = test::writeLamp3Dataset(dir_->path(), 4, 2);
        openAndWait(d.questions, d.outputs);
        QTRY_VERIFY(session_->record());
        QFile q(d.questions);
        QVERIFY(q.open(QIODevice::Append));
        q.write("\n");
        q.close();
        session_->selectUser(2);
        QTRY_VERIFY(!session_->recordError().isEmpty());
        QVERIFY(!session_->record());
        QVERIFY(session_->recordError().contains(QStringLiteral("changed since it was indexed")));
        QVERIFY(
            window_->queryDock()->shownText().contains(QStringLiteral("Cannot show this record")));
    }

private:
    static bool sql_exec(sqlite3* db);
};

#include <sqlite3.h>

bool TestWorkbench::sql_exec(sqlite3* db) {
    return sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr) == SQLITE_OK;
}

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
