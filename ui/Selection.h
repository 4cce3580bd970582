// What is selected, in one value: the run and its baseline, the user, the system, the stage shown,
// the verdict and the span of text picked, and which of them was picked last (what a label applies
// to). Owned by Session, changed only through it; every pane observes Session::selectionChanged
// (RenderDoc's OnSelectedEventChanged). No pane asks another what is selected.
#pragma once

#include "model/Annotation.h"

#include <QMetaType>
#include <QStringList>
#include <optional>
#include <string>

namespace r2p::ui {

// A span of a stage's stored text: [start, end) in UTF-8 bytes of `field`.
struct TextSpan {
    std::string field; // "reasoning", "answer" or "raw"
    int start = 0;
    int end = 0;
    std::string text; // as selected
    bool operator==(const TextSpan&) const = default;
};

struct Selection {
    std::int64_t run = 0; // the stored run the Users view shows (0: none)
    // The baseline R2P is compared with in that run (Invalid: none); the Users view's baseline
    // and delta columns, Metrics, Compare, Slices and reports follow it.
    SystemId baseline = SystemId::Invalid;
    int user = -1; // row in Session::dataset()->users (-1: none)
    SystemId system = SystemId::R2P;
    StageId stage = StageId::Invalid; // the stage the Reasoning dock shows
    int candidate = 0;                // of that stage
    int verdict = -1;                 // the candidate whose verdict was picked (-1: none)
    std::optional<TextSpan> span;     // picked in the stage's text
    // What was picked last, so what the next label applies to: Run, Stage, Span or Verdict.
    AnnotationTarget picked = AnnotationTarget::Run;
    // The profile items (by id) the stage or verdict shown cites; the history stars them.
    QStringList cited;

    bool operator==(const Selection&) const = default;

    // The annotation target fields for what was picked last (the rest of the value is empty).
    Annotation annotationTarget() const {
        Annotation t;
        t.system = system;
        t.target = picked;
        switch (picked) {
        case AnnotationTarget::Stage:
            t.stage = stage;
            t.candidate = candidate;
            break;
        case AnnotationTarget::Span:
            t.stage = stage;
            t.candidate = candidate;
            if (span) {
                t.spanField = span->field;
                t.spanStart = span->start;
                t.spanEnd = span->end;
                t.spanText = span->text;
            }
            break;
        case AnnotationTarget::Verdict:
            t.stage = StageId::CrossReference;
            t.candidate = verdict;
            break;
        default:
            t.target = AnnotationTarget::Run;
            break;
        }
        return t;
    }
};

} // namespace r2p::ui

Q_DECLARE_METATYPE(r2p::ui::Selection)
