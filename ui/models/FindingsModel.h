// The Findings list: severity, message, record and location of each finding of the input files,
// and of the shown run (the users with failures, contradicted candidates, answers out of format,
// interventions: what the status bar counts), worst first.
#pragma once

#include "model/Finding.h"
#include "ui/RunText.h"

#include <QAbstractTableModel>
#include <cstdint>
#include <vector>

namespace r2p::ui {

class FindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ColumnSeverity = 0, ColumnMessage, ColumnRecord, ColumnLocation, ColumnCount };
    enum Role {
        RecordIdRole = Qt::UserRole + 1, // the (first) question id it concerns
        SeverityRole,
        UserFilterRole, // a run finding's Users filter ("has:intervention"); empty otherwise
        RunRole,        // the run a run finding is about; 0 for an input finding
    };

    explicit FindingsModel(QObject* parent = nullptr);
    void setFindings(std::vector<Finding> findings);
    // The shown run's findings (runId 0: none).
    void setRunFindings(std::int64_t runId, std::vector<RunFinding> findings);
    const std::vector<Finding>& findings() const { return findings_; }
    const std::vector<RunFinding>& runFindings() const { return runFindings_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        bool run = false;      // a run finding (else an input finding)
        std::size_t index = 0; // into runFindings_ or findings_
    };
    void rebuildRows();
    QVariant runData(const RunFinding& f, int column, int role) const;

    std::vector<Finding> findings_;
    std::int64_t runId_ = 0;
    std::vector<RunFinding> runFindings_;
    std::vector<Row> rows_; // worst first; at one severity the run's, then the files'
};

} // namespace r2p::ui
