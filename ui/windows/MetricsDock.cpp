#include "MetricsDock.h"

#include "model/RunStore.h"
#include "model/Task.h"
#include "pipeline/engine/RunService.h"
#include "pipeline/metrics/Spread.h"
#include "ui/RunController.h"
#include "ui/RunResults.h"
#include "ui/Session.h"
#include "ui/StageText.h"
#include "ui/widgets/ChartAxes.h"
#include "ui/widgets/ChartExport.h"
#include "ui/widgets/DeltaText.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <utility>

namespace r2p::ui {

namespace {

constexpr int kRepeatsColumn = 8; // of the run table: hidden unless the run is a repeat

QString number(double v, int decimals = 3) {
    return QLocale().toString(v, 'f', decimals);
}

// A count with the locale's thousands separator (20,000 / 20.000).
QString count(std::size_t n) {
    return QLocale().toString(static_cast<qulonglong>(n));
}

QTableWidget* makeTable(QWidget* parent, const QStringList& headers) {
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void setRow(QTableWidget* t, int row, const QStringList& cells) {
    for (int c = 0; c < cells.size(); ++c)
        t->setItem(row, c, new QTableWidgetItem(cells[c]));
}

QString scoresText(const ScoreList& scores) {
    QStringList parts;
    for (const auto& [k, v] : scores)
        if (k != "squared_error")
            parts << QStringLiteral("%1 %2").arg(QString::fromStdString(k), number(v));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

MetricsDock::MetricsDock(Session* session, RunController* runs, QWidget* parent)
    : QDockWidget(tr("Metrics"), parent), session_(session), runs_(runs) {
    setObjectName(QStringLiteral("MetricsDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    heading_ = new QLabel(body);
    heading_->setObjectName(QStringLiteral("MetricsHeading"));
    heading_->setWordWrap(true);
    heading_->setTextFormat(Qt::RichText);
    layout->addWidget(heading_);
    tabs_ = new QTabWidget(body);
    tabs_->setObjectName(QStringLiteral("MetricsTabs"));
    user_ = makeTable(tabs_, {tr("System"), tr("Answer"), tr("Scores"), tr("R2P − this system")});
    user_->horizontalHeaderItem(3)->setToolTip(
        tr("R2P's score minus this system's on the run's main metric, and which side it "
           "favours (for MAE and RMSE lower is better)"));
    user_->setObjectName(QStringLiteral("UserMetrics"));
    tabs_->addTab(user_, tr("This user"));

    auto* runPage = new QWidget(tabs_);
    auto* runLayout = new QVBoxLayout(runPage);
    runLayout->setContentsMargins(0, 0, 0, 0);
    run_ = makeTable(runPage, {tr("System"), tr("Users"), tr("Metric"), tr("Value"), tr("95% CI"),
                               tr("Format"), tr("Reasoning tokens"), tr("Interventions"),
                               tr("Over repeats")});
    run_->horizontalHeaderItem(kRepeatsColumn)
        ->setToolTip(tr("Mean ± sample standard deviation of the metric over the stored "
                        "repeats of this run (the same settings, seeds S, S+1, …); the 95% CI "
                        "is this repeat's bootstrap interval."));
    run_->setColumnHidden(kRepeatsColumn, true);
    run_->horizontalHeader()->moveSection(kRepeatsColumn, 5); // beside this repeat's CI
    run_->setObjectName(QStringLiteral("RunMetrics"));
    deltas_ = makeTable(runPage, {tr("Baseline"), tr("Metric"), tr("Δ (R2P − baseline)"),
                                  tr("95% CI"), tr("Win / tie / loss"), tr("P(R2P better)")});
    deltas_->setObjectName(QStringLiteral("RunDeltas"));
    deltas_->horizontalHeaderItem(2)->setToolTip(
        tr("R2P's value minus the baseline's, in the metric's units, and whether that is better "
           "or worse for R2P (for MAE and RMSE lower is better)"));
    runLayout->addWidget(run_, 3);
    runLayout->addWidget(deltas_, 2);
    tabs_->addTab(runPage, tr("Run"));

    auto* chartsPage = new QWidget(tabs_);
    chartsPage_ = chartsPage;
    auto* chartsLayout = new QVBoxLayout(chartsPage);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    charts_ = new QTabWidget(chartsPage);
    const QString titles[ChartCount] = {tr("Per-user Δ"), tr("Win / tie / loss"),
                                        tr("Tokens vs score")};
    for (int i = 0; i < ChartCount; ++i) {
        views_[i] = new QChartView(new QChart, charts_);
        views_[i]->setRenderHint(QPainter::Antialiasing);
        views_[i]->setObjectName(QStringLiteral("Chart%1").arg(i));
        charts_->addTab(views_[i], titles[i]);
    }
    auto* exportRow = new QHBoxLayout;
    auto* png = new QPushButton(tr("Export PNG…"), chartsPage);
    auto* svg = new QPushButton(tr("Export SVG…"), chartsPage);
    exportRow->addStretch(1);
    exportRow->addWidget(png);
    exportRow->addWidget(svg);
    chartsLayout->addWidget(charts_, 1);
    chartsLayout->addLayout(exportRow);
    tabs_->addTab(chartsPage, tr("Charts"));

    costPage_ = new QWidget(tabs_);
    auto* costLayout = new QVBoxLayout(costPage_);
    costLayout->setContentsMargins(0, 0, 0, 0);
    cost_ =
        makeTable(costPage_, {tr("System"), tr("Requests"), tr("From cache"), tr("Prompt tokens"),
                              tr("Completion tokens"), tr("Reasoning tokens"), tr("Cached prompt"),
                              tr("Intervention tokens"), tr("Request time"), tr("Cost")});
    cost_->setObjectName(QStringLiteral("RunCost"));
    cost_->horizontalHeaderItem(2)->setToolTip(
        tr("Answers replayed from the project's response cache: no call was made for them"));
    cost_->horizontalHeaderItem(5)->setToolTip(
        tr("Counted by the run's token counter for every system alike; the server's own count "
           "in brackets where it gave one"));
    cost_->horizontalHeaderItem(6)->setToolTip(
        tr("Prompt tokens the server's prefix cache served, where it reported them"));
    cost_->horizontalHeaderItem(7)->setToolTip(
        tr("Prompt and completion tokens of the requests after a level's first: what "
           "interventions and re-asks added (each one sends the whole context again)"));
    cost_->horizontalHeaderItem(8)->setToolTip(
        tr("The requests' time summed, not the run's wall clock (requests overlap)"));
    costNote_ = new QLabel(costPage_);
    costNote_->setObjectName(QStringLiteral("RunCostNote"));
    costNote_->setWordWrap(true);
    costLayout->addWidget(cost_, 1);
    costLayout->addWidget(costNote_);
    tabs_->addTab(costPage_, tr("Cost"));

    tabs_->addTab(buildRpiPage(), tr("RPI effect"));
    tabs_->setTabVisible(tabs_->indexOf(rpiPage_), false);
    layout->addWidget(tabs_, 1);
    setWidget(body);

    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        if (tabs_->currentWidget() == chartsPage_)
            ensureCharts();
        if (tabs_->currentWidget() == costPage_)
            ensureCost();
    });
    connect(png, &QPushButton::clicked, this, [this] { exportCurrent(false); });
    connect(svg, &QPushButton::clicked, this, [this] { exportCurrent(true); });
    // The numbers start on runReady, ahead of the views that rebuild on runChanged; the verdicts
    // are counted while the run is read.
    connect(session_, &Session::runReady, this, &MetricsDock::onRunReady);
    connect(session_, &Session::runChanged, this, &MetricsDock::onRunChanged);
    connect(session_, &Session::runLoading, this, &MetricsDock::onRunLoading);
    connect(session_, &Session::recordChanged, this, &MetricsDock::showUser);
    if (runs_)
        connect(runs_, &RunController::traceChanged, this, &MetricsDock::showUser);
    onRunReady();
    onRunChanged();
}

// The RPI effect page: a summary line and the users RPI intervened on (shown for a run with
// R2P's shadow only).
QWidget* MetricsDock::buildRpiPage() {
    rpiPage_ = new QWidget(tabs_);
    auto* rpiLayout = new QVBoxLayout(rpiPage_);
    rpiLayout->setContentsMargins(0, 0, 0, 0);
    rpiSummary_ = new QLabel(rpiPage_);
    rpiSummary_->setObjectName(QStringLiteral("RpiEffectSummary"));
    rpiSummary_->setWordWrap(true);
    rpiSummary_->setTextFormat(Qt::RichText);
    rpi_ = makeTable(rpiPage_, {tr("User"), tr("Interventions"), tr("With RPI"), tr("Without RPI"),
                                tr("Effect")});
    rpi_->setObjectName(QStringLiteral("RpiEffect"));
    rpi_->setToolTip(tr("Double-click a user to show them"));
    rpi_->horizontalHeaderItem(3)->setToolTip(
        tr("The same user run by R2P with interventions off and the same seed (--shadow)"));
    rpiLayout->addWidget(rpiSummary_);
    rpiLayout->addWidget(rpi_, 1);
    connect(rpi_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (auto* item = rpi_->item(row, 0))
            session_->selectUserById(item->text());
    });
    return rpiPage_;
}

MetricsDock::~MetricsDock() = default;

QChartView* MetricsDock::chart(Chart which) {
    if (which < 0 || which >= ChartCount)
        return nullptr;
    ensureCharts();
    return views_[which];
}

// Thousands of users make thousands of chart items: charts are built when someone looks at
// them (their tab, an export, a test), not each time a run loads.
void MetricsDock::ensureCharts() {
    if (!chartsDirty_)
        return;
    chartsDirty_ = false;
    buildCharts();
}

void MetricsDock::onRunReady() {
    const auto before = std::exchange(results_, session_->runResults());
    // Another baseline of the same run: the summary covers every baseline and stays.
    keepSummary_ = before && results_ && summary_ && before->runId == results_->runId &&
                   before->outcomes.size() == results_->outcomes.size() &&
                   before->info.status == results_->info.status;
    if (keepSummary_)
        return;
    summary_.reset();
    numbers_.reset();
    repeats_.reset();
    tasks_.cancel(QStringLiteral("summary")); // an older run's summary never shows
    tasks_.cancel(QStringLiteral("intervals"));
    tasks_.cancel(QStringLiteral("repeats"));
    tasks_.cancel(QStringLiteral("cost"));
    if (!results_) {
        tasks_.cancel(QStringLiteral("verdicts"));
        verdictsRun_ = 0;
        verdicts_.reset();
        return;
    }
    startSummary();
    // Counted since this read began (onRunLoading), else counted now beside the numbers.
    if (verdictsRun_ != results_->runId || !verdictsFresh_)
        startVerdictCount(results_->runId);
    verdictsFresh_ = false; // a later summary of the run counts again
    startRepeats();
}

void MetricsDock::onRunChanged() {
    if (keepSummary_) {
        // The heading, the histogram and this user's deltas follow the new baseline.
        showHeading();
        showRpiEffect();
        chartsDirty_ = true;
        if (tabs_->currentWidget() == chartsPage_)
            ensureCharts();
        showUser();
        return;
    }
    run_->setColumnHidden(kRepeatsColumn, true);
    run_->setRowCount(0);
    deltas_->setRowCount(0);
    cost_->setRowCount(0);
    costNote_->clear();
    costDirty_ = true;
    showRpiEffect();
    if (!results_) {
        heading_->setText(tr("No run yet. <i>Run ▸ Run Batch…</i> (Ctrl+B) runs R2P and the "
                             "baselines over the users; the results show here."));
        chartsDirty_ = true;
        if (tabs_->currentWidget() == chartsPage_)
            ensureCharts();
        showUser();
        return;
    }
    endpoints_.clear();
    if (ProjectStore* store = session_->store())
        if (auto use = RunStore(*store).endpointUse(results_->runId))
            endpoints_ = std::move(*use);
    showHeading();
    if (tabs_->currentWidget() == costPage_)
        ensureCost();
    showUser();
}

void MetricsDock::onRunLoading(qint64 runId) {
    // The shown run read again with another baseline or metric: whether its summary stays is
    // decided when it is there (onRunReady), which counts again if it does not.
    if (results_ && results_->runId == runId && summary_)
        return;
    startVerdictCount(runId);
}

// The verdicts of every candidate, counted on a connection of its own (the window's stays free
// meanwhile); none where they cannot be counted.
void MetricsDock::startVerdictCount(std::int64_t runId) {
    verdictsRun_ = runId;
    verdicts_.reset();
    verdictsFresh_ = true;
    ProjectStore* shared = session_->store(); // Session stops the jobs before it goes
    if (!shared) {
        verdicts_ = std::make_shared<const engine::VerdictCounts>();
        return;
    }
    tasks_.start(
        QStringLiteral("verdicts"), LatestTask::Pool::Short,
        [shared, runId](const std::atomic<bool>&) {
            auto verdicts = std::make_shared<engine::VerdictCounts>();
            auto own = ProjectStore::open(shared->path(), ProjectStore::OpenMode::ReadOnly);
            if (auto counts = RunStore(own ? **own : *shared).verdictCounts(runId))
                for (const auto& [system, byVerdict] : *counts)
                    (*verdicts)[system] = byVerdict;
            return std::shared_ptr<const engine::VerdictCounts>(std::move(verdicts));
        },
        [this, runId](std::shared_ptr<const engine::VerdictCounts> verdicts) {
            if (runId != verdictsRun_)
                return;
            verdicts_ = std::move(verdicts);
            showNumbersWhenCounted();
        });
}

// The run service's summary, as r2p run printed it (the run's seed, every stored verdict), in two
// steps off the GUI thread: every number first, without resamples (a second at 100,000 users),
// summarized beside the verdict count and shown with it; then the same with the bootstrap
// intervals (a minute there), which replaces it.
void MetricsDock::startSummary() {
    tasks_.start(
        QStringLiteral("summary"), LatestTask::Pool::Short,
        [results =
             results_](const std::atomic<bool>&) -> std::shared_ptr<const engine::RunSummary> {
            RunInfo info = results->info;
            info.id = results->runId;
            // Verdicts are only copied into the summary: they are added when counted.
            auto s = engine::RunService::summarizeNumbers(info, results->outcomes, {});
            if (!s)
                return nullptr;
            return std::make_shared<const engine::RunSummary>(std::move(*s));
        },
        [this](std::shared_ptr<const engine::RunSummary> numbers) {
            if (!numbers)
                return; // it could not be made
            numbers_ = std::move(numbers);
            showNumbersWhenCounted();
        });
}

void MetricsDock::showNumbersWhenCounted() {
    if (!numbers_ || !verdicts_ || !results_ || verdictsRun_ != results_->runId)
        return;
    auto counted = std::make_shared<engine::RunSummary>(*std::exchange(numbers_, nullptr));
    for (auto& s : counted->systems)
        if (auto it = verdicts_->find(s.system); it != verdicts_->end())
            s.verdicts = it->second;
    onSummaryReady(std::move(counted), false);
    tasks_.start(
        QStringLiteral("intervals"), LatestTask::Pool::Background,
        [results = results_, verdicts = verdicts_](
            const std::atomic<bool>&) -> std::shared_ptr<const engine::RunSummary> {
            RunInfo info = results->info;
            info.id = results->runId;
            auto s = engine::RunService::summarize(info, results->outcomes, *verdicts);
            if (!s)
                return nullptr;
            return std::make_shared<const engine::RunSummary>(std::move(*s));
        },
        [this](std::shared_ptr<const engine::RunSummary> summary) {
            onSummaryReady(std::move(summary), true);
        });
}

// The other repeats' metrics, read and summarized (without intervals) off the GUI thread.
void MetricsDock::startRepeats() {
    const auto repeat = engine::runRepeatOf(results_->info);
    if (!repeat || repeat->count < 2 || !session_->store())
        return;
    RunInfo info = results_->info;
    info.id = results_->runId;
    tasks_.start(
        QStringLiteral("repeats"), LatestTask::Pool::Short,
        [path = session_->store()->path(), info, count = repeat->count](
            const std::atomic<bool>& cancelled) -> std::shared_ptr<const RepeatValues> {
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
            if (!store)
                return nullptr;
            RunStore runs(**store);
            auto all = runs.runs();
            if (!all)
                return nullptr;
            auto out = std::make_shared<RepeatValues>();
            out->count = count;
            for (const RunInfo& r : engine::repeatSiblings(*all, info)) {
                if (cancelled.load())
                    return nullptr;
                auto outcomes = runs.outcomes(r.id);
                if (!outcomes)
                    return nullptr;
                auto s = engine::summarizeRun(r.id, r.task, r.systems, *outcomes, {},
                                              metrics::BootstrapOptions{0, 1, 0.95});
                if (!s)
                    return nullptr;
                out->runs.push_back(r.id);
                for (const auto& system : s->systems)
                    if (system.scored > 0)
                        for (const auto& [key, value] : system.metrics)
                            out->values[{system.system, key}].push_back(value);
            }
            return out;
        },
        [this](std::shared_ptr<const RepeatValues> repeats) {
            repeats_ = std::move(repeats);
            showHeading();
            showRepeats();
        });
}

void MetricsDock::showRepeats() {
    if (!summary_ || !repeats_ || repeats_->runs.size() < 2)
        return;
    run_->setColumnHidden(kRepeatsColumn, false);
    QStringList ids;
    for (std::int64_t id : repeats_->runs)
        ids << QString::number(id);
    int row = 0;
    for (const auto& s : summary_->systems)
        for (const auto& [key, value] : s.metrics) {
            const auto it = repeats_->values.find({s.system, key});
            QString text, tip;
            if (it != repeats_->values.end() && !it->second.empty()) {
                const auto spread = metrics::spreadOf(it->second);
                text = QStringLiteral("%1 ± %2").arg(number(spread.mean), number(spread.sd));
                QStringList each;
                for (double v : it->second)
                    each << number(v);
                tip = tr("%1 over %n repeat(s) (runs %2): %3; from %4 to %5", nullptr,
                         static_cast<int>(spread.n))
                          .arg(QString::fromStdString(key), ids.join(QStringLiteral(", ")),
                               each.join(QStringLiteral(", ")), number(spread.min),
                               number(spread.max));
            }
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(tip);
            run_->setItem(row++, kRepeatsColumn, item);
        }
    run_->resizeColumnToContents(kRepeatsColumn);
}

void MetricsDock::showHeading() {
    QString text = tr("Run <b>%1</b> · %2 · backend %3 · compared on <b>%4</b>")
                       .arg(results_->runId)
                       .arg(QString::fromStdString(results_->info.createdAt).toHtmlEscaped(),
                            QString::fromStdString(results_->info.backend).toHtmlEscaped(),
                            QString::fromStdString(results_->metric));
    if (results_->baseline != SystemId::Invalid)
        text += tr(" · R2P against <b>%1</b>").arg(StageText::system(results_->baseline));
    // A run over several replicas: what each one did.
    QStringList replicas;
    const QLocale locale;
    for (const auto& e : endpoints_) {
        QString one =
            tr("%1: %2 requests, %3 failed, %4 tokens")
                .arg(QString::fromStdString(e.endpoint).toHtmlEscaped(),
                     locale.toString(static_cast<qlonglong>(e.requests)),
                     locale.toString(static_cast<qlonglong>(e.failures)),
                     locale.toString(static_cast<qlonglong>(e.promptTokens + e.completionTokens)));
        if (e.takenOut > 0)
            one += tr(", taken out %n time(s)", nullptr, static_cast<int>(e.takenOut));
        replicas << one;
    }
    if (!replicas.isEmpty())
        text += QStringLiteral("<br><small>") +
                tr("Endpoints — %1").arg(replicas.join(QStringLiteral(" · "))) +
                QStringLiteral("</small>");
    if (repeats_ && repeats_->runs.size() > 1) {
        QStringList ids;
        for (std::int64_t id : repeats_->runs)
            ids << QString::number(id);
        const auto repeat = engine::runRepeatOf(results_->info);
        text += QStringLiteral("<br>") +
                tr("Repeat %1 of %2 · %n repeat(s) stored (runs %3): see <i>Over repeats</i>",
                   nullptr, static_cast<int>(repeats_->runs.size()))
                    .arg(repeat ? repeat->index + 1 : 0)
                    .arg(repeats_->count)
                    .arg(ids.join(QStringLiteral(", ")));
    }
    heading_->setText(text);
}

// Only the newest run's summary arrives here (an older one still computing is dropped).
void MetricsDock::onSummaryReady(std::shared_ptr<const engine::RunSummary> summary,
                                 bool withIntervals) {
    if (!summary)
        return;
    summary_ = std::move(summary);
    intervalsReady_ = withIntervals;
    // Until the resamples are done, the interval cells say so instead of a made-up [0, 0].
    const QString pending = tr("…");
    const QString pendingTip = tr("The bootstrap intervals are being computed.");
    int row = 0;
    run_->setRowCount(0);
    const bool classification = taskSpec(summary_->task).kind == TaskKind::Classification;
    const QString intervalTip = DeltaText::intervalMethod(classification);
    run_->horizontalHeaderItem(4)->setToolTip(intervalTip);
    deltas_->horizontalHeaderItem(3)->setToolTip(
        tr("Paired over the users both systems scored: %1").arg(intervalTip));
    for (const auto& s : summary_->systems) {
        for (std::size_t m = 0; m < s.metrics.size(); ++m) {
            run_->insertRow(row);
            const auto& [key, value] = s.metrics[m];
            const auto ci = m < s.intervals.size() ? s.intervals[m].second : metrics::Interval{};
            setRow(run_, row,
                   {m == 0 ? StageText::system(s.system) : QString(),
                    m == 0 ? count(s.scored) : QString(), QString::fromStdString(key),
                    number(value),
                    withIntervals ? QStringLiteral("[%1, %2]").arg(number(ci.lo), number(ci.hi))
                                  : pending,
                    m == 0 ? number(s.formatAdherence * 100, 0) + QStringLiteral(" %") : QString(),
                    m == 0 ? number(s.reasoningTokensPerAnswer, 0) : QString(),
                    m == 0 ? number(s.interventionsPerUser, 2) : QString()});
            run_->item(row, 2)->setToolTip(
                DeltaText::direction(DeltaText::lowerIsBetter(QString::fromStdString(key))));
            run_->item(row, 4)->setToolTip(withIntervals ? intervalTip : pendingTip);
            ++row;
        }
    }
    showRepeats();
    deltas_->setRowCount(0);
    row = 0;
    for (const auto& d : summary_->deltas) {
        deltas_->insertRow(row);
        const auto& c = d.comparison;
        const bool lower = DeltaText::lowerIsBetter(QString::fromStdString(d.metric));
        setRow(deltas_, row,
               {StageText::system(d.baseline), QString::fromStdString(d.metric),
                DeltaText::full(c.delta, lower),
                withIntervals ? QStringLiteral("[%1, %2]").arg(number(c.ci.lo), number(c.ci.hi))
                              : pending,
                QStringLiteral("%1 / %2 / %3").arg(count(c.wins), count(c.ties), count(c.losses)),
                withIntervals ? number(c.aBetterShare * 100, 0) + QStringLiteral(" %") : pending});
        auto* deltaItem = deltas_->item(row, 2);
        deltaItem->setForeground(DeltaText::colour(c.delta, lower).isValid()
                                     ? QBrush(DeltaText::colour(c.delta, lower))
                                     : deltas_->palette().text());
        deltaItem->setToolTip(tr("R2P − %1 on %2 (%3)")
                                  .arg(StageText::system(d.baseline),
                                       QString::fromStdString(d.metric),
                                       DeltaText::direction(lower)));
        deltas_->item(row, 3)->setToolTip(
            withIntervals ? tr("Paired over the users both systems scored: %1").arg(intervalTip)
                          : pendingTip);
        ++row;
    }
    chartsDirty_ = true;
    if (tabs_->currentWidget() == chartsPage_)
        ensureCharts();
}

// What RPI changed, per user and overall, on the metric the views compare (the run's own
// summary judges it on its main_metric setting; a view may have picked another ROUGE variant).
void MetricsDock::showRpiEffect() {
    constexpr int kMaxRows = 2000; // a QTableWidget row per user stays fast up to a few thousand
    rpi_->setRowCount(0);
    const auto effect =
        results_ ? engine::rpiEffectOf(results_->outcomes, results_->metric) : std::nullopt;
    tabs_->setTabVisible(tabs_->indexOf(rpiPage_), effect.has_value());
    if (!effect) {
        rpiSummary_->clear();
        return;
    }
    const auto& e = *effect;
    const QString metric = QString::fromStdString(e.metric);
    // "+0.120 · better with RPI": DeltaText's sign and side, in RPI's words.
    const auto effectText = [&e](double d) {
        const auto side = DeltaText::side(d, e.lowerIsBetter);
        const QString word = side == DeltaText::Side::Better  ? tr("better with RPI")
                             : side == DeltaText::Side::Worse ? tr("worse with RPI")
                                                              : tr("no difference");
        return QStringLiteral("%1 · %2").arg(DeltaText::value(d), word);
    };
    const double delta = e.meanWithRpi - e.meanWithoutRpi;
    QString text =
        tr("R2P with and without RPI (the run's shadow: the same users and seed, interventions "
           "off) on <b>%1</b> over %n user(s) both scored: %2 with RPI, %3 without, Δ %4.",
           nullptr, static_cast<int>(e.users))
            .arg(metric, number(e.meanWithRpi), number(e.meanWithoutRpi),
                 effectText(delta).toHtmlEscaped());
    text += QStringLiteral("<br>") +
            tr("RPI intervened on %1 of them: it helped %2, hurt %3 and changed nothing for %4.")
                .arg(count(e.intervened), count(e.helped), count(e.hurt), count(e.unchanged));
    if (e.differWithoutIntervention > 0)
        text += QStringLiteral("<br><span style=\"color:#d23c3c\">") +
                tr("%n user(s) without any intervention still score differently: the shadow is "
                   "not a faithful replay (the backend does not repeat itself at this seed), so "
                   "part of each difference is sampling, not RPI.",
                   nullptr, static_cast<int>(e.differWithoutIntervention)) +
                QStringLiteral("</span>");
    auto shown = engine::intervenedByChange(e); // the largest changes first
    if (shown.size() > static_cast<std::size_t>(kMaxRows)) {
        text += QStringLiteral("<br>") + tr("The table lists the %1 largest changes of %2.")
                                             .arg(count(kMaxRows), count(shown.size()));
        shown.resize(kMaxRows);
    }
    rpiSummary_->setText(text);
    rpi_->setSortingEnabled(false);
    rpi_->setRowCount(static_cast<int>(shown.size()));
    for (int row = 0; row < static_cast<int>(shown.size()); ++row) {
        const auto& u = *shown[static_cast<std::size_t>(row)];
        const QString word = u.effect > 0   ? tr("helped")
                             : u.effect < 0 ? tr("hurt")
                                            : tr("no change");
        setRow(rpi_, row,
               {QString::fromStdString(u.userId), QLocale().toString(u.interventions),
                number(u.withRpi), number(u.withoutRpi), word});
        const double d = u.withRpi - u.withoutRpi;
        if (const QColor c = DeltaText::colour(d, e.lowerIsBetter); c.isValid())
            rpi_->item(row, 4)->setForeground(c);
        rpi_->item(row, 4)->setToolTip(tr("With RPI − without: %1").arg(effectText(d)));
        for (int c = 1; c <= 3; ++c)
            rpi_->item(row, c)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
}

// Reading every step's usage of a large run takes a moment: counted off the GUI thread, on a
// read-only connection of its own (the window may close the project meanwhile).
void MetricsDock::ensureCost() {
    if (!costDirty_ || !results_ || !session_->store())
        return;
    costDirty_ = false;
    costNote_->setText(tr("Counting what the run cost…"));
    tasks_.start(
        QStringLiteral("cost"), LatestTask::Pool::Short,
        [path = session_->store()->path(),
         runId = results_->runId](const std::atomic<bool>&) -> Result<analysis::RunCost> {
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
            if (!store)
                return store.error();
            auto prices = analysis::projectPriceTable(**store);
            if (!prices)
                return prices.error();
            return analysis::runCost(**store, runId, *prices);
        },
        [this](Result<analysis::RunCost> cost) { showCost(cost); });
}

void MetricsDock::showCost(const Result<analysis::RunCost>& cost) {
    cost_->setRowCount(0);
    if (!cost) {
        costNote_->setText(tr("No cost figures: %1")
                               .arg(QString::fromStdString(cost.error().message).toHtmlEscaped()));
        return;
    }
    const QLocale locale;
    auto tokens = [&locale](std::int64_t n) {
        return locale.toString(static_cast<qlonglong>(n));
    };
    auto money = [&](const std::optional<double>& v) {
        return v ? QStringLiteral("%1 %2").arg(locale.toString(*v, 'f', *v < 1 ? 4 : 2),
                                               QString::fromStdString(cost->currency))
                 : tr("no price");
    };
    auto add = [&](const QString& name, const analysis::CostFigures& f) {
        const int row = cost_->rowCount();
        cost_->insertRow(row);
        QString reasoning = tokens(f.reasoningTokens);
        if (f.serverReasoningTokens)
            reasoning += QStringLiteral(" (%1)").arg(tokens(*f.serverReasoningTokens));
        QString extra = tokens(f.extraPromptTokens + f.extraCompletionTokens);
        if (f.extraEstimated)
            extra = tr("≈ %1").arg(extra);
        setRow(cost_, row,
               {name, tokens(f.requests), tokens(f.cacheReplays), tokens(f.promptTokens),
                tokens(f.completionTokens), reasoning,
                f.cachedPromptTokens ? tokens(*f.cachedPromptTokens) : QStringLiteral("–"), extra,
                tr("%1 s").arg(locale.toString(f.requestSeconds, 'f', 1)), money(f.money)});
        for (int c = 1; c < cost_->columnCount(); ++c)
            cost_->item(row, c)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (!f.unpricedModels.empty()) {
            QStringList models;
            for (const auto& m : f.unpricedModels)
                models << QString::fromStdString(m);
            cost_->item(row, 9)->setToolTip(
                tr("No price for %1 in the price table").arg(models.join(QStringLiteral(", "))));
        }
    };
    for (const auto& s : cost->systems)
        add(StageText::system(s.system), s.figures);
    add(tr("Total"), cost->total);
    QFont bold = cost_->font();
    bold.setBold(true);
    for (int c = 0; c < cost_->columnCount(); ++c)
        cost_->item(cost_->rowCount() - 1, c)->setFont(bold);
    costNote_->setText(
        cost->prices == "project"
            ? tr("Prices per million tokens from the project's own table (r2p cost "
                 "--set-prices).")
            : tr("Prices per million tokens from the shipped table (resources/llm/prices.json); "
                 "r2p cost --set-prices gives the project its own."));
}

const UserTrace* MetricsDock::traceOnScreen() const {
    if (!runs_ || !runs_->hasRun() || runs_->storedRunId() != 0 || runs_->trace().steps.empty())
        return nullptr;
    const UserIndexEntry* entry = session_->selectedEntry();
    if (!entry || runs_->trace().userId != entry->id)
        return nullptr;
    return &runs_->trace();
}

void MetricsDock::showUser() {
    user_->setRowCount(0);
    const UserIndexEntry* entry = session_->selectedEntry();
    const UserTrace* screen = traceOnScreen();
    const std::string metric = results_                            ? results_->metric
                               : screen && !screen->scores.empty() ? screen->scores.front().first
                                                                   : std::string();
    const bool lowerIsBetter = results_ ? results_->lowerIsBetter : metric == "MAE";
    const std::span<const UserOutcome> ofUser =
        results_ && entry ? results_->outcomesOf(entry->id) : std::span<const UserOutcome>();
    const bool stored = !ofUser.empty();
    if (!stored && !screen)
        return;
    double r2p = 0;
    bool haveR2p = false;
    auto scoreOf = [&metric](const ScoreList& scores) -> std::optional<double> {
        for (const auto& [k, v] : scores)
            if (k == metric)
                return v;
        return std::nullopt;
    };
    int row = 0;
    if (screen) { // the run on screen stands for R2P
        const bool scored = screen->status == UserStatus::Done && !screen->scores.empty();
        if (const auto v = scoreOf(screen->scores); v && scored) {
            r2p = *v;
            haveR2p = true;
        }
        user_->insertRow(row);
        setRow(user_, row,
               {tr("%1 (on screen)").arg(StageText::system(SystemId::R2P)),
                QString::fromStdString(screen->prediction).simplified(),
                scored ? scoresText(screen->scores) + QLatin1Char(' ') +
                             StageText::correctMark(*screen)
                       : tr("not finished"),
                QString()});
        ++row;
    } else if (stored) {
        for (const UserOutcome& o : ofUser) {
            if (o.system != SystemId::R2P)
                continue;
            if (const auto v = scoreOf(o.scores)) {
                r2p = *v;
                haveR2p = o.status == UserStatus::Done;
            }
        }
    }
    if (!stored)
        return;
    for (const UserOutcome& o : ofUser) {
        if (screen && o.system == SystemId::R2P)
            continue;
        QString delta;
        QColor colour;
        if (haveR2p && o.system != SystemId::R2P)
            if (const auto v = scoreOf(o.scores)) {
                delta = DeltaText::full(r2p - *v, lowerIsBetter);
                colour = DeltaText::colour(r2p - *v, lowerIsBetter);
            }
        user_->insertRow(row);
        setRow(
            user_, row,
            {StageText::system(o.system), QString::fromStdString(o.prediction).simplified(),
             o.status == UserStatus::Done ? scoresText(o.scores) : QString::fromStdString(o.error),
             delta});
        if (colour.isValid())
            user_->item(row, 3)->setForeground(colour);
        ++row;
    }
}

void MetricsDock::buildCharts() {
    for (auto* view : views_)
        replaceChart(view, new QChart);
    if (!results_)
        return;
    buildDeltaChart();
    buildWinTieLossChart();
    buildTokensChart();
}

// 1. Histogram of per-user deltas (R2P - baseline), signed so that right is better.
void MetricsDock::buildDeltaChart() {
    const QString baseline = StageText::system(results_->baseline);
    std::vector<double> deltas;
    for (const auto& [id, row] : results_->byUser)
        if (row.comparable())
            deltas.push_back(results_->lowerIsBetter ? -row.delta() : row.delta());
    QChart* chart = views_[ChartDeltas]->chart();
    chart->setTitle(tr("R2P against %1 per user (%2; right: R2P better)")
                        .arg(baseline, QString::fromStdString(results_->metric)));
    if (!deltas.empty()) {
        const auto [lo, hi] = std::minmax_element(deltas.begin(), deltas.end());
        auto* set = new QBarSet(tr("users"));
        QStringList labels;
        int maxCount = 0;
        const double span = std::max(std::fabs(*lo), std::fabs(*hi));
        if (span < 1e-12) {
            // Every user ties: one visible bar at 0 and a note, not nine empty bins.
            *set << static_cast<int>(deltas.size());
            labels << axisNumber(0, 0);
            maxCount = static_cast<int>(deltas.size());
            chart->setTitle(chart->title() + QStringLiteral("<br>") +
                            tr("Every user ties with %1: all Δ are 0").arg(baseline));
        } else {
            const int bins = 9;
            std::vector<int> counts(bins, 0);
            for (double d : deltas) {
                int b = static_cast<int>(std::floor((d + span) / (2 * span) * bins));
                counts[static_cast<std::size_t>(std::clamp(b, 0, bins - 1))]++;
            }
            for (int b = 0; b < bins; ++b) {
                *set << counts[static_cast<std::size_t>(b)];
                maxCount = std::max(maxCount, counts[static_cast<std::size_t>(b)]);
                labels << axisNumber(-span + (b + 0.5) * 2 * span / bins, span < 0.5 ? 2 : 1);
            }
        }
        auto* series = new QBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        chart->addSeries(series);
        auto* x = new QBarCategoryAxis;
        x->append(labels);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        auto* y = new QValueAxis;
        setCountAxis(y, maxCount);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    }
    chart->legend()->hide();
}

// 2. Win / tie / loss of R2P against each baseline (the main metric).
void MetricsDock::buildWinTieLossChart() {
    QChart* chart = views_[ChartWinTieLoss]->chart();
    chart->setTitle(
        tr("R2P against each baseline (%1)").arg(QString::fromStdString(results_->metric)));
    if (summary_) {
        auto* wins = new QBarSet(tr("win"));
        auto* ties = new QBarSet(tr("tie"));
        auto* losses = new QBarSet(tr("loss"));
        wins->setColor(QColor(0x2e, 0x9e, 0x4f));
        ties->setColor(QColor(0x99, 0x99, 0x99));
        losses->setColor(QColor(0xd2, 0x3c, 0x3c));
        QStringList labels;
        for (const auto& d : summary_->deltas) {
            if (d.metric != results_->metric && !(results_->metric == "MAE" && d.metric == "MAE"))
                continue;
            *wins << static_cast<qreal>(d.comparison.wins);
            *ties << static_cast<qreal>(d.comparison.ties);
            *losses << static_cast<qreal>(d.comparison.losses);
            labels << StageText::system(d.baseline);
        }
        auto* series = new QStackedBarSeries;
        series->append(wins);
        series->append(ties);
        series->append(losses);
        chart->addSeries(series);
        auto* x = new QBarCategoryAxis;
        x->append(labels);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        int maxTotal = 0;
        for (const auto& d : summary_->deltas)
            maxTotal = std::max(maxTotal, static_cast<int>(d.comparison.wins + d.comparison.ties +
                                                           d.comparison.losses));
        auto* y = new QValueAxis;
        setCountAxis(y, maxTotal);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    }
}

// 3. Reasoning tokens against the score, one point per user and system.
void MetricsDock::buildTokensChart() {
    QChart* chart = views_[ChartTokens]->chart();
    chart->setTitle(
        tr("Reasoning tokens against %1").arg(QString::fromStdString(results_->metric)));
    auto* x = new QValueAxis;
    x->setTitleText(tr("reasoning tokens"));
    auto* y = new QValueAxis;
    y->setTitleText(QString::fromStdString(results_->metric));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double maxX = 1, maxY = 1;
    QStringList silent; // systems without reasoning tokens
    // At most ~2,000 points per system (every n-th user beyond that): a chart item per
    // point would make a 20,000-user run slow to draw and say nothing more.
    constexpr std::size_t kMaxPoints = 2000;
    std::size_t stride = 1;
    for (SystemId system : results_->info.systems) {
        std::vector<QPointF> points;
        for (const auto& o : results_->outcomes) {
            if (o.system != system || o.status != UserStatus::Done)
                continue;
            for (const auto& [k, v] : o.scores)
                if (k == results_->metric)
                    points.emplace_back(static_cast<qreal>(o.reasoningTokens), v);
        }
        auto* series = new QScatterSeries;
        series->setName(StageText::system(system));
        const bool noTokens =
            std::all_of(points.begin(), points.end(), [](const QPointF& p) { return p.x() == 0; });
        if (noTokens) {
            // A system that does not reason (the baselines): said in the legend, not drawn
            // as a column of dots on the x = 0 axis.
            series->setName(tr("%1 (no reasoning tokens)").arg(StageText::system(system)));
            silent << StageText::system(system);
            points.clear();
        }
        stride = std::max(stride, (points.size() + kMaxPoints - 1) / kMaxPoints);
        series->setMarkerSize(7);
        const std::size_t step =
            std::max<std::size_t>(1, (points.size() + kMaxPoints - 1) / kMaxPoints);
        QList<QPointF> shown;
        for (std::size_t i = 0; i < points.size(); i += step) {
            shown << points[i];
            maxX = std::max(maxX, points[i].x());
            maxY = std::max(maxY, points[i].y());
        }
        series->append(shown);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    if (stride > 1)
        chart->setTitle(tr("Reasoning tokens against %1 (one user in %2 shown)")
                            .arg(QString::fromStdString(results_->metric))
                            .arg(stride));
    if (!silent.isEmpty())
        chart->setTitle(
            chart->title() + QStringLiteral("<br>") +
            tr("Not plotted, no reasoning tokens: %1").arg(silent.join(QStringLiteral(", "))));
    // Round ticks: whole tokens, and the score on a nice step.
    x->setRange(0, maxX * 1.05);
    x->applyNiceNumbers();
    x->setLabelFormat(QStringLiteral("%d"));
    y->setRange(0, maxY * 1.05);
    y->applyNiceNumbers();
}

bool MetricsDock::exportChart(Chart which, const QString& path, QString* error) {
    return saveChart(chart(which), path, error);
}

void MetricsDock::exportCurrent(bool svg) {
    QString error;
    if (!exportChartInteractively(chart(static_cast<Chart>(charts_->currentIndex())), svg,
                                  &error) &&
        !error.isEmpty())
        heading_->setText(error.toHtmlEscaped());
}

} // namespace r2p::ui
