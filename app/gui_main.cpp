// r2p-workbench: the GUI.
#include "ui/App.h"
#include "ui/DemoData.h"
#include "ui/MainWindow.h"
#include "ui/RunController.h"
#include "ui/Session.h"
#include "ui/Theme.h"
#include "ui/dialogs/BatchDialog.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/report/Report.h"
#include "ui/windows/AnalysisDock.h"
#include "ui/windows/CompareDock.h"
#include "ui/windows/CompareRunsWindow.h"
#include "ui/windows/MetricsDock.h"
#include "ui/windows/ReasoningDock.h"
#include "ui/windows/UsersDock.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDialog>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace r2p;
using namespace r2p::ui;

namespace {
void fail(const QString& message) {
    std::fprintf(stderr, "r2p-workbench: %s\n", qPrintable(message));
}

// Milliseconds since the kernel started this process (before the dynamic loader ran).
double msSinceExec() {
    std::FILE* stat = std::fopen("/proc/self/stat", "r");
    std::FILE* uptime = std::fopen("/proc/uptime", "r");
    double ms = -1;
    if (stat && uptime) {
        char buf[2048] = {};
        const std::size_t n = std::fread(buf, 1, sizeof buf - 1, stat);
        buf[n] = 0;
        // Field 22 (starttime, clock ticks after boot) follows the ")" closing the name.
        const char* p = std::strrchr(buf, ')');
        unsigned long long start = 0;
        for (int field = 2; p && *p && field < 22; ++p)
            if (*p == ' ' && ++field == 22)
                start = std::strtoull(p + 1, nullptr, 10);
        double up = 0;
        if (std::fscanf(uptime, "%lf", &up) == 1 && start > 0)
            ms = (up - static_cast<double>(start) / static_cast<double>(sysconf(_SC_CLK_TCK))) *
                 1000.0;
    }
    if (stat)
        std::fclose(stat);
    if (uptime)
        std::fclose(uptime);
    return ms;
}
// --report: writes a report of a stored run (or of one user of it) without a window; 0 when
// written, 2 with a message naming the project, run, user or file otherwise.
int writeReportAndExit(const QString& projectPath, const QString& runText,
                       const std::optional<QString>& user, const QString& baselineName,
                       const QString& file) {
    if (projectPath.isEmpty()) {
        fail(QApplication::translate("main", "--report needs --project P, the project file "
                                             "that holds the run"));
        return 2;
    }
    if (!QFileInfo::exists(projectPath)) {
        fail(QApplication::translate("main", "no project file %1").arg(projectPath));
        return 2;
    }
    bool isNumber = false;
    const qlonglong runId = runText.toLongLong(&isNumber);
    if (!isNumber) {
        fail(QApplication::translate("main", "--report needs --run ID, the number of a run in %1")
                 .arg(projectPath));
        return 2;
    }
    auto store = ProjectStore::open(projectPath.toStdString());
    if (!store) {
        fail(QApplication::translate("main", "cannot open the project %1: %2")
                 .arg(projectPath, QString::fromStdString(store.error().message)));
        return 2;
    }
    ReportRequest request;
    request.runId = runId;
    if (!baselineName.isEmpty()) {
        const auto baseline = parseSystemName(baselineName.toStdString());
        if (!baseline || *baseline == SystemId::R2P) {
            fail(QApplication::translate("main", "unknown baseline %1").arg(baselineName));
            return 2;
        }
        request.baseline = *baseline;
    }
    if (user)
        request.userId = user->toStdString();
    auto written = writeReport(**store, request, file);
    if (!written) {
        fail(QString::fromStdString(written.error().message));
        return 2;
    }
    return 0;
}
// The window's command line: its options (the automation ones are GuiDriver's).
struct GuiOptions {
    GuiOptions();
    void addTo(QCommandLineParser& cli) const;

