// Axes that read at a glance: counts on integer ticks at round steps (0, 5, 10 … never
// 0, 1, 3, 5, 7), and bin labels that never read "-0.00".
#pragma once

#include <QString>

class QValueAxis;

namespace r2p::ui {

// Range 0 … a round top at or above maxCount, ticks at a round integer step (1, 2, 5, 10, …),
// at most six intervals, labelled as integers.
void setCountAxis(QValueAxis* axis, int maxCount);

// The step setCountAxis uses for maxCount, exposed for tests.
int countAxisStep(int maxCount);

// v with `decimals` decimals in the locale, with "-0.00" shown as "0.00".
QString axisNumber(double v, int decimals);

} // namespace r2p::ui
