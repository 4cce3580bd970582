#include "FlowLayout.h"

#include <QFrame>
#include <QWidget>
#include <algorithm>
#include <vector>

namespace r2p::ui {

namespace {

int gapOf(const QLayout& layout) {
    const int s = layout.spacing();
    return s >= 0 ? s : 4;
}

// A thin line 8 px wide that the layout can shrink to nothing where a row breaks.
class Separator : public QFrame {
public:
    explicit Separator(QWidget* parent) : QFrame(parent) {
        setFrameShape(QFrame::VLine);
        setFrameShadow(QFrame::Sunken);
    }
    QSize sizeHint() const override { return {8, 16}; }
    QSize minimumSizeHint() const override { return {0, 0}; }
};

} // namespace

FlowLayout::FlowLayout(QWidget* parent, Widths widths) : QLayout(parent), widths_(widths) {
    setContentsMargins(0, 0, 0, 0);
    setSpacing(2);
}

FlowLayout::~FlowLayout() {
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addSeparator() {
    addWidget(new Separator(parentWidget()));
    separators_ << items_.back();
}

void FlowLayout::addItem(QLayoutItem* item) {
    items_ << item;
}

int FlowLayout::count() const {
    return static_cast<int>(items_.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const {
    return index >= 0 && index < items_.size() ? items_[index] : nullptr;
}

QLayoutItem* FlowLayout::takeAt(int index) {
    if (index < 0 || index >= items_.size())
        return nullptr;
    QLayoutItem* item = items_.takeAt(index);
    separators_.removeAll(item);
    return item;
}

Qt::Orientations FlowLayout::expandingDirections() const {
    return {};
}

bool FlowLayout::hasHeightForWidth() const {
    return true;
}

int FlowLayout::heightForWidth(int width) const {
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const {
    QSize size;
    for (const QLayoutItem* item : items_)
        if (!item->isEmpty() && !isSeparator(item))
            size = size.expandedTo(item->minimumSize().expandedTo(item->sizeHint()));
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const {
    // Everything on one row (Columns: as many as there are items).
    int width = 0;
    int widest = 0;
    int n = 0;
    int height = 0;
    for (const QLayoutItem* item : items_) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        width += (n > 0 ? gapOf(*this) : 0) + hint.width();
        widest = std::max(widest, hint.width());
        height = std::max(height, hint.height());
        ++n;
    }
    if (widths_ == Widths::Columns && n > 0)
        width = n * widest + (n - 1) * gapOf(*this);
    const QMargins m = contentsMargins();
    return {width + m.left() + m.right(), height + m.top() + m.bottom()};
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

bool FlowLayout::isSeparator(const QLayoutItem* item) const {
    return separators_.contains(item);
}

int FlowLayout::arrange(const QRect& rect, bool apply) const {
    const QMargins m = contentsMargins();
    const QRect area = rect.marginsRemoved(m);
    if (widths_ == Widths::Columns)
        return arrangeColumns(area, apply) + m.top() + m.bottom();
    const int gap = gapOf(*this);
    struct Placed {
        QLayoutItem* item;
        QRect at;
        int row;
    };
    std::vector<Placed> placed;
    std::vector<int> rowHeights{0};
    int x = area.x();
    const auto nextWidth = [this](int from) {
        for (int j = from; j < items_.size(); ++j)
            if (!items_[j]->isEmpty() && !isSeparator(items_[j]))
                return items_[j]->sizeHint().width();
        return -1;
    };
    bool breakHere = false; // a separator was dropped: its group opens a row
    for (int i = 0; i < items_.size(); ++i) {
        QLayoutItem* item = items_[i];
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        const bool rowStart = x == area.x();
        if (isSeparator(item)) {
            // Only between two items of one row.
            const int after = nextWidth(i + 1);
            if (rowStart || after < 0 || x + hint.width() + gap + after > area.right() + 1) {
                placed.push_back({item, QRect(), -1});
                breakHere = !rowStart;
                continue;
            }
        } else if (!rowStart && (breakHere || x + hint.width() > area.right() + 1)) {
            x = area.x();
            rowHeights.push_back(0);
        }
        const int row = static_cast<int>(rowHeights.size()) - 1;
        breakHere = false;
        placed.push_back({item, QRect(QPoint(x, 0), hint), row});
        rowHeights.back() = std::max(rowHeights.back(), hint.height());
        x += hint.width() + gap;
    }
    std::vector<int> rowTops(rowHeights.size(), area.y());
    for (std::size_t r = 1; r < rowHeights.size(); ++r)
        rowTops[r] = rowTops[r - 1] + rowHeights[r - 1] + gap;
    if (apply)
        for (const Placed& p : placed) {
            if (p.row < 0) {
                p.item->setGeometry(QRect(area.topLeft(), QSize(0, 0)));
                continue;
            }
            const auto r = static_cast<std::size_t>(p.row);
            const int top = rowTops[r] + (rowHeights[r] - p.at.height()) / 2;
            p.item->setGeometry(QRect(QPoint(p.at.x(), top), p.at.size()));
        }
    return rowTops.back() + rowHeights.back() - area.y() + m.top() + m.bottom();
}

int FlowLayout::arrangeColumns(const QRect& area, bool apply) const {
    const int gap = gapOf(*this);
    std::vector<QLayoutItem*> shown;
    int widest = 0;
    int tallest = 0;
    for (QLayoutItem* item : items_)
        if (!item->isEmpty()) {
            shown.push_back(item);
            widest = std::max(widest, item->sizeHint().width());
            tallest = std::max(tallest, item->sizeHint().height());
        }
    if (shown.empty())
        return 0;
    const int n = static_cast<int>(shown.size());
    const int columns = std::clamp((area.width() + gap) / std::max(1, widest + gap), 1, n);
    const int rows = (n + columns - 1) / columns;
    if (apply) {
        const int cell = std::max(widest, (area.width() - (columns - 1) * gap) / columns);
        for (int i = 0; i < n; ++i)
            shown[static_cast<std::size_t>(i)]->setGeometry(
                QRect(area.x() + (i % columns) * (cell + gap),
                      area.y() + (i / columns) * (tallest + gap), cell, tallest));
    }
    return rows * tallest + (rows - 1) * gap;
}

} // namespace r2p::ui
