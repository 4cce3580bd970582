#include "StagesModel.h"

#include "pipeline/engine/Engine.h"
#include "ui/RunController.h"
#include "ui/StageText.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

namespace r2p::ui {

StagesModel::StagesModel(RunController* controller, QObject* parent)
    : QAbstractTableModel(parent), controller_(controller) {
    connect(controller_, &RunController::traceChanged, this, &StagesModel::rebuild);
    connect(controller_, &RunController::runningChanged, this, &StagesModel::rebuild);
    connect(controller_, &RunController::streamChanged, this, [this] {
        // The running row follows the stage in progress (a new candidate, a new stage).
        const int row = runningRow();
        const bool moved =
            controller_->isRunning() &&
            (row < 0 || rows_[static_cast<std::size_t>(row)].stage != controller_->runningStage() ||
             rows_[static_cast<std::size_t>(row)].candidate != controller_->runningCandidate());
        if (moved && controller_->runningStage() != StageId::Invalid)
            rebuild();
    });
    rebuild();
}

void StagesModel::rebuild() {
    beginResetModel();
    rows_.clear();
    const UserTrace& trace = controller_->trace();
    const bool running = controller_->isRunning();
    const StageId live = controller_->runningStage();
    for (StageId stage : controller_->plan()) {
        bool any = false;
        // A further candidate's own levels are listed under Candidates, in the order they ran.
        for (std::size_t i = 0; i < trace.steps.size(); ++i) {
            const StepRecord& s = trace.steps[i];
            if (engine::planStageOf(s.stage, s.candidate) != stage)
                continue;
            any = true;
            rows_.push_back({s.stage, s.candidate, static_cast<int>(i),
                             s.status == StepStatus::Failed ? State::Failed : State::Done});
        }
        if (running && engine::planStageOf(live, controller_->runningCandidate()) == stage) {
            rows_.push_back({live, controller_->runningCandidate(), -1, State::Running});
            any = true;
        }
        if (!any)
            rows_.push_back({stage, 0, -1, State::Pending});
    }
    endResetModel();
}

int StagesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int StagesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int StagesModel::rowOfStep(int stepIndex) const {
    for (std::size_t r = 0; r < rows_.size(); ++r)
        if (rows_[r].step == stepIndex && rows_[r].state != State::Pending)
            return static_cast<int>(r);
    return -1;
}

int StagesModel::runningRow() const {
    for (std::size_t r = 0; r < rows_.size(); ++r)
        if (rows_[r].state == State::Running)
            return static_cast<int>(r);
    return -1;
}

QVariant StagesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    const auto& steps = controller_->trace().steps;
    const StepRecord* step =
        row.step >= 0 && row.step < static_cast<int>(steps.size()) ? &steps[row.step] : nullptr;
    switch (role) {
    case StepIndexRole:
        return row.step;
    case StageRole:
        return static_cast<int>(row.stage);
    case CandidateRole:
        return row.candidate;
    case StateRole:
        return static_cast<int>(row.state);
    case Qt::ForegroundRole:
        if (row.state == State::Failed)
            return QBrush(QColor(0xd2, 0x3c, 0x3c));
        if (row.state == State::Pending)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::ToolTipRole:
        if (step && !step->error.empty())
            return QString::fromStdString(step->error);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ColumnTokens || index.column() == ColumnTime ||
            index.column() == ColumnRpi)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case ColumnStage: {
        // Pending rows name the stage; rows that ran name the candidate.
        const bool numbered = row.state != State::Pending &&
                              (row.stage == StageId::Candidates ||
                               row.stage == StageId::CrossReference || row.candidate > 0);
        return numbered ? StageText::stage(row.stage, row.candidate) : StageText::stage(row.stage);
    }
    case ColumnStatus:
        switch (row.state) {
        case State::Pending:
            return StageText::pending();
        case State::Running:
            return StageText::running();
        case State::Done:
            return StageText::done();
        case State::Failed:
            return StageText::failed();
        }
        return {};
    case ColumnTokens:
        if (!step)
            return {};
        return QLocale().toString(static_cast<qlonglong>(step->tokens.completion));
    case ColumnTime:
        if (!step)
            return {};
        return tr("%1 ms").arg(QLocale().toString(step->latencyMs, 'f', 0));
    case ColumnRpi: {
        if (!step)
            return {};
        int n = 0;
        for (const auto& e : controller_->trace().events)
            n += e.stepSeq == step->seq && e.kind == EventKind::Intervention ? 1 : 0;
        return n > 0 ? QStringLiteral("⚑ %1").arg(n) : QString();
    }
    default:
        return {};
    }
}

QVariant StagesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ColumnStage:
        return tr("Stage");
    case ColumnStatus:
        return tr("Status");
    case ColumnTokens:
        return tr("Tokens");
    case ColumnTime:
        return tr("Time");
    case ColumnRpi:
        return tr("RPI");
    default:
        return {};
    }
}

} // namespace r2p::ui
