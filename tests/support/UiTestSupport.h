// Helpers for the offscreen UI tests: an isolated settings/data folder and LaMP files to open.
#pragma once

#include "model/Dataset.h"
#include "model/Trace.h"

#include <QString>
#include <QStringList>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

class QApplication;

namespace r2p::ui {
class Session;
}

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

// Stores a finished batch run of `systems` over the first `users` users of the session's open
// dataset in its project, as the offline backend and the built-in template would have made it.
// Each (user, system) trace starts done, with the user's gold and a well-formed answer;
// `fill(trace, user, userIndex)` sets its prediction, scores and anything else. `config` is
// the run's config JSON (empty: the default engine config). The run id, or 0 with `error`.
using TraceFill = std::function<void(UserTrace&, const UserIndexEntry&, std::size_t)>;
std::int64_t storeSessionRun(ui::Session& session, const std::vector<SystemId>& systems,
                             std::size_t users, const TraceFill& fill,
                             const std::string& config = {}, std::string* error = nullptr);

// Waits until the Session has read the run it was asked to show (Session::selectRun reads it
// off the GUI thread); false when it took longer than `ms`.
bool waitForRun(ui::Session& session, int ms = 30000);

} // namespace r2p::test
