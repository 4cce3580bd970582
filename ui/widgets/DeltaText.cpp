#include "DeltaText.h"

#include <QLocale>
#include <cmath>

namespace r2p::ui {

DeltaText::Side DeltaText::side(double delta, bool lowerIsBetter) {
    // Differences below the shown precision's noise are no difference.
    if (!std::isfinite(delta) || std::fabs(delta) < 1e-12)
        return Side::Same;
    return (delta > 0) != lowerIsBetter ? Side::Better : Side::Worse;
}

QString DeltaText::word(double delta, bool lowerIsBetter) {
    switch (side(delta, lowerIsBetter)) {
    case Side::Better:
        return tr("R2P better");
    case Side::Worse:
        return tr("R2P worse");
    case Side::Same:
        break;
    }
    return tr("no difference");
}

QColor DeltaText::colour(double delta, bool lowerIsBetter) {
    switch (side(delta, lowerIsBetter)) {
    case Side::Better:
        return QColor(0x1e, 0x8e, 0x3e);
    case Side::Worse:
        return QColor(0xc5, 0x22, 0x1f);
    case Side::Same:
        break;
    }
    return {};
}

QString DeltaText::value(double delta, int decimals) {
    if (!std::isfinite(delta) || std::fabs(delta) < 1e-12)
        return QLocale().toString(0.0, 'f', decimals);
    const QString magnitude = QLocale().toString(std::fabs(delta), 'f', decimals);
    return (delta > 0 ? QStringLiteral("+") : QStringLiteral("−")) + magnitude;
}

QString DeltaText::full(double delta, bool lowerIsBetter, int decimals) {
    return tr("%1 · %2").arg(value(delta, decimals), word(delta, lowerIsBetter));
}

QString DeltaText::direction(bool lowerIsBetter) {
    return lowerIsBetter ? tr("lower is better") : tr("higher is better");
}

bool DeltaText::lowerIsBetter(const QString& metric) {
    return metric == QLatin1String("MAE") || metric == QLatin1String("RMSE");
}

QString DeltaText::intervalMethod(bool classification) {
    return classification
               ? tr("95% percentile bootstrap, 1,000 resamples drawn within each gold label "
                    "(every label keeps its users, so macro-F1 is not dragged down by resamples "
                    "that lose a rare label)")
               : tr("95% percentile bootstrap over the users, 1,000 resamples");
}

} // namespace r2p::ui
