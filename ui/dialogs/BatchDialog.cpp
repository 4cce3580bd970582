#include "BatchDialog.h"

#include "model/ResponseCache.h"
#include "model/RunStore.h"
#include "model/Util.h"
#include "pipeline/engine/BackendChoice.h"
#include "pipeline/engine/Batch.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/PromptModeChoice.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "ui/Session.h"
#include "ui/StageText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace r2p::ui {

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

    backend_ = new QComboBox(this);
    backend_->setObjectName(QStringLiteral("backend"));
    backend_->addItem(tr("offline (no LLM)"), QStringLiteral("offline"));
    backend_->addItem(tr("OpenAI-compatible server"), QStringLiteral("openai"));
    backend_->addItem(tr("Replay from the response cache"), QStringLiteral("replay"));
    form->addRow(tr("Backend:"), backend_);
    baseUrl_ = new QLineEdit(QStringLiteral("http://127.0.0.1:8000/v1"), this);
    baseUrl_->setObjectName(QStringLiteral("baseUrl"));
    form->addRow(tr("Server URL:"), baseUrl_);
    model_ = new QLineEdit(this);
    model_->setObjectName(QStringLiteral("model"));
    model_->setPlaceholderText(tr("e.g. deepseek-r1-distill-qwen-7b"));
    form->addRow(tr("Model:"), model_);

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
    k_->setValue(5);
    form->addRow(tr("Retrieved items (k):"), k_);
    candidates_ = new QSpinBox(this);
    candidates_->setRange(1, 16);
    candidates_->setValue(3);
    form->addRow(tr("Candidates (M):"), candidates_);
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
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this,
            &BatchDialog::onFinished);
    connect(&probeWatcher_, &QFutureWatcher<ModeProbe>::finished, this, [this] {
        modeProbe_ = probeWatcher_.result();
        updateButtons();
        if (!modeProbe_->ok) {
            status_->setText(
                tr("Could not ask the server which prompt mode fits: %1").arg(modeProbe_->reason));
            modeProbe_.reset(); // asked again on the next start
            return;
        }
        launch(probeResuming_);
    });
    updateButtons();
}

BatchDialog::~BatchDialog() {
    if (runner_)
        runner_->cancel();
    watcher_.waitForFinished();
    probeWatcher_.waitForFinished();
}

