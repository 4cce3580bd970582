// The Profile dock: every profile item of the selected user with the task's fields, a search
// line, and the full text of the selected item below.
#pragma once

#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTextBrowser;
class QTimer;

namespace r2p::ui {

class EmptyState;
class ProfileModel;
class ProfileSearchProxy;
class Session;

class ProfileDock : public QDockWidget {
    Q_OBJECT
public:
    ProfileDock(Session* session, QWidget* parent = nullptr);
    QTableView* view() const { return view_; }
    QLineEdit* searchLine() const { return search_; }
    ProfileModel* model() const { return model_; }
    ProfileSearchProxy* proxy() const { return proxy_; }
    QTextBrowser* detail() const { return detail_; }
    void setSearchText(const QString& text); // applies at once, no debounce
    QComboBox* rankerCombo() const { return ranker_; }
    QSpinBox* kSpin() const { return k_; }
    QCheckBox* fullProfileBox() const { return full_; }

private:
    void onRecordChanged();
    void onRankingChanged();
    void layoutColumns();
    void showDetail();
    void updateCount();

    Session* session_;
    QStackedWidget* stack_;
    EmptyState* empty_;
    QComboBox* ranker_;
    QSpinBox* k_;
    QCheckBox* full_;
    QLineEdit* search_;
    QTimer* searchTimer_;
    QTableView* view_;
    QTextBrowser* detail_;
    QLabel* count_;
    ProfileModel* model_;
    ProfileSearchProxy* proxy_;
};

} // namespace r2p::ui
