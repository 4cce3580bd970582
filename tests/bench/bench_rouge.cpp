// ROUGE benchmark: ROUGE-1, -2, -L and -Lsum for 100,000 prediction/gold pairs of about 20
// words each (rouge_score's tokenizer, LCS tables). Target: at most 1 s.
//
//   bench_rouge [--pairs 100000] [--smoke]
#include "BenchSupport.h"
#include "pipeline/metrics/Rouge.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::array<std::string_view, 48> kWords = {
    "Storm",  "hits",     "the",      "coast",    "city",  "council", "votes", "on",
    "budget", "new",      "study",    "finds",    "link",  "between", "sleep", "and",
    "health", "team",     "wins",     "title",    "after", "late",    "goal",  "market",
    "prices", "rise",     "as",       "demand",   "grows", "school",  "board", "delays",
    "plan",   "café",     "İstanbul", "x86-64",   "don't", "U.S.",    "2019",  "report",
    "—",      "(neural)", "deep",     "learning", "model", "energy",  "solar", "farm"};

std::string sentence(std::mt19937& rng, int words) {
    std::string s;
    for (int i = 0; i < words; ++i) {
        if (i)
            s += rng() % 29 == 0 ? "\n" : " ";
        s += kWords[rng() % kWords.size()];
    }
    return s;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t pairs = 100000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--smoke")
            pairs = 2000;
        else if (a == "--pairs" && i + 1 < argc)
            pairs = std::stoul(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_rouge [--pairs N] [--smoke]\n");
            return 2;
        }
    }
    std::mt19937 rng(7);
    std::vector<std::string> predictions, golds;
    predictions.reserve(pairs);
    golds.reserve(pairs);
    std::size_t words = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        const int p = 15 + static_cast<int>(rng() % 11), g = 15 + static_cast<int>(rng() % 11);
        predictions.push_back(sentence(rng, p));
        golds.push_back(sentence(rng, g));
        words += static_cast<std::size_t>(p + g);
    }

    double best = 1e300, checksum = 0;
    for (int run = 0; run < 3; ++run) {
        const double t0 = r2p::bench::nowSeconds();
        double sum = 0;
        for (std::size_t i = 0; i < pairs; ++i) {
            const auto r = r2p::metrics::rougeScores(predictions[i], golds[i]);
            sum += r.rouge1 + r.rouge2 + r.rougeL + r.rougeLsum;
        }
        best = std::min(best, r2p::bench::nowSeconds() - t0);
        checksum = sum;
    }
    std::printf("bench_rouge: %zu pairs, %.1f words per text on average, ROUGE-1/2/L/Lsum: best of "
                "3 %.3f s = %.2f us per pair (checksum %.6f); target 100,000 pairs <= 1 s\n",
                pairs, static_cast<double>(words) / static_cast<double>(2 * pairs), best,
                best / static_cast<double>(pairs) * 1e6, checksum);
    return 0;
}
