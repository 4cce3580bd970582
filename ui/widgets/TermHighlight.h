// Matched query terms shown highlighted: as HTML for text views, and as an item delegate that
// paints table cells with their terms marked (terms come from the model's MatchedTermsRole).
#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace r2p::ui {

// The matched terms worth marking. BM25 matches every token the query shares with an item
// (LaMP's str.split()), stop words ("the", "of,") and bare punctuation ("-", "&") included; those
// would light up every item and hide what retrieval really matched on. A term's case and the
// punctuation around it are ignored when deciding; the kept terms are returned as given.
QStringList salientTerms(const QStringList& terms);

// HTML of `text` with every whitespace-separated token that equals one of the salient `terms`
// marked.
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
