#include "UsersModel.h"

#include "ui/StageText.h"
#include "ui/widgets/DeltaText.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QStringList>
#include <cmath>

namespace r2p::ui {

UsersModel::UsersModel(QObject* parent) : QAbstractTableModel(parent) {}

void UsersModel::setDataset(std::shared_ptr<const DatasetIndex> dataset) {
    beginResetModel();
    dataset_ = std::move(dataset);
    endResetModel();
}

void UsersModel::setRun(std::shared_ptr<const RunResults> run) {
    run_ = std::move(run);
    tagFacts_.reset(); // another run's
    if (rowCount() > 0)
        emit dataChanged(index(0, ColumnR2p), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, ColumnR2p, ColumnCount - 1);
}

void UsersModel::setAnnotationCounts(std::shared_ptr<const AnnotationCounts> counts) {
    counts_ = std::move(counts);
    if (rowCount() > 0)
        emit dataChanged(index(0, ColumnNotes), index(rowCount() - 1, ColumnNotes));
}

QVariant UsersModel::notesData(const UserIndexEntry& user, int role) const {
    const int n = counts_ ? counts_->onRunOf(user.id) : 0;
    const bool earlier = counts_ && counts_->onOtherRuns.count(user.id) > 0;
    switch (role) {
    case Qt::DisplayRole: {
        QString text = n > 0 ? QStringLiteral("✎ %1").arg(n) : QString();
        if (earlier)
            text += text.isEmpty() ? QStringLiteral("◷") : QStringLiteral(" ◷");
        return text;
    }
    case Qt::ToolTipRole: {
        QStringList parts;
        if (n > 0)
            parts << tr("%n annotation(s) on the shown run", nullptr, n);
        if (earlier)
            parts << tr("annotated on an earlier run of this questions file");
        return parts.join(QLatin1Char('\n'));
    }
    case SortRole:
        return n * 2 + (earlier ? 1 : 0);
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant UsersModel::runData(const UserIndexEntry& user, int column, int role) const {
    if (column == ColumnNotes)
        return notesData(user, role);
    const UserRunRow* r = run_ ? run_->row(user.id) : nullptr;
    if (!r)
        return {};
    auto score = [this](double v) {
        return run_->metric == "accuracy" ? (v > 0.5 ? QStringLiteral("✔") : QStringLiteral("✖"))
                                          : QLocale().toString(v, 'f', 2);
    };
    auto answer = [&](const std::string& text, bool scored, double v) {
        QString a = QString::fromStdString(text).simplified();
        if (a.size() > 60)
            a = a.left(60) + QChar(0x2026);
        return scored ? QStringLiteral("%1  %2").arg(a, score(v)) : a;
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ColumnR2p:
            return r->hasR2p ? answer(run_->r2pAnswer(*r), r->r2pScored, r->r2pScore) : QString();
        case ColumnBaseline:
            return r->hasBaseline
                       ? answer(run_->baselineAnswer(*r), r->baselineScored, r->baselineScore)
                       : QString();
        case ColumnDelta:
            if (!r->comparable())
                return QString();
            return (r->delta() > 0 ? QStringLiteral("+") : QString()) +
                   QLocale().toString(r->delta(), 'f', run_->metric == "accuracy" ? 0 : 2);
        case ColumnRpi:
            return r->interventions > 0 ? QStringLiteral("⚑ %1").arg(r->interventions) : QString();
        case ColumnVerdicts:
            return r->contradicted > 0 ? QStringLiteral("✖ %1").arg(r->contradicted) : QString();
        }
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case ColumnR2p:
            return QString::fromStdString(run_->r2pAnswer(*r));
        case ColumnBaseline:
            return QString::fromStdString(run_->baselineAnswer(*r));
        case ColumnDelta:
            if (!r->comparable())
                return QString();
            return tr("R2P minus %1 on %2: %3 (%4)")
                .arg(StageText::system(run_->baseline), QString::fromStdString(run_->metric),
                     DeltaText::full(r->delta(), run_->lowerIsBetter),
                     DeltaText::direction(run_->lowerIsBetter));
        }
        break;
    case SortRole:
        switch (column) {
        case ColumnR2p:
            return r->r2pScored ? QString::number(r->r2pScore, 'f', 6) : QString();
        case ColumnBaseline:
            return r->baselineScored ? QString::number(r->baselineScore, 'f', 6) : QString();
        case ColumnDelta:
            // Sorted from worst to best for R2P, whatever the metric's direction.
            return r->comparable() ? static_cast<qlonglong>(std::llround(
                                         (run_->lowerIsBetter ? -r->delta() : r->delta()) * 1e6))
                                   : QVariant(QString());
        case ColumnRpi:
            return r->interventions;
        case ColumnVerdicts:
            return r->contradicted;
        }
        break;
    case Qt::ForegroundRole:
        if (column == ColumnDelta && r->comparable()) {
            if (run_->better(*r))
                return QBrush(QColor(0x2e, 0x9e, 0x4f));
            if (run_->worse(*r))
                return QBrush(QColor(0xd2, 0x3c, 0x3c));
        }
        if (column == ColumnVerdicts && r->contradicted > 0)
            return QBrush(QColor(0xd2, 0x3c, 0x3c));
        break;
    case Qt::TextAlignmentRole:
        if (column == ColumnDelta || column == ColumnRpi || column == ColumnVerdicts)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        break;
    }
    return {};
}

int UsersModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !dataset_)
        return 0;
    return static_cast<int>(dataset_->users.size());
}

int UsersModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !dataset_ || index.row() >= rowCount())
        return {};
    const auto& u = dataset_->users[static_cast<std::size_t>(index.row())];
    if (index.column() >= ColumnR2p)
        return role == DatasetRowRole ? QVariant(index.row()) : runData(u, index.column(), role);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ColumnOrder:
            return index.row() + 1;
        case ColumnId:
            return QString::fromStdString(u.id);
        case ColumnProfile:
            return u.profileSize;
        case ColumnGold:
            if (!u.hasGold)
                return role == Qt::ToolTipRole ? tr("No gold output for this user") : QString();
            return QString::fromStdString(u.gold);
        case ColumnUser:
            return QString::fromStdString(u.userId);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case ColumnOrder:
            return index.row();
        case ColumnId: {
            bool numeric = false;
            const qlonglong n = QString::fromStdString(u.id).toLongLong(&numeric);
            // Numeric ids sort as numbers, before any non-numeric ones.
            return numeric ? QVariant(n) : QVariant(QString::fromStdString(u.id));
        }
        case ColumnProfile:
            return u.profileSize;
        case ColumnGold:
            return QString::fromStdString(u.gold);
        case ColumnUser:
            return QString::fromStdString(u.userId);
        }
        break;
    case DatasetRowRole:
        return index.row();
    case Qt::TextAlignmentRole:
        if (index.column() == ColumnOrder || index.column() == ColumnProfile)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == ColumnOrder)
            return QVariant(); // left to the style; dimmed via the delegate palette
        break;
    default:
        break;
    }
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ColumnOrder:
            return tr("#");
        case ColumnId:
            return tr("ID");
        case ColumnProfile:
            return tr("Profile");
        case ColumnGold:
            return tr("Gold");
        case ColumnUser:
            return tr("User");
        case ColumnR2p:
            return tr("R2P");
        case ColumnBaseline:
            return run_ ? StageText::system(run_->baseline) : tr("Baseline");
        case ColumnDelta:
            return tr("Δ");
        case ColumnRpi:
            return tr("RPI");
        case ColumnVerdicts:
            return tr("Contradicted");
        case ColumnNotes:
            return tr("Notes");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case ColumnOrder:
            return tr("Position in the questions file");
        case ColumnId:
            return tr("Question id");
        case ColumnProfile:
            return tr("Number of profile items");
        case ColumnGold:
            return tr("Gold output from the outputs file");
        case ColumnUser:
            return tr("User id (time-based splits)");
        case ColumnR2p:
            return tr("R2P's final answer and its score in the shown run");
        case ColumnBaseline:
            return tr("The baseline's answer and score in the shown run");
        case ColumnDelta:
            return tr("R2P minus the baseline on the task's main metric (green: R2P better, red: "
                      "R2P worse; for MAE and RMSE lower is better)");
        case ColumnRpi:
            return tr("RPI interventions in R2P's run");
        case ColumnVerdicts:
            return tr("Candidates the cross-reference found contradicted");
        case ColumnNotes:
            return tr("Failure annotations on the shown run (◷: annotated on an earlier run)");
        }
    }
    return {};
}

} // namespace r2p::ui
