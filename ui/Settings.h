// The workbench's run settings, kept in QSettings: the backend for interactive runs (offline,
// or an OpenAI-compatible endpoint with its model and the NAME of the environment variable that
// holds its key — never the key), retrieval, candidates, RPI limits, the offline pace, and HRT
// templates edited in the app (per task; the built-in one when none is saved).
#pragma once

#include "pipeline/engine/Engine.h"

#include <QString>
#include <memory>

namespace r2p::ui {

struct RunSettings {
    QString backend = QStringLiteral("offline"); // "offline" or "openai"
    QString baseUrl = QStringLiteral("http://127.0.0.1:8000/v1");
    QString model;
    QString apiKeyEnv;
    QString ranker = QStringLiteral("bm25");
    int k = 5;
    int candidates = 3;
    bool retrievalVariation = false;
    bool answerOnlyCandidates = false; // the cheaper option: only the Answer level again
    bool combineFinal = false;         // the model writes the final answer from the verdicts
    int maxInterventions = 2;
    double offlineTokensPerSecond = 70; // readable: a stage streams for a few seconds

    static RunSettings load();
    void save() const;
    engine::EngineConfig engineConfig() const;
};

// The HRT template saved for `task` in the settings, if any (validated; nullptr otherwise).
std::shared_ptr<const engine::HrtTemplate> savedTemplate(TaskId task);
// Saves (or with an empty text, removes) the edited template of `task`. False with the
// validation message when the text is not a valid template for that task.
bool saveTemplate(TaskId task, const QString& json, QString* error);

} // namespace r2p::ui
