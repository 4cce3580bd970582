// How a metric varies between repeats of the same run (r2p run --repeats, a study's repeats,
// the Metrics view): the mean over repeats and the sample standard deviation between them.
#pragma once

#include <cstddef>
#include <span>

namespace r2p::metrics {

struct Spread {
    std::size_t n = 0;
    double mean = 0;
    double sd = 0; // sample standard deviation (n - 1); 0 for fewer than two values
    double min = 0;
    double max = 0;
};

Spread spreadOf(std::span<const double> values);

} // namespace r2p::metrics
