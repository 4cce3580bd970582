#include "StagesModel.h"

#include "pipeline/engine/Engine.h"
#include "ui/RunController.h"
#include "ui/StageText.h"

#include <QBrush>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
        // Beside the client's tokens and time: what the server itself reported.
        if (step && (index.column() == ColumnTokens || index.column() == ColumnTime))
            return serverFigures(*step);
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

QString StagesModel::serverFigures(const StepRecord& step) {
    const QJsonArray requests =
        QJsonDocument::fromJson(QByteArray::fromStdString(step.server)).array();
    QStringList lines;
    for (const QJsonValue& value : requests) {
        const QJsonObject r = value.toObject();
        const QJsonObject usage = r.value(QLatin1String("usage")).toObject();
        if (!usage.isEmpty())
            lines << tr("Server tokens: %1 prompt, %2 completion, %3 reasoning")
                         .arg(usage.value(QLatin1String("prompt_tokens")).toInt())
                         .arg(usage.value(QLatin1String("completion_tokens")).toInt())
                         .arg(usage.value(QLatin1String("reasoning_tokens")).toInt());
        const QJsonObject timings = r.value(QLatin1String("timings")).toObject();
        if (!timings.isEmpty())
            lines << tr("Server speed: %1 prompt tokens/s, %2 generated tokens/s")
                         .arg(QLocale().toString(
                             timings.value(QLatin1String("prompt_per_second")).toDouble(), 'f', 1))
                         .arg(QLocale().toString(
                             timings.value(QLatin1String("predicted_per_second")).toDouble(), 'f',
                             1));
        if (r.contains(QLatin1String("request_id")))
            lines << tr("Request id: %1").arg(r.value(QLatin1String("request_id")).toString());
        const QString endpoint = r.value(QLatin1String("endpoint")).toString();
        if (r.value(QLatin1String("cached")).toBool())
            lines << tr("From the response cache of %1").arg(endpoint);
        else if (!endpoint.isEmpty())
            lines << tr("Answered by %1").arg(endpoint);
    }
    return lines.join(QLatin1Char('\n'));
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
