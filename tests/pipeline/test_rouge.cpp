// ROUGE as rouge_score computes it: its tokenizer (Python lower(), [a-z0-9] only), N-gram
// overlap, LCS, and Lsum's union LCS over newline-separated sentences without double counting.
#include "pipeline/metrics/Rouge.h"

#include <gtest/gtest.h>

using namespace r2p::metrics;
using Tokens = std::vector<std::string>;

TEST(RougeTokenize, LowercasesAndKeepsOnlyAsciiLettersAndDigits) {
    EXPECT_EQ(rougeTokenize("Hello, World! 123abc"), (Tokens{"hello", "world", "123abc"}));
    EXPECT_EQ(rougeTokenize("x86-64 don't e-mail U.S."),
              (Tokens{"x86", "64", "don", "t", "e", "mail", "u", "s"}));
    EXPECT_EQ(rougeTokenize("  \n\t "), Tokens{});
    EXPECT_EQ(rougeTokenize("!!! ... :) — …"), Tokens{});
}

TEST(RougeTokenize, NonAsciiLettersVanishExceptThoseLoweringToAscii) {
    EXPECT_EQ(rougeTokenize("café naïve Über"), (Tokens{"caf", "na", "ve", "ber"}));
    EXPECT_EQ(rougeTokenize("中文 ＡＢＣ ١٢٣"), Tokens{}); // fullwidth and Arabic digits too
    // 'İ'.lower() is "i" + U+0307, so the i stays and the dot splits the word.
    EXPECT_EQ(rougeTokenize("İstanbul"), (Tokens{"i", "stanbul"}));
    EXPECT_EQ(rougeTokenize("xİy"), (Tokens{"xi", "y"}));
    // KELVIN SIGN lowercases to ASCII 'k' and joins the word.
    EXPECT_EQ(rougeTokenize("\u212A\u212Aelvin"), (Tokens{"kkelvin"}));
    EXPECT_EQ(rougeTokenize("bad\xff"
                            "byte"),
              (Tokens{"bad", "byte"}));
}

TEST(Rouge, EmptySidesScoreZero) {
    for (const auto& [pred, gold] : std::vector<std::pair<std::string, std::string>>{
             {"", ""}, {"", "a b"}, {"a b", ""}, {"!!!", "a"}, {"a", "…"}}) {
        const auto r = rougeScores(pred, gold);
        EXPECT_EQ(r.rouge1, 0.0) << pred << "|" << gold;
        EXPECT_EQ(r.rouge2, 0.0);
        EXPECT_EQ(r.rougeL, 0.0);
        EXPECT_EQ(r.rougeLsum, 0.0);
    }
}

TEST(Rouge, IdenticalTextsScoreOne) {
    const auto r = rougeScores("The cat sat.", "the CAT sat");
    EXPECT_EQ(r.rouge1, 1.0);
    EXPECT_EQ(r.rouge2, 1.0);
    EXPECT_EQ(r.rougeL, 1.0);
    EXPECT_EQ(r.rougeLsum, 1.0);
}

TEST(Rouge, HandComputedPartialOverlap) {
    // pred 3 tokens, gold 6: unigram overlap 3 (P 1, R 1/2), bigram overlap 2 of 2 and 5
    // (P 1, R 2/5), LCS 3.
    const auto r = rougeScores("the cat sat", "the cat sat on the mat");
    EXPECT_DOUBLE_EQ(r.rouge1, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(r.rouge2, 2 * 1.0 * 0.4 / 1.4);
    EXPECT_DOUBLE_EQ(r.rougeL, 2.0 / 3.0);
    // A single token has no bigram: P = 0 / max(0, 1).
    EXPECT_EQ(rougeScores("cat", "cat").rouge2, 0.0);
    // Counts clip: "the the the" vs "the cat": overlap 1, P 1/3, R 1/2.
    EXPECT_DOUBLE_EQ(rougeScores("the the the", "the cat").rouge1,
                     2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5));
}

TEST(Rouge, LsumUnionsLcsOverSentences) {
    // Whole-text LCS of [a b c d] and [c d a b] is 2; per sentence every gold sentence is
    // matched completely.
    const auto r = rougeScores("c d\na b", "a b\nc d");
    EXPECT_DOUBLE_EQ(r.rougeL, 0.5);
    EXPECT_DOUBLE_EQ(r.rougeLsum, 1.0);
}

TEST(Rouge, LsumDoesNotCountATokenTwice) {
    // Both gold sentences "a" match the only predicted "a"; the second hit is refused.
    const auto r = rougeScores("a", "a\na");
    EXPECT_DOUBLE_EQ(r.rougeLsum, 2 * 1.0 * 0.5 / 1.5);
    // The union within one gold sentence holds each index once: gold "a a" against
    // predicted lines "a" and "a" picks index 1 twice.
    EXPECT_DOUBLE_EQ(rougeScores("a\na", "a a").rougeLsum, 0.5);
    EXPECT_DOUBLE_EQ(rougeScores("a\na", "a a").rougeL, 1.0);
}

TEST(Rouge, LsumIgnoresEmptyAndBlankLines) {
    EXPECT_DOUBLE_EQ(rougeScores("a b", "\n\na b\n\n").rougeLsum, 1.0);
    EXPECT_DOUBLE_EQ(rougeScores("  \n a b", "a\nb").rougeLsum, 1.0);
    // Only a carriage return is not a sentence break.
    EXPECT_DOUBLE_EQ(rougeScores("b a", "a\rb").rougeLsum, rougeScores("b a", "a\rb").rougeL);
    // Lines of punctuation count as sentences with no tokens.
    EXPECT_EQ(rougeScores("!!!\n...", "a").rougeLsum, 0.0);
}
