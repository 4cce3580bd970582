// The Users list: one row per indexed user (id, profile size, gold; with a stored run, R2P's and
// a baseline's answers and scores, the delta, interventions, contradicted verdicts and
// annotations). Virtual:
// rows are read straight from the shared DatasetIndex, so 100k users cost nothing until shown.
#pragma once

#include "model/Dataset.h"
#include "ui/RunResults.h"

#include <QAbstractTableModel>
#include <memory>

namespace r2p::ui {

class UsersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ColumnOrder = 0,
        ColumnId,
        ColumnProfile,
        ColumnGold,
        ColumnUser,
        ColumnR2p,      // R2P's answer and score (with a run)
        ColumnBaseline, // the compared baseline's
        ColumnDelta,    // R2P - baseline on the main metric
        ColumnRpi,      // interventions
        ColumnVerdicts, // contradicted verdicts
        ColumnNotes,    // annotations on the shown run (◷: also on an earlier run)
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, DatasetRowRole };

    explicit UsersModel(QObject* parent = nullptr);
    void setDataset(std::shared_ptr<const DatasetIndex> dataset);
    const DatasetIndex* dataset() const { return dataset_.get(); }
    // A stored run's results for the run columns (null: none).
    void setRun(std::shared_ptr<const RunResults> run);
    const RunResults* run() const { return run_.get(); }
    // The annotation state shown in the Notes column.
    void setAnnotationCounts(std::shared_ptr<const AnnotationCounts> counts);
    const AnnotationCounts* annotationCounts() const { return counts_.get(); }
    // The shown run's tagged-chain facts, for the filter's tag terms (null until one is used).
    void setTagFacts(std::shared_ptr<const TagFacts> facts) { tagFacts_ = std::move(facts); }
    const TagFacts* tagFacts() const { return tagFacts_.get(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant runData(const UserIndexEntry& user, int column, int role) const;
    QVariant notesData(const UserIndexEntry& user, int role) const;
    std::shared_ptr<const DatasetIndex> dataset_;
    std::shared_ptr<const RunResults> run_;
    std::shared_ptr<const AnnotationCounts> counts_;
    std::shared_ptr<const TagFacts> tagFacts_;
};

} // namespace r2p::ui
