#include "Bm25.h"

#include "pipeline/text/PyText.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace r2p::retrieval {

namespace {

std::uint64_t hashBytes(std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    const char* p = s.data();
    std::size_t n = s.size();
    while (n >= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * 0x94D049BB133111EBull;
        h ^= h >> 29;
    }
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h;
}

// Interns tokens (views into the caller's text) to dense ids in first-appearance order, which
// is also the order rank_bm25 sums idf values in. Open addressing; reset() is O(1) amortised
// through a generation stamp, so one table serves every user of a file.
class TokenTable {
public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFF;

    void reset() {
        terms_.clear();
        if (++generation_ == 0) { // wrapped: stale stamps could look current
            std::fill(slots_.begin(), slots_.end(), Slot{});
            generation_ = 1;
        }
        if (slots_.empty())
            slots_.resize(1024);
    }

    std::size_t size() const { return terms_.size(); }
    std::string_view term(std::uint32_t id) const { return terms_[id]; }

    // The token's id, or kNone if it is not in the table.
    std::uint32_t find(std::string_view token) const {
        if (slots_.empty())
            return kNone;
        const std::uint64_t h = hashBytes(token);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.generation != generation_)
                return kNone;
            if (s.hash == h && terms_[s.id] == token)
                return s.id;
        }
    }

    // The token's id, adding it if new; `added` says which.
    std::uint32_t intern(std::string_view token, bool& added) {
        const std::uint64_t h = hashBytes(token);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            Slot& s = slots_[i];
            if (s.generation != generation_) {
                const auto id = static_cast<std::uint32_t>(terms_.size());
                s = Slot{h, generation_, id};
                terms_.push_back(token);
                added = true;
                if (terms_.size() * 2 > slots_.size())
                    grow();
                return id;
            }
            if (s.hash == h && terms_[s.id] == token) {
                added = false;
                return s.id;
            }
        }
    }

private:
    // The hash sits in the slot so a probe touches one cache line, not the term list.
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t generation = 0;
        std::uint32_t id = 0;
    };

    void grow() {
        std::vector<Slot> bigger(std::max<std::size_t>(slots_.size() * 2, 1024));
        const std::size_t mask = bigger.size() - 1;
        for (const Slot& old : slots_) {
            if (old.generation != generation_)
                continue;
            std::size_t i = old.hash & mask;
            while (bigger[i].generation == generation_)
                i = (i + 1) & mask;
            bigger[i] = old;
        }
        slots_.swap(bigger);
    }

    std::vector<Slot> slots_;
    std::vector<std::string_view> terms_;
    std::uint32_t generation_ = 0;
};

// Per-thread memory reused across calls: profiles are scored one user after another.
struct Scratch {
    TokenTable vocabulary;
    TokenTable queryTable;
    std::vector<std::uint32_t> querySlot; // vocabulary id -> distinct query term, or kNone
    std::vector<std::uint32_t> documentFrequency;
    std::vector<std::uint32_t> lastDocument; // vocabulary id -> last doc counted in df, +1
    std::vector<std::uint32_t> docLength;
    std::vector<std::uint32_t> queryTokens; // query positions -> distinct query term
};

} // namespace

std::vector<std::string_view> Bm25Scores::matchedTerms(std::size_t doc) const {
    std::vector<std::string_view> out;
    const std::size_t nq = queryTerms.size();
    for (std::size_t t = 0; t < nq; ++t)
        if (termFrequency[doc * nq + t] > 0)
            out.push_back(queryTerms[t]);
    return out;
}

