#include "AnalysisDock.h"

#include "JudgeCheckView.h"
#include "ReasoningLengthView.h"
#include "TagsAnalysisView.h"
#include "pipeline/analysis/LeaveOneOut.h"
#include "pipeline/analysis/RetrievalSweep.h"
#include "pipeline/analysis/Slices.h"
#include "pipeline/engine/RunService.h"
#include "pipeline/metrics/Agreement.h"
#include "pipeline/metrics/LampEvaluation.h"
#include "ui/AnnotationText.h"
#include "ui/RunResults.h"
#include "ui/Session.h"
#include "ui/StageText.h"
#include "ui/TaskText.h"
#include "ui/util/Scrollable.h"
#include "ui/widgets/ChartAxes.h"
#include "ui/widgets/ChartExport.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <set>

namespace r2p::ui {

namespace {

QTableWidget* makeTable(QWidget* parent, const QStringList& headers, const QString& name) {
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void setRow(QTableWidget* t, int row, const QStringList& cells) {
    if (t->rowCount() <= row)
        t->setRowCount(row + 1);
    for (int c = 0; c < cells.size(); ++c)
        t->setItem(row, c, new QTableWidgetItem(cells[c]));
}

QString num(double v, int decimals = 3) {
    // No "-0.000" for a value that rounds to zero.
    const double unit = 0.5 * std::pow(10.0, -decimals);
    return QLocale().toString(std::abs(v) < unit ? 0.0 : v, 'f', decimals);
}

QString kappaText(const metrics::Kappa& k) {
    return k.kappa ? num(*k.kappa) : AnalysisDock::tr("undefined");
}

QChartView* makeChartView(QWidget* parent, const QString& name) {
    auto* view = new QChartView(new QChart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(240);
    return view;
}

QWidget* withExport(QWidget* parent, QChartView* view, QLabel* status) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1);
    for (bool svg : {false, true}) {
        auto* b = new QPushButton(
            svg ? AnalysisDock::tr("Export SVG…") : AnalysisDock::tr("Export PNG…"), row);
        QObject::connect(b, &QPushButton::clicked, view, [view, svg, status] {
            QString error;
            if (!exportChartInteractively(view, svg, &error) && !error.isEmpty() && status)
                status->setText(error);
        });
        layout->addWidget(b);
    }
    return row;
}

// The engine set up as the stored run was: the run service rebuilds it (settings, backend kind,
// endpoint and key variable) exactly as the CLI's analysis commands do.
Result<std::shared_ptr<const engine::EngineContext>> contextForRun(ProjectStore& store,
                                                                   const RunInfo& run) {
    auto prepared = engine::RunService(store).prepareStored(run);
    if (!prepared)
        return prepared.error();
    return prepared->context;
}

} // namespace

namespace {
const QString kSweep = QStringLiteral("sweep");
const QString kAttribution = QStringLiteral("attribution");
const QString kStoredSweep = QStringLiteral("stored-sweep");
const QString kSlices = QStringLiteral("slices");

} // namespace

// A sweep of stored runs: per (system, k) its run's metric over every scored user with the
// 95% bootstrap interval, as r2p run --k printed it.
struct StoredSweepPoint {
    SystemId system = SystemId::Invalid;
    std::size_t k = 0;
    std::int64_t run = 0;
    std::size_t users = 0, failed = 0, scored = 0;
    double value = 0;
    metrics::Interval ci;
};
struct StoredSweep {
    std::string metric;
    bool lowerIsBetter = false;
    std::vector<StoredSweepPoint> points; // systems in the run's order, each by k
};

namespace {

Result<StoredSweep> readStoredSweep(const std::string& path, const RunInfo& shown,
                                    const std::string& metric) {
    auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return store.error();
    RunStore runs(**store);
    auto all = runs.runs();
    if (!all)
        return all.error();
    StoredSweep out;
    out.metric = metric; // the shown run's, as the Users view compares
    out.lowerIsBetter = metrics::metricDirection(out.metric) == metrics::Better::Lower;
    std::vector<StoredSweepPoint> points;
    for (const auto& [k, run] : engine::kSweepSiblings(*all, shown)) {
        auto outcomes = runs.outcomes(run.id);
        if (!outcomes)
            return outcomes.error();
        auto summary = engine::summarizeRun(run.id, run.task, run.systems, *outcomes, {},
                                            metrics::BootstrapOptions{1000, 1, 0.95});
        if (!summary)
            return summary.error();
        for (const auto& s : summary->systems) {
            StoredSweepPoint p{s.system, k, run.id, s.users, s.failed, s.scored, 0, {}};
            for (const auto& [key, v] : s.metrics)
                if (key == out.metric)
                    p.value = v;
            for (const auto& [key, ci] : s.intervals)
                if (key == out.metric)
                    p.ci = ci;
            points.push_back(p);
        }
    }
    for (SystemId system : shown.systems)
        for (const auto& p : points)
            if (p.system == system)
                out.points.push_back(p);
    return out;
}
} // namespace

// What the running sweep reports, read by the status line's timer.
struct AnalysisDock::SweepProgress {
    std::mutex mutex;
    analysis::SweepProgress progress; // guarded by mutex
};

AnalysisDock::AnalysisDock(Session* session, QWidget* parent)
    : QDockWidget(tr("Analysis"), parent), session_(session) {
    setObjectName(QStringLiteral("AnalysisDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    heading_ = new QLabel(body);
    heading_->setObjectName(QStringLiteral("AnalysisHeading"));
    heading_->setWordWrap(true);
    heading_->setTextFormat(Qt::RichText);
    layout->addWidget(heading_);
    tabs_ = new QTabWidget(body);
    tabs_->setObjectName(QStringLiteral("AnalysisTabs"));
    layout->addWidget(tabs_, 1);
    setWidget(scrollable(body, this)); // its control rows must not widen the docks beside it
    tabs_->addTab(buildSlicesPage(), tr("Slices"));
    tabs_->addTab(buildAgreementPage(), tr("Agreement"));
    tabs_->addTab(buildSweepPage(), tr("Retrieval sweep"));
    tabs_->addTab(buildAttributionPage(), tr("Attribution"));
    length_ = new ReasoningLengthView(session_, tabs_);
    tabs_->addTab(length_, tr("Reasoning length"));
    judge_ = new JudgeCheckView(session_, tabs_);
    tabs_->addTab(judge_, tr("Judge"));
    judge_->refreshOnlyWhenCurrentIn(tabs_);
    tagsView_ = new TagsAnalysisView(session_, tabs_);
    tabs_->addTab(tagsView_, tr("Tags"));

    connect(sliceKind_, &QComboBox::currentIndexChanged, this, [this] {
        if (!tasks_.isPending(kSlices))
            showSlices(); // the kinds are all computed at once
    });
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        refreshSlices();
        refreshAgreement();
    });
    connect(sweepRun_, &QPushButton::clicked, this, &AnalysisDock::startSweep);
    connect(sweepStored_, &QPushButton::clicked, this, &AnalysisDock::plotStoredSweep);
    sweepTimer_ = new QTimer(this);
    sweepTimer_->setInterval(250);
    connect(sweepTimer_, &QTimer::timeout, this, [this] {
        if (!sweepProgress_)
            return;
        analysis::SweepProgress p;
        {
            std::lock_guard lock(sweepProgress_->mutex);
            p = sweepProgress_->progress;
        }
        sweepStatus_->setText(tr("Sweeping: %1 of %n user(s), %2 runs, %3 s…", nullptr,
                                 static_cast<int>(p.usersTotal))
                                  .arg(p.usersDone)
                                  .arg(p.runsDone)
                                  .arg(num(p.elapsedMs / 1000.0, 1)));
    });
    // Cancel stops the sweep; what it finished before still shows.
    connect(sweepCancel_, &QPushButton::clicked, this, [this] { tasks_.interrupt(kSweep); });
    connect(attributionRun_, &QPushButton::clicked, this, &AnalysisDock::startAttribution);
    connect(session_, &Session::runChanged, this, &AnalysisDock::onRunChanged);
    connect(session_, &Session::annotationsChanged, this, [this] {
        slicesDirty_ = agreementDirty_ = true;
        tasks_.cancel(kSlices); // counted without the new labels
        if (isVisible()) {
            refreshSlices();
            refreshAgreement();
        }
    });
    connect(session_, &Session::recordChanged, this, [this] {
        // The old user's attribution stops and its result never shows.
        tasks_.cancel(kAttribution);
        attributionRun_->setEnabled(true);
        attributionTable_->setRowCount(0);
        const UserIndexEntry* e = session_->selectedEntry();
        attributionStatus_->setText(
            e ? tr("User <b>%1</b>: which retrieved item changes R2P's answer?")
                    .arg(QString::fromStdString(e->id).toHtmlEscaped())
              : QString());
    });
    onRunChanged();
}

// The Slices page: the slice kind, the table and its chart
QWidget* AnalysisDock::buildSlicesPage() {
    auto* slicesPage = new QWidget(tabs_);
    auto* slicesLayout = new QVBoxLayout(slicesPage);
    slicesLayout->setContentsMargins(0, 0, 0, 0);
    sliceKind_ = new QComboBox(slicesPage);
    sliceKind_->setObjectName(QStringLiteral("SliceKind"));
    sliceKind_->addItem(tr("by profile size"), static_cast<int>(analysis::SliceKind::ProfileSize));
    sliceKind_->addItem(tr("by gold label"), static_cast<int>(analysis::SliceKind::GoldLabel));
    sliceKind_->addItem(tr("by failure label"),
                        static_cast<int>(analysis::SliceKind::FailureLabel));
    sliceKind_->addItem(tr("by RPI intervention"),
                        static_cast<int>(analysis::SliceKind::Intervention));
    slicesLayout->addWidget(sliceKind_);
    auto* slicesSplit = new QSplitter(Qt::Vertical, slicesPage);
    slices_ = makeTable(slicesSplit,
                        {tr("Slice"), tr("Users"), tr("R2P"), tr("Baseline"),
                         tr("Δ (R2P − baseline)"), tr("Win / tie / loss"), tr("95% CI of Δ")},
                        QStringLiteral("SlicesTable"));
    slicesChart_ = makeChartView(slicesSplit, QStringLiteral("SlicesChart"));
    slicesSplit->setStretchFactor(0, 2);
    slicesSplit->setStretchFactor(1, 3);
    slicesLayout->addWidget(slicesSplit, 1);
    slicesLayout->addWidget(withExport(slicesPage, slicesChart_, heading_));
    return slicesPage;
}

// The Agreement page: the pair, κ per label and the confusion table
QWidget* AnalysisDock::buildAgreementPage() {
    auto* agreementPage = new QWidget(tabs_);
    auto* agreementLayout = new QVBoxLayout(agreementPage);
    agreementLayout->setContentsMargins(0, 0, 0, 0);
    agreementHeading_ = new QLabel(agreementPage);
    agreementHeading_->setObjectName(QStringLiteral("AgreementHeading"));
    agreementHeading_->setWordWrap(true);
    agreementLayout->addWidget(agreementHeading_);
    pairBox_ = new QComboBox(agreementPage);
    pairBox_->setObjectName(QStringLiteral("AgreementPairBox"));
    pairBox_->setToolTip(tr("Fleiss' κ over the items every annotator judged, or Cohen's κ of one "
                            "pair over the items both judged"));
    pairBox_->hide();
    agreementLayout->addWidget(pairBox_);
    connect(pairBox_, &QComboBox::currentIndexChanged, this, [this] {
        agreementDirty_ = true;
        refreshAgreement();
    });
    auto* agreementSplit = new QSplitter(Qt::Vertical, agreementPage);
    agreement_ = makeTable(agreementSplit,
                           {tr("Label"), tr("κ"), tr("Observed"), tr("By chance"),
                            tr("Both / A only / B only / neither")},
                           QStringLiteral("AgreementTable"));
    auto* confusionBox = new QWidget(agreementSplit);
    auto* confusionLayout = new QVBoxLayout(confusionBox);
    confusionLayout->setContentsMargins(0, 0, 0, 0);
    confusionCaption_ = new QLabel(confusionBox);
    confusionCaption_->setObjectName(QStringLiteral("ConfusionCaption"));
    confusionLayout->addWidget(confusionCaption_);
    confusion_ = makeTable(confusionBox, {}, QStringLiteral("ConfusionTable"));
    confusionLayout->addWidget(confusion_, 1);
    agreementLayout->addWidget(agreementSplit, 1);
    return agreementPage;
}

// The Retrieval sweep page: its ks and users, the chart and the table
QWidget* AnalysisDock::buildSweepPage() {
    auto* sweepPage = new QWidget(tabs_);
    auto* sweepLayout = new QVBoxLayout(sweepPage);
    sweepLayout->setContentsMargins(0, 0, 0, 0);
    auto* sweepRow = new QHBoxLayout;
    sweepRow->addWidget(new QLabel(tr("k:"), sweepPage));
    sweepKs_ = new QLineEdit(QStringLiteral("0, 1, 2, 4, 8"), sweepPage);
    sweepKs_->setObjectName(QStringLiteral("SweepKs"));
    sweepKs_->setToolTip(tr("Numbers of retrieved items to try, separated by commas"));
    sweepRow->addWidget(sweepKs_, 1);
    sweepRow->addWidget(new QLabel(tr("users:"), sweepPage));
    sweepUsers_ = new QSpinBox(sweepPage);
    sweepUsers_->setObjectName(QStringLiteral("SweepUsers"));
    sweepUsers_->setRange(1, 100000);
    sweepUsers_->setValue(50);
    sweepUsers_->setToolTip(tr("The first users of the filtered list that are in the run"));
    sweepRow->addWidget(sweepUsers_);
    sweepRun_ = new QPushButton(tr("Run Sweep"), sweepPage);
    sweepRun_->setObjectName(QStringLiteral("SweepRun"));
    sweepCancel_ = new QPushButton(tr("Cancel"), sweepPage);
    sweepCancel_->setEnabled(false);
    sweepRow->addWidget(sweepRun_);
    sweepRow->addWidget(sweepCancel_);
    sweepStored_ = new QPushButton(tr("Plot Stored Runs"), sweepPage);
    sweepStored_->setObjectName(QStringLiteral("SweepStored"));
    sweepStored_->setToolTip(tr("Plots the shown run and the stored runs that differ from it "
                                "only in k (r2p run --k 0,1,2,4 or a study's k list): each "
                                "system's metric over every user with its 95% bootstrap "
                                "interval. Nothing is run."));
    sweepRow->addWidget(sweepStored_);
    sweepLayout->addLayout(sweepRow);
    sweepStatus_ = new QLabel(sweepPage);
    sweepStatus_->setObjectName(QStringLiteral("SweepStatus"));
    sweepStatus_->setWordWrap(true);
    sweepLayout->addWidget(sweepStatus_);
    auto* sweepSplit = new QSplitter(Qt::Vertical, sweepPage);
    sweepChart_ = makeChartView(sweepSplit, QStringLiteral("SweepChart"));
    sweepTable_ = makeTable(sweepSplit,
                            {tr("System"), tr("k"), tr("Users"), tr("Mean items"), tr("Metric"),
                             tr("Failed"), tr("95% CI"), tr("Run")},
                            QStringLiteral("SweepTable"));
    sweepSplit->setStretchFactor(0, 3);
    sweepSplit->setStretchFactor(1, 2);
    sweepLayout->addWidget(sweepSplit, 1);
    sweepLayout->addWidget(withExport(sweepPage, sweepChart_, sweepStatus_));
    return sweepPage;
}

// The Attribution page: leave each retrieved item out
QWidget* AnalysisDock::buildAttributionPage() {
    auto* attributionPage = new QWidget(tabs_);
    auto* attributionLayout = new QVBoxLayout(attributionPage);
    attributionLayout->setContentsMargins(0, 0, 0, 0);
    auto* attributionRow = new QHBoxLayout;
    attributionRun_ = new QPushButton(tr("Leave Each Item Out"), attributionPage);
    attributionRun_->setObjectName(QStringLiteral("AttributionRun"));
    attributionRun_->setToolTip(
        tr("Runs R2P on the selected user once per retrieved item, without that item"));
    attributionRow->addWidget(attributionRun_);
    attributionRow->addStretch(1);
    attributionLayout->addLayout(attributionRow);
    attributionStatus_ = new QLabel(attributionPage);
    attributionStatus_->setObjectName(QStringLiteral("AttributionStatus"));
    attributionStatus_->setWordWrap(true);
    attributionStatus_->setTextFormat(Qt::RichText);
    attributionLayout->addWidget(attributionStatus_);
    attributionTable_ =
        makeTable(attributionPage,
                  {tr("Item"), tr("Profile id"), tr("Retrieval score"), tr("Answer without it"),
                   tr("Score without it"), tr("Δ score"), tr("Changed")},
                  QStringLiteral("AttributionTable"));
    attributionLayout->addWidget(attributionTable_, 1);
    return attributionPage;
}

AnalysisDock::~AnalysisDock() = default; // tasks_ cancels and waits

bool AnalysisDock::isWorking() const {
    return tasks_.isPending(kSweep) || tasks_.isPending(kAttribution) ||
           tasks_.isPending(kStoredSweep);
}

void AnalysisDock::cancelWork() {
    tasks_.interrupt(kSweep);
    tasks_.interrupt(kAttribution);
}

void AnalysisDock::onRunChanged() {
    const auto run = session_->runResults();
    slicesDirty_ = agreementDirty_ = true;
    tasks_.cancel(kSlices); // an older run's slices never show
    QString heading = run ? tr("Run <b>%1</b> · %2 · compared on <b>%3</b>")
                                .arg(run->runId)
                                .arg(taskName(run->info.task), QString::fromStdString(run->metric))
                          : tr("No run yet. <i>Run ▸ Run Batch…</i> (Ctrl+B) runs R2P and the "
                               "baselines; the analysis of the run shows here.");
    if (run && run->baseline != SystemId::Invalid)
        heading += tr(" · R2P against <b>%1</b>").arg(StageText::system(run->baseline));
    heading_->setText(heading);
    sweepRun_->setEnabled(run != nullptr && !tasks_.isPending(kSweep));
    refreshSlices();
    refreshAgreement();
}

void AnalysisDock::refreshSlices() {
    if (!slicesDirty_ || tabs_->currentIndex() != 0)
        return;
    slicesDirty_ = false;
    slicesReport_.reset();
    const auto run = session_->runResults();
    const auto dataset = session_->dataset();
    if (!run || !dataset) {
        tasks_.cancel(kSlices);
        showSlices();
        return;
    }
    analysis::FailureLabels labels;
    if (session_->store())
        if (auto notes = AnnotationStore(*session_->store()).ofRun(run->runId))
            for (const Annotation& a : *notes)
                labels.emplace_back(a.userId, a.label);
    analysis::SliceOptions options;
    options.metric = run->metric; // as the Users view compares
    // Every slice's bootstrap over a 100,000-user run takes seconds: off the GUI thread, the
    // table says so meanwhile.
    slices_->setRowCount(0);
    setRow(slices_, 0,
           {tr("computing…"), QString(), QString(), QString(), QString(), QString(), QString()});
    tasks_.start(
        kSlices, LatestTask::Pool::Background,
        [run, dataset, labels = std::move(labels),
         options](const std::atomic<bool>&) -> Result<analysis::SliceReport> {
            return analysis::computeSlices(run->outcomes, *dataset, run->info.task, run->baseline,
                                           labels, options);
        },
        [this](Result<analysis::SliceReport> report) {
            if (!report) {
                heading_->setText(QString::fromStdString(report.error().message).toHtmlEscaped());
                slices_->setRowCount(0);
                replaceChart(slicesChart_, new QChart);
                return;
            }
            slicesReport_ = std::make_shared<const analysis::SliceReport>(std::move(*report));
            showSlices();
        });
}

bool AnalysisDock::slicesPending() const {
    return tasks_.isPending(kSlices);
}

// The computed slices of the chosen kind, as a table and a chart (empty without them).
void AnalysisDock::showSlices() {
    slices_->setRowCount(0);
    auto* chart = new QChart;
    chart->legend()->hide();
    const auto run = session_->runResults();
    if (!run || !slicesReport_) {
        replaceChart(slicesChart_, chart);
        return;
    }
    const auto* report = slicesReport_.get();
    const auto kind = static_cast<analysis::SliceKind>(sliceKind_->currentData().toInt());
    const analysis::Slicing* slicing = nullptr;
    for (const auto& s : report->slicings)
        if (s.kind == kind)
            slicing = &s;
    slices_->setHorizontalHeaderLabels({tr("Slice"), tr("Users"), StageText::system(SystemId::R2P),
                                        StageText::system(run->baseline), tr("Δ (R2P − baseline)"),
                                        tr("Win / tie / loss"), tr("95% CI of Δ")});
    slices_->horizontalHeaderItem(6)->setToolTip(
        tr("Seeded 95% percentile bootstrap interval of the mean per-user Δ (1,000 resamples of "
           "the slice's paired users); a slice of few users has a wide one."));
    if (!slicing) {
        setRow(slices_, 0,
               {kind == analysis::SliceKind::FailureLabel ? tr("no annotations on this run")
                                                          : tr("not for this task"),
                QString(), QString(), QString(), QString(), QString(), QString()});
        replaceChart(slicesChart_, chart);
        return;
    }
    auto meanOf = [](const analysis::SliceBucket& b, SystemId s) {
        for (const auto& m : b.means)
            if (m.system == s && m.scored > 0)
                return num(m.mean);
        return QString();
    };
    auto* set = new QBarSet(tr("Δ (R2P − baseline)"));
    QStringList categories;
    int row = 0;
    for (const auto& b : slicing->buckets) {
        QString label = QString::fromStdString(b.label);
        if (kind == analysis::SliceKind::FailureLabel && b.label != "(none)")
            label = AnnotationText::labelName(session_->taxonomy(), b.label);
        else if (b.label == "intervened")
            label = tr("RPI intervened");
        else if (b.label == "not intervened")
            label = tr("no intervention");
        setRow(slices_, row++,
               {label, QString::number(b.users), meanOf(b, SystemId::R2P), meanOf(b, run->baseline),
                b.delta ? num(*b.delta) : QString(),
                QStringLiteral("%1 / %2 / %3").arg(b.wins).arg(b.ties).arg(b.losses),
                b.deltaCi ? QStringLiteral("[%1, %2]").arg(num(b.deltaCi->lo), num(b.deltaCi->hi))
                          : QString()});
        categories << label;
        *set << (b.delta ? *b.delta : 0.0);
    }
    auto* series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    chart->setTitle(tr("R2P − %1 on %2, %3")
                        .arg(StageText::system(run->baseline), QString::fromStdString(run->metric),
                             sliceKind_->currentText()));
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QCategoryAxis;
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    // Each slice's interval as a whisker over its bar.
    double lo = 0, hi = 0;
    for (int i = 0; i < static_cast<int>(slicing->buckets.size()); ++i) {
        const auto& b = slicing->buckets[static_cast<std::size_t>(i)];
        lo = std::min({lo, b.delta.value_or(0.0), b.deltaCi ? b.deltaCi->lo : 0.0});
        hi = std::max({hi, b.delta.value_or(0.0), b.deltaCi ? b.deltaCi->hi : 0.0});
        if (!b.deltaCi)
            continue;
        auto* whisker = new QLineSeries;
        whisker->append(i, b.deltaCi->lo);
        whisker->append(i, b.deltaCi->hi);
        QPen pen(palette().color(QPalette::WindowText));
        pen.setWidth(2);
        whisker->setPen(pen);
        chart->addSeries(whisker);
        whisker->attachAxis(x);
        whisker->attachAxis(y);
    }
    setValueAxis(y, lo, hi);
    replaceChart(slicesChart_, chart);
}

namespace {
// The pair's confusion matrix (rows: A's labels, columns: B's); agreement green, the rest red.
void fillConfusion(QTableWidget* table, const metrics::CohenAgreement& c,
                   const QStringList& headers) {
    const int n = static_cast<int>(c.matrixLabels.size());
    table->setRowCount(n);
    table->setColumnCount(n);
    table->setHorizontalHeaderLabels(headers);
    table->setVerticalHeaderLabels(headers);
    table->verticalHeader()->show();
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const int v = c.matrix[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
            auto* item = new QTableWidgetItem(QString::number(v));
            if (v > 0)
                item->setBackground(i == j ? QColor(0x2e, 0x9e, 0x4f, 70)
                                           : QColor(0xd2, 0x3c, 0x3c, 60));
            table->setItem(i, j, item);
        }
}
} // namespace

// Three annotators or more: all of them (Fleiss' κ) or one pair (Cohen's κ), keeping the
// choice made before when it is still there.
void AnalysisDock::fillPairBox(const std::vector<std::string>& annotators) {
    const QStringList previous = pairBox_->currentData().toStringList();
    {
        const QSignalBlocker block(pairBox_);
        pairBox_->clear();
        pairBox_->addItem(tr("All %1 annotators (Fleiss' κ)").arg(annotators.size()),
                          QStringList{});
        for (std::size_t i = 0; i < annotators.size(); ++i)
            for (std::size_t j = i + 1; j < annotators.size(); ++j) {
                const QString a = QString::fromStdString(annotators[i]);
                const QString b = QString::fromStdString(annotators[j]);
                pairBox_->addItem(tr("%1 and %2 (Cohen's κ)").arg(a, b), QStringList{a, b});
            }
        const int keep = pairBox_->findData(previous);
        pairBox_->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    pairBox_->show();
}

void AnalysisDock::refreshAgreement() {
    if (!agreementDirty_ || tabs_->currentIndex() != 1)
        return;
    agreementDirty_ = false;
    agreement_->setRowCount(0);
    confusion_->clear();
    confusion_->setRowCount(0);
    confusion_->setColumnCount(0);
    const auto run = session_->runResults();
    if (!run || !session_->store()) {
        agreementHeading_->setText(tr("Agreement needs a stored run with annotations."));
        return;
    }
    auto notes = AnnotationStore(*session_->store()).ofRun(run->runId);
    if (!notes) {
        agreementHeading_->setText(QString::fromStdString(notes.error().message));
        return;
    }
    const auto labelIds = metrics::labelIds(session_->taxonomy());
    auto report = metrics::computeAgreement(*notes, labelIds);
    confusionCaption_->clear();
    if (report.annotators.size() >= 3) {
        // Three or more: Fleiss' κ needs items everyone judged, so a pair can be picked too.
        fillPairBox(report.annotators);
        const QStringList pair = pairBox_->currentData().toStringList();
        if (pair.size() == 2) {
            std::vector<Annotation> two;
            for (const Annotation& a : *notes)
                if (pair.contains(QString::fromStdString(a.annotator)))
                    two.push_back(a);
            report = metrics::computeAgreement(two, labelIds);
        }
    } else {
        pairBox_->hide();
    }
    // κ over a handful of items swings with every single judgement.
    constexpr std::size_t kFewItems = 10;
    const QString few = tr("Few items: κ over fewer than %1 is unreliable.").arg(kFewItems);
    const auto name = [this](const std::string& id) {
        return id == "(none)" ? tr("(none)") : AnnotationText::labelName(session_->taxonomy(), id);
    };
    const QStringList head = {tr("Label"), tr("κ"), tr("Observed"), tr("By chance")};
    if (report.cohen) {
        const auto& c = *report.cohen;
        agreement_->setHorizontalHeaderLabels(head +
                                              QStringList{tr("Both / A only / B only / neither")});
        agreementHeading_->setText(
            tr("Cohen's κ: %1 and %2 over %n item(s) both judged", nullptr, c.items)
                .arg(QString::fromStdString(c.annotatorA), QString::fromStdString(c.annotatorB)) +
            (static_cast<std::size_t>(c.items) < kFewItems ? QStringLiteral(" · ") + few
                                                           : QString()));
        int row = 0;
        for (const auto& l : c.labels)
            setRow(agreement_, row++,
                   {name(l.label), kappaText(l.kappa), num(l.kappa.observed), num(l.kappa.expected),
                    QStringLiteral("%1 / %2 / %3 / %4")
                        .arg(l.confusion.yesYes)
                        .arg(l.confusion.yesNo)
                        .arg(l.confusion.noYes)
                        .arg(l.confusion.noNo)});
        agreement_->horizontalHeaderItem(4)->setToolTip(
            tr("Items both gave the label / only %1 / only %2 / neither")
                .arg(QString::fromStdString(c.annotatorA), QString::fromStdString(c.annotatorB)));
        QStringList headers;
        for (const auto& l : c.matrixLabels)
            headers << name(l);
        fillConfusion(confusion_, c, headers);
        confusion_->setToolTip(
            tr("Rows: %1's labels; columns: %2's")
                .arg(QString::fromStdString(c.annotatorA), QString::fromStdString(c.annotatorB)));
        confusionCaption_->setText(confusion_->toolTip());
    } else if (report.fleiss) {
        const auto& f = *report.fleiss;
        agreement_->setHorizontalHeaderLabels(head + QStringList{tr("Yes votes")});
        QStringList who;
        for (const auto& a : f.annotators)
            who << QString::fromStdString(a);
        agreementHeading_->setText(
            tr("Fleiss' κ: %1 annotators (%2) over %n item(s) all judged", nullptr,
               static_cast<int>(f.items.size()))
                .arg(f.annotators.size())
                .arg(who.join(QStringLiteral(", "))) +
            QStringLiteral(" · ") +
            (f.items.empty() ? tr("No item was judged by all of them: pick a pair above for "
                                  "Cohen's κ.")
             : f.items.size() < kFewItems ? few
                                          : QString()));
        int row = 0;
        for (const auto& l : f.labels) {
            int yes = 0;
            for (int v : l.yesCounts)
                yes += v;
            setRow(agreement_, row++,
                   {name(l.label), kappaText(l.kappa), num(l.kappa.observed), num(l.kappa.expected),
                    tr("%n yes vote(s)", nullptr, yes)});
        }
    } else {
        agreementHeading_->setText(
            report.annotators.empty()
                ? tr("No annotations on this run yet.")
                : tr("Only %1 has annotated this run; agreement needs two annotators or more.")
                      .arg(QString::fromStdString(report.annotators.front())));
    }
}

void AnalysisDock::startSweep() {
    const auto run = session_->runResults();
    const auto dataset = session_->dataset();
    if (!run || !dataset || !session_->store() || tasks_.isPending(kSweep))
        return;
    std::vector<std::size_t> ks;
    for (const QString& part : sweepKs_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int k = part.trimmed().toInt(&ok);
        if (!ok || k < 0 || k > 64) {
            sweepStatus_->setText(
                tr("“%1” is not a k: give whole numbers from 0 to 64, separated by commas.")
                    .arg(part.trimmed()));
            return;
        }
        if (std::find(ks.begin(), ks.end(), static_cast<std::size_t>(k)) == ks.end())
            ks.push_back(static_cast<std::size_t>(k));
    }
    if (ks.empty()) {
        sweepStatus_->setText(tr("Give at least one k."));
        return;
    }
    auto ctx = contextForRun(*session_->store(), run->info);
    if (!ctx) {
        sweepStatus_->setText(QString::fromStdString(ctx.error().message));
        return;
    }
    analysis::SweepSpec spec;
    spec.ks = ks;
    spec.systems.clear();
    for (SystemId s : run->info.systems)
        spec.systems.push_back(s);
    // The users the Users view lists, in its order: Session keeps its filtered list.
    for (std::size_t row : session_->filteredUsers()) {
        if (static_cast<int>(spec.users.size()) >= sweepUsers_->value())
            break;
        if (run->row(dataset->users[row].id))
            spec.users.push_back(row);
    }
    if (spec.users.empty()) {
        sweepStatus_->setText(tr("None of the listed users is in the run."));
        return;
    }
    auto sweep = std::make_shared<analysis::RetrievalSweep>(*ctx, *dataset);
    auto progress = std::make_shared<SweepProgress>();
    sweep->setProgressHandler([progress](const analysis::SweepProgress& p) {
        std::lock_guard lock(progress->mutex);
        progress->progress = p;
    });
    sweepProgress_ = progress;
    sweepTimer_->start();
    sweepRun_->setEnabled(false);
    sweepCancel_->setEnabled(true);
    sweepStatus_->setText(tr("Sweeping %n user(s)…", nullptr, static_cast<int>(spec.users.size())));
    tasks_.start(
        kSweep, LatestTask::Pool::Long,
        // The dataset outlives the sweep that reads it.
        [sweep, spec, dataset](const std::atomic<bool>&) { return sweep->run(spec); },
        [this](Result<analysis::SweepResult> r) {
            showSweep(r ? &*r : nullptr, r ? std::string() : r.error().message);
        },
        [sweep] { sweep->cancel(); });
}

void AnalysisDock::showSweep(const analysis::SweepResult* result, const std::string& error) {
    sweepTimer_->stop();
    sweepProgress_.reset();
    sweepCancel_->setEnabled(false);
    sweepRun_->setEnabled(session_->runResults() != nullptr);
    if (!result) {
        sweepStatus_->setText(QString::fromStdString(error));
        return;
    }
    const auto& r = *result;
    sweepStatus_->setText(
        (r.cancelled ? tr("Cancelled: %1 over the %n user(s) finished before.", nullptr,
                          static_cast<int>(r.usersDone))
                     : tr("%1 over %n user(s); the band is each point's 95% bootstrap "
                          "interval.",
                          nullptr, static_cast<int>(r.usersDone)))
            .arg(QString::fromStdString(r.metric)) +
        (r.errors.empty() ? QString()
                          : QStringLiteral(" ") + QString::fromStdString(r.errors.front())));
    sweepTable_->setRowCount(0);
    auto* chart = new QChart;
    chart->setTitle(tr("%1 against k (retrieved items)").arg(QString::fromStdString(r.metric)));
    auto* x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    auto* y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = 0, hi = 0, maxK = 1;
    bool first = true;
    // A line per system through its points, each point's 95% interval as a band.
    struct Curve {
        SystemId system;
        QLineSeries *line, *upper, *lower;
    };
    std::vector<Curve> curves;
    int row = 0;
    for (const auto& p : r.points) {
        const double v = p.metric(r.metric);
        const metrics::Interval ci = p.interval(r.metric);
        setRow(sweepTable_, row++,
               {StageText::system(p.system), QString::number(p.k), QString::number(p.users),
                num(p.meanItems, 2), num(v), QString::number(p.failed),
                p.scored ? QStringLiteral("[%1, %2]").arg(num(ci.lo), num(ci.hi)) : QString(),
                QString()});
        auto it = std::find_if(curves.begin(), curves.end(),
                               [&](const Curve& c) { return c.system == p.system; });
        if (it == curves.end()) {
            auto* s = new QLineSeries;
            s->setName(StageText::system(p.system));
            s->setPointsVisible(true);
            curves.push_back({p.system, s, new QLineSeries, new QLineSeries});
            it = std::prev(curves.end());
        }
        if (p.scored == 0)
            continue;
        it->line->append(static_cast<qreal>(p.k), v);
        it->upper->append(static_cast<qreal>(p.k), ci.hi);
        it->lower->append(static_cast<qreal>(p.k), ci.lo);
        lo = first ? ci.lo : std::min(lo, ci.lo);
        hi = first ? ci.hi : std::max(hi, ci.hi);
        maxK = std::max(maxK, static_cast<double>(p.k));
        first = false;
    }
    for (const Curve& c : curves)
        addLineWithBand(chart, c.line, c.upper, c.lower, x, y);
    x->setRange(0, maxK);
    x->setTickCount(std::min(5, static_cast<int>(maxK) + 1));
    const double pad = std::max(0.02, (hi - lo) * 0.1);
    // Shares (accuracy, ROUGE) stay within [0, 1]; errors (MAE, RMSE) start at 0.
    y->setRange(std::max(0.0, lo - pad), r.lowerIsBetter ? hi + pad : std::min(1.0, hi + pad));
    y->applyNiceNumbers(); // round ticks
    replaceChart(sweepChart_, chart);
}

void AnalysisDock::plotStoredSweep() {
    const auto run = session_->runResults();
    if (!run || !session_->store())
        return;
    RunInfo shown = run->info;
    shown.id = run->runId;
    sweepStatus_->setText(tr("Reading the stored runs of run %1's sweep…").arg(run->runId));
    tasks_.start(
        kStoredSweep, LatestTask::Pool::Short,
        [path = session_->store()->path(), shown, metric = run->metric](const std::atomic<bool>&) {
            return readStoredSweep(path, shown, metric);
        },
        [this](Result<StoredSweep> r) {
            if (!r) {
                sweepStatus_->setText(QString::fromStdString(r.error().message));
                return;
            }
            showStoredSweep(*r);
        });
}

void AnalysisDock::showStoredSweep(const StoredSweep& r) {
    std::set<std::int64_t> runs;
    for (const auto& p : r.points)
        runs.insert(p.run);
    QStringList ids;
    for (std::int64_t id : runs)
        ids << QString::number(id);
    sweepStatus_->setText(
        runs.size() < 2
            ? tr("No other stored run differs from this one only in k: make a sweep of stored "
                 "runs with r2p run --k 0,1,2,4 (or a study's k list).")
            : tr("%1 of %n stored run(s) (runs %2), every user of each; the band is each "
                 "point's 95% bootstrap interval.",
                 nullptr, static_cast<int>(runs.size()))
                  .arg(QString::fromStdString(r.metric), ids.join(QStringLiteral(", "))));
    sweepTable_->setRowCount(0);
    auto* chart = new QChart;
    chart->setTitle(
        tr("%1 against k (retrieved items), stored runs").arg(QString::fromStdString(r.metric)));
    auto* x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    auto* y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = 0, hi = 0, maxK = 1;
    bool first = true;
    int row = 0;
    for (std::size_t i = 0; i < r.points.size();) {
        const SystemId system = r.points[i].system;
        auto* line = new QLineSeries;
        line->setName(StageText::system(system));
        line->setPointsVisible(true);
        auto* upper = new QLineSeries;
        auto* lower = new QLineSeries;
        for (; i < r.points.size() && r.points[i].system == system; ++i) {
            const auto& p = r.points[i];
            setRow(sweepTable_, row++,
                   {StageText::system(p.system), QString::number(p.k), QString::number(p.users),
                    QStringLiteral("–"), num(p.value), QString::number(p.failed),
                    QStringLiteral("[%1, %2]").arg(num(p.ci.lo), num(p.ci.hi)),
                    QString::number(p.run)});
            if (p.scored == 0)
                continue;
            line->append(static_cast<qreal>(p.k), p.value);
            upper->append(static_cast<qreal>(p.k), p.ci.hi);
            lower->append(static_cast<qreal>(p.k), p.ci.lo);
            lo = first ? p.ci.lo : std::min(lo, p.ci.lo);
            hi = first ? p.ci.hi : std::max(hi, p.ci.hi);
            maxK = std::max(maxK, static_cast<double>(p.k));
            first = false;
        }
        addLineWithBand(chart, line, upper, lower, x, y);
    }
    x->setRange(0, maxK);
    x->setTickCount(std::min(5, static_cast<int>(maxK) + 1));
    const double pad = std::max(0.02, (hi - lo) * 0.1);
    y->setRange(std::max(0.0, lo - pad), r.lowerIsBetter ? hi + pad : std::min(1.0, hi + pad));
    y->applyNiceNumbers(); // round ticks: 0.0, 0.5, 1.0 … rather than 0.01, 0.48, 0.96
    replaceChart(sweepChart_, chart);
}

void AnalysisDock::startAttribution() {
    const auto run = session_->runResults();
    const auto record = session_->record();
    const UserIndexEntry* entry = session_->selectedEntry();
    if (tasks_.isPending(kAttribution))
        return;
    if (!record || !entry || !session_->store())
        return;
    Result<std::shared_ptr<const engine::EngineContext>> ctx =
        run ? contextForRun(*session_->store(), run->info)
            : Result<std::shared_ptr<const engine::EngineContext>>(
                  Error{tr("Attribution runs with a stored run's settings: run a batch first "
                           "(Ctrl+B).")
                            .toStdString()});
    if (!ctx) {
        attributionStatus_->setText(QString::fromStdString(ctx.error().message).toHtmlEscaped());
        return;
    }
    std::optional<std::string> gold;
    if (entry->hasGold)
        gold = entry->gold;
    attributionRun_->setEnabled(false);
    attributionStatus_->setText(tr("Running R2P without each retrieved item…"));
    tasks_.start(
        kAttribution, LatestTask::Pool::Long,
        [context = *ctx, record, gold](const std::atomic<bool>& cancelled) {
            return analysis::leaveOneOut(context, *record, gold, SystemId::R2P, &cancelled);
        },
        [this](Result<analysis::LeaveOneOutResult> r) {
            showAttribution(r ? &*r : nullptr, r ? std::string() : r.error().message);
        });
}

void AnalysisDock::showAttribution(const analysis::LeaveOneOutResult* result,
                                   const std::string& error) {
    attributionRun_->setEnabled(true);
    if (!result) {
        attributionStatus_->setText(QString::fromStdString(error).toHtmlEscaped());
        return;
    }
    const auto& r = *result;
    int changed = 0;
    for (const auto& row : r.rows)
        changed += row.answerChanged ? 1 : 0;
    attributionStatus_->setText(
        tr("User <b>%1</b> with all %2 items: <b>%3</b>%4 · %n item(s) change the answer when "
           "left out.",
           nullptr, changed)
            .arg(QString::fromStdString(r.userId).toHtmlEscaped())
            .arg(r.k)
            .arg(QString::fromStdString(r.answer).toHtmlEscaped(),
                 r.score ? QStringLiteral(" (%1 %2)")
                               .arg(QString::fromStdString(r.metric), num(*r.score))
                         : QString()));
    attributionTable_->setRowCount(0);
    int i = 0;
    for (const auto& row : r.rows) {
        QString answer = row.status == UserStatus::Failed
                             ? tr("failed: %1").arg(QString::fromStdString(row.error))
                             : QString::fromStdString(row.answer);
        setRow(attributionTable_, i,
               {QStringLiteral("[P%1]").arg(row.rank), QString::fromStdString(row.profileId),
                num(row.retrievalScore), answer.simplified(),
                row.score ? num(*row.score) : QString(),
                row.scoreDelta ? num(*row.scoreDelta) : QString(),
                row.answerChanged ? tr("yes") : tr("no")});
        if (row.answerChanged)
            for (int c = 0; c < attributionTable_->columnCount(); ++c)
                attributionTable_->item(i, c)->setBackground(QColor(0xf2, 0xa9, 0x00, 60));
        ++i;
    }
}

} // namespace r2p::ui
