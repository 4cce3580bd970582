#include "SettingsDialog.h"

#include "model/RunStore.h"
#include "pipeline/engine/HrtTemplate.h"
#include "pipeline/engine/TemplateLibrary.h"
#include "pipeline/llm/ChatTemplate.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "ui/Session.h"
#include "ui/Settings.h"
#include "ui/TaskText.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace r2p::ui {

SettingsDialog::SettingsDialog(Session* session, QWidget* parent)
    : QDialog(parent), session_(session) {
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Settings"));
    resize(820, 620);
    const RunSettings s = RunSettings::load();
    auto* layout = new QVBoxLayout(this);
    tabs_ = new QTabWidget(this);
    layout->addWidget(tabs_, 1);

    // Backend ----------------------------------------------------------------------------------
    auto* backendPage = new QWidget(tabs_);
    auto* bf = new QFormLayout(backendPage);
    backend_ = new QComboBox(backendPage);
    backend_->addItem(tr("offline (no LLM)"), QStringLiteral("offline"));
    backend_->addItem(tr("OpenAI-compatible server"), QStringLiteral("openai"));
    backend_->setCurrentIndex(std::max(0, backend_->findData(s.backend)));
    bf->addRow(tr("Interactive runs use:"), backend_);
    preset_ = new QComboBox(backendPage);
    preset_->addItem(tr("Choose a preset…"), QString());
    for (const auto& p : llm::builtinEndpointPresets())
        preset_->addItem(QString::fromStdString(p.name), QString::fromStdString(p.id));
    bf->addRow(tr("Preset:"), preset_);
    baseUrl_ = new QLineEdit(s.baseUrl, backendPage);
    bf->addRow(tr("Server URL:"), baseUrl_);
    model_ = new QLineEdit(s.model, backendPage);
    bf->addRow(tr("Model:"), model_);
    apiKeyEnv_ = new QLineEdit(s.apiKeyEnv, backendPage);
    apiKeyEnv_->setPlaceholderText(tr("e.g. OPENAI_API_KEY (the variable's name; the key is "
                                      "never stored)"));
    bf->addRow(tr("API key variable:"), apiKeyEnv_);
    auto* testRow = new QHBoxLayout;
    test_ = new QPushButton(tr("Test Connection"), backendPage);
    testResult_ = new QLabel(backendPage);
    testResult_->setWordWrap(true);
    testResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testRow->addWidget(test_);
    testRow->addWidget(testResult_, 1);
    bf->addRow(QString(), testRow);
    tabs_->addTab(backendPage, tr("Backend"));
    connect(preset_, &QComboBox::currentIndexChanged, this, [this] {
        const QString id = preset_->currentData().toString();
        for (const auto& p : llm::builtinEndpointPresets())
            if (QString::fromStdString(p.id) == id) {
                if (!p.baseUrl.empty())
                    baseUrl_->setText(QString::fromStdString(p.baseUrl));
                apiKeyEnv_->setText(QString::fromStdString(p.apiKeyEnv));
                testResult_->setText(QString::fromStdString(p.note));
            }
    });
    connect(test_, &QPushButton::clicked, this, &SettingsDialog::testConnection);

    // Retrieval and R2P ------------------------------------------------------------------------
    auto* runPage = new QWidget(tabs_);
    auto* rf = new QFormLayout(runPage);
    ranker_ = new QComboBox(runPage);
    for (const char* r : {"bm25", "recency", "random"})
        ranker_->addItem(QString::fromLatin1(r));
    ranker_->setCurrentText(s.ranker);
    rf->addRow(tr("Ranker:"), ranker_);
    k_ = new QSpinBox(runPage);
    k_->setRange(0, 50);
    k_->setValue(s.k);
    rf->addRow(tr("Retrieved items (k):"), k_);
    candidates_ = new QSpinBox(runPage);
    candidates_->setRange(1, 16);
    candidates_->setValue(s.candidates);
    rf->addRow(tr("Candidates (M):"), candidates_);
    variation_ = new QComboBox(runPage);
    variation_->addItem(tr("by sampling (temperature)"));
    variation_->addItem(tr("by leaving one retrieved item out"));
    variation_->setCurrentIndex(s.retrievalVariation ? 1 : 0);
    rf->addRow(tr("Candidates differ:"), variation_);
    chains_ = new QComboBox(runPage);
    chains_->addItem(tr("each its own chain from the first level"));
    chains_->addItem(tr("answer only, on the main chain's levels (cheaper)"));
    chains_->setCurrentIndex(s.answerOnlyCandidates ? 1 : 0);
    rf->addRow(tr("Candidate chains:"), chains_);
    final_ = new QComboBox(runPage);
    final_->addItem(tr("select the best-supported candidate"));
    final_->addItem(tr("combine: the model writes it from the verdicts"));
    final_->setCurrentIndex(s.combineFinal ? 1 : 0);
    rf->addRow(tr("Final answer:"), final_);
    interventions_ = new QSpinBox(runPage);
    interventions_->setRange(0, 10);
    interventions_->setValue(s.maxInterventions);
    rf->addRow(tr("RPI interventions per stage (at most):"), interventions_);
    pace_ = new QDoubleSpinBox(runPage);
    pace_->setRange(0, 100000);
    pace_->setDecimals(0);
    pace_->setSuffix(tr(" tokens/s"));
    pace_->setSpecialValueText(tr("at once"));
    pace_->setValue(s.offlineTokensPerSecond);
    rf->addRow(tr("Offline reasoner pace:"), pace_);
    tabs_->addTab(runPage, tr("Retrieval and R2P"));

    // Templates --------------------------------------------------------------------------------
    auto* tplPage = new QWidget(tabs_);
    auto* tl = new QVBoxLayout(tplPage);
    auto* taskRow = new QHBoxLayout;
    templateTask_ = new QComboBox(tplPage);
    for (const auto& spec : allTasks())
        templateTask_->addItem(taskTitle(spec.id), static_cast<int>(spec.id));
    if (session_->task() != TaskId::Invalid)
        templateTask_->setCurrentIndex(templateTask_->findData(static_cast<int>(session_->task())));
    auto* restore = new QPushButton(tr("Restore Built-in"), tplPage);
    taskRow->addWidget(new QLabel(tr("Task:"), tplPage));
    taskRow->addWidget(templateTask_, 1);
    taskRow->addWidget(restore);
    tl->addLayout(taskRow);
    editor_ = new QPlainTextEdit(tplPage);
    editor_->setObjectName(QStringLiteral("TemplateEditor"));
    editor_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor_->setLineWrapMode(QPlainTextEdit::NoWrap);
    tl->addWidget(editor_, 3);
    templateStatus_ = new QLabel(tplPage);
    templateStatus_->setObjectName(QStringLiteral("TemplateStatus"));
    templateStatus_->setWordWrap(true);
    tl->addWidget(templateStatus_);
    tl->addWidget(new QLabel(tr("Runs in this project and the template each used:"), tplPage));
    runs_ = new QListWidget(tplPage);
    runs_->setObjectName(QStringLiteral("TemplateRuns"));
    tl->addWidget(runs_, 1);
    tabs_->addTab(tplPage, tr("Templates"));
    validate_ = new QTimer(this);
    validate_->setSingleShot(true);
    validate_->setInterval(300);
    connect(editor_, &QPlainTextEdit::textChanged, this, [this] {
        templateEdited_ = true;
        validate_->start();
    });
    connect(validate_, &QTimer::timeout, this, &SettingsDialog::validateTemplate);
    connect(templateTask_, &QComboBox::currentIndexChanged, this, &SettingsDialog::loadTemplate);
    connect(restore, &QPushButton::clicked, this, [this] {
        const auto task = static_cast<TaskId>(templateTask_->currentData().toInt());
        if (const auto* builtin = engine::builtinHrtTemplate(task))
            editor_->setPlainText(QString::fromStdString(engine::serializeHrtTemplate(*builtin)));
    });
    loadTemplate();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SettingsDialog::~SettingsDialog() {
    testing_.cancelAll();
    testing_.waitForDone();
}

void SettingsDialog::loadTemplate() {
    const auto task = static_cast<TaskId>(templateTask_->currentData().toInt());
    auto saved = savedTemplate(task);
    const engine::HrtTemplate* shown = saved ? saved.get() : engine::builtinHrtTemplate(task);
    {
        const QSignalBlocker block(editor_);
        editor_->setPlainText(shown ? QString::fromStdString(engine::serializeHrtTemplate(*shown))
                                    : QString());
    }
    templateEdited_ = false;
    validateTemplate();
    runs_->clear();
    if (!session_->store())
        return;
    RunStore store(*session_->store());
    auto all = store.runs();
    if (!all)
        return;
    for (const auto& r : *all) {
        const QString hash = QString::fromStdString(engine::runTemplateHash(r)).left(12);
        runs_->addItem(tr("Run %1 · %2 · %3 · template %4 version %5 (%6)")
                           .arg(r.id)
                           .arg(QString::fromStdString(r.createdAt), taskName(r.task),
                                QString::fromStdString(r.templateId))
                           .arg(r.templateVersion)
                           .arg(hash.isEmpty() ? tr("text not kept") : hash));
    }
    if (runs_->count() == 0)
        runs_->addItem(tr("No runs yet."));
}

void SettingsDialog::validateTemplate() {
    validate_->stop();
    const auto task = static_cast<TaskId>(templateTask_->currentData().toInt());
    auto parsed = engine::parseHrtTemplate(editor_->toPlainText().toStdString(), "template");
    if (!parsed) {
        templateValid_ = false;
        templateStatus_->setText(
            QStringLiteral("<span style='color:#d23c3c'>✖ %1</span>")
                .arg(QString::fromStdString(parsed.error().message).toHtmlEscaped()));
        return;
    }
    if (parsed->task != task) {
        templateValid_ = false;
        templateStatus_->setText(QStringLiteral("<span style='color:#d23c3c'>✖ %1</span>")
                                     .arg(tr("This template is for %1, not %2.")
                                              .arg(taskName(parsed->task), taskName(task))
                                              .toHtmlEscaped()));
        return;
    }
    templateValid_ = true;
    templateStatus_->setText(QStringLiteral("<span style='color:#2e9e4f'>✔ %1</span>")
                                 .arg(tr("Valid: %1, version %2, %n level(s).", nullptr,
                                         static_cast<int>(parsed->levels.size()))
                                          .arg(QString::fromStdString(parsed->id))
                                          .arg(parsed->version)
                                          .toHtmlEscaped()));
}

void SettingsDialog::testConnection() {
    test_->setEnabled(false);
    testResult_->setText(tr("Connecting…"));
    llm::EndpointConfig config;
    config.baseUrl = baseUrl_->text().trimmed().toStdString();
    config.apiKeyEnv = apiKeyEnv_->text().trimmed().toStdString();
    config.connectTimeoutMs = 5000;
    config.totalTimeoutMs = 10000;
    config.maxAttempts = 1;
    testing_.start(
        QStringLiteral("test"), LatestTask::Pool::Short,
        [config](const std::atomic<bool>&) -> QString {
            llm::OpenAiBackend backend(config);
            auto models = backend.listModels();
            if (!models)
                return QCoreApplication::translate("r2p::ui::SettingsDialog", "✖ %1")
                    .arg(QString::fromStdString(models.error().message));
            QStringList names;
            for (const auto& m : *models)
                names << QString::fromStdString(m);
            return QCoreApplication::translate("r2p::ui::SettingsDialog", "✔ %n model(s): %1",
                                               nullptr, static_cast<int>(names.size()))
                .arg(names.join(QStringLiteral(", ")));
        },
        [this](const QString& result) {
            testResult_->setText(result);
            test_->setEnabled(true);
        });
}

bool SettingsDialog::apply() {
    if (templateEdited_) {
        validateTemplate();
        const auto task = static_cast<TaskId>(templateTask_->currentData().toInt());
        const auto* builtin = engine::builtinHrtTemplate(task);
        const QString builtinText =
            builtin ? QString::fromStdString(engine::serializeHrtTemplate(*builtin)) : QString();
        QString error;
        // Text equal to the built-in template removes the saved one.
        QString text = editor_->toPlainText() == builtinText ? QString() : editor_->toPlainText();
        // An edit is kept in the open project under a version of its own (the next free one
        // when its id and version name another text there), and saved as kept.
        ProjectStore* project = session_->store();
        if (!text.isEmpty() && templateValid_ && project && !project->readOnly()) {
            auto parsed = engine::parseHrtTemplate(text.toStdString(), "template");
            auto kept = parsed ? engine::keepTemplate(*project, *parsed, "edited")
                               : Result<engine::ProjectTemplate>(parsed.error());
            if (!kept) {
                tabs_->setCurrentIndex(2);
                templateStatus_->setText(
                    QStringLiteral("<span style='color:#d23c3c'>✖ %1</span>")
                        .arg(QString::fromStdString(kept.error().message).toHtmlEscaped()));
                return false;
            }
            if (kept->stored.version != parsed->version) {
                text = QString::fromStdString(kept->stored.text);
                const QSignalBlocker block(editor_);
                editor_->setPlainText(text);
            }
        }
        if (!saveTemplate(task, text, &error)) {
            tabs_->setCurrentIndex(2);
            templateStatus_->setText(QStringLiteral("<span style='color:#d23c3c'>✖ %1</span>")
                                         .arg(error.toHtmlEscaped()));
            return false;
        }
    }
    RunSettings s;
    s.backend = backend_->currentData().toString();
    s.baseUrl = baseUrl_->text().trimmed();
    s.model = model_->text().trimmed();
    s.apiKeyEnv = apiKeyEnv_->text().trimmed();
    s.ranker = ranker_->currentText();
    s.k = k_->value();
    s.candidates = candidates_->value();
    s.retrievalVariation = variation_->currentIndex() == 1;
    s.answerOnlyCandidates = chains_->currentIndex() == 1;
    s.combineFinal = final_->currentIndex() == 1;
    s.maxInterventions = interventions_->value();
    s.offlineTokensPerSecond = pace_->value();
    s.save();
    return true;
}

} // namespace r2p::ui
