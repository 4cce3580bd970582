#include "MainWindow.h"

#include "DemoData.h"
#include "FindingText.h"
#include "Language.h"
#include "RunController.h"
#include "RunText.h"
#include "Session.h"
#include "StageText.h"
#include "TaskText.h"
#include "Theme.h"
#include "Triage.h"
#include "dialogs/BatchDialog.h"
#include "dialogs/OpenDatasetDialog.h"
#include "dialogs/SettingsDialog.h"
#include "model/Annotation.h"
#include "model/RunStore.h"
#include "report/Report.h"
#include "widgets/EmptyState.h"
#include "windows/AnalysisDock.h"
#include "windows/AnnotationsDock.h"
#include "windows/CompareDock.h"
#include "windows/CompareRunsWindow.h"
#include "windows/FindingsDock.h"
#include "windows/MetricsDock.h"
#include "windows/ProfileDock.h"
#include "windows/QueryDock.h"
#include "windows/ReasoningDock.h"
#include "windows/UsersDock.h"
#include "windows/VerdictsDock.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

namespace r2p::ui {

namespace {
constexpr int kMaxRecent = 8;
const char* kRecentKey = "project/recent";

} // namespace

MainWindow::MainWindow(Session* session, QWidget* parent) : QMainWindow(parent), session_(session) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/r2p-workbench.svg")));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);

    users_ = new UsersDock(session_, this);
    query_ = new QueryDock(session_, this);
    profile_ = new ProfileDock(session_, this);
    findings_ = new FindingsDock(session_, this);
    runs_ = new RunController(session_, this);
    reasoning_ = new ReasoningDock(session_, runs_, this);
    verdicts_ = new VerdictsDock(session_, runs_, this);
    metrics_ = new MetricsDock(session_, runs_, this);
    compare_ = new CompareDock(session_, this);
    annotations_ = new AnnotationsDock(session_, runs_, this);
    analysis_ = new AnalysisDock(session_, this);
    // No central widget: the docks share the whole window, as in ARCHITECTURE.md's sketch:
    // Users | Query, History (profile) over Reasoning, Verdicts.
    setCentralWidget(nullptr);
    addDockWidget(Qt::LeftDockWidgetArea, users_);
    splitDockWidget(users_, annotations_, Qt::Vertical);
    addDockWidget(Qt::RightDockWidgetArea, query_);
    splitDockWidget(query_, reasoning_, Qt::Vertical);
    splitDockWidget(query_, profile_, Qt::Horizontal);
    splitDockWidget(reasoning_, verdicts_, Qt::Horizontal);
    tabifyDockWidget(verdicts_, metrics_);
    tabifyDockWidget(metrics_, analysis_);
    tabifyDockWidget(reasoning_, compare_);
    verdicts_->raise();
    reasoning_->raise();
    addDockWidget(Qt::BottomDockWidgetArea, findings_);
    findings_->hide(); // shown when a load reports something, or from the status bar

    createActions();
    // Only a stored interactive run can be discarded.
    auto updateDiscard = [this] {
        action(QStringLiteral("discardInteractiveRun"))->setEnabled(runs_->interactiveRunId() != 0);
    };
    updateDiscard();
    connect(runs_, &RunController::interactiveRunStored, this, updateDiscard);
    connect(runs_, &RunController::traceChanged, this, updateDiscard);
    triage_ = new Triage(this, session_, runs_, annotations_);
    createMenus();
    createStatusBar();
    users_->emptyState()->addAction(action(QStringLiteral("openDataset")));
    users_->emptyState()->addAction(action(QStringLiteral("openDemo")));

    connect(session_, &Session::projectChanged, this, [this] {
        updateTitle();
        rememberProject(session_->projectPath());
    });
    connect(session_, &Session::datasetChanged, this, [this] {
        if (worstSeverity(session_->findings()) >= Severity::Warning)
            findings_->show(); // never hidden automatically: the user may want it open
        updateTitle();
        updateStatus();
        updateTaskMenu();
        if (session_->dataset() && !session_->dataset()->users.empty() &&
            session_->selectedUser() < 0)
            users_->step(0); // show the first user right away
    });
    connect(session_, &Session::taskChanged, this, [this] {
        updateStatus();
        updateTaskMenu();
    });
    connect(session_, &Session::findingsChanged, this, &MainWindow::updateStatus);
    // A passing notice is about the user, run or dataset on screen: it goes with them.
    connect(session_, &Session::selectionChanged, this,
            [this](const Selection& now, const Selection& before) {
                if (now.user != before.user || now.run != before.run)
                    clearNotice();
            });
    connect(session_, &Session::projectChanged, this, &MainWindow::clearNotice);
    connect(session_, &Session::datasetChanged, this, &MainWindow::clearNotice);
    connect(session_, &Session::indexingStarted, this, &MainWindow::clearNotice);
    connect(session_, &Session::indexingStarted, this, [this](const QString& path) {
        progress_->setRange(0, 0);
        progress_->show();
        cancel_->show();
        summary_->setText(tr("Indexing %1…").arg(QFileInfo(path).fileName()));
    });
    connect(session_, &Session::indexingProgress, this,
            [this](qint64 done, qint64 total, qint64 usersFound) {
                progress_->setRange(0, 1000);
                progress_->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
                progress_->setFormat(tr("%n user(s)", nullptr, static_cast<int>(usersFound)));
            });
    connect(session_, &Session::indexingFinished, this, [this](bool ok, const QString& message) {
        progress_->hide();
        cancel_->hide();
        updateStatus();
        if (!ok)
            showNotice(message, 10000);
        else if (session_->datasetFromCache())
            showNotice(tr("Opened from the project's index cache."), 4000);
    });

