#include "Retriever.h"

#include "LampQuery.h"
#include "NumpySort.h"
#include "RankingFill.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <unordered_set>

namespace r2p::retrieval {

namespace {

Finding emptyProfileFinding(const UserRecord& record, std::string detail,
                            FindingCode code = FindingCode::ProfileEmpty) {
    Finding f;
    f.severity = Severity::Warning;
    f.code = code;
    f.recordId = record.id;
    f.detail = std::move(detail);
    return f;
}

// The query, and whether there is anything to rank (an empty profile is a finding).
bool startRanking(const UserRecord& record, TaskId task, Ranking& ranking) {
    ranking.query = lampQuery(task, record.input, record.id, &ranking.findings);
    if (!record.profile.empty())
        return true;
    ranking.findings.push_back(
        emptyProfileFinding(record, "the profile is empty; nothing to retrieve"));
    return false;
}

class Bm25Retriever final : public Retriever {
public:
    explicit Bm25Retriever(const Bm25Params& params) : params_(params) {}
    std::string name() const override { return "bm25"; }

    Result<Ranking> rank(const UserRecord& record, TaskId task,
                         const RetrievalOptions& options) const override {
        QueryCorpus qc;
        Ranking ranking;
        if (!detail::startFromCorpus(record, task, options, qc, ranking))
            return ranking;
        std::vector<std::string_view> views(qc.corpus.begin(), qc.corpus.end());
        const Bm25Scores bm25 = bm25Okapi(views, ranking.query, params_);
        if (!bm25.valid) {
            // rank_bm25 divides by zero here (average document length 0).
            ranking.findings.push_back(emptyProfileFinding(
                record, "every profile item's text is empty; BM25 cannot rank them",
                FindingCode::ProfileTextEmpty));
            return ranking;
        }
        const auto order = numpyRankDescending(bm25.scores);
        const std::size_t keep =
            options.k == 0 ? order.size() : std::min<std::size_t>(options.k, order.size());
        ranking.items.reserve(keep);
        for (std::size_t rank = 0; rank < keep; ++rank) {
            const auto doc = static_cast<std::size_t>(order[rank]);
            RetrievedItem item;
            item.profileIndex = doc;
            item.profileId = record.profile[doc].id;
            item.score = bm25.scores[doc];
            if (options.matchedTerms)
                for (std::string_view t : bm25.matchedTerms(doc))
                    item.matchedTerms.emplace_back(t);
            ranking.items.push_back(std::move(item));
        }
        return ranking;
    }

private:
    Bm25Params params_;
};

class RecencyRetriever final : public Retriever {
public:
    std::string name() const override { return "recency"; }

    Result<Ranking> rank(const UserRecord& record, TaskId task,
                         const RetrievalOptions& options) const override {
        Ranking ranking;
        if (!startRanking(record, task, ranking))
            return ranking;
        const std::size_t n = record.profile.size();
        std::vector<std::vector<std::int64_t>> keys(n);
        std::size_t bad = 0;
        std::string firstBad;
        for (std::size_t i = 0; i < n; ++i) {
            auto key = lampDateTuple(record.profile[i].field("date"));
            if (key) {
                keys[i] = std::move(*key);
            } else if (bad++ == 0) {
                // The empty tuple sorts before every date: undated items count as oldest.
                firstBad = record.profile[i].id;
            }
        }
        if (bad > 0) {
            Finding f;
            f.severity = Severity::Warning;
            f.code = FindingCode::DateUnparsable;
            f.recordId = record.id;
            f.count = bad;
            f.detail = std::to_string(bad) +
                       " profile item(s) have no usable \"date\" (first: " + "item " + firstBad +
                       "); they rank as the oldest";
            ranking.findings.push_back(std::move(f));
        }
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
        std::reverse(order.begin(), order.end());
        std::vector<std::string> corpus;
        if (options.matchedTerms)
            for (const auto& item : record.profile)
                corpus.push_back(lampCorpusText(task, item, options.useDate));
        detail::fillItems(ranking, record, order, nullptr, options,
                          options.matchedTerms ? &corpus : nullptr);
        return ranking;
    }
};

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ull;
    }
    return h;
}

class RandomRetriever final : public Retriever {
public:
    explicit RandomRetriever(std::uint64_t seed) : seed_(seed) {}
    std::string name() const override { return "random"; }

