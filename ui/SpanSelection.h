// Turns a selection in the Reasoning dock's stream view into an annotation target: a span of the
// shown step's reasoning or answer, in UTF-8 bytes of that field, with the text as stored. The
// view renders reasoning and answer as two blocks and collapses runs of white space, so the
// selected text is looked up in the field rather than trusted by position alone.
#pragma once

#include "model/Annotation.h"

#include <QString>
#include <QTextCursor>
#include <optional>

namespace r2p::ui {

// The stream view's HTML: reasoning in grey italics, then the answer; a caret while live.
QString stepStreamHtml(const QString& reasoning, const QString& answer, bool live);

std::optional<Annotation> spanOfSelection(const StepRecord& step, const QTextCursor& selection);

} // namespace r2p::ui
