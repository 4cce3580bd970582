// The Metrics dock, for the run shown in the Users view: this user's answer and scores per
// system with the delta to R2P; the run's metrics per system with 95% bootstrap intervals and
// R2P's deltas against each baseline (paired bootstrap, win/tie/loss); and charts (per-user
// deltas, win/tie/loss, reasoning tokens against score) that export to PNG and SVG; and what
// the run cost per system (requests, tokens, money at the project's prices).
#pragma once

#include "model/RunStore.h"
#include "pipeline/analysis/Cost.h"
#include "pipeline/engine/RunSummary.h"
#include "ui/util/LatestTask.h"

#include <QDockWidget>
#include <map>
#include <memory>
#include <vector>

class QChartView;
class QComboBox;
class QLabel;
class QTabWidget;
class QTableWidget;

namespace r2p::ui {

class RunController;
class Session;
struct RunResults;

class MetricsDock : public QDockWidget {
    Q_OBJECT
public:
    enum Chart { ChartDeltas = 0, ChartWinTieLoss, ChartTokens, ChartCount };

    // "This user" follows what `runs` shows in the Reasoning dock: its own engine run of the
    // user (or a replay) while one is on screen, the stored run's R2P otherwise.
    MetricsDock(Session* session, RunController* runs, QWidget* parent = nullptr);
    ~MetricsDock() override;

    QTableWidget* userTable() const { return user_; }
    QTableWidget* runTable() const { return run_; }
    QTableWidget* deltaTable() const { return deltas_; }
    // What the run cost per system (requests, tokens, money); filled when its tab is shown.
    QTableWidget* costTable() const { return cost_; }
    QLabel* costNote() const { return costNote_; }
    bool isCounting() const { return tasks_.isPending(QStringLiteral("cost")); }
    // The chart, built from the current run if it was out of date.
    QChartView* chart(Chart which);
    QTabWidget* tabs() const { return tabs_; }
    QTabWidget* chartTabs() const { return charts_; }
    bool isSummarizing() const {
        return tasks_.isPending(QStringLiteral("summary")) ||
               tasks_.isPending(QStringLiteral("verdicts")) ||
               tasks_.isPending(QStringLiteral("intervals")) ||
               tasks_.isPending(QStringLiteral("repeats"));
    }
    // The numbers (the summary without its intervals) are being made: from Session::runReady.
    bool isMakingNumbers() const { return tasks_.isPending(QStringLiteral("summary")); }
    // The run's verdicts are being counted: from the moment its read begins (runLoading), beside
    // the read, so the numbers wait only for their own summary once the run is there.
    bool isCountingVerdicts() const { return tasks_.isPending(QStringLiteral("verdicts")); }
    // The summary's numbers are shown (its intervals may still be computing).
    bool hasNumbers() const { return summary_ != nullptr; }
    bool hasIntervals() const { return summary_ != nullptr && intervalsReady_; }
    // A run that is one of several repeats (r2p run --repeats, a study): each metric of each
    // system over the stored repeats, by (system, metric) in repeat order, and their run ids.
    struct RepeatValues {
        std::vector<std::int64_t> runs;
        int count = 0; // repeats asked for (runs may hold fewer: not all stored yet)
        std::map<std::pair<SystemId, std::string>, std::vector<double>> values;
    };
    const RepeatValues* repeats() const { return repeats_.get(); }
    const engine::RunSummary* summary() const { return summary_.get(); }
    QLabel* heading() const { return heading_; }
    // A run with R2P's shadow (R2P without RPI, same seed): what RPI changed, on the compared
    // metric. The tab is shown only for such a run; the table lists the users RPI intervened
    // on (the largest changes first), a double click selects one.
    QWidget* rpiPage() const { return rpiPage_; }
    QLabel* rpiSummary() const { return rpiSummary_; }
    QTableWidget* rpiTable() const { return rpi_; }

    // Writes a chart as PNG or SVG (by the file's extension); false with a reason otherwise.
    bool exportChart(Chart which, const QString& path, QString* error = nullptr);

private:
    // On Session::runReady, before the views rebuild: the summary and repeats for a new run.
    void onRunReady();
    // On Session::runChanged: the tables, heading and charts.
    void onRunChanged();
    // On Session::runLoading: the verdicts counted while the run is read.
    void onRunLoading(qint64 runId);
    void startVerdictCount(std::int64_t runId);
    // Once both the numbers and the verdict counts of the shown run are there: shows them and
    // starts the bootstrap intervals.
    void showNumbersWhenCounted();
    QWidget* buildRpiPage();
    void showRpiEffect(); // the RPI effect tab, from the shown run and its compared metric
    void showHeading();   // the run, its metric and the baseline R2P is compared with
    // The numbers first (withIntervals false: the interval cells say they are computing), then
    // the whole summary.
    void onSummaryReady(std::shared_ptr<const engine::RunSummary> summary, bool withIntervals);
    void startSummary();
    void showUser();
    void startRepeats();
    void showRepeats(); // the "Over repeats" column, once both the summary and repeats are there
    void buildCharts();
    void buildDeltaChart();      // 1: the histogram of per-user deltas
    void buildWinTieLossChart(); // 2: win / tie / loss against each baseline
    void buildTokensChart();     // 3: reasoning tokens against the score
    void ensureCharts();         // builds them when they are out of date
    void ensureCost();           // counts the run's cost off the GUI thread when out of date
    void showCost(const Result<analysis::RunCost>& cost);
    void exportCurrent(bool svg);

    // The R2P trace on screen in the Reasoning dock when it is not the stored run's, else null.
    const UserTrace* traceOnScreen() const;

    Session* session_;
    RunController* runs_;
    std::shared_ptr<const RunResults> results_;
    std::shared_ptr<const engine::RunSummary> summary_;
    bool intervalsReady_ = false; // summary_ has its bootstrap intervals
    bool keepSummary_ = false;    // onRunReady kept summary_ (another baseline of the same run)
    // The numbers without verdicts (summarized beside the count), until the count is there.
    std::shared_ptr<const engine::RunSummary> numbers_;
    // The verdicts counted for run verdictsRun_ (null while counting); fresh when counted since
    // the newest read of that run began, so a summary of it may use them.
    std::shared_ptr<const engine::VerdictCounts> verdicts_;
    std::int64_t verdictsRun_ = 0;
    bool verdictsFresh_ = false;
    std::shared_ptr<const RepeatValues> repeats_;
    std::vector<EndpointUse> endpoints_; // of a run over several replicas (--endpoint)
    QLabel* heading_;
    QTabWidget* tabs_;
    QTableWidget* user_;
    QTableWidget* run_;
    QTableWidget* deltas_;
    QTabWidget* charts_;
    QChartView* views_[ChartCount] = {};
    QWidget* chartsPage_ = nullptr;
    QWidget* costPage_ = nullptr;
    QTableWidget* cost_ = nullptr;
    QWidget* rpiPage_ = nullptr;
    QLabel* rpiSummary_ = nullptr;
    QTableWidget* rpi_ = nullptr;
    QLabel* costNote_ = nullptr;
    bool costDirty_ = true;
    bool chartsDirty_ = true; // charts are built when their tab is shown (or exported)
    LatestTask tasks_;        // the shown run's summary; last, so it stops first
};

} // namespace r2p::ui
