// Reasoning length against accuracy for the run the Users view shows (the Analysis dock's
// "Reasoning length" page): each system's main metric over quantile bins of its reasoning
// tokens per answer with its 95% interval as a band, and each HRT level's tokens
// for right and wrong answers — what `r2p compare --by reasoning-length` prints. Counted off the
// GUI thread on a read-only connection of its own, when the page is shown.
#pragma once

#include "model/Result.h"
#include "ui/util/LatestTask.h"

#include <QWidget>

class QChartView;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace r2p::analysis {
struct ReasoningLength;
}

namespace r2p::ui {

class Session;

class ReasoningLengthView : public QWidget {
    Q_OBJECT
public:
    explicit ReasoningLengthView(Session* session, QWidget* parent = nullptr);
    ~ReasoningLengthView() override;

    QChartView* chart() const { return chart_; }
    QTableWidget* binTable() const { return bins_; }
    QTableWidget* levelTable() const { return levels_; }
    QSpinBox* binCount() const { return binCount_; }
    QLabel* status() const { return status_; }
    bool isCounting() const { return tasks_.isPending(QStringLiteral("length")); }

    // Counts again for the shown run (when the page is visible; else when it is next shown).
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void show(const Result<analysis::ReasoningLength>& result);

    Session* session_;
    QSpinBox* binCount_;
    QLabel* status_;
    QChartView* chart_;
    QTableWidget* bins_;
    QTableWidget* levels_;
    bool dirty_ = true;
    LatestTask tasks_; // last, so it stops first
};

} // namespace r2p::ui