    restoreLayout();
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() = default;

QAction* MainWindow::action(const QString& name) const {
    return findChild<QAction*>(name);
}

namespace {
// A window action: named (tests and menus find it by name), with its shortcut, triggering slot.
template <typename Slot>
QAction* makeAction(QWidget* window, const QString& name, const QString& text,
                    const QKeySequence& key, Slot slot) {
    auto* a = new QAction(text, window);
    a->setObjectName(name);
    if (!key.isEmpty())
        a->setShortcut(key);
    QObject::connect(a, &QAction::triggered, window, slot);
    window->addAction(a);
    return a;
}
} // namespace

void MainWindow::createActions() {
    createFileActions();
    createGoActions();
    makeAction(this, QStringLiteral("settings"), tr("&Settings…"), QKeySequence::Preferences,
               [this] {
                   SettingsDialog dialog(session_, this);
                   if (dialog.exec() == QDialog::Accepted)
                       runs_->applySettings();
               });
    makeAction(this, QStringLiteral("presentationMode"), tr("&Presentation Mode"),
               QKeySequence(Qt::Key_F11), [this] { setPresentationMode(!presenting_); });
    action(QStringLiteral("presentationMode"))->setCheckable(true);
    makeAction(this, QStringLiteral("compareRuns"), tr("Compare &Runs…"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { showCompareRuns(); });
    makeAction(this, QStringLiteral("replayRun"), tr("Re&play Stored Run"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), [this] { replayStoredRun(); });
    makeAction(this, QStringLiteral("discardInteractiveRun"), tr("&Discard Interactive Run…"),
               QKeySequence(), [this] { discardInteractiveRun(); });
    // The run picker and the baseline beside it, from the keyboard: focused with the list open.
    makeAction(this, QStringLiteral("chooseRun"), tr("C&hoose Run…"), QKeySequence(Qt::Key_F6),
               [this] { openPicker(users_->runPicker()); });
    makeAction(this, QStringLiteral("chooseBaseline"), tr("Choose Base&line…"),
               QKeySequence(Qt::SHIFT | Qt::Key_F6),
               [this] { openPicker(users_->baselinePicker()); });
    makeAction(this, QStringLiteral("runBatch"), tr("Run &Batch…"),
               QKeySequence(Qt::CTRL | Qt::Key_B), [this] { showBatchDialog(); });
    makeAction(this, QStringLiteral("cancelIndexing"), tr("&Cancel Indexing"),
               QKeySequence(Qt::Key_Escape), [this] { session_->cancelIndexing(); });
    makeAction(this, QStringLiteral("resetLayout"), tr("&Reset Layout"), QKeySequence(),
               [this] { applyDefaultLayout(); });
    makeAction(this, QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts"),
               QKeySequence::HelpContents, [this] { showShortcuts(); });
    makeAction(this, QStringLiteral("about"), tr("&About R2P Workbench"), QKeySequence(),
               [this] { showAbout(); });
}

// The File menu's actions.
void MainWindow::createFileActions() {
    makeAction(this, QStringLiteral("openDataset"), tr("&Open Dataset…"), QKeySequence::Open,
               [this] { showOpenDatasetDialog(); });
    makeAction(this, QStringLiteral("openDemo"), tr("Open &Demo Dataset"),
               QKeySequence(Qt::CTRL | Qt::Key_D), [this] { openDemo(TaskId::LaMP2); });
    makeAction(this, QStringLiteral("newProject"), tr("&New Project…"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] { newProject(); });
    makeAction(this, QStringLiteral("openProject"), tr("Open &Project…"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] { openProjectDialog(); });
    makeAction(this, QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit, [this] { close(); });
    makeAction(this, QStringLiteral("exportRunReport"), tr("Export Run &Report…"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] { exportReport(false); });
    makeAction(this, QStringLiteral("exportUserReport"), tr("Export &User Report…"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), [this] { exportReport(true); });
}

// Moving between users and focusing a search or a dock.
void MainWindow::createGoActions() {
    makeAction(this, QStringLiteral("focusFilter"), tr("&Filter Users"), QKeySequence::Find,
               [this] {
                   users_->show();
                   users_->raise();
                   users_->filterLine()->setFocus();
                   users_->filterLine()->selectAll();
               });
    makeAction(this, QStringLiteral("focusProfileSearch"), tr("&Search Profile"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), [this] {
                   profile_->show();
                   profile_->raise();
                   profile_->searchLine()->setFocus();
                   profile_->searchLine()->selectAll();
               });
    makeAction(this, QStringLiteral("nextUser"), tr("&Next User"),
               QKeySequence(Qt::ALT | Qt::Key_Down), [this] { users_->step(1); });
    makeAction(this, QStringLiteral("previousUser"), tr("&Previous User"),
               QKeySequence(Qt::ALT | Qt::Key_Up), [this] { users_->step(-1); });
    makeAction(this, QStringLiteral("focusUsers"), tr("Go to &Users"),
               QKeySequence(Qt::CTRL | Qt::Key_1), [this] {
                   users_->show();
                   users_->raise();
                   users_->view()->setFocus();
               });
    makeAction(this, QStringLiteral("focusQuery"), tr("Go to &Query"),
               QKeySequence(Qt::CTRL | Qt::Key_2), [this] {
                   query_->show();
                   query_->raise();
                   query_->widget()->setFocus();
               });
    makeAction(this, QStringLiteral("focusProfile"), tr("Go to P&rofile"),
               QKeySequence(Qt::CTRL | Qt::Key_3), [this] {
                   profile_->show();
                   profile_->raise();
                   profile_->view()->setFocus();
               });
    makeAction(this, QStringLiteral("focusFindings"), tr("Go to F&indings"),
               QKeySequence(Qt::CTRL | Qt::Key_4), [this] {
                   findings_->show();
                   findings_->raise();
                   findings_->view()->setFocus();
               });
    makeAction(this, QStringLiteral("focusReasoning"), tr("Go to R&easoning"),
               QKeySequence(Qt::CTRL | Qt::Key_5), [this] {
                   reasoning_->show();
                   reasoning_->raise();
                   reasoning_->timeline()->setFocus();
               });
    makeAction(this, QStringLiteral("focusVerdicts"), tr("Go to &Verdicts"),
               QKeySequence(Qt::CTRL | Qt::Key_6), [this] {
                   verdicts_->show();
                   verdicts_->raise();
                   verdicts_->view()->setFocus();
               });
    makeAction(this, QStringLiteral("focusMetrics"), tr("Go to &Metrics"),
               QKeySequence(Qt::CTRL | Qt::Key_7), [this] {
                   metrics_->show();
                   metrics_->raise();
                   metrics_->setFocus();
               });
    makeAction(this, QStringLiteral("focusCompare"), tr("Go to &Compare"),
               QKeySequence(Qt::CTRL | Qt::Key_8), [this] {
                   compare_->show();
                   compare_->raise();
                   compare_->setFocus();
               });
    makeAction(this, QStringLiteral("focusAnnotations"), tr("Go to &Annotations"),
               QKeySequence(Qt::CTRL | Qt::Key_9), [this] {
                   annotations_->show();
                   annotations_->raise();
                   annotations_->view()->setFocus();
               });
    makeAction(this, QStringLiteral("focusAnalysis"), tr("Go to A&nalysis"),
               QKeySequence(Qt::CTRL | Qt::Key_0), [this] {
                   analysis_->show();
                   analysis_->raise();
                   analysis_->setFocus();
               });
}

void MainWindow::createMenus() {
    createFileMenu();
    createDatasetMenu();
    createGoMenu();
    createRunMenu();
    createAnnotateMenu();
    createViewMenu();
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("shortcuts")));
    help->addAction(action(QStringLiteral("about")));
    updateTaskMenu();
}

