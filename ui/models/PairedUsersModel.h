// The Compare Runs view's per-user table: every user two (run, system) sides share, with each
// side's per-user score, the change, whether it is an improvement, a regression or a tie (by the
// metric's direction), both answers and the gold. A filter keeps the rows that match every term:
// `is:regression`, `is:improvement`, `is:tie`, or words found in the user id, an answer or the
// gold. Filtering and sorting work on row numbers, so 20,000 users re-filter in a few ms.
#pragma once

#include "pipeline/analysis/RunComparison.h"

#include <QAbstractTableModel>
#include <QString>
#include <memory>
#include <vector>

namespace r2p::ui {

class PairedUsersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ColumnUser = 0,
        ColumnA,
        ColumnB,
        ColumnDelta,
        ColumnOutcome,
        ColumnAnswerA,
        ColumnAnswerB,
        ColumnGold,
        ColumnCount
    };
    enum class Outcome { Tie = 0, Improvement, Regression };
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        OutcomeRole, // Outcome as int
        SortRole,
    };

    explicit PairedUsersModel(QObject* parent = nullptr);
    // Shows comparison `index` of `comparison` (null or out of range: nothing), filter kept.
    void setComparison(std::shared_ptr<const analysis::RunComparison> comparison,
                       std::size_t index);
    // Returns false (and keeps the previous filter) with a message for an unknown `is:` term.
    bool setFilter(const QString& text, QString* error = nullptr);
    QString filter() const { return filter_; }

    const analysis::Comparison* comparison() const;
    Outcome outcomeOf(const analysis::UserChange& user) const;
    // The user shown at `row`, or null.
    const analysis::UserChange* userAt(int row) const;
    // Users of the comparison with each outcome (the whole comparison, not the filter).
    std::size_t count(Outcome outcome) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString outcomeName(Outcome outcome);
    // What the per-user test and win/tie/loss use, in the reader's language: "correctness",
    // "absolute error", "squared error", or the ROUGE variant's own name.
    static QString itemScoreText(const std::string& name);

private:
    void refilter();
    double sortKey(const analysis::UserChange& user, int column) const;

    std::shared_ptr<const analysis::RunComparison> all_;
    std::size_t index_ = 0;
    QString filter_;
    QStringList words_;               // lower-case plain terms
    std::vector<int> outcomes_;       // wanted Outcome values; empty: all
    std::vector<std::uint32_t> rows_; // shown users, as indexes into Comparison::users
    int sortColumn_ = -1;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
};

} // namespace r2p::ui
