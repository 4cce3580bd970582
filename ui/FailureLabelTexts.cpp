// The shipped taxonomy's names and descriptions (resources/taxonomy/failures.json), listed so
// lupdate puts them in the translations; AnnotationText looks them up in this context. A test
// checks that this list and the file agree.
#include "AnnotationText.h"

#include <QtGlobal>

namespace r2p::ui {

const char* const kShippedLabelTexts[] = {
    QT_TRANSLATE_NOOP("r2p::FailureLabel", "Divergent thinking"),
    QT_TRANSLATE_NOOP("r2p::FailureLabel",
                      "The reasoning wanders away from the task or the template stage, spending "
                      "its budget on things that do not lead to the answer."),
    QT_TRANSLATE_NOOP("r2p::FailureLabel", "Format misalignment"),
    QT_TRANSLATE_NOOP("r2p::FailureLabel",
                      "The answer is not in the exact format the task asks for, such as a label "
                      "outside the label set or a rating that is not an integer from 1 to 5."),
    QT_TRANSLATE_NOOP("r2p::FailureLabel", "Retrieved history unused"),
    QT_TRANSLATE_NOOP("r2p::FailureLabel",
                      "The retrieved profile items are ignored or used ineffectively, so the "
                      "answer is not grounded in this user's history."),
    QT_TRANSLATE_NOOP("r2p::FailureLabel", "Hallucinated preference"),
    QT_TRANSLATE_NOOP("r2p::FailureLabel", "The reasoning attributes to the user a preference or "
                                           "style that none of the retrieved items supports."),
    QT_TRANSLATE_NOOP("r2p::FailureLabel", "Ignored evidence"),
    QT_TRANSLATE_NOOP("r2p::FailureLabel",
                      "A retrieved item or synthesized fact that clearly bears on the answer is "
                      "left out or contradicted without reason."),
    QT_TRANSLATE_NOOP("r2p::FailureLabel", "Inconsistent candidates"),
    QT_TRANSLATE_NOOP("r2p::FailureLabel",
                      "The sampled candidates disagree with each other, or the final choice does "
                      "not follow from the cross-reference verdicts."),
    QT_TRANSLATE_NOOP("r2p::FailureLabel", "Truncated"),
    QT_TRANSLATE_NOOP("r2p::FailureLabel",
                      "The output stops before the stage or the answer is complete, for example at "
                      "a token limit or a stop sequence."),
    QT_TRANSLATE_NOOP("r2p::FailureLabel", "Other"),
    QT_TRANSLATE_NOOP(
        "r2p::FailureLabel",
        "A reasoning failure that none of the other labels describes; say what it is in the note."),
};
const std::size_t kShippedLabelTextCount = sizeof kShippedLabelTexts / sizeof *kShippedLabelTexts;

} // namespace r2p::ui
