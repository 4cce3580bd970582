// Axes that read at a glance: counts on integer ticks at round steps (0, 5, 10 … never
// 0, 1, 3, 5, 7), and bin labels that never read "-0.00".
#pragma once

#include <QString>

class QCategoryAxis;
class QValueAxis;

namespace r2p::ui {

// Range 0 … a round top at or above maxCount, ticks at a round integer step (1, 2, 5, 10, …),
// at most six intervals, labelled as integers.
void setCountAxis(QValueAxis* axis, int maxCount);

// An axis from a round value at or below lo to one at or above hi, labelled every round step
// (1, 2 or 5 times a power of ten, at most six intervals) at whole multiples of it, so 0 is a
// label of its own and reads "0.0", never "-0.0"; labels with the step's decimals.
void setValueAxis(QCategoryAxis* axis, double lo, double hi);
// The step setValueAxis uses for [lo, hi], exposed for tests.
double valueAxisStep(double lo, double hi);

// The step setCountAxis uses for maxCount, exposed for tests.
int countAxisStep(int maxCount);

// v with `decimals` decimals in the locale, with "-0.00" shown as "0.00".
QString axisNumber(double v, int decimals);

} // namespace r2p::ui
