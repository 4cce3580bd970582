// Helpers for the offscreen UI tests: an isolated settings/data folder and LaMP files to open.
#pragma once

#include "model/Trace.h"

#include <QString>
#include <QStringList>
#include <vector>

class QApplication;

namespace r2p::test {

// Points QStandardPaths/QSettings at throwaway test locations of this process (its own $HOME,
// so UI tests running side by side do not share settings), clears them, and sets the
// application up in English. Call once from initTestCase().
void setUpUiTestApplication();

// Writes a LaMP-3-shaped questions file (and outputs beside it) with `users` users.
struct WrittenDataset {
    QString questions;
    QString outputs;
};
WrittenDataset writeLamp3Dataset(const QString& dir, int users, int itemsPerUser);

// The stages of the steps in trace order as QCOMPARE prints them: "answer", "candidates#2".
// (test::stagesOf in TestSupport.h, as a QStringList.)
QStringList stageList(const std::vector<StepRecord>& steps);

} // namespace r2p::test
