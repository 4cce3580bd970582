// The charts of a stakeholder report, built from a stored run and drawn offscreen into images
// (no window): the per-user delta histogram and R2P's win/tie/loss against each baseline.
#pragma once

#include "pipeline/engine/RunSummary.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>
#include <memory>

class QChart;

namespace r2p::ui {

struct RunResults;

class ReportCharts {
    Q_DECLARE_TR_FUNCTIONS(r2p::ui::ReportCharts)
public:
    // Histogram of R2P's per-user delta against the results' baseline, signed so that right
    // means R2P better; users scored by both only.
    static std::unique_ptr<QChart> deltaHistogram(const RunResults& results);
    // Stacked win/tie/loss of R2P against each baseline on the results' main metric.
    static std::unique_ptr<QChart> winTieLoss(const RunResults& results,
                                              const engine::RunSummary& summary);
    // Lays the chart out at `size` (logical pixels) and paints it on white, `scale` times as
    // many device pixels for print.
    static QImage render(QChart& chart, QSize size, qreal scale = 2.0);
};

} // namespace r2p::ui
