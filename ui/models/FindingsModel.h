// The Findings list: severity, message, location and record of each finding.
#pragma once

#include "model/Finding.h"

#include <QAbstractTableModel>
#include <vector>

namespace r2p::ui {

class FindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ColumnSeverity = 0, ColumnMessage, ColumnRecord, ColumnLocation, ColumnCount };
    enum Role { RecordIdRole = Qt::UserRole + 1, SeverityRole };

    explicit FindingsModel(QObject* parent = nullptr);
    void setFindings(std::vector<Finding> findings);
    const std::vector<Finding>& findings() const { return findings_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<Finding> findings_;
};

} // namespace r2p::ui
