#include "ProfileModel.h"

#include <QBrush>
#include <QFont>

namespace r2p::ui {

namespace {
constexpr int kCellChars = 300; // table cells show the start; the detail pane shows it all
} // namespace

ProfileModel::ProfileModel(QObject* parent) : QAbstractTableModel(parent) {}

QString ProfileModel::fieldTitle(const QString& key) {
    if (key == QLatin1String("title"))
        return tr("Title");
    if (key == QLatin1String("abstract"))
        return tr("Abstract");
    if (key == QLatin1String("description"))
        return tr("Description");
    if (key == QLatin1String("tag"))
        return tr("Tag");
    if (key == QLatin1String("text"))
        return tr("Text");
    if (key == QLatin1String("category"))
        return tr("Category");
    if (key == QLatin1String("score"))
        return tr("Score");
    if (key == QLatin1String("date"))
        return tr("Date");
    if (key == QLatin1String("id"))
        return tr("ID");
    return key;
}

void ProfileModel::setRecord(std::shared_ptr<const UserRecord> record, TaskId task) {
    beginResetModel();
    record_ = std::move(record);
    ranking_.reset();
    citedOf_.clear();
    fields_.clear();
    if (record_) {
        // The task's fields first, in LaMP's order, then anything else the items carry.
        if (task != TaskId::Invalid)
            for (auto f : taskSpec(task).itemFields)
                fields_ << QString::fromUtf8(f.data(), static_cast<qsizetype>(f.size()));
        for (const auto& item : record_->profile)
            for (const auto& [key, value] : item.fields) {
                const QString k = QString::fromStdString(key);
                if (!fields_.contains(k))
                    fields_ << k;
            }
    }
    fieldKeys_.clear();
    for (const QString& f : fields_)
        fieldKeys_.push_back(f.toStdString());
    rebuildRows();
    endResetModel();
}

void ProfileModel::setRanking(std::shared_ptr<const retrieval::Ranking> ranking, int k,
                              bool fullProfile) {
    beginResetModel();
    ranking_ = std::move(ranking);
    k_ = k;
    full_ = fullProfile;
    rebuildRows();
    endResetModel();
}

void ProfileModel::rebuildRows() {
    rows_.clear();
    const std::size_t n = record_ ? record_->profile.size() : 0;
    rankOf_.assign(n, 0);
    itemOf_.assign(n, nullptr);
    if (!record_)
        return;
    if (!ranking_) {
        for (std::size_t i = 0; i < n; ++i)
            rows_.push_back(i);
        return;
    }
    int rank = 0;
    for (const auto& item : ranking_->items) {
        if (item.profileIndex >= n)
            continue;
        rankOf_[item.profileIndex] = ++rank;
        itemOf_[item.profileIndex] = &item;
        if (full_ || k_ == 0 || rank <= k_)
            rows_.push_back(item.profileIndex);
    }
    if (full_) // items the ranker left out (e.g. an empty profile text) still belong to the profile
        for (std::size_t i = 0; i < n; ++i)
            if (rankOf_[i] == 0)
                rows_.push_back(i);
}

int ProfileModel::retrievedCount() const {
    if (!ranking_)
        return 0;
    const int ranked = static_cast<int>(ranking_->items.size());
    return k_ == 0 ? ranked : std::min(k_, ranked);
}

QString ProfileModel::fieldKey(int column) const {
    if (column == ColumnId)
        return QStringLiteral("id");
    if (column >= FixedColumns && column - FixedColumns < fields_.size())
        return fields_[column - FixedColumns];
    return {};
}

int ProfileModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ProfileModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : FixedColumns + static_cast<int>(fields_.size());
}

void ProfileModel::setCited(const QStringList& profileIds) {
    std::vector<bool> cited(record_ ? record_->profile.size() : 0, false);
    if (record_)
        for (std::size_t i = 0; i < record_->profile.size(); ++i)
            cited[i] = profileIds.contains(QString::fromStdString(record_->profile[i].id));
    if (cited == citedOf_)
        return;
    citedOf_ = std::move(cited);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {Qt::DisplayRole, Qt::BackgroundRole, CitedRole});
}

