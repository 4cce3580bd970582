// The Users filter grammar, data-driven: every kind of term against four hand-made users (index
// entries, a run's rows, annotation counts), with the users each filter must keep worked out by
// hand from the table below; invalid terms give an error naming the term and turn the Users
// dock's filter line red.
//
//   user  profile  gold      user_id  run: r2p  baseline  delta  rpi  contra  failed  format  notes
//   labels                      other runs 110   12       politics  -        1         0         +1
//   2    0       no      ok      1      divergent-thinking          no 111   3        women     -
//   0         1         -1     0    1       no      bad     0      -                           yes
//   205   50       (none)    u7       0.5       0.5       0      0    0       yes     ok      2
//   format-violation,
//                                                                                                    Divergent-Thinking          no
//   300   0        religion  -        (not in the run)                                        0 -
//   yes
#include "support/UiTestSupport.h"
#include "ui/Session.h"
#include "ui/models/UserFilter.h"
#include "ui/windows/UsersDock.h"

#include <QLineEdit>
#include <QTest>

using namespace r2p;
using namespace r2p::ui;

namespace {

UserIndexEntry user(const char* id, std::uint32_t profile, const char* gold, const char* userId) {
    UserIndexEntry u;
    u.id = id;
    u.profileSize = profile;
    u.hasGold = gold != nullptr;
    u.gold = gold ? gold : "";
    u.userId = userId;
    return u;
}

UserRunRow row(double r2p, double baseline, int interventions, int contradicted, bool failed,
               bool formatOk) {
    UserRunRow r;
    r.hasR2p = r.hasBaseline = r.r2pScored = r.baselineScored = true;
    r.r2pScore = r2p;
    r.baselineScore = baseline;
    r.interventions = interventions;
    r.contradicted = contradicted;
    r.failed = failed;
    r.r2pFormatOk = formatOk;
    return r;
}

} // namespace

class TestUserFilter : public QObject {
    Q_OBJECT

private:
    std::vector<UserIndexEntry> users_{user("110", 12, "politics", ""), user("111", 3, "women", ""),
                                       user("205", 50, nullptr, "u7"),
                                       user("300", 0, "religion", "")};
    RunResults run_;
    AnnotationCounts notes_;

    QStringList accepted(const UserFilter& f, bool withRun) const {
        QStringList ids;
        for (const auto& u : users_)
            if (f.accepts(u, withRun ? &run_ : nullptr, withRun ? &notes_ : nullptr))
                ids << QString::fromStdString(u.id);
        return ids;
    }

private slots:
    void initTestCase() {
        test::setUpUiTestApplication();
        run_.metric = "accuracy";
        run_.lowerIsBetter = false;
        run_.byUser.emplace("110", row(1, 0, 2, 0, false, true));
        run_.byUser.emplace("111", row(0, 1, 0, 1, false, false));
        run_.byUser.emplace("205", row(0.5, 0.5, 0, 0, true, true));
        notes_.onRun = {{"110", 1}, {"205", 2}};
        notes_.labels = {{"110", {"divergent-thinking"}},
                         {"205", {"format-violation", "Divergent-Thinking"}}};
        notes_.onOtherRuns = {"111", "300"};
    }

