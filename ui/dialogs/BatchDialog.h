// The batch run dialog: which users (all, the ones the filter shows, or the first N), which
// systems, which backend and model, how many users at once; then progress with ETA, tokens/s
// and errors, Cancel, and Resume for a cancelled run. Finished users are in the project file the
// moment they finish; the run's results then show in the Users view.
#pragma once

#include "model/Trace.h"
#include "pipeline/engine/RunService.h"
#include "ui/util/LatestTask.h"

#include <QDialog>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace r2p::engine {
class BatchRunner;
} // namespace r2p::engine

namespace r2p::ui {

class Session;

class BatchDialog : public QDialog {
    Q_OBJECT
public:
    // `filteredRows`: dataset rows the Users view currently shows, in its order.
    BatchDialog(Session* session, std::vector<std::size_t> filteredRows, QWidget* parent = nullptr);
    ~BatchDialog() override;

    bool isRunning() const;
    std::int64_t runId() const { return runId_; }
    QString statusText() const;
    QString errorsText() const;

    // For tests and scripts.
    void setSystems(const std::vector<SystemId>& systems);
    void setUserScope(int scope, int firstN = 0); // 0 all, 1 filtered, 2 first N
    void setConcurrency(int users);
    void setOfflinePace(double tokensPerSecond) { offlinePace_ = tokensPerSecond; }
    // One system's sampling, as `r2p run --sampling SYSTEM:...` sets it; unset fields keep the
    // run's defaults.
    void setSampling(SystemId system, const engine::Sampling& sampling);

public slots:
    void start();
    void cancel();
    void resume();

signals:
    void runFinished(qint64 runId, bool cancelled);

private:
    struct Outcome;
    struct Prepared {
        engine::RunSpec spec;
        Result<engine::PreparedRun> prepared = Error{"not prepared"};
        bool resuming = false;
    };
    void addBackendRows(QFormLayout* form);
    void launch(bool resuming);
    // The endpoints listed, as r2p run --endpoint parses them; false with a message naming the
    // line at fault.
    bool endpointsFromWidget(std::vector<llm::PoolEndpoint>& out, QString* error) const;
    engine::RunSpec specFromWidgets(const std::vector<SystemId>& systems,
                                    const std::vector<std::size_t>& users) const;
    void onPrepared(Prepared out);
    void onProgress(std::size_t done, std::size_t skipped, std::size_t failed, std::size_t total,
                    double elapsedMs, qint64 tokens, const QString& lastError);
    void onFinished(const Outcome& out);
    void updateButtons();
    std::vector<SystemId> chosenSystems() const;
    std::vector<std::size_t> chosenUsers() const;

    Session* session_;
    std::vector<std::size_t> filtered_;
    std::vector<std::pair<SystemId, QCheckBox*>> systems_;
    QComboBox* scope_;
    QSpinBox* firstN_;
    QComboBox* backend_;
    QLineEdit* baseUrl_;
    QPlainTextEdit* endpoints_; // several servers of the model, one --endpoint spec a line
    std::optional<engine::PreparedRun> prepared_; // the running batch's backend (its replicas)
    QLineEdit* model_;
    QSpinBox* concurrency_;
    QSpinBox* totalTimeout_ = nullptr;
    QSpinBox* idleTimeout_ = nullptr;
    QSpinBox* k_;
    QSpinBox* candidates_;
    QComboBox* mainMetric_;
    // Per system: temperature, top-p and max tokens; each at its minimum means "default".
    struct SamplingRow {
        SystemId system = SystemId::Invalid;
        QDoubleSpinBox* temperature = nullptr;
        QDoubleSpinBox* topP = nullptr;
        QSpinBox* maxTokens = nullptr;
        QLineEdit* model = nullptr; // empty: the run's model
    };
    std::vector<SamplingRow> sampling_;
    QGridLayout* samplingGrid();
    std::map<SystemId, engine::Sampling> samplingFromWidgets() const;
    QProgressBar* progress_;
    QLabel* status_;
    QPlainTextEdit* errors_;
    QPushButton* start_;
    QPushButton* cancel_;
    QPushButton* resume_;
    QPushButton* close_;

    double offlinePace_ = 0;
    std::int64_t runId_ = 0;
    bool lastCancelled_ = false;
    std::vector<std::size_t> lastUsers_;
    std::vector<SystemId> lastSystems_;
    std::shared_ptr<engine::BatchRunner> runner_;
    // Preparing the run, then the batch itself, on the long pool (last, so it goes first).
    LatestTask tasks_;
};

} // namespace r2p::ui
