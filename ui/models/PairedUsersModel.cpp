#include "PairedUsersModel.h"

#include "ui/widgets/DeltaText.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <algorithm>

namespace r2p::ui {

PairedUsersModel::PairedUsersModel(QObject* parent) : QAbstractTableModel(parent) {}

void PairedUsersModel::setComparison(std::shared_ptr<const analysis::RunComparison> comparison,
                                     std::size_t index) {
    beginResetModel();
    all_ = std::move(comparison);
    index_ = index;
    refilter();
    endResetModel();
    if (sortColumn_ >= 0)
        sort(sortColumn_, sortOrder_);
}

const analysis::Comparison* PairedUsersModel::comparison() const {
    if (!all_ || index_ >= all_->comparisons.size())
        return nullptr;
    return &all_->comparisons[index_];
}

PairedUsersModel::Outcome PairedUsersModel::outcomeOf(const analysis::UserChange& user) const {
    const bool lower = all_ && all_->better == metrics::Better::Lower;
    const double d = (lower ? -1.0 : 1.0) * (user.b - user.a);
    return d > 0 ? Outcome::Improvement : d < 0 ? Outcome::Regression : Outcome::Tie;
}

const analysis::UserChange* PairedUsersModel::userAt(int row) const {
    const auto* c = comparison();
    if (!c || row < 0 || row >= static_cast<int>(rows_.size()))
        return nullptr;
    return &c->users[rows_[static_cast<std::size_t>(row)]];
}

std::size_t PairedUsersModel::count(Outcome outcome) const {
    const auto* c = comparison();
    if (!c)
        return 0;
    return static_cast<std::size_t>(
        std::count_if(c->users.begin(), c->users.end(),
                      [&](const analysis::UserChange& u) { return outcomeOf(u) == outcome; }));
}

bool PairedUsersModel::setFilter(const QString& text, QString* error) {
    QStringList words;
    std::vector<int> outcomes;
    for (const QString& term : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!term.startsWith(QLatin1String("is:"), Qt::CaseInsensitive)) {
            words << term.toLower();
            continue;
        }
        const QString what = term.mid(3).toLower();
        if (what == QLatin1String("regression"))
            outcomes.push_back(static_cast<int>(Outcome::Regression));
        else if (what == QLatin1String("improvement"))
            outcomes.push_back(static_cast<int>(Outcome::Improvement));
        else if (what == QLatin1String("tie"))
            outcomes.push_back(static_cast<int>(Outcome::Tie));
        else {
            if (error)
                *error = tr("Unknown filter \"%1\": use is:regression, is:improvement or is:tie.")
                             .arg(term);
            return false;
        }
    }
    beginResetModel();
    filter_ = text;
    words_ = words;
    outcomes_ = outcomes;
    refilter();
    endResetModel();
    if (sortColumn_ >= 0)
        sort(sortColumn_, sortOrder_);
    return true;
}

void PairedUsersModel::refilter() {
    rows_.clear();
    const auto* c = comparison();
    if (!c)
        return;
    rows_.reserve(c->users.size());
    for (std::size_t i = 0; i < c->users.size(); ++i) {
        const auto& u = c->users[i];
        // Several is: terms: any of them (is:regression is:improvement lists every change).
        if (!outcomes_.empty() && std::find(outcomes_.begin(), outcomes_.end(),
                                            static_cast<int>(outcomeOf(u))) == outcomes_.end())
            continue;
        bool all = true;
        for (const QString& w : words_) {
            auto has = [&w](const std::string& s) {
                return QString::fromStdString(s).contains(w, Qt::CaseInsensitive);
            };
            if (!has(u.userId) && !has(u.predictionA) && !has(u.predictionB) && !has(u.gold)) {
                all = false;
                break;
            }
        }
        if (all)
            rows_.push_back(static_cast<std::uint32_t>(i));
    }
}

int PairedUsersModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PairedUsersModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString PairedUsersModel::itemScoreText(const std::string& name) {
    if (name == "correctness")
        return tr("correctness");
    if (name == "absolute error")
        return tr("absolute error");
    if (name == "squared error")
        return tr("squared error");
    return QString::fromStdString(name);
}

QString PairedUsersModel::outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::Improvement:
        return tr("improvement");
    case Outcome::Regression:
        return tr("regression");
    case Outcome::Tie:
        break;
    }
    return tr("tie");
}