    void matches_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("withRun");
        QTest::addColumn<QStringList>("expected");
        const QStringList all{"110", "111", "205", "300"};
        QTest::newRow("empty") << "" << true << all;
        QTest::newRow("only spaces") << "  \t " << false << all;
        // Plain words: id or gold, case-insensitive.
        QTest::newRow("word in ids") << "11" << false << QStringList{"110", "111"};
        QTest::newRow("word in a gold") << "women" << false << QStringList{"111"};
        QTest::newRow("word any case") << "ReLiGion" << false << QStringList{"300"};
        QTest::newRow("two words") << "1 o" << false << QStringList{"110", "111"};
        QTest::newRow("word nowhere") << "zzz" << true << QStringList{};
        // One column.
        QTest::newRow("id:") << "id:0" << false << QStringList{"110", "205", "300"};
        QTest::newRow("ID: upper") << "ID:30" << false << QStringList{"300"};
        QTest::newRow("id: not gold") << "id:women" << false << QStringList{};
        QTest::newRow("gold:") << "gold:o" << false << QStringList{"110", "111", "300"};
        QTest::newRow("gold: not id") << "gold:110" << false << QStringList{};
        QTest::newRow("user:") << "user:U7" << false << QStringList{"205"};
        // Profile sizes.
        QTest::newRow("profile>") << "profile>10" << false << QStringList{"110", "205"};
        QTest::newRow("profile<=") << "profile<=3" << false << QStringList{"111", "300"};
        QTest::newRow("profile<") << "PROFILE<3" << false << QStringList{"300"};
        QTest::newRow("profile=") << "profile=0" << false << QStringList{"300"};
        QTest::newRow("profile>= and <") << "profile>=12 profile<50" << false << QStringList{"110"};
        // Gold.
        QTest::newRow("has:gold") << "has:gold" << false << QStringList{"110", "111", "300"};
        QTest::newRow("no:gold") << "no:gold" << false << QStringList{"205"};
        QTest::newRow("has:GOLD") << "has:GOLD" << false << QStringList{"110", "111", "300"};
        // R2P against the baseline.
        QTest::newRow("is:better") << "is:better" << true << QStringList{"110"};
        QTest::newRow("is:worse") << "is:worse" << true << QStringList{"111"};
        QTest::newRow("is:tie") << "is:tie" << true << QStringList{"205"};
        QTest::newRow("is:better without a run") << "is:better" << false << QStringList{};
        QTest::newRow("delta<0") << "delta<0" << true << QStringList{"111"};
        QTest::newRow("delta>=0") << "delta>=0" << true << QStringList{"110", "205"};
        QTest::newRow("delta>-0.5") << "delta>-0.5" << true << QStringList{"110", "205"};
        QTest::newRow("delta<=-1") << "delta<=-1" << true << QStringList{"111"};
        QTest::newRow("delta=1") << "delta=1" << true << QStringList{"110"};
        QTest::newRow("delta without a run") << "delta<5" << false << QStringList{};
        // Per-user findings of the run.
        QTest::newRow("has:intervention") << "has:intervention" << true << QStringList{"110"};
        QTest::newRow("has:rpi") << "has:rpi" << true << QStringList{"110"};
        QTest::newRow("has:contradicted") << "has:contradicted" << true << QStringList{"111"};
        QTest::newRow("has:failed") << "has:failed" << true << QStringList{"205"};
        QTest::newRow("has:format-failure") << "has:format-failure" << true << QStringList{"111"};
        // Annotations.
        QTest::newRow("has:annotation") << "has:annotation" << true << QStringList{"110", "205"};
        QTest::newRow("no:annotation") << "no:annotation" << true << QStringList{"111"};
        QTest::newRow("has:earlier-annotation")
            << "has:earlier-annotation" << true << QStringList{"111", "300"};
        QTest::newRow("label:") << "label:divergent-thinking" << true << QStringList{"110", "205"};
        QTest::newRow("label: one user") << "label:FORMAT-VIOLATION" << true << QStringList{"205"};
        QTest::newRow("label: unused") << "label:other" << true << QStringList{};
        QTest::newRow("label: without annotations")
            << "label:divergent-thinking" << false << QStringList{};
        // Every term must hold.
        QTest::newRow("gold and worse") << "has:gold is:worse" << true << QStringList{"111"};
        QTest::newRow("three terms")
            << "profile>10 has:annotation label:format-violation" << true << QStringList{"205"};
        QTest::newRow("contradicting terms") << "has:gold no:gold" << false << QStringList{};
    }

    void matches() {
        QFETCH(QString, filter);
        QFETCH(bool, withRun);
        QFETCH(QStringList, expected);
        const UserFilter f = UserFilter::parse(filter);
        QVERIFY2(f.valid(), qPrintable(f.error()));
        QCOMPARE(accepted(f, withRun), expected);
    }

    void mentionsAnnotations_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("mentions");
        QTest::newRow("words") << "110 gold:x profile>1" << false;
        QTest::newRow("run terms") << "is:worse delta<0 has:failed" << false;
        QTest::newRow("has:annotation") << "has:annotation" << true;
        QTest::newRow("no:annotation") << "110 no:annotation" << true;
        QTest::newRow("has:earlier-annotation") << "has:earlier-annotation" << true;
        QTest::newRow("label:") << "label:x" << true;
    }

    void mentionsAnnotations() {
        QFETCH(QString, filter);
        QFETCH(bool, mentions);
        QCOMPARE(UserFilter::parse(filter).mentionsAnnotations(), mentions);
    }

    void invalidTerms_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("term");   // the term the error names
        QTest::addColumn<QString>("reason"); // a part of the message
        QTest::newRow("profile word") << "profile>x"
                                      << "profile>x"
                                      << "needs a number";
        QTest::newRow("profile empty") << "profile>"
                                       << "profile>"
                                       << "needs a number";
        QTest::newRow("profile fraction") << "profile<1.5"
                                          << "profile<1.5"
                                          << "needs a number";
        QTest::newRow("delta word") << "delta<abc"
                                    << "delta<abc"
                                    << "needs a number";
        QTest::newRow("delta empty") << "delta>="
                                     << "delta>="
                                     << "needs a number";
        QTest::newRow("unknown key") << "foo:bar"
                                     << "foo:bar"
                                     << "unknown filter";
        QTest::newRow("has: unknown") << "has:nothing"
                                      << "has:nothing"
                                      << "unknown filter";
        QTest::newRow("no: unknown") << "no:intervention"
                                     << "no:intervention"
                                     << "unknown filter";
        QTest::newRow("is: unknown") << "is:awful"
                                     << "is:awful"
                                     << "unknown filter";
        QTest::newRow("label: empty") << "label:"
                                      << "label:"
                                      << "unknown filter";
        QTest::newRow("bad after good") << "id:1 has:gold foo:bar"
                                        << "foo:bar"
                                        << "unknown filter";
    }

    void invalidTerms() {
        QFETCH(QString, filter);
        QFETCH(QString, term);
        QFETCH(QString, reason);
        const UserFilter f = UserFilter::parse(filter);
        QVERIFY(!f.valid());
        QVERIFY2(f.error().contains(QStringLiteral("“%1”").arg(term)), qPrintable(f.error()));
        QVERIFY2(f.error().contains(reason), qPrintable(f.error()));
    }

    // The filter line is red (with the error as its tooltip) while a term is invalid, green
    // while a valid filter applies, plain when empty.
    void filterLineColour_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("colour"); // a background in the style sheet, "" for none
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("valid") << "has:gold profile>1"
                               << "#d1e7dd";
        QTest::newRow("invalid number") << "profile>x"
                                        << "#f8d7da";
        QTest::newRow("unknown term") << "is:awful"
                                      << "#f8d7da";
        QTest::newRow("invalid after valid") << "id:1 label:"
                                             << "#f8d7da";
    }

    void filterLineColour() {
        QFETCH(QString, filter);
        QFETCH(QString, colour);
        Session session;
        UsersDock dock(&session);
        dock.setFilterText(filter);
        const QString style = dock.filterLine()->styleSheet();
        if (colour.isEmpty())
            QVERIFY2(style.isEmpty(), qPrintable(style));
        else
            QVERIFY2(style.contains(colour), qPrintable(style));
        if (colour == QLatin1String("#f8d7da"))
            QCOMPARE(dock.filterLine()->toolTip(), UserFilter::parse(filter).error());
    }
};

QTEST_MAIN(TestUserFilter)
#include "tst_user_filter.moc"
