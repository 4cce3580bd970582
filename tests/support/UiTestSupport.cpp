#include "support/UiTestSupport.h"

#include "model/RunStore.h"
#include "model/Util.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/engine/HrtTemplate.h"
#include "support/TestSupport.h"
#include "ui/App.h"
#include "ui/Session.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

namespace r2p::test {

void setUpUiTestApplication() {
    // Qt's test mode puts settings and data under $HOME/.qttest, which every UI test process of
    // the user shares: one test's saved backend (or the clear below) would reach another test
    // running at the same time, from this checkout or another. A home of its own per process.
    static QTemporaryDir home(QDir::tempPath() + QStringLiteral("/r2p-ui-test-home-XXXXXX"));
    if (home.isValid())
        qputenv("HOME", QFile::encodeName(home.path()));
    QStandardPaths::setTestModeEnabled(true);
    auto& app = static_cast<QApplication&>(*QCoreApplication::instance());
    ui::setUpApplication(app, QStringLiteral("en"));
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
}

WrittenDataset writeLamp3Dataset(const QString& dir, int users, int itemsPerUser) {
    nlohmann::json questions = nlohmann::json::array();
    nlohmann::json golds = nlohmann::json::array();
    for (int u = 0; u < users; ++u) {
        nlohmann::json r;
        r["id"] = std::to_string(500 + u);
        r["input"] =
            "What is the score of the following review on a scale of 1 to 5? just answer "
            "with 1, 2, 3, 4, or 5 without further explanation. review: The kettle number " +
            std::to_string(u) + " boils fast";
        r["profile"] = nlohmann::json::array();
        for (int i = 0; i < itemsPerUser + (u % 4); ++i)
            r["profile"].push_back(
                {{"text", "review " + std::to_string(i) + " of user " + std::to_string(u) +
                              (i == 2 ? " mentions a teapot" : "")},
                 {"score", std::to_string(1 + (u + i) % 5)},
                 {"id", std::to_string(u * 1000 + i)}});
        questions.push_back(r);
        golds.push_back({{"id", std::to_string(500 + u)}, {"output", std::to_string(1 + u % 5)}});
    }
    WrittenDataset d{dir + QStringLiteral("/dev_questions.json"),
                     dir + QStringLiteral("/dev_outputs.json")};
    QFile q(d.questions), o(d.outputs);
    q.open(QIODevice::WriteOnly);
    q.write(QByteArray::fromStdString(questions.dump()));
    o.open(QIODevice::WriteOnly);
    o.write(QByteArray::fromStdString(nlohmann::json{{"task", "LaMP_3"}, {"golds", golds}}.dump()));
    return d;
}

QStringList stageList(const std::vector<StepRecord>& steps) {
    QStringList out;
    for (const auto& name : stagesOf(steps))
        out << QString::fromStdString(name);
    return out;
}

std::int64_t storeSessionRun(ui::Session& session, const std::vector<SystemId>& systems,
                             std::size_t users, const TraceFill& fill, const std::string& config,
                             std::string* error) {
    const auto fail = [&](const std::string& why) -> std::int64_t {
        if (error)
            *error = why;
        return 0;
    };
    const auto dataset = session.dataset();
    if (!dataset || !session.store())
        return fail("no dataset or project is open");
    if (users > dataset->users.size())
        return fail("the dataset has only " + std::to_string(dataset->users.size()) + " users");
    const auto hrt = engine::builtinHrtTemplate(dataset->task);
    RunInfo info;
    info.task = dataset->task;
    info.questionsPath = dataset->questions.path;
    info.outputsPath = dataset->outputs ? dataset->outputs->path : std::string();
    info.systems = systems;
    info.backend = "offline";
    info.model = "offline";
    info.templateId = hrt ? hrt->id : std::string();
    info.templateVersion = hrt ? hrt->version : 0;
    info.config = config.empty() ? engine::engineConfigJson(engine::EngineConfig{}, 1) : config;
    info.createdAt = nowIsoUtc();
    info.status = RunStatus::Done;
    for (std::size_t u = 0; u < users; ++u)
        info.users.push_back(dataset->users[u].id);
    RunStore runs(*session.store());
    auto created = runs.createRun(info);
    if (!created)
        return fail(created.error().message);
    std::vector<UserTrace> traces;
    for (std::size_t u = 0; u < users; ++u)
        for (SystemId system : systems) {
            const UserIndexEntry& entry = dataset->users[u];
            UserTrace t;
            t.userId = entry.id;
            t.system = system;
            t.status = UserStatus::Done;
            t.gold = entry.gold;
            t.formatOk = true;
            fill(t, entry, u);
            traces.push_back(std::move(t));
        }
    if (auto saved = runs.saveUserTraces(*created, traces); !saved)
        return fail(saved.error().message);
    return *created;
}

bool waitForRun(ui::Session& session, int ms) {
    return QTest::qWaitFor([&session] { return !session.isRunLoading(); }, ms);
}

} // namespace r2p::test
