// numpy 1.24 argsort order, worked out by hand: insertion sort for small ranges, one
// median-of-3 partition of 17 ties, and an input that exhausts the depth limit so the rest goes
// through aheapsort.
#include "pipeline/retrieval/NumpySort.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>

using namespace r2p::retrieval;
using Order = std::vector<std::ptrdiff_t>;

TEST(NumpySort, SmallArraysSortAscendingWithTiesInPlace) {
    EXPECT_EQ(numpyArgsort(std::vector<double>{3, 1, 2}), (Order{1, 2, 0}));
    EXPECT_EQ(numpyArgsort(std::vector<double>{}), Order{});
    EXPECT_EQ(numpyArgsort(std::vector<double>{5}), Order{0});
    // 16 ties: insertion sort with strict < keeps index order; reversed for ranking.
    const std::vector<double> ties(16, 1.0);
    Order expected(16);
    for (int i = 0; i < 16; ++i)
        expected[static_cast<std::size_t>(i)] = 15 - i;
    EXPECT_EQ(numpyRankDescending(ties), expected);
}

TEST(NumpySort, NaNSortsLast) {
    EXPECT_EQ(numpyArgsort(std::vector<double>{NAN, 1, -1}), (Order{2, 1, 0}));
}

TEST(NumpySort, SeventeenTiesGoThroughOnePartition) {
    // Worked by hand: mid = 8 is swapped to 15; i and j meet after swapping (1,14), (2,13),
    // (3,12), (4,11), (5,10), (6,9), (7,8); the pivot goes to 8; both halves are then
    // insertion-sorted without moving.
    const std::vector<double> ties(17, 0.5);
    ArgsortStats stats;
    EXPECT_EQ(numpyArgsort(ties, &stats),
              (Order{0, 14, 13, 12, 11, 10, 9, 15, 8, 6, 5, 4, 3, 2, 1, 7, 16}));
    EXPECT_EQ(stats.partitions, 1u);
    EXPECT_EQ(stats.heapsorts, 0u);
    EXPECT_EQ(numpyRankDescending(ties),
              (Order{16, 7, 1, 2, 3, 4, 5, 6, 8, 15, 9, 10, 11, 12, 13, 14, 0}));
}

TEST(NumpySort, HeapsortOfTiesRotatesByOne) {
    // aheapsort on equal values: heapify moves nothing; each extraction swaps the last slot
    // with the root, so x1..xn ends as x2..xn, x1.
    const std::vector<double> v(5, 2.0);
    Order idx = {0, 1, 2, 3, 4};
    numpyArgHeapsort(v, idx);
    EXPECT_EQ(idx, (Order{1, 2, 3, 4, 0}));
    const std::vector<double> mixed = {3, 1, 2, 1};
    Order m = {0, 1, 2, 3};
    numpyArgHeapsort(mixed, m);
    EXPECT_TRUE(std::is_sorted(m.begin(), m.end(), [&](auto a, auto b) {
        return mixed[static_cast<std::size_t>(a)] < mixed[static_cast<std::size_t>(b)];
    }));
}

TEST(NumpySort, DepthLimitHandsTheRestToAheapsort) {
    // A median-of-3 killer built forward: in every partition the item at lo gets the smallest
    // value still free and the item at mid the next one, the rest stay "large" (all 1000). The
    // pivot is then the 2nd smallest, so only lo and lo+1 settle, and the moves are exactly
    // swap(mid, hi-1), swap(lo+1, hi-1). n = 64 allows 2*log2(64) = 12 levels; the 13th
    // popped range (38 items) is heapsorted.
    const std::size_t n = 64;
    const int depthLimit = 12;
    std::vector<double> value(n, 1000.0);
    std::vector<std::size_t> slot(n); // slot -> item, mirroring the sort's index array
    for (std::size_t i = 0; i < n; ++i)
        slot[i] = i;
    std::size_t lo = 0;
    const std::size_t hi = n - 1;
    double next = 0;
    for (int step = 0; step <= depthLimit; ++step) {
        const std::size_t mid = lo + ((hi - lo) >> 1);
        value[slot[lo]] = next++;
        value[slot[mid]] = next++;
        std::swap(slot[mid], slot[hi - 1]);
        std::swap(slot[lo + 1], slot[hi - 1]);
        lo += 2;
    }
    ASSERT_EQ(hi - lo + 1, 38u);

    ArgsortStats stats;
    const Order order = numpyArgsort(value, &stats);
    EXPECT_EQ(stats.partitions, 13u);
    EXPECT_EQ(stats.heapsorts, 1u);
    // The 26 settled items in value order (each slot's item already holds it)...
    Order expected;
    for (std::size_t s = 0; s < lo; ++s)
        expected.push_back(static_cast<std::ptrdiff_t>(slot[s]));
    // ...then the tied rest as aheapsort leaves it: rotated left by one.
    for (std::size_t s = lo + 1; s <= hi; ++s)
        expected.push_back(static_cast<std::ptrdiff_t>(slot[s]));
    expected.push_back(static_cast<std::ptrdiff_t>(slot[lo]));
    EXPECT_EQ(order, expected);
}

TEST(NumpySort, LargeRandomInputsSortCorrectly) {
    std::vector<double> v;
    std::uint64_t x = 88172645463325252ull;
    for (int i = 0; i < 5000; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.push_back(static_cast<double>(x % 97)); // many ties
    }
    const auto order = numpyArgsort(v);
    ASSERT_EQ(order.size(), v.size());
    Order sorted = order;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size(); ++i)
        ASSERT_EQ(sorted[i], static_cast<std::ptrdiff_t>(i));
    for (std::size_t i = 1; i < order.size(); ++i)
        ASSERT_LE(v[static_cast<std::size_t>(order[i - 1])], v[static_cast<std::size_t>(order[i])]);
}