    QCommandLineOption project;
    QCommandLineOption open;
    QCommandLineOption outputs;
    QCommandLineOption task;
    QCommandLineOption demo;
    QCommandLineOption user;
    QCommandLineOption screenshot;
    QCommandLineOption size;
    QCommandLineOption langOption;
    QCommandLineOption runToEnd;
    QCommandLineOption metrics;
    QCommandLineOption compare;
    QCommandLineOption presentation;
    QCommandLineOption dialogOption;
    QCommandLineOption themeOption;
    QCommandLineOption reportOption;
    QCommandLineOption runOption;
    QCommandLineOption baselineOption;
    QCommandLineOption analysisOption;
    QCommandLineOption stageOption;
    QCommandLineOption tagsOption;
};

GuiOptions::GuiOptions()
    : project(QStringLiteral("project"),
              QApplication::translate("main", "Open this project file (*.r2p)."),
              QStringLiteral("P")),
      open(QStringLiteral("open"),
           QApplication::translate("main", "Open this LaMP questions file."),
           QStringLiteral("QUESTIONS")),
      outputs(QStringLiteral("outputs"),
              QApplication::translate("main", "Its outputs file (default: the one beside it)."),
              QStringLiteral("OUTPUTS")),
      task(QStringLiteral("task"),
           QApplication::translate(
               "main", "Set the task instead of detecting it (LaMP-1 … LaMP-7, LaMP-2N)."),
           QStringLiteral("TASK")),
      demo(QStringLiteral("demo"),
           QApplication::translate("main", "Open the bundled demo dataset of this task."),
           QStringLiteral("TASK")),
      user(QStringLiteral("user"),
           QApplication::translate("main", "Select this question id once loaded."),
           QStringLiteral("ID")),
      screenshot(QStringLiteral("screenshot"),
                 QApplication::translate(
                     "main", "Save a PNG of the window once everything is loaded, then quit."),
                 QStringLiteral("FILE.png")),
      size(QStringLiteral("size"), QApplication::translate("main", "Window size, e.g. 1600x1000."),
           QStringLiteral("WxH")),
      langOption(QStringLiteral("lang"),
                 QApplication::translate("main", "Interface language (en, de, zh_CN)."),
                 QStringLiteral("CODE")),
      runToEnd(QStringLiteral("run-to-end"),
               QApplication::translate(
                   "main", "Run R2P to the end on the selected user once it is loaded.")),
      metrics(QStringLiteral("metrics"),
              QApplication::translate("main", "Bring the Metrics dock to the front on this page "
                                              "(user, run, deltas, wtl, tokens, cost or rpi)."),
              QStringLiteral("PAGE")),
      compare(QStringLiteral("compare"),
              QApplication::translate("main", "Bring the Compare dock to the front.")),
      presentation(QStringLiteral("presentation"),
                   QApplication::translate("main", "Start in presentation mode (large type, no raw "
                                                   "prompts).")),
      dialogOption(QStringLiteral("dialog"),
                   QApplication::translate("main", "Open a dialog once loaded (batch, settings or "
                                                   "compare-runs); --screenshot then saves it."),
                   QStringLiteral("NAME")),
      themeOption(QStringLiteral("theme"),
                  QApplication::translate("main", "Theme: system, light or dark."),
                  QStringLiteral("THEME")),
      reportOption(QStringLiteral("report"),
                   QApplication::translate(
                       "main", "Write a report of the run --run ID of --project P (of one user "
                               "with --user ID) as HTML or PDF, by the file's extension, and "
                               "quit without showing a window."),
                   QStringLiteral("FILE.html|FILE.pdf")),
      runOption(QStringLiteral("run"),
                QApplication::translate("main", "The stored run --report reports, or the window "
                                                "shows."),
                QStringLiteral("ID")),
      baselineOption(QStringLiteral("baseline"),
                     QApplication::translate(
                         "main", "Compare R2P with this baseline of the shown run (lamp-rag, "
                                 "lrm-rag, no-profile)."),
                     QStringLiteral("NAME")),
      analysisOption(
          QStringLiteral("analysis"),
          QApplication::translate("main", "Bring the Analysis dock to the front on this page "
                                          "(slices, agreement, sweep, stored-sweep, attribution, "
                                          "length, judge or tags; sweep and attribution also run, "
                                          "stored-sweep plots the stored runs of a k sweep)."),
          QStringLiteral("PAGE")),
      stageOption(QStringLiteral("stage"),
                  QApplication::translate(
                      "main", "Select this stage of the user's trace (e.g. profile_synthesis)."),
                  QStringLiteral("NAME")),
      tagsOption(QStringLiteral("tags"),
                 QApplication::translate(
                     "main", "Bring the Reasoning dock's Tags tab to the front with this chain: "
                             "stage (the selected stage), tagpr or lrm-rag (that system's chain "
                             "in the shown run)."),
                 QStringLiteral("CHAIN")) {}

void GuiOptions::addTo(QCommandLineParser& cli) const {
    for (const auto& o :
         {project,        open,        outputs,      task,         demo,      user,
          screenshot,     size,        langOption,   runToEnd,     metrics,   compare,
          presentation,   themeOption, dialogOption, reportOption, runOption, baselineOption,
          analysisOption, stageOption, tagsOption})
        cli.addOption(o);
}

// The screenshot and automation driver: what the command line asks of the window once it is
// up (select a user or stage, bring a dock to the front, run to the end, open a dialog), then
// save a screenshot once everything settled, or report the startup time.
class GuiDriver {
public:
    GuiDriver(const QCommandLineParser& cli, const GuiOptions& options, Session& session,
              MainWindow& window)
        : cli_(cli), o_(options), session_(session), window_(window),
          runs_(window.runController()) {}

