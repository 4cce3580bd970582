#include "Weighting.h"

#include <algorithm>
#include <random>

namespace r2p::engine::offline {

std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

double unitFromHash(std::uint64_t h) {
    return static_cast<double>(mix64(h) >> 11) * 0x1.0p-53;
}

std::vector<Weighted> weigh(const std::vector<PromptItem>& items) {
    std::vector<Weighted> out;
    double sum = 0;
    bool allEqual = true;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Weighted x;
        x.item = &items[i];
        x.n = items[i].n > 0 ? items[i].n : static_cast<int>(i) + 1;
        x.w = std::max(0.0, items[i].score);
        if (i > 0 && items[i].score != items[0].score)
            allEqual = false;
        sum += x.w;
        out.push_back(x);
    }
    for (auto& x : out)
        x.w = sum > 0 && !allEqual ? x.w / sum : 1.0 / static_cast<double>(out.size());
    return out;
}

std::vector<Weighted> byPosition(const std::vector<PromptItem>& items) {
    std::vector<Weighted> out;
    double sum = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Weighted x;
        x.item = &items[i];
        x.n = items[i].n > 0 ? items[i].n : static_cast<int>(i) + 1;
        x.w = 1.0 / (1.0 + 0.1 * static_cast<double>(i));
        sum += x.w;
        out.push_back(x);
    }
    for (auto& x : out)
        x.w /= sum;
    return out;
}

// mt19937_64's output is fixed by the standard; the arithmetic after it is explicit.
void perturb(std::vector<Weighted>& items, std::uint64_t seed, int candidate, double temperature,
             double topP) {
    const double amplitude =
        std::clamp(0.8 * std::max(0.0, temperature) * std::clamp(topP, 0.0, 1.0), 0.0, 0.95);
    if (amplitude <= 0)
        return;
    std::mt19937_64 rng(mix64(seed * 0x9E3779B97F4A7C15ULL +
                              static_cast<std::uint64_t>(candidate) * 0xD1B54A32D192ED03ULL));
    double sum = 0;
    for (auto& x : items) {
        const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
        x.w *= (1.0 - amplitude) + 2.0 * amplitude * u;
        sum += x.w;
    }
    for (auto& x : items)
        x.w = sum > 0 ? x.w / sum : 1.0 / static_cast<double>(items.size());
}

std::vector<int> numbers(const std::vector<Weighted>& items) {
    std::vector<int> ns;
    for (const auto& x : items)
        ns.push_back(x.n);
    return ns;
}

} // namespace r2p::engine::offline