// The File menu: datasets, projects, reports, settings.
void MainWindow::createFileMenu() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("openDataset")));
    QMenu* demo = file->addMenu(tr("Open D&emo Dataset"));
    for (TaskId t : demoTasks())
        demo->addAction(taskTitle(t), this, [this, t] { openDemo(t); });
    file->addSeparator();
    file->addAction(action(QStringLiteral("newProject")));
    file->addAction(action(QStringLiteral("openProject")));
    recentMenu_ = file->addMenu(tr("&Recent Projects"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentProjects);
    file->addSeparator();
    file->addAction(action(QStringLiteral("exportRunReport")));
    file->addAction(action(QStringLiteral("exportUserReport")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("settings")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit")));
}

// The Dataset menu: the task, cancelling the indexing.
void MainWindow::createDatasetMenu() {
    QMenu* dataset = menuBar()->addMenu(tr("&Dataset"));
    taskMenu_ = dataset->addMenu(tr("&Task"));
    auto* group = new QActionGroup(this);
    for (const auto& spec : allTasks()) {
        auto* a = taskMenu_->addAction(taskTitle(spec.id));
        a->setCheckable(true);
        a->setData(static_cast<int>(spec.id));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, id = spec.id] {
            if (auto kept = session_->setTask(id); !kept)
                showNotice(tr("The task holds until the project is closed, but could not be kept "
                              "in it: %1")
                               .arg(QString::fromStdString(kept.error().message)),
                           10000);
        });
    }
    dataset->addSeparator();
    dataset->addAction(action(QStringLiteral("cancelIndexing")));
}