    // Wires every flag given; false (having said why) when one names nothing known.
    bool install() {
        if ((cli_.isSet(o_.baselineOption) || cli_.isSet(o_.runOption)) && !chooseRunOnLoad())
            return false;
        if (cli_.isSet(o_.user))
            selectUserOnLoad();
        if (cli_.isSet(o_.metrics))
            showMetricsPage();
        if (cli_.isSet(o_.presentation))
            startPresentation();
        if (cli_.isSet(o_.compare))
            showCompare();
        if (cli_.isSet(o_.analysisOption))
            showAnalysisPage();
        if (cli_.isSet(o_.stageOption) && !selectStageOnRun())
            return false;
        if (cli_.isSet(o_.tagsOption) && !showTagsTab())
            return false;
        if (cli_.isSet(o_.screenshot))
            runs_->setTokensPerSecond(0); // a screenshot wants the finished run, not a live one
        if (cli_.isSet(o_.runToEnd))
            runToEndOnLoad();
        if (cli_.isSet(o_.dialogOption))
            openDialogOnLoad();
        if (cli_.isSet(o_.screenshot))
            saveScreenshotWhenSettled();
        // Benchmarks (R2P_STARTUP_REPORT=1): the time from exec until the window is usable
        // (shown, the dataset loaded and its first user on screen), printed to stdout; then quit.
        if (qEnvironmentVariableIsSet("R2P_STARTUP_REPORT"))
            reportStartup();
        return true;
    }

private:
    // After the first layout pass (queued when the window shows), which brings Verdicts to the
    // front of their tab group.
    template <typename F> void afterFirstLayout(F f) {
        MainWindow* window = &window_;
        QTimer::singleShot(0, window, [window, f] { QTimer::singleShot(0, window, f); });
    }

    // --run ID and --baseline NAME: the stored run and the baseline shown once the dataset is
    // there (instead of its newest run and that run's default baseline).
    bool chooseRunOnLoad() {
        std::optional<SystemId> baseline;
        if (cli_.isSet(o_.baselineOption)) {
            baseline = parseSystemName(cli_.value(o_.baselineOption).toStdString());
            if (!baseline || *baseline == SystemId::R2P) {
                fail(QApplication::translate("main", "unknown baseline %1")
                         .arg(cli_.value(o_.baselineOption)));
                return false;
            }
        }
        bool isNumber = true;
        const qlonglong runId =
            cli_.isSet(o_.runOption) ? cli_.value(o_.runOption).toLongLong(&isNumber) : 0;
        if (!isNumber) {
            fail(QApplication::translate("main", "--run needs the number of a stored run"));
            return false;
        }
        Session* session = &session_;
        QObject::connect(session, &Session::datasetChanged, &window_, [session, runId, baseline] {
            if (!session->dataset())
                return;
            QString error;
            if ((runId > 0 && !session->selectRun(runId, &error)) ||
                (baseline && !session->selectBaseline(*baseline, &error))) {
                fail(error);
                QApplication::exit(2);
            }
        });
        return true;
    }

