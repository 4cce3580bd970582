// How a delta between R2P and a baseline reads everywhere it is shown: the signed value, the
// side it favours in words ("R2P better" / "R2P worse") and a colour, by the metric's direction
// (for MAE and RMSE lower is better, so a positive delta means R2P is worse).
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace r2p::ui {

class DeltaText {
    Q_DECLARE_TR_FUNCTIONS(r2p::ui::DeltaText)
public:
    enum class Side { Same, Better, Worse };

    // Delta is R2P − baseline in the metric's own units.
    static Side side(double delta, bool lowerIsBetter);
    // "R2P better", "R2P worse" or "no difference".
    static QString word(double delta, bool lowerIsBetter);
    // Green for better, red for worse, invalid (the palette's text colour) for no difference.
    static QColor colour(double delta, bool lowerIsBetter);
    // "+0.810", "−0.120" (with a real minus sign), "0.000".
    static QString value(double delta, int decimals = 3);
    // "+0.810 · R2P better".
    static QString full(double delta, bool lowerIsBetter, int decimals = 3);
    // "higher is better" / "lower is better".
    static QString direction(bool lowerIsBetter);
    // True for MAE and RMSE.
    static bool lowerIsBetter(const QString& metric);
    // How the run's intervals were made, for tooltips and reports.
    static QString intervalMethod(bool classification);
};

} // namespace r2p::ui
