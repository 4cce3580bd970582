#include "AnnotationText.h"

#include "StageText.h"

namespace r2p::ui {

QString AnnotationText::labelName(const Taxonomy& taxonomy, const std::string& labelId) {
    const FailureLabel* label = taxonomy.find(labelId);
    if (!label)
        return QString::fromStdString(labelId);
    return QCoreApplication::translate("r2p::FailureLabel", label->name.c_str());
}

QString AnnotationText::labelDescription(const Taxonomy& taxonomy, const std::string& labelId) {
    const FailureLabel* label = taxonomy.find(labelId);
    if (!label)
        return {};
    return QCoreApplication::translate("r2p::FailureLabel", label->description.c_str());
}

QString AnnotationText::severity(AnnotationSeverity severity) {
    switch (severity) {
    case AnnotationSeverity::Minor:
        return tr("minor");
    case AnnotationSeverity::Major:
        return tr("major");
    case AnnotationSeverity::Critical:
        return tr("critical");
    case AnnotationSeverity::Invalid:
        break;
    }
    return {};
}

QString AnnotationText::item(const Annotation& a) {
    switch (a.target) {
    case AnnotationTarget::Run:
        return tr("whole run");
    case AnnotationTarget::Stage:
        return StageText::stage(a.stage, a.candidate);
    case AnnotationTarget::Verdict:
        return tr("verdict on candidate %1").arg(a.candidate + 1);
    case AnnotationTarget::Span: {
        QString text = QString::fromStdString(a.spanText).simplified();
        if (text.size() > 40)
            text = text.left(40) + QChar(0x2026);
        return tr("%1: “%2”").arg(StageText::stage(a.stage, a.candidate), text);
    }
    case AnnotationTarget::Invalid:
        break;
    }
    return {};
}

} // namespace r2p::ui
