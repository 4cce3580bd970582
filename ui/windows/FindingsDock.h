// The Findings dock: every problem found in the input and in the shown run (what the status
// bar's run findings count), worst first; activating one selects the user it names, and a run
// finding lists all its users in the Users view.
#pragma once

#include <QDockWidget>

class QTableView;

namespace r2p::ui {

class FindingsModel;
class Session;

class FindingsDock : public QDockWidget {
    Q_OBJECT
public:
    FindingsDock(Session* session, QWidget* parent = nullptr);
    QTableView* view() const { return view_; }
    FindingsModel* model() const { return model_; }

private:
    Session* session_;
    QTableView* view_;
    FindingsModel* model_;
};

} // namespace r2p::ui
