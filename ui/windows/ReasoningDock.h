// The Reasoning dock: the stage timeline of the selected user's R2P run with status, tokens, time
// and interventions per stage, and the selected stage's prompt, live stream (reasoning and answer
// apart), parsed output and interventions. Step (F10), Run to end (F5), Pause, Cancel, Re-run
// from here, Edit output.
#pragma once

#include "model/Trace.h"

#include <QDockWidget>

class QAction;
class QComboBox;
class QLabel;
class QModelIndex;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTreeView;

namespace r2p::ui {

class RunController;
class Session;
class StagesModel;
class StageTimelineModel;
class TagChainView;
struct Selection;

class ReasoningDock : public QDockWidget {
    Q_OBJECT
public:
    ReasoningDock(Session* session, RunController* controller, QWidget* parent = nullptr);

    // The timeline: stages grouped by kind with their bars. The table of every stage is one
    // click away (showTable); both keep the same stage current.
    QTreeView* timeline() const { return timeline_; }
    QTableView* table() const { return table_; }
    StagesModel* model() const { return model_; }
    StageTimelineModel* timelineModel() const { return timelineModel_; }
    // The timeline's row of a stage (column 0), or an invalid index.
    QModelIndex timelineIndexOf(StageId stage, int candidate) const;
    void showTable(bool on);
    bool tableShown() const;
    QTabWidget* tabs() const { return tabs_; }
    QPlainTextEdit* promptView() const { return prompt_; }
    QTextBrowser* streamView() const { return stream_; }
    QPlainTextEdit* parsedView() const { return parsed_; }
    QTextBrowser* interventionsView() const { return interventions_; }
    QLabel* statusLabel() const { return status_; }
    // The Tags tab: the chain of the selected stage (its own tags, else the offline tagger's),
    // or a tagged system's chain for this user in the shown stored run (tagSourceBox).
    TagChainView* tagView() const { return tagView_; }
    QComboBox* tagSourceBox() const { return tagSource_; }
    QWidget* tagsPage() const { return tagsPage_; }
    // Step, Run, Pause, Cancel, Re-run, Edit (added to the window's Run menu too).
    QList<QAction*> runActions() const;
    // Presentation mode: the raw prompt and parsed tabs hidden, the stream in front.
    void setPresentation(bool on);
    // The trace index of the step shown, or -1.
    int selectedStep() const;
    // Selects (through Session) the step of `stage` and `candidate` if the trace has it.
    bool selectStage(StageId stage, int candidate);

private:
    void publishRow(bool picked);
    void publishSpan();
    void onSelectionChanged(const Selection& now, const Selection& before);
    void updateActions();
    void updateStatus();
    void showSelected();
    void showStream();
    void followRunning();
    void rerunSelected();
    void editSelected();
    QWidget* buildRunBar(QWidget* parent);
    void buildStageViews(QWidget* parent);
    void onTableRowChanged(const QModelIndex& current);
    void syncTimelineToTable();
    void showScore(const StepRecord& step);
    QWidget* buildTagsTab(QWidget* parent);
    void fillTagSources();
    void showTags();
    // A person's correction of the shown stored chain: the selection [start, end) tagged with the
    // tag set's `tag`-th tag (-1: the person's tags over it removed), stored as their spans.
    void correctTags(int tag, std::size_t start, std::size_t end);

    Session* session_;
    RunController* controller_;
    StagesModel* model_;
    StageTimelineModel* timelineModel_;
    QLabel* status_;
    QStackedWidget* views_;
    QTreeView* timeline_;
    QTableView* table_; // the current stage of both views lives here
    QTabWidget* tabs_;
    QPlainTextEdit* prompt_;
    QTextBrowser* stream_;
    QPlainTextEdit* parsed_;
    QTextBrowser* interventions_;
    QWidget* tagsPage_ = nullptr;
    QComboBox* tagSource_ = nullptr;
    TagChainView* tagView_ = nullptr;
    // The stored step the Tags tab shows (runId 0: none, or a stage still streaming).
    struct ShownChain {
        std::int64_t runId = 0;
        std::string userId;
        SystemId system = SystemId::Invalid;
        int stepSeq = 0;
        std::string text;
        std::vector<TagSpanRecord> stored; // the step's stored spans, every source
        std::vector<TagSpanRecord> shown;  // the spans on screen
    } shownChain_;
    QAction* step_;
    QAction* run_;
    QAction* pause_;
    QAction* cancel_;
    QAction* rerun_;
    QAction* edit_;
    QAction* tableView_;
    QAction* barsByTokens_;
    bool follow_ = true;     // keep the running stage selected until the user picks another row
    bool selecting_ = false; // the dock itself is moving the selection
    int keptStep_ = -1;      // the step shown before the timeline was rebuilt
    bool syncing_ = false;   // one view is following the other's current stage
};

} // namespace r2p::ui
