#include "DemoData.h"

#include "TaskText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace r2p::ui {

QList<TaskId> demoTasks() {
    return {TaskId::LaMP1, TaskId::LaMP2, TaskId::LaMP3,
            TaskId::LaMP4, TaskId::LaMP5, TaskId::LaMP7};
}

namespace {
bool copyIfChanged(const QString& from, const QString& to, QString* error) {
    QFile source(from);
    if (!source.exists()) {
        *error = QObject::tr("The demo file %1 is missing from this build.").arg(from);
        return false;
    }
    const QFileInfo target(to);
    if (target.exists() && target.size() == source.size())
        return true;
    QDir().mkpath(target.path());
    QFile::remove(to);
    if (!source.copy(to)) {
        *error = QObject::tr("Cannot write %1: %2").arg(to, source.errorString());
        return false;
    }
    // Resource copies are read-only; the user may want to edit a copy.
    QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                  QFile::ReadOther);
    return true;
}
} // namespace

DemoFiles extractDemo(TaskId task, QString* error) {
    const QString name = taskName(task);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                        QStringLiteral("/demo/") + name;
    DemoFiles files{dir + QStringLiteral("/dev_questions.json"),
                    dir + QStringLiteral("/dev_outputs.json")};
    QString ignored;
    QString* err = error ? error : &ignored;
    if (!copyIfChanged(QStringLiteral(":/demo/%1/dev_questions.json").arg(name), files.questions,
                       err) ||
        !copyIfChanged(QStringLiteral(":/demo/%1/dev_outputs.json").arg(name), files.outputs, err))
        return {};
    return files;
}

} // namespace r2p::ui
