#include "AnnotationsModel.h"

#include "ui/AnnotationText.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace r2p::ui {

AnnotationsModel::AnnotationsModel(QObject* parent) : QAbstractTableModel(parent) {}

void AnnotationsModel::setAnnotations(std::vector<Annotation> annotations,
                                      const Taxonomy* taxonomy) {
    beginResetModel();
    rows_ = std::move(annotations);
    taxonomy_ = taxonomy;
    endResetModel();
}

int AnnotationsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int AnnotationsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnnotationsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Annotation& a = rows_[static_cast<std::size_t>(index.row())];
    if (role == IdRole)
        return static_cast<qlonglong>(a.id);
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case ColumnItem:
            return role == Qt::ToolTipRole && a.target == AnnotationTarget::Span
                       ? QString::fromStdString(a.spanText)
                       : AnnotationText::item(a);
        case ColumnLabel:
            if (role == Qt::ToolTipRole && taxonomy_)
                return AnnotationText::labelDescription(*taxonomy_, a.label);
            return taxonomy_ ? AnnotationText::labelName(*taxonomy_, a.label)
                             : QString::fromStdString(a.label);
        case ColumnSeverity:
            return AnnotationText::severity(a.severity);
        case ColumnAnnotator:
            return QString::fromStdString(a.annotator);
        case ColumnNote:
            return QString::fromStdString(a.note);
        case ColumnTime: {
            const QDateTime t =
                QDateTime::fromString(QString::fromStdString(a.createdAt), Qt::ISODate);
            if (role == Qt::ToolTipRole)
                return tr("%1 · template %2 v%3")
                    .arg(QString::fromStdString(a.createdAt), QString::fromStdString(a.templateId))
                    .arg(a.templateVersion);
            return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat)
                               : QString::fromStdString(a.createdAt);
        }
        default:
            break;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == ColumnSeverity &&
        a.severity == AnnotationSeverity::Critical)
        return QColor(0xd2, 0x3c, 0x3c);
    return {};
}

bool AnnotationsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole || index.column() != ColumnNote)
        return false;
    Annotation& a = rows_[static_cast<std::size_t>(index.row())];
    const QString note = value.toString();
    if (commit_ && !commit_(a, note))
        return false;
    a.note = note.toStdString();
    emit dataChanged(index, index);
    return true;
}

Qt::ItemFlags AnnotationsModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == ColumnNote)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant AnnotationsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ColumnItem:
        return tr("Item");
    case ColumnLabel:
        return tr("Label");
    case ColumnSeverity:
        return tr("Severity");
    case ColumnAnnotator:
        return tr("Annotator");
    case ColumnNote:
        return tr("Note");
    case ColumnTime:
        return tr("Time");
    default:
        return {};
    }
}

} // namespace r2p::ui
