// A layout that wraps its items into as many rows as its width needs, for rows of buttons that
// must never be cut off or hidden behind an overflow arrow ("»") when a dock is narrow or a
// translation long (German at 1366×768). Natural: each item at its own width, rows ragged, a
// separator never opens or closes a row. Columns: every item as wide as the widest, as many
// columns as fit, the row filled (a grid of label buttons that becomes one column when narrow).
#pragma once

#include <QLayout>
#include <QList>

namespace r2p::ui {

class FlowLayout : public QLayout {
public:
    enum class Widths { Natural, Columns };

    explicit FlowLayout(QWidget* parent = nullptr, Widths widths = Widths::Natural);
    ~FlowLayout() override;

    // A thin vertical line between groups (Natural only); dropped where a row breaks.
    void addSeparator();

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    // Lays the items out in `rect` (only measures unless `apply`); returns the height used.
    int arrange(const QRect& rect, bool apply) const;
    int arrangeColumns(const QRect& area, bool apply) const;
    bool isSeparator(const QLayoutItem* item) const;

    QList<QLayoutItem*> items_;
    QList<const QLayoutItem*> separators_;
    Widths widths_;
};

} // namespace r2p::ui