// The Go menu: users, searches and docks.
void MainWindow::createGoMenu() {
    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (const char* name : {"nextUser", "previousUser"})
        go->addAction(action(QString::fromLatin1(name)));
    go->addSeparator();
    for (const char* name : {"focusFilter", "focusProfileSearch"})
        go->addAction(action(QString::fromLatin1(name)));
    go->addSeparator();
    for (const char* name :
         {"focusUsers", "focusQuery", "focusProfile", "focusFindings", "focusReasoning",
          "focusVerdicts", "focusMetrics", "focusCompare", "focusAnnotations", "focusAnalysis"})
        go->addAction(action(QString::fromLatin1(name)));
}

// The Run menu: the reasoning dock's run actions, batches, replay and its speed.
void MainWindow::createRunMenu() {
    QMenu* run = menuBar()->addMenu(tr("&Run"));
    const auto runActions = reasoning_->runActions();
    for (int i = 0; i < runActions.size(); ++i) {
        if (i == 4)
            run->addSeparator();
        run->addAction(runActions[i]);
    }
    run->addSeparator();
    run->addAction(action(QStringLiteral("chooseRun")));
    run->addAction(action(QStringLiteral("chooseBaseline")));
    addRunChoiceMenus(run);
    run->addSeparator();
    run->addAction(action(QStringLiteral("runBatch")));
    run->addAction(action(QStringLiteral("compareRuns")));
    run->addAction(action(QStringLiteral("replayRun")));
    run->addAction(action(QStringLiteral("discardInteractiveRun")));
    QMenu* speed = run->addMenu(tr("Replay &Speed"));
    auto* speeds = new QActionGroup(this);
    for (double factor : {1.0, 2.0, 4.0, 10.0}) {
        QAction* a =
            speed->addAction(factor == 1.0 ? tr("As recorded") : tr("%1× faster").arg(factor));
        a->setCheckable(true);
        a->setChecked(factor == 1.0);
        speeds->addAction(a);
        connect(a, &QAction::triggered, this, [this, factor] { replaySpeed_ = factor; });
    }
}

// Run ▸ Show Run and Run ▸ Compare R2P Against: the stored runs of the dataset and the shown
// run's baselines, read when the menu opens, the current one checked.
void MainWindow::addRunChoiceMenus(QMenu* run) {
    QMenu* runs = run->addMenu(tr("Sho&w Run"));
    connect(runs, &QMenu::aboutToShow, this, [this, runs] {
        runs->clear();
        const auto shown = session_->runResults();
        for (const RunInfo& info : session_->runsOfDataset()) {
            QAction* a = runs->addAction(RunText::title(info));
            a->setCheckable(true);
            a->setChecked(shown && shown->runId == info.id);
            a->setToolTip(RunText::toolTip(info));
            connect(a, &QAction::triggered, this, [this, id = info.id] {
                QString error;
                if (!session_->selectRun(id, &error))
                    showNotice(error, 8000);
            });
        }
        if (runs->isEmpty())
            runs->addAction(tr("No stored run of this dataset"))->setEnabled(false);
    });
    QMenu* baselines = run->addMenu(tr("Compare R2P &Against"));
    connect(baselines, &QMenu::aboutToShow, this, [this, baselines] {
        baselines->clear();
        const auto shown = session_->runResults();
        for (SystemId s : session_->baselinesOfRun()) {
            QAction* a = baselines->addAction(StageText::system(s));
            a->setCheckable(true);
            a->setChecked(shown && shown->baseline == s);
            connect(a, &QAction::triggered, this, [this, s] { session_->selectBaseline(s); });
        }
        if (baselines->isEmpty())
            baselines->addAction(tr("The shown run has no baseline"))->setEnabled(false);
    });
}

void MainWindow::openPicker(QComboBox* picker) {
    users_->show();
    users_->raise();
    if (!picker->isEnabled()) {
        showNotice(picker == users_->runPicker()
                       ? tr("No stored run of this dataset to choose: Run ▸ Run Batch… (Ctrl+B).")
                       : tr("The shown run has no other baseline to choose."),
                   5000);
        return;
    }
    picker->setFocus(Qt::ShortcutFocusReason);
    picker->showPopup();
}

// The Annotate menu: the taxonomy's labels and the triage actions.
void MainWindow::createAnnotateMenu() {
    QMenu* annotate = menuBar()->addMenu(tr("&Annotate"));
    QMenu* labels = annotate->addMenu(tr("&Label"));
    // The project's taxonomy, read when the menu opens (another project may have its own).
    connect(labels, &QMenu::aboutToShow, this, [this, labels] {
        labels->clear();
        for (const FailureLabel& l : session_->taxonomy().labels) {
            QAction* a = labels->addAction(
                QCoreApplication::translate("r2p::FailureLabel", l.name.c_str()), annotations_,
                [this, id = l.id] { annotations_->applyLabel(id); });
            if (!l.shortcut.empty())
                a->setShortcut(QKeySequence(QString::fromStdString(l.shortcut)));
            a->setShortcutContext(Qt::WidgetShortcut); // shown here; the window's keys act
        }
    });
    for (QAction* a : triage_->actions())
        if (!a->objectName().startsWith(QLatin1String("label")))
            annotate->addAction(a);
}

