#include "ReportCharts.h"

#include "ui/RunResults.h"
#include "ui/StageText.h"
#include "ui/widgets/ChartAxes.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLocale>
#include <QPainter>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace r2p::ui {

namespace {

QString signedNumber(double v, int decimals) {
    const QString s = QLocale().toString(v, 'f', decimals);
    return v > 0 ? QStringLiteral("+") + s : s;
}

// Whole-number deltas (accuracy, a rating's absolute error) get one bar per value; anything
// else eleven equal bins around zero.
struct Histogram {
    QStringList labels;
    std::vector<int> counts;
};

Histogram histogram(const std::vector<double>& deltas) {
    Histogram h;
    if (deltas.empty())
        return h;
    const auto [lo, hi] = std::minmax_element(deltas.begin(), deltas.end());
    const bool whole = std::all_of(deltas.begin(), deltas.end(),
                                   [](double d) { return std::fabs(d - std::round(d)) < 1e-9; });
    if (whole && *hi - *lo <= 12) {
        const int from = std::min(0, static_cast<int>(std::round(*lo)));
        const int to = std::max(0, static_cast<int>(std::round(*hi)));
        h.counts.assign(static_cast<std::size_t>(to - from + 1), 0);
        for (double d : deltas)
            ++h.counts[static_cast<std::size_t>(static_cast<int>(std::round(d)) - from)];
        for (int v = from; v <= to; ++v)
            h.labels << signedNumber(v, 0);
        return h;
    }
    constexpr int kBins = 11; // odd: the middle bar is centred on a tie
    const double span = std::max(1e-9, std::max(std::fabs(*lo), std::fabs(*hi)));
    const double width = 2 * span / kBins;
    h.counts.assign(kBins, 0);
    for (double d : deltas) {
        const int b = static_cast<int>(std::floor((d + span) / width));
        ++h.counts[static_cast<std::size_t>(std::clamp(b, 0, kBins - 1))];
    }
    // Each bar is labelled with its bin's centre (ranges, or a '+', do not fit under eleven).
    const int decimals = span < 0.5 ? 2 : 1;
    for (int b = 0; b < kBins; ++b)
        h.labels << QLocale().toString(b == kBins / 2 ? 0.0 : -span + (b + 0.5) * width, 'f',
                                       decimals);
    return h;
}

void addAxes(QChart& chart, QAbstractSeries* series, const QStringList& categories, double maxY) {
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    chart.addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    setCountAxis(y, static_cast<int>(std::ceil(maxY)));
    chart.addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}

} // namespace

std::unique_ptr<QChart> ReportCharts::deltaHistogram(const RunResults& results) {
    auto chart = std::make_unique<QChart>();
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    const QString metric = QString::fromStdString(results.metric);
    chart->setTitle(tr("Per-user Δ, R2P against %1 (%2; right of 0: R2P better)")
                        .arg(StageText::system(results.baseline), metric));
    std::vector<double> deltas;
    for (const auto& id : results.info.users)
        if (const UserRunRow* row = results.row(id); row && row->comparable())
            deltas.push_back(results.lowerIsBetter ? -row->delta() : row->delta());
    const Histogram h = histogram(deltas);
    if (h.counts.empty())
        return chart;
    auto* set = new QBarSet(tr("users"));
    set->setColor(QColor(0x3b, 0x6e, 0xb5));
    int maxCount = 0;
    for (int c : h.counts) {
        *set << c;
        maxCount = std::max(maxCount, c);
    }
    set->setLabelColor(Qt::black);
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    addAxes(*chart, series, h.labels, maxCount);
    chart->axes(Qt::Horizontal)
        .first()
        ->setTitleText(results.lowerIsBetter ? tr("baseline %1 − R2P %1").arg(metric)
                                             : tr("R2P %1 − baseline %1").arg(metric));
    chart->axes(Qt::Vertical).first()->setTitleText(tr("users"));
    chart->legend()->hide();
    return chart;
}

std::unique_ptr<QChart> ReportCharts::winTieLoss(const RunResults& results,
                                                 const engine::RunSummary& summary) {
    auto chart = std::make_unique<QChart>();
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(tr("R2P against each baseline: users won, tied and lost (%1)")
                        .arg(QString::fromStdString(results.metric)));
    auto* wins = new QBarSet(tr("win"));
    auto* ties = new QBarSet(tr("tie"));
    auto* losses = new QBarSet(tr("loss"));
    wins->setColor(QColor(0x2e, 0x9e, 0x4f));
    ties->setColor(QColor(0xa0, 0xa0, 0xa0));
    losses->setColor(QColor(0xd2, 0x3c, 0x3c));
    QStringList categories;
    double maxUsers = 0;
    for (const auto& d : summary.deltas) {
        if (d.metric != results.metric)
            continue;
        const auto& c = d.comparison;
        *wins << static_cast<qreal>(c.wins);
        *ties << static_cast<qreal>(c.ties);
        *losses << static_cast<qreal>(c.losses);
        maxUsers = std::max(maxUsers, static_cast<double>(c.wins + c.ties + c.losses));
        categories << StageText::system(d.baseline);
    }
    if (categories.isEmpty()) {
        delete wins;
        delete ties;
        delete losses;
        return chart;
    }
    auto* series = new QStackedBarSeries;
    for (QBarSet* set : {wins, ties, losses}) {
        set->setLabelColor(Qt::white);
        series->append(set);
    }
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsCenter);
    chart->addSeries(series);
    addAxes(*chart, series, categories, maxUsers);
    chart->axes(Qt::Vertical).first()->setTitleText(tr("users"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QImage ReportCharts::render(QChart& chart, QSize size, qreal scale) {
    // A scene of its own: the chart lays itself out there without a view or a shown window.
    QGraphicsScene scene;
    scene.addItem(&chart);
    chart.setGeometry(QRectF(QPointF(0, 0), size));
    if (chart.layout())
        chart.layout()->activate();
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), size));
    }
    scene.removeItem(&chart); // the caller owns the chart
    image.setDevicePixelRatio(1.0);
    return image;
}

} // namespace r2p::ui
