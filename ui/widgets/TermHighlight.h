// Matched query terms shown highlighted: as HTML for text views, and as an item delegate that
// paints table cells with their terms marked (terms come from the model's MatchedTermsRole).
#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace r2p::ui {

// HTML of `text` with every whitespace-separated token that equals one of `terms` marked.
QString highlightTerms(const QString& text, const QStringList& terms);

class TermHighlightDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    TermHighlightDelegate(int termsRole, QObject* parent = nullptr);
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

private:
    int termsRole_;
};

} // namespace r2p::ui
