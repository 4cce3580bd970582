// BM25Okapi as rank_bm25 0.2.2: idf with the epsilon floor, average idf order, float64
// evaluation order, empty documents and the degenerate corpora.
#include "pipeline/retrieval/Bm25.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace r2p::retrieval;

namespace {

std::vector<std::string_view> views(const std::vector<std::string>& docs) {
    return {docs.begin(), docs.end()};
}

// rank_bm25's get_scores term for one query token, in its float64 evaluation order.
double term(double idf, double tf, double dl, double avgdl) {
    const double k1 = 1.5, b = 0.75;
    const double x = (b * dl) / avgdl;
    const double y = (1 - b) + x;
    const double den = tf + k1 * y;
    const double num = tf * (k1 + 1);
    return idf * (num / den);
}

} // namespace

TEST(Bm25, HandDerivedScoresWithANegativeIdf) {
    // N = 3, df(a) = 2 so idf(a) = ln(1.5) - ln(2.5) < 0 and becomes epsilon * average idf.
    const std::vector<std::string> docs = {"a b", "a c", "d"};
    const auto s = bm25Okapi(views(docs), "a b");
    ASSERT_TRUE(s.valid);
    const double pos = std::log(2.5) - std::log(1.5);
    const double neg = std::log(1.5) - std::log(2.5);
    // Summed in first-appearance order a, b, c, d.
    const double average = (((0.0 + neg) + pos) + pos + pos) / 4;
    EXPECT_EQ(s.averageIdf, average);
    const double eps = 0.25 * average;
    EXPECT_GT(eps, 0);
    ASSERT_EQ(s.queryTerms.size(), 2u);
    EXPECT_EQ(s.queryIdf[0], eps);
    EXPECT_EQ(s.queryIdf[1], pos);
    const double avgdl = 5.0 / 3.0;
    EXPECT_EQ(s.averageDocLength, avgdl);
    ASSERT_EQ(s.scores.size(), 3u);
    EXPECT_EQ(s.scores[0], (0.0 + term(eps, 1, 2, avgdl)) + term(pos, 1, 2, avgdl));
    EXPECT_EQ(s.scores[1], 0.0 + term(eps, 1, 2, avgdl));
    EXPECT_EQ(s.scores[2], 0.0);
    // By hand: idf(b) = 0.510826, eps = 0.25 * 1.021651 / 4 = 0.063853; dl 2, avgdl 5/3 give
    // 2.5 / (1 + 1.5 * (0.25 + 0.9)) = 0.917431; (0.063853 + 0.510826) * 0.917431.
    EXPECT_NEAR(s.scores[0], 0.527228, 1e-6);
}

TEST(Bm25, IdfExactlyZeroStaysZero) {
    // N = 4, df(a) = 2: ln(2.5) - ln(2.5) == 0, which is not negative, so no epsilon.
    const std::vector<std::string> docs = {"a b", "a c", "d", "e"};
    const auto s = bm25Okapi(views(docs), "a");
    ASSERT_TRUE(s.valid);
    EXPECT_GT(s.averageIdf, 0);
    ASSERT_EQ(s.queryIdf.size(), 1u);
    EXPECT_EQ(s.queryIdf[0], 0.0);
    for (double score : s.scores)
        EXPECT_EQ(score, 0.0);
}

TEST(Bm25, DuplicateQueryTokensCountEachTimeAndUnknownTokensAddNothing) {
    const std::vector<std::string> docs = {"x y z", "y y", "q"};
    const auto once = bm25Okapi(views(docs), "x");
    const auto twice = bm25Okapi(views(docs), "x nothere x");
    EXPECT_EQ(twice.scores[0], once.scores[0] + once.scores[0]);
    EXPECT_EQ(twice.scores[1], 0.0);
    ASSERT_EQ(twice.queryTerms.size(), 2u);
    EXPECT_EQ(twice.queryIdf[1], 0.0);
}

TEST(Bm25, TokensSplitOnUnicodeWhitespaceAndKeepCaseAndPunctuation) {
    const std::vector<std::string> docs = {"Apple\u00a0pie", "apple, pie", "x"};
    const auto s = bm25Okapi(views(docs), "apple pie\u3000Apple");
    ASSERT_TRUE(s.valid);
    EXPECT_EQ(s.vocabularySize, 4u); // "Apple", "pie", "apple," (comma kept), "x"
    EXPECT_EQ(s.matchedTerms(0), (std::vector<std::string_view>{"pie", "Apple"}));
    EXPECT_EQ(s.matchedTerms(1), (std::vector<std::string_view>{"pie"}));
    EXPECT_TRUE(s.matchedTerms(2).empty());
}

TEST(Bm25, EmptyDocumentsScoreZeroButCountInTheAverageLength) {
    const std::vector<std::string> docs = {"", "a b", "  \u2003 "};
    const auto s = bm25Okapi(views(docs), "a");
    ASSERT_TRUE(s.valid);
    EXPECT_EQ(s.averageDocLength, 2.0 / 3.0);
    EXPECT_EQ(s.scores[0], 0.0);
    EXPECT_GT(s.scores[1], 0.0);
    EXPECT_EQ(s.scores[2], 0.0);
}

TEST(Bm25, NoDocumentsOrNoTokensIsInvalidNotADivisionByZero) {
    const std::vector<std::string> none;
    EXPECT_FALSE(bm25Okapi(views(none), "a").valid);
    const std::vector<std::string> blank = {"", " ", "\n"};
    const auto s = bm25Okapi(views(blank), "a");
    EXPECT_FALSE(s.valid);
    EXPECT_TRUE(s.scores.empty());
}

TEST(Bm25, ScratchReuseAcrossCallsGivesIdenticalResults) {
    const std::vector<std::string> big = {"m n o p", "n o", "p q r s t", "m m m"};
    const std::vector<std::string> small = {"a b", "a c", "d"};
    const auto first = bm25Okapi(views(small), "a b");
    for (int i = 0; i < 3; ++i)
        (void)bm25Okapi(views(big), "m q");
    const auto again = bm25Okapi(views(small), "a b");
    EXPECT_EQ(first.scores, again.scores);
    EXPECT_EQ(first.averageIdf, again.averageIdf);
}

TEST(Bm25, ManyDistinctTermsGrowTheTable) {
    std::vector<std::string> docs;
    for (int d = 0; d < 50; ++d) {
        std::string doc;
        for (int t = 0; t < 100; ++t)
            doc += "w" + std::to_string(d * 100 + t) + " shared ";
        docs.push_back(doc);
    }
    const auto s = bm25Okapi(views(docs), "w4999 shared w0");
    ASSERT_TRUE(s.valid);
    EXPECT_EQ(s.vocabularySize, 5001u);
    EXPECT_GT(s.scores[49], 0);
    EXPECT_GT(s.scores[0], 0);
    EXPECT_EQ(s.termFrequency[49 * 3 + 1], 100u);
}
