#include "ProfileModel.h"

namespace r2p::ui {

namespace {
constexpr int kFixedColumns = 2; // #, id
constexpr int kCellChars = 300;  // table cells show the start; the detail pane shows it all
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
    endResetModel();
}

QString ProfileModel::fieldKey(int column) const {
    if (column == 1)
        return QStringLiteral("id");
    if (column >= kFixedColumns && column - kFixedColumns < fields_.size())
        return fields_[column - kFixedColumns];
    return {};
}

int ProfileModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !record_)
        return 0;
    return static_cast<int>(record_->profile.size());
}

int ProfileModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kFixedColumns + static_cast<int>(fields_.size());
}

QVariant ProfileModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !record_ || index.row() >= rowCount())
        return {};
    const auto& item = record_->profile[static_cast<std::size_t>(index.row())];
    auto fieldText = [&](int column) -> QString {
        if (column == 0)
            return QString::number(index.row() + 1);
        if (column == 1)
            return QString::fromStdString(item.id);
        const std::string_view v = item.field(fields_[column - kFixedColumns].toStdString());
        return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
    };
    switch (role) {
    case Qt::DisplayRole: {
        QString s = fieldText(index.column());
        if (s.size() > kCellChars)
            s = s.left(kCellChars) + QChar(0x2026);
        return s.simplified();
    }
    case Qt::ToolTipRole:
        if (index.column() >= kFixedColumns) {
            const QString s = fieldText(index.column());
            return s.size() > 2000 ? s.left(2000) + QChar(0x2026) : s;
        }
        return {};
    case SearchTextRole: {
        QString all = QString::fromStdString(item.id);
        for (const auto& [key, value] : item.fields)
            all += QLatin1Char('\n') + QString::fromStdString(value);
        return all;
    }
    case ItemIndexRole:
        return index.row();
    case Qt::TextAlignmentRole:
        if (index.column() == 0)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ProfileModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return tr("#");
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
    if (left.column() == 0)
        return left.data(ProfileModel::ItemIndexRole).toInt() <
               right.data(ProfileModel::ItemIndexRole).toInt();
    const QString a = left.data().toString(), b = right.data().toString();
    bool an = false, bn = false;
    const double x = a.toDouble(&an), y = b.toDouble(&bn);
    if (an && bn)
        return x < y;
    return QString::localeAwareCompare(a, b) < 0;
}

} // namespace r2p::ui