    Result<Ranking> rank(const UserRecord& record, TaskId task,
                         const RetrievalOptions& options) const override {
        Ranking ranking;
        if (!startRanking(record, task, ranking))
            return ranking;
        const std::size_t n = record.profile.size();
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), std::size_t{0});
        // Seeded per user, so a user's order does not depend on which users came before.
        std::mt19937_64 rng(splitmix64(seed_ ^ fnv1a(record.id)));
        for (std::size_t i = n - 1; i > 0; --i) {
            // Plain modulo rather than a distribution: distributions differ between standard
            // libraries, this does not.
            const std::size_t j = static_cast<std::size_t>(rng() % (i + 1));
            std::swap(order[i], order[j]);
        }
        std::vector<std::string> corpus;
        if (options.matchedTerms)
            for (const auto& item : record.profile)
                corpus.push_back(lampCorpusText(task, item, options.useDate));
        detail::fillItems(ranking, record, order, nullptr, options,
                          options.matchedTerms ? &corpus : nullptr);
        return ranking;
    }

private:
    std::uint64_t seed_;
};

} // namespace

namespace detail {

bool startFromCorpus(const UserRecord& record, TaskId task, const RetrievalOptions& options,
                     QueryCorpus& qc, Ranking& ranking) {
    qc = lampQueryCorpus(task, record, options.useDate);
    ranking.query = std::move(qc.query);
    ranking.findings = std::move(qc.findings);
    if (!record.profile.empty())
        return true;
    ranking.findings.push_back(
        emptyProfileFinding(record, "the profile is empty; nothing to retrieve"));
    return false;
}

// Fills items from a best-first order of profile indices, keeping the first k.
void fillItems(Ranking& ranking, const UserRecord& record, const std::vector<std::size_t>& order,
               const std::vector<double>* scores, const RetrievalOptions& options,
               const std::vector<std::string>* corpus) {
    const std::size_t n = order.size();
    const std::size_t keep = options.k == 0 ? n : std::min(options.k, n);
    ranking.items.reserve(keep);
    for (std::size_t rank = 0; rank < keep; ++rank) {
        RetrievedItem item;
        item.profileIndex = order[rank];
        item.profileId = record.profile[order[rank]].id;
        item.score = scores ? (*scores)[order[rank]]
                            : static_cast<double>(n - rank) / static_cast<double>(n);
        if (options.matchedTerms && corpus)
            item.matchedTerms = matchedQueryTerms(ranking.query, (*corpus)[order[rank]]);
        ranking.items.push_back(std::move(item));
    }
}

} // namespace detail

std::unique_ptr<Retriever> makeBm25Retriever(const Bm25Params& params) {
    return std::make_unique<Bm25Retriever>(params);
}

std::unique_ptr<Retriever> makeRecencyRetriever() {
    return std::make_unique<RecencyRetriever>();
}

std::unique_ptr<Retriever> makeRandomRetriever(std::uint64_t seed) {
    return std::make_unique<RandomRetriever>(seed);
}

std::unique_ptr<Retriever> makeRetriever(std::string_view name, std::uint64_t seed) {
    if (name == "bm25")
        return makeBm25Retriever();
    if (name == "recency")
        return makeRecencyRetriever();
    if (name == "random")
        return makeRandomRetriever(seed);
    return nullptr;
}

std::optional<std::vector<std::int64_t>> lampDateTuple(std::string_view date) {
    std::vector<std::int64_t> key;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dash = date.find('-', start);
        const auto part = text::pyInt(date.substr(start, dash - start));
        if (!part)
            return std::nullopt;
        key.push_back(*part);
        if (dash == std::string_view::npos)
            break;
        start = dash + 1;
    }
    return key;
}

std::vector<const ProfileItem*> retrievedItems(const UserRecord& record, const Ranking& ranking) {
    std::vector<const ProfileItem*> out;
    out.reserve(ranking.items.size());
    for (const auto& item : ranking.items)
        if (item.profileIndex < record.profile.size())
            out.push_back(&record.profile[item.profileIndex]);
    return out;
}

std::vector<std::string> matchedQueryTerms(std::string_view query, std::string_view text) {
    std::unordered_set<std::string_view> present;
    text::pySplit(text, [&](std::string_view t) { present.insert(t); });
    std::unordered_set<std::string_view> seen;
    std::vector<std::string> out;
    text::pySplit(query, [&](std::string_view t) {
        if (present.count(t) && seen.insert(t).second)
            out.emplace_back(t);
    });
    return out;
}

} // namespace r2p::retrieval
