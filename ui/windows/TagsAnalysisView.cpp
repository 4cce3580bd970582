#include "TagsAnalysisView.h"

#include "pipeline/analysis/TagStatistics.h"
#include "ui/RunResults.h"
#include "ui/Session.h"
#include "ui/StageText.h"
#include "ui/widgets/ChartAxes.h"
#include "ui/widgets/ChartExport.h"
#include "ui/widgets/DeltaText.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QScatterSeries>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <map>

namespace r2p::ui {

namespace {

const QString kTag = QStringLiteral("tags");

QTableWidget* makeTable(QWidget* parent, const QString& name) {
    auto* t = new QTableWidget(parent);
    t->setObjectName(name);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

QString meanText(const analysis::MeanCi& m, int decimals) {
    if (m.n == 0)
        return QStringLiteral("–");
    const QLocale l;
    return TagsAnalysisView::tr("%1 [%2, %3] · n %4")
        .arg(l.toString(m.mean, 'f', decimals), l.toString(m.ci.lo, 'f', decimals),
             l.toString(m.ci.hi, 'f', decimals), l.toString(static_cast<qulonglong>(m.n)));
}

// The tags to show for a system, in the tag set's order, then any the set does not have.
QStringList tagOrder(const analysis::TagStatistics& stats,
                     const std::vector<const analysis::TagRow*>& rows) {
    QStringList out;
    for (const auto& def : stats.tagSet.tags)
        for (const auto* r : rows)
            if (r->tag == def.id && !out.contains(QString::fromStdString(def.id)))
                out << QString::fromStdString(def.id);
    for (const auto* r : rows)
        if (!out.contains(QString::fromStdString(r->tag)))
            out << QString::fromStdString(r->tag);
    return out;
}

const tags::TagDef* defOf(const analysis::TagStatistics& stats, const QString& id) {
    for (const auto& d : stats.tagSet.tags)
        if (QString::fromStdString(d.id) == id)
            return &d;
    return nullptr;
}

// One button with a menu: either chart as PNG or SVG.
QWidget* exportRow(QWidget* parent, QChartView* frequency, QChartView* score, QLabel* status) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1);
    auto* button = new QToolButton(row);
    button->setObjectName(QStringLiteral("TagsExport"));
    button->setText(TagsAnalysisView::tr("Export Chart"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(button);
    for (QChartView* view : {frequency, score})
        for (bool svg : {false, true}) {
            const QString what = view == frequency ? TagsAnalysisView::tr("Segments per tag")
                                                   : TagsAnalysisView::tr("Constraint score");
            QAction* a = menu->addAction(
                (svg ? TagsAnalysisView::tr("%1 as SVG…") : TagsAnalysisView::tr("%1 as PNG…"))
                    .arg(what));
            QObject::connect(a, &QAction::triggered, view, [view, svg, status] {
                QString error;
                if (!exportChartInteractively(view, svg, &error) && !error.isEmpty())
                    status->setText(error);
            });
        }
    button->setMenu(menu);
    layout->addWidget(button);
    return row;
}

} // namespace

TagsAnalysisView::TagsAnalysisView(Session* session, QWidget* parent)
    : QWidget(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("System:"), this));
    system_ = new QComboBox(this);
    system_->setObjectName(QStringLiteral("TagsSystemBox"));
    system_->setToolTip(tr("The system whose tag table, transitions and score chart are shown"));
    row->addWidget(system_);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("TagsStatus"));
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::RichText);
    row->addWidget(status_, 1);
    layout->addLayout(row);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* charts = new QSplitter(Qt::Horizontal, split);
    for (QChartView** view : {&frequency_, &scoreChart_}) {
        *view = new QChartView(new QChart, charts);
        (*view)->setRenderHint(QPainter::Antialiasing);
        (*view)->setMinimumHeight(220);
    }
    frequency_->setObjectName(QStringLiteral("TagFrequencyChart"));
    scoreChart_->setObjectName(QStringLiteral("TagScoreChart"));
    // Tables above one another: the Analysis dock is usually narrow.
    auto* tables = new QSplitter(Qt::Vertical, split);
    tags_ = makeTable(tables, QStringLiteral("TagTable"));
    tags_->verticalHeader()->hide();
    transitions_ = makeTable(tables, QStringLiteral("TagTransitionTable"));
    transitions_->setToolTip(tr("How often a segment of the row's tag is followed by one of the "
                                "column's; red: the tag set does not allow it"));
    tables->setStretchFactor(0, 1);
    tables->setStretchFactor(1, 1);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    layout->addWidget(exportRow(this, frequency_, scoreChart_, status_));
    connect(system_, &QComboBox::currentIndexChanged, this, &TagsAnalysisView::showSystem);
    connect(session_, &Session::runChanged, this, [this] {
        dirty_ = true;
        refresh();
    });
}

