#include "StageBarDelegate.h"

#include "ui/models/StageTimelineModel.h"
#include "ui/models/StagesModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace r2p::ui {

namespace {

QColor kindColor(StageTimelineModel::Kind kind) {
    switch (kind) {
    case StageTimelineModel::Kind::Retrieve:
        return QColor(0x8a, 0x8f, 0x98);
    case StageTimelineModel::Kind::Levels:
        return QColor(0x3d, 0x7e, 0xd6);
    case StageTimelineModel::Kind::Candidates:
        return QColor(0x1f, 0x9e, 0x9a);
    case StageTimelineModel::Kind::CrossReference:
        return QColor(0x8b, 0x5c, 0xc9);
    case StageTimelineModel::Kind::Final:
        return QColor(0x2e, 0x9e, 0x4f);
    case StageTimelineModel::Kind::Score:
    case StageTimelineModel::Kind::Other:
        break;
    }
    return QColor(0x6b, 0x72, 0x80);
}

} // namespace

QSize StageBarDelegate::sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + 160); // room for the bar beside the figure
    return size;
}

void StageBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString figure = opt.text;
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRect cell = opt.rect.adjusted(4, 3, -4, -3);
    // The figure first (it is what a reader looks for); the bar gets the rest, at least a third.
    const int textWidth =
        std::min(cell.width() * 4 / 5, opt.fontMetrics.horizontalAdvance(figure) + 16);
    const QRect track(cell.left(), cell.top(), cell.width() - textWidth, cell.height());
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    QColor trackColor = opt.palette.color(QPalette::Text);
    trackColor.setAlphaF(0.08f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColor);
    painter->drawRoundedRect(track, 3, 3);

    const QVariant start = index.data(StageTimelineModel::BarStartRole);
    const QVariant length = index.data(StageTimelineModel::BarLengthRole);
    const bool group = index.data(StageTimelineModel::GroupRole).toBool();
    if (start.isValid() && length.isValid() && track.width() > 4) {
        const auto kind =
            static_cast<StageTimelineModel::Kind>(index.data(StageTimelineModel::KindRole).toInt());
        QColor color = kindColor(kind);
        if (index.data(StagesModel::StateRole).toInt() ==
            static_cast<int>(StagesModel::State::Failed))
            color = QColor(0xd2, 0x3c, 0x3c);
        if (group)
            color.setAlphaF(0.45f); // a group's span, behind its stages' own bars
        const double x = track.left() + start.toDouble() * track.width();
        const double w = std::max(2.0, length.toDouble() * track.width());
        const QRectF bar(x, track.top() + (group ? track.height() * 0.3 : 0), w,
                         group ? track.height() * 0.4 : track.height());
        painter->setBrush(color);
        painter->drawRoundedRect(bar, 2, 2);
        // A flag on the bar for each intervention: a pole and a red pennant.
        for (const QVariant& f : index.data(StageTimelineModel::FlagsRole).toList()) {
            const double fx = track.left() + f.toDouble() * track.width();
            painter->setPen(QPen(opt.palette.color(textRole), 1.2));
            painter->drawLine(QPointF(fx, track.top()), QPointF(fx, track.bottom()));
            QPainterPath pennant;
            pennant.moveTo(fx, track.top());
            pennant.lineTo(fx + 7, track.top() + 3);
            pennant.lineTo(fx, track.top() + 6);
            pennant.closeSubpath();
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0xe0, 0x3a, 0x2f));
            painter->drawPath(pennant);
        }
    }
    painter->setPen(opt.palette.color(textRole));
    painter->drawText(QRect(track.right() + 4, cell.top(), textWidth - 4, cell.height()),
                      Qt::AlignVCenter | Qt::AlignLeft,
                      opt.fontMetrics.elidedText(figure, Qt::ElideRight, textWidth - 4));
    painter->restore();
}

} // namespace r2p::ui
