// Names of failure labels, severities and annotation targets as the UI shows them, translated.
// Label names and descriptions come from the taxonomy data; the shipped ones are translated, a
// project's own labels show as written.
#pragma once

#include "model/Annotation.h"

#include <QCoreApplication>
#include <QString>
#include <cstddef>

namespace r2p::ui {

class AnnotationText {
    Q_DECLARE_TR_FUNCTIONS(r2p::ui::AnnotationText)
public:
    static QString labelName(const Taxonomy& taxonomy, const std::string& labelId);
    static QString labelDescription(const Taxonomy& taxonomy, const std::string& labelId);
    static QString severity(AnnotationSeverity severity); // "minor"
    // "whole run", "Profile synthesis", "verdict on candidate 2", "span in Answer: “…”"
    static QString item(const Annotation& annotation);
};

// The shipped labels' names and descriptions, in the order of resources/taxonomy/failures.json.
extern const char* const kShippedLabelTexts[];
extern const std::size_t kShippedLabelTextCount;

} // namespace r2p::ui
