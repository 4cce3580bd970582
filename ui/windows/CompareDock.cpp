#include "CompareDock.h"

#include "model/RunStore.h"
#include "pipeline/metrics/WordDiff.h"
#include "ui/RunResults.h"
#include "ui/Session.h"
#include "ui/StageText.h"
#include "ui/widgets/TagChainView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <iterator>

namespace r2p::ui {

namespace {

// A stage's name in the Compare table: never broken inside a word (the column is as wide as
// its longest part), a candidate's number on a line of its own.
QString stageCell(const QString& name) {
    return name.toHtmlEscaped().replace(QStringLiteral(" · "), QStringLiteral("<br>"));
}

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString clipped(const std::string& s, int chars = 1200) {
    QString t = QString::fromStdString(s);
    if (t.size() > chars)
        t = t.left(chars) + QChar(0x2026);
    return t.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

// A word on both sides (what ROUGE-L counts) and a word on one side only: the marks and the
// legends use the same two styles, so a legend always says what its colour marks.
QString matchedMark(const QString& html) {
    return QStringLiteral("<span style='background:#c8e6c9; color:#1b5e20'>%1</span>").arg(html);
}

QString unmatchedMark(const QString& html) {
    return QStringLiteral("<span style='color:#b71c1c'>%1</span>").arg(html);
}

QString diffHtml(const std::vector<metrics::DiffWord>& words) {
    QStringList parts;
    for (const auto& w : words)
        parts << (w.matched ? matchedMark(esc(w.text)) : unmatchedMark(esc(w.text)));
    return parts.join(QLatin1Char(' '));
}

// The reasoning of a system that reasons before it answers (LRM RAG, or any baseline given a
// reasoning budget): the thought in grey, above the answer it led to.
QString reasoningHtml(ProjectStore* store, const UserTrace& t) {
    for (const auto& step : t.steps)
        if (step.stage == StageId::Generate) {
            // A tagged chain (TagPR's, or tags stored): its segments on their tags' colours.
            const QString tagged = taggedStepHtml(store, t, step, 1500);
            if (!tagged.isEmpty())
                return QStringLiteral("<p><b>%1</b></p><p style='margin-left:8px'>%2</p>")
                    .arg(CompareDock::tr("Tagged chain:"), tagged);
        }
    for (const auto& step : t.steps)
        if (step.stage == StageId::Generate && !step.reasoning.empty())
            return QStringLiteral("<p><b>%1</b></p><p style='color:#616161; margin-left:8px'>"
                                  "%2</p>")
                .arg(CompareDock::tr("Reasoning:"), clipped(step.reasoning, 1500));
    return QString();
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
    baseline_->setPlaceholderText(tr("none in this run"));
    row->addWidget(baseline_);
    row->addStretch(1);
    layout->addLayout(row);
    gold_ = new QLabel(body);
    gold_->setObjectName(QStringLiteral("CompareGold"));
    gold_->setWordWrap(true);
    gold_->setTextFormat(Qt::RichText);
    layout->addWidget(gold_);
    auto* vertical = new QSplitter(Qt::Vertical, body);
    auto* split = new QSplitter(Qt::Horizontal, vertical);
    left_ = new QTextBrowser(split);
    left_->setObjectName(QStringLiteral("CompareLeft"));
    right_ = new QTextBrowser(split);
    right_->setObjectName(QStringLiteral("CompareRight"));
    stages_ = new QTextBrowser(vertical);
    stages_->setObjectName(QStringLiteral("CompareStages"));
    vertical->addWidget(split);
    vertical->addWidget(stages_);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 1);
    layout->addWidget(vertical, 1);
    setWidget(body);
    connect(session_, &Session::runChanged, this, &CompareDock::onRunChanged);
    connect(session_, &Session::recordChanged, this, &CompareDock::refresh);
    // The baseline is Session's choice (the Users view's Δ and Slices follow it too).
    connect(baseline_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            session_->selectBaseline(static_cast<SystemId>(baseline_->itemData(i).toInt()));
    });
    // A hidden Compare (usually behind Reasoning) catches up when it is shown.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && stale_)
            refresh();
    });
    onRunChanged();
}

void CompareDock::onRunChanged() {
    const auto run = session_->runResults();
    const QSignalBlocker block(baseline_);
    baseline_->clear();
    for (SystemId s : session_->baselinesOfRun())
        baseline_->addItem(StageText::system(s), static_cast<int>(s));
    baseline_->setCurrentIndex(run ? baseline_->findData(static_cast<int>(run->baseline)) : -1);
    baseline_->setEnabled(baseline_->count() > 1);
    refresh();
}

QString CompareDock::render(const UserTrace& t, bool found) const {
    if (!found)
        return tr("<p><i>Not in this run.</i></p>");
    QString html = QStringLiteral("<h3>%1</h3>").arg(StageText::system(t.system));
    if (t.status != UserStatus::Done)
        return html + tr("<p style='color:#b71c1c'>Failed: %1</p>").arg(esc(t.error));
    // The scores first, then the answer marked against the gold and what its marks mean, then
    // the reasoning that led to it (a baseline that reasons): the short lines stay in view.
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
    const auto diff = metrics::wordDiff(t.prediction, t.gold.value_or(std::string()));
    html += tr("<p><b>Answer:</b> %1</p>").arg(diffHtml(diff.answer));
    if (t.gold)
        html += QStringLiteral("<p><small>%1</small></p>")
                    .arg(tr("%1 in the gold · %2 not in the gold")
                             .arg(matchedMark(tr("words")), unmatchedMark(tr("words"))));
    return html + reasoningHtml(session_->store(), t);
}

