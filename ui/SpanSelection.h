// Turns a selection in the Reasoning dock's stream view into an annotation target: a span of the
// shown step's reasoning or answer, in UTF-8 bytes of that field, with the text as stored. The
// view renders reasoning and answer as two blocks and collapses runs of white space, so the
// selected text is looked up in the field rather than trusted by position alone.
#pragma once

#include "model/Annotation.h"

#include <QList>
#include <QString>
#include <QTextCursor>
#include <optional>

namespace r2p::ui {

// One round of RPI interventions in a stage: the text the rule cut (struck through), the
// corrective thought injected (highlighted). `kept` is what streamed before the cut and stays
// (live only: a stored step's own text already holds it).
struct StreamRound {
    QString kept;
    QString violating;
    QString injected;
};

// The rounds of interventions of the step with sequence number `stepSeq`, from the trace's
// events (consecutive interventions that cut the same text are one round).
QList<StreamRound> interventionRounds(const UserTrace& trace, int stepSeq);

// The stream view's HTML: reasoning in grey italics, then the answer; a caret while live. Each
// round of interventions shows the cut text struck through and the injected thought highlighted:
// where the correction was written into the text (prefill) at that place, otherwise (the level
// asked again) before the text that stands. Live, the rounds come before the current attempt.
QString stepStreamHtml(const QString& reasoning, const QString& answer, bool live,
                       const QList<StreamRound>& rounds = {});

std::optional<Annotation> spanOfSelection(const StepRecord& step, const QTextCursor& selection);

} // namespace r2p::ui
