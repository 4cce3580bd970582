// Paints the timeline's bar column: a track spanning the run, the stage's bar where it ran on the
// run's clock (coloured by the stage's kind), a flag for each RPI intervention, and the figure
// (time, tokens, or the score with ✔/✖) to the right.
#pragma once

#include <QStyledItemDelegate>

namespace r2p::ui {

class StageBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace r2p::ui
