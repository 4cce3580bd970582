// The Profile pane: the selected user's profile items in ranking order with rank, score and the
// task's fields (or every field found, for an unknown task). Either only the retrieved top k
// or the full profile; a free-text search filters either.
#pragma once

#include "model/Record.h"
#include "model/Task.h"
#include "pipeline/retrieval/Retriever.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <memory>

namespace r2p::ui {

class ProfileModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        SearchTextRole = Qt::UserRole + 1,
        ItemIndexRole,    // position in the profile
        RankRole,         // 1-based rank; a large number when not ranked yet
        MatchedTermsRole, // QStringList of query tokens found in the item
        RetrievedRole,    // bool: within the top k
        CitedRole,        // bool: cited by the selected stage or verdict
    };
    enum Column { ColumnRank = 0, ColumnScore, ColumnId, FixedColumns };

    explicit ProfileModel(QObject* parent = nullptr);
    void setRecord(std::shared_ptr<const UserRecord> record, TaskId task);
    // `ranking` may be null (not computed yet): items then show in file order.
    void setRanking(std::shared_ptr<const retrieval::Ranking> ranking, int k, bool fullProfile);
    // Items (by profile id) the selected stage or verdict cites: marked with a star.
    void setCited(const QStringList& profileIds);
    const UserRecord* record() const { return record_.get(); }
    const retrieval::Ranking* ranking() const { return ranking_.get(); }
    int retrievedCount() const;
    // The field key shown in a column ("id" for ColumnId); empty for rank and score.
    QString fieldKey(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A translated column title for a LaMP field name.
    static QString fieldTitle(const QString& key);

private:
    void rebuildRows();

    std::shared_ptr<const UserRecord> record_;
    std::shared_ptr<const retrieval::Ranking> ranking_;
    int k_ = 5;
    bool full_ = false;
    QStringList fields_;                 // text columns after the fixed ones
    std::vector<std::string> fieldKeys_; // the same, for lookups while painting
    std::vector<std::size_t> rows_;      // profile index shown in each row
    std::vector<int> rankOf_;            // per profile index: 1-based rank, 0 when unranked
    std::vector<const retrieval::RetrievedItem*> itemOf_; // per profile index
    std::vector<bool> citedOf_;                           // per profile index
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
