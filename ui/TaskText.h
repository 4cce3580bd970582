// LaMP task names and summaries as the UI shows them, translated.
#pragma once

#include "model/Task.h"

#include <QString>

namespace r2p::ui {

QString taskName(TaskId id);    // "LaMP-3"; "" for Invalid
QString taskSummary(TaskId id); // "product rating", translated
QString taskTitle(TaskId id);   // "LaMP-3 — product rating"

} // namespace r2p::ui
