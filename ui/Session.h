// The one context every dock observes: the open project, the current dataset, the Selection
// (user, stage, verdict, span …) and the Users view's filtered list. Panes never call each
// other; they change the selection here and react to selectionChanged (RenderDoc's pattern).
#pragma once

#include "model/Annotation.h"
#include "model/Dataset.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "pipeline/retrieval/Retriever.h"
#include "ui/RunResults.h"
#include "ui/Selection.h"
#include "ui/util/LatestTask.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>
#include <optional>

namespace r2p::ui {

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    // Project --------------------------------------------------------------------------------
    // Opens (or creates) a project file; on failure the previous project stays open.
    bool openProject(const QString& path, QString* error);
    QString projectPath() const;
    ProjectStore* store() const { return store_.get(); }
    std::vector<DatasetRow> datasets() const;

    // Dataset --------------------------------------------------------------------------------
    // Starts indexing (or loading the cached index) on a worker thread. A newer call cancels an
    // older one still running.
    void openDataset(const QString& questions, const QString& outputs,
                     std::optional<TaskId> task = std::nullopt);
    void cancelIndexing();
    bool isIndexing() const;
    // Sets the task by hand for the current dataset and keeps it in the project; the error says
    // why it could not be kept (a read-only project, a full disk): it then holds until closed.
    Status setTask(TaskId task);

    std::shared_ptr<const DatasetIndex> dataset() const { return dataset_; }
    std::int64_t datasetId() const { return datasetId_; }
    bool datasetFromCache() const { return fromCache_; }
    TaskId task() const { return dataset_ ? dataset_->task : TaskId::Invalid; }

    // Selection ------------------------------------------------------------------------------
    // The one selection; every change goes through the calls below and is announced once by
    // selectionChanged(now, before).
    const Selection& selection() const { return selection_; }
    // Replaces the whole selection (a new user loads its record, the newest selection wins).
    void select(const Selection& next);
    // Selects a user by row in dataset()->users (-1 clears): stage, verdict and span go.
    void selectUser(int row);
    // Selects by question id once the dataset is there; false if no such id.
    bool selectUserById(const QString& id);
    // A stage picked by hand (it becomes what a label applies to), with what it cites.
    void selectStage(StageId stage, int candidate, const QStringList& cited);
    // The stage a pane shows by following the run: what a label applies to stays.
    void showStage(StageId stage, int candidate, const QStringList& cited);
    // The verdict of `candidate` picked, with its evidence.
    void selectVerdict(int candidate, const QStringList& cited);
    // A span of the shown stage's text picked; nullopt: the span went, back to the stage.
    void selectSpan(const std::optional<TextSpan>& span);
    // The user's whole run is what a label applies to.
    void selectWholeRun();
    int selectedUser() const { return selection_.user; }
    const UserIndexEntry* selectedEntry() const;
    // The profile items (by id) the selected stage or verdict cites; the history marks them.
    const QStringList& citedItems() const { return selection_.cited; }

    // The users the Users view lists (dataset rows, in its order): its filter and sort. The
    // triage queue, batches and the Analysis sweep work on them.
    void setFilteredUsers(std::vector<std::size_t> rows);
    const std::vector<std::size_t>& filteredUsers() const { return filtered_; }

    // The selected user's record and ranking --------------------------------------------------
    std::shared_ptr<const UserRecord> record() const { return record_; }
    // The selected user's whole profile ranked by the chosen ranker (null until both the record
    // and its ranking are there). k only marks how many of them count as retrieved.
    std::shared_ptr<const retrieval::Ranking> ranking() const { return ranking_; }
    QString ranker() const { return ranker_; }
    int retrievalK() const { return k_; }
    // "bm25", "recency" or "random"; re-ranks the current record in the background.
    void setRanker(const QString& name);
    void setRetrievalK(int k);
    QString recordError() const { return recordError_; }

    // Runs -----------------------------------------------------------------------------------
    // Stored runs on the current questions file, newest first (one-user interactive runs too).
    std::vector<RunInfo> runsOfDataset() const;
    // A one-user R2P run the Reasoning dock stored, not a batch: the run picker marks it.
    static bool isInteractiveRun(const RunInfo& run);
    // Shows a stored run (0 shows none): the Users view, Metrics, Compare, Slices and reports
    // follow it. Its baseline is the one chosen if it has it, else lamp-rag, else its first.
    // The newest run of a dataset is shown when it opens. The run is read off the GUI thread
    // (runLoading, isRunLoading() and isBusy() meanwhile) and announced by runChanged, then
    // selectionChanged (Selection::run and ::baseline); a run that cannot be read by
    // runLoadFailed. False at once, with the message, for a run the project does not have.
    bool selectRun(std::int64_t runId, QString* error = nullptr);
    // The run being read (0: none) and what it is.
    bool isRunLoading() const { return loadingRun_ != 0; }
    std::int64_t loadingRun() const { return loadingRun_; }
    // Compares R2P with `baseline` in the shown run, and in runs shown later that have it.
    // False with a message when the shown run has no such baseline.
    bool selectBaseline(SystemId baseline, QString* error = nullptr);
    // The systems R2P can be compared with in the shown run (or the one being read), in the
    // run's order.
    std::vector<SystemId> baselinesOfRun() const;
    // Compares on `metric` (a generation run's ROUGE variant) in the shown run and in runs
    // shown later whose task has it; a run's own main_metric setting until one is chosen. The
    // Users view's scores and Δ, Metrics' comparison and charts, Slices and reports follow.
    // False with a message when the shown run's task has no such metric.
    bool selectMetric(const std::string& metric, QString* error = nullptr);
    // The metrics the shown run can be compared on (comparableMetrics of its task).
    std::vector<std::string> metricsOfRun() const;
    // A run was stored, resumed or deleted elsewhere (a batch, the Reasoning dock): the run
    // picker lists them again; a shown run that is gone gives way to the newest.
    void refreshRuns();
    std::shared_ptr<const RunResults> runResults() const { return run_; }
    // The shown run's tagged chains checked, per user (what the Users filter's tag terms read):
    // read and checked on first use and kept while the run is shown; empty without a run or
    // when they cannot be read (the reason in `error`).
    std::shared_ptr<const TagFacts> tagFacts(QString* error = nullptr);
    // Asks the Users view to filter by `text` (a finding's users); it shows the filter line.
    void requestUserFilter(const QString& text) { emit userFilterRequested(text); }

