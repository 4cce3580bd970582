// One run service for the window and the CLI: a batch started from the batch dialog and
// `r2p run` given the same settings store the same run — the same config JSON, the same answers
// and scores for every user and system, the same summary numbers (intervals included, both
// bootstrapped with the run's seed).
#include "model/RunStore.h"
#include "pipeline/engine/RunService.h"
#include "support/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Session.h"
#include "ui/Settings.h"
#include "ui/dialogs/BatchDialog.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::ui;

namespace {

struct StoredAnswer {
    std::string prediction;
    ScoreList scores;
    std::string status;
    int interventions = 0;
    std::int64_t reasoningTokens = 0;
    bool formatOk = false;
    bool operator==(const StoredAnswer&) const = default;
};

std::map<std::pair<std::string, int>, StoredAnswer> answersOf(const std::vector<UserOutcome>& all) {
    std::map<std::pair<std::string, int>, StoredAnswer> out;
    for (const UserOutcome& o : all)
        out[{o.userId, static_cast<int>(o.system)}] =
            StoredAnswer{o.prediction,    o.scores,          std::string(userStatusName(o.status)),
                         o.interventions, o.reasoningTokens, o.formatOk};
    return out;
}

} // namespace

class TestRunService : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::setUpUiTestApplication(); }

    void aDialogBatchAndTheCliWithTheSameSettingsStoreTheSameRun() {
        QTemporaryDir dir;
        // Settings a user changed away from the defaults, so a dialog that ignored them (as it
        // once ignored the seed, ranker, variation and RPI limit) makes a different run.
        RunSettings settings = RunSettings::load();
        settings.ranker = QStringLiteral("recency");
        settings.retrievalVariation = true;
        settings.maxInterventions = 1;
        settings.k = 3;
        settings.candidates = 2;
        settings.save();

        Session session;
        MainWindow window(&session);
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("window.r2p")), true));
        QSignalSpy indexed(&session, &Session::indexingFinished);
        window.openDemo(TaskId::LaMP3);
        QVERIFY(indexed.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session.isBusy(), 60000);
        const auto dataset = session.dataset();
        QVERIFY(dataset && dataset->users.size() >= 5);

        BatchDialog dialog(&session, {0, 1, 2, 3, 4}, &window);
        dialog.setSystems({SystemId::R2P, SystemId::LampRag});
        dialog.setUserScope(1);
        dialog.setConcurrency(2);
        // Per-system sampling, as --sampling gives it below.
        dialog.setSampling(SystemId::R2P, engine::Sampling{0.3, 0.9, std::nullopt, std::nullopt});
        dialog.setSampling(SystemId::LampRag,
                           engine::Sampling{std::nullopt, std::nullopt, 48, std::nullopt});
        QSignalSpy finished(&dialog, &BatchDialog::runFinished);
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
        QVERIFY(test::waitForRun(session)); // the finished run is read next
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY2(dialog.errorsText().isEmpty(), qPrintable(dialog.errorsText()));

        QStringList ids;
        for (std::size_t i = 0; i < 5; ++i)
            ids << QString::fromStdString(dataset->users[i].id);
        const QString cliProject = dir.filePath(QStringLiteral("cli.r2p"));
        QProcess cli;
        cli.start(QStringLiteral(R2P_CLI), {QStringLiteral("run"),
                                            QStringLiteral("--project"),
                                            cliProject,
                                            QStringLiteral("--questions"),
                                            QString::fromStdString(dataset->questions.path),
                                            QStringLiteral("--outputs"),
                                            QString::fromStdString(dataset->outputs->path),
                                            QStringLiteral("--systems"),
                                            QStringLiteral("r2p,lamp-rag"),
                                            QStringLiteral("--users"),
                                            ids.join(QLatin1Char(',')),
                                            QStringLiteral("--backend"),
                                            QStringLiteral("offline"),
                                            QStringLiteral("--k"),
                                            QStringLiteral("3"),
                                            QStringLiteral("--candidates"),
                                            QStringLiteral("2"),
                                            QStringLiteral("--ranker"),
                                            QStringLiteral("recency"),
                                            QStringLiteral("--variation"),
                                            QStringLiteral("retrieval"),
                                            QStringLiteral("--max-interventions"),
                                            QStringLiteral("1"),
                                            QStringLiteral("--sampling"),
                                            QStringLiteral("r2p:temperature=0.3,top_p=0.9"),
                                            QStringLiteral("--sampling"),
                                            QStringLiteral("lamp-rag:max_tokens=48"),
                                            QStringLiteral("--concurrency"),
                                            QStringLiteral("2"),
                                            QStringLiteral("--quiet")});
        QVERIFY(cli.waitForFinished(120000));
        const QByteArray cliErr = cli.readAllStandardError();
        QCOMPARE(cli.exitCode(), 0);
        const auto cliSummary =
            nlohmann::json::parse(cli.readAllStandardOutput().toStdString(), nullptr, false);
        QVERIFY2(!cliSummary.is_discarded(), cliErr.constData());

        // Same settings stored.
        RunStore windowRuns(*session.store());
        auto windowRun = windowRuns.run(dialog.runId());
        QVERIFY(windowRun);
        auto cliStore =
            ProjectStore::open(cliProject.toStdString(), ProjectStore::OpenMode::ReadOnly);
        QVERIFY2(cliStore, cliStore ? "" : cliStore.error().message.c_str());
        RunStore cliRuns(**cliStore);
        auto cliRunList = cliRuns.runs();
        QVERIFY(cliRunList && cliRunList->size() == 1);
        const RunInfo& cliRun = cliRunList->front();
        const auto windowConfig = nlohmann::json::parse(windowRun->config);
        const auto cliConfig = nlohmann::json::parse(cliRun.config);
        QCOMPARE(QString::fromStdString(windowConfig.dump(1)),
                 QString::fromStdString(cliConfig.dump(1)));
        QCOMPARE(windowConfig.at("seed").get<int>(), cliConfig.at("seed").get<int>());
        QCOMPARE(windowConfig.at("ranker").get<std::string>(), std::string("recency"));
        const auto& sampling = windowConfig.at("sampling");
        QCOMPARE(sampling.size(), std::size_t{2});
        QCOMPARE(sampling.at("r2p").at("temperature").get<double>(), 0.3);
        QCOMPARE(sampling.at("r2p").at("top_p").get<double>(), 0.9);
        QVERIFY(!sampling.at("r2p").contains("max_tokens"));
        QCOMPARE(sampling.at("lamp-rag").at("max_tokens").get<int>(), 48);
        QCOMPARE(windowRun->status, RunStatus::Done);
        QCOMPARE(cliRun.status, RunStatus::Done);

        // Same answers and scores, user by user.
        auto windowOutcomes = windowRuns.outcomes(windowRun->id);
        auto cliOutcomes = cliRuns.outcomes(cliRun.id);
        QVERIFY(windowOutcomes && cliOutcomes);
        QCOMPARE(windowOutcomes->size(), std::size_t{10});
        const auto windowAnswers = answersOf(*windowOutcomes);
        const auto cliAnswers = answersOf(*cliOutcomes);
        QCOMPARE(windowAnswers.size(), cliAnswers.size());
        for (const auto& [key, answer] : windowAnswers) {
            auto other = cliAnswers.find(key);
            QVERIFY2(other != cliAnswers.end(), key.first.c_str());
            QVERIFY2(other->second == answer,
                     qPrintable(QStringLiteral("%1: window \"%2\", cli \"%3\"")
                                    .arg(QString::fromStdString(key.first),
                                         QString::fromStdString(answer.prediction),
                                         QString::fromStdString(other->second.prediction))));
        }

        // Same summary numbers: the window's run summarised by the service, and what the CLI
        // printed at its end.
        auto windowSummary = engine::RunService(*session.store()).summarize(windowRun->id);
        QVERIFY(windowSummary);
        const auto windowJson = nlohmann::json::parse(engine::summaryJson(*windowSummary));
        QVERIFY(windowJson.contains("systems") && windowJson.contains("deltas"));
        for (const auto& [key, value] : windowJson.items()) {
            if (key == "run_id")
                continue;
            QVERIFY2(cliSummary.contains(key), key.c_str());
            QCOMPARE(QString::fromStdString(value.dump(1)),
                     QString::fromStdString(cliSummary.at(key).dump(1)));
        }
        // What the CLI adds around it describes the same run.
        QCOMPARE(cliSummary.at("status").get<std::string>(), std::string("done"));
        QCOMPARE(cliSummary.at("model").get<std::string>(), windowRun->model);
        QCOMPARE(cliSummary.at("users").at("total").get<int>(), 5);
    }
};

QTEST_MAIN(TestRunService)
#include "tst_run_service.moc"
