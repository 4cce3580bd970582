#include "TaskText.h"

#include <QCoreApplication>

namespace r2p::ui {

class TaskText {
    Q_DECLARE_TR_FUNCTIONS(r2p::ui::TaskText)
};

QString taskName(TaskId id) {
    if (id == TaskId::Invalid)
        return {};
    const auto n = taskSpec(id).name;
    return QString::fromUtf8(n.data(), static_cast<qsizetype>(n.size()));
}

QString taskSummary(TaskId id) {
    switch (id) {
    case TaskId::LaMP1:
        return TaskText::tr("citation identification");
    case TaskId::LaMP2:
        return TaskText::tr("movie tagging");
    case TaskId::LaMP2N:
        return TaskText::tr("news categorization");
    case TaskId::LaMP3:
        return TaskText::tr("product rating");
    case TaskId::LaMP4:
        return TaskText::tr("news headline generation");
    case TaskId::LaMP5:
        return TaskText::tr("scholarly title generation");
    case TaskId::LaMP6:
        return TaskText::tr("email subject generation");
    case TaskId::LaMP7:
        return TaskText::tr("tweet paraphrasing");
    case TaskId::Invalid:
        break;
    }
    return {};
}

QString taskTitle(TaskId id) {
    return QStringLiteral("%1 — %2").arg(taskName(id), taskSummary(id));
}

} // namespace r2p::ui
