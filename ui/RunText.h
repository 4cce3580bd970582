// A stored run as the run picker, the Run menu and the run findings name it: its number, how
// many users, its systems, backend and date; a one-user interactive run is marked as such.
#pragma once

#include "model/Finding.h"
#include "model/Trace.h"
#include "pipeline/engine/Engine.h"

#include <QCoreApplication>
#include <QString>
#include <string>
#include <vector>

namespace r2p::ui {

struct RunResults;

class RunText {
    Q_DECLARE_TR_FUNCTIONS(r2p::ui::RunText)
public:
    // "Run 7 · 100 users · R2P, LaMP RAG · offline · 2026-12-05 14:03" or, for a one-user R2P
    // run the Reasoning dock stored, "Run 9 · interactive, user 310 · offline · …".
    static QString title(const RunInfo& run);
    // Everything about it in a few lines: systems, model, backend, status, dates.
    static QString toolTip(const RunInfo& run);
    // A system's own settings (--sampling, --system-model, the batch dialog) in words: "model
    // qwen3-8b, temperature 0.6, top-p 0.95, at most 512 tokens"; empty when it has none.
    static QString samplingText(const engine::Sampling& sampling);
};

// What the status bar counts about the shown run and the Findings dock lists: for each kind of
// trouble, the users it concerns (a finding of the run, not of the input files).
struct RunFinding {
    Severity severity = Severity::Info;
    QString text;                   // "2 users with RPI interventions"
    QString filter;                 // the Users filter that lists them: "has:intervention"
    std::vector<std::string> users; // their question ids, in the run's order
};
// Worst first: failures, contradicted candidates, answers out of format, interventions.
std::vector<RunFinding> runFindings(const RunResults& run);

} // namespace r2p::ui
