// Tagged reasoning (TagPR) on screen, offscreen: the hand-made run of test::storeTaggedRun on
// the LaMP-3 demo's first four users. Analysis › Tags shows the hand-worked statistics (segments,
// chains, tokens, MAE with and without a tag, transitions, the constraint score and its r with
// MAE); the Reasoning dock's Tags tab shows a system's chain coloured by tag with its violations
// (a click selects the span at fault), the spans a person stored, an untagged chain auto-tagged
// and labelled so, and a stage still streaming.
#include "model/RunStore.h"
#include "support/TestSupport.h"
#include "support/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/RunController.h"
#include "ui/Session.h"
#include "ui/models/UserFilter.h"
#include "ui/models/UsersModel.h"
#include "ui/models/UsersProxyModel.h"
#include "ui/report/Report.h"
#include "ui/widgets/TagChainView.h"
#include "ui/windows/AnalysisDock.h"
#include "ui/windows/CompareDock.h"
#include "ui/windows/ReasoningDock.h"
#include "ui/windows/TagsAnalysisView.h"
#include "ui/windows/UsersDock.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <memory>

using namespace r2p;
using namespace r2p::ui;

class TestTags : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;
    std::int64_t runId_ = 0;
    QStringList users_;

    TagsAnalysisView* page() const { return window_->analysisDock()->tagsView(); }
    ReasoningDock* reasoning() const { return window_->reasoningDock(); }

    QString cell(QTableWidget* t, int row, int column) {
        return t->item(row, column) ? t->item(row, column)->text() : QString();
    }
    int rowNamed(QTableWidget* t, const QString& name) {
        for (int r = 0; r < t->rowCount(); ++r)
            if (cell(t, r, 0) == name)
                return r;
        return -1;
    }
    // Shows `user`'s chain of `system` in the Reasoning dock's Tags tab.
    void showChain(int user, SystemId system) {
        QVERIFY(session_->selectUserById(users_[user]));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 20000);
        reasoning()->tabs()->setCurrentWidget(reasoning()->tagsPage());
        QComboBox* box = reasoning()->tagSourceBox();
        const int at = box->findData(static_cast<int>(system));
        QVERIFY2(at >= 0, "the shown run's system is listed as a chain");
        box->setCurrentIndex(at);
    }

