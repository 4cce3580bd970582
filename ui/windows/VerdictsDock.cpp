#include "VerdictsDock.h"

#include "ui/RunController.h"
#include "ui/models/VerdictsModel.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace r2p::ui {

VerdictsDock::VerdictsDock(RunController* controller, QWidget* parent)
    : QDockWidget(tr("Verdicts"), parent), controller_(controller) {
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
    // Short columns fit their contents; the answer gets a readable width (full text in the
    // tooltip of the reason and in the Reasoning dock); the last column takes what is left.
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->horizontalHeader()->setSectionResizeMode(VerdictsModel::ColumnAnswer,
                                                    QHeaderView::Interactive);
    view_->setColumnWidth(VerdictsModel::ColumnAnswer, 200);
    view_->horizontalHeader()->setStretchLastSection(true);
    final_ = new QLabel(body);
    final_->setObjectName(QStringLiteral("FinalChoice"));
    final_->setWordWrap(true);
    final_->setTextFormat(Qt::RichText);
    layout->addWidget(view_, 1);
    layout->addWidget(final_);
    setWidget(body);
    connect(controller_, &RunController::traceChanged, this, &VerdictsDock::updateFinal);
    // Picking a candidate marks its evidence in the history.
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    controller_->citeVerdict(current.row());
            });
    updateFinal();
}

void VerdictsDock::updateFinal() {
    const UserTrace& t = controller_->trace();
    for (const auto& s : t.steps) {
        if (s.stage != StageId::Final)
            continue;
        const auto parsed = QJsonDocument::fromJson(QByteArray::fromStdString(s.parsed)).object();
        final_->setText(
            tr("<b>Final:</b> %1 — %2")
                .arg(QString::fromStdString(s.answer).toHtmlEscaped(),
                     parsed.value(QStringLiteral("reason")).toString().toHtmlEscaped()));
        return;
    }
    final_->setText(t.verdicts.empty() && !controller_->hasRun()
                        ? QString()
                        : tr("<i>No final choice yet: the cross-reference stage has not run.</i>"));
}

} // namespace r2p::ui
