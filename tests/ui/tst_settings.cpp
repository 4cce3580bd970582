// The settings dialog offscreen: endpoint presets, "Test connection" against the loopback test
// server, the template editor validating as you type, and interactive runs that follow the
// settings (an OpenAI-compatible server through the response cache, an edited template).
#include "model/TemplateStore.h"
#include "pipeline/engine/HrtTemplate.h"
#include "support/ModelScripts.h"
#include "support/TestSupport.h"
#include "support/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/RunController.h"
#include "ui/Session.h"
#include "ui/Settings.h"
#include "ui/Theme.h"
#include "ui/dialogs/SettingsDialog.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace r2p;
using namespace r2p::ui;

class TestSettings : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    void openDemo(TaskId task) {
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDemo(task);
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy() && window_->runController()->hasRun(), 60000);
    }

private slots:
    void initTestCase() { test::setUpUiTestApplication(); }

    void init() {
        QSettings().clear();
        dir_ = std::make_unique<QTemporaryDir>();
        session_ = std::make_unique<Session>();
        window_ = std::make_unique<MainWindow>(session_.get());
        QVERIFY(window_->openProject(dir_->filePath(QStringLiteral("test.r2p")), true));
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanup() {
        window_.reset();
        session_.reset();
        dir_.reset();
        QSettings().clear();
    }

    void themesSwitchAtOnceAndAreKept() {
        window_->action(QStringLiteral("theme-dark"))->trigger();
        QVERIFY(darkPalette());
        QCOMPARE(savedTheme(), QStringLiteral("dark"));
        QTRY_VERIFY(window_->palette().color(QPalette::Window).lightness() < 100);
        window_->action(QStringLiteral("theme-light"))->trigger();
        QVERIFY(!darkPalette());
        QCOMPARE(savedTheme(), QStringLiteral("light"));
        window_->action(QStringLiteral("theme-system"))->trigger();
        QCOMPARE(savedTheme(), QStringLiteral("system"));
    }

    void presetsAndTestConnection() {
        test::OpenAiTestServer server;
        SettingsDialog dialog(session_.get(), window_.get());
        dialog.presetChooser()->setCurrentIndex(
            dialog.presetChooser()->findText(QStringLiteral("vLLM"), Qt::MatchStartsWith));
        QVERIFY(dialog.baseUrlEdit()->text().startsWith(QStringLiteral("http://")));
        dialog.baseUrlEdit()->setText(QString::fromStdString(server.baseUrl()));
        dialog.testButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testButton()->isEnabled(), 30000);
        QVERIFY2(dialog.testResult()->text().contains(QStringLiteral("r2p-test-model")),
                 qPrintable(dialog.testResult()->text()));
        server.stop(); // nothing listens there any more
        dialog.testButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testButton()->isEnabled(), 30000);
        QVERIFY2(dialog.testResult()->text().startsWith(QStringLiteral("✖")),
                 qPrintable(dialog.testResult()->text()));
    }

    void theTemplateEditorValidatesAsYouType() {
        openDemo(TaskId::LaMP3);
        SettingsDialog dialog(session_.get(), window_.get());
        QCOMPARE(dialog.templateTask()->currentText().left(6), QStringLiteral("LaMP-3"));
        QVERIFY(dialog.templateEditor()->toPlainText().contains(QStringLiteral("hrt-LaMP-3")));
        QVERIFY(dialog.templateValid());
        QVERIFY(dialog.templateStatus()->text().contains(QStringLiteral("✔")));
        QCOMPARE(dialog.templateRuns()->count(), 1); // "No runs yet."

        // Typing breaks it: the status turns red within the debounce, and saving is refused.
        dialog.templateEditor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(dialog.templateEditor(), QStringLiteral("oops"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.templateValid(), 5000);
        QVERIFY(dialog.templateStatus()->text().contains(QStringLiteral("✖")));
        QVERIFY(dialog.templateStatus()->text().contains(QStringLiteral("line")));
        QVERIFY(!dialog.apply());
        QVERIFY(!savedTemplate(TaskId::LaMP3));

        // A valid edit (version 2) is saved and the next run uses it.
        QString text = dialog.templateEditor()->toPlainText();
        text.chop(4);
        text.replace(QStringLiteral("\"version\": 1"), QStringLiteral("\"version\": 2"));
        dialog.templateEditor()->setPlainText(text);
        dialog.validateTemplate();
        QVERIFY(dialog.templateValid());
        QVERIFY(dialog.templateStatus()->text().contains(QStringLiteral("version 2")));
        QVERIFY(dialog.apply());
        auto saved = savedTemplate(TaskId::LaMP3);
        QVERIFY(saved);
        QCOMPARE(saved->version, 2);
        // ...and kept in the project, as an edit, under that version.
        TemplateStore kept(*session_->store());
        auto v2 = kept.byVersion("hrt-LaMP-3", 2);
        QVERIFY(v2 && v2->has_value());
        QCOMPARE((*v2)->source, std::string("edited"));
        QCOMPARE((*v2)->text, engine::serializeHrtTemplate(*saved));

        // Another text still saying version 2 is kept as version 3: one version, one text.
        text.replace(QStringLiteral("You personalize"),
                     QStringLiteral("You carefully personalize"));
        SettingsDialog again(session_.get(), window_.get());
        again.templateEditor()->setPlainText(text);
        again.validateTemplate();
        QVERIFY(again.templateValid());
        QVERIFY(again.apply());
        saved = savedTemplate(TaskId::LaMP3);
        QVERIFY(saved);
        QCOMPARE(saved->version, 3);
        QVERIFY(saved->system.find("You carefully personalize") != std::string::npos);
        QVERIFY(again.templateEditor()->toPlainText().contains(QStringLiteral("\"version\": 3")));
        auto v3 = kept.byVersion("hrt-LaMP-3", 3);
        QVERIFY(v3 && v3->has_value());
        QCOMPARE(*kept.highestVersion("hrt-LaMP-3"), 3);
    }

    void interactiveRunsFollowTheSettingsBackend() {
        test::OpenAiTestServer server;
        test::scriptCompliantModel(server, *engine::builtinHrtTemplate(TaskId::LaMP3), "4");
        RunSettings s;
        s.backend = QStringLiteral("openai");
        s.baseUrl = QString::fromStdString(server.baseUrl());
        s.model = QStringLiteral("r2p-test-model");
        s.candidates = 1;
        s.save();
        window_->runController()->applySettings();
        openDemo(TaskId::LaMP3);
        RunController* runs = window_->runController();
        QVERIFY(!runs->offline());
        QVERIFY(runs->backendLabel().contains(QStringLiteral("r2p-test-model")));
        QSignalSpy running(runs, &RunController::runningChanged);
        runs->runToEnd();
        QTRY_VERIFY_WITH_TIMEOUT(runs->finished(), 60000);
        QCOMPARE(runs->trace().status, UserStatus::Done);
        QCOMPARE(runs->trace().prediction, std::string("4"));
        QCOMPARE(test::stepOf(runs->trace().steps, "task_analysis").backendMode, StepMode::Chat);
        const std::size_t requests = server.requestCount();
        QVERIFY(requests >= 5); // four levels and a judge
        // The same stages again come from the project's response cache.
        QVERIFY(runs->rerunFrom(StageId::TaskAnalysis));
        runs->runToEnd();
        QTRY_VERIFY_WITH_TIMEOUT(runs->finished(), 60000);
        QCOMPARE(server.requestCount(), requests);
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
