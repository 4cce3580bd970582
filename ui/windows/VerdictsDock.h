// The Verdicts dock: the candidates against their evidence, with verdict badges, agreement and
// the final choice with its reason.
#pragma once

#include <QDockWidget>

class QLabel;
class QTableView;

namespace r2p::ui {

class RunController;
class VerdictsModel;

class VerdictsDock : public QDockWidget {
    Q_OBJECT
public:
    VerdictsDock(RunController* controller, QWidget* parent = nullptr);
    QTableView* view() const { return view_; }
    VerdictsModel* model() const { return model_; }
    QLabel* finalLabel() const { return final_; }

private:
    void updateFinal();
    RunController* controller_;
    QTableView* view_;
    VerdictsModel* model_;
    QLabel* final_;
};

} // namespace r2p::ui
