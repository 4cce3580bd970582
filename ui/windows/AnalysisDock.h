// The Analysis dock, for the run the Users view shows: metrics and R2P's deltas sliced by
// profile size, gold label, failure label and RPI; agreement between annotators (Cohen's or
// Fleiss' kappa per label, confusion matrices); a retrieval sweep (metric against k for each
// system, run over the shown users); and leave-one-out attribution for the selected user (which
// retrieved item changed the answer or the score); and reasoning length against the metric.
// Sweeps and attributions run off the GUI thread and can be cancelled; a newer request drops an
// older one's result.
#pragma once

#include "ui/util/LatestTask.h"

#include <QDockWidget>
#include <memory>
#include <string>
#include <vector>

class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace r2p::analysis {
struct LeaveOneOutResult;
struct SliceReport;
struct SweepResult;
} // namespace r2p::analysis

namespace r2p::ui {

class Session;
struct StoredSweep;
class JudgeCheckView;
class ReasoningLengthView;
class TagsAnalysisView;

class AnalysisDock : public QDockWidget {
    Q_OBJECT
public:
    AnalysisDock(Session* session, QWidget* parent = nullptr);
    ~AnalysisDock() override;

    QTabWidget* tabs() const { return tabs_; }
    JudgeCheckView* judgeView() const { return judge_; }
    ReasoningLengthView* lengthView() const { return length_; }
    TagsAnalysisView* tagsView() const { return tagsView_; }
    QComboBox* sliceKindBox() const { return sliceKind_; }
    QTableWidget* slicesTable() const { return slices_; }
    QChartView* slicesChart() const { return slicesChart_; }
    QTableWidget* agreementTable() const { return agreement_; }
    QTableWidget* confusionTable() const { return confusion_; }
    QLabel* agreementLabel() const { return agreementHeading_; }
    // With three or more annotators: all of them (Fleiss' κ) or one pair (Cohen's κ).
    QComboBox* agreementPairBox() const { return pairBox_; }
    QLabel* confusionCaption() const { return confusionCaption_; }
    QLineEdit* sweepKs() const { return sweepKs_; }
    QSpinBox* sweepUsers() const { return sweepUsers_; }
    QPushButton* sweepButton() const { return sweepRun_; }
    // Plots the shown run and the stored runs that differ from it only in k (a sweep of stored
    // runs: r2p run --k 0,1,2,4), each system's metric with its 95% bootstrap interval.
    QPushButton* storedSweepButton() const { return sweepStored_; }
    void plotStoredSweep();
    QTableWidget* sweepTable() const { return sweepTable_; }
    QChartView* sweepChart() const { return sweepChart_; }
    QLabel* sweepStatus() const { return sweepStatus_; }
    QPushButton* attributionButton() const { return attributionRun_; }
    QTableWidget* attributionTable() const { return attributionTable_; }
    QLabel* attributionStatus() const { return attributionStatus_; }
    bool isWorking() const;

    // Recomputes what is out of date: the slices off the GUI thread (slicesPending() until they
    // are shown), the agreement here.
    void refreshSlices();
    bool slicesPending() const;
    void refreshAgreement();
    void startSweep();
    void startAttribution();
    void cancelWork();

private:
    struct SweepProgress;
    void onRunChanged();
    void fillPairBox(const std::vector<std::string>& annotators);
    void showSlices();             // slicesReport_'s slicing of the chosen kind
    QWidget* buildSlicesPage();    // The Slices page
    QWidget* buildAgreementPage(); // The Agreement page
    QWidget* buildSweepPage();     // The Retrieval sweep page
    void showStoredSweep(const StoredSweep& sweep);
    QWidget* buildAttributionPage(); // The Attribution page
    // The result, or null and why there is none.
    void showSweep(const analysis::SweepResult* result, const std::string& error);
    void showAttribution(const analysis::LeaveOneOutResult* result, const std::string& error);

    Session* session_;
    QLabel* heading_;
    QTabWidget* tabs_;
    JudgeCheckView* judge_ = nullptr;
    ReasoningLengthView* length_ = nullptr;
    TagsAnalysisView* tagsView_ = nullptr;
    QComboBox* sliceKind_;
    QTableWidget* slices_;
    QChartView* slicesChart_;
    QLabel* agreementHeading_;
    QTableWidget* agreement_;
    QTableWidget* confusion_;
    QComboBox* pairBox_;
    QLabel* confusionCaption_;
    QLineEdit* sweepKs_;
    QSpinBox* sweepUsers_;
    QPushButton* sweepRun_;
    QPushButton* sweepStored_;
    QPushButton* sweepCancel_;
    QTimer* sweepTimer_;
    QLabel* sweepStatus_;
    QTableWidget* sweepTable_;
    QChartView* sweepChart_;
    QPushButton* attributionRun_;
    QLabel* attributionStatus_;
    QTableWidget* attributionTable_;
    bool slicesDirty_ = true;
    std::shared_ptr<const analysis::SliceReport> slicesReport_; // of the shown run
    bool agreementDirty_ = true;
    std::shared_ptr<SweepProgress> sweepProgress_; // the running sweep's, for the status line
    // The sweep ("sweep") and the selected user's attribution ("attribution") on the long pool;
    // last, so they stop before the rest of the dock goes.
    LatestTask tasks_;
};

} // namespace r2p::ui
