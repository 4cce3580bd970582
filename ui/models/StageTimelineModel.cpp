#include "StageTimelineModel.h"

#include "pipeline/engine/Engine.h"
#include "ui/RunController.h"
#include "ui/StageText.h"
#include "ui/models/StagesModel.h"

#include <QLocale>
#include <algorithm>

namespace r2p::ui {

StageTimelineModel::StageTimelineModel(StagesModel* stages, RunController* controller,
                                       QObject* parent)
    : QAbstractItemModel(parent), stages_(stages), controller_(controller) {
    connect(stages_, &QAbstractItemModel::modelReset, this, &StageTimelineModel::rebuild);
    rebuild();
}

StageTimelineModel::Kind StageTimelineModel::kindOf(StageId stage, int candidate) {
    switch (engine::planStageOf(stage, candidate)) {
    case StageId::Retrieve:
        return Kind::Retrieve;
    case StageId::TaskAnalysis:
    case StageId::ProfileSynthesis:
    case StageId::AnswerPlan:
    case StageId::Answer:
        return Kind::Levels;
    case StageId::Candidates:
        return Kind::Candidates;
    case StageId::CrossReference:
        return Kind::CrossReference;
    case StageId::Final:
        return Kind::Final;
    case StageId::Score:
        return Kind::Score;
    default:
        return Kind::Other;
    }
}

QString StageTimelineModel::kindName(Kind kind) {
    switch (kind) {
    case Kind::Retrieve:
        return StageText::stage(StageId::Retrieve);
    case Kind::Levels:
        return tr("HRT levels");
    case Kind::Candidates:
        return StageText::stage(StageId::Candidates);
    case Kind::CrossReference:
        return StageText::stage(StageId::CrossReference);
    case Kind::Final:
        return StageText::stage(StageId::Final);
    case Kind::Score:
        return StageText::stage(StageId::Score);
    case Kind::Other:
        break;
    }
    return tr("Other");
}

void StageTimelineModel::setMeasure(Measure measure) {
    if (measure == measure_)
        return;
    measure_ = measure;
    rebuild();
}

void StageTimelineModel::rebuild() {
    beginResetModel();
    groups_.clear();
    for (int r = 0; r < stages_->rowCount(); ++r) {
        const QModelIndex i = stages_->index(r, 0);
        const Kind kind = kindOf(static_cast<StageId>(i.data(StagesModel::StageRole).toInt()),
                                 i.data(StagesModel::CandidateRole).toInt());
        // Rows of one kind are consecutive in the plan: a new kind opens a new group.
        if (groups_.empty() || groups_.back().kind != kind)
            groups_.push_back({kind, {}});
        groups_.back().rows.push_back(r);
    }
    measureBars();
    endResetModel();
}

// Each finished step's bar on the run's clock: it starts where the steps before it (in the
// order they ran) end. Flags sit where the stream was cut, read from the raw stream's
// "[RPI: …]" marks.
void StageTimelineModel::measureBars() {
    bars_.assign(static_cast<std::size_t>(stages_->rowCount()), Bar{});
    const UserTrace& trace = controller_->trace();
    std::vector<double> start(trace.steps.size(), 0), length(trace.steps.size(), 0);
    double total = 0;
    for (std::size_t i = 0; i < trace.steps.size(); ++i) {
        const StepRecord& s = trace.steps[i];
        start[i] = total;
        length[i] = measure_ == Measure::Time ? std::max(0.0, s.latencyMs)
                                              : static_cast<double>(s.tokens.completion);
        total += length[i];
    }
    if (total <= 0)
        total = 1;
    for (int r = 0; r < stages_->rowCount(); ++r) {
        const int step = stages_->index(r, 0).data(StagesModel::StepIndexRole).toInt();
        if (step < 0 || step >= static_cast<int>(trace.steps.size()))
            continue;
        const StepRecord& s = trace.steps[static_cast<std::size_t>(step)];
        Bar& bar = bars_[static_cast<std::size_t>(r)];
        bar.valid = true;
        bar.start = start[static_cast<std::size_t>(step)] / total;
        bar.length = length[static_cast<std::size_t>(step)] / total;
        int rounds = 0;
        for (const auto& e : trace.events)
            rounds += e.stepSeq == s.seq && e.kind == EventKind::Intervention ? 1 : 0;
        const std::string mark = "\n[RPI: ";
        std::size_t from = 0;
        for (int k = 0; k < rounds; ++k) {
            const std::size_t at = s.raw.find(mark, from);
            const double share = at != std::string::npos && !s.raw.empty()
                                     ? static_cast<double>(at) / static_cast<double>(s.raw.size())
                                     : static_cast<double>(k + 1) / static_cast<double>(rounds + 1);
            from = at == std::string::npos ? from : at + mark.size();
            bar.flags << bar.start + share * bar.length;
        }
    }
}

StageTimelineModel::Bar StageTimelineModel::groupBar(const Group& g) const {
    Bar out;
    double end = 0;
    for (int r : g.rows) {
        const Bar& b = bars_[static_cast<std::size_t>(r)];
        if (!b.valid)
            continue;
        out.start = out.valid ? std::min(out.start, b.start) : b.start;
        end = std::max(end, b.start + b.length);
        out.flags += b.flags;
        out.valid = true;
    }
    out.length = out.valid ? end - out.start : 0;
    return out;
}

QModelIndex StageTimelineModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < static_cast<int>(groups_.size()) ? createIndex(row, column, quintptr(0))
                                                      : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= static_cast<int>(groups_.size()))
        return {};
    const Group& g = groups_[static_cast<std::size_t>(parent.row())];
    if (leaf(g) || row >= static_cast<int>(g.rows.size()))
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex StageTimelineModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int StageTimelineModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return static_cast<int>(groups_.size());
    if (parent.column() != 0 || parent.internalId() != 0 ||
        parent.row() >= static_cast<int>(groups_.size()))
        return 0;
    const Group& g = groups_[static_cast<std::size_t>(parent.row())];
    return leaf(g) ? 0 : static_cast<int>(g.rows.size());
}

int StageTimelineModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

Qt::ItemFlags StageTimelineModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

int StageTimelineModel::sourceRow(const QModelIndex& index) const {
    if (!index.isValid())
        return -1;
    if (index.internalId() == 0) {
        if (index.row() >= static_cast<int>(groups_.size()))
            return -1;
        const Group& g = groups_[static_cast<std::size_t>(index.row())];
        return leaf(g) ? g.rows.front() : -1;
    }
    const auto group = static_cast<std::size_t>(index.internalId() - 1);
    if (group >= groups_.size() || index.row() >= static_cast<int>(groups_[group].rows.size()))
        return -1;
    return groups_[group].rows[static_cast<std::size_t>(index.row())];
}

QModelIndex StageTimelineModel::indexOfSourceRow(int row) const {
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        const auto& rows = groups_[g].rows;
        const auto it = std::find(rows.begin(), rows.end(), row);
        if (it == rows.end())
            continue;
        if (leaf(groups_[g]))
            return index(static_cast<int>(g), 0);
        return index(static_cast<int>(it - rows.begin()), 0, index(static_cast<int>(g), 0));
    }
    return {};
}

QVariant StageTimelineModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const int row = sourceRow(index);
    if (row >= 0)
        return stageData(row, index.column(), role);
    if (index.internalId() != 0 || index.row() >= static_cast<int>(groups_.size()))
        return {};
    return groupData(groups_[static_cast<std::size_t>(index.row())], index.column(), role);
}

QVariant StageTimelineModel::stageData(int row, int column, int role) const {
    const QModelIndex source = stages_->index(row, 0);
    const Bar& bar = bars_[static_cast<std::size_t>(row)];
    const auto stage = static_cast<StageId>(source.data(StagesModel::StageRole).toInt());
    const int candidate = source.data(StagesModel::CandidateRole).toInt();
    const auto state = static_cast<StagesModel::State>(source.data(StagesModel::StateRole).toInt());
    switch (role) {
    case StagesModel::StepIndexRole:
    case StagesModel::StageRole:
    case StagesModel::CandidateRole:
    case StagesModel::StateRole:
    case Qt::ForegroundRole:
        return source.data(role);
    case Qt::ToolTipRole:
        return stages_->index(row, StagesModel::ColumnTime).data(role);
    case BarStartRole:
        return bar.valid ? QVariant(bar.start) : QVariant();
    case BarLengthRole:
        return bar.valid ? QVariant(bar.length) : QVariant();
    case FlagsRole:
        return bar.flags;
    case KindRole:
        return static_cast<int>(kindOf(stage, candidate));
    case GroupRole:
        return false;
    case SourceRowRole:
        return row;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    if (column == ColumnName)
        return source.data(Qt::DisplayRole);
    // The figure beside the bar: the score and whether it is right, else tokens or time.
    if (state == StagesModel::State::Pending)
        return StageText::pending();
    if (state == StagesModel::State::Running)
        return StageText::running();
    if (stage == StageId::Score && state == StagesModel::State::Done)
        return StageText::scoreSummary(controller_->trace());
    QString text =
        measure_ == Measure::Time
            ? stages_->index(row, StagesModel::ColumnTime).data().toString()
            : tr("%1 tok").arg(stages_->index(row, StagesModel::ColumnTokens).data().toString());
    const QString rpi = stages_->index(row, StagesModel::ColumnRpi).data().toString();
    if (!rpi.isEmpty())
        text += QStringLiteral("  ") + rpi;
    return text;
}

QVariant StageTimelineModel::groupData(const Group& g, int column, int role) const {
    switch (role) {
    case StagesModel::StepIndexRole:
    case SourceRowRole:
        return -1;
    case BarStartRole:
    case BarLengthRole: {
        const Bar b = groupBar(g);
        if (!b.valid)
            return {};
        return role == BarStartRole ? b.start : b.length;
    }
    case FlagsRole:
        return groupBar(g).flags;
    case KindRole:
        return static_cast<int>(g.kind);
    case GroupRole:
        return true;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    if (column == ColumnName)
        return kindName(g.kind);
    int done = 0;
    for (int r : g.rows)
        done += bars_[static_cast<std::size_t>(r)].valid ? 1 : 0;
    return tr("%1/%2").arg(done).arg(g.rows.size());
}

QVariant StageTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == ColumnName)
        return tr("Stage");
    return measure_ == Measure::Time ? tr("Elapsed time") : tr("Tokens");
}

} // namespace r2p::ui
