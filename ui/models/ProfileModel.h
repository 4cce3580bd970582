// The Profile pane: every item of the selected user with the task's fields as columns (or,
// for an unknown task, every field found), plus a free-text search over all fields.
#pragma once

#include "model/Record.h"
#include "model/Task.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <memory>

namespace r2p::ui {

class ProfileModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { SearchTextRole = Qt::UserRole + 1, ItemIndexRole };

    explicit ProfileModel(QObject* parent = nullptr);
    void setRecord(std::shared_ptr<const UserRecord> record, TaskId task);
    const UserRecord* record() const { return record_.get(); }
    // The field key shown in a column ("id" for column 1); empty for the # column.
    QString fieldKey(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A translated column title for a LaMP field name.
    static QString fieldTitle(const QString& key);

private:
    std::shared_ptr<const UserRecord> record_;
    QStringList fields_; // text columns after # and id
};

class ProfileSearchProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ProfileSearchProxy(QObject* parent = nullptr);
    void setSearchText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString text_;
};

} // namespace r2p::ui