private slots:
    void initTestCase() {
        test::setUpUiTestApplication();
        dir_ = std::make_unique<QTemporaryDir>();
        session_ = std::make_unique<Session>();
        window_ = std::make_unique<MainWindow>(session_.get());
        QVERIFY(window_->openProject(dir_->filePath(QStringLiteral("tags.r2p")), true));
        window_->resize(1500, 950);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QSignalSpy finished(session_.get(), &Session::indexingFinished);
        window_->openDemo(TaskId::LaMP3);
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 60000);
        const auto dataset = session_->dataset();
        QVERIFY(dataset && dataset->users.size() >= 4);
        RunInfo info;
        info.questionsPath = dataset->questions.path;
        info.outputsPath = dataset->outputs ? dataset->outputs->path : std::string();
        for (std::size_t u = 0; u < 4; ++u) {
            info.users.push_back(dataset->users[u].id);
            users_ << QString::fromStdString(dataset->users[u].id);
        }
        std::string error;
        runId_ = test::storeTaggedRun(*session_->store(), info, &error);
        QVERIFY2(runId_ > 0, error.c_str());
        session_->refreshRuns();
        QString why;
        QVERIFY2(session_->selectRun(runId_, &why), qPrintable(why));
        QVERIFY(test::waitForRun(*session_));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 20000);
    }

    void analysisPageShowsTheHandWorkedNumbers() {
        window_->analysisDock()->show();
        window_->analysisDock()->raise();
        window_->analysisDock()->tabs()->setCurrentWidget(page());
        QTRY_VERIFY_WITH_TIMEOUT(page()->systemBox()->count() == 2 && !page()->isCounting(), 20000);
        QCOMPARE(page()->systemBox()->itemText(0), QStringLiteral("TagPR"));
        QCOMPARE(page()->systemBox()->currentIndex(), 0);
        QTableWidget* t = page()->tagTable();
        // Query analysis: 4 segments in 4 chains; 7 tokens each ((28 + 3) / 4), right for user
        // 1, wrong for users 2 and 3, user 4 (no gold) in neither.
        const int query = rowNamed(t, QStringLiteral("Query analysis"));
        QVERIFY(query >= 0);
        QCOMPARE(cell(t, query, 1), QStringLiteral("4"));
        QCOMPARE(cell(t, query, 2), QStringLiteral("4"));
        QCOMPARE(cell(t, query, 3), QStringLiteral("7.0 [7.0, 7.0] · n 1"));
        QCOMPARE(cell(t, query, 4), QStringLiteral("7.0 [7.0, 7.0] · n 2"));
        // MAE without a preference: user 3 alone, 2.
        const int pref = rowNamed(t, QStringLiteral("Preference inference"));
        QVERIFY(pref >= 0);
        QCOMPARE(cell(t, pref, 1), QStringLiteral("3"));
        QCOMPARE(cell(t, pref, 6), QStringLiteral("2.000 [2.000, 2.000] · n 1"));
        QCOMPARE(t->horizontalHeaderItem(5)->text(), QStringLiteral("MAE with the tag"));
        // The transitions: query → preference three times; preference → answer once, which
        // the tag set does not allow (red).
        QTableWidget* x = page()->transitionTable();
        auto column = [x](const QString& tag) {
            for (int c = 0; c < x->columnCount(); ++c)
                if (x->horizontalHeaderItem(c)->text() == tag)
                    return c;
            return -1;
        };
        auto row = [x](const QString& tag) {
            for (int r = 0; r < x->rowCount(); ++r)
                if (x->verticalHeaderItem(r)->text() == tag + QStringLiteral(" →"))
                    return r;
            return -1;
        };
        const int qRow = row(QStringLiteral("query")), pRow = row(QStringLiteral("preference"));
        const int pCol = column(QStringLiteral("preference")),
                  aCol = column(QStringLiteral("answer")), rCol = column(QStringLiteral("relate"));
        QVERIFY(qRow >= 0 && pRow >= 0 && pCol >= 0 && aCol >= 0 && rCol >= 0);
        QCOMPARE(x->item(qRow, pCol)->text(), QStringLiteral("3"));
        QCOMPARE(x->item(pRow, aCol)->text(), QStringLiteral("1"));
        QVERIFY(x->item(pRow, aCol)->toolTip().contains(QStringLiteral("not allowed")));
        QCOMPARE(x->item(pRow, rCol)->text(), QStringLiteral("2"));
        QVERIFY(!x->item(pRow, rCol)->toolTip().contains(QStringLiteral("not allowed")));
        QCOMPARE(x->item(qRow, rCol)->text(), QString()); // never
        // Mean constraint score 52/56 = 0.929; chains breaking: required 1, transition 2.
        const QString status = page()->status()->text();
        QVERIFY2(status.contains(QStringLiteral("0.929")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("required 1, transition 2")), qPrintable(status));
        // r = -3 / sqrt(28/3) = -0.98.
        const QString title = page()->scoreChart()->chart()->title();
        QVERIFY2(title.contains(QStringLiteral("-0.98")), qPrintable(title));
        // The bars: TagPR's segments per tag (bars run bottom-up, query on top, so last).
        auto* bars =
            qobject_cast<QHorizontalBarSeries*>(page()->frequencyChart()->chart()->series().at(0));
        QVERIFY(bars);
        QCOMPARE(bars->count(), 2); // TagPR and LRM RAG
        QBarSet* tagpr = bars->barSets().at(0);
        QCOMPARE(tagpr->at(tagpr->count() - 1), 4.0); // query
        // LRM RAG: the one span a person stored.
        page()->systemBox()->setCurrentIndex(1);
        QCOMPARE(t->rowCount(), 1);
        QCOMPARE(cell(t, 0, 0), QStringLiteral("Preference inference"));
    }

    void reasoningTabShowsAChainAndSelectsWhatBreaksARule() {
        showChain(2, SystemId::TagPR); // user 3: <query><answer>2
        TagChainView* view = reasoning()->tagView();
        QCOMPARE(view->textView()->toPlainText(),
                 QStringLiteral("<query>The query asks for a rating.</query><answer>2</answer>"));
        QVERIFY(view->summary()->text().contains(QStringLiteral("the model's own tags")));
        QVERIFY(view->summary()->text().contains(QStringLiteral("0.786"))); // 11/14
        QListWidget* list = view->violationList();
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("required")));
        QVERIFY(list->item(1)->text().startsWith(QStringLiteral("transition <answer>")));
        view->selectViolation(1);
        QCOMPARE(view->selectedText(), std::string("<answer>2</answer>"));
        // The query's content carries its tag's colour; its markup does not.
        QTextCursor c(view->textView()->document());
        c.setPosition(10); // inside "The query…"
        QCOMPARE(c.charFormat().background().color().rgb(),
                 QColor(QStringLiteral("#4e79a7")).rgb());
        c.setPosition(3); // inside "<query>"
        QCOMPARE(c.charFormat().background().style(), Qt::NoBrush);
        // User 1's chain keeps every rule.
        showChain(0, SystemId::TagPR);
        QCOMPARE(view->violationList()->count(), 1);
        QVERIFY(
            view->violationList()->item(0)->text().contains(QStringLiteral("Every constraint")));
        QVERIFY(view->summary()->text().contains(QStringLiteral("1.000")));
    }

    void storedAndAutoTaggedSpansAreLabelled() {
        showChain(0, SystemId::LrmRag); // a person's span
        TagChainView* view = reasoning()->tagView();
        QTRY_VERIFY(
            view->summary()->text().contains(QStringLiteral("spans as stored (human:ana)")));
        showChain(1, SystemId::LrmRag); // no span: the offline tagger's
        QTRY_VERIFY(view->summary()->text().contains(QStringLiteral("auto-tagged")));
        // "She likes calm tones [P1] always." hits the preference cue "likes"; "4" is the answer.
        QTextCursor c(view->textView()->document());
        c.setPosition(5);
        QCOMPARE(c.charFormat().background().color().rgb(),
                 QColor(QStringLiteral("#e15759")).rgb());
    }

    // Users by their tagged chains. Constraint scores by hand (weights 14): user 1 tagpr 14/14,
    // lrm-rag (a person's <preference> span alone: no answer, required 2 + answer-format 3)
    // 9/14; user 2 13/14; user 3 11/14; user 4 14/14.
    void usersFilterOnTaggedChains() {
        UsersDock* users = window_->usersDock();
        auto shown = [&](const QString& filter) {
            users->setFilterText(filter);
            QStringList ids;
            for (int r = 0; r < users->proxy()->rowCount(); ++r)
                ids << users->proxy()->index(r, UsersModel::ColumnId).data().toString();
            return ids;
        };
        QCOMPARE(shown(QStringLiteral("has:tag-violation")),
                 (QStringList{users_[0], users_[1], users_[2]}));
        QCOMPARE(shown(QStringLiteral("missing-tag:preference")), QStringList{users_[2]});
        // relate: user 1's lrm-rag chain and users 2 and 3 lack it.
        QCOMPARE(shown(QStringLiteral("missing-tag:relate")),
                 (QStringList{users_[0], users_[1], users_[2]}));
        QCOMPARE(shown(QStringLiteral("tag-score<0.7")), QStringList{users_[0]});
        QCOMPARE(shown(QStringLiteral("tag-score<0.8")), (QStringList{users_[0], users_[2]}));
        QCOMPARE(shown(QStringLiteral("tag-score>=1")), QStringList{users_[3]});
        QCOMPARE(shown(QStringLiteral("tag-score<0.8 has:tag-violation missing-tag:preference")),
                 QStringList{users_[2]});
        const UserFilter bad = UserFilter::parse(QStringLiteral("tag-score<x"));
        QVERIFY(!bad.valid());
        QVERIFY(bad.error().contains(QStringLiteral("tag-score needs a number")));
        users->setFilterText(QString());
        QCOMPARE(users->proxy()->rowCount(), static_cast<int>(session_->dataset()->users.size()));
    }

    // Compare shows TagPR's chain on its tags' colours: the query's segment on #4e79a7 blended
    // 30% over white = (0.3*78 + 0.7*255, 0.3*121 + 0.7*255, 0.3*167 + 0.7*255) = #cad7e5.
    void compareShowsTheTaggedChain() {
        QVERIFY(session_->selectUserById(users_[0]));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 20000);
        CompareDock* compare = window_->compareDock();
        compare->show();
        compare->raise();
        QTRY_VERIFY_WITH_TIMEOUT(
            compare->rightView()->toPlainText().contains(QStringLiteral("Tagged chain:")), 10000);
        QVERIFY(compare->rightView()->toPlainText().contains(
            QStringLiteral("The query asks for a rating.")));
        QVERIFY(compare->rightView()->toHtml().contains(QStringLiteral("#cad7e5")));
    }

    // The run report's tags section: TagPR's mean score 52/56 and the rules broken; LRM RAG's one
    // chain at 9/14.
    void reportHasATagsSection() {
        ReportRequest request;
        request.runId = runId_;
        auto html = reportHtml(*session_->store(), request);
        QVERIFY2(html, html ? "" : html.error().message.c_str());
        const qsizetype at = html->indexOf(QStringLiteral("id=\"tags\""));
        QVERIFY(at >= 0);
        const QString section = html->mid(at, 4000);
        QVERIFY(section.contains(QStringLiteral("TagPR: 4 chains")));
        QVERIFY(section.contains(QStringLiteral("Mean constraint score 0.929")));
        QVERIFY(section.contains(QStringLiteral("required 1, transition 2")));
        QVERIFY(section.contains(QStringLiteral("LRM RAG: 1 chain")));
        QVERIFY(section.contains(QStringLiteral("Mean constraint score 0.643")));
    }

    void aStreamingStageIsTaggedAsItGoes() {
        RunController* runs = window_->runController();
        runs->setTokensPerSecond(60);
        QVERIFY(session_->selectUserById(users_[0]));
        QTRY_VERIFY_WITH_TIMEOUT(runs->hasRun() && !session_->isBusy(), 20000);
        reasoning()->tabs()->setCurrentWidget(reasoning()->tagsPage());
        reasoning()->tagSourceBox()->setCurrentIndex(0); // the selected stage
        runs->runToEnd();
        QTRY_VERIFY_WITH_TIMEOUT(runs->isRunning() &&
                                     runs->runningStage() == StageId::TaskAnalysis &&
                                     runs->liveAnswer().size() > 40,
                                 30000);
        TagChainView* view = reasoning()->tagView();
        QTRY_VERIFY_WITH_TIMEOUT(view->summary()->text().contains(QStringLiteral("streaming")),
                                 10000);
        QVERIFY(view->textView()->toPlainText().size() > 0);
        runs->pause();
        runs->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!runs->isRunning(), 30000);
        runs->setTokensPerSecond(0);
    }

    // Last, since it changes the run: a person selects user 3's query segment and presses 3
    // (the tag set's third tag, preference); the correction is stored as their spans and the
    // chain is read with it. 0 over the answer removes their answer span.
    void selectingTextAndADigitCorrectsTheTags() {
        session_->setAnnotator(QStringLiteral("cy"));
        showChain(2, SystemId::TagPR); // <query>The query asks for a rating.</query><answer>2
        TagChainView* view = reasoning()->tagView();
        view->textView()->setFocus();
        view->selectBytes(7, 35);
        QCOMPARE(view->selectedText(), std::string("The query asks for a rating."));
        QTest::keyClick(view->textView(), Qt::Key_3);
        QTRY_VERIFY(view->summary()->text().contains(QStringLiteral("spans as stored (human:cy)")));
        auto spans = RunStore(*session_->store())
                         .tagSpans(runId_, {SystemId::TagPR, users_[2].toStdString(), 1});
        QVERIFY(spans.ok());
        QStringList mine;
        for (const auto& sp : *spans)
            if (sp.span.source == "human")
                mine << QStringLiteral("%1 %2-%3 %4")
                            .arg(QString::fromStdString(sp.span.tag))
                            .arg(sp.span.start)
                            .arg(sp.span.end)
                            .arg(QString::fromStdString(sp.span.annotator));
        QCOMPARE(mine, (QStringList{QStringLiteral("preference 7-35 cy"),
                                    QStringLiteral("answer 51-52 cy")}));
        // The chain as corrected: a preference without a citation, then the answer.
        QStringList rules;
        for (int i = 0; i < view->violationList()->count(); ++i)
            rules << view->violationList()->item(i)->text().section(QLatin1Char(' '), 0, 0);
        QCOMPARE(rules, (QStringList{QStringLiteral("transition"), QStringLiteral("citations")}));
        // 0 over the answer: cy's answer span goes (the answer is now missing: required).
        view->selectBytes(51, 52);
        QTest::keyClick(view->textView(), Qt::Key_0);
        QTRY_VERIFY(view->violationList()->item(0)->text().startsWith(QStringLiteral("required")));
    }
};

QTEST_MAIN(TestTags)
#include "tst_tags.moc"
