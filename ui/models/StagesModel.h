// The stage timeline of the selected user's run: one row per recorded step (candidates and
// verdicts each their own), then the stage in progress, then the stages still to come.
#pragma once

#include "model/Trace.h"

#include <QAbstractTableModel>
#include <vector>

namespace r2p::ui {

class RunController;

class StagesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ColumnStage = 0, ColumnStatus, ColumnTokens, ColumnTime, ColumnRpi, ColumnCount };
    enum Role { StepIndexRole = Qt::UserRole + 1, StageRole, CandidateRole, StateRole };
    enum class State { Pending = 1, Running, Done, Failed };

    explicit StagesModel(RunController* controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The row of a step (by its index in the trace), or of the running stage with -1; -1 if none.
    int rowOfStep(int stepIndex) const;
    int runningRow() const;
    // The server's own figures of a step (usage, speed, request id, endpoint or cache), one line
    // each, for the tooltip beside the client-measured tokens and time; empty when none.
    static QString serverFigures(const StepRecord& step);

private:
    struct Row {
        StageId stage = StageId::Invalid;
        int candidate = 0;
        int step = -1; // index into the trace's steps
        State state = State::Pending;
    };
    void rebuild();

    RunController* controller_;
    std::vector<Row> rows_;
};

} // namespace r2p::ui
