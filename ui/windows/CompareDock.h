// The Compare dock: R2P and the chosen baseline of the shown run (Session's choice) side by side
// for the selected user: each final answer with its words marked where they match the gold
// (what ROUGE-L counts), its scores and, for a baseline that reasons, its reasoning; below,
// every stage of both, row by row.
#pragma once

#include "model/Trace.h"

#include <QDockWidget>

class QComboBox;
class QLabel;
class QTextBrowser;

namespace r2p::ui {

class Session;

class CompareDock : public QDockWidget {
    Q_OBJECT
public:
    CompareDock(Session* session, QWidget* parent = nullptr);
    QComboBox* baselineChooser() const { return baseline_; }
    QTextBrowser* leftView() const { return left_; }
    QTextBrowser* rightView() const { return right_; }
    QLabel* goldLabel() const { return gold_; }
    // Every stage of both systems in one table, row by row (a baseline's request beside R2P's
    // answer).
    QTextBrowser* stagesView() const { return stages_; }

private:
    void onRunChanged();
    void refresh();
    QString render(const UserTrace& trace, bool found) const;
    QString renderStages(const UserTrace& mine, const UserTrace& theirs) const;

    Session* session_;
    QComboBox* baseline_;
    QLabel* gold_;
    QTextBrowser* left_;
    QTextBrowser* right_;
    QTextBrowser* stages_;
    bool stale_ = true; // the selection changed while the dock was hidden
};

} // namespace r2p::ui