    void selectUserOnLoad() {
        const QString id = cli_.value(o_.user);
        Session* session = &session_;
        QObject::connect(session, &Session::datasetChanged, &window_, [session, id] {
            if (session->dataset() && !session->selectUserById(id))
                fail(QApplication::translate("main", "no user with id %1 in this dataset").arg(id));
        });
    }

    void showMetricsPage() {
        const QString page = cli_.value(o_.metrics);
        MainWindow* window = &window_;
        afterFirstLayout([window, page] {
            MetricsDock* dock = window->metricsDock();
            dock->show();
            dock->raise();
            const int tab = page == QLatin1String("user")   ? 0
                            : page == QLatin1String("run")  ? 1
                            : page == QLatin1String("cost") ? 3
                                                            : 2;
            dock->tabs()->setCurrentIndex(tab);
            if (page == QLatin1String("rpi")) // shown only for a run with R2P's shadow
                dock->tabs()->setCurrentWidget(dock->rpiPage());
            if (page == QLatin1String("wtl"))
                dock->chartTabs()->setCurrentIndex(MetricsDock::ChartWinTieLoss);
            else if (page == QLatin1String("tokens"))
                dock->chartTabs()->setCurrentIndex(MetricsDock::ChartTokens);
        });
    }

    void startPresentation() {
        const bool fullScreen = !cli_.isSet(o_.size);
        MainWindow* window = &window_;
        afterFirstLayout([window, fullScreen] { window->setPresentationMode(true, fullScreen); });
    }

    void showCompare() {
        MainWindow* window = &window_;
        afterFirstLayout([window] {
            window->compareDock()->show();
            window->compareDock()->raise();
        });
    }

    void showAnalysisPage() {
        const QString page = cli_.value(o_.analysisOption);
        const bool stored = page == QLatin1String("stored-sweep");
        const int tab = page == QLatin1String("agreement")         ? 1
                        : page == QLatin1String("sweep") || stored ? 2
                        : page == QLatin1String("attribution")     ? 3
                        : page == QLatin1String("length")          ? 4
                        : page == QLatin1String("judge")           ? 5
                        : page == QLatin1String("tags")            ? 6
                                                                   : 0;
        MainWindow* window = &window_;
        afterFirstLayout([window, tab] {
            window->analysisDock()->show();
            window->analysisDock()->raise();
            window->analysisDock()->tabs()->setCurrentIndex(tab);
        });
        if (tab < 2 || tab > 3)
            return;
        // Once the user's record is in: the sweep over the listed users, or the attribution.
        Session* session = &session_;
        auto started = std::make_shared<bool>(false);
        QObject::connect(session, &Session::busyChanged, window,
                         [window, session, tab, stored, started](bool busy) {
                             if (busy || *started || !session->record() || !session->runResults())
                                 return;
                             *started = true;
                             QTimer::singleShot(0, window, [window, tab, stored] {
                                 if (stored)
                                     window->analysisDock()->plotStoredSweep();
                                 else if (tab == 2)
                                     window->analysisDock()->startSweep();
                                 else
                                     window->analysisDock()->startAttribution();
                             });
                         });
    }

    bool selectStageOnRun() {
        const auto stage = parseStageName(cli_.value(o_.stageOption).toStdString());
        if (!stage) {
            fail(QApplication::translate("main", "unknown stage %1")
                     .arg(cli_.value(o_.stageOption)));
            return false;
        }
        MainWindow* window = &window_;
        RunController* runs = runs_;
        QObject::connect(runs, &RunController::traceChanged, window, [window, runs, stage] {
            if (!runs->isRunning() && !runs->trace().steps.empty())
                window->reasoningDock()->selectStage(*stage, 0);
        });
        return true;
    }

    bool showTagsTab() {
        const QString chain = cli_.value(o_.tagsOption);
        int source = -1;
        if (chain != QLatin1String("stage")) {
            const auto system = parseSystemName(chain.toStdString());
            if (!system) {
                fail(QApplication::translate("main", "unknown chain %1 (stage, tagpr or lrm-rag)")
                         .arg(chain));
                return false;
            }
            source = static_cast<int>(*system);
        }
        MainWindow* window = &window_;
        auto apply = [window, source] {
            ReasoningDock* dock = window->reasoningDock();
            dock->tabs()->setCurrentWidget(dock->tagsPage());
            const int at = dock->tagSourceBox()->findData(source);
            if (at >= 0)
                dock->tagSourceBox()->setCurrentIndex(at);
        };
        afterFirstLayout(apply);
        // The run's systems are listed once it is shown.
        QObject::connect(&session_, &Session::runChanged, window,
                         [window, apply] { QTimer::singleShot(0, window, apply); });
        return true;
    }

