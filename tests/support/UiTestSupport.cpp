#include "support/UiTestSupport.h"

#include "support/TestSupport.h"
#include "ui/App.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
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

} // namespace r2p::test