// The View menu: the docks, the layout, the theme and the language.
void MainWindow::createViewMenu() {
    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* d :
         {static_cast<QDockWidget*>(users_), static_cast<QDockWidget*>(query_),
          static_cast<QDockWidget*>(profile_), static_cast<QDockWidget*>(reasoning_),
          static_cast<QDockWidget*>(verdicts_), static_cast<QDockWidget*>(metrics_),
          static_cast<QDockWidget*>(compare_), static_cast<QDockWidget*>(annotations_),
          static_cast<QDockWidget*>(analysis_), static_cast<QDockWidget*>(findings_)})
        view->addAction(d->toggleViewAction());
    view->addAction(action(QStringLiteral("resetLayout")));
    view->addAction(action(QStringLiteral("presentationMode")));
    view->addSeparator();
    QMenu* theme = view->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const QString currentTheme = savedTheme();
    for (const QString& name : availableThemes()) {
        const QString title = name == QLatin1String("dark")    ? tr("&Dark")
                              : name == QLatin1String("light") ? tr("&Light")
                                                               : tr("&System");
        auto* a = theme->addAction(title);
        a->setObjectName(QStringLiteral("theme-") + name);
        a->setCheckable(true);
        a->setChecked(name == currentTheme);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [name] {
            saveTheme(name);
            applyTheme(name);
        });
    }
    QMenu* language = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString current = savedLanguage();
    for (const QString& code : availableLanguages()) {
        auto* a = language->addAction(languageDisplayName(code));
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            saveLanguage(code);
            showNotice(tr("The language changes the next time R2P Workbench starts."), 8000);
        });
    }
}

void MainWindow::createStatusBar() {
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("StatusSummary"));
    findingsButton_ = new QToolButton(this);
    findingsButton_->setObjectName(QStringLiteral("FindingsButton"));
    findingsButton_->setAutoRaise(true);
    findingsButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(findingsButton_, &QToolButton::clicked, this, [this] {
        findings_->show();
        findings_->raise();
        findings_->view()->setFocus();
    });
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(220);
    progress_->setTextVisible(true);
    progress_->hide();
    cancel_ = new QToolButton(this);
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop indexing (Esc)"));
    cancel_->hide();
    connect(cancel_, &QToolButton::clicked, session_, &Session::cancelIndexing);
    // Like an analyzer's expert info for the shown run: the worst kind first; each entry filters
    // the users to the ones it concerns.
    runFindings_ = new QToolButton(this);
    runFindings_->setObjectName(QStringLiteral("RunFindingsButton"));
    runFindings_->setAutoRaise(true);
    runFindings_->setPopupMode(QToolButton::InstantPopup);
    runFindings_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    runFindings_->setMenu(new QMenu(runFindings_));
    runFindings_->hide();
    connect(session_, &Session::runChanged, this, &MainWindow::updateRunFindings);
    // Passing notices sit beside the summary rather than over it (QStatusBar's own temporary
    // messages paint over normal widgets that were hidden before the window was shown).
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("StatusNotice"));
    notice_->hide();
    noticeTimer_ = new QTimer(this);
    noticeTimer_->setSingleShot(true);
    connect(noticeTimer_, &QTimer::timeout, this, &MainWindow::clearNotice);
    statusBar()->addWidget(summary_, 1);
    statusBar()->addWidget(notice_);
    statusBar()->addPermanentWidget(runFindings_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);
    statusBar()->addPermanentWidget(findingsButton_);
}

QString MainWindow::statusNotice() const {
    return notice_->isVisible() ? notice_->text() : QString();
}

QString MainWindow::statusSummary() const {
    return summary_->text();
}

void MainWindow::updateStatus() {
    auto dataset = session_->dataset();
    if (!dataset) {
        summary_->setText(session_->isIndexing() ? summary_->text() : tr("No dataset open"));
    } else {
        const QString task =
            dataset->task == TaskId::Invalid ? tr("unknown task") : taskName(dataset->task);
        const QString shape =
            dataset->shape == SplitShape::TimeBased ? tr("time-based") : tr("user-based");
        summary_->setText(
            tr("%1 · %2 · %3 · %n user(s), %4 with gold", nullptr,
               static_cast<int>(dataset->users.size()))
                .arg(task, QFileInfo(QString::fromStdString(dataset->questions.path)).fileName(),
                     shape)
                .arg(dataset->goldCount()));
    }
    const auto& findings = session_->findings();
    const Severity worst = worstSeverity(findings);
    findingsButton_->setVisible(!findings.empty());
    findingsButton_->setIcon(severityIcon(worst));
    findingsButton_->setText(tr("%n finding(s)", nullptr, static_cast<int>(findings.size())));
    findingsButton_->setToolTip(findings.empty() ? QString() : findingText(findings.front()));
}

