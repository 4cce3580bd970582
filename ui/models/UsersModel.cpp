#include "UsersModel.h"

namespace r2p::ui {

UsersModel::UsersModel(QObject* parent) : QAbstractTableModel(parent) {}

void UsersModel::setDataset(std::shared_ptr<const DatasetIndex> dataset) {
    beginResetModel();
    dataset_ = std::move(dataset);
    endResetModel();
}

int UsersModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !dataset_)
        return 0;
    return static_cast<int>(dataset_->users.size());
}

int UsersModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !dataset_ || index.row() >= rowCount())
        return {};
    const auto& u = dataset_->users[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ColumnOrder:
            return index.row() + 1;
        case ColumnId:
            return QString::fromStdString(u.id);
        case ColumnProfile:
            return u.profileSize;
        case ColumnGold:
            if (!u.hasGold)
                return role == Qt::ToolTipRole ? tr("No gold output for this user") : QString();
            return QString::fromStdString(u.gold);
        case ColumnUser:
            return QString::fromStdString(u.userId);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case ColumnOrder:
            return index.row();
        case ColumnId: {
            bool numeric = false;
            const qlonglong n = QString::fromStdString(u.id).toLongLong(&numeric);
            // Numeric ids sort as numbers, before any non-numeric ones.
            return numeric ? QVariant(n) : QVariant(QString::fromStdString(u.id));
        }
        case ColumnProfile:
            return u.profileSize;
        case ColumnGold:
            return QString::fromStdString(u.gold);
        case ColumnUser:
            return QString::fromStdString(u.userId);
        }
        break;
    case DatasetRowRole:
        return index.row();
    case Qt::TextAlignmentRole:
        if (index.column() == ColumnOrder || index.column() == ColumnProfile)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == ColumnOrder)
            return QVariant(); // left to the style; dimmed via the delegate palette
        break;
    default:
        break;
    }
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ColumnOrder:
            return tr("#");
        case ColumnId:
            return tr("ID");
        case ColumnProfile:
            return tr("Profile");
        case ColumnGold:
            return tr("Gold");
        case ColumnUser:
            return tr("User");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case ColumnOrder:
            return tr("Position in the questions file");
        case ColumnId:
            return tr("Question id");
        case ColumnProfile:
            return tr("Number of profile items");
        case ColumnGold:
            return tr("Gold output from the outputs file");
        case ColumnUser:
            return tr("User id (time-based splits)");
        }
    }
    return {};
}

} // namespace r2p::ui
