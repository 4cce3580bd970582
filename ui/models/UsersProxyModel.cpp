#include "UsersProxyModel.h"

#include "UsersModel.h"

namespace r2p::ui {

UsersProxyModel::UsersProxyModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(UsersModel::SortRole);
}

void UsersProxyModel::setUserFilter(const UserFilter& filter) {
    filter_ = filter;
    invalidateFilter();
}

bool UsersProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (filter_.isEmpty())
        return true;
    const auto* model = qobject_cast<const UsersModel*>(sourceModel());
    if (!model || !model->dataset() || sourceParent.isValid())
        return true;
    return filter_.accepts(model->dataset()->users[static_cast<std::size_t>(sourceRow)],
                           model->run());
}

bool UsersProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
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
