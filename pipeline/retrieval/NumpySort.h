// numpy 1.24's default argsort (introsort: median-of-3 quicksort, insertion sort for small
// ranges, aheapsort past the depth limit), reproduced so ties rank exactly as in LaMP.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace r2p::retrieval {

struct ArgsortStats {
    std::size_t partitions = 0; // quicksort partition steps
    std::size_t heapsorts = 0;  // ranges handed to aheapsort at the depth limit
};

// np.argsort(values) (kind="quicksort") for float64: indices that sort `values` ascending, with
// numpy's NaN-last comparison. Not stable: equal values come out in numpy's order.
std::vector<std::ptrdiff_t> numpyArgsort(std::span<const double> values,
                                         ArgsortStats* stats = nullptr);

// numpy's aheapsort_ on indices[0..n) (exposed for tests of the heapsort fallback).
void numpyArgHeapsort(std::span<const double> values, std::span<std::ptrdiff_t> indices);

// np.argsort(values)[::-1]: best (largest) first, as rank_bm25's get_top_n orders documents.
std::vector<std::ptrdiff_t> numpyRankDescending(std::span<const double> values,
                                                ArgsortStats* stats = nullptr);

} // namespace r2p::retrieval
