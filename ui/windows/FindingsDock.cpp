#include "FindingsDock.h"

#include "ui/RunResults.h"
#include "ui/RunText.h"
#include "ui/Session.h"
#include "ui/models/FindingsModel.h"

#include <QHeaderView>
#include <QTableView>

namespace r2p::ui {

FindingsDock::FindingsDock(Session* session, QWidget* parent)
    : QDockWidget(tr("Findings"), parent), session_(session) {
    setObjectName(QStringLiteral("FindingsDock"));
    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("FindingsView"));
    model_ = new FindingsModel(this);
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setSectionResizeMode(FindingsModel::ColumnMessage,
                                                    QHeaderView::Stretch);
    view_->setColumnWidth(FindingsModel::ColumnSeverity, 110);
    setWidget(view_);
    connect(session_, &Session::findingsChanged, this,
            [this] { model_->setFindings(session_->findings()); });
    // The shown run's findings, the ones the status bar counts.
    connect(session_, &Session::runChanged, this, [this] {
        const auto run = session_->runResults();
        model_->setRunFindings(run ? run->runId : 0,
                               run ? runFindings(*run) : std::vector<RunFinding>{});
    });
    // A run finding lists its users in the Users view and selects the first of them.
    connect(view_, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QString filter = index.data(FindingsModel::UserFilterRole).toString();
        if (!filter.isEmpty())
            session_->requestUserFilter(filter);
        const QString id = index.data(FindingsModel::RecordIdRole).toString();
        if (!id.isEmpty())
            session_->selectUserById(id);
    });
    model_->setFindings(session_->findings());
    if (const auto run = session_->runResults())
        model_->setRunFindings(run->runId, runFindings(*run));
}

} // namespace r2p::ui
