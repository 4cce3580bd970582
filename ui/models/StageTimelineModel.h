// The Reasoning dock's timeline: the stages of StagesModel grouped by kind (retrieve, the HRT
// levels, the candidates, the cross-reference, final, score), each with where its bar starts and
// how long it is on the run's clock (elapsed time or tokens, like a trace viewer's flame chart),
// and where its RPI interventions fell. Groups of one stage (retrieve, final, score) are the
// stage itself.
#pragma once

#include "model/Trace.h"

#include <QAbstractItemModel>
#include <QList>
#include <vector>

namespace r2p::ui {

class StagesModel;
class RunController;

class StageTimelineModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { ColumnName = 0, ColumnBar, ColumnCount };
    // StagesModel's roles pass through for stage rows; these are the timeline's own.
    enum Role {
        BarStartRole = Qt::UserRole + 40, // double, 0..1 of the run's total
        BarLengthRole,                    // double, 0..1 of the run's total
        FlagsRole,     // QVariantList of double: interventions, 0..1 of the run's total
        KindRole,      // Kind of the row's group
        GroupRole,     // true for a group of several stages
        SourceRowRole, // the StagesModel row, or -1 for a group
    };
    enum class Kind { Retrieve = 1, Levels, Candidates, CrossReference, Final, Score, Other };
    enum class Measure { Time = 1, Tokens };

    StageTimelineModel(StagesModel* stages, RunController* controller, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // Bars by elapsed time or by tokens.
    Measure measure() const { return measure_; }
    void setMeasure(Measure measure);

    // The StagesModel row an index stands for (-1: a group), and back (column 0).
    int sourceRow(const QModelIndex& index) const;
    QModelIndex indexOfSourceRow(int sourceRow) const;

    static Kind kindOf(StageId stage, int candidate);
    static QString kindName(Kind kind);

private:
    struct Group {
        Kind kind = Kind::Other;
        std::vector<int> rows; // StagesModel rows
    };
    struct Bar {
        double start = 0, length = 0;
        QVariantList flags;
        bool valid = false;
    };
    void rebuild();
    void measureBars();
    bool leaf(const Group& g) const { return g.rows.size() == 1 && g.kind != Kind::Levels; }
    QVariant stageData(int sourceRow, int column, int role) const;
    QVariant groupData(const Group& g, int column, int role) const;
    Bar groupBar(const Group& g) const;

    StagesModel* stages_;
    RunController* controller_;
    Measure measure_ = Measure::Time;
    std::vector<Group> groups_;
    std::vector<Bar> bars_; // by StagesModel row
};

} // namespace r2p::ui