void MainWindow::showNotice(const QString& text, int ms) {
    notice_->setText(QStringLiteral("<i>%1</i>").arg(text.toHtmlEscaped()));
    notice_->setToolTip(text);
    notice_->show();
    noticeTimer_->start(ms);
}

void MainWindow::clearNotice() {
    noticeTimer_->stop();
    notice_->hide();
    notice_->clear();
}

void MainWindow::updateRunFindings() {
    const auto run = session_->runResults();
    QMenu* menu = runFindings_->menu();
    menu->clear();
    if (!run) {
        runFindings_->hide();
        return;
    }
    // The same list the Findings dock shows, so the count here is the rows there.
    const auto findings = runFindings(*run);
    Severity worst = Severity::Info;
    QStringList parts;
    for (const RunFinding& f : findings) {
        if (parts.isEmpty() || f.severity > worst)
            worst = f.severity;
        QAction* a = menu->addAction(severityIcon(f.severity), f.text);
        const QString filter = f.filter;
        connect(a, &QAction::triggered, this, [this, filter] {
            users_->setFilterText(filter);
            users_->show();
            users_->raise();
        });
        parts << f.text;
    }
    menu->addSeparator();
    connect(menu->addAction(tr("Show all users")), &QAction::triggered, this,
            [this] { users_->setFilterText(QString()); });
    connect(menu->addAction(tr("List them in Findings")), &QAction::triggered, this, [this] {
        findings_->show();
        findings_->raise();
        findings_->view()->setFocus();
    });
    runFindings_->setVisible(!findings.empty());
    runFindings_->setIcon(severityIcon(worst));
    runFindings_->setText(
        tr("Run %1: %n finding(s)", nullptr, static_cast<int>(parts.size())).arg(run->runId));
    runFindings_->setToolTip(parts.join(QLatin1Char('\n')));
}

void MainWindow::updateTitle() {
    QString title = QStringLiteral("R2P Workbench");
    if (!session_->projectPath().isEmpty()) {
        QString project = QFileInfo(session_->projectPath()).fileName();
        if (session_->store() && session_->store()->readOnly())
            project = tr("%1 (read-only)").arg(project);
        title = QStringLiteral("%1 — %2").arg(project, title);
    }
    if (auto d = session_->dataset())
        title = QStringLiteral("%1 · %2").arg(
            QFileInfo(QString::fromStdString(d->questions.path)).fileName(), title);
    setWindowTitle(title);
}

void MainWindow::updateTaskMenu() {
    const TaskId current = session_->task();
    for (QAction* a : taskMenu_->actions()) {
        a->setEnabled(session_->dataset() != nullptr);
        a->setChecked(a->data().toInt() == static_cast<int>(current));
    }
}

QString MainWindow::defaultProjectPath() {
    const QStringList recent = QSettings().value(QString::fromLatin1(kRecentKey)).toStringList();
    for (const QString& p : recent)
        if (QFileInfo(p).isFile())
            return p;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/workbench.r2p");
}

bool MainWindow::openProject(const QString& path, bool quiet, QString* why) {
    QString error;
    if (session_->openProject(path, &error))
        return true;
    if (why)
        *why = error;
    if (!quiet)
        QMessageBox::warning(this, tr("Cannot open the project"), error);
    showNotice(error, 10000);
    return false;
}

void MainWindow::rememberProject(const QString& path) {
    if (path.isEmpty())
        return;
    QSettings settings;
    QStringList recent = settings.value(QString::fromLatin1(kRecentKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QString::fromLatin1(kRecentKey), recent);
}

void MainWindow::rebuildRecentProjects() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QString::fromLatin1(kRecentKey)).toStringList();
    int n = 0;
    for (const QString& p : recent) {
        if (!QFileInfo(p).isFile())
            continue;
        auto* a =
            recentMenu_->addAction(QStringLiteral("&%1  %2").arg(++n).arg(QFileInfo(p).fileName()),
                                   this, [this, p] { openProject(p); });
        a->setToolTip(p);
        a->setStatusTip(p);
    }
    if (n == 0)
        recentMenu_->addAction(tr("No recent projects"))->setEnabled(false);
}

void MainWindow::newProject() {
    QString path = QFileDialog::getSaveFileName(this, tr("New Project"), QDir::homePath(),
                                                tr("R2P projects (*.r2p)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".r2p")))
        path += QStringLiteral(".r2p");
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("New Project"),
                             tr("%1 already exists; open it with File ▸ Open Project.").arg(path));
        return;
    }
    openProject(path);
}

void MainWindow::openProjectDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"),
                                                      QFileInfo(session_->projectPath()).path(),
                                                      tr("R2P projects (*.r2p);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::showOpenDatasetDialog(const QString& questions) {
    OpenDatasetDialog dialog(this);
    if (!questions.isEmpty())
        dialog.setQuestionsPath(questions);
    if (dialog.exec() == QDialog::Accepted)
        openDatasetFiles(dialog.questionsPath(), dialog.outputsPath(), dialog.task());
}