    // Annotations ----------------------------------------------------------------------------
    // The project's failure taxonomy (the built-in one unless the project has its own).
    const Taxonomy& taxonomy() const { return taxonomy_; }
    // Who annotates: kept in the settings; the login name until set.
    QString annotator() const;
    void setAnnotator(const QString& name);
    // Each call commits before it returns; false with a message naming what was wrong.
    bool addAnnotations(const std::vector<Annotation>& annotations, QString* error);
    bool updateAnnotation(std::int64_t id, AnnotationSeverity severity, const QString& note,
                          QString* error);
    bool removeAnnotation(std::int64_t id, QString* error);
    std::vector<Annotation> annotationsOfUser(std::int64_t runId, const std::string& userId) const;
    std::vector<Annotation> annotationsOnOtherRuns(std::int64_t runId,
                                                   const std::string& userId) const;
    // Counts for the shown run (never null).
    std::shared_ptr<const AnnotationCounts> annotationCounts() const { return counts_; }
    bool addBookmark(const Bookmark& bookmark, QString* error);
    bool removeBookmark(std::int64_t id, QString* error);
    std::vector<Bookmark> bookmarks() const; // of the shown run

    // Dataset findings plus any raised since (e.g. a record that failed to parse).
    const std::vector<Finding>& findings() const { return findings_; }

    // True while indexing, a record load or its ranking is under way (screenshots wait for false).
    bool isBusy() const;
    // How many record reads were started so far (reads are coalesced; for diagnostics).
    quint64 recordReadsStarted() const { return recordReadsStarted_->load(); }

signals:
    void projectChanged();
    void datasetsChanged();
    void indexingStarted(const QString& questionsPath);
    void indexingProgress(qint64 bytesDone, qint64 bytesTotal, qint64 users);
    // ok=false with a message when the file could not be read at all or indexing was cancelled.
    void indexingFinished(bool ok, const QString& message);
    void datasetChanged();
    void taskChanged();
    // The one selection signal every pane observes.
    void selectionChanged(const r2p::ui::Selection& now, const r2p::ui::Selection& before);
    void filteredUsersChanged();
    void recordChanged();
    void rankingChanged();
    // The shown run's results changed: another run, or another baseline of the same run.
    void runChanged();
    // The same, emitted just before runChanged: for work off the GUI thread the user waits for
    // (the Metrics numbers), so it starts before every view rebuilds for the run on runChanged.
    void runReady();
    // A run is being read (runChanged follows), or could not be read (the message names it).
    void runLoading(qint64 runId);
    void runLoadFailed(qint64 runId, const QString& message);
    // The stored runs of the dataset changed (one added, finished or deleted).
    void runsChanged();
    void userFilterRequested(const QString& text);
    void findingsChanged();
    void busyChanged(bool busy);
    void annotationsChanged();
    void bookmarksChanged();

private:
    void finishIndexing(Result<OpenedDataset> result);
    void updateBusy();
    void stopAllJobs();
    void startRecordRead();
    void finishRecordRead(Result<UserRecord> result, const UserIndexEntry& entry);
    void rerank();
    void reloadAnnotationCounts();
    bool showRun(std::int64_t runId, QString* error); // reads with the chosen baseline
    void keepOutcomes(std::int64_t runId);
    void applyRun(std::shared_ptr<const RunResults> loaded);
    void announceRun();             // runReady, then runChanged
    const RunInfo* runInfo() const; // of the run being read, else of the shown one
    void clearUser();               // no user, no record (a new project or dataset)
    void loadSelectedUser();        // reads the selected user's record (or forgets it)

    std::unique_ptr<ProjectStore> store_;
    std::shared_ptr<const DatasetIndex> dataset_;
    std::int64_t datasetId_ = 0;
    bool fromCache_ = false;
    std::vector<Finding> findings_;

    Selection selection_;
    std::vector<std::size_t> filtered_;
    std::shared_ptr<std::atomic<quint64>> recordReadsStarted_ =
        std::make_shared<std::atomic<quint64>>(0);
    std::shared_ptr<const UserRecord> record_;
    std::shared_ptr<const retrieval::Ranking> ranking_;
    QString ranker_ = QStringLiteral("bm25");
    int k_ = 5;
    QString recordError_;
    std::shared_ptr<const RunResults> run_;
    std::int64_t loadingRun_ = 0;                 // being read
    RunInfo loadingInfo_;                         // of loadingRun_
    SystemId baselineChoice_ = SystemId::Invalid; // picked by hand; Invalid: the run's default
    std::string metricChoice_;                    // picked by hand; empty: the run's setting
    Taxonomy taxonomy_;
    std::shared_ptr<const AnnotationCounts> counts_ = std::make_shared<AnnotationCounts>();
    std::shared_ptr<const TagFacts> tagFacts_; // of run_, once asked for
    bool busy_ = false;
    // Indexing ("index"), the selected user's record ("record") and its ranking ("ranking"):
    // the newest request of each wins. Last, so it stops before what its jobs point at goes.
    LatestTask tasks_;
};

} // namespace r2p::ui