bool BatchDialog::isRunning() const {
    return watcher_.isRunning() || probeWatcher_.isRunning();
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
    baseUrl_->setEnabled(openai && !running);
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

void BatchDialog::probeThenLaunch(bool resuming, const QString& key) {
    engine::EngineConfig config;
    config.mode = engine::PromptMode::Auto;
    config.model = model_->text().toStdString();
    llm::EndpointConfig endpoint;
    endpoint.baseUrl = baseUrl_->text().trimmed().toStdString();
    endpoint.totalTimeoutMs = static_cast<long>(totalTimeout_->value()) * 1000;
    ProjectStore* store = session_->store();
    probeResuming_ = resuming;
    status_->setText(tr("Asking the server which prompt mode fits %1…").arg(model_->text()));
    probeWatcher_.setFuture(QtConcurrent::run([config, endpoint, store, key] {
        ModeProbe probe;
        probe.key = key;
        auto choice = engine::choosePromptMode(config, "", endpoint, store);
        probe.ok = choice.ok();
        if (choice) {
            probe.mode = choice->mode;
            probe.reason = QString::fromStdString(choice->reason);
        } else {
            probe.reason = QString::fromStdString(choice.error().message);
        }
        return probe;
    }));
    updateButtons();
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
    const QString kind = backend_->currentData().toString();
    engine::EngineConfig config;
    config.k = static_cast<std::size_t>(k_->value());
    config.candidates = candidates_->value();
    config.model = kind == QLatin1String("offline") ? "offline" : model_->text().toStdString();
    config.mode = engine::PromptMode::Auto;
    QString modeReason;
    if (kind == QLatin1String("openai")) {
        // --mode auto asks the server (a probe of /v1/completions), never the model's name.
        const QString key = baseUrl_->text().trimmed() + QLatin1Char('\t') + model_->text();
        if (!modeProbe_ || modeProbe_->key != key) {
            probeThenLaunch(resuming, key);
            return;
        }
        config.mode = modeProbe_->mode;
        config.modeChosenByAuto = modeProbe_->mode == engine::PromptMode::Prefill;
        modeReason = modeProbe_->reason;
    }
    std::shared_ptr<llm::Backend> backend;
    if (kind == QLatin1String("offline")) {
        engine::OfflineOptions options;
        options.tokensPerSecond = offlinePace_;
        backend = std::make_shared<engine::OfflineBackend>(options);
    } else {
        // The same builder as r2p run: the cache keyed by the endpoint, the URL checked.
        engine::BackendOptions options;
        if (kind == QLatin1String("openai"))
            options.baseUrl = baseUrl_->text().trimmed().toStdString();
        options.concurrency = concurrency_->value();
        options.totalTimeoutMs = static_cast<long>(totalTimeout_->value()) * 1000;
        options.idleTimeoutMs = static_cast<long>(idleTimeout_->value()) * 1000;
        auto built = engine::makeBackend(kind.toStdString(), *store, options);
        if (!built) {
            status_->setText(QString::fromStdString(built.error().message));
            return;
        }
        backend = built->backend;
    }
    auto ctx = engine::EngineContext::make(dataset->task, config, backend, nullptr,
                                           kind == QLatin1String("offline"));
    if (!ctx) {
        status_->setText(QString::fromStdString(ctx.error().message));
        return;
    }
    // Shared with the worker: the batch writes through it until it ends.
    auto runs = std::make_shared<RunStore>(*store);
    if (!resuming) {
        RunInfo info;
        info.task = dataset->task;
        info.questionsPath = dataset->questions.path;
        info.outputsPath = dataset->outputs ? dataset->outputs->path : std::string();
        info.systems = systems;
        info.backend = kind.toStdString();
        info.model = config.model;
        info.baseUrl = kind == QLatin1String("openai")
                           ? llm::redactUrl(baseUrl_->text().trimmed().toStdString())
                           : "";
        info.templateId = (*ctx)->hrt->id;
        info.templateVersion = (*ctx)->hrt->version;
        info.config = engine::engineConfigJson(config, concurrency_->value());
        info.createdAt = nowIsoUtc();
        info.status = "running";
        for (std::size_t i : users)
            info.users.push_back(dataset->users[i].id);
        auto created = runs->createRun(info);
        if (!created) {
            status_->setText(QString::fromStdString(created.error().message));
            return;
        }
        runId_ = *created;
    } else {
        (void)runs->setRunStatus(runId_, "running");
    }
    lastUsers_ = users;
    lastSystems_ = systems;
    lastCancelled_ = false;

    runner_ = std::make_shared<engine::BatchRunner>(*ctx, *runs, runId_, *dataset);
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
    progress_->setRange(0, static_cast<int>(users.size()));
    progress_->setValue(0);
    status_->setText(
        tr("Run %1: starting %n user(s)…", nullptr, static_cast<int>(users.size())).arg(runId_));
    if (!modeReason.isEmpty())
        errors_->appendPlainText(tr("Prompt mode: %1").arg(modeReason));
    engine::BatchSpec spec;
    spec.systems = systems;
    spec.users = users;
    spec.concurrency = concurrency_->value();
    auto runner = runner_;
    // The worker holds the runner, its run store and the index it reads until it ends.
    watcher_.setFuture(QtConcurrent::run([runner, spec, dataset, runs] {
        (void)dataset;
        (void)runs;
        auto out = std::make_shared<Outcome>();
        auto result = runner->run(spec);
        if (!result) {
            out->error = QString::fromStdString(result.error().message);
            return out;
        }
        out->ok = true;
        out->cancelled = result->cancelled;
        out->done = result->done;
        out->failed = result->failed;
        out->skipped = result->skipped;
        return out;
    }));
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

void BatchDialog::onFinished() {
    const auto out = watcher_.result();
    runner_.reset();
    if (ProjectStore* store = session_->store()) {
        RunStore runs(*store);
        (void)runs.setRunStatus(runId_, !out->ok || out->cancelled ? "cancelled" : "done");
    }
    lastCancelled_ = !out->ok || out->cancelled;
    if (!out->ok)
        status_->setText(tr("Run %1 stopped: %2").arg(runId_).arg(out->error));
    else if (out->cancelled)
        status_->setText(tr("Run %1 cancelled after %2 users; finished users are stored. Resume "
                            "continues with the rest.")
                             .arg(runId_)
                             .arg(out->done + out->skipped));
    else
        status_->setText(tr("Run %1 finished: %2 users, %3 failed.")
                             .arg(runId_)
                             .arg(out->done + out->skipped)
                             .arg(out->failed));
    session_->setRun(runId_);
    updateButtons();
    emit runFinished(runId_, lastCancelled_);
}

} // namespace r2p::ui
