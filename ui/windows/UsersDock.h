// The Users dock: the dataset's users with id, profile size and gold; a filter line; the
// project's datasets to switch between; the run picker: which stored run of the dataset the
// answer and delta columns show, and which of its baselines R2P is compared with (both kept in
// Session, so Metrics, Compare, Slices and reports follow the same choice).
#pragma once

#include <QDockWidget>
#include <vector>

class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;

namespace r2p::ui {

class EmptyState;
class Session;
class UsersModel;
class UsersProxyModel;

class UsersDock : public QDockWidget {
    Q_OBJECT
public:
    UsersDock(Session* session, QWidget* parent = nullptr);
    EmptyState* emptyState() const { return empty_; }
    QTableView* view() const { return view_; }
    QLineEdit* filterLine() const { return filter_; }
    QComboBox* runPicker() const { return runs_; }
    QComboBox* baselinePicker() const { return baselines_; }
    QComboBox* metricPicker() const { return metrics_; }
    UsersProxyModel* proxy() const { return proxy_; }
    UsersModel* model() const { return model_; }
    // Moves the selection by `delta` visible rows (keyboard navigation from anywhere).
    void step(int delta);
    void setFilterText(const QString& text); // applies at once, no debounce
    QString visibleCountText() const;
    // Dataset rows of the users the filter shows, in the view's order.
    std::vector<std::size_t> visibleRows() const;

private:
    void onDatasetChanged();
    void onRunChanged();
    void onDatasetsChanged();
    QLayout* buildRunPicker(QWidget* page);
    void rebuildRunPicker(); // the dataset's stored runs, the shown one current
    void rebuildBaselinePicker();
    void onUserSelected(int row);
    void applyFilter();
    void updateCount();

    Session* session_;
    QStackedWidget* stack_;
    EmptyState* empty_;
    QComboBox* datasets_;
    QComboBox* runs_;
    QComboBox* baselines_;
    QLabel* metricLabel_;
    QComboBox* metrics_;
    QWidget* baselineRow_;
    QLabel* runError_;
    QLabel* runStatus_; // "Reading run N…" while the Session reads one
    QLineEdit* filter_;
    QTimer* filterTimer_;
    QTableView* view_;
    QLabel* count_;
    UsersModel* model_;
    UsersProxyModel* proxy_;
    bool syncing_ = false;
};

} // namespace r2p::ui
