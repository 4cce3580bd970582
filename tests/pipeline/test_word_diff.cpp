// The Compare view's word diff: the common subsequence ROUGE-L counts, on original words.
#include "pipeline/metrics/Rouge.h"
#include "pipeline/metrics/WordDiff.h"

#include <gtest/gtest.h>

using namespace r2p::metrics;

namespace {

std::string marked(const std::vector<DiffWord>& words) {
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : " ") + (w.matched ? "[" + w.text + "]" : w.text);
    return out;
}

TEST(WordDiff, MarksTheLongestCommonSubsequenceIgnoringCaseAndPunctuation) {
    const auto d =
        wordDiff("Green Line opens, finally!", "Millbrook's green line opens after delay");
    EXPECT_EQ(marked(d.answer), "[Green] [Line] [opens,] finally!");
    EXPECT_EQ(marked(d.gold), "Millbrook's [green] [line] [opens] after delay");
    EXPECT_EQ(d.common, 3u);
}

TEST(WordDiff, AgreesWithRougeLOnTheCommonLength) {
    const std::string a = "the cat sat on the mat today", g = "a cat sat on a mat";
    const auto d = wordDiff(a, g);
    // ROUGE-L F = 2PR/(P+R) with P = lcs/|a|, R = lcs/|g| in tokens (one token per word here).
    const double p = double(d.common) / 7, r = double(d.common) / 6;
    EXPECT_NEAR(rougeScores(a, g).rougeL, 2 * p * r / (p + r), 1e-12);
}

TEST(WordDiff, EmptyAndSymbolOnlyWordsNeverMatch) {
    EXPECT_EQ(wordDiff("", "gold words").common, 0u);
    EXPECT_EQ(wordDiff("— —", "— —").common, 0u);
    const auto d = wordDiff("a — b", "a — b");
    EXPECT_EQ(marked(d.answer), "[a] — [b]");
}

} // namespace
