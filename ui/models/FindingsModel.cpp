#include "FindingsModel.h"

#include "ui/FindingText.h"

#include <algorithm>

namespace r2p::ui {

FindingsModel::FindingsModel(QObject* parent) : QAbstractTableModel(parent) {}

void FindingsModel::setFindings(std::vector<Finding> findings) {
    beginResetModel();
    findings_ = std::move(findings);
    // Worst first, file order within a severity.
    std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
        return static_cast<int>(a.severity) > static_cast<int>(b.severity);
    });
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(findings_.size());
}

int FindingsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Finding& f = findings_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ColumnSeverity:
            return severityText(f.severity);
        case ColumnMessage:
            return findingText(f);
        case ColumnRecord:
            return QString::fromStdString(f.recordId);
        case ColumnLocation:
            return findingLocation(f);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ColumnLocation)
            return QString::fromStdString(f.file);
        return findingText(f);
    case Qt::DecorationRole:
        if (index.column() == ColumnSeverity)
            return severityIcon(f.severity);
        break;
    case RecordIdRole:
        return QString::fromStdString(f.recordId);
    case SeverityRole:
        return static_cast<int>(f.severity);
    default:
        break;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ColumnSeverity:
        return tr("Severity");
    case ColumnMessage:
        return tr("Finding");
    case ColumnRecord:
        return tr("Record");
    case ColumnLocation:
        return tr("Location");
    }
    return {};
}

} // namespace r2p::ui
