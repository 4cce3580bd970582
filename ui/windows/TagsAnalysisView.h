// Tagged reasoning (TagPR) in the run the Users view shows (the Analysis dock's "Tags" page):
// how often each tag occurs per system, a tag-to-tag transition heatmap, tokens per tag for right
// and wrong answers, the per-user metric with and without each tag, and the constraint score
// against the metric per chain (a high score with a bad metric is what reward hacking looks
// like) — what `r2p tags` prints, with 95% bootstrap intervals. Counted off the GUI thread on a
// read-only connection of its own, when the page is shown.
#pragma once

#include "model/Result.h"
#include "model/Trace.h"
#include "ui/util/LatestTask.h"

#include <QWidget>
#include <memory>

class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;

namespace r2p::analysis {
struct TagStatistics;
}

namespace r2p::ui {

class Session;

class TagsAnalysisView : public QWidget {
    Q_OBJECT
public:
    explicit TagsAnalysisView(Session* session, QWidget* parent = nullptr);
    ~TagsAnalysisView() override;

    QComboBox* systemBox() const { return system_; }
    QChartView* frequencyChart() const { return frequency_; }
    QChartView* scoreChart() const { return scoreChart_; }
    QTableWidget* tagTable() const { return tags_; }
    QTableWidget* transitionTable() const { return transitions_; }
    QLabel* status() const { return status_; }
    bool isCounting() const { return tasks_.isPending(QStringLiteral("tags")); }

    // Counts again for the shown run (when the page is visible; else when it is next shown).
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void show(Result<analysis::TagStatistics> result);
    void showSystem();
    void fillFrequencyChart();
    void fillTagTable(int index);
    void fillTransitions(int index);
    void fillScoreChart(int index);

    Session* session_;
    QComboBox* system_;
    QLabel* status_;
    QChartView* frequency_;
    QChartView* scoreChart_;
    QTableWidget* tags_;
    QTableWidget* transitions_;
    std::shared_ptr<const analysis::TagStatistics> stats_;
    bool dirty_ = true;
    LatestTask tasks_; // last, so it stops first
};

} // namespace r2p::ui
