// The response cache in the project file: a model's full answer to one exact request, with its
// timing, so re-running a finished experiment makes no network call and demos can replay it.
#pragma once

#include "ProjectReaders.h"
#include "ProjectStore.h"
#include "Result.h"
#include "Sqlite.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace r2p {

struct TimedDelta {
    double atMs = 0; // since the request was sent
    std::string reasoning;
    std::string answer;
};

struct CachedResponse {
    std::string backend;
    std::string endpoint; // the normalized base URL that gave the answer; empty before schema 5
    std::string model;
    std::string request; // the canonical request JSON (never holds an API key); stored
                         // compressed as steptext::encode() makes it (schema 15)
    std::string reasoning;
    std::string answer;
    std::string finishReason;
    std::string usage; // JSON object, or empty
    double firstTokenMs = 0;
    double totalMs = 0;
    std::vector<TimedDelta> deltas;
};

// Answers just stored, held in memory by shared key for the pass that reads them right after (a
// batch ingest advancing every user): each is found without a lookup. Holds what a lookup that
// leaves the request out reads, exactly as it would read it. Filled by one thread, then read by
// any number.
class RecentAnswers {
public:
    // Remembers `response` under `sharedKey` (a later one replaces it, as the newer row would),
    // without its request. One whose texts a lookup would not read back byte for byte (not
    // valid UTF-8 in its deltas) is forgotten instead: a lookup reads that one.
    void add(const std::string& sharedKey, const CachedResponse& response);
    const CachedResponse* find(const std::string& sharedKey) const;
    // Takes `later`'s answers, which replace any of the same key.
    void merge(RecentAnswers&& later);
    std::size_t size() const { return bySharedKey_.size(); }

private:
    std::unordered_map<std::string, CachedResponse> bySharedKey_;
};

class ResponseCache {
public:
    explicit ResponseCache(ProjectStore& store) : store_(store) {}
    // getShared() without the request answers from `recent` what it holds, and looks up the
    // rest. For a pass right after the answers were stored, with nothing stored between.
    void readRecentFirst(std::shared_ptr<const RecentAnswers> recent) {
        recent_ = std::move(recent);
    }
    // Lookups read on these connections (one lent per lookup) rather than queue for the
    // project's lock; what they cannot read (a row compressed with a dictionary trained after
    // they opened) is read on the project's connection. They see only committed answers: for
    // a pass that reads answers stored before it (a batch round), not for one that stores them.
    void readOn(std::shared_ptr<ProjectReaders> readers) { readers_ = std::move(readers); }
    // SHA-256 of backend, model and the canonical request (which holds the sampling and the
    // seed): the key shared by every endpoint (--cache-scope shared), and the key of entries
    // stored before schema 5.
    static std::string key(const std::string& backend, const std::string& model,
                           const std::string& canonicalRequest);
    // The same with the endpoint (normalized base URL): an answer of server A is never taken
    // for server B's.
    static std::string endpointKey(const std::string& backend, const std::string& endpoint,
                                   const std::string& model, const std::string& canonicalRequest);
    // What a lookup reads: the whole entry, or all but the request (which the key stands for:
    // a hit that only replays the answer leaves it empty rather than read it).
    enum class Read { All, WithoutRequest };
    Result<std::optional<CachedResponse>> get(const std::string& key, Read what = Read::All) const;
    // The most recent answer stored under this shared key, from whichever endpoint.
    Result<std::optional<CachedResponse>> getShared(const std::string& sharedKey,
                                                    Read what = Read::All) const;
    // Stores under `key`, findable by `sharedKey` too (empty: `key` is the shared key).
    Status put(const std::string& key, const CachedResponse& response,
               const std::string& sharedKey = {});
    struct Entry {
        std::string key;
        CachedResponse response;
        std::string sharedKey;
        // response.request as steptext::encode() stored it, when the caller holds that already
        // (a batch round keeps its bodies so): stored as it is instead of compressed again.
        std::optional<steptext::Stored> storedRequest;
        // response.deltas as the deltas column keeps them (deltasJson()), when made ahead (on
        // the threads that parse a batch output, rather than the one that stores it).
        std::optional<std::string> deltas;
    };
    // The deltas column's JSON: [[at_ms, reasoning, answer], ...].
    static std::string deltasJson(const CachedResponse& response);
    // Stores all of them in one transaction: all or none.
    Status putAll(const std::vector<Entry>& entries);
    // Stores entries one at a time, all in one transaction, without holding them all in memory
    // (a batch engine's output of 100,000 answers): none is stored until commit(); a writer
    // destroyed without commit() (an error, a kill) stores none of them. Holds the project's
    // lock while it lives: the thread that made it may read the project meanwhile, others wait.
    // Every entry is stored with the time the writer was made (created_at): of two answers to
    // one request, the later put still wins, as it replaces the row.
    class Writer {
    public:
        explicit Writer(ResponseCache& cache);
        Writer(const Writer&) = delete;
        Writer& operator=(const Writer&) = delete;
        // Ok, or why the transaction could not be begun (then put() and commit() fail too).
        const Status& begun() const { return begun_; }
        Status put(const Entry& entry);
        Status commit();

    private:
        ResponseCache& cache_;
        std::unique_lock<std::recursive_mutex> lock_;
        sql::Transaction tx_;
        Status begun_;
        std::string createdAt_;
    };
    Result<std::uint64_t> size() const;

private:
    Status putLocked(const std::string& key, const CachedResponse& response,
                     const std::string& sharedKey, const steptext::Stored* storedRequest = nullptr,
                     const std::string* deltas = nullptr, const std::string* createdAt = nullptr);
    // The row of `key` the query selects; `newest`: of several, the one of the latest
    // created_at (column 11), then the highest rowid (column 12).
    Result<std::optional<CachedResponse>> lookup(const std::string& sql, const std::string& key,
                                                 bool newest) const;
    ProjectStore& store_;
    std::shared_ptr<ProjectReaders> readers_;
    std::shared_ptr<const RecentAnswers> recent_;
};

} // namespace r2p
