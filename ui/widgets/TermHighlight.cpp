#include "TermHighlight.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QRegularExpression>
#include <QSet>
#include <QTextDocument>

namespace r2p::ui {

QString highlightTerms(const QString& text, const QStringList& terms) {
    if (terms.isEmpty())
        return text.toHtmlEscaped();
    const QSet<QString> wanted(terms.begin(), terms.end());
    // BM25 matches whole whitespace tokens exactly (LaMP's str.split()), so mark those.
    static const QRegularExpression token(QStringLiteral("\\S+"));
    QString html;
    qsizetype at = 0;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        html += text.mid(at, m.capturedStart() - at).toHtmlEscaped();
        const QString word = m.captured();
        if (wanted.contains(word))
            html += QStringLiteral("<span style='background-color:#ffd966;color:#000000'>%1</span>")
                        .arg(word.toHtmlEscaped());
        else
            html += word.toHtmlEscaped();
        at = m.capturedEnd();
    }
    html += text.mid(at).toHtmlEscaped();
    return html;
}

TermHighlightDelegate::TermHighlightDelegate(int termsRole, QObject* parent)
    : QStyledItemDelegate(parent), termsRole_(termsRole) {}

void TermHighlightDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                  const QModelIndex& index) const {
    const QStringList terms = index.data(termsRole_).toStringList();
    if (terms.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    QTextDocument doc;
    doc.setDefaultFont(opt.font);
    doc.setDocumentMargin(0);
    doc.setHtml(highlightTerms(text, terms));
    const QRect rect =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(3, 0, -3, 0);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    context.palette.setColor(QPalette::Text, opt.state & QStyle::State_Selected
                                                 ? opt.palette.color(QPalette::HighlightedText)
                                                 : opt.palette.color(QPalette::Text));
    painter->save();
    painter->setClipRect(rect);
    painter->translate(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2);
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

} // namespace r2p::ui