TagsAnalysisView::~TagsAnalysisView() = default;

void TagsAnalysisView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void TagsAnalysisView::refresh() {
    if (!dirty_ || !isVisible())
        return;
    dirty_ = false;
    const auto run = session_->runResults();
    if (!run || !session_->store()) {
        tasks_.cancel(kTag);
        show(Error{tr("Show a stored run with the tagpr system (r2p run --systems tagpr,...) to "
                      "see its tagged chains.")
                       .toStdString()});
        return;
    }
    status_->setText(tr("Checking the tagged chains…"));
    analysis::TagStatisticsRequest request;
    request.runId = run->runId;
    tasks_.start(
        kTag, LatestTask::Pool::Short,
        [path = session_->store()->path(),
         request](const std::atomic<bool>&) -> Result<analysis::TagStatistics> {
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
            if (!store)
                return store.error();
            bool bad = false;
            return analysis::tagStatistics(**store, request, bad);
        },
        [this](Result<analysis::TagStatistics> r) { show(std::move(r)); });
}

void TagsAnalysisView::show(Result<analysis::TagStatistics> result) {
    const QVariant kept = system_->currentData();
    stats_.reset();
    {
        const QSignalBlocker block(system_);
        system_->clear();
    }
    if (!result || result->systems.empty()) {
        status_->setText(result ? tr("Run %1 has no tagged chains: run the tagpr system, or tag "
                                     "a chain by hand.")
                                      .arg(result->runId)
                                : QString::fromStdString(result.error().message).toHtmlEscaped());
        replaceChart(frequency_, new QChart);
        replaceChart(scoreChart_, new QChart);
        tags_->clear();
        tags_->setRowCount(0);
        tags_->setColumnCount(0);
        transitions_->clear();
        transitions_->setRowCount(0);
        transitions_->setColumnCount(0);
        return;
    }
    stats_ = std::make_shared<const analysis::TagStatistics>(std::move(*result));
    {
        const QSignalBlocker block(system_);
        for (const auto& s : stats_->systems)
            system_->addItem(StageText::system(s.system), static_cast<int>(s.system));
        const int at = system_->findData(kept);
        system_->setCurrentIndex(at >= 0 ? at : 0);
    }
    fillFrequencyChart();
    showSystem();
}

void TagsAnalysisView::showSystem() {
    const int index = system_->currentIndex();
    if (!stats_ || index < 0 || index >= static_cast<int>(stats_->systems.size()))
        return;
    const auto& s = stats_->systems[static_cast<std::size_t>(index)];
    QStringList breaking;
    for (const auto& [rule, n] : s.violationsByRule)
        breaking << tr("%1 %2").arg(QString::fromStdString(rule)).arg(n);
    const QLocale l;
    status_->setText(
        tr("<b>%1</b>: %n chain(s) under tag set <i>%2</i>; mean constraint score %3 [%4, %5]. "
           "Chains breaking a rule: %6.",
           nullptr, static_cast<int>(s.chains))
            .arg(StageText::system(s.system),
                 QString::fromStdString(stats_->tagSet.name).toHtmlEscaped(),
                 l.toString(s.constraintScore.mean, 'f', 3),
                 l.toString(s.constraintScore.ci.lo, 'f', 3),
                 l.toString(s.constraintScore.ci.hi, 'f', 3),
                 breaking.isEmpty() ? tr("none") : breaking.join(QStringLiteral(", "))));
    // The external reward model's scores against the metric.
    if (s.reward.n > 0)
        status_->setText(
            status_->text() + QStringLiteral("<br>") +
            tr("Reward model <i>%1</i>: mean %2 over %n chain(s); r with %3: %4", nullptr,
               static_cast<int>(s.reward.n))
                .arg(QString::fromStdString(stats_->rewardModel).toHtmlEscaped(),
                     l.toString(s.reward.mean, 'f', 3), QString::fromStdString(s.metric),
                     s.rewardMetricR ? l.toString(*s.rewardMetricR, 'f', 2) : tr("undefined")));
    // How sources agree on tags (a person against the model or a tagger, two people).
    QStringList agree;
    for (const auto& g : stats_->agreement)
        agree << tr("%1 and %2: κ %3 over %4 characters of %n chain(s)", nullptr,
                    static_cast<int>(g.chains))
                     .arg(QString::fromStdString(g.a).toHtmlEscaped(),
                          QString::fromStdString(g.b).toHtmlEscaped(),
                          g.kappa.kappa ? l.toString(*g.kappa.kappa, 'f', 2) : tr("undefined"))
                     .arg(g.units);
    if (!agree.isEmpty())
        status_->setText(status_->text() + QStringLiteral("<br>") +
                         tr("Agreement on tags: %1").arg(agree.join(QStringLiteral("; "))));
    fillTagTable(index);
    fillTransitions(index);
    fillScoreChart(index);
}