namespace {

QString oneLine(const std::string& s) {
    QString t = QString::fromStdString(s);
    t.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return t;
}

} // namespace

double PairedUsersModel::sortKey(const analysis::UserChange& u, int column) const {
    switch (column) {
    case ColumnA:
        return u.a;
    case ColumnB:
        return u.b;
    case ColumnDelta:
        return u.b - u.a;
    case ColumnOutcome:
        return static_cast<double>(outcomeOf(u));
    default:
        break;
    }
    return 0;
}

QVariant PairedUsersModel::data(const QModelIndex& index, int role) const {
    const analysis::UserChange* u = userAt(index.row());
    if (!u || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const bool classification =
        all_->task != TaskId::Invalid && taskSpec(all_->task).kind == TaskKind::Classification;
    const int decimals = taskSpec(all_->task).kind == TaskKind::Generation ? 3 : 2;
    auto score = [&](double v) {
        if (classification)
            return v > 0.5 ? QStringLiteral("✔") : QStringLiteral("✖");
        return QLocale().toString(v, 'f', decimals);
    };
    const Outcome outcome = outcomeOf(*u);
    if (role == UserIdRole)
        return QString::fromStdString(u->userId);
    if (role == OutcomeRole)
        return static_cast<int>(outcome);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case ColumnUser:
            return QString::fromStdString(u->userId);
        case ColumnA:
            return score(u->a);
        case ColumnB:
            return score(u->b);
        case ColumnDelta:
            return DeltaText::value(u->b - u->a, classification ? 0 : decimals);
        case ColumnOutcome:
            return outcomeName(outcome);
        case ColumnAnswerA:
            return oneLine(u->predictionA);
        case ColumnAnswerB:
            return oneLine(u->predictionB);
        case ColumnGold:
            return oneLine(u->gold);
        default:
            break;
        }
    }
    if (role == Qt::ForegroundRole &&
        (index.column() == ColumnDelta || index.column() == ColumnOutcome) &&
        outcome != Outcome::Tie)
        return QBrush(outcome == Outcome::Improvement ? QColor(0x2e, 0x7d, 0x32)
                                                      : QColor(0xc6, 0x28, 0x28));
    if (role == Qt::TextAlignmentRole && index.column() >= ColumnA && index.column() <= ColumnDelta)
        return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PairedUsersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == ColumnDelta)
        return all_ ? tr("B − A in the user's %1 (%2)")
                          .arg(itemScoreText(all_->itemScore),
                               DeltaText::direction(all_->better == metrics::Better::Lower))
                    : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ColumnUser:
        return tr("User");
    case ColumnA:
        return tr("A");
    case ColumnB:
        return tr("B");
    case ColumnDelta:
        return tr("Δ (B − A)");
    case ColumnOutcome:
        return tr("Change");
    case ColumnAnswerA:
        return tr("A's answer");
    case ColumnAnswerB:
        return tr("B's answer");
    case ColumnGold:
        return tr("Gold");
    default:
        break;
    }
    return {};
}

void PairedUsersModel::sort(int column, Qt::SortOrder order) {
    const auto* c = comparison();
    sortColumn_ = column;
    sortOrder_ = order;
    if (!c || column < 0)
        return;
    beginResetModel(); // a reset, not a layout change: no persistent indexes to move
    const auto& users = c->users;
    auto less = [&](std::uint32_t x, std::uint32_t y) {
        if (column == ColumnUser || column >= ColumnAnswerA) {
            const auto& ux = users[x];
            const auto& uy = users[y];
            const std::string& sx = column == ColumnUser      ? ux.userId
                                    : column == ColumnAnswerA ? ux.predictionA
                                    : column == ColumnAnswerB ? ux.predictionB
                                                              : ux.gold;
            const std::string& sy = column == ColumnUser      ? uy.userId
                                    : column == ColumnAnswerA ? uy.predictionA
                                    : column == ColumnAnswerB ? uy.predictionB
                                                              : uy.gold;
            return sx < sy;
        }
        return sortKey(users[x], column) < sortKey(users[y], column);
    };
    if (order == Qt::AscendingOrder)
        std::stable_sort(rows_.begin(), rows_.end(), less);
    else
        std::stable_sort(rows_.begin(), rows_.end(),
                         [&](std::uint32_t x, std::uint32_t y) { return less(y, x); });
    endResetModel();
}

} // namespace r2p::ui
