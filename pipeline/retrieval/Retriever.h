// Retrieval: ranks a user's profile against the query LaMP derives from the input. BM25 (LaMP
// exact), recency and seeded random ship here; an embedding retriever implements the same
// interface.
#pragma once

#include "Bm25.h"
#include "model/Finding.h"
#include "model/Record.h"
#include "model/Result.h"
#include "model/Task.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::retrieval {

struct RetrievalOptions {
    std::size_t k = 5;        // items kept, best first; 0 keeps the whole profile
    bool useDate = false;     // LaMP's use_date: item text gets " date: <date>" appended
    bool matchedTerms = true; // fill RetrievedItem::matchedTerms (the CLI turns it off)
};

struct RetrievedItem {
    std::size_t profileIndex = 0; // position in UserRecord::profile
    std::string profileId;
    // Higher is better. BM25: the rank_bm25 score. Rankers without a relevance score (recency,
    // random) give (n - rank) / n, so the best of n items has 1 and the last 1/n.
    double score = 0;
    std::vector<std::string> matchedTerms; // distinct query tokens found in the item's text
};

struct Ranking {
    std::string query; // the query as used, after LaMP's extraction from the input
    std::vector<RetrievedItem> items;
    // Fallbacks taken (missing input marker, unparsable dates, empty profile); never fatal.
    std::vector<Finding> findings;
};

class Retriever {
public:
    virtual ~Retriever() = default;
    // "bm25", "recency", "random", ...: what the UI and the CLI call it.
    virtual std::string name() const = 0;
    // An Error only when the ranking could not be made at all (e.g. an embedding server is
    // unreachable); input problems are findings on a best-effort ranking.
    virtual Result<Ranking> rank(const UserRecord& record, TaskId task,
                                 const RetrievalOptions& options) const = 0;
};

std::unique_ptr<Retriever> makeBm25Retriever(const Bm25Params& params = {});
// Newest first, exactly as rank_profiles.py's recency ranker: a stable ascending sort by the
// date tuple, then reversed, so among equal dates the later profile item comes first.
std::unique_ptr<Retriever> makeRecencyRetriever();
// A deterministic shuffle per user: mt19937_64 seeded from `seed` and the question id, then
// Fisher-Yates. The same seed gives the same order on every platform; it does not reproduce
// Python's random module.
std::unique_ptr<Retriever> makeRandomRetriever(std::uint64_t seed);

// "bm25", "recency", "random" -> a retriever; nullptr for other names.
std::unique_ptr<Retriever> makeRetriever(std::string_view name, std::uint64_t seed = 0);

// LaMP's date key: tuple(map(int, str(date).split("-"))). A year 2019 gives (2019), a
// "2019-05-03" gives (2019, 5, 3); Python compares them element-wise, a shorter prefix first.
// nullopt where Python's int() would fail (empty, "n/a", missing date).
std::optional<std::vector<std::int64_t>> lampDateTuple(std::string_view date);

// The retrieved profile items in ranking order, e.g. for prompt::buildLampPrompt.
std::vector<const ProfileItem*> retrievedItems(const UserRecord& record, const Ranking& ranking);

// The distinct tokens of `query` (str.split(), query order) that occur in `text`.
std::vector<std::string> matchedQueryTerms(std::string_view query, std::string_view text);

} // namespace r2p::retrieval