// Segments per tag, a bar set per system, tags in the tag set's order.
void TagsAnalysisView::fillFrequencyChart() {
    std::vector<const analysis::TagRow*> all;
    for (const auto& s : stats_->systems)
        for (const auto& r : s.tags)
            all.push_back(&r);
    const QStringList order = tagOrder(*stats_, all);
    auto* chart = new QChart;
    chart->setTitle(tr("Segments per tag"));
    auto* series = new QHorizontalBarSeries;
    int most = 0;
    for (const auto& s : stats_->systems) {
        auto* set = new QBarSet(StageText::system(s.system));
        for (auto tag = order.rbegin(); tag != order.rend(); ++tag) {
            int n = 0;
            for (const auto& r : s.tags)
                if (QString::fromStdString(r.tag) == *tag)
                    n = static_cast<int>(r.spans);
            *set << n;
            most = std::max(most, n);
        }
        series->append(set);
    }
    chart->addSeries(series);
    QStringList top; // bars run bottom-up: reversed, so the first tag is on top
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        top << *it;
    auto* tags = new QBarCategoryAxis;
    tags->append(top);
    auto* counts = new QValueAxis;
    setCountAxis(counts, most);
    counts->setTitleText(tr("Segments"));
    chart->addAxis(counts, Qt::AlignBottom);
    chart->addAxis(tags, Qt::AlignLeft);
    series->attachAxis(counts);
    series->attachAxis(tags);
    chart->legend()->setVisible(stats_->systems.size() > 1);
    replaceChart(frequency_, chart);
}

void TagsAnalysisView::fillTagTable(int index) {
    const auto& s = stats_->systems[static_cast<std::size_t>(index)];
    const QString metric = QString::fromStdString(s.metric);
    const QString better = DeltaText::direction(DeltaText::lowerIsBetter(metric));
    tags_->clear();
    tags_->setColumnCount(7);
    tags_->setHorizontalHeaderLabels({tr("Tag"), tr("Segments"), tr("Chains with"),
                                      tr("Tokens (right answers)"), tr("Tokens (wrong answers)"),
                                      tr("%1 with the tag").arg(metric),
                                      tr("%1 without").arg(metric)});
    for (int c : {5, 6})
        tags_->horizontalHeaderItem(c)->setToolTip(
            tr("The per-user %1 (%2) of the chains with and without the tag: mean [95% bootstrap "
               "interval] · chains")
                .arg(metric, better));
    std::vector<const analysis::TagRow*> rows;
    for (const auto& r : s.tags)
        rows.push_back(&r);
    const QStringList order = tagOrder(*stats_, rows);
    tags_->setRowCount(static_cast<int>(order.size()));
    const QLocale l;
    for (int i = 0; i < order.size(); ++i) {
        const auto* r = *std::find_if(rows.begin(), rows.end(), [&](const auto* row) {
            return QString::fromStdString(row->tag) == order[i];
        });
        const tags::TagDef* def = defOf(*stats_, order[i]);
        auto* name = new QTableWidgetItem(def ? QString::fromStdString(def->name) : order[i]);
        name->setData(Qt::DecorationRole,
                      def ? QColor(QString::fromStdString(def->colour)) : QColor(Qt::gray));
        name->setToolTip(
            def ? QStringLiteral("<%1> %2").arg(order[i], QString::fromStdString(def->description))
                : tr("<%1> is not a tag of the project's tag set").arg(order[i]));
        tags_->setItem(i, 0, name);
        const QStringList cells = {l.toString(static_cast<qulonglong>(r->spans)),
                                   l.toString(static_cast<qulonglong>(r->chainsWith)),
                                   meanText(r->tokensRight, 1),
                                   meanText(r->tokensWrong, 1),
                                   meanText(r->metricWith, 3),
                                   meanText(r->metricWithout, 3)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            tags_->setItem(i, c + 1, item);
        }
    }
}

