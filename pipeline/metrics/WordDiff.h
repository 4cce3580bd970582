// A word-level diff of an answer against the gold, as the Compare view marks it: the words of
// each side that belong to their longest common subsequence, compared the way ROUGE-L compares
// them (rouge_score's tokenizer: lowercase, [a-z0-9] runs), so what is marked is what ROUGE-L
// counts. Words keep their original spelling for display.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace r2p::metrics {

struct DiffWord {
    std::string text;     // as written, without the whitespace around it
    bool matched = false; // part of the common subsequence
};

struct WordDiff {
    std::vector<DiffWord> answer;
    std::vector<DiffWord> gold;
    std::size_t common = 0; // words in the common subsequence
};

// Words are split on whitespace; a word's comparison key is its ROUGE tokens joined by a space
// (a word with no tokens, like "—", never matches).
WordDiff wordDiff(std::string_view answer, std::string_view gold);

} // namespace r2p::metrics
