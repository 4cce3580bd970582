// The engine for the selected user, driven from the GUI: Step (one stage), Run to end, Pause,
// Cancel, Re-run from a stage, Edit a stage's output. Stages run on a worker thread; the GUI
// reads a snapshot of the trace and the live stream, refreshed at most ~30 times a second. A new
// selection cancels the run of the previous user and drops whatever it still reports.
#pragma once

#include "model/Trace.h"
#include "pipeline/engine/Engine.h"
#include "ui/SpanSelection.h"
#include "ui/util/LatestTask.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace r2p::ui {

class Session;

class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(Session* session, QObject* parent = nullptr);
    ~RunController() override;

    // A user is loaded and the engine is ready for it.
    bool hasRun() const { return run_ != nullptr; }
    bool isRunning() const { return running_; }
    const UserTrace& trace() const { return trace_; }
    std::vector<StageId> plan() const;
    StageId nextStage() const { return nextStage_; }
    bool finished() const { return hasRun() && nextStage_ == StageId::Invalid; }
    // The stage in progress and what it has streamed so far.
    StageId runningStage() const { return liveStage_; }
    int runningCandidate() const { return liveCandidate_; }
    const QString& liveReasoning() const { return liveReasoning_; }
    const QString& liveAnswer() const { return liveAnswer_; }
    // The running stage's rounds of RPI interventions so far (cut text, injected thought).
    const QList<StreamRound>& liveRounds() const { return liveRounds_; }
    const std::vector<engine::PromptItem>& items() const { return items_; }
    // "offline (no LLM)" for the embedded reasoner, else the backend's name.
    QString backendLabel() const;
    bool offline() const { return offline_; }
    // Re-reads the settings (backend, retrieval, candidates, limits, template) for the next run.
    void applySettings();
    QString lastError() const { return lastError_; }

    // The profile items (by id) a step (by index in the trace) or a verdict cites, for the
    // selection the pane that picked it hands to Session.
    QStringList citedByStep(int stepIndex) const;
    QStringList citedByVerdict(int verdictIndex) const;
    // The trace index of the step of `stage` and `candidate`, or -1.
    int stepOf(StageId stage, int candidate) const;

    // Replays a stored trace of the selected user as if it ran now: each stage streams its text
    // over its recorded time divided by `speed` (a trace stored without times: ~0.4 s a stage).
    // For demos without a server. The engine run starts afresh afterwards.
    void replayStored(const UserTrace& stored, double speed);
    bool isReplaying() const { return replay_.active; }
    // When each stored step ends in a replay at `speed`, in ms from its start: the recorded
    // latencies divided by the speed, summed (~0.4 s a stage when the trace has no times).
    static std::vector<double> replayScheduleMs(const UserTrace& stored, double speed);
    QString replayLabel() const { return replay_.label; }
    // The stored run whose trace is shown (annotations attach to it); 0 while the trace is the
    // engine's own. Selecting a user of the shown run shows that user's stored R2P trace; Step
    // or Run then starts the engine afresh.
    std::int64_t storedRunId() const { return storedRunId_; }
    void showStored(const UserTrace& stored, std::int64_t runId);

    // Interactive runs are stored: once the engine's run of the selected user is finished its
    // trace is kept in the project as a one-user run (re-stored after a re-run or an edit), so
    // it can be annotated, compared and reported like a batch user. 0 while none is stored.
    std::int64_t interactiveRunId() const { return interactiveRunId_; }
    // The run annotations of the shown trace attach to: the stored run shown, else the stored
    // interactive run of this user (0: none).
    std::int64_t annotatedRunId() const {
        return storedRunId_ != 0 ? storedRunId_ : interactiveRunId_;
    }
    // Deletes the stored interactive run (its annotations too). False with lastError() when the
    // project cannot be written.
    bool discardInteractiveRun();

    // Streaming pace of the offline reasoner (0: at once). Applies to the next user.
    void setTokensPerSecond(double tokensPerSecond);

public slots:
    void step();
    void runToEnd();
    void pause();
    void cancel();
    // Forget `stage` and what follows; the next Step runs it again.
    bool rerunFrom(StageId stage);
    // Replace a finished stage's text and forget what follows.
    bool replaceOutput(StageId stage, int candidate, const QString& text);

signals:
    void traceChanged();
    void streamChanged();
    void runningChanged(bool running);
    void failed(const QString& message);
    // The finished interactive run was stored (or re-stored) as run `runId`; 0 once discarded.
    void interactiveRunStored(qint64 runId);

private:
    struct Live;
    class Observer;
    void reset();
    void resetTo(bool showStored);
    void start(bool toEnd);
    void finishStage(const Status& status);
    void flushLive();
    void takeSnapshot();
    QStringList profileIds(const std::vector<int>& numbers) const;
    bool change(const std::function<Status(engine::UserRun&)>& edit);
    void replayTick();
    void showStoredOfSelection(const std::string& userId);
    void setStored(UserTrace stored, std::int64_t runId);
    // A server and --mode auto: the prompt mode comes from asking the server once (off the GUI
    // thread, remembered in the project), before the first stage runs.
    bool modeProbeNeeded() const;
    void probeModeThenStart(bool toEnd);
    void storeInteractive();

    Session* session_;
    double paceOverride_ = -1; // setTokensPerSecond(); else the settings' pace
    bool offline_ = true;
    std::shared_ptr<llm::Backend> backend_;
    std::shared_ptr<const engine::EngineContext> ctx_;
    TaskId ctxTask_ = TaskId::Invalid;
    std::shared_ptr<Live> live_;
    std::shared_ptr<Observer> observer_; // shared with the worker: lives as long as its run
    std::shared_ptr<engine::UserRun> run_;
    struct ModeProbe {
        std::string key; // base URL and model
        engine::PromptMode mode = engine::PromptMode::Chat;
        std::string reason;
    };
    std::optional<ModeProbe> modeProbe_;
    void onModeProbed(ModeProbe probe);
    bool probeToEnd_ = false;
    QTimer flush_;
    bool running_ = false;
    UserTrace trace_;
    std::vector<engine::PromptItem> items_;
    StageId nextStage_ = StageId::Invalid;
    StageId liveStage_ = StageId::Invalid;
    int liveCandidate_ = 0;
    QString liveReasoning_, liveAnswer_;
    QList<StreamRound> liveRounds_;
    QString lastError_;
    std::int64_t storedRunId_ = 0;
    std::int64_t interactiveRunId_ = 0; // this user's stored interactive run
    struct Replay {
        bool active = false;
        bool done = false; // a replay was shown: the next Step starts the engine afresh
        UserTrace stored;
        std::size_t step = 0;
        std::vector<double> ends; // when each step ends, ms after the start (replayScheduleMs)
        double speed = 1;
        QString label;
        QTimer timer;
        QElapsedTimer clock;
    } replay_;
    // The selected user's stage ("stage") and the prompt-mode probe ("probe"): a new user's
    // stage never sees the old one's result. Last, so it stops before what the jobs use goes.
    LatestTask tasks_;
};

} // namespace r2p::ui
