#include "TagChainView.h"

#include "ui/Theme.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

namespace r2p::ui {

namespace {

constexpr int kStartRole = Qt::UserRole + 1;
constexpr int kEndRole = Qt::UserRole + 2;

QColor tagColour(const tags::TagSet& set, const std::string& tag) {
    for (const auto& d : set.tags)
        if (d.id == tag)
            return QColor(QString::fromStdString(d.colour));
    return QColor(Qt::gray);
}

// The innermost span whose [from, to) holds byte `at`, or -1.
int spanAt(const std::vector<tags::TagSpan>& spans, std::size_t at, bool content) {
    int best = -1;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const auto& s = spans[i];
        const std::size_t from = content ? s.start : s.outerStart;
        const std::size_t to = content ? s.end : s.outerEnd;
        if (at >= from && at < to &&
            (best < 0 || from >= (content ? spans[static_cast<std::size_t>(best)].start
                                          : spans[static_cast<std::size_t>(best)].outerStart)))
            best = static_cast<int>(i);
    }
    return best;
}

// Where the colouring changes: the text's ends and every span's markup and content edges.
std::set<std::size_t> cutsOf(const std::vector<tags::TagSpan>& spans, std::size_t size) {
    std::set<std::size_t> cuts = {0, size};
    for (const auto& s : spans)
        for (std::size_t at : {s.outerStart, s.start, s.end, s.outerEnd})
            cuts.insert(std::min(at, size));
    return cuts;
}

QString legendHtml(const tags::TagSet& set, const std::set<std::string>& present) {
    QStringList parts;
    for (const auto& d : set.tags) {
        const bool here = present.count(d.id) > 0;
        parts << QStringLiteral("<span style='background:%1'>&nbsp;&nbsp;&nbsp;</span>&nbsp;"
                                "<span style='%2'>%3</span>")
                     .arg(QString::fromStdString(d.colour),
                          here ? QString() : QStringLiteral("color:#909090"),
                          QString::fromStdString(d.name).toHtmlEscaped());
    }
    return parts.join(QStringLiteral("&nbsp;&nbsp; "));
}

// `c` blended towards white (light themes) or black (dark), so text on it stays readable.
QString softColour(QColor c, bool dark) {
    const QColor base = dark ? QColor(Qt::black) : QColor(Qt::white);
    const double a = dark ? 0.45 : 0.3;
    return QColor::fromRgbF(static_cast<float>(a * c.redF() + (1 - a) * base.redF()),
                            static_cast<float>(a * c.greenF() + (1 - a) * base.greenF()),
                            static_cast<float>(a * c.blueF() + (1 - a) * base.blueF()))
        .name();
}

} // namespace

QString taggedStepHtml(ProjectStore* store, const UserTrace& trace, const StepRecord& step,
                       int maxChars) {
    if (!store || !tags::isTaggedStep(trace, step))
        return {};
    auto set = step.tagSpans.empty()
                   ? tags::projectTagSet(*store)
                   : tags::projectTagSetVersion(*store, step.tagSpans.front().tagSetId,
                                                step.tagSpans.front().tagSetVersion);
    if (!set)
        return {};
    const tags::ParsedChain chain = tags::storedChain(*set, step);
    const std::string text = tags::chainText(step.reasoning, step.answer);
    const std::set<std::size_t> cuts = cutsOf(chain.spans, text.size());
    const bool dark = darkPalette();
    QString html;
    int left = maxChars;
    for (auto it = cuts.begin(); std::next(it) != cuts.end() && left > 0; ++it) {
        QString piece =
            QString::fromUtf8(text.data() + *it, static_cast<qsizetype>(*std::next(it) - *it));
        const bool clip = piece.size() > left;
        if (clip)
            piece = piece.left(left) + QChar(0x2026);
        left -= static_cast<int>(piece.size());
        piece = piece.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        const int content = spanAt(chain.spans, *it, true);
        if (content >= 0) {
            const std::string& tag = chain.spans[static_cast<std::size_t>(content)].tag;
            html += QStringLiteral("<span style='background-color:%1' title='%2'>%3</span>")
                        .arg(softColour(tagColour(*set, tag), dark),
                             QString::fromStdString(tag).toHtmlEscaped(), piece);
        } else if (spanAt(chain.spans, *it, false) >= 0) {
            html += QStringLiteral("<span style='color:#909090'>%1</span>").arg(piece);
        } else {
            html += piece;
        }
    }
    return html;
}

TagChainView::TagChainView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    legend_ = new QLabel(this);
    legend_->setObjectName(QStringLiteral("TagLegend"));
    legend_->setWordWrap(true);
    legend_->setTextFormat(Qt::RichText);
    layout->addWidget(legend_);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("TagSummary"));
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);
    layout->addWidget(summary_);
    // The gutter below the text: the Reasoning dock's tab is narrow.
    auto* split = new QSplitter(Qt::Vertical, this);
    text_ = new QTextBrowser(split);
    text_->setObjectName(QStringLiteral("TagChainText"));
    violations_ = new QListWidget(split);
    violations_->setObjectName(QStringLiteral("TagViolations"));
    violations_->setWordWrap(true);
    violations_->setToolTip(tr("Every tag constraint the chain breaks; click one to select its "
                               "span"));
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    text_->installEventFilter(this);
    connect(violations_, &QListWidget::itemClicked, this, &TagChainView::onViolationClicked);
    connect(violations_, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem* item) { onViolationClicked(item); });
}

