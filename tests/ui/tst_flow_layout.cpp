// FlowLayout, the layout of the Reasoning dock's run buttons and the Annotations dock's label
// buttons: rows wrap at the width given, a separator never opens a row, and the columns mode
// fits as many equal columns as the width holds. Widgets of fixed sizes, positions by hand.
#include "support/UiTestSupport.h"
#include "ui/util/FlowLayout.h"

#include <QTest>
#include <QWidget>
#include <vector>

using namespace r2p::ui;

namespace {

// A widget asking for exactly `w` × `h`.
class Fixed : public QWidget {
public:
    Fixed(int w, int h, QWidget* parent) : QWidget(parent), hint_(w, h) {}
    QSize sizeHint() const override { return hint_; }

private:
    QSize hint_;
};

} // namespace

class TestFlowLayout : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { r2p::test::setUpUiTestApplication(); }

    void naturalWidthsWrapAndDropSeparatorsAtBreaks() {
        QWidget host;
        auto* flow = new FlowLayout(&host); // spacing 2, no margins
        auto* a = new Fixed(100, 20, &host);
        auto* b = new Fixed(60, 30, &host);
        auto* c = new Fixed(90, 20, &host);
        flow->addWidget(a);
        flow->addWidget(b);
        flow->addSeparator(); // 8 wide
        flow->addWidget(c);
        // One row needs 100+2+60+2+8+2+90 = 264.
        QCOMPARE(flow->sizeHint(), QSize(264, 30));
        QCOMPARE(flow->heightForWidth(264), 30);
        flow->setGeometry(QRect(0, 0, 264, 30));
        QCOMPARE(a->geometry(), QRect(0, 5, 100, 20)); // centred in the 30-high row
        QCOMPARE(b->geometry(), QRect(102, 0, 60, 30));
        QCOMPARE(c->geometry(), QRect(174, 5, 90, 20));
        // At 263, c goes to a second row and the separator before it is dropped.
        QCOMPARE(flow->heightForWidth(263), 30 + 2 + 20);
        flow->setGeometry(QRect(0, 0, 263, 52));
        QCOMPARE(c->geometry(), QRect(0, 32, 90, 20));
        QWidget* line = flow->itemAt(2)->widget();
        QCOMPARE(line->size(), QSize(0, 0));
        // Narrower than the widest item: one a row, each at its own width.
        QCOMPARE(flow->heightForWidth(50), 20 + 2 + 30 + 2 + 20);
        QCOMPARE(flow->minimumSize(), QSize(100, 30));
    }

    void columnsFitTheWidth() {
        QWidget host;
        auto* flow = new FlowLayout(&host, FlowLayout::Widths::Columns);
        std::vector<QWidget*> items;
        for (int w : {80, 100, 60, 90, 70})
            flow->addWidget(items.emplace_back(new Fixed(w, 20, &host)));
        // Cells 100 wide: 3 fit in 304 (3·100 + 2·2), 2 in 303.
        QCOMPARE(flow->heightForWidth(304), 2 * 20 + 2);
        QCOMPARE(flow->heightForWidth(303), 3 * 20 + 2 * 2);
        QCOMPARE(flow->heightForWidth(99), 5 * 20 + 4 * 2);
        // Three columns filling 334: cells (334 − 4) / 3 = 110.
        flow->setGeometry(QRect(0, 0, 334, 42));
        QCOMPARE(items[0]->geometry(), QRect(0, 0, 110, 20));
        QCOMPARE(items[2]->geometry(), QRect(224, 0, 110, 20));
        QCOMPARE(items[3]->geometry(), QRect(0, 22, 110, 20));
        QCOMPARE(items[4]->geometry(), QRect(112, 22, 110, 20));
        QCOMPARE(flow->sizeHint(), QSize(5 * 100 + 4 * 2, 20));
    }
};

QTEST_MAIN(TestFlowLayout)
#include "tst_flow_layout.moc"