// From-tag rows, to-tag columns; the shade grows with the count, red text marks a transition the
// tag set does not allow.
void TagsAnalysisView::fillTransitions(int index) {
    const auto& s = stats_->systems[static_cast<std::size_t>(index)];
    std::vector<const analysis::TagRow*> rows;
    for (const auto& r : s.tags)
        rows.push_back(&r);
    const QStringList order = tagOrder(*stats_, rows);
    transitions_->clear();
    transitions_->setRowCount(static_cast<int>(order.size()));
    transitions_->setColumnCount(static_cast<int>(order.size()));
    QStringList headers;
    for (const QString& t : order)
        headers << t;
    transitions_->setHorizontalHeaderLabels(headers);
    QStringList from;
    for (const QString& t : order)
        from << tr("%1 →").arg(t);
    transitions_->setVerticalHeaderLabels(from);
    std::size_t most = 1;
    for (const auto& [pair, n] : s.transitions)
        most = std::max(most, n);
    for (int i = 0; i < order.size(); ++i)
        for (int j = 0; j < order.size(); ++j) {
            const auto it = s.transitions.find({order[i].toStdString(), order[j].toStdString()});
            const std::size_t n = it == s.transitions.end() ? 0 : it->second;
            auto* item = new QTableWidgetItem(n ? QLocale().toString(static_cast<qulonglong>(n))
                                                : QString());
            item->setTextAlignment(Qt::AlignCenter);
            if (n) {
                QColor shade(QStringLiteral("#4e79a7"));
                shade.setAlphaF(0.15 + 0.75 * static_cast<double>(n) / static_cast<double>(most));
                item->setBackground(shade);
                const tags::TagDef* def = defOf(*stats_, order[i]);
                const bool allowed = !def || !def->next ||
                                     std::find(def->next->begin(), def->next->end(),
                                               order[j].toStdString()) != def->next->end();
                item->setToolTip(allowed ? tr("%1 → %2: %3").arg(order[i], order[j]).arg(n)
                                         : tr("%1 → %2: %3, not allowed by the tag set")
                                               .arg(order[i], order[j])
                                               .arg(n));
                if (!allowed)
                    item->setForeground(QColor(QStringLiteral("#d23c3c")));
            }
            transitions_->setItem(i, j, item);
        }
}

// Each chain's constraint score against its per-user metric.
void TagsAnalysisView::fillScoreChart(int index) {
    const auto& s = stats_->systems[static_cast<std::size_t>(index)];
    const QString metric = QString::fromStdString(s.metric);
    auto* chart = new QChart;
    const QLocale l;
    chart->setTitle(
        s.scoreMetricR
            ? tr("%1 by constraint score · r %2").arg(metric, l.toString(*s.scoreMetricR, 'f', 2))
            : tr("%1 by constraint score").arg(metric));
    chart->setToolTip(tr("One point per chain: its constraint score and its user's %1 (%2); r is "
                         "Pearson's correlation over the chains. A high score with a bad %1 is "
                         "what reward hacking looks like.")
                          .arg(metric, DeltaText::direction(DeltaText::lowerIsBetter(metric))));
    auto* points = new QScatterSeries;
    points->setName(StageText::system(s.system));
    points->setMarkerSize(9);
    double lo = 0, hi = 1;
    bool first = true;
    for (const auto& c : s.chainChecks) {
        if (!c.metric)
            continue;
        points->append(c.constraintScore, *c.metric);
        lo = first ? *c.metric : std::min(lo, *c.metric);
        hi = first ? *c.metric : std::max(hi, *c.metric);
        first = false;
    }
    chart->addSeries(points);
    auto* x = new QValueAxis;
    x->setRange(-0.04, 1.04); // a point at 0 or 1 is drawn whole
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(0.2);
    x->setLabelFormat(QStringLiteral("%.1f"));
    x->setTitleText(tr("Constraint score"));
    auto* y = new QValueAxis;
    // Whole multiples of a round step, from 0 (scores are never negative) or below; all-equal
    // scores still get a span of one.
    if (hi - std::min(0.0, lo) < 1e-9)
        hi = std::min(0.0, lo) + 1;
    const double step = valueAxisStep(std::min(0.0, lo), hi);
    const double bottom = std::floor(std::min(0.0, lo) / step) * step;
    const double top = std::max(bottom + step, std::ceil(hi / step) * step);
    y->setRange(bottom, top);
    y->setTickCount(static_cast<int>(std::lround((top - bottom) / step)) + 1);
    y->setLabelFormat(step >= 1     ? QStringLiteral("%.0f")
                      : step >= 0.1 ? QStringLiteral("%.1f")
                                    : QStringLiteral("%.2f"));
    y->setTitleText(metric);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    points->attachAxis(x);
    points->attachAxis(y);
    chart->legend()->hide();
    replaceChart(scoreChart_, chart);
}

} // namespace r2p::ui