void MainWindow::openDatasetFiles(const QString& questions, const QString& outputs,
                                  std::optional<TaskId> task) {
    if (!session_->store() && !openProject(defaultProjectPath()))
        return;
    session_->openDataset(questions, outputs, task);
}

void MainWindow::openDemo(TaskId task) {
    QString error;
    const DemoFiles files = extractDemo(task, &error);
    if (files.questions.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot open the demo"), error);
        return;
    }
    openDatasetFiles(files.questions, files.outputs);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!event->mimeData()->hasUrls())
        return;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() &&
            url.toLocalFile().endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event) {
    QString questions, outputs;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        switch (sniffJsonFile(path.toStdString())) {
        case JsonFileKind::Questions:
            questions = path;
            break;
        case JsonFileKind::Outputs:
            outputs = path;
            break;
        default:
            break;
        }
    }
    if (questions.isEmpty()) {
        showNotice(
            tr("Drop a LaMP questions file (a JSON array), with its outputs file if you have it."),
            8000);
        return;
    }
    if (outputs.isEmpty())
        outputs = QString::fromStdString(guessOutputsPath(questions.toStdString()));
    event->acceptProposedAction();
    openDatasetFiles(questions, outputs);
}

CompareRunsWindow* MainWindow::showCompareRuns() {
    if (!compareRuns_) {
        compareRuns_ = new CompareRunsWindow(session_, this);
        std::vector<std::int64_t> checked;
        if (const auto shown = session_->runResults())
            checked.push_back(shown->runId);
        for (const RunInfo& info : session_->runsOfDataset())
            if (checked.size() < 2 && !Session::isInteractiveRun(info) &&
                std::find(checked.begin(), checked.end(), info.id) == checked.end())
                checked.push_back(info.id);
        compareRuns_->checkRuns(checked);
    }
    compareRuns_->show();
    compareRuns_->raise();
    compareRuns_->activateWindow();
    return compareRuns_;
}

void MainWindow::showBatchDialog() {
    if (!session_->dataset()) {
        showNotice(tr("Open a dataset first."), 5000);
        return;
    }
    BatchDialog dialog(session_, session_->filteredUsers(), this);
    dialog.exec();
}