    void runToEndOnLoad() {
        const QString wanted = cli_.isSet(o_.user) ? cli_.value(o_.user) : QString();
        auto started = std::make_shared<bool>(false);
        RunController* runs = runs_;
        Session* session = &session_;
        QObject::connect(runs, &RunController::traceChanged, &window_,
                         [runs, session, wanted, started] {
                             const UserIndexEntry* entry = session->selectedEntry();
                             if (*started || !runs->hasRun() || runs->isRunning() || !entry ||
                                 (!wanted.isEmpty() && QString::fromStdString(entry->id) != wanted))
                                 return;
                             *started = true;
                             runs->runToEnd();
                         });
    }

    // A dialog for documentation screenshots, opened (not modal) once the dataset is there.
    void openDialogOnLoad() {
        const QString name = cli_.value(o_.dialogOption);
        MainWindow* window = &window_;
        Session* session = &session_;
        auto shownDialog = shownDialog_;
        QObject::connect(
            session, &Session::datasetChanged, window, [window, session, name, shownDialog] {
                if (*shownDialog || !session->dataset())
                    return;
                if (name == QLatin1String("compare-runs")) {
                    CompareRunsWindow* w = window->showCompareRuns();
                    w->resize(window->size()); // --size, not the (offscreen) screen's
                    w->compare();
                    *shownDialog = w;
                    return;
                }
                QDialog* d = nullptr;
                if (name == QLatin1String("settings"))
                    d = new SettingsDialog(session, window);
                else if (name == QLatin1String("batch"))
                    d = new BatchDialog(session, session->filteredUsers(), window);
                if (!d) {
                    fail(QApplication::translate("main", "unknown dialog %1").arg(name));
                    return;
                }
                d->setAttribute(Qt::WA_DeleteOnClose);
                d->show();
                *shownDialog = d;
            });
    }

    // Saves the window (or the dialog) once nothing loads, runs or computes any more.
    void saveScreenshotWhenSettled() {
        const QString file = cli_.value(o_.screenshot);
        const bool runAll = cli_.isSet(o_.runToEnd);
        MainWindow* window = &window_;
        Session* session = &session_;
        RunController* runs = runs_;
        auto shownDialog = shownDialog_;
        auto* settle = new QTimer(window);
        settle->setSingleShot(true);
        settle->setInterval(400);
        QObject::connect(
            settle, &QTimer::timeout, window,
            [window, session, runs, runAll, file, settle, shownDialog] {
                if (session->isBusy() || runs->isRunning() ||
                    window->metricsDock()->isSummarizing() || window->analysisDock()->isWorking() ||
                    window->analysisDock()->slicesPending() ||
                    (window->compareRunsWindow() && window->compareRunsWindow()->isComparing()) ||
                    (runAll && !runs->finished() && runs->lastError().isEmpty())) {
                    settle->start();
                    return;
                }
                QWidget* target = *shownDialog ? shownDialog->data() : window;
                const bool ok = target->grab().save(file);
                if (!ok)
                    fail(QApplication::translate("main", "cannot write %1").arg(file));
                QApplication::exit(ok ? 0 : 1);
            });
        QObject::connect(session, &Session::busyChanged, settle, [settle](bool busy) {
            if (!busy)
                settle->start();
        });
        QObject::connect(runs, &RunController::runningChanged, settle, [settle](bool running) {
            if (!running)
                settle->start();
        });
        settle->start();
        QTimer::singleShot(120000, window, [] {
            fail(QApplication::translate("main", "timed out waiting for the dataset to load"));
            QApplication::exit(1);
        });
    }

