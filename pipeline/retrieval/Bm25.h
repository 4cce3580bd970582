// BM25Okapi exactly as rank_bm25 0.2.2 computes it (the version LaMP pins): same idf, epsilon
// floor, average idf summation order and float64 evaluation order, so scores match bit for bit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace r2p::retrieval {

struct Bm25Params {
    double k1 = 1.5;
    double b = 0.75;
    double epsilon = 0.25;
};

struct Bm25Scores {
    // False when the corpus has no documents or no tokens at all (rank_bm25 divides by zero);
    // every other field is then empty or zero.
    bool valid = false;
    std::vector<double> scores; // one per document, corpus order

    std::vector<std::string_view> queryTerms; // distinct query tokens, first occurrence order
    std::vector<double> queryIdf;             // idf used for each (0 when not in the corpus)
    // termFrequency[doc * queryTerms.size() + t]: how often queryTerms[t] occurs in doc.
    std::vector<std::uint32_t> termFrequency;

    double averageIdf = 0;
    double averageDocLength = 0;
    std::size_t vocabularySize = 0;

    // The query terms that occur in document `doc`, in query order (for highlighting).
    std::vector<std::string_view> matchedTerms(std::size_t doc) const;
};

// Tokenizes corpus and query with Python's str.split() and scores every document. Views in the
// result point into `query`. Thread-safe; reuses per-thread scratch memory between calls.
Bm25Scores bm25Okapi(std::span<const std::string_view> corpus, std::string_view query,
                     const Bm25Params& params = {});

} // namespace r2p::retrieval
