// Compare Runs: two or more stored runs (or two systems of one run) user by user. Pick the runs
// and systems; every comparison is listed with its paired statistics (delta with its bootstrap
// interval, win/tie/loss, the paired test by name, Holm-adjusted p); the chosen one's users are
// a table filtered by is:regression / is:improvement / is:tie or words, with a chart of per-user
// changes and, for classification, the agreement matrix of correctness. Selecting a user shows
// both traces side by side, each with a label row that annotates that side. The comparison is
// r2p compare's own (analysis::compareRuns), computed off the GUI thread.
#pragma once

#include "pipeline/analysis/RunComparison.h"
#include "ui/util/LatestTask.h"

#include <QWidget>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTableWidget;
class QTextBrowser;

namespace r2p::ui {

class PairedUsersModel;
class Session;

class CompareRunsWindow : public QWidget {
    Q_OBJECT
public:
    enum Side { SideA = 0, SideB = 1 };

    explicit CompareRunsWindow(Session* session, QWidget* parent = nullptr);

    // Lists the dataset's stored runs again (checked ones stay checked).
    void reloadRuns();
    // Checks exactly these runs (the others unchecked).
    void checkRuns(const std::vector<std::int64_t>& runs);
    // Compares the checked runs with the chosen systems and metric, in the background;
    // compared(ok) follows.
    void compare();
    // Shows comparison `row` of the result: its users, chart and matrix.
    void showComparison(int row);
    // Shows the user at `row` of the users table on both sides.
    void showUser(int row);
    // Labels the shown user's run on `side` with the chosen label, severity and note.
    bool addLabel(Side side, QString* error = nullptr);

    bool isComparing() const;
    std::shared_ptr<const analysis::RunComparison> result() const { return result_; }
    QListWidget* runList() const { return runs_; }
    QComboBox* systemChooser() const { return systems_; }
    QComboBox* metricChooser() const { return metric_; }
    QPushButton* compareButton() const { return compareButton_; }
    QLabel* statusLabel() const { return status_; }
    QTableWidget* comparisonsTable() const { return comparisons_; }
    QLabel* summaryLabel() const { return summary_; }
    QLineEdit* filterEdit() const { return filter_; }
    QTableView* usersView() const { return usersView_; }
    PairedUsersModel* usersModel() const { return users_; }
    QTableWidget* agreementTable() const { return agreement_; }
    QChartView* deltaChart() const { return chart_; }
    QLabel* traceTitle(Side side) const { return sides_[side].title; }
    QTextBrowser* traceView(Side side) const { return sides_[side].trace; }
    QComboBox* labelChooser(Side side) const { return sides_[side].label; }
    QComboBox* severityChooser(Side side) const { return sides_[side].severity; }
    QLineEdit* noteEdit(Side side) const { return sides_[side].note; }
    QPushButton* labelButton(Side side) const { return sides_[side].add; }

signals:
    // A comparison ended: ok with a result, or not with the message in statusLabel().
    void compared(bool ok);

private:
    struct SidePane {
        QLabel* title = nullptr;
        QTextBrowser* trace = nullptr;
        QComboBox* label = nullptr;
        QComboBox* severity = nullptr;
        QLineEdit* note = nullptr;
        QPushButton* add = nullptr;
    };
    QWidget* buildChooser();
    QWidget* buildUsersPane();
    QWidget* buildSidePane(Side side);
    void updateChoices();
    void deliver(Result<analysis::RunComparison> result);
    void fillComparisons();
    void fillChart(const analysis::Comparison& c);
    void fillAgreement(const analysis::Comparison& c);
    void renderSide(Side side);
    void applyFilter();
    std::vector<std::int64_t> checkedRuns() const;
    void fillLabels();

    Session* session_;
    LatestTask tasks_;
    std::shared_ptr<const analysis::RunComparison> result_;
    int shownComparison_ = -1;
    std::string shownUser_;

    QListWidget* runs_;
    QComboBox* systems_;
    QComboBox* metric_;
    QPushButton* compareButton_;
    QLabel* status_;
    QTableWidget* comparisons_;
    QLabel* summary_;
    QLineEdit* filter_;
    QTableView* usersView_;
    PairedUsersModel* users_;
    QTableWidget* agreement_;
    QChartView* chart_;
    std::array<SidePane, 2> sides_;
};

} // namespace r2p::ui