    void reportStartup() {
        MainWindow* window = &window_;
        Session* session = &session_;
        auto* poll = new QTimer(window);
        poll->setInterval(1);
        QObject::connect(poll, &QTimer::timeout, window, [window, session, poll] {
            if (!window->isVisible() || session->isBusy() || !session->record())
                return;
            poll->stop();
            window->repaint();
            std::printf("usable_ms %.1f\n", msSinceExec());
            std::fflush(stdout);
            QApplication::exit(0);
        });
        poll->start();
    }

    const QCommandLineParser& cli_;
    const GuiOptions& o_;
    Session& session_;
    MainWindow& window_;
    RunController* runs_;
    std::shared_ptr<QPointer<QWidget>> shownDialog_ = std::make_shared<QPointer<QWidget>>();
};

// The task --task or --demo names; false (having said why) when the name is unknown.
bool parseTaskOptions(const QCommandLineParser& cli, const GuiOptions& o,
                      std::optional<TaskId>& taskOverride, std::optional<TaskId>& demoTask) {
    if (cli.isSet(o.task)) {
        taskOverride = parseTaskName(cli.value(o.task).toStdString());
        if (!taskOverride) {
            fail(QApplication::translate("main", "unknown task %1").arg(cli.value(o.task)));
            return false;
        }
    }
    if (cli.isSet(o.demo)) {
        demoTask = parseTaskName(cli.value(o.demo).toStdString());
        if (!demoTask || !demoTasks().contains(*demoTask)) {
            fail(QApplication::translate("main", "no demo for task %1").arg(cli.value(o.demo)));
            return false;
        }
    }
    return true;
}
} // namespace

int main(int argc, char** argv) {
    // A report needs no display: draw offscreen unless a platform was chosen.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--report") == 0 && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Read --lang before anything is translated.
    QString lang;
    for (int i = 1; i + 1 < argc; ++i)
        if (QString::fromLocal8Bit(argv[i]) == QLatin1String("--lang"))
            lang = QString::fromLocal8Bit(argv[i + 1]);
    setUpApplication(app, lang.isEmpty() ? QString() : lang);

    QCommandLineParser cli;
    cli.setApplicationDescription(QApplication::translate(
        "main",
        "R2P Workbench: look inside personalized generation by large reasoning models on LaMP."));
    cli.addHelpOption();
    cli.addVersionOption();
    const GuiOptions o;
    o.addTo(cli);
    cli.process(app);
    if (cli.isSet(o.reportOption))
        return writeReportAndExit(cli.value(o.project), cli.value(o.runOption),
                                  cli.isSet(o.user) ? std::optional<QString>(cli.value(o.user))
                                                    : std::nullopt,
                                  cli.value(o.baselineOption), cli.value(o.reportOption));

    if (cli.isSet(o.themeOption))
        applyTheme(cli.value(o.themeOption)); // this start only; the menu saves a choice
    std::optional<TaskId> taskOverride;
    std::optional<TaskId> demoTask;
    if (!parseTaskOptions(cli, o, taskOverride, demoTask))
        return 2;

    Session session;
    MainWindow window(&session);
    const QString projectPath =
        cli.isSet(o.project) ? cli.value(o.project) : MainWindow::defaultProjectPath();
    QString why;
    if (!window.openProject(projectPath, cli.isSet(o.screenshot), &why)) {
        if (cli.isSet(o.screenshot) || cli.isSet(o.project)) {
            fail(QApplication::translate("main", "cannot open the project %1: %2")
                     .arg(projectPath, why));
            return 2;
        }
    }
    if (cli.isSet(o.size)) {
        const QStringList wh = cli.value(o.size).split(QLatin1Char('x'));
        if (wh.size() == 2)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }
    GuiDriver driver(cli, o, session, window);
    if (!driver.install())
        return 2;
    // Shown first: the status bar hides its normal widgets under a message only when visible.
    window.show();
    if (demoTask)
        window.openDemo(*demoTask);
    else if (cli.isSet(o.open)) {
        const QString q = cli.value(o.open);
        const QString out = cli.isSet(o.outputs)
                                ? cli.value(o.outputs)
                                : QString::fromStdString(guessOutputsPath(
                                      QFileInfo(q).absoluteFilePath().toStdString()));
        window.openDatasetFiles(q, out, taskOverride);
    }
    return app.exec();
}
