#include "Spread.h"

#include <algorithm>
#include <cmath>

namespace r2p::metrics {

Spread spreadOf(std::span<const double> values) {
    Spread s;
    s.n = values.size();
    if (values.empty())
        return s;
    double sum = 0;
    for (double v : values)
        sum += v;
    s.mean = sum / static_cast<double>(s.n);
    double ss = 0;
    for (double v : values)
        ss += (v - s.mean) * (v - s.mean);
    s.sd = s.n < 2 ? 0 : std::sqrt(ss / static_cast<double>(s.n - 1));
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    s.min = *lo;
    s.max = *hi;
    return s;
}

} // namespace r2p::metrics
