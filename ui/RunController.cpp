#include "RunController.h"

#include "Session.h"
#include "Settings.h"
#include "model/ResponseCache.h"
#include "model/RunStore.h"
#include "pipeline/engine/BackendChoice.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/PromptModeChoice.h"
#include "pipeline/engine/Rpi.h"
#include "pipeline/engine/RunService.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/llm/OpenAiBackend.h"

#include <QStringList>
#include <algorithm>
#include <functional>
#include <mutex>

namespace r2p::ui {

// What the worker reports, picked up by the GUI's flush timer (so a fast stream costs at most
// ~30 repaints a second, however many deltas arrive).
struct RunController::Live {
    std::mutex mutex;
    StageId stage = StageId::Invalid;
    int candidate = 0;
    std::string reasoning, answer;
    // The stage's rounds of interventions so far: what streamed before the cut, the cut text,
    // the injected thought (the stream restarts after each, so they are kept apart).
    struct Round {
        std::string kept, violating, injected;
    };
    std::vector<Round> rounds;
    bool roundOpen = false; // the last round still takes interventions (no new attempt yet)
    std::vector<StepRecord> steps;
    std::vector<EventRecord> events;
    bool dirty = false;
};

class RunController::Observer : public engine::EngineObserver {
public:
    explicit Observer(std::shared_ptr<Live> live) : live_(std::move(live)) {}
    void stageStarted(SystemId, StageId stage, int candidate) override {
        std::lock_guard lock(live_->mutex);
        // The same stage started again is RPI's next attempt: its rounds stay on screen.
        if (stage != live_->stage || candidate != live_->candidate)
            live_->rounds.clear();
        live_->roundOpen = false;
        live_->stage = stage;
        live_->candidate = candidate;
        live_->reasoning.clear();
        live_->answer.clear();
        live_->dirty = true;
    }
    void delta(SystemId, StageId, int, std::string_view reasoning,
               std::string_view answer) override {
        std::lock_guard lock(live_->mutex);
        live_->reasoning += reasoning;
        live_->answer += answer;
        live_->dirty = true;
    }
    void stepFinished(SystemId, const StepRecord& step) override {
        std::lock_guard lock(live_->mutex);
        live_->rounds.clear();
        live_->roundOpen = false;
        live_->steps.push_back(step);
        live_->dirty = true;
    }
    void event(SystemId, const EventRecord& event) override {
        std::lock_guard lock(live_->mutex);
        if (event.kind == EventKind::Intervention)
            addRound(event);
        live_->events.push_back(event);
        live_->dirty = true;
    }

private:
    // Splits what streamed in this attempt at the cut (the cut text is its tail when the rule
    // kept what came before).
    void addRound(const EventRecord& event) {
        if (live_->roundOpen && !live_->rounds.empty()) {
            live_->rounds.back().injected += " " + event.injected;
            return;
        }
        const std::string streamed = live_->reasoning + live_->answer;
        Live::Round round;
        const std::size_t at =
            event.violating.empty() ? streamed.size() : streamed.rfind(event.violating);
        if (at == std::string::npos) {
            round.violating = event.violating;
        } else {
            round.kept = streamed.substr(0, at);
            round.violating = streamed.substr(at);
        }
        round.injected = event.injected;
        live_->rounds.push_back(std::move(round));
        live_->roundOpen = true;
    }

