#include "VerdictsModel.h"

#include "ui/RunController.h"
#include "ui/StageText.h"

#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QStringList>

namespace r2p::ui {

VerdictsModel::VerdictsModel(RunController* controller, QObject* parent)
    : QAbstractTableModel(parent), controller_(controller) {
    connect(controller_, &RunController::traceChanged, this, &VerdictsModel::rebuild);
    rebuild();
}

void VerdictsModel::rebuild() {
    beginResetModel();
    verdicts_ = controller_->trace().verdicts;
    endResetModel();
}

int VerdictsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(verdicts_.size());
}

int VerdictsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VerdictsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(verdicts_.size()))
        return {};
    const VerdictRecord& v = verdicts_[static_cast<std::size_t>(index.row())];
    QStringList evidence;
    for (int n : v.evidence)
        evidence << QStringLiteral("P%1").arg(n);
    switch (role) {
    case VerdictRole:
        return static_cast<int>(v.verdict);
    case EvidenceRole: {
        QVariantList list;
        for (int n : v.evidence)
            list << n;
        return list;
    }
    case ChosenRole:
        return v.chosen;
    case Qt::ToolTipRole:
        return QString::fromStdString(v.reason);
    case Qt::FontRole:
        if (v.chosen) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ColumnVerdict)
            return QBrush(StageText::verdictColor(v.verdict));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case ColumnCandidate:
        return QStringLiteral("#%1").arg(v.candidate + 1);
    case ColumnAnswer:
        return QString::fromStdString(v.answer).simplified();
    case ColumnVerdict: {
        const QString mark = v.verdict == Verdict::Supported      ? QStringLiteral("✔ ")
                             : v.verdict == Verdict::Contradicted ? QStringLiteral("✖ ")
                             : v.verdict == Verdict::Partial      ? QStringLiteral("~ ")
                                                                  : QStringLiteral("? ");
        return mark + StageText::verdict(v.verdict);
    }
    case ColumnEvidence:
        return evidence.join(QStringLiteral(", "));
    case ColumnAgreement:
        return QLocale().toString(v.agreement * 100.0, 'f', 0) + QStringLiteral(" %");
    case ColumnChosen:
        return v.chosen ? tr("chosen") : QString();
    default:
        return {};
    }
}

QVariant VerdictsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole)
        switch (section) {
        case ColumnEvidence:
            return tr("The retrieved items the cross-reference found supporting this candidate");
        case ColumnAgreement:
            return tr("How far this candidate agrees with the other candidates (the "
                      "cross-reference's consensus)");
        case ColumnChosen:
            return tr("The candidate the cross-reference chose as the final answer");
        default:
            return {};
        }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ColumnCandidate:
        return tr("Candidate");
    case ColumnAnswer:
        return tr("Answer");
    case ColumnVerdict:
        return tr("Verdict");
    case ColumnEvidence:
        return tr("Evidence");
    case ColumnAgreement:
        return tr("Agreement");
    case ColumnChosen:
        return tr("Final");
    default:
        return {};
    }
}

} // namespace r2p::ui
