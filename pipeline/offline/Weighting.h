// The retrieved items as the offline reasoner weighs them: retrieval scores normalised to sum
// 1, and the seeded, platform-independent noise that varies a candidate's weights.
#pragma once

#include "pipeline/engine/HrtTemplate.h"

#include <cstdint>
#include <vector>

namespace r2p::engine::offline {

// splitmix64's finaliser: spreads FNV's low bits.
std::uint64_t mix64(std::uint64_t x);
// [0, 1) from a hash.
double unitFromHash(std::uint64_t h);

struct Weighted {
    const PromptItem* item = nullptr;
    int n = 0; // cited as [Pn]
    double w = 0;
};

// Scores normalised to sum 1; equal weights when the scores say nothing (all zero or equal).
std::vector<Weighted> weigh(const std::vector<PromptItem>& items);
// Temperature-like variation: each weight scaled by seeded noise in [0.2, 1.8), renormalised.
void perturb(std::vector<Weighted>& items, std::uint64_t seed, int candidate);
// The items' citation numbers, in order.
std::vector<int> numbers(const std::vector<Weighted>& items);

} // namespace r2p::engine::offline
