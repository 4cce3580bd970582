#include "ChartAxes.h"

#include <QCategoryAxis>
#include <QLocale>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace r2p::ui {

int countAxisStep(int maxCount) {
    const int target = std::max(1, maxCount);
    for (int magnitude = 1;; magnitude *= 10)
        for (int mantissa : {1, 2, 5})
            if (static_cast<long long>(mantissa) * magnitude * 6 >= target)
                return mantissa * magnitude;
}

void setCountAxis(QValueAxis* axis, int maxCount) {
    const int step = countAxisStep(maxCount);
    const int top = std::max(step, (std::max(1, maxCount) + step - 1) / step * step);
    axis->setRange(0, top);
    axis->setTickType(QValueAxis::TicksFixed);
    axis->setTickCount(top / step + 1);
    axis->setMinorTickCount(0);
    axis->setLabelFormat(QStringLiteral("%d"));
}

double valueAxisStep(double lo, double hi) {
    const double span = hi > lo ? hi - lo : 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(span / 5)));
    for (double mantissa : {1.0, 2.0, 5.0, 10.0})
        if (mantissa * magnitude * 6 >= span)
            return mantissa * magnitude;
    return 10 * magnitude;
}

void setValueAxis(QCategoryAxis* axis, double lo, double hi) {
    if (!(hi > lo)) {
        lo -= 0.5;
        hi += 0.5;
    }
    const double step = valueAxisStep(lo, hi);
    // Ticks are whole multiples of the step, each computed on its own (no running sum), so
    // zero is exactly a tick and reads "0.0", never "-0.0".
    const auto first = static_cast<long long>(std::floor(lo / step + 1e-9));
    const auto last = static_cast<long long>(std::ceil(hi / step - 1e-9));
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    for (const QString& label : axis->categoriesLabels())
        axis->remove(label);
    axis->setRange(static_cast<double>(first) * step, static_cast<double>(last) * step);
    for (long long i = first; i <= last; ++i)
        axis->append(axisNumber(static_cast<double>(i) * step, decimals),
                     static_cast<double>(i) * step);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
}

QString axisNumber(double v, int decimals) {
    const double unit = std::pow(10.0, -decimals) / 2;
    return QLocale().toString(std::fabs(v) < unit ? 0.0 : v, 'f', decimals);
}

} // namespace r2p::ui
