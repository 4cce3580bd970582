// The metric a view compares a generation run on (the Users view's picker: the Δ column, Slices,
// Metrics and reports follow it), and what RPI changed in a run with R2P's shadow (--shadow):
// the Metrics dock's RPI effect tab and the report's section. Hand-made LaMP-4 runs on the demo
// with ROUGE scores chosen so each view's numbers can be worked out by hand below.
#include "model/RunStore.h"
#include "pipeline/analysis/Slices.h"
#include "support/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Session.h"
#include "ui/models/UsersModel.h"
#include "ui/report/Report.h"
#include "ui/windows/AnalysisDock.h"
#include "ui/windows/MetricsDock.h"
#include "ui/windows/UsersDock.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace r2p;
using namespace r2p::ui;

namespace {

// Per user u0..u3: R2P's interventions and each system's ROUGE-1 and ROUGE-L.
const int kInterventions[] = {2, 1, 0, 3};
struct Rouge {
    double r1, rl;
};
const Rouge kR2p[] = {{0.50, 0.40}, {0.20, 0.30}, {0.40, 0.36}, {0.30, 0.20}};
const Rouge kShadow[] = {{0.30, 0.40}, {0.40, 0.10}, {0.40, 0.36}, {0.30, 0.10}};
const Rouge kLamp[] = {{0.45, 0.20}, {0.25, 0.30}, {0.40, 0.30}, {0.10, 0.20}};

QString num(double v, int decimals) {
    return QLocale().toString(v, 'f', decimals);
}

} // namespace

class TestMetricChoice : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;
    std::int64_t shadowRun_ = 0, plainRun_ = 0;

    std::int64_t storeRun(const std::vector<SystemId>& systems) {
        const auto fill = [](UserTrace& t, const UserIndexEntry&, std::size_t u) {
            const Rouge& r = t.system == SystemId::R2P        ? kR2p[u]
                             : t.system == SystemId::R2PNoRpi ? kShadow[u]
                                                              : kLamp[u];
            t.prediction = "a headline";
            t.scores = {
                {"rouge-1", r.r1}, {"rouge-2", 0.0}, {"rouge-L", r.rl}, {"rouge-Lsum", r.rl}};
            t.interventions = t.system == SystemId::R2P ? kInterventions[u] : 0;
        };
        std::string error;
        const auto id = test::storeSessionRun(*session_, systems, 4, fill, {}, &error);
        if (id == 0)
            qWarning("%s", error.c_str());
        return id;
    }

    UsersDock* users() const { return window_->usersDock(); }
    MetricsDock* metrics() const { return window_->metricsDock(); }

    QStringList deltaColumn() const {
        QStringList out;
        for (int r = 0; r < 4; ++r)
            out << users()->model()->index(r, UsersModel::ColumnDelta).data().toString();
        return out;
    }

    // Picks `metric` in the Users view's picker as a person would, and waits for the views.
    void pickMetric(const QString& metric) {
        QComboBox* picker = users()->metricPicker();
        const int i = picker->findData(metric);
        QVERIFY2(i >= 0, qPrintable(metric));
        QSignalSpy changed(session_.get(), &Session::runChanged);
        picker->setCurrentIndex(i);
        if (session_->runResults()->metric != metric.toStdString())
            QVERIFY(changed.wait(5000));
        QCOMPARE(QString::fromStdString(session_->runResults()->metric), metric);
    }

    // The Slices table's row `slice` of the intervention slicing: users, R2P, baseline, Δ, w/t/l.
    QStringList sliceRow(const QString& slice) {
        AnalysisDock* dock = window_->analysisDock();
        dock->tabs()->setCurrentIndex(0);
        dock->sliceKindBox()->setCurrentIndex(
            dock->sliceKindBox()->findData(static_cast<int>(analysis::SliceKind::Intervention)));
        if (!QTest::qWaitFor([dock] { return !dock->slicesPending(); }, 10000))
            return {QStringLiteral("slices still computing")};
        QTableWidget* t = dock->slicesTable();
        for (int r = 0; r < t->rowCount(); ++r)
            if (t->item(r, 0) && t->item(r, 0)->text() == slice) {
                QStringList cells;
                for (int c = 1; c <= 5; ++c)
                    cells << (t->item(r, c) ? t->item(r, c)->text() : QString());
                return cells;
            }
        return {QStringLiteral("no slice ") + slice};
    }

    QStringList rpiRow(int row) const {
        QStringList cells;
        for (int c = 0; c < metrics()->rpiTable()->columnCount(); ++c)
            cells << metrics()->rpiTable()->item(row, c)->text();
        return cells;
    }

