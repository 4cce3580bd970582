// Saves a chart view as PNG or SVG (by the file's extension): the chart as shown, or at a
// readable size when it is hidden or small; and puts a new chart in a view. Shared by every dock
// with charts.
#pragma once

#include <QString>

class QAbstractAxis;
class QAreaSeries;
class QChart;
class QChartView;
class QLineSeries;

namespace r2p::ui {

bool saveChart(QChartView* view, const QString& path, QString* error);
// Asks for a file name (PNG or SVG) and saves; false when cancelled or on failure (`error` set).
bool exportChartInteractively(QChartView* view, bool svg, QString* error);
// Shows `chart` in `view` and deletes the chart it showed (QChartView::setChart only releases
// it, so every rebuilt chart would otherwise leak).
void replaceChart(QChartView* view, QChart* chart);
// Adds `line` and, behind it, the band between `upper` and `lower` (an interval per point) in
// the line's colour, faint and out of the legend; the band owns its bounds.
QAreaSeries* addLineWithBand(QChart* chart, QLineSeries* line, QLineSeries* upper,
                             QLineSeries* lower, QAbstractAxis* x, QAbstractAxis* y);

} // namespace r2p::ui
