#include "ReasoningLengthView.h"

#include "pipeline/analysis/ReasoningLength.h"
#include "ui/RunResults.h"
#include "ui/Session.h"
#include "ui/StageText.h"
#include "ui/widgets/ChartExport.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace r2p::ui {

namespace {

const QString kTag = QStringLiteral("length");

QTableWidget* makeTable(QWidget* parent, const QStringList& headers, const QString& name) {
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void addRow(QTableWidget* t, const QStringList& cells) {
    const int row = t->rowCount();
    t->insertRow(row);
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        if (c >= 2)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setItem(row, c, item);
    }
}

QString spreadText(const analysis::TokenSpread& s) {
    const QLocale locale;
    if (s.users == 0)
        return QStringLiteral("–");
    return ReasoningLengthView::tr("%1 [%2, %3] (%n user(s))", nullptr, static_cast<int>(s.users))
        .arg(locale.toString(s.median, 'f', 0), locale.toString(s.p25, 'f', 0),
             locale.toString(s.p75, 'f', 0));
}

} // namespace

ReasoningLengthView::ReasoningLengthView(Session* session, QWidget* parent)
    : QWidget(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Bins:"), this));
    binCount_ = new QSpinBox(this);
    binCount_->setObjectName(QStringLiteral("LengthBins"));
    binCount_->setRange(1, 20);
    binCount_->setValue(5);
    binCount_->setToolTip(tr("Quantile bins of each system's reasoning tokens per answer"));
    row->addWidget(binCount_);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("LengthStatus"));
    status_->setWordWrap(true);
    row->addWidget(status_, 1);
    layout->addLayout(row);
    auto* split = new QSplitter(Qt::Vertical, this);
    chart_ = new QChartView(new QChart, split);
    chart_->setObjectName(QStringLiteral("LengthChart"));
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(240);
    bins_ = makeTable(split,
                      {tr("System"), tr("Reasoning tokens"), tr("Users"), tr("Mean tokens"),
                       tr("Value"), tr("95% CI")},
                      QStringLiteral("LengthBinsTable"));
    levels_ = makeTable(split, {tr("System"), tr("HRT level"), tr("Right"), tr("Wrong")},
                        QStringLiteral("LengthLevelsTable"));
    levels_->horizontalHeaderItem(2)->setToolTip(
        tr("Tokens the level took for the answers that were right: median [25th, 75th "
           "percentile] (users)"));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 2);
    layout->addWidget(split, 1);
    connect(binCount_, &QSpinBox::valueChanged, this, [this] {
        dirty_ = true;
        refresh();
    });
    connect(session_, &Session::runChanged, this, [this] {
        dirty_ = true;
        refresh();
    });
}

ReasoningLengthView::~ReasoningLengthView() = default;

void ReasoningLengthView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void ReasoningLengthView::refresh() {
    if (!dirty_ || !isVisible())
        return;
    dirty_ = false;
    const auto run = session_->runResults();
    if (!run || !session_->store()) {
        tasks_.cancel(kTag);
        bins_->setRowCount(0);
        levels_->setRowCount(0);
        replaceChart(chart_, new QChart);
        status_->setText(tr("Show a stored run in the Users view to see its reasoning length "
                            "against its metric."));
        return;
    }
    status_->setText(tr("Counting…"));
    analysis::ReasoningLengthRequest request;
    request.runs = {run->runId};
    request.bins = static_cast<std::size_t>(binCount_->value());
    tasks_.start(
        kTag, LatestTask::Pool::Short,
        [path = session_->store()->path(),
         request](const std::atomic<bool>&) -> Result<analysis::ReasoningLength> {
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
            if (!store)
                return store.error();
            bool bad = false;
            return analysis::reasoningLength(**store, request, bad);
        },
        [this](Result<analysis::ReasoningLength> r) { show(r); });
}

void ReasoningLengthView::show(const Result<analysis::ReasoningLength>& result) {
    bins_->setRowCount(0);
    levels_->setRowCount(0);
    if (!result) {
        status_->setText(QString::fromStdString(result.error().message));
        replaceChart(chart_, new QChart);
        return;
    }
    const auto& r = *result;
    const QLocale locale;
    const QString metric = QString::fromStdString(r.metric);
    bins_->horizontalHeaderItem(4)->setText(metric);
    status_->setText(tr("%1 by reasoning tokens per answer (%2 is better); the band is the 95% "
                        "bootstrap interval of each bin.")
                         .arg(metric, r.lowerIsBetter ? tr("lower") : tr("higher")));
    auto* chart = new QChart;
    chart->setTitle(tr("%1 against reasoning tokens per answer").arg(metric));
    auto* x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("Reasoning tokens per answer (bin mean)"));
    auto* y = new QValueAxis;
    y->setTitleText(metric);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = 0, hi = 1, maxX = 1;
    bool first = true;
    for (const auto& c : r.curves) {
        auto* line = new QLineSeries;
        line->setName(StageText::system(c.system));
        line->setPointsVisible(true);
        auto* upper = new QLineSeries;
        auto* lower = new QLineSeries;
        for (const auto& b : c.bins) {
            const QString range =
                QStringLiteral("%1–%2").arg(locale.toString(b.lo), locale.toString(b.hi));
            if (b.users == 0) {
                addRow(bins_, {StageText::system(c.system), range, QStringLiteral("0"),
                               QStringLiteral("–"), QStringLiteral("–"), QStringLiteral("–")});
                continue;
            }
            addRow(bins_,
                   {StageText::system(c.system), range,
                    locale.toString(static_cast<qulonglong>(b.users)),
                    locale.toString(b.meanTokens, 'f', 0), locale.toString(b.value, 'f', 4),
                    QStringLiteral("[%1, %2]")
                        .arg(locale.toString(b.ci.lo, 'f', 4), locale.toString(b.ci.hi, 'f', 4))});
            line->append(b.meanTokens, b.value);
            upper->append(b.meanTokens, b.ci.hi);
            lower->append(b.meanTokens, b.ci.lo);
            lo = first ? b.ci.lo : std::min(lo, b.ci.lo);
            hi = first ? b.ci.hi : std::max(hi, b.ci.hi);
            maxX = std::max(maxX, b.meanTokens);
            first = false;
        }
        addLineWithBand(chart, line, upper, lower, x, y);
        for (const auto& l : c.levels)
            addRow(levels_, {StageText::system(c.system), StageText::stage(l.level),
                             spreadText(l.right), spreadText(l.wrong)});
    }
    x->setRange(0, maxX * 1.05);
    const double pad = std::max(0.02, (hi - lo) * 0.1);
    y->setRange(std::max(0.0, lo - pad), r.lowerIsBetter ? hi + pad : std::min(1.0, hi + pad));
    replaceChart(chart_, chart);
    const TaskKind kind = taskSpec(r.task).kind;
    levels_->horizontalHeaderItem(2)->setText(
        kind == TaskKind::Classification ? tr("Right (the answer is correct)")
        : kind == TaskKind::Rating       ? tr("Right (exactly the gold rating)")
                                         : tr("Right (ROUGE at least the system's median)"));
    levels_->horizontalHeaderItem(3)->setText(tr("Wrong (the others)"));
}

} // namespace r2p::ui