private slots:
    void initTestCase() {
        test::setUpUiTestApplication();
        dir_ = std::make_unique<QTemporaryDir>();
        session_ = std::make_unique<Session>();
        window_ = std::make_unique<MainWindow>(session_.get());
        QVERIFY(window_->openProject(dir_->filePath(QStringLiteral("metric.r2p")), true));
        window_->resize(1500, 950);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDemo(TaskId::LaMP4);
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY(session_->dataset() && session_->dataset()->users.size() >= 4);
        plainRun_ = storeRun({SystemId::R2P, SystemId::LampRag});
        shadowRun_ = storeRun({SystemId::R2P, SystemId::LampRag, SystemId::R2PNoRpi});
        QVERIFY(plainRun_ > 0 && shadowRun_ > plainRun_);
        session_->refreshRuns();
        QString error;
        QVERIFY2(session_->selectRun(shadowRun_, &error), qPrintable(error));
        QVERIFY(test::waitForRun(*session_));
    }

    // ROUGE-1 by default (the paper's headline metric); ROUGE-L on request, everywhere.
    void viewsFollowThePickedMetric() {
        QComboBox* picker = users()->metricPicker();
        QVERIFY(picker->isVisibleTo(window_.get()));
        QCOMPARE(picker->count(), 4);
        QCOMPARE(picker->currentData().toString(), QStringLiteral("rouge-1"));
        // R2P − LaMP RAG by hand: 0.50−0.45, 0.20−0.25, 0.40−0.40, 0.30−0.10.
        QCOMPARE(deltaColumn(), (QStringList{QStringLiteral("+") + num(0.05, 2), num(-0.05, 2),
                                             num(0.0, 2), QStringLiteral("+") + num(0.20, 2)}));
        // Intervened on: u0, u1, u3. R2P (0.5+0.2+0.3)/3, LaMP RAG (0.45+0.25+0.1)/3.
        QCOMPARE(sliceRow(QStringLiteral("RPI intervened")),
                 (QStringList{QStringLiteral("3"), num(1.0 / 3, 3), num(0.8 / 3, 3),
                              num(0.2 / 3, 3), QStringLiteral("2 / 0 / 1")}));

        pickMetric(QStringLiteral("rouge-L"));
        // 0.40−0.20, 0.30−0.30, 0.36−0.30, 0.20−0.20.
        QCOMPARE(deltaColumn(), (QStringList{QStringLiteral("+") + num(0.20, 2), num(0.0, 2),
                                             QStringLiteral("+") + num(0.06, 2), num(0.0, 2)}));
        QCOMPARE(sliceRow(QStringLiteral("RPI intervened")),
                 (QStringList{QStringLiteral("3"), num(0.9 / 3, 3), num(0.7 / 3, 3),
                              num(0.2 / 3, 3), QStringLiteral("1 / 2 / 0")}));
        QVERIFY2(metrics()->heading()->text().contains(QStringLiteral("<b>rouge-L</b>")),
                 qPrintable(metrics()->heading()->text()));

        // The choice holds for the next run shown, and a report compares on it too.
        QString error;
        QVERIFY2(session_->selectRun(plainRun_, &error), qPrintable(error));
        QVERIFY(test::waitForRun(*session_));
        QCOMPARE(QString::fromStdString(session_->runResults()->metric), QStringLiteral("rouge-L"));
        QCOMPARE(picker->currentData().toString(), QStringLiteral("rouge-L"));
        ReportRequest request;
        request.runId = plainRun_;
        request.metric = session_->runResults()->metric;
        auto html = reportHtml(*session_->store(), request);
        QVERIFY(html);
        QVERIFY(html->contains(QStringLiteral("Worst users against LaMP RAG")));
        QVERIFY2(html->contains(QStringLiteral("lost most against LaMP RAG on rouge-L")) ||
                     html->contains(QStringLiteral("was worse than LaMP RAG for no user")),
                 "the report's worst users follow the metric");
        // A metric the task does not have is refused, naming it; the view keeps its choice.
        QVERIFY(!session_->selectMetric("MAE", &error));
        QVERIFY2(error.contains(QStringLiteral("MAE")), qPrintable(error));
        QCOMPARE(QString::fromStdString(session_->runResults()->metric), QStringLiteral("rouge-L"));
        pickMetric(QStringLiteral("rouge-1"));
    }

    // What RPI changed, against the shadow: by hand on ROUGE-1, u0 0.50 vs 0.30 helped, u1 0.20
    // vs 0.40 hurt, u3 0.30 vs 0.30 no change (u2 had no intervention); means 1.4/4 both.
    void rpiEffectTabComparesWithTheShadow() {
        QString error;
        QVERIFY2(session_->selectRun(plainRun_, &error), qPrintable(error));
        QVERIFY(test::waitForRun(*session_));
        const int tab = metrics()->tabs()->indexOf(metrics()->rpiPage());
        QVERIFY(!metrics()->tabs()->isTabVisible(tab)); // no shadow, no tab
        QVERIFY2(session_->selectRun(shadowRun_, &error), qPrintable(error));
        QVERIFY(test::waitForRun(*session_));
        QVERIFY(metrics()->tabs()->isTabVisible(tab));
        metrics()->tabs()->setCurrentIndex(tab);
        const QString summary = metrics()->rpiSummary()->text();
        QVERIFY2(summary.contains(QStringLiteral("<b>rouge-1</b> over 4 users")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("%1 with RPI, %1 without").arg(num(0.35, 3))),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral(
                     "RPI intervened on 3 of them: it helped 1, hurt 1 and changed nothing for 1")),
                 qPrintable(summary));
        QCOMPARE(metrics()->rpiTable()->rowCount(), 3); // u2 had no intervention
        const auto& ids = session_->dataset()->users;
        const auto id = [&](int u) {
            return QString::fromStdString(ids[std::size_t(u)].id);
        };
        // The largest changes first: u0 and u1 (0.2 each, in run order), then u3.
        QCOMPARE(rpiRow(0), (QStringList{id(0), QStringLiteral("2"), num(0.5, 3), num(0.3, 3),
                                         QStringLiteral("helped")}));
        QCOMPARE(rpiRow(1), (QStringList{id(1), QStringLiteral("1"), num(0.2, 3), num(0.4, 3),
                                         QStringLiteral("hurt")}));
        QCOMPARE(rpiRow(2), (QStringList{id(3), QStringLiteral("3"), num(0.3, 3), num(0.3, 3),
                                         QStringLiteral("no change")}));

        // On ROUGE-L: u0 0.40 = 0.40, u1 0.30 > 0.10 helped, u3 0.20 > 0.10 helped; means
        // (0.40+0.30+0.36+0.20)/4 = 0.315 with RPI, (0.40+0.10+0.36+0.10)/4 = 0.24 without.
        pickMetric(QStringLiteral("rouge-L"));
        const QString onL = metrics()->rpiSummary()->text();
        QVERIFY2(onL.contains(
                     QStringLiteral("%1 with RPI, %2 without").arg(num(0.315, 3), num(0.24, 3))),
                 qPrintable(onL));
        QVERIFY2(onL.contains(QStringLiteral("it helped 2, hurt 0 and changed nothing for 1")),
                 qPrintable(onL));

        // A double click shows the user.
        emit metrics()->rpiTable()->cellDoubleClicked(0, 0);
        QTRY_COMPARE(session_->selection().user, 1); // on ROUGE-L u1 changed most (0.30 vs 0.10)

        // The report says the same.
        ReportRequest request;
        request.runId = shadowRun_;
        request.metric = "rouge-L";
        auto html = reportHtml(*session_->store(), request);
        QVERIFY(html);
        QVERIFY(html->contains(QStringLiteral("What RPI changed")));
        QVERIFY2(html->contains(QStringLiteral("RPI intervened on 3 of them: it helped 2, hurt 0 "
                                               "and changed nothing for 1")),
                 "the report's RPI effect");
        pickMetric(QStringLiteral("rouge-1"));
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
    }
};

QTEST_MAIN(TestMetricChoice)
#include "tst_metric_choice.moc"