// One row per stage, R2P's and the baseline's side by side: the baseline's single request sits
// beside R2P's answer, and stages a system does not have are marked as such.
QString CompareDock::renderStages(const UserTrace& mine, const UserTrace& theirs) const {
    struct Row {
        StageId stage;
        int candidate;
    };
    std::vector<Row> rows;
    auto add = [&rows](StageId stage, int candidate) {
        for (const Row& r : rows)
            if (r.stage == stage && r.candidate == candidate)
                return;
        rows.push_back({stage, candidate});
    };
    auto aligned = [](StageId s) {
        return s == StageId::Generate ? StageId::Answer : s;
    };
    for (const UserTrace* t : {&mine, &theirs})
        for (const auto& step : t->steps)
            if (step.stage != StageId::Score)
                add(aligned(step.stage), step.candidate);
    const StageId order[] = {
        StageId::Retrieve, StageId::TaskAnalysis, StageId::ProfileSynthesis, StageId::AnswerPlan,
        StageId::Answer,   StageId::Candidates,   StageId::CrossReference,   StageId::Final};
    auto rank = [&order](StageId s) {
        return static_cast<int>(std::find(std::begin(order), std::end(order), s) - order);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        return rank(a.stage) != rank(b.stage) ? rank(a.stage) < rank(b.stage)
                                              : a.candidate < b.candidate;
    });
    auto cell = [this](const UserTrace& t, const Row& r) {
        for (const auto& step : t.steps)
            if ((step.stage == r.stage ||
                 (r.stage == StageId::Answer && step.stage == StageId::Generate)) &&
                step.candidate == r.candidate) {
                if (const QString tagged = taggedStepHtml(session_->store(), t, step, 800);
                    !tagged.isEmpty())
                    return tagged;
                // A baseline that reasons (LRM RAG): its thought, then its answer.
                if (step.stage == StageId::Generate && !step.reasoning.empty())
                    return QStringLiteral("<span style='color:#616161'><i>%1</i> %2</span><br>"
                                          "<b>%3</b> %4")
                        .arg(tr("Reasoning:"), clipped(step.reasoning, 800), tr("Answer:"),
                             clipped(step.answer));
                return clipped(step.answer);
            }
        return QStringLiteral("<span style='color:#808080'>—</span>");
    };
    QString html = QStringLiteral("<table width='100%' cellspacing='0' cellpadding='4' "
                                  "border='1' style='border-collapse:collapse'>");
    html += QStringLiteral("<tr><th>%1</th><th width='45%'>%2</th><th width='45%'>%3</th></tr>")
                .arg(tr("Stage"), StageText::system(mine.system), StageText::system(theirs.system));
    for (const Row& r : rows) {
        const bool numbered =
            r.stage == StageId::Candidates || r.stage == StageId::CrossReference || r.candidate > 0;
        html += QStringLiteral("<tr><td valign='top' style='white-space:nowrap'><b>%1</b></td>"
                               "<td valign='top'>%2</td>"
                               "<td valign='top'>%3</td></tr>")
                    .arg(stageCell(numbered ? StageText::stage(r.stage, r.candidate)
                                            : StageText::stage(r.stage)),
                         cell(mine, r), cell(theirs, r));
    }
    return html + QStringLiteral("</table>");
}

void CompareDock::refresh() {
    if (!isVisible() || visibleRegion().isEmpty()) {
        stale_ = true; // two traces and a table of every stage: only for a pane one can see
        return;
    }
    stale_ = false;
    const auto run = session_->runResults();
    const UserIndexEntry* entry = session_->selectedEntry();
    if (!run || !entry || !session_->store()) {
        gold_->setText(run ? QString()
                           : tr("Compare needs a stored run: <i>Run ▸ Run Batch…</i> (Ctrl+B)."));
        left_->clear();
        right_->clear();
        stages_->clear();
        return;
    }
    RunStore runs(*session_->store());
    const SystemId baseline = run->baseline;
    auto mine = runs.userTrace(run->runId, entry->id, SystemId::R2P);
    auto theirs = runs.userTrace(run->runId, entry->id, baseline);
    const std::string gold = entry->hasGold ? entry->gold : std::string();
    if (mine && mine->gold)
        gold_->setText(tr("<b>Gold:</b> %1<br><small>%2 R2P's answer has · %3 it lacks</small>")
                           .arg(diffHtml(metrics::wordDiff(mine->prediction, gold).gold),
                                matchedMark(tr("words")), unmatchedMark(tr("words"))));
    else
        gold_->setText(entry->hasGold ? tr("<b>Gold:</b> %1").arg(esc(gold))
                                      : tr("<i>No gold output for this user.</i>"));
    left_->setHtml(render(mine ? *mine : UserTrace{}, mine.ok()));
    right_->setHtml(render(theirs ? *theirs : UserTrace{}, theirs.ok()));
    UserTrace mineShown = mine ? *mine : UserTrace{};
    UserTrace theirsShown = theirs ? *theirs : UserTrace{};
    mineShown.system = SystemId::R2P;
    theirsShown.system = baseline;
    stages_->setHtml(renderStages(mineShown, theirsShown));
}

} // namespace r2p::ui
