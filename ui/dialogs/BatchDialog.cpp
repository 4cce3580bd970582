#include "BatchDialog.h"

#include "model/ResponseCache.h"
#include "model/RunStore.h"
#include "model/Util.h"
#include "pipeline/engine/BackendChoice.h"
#include "pipeline/engine/Batch.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/RunService.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/llm/EndpointPool.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "ui/RunResults.h"
#include "ui/Session.h"
#include "ui/Settings.h"
#include "ui/StageText.h"
#include "ui/util/LatestTask.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace r2p::ui {

namespace {
const QString kPrepare = QStringLiteral("prepare");
const QString kBatch = QStringLiteral("batch");
} // namespace

struct BatchDialog::Outcome {
    bool ok = false;
    bool cancelled = false;
    QString error;
    std::size_t done = 0, failed = 0, skipped = 0;
};

BatchDialog::BatchDialog(Session* session, std::vector<std::size_t> filteredRows, QWidget* parent)
    : QDialog(parent), session_(session), filtered_(std::move(filteredRows)) {
    setObjectName(QStringLiteral("BatchDialog"));
    setWindowTitle(tr("Run Batch"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    auto* systemsRow = new QHBoxLayout;
    for (SystemId s : {SystemId::R2P, SystemId::LampRag, SystemId::LrmRag, SystemId::NoProfile}) {
        auto* box = new QCheckBox(StageText::system(s), this);
        box->setChecked(true);
        box->setObjectName(QStringLiteral("system-") + QString::fromLatin1(systemName(s).data()));
        systems_.emplace_back(s, box);
        systemsRow->addWidget(box);
    }
    form->addRow(tr("Systems:"), systemsRow);
    // R2P with one part taken out, on the same users and retrieval; compared to R2P as baselines.
    auto* ablationsRow = new QHBoxLayout;
    for (SystemId s : {SystemId::R2PNoHrt, SystemId::R2PNoRpi, SystemId::R2PNoCr}) {
        auto* box = new QCheckBox(StageText::system(s), this);
        box->setObjectName(QStringLiteral("system-") + QString::fromLatin1(systemName(s).data()));
        systems_.emplace_back(s, box);
        ablationsRow->addWidget(box);
    }
    ablationsRow->addStretch(1);
    form->addRow(tr("Ablations:"), ablationsRow);

    const std::size_t all = session_->dataset() ? session_->dataset()->users.size() : 0;
    auto* usersRow = new QHBoxLayout;
    scope_ = new QComboBox(this);
    scope_->setObjectName(QStringLiteral("userScope"));
    scope_->addItem(tr("All %n user(s)", nullptr, static_cast<int>(all)));
    scope_->addItem(
        tr("The %n user(s) the filter shows", nullptr, static_cast<int>(filtered_.size())));
    scope_->addItem(tr("The first"));
    firstN_ = new QSpinBox(this);
    firstN_->setRange(1, std::max(1, static_cast<int>(all)));
    firstN_->setValue(std::min(100, std::max(1, static_cast<int>(all))));
    firstN_->setSuffix(tr(" users"));
    usersRow->addWidget(scope_, 1);
    usersRow->addWidget(firstN_);
    form->addRow(tr("Users:"), usersRow);

    addBackendRows(form);
    const RunSettings settings = RunSettings::load();

    concurrency_ = new QSpinBox(this);
    concurrency_->setRange(1, 64);
    concurrency_->setValue(4);
    form->addRow(tr("Users at once:"), concurrency_);
    // Per request: the whole time (retries included), and silence once the answer streams.
    totalTimeout_ = new QSpinBox(this);
    totalTimeout_->setObjectName(QStringLiteral("totalTimeout"));
    totalTimeout_->setRange(1, 86400);
    totalTimeout_->setValue(1800);
    totalTimeout_->setSuffix(tr(" s"));
    form->addRow(tr("Request timeout:"), totalTimeout_);
    idleTimeout_ = new QSpinBox(this);
    idleTimeout_->setObjectName(QStringLiteral("idleTimeout"));
    idleTimeout_->setRange(1, 86400);
    idleTimeout_->setValue(120);
    idleTimeout_->setSuffix(tr(" s"));
    form->addRow(tr("Idle timeout:"), idleTimeout_);
    k_ = new QSpinBox(this);
    k_->setRange(0, 50);
    k_->setValue(settings.k);
    form->addRow(tr("Retrieved items (k):"), k_);
    candidates_ = new QSpinBox(this);
    candidates_->setRange(1, 16);
    candidates_->setValue(settings.candidates);
    form->addRow(tr("Candidates (M):"), candidates_);
    // A generation task's headline metric (the paper's is ROUGE-1); stored with the run.
    mainMetric_ = new QComboBox(this);
    mainMetric_->setObjectName(QStringLiteral("mainMetric"));
    mainMetric_->setToolTip(tr("The metric the run's summary, its RPI effect and the views "
                               "compare on; every ROUGE variant is scored and stored either way"));
    if (session_->dataset())
        for (const std::string& m : comparableMetrics(session_->dataset()->task))
            mainMetric_->addItem(QString::fromStdString(m), QString::fromStdString(m));
    if (mainMetric_->count() > 1)
        form->addRow(tr("Main metric:"), mainMetric_);
    else
        mainMetric_->hide();
    form->addRow(tr("Sampling:"), samplingGrid());
    layout->addLayout(form);

    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    status_ = new QLabel(tr("Not started."), this);
    status_->setObjectName(QStringLiteral("batchStatus"));
    errors_ = new QPlainTextEdit(this);
    errors_->setReadOnly(true);
    errors_->setMaximumBlockCount(200);
    errors_->setPlaceholderText(tr("Failures appear here, each naming its user and system."));
    errors_->setFixedHeight(90);
    layout->addWidget(progress_);
    layout->addWidget(status_);
    layout->addWidget(errors_);

    auto* buttons = new QDialogButtonBox(this);
    start_ = buttons->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    cancel_ = buttons->addButton(tr("&Cancel Run"), QDialogButtonBox::ActionRole);
    resume_ = buttons->addButton(tr("&Resume"), QDialogButtonBox::ActionRole);
    close_ = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(start_, &QPushButton::clicked, this, &BatchDialog::start);
    connect(cancel_, &QPushButton::clicked, this, &BatchDialog::cancel);
    connect(resume_, &QPushButton::clicked, this, &BatchDialog::resume);
    connect(close_, &QPushButton::clicked, this, &QDialog::reject);
    connect(backend_, &QComboBox::currentIndexChanged, this, &BatchDialog::updateButtons);
    connect(endpoints_, &QPlainTextEdit::textChanged, this, &BatchDialog::updateButtons);
    updateButtons();
}

// Backend, server URL or endpoints, and model: from the settings the window's single-user runs
// use, so a batch is that run.
void BatchDialog::addBackendRows(QFormLayout* form) {
    backend_ = new QComboBox(this);
    backend_->setObjectName(QStringLiteral("backend"));
    backend_->addItem(tr("offline (no LLM)"), QStringLiteral("offline"));
    backend_->addItem(tr("OpenAI-compatible server"), QStringLiteral("openai"));
    backend_->addItem(tr("Replay from the response cache"), QStringLiteral("replay"));
    form->addRow(tr("Backend:"), backend_);
    const RunSettings settings = RunSettings::load();
    backend_->setCurrentIndex(std::max(0, backend_->findData(settings.backend)));
    baseUrl_ = new QLineEdit(settings.baseUrl, this);
    baseUrl_->setObjectName(QStringLiteral("baseUrl"));
    form->addRow(tr("Server URL:"), baseUrl_);
    endpoints_ = new QPlainTextEdit(this);
    endpoints_->setObjectName(QStringLiteral("endpoints"));
    endpoints_->setPlaceholderText(
        tr("Several servers, one per line, as r2p run --endpoint takes them: "
           "http://gpu1:8000/v1,max=32,weight=2,models=A|B (empty: the server URL alone)"));
    endpoints_->setToolTip(
        tr("Requests are spread by free capacity (max) and weight; a failing server is taken "
           "out and its requests retried elsewhere. Each server's models come from models= or "
           "its /v1/models, so a system with its own model (Sampling › Model) reaches the "
           "servers that serve it."));
    endpoints_->setTabChangesFocus(true);
    endpoints_->setFixedHeight(fontMetrics().lineSpacing() * 3 + 12);
    form->addRow(tr("Endpoints:"), endpoints_);
    model_ = new QLineEdit(settings.model, this);
    model_->setObjectName(QStringLiteral("model"));
    model_->setPlaceholderText(tr("e.g. deepseek-r1-distill-qwen-7b"));
    form->addRow(tr("Model:"), model_);
}

// Temperature, top-p and max tokens per system, as `r2p run --sampling` sets them. The
// offline reasoner's further candidates vary with R2P's temperature and top-p.
QGridLayout* BatchDialog::samplingGrid() {
    auto* grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Temperature"), this), 0, 1);
    grid->addWidget(new QLabel(tr("Top-p"), this), 0, 2);
    grid->addWidget(new QLabel(tr("Max tokens"), this), 0, 3);
    grid->addWidget(new QLabel(tr("Model"), this), 0, 4);
    int row = 1;
    for (const auto& [system, box] : systems_) {
        SamplingRow r;
        r.system = system;
        const QString name = QString::fromLatin1(systemName(system).data());
        r.temperature = new QDoubleSpinBox(this);
        r.temperature->setObjectName(QStringLiteral("temperature-") + name);
        r.temperature->setRange(-0.05, 2.0);
        r.temperature->setSingleStep(0.05);
        r.temperature->setDecimals(2);
        r.temperature->setSpecialValueText(tr("default"));
        r.temperature->setValue(-0.05);
        r.topP = new QDoubleSpinBox(this);
        r.topP->setObjectName(QStringLiteral("topP-") + name);
        r.topP->setRange(0.0, 1.0);
        r.topP->setSingleStep(0.05);
        r.topP->setDecimals(2);
        r.topP->setSpecialValueText(tr("default"));
        r.topP->setValue(0.0);
        r.maxTokens = new QSpinBox(this);
        r.maxTokens->setObjectName(QStringLiteral("maxTokens-") + name);
        r.maxTokens->setRange(0, 1'000'000);
        r.maxTokens->setSpecialValueText(tr("default"));
        r.maxTokens->setValue(0);
        r.model = new QLineEdit(this);
        r.model->setObjectName(QStringLiteral("model-") + name);
        r.model->setPlaceholderText(tr("the run's model"));
        r.model->setMinimumWidth(r.model->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 14);
        r.model->setToolTip(tr("This system's own model, e.g. a general LLM against a reasoning "
                               "model (r2p run --system-model)"));
        grid->addWidget(new QLabel(StageText::system(system), this), row, 0);
        grid->addWidget(r.temperature, row, 1);
        grid->addWidget(r.topP, row, 2);
        grid->addWidget(r.maxTokens, row, 3);
        grid->addWidget(r.model, row, 4);
        sampling_.push_back(r);
        ++row;
    }
    return grid;
}

void BatchDialog::setSampling(SystemId system, const engine::Sampling& sampling) {
    for (auto& r : sampling_) {
        if (r.system != system)
            continue;
        r.temperature->setValue(sampling.temperature.value_or(r.temperature->minimum()));
        r.topP->setValue(sampling.topP.value_or(r.topP->minimum()));
        r.maxTokens->setValue(sampling.maxTokens.value_or(r.maxTokens->minimum()));
        r.model->setText(QString::fromStdString(sampling.model.value_or(std::string())));
    }
}

std::map<SystemId, engine::Sampling> BatchDialog::samplingFromWidgets() const {
    std::map<SystemId, engine::Sampling> out;
    for (const auto& r : sampling_) {
        engine::Sampling s;
        if (r.temperature->value() > r.temperature->minimum())
            s.temperature = r.temperature->value();
        if (r.topP->value() > r.topP->minimum())
            s.topP = r.topP->value();
        if (r.maxTokens->value() > r.maxTokens->minimum())
            s.maxTokens = r.maxTokens->value();
        if (const QString model = r.model->text().trimmed(); !model.isEmpty())
            s.model = model.toStdString();
        if (s.temperature || s.topP || s.maxTokens || s.model)
            out[r.system] = s;
    }
    return out;
}

BatchDialog::~BatchDialog() {
    // Stops the batch (its cancel hook) and waits, before any member the worker reports to goes.
    tasks_.cancelAll();
    tasks_.waitForDone();
}

bool BatchDialog::isRunning() const {
    return tasks_.isPending(kPrepare) || tasks_.isPending(kBatch);
}

QString BatchDialog::statusText() const {
    return status_->text();
}

QString BatchDialog::errorsText() const {
    return errors_->toPlainText();
}

void BatchDialog::setSystems(const std::vector<SystemId>& systems) {
    for (auto& [s, box] : systems_)
        box->setChecked(std::find(systems.begin(), systems.end(), s) != systems.end());
}

void BatchDialog::setUserScope(int scope, int firstN) {
    scope_->setCurrentIndex(scope);
    if (firstN > 0)
        firstN_->setValue(firstN);
}

void BatchDialog::setConcurrency(int users) {
    concurrency_->setValue(users);
}

std::vector<SystemId> BatchDialog::chosenSystems() const {
    std::vector<SystemId> out;
    for (const auto& [s, box] : systems_)
        if (box->isChecked())
            out.push_back(s);
    return out;
}

std::vector<std::size_t> BatchDialog::chosenUsers() const {
    std::vector<std::size_t> out;
    const std::size_t all = session_->dataset() ? session_->dataset()->users.size() : 0;
    switch (scope_->currentIndex()) {
    case 1:
        return filtered_;
    case 2:
        for (std::size_t i = 0; i < all && i < static_cast<std::size_t>(firstN_->value()); ++i)
            out.push_back(i);
        return out;
    default:
        for (std::size_t i = 0; i < all; ++i)
            out.push_back(i);
        return out;
    }
}

void BatchDialog::updateButtons() {
    const bool running = isRunning();
    const bool openai = backend_->currentData().toString() == QLatin1String("openai");
    endpoints_->setEnabled(openai && !running);
    // The server URL is the endpoint list's when one is given.
    baseUrl_->setEnabled(openai && !running && endpoints_->toPlainText().trimmed().isEmpty());
    model_->setEnabled(backend_->currentData().toString() != QLatin1String("offline") && !running);
    start_->setEnabled(!running && session_->dataset() && session_->store());
    cancel_->setEnabled(running);
    resume_->setEnabled(!running && lastCancelled_ && runId_ > 0);
    close_->setEnabled(!running);
}

void BatchDialog::start() {
    launch(false);
}

void BatchDialog::resume() {
    launch(true);
}

void BatchDialog::cancel() {
    if (runner_)
        runner_->cancel();
    status_->setText(tr("Cancelling: users in flight are dropped, finished ones stay stored…"));
}

// The run as the settings and this dialog describe it: the same RunSpec `r2p run` builds from
// its flags (ranker, variation, limits, key variable and the edited template included).
engine::RunSpec BatchDialog::specFromWidgets(const std::vector<SystemId>& systems,
                                             const std::vector<std::size_t>& users) const {
    const auto dataset = session_->dataset();
    const RunSettings settings = RunSettings::load();
    const QString kind = backend_->currentData().toString();
    engine::RunSpec spec;
    spec.task = dataset->task;
    spec.questionsPath = dataset->questions.path;
    spec.outputsPath = dataset->outputs ? dataset->outputs->path : std::string();
    spec.systems = systems;
    for (std::size_t i : users)
        spec.userIds.push_back(dataset->users[i].id);
    spec.backend = kind.toStdString();
    spec.config = settings.engineConfig();
    spec.config.k = static_cast<std::size_t>(k_->value());
    spec.config.candidates = candidates_->value();
    spec.config.model = kind == QLatin1String("offline") ? "offline" : model_->text().toStdString();
    spec.config.mode = engine::PromptMode::Auto;
    spec.config.sampling = samplingFromWidgets();
    if (mainMetric_->count() > 1)
        spec.config.mainMetric = mainMetric_->currentData().toString().toStdString();
    spec.concurrency = concurrency_->value();
    spec.hrt = savedTemplate(dataset->task);
    engine::BackendOptions& options = spec.backendOptions;
    if (kind == QLatin1String("openai"))
        options.baseUrl = baseUrl_->text().trimmed().toStdString();
    options.apiKeyEnv = settings.apiKeyEnv.toStdString();
    options.concurrency = concurrency_->value();
    options.totalTimeoutMs = static_cast<long>(totalTimeout_->value()) * 1000;
    options.idleTimeoutMs = static_cast<long>(idleTimeout_->value()) * 1000;
    options.offlineTokensPerSecond = offlinePace_;
    return spec;
}

bool BatchDialog::endpointsFromWidget(std::vector<llm::PoolEndpoint>& out, QString* error) const {
    out.clear();
    const QStringList lines = endpoints_->toPlainText().split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        auto parsed = llm::parseEndpointSpec(line.toStdString());
        if (!parsed) {
            *error = tr("Endpoints, line %1: %2")
                         .arg(i + 1)
                         .arg(QString::fromStdString(parsed.error().message));
            return false;
        }
        for (const auto& e : out)
            if (llm::normalizeBaseUrl(e.baseUrl) == llm::normalizeBaseUrl(parsed->baseUrl)) {
                *error = tr("Endpoints, line %1: %2 is listed twice")
                             .arg(i + 1)
                             .arg(QString::fromStdString(parsed->baseUrl));
                return false;
            }
        out.push_back(std::move(*parsed));
    }
    return true;
}

void BatchDialog::launch(bool resuming) {
    auto dataset = session_->dataset();
    ProjectStore* store = session_->store();
    if (isRunning() || !dataset || !store)
        return;
    errors_->clear();
    std::vector<SystemId> systems = resuming ? lastSystems_ : chosenSystems();
    std::vector<std::size_t> users = resuming ? lastUsers_ : chosenUsers();
    if (systems.empty() || users.empty()) {
        status_->setText(systems.empty() ? tr("Choose at least one system.")
                                         : tr("There are no users to run."));
        return;
    }
    // Off the GUI thread: building the engine may ask the server which prompt mode fits.
    std::optional<RunInfo> stored;
    if (resuming) {
        auto run = RunStore(*store).run(runId_);
        if (!run) {
            status_->setText(QString::fromStdString(run.error().message));
            return;
        }
        stored = *run;
    }
    engine::RunSpec spec = specFromWidgets(systems, users);
    if (!resuming && backend_->currentData().toString() == QLatin1String("openai")) {
        QString error;
        if (!endpointsFromWidget(spec.backendOptions.endpoints, &error)) {
            status_->setText(error);
            return;
        }
        if (!spec.backendOptions.endpoints.empty())
            spec.backendOptions.baseUrl = spec.backendOptions.endpoints.front().baseUrl;
    }
    const int concurrency = concurrency_->value();
    const double pace = offlinePace_;
    lastUsers_ = users;
    lastSystems_ = systems;
    status_->setText(resuming ? tr("Run %1: resuming…").arg(runId_)
                              : tr("Preparing the run (the server may be asked which prompt "
                                   "mode fits)…"));
    tasks_.start(
        kPrepare, LatestTask::Pool::Long,
        [store, spec, stored, concurrency, pace](const std::atomic<bool>&) {
            const engine::RunService service(*store);
            Prepared out;
            out.spec = spec;
            out.resuming = stored.has_value();
            if (stored) {
                engine::StoredRunOverrides overrides;
                overrides.concurrency = concurrency;
                overrides.offlineTokensPerSecond = pace;
                out.prepared = service.prepareStored(*stored, overrides);
            } else {
                out.prepared = service.prepare(spec);
            }
            return out;
        },
        [this](Prepared out) { onPrepared(std::move(out)); });
    updateButtons();
}

void BatchDialog::onPrepared(Prepared out) {
    auto dataset = session_->dataset();
    ProjectStore* store = session_->store();
    updateButtons();
    if (!dataset || !store)
        return;
    if (!out.prepared) {
        status_->setText(QString::fromStdString(out.prepared.error().message));
        return;
    }
    const engine::RunService service(*store);
    if (!out.resuming) {
        auto created = service.create(out.spec, *out.prepared);
        if (!created) {
            status_->setText(QString::fromStdString(created.error().message));
            return;
        }
        runId_ = *created;
        session_->refreshRuns(); // the run picker lists it while it runs
    } else if (auto s = service.setStatus(runId_, engine::RunStatus::Running); !s) {
        status_->setText(QString::fromStdString(s.error().message));
        return;
    }
    lastCancelled_ = false;
    if (!out.prepared->modeReason.empty())
        errors_->appendPlainText(
            tr("Prompt mode: %1").arg(QString::fromStdString(out.prepared->modeReason)));

    prepared_ = *out.prepared; // its replicas' counts are stored when the batch ends
    // Shared with the worker: the batch writes through it until it ends.
    auto runs = std::make_shared<RunStore>(*store);
    runner_ = std::make_shared<engine::BatchRunner>(out.prepared->context, *runs, runId_, *dataset);
    runner_->setProgressHandler([this](const engine::BatchProgress& p) {
        const QString lastError = QString::fromStdString(p.lastError);
        QMetaObject::invokeMethod(
            this,
            [this, p, lastError] {
                onProgress(p.usersDone, p.usersSkipped, p.usersFailed, p.usersTotal, p.elapsedMs,
                           p.completionTokens, lastError);
            },
            Qt::QueuedConnection);
    });
    progress_->setRange(0, static_cast<int>(lastUsers_.size()));
    progress_->setValue(0);
    status_->setText(
        tr("Run %1: starting %n user(s)…", nullptr, static_cast<int>(lastUsers_.size()))
            .arg(runId_));
    engine::BatchSpec spec;
    spec.systems = lastSystems_;
    spec.users = lastUsers_;
    spec.concurrency = out.spec.concurrency;
    auto runner = runner_;
    // The worker holds the runner, its run store and the index it reads until it ends. On the
    // long pool, so the window's record reads never wait behind a batch.
    tasks_.start(
        kBatch, LatestTask::Pool::Long,
        [runner, spec, dataset, runs](const std::atomic<bool>&) {
            (void)dataset;
            (void)runs;
            Outcome result;
            auto ran = runner->run(spec);
            if (!ran) {
                result.error = QString::fromStdString(ran.error().message);
                return result;
            }
            result.ok = true;
            result.cancelled = ran->cancelled;
            result.done = ran->done;
            result.failed = ran->failed;
            result.skipped = ran->skipped;
            return result;
        },
        [this](const Outcome& ended) { onFinished(ended); }, [runner] { runner->cancel(); });
    updateButtons();
}

void BatchDialog::onProgress(std::size_t done, std::size_t skipped, std::size_t failed,
                             std::size_t total, double elapsedMs, qint64 tokens,
                             const QString& lastError) {
    progress_->setValue(static_cast<int>(done + skipped));
    const std::size_t left = total - std::min(total, done + skipped);
    const double perUser = done > 0 ? elapsedMs / 1000.0 / static_cast<double>(done) : 0;
    const double tokensPerSecond =
        elapsedMs > 0 ? static_cast<double>(tokens) / (elapsedMs / 1000.0) : 0;
    status_->setText(tr("Run %1: %2 of %3 users · %4 failed · ETA %5 s · %6 tokens/s")
                         .arg(runId_)
                         .arg(done + skipped)
                         .arg(total)
                         .arg(failed)
                         .arg(QLocale().toString(perUser * static_cast<double>(left), 'f', 0))
                         .arg(QLocale().toString(tokensPerSecond, 'f', 0)));
    if (!lastError.isEmpty() && !errors_->toPlainText().contains(lastError))
        errors_->appendPlainText(lastError);
}

void BatchDialog::onFinished(const Outcome& out) {
    runner_.reset();
    if (ProjectStore* store = session_->store(); store && prepared_)
        if (auto s = engine::RunService(*store).storeEndpointUse(runId_, *prepared_); !s)
            errors_->appendPlainText(QString::fromStdString(s.error().message));
    prepared_.reset();
    if (ProjectStore* store = session_->store()) {
        const auto status =
            !out.ok || out.cancelled ? engine::RunStatus::Cancelled : engine::RunStatus::Done;
        if (auto s = engine::RunService(*store).setStatus(runId_, status); !s)
            errors_->appendPlainText(tr("Run %1: its status could not be stored: %2")
                                         .arg(runId_)
                                         .arg(QString::fromStdString(s.error().message)));
    }
    lastCancelled_ = !out.ok || out.cancelled;
    if (!out.ok)
        status_->setText(tr("Run %1 stopped: %2").arg(runId_).arg(out.error));
    else if (out.cancelled)
        status_->setText(tr("Run %1 cancelled after %2 users; finished users are stored. Resume "
                            "continues with the rest.")
                             .arg(runId_)
                             .arg(out.done + out.skipped));
    else
        status_->setText(tr("Run %1 finished: %2 users, %3 failed.")
                             .arg(runId_)
                             .arg(out.done + out.skipped)
                             .arg(out.failed));
    session_->selectRun(runId_);
    updateButtons();
    emit runFinished(runId_, lastCancelled_);
}

} // namespace r2p::ui