    std::shared_ptr<Live> live_;
};

namespace {
const QString kStage = QStringLiteral("stage");
const QString kProbe = QStringLiteral("probe");
} // namespace

RunController::RunController(Session* session, QObject* parent)
    : QObject(parent), session_(session) {
    flush_.setInterval(33);
    connect(&flush_, &QTimer::timeout, this, &RunController::flushLive);
    replay_.timer.setInterval(16);
    connect(&replay_.timer, &QTimer::timeout, this, &RunController::replayTick);
    connect(session_, &Session::recordChanged, this, &RunController::reset);
    connect(session_, &Session::taskChanged, this, &RunController::reset);
    connect(session_, &Session::datasetChanged, this, &RunController::reset);
    // Another stored run shown: show its trace, unless the engine's own run has progressed.
    connect(session_, &Session::runChanged, this, [this] {
        if (!running_ && (storedRunId_ != 0 || trace_.steps.empty()))
            reset();
    });
    // The cache lives in the project: a new project needs a new backend.
    connect(session_, &Session::projectChanged, this, &RunController::applySettings);
}

RunController::~RunController() {
    if (run_)
        run_->cancel(); // tasks_ then waits for the stage to stop
}

void RunController::onModeProbed(ModeProbe probe) {
    modeProbe_ = std::move(probe);
    const bool waiting = running_ && !tasks_.isPending(kStage);
    running_ = false;
    ctx_.reset();
    resetTo(false); // nothing ran yet: the user's run starts over in the probed mode
    if (waiting)
        start(probeToEnd_);
}

namespace {
std::string probeKey(const RunSettings& s) {
    return s.baseUrl.trimmed().toStdString() + "\t" + s.model.toStdString();
}
} // namespace

bool RunController::modeProbeNeeded() const {
    return !offline_ && (!modeProbe_ || modeProbe_->key != probeKey(RunSettings::load()));
}

void RunController::probeModeThenStart(bool toEnd) {
    const RunSettings settings = RunSettings::load();
    engine::EngineConfig config = settings.engineConfig();
    config.mode = engine::PromptMode::Auto;
    llm::EndpointConfig endpoint;
    endpoint.baseUrl = settings.baseUrl.trimmed().toStdString();
    endpoint.apiKeyEnv = settings.apiKeyEnv.toStdString();
    ProjectStore* store = session_->store();
    probeToEnd_ = toEnd;
    running_ = true;
    emit runningChanged(true);
    tasks_.start(
        kProbe, LatestTask::Pool::Short,
        [config, endpoint, store, key = probeKey(settings)](const std::atomic<bool>&) {
            ModeProbe probe;
            probe.key = key;
            auto choice = engine::choosePromptMode(config, "", endpoint, store);
            if (choice) {
                probe.mode = choice->mode;
                probe.reason = choice->reason;
            } else {
                probe.reason = "chat: " + choice.error().message;
            }
            return probe;
        },
        [this](ModeProbe probe) { onModeProbed(std::move(probe)); });
}

QString RunController::backendLabel() const {
    if (replay_.active || replay_.done)
        return replay_.label;
    if (offline_)
        return tr("offline (no LLM)");
    const RunSettings s = RunSettings::load();
    return tr("%1 at %2").arg(s.model, s.baseUrl);
}

void RunController::setTokensPerSecond(double tokensPerSecond) {
    paceOverride_ = tokensPerSecond;
    applySettings();
}

void RunController::applySettings() {
    if (run_)
        run_->cancel();
    tasks_.cancel(kStage);
    tasks_.waitForDone(); // the old backend may still serve a cancelled stage
    run_.reset();
    backend_.reset();
    ctx_.reset();
    reset();
}

std::vector<StageId> RunController::plan() const {
    return run_ ? run_->plan() : std::vector<StageId>{};
}

void RunController::reset() {
    resetTo(true);
}

void RunController::resetTo(bool showStored) {
    if (replay_.active) {
        replay_.timer.stop();
        replay_.active = false;
    }
    replay_.done = false;
    storedRunId_ = 0;
    interactiveRunId_ = 0; // another user (or settings): the next finished run is a new one
    // The previous user's run stops; whatever it still reports is dropped with its Live, and
    // its stage's result never arrives.
    if (run_)
        run_->cancel();
    tasks_.cancel(kStage);
    run_.reset();
    live_ = std::make_shared<Live>();
    observer_ = std::make_shared<Observer>(live_);
    trace_ = {};
    items_.clear();
    nextStage_ = StageId::Invalid;
    liveStage_ = StageId::Invalid;
    liveReasoning_.clear();
    liveRounds_.clear();
    liveAnswer_.clear();
    lastError_.clear();
    const auto record = session_->record();
    const TaskId task = session_->task();
    const UserIndexEntry* entry = session_->selectedEntry();
    if (record && entry && task != TaskId::Invalid) {
        const RunSettings settings = RunSettings::load();
        if (!backend_) {
            offline_ = settings.backend != QLatin1String("openai");
            // The run service's backend builder: through the project's response cache, keyed by
            // the endpoint, so a stage asked again costs no request.
            engine::BackendOptions options;
            options.baseUrl = settings.baseUrl.trimmed().toStdString();
            options.apiKeyEnv = settings.apiKeyEnv.toStdString();
            options.offlineTokensPerSecond =
                paceOverride_ >= 0 ? paceOverride_ : settings.offlineTokensPerSecond;
            // Through the project's response cache when a project is open.
            auto built =
                engine::makeBackend(offline_ ? "offline" : "openai", session_->store(), options);
            if (built)
                backend_ = built->backend;
            else
                lastError_ = QString::fromStdString(built.error().message);
        }
        if (!ctx_ || ctxTask_ != task) {
            engine::EngineConfig config = settings.engineConfig();
            if (!offline_ && modeProbe_ && modeProbe_->key == probeKey(settings)) {
                config.mode = modeProbe_->mode;
                config.modeChosenByAuto = modeProbe_->mode == engine::PromptMode::Prefill;
            }
            auto made = engine::EngineContext::make(task, std::move(config), backend_,
                                                    savedTemplate(task), offline_);
            ctx_ = made ? *made : nullptr;
            ctxTask_ = task;
            if (!made)
                lastError_ = QString::fromStdString(made.error().message);
        }
        if (ctx_) {
            std::optional<std::string> gold;
            if (entry->hasGold)
                gold = entry->gold;
            run_ = std::make_shared<engine::UserRun>(ctx_, *record, gold, SystemId::R2P,
                                                     observer_.get());
            trace_ = run_->trace();
            nextStage_ = run_->nextStage();
        }
        if (showStored)
            showStoredOfSelection(entry->id);
    }
    if (running_) { // the old stage (or probe) no longer counts as this user's
        flush_.stop();
        running_ = false;
        emit runningChanged(false);
    }
    emit traceChanged();
    emit streamChanged();
}

// The selected user's R2P trace in the run the Users view shows, if it has one.
void RunController::showStoredOfSelection(const std::string& userId) {
    const auto run = session_->runResults();
    if (!run || !session_->store())
        return;
    const UserRunRow* row = run->row(userId);
    if (!row || !row->hasR2p)
        return;
    RunStore runs(*session_->store());
    auto stored = runs.userTrace(run->runId, userId, SystemId::R2P);
    if (!stored) {
        lastError_ = QString::fromStdString(stored.error().message);
        return;
    }
    setStored(std::move(*stored), run->runId);
}

void RunController::setStored(UserTrace stored, std::int64_t runId) {
    trace_ = std::move(stored);
    nextStage_ = StageId::Invalid;
    liveStage_ = StageId::Invalid;
    replay_.done = true; // the next Step starts the engine from the beginning
    replay_.label = tr("stored run #%1").arg(runId);
    storedRunId_ = runId;
    // The items as the stored run numbered them, from its Retrieve step.
    items_.clear();
    for (const StepRecord& step : trace_.steps) {
        if (step.stage != StageId::Retrieve)
            continue;
        if (step.output.items)
            for (const StepItem& item : *step.output.items)
                items_.push_back({item.n, item.id, item.score, {}});
        break;
    }
}

void RunController::showStored(const UserTrace& stored, std::int64_t runId) {
    if (running_ || replay_.active)
        return;
    setStored(stored, runId);
    emit traceChanged();
    emit streamChanged();
}

void RunController::step() {
    start(false);
}

void RunController::runToEnd() {
    start(true);
}

void RunController::start(bool toEnd) {
    if (replay_.active)
        return;
    if (replay_.done)
        resetTo(false); // after a replay or a stored trace, the engine starts from the beginning
    if (!run_ || running_ || tasks_.isPending(kProbe) || run_->finished())
        return;
    if (modeProbeNeeded()) {
        probeModeThenStart(toEnd);
        return;
    }
    run_->clearStop();
    lastError_.clear();
    running_ = true;
    emit runningChanged(true);
    auto run = run_;
    auto observer = observer_;
    // A stage of a user selected before waits for that one to stop (one stage at a time).
    tasks_.start(
        kStage, LatestTask::Pool::Short,
        [run, observer, toEnd](const std::atomic<bool>&) -> Status {
            return toEnd ? run->run() : run->step();
        },
        [this](Status status) { finishStage(status); }, [run] { run->cancel(); });
    flush_.start();
}

void RunController::pause() {
    if (run_ && running_)
        run_->pause();
}

void RunController::cancel() {
    if (replay_.active) {
        replay_.timer.stop();
        replay_.active = false;
        running_ = false;
        emit runningChanged(false);
        emit traceChanged();
        return;
    }
    if (run_ && running_)
        run_->cancel();
}

void RunController::replayStored(const UserTrace& stored, double speed) {
    if (running_ || stored.steps.empty())
        return;
    replay_.stored = stored;
    replay_.step = 0;
    replay_.speed = speed > 0 ? speed : 1;
    replay_.label = tr("replay of a stored run (%1×)").arg(replay_.speed);
    replay_.active = true;
    replay_.done = true;
    trace_ = UserTrace{};
    trace_.userId = stored.userId;
    trace_.system = stored.system;
    trace_.gold = stored.gold;
    nextStage_ = stored.steps.front().stage;
    running_ = true;
    replay_.ends = replayScheduleMs(stored, replay_.speed);
    replay_.clock.start();
    liveStage_ = stored.steps.front().stage;
    liveCandidate_ = stored.steps.front().candidate;
    liveReasoning_.clear();
    liveRounds_.clear();
    liveAnswer_.clear();
    emit runningChanged(true);
    emit traceChanged();
    replay_.timer.start();
}

std::vector<double> RunController::replayScheduleMs(const UserTrace& stored, double speed) {
    const bool timed = std::any_of(stored.steps.begin(), stored.steps.end(),
                                   [](const StepRecord& s) { return s.latencyMs > 0; });
    const double factor = speed > 0 ? speed : 1;
    std::vector<double> ends;
    double at = 0;
    for (const StepRecord& s : stored.steps) {
        // A trace with times replays them as recorded (an instant stage stays instant); one
        // stored without any gives each stage ~0.4 s.
        at += (timed ? std::max(0.0, s.latencyMs) : 400.0) / factor;
        ends.push_back(at);
    }
    return ends;
}

// Streams the current stored step's text in proportion to the time passed, and adds every step
// whose time is over. Steps end on the recording's clock, not on the timer's ticks, so the
// replay lasts as long as the recording divided by the speed.
void RunController::replayTick() {
    if (!replay_.active)
        return;
    const auto& steps = replay_.stored.steps;
    const double elapsed = static_cast<double>(replay_.clock.elapsed());
    bool added = false;
    while (replay_.step < steps.size() && elapsed >= replay_.ends[replay_.step]) {
        // The step is complete: it joins the trace with its events and verdicts.
        const StepRecord& s = steps[replay_.step];
        trace_.steps.push_back(s);
        for (const auto& e : replay_.stored.events)
            if (e.stepSeq == s.seq)
                trace_.events.push_back(e);
        ++replay_.step;
        added = true;
    }
    trace_.interventions = static_cast<int>(
        std::count_if(trace_.events.begin(), trace_.events.end(),
                      [](const EventRecord& e) { return e.kind == EventKind::Intervention; }));
    if (replay_.step >= steps.size()) {
        replay_.timer.stop();
        replay_.active = false;
        trace_ = replay_.stored;
        nextStage_ = StageId::Invalid;
        liveStage_ = StageId::Invalid;
        liveReasoning_.clear();
        liveRounds_.clear();
        liveAnswer_.clear();
        running_ = false;
        emit runningChanged(false);
        emit traceChanged();
        emit streamChanged();
        return;
    }
    const StepRecord& s = steps[replay_.step];
    const double begin = replay_.step == 0 ? 0.0 : replay_.ends[replay_.step - 1];
    const double duration = replay_.ends[replay_.step] - begin;
    const double share = duration > 0 ? std::clamp((elapsed - begin) / duration, 0.0, 1.0) : 1.0;
    const QString reasoning = QString::fromStdString(s.reasoning);
    const QString answer = QString::fromStdString(s.answer);
    const qsizetype total = reasoning.size() + answer.size();
    const qsizetype shown = static_cast<qsizetype>(share * static_cast<double>(total));
    nextStage_ = s.stage;
    liveStage_ = s.stage;
    liveCandidate_ = s.candidate;
    liveRounds_ = interventionRounds(replay_.stored, s.seq);
    liveReasoning_ = reasoning.left(std::min(shown, reasoning.size()));
    liveAnswer_ = answer.left(std::max<qsizetype>(0, shown - reasoning.size()));
    if (added)
        emit traceChanged();
    emit streamChanged();
}

// Only the stage of the run still shown arrives here: reset() cancels the others.
void RunController::finishStage(const Status& status) {
    flush_.stop();
    if (!run_)
        return;
    if (!status && !run_->cancelled())
        lastError_ = QString::fromStdString(status.error().message);
    run_->clearStop();
    takeSnapshot();
    if (status && run_->finished() && !replay_.active)
        storeInteractive();
    running_ = false;
    emit runningChanged(false);
    emit traceChanged();
    emit streamChanged();
    if (!lastError_.isEmpty())
        emit failed(lastError_);
}

void RunController::takeSnapshot() {
    trace_ = run_->trace();
    items_ = run_->items();
    nextStage_ = run_->nextStage();
    liveStage_ = StageId::Invalid;
    liveReasoning_.clear();
    liveAnswer_.clear();
    liveRounds_.clear();
    std::lock_guard lock(live_->mutex);
    live_->rounds.clear();
    live_->roundOpen = false;
    live_->steps.clear();
    live_->events.clear();
    live_->reasoning.clear();
    live_->answer.clear();
    live_->stage = StageId::Invalid;
    live_->dirty = false;
}

void RunController::flushLive() {
    if (!live_)
        return;
    bool stepsArrived = false;
    {
        std::lock_guard lock(live_->mutex);
        if (!live_->dirty)
            return;
        live_->dirty = false;
        liveStage_ = live_->stage;
        liveCandidate_ = live_->candidate;
        liveReasoning_ = QString::fromStdString(live_->reasoning);
        liveAnswer_ = QString::fromStdString(live_->answer);
        liveRounds_.clear();
        for (const auto& r : live_->rounds)
            liveRounds_.append({QString::fromStdString(r.kept), QString::fromStdString(r.violating),
                                QString::fromStdString(r.injected)});
        for (auto& s : live_->steps) {
            trace_.steps.push_back(std::move(s));
            stepsArrived = true;
        }
        for (auto& e : live_->events) {
            trace_.events.push_back(std::move(e));
            stepsArrived = true;
        }
        live_->steps.clear();
        live_->events.clear();
    }
    if (stepsArrived)
        emit traceChanged();
    emit streamChanged();
}

QStringList RunController::profileIds(const std::vector<int>& numbers) const {
    QStringList ids;
    for (int n : numbers)
        if (n >= 1 && static_cast<std::size_t>(n) <= items_.size())
            ids << QString::fromStdString(items_[static_cast<std::size_t>(n - 1)].profileId);
    return ids;
}

QStringList RunController::citedByStep(int stepIndex) const {
    if (stepIndex < 0 || stepIndex >= static_cast<int>(trace_.steps.size()))
        return {};
    const StepRecord& step = trace_.steps[static_cast<std::size_t>(stepIndex)];
    const StepOutput& out = step.output;
    std::vector<int> numbers;
    if (out.evidence) {
        numbers = *out.evidence;
    } else if (step.stage == StageId::Final && out.hasFields()) {
        const int chosen = out.chosen.value_or(0); // -1: combine wrote a new answer
        if (chosen >= 0 && static_cast<std::size_t>(chosen) < trace_.verdicts.size())
            numbers = trace_.verdicts[static_cast<std::size_t>(chosen)].evidence;
    } else if (step.stage != StageId::Retrieve && step.stage != StageId::Score) {
        numbers = engine::citedItems(step.answer);
    }
    return profileIds(numbers);
}

QStringList RunController::citedByVerdict(int verdictIndex) const {
    if (verdictIndex < 0 || verdictIndex >= static_cast<int>(trace_.verdicts.size()))
        return {};
    return profileIds(trace_.verdicts[static_cast<std::size_t>(verdictIndex)].evidence);
}

int RunController::stepOf(StageId stage, int candidate) const {
    for (std::size_t i = 0; i < trace_.steps.size(); ++i)
        if (trace_.steps[i].stage == stage && trace_.steps[i].candidate == candidate)
            return static_cast<int>(i);
    return -1;
}

// Changes the engine's run between stages (never while a stage or a replay runs) and shows the
// result, or reports why it could not.
bool RunController::change(const std::function<Status(engine::UserRun&)>& edit) {
    if (!run_ || running_)
        return false;
    if (auto s = edit(*run_); !s) {
        lastError_ = QString::fromStdString(s.error().message);
        emit failed(lastError_);
        return false;
    }
    takeSnapshot();
    emit traceChanged();
    emit streamChanged();
    return true;
}

bool RunController::rerunFrom(StageId stage) {
    return change([stage](engine::UserRun& run) { return run.rerunFrom(stage); });
}

bool RunController::replaceOutput(StageId stage, int candidate, const QString& text) {
    const std::string replacement = text.toStdString();
    return change(
        [&](engine::UserRun& run) { return run.replaceOutput(stage, candidate, replacement); });
}

} // namespace r2p::ui

