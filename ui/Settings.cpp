#include "Settings.h"

#include "TaskText.h"

#include <QCoreApplication>
#include <QSettings>
#include <algorithm>

namespace r2p::ui {

namespace {
QString templateKey(TaskId task) {
    return QStringLiteral("templates/") + taskName(task);
}
} // namespace

RunSettings RunSettings::load() {
    QSettings s;
    RunSettings r;
    r.backend = s.value(QStringLiteral("run/backend"), r.backend).toString();
    r.baseUrl = s.value(QStringLiteral("run/baseUrl"), r.baseUrl).toString();
    r.model = s.value(QStringLiteral("run/model"), r.model).toString();
    r.apiKeyEnv = s.value(QStringLiteral("run/apiKeyEnv"), r.apiKeyEnv).toString();
    r.ranker = s.value(QStringLiteral("run/ranker"), r.ranker).toString();
    r.k = s.value(QStringLiteral("run/k"), r.k).toInt();
    r.candidates = s.value(QStringLiteral("run/candidates"), r.candidates).toInt();
    r.retrievalVariation =
        s.value(QStringLiteral("run/retrievalVariation"), r.retrievalVariation).toBool();
    r.answerOnlyCandidates =
        s.value(QStringLiteral("run/answerOnlyCandidates"), r.answerOnlyCandidates).toBool();
    r.combineFinal = s.value(QStringLiteral("run/combineFinal"), r.combineFinal).toBool();
    r.maxInterventions =
        s.value(QStringLiteral("run/maxInterventions"), r.maxInterventions).toInt();
    r.offlineTokensPerSecond =
        s.value(QStringLiteral("run/offlineTokensPerSecond"), r.offlineTokensPerSecond).toDouble();
    return r;
}

void RunSettings::save() const {
    QSettings s;
    s.setValue(QStringLiteral("run/backend"), backend);
    s.setValue(QStringLiteral("run/baseUrl"), baseUrl);
    s.setValue(QStringLiteral("run/model"), model);
    s.setValue(QStringLiteral("run/apiKeyEnv"), apiKeyEnv); // the variable's name only
    s.setValue(QStringLiteral("run/ranker"), ranker);
    s.setValue(QStringLiteral("run/k"), k);
    s.setValue(QStringLiteral("run/candidates"), candidates);
    s.setValue(QStringLiteral("run/retrievalVariation"), retrievalVariation);
    s.setValue(QStringLiteral("run/answerOnlyCandidates"), answerOnlyCandidates);
    s.setValue(QStringLiteral("run/combineFinal"), combineFinal);
    s.setValue(QStringLiteral("run/maxInterventions"), maxInterventions);
    s.setValue(QStringLiteral("run/offlineTokensPerSecond"), offlineTokensPerSecond);
}

engine::EngineConfig RunSettings::engineConfig() const {
    engine::EngineConfig c;
    c.ranker = ranker.toStdString();
    c.k = static_cast<std::size_t>(std::max(0, k));
    c.candidates = std::clamp(candidates, 1, 16);
    c.variation =
        retrievalVariation ? engine::Variation::Retrieval : engine::Variation::Temperature;
    c.maxInterventions = std::clamp(maxInterventions, 0, 10);
    // Leaving an item out needs independent chains (the shared levels saw it).
    c.candidateMode = answerOnlyCandidates && !retrievalVariation
                          ? engine::CandidateMode::AnswerOnly
                          : engine::CandidateMode::Independent;
    c.finalMode = combineFinal ? engine::FinalMode::Combine : engine::FinalMode::Select;
    c.model = backend == QLatin1String("offline") ? "offline" : model.toStdString();
    return c;
}

std::shared_ptr<const engine::HrtTemplate> savedTemplate(TaskId task) {
    const QString text = QSettings().value(templateKey(task)).toString();
    if (text.isEmpty())
        return nullptr;
    auto parsed = engine::parseHrtTemplate(text.toStdString(), "edited template");
    if (!parsed || parsed->task != task)
        return nullptr;
    return std::make_shared<const engine::HrtTemplate>(std::move(*parsed));
}

bool saveTemplate(TaskId task, const QString& json, QString* error) {
    QSettings s;
    if (json.trimmed().isEmpty()) {
        s.remove(templateKey(task));
        return true;
    }
    auto parsed = engine::parseHrtTemplate(json.toStdString(), "edited template");
    if (!parsed) {
        if (error)
            *error = QString::fromStdString(parsed.error().message);
        return false;
    }
    if (parsed->task != task) {
        if (error)
            *error =
                QCoreApplication::translate("r2p::ui::Settings", "this template is for %1, not %2")
                    .arg(taskName(parsed->task), taskName(task));
        return false;
    }
    s.setValue(templateKey(task), json);
    return true;
}

} // namespace r2p::ui
