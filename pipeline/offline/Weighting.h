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
// The items as LaMP's prompt lists them, without retrieval scores: each counted nearly alike,
// item i (from 0) with 1 / (1 + 0.1 i) before normalising (a reader's slight primacy bias).
std::vector<Weighted> byPosition(const std::vector<PromptItem>& items);
// Sampling-like variation: each weight scaled by seeded noise in [1 - a, 1 + a) with
// a = 0.8 x temperature x top-p (capped at 0.95), renormalised. Temperature 0 changes nothing;
// temperature 1 with top-p 1 gives [0.2, 1.8).
void perturb(std::vector<Weighted>& items, std::uint64_t seed, int candidate,
             double temperature = 1.0, double topP = 1.0);
// The items' citation numbers, in order.
std::vector<int> numbers(const std::vector<Weighted>& items);

} // namespace r2p::engine::offline
