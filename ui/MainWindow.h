// The workbench's main window: menus, the docks (Users, Query, Profile, Reasoning, Verdicts,
// Findings), the status bar with findings and indexing progress, drag and drop, saved layout.
#pragma once

#include "model/Task.h"

#include <QFont>
#include <QMainWindow>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QTimer;
class QToolButton;

namespace r2p::ui {

class AnalysisDock;
class AnnotationsDock;
class CompareDock;
class CompareRunsWindow;
class FindingsDock;
class MetricsDock;
class ProfileDock;
class QueryDock;
class ReasoningDock;
class RunController;
class Session;
class Triage;
class UsersDock;
class VerdictsDock;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Session* session, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a project, reporting failure in a message box unless `quiet`.
    // `why` gets the reason when it fails.
    bool openProject(const QString& path, bool quiet = false, QString* why = nullptr);
    // The project used when none is named: the last one, or a default in the data folder.
    static QString defaultProjectPath();
    void openDatasetFiles(const QString& questions, const QString& outputs,
                          std::optional<TaskId> task = std::nullopt);
    void openDemo(TaskId task);

    UsersDock* usersDock() const { return users_; }
    QueryDock* queryDock() const { return query_; }
    ProfileDock* profileDock() const { return profile_; }
    FindingsDock* findingsDock() const { return findings_; }
    ReasoningDock* reasoningDock() const { return reasoning_; }
    VerdictsDock* verdictsDock() const { return verdicts_; }
    MetricsDock* metricsDock() const { return metrics_; }
    CompareDock* compareDock() const { return compare_; }
    AnnotationsDock* annotationsDock() const { return annotations_; }
    AnalysisDock* analysisDock() const { return analysis_; }
    // Run ▸ Compare Runs… (made when first asked for): the shown run and the newest other run
    // of the dataset checked the first time.
    CompareRunsWindow* showCompareRuns();
    CompareRunsWindow* compareRunsWindow() const { return compareRuns_; } // null until shown
    Triage* triage() const { return triage_; }
    RunController* runController() const { return runs_; }
    QAction* action(const QString& name) const; // by objectName, for tests
    QString statusSummary() const;
    QString statusNotice() const;
    QToolButton* runFindingsButton() const { return runFindings_; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createFileActions();
    void createGoActions();
    void createMenus();
    void createFileMenu();
    void createDatasetMenu();
    void createGoMenu();
    void createRunMenu();
    void addRunChoiceMenus(QMenu* run);
    void openPicker(QComboBox* picker); // the run or baseline picker, focused and open
    void createAnnotateMenu();
    void createViewMenu();
    void createStatusBar();
    void restoreLayout();
    void applyDefaultLayout();
    void saveLayout();
    void updateTitle();
    void updateStatus();
    void updateRunFindings();
    // A passing notice beside the summary: it goes after `ms`, or at once when the user, the
    // run or the dataset shown changes (it never outlives what it was about).
    void showNotice(const QString& text, int ms);
    void clearNotice();
    void updateTaskMenu();
    void rebuildRecentProjects();
    void rememberProject(const QString& path);
    void showOpenDatasetDialog(const QString& questions = {});
    void newProject();
    void openProjectDialog();
    void showShortcuts();
    void showBatchDialog();
    void replayStoredRun();
    void discardInteractiveRun();
    // File ▸ Export Run/User Report: the shown run, or its selected user, as HTML or PDF.
    void exportReport(bool user);

public:
    // Large type and only what a room needs (Query, Reasoning, Verdicts); full screen unless
    // `fullScreen` is false (screenshots at a given size).
    void setPresentationMode(bool on, bool fullScreen = true);
    bool presentationMode() const { return presenting_; }
    void setReplaySpeed(double speed) { replaySpeed_ = speed; }

private:
    void showAbout();

    Session* session_;
    UsersDock* users_;
    QueryDock* query_;
    ProfileDock* profile_;
    FindingsDock* findings_;
    RunController* runs_;
    ReasoningDock* reasoning_;
    VerdictsDock* verdicts_;
    MetricsDock* metrics_;
    CompareDock* compare_;
    AnnotationsDock* annotations_;
    AnalysisDock* analysis_;
    CompareRunsWindow* compareRuns_ = nullptr;
    Triage* triage_ = nullptr;

    QMenu* recentMenu_ = nullptr;
    QMenu* taskMenu_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* notice_ = nullptr;
    QTimer* noticeTimer_ = nullptr;
    QToolButton* findingsButton_ = nullptr;
    QToolButton* runFindings_ = nullptr; // interventions, contradictions, format, failures
    QProgressBar* progress_ = nullptr;
    QToolButton* cancel_ = nullptr;
    QByteArray defaultState_;
    bool presenting_ = false;
    QFont normalFont_;
    QByteArray normalState_;
    double replaySpeed_ = 1;
    bool needsDefaultLayout_ = false;
};

} // namespace r2p::ui
