#include "ChartExport.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QSvgGenerator>

namespace r2p::ui {

bool saveChart(QChartView* view, const QString& path, QString* error) {
    if (!view) {
        if (error)
            *error = QCoreApplication::translate("r2p::ui::ChartExport", "No such chart.");
        return false;
    }
    const QSize size = view->isVisible() && view->width() >= 400 && view->height() >= 300
                           ? view->size()
                           : QSize(900, 560);
    QChart* c = view->chart();
    const QSizeF shown = c->size();
    c->resize(size);
    auto paint = [&](QPainter& painter) {
        painter.setRenderHint(QPainter::Antialiasing);
        c->scene()->render(&painter, QRectF(QPointF(0, 0), size), QRectF(c->pos(), size));
    };
    bool ok = false;
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(c->title());
        QPainter painter;
        if (painter.begin(&svg)) {
            paint(painter);
            ok = painter.end() && QFileInfo(path).size() > 0;
        }
    } else {
        QImage image(size, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        paint(painter);
        painter.end();
        ok = image.save(path);
    }
    c->resize(shown);
    if (!ok && error)
        *error = QCoreApplication::translate("r2p::ui::ChartExport", "Cannot write %1").arg(path);
    return ok;
}

bool exportChartInteractively(QChartView* view, bool svg, QString* error) {
    const QString filter =
        svg ? QCoreApplication::translate("r2p::ui::ChartExport", "SVG image (*.svg)")
            : QCoreApplication::translate("r2p::ui::ChartExport", "PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(
        view, QCoreApplication::translate("r2p::ui::ChartExport", "Export Chart"), QString(),
        filter);
    if (path.isEmpty())
        return false;
    const QString suffix = svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    return saveChart(view, path, error);
}

void replaceChart(QChartView* view, QChart* chart) {
    QChart* old = view->chart();
    view->setChart(chart);
    if (old != chart)
        delete old;
}

QAreaSeries* addLineWithBand(QChart* chart, QLineSeries* line, QLineSeries* upper,
                             QLineSeries* lower, QAbstractAxis* x, QAbstractAxis* y) {
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    auto* band = new QAreaSeries(upper, lower);
    // The band does not own its bounds (they are not the chart's series): it does now.
    upper->setParent(band);
    lower->setParent(band);
    QColor colour = line->color();
    colour.setAlpha(50);
    band->setColor(colour);
    band->setBorderColor(Qt::transparent);
    chart->addSeries(band);
    band->attachAxis(x);
    band->attachAxis(y);
    for (auto* marker : chart->legend()->markers(band))
        marker->setVisible(false);
    return band;
}

} // namespace r2p::ui
