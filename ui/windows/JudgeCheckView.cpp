#include "JudgeCheckView.h"

#include "pipeline/analysis/JudgeCheck.h"
#include "ui/RunResults.h"
#include "ui/Session.h"
#include "ui/StageText.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace r2p::ui {

namespace {
QTableWidgetItem* cell(const QString& text, bool number = true) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
} // namespace

JudgeCheckView::JudgeCheckView(Session* session, QWidget* parent)
    : QWidget(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    heading_ = new QLabel(this);
    heading_->setObjectName(QStringLiteral("judgeHeading"));
    heading_->setWordWrap(true);
    layout->addWidget(heading_);
    table_ = new QTableWidget(0, 5, this);
    table_->setObjectName(QStringLiteral("judgeTable"));
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(table_, 1);
    human_ = new QLabel(this);
    human_->setObjectName(QStringLiteral("judgeHuman"));
    human_->setWordWrap(true);
    layout->addWidget(human_);
    connect(session_, &Session::runChanged, this, &JudgeCheckView::refresh);
    connect(session_, &Session::annotationsChanged, this, &JudgeCheckView::refresh);
    refresh();
}

void JudgeCheckView::refreshOnlyWhenCurrentIn(QTabWidget* tabs) {
    tabs_ = tabs;
    connect(tabs, &QTabWidget::currentChanged, this, [this] {
        if (stale_ && tabs_->currentWidget() == this)
            refresh();
    });
}

void JudgeCheckView::refresh() {
    stale_ = tabs_ && tabs_->currentWidget() != this;
    if (stale_)
        return;
    table_->setRowCount(0);
    human_->clear();
    const auto run = session_->runResults();
    ProjectStore* store = session_->store();
    if (!run || !store) {
        heading_->setText(tr("Show a stored run in the Users view to check its judge."));
        return;
    }
    auto check = analysis::checkJudge(*store, run->runId);
    if (!check) {
        heading_->setText(QString::fromStdString(check.error().message));
        return;
    }
    const QString metric = QString::fromStdString(check->metric);
    table_->setHorizontalHeaderLabels({tr("Verdict"), tr("Candidates"), tr("Right"),
                                       tr("Share right"), tr("Mean %1").arg(metric)});
    heading_->setText(
        check->usersWithGold == 0
            ? tr("Run %1 has no R2P user with verdicts and a gold: nothing to check against.")
                  .arg(run->runId)
            : tr("Run %1: the verdicts of %n user(s)' candidates against whether each "
                 "candidate's own answer is right.",
                 nullptr, static_cast<int>(check->usersWithGold))
                  .arg(run->runId));
    const QLocale locale;
    for (const analysis::JudgeVerdictRow& r : check->rows) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        table_->setItem(row, 0, cell(StageText::verdict(r.verdict), false));
        table_->setItem(row, 1, cell(locale.toString(static_cast<qulonglong>(r.candidates))));
        const bool any = r.candidates > 0;
        table_->setItem(row, 2,
                        cell(r.correct ? locale.toString(static_cast<qulonglong>(*r.correct))
                                       : QStringLiteral("–")));
        table_->setItem(
            row, 3,
            cell(r.correct && any
                     ? locale.toString(100.0 * double(*r.correct) / double(r.candidates), 'f', 1) +
                           QStringLiteral(" %")
                     : QStringLiteral("–")));
        table_->setItem(row, 4,
                        cell(any ? locale.toString(r.meanScore, 'f', 3) : QStringLiteral("–")));
    }
    table_->resizeColumnsToContents();
    if (check->humanLabelled == 0) {
        human_->setText(tr("No annotator gave a verdict of their own (a verdict annotation "
                           "labelled supported, partial, contradicted or unsupported)."));
        return;
    }
    human_->setText(tr("Annotators' verdicts on %n candidate(s): %1 agree with the judge, "
                       "Cohen's κ %2.",
                       nullptr, static_cast<int>(check->humanLabelled))
                        .arg(check->humanAgreeing)
                        .arg(check->humanKappa ? locale.toString(*check->humanKappa, 'f', 3)
                                               : tr("undefined")));
}

} // namespace r2p::ui
