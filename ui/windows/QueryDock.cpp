#include "QueryDock.h"

#include "model/InputParts.h"
#include "ui/FindingText.h"
#include "ui/Session.h"
#include "ui/TaskText.h"
#include "ui/widgets/EmptyState.h"

#include <QStackedWidget>
#include <QTextBrowser>

namespace r2p::ui {

namespace {
QString partTitle(InputPartKind kind) {
    switch (kind) {
    case InputPartKind::Instruction:
        return QueryDock::tr("Instruction");
    case InputPartKind::PaperTitle:
        return QueryDock::tr("The author's paper");
    case InputPartKind::ReferenceOne:
        return QueryDock::tr("Candidate [1]");
    case InputPartKind::ReferenceTwo:
        return QueryDock::tr("Candidate [2]");
    case InputPartKind::LabelChoices:
        return QueryDock::tr("Choices");
    case InputPartKind::Description:
        return QueryDock::tr("Movie description");
    case InputPartKind::Article:
        return QueryDock::tr("Article");
    case InputPartKind::Review:
        return QueryDock::tr("Review");
    case InputPartKind::Abstract:
        return QueryDock::tr("Abstract");
    case InputPartKind::Email:
        return QueryDock::tr("Email");
    case InputPartKind::Tweet:
        return QueryDock::tr("Tweet");
    case InputPartKind::Text:
    case InputPartKind::Invalid:
        break;
    }
    return QueryDock::tr("Input");
}

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}
} // namespace

QueryDock::QueryDock(Session* session, QWidget* parent)
    : QDockWidget(tr("Query"), parent), session_(session) {
    setObjectName(QStringLiteral("QueryDock"));
    stack_ = new QStackedWidget(this);
    empty_ = new EmptyState(stack_);
    empty_->setTitle(tr("No user selected"));
    empty_->setHint(tr("Pick a user in the Users list to see the task input, its parts and the "
                       "gold answer."));
    browser_ = new QTextBrowser(stack_);
    browser_->setObjectName(QStringLiteral("QueryBrowser"));
    browser_->setOpenLinks(false);
    stack_->addWidget(empty_);
    stack_->addWidget(browser_);
    setWidget(stack_);
    connect(session_, &Session::recordChanged, this, &QueryDock::render);
    connect(session_, &Session::selectionChanged, this,
            [this](const Selection& now, const Selection& before) {
                if (now.user != before.user)
                    render();
            });
    connect(session_, &Session::datasetChanged, this, &QueryDock::render);
    connect(session_, &Session::rankingChanged, this, &QueryDock::render);
    render();
}

QString QueryDock::shownText() const {
    return stack_->currentWidget() == browser_ ? browser_->toPlainText() : QString();
}

void QueryDock::render() {
    const UserIndexEntry* entry = session_->selectedEntry();
    if (!entry) {
        stack_->setCurrentWidget(empty_);
        return;
    }
    stack_->setCurrentWidget(browser_);
    const TaskId task = session_->task();
    // Qt's rich text has no palette() in CSS: use the colours themselves.
    const QString dim = palette().color(QPalette::PlaceholderText).name();
    QString html;
    html += QStringLiteral("<h3 style='margin-bottom:2px'>%1</h3>")
                .arg(tr("Question %1").arg(esc(entry->id)));
    QString meta = task == TaskId::Invalid ? tr("Task unknown") : taskTitle(task);
    if (!entry->userId.empty())
        meta += QStringLiteral(" · ") + tr("user %1").arg(esc(entry->userId));
    meta += QStringLiteral(" · ") +
            tr("%n profile item(s)", nullptr, static_cast<int>(entry->profileSize));
    html += QStringLiteral("<p style='color:%2'>%1</p>").arg(meta, dim);

    const auto record = session_->record();
    if (!record) {
        const QString error = session_->recordError();
        html += error.isEmpty() ? QStringLiteral("<p><i>%1</i></p>").arg(tr("Loading…"))
                                : QStringLiteral("<p style='color:#b02a37'><b>%1</b> %2</p>")
                                      .arg(tr("Cannot show this record:"), error.toHtmlEscaped());
        browser_->setHtml(html);
        return;
    }
    const std::string gold = entry->hasGold ? entry->gold : std::string();
    for (const auto& part : splitInput(task, record->input)) {
        QString title = partTitle(part.kind);
        // LaMP-1: mark the candidate the gold names.
        if ((part.kind == InputPartKind::ReferenceOne && gold == "[1]") ||
            (part.kind == InputPartKind::ReferenceTwo && gold == "[2]"))
            title += QStringLiteral(" ✔ ") + tr("(gold)");
        html +=
            QStringLiteral("<p style='margin-bottom:0'><b>%1</b></p>").arg(title.toHtmlEscaped());
        html += QStringLiteral("<p style='margin-top:2px;%2'>%1</p>")
                    .arg(esc(part.text), part.kind == InputPartKind::Instruction
                                             ? QStringLiteral("color:") + dim
                                             : QString());
    }
    html +=
        QStringLiteral("<hr/><p><b>%1</b> %2</p>")
            .arg(tr("Gold:"), entry->hasGold
                                  ? esc(gold)
                                  : QStringLiteral("<i>%1</i>").arg(tr("none (no outputs file)")));
    // The query retrieval actually used, extracted from the input by LaMP's rules.
    if (const auto ranking = session_->ranking()) {
        const QString ranker = session_->ranker() == QLatin1String("bm25")      ? tr("BM25")
                               : session_->ranker() == QLatin1String("recency") ? tr("recency")
                                                                                : tr("random");
        html += QStringLiteral("<p style='margin-bottom:0'><b>%1</b></p>")
                    .arg(tr("Retrieval query (%1, k = %2)")
                             .arg(ranker, session_->retrievalK() == 0
                                              ? tr("all")
                                              : QString::number(session_->retrievalK()))
                             .toHtmlEscaped());
        html += QStringLiteral("<p style='margin-top:2px;font-family:monospace'>%1</p>")
                    .arg(esc(ranking->query));
        for (const auto& f : ranking->findings)
            html += QStringLiteral("<p style='color:#9a6700'>⚠ %1</p>")
                        .arg(findingText(f).toHtmlEscaped());
    }
    browser_->setHtml(html);
}

} // namespace r2p::ui
