#include "VerdictsDock.h"

#include "ui/RunController.h"
#include "ui/Session.h"
#include "ui/StageText.h"
#include "ui/models/VerdictsModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace r2p::ui {

VerdictsDock::VerdictsDock(Session* session, RunController* controller, QWidget* parent)
    : QDockWidget(tr("Verdicts"), parent), session_(session), controller_(controller) {
    setObjectName(QStringLiteral("VerdictsDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    view_ = new QTableView(body);
    view_->setObjectName(QStringLiteral("VerdictsView"));
    model_ = new VerdictsModel(controller_, this);
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->verticalHeader()->hide();
    view_->setWordWrap(false);
    // Short columns fit their contents; the answer takes what is left, elided (its full text
    // in the tooltip and in the Reasoning dock), so Evidence, Agreement and Final never scroll.
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->horizontalHeader()->setSectionResizeMode(VerdictsModel::ColumnAnswer,
                                                    QHeaderView::Stretch);
    view_->horizontalHeader()->setStretchLastSection(false);
    final_ = new QLabel(body);
    final_->setObjectName(QStringLiteral("FinalChoice"));
    final_->setWordWrap(true);
    final_->setTextFormat(Qt::RichText);
    matrix_ = new QTableWidget(body);
    matrix_->setObjectName(QStringLiteral("EvidenceMatrix"));
    matrix_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    matrix_->setSelectionMode(QAbstractItemView::NoSelection);
    matrix_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    matrix_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(view_, 1);
    layout->addWidget(new QLabel(tr("Candidates against the retrieved items:"), body));
    layout->addWidget(matrix_, 1);
    layout->addWidget(final_);
    setWidget(body);
    connect(controller_, &RunController::traceChanged, this, &VerdictsDock::updateFinal);
    connect(controller_, &RunController::traceChanged, this, &VerdictsDock::updateMatrix);
    // Picking a candidate selects its verdict, with its evidence (the history marks it).
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const auto& verdicts = controller_->trace().verdicts;
                if (!current.isValid() || current.row() >= static_cast<int>(verdicts.size()))
                    return;
                session_->selectVerdict(verdicts[static_cast<std::size_t>(current.row())].candidate,
                                        controller_->citedByVerdict(current.row()));
            });
    // Another pick (a stage, a span, another user): no verdict is current, so picking the same
    // one again selects it again.
    connect(session_, &Session::selectionChanged, this,
            [this](const Selection& now, const Selection&) {
                if (now.verdict < 0 && view_->currentIndex().isValid())
                    view_->setCurrentIndex(QModelIndex());
            });
    updateFinal();
    updateMatrix();
}

void VerdictsDock::updateMatrix() {
    const UserTrace& t = controller_->trace();
    const auto& items = controller_->items();
    matrix_->clear();
    matrix_->setRowCount(static_cast<int>(t.verdicts.size()));
    matrix_->setColumnCount(static_cast<int>(items.size()));
    QStringList columns;
    for (const auto& item : items)
        columns << QStringLiteral("P%1").arg(item.n);
    matrix_->setHorizontalHeaderLabels(columns);
    for (int c = 0; c < static_cast<int>(items.size()); ++c)
        if (auto* h = matrix_->horizontalHeaderItem(c))
            h->setToolTip(
                tr("Profile item %1 (retrieval score %2)")
                    .arg(QString::fromStdString(items[static_cast<std::size_t>(c)].profileId))
                    .arg(items[static_cast<std::size_t>(c)].score, 0, 'f', 2));
    QStringList rows;
    for (std::size_t r = 0; r < t.verdicts.size(); ++r) {
        const VerdictRecord& v = t.verdicts[r];
        QString label =
            (v.chosen ? QStringLiteral("★ #%1") : QStringLiteral("#%1")).arg(v.candidate + 1);
        // An unparsed reply names no evidence, so its row would be blank: say so in the label.
        if (v.verdict == Verdict::Unparsed)
            label += QStringLiteral(" · ") + StageText::verdict(v.verdict);
        rows << label;
        for (int n : v.evidence) {
            const int column = n - 1;
            if (column < 0 || column >= matrix_->columnCount())
                continue;
            auto* cell =
                new QTableWidgetItem(v.verdict == Verdict::Contradicted ? QStringLiteral("✖")
                                     : v.verdict == Verdict::Supported  ? QStringLiteral("✔")
                                                                        : QStringLiteral("~"));
            cell->setTextAlignment(Qt::AlignCenter);
            cell->setForeground(StageText::verdictColor(v.verdict));
            cell->setToolTip(QStringLiteral("%1: %2").arg(StageText::verdict(v.verdict),
                                                          QString::fromStdString(v.reason)));
            matrix_->setItem(static_cast<int>(r), column, cell);
        }
    }
    matrix_->setVerticalHeaderLabels(rows);
}

void VerdictsDock::updateFinal() {
    const UserTrace& t = controller_->trace();
    for (const auto& s : t.steps) {
        if (s.stage != StageId::Final)
            continue;
        final_->setText(
            tr("<b>Final:</b> %1 — %2")
                .arg(QString::fromStdString(s.answer).toHtmlEscaped(),
                     QString::fromStdString(s.output.reason.value_or("")).toHtmlEscaped()));
        return;
    }
    final_->setText(t.verdicts.empty() && !controller_->hasRun()
                        ? QString()
                        : tr("<i>No final choice yet: the cross-reference stage has not run.</i>"));
}

} // namespace r2p::ui
