// The Verdicts dock: the candidates against their evidence, with verdict badges, agreement and
// the final choice with its reason.
#pragma once

#include <QDockWidget>

class QLabel;
class QTableView;
class QTableWidget;

namespace r2p::ui {

class RunController;
class Session;
class VerdictsModel;

class VerdictsDock : public QDockWidget {
    Q_OBJECT
public:
    VerdictsDock(Session* session, RunController* controller, QWidget* parent = nullptr);
    QTableView* view() const { return view_; }
    VerdictsModel* model() const { return model_; }
    QLabel* finalLabel() const { return final_; }
    // Candidates (rows) against the retrieved items (columns): a mark where a candidate's
    // verdict rests on the item, coloured by that verdict.
    QTableWidget* matrix() const { return matrix_; }

private:
    void updateFinal();
    void updateMatrix();
    Session* session_;
    RunController* controller_;
    QTableView* view_;
    VerdictsModel* model_;
    QLabel* final_;
    QTableWidget* matrix_;
};

} // namespace r2p::ui
