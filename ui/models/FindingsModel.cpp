#include "FindingsModel.h"

#include "ui/FindingText.h"

#include <QLocale>
#include <QStringList>
#include <algorithm>

namespace r2p::ui {

FindingsModel::FindingsModel(QObject* parent) : QAbstractTableModel(parent) {}

void FindingsModel::setFindings(std::vector<Finding> findings) {
    beginResetModel();
    findings_ = std::move(findings);
    rebuildRows();
    endResetModel();
}

void FindingsModel::setRunFindings(std::int64_t runId, std::vector<RunFinding> findings) {
    beginResetModel();
    runId_ = runId;
    runFindings_ = runId > 0 ? std::move(findings) : std::vector<RunFinding>{};
    rebuildRows();
    endResetModel();
}

void FindingsModel::rebuildRows() {
    rows_.clear();
    for (std::size_t i = 0; i < runFindings_.size(); ++i)
        rows_.push_back({true, i});
    for (std::size_t i = 0; i < findings_.size(); ++i)
        rows_.push_back({false, i});
    // Worst first; the run's findings, then file order within a severity.
    auto severity = [this](const Row& r) {
        return static_cast<int>(r.run ? runFindings_[r.index].severity
                                      : findings_[r.index].severity);
    };
    std::stable_sort(rows_.begin(), rows_.end(),
                     [&](const Row& a, const Row& b) { return severity(a) > severity(b); });
}

int FindingsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int FindingsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::runData(const RunFinding& f, int column, int role) const {
    const QString first = QString::fromStdString(f.users.front());
    const int more = static_cast<int>(f.users.size()) - 1;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ColumnSeverity:
            return severityText(f.severity);
        case ColumnMessage:
            return f.text;
        case ColumnRecord:
            return more > 0 ? tr("%1 and %n more", nullptr, more).arg(first) : first;
        case ColumnLocation:
            return tr("Run %1").arg(runId_);
        }
        break;
    case Qt::ToolTipRole: {
        if (column != ColumnRecord)
            return tr("%1 — activate to list them in Users (%2)").arg(f.text, f.filter);
        QStringList ids;
        for (std::size_t i = 0; i < f.users.size() && i < 20; ++i)
            ids << QString::fromStdString(f.users[i]);
        if (f.users.size() > 20)
            ids << QStringLiteral("…");
        return ids.join(QStringLiteral(", "));
    }
    case Qt::DecorationRole:
        if (column == ColumnSeverity)
            return severityIcon(f.severity);
        break;
    case RecordIdRole:
        return first;
    case SeverityRole:
        return static_cast<int>(f.severity);
    case UserFilterRole:
        return f.filter;
    case RunRole:
        return static_cast<qlonglong>(runId_);
    default:
        break;
    }
    return {};
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    if (row.run)
        return runData(runFindings_[row.index], index.column(), role);
    const Finding& f = findings_[row.index];
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
    case UserFilterRole:
        return QString();
    case RunRole:
        return qlonglong(0);
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
