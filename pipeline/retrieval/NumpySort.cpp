#include "NumpySort.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace r2p::retrieval {

namespace {

// numpy's npysort_common.h / quicksort.cpp constants.
constexpr std::ptrdiff_t kSmallQuicksort = 15;
constexpr int kStackSize = 128; // PYA_QS_STACK = NPY_BITSOF_INTP * 2

// numpy's Tag::less for doubles: NaNs sort to the end.
inline bool less(double a, double b) {
    return a < b || (b != b && a == a);
}

// npy_get_msb: floor(log2(n)) for n > 0.
int msb(std::size_t n) {
    int depth = 0;
    while (n >>= 1)
        ++depth;
    return depth;
}

// aheapsort_ from numpy/core/src/npysort/heapsort.cpp, transcribed with its 1-based indexing.
void aheapsort(const double* v, std::ptrdiff_t* tosort, std::ptrdiff_t n) {
    std::ptrdiff_t* a = tosort - 1;
    std::ptrdiff_t i = 0, j = 0, l = 0, tmp = 0;
    for (l = n >> 1; l > 0; --l) {
        tmp = a[l];
        for (i = l, j = l << 1; j <= n;) {
            if (j < n && less(v[a[j]], v[a[j + 1]]))
                j += 1;
            if (less(v[tmp], v[a[j]])) {
                a[i] = a[j];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        a[i] = tmp;
    }
    for (; n > 1;) {
        tmp = a[n];
        a[n] = a[1];
        n -= 1;
        for (i = 1, j = 2; j <= n;) {
            if (j < n && less(v[a[j]], v[a[j + 1]]))
                j++;
            if (less(v[tmp], v[a[j]])) {
                a[i] = a[j];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        a[i] = tmp;
    }
}

// aquicksort_ from numpy/core/src/npysort/quicksort.cpp (numpy 1.24, no SIMD dispatch for
// argsort), transcribed statement by statement. The depth limit is checked only when a range
// is started or popped, never for the smaller side the loop continues on.
void aquicksort(const double* v, std::ptrdiff_t* tosort, std::ptrdiff_t num, ArgsortStats* stats) {
    double vp = 0;
    std::ptrdiff_t* pl = tosort;
    std::ptrdiff_t* pr = tosort + num - 1;
    std::ptrdiff_t* stack[kStackSize];
    std::ptrdiff_t** sptr = stack;
    std::ptrdiff_t *pm = nullptr, *pi = nullptr, *pj = nullptr, *pk = nullptr;
    std::ptrdiff_t vi = 0;
    int depth[kStackSize];
    int* psdepth = depth;
    int cdepth = msb(static_cast<std::size_t>(num)) * 2;

    for (;;) {
        if (cdepth < 0) {
            if (stats)
                ++stats->heapsorts;
            aheapsort(v, pl, pr - pl + 1);
            goto stack_pop;
        }
        while ((pr - pl) > kSmallQuicksort) {
            if (stats)
                ++stats->partitions;
            pm = pl + ((pr - pl) >> 1);
            if (less(v[*pm], v[*pl]))
                std::swap(*pm, *pl);
            if (less(v[*pr], v[*pm]))
                std::swap(*pr, *pm);
            if (less(v[*pm], v[*pl]))
                std::swap(*pm, *pl);
            vp = v[*pm];
            pi = pl;
            pj = pr - 1;
            std::swap(*pm, *pj);
            for (;;) {
                do {
                    ++pi;
                } while (less(v[*pi], vp));
                do {
                    --pj;
                } while (less(vp, v[*pj]));
                if (pi >= pj)
                    break;
                std::swap(*pi, *pj);
            }
            pk = pr - 1;
            std::swap(*pi, *pk);
            // Push the larger partition, continue with the smaller one.
            if (pi - pl < pr - pi) {
                *sptr++ = pi + 1;
                *sptr++ = pr;
                pr = pi - 1;
            } else {
                *sptr++ = pl;
                *sptr++ = pi - 1;
                pl = pi + 1;
            }
            *psdepth++ = --cdepth;
        }

        for (pi = pl + 1; pi <= pr; ++pi) {
            vi = *pi;
            vp = v[vi];
            pj = pi;
            pk = pi - 1;
            while (pj > pl && less(vp, v[*pk]))
                *pj-- = *pk--;
            *pj = vi;
        }
    stack_pop:
        if (sptr == stack)
            break;
        pr = *(--sptr);
        pl = *(--sptr);
        cdepth = *(--psdepth);
    }
}

} // namespace

std::vector<std::ptrdiff_t> numpyArgsort(std::span<const double> values, ArgsortStats* stats) {
    std::vector<std::ptrdiff_t> order(values.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<std::ptrdiff_t>(i);
    if (order.size() > 1)
        aquicksort(values.data(), order.data(), static_cast<std::ptrdiff_t>(order.size()), stats);
    return order;
}

void numpyArgHeapsort(std::span<const double> values, std::span<std::ptrdiff_t> indices) {
    if (!indices.empty())
        aheapsort(values.data(), indices.data(), static_cast<std::ptrdiff_t>(indices.size()));
}

std::vector<std::ptrdiff_t> numpyRankDescending(std::span<const double> values,
                                                ArgsortStats* stats) {
    auto order = numpyArgsort(values, stats);
    std::reverse(order.begin(), order.end());
    return order;
}

} // namespace r2p::retrieval
