#include "UsersProxyModel.h"

#include "UsersModel.h"

namespace r2p::ui {

UsersProxyModel::UsersProxyModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(UsersModel::SortRole);
}

void UsersProxyModel::setUserFilter(const UserFilter& filter) {
    filter_ = filter;
    // One layout change rather than a removal per stretch of rows: scattered changes over 100k
    // rows would otherwise cost the views seconds.
    invalidate();
}

bool UsersProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (filter_.isEmpty())
        return true;
    const auto* model = qobject_cast<const UsersModel*>(sourceModel());
    if (!model || !model->dataset() || sourceParent.isValid())
        return true;
    return filter_.accepts(model->dataset()->users[static_cast<std::size_t>(sourceRow)],
                           model->run(), model->annotationCounts(), model->tagFacts());
}

bool UsersProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    // File order and profile sizes compare straight from the index (no QVariant per compare),
    // which keeps re-sorting 100k users after a filter change cheap.
    if (left.column() == UsersModel::ColumnOrder)
        return left.row() < right.row();
    if (left.column() == UsersModel::ColumnProfile) {
        const auto* model = qobject_cast<const UsersModel*>(sourceModel());
        if (model && model->dataset()) {
            const auto& users = model->dataset()->users;
            return users[static_cast<std::size_t>(left.row())].profileSize <
                   users[static_cast<std::size_t>(right.row())].profileSize;
        }
    }
    const QVariant a = left.data(UsersModel::SortRole), b = right.data(UsersModel::SortRole);
    const bool an = a.typeId() == QMetaType::LongLong || a.typeId() == QMetaType::Int ||
                    a.typeId() == QMetaType::UInt;
    const bool bn = b.typeId() == QMetaType::LongLong || b.typeId() == QMetaType::Int ||
                    b.typeId() == QMetaType::UInt;
    if (an && bn)
        return a.toLongLong() < b.toLongLong();
    if (an != bn)
        return an; // numbers first
    return QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive) < 0;
}

} // namespace r2p::ui
