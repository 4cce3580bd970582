#include "TermHighlight.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QRegularExpression>
#include <QSet>
#include <QTextDocument>

namespace r2p::ui {

namespace {

// English function words: the ones LaMP's inputs and profiles share with almost every query.
const QSet<QString>& stopWords() {
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char* w :
             {"a",       "about",  "above",  "after",   "again", "against", "all",     "also",
              "am",      "an",     "and",    "any",     "are",   "as",      "at",      "be",
              "because", "been",   "before", "being",   "below", "between", "both",    "but",
              "by",      "can",    "could",  "did",     "do",    "does",    "doing",   "down",
              "during",  "each",   "few",    "for",     "from",  "further", "had",     "has",
              "have",    "having", "he",     "her",     "here",  "hers",    "herself", "him",
              "himself", "his",    "how",    "i",       "if",    "in",      "into",    "is",
              "it",      "its",    "itself", "just",    "me",    "more",    "most",    "my",
              "myself",  "no",     "nor",    "not",     "now",   "of",      "off",     "on",
              "once",    "only",   "or",     "other",   "our",   "ours",    "out",     "over",
              "own",     "same",   "she",    "should",  "so",    "some",    "such",    "than",
              "that",    "the",    "their",  "theirs",  "them",  "then",    "there",   "these",
              "they",    "this",   "those",  "through", "to",    "too",     "under",   "until",
              "up",      "very",   "was",    "we",      "were",  "what",    "when",    "where",
              "which",   "while",  "who",    "whom",    "why",   "will",    "with",    "would",
              "you",     "your",   "yours",  "yourself"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

// The word without the punctuation around it, lower-cased: "(The" -> "the", "--" -> "".
QString core(const QString& term) {
    qsizetype from = 0, to = term.size();
    while (from < to && !term.at(from).isLetterOrNumber())
        ++from;
    while (to > from && !term.at(to - 1).isLetterOrNumber())
        --to;
    return term.mid(from, to - from).toLower();
}

} // namespace

QStringList salientTerms(const QStringList& terms) {
    QStringList out;
    for (const QString& t : terms) {
        const QString c = core(t);
        if (!c.isEmpty() && !stopWords().contains(c))
            out << t;
    }
    return out;
}

QString highlightTerms(const QString& text, const QStringList& allTerms) {
    const QStringList terms = salientTerms(allTerms);
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
