// ROUGE-1/2/L/Lsum F-measure as Google's rouge_score computes them for LaMP (no stemming, its
// default tokenizer, newline-separated sentences for Lsum with rouge_score's union LCS).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace r2p::metrics {

struct RougeScores {
    double rouge1 = 0;
    double rouge2 = 0;
    double rougeL = 0;
    double rougeLsum = 0;
};

// rouge_score's tokenize(): Python lower() (so U+0130 'İ' gives "i" + a combining dot and the
// Kelvin sign gives "k"), every run of characters outside [a-z0-9] becomes a space, split. All
// other non-ASCII letters and digits vanish, as they do in rouge_score.
std::vector<std::string> rougeTokenize(std::string_view text);

// F-measures of `prediction` against `target` (the gold). Thread-safe.
RougeScores rougeScores(std::string_view prediction, std::string_view target);

} // namespace r2p::metrics
