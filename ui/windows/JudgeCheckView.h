// Judge validation for the run the Users view shows (the Analysis dock's "Judge" page): per
// cross-reference verdict, the R2P candidates that got it, how many were right and their mean
// main metric; and the judge against annotators' own verdict labels, with Cohen's kappa — the
// numbers `r2p judge-check` prints.
#pragma once

#include <QWidget>
#include <cstdint>

class QLabel;
class QTabWidget;
class QTableWidget;

namespace r2p::ui {

class Session;

class JudgeCheckView : public QWidget {
    Q_OBJECT
public:
    explicit JudgeCheckView(Session* session, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }
    QLabel* heading() const { return heading_; }
    QLabel* humanLabel() const { return human_; }

    // Reads the shown run's verdicts (one query) and fills the table. Within `tabs` (see
    // refreshOnlyWhenCurrentIn) only when this page is the current one; otherwise once it
    // becomes current.
    void refresh();
    // The page is a tab of `tabs`: the run's verdicts are read when the page is shown, not
    // while another page is (a 100,000-user run has 1.2 million verdicts to read).
    void refreshOnlyWhenCurrentIn(QTabWidget* tabs);

private:
    Session* session_;
    QTabWidget* tabs_ = nullptr;
    bool stale_ = false;
    QLabel* heading_;
    QTableWidget* table_;
    QLabel* human_;
};

} // namespace r2p::ui
