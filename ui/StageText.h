// Names of stages, verdicts, RPI rules and step states as the UI shows them, translated.
#pragma once

#include "model/Trace.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace r2p::ui {

class StageText {
    Q_DECLARE_TR_FUNCTIONS(r2p::ui::StageText)
public:
    static QString stage(StageId stage);                 // "Profile synthesis"
    static QString stage(StageId stage, int candidate);  // "Candidate 2", "Cross-reference 1"
    static QString verdict(Verdict verdict);             // "supported"
    static QString rule(RpiRule rule);                   // "citations"
    static QString ruleExplained(RpiRule rule);          // one sentence
    static QString outcome(InterventionOutcome outcome); // "complied"
    static QString mode(StepMode mode);                  // "prefill", "offline"; "" for None
    static QString system(SystemId system);              // "R2P", "LaMP RAG"
    static QString pending();
    static QString running();
    static QString done();
    static QString failed();
    static QString runStatus(RunStatus status); // a whole run's: "running", "done", "cancelled"
    // What the Score stage shows: the user's first score and whether the answer is right ("✔"
    // when it matches the gold: accuracy 1, or an MAE of 0; generation tasks have no mark), e.g.
    // "accuracy 1.000 ✔"; "no gold" without one.
    static QString scoreSummary(const UserTrace& trace);
    // The mark alone: "✔", "✖", or empty where right and wrong are not defined.
    static QString correctMark(const UserTrace& trace);
    // A badge colour for a verdict (readable on light and dark backgrounds).
    static QColor verdictColor(Verdict verdict);
};

} // namespace r2p::ui