QVariant ProfileModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !record_ || index.row() >= rowCount())
        return {};
    const std::size_t itemIndex = rows_[static_cast<std::size_t>(index.row())];
    const auto& item = record_->profile[itemIndex];
    const int rank = rankOf_[itemIndex];
    const retrieval::RetrievedItem* retrieved = itemOf_[itemIndex];
    const bool cited = itemIndex < citedOf_.size() && citedOf_[itemIndex];
    auto fieldText = [&](int column) -> QString {
        switch (column) {
        case ColumnRank: {
            const QString star = cited ? QStringLiteral("★ ") : QString();
            return rank > 0 ? star + QString::number(rank) : star;
        }
        case ColumnScore:
            return retrieved ? QString::number(retrieved->score, 'f', 3) : QString();
        case ColumnId:
            return QString::fromStdString(item.id);
        default: {
            const std::string_view v =
                item.field(fieldKeys_[static_cast<std::size_t>(column - FixedColumns)]);
            return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
        }
        }
    };
    switch (role) {
    case Qt::DisplayRole: {
        QString s = fieldText(index.column());
        if (s.size() > kCellChars)
            s = s.left(kCellChars) + QChar(0x2026);
        return s.simplified();
    }
    case Qt::ToolTipRole:
        if (index.column() >= FixedColumns) {
            const QString s = fieldText(index.column());
            return s.size() > 2000 ? s.left(2000) + QChar(0x2026) : s;
        }
        if (index.column() == ColumnScore && retrieved)
            return QString::number(retrieved->score, 'g', 17);
        return {};
    case SearchTextRole: {
        QString all = QString::fromStdString(item.id);
        for (const auto& [key, value] : item.fields)
            all += QLatin1Char('\n') + QString::fromStdString(value);
        return all;
    }
    case ItemIndexRole:
        return static_cast<int>(itemIndex);
    case RankRole:
        return rank > 0 ? rank : 1000000000;
    case MatchedTermsRole: {
        QStringList terms;
        if (retrieved && index.column() >= FixedColumns)
            for (const auto& t : retrieved->matchedTerms)
                terms << QString::fromStdString(t);
        return terms;
    }
    case RetrievedRole:
        return rank > 0 && (k_ == 0 || rank <= k_);
    case CitedRole:
        return cited;
    case Qt::BackgroundRole:
        if (cited)
            return QBrush(QColor(255, 214, 102, 90)); // amber, readable in light and dark
        return {};
    case Qt::FontRole:
        if (full_ && rank > 0 && (k_ == 0 || rank <= k_)) {
            QFont f;
            f.setBold(true); // in the full profile, the retrieved items stand out
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ColumnRank || index.column() == ColumnScore)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ProfileModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == ColumnScore)
        return tr("BM25 score; rankers without a score show (n − rank) / n");
    if (role != Qt::DisplayRole)
        return {};
    if (section == ColumnRank)
        return tr("Rank");
    if (section == ColumnScore)
        return tr("Score");
    return fieldTitle(fieldKey(section));
}

ProfileSearchProxy::ProfileSearchProxy(QObject* parent) : QSortFilterProxyModel(parent) {}

void ProfileSearchProxy::setSearchText(const QString& text) {
    text_ = text.trimmed();
    invalidateFilter();
}

bool ProfileSearchProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (text_.isEmpty())
        return true;
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString all = idx.data(ProfileModel::SearchTextRole).toString();
    const QStringList words = text_.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& w : words)
        if (!all.contains(w, Qt::CaseInsensitive))
            return false;
    return true;
}

bool ProfileSearchProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    if (left.column() == ProfileModel::ColumnRank)
        return left.data(ProfileModel::RankRole).toInt() <
               right.data(ProfileModel::RankRole).toInt();
    const QString a = left.data().toString(), b = right.data().toString();
    bool an = false, bn = false;
    const double x = a.toDouble(&an), y = b.toDouble(&bn);
    if (an && bn)
        return x < y;
    return QString::localeAwareCompare(a, b) < 0;
}

} // namespace r2p::ui
