// Matched-term highlighting marks what retrieval really matched on: stop words and bare
// punctuation (which BM25 matches too, as LaMP's str.split() tokens) stay unmarked.
#include "support/UiTestSupport.h"
#include "ui/widgets/TermHighlight.h"

#include <QTest>

using namespace r2p::ui;

class TestTermHighlight : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { r2p::test::setUpUiTestApplication(); }

    void stopWordsAndPunctuationAreNotSalient() {
        const QStringList matched{
            QStringLiteral("the"),  QStringLiteral("battery"), QStringLiteral("-"),
            QStringLiteral("(The"), QStringLiteral("of,"),     QStringLiteral("life,"),
            QStringLiteral("&"),    QStringLiteral("2024"),    QStringLiteral("Therefore")};
        QCOMPARE(salientTerms(matched),
                 (QStringList{QStringLiteral("battery"), QStringLiteral("life,"),
                              QStringLiteral("2024"), QStringLiteral("Therefore")}));
    }

    void onlySalientTokensAreMarked() {
        const QString mark =
            QStringLiteral("<span style='background-color:#ffd966;color:#000000'>");
        const QString html =
            highlightTerms(QStringLiteral("the battery - of a <kettle>"),
                           {QStringLiteral("the"), QStringLiteral("battery"), QStringLiteral("-"),
                            QStringLiteral("of"), QStringLiteral("<kettle>")});
        QCOMPARE(html, QStringLiteral("the ") + mark + QStringLiteral("battery</span> - of a ") +
                           mark + QStringLiteral("&lt;kettle&gt;</span>"));
        // Nothing salient: the text as it is, escaped.
        QCOMPARE(highlightTerms(QStringLiteral("a & b"), {QStringLiteral("&")}),
                 QStringLiteral("a &amp; b"));
    }
};

QTEST_MAIN(TestTermHighlight)
#include "tst_term_highlight.moc"