void TagChainView::clear(const QString& why) {
    chainText_.clear();
    legend_->clear();
    summary_->setText(why);
    text_->clear();
    violations_->clear();
}

void TagChainView::setChain(const tags::TagSet& set, const tags::CheckedChain& chain,
                            const QString& origin) {
    chainText_ = chain.text;
    const auto& spans = chain.chain.spans;
    std::set<std::string> present;
    const std::set<std::size_t> cuts = cutsOf(spans, chain.text.size());
    for (const auto& s : spans)
        present.insert(s.tag);
    legend_->setText(legendHtml(set, present));
    const QLocale l;
    QString summary =
        tr("%1 · tag set <i>%2</i> v%3 · %n segment(s)", nullptr, static_cast<int>(spans.size()))
            .arg(origin, QString::fromStdString(set.name).toHtmlEscaped())
            .arg(set.version);
    if (chain.chain.complete)
        summary += tr(" · constraint score <b>%1</b>").arg(l.toString(chain.report.score, 'f', 3));
    else
        summary += tr(" · <i>still streaming: open tags are provisional</i>");
    summary_->setText(summary);

    // Built with a cursor, not HTML, so a document position is the text's UTF-16 index.
    text_->clear();
    QTextCursor cursor(text_->document());
    const bool dark = darkPalette();
    QTextCharFormat markup;
    markup.setForeground(QColor(QStringLiteral("#909090")));
    for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
        const std::size_t from = *it, to = *std::next(it);
        const QString piece =
            QString::fromUtf8(chain.text.data() + from, static_cast<qsizetype>(to - from));
        const int content = spanAt(spans, from, true);
        QTextCharFormat f;
        if (content >= 0) {
            QColor c = tagColour(set, spans[static_cast<std::size_t>(content)].tag);
            c.setAlpha(dark ? 110 : 70);
            f.setBackground(c);
            f.setToolTip(QString::fromStdString(spans[static_cast<std::size_t>(content)].tag));
        } else if (spanAt(spans, from, false) >= 0) {
            f = markup;
        }
        cursor.insertText(piece, f);
    }
    violations_->clear();
    for (const auto& v : chain.report.violations) {
        auto* item = new QListWidgetItem(
            tr("%1%2: %3")
                .arg(QString::fromStdString(std::string(tags::tagRuleName(v.rule))),
                     v.tag.empty() ? QString()
                                   : QStringLiteral(" <%1>").arg(QString::fromStdString(v.tag)),
                     QString::fromStdString(v.evidence)),
            violations_);
        item->setData(kStartRole, static_cast<qulonglong>(v.start));
        item->setData(kEndRole, static_cast<qulonglong>(v.end));
        item->setForeground(QColor(QStringLiteral("#d23c3c")));
    }
    if (chain.report.violations.empty())
        new QListWidgetItem(chain.chain.complete ? tr("✔ Every constraint holds.")
                                                 : tr("No violation so far."),
                            violations_);
}

void TagChainView::setEditable(bool on) {
    editable_ = on;
    text_->setToolTip(on ? tr("Select text, then 1-9 tags it with the legend's n-th tag as your "
                              "correction, 0 removes your tags over it")
                         : QString());
}

void TagChainView::selectBytes(std::size_t start, std::size_t end) {
    QTextCursor c(text_->document());
    c.setPosition(positionOf(start));
    c.setPosition(positionOf(end), QTextCursor::KeepAnchor);
    text_->setTextCursor(c);
}

// Digits on a selection tag it (taking them from the window's label shortcuts).
bool TagChainView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == text_ && editable_ &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const int k = key->key();
        if (k >= Qt::Key_0 && k <= Qt::Key_9 && key->modifiers() == Qt::NoModifier &&
            text_->textCursor().hasSelection()) {
            event->accept();
            if (event->type() == QEvent::KeyPress) {
                const QTextCursor c = text_->textCursor();
                emit tagRequested(k == Qt::Key_0 ? -1 : k - Qt::Key_1, byteOf(c.selectionStart()),
                                  byteOf(c.selectionEnd()));
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

std::size_t TagChainView::byteOf(int position) const {
    // The UTF-16 prefix of that length, back in UTF-8.
    const QString all =
        QString::fromUtf8(chainText_.data(), static_cast<qsizetype>(chainText_.size()));
    return static_cast<std::size_t>(all.left(position).toUtf8().size());
}

int TagChainView::positionOf(std::size_t offset) const {
    offset = std::min(offset, chainText_.size());
    return static_cast<int>(
        QString::fromUtf8(chainText_.data(), static_cast<qsizetype>(offset)).size());
}

void TagChainView::onViolationClicked(QListWidgetItem* item) {
    if (!item || !item->data(kStartRole).isValid())
        return;
    const auto start = static_cast<std::size_t>(item->data(kStartRole).toULongLong());
    const auto end = static_cast<std::size_t>(item->data(kEndRole).toULongLong());
    QTextCursor c(text_->document());
    c.setPosition(positionOf(start));
    c.setPosition(positionOf(std::max(start, end)), QTextCursor::KeepAnchor);
    text_->setTextCursor(c);
    text_->ensureCursorVisible();
}

void TagChainView::selectViolation(int row) {
    violations_->setCurrentRow(row);
    onViolationClicked(violations_->item(row));
}

std::string TagChainView::selectedText() const {
    const QTextCursor c = text_->textCursor();
    // The document's own text of the selection: block separators become '\n'.
    QString s = c.selectedText();
    s.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return s.toStdString();
}

} // namespace r2p::ui