namespace r2p::ui {

// The finished engine run of the shown user, as a one-user R2P run with the settings it ran
// with (made through the run service, like a batch), its trace replacing any stored before.
void RunController::storeInteractive() {
    ProjectStore* store = session_->store();
    const auto dataset = session_->dataset();
    if (!store || store->readOnly() || !dataset || !ctx_ || trace_.userId.empty())
        return;
    const engine::RunService service(*store);
    RunStore runs(*store);
    if (interactiveRunId_ == 0) {
        engine::RunSpec spec;
        spec.task = dataset->task;
        spec.questionsPath = dataset->questions.path;
        spec.outputsPath = dataset->outputs ? dataset->outputs->path : std::string();
        spec.systems = {SystemId::R2P};
        spec.userIds = {trace_.userId};
        spec.backend = offline_ ? "offline" : "openai";
        spec.concurrency = 1;
        spec.config = ctx_->config;
        spec.hrt = ctx_->hrt;
        const RunSettings settings = RunSettings::load();
        if (!offline_)
            spec.backendOptions.baseUrl = settings.baseUrl.trimmed().toStdString();
        spec.backendOptions.apiKeyEnv = settings.apiKeyEnv.toStdString();
        engine::PreparedRun prepared;
        prepared.context = ctx_;
        prepared.config = ctx_->config;
        auto created = service.create(spec, prepared);
        if (!created) {
            lastError_ = tr("The finished run could not be stored: %1")
                             .arg(QString::fromStdString(created.error().message));
            emit failed(lastError_);
            return;
        }
        interactiveRunId_ = *created;
    }
    if (auto s = runs.saveUserTrace(interactiveRunId_, trace_); !s) {
        lastError_ = tr("The finished run could not be stored: %1")
                         .arg(QString::fromStdString(s.error().message));
        emit failed(lastError_);
        return;
    }
    if (auto s = service.setStatus(interactiveRunId_, engine::RunStatus::Done); !s) {
        lastError_ = QString::fromStdString(s.error().message);
        emit failed(lastError_);
        return;
    }
    emit interactiveRunStored(interactiveRunId_);
    session_->refreshRuns(); // the run picker lists it
}

bool RunController::discardInteractiveRun() {
    ProjectStore* store = session_->store();
    if (interactiveRunId_ == 0 || !store)
        return false;
    if (auto s = RunStore(*store).deleteRun(interactiveRunId_); !s) {
        lastError_ = QString::fromStdString(s.error().message);
        return false;
    }
    interactiveRunId_ = 0;
    emit interactiveRunStored(0);
    session_->refreshRuns();
    emit traceChanged();
    return true;
}

} // namespace r2p::ui
