// UI timing for the foundation targets, offscreen: reopening a large dataset through the
// project's index cache until the user list is painted, and selecting a user with 1,000 profile
// items until the Profile pane is painted.
//
//   uibench_workbench [--mb 1024] [--dir /tmp/r2p-bench] [--smoke]
#include "Lamp4Generator.h"
#include "UiBenchSupport.h"
#include "ui/App.h"
#include "ui/MainWindow.h"
#include "ui/Session.h"
#include "ui/models/ProfileModel.h"
#include "ui/windows/ProfileDock.h"
#include "ui/windows/UsersDock.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTableView>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

using namespace r2p;
using namespace r2p::bench;
using namespace r2p::ui;

namespace {} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    setUpApplication(app, QStringLiteral("en"));
    std::uint64_t mb = 1024;
    std::string dir = "/tmp/r2p-bench";
    bool smoke = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--smoke"))
            smoke = true;
        else if (args[i] == QLatin1String("--mb") && i + 1 < args.size())
            mb = args[++i].toULongLong();
        else if (args[i] == QLatin1String("--dir") && i + 1 < args.size())
            dir = args[++i].toStdString();
    }
    if (smoke) {
        mb = 4;
        dir += "/uismoke-" + std::to_string(QCoreApplication::applicationPid());
    }
    std::filesystem::create_directories(dir);
    const std::string file = dir + "/lamp4_" + std::to_string(mb) + "mb_questions.json";
    const auto generated = bench::cachedLamp4File(file, mb << 20);
    const QString project = QString::fromStdString(dir + "/uibench.r2p");
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(project.toStdString() + suffix);

    // Index once so the project caches it (not timed).
    {
        Session session;
        MainWindow window(&session);
        window.openProject(project, true);
        window.openDatasetFiles(QString::fromStdString(file), QString());
        if (!waitUntil([&] { return session.dataset() != nullptr; }))
            return 1;
    }

    // 1. Reopen: a new window, as after a restart, until the user list is painted.
    std::vector<double> reopen;
    std::size_t users = 0;
    for (int run = 0; run < (smoke ? 1 : 5); ++run) {
        Session session;
        MainWindow window(&session);
        window.resize(1400, 860);
        window.show();
        QElapsedTimer t;
        t.start();
        window.openProject(project, true);
        window.openDatasetFiles(QString::fromStdString(file), QString());
        QTableView* view = window.usersDock()->view();
        if (!waitUntil([&] { return view->model()->rowCount() > 0 && session.datasetFromCache(); }))
            return 1;
        view->viewport()->repaint();
        reopen.push_back(double(t.nsecsElapsed()) / 1e6);
        users = static_cast<std::size_t>(view->model()->rowCount());
    }

    // 2. Select a user with 1,000 profile items until the Profile pane is painted.
    const std::string single = dir + "/lamp4_1000_items.json";
    bench::writeLamp4SingleUser(single, 1000, 7);
    std::vector<double> select;
    {
        Session session;
        MainWindow window(&session);
        window.resize(1400, 860);
        window.show();
        window.openProject(project, true);
        window.openDatasetFiles(QString::fromStdString(single), QString());
        if (!waitUntil([&] { return session.dataset() != nullptr && !session.isBusy(); }))
            return 1;
        QTableView* profile = window.profileDock()->view();
        for (int run = 0; run < (smoke ? 2 : 15); ++run) {
            session.selectUser(-1);
            waitUntil([&] { return profile->model()->rowCount() == 0; });
            QElapsedTimer t;
            t.start();
            session.selectUser(0);
            if (!waitUntil([&] { return profile->model()->rowCount() == 1000; }))
                return 1;
            profile->viewport()->repaint();
            select.push_back(double(t.nsecsElapsed()) / 1e6);
        }
    }

    std::printf("file: %.0f MiB, %zu users\n", double(generated.bytes) / double(1 << 20), users);
    std::printf("reopen via index cache until the user list is painted: %.1f ms median of %zu "
                "(target <= 300 ms)\n",
                medianMs(reopen), reopen.size());
    std::printf("select a 1,000-item user until the Profile pane is painted: %.1f ms median of %zu "
                "(target <= 20 ms)\n",
                medianMs(select), select.size());
    if (smoke)
        std::filesystem::remove_all(dir);
    return 0;
}
