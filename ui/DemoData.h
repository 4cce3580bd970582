// The bundled demo dataset: LaMP-format files written by the team, shipped inside the binary
// and copied to the user's data folder so they open like any other file.
#pragma once

#include "model/Task.h"

#include <QString>
#include <QStringList>

namespace r2p::ui {

struct DemoFiles {
    QString questions;
    QString outputs;
};

// The tasks the demo covers, in menu order.
QList<TaskId> demoTasks();
// Copies the task's demo files out of the resources (once) and returns their paths; empty
// paths and an error message if that fails.
DemoFiles extractDemo(TaskId task, QString* error);

} // namespace r2p::ui
