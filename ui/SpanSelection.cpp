#include "SpanSelection.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <cstdlib>

namespace r2p::ui {

namespace {

QString html(const QString& text) {
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString struck(const QString& text) {
    return text.isEmpty() ? QString()
                          : QStringLiteral("<s style='color:#8a8a8a'>%1</s>").arg(html(text));
}

QString injectedHtml(const QString& text) {
    return QStringLiteral("<span style='background-color:#ffe08a; color:#3d2e00'>"
                          "&nbsp;⚑ %1&nbsp;</span>")
        .arg(html(text));
}

} // namespace

QList<StreamRound> interventionRounds(const UserTrace& trace, int stepSeq) {
    QList<StreamRound> rounds;
    const EventRecord* previous = nullptr;
    for (const EventRecord& e : trace.events) {
        if (e.stepSeq != stepSeq || e.kind != EventKind::Intervention) {
            previous = nullptr;
            continue;
        }
        const QString injected = QString::fromStdString(e.injected);
        if (previous && previous->violating == e.violating && !rounds.isEmpty())
            rounds.last().injected += QLatin1Char(' ') + injected;
        else
            rounds.append({QString(), QString::fromStdString(e.violating), injected});
        previous = &e;
    }
    return rounds;
}

QString stepStreamHtml(const QString& reasoning, const QString& answer, bool live,
                       const QList<StreamRound>& rounds) {
    QString out;
    if (!reasoning.isEmpty())
        out += QStringLiteral("<div style='color:#808080; font-style:italic'>%1</div>")
                   .arg(html(reasoning));
    // The answer, with each correction that was written into it shown where it stands.
    QString inlineAnswer;
    qsizetype from = 0;
    for (const StreamRound& r : rounds) {
        const qsizetype at = live || r.injected.isEmpty() ? -1 : answer.indexOf(r.injected, from);
        if (at < 0) { // the level was asked again: the cut attempt, then the correction
            out += QStringLiteral("<div>%1%2</div><div>%3</div>")
                       .arg(html(r.kept), struck(r.violating), injectedHtml(r.injected));
            continue;
        }
        inlineAnswer +=
            html(answer.mid(from, at - from)) + struck(r.violating) + injectedHtml(r.injected);
        from = at + r.injected.size();
    }
    inlineAnswer += html(answer.mid(from));
    if (!inlineAnswer.isEmpty())
        out += QStringLiteral("<div>%1</div>").arg(inlineAnswer);
    if (live)
        out += QStringLiteral("<span style='color:#2e9e4f'>▍</span>");
    return out;
}

std::optional<Annotation> spanOfSelection(const StepRecord& step, const QTextCursor& selection) {
    if (!selection.hasSelection() || !selection.document())
        return std::nullopt;
    const QString reasoning = QString::fromStdString(step.reasoning);
    const QString answer = QString::fromStdString(step.answer);
    const int start = selection.selectionStart();
    const QTextBlock block = selection.document()->findBlock(start);
    const bool inReasoning = !reasoning.isEmpty() && block.blockNumber() == 0;
    const QString& field = inReasoning ? reasoning : answer;
    // A selection running into the next block is cut where its first block ends.
    QString selected = selection.selectedText();
    const qsizetype cut = selected.indexOf(QChar::ParagraphSeparator);
    if (cut >= 0)
        selected.truncate(cut);
    const QStringList words = selected.split(
        QRegularExpression(QStringLiteral("[\\s\\x{2028}\\x{a0}]+")), Qt::SkipEmptyParts);
    if (words.isEmpty() || field.isEmpty())
        return std::nullopt;
    QStringList escaped;
    for (const QString& w : words)
        escaped << QRegularExpression::escape(w);
    const QRegularExpression pattern(escaped.join(QStringLiteral("\\s+")));
    const qsizetype estimate = start - block.position();
    qsizetype best = -1, bestLength = 0;
    for (auto it = pattern.globalMatch(field); it.hasNext();) {
        const auto m = it.next();
        if (best < 0 || std::llabs(m.capturedStart() - estimate) < std::llabs(best - estimate)) {
            best = m.capturedStart();
            bestLength = m.capturedLength();
        }
    }
    if (best < 0)
        return std::nullopt;
    Annotation a;
    a.target = AnnotationTarget::Span;
    a.stage = step.stage;
    a.candidate = step.candidate;
    a.spanField = inReasoning ? "reasoning" : "answer";
    const QByteArray before = field.left(best).toUtf8();
    const QByteArray text = field.mid(best, bestLength).toUtf8();
    a.spanStart = static_cast<int>(before.size());
    a.spanEnd = static_cast<int>(before.size() + text.size());
    a.spanText = text.toStdString();
    return a;
}

} // namespace r2p::ui
