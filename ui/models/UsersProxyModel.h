// Sorting and filtering of the Users list (numeric-aware sort, UserFilter terms).
#pragma once

#include "UserFilter.h"

#include <QSortFilterProxyModel>

namespace r2p::ui {

class UsersProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit UsersProxyModel(QObject* parent = nullptr);
    void setUserFilter(const UserFilter& filter);
    const UserFilter& userFilter() const { return filter_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    UserFilter filter_;
};

} // namespace r2p::ui
