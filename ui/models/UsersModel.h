// The Users list: one row per indexed user (id, profile size, gold). Virtual: rows are read
// straight from the shared DatasetIndex, so 100k users cost nothing until shown.
#pragma once

#include "model/Dataset.h"

#include <QAbstractTableModel>
#include <memory>

namespace r2p::ui {

class UsersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ColumnOrder = 0, ColumnId, ColumnProfile, ColumnGold, ColumnUser, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, DatasetRowRole };

    explicit UsersModel(QObject* parent = nullptr);
    void setDataset(std::shared_ptr<const DatasetIndex> dataset);
    const DatasetIndex* dataset() const { return dataset_.get(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const DatasetIndex> dataset_;
};

} // namespace r2p::ui