void MainWindow::exportReport(bool user) {
    const auto run = session_->runResults();
    const UserIndexEntry* entry = session_->selectedEntry();
    if (!run || !session_->store() || (user && !entry)) {
        showNotice(tr("A report needs a stored run (Run ▸ Run Batch…, Ctrl+B)%1.")
                       .arg(user ? tr(" and a selected user") : QString()),
                   6000);
        return;
    }
    const QString name = user ? QStringLiteral("r2p-run%1-user%2")
                                    .arg(run->runId)
                                    .arg(QString::fromStdString(entry->id))
                              : QStringLiteral("r2p-run%1").arg(run->runId);
    QString path = QFileDialog::getSaveFileName(
        this, user ? tr("Export User Report") : tr("Export Run Report"),
        name + QStringLiteral(".html"), tr("Self-contained HTML (*.html);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (reportFormat(path) == ReportFormat::Invalid)
        path += QStringLiteral(".html");
    ReportRequest request;
    request.runId = run->runId;
    request.baseline = run->baseline;
    request.metric = run->metric; // as the views compare
    if (user)
        request.userId = entry->id;
    if (auto written = writeReport(*session_->store(), request, path); !written)
        showNotice(QString::fromStdString(written.error().message), 10000);
    else
        showNotice(tr("Report written to %1").arg(QDir::toNativeSeparators(path)), 6000);
}

void MainWindow::replayStoredRun() {
    const auto run = session_->runResults();
    const UserIndexEntry* entry = session_->selectedEntry();
    if (!run || !entry || !session_->store()) {
        showNotice(tr("Replay needs a stored run with this user: Run ▸ Run Batch… (Ctrl+B)."),
                   6000);
        return;
    }
    RunStore runs(*session_->store());
    auto trace = runs.userTrace(run->runId, entry->id, SystemId::R2P);
    if (!trace) {
        showNotice(QString::fromStdString(trace.error().message), 8000);
        return;
    }
    reasoning_->show();
    reasoning_->raise();
    runs_->replayStored(*trace, replaySpeed_);
}

// Deletes the stored one-user run of the user stepped through in the window; its annotations go
// with it, so an annotated run is discarded only after the user confirms.
void MainWindow::discardInteractiveRun() {
    const std::int64_t id = runs_->interactiveRunId();
    ProjectStore* store = session_->store();
    if (id == 0 || !store)
        return;
    auto annotations = AnnotationStore(*store).ofRun(id);
    const int annotated = annotations ? static_cast<int>(annotations->size()) : 0;
    if (annotated > 0 &&
        QMessageBox::question(
            this, tr("Discard Interactive Run"),
            tr("Run %1 has %n annotation(s), which are deleted with it. Discard it?", "", annotated)
                .arg(id)) != QMessageBox::Yes)
        return;
    if (!runs_->discardInteractiveRun()) {
        showNotice(tr("Run %1 was not discarded: %2").arg(id).arg(runs_->lastError()), 8000);
        return;
    }
    showNotice(tr("Run %1 discarded").arg(id), 5000);
}

void MainWindow::setPresentationMode(bool on, bool fullScreen) {
    if (on == presenting_)
        return;
    presenting_ = on;
    if (on) {
        // Large type for a room; the lists, the raw prompt and the parsed JSON step aside.
        normalFont_ = font();
        normalState_ = saveState();
        QFont large = normalFont_;
        large.setPointSizeF(normalFont_.pointSizeF() * 1.4);
        setFont(large);
        for (QDockWidget* d :
             {static_cast<QDockWidget*>(users_), static_cast<QDockWidget*>(findings_),
              static_cast<QDockWidget*>(annotations_)})
            d->hide();
        // The retrieved history stays beside the reasoning: it is what R2P reasons from.
        for (QDockWidget* d :
             {static_cast<QDockWidget*>(query_), static_cast<QDockWidget*>(profile_),
              static_cast<QDockWidget*>(reasoning_), static_cast<QDockWidget*>(verdicts_)}) {
            d->show();
            d->raise();
        }
        // Nothing but the content: no menus, status bar or dock title bars (float and close
        // buttons); every shortcut still works, the actions belong to the window.
        menuBar()->hide();
        statusBar()->hide();
        for (QDockWidget* d : findChildren<QDockWidget*>())
            if (!d->titleBarWidget())
                d->setTitleBarWidget(new QWidget(d));
        if (fullScreen)
            showFullScreen();
    } else {
        setFont(normalFont_);
        for (QDockWidget* d : findChildren<QDockWidget*>())
            if (QWidget* bar = d->titleBarWidget()) {
                d->setTitleBarWidget(nullptr);
                delete bar;
            }
        menuBar()->show();
        statusBar()->show();
        restoreState(normalState_);
        if (isFullScreen())
            showNormal();
    }
    reasoning_->setPresentation(on);
    action(QStringLiteral("presentationMode"))->setChecked(on);
}

void MainWindow::showShortcuts() {
    QString rows;
    for (const char* name :
         {"openDataset",  "openDemo",      "openProject",        "newProject", "nextUser",
          "previousUser", "focusFilter",   "focusProfileSearch", "focusUsers", "focusQuery",
          "focusProfile", "focusFindings", "focusAnnotations",   "chooseRun",  "chooseBaseline",
          "compareRuns",  "cheatSheet",    "cancelIndexing",     "shortcuts",  "quit"}) {
        const QAction* a = action(QString::fromLatin1(name));
        rows += QStringLiteral("<tr><td style='padding-right:16px'><b>%1</b></td><td>%2</td></tr>")
                    .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                         a->text().remove(QLatin1Char('&')).toHtmlEscaped());
    }
    rows += QStringLiteral("<tr><td><b>↑ ↓ PgUp PgDn</b></td><td>%1</td></tr>")
                .arg(tr("Move through the focused list"));
    QMessageBox box(this);
    box.setWindowTitle(tr("Keyboard Shortcuts"));
    box.setText(QStringLiteral("<table>%1</table>").arg(rows));
    box.exec();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About R2P Workbench"),
        tr("<b>R2P Workbench</b> %1<br/>Looks inside personalized generation by large "
           "reasoning models on the LaMP benchmark.<br/>Project file: %2")
            .arg(QApplication::applicationVersion(), session_->projectPath().toHtmlEscaped()));
}

void MainWindow::restoreLayout() {
    defaultState_ = saveState();
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 860);
    // Without a saved layout the proportions are set once the window has its real size.
    needsDefaultLayout_ =
        !restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::applyDefaultLayout() {
    restoreState(defaultState_);
    for (QDockWidget* d :
         {static_cast<QDockWidget*>(users_), static_cast<QDockWidget*>(query_),
          static_cast<QDockWidget*>(profile_), static_cast<QDockWidget*>(reasoning_),
          static_cast<QDockWidget*>(verdicts_), static_cast<QDockWidget*>(annotations_)})
        d->show();
    findings_->setVisible(worstSeverity(session_->findings()) >= Severity::Warning);
    const int w = width(), h = height();
    resizeDocks({users_, query_, profile_}, {w * 27 / 100, w * 33 / 100, w * 40 / 100},
                Qt::Horizontal);
    resizeDocks({reasoning_, verdicts_}, {w * 44 / 100, w * 34 / 100}, Qt::Horizontal);
    resizeDocks({query_, reasoning_}, {h * 40 / 100, h * 60 / 100}, Qt::Vertical);
    resizeDocks({users_, annotations_}, {h * 52 / 100, h * 48 / 100}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (needsDefaultLayout_) {
        needsDefaultLayout_ = false;
        QTimer::singleShot(0, this, [this] { applyDefaultLayout(); });
    }
}

void MainWindow::saveLayout() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    session_->cancelIndexing();
    event->accept();
}

} // namespace r2p::ui