Bm25Scores bm25Okapi(std::span<const std::string_view> corpus, std::string_view query,
                     const Bm25Params& params) {
    thread_local Scratch scratch;
    Scratch& s = scratch;
    Bm25Scores out;

    // Query terms first, so each corpus token learns on first sight whether the query has it.
    s.queryTable.reset();
    s.queryTokens.clear();
    text::pySplit(query, [&](std::string_view token) {
        bool added = false;
        s.queryTokens.push_back(s.queryTable.intern(token, added));
    });
    const std::size_t nq = s.queryTable.size();
    out.queryTerms.reserve(nq);
    for (std::uint32_t t = 0; t < nq; ++t)
        out.queryTerms.push_back(s.queryTable.term(t));

    const std::size_t n = corpus.size();
    s.vocabulary.reset();
    s.querySlot.clear();
    s.documentFrequency.clear();
    s.lastDocument.clear();
    s.docLength.assign(n, 0);
    out.termFrequency.assign(n * nq, 0);
    std::uint64_t totalTokens = 0;
    for (std::size_t d = 0; d < n; ++d) {
        std::uint32_t length = 0;
        std::uint32_t* tf = out.termFrequency.data() + d * nq;
        const auto docMark = static_cast<std::uint32_t>(d + 1);
        text::pySplit(corpus[d], [&](std::string_view token) {
            ++length;
            bool added = false;
            const std::uint32_t id = s.vocabulary.intern(token, added);
            if (added) {
                s.querySlot.push_back(s.queryTable.find(token));
                s.documentFrequency.push_back(0);
                s.lastDocument.push_back(0);
            }
            if (s.lastDocument[id] != docMark) {
                s.lastDocument[id] = docMark;
                ++s.documentFrequency[id];
            }
            const std::uint32_t slot = s.querySlot[id];
            if (slot != TokenTable::kNone)
                ++tf[slot];
        });
        s.docLength[d] = length;
        totalTokens += length;
    }
    if (n == 0 || totalTokens == 0) {
        out.termFrequency.clear();
        return out;
    }
    out.valid = true;
    out.vocabularySize = s.vocabulary.size();

    // _calc_idf: idf of every term, summed in first-appearance order; negatives floored.
    const double corpusSize = static_cast<double>(n);
    out.averageDocLength = static_cast<double>(totalTokens) / corpusSize;
    double idfSum = 0;
    for (std::size_t id = 0; id < s.documentFrequency.size(); ++id) {
        const double freq = s.documentFrequency[id];
        idfSum += std::log(corpusSize - freq + 0.5) - std::log(freq + 0.5);
    }
    out.averageIdf = idfSum / static_cast<double>(s.documentFrequency.size());
    const double eps = params.epsilon * out.averageIdf;
    out.queryIdf.assign(nq, 0.0);
    for (std::size_t id = 0; id < s.querySlot.size(); ++id) {
        if (s.querySlot[id] == TokenTable::kNone)
            continue;
        const double freq = s.documentFrequency[id];
        const double idf = std::log(corpusSize - freq + 0.5) - std::log(freq + 0.5);
        out.queryIdf[s.querySlot[id]] = idf < 0 ? eps : idf;
    }

    // get_scores, in numpy's element-wise order: x = (b*dl)/avgdl; y = (1-b)+x;
    // den = tf + k1*y; num = tf*(k1+1); score += idf*(num/den), query token by query token.
    // A token with tf 0 adds exactly ±0, so skipping it leaves the sum unchanged.
    out.scores.assign(n, 0.0);
    const double k1 = params.k1, b = params.b;
    const double oneMinusB = 1 - b;
    const double k1Plus1 = k1 + 1;
    for (std::size_t d = 0; d < n; ++d) {
        const double x = (b * static_cast<double>(s.docLength[d])) / out.averageDocLength;
        const double y = oneMinusB + x;
        const double k1y = k1 * y;
        const std::uint32_t* tf = out.termFrequency.data() + d * nq;
        double score = 0.0;
        for (const std::uint32_t t : s.queryTokens) {
            if (tf[t] == 0)
                continue;
            const double f = tf[t];
            const double den = f + k1y;
            const double num = f * k1Plus1;
            score += out.queryIdf[t] * (num / den);
        }
        out.scores[d] = score;
    }
    return out;
}

} // namespace r2p::retrieval
