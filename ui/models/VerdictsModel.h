// The cross-reference verdicts of the selected user's run: each candidate with its verdict, the
// evidence items, its agreement with the others, and which one was chosen.
#pragma once

#include "model/Trace.h"

#include <QAbstractTableModel>

namespace r2p::ui {

class RunController;

class VerdictsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ColumnCandidate = 0,
        ColumnAnswer,
        ColumnVerdict,
        ColumnEvidence,
        ColumnAgreement,
        ColumnChosen,
        ColumnCount
    };
    enum Role { VerdictRole = Qt::UserRole + 1, EvidenceRole, ChosenRole };

    explicit VerdictsModel(RunController* controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    RunController* controller_;
    std::vector<VerdictRecord> verdicts_;
};

} // namespace r2p::ui
