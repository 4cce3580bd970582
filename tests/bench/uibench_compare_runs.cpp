// Compare Runs window timing, offscreen: two stored LaMP-2 runs of 20,000 users with 4 systems
// each (written through the RunStore API, every trace with its stages), compared in the window.
// Times the comparison in the background (4 paired tests, Holm, a 10,000-resample bootstrap, every
// paired user kept) until its table is filled, then what a selection costs until painted:
// picking another comparison (20,000-row user table, chart, agreement matrix), picking a user
// (both traces read from the project and rendered), and a filter. Target: selection <= 50 ms.
//
//   uibench_compare_runs [--users 20000] [--dir /tmp/r2p-bench] [--screenshot F.png] [--smoke]
#include "UiBenchSupport.h"
#include "model/RunStore.h"
#include "ui/App.h"
#include "ui/MainWindow.h"
#include "ui/Session.h"
#include "ui/models/PairedUsersModel.h"
#include "ui/windows/CompareRunsWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <vector>

using namespace r2p;
using namespace r2p::bench;
using namespace r2p::ui;

namespace {

const char* const kTags[] = {"sci-fi", "comedy", "action", "dystopia", "fantasy", "romance"};

// LaMP-2-shaped questions and outputs with `users` users of two profile items each.
void writeDataset(const std::string& questions, const std::string& outputs, int users) {
    std::ofstream q(questions), o(outputs);
    q << "[";
    o << "{\"task\": \"LaMP_2\", \"golds\": [";
    for (int u = 0; u < users; ++u) {
        const std::string id = std::to_string(200000 + u);
        q << (u ? ", " : "") << "{\"id\": \"" << id
          << "\", \"input\": \"Which tag does this movie relate to among the following tags? Just "
             "answer with the tag name without further explanation. tags: [sci-fi, based on a "
             "book, comedy, action, twist ending, dystopia, dark comedy, classic, psychology, "
             "fantasy, romance, thought-provoking, social commentary, violence, true story] "
             "description: a film numbered "
          << id << "\", \"profile\": [{\"tag\": \"" << kTags[u % 6] << "\", \"description\": "
          << "\"an older film\", \"id\": \"" << id << "1\"}, {\"tag\": \"" << kTags[(u + 1) % 6]
          << "\", \"description\": \"another film\", \"id\": \"" << id << "2\"}]}";
        o << (u ? ", " : "") << "{\"id\": \"" << id << "\", \"output\": \"" << kTags[u % 6]
          << "\"}";
    }
    q << "]";
    o << "]}";
}

std::int64_t storeRun(Session& session, std::uint32_t seed) {
    const auto dataset = session.dataset();
    RunStore runs(*session.store());
    RunInfo info;
    info.task = dataset->task;
    info.questionsPath = dataset->questions.path;
    info.outputsPath = dataset->outputs ? dataset->outputs->path : std::string();
    info.systems = {SystemId::R2P, SystemId::NoProfile, SystemId::LampRag, SystemId::LrmRag};
    info.backend = "offline";
    info.model = "bench";
    info.status = RunStatus::Done;
    for (const auto& u : dataset->users)
        info.users.push_back(u.id);
    const auto id = runs.createRun(info);
    if (!id) {
        std::fprintf(stderr, "%s\n", id.error().message.c_str());
        return 0;
    }
    std::mt19937 gen(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<UserTrace> batch;
    const std::string filler(600, 'x');
    for (std::size_t u = 0; u < dataset->users.size(); ++u) {
        for (std::size_t s = 0; s < info.systems.size(); ++s) {
            const bool right = unit(gen) < 0.6 - 0.05 * static_cast<double>(s);
            UserTrace t;
            t.userId = dataset->users[u].id;
            t.system = info.systems[s];
            t.status = UserStatus::Done;
            t.gold = dataset->users[u].gold;
            t.prediction = right ? t.gold.value() : std::string(kTags[(u + 1) % 6]);
            t.formatOk = true;
            t.scores = {{"accuracy", right ? 1.0 : 0.0}};
            for (StageId stage : {StageId::TaskAnalysis, StageId::ProfileSynthesis,
                                  StageId::AnswerPlan, StageId::Answer}) {
                StepRecord step;
                step.seq = static_cast<int>(t.steps.size());
                step.stage = stage;
                step.status = StepStatus::Done;
                step.reasoning = "thinking about " + t.userId + " " + filler;
                step.answer = "the stage's text " + filler;
                t.steps.push_back(std::move(step));
            }
            batch.push_back(std::move(t));
        }
        if (batch.size() >= 4000 || u + 1 == dataset->users.size()) {
            if (auto saved = runs.saveUserTraces(*id, batch); !saved) {
                std::fprintf(stderr, "%s\n", saved.error().message.c_str());
                return 0;
            }
            batch.clear();
        }
    }
    return *id;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    setUpApplication(app, QStringLiteral("en"));
    int users = 20000;
    std::string dir = "/tmp/r2p-bench";
    QString screenshot;
    bool smoke = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--smoke"))
            smoke = true;
        else if (args[i] == QLatin1String("--users") && i + 1 < args.size())
            users = args[++i].toInt();
        else if (args[i] == QLatin1String("--dir") && i + 1 < args.size())
            dir = args[++i].toStdString();
        else if (args[i] == QLatin1String("--screenshot") && i + 1 < args.size())
            screenshot = args[++i];
    }
    if (smoke) {
        users = 300;
        dir += "/cmpsmoke-" + std::to_string(QCoreApplication::applicationPid());
    }
    std::filesystem::create_directories(dir);
    const std::string questions = dir + "/cmp_lamp2_questions.json";
    const std::string outputs = dir + "/cmp_lamp2_outputs.json";
    writeDataset(questions, outputs, users);
    const QString project = QString::fromStdString(dir + "/uibench_compare.r2p");
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(project.toStdString() + suffix);

    Session session;
    MainWindow window(&session);
    window.resize(1400, 860);
    window.show();
    window.openProject(project, true);
    window.openDatasetFiles(QString::fromStdString(questions), QString::fromStdString(outputs),
                            TaskId::LaMP2);
    if (!waitUntil([&] { return session.dataset() != nullptr && !session.isBusy(); })) {
        std::fprintf(stderr, "the dataset did not open\n");
        return 1;
    }
    const std::int64_t a = storeRun(session, 1), b = storeRun(session, 2);
    if (!a || !b) {
        std::fprintf(stderr, "the runs could not be stored\n");
        return 1;
    }
    session.refreshRuns();
    CompareRunsWindow* cmp = window.showCompareRuns();
    cmp->resize(1366, 860);
    cmp->checkRuns({a, b});

    int outcome = -1; // compared(ok)
    QObject::connect(cmp, &CompareRunsWindow::compared, cmp, [&](bool ok) { outcome = ok; });
    QElapsedTimer t;
    t.start();
    cmp->compare();
    if (!waitUntil([&] { return outcome >= 0; }) || outcome != 1) {
        std::fprintf(stderr, "compare failed\n");
        return 1;
    }
    cmp->repaint();
    const double compareMs = double(t.nsecsElapsed()) / 1e6;

    const int rounds = smoke ? 3 : 15;
    std::vector<double> comparison, user, filter;
    QTableWidget* table = cmp->comparisonsTable();
    for (int r = 0; r < rounds; ++r) {
        t.restart();
        table->setCurrentCell((r + 1) % table->rowCount(), 0);
        cmp->repaint();
        comparison.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    QTableView* view = cmp->usersView();
    for (int r = 0; r < rounds; ++r) {
        t.restart();
        view->setCurrentIndex(cmp->usersModel()->index((r * 997) % users, 0));
        cmp->repaint();
        user.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    for (int r = 0; r < rounds; ++r) {
        t.restart();
        cmp->filterEdit()->setText(r % 2 ? QStringLiteral("is:regression")
                                         : QStringLiteral("is:improvement"));
        cmp->repaint();
        filter.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    if (!screenshot.isEmpty()) {
        cmp->filterEdit()->setText(QStringLiteral("is:regression"));
        view->setCurrentIndex(cmp->usersModel()->index(2, 0));
        cmp->grab().save(screenshot);
    }
    std::printf("two runs of %d users x 4 systems\n", users);
    std::printf("compare in the window (background, 10,000 resamples) until shown: %.0f ms\n",
                compareMs);
    std::printf("select a comparison until painted: %.1f ms median of %zu (target <= 50 ms)\n",
                medianMs(comparison), comparison.size());
    std::printf("select a user (two traces read and rendered) until painted: %.1f ms median of %zu "
                "(target <= 50 ms)\n",
                medianMs(user), user.size());
    std::printf("filter is:regression / is:improvement until painted: %.1f ms median of %zu\n",
                medianMs(filter), filter.size());
    if (smoke)
        std::filesystem::remove_all(dir);
    return 0;
}
