// The annotations of the selected user's run: item, label, severity, annotator, note and time.
// The note can be edited in place; an edit is committed to the project at once.
#pragma once

#include "model/Annotation.h"

#include <QAbstractTableModel>
#include <functional>
#include <vector>

namespace r2p::ui {

class AnnotationsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ColumnItem = 0,
        ColumnLabel,
        ColumnSeverity,
        ColumnAnnotator,
        ColumnNote,
        ColumnTime,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit AnnotationsModel(QObject* parent = nullptr);
    void setAnnotations(std::vector<Annotation> annotations, const Taxonomy* taxonomy);
    const std::vector<Annotation>& annotations() const { return rows_; }
    // Called when a note is edited; returns false (and the edit is undone) on failure.
    void setNoteCommitter(std::function<bool(const Annotation&, const QString&)> commit) {
        commit_ = std::move(commit);
    }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<Annotation> rows_;
    const Taxonomy* taxonomy_ = nullptr;
    std::function<bool(const Annotation&, const QString&)> commit_;
};

} // namespace r2p::ui
