#include "ChartAxes.h"

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

QString axisNumber(double v, int decimals) {
    const double unit = std::pow(10.0, -decimals) / 2;
    return QLocale().toString(std::fabs(v) < unit ? 0.0 : v, 'f', decimals);
}

} // namespace r2p::ui
