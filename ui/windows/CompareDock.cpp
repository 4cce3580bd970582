#include "CompareDock.h"

#include "model/RunStore.h"
#include "pipeline/metrics/WordDiff.h"
#include "ui/RunResults.h"
#include "ui/Session.h"
#include "ui/StageText.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace r2p::ui {

namespace {

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString diffHtml(const std::vector<metrics::DiffWord>& words) {
    QStringList parts;
    for (const auto& w : words) {
        const QString t = esc(w.text);
        parts << (w.matched ? QStringLiteral("<span style='background:#c8e6c9; color:#1b5e20'>"
                                             "%1</span>")
                                  .arg(t)
                            : QStringLiteral("<span style='color:#b71c1c'>%1</span>").arg(t));
    }
    return parts.join(QLatin1Char(' '));
}

QString clipped(const std::string& s, int chars = 1200) {
    QString t = QString::fromStdString(s);
    if (t.size() > chars)
        t = t.left(chars) + QChar(0x2026);
    return t.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

CompareDock::CompareDock(Session* session, QWidget* parent)
    : QDockWidget(tr("Compare"), parent), session_(session) {
    setObjectName(QStringLiteral("CompareDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("R2P against:"), body));
    baseline_ = new QComboBox(body);
    baseline_->setObjectName(QStringLiteral("CompareBaseline"));
    baseline_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    row->addWidget(baseline_);
    row->addStretch(1);
    layout->addLayout(row);
    gold_ = new QLabel(body);
    gold_->setObjectName(QStringLiteral("CompareGold"));
    gold_->setWordWrap(true);
    gold_->setTextFormat(Qt::RichText);
    layout->addWidget(gold_);
    auto* split = new QSplitter(Qt::Horizontal, body);
    left_ = new QTextBrowser(split);
    left_->setObjectName(QStringLiteral("CompareLeft"));
    right_ = new QTextBrowser(split);
    right_->setObjectName(QStringLiteral("CompareRight"));
    layout->addWidget(split, 1);
    setWidget(body);
    connect(session_, &Session::runChanged, this, &CompareDock::onRunChanged);
    connect(session_, &Session::recordChanged, this, &CompareDock::refresh);
    connect(baseline_, &QComboBox::currentIndexChanged, this, &CompareDock::refresh);
    onRunChanged();
}

void CompareDock::onRunChanged() {
    const auto run = session_->runResults();
    const QSignalBlocker block(baseline_);
    baseline_->clear();
    if (run)
        for (SystemId s : run->info.systems)
            if (s != SystemId::R2P)
                baseline_->addItem(StageText::system(s), static_cast<int>(s));
    const int lamp = baseline_->findData(static_cast<int>(SystemId::LampRag));
    if (lamp >= 0)
        baseline_->setCurrentIndex(lamp);
    refresh();
}

QString CompareDock::render(const UserTrace& t, bool found) const {
    if (!found)
        return tr("<p><i>Not in this run.</i></p>");
    QString html = QStringLiteral("<h3>%1</h3>").arg(StageText::system(t.system));
    if (t.status != UserStatus::Done)
        return html + tr("<p style='color:#b71c1c'>Failed: %1</p>").arg(esc(t.error));
    const auto diff = metrics::wordDiff(t.prediction, t.gold.value_or(std::string()));
    html += tr("<p><b>Answer:</b> %1</p>").arg(diffHtml(diff.answer));
    QStringList scores;
    for (const auto& [k, v] : t.scores)
        if (k != "squared_error")
            scores << QStringLiteral("%1 %2").arg(QString::fromStdString(k),
                                                  QLocale().toString(v, 'f', 3));
    html += QStringLiteral("<p>%1 · %2</p>")
                .arg(scores.join(QStringLiteral(" · ")).toHtmlEscaped(),
                     t.formatOk ? tr("in format")
                                : tr("<span style='color:#b71c1c'>not in "
                                     "format</span>"));
    for (const auto& s : t.steps) {
        if (s.stage == StageId::Score)
            continue;
        const bool numbered = s.stage == StageId::Candidates || s.stage == StageId::CrossReference;
        html +=
            QStringLiteral("<p><b>%1</b><br>%2</p>")
                .arg(numbered ? StageText::stage(s.stage, s.candidate) : StageText::stage(s.stage),
                     clipped(s.answer));
    }
    return html;
}

void CompareDock::refresh() {
    const auto run = session_->runResults();
    const UserIndexEntry* entry = session_->selectedEntry();
    if (!run || !entry || !session_->store()) {
        gold_->setText(run ? QString()
                           : tr("Compare needs a stored run: <i>Run ▸ Run Batch…</i> (Ctrl+B)."));
        left_->clear();
        right_->clear();
        return;
    }
    RunStore runs(*session_->store());
    const auto baseline = static_cast<SystemId>(baseline_->currentData().toInt());
    auto mine = runs.userTrace(run->runId, entry->id, SystemId::R2P);
    auto theirs = runs.userTrace(run->runId, entry->id, baseline);
    const std::string gold = entry->hasGold ? entry->gold : std::string();
    if (mine && mine->gold)
        gold_->setText(tr("<b>Gold:</b> %1 · marked: the words R2P shares with it")
                           .arg(diffHtml(metrics::wordDiff(mine->prediction, gold).gold)));
    else
        gold_->setText(entry->hasGold ? tr("<b>Gold:</b> %1").arg(esc(gold))
                                      : tr("<i>No gold output for this user.</i>"));
    left_->setHtml(render(mine ? *mine : UserTrace{}, mine.ok()));
    right_->setHtml(render(theirs ? *theirs : UserTrace{}, theirs.ok()));
}

} // namespace r2p::ui
