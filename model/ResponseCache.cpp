#include "ResponseCache.h"

#include "JsonText.h"
#include "Sha256.h"
#include "Sqlite.h"
#include "Utf8.h"
#include "Util.h"

#include <initializer_list>
#include <mutex>
#include <nlohmann/json.hpp>

namespace r2p {

namespace {
// SHA-256 (hex) of the parts, each as "<length>:<bytes>;" after `prefix`: length-prefixed, so
// no two different lists hash the same bytes. Hashed piece by piece: the same digest as of the
// joined string, without copying a 2.5 KB request into it twice per key.
std::string keyOf(std::string_view prefix, std::initializer_list<const std::string*> parts) {
    Sha256 sha;
    sha.update(prefix);
    for (const std::string* part : parts) {
        sha.update(std::to_string(part->size()));
        sha.update(":");
        sha.update(*part);
        sha.update(";");
    }
    const auto digest = sha.digest();
    return hexOf(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}
} // namespace

std::string ResponseCache::key(const std::string& backend, const std::string& model,
                               const std::string& canonicalRequest) {
    return keyOf("", {&backend, &model, &canonicalRequest});
}

std::string ResponseCache::endpointKey(const std::string& backend, const std::string& endpoint,
                                       const std::string& model,
                                       const std::string& canonicalRequest) {
    return keyOf("endpoint;", {&backend, &endpoint, &model, &canonicalRequest});
}

namespace {
// The columns a lookup reads, in the order it reads them; without the request, '' stands in
// its place.
std::string columns(ResponseCache::Read what) {
    return std::string("SELECT backend, model, ") +
           (what == ResponseCache::Read::All ? "request" : "''") +
           ", reasoning, answer, finish_reason, usage, first_token_ms, total_ms, deltas, endpoint";
}
} // namespace

void RecentAnswers::add(const std::string& sharedKey, const CachedResponse& response) {
    // A lookup reads the deltas back from their JSON, which replaces what is not UTF-8.
    for (const auto& d : response.deltas)
        if (!isValidUtf8(d.reasoning) || !isValidUtf8(d.answer)) {
            bySharedKey_.erase(sharedKey);
            return;
        }
    // Copied field by field, the request left out: made here, the copies lie together, not
    // among the freed buffers of the threads that parsed them (which held 250 MB more at 100k).
    CachedResponse kept;
    kept.backend = response.backend;
    kept.endpoint = response.endpoint;
    kept.model = response.model;
    kept.reasoning = response.reasoning;
    kept.answer = response.answer;
    kept.finishReason = response.finishReason;
    kept.usage = response.usage;
    kept.firstTokenMs = response.firstTokenMs;
    kept.totalMs = response.totalMs;
    kept.deltas = response.deltas;
    bySharedKey_.insert_or_assign(sharedKey, std::move(kept));
}

void RecentAnswers::merge(RecentAnswers&& later) {
    if (bySharedKey_.empty()) {
        bySharedKey_ = std::move(later.bySharedKey_);
        return;
    }
    for (auto& [key, response] : later.bySharedKey_)
        bySharedKey_.insert_or_assign(key, std::move(response));
    later.bySharedKey_.clear();
}

const CachedResponse* RecentAnswers::find(const std::string& sharedKey) const {
    const auto it = bySharedKey_.find(sharedKey);
    return it == bySharedKey_.end() ? nullptr : &it->second;
}

Result<std::optional<CachedResponse>> ResponseCache::getShared(const std::string& sharedKey,
                                                               Read what) const {
    if (recent_ && what == Read::WithoutRequest)
        if (const CachedResponse* known = recent_->find(sharedKey))
            return std::optional<CachedResponse>(*known);
    // The newest row (ORDER BY created_at DESC, rowid DESC), chosen in lookup: in SQL that order
    // makes SQLite build a temporary b-tree for every lookup, most of the cost of one.
    return lookup(columns(what) + ", created_at, rowid FROM response_cache WHERE shared_key = ?1",
                  sharedKey, true);
}

Result<std::optional<CachedResponse>> ResponseCache::get(const std::string& key, Read what) const {
    return lookup(columns(what) + " FROM response_cache WHERE key = ?1", key, false);
}

namespace {
// The row the statement stands on; an error when its request cannot be decoded (damaged).
Result<CachedResponse> responseOf(const sql::Statement& st, const steptext::Dictionaries& dicts) {
    CachedResponse r;
    r.backend = st.text(0);
    r.model = st.text(1);
    // Compressed since schema 15 (a BLOB); a TEXT value is the request itself. Without the
    // request ('' read in its place) there is nothing to decode.
    if (st.isBlob(2)) {
        auto request = steptext::decode(st.bytes(2), true, nullptr, &dicts);
        if (!request)
            return Error{"the request of a cached answer: " + request.error().message};
        r.request = std::move(*request);
    } else {
        r.request = st.text(2);
    }
    r.reasoning = st.text(3);
    r.answer = st.text(4);
    r.finishReason = st.text(5);
    r.usage = st.text(6);
    r.firstTokenMs = st.real(7);
    r.totalMs = st.real(8);
    r.endpoint = st.text(10);
    const auto deltas = nlohmann::json::parse(st.bytes(9), nullptr, false);
    if (deltas.is_array())
        for (const auto& d : deltas)
            if (d.is_array() && d.size() == 3 && d[0].is_number() && d[1].is_string() &&
                d[2].is_string())
                r.deltas.push_back(
                    {d[0].get<double>(), d[1].get<std::string>(), d[2].get<std::string>()});
    return r;
}
} // namespace

namespace {
// The lookup on one connection (the project's, or a reader's); `path` names the file in errors.
Result<std::optional<CachedResponse>> lookupOn(const ProjectStore& db, const std::string& sql,
                                               const std::string& key, bool newest) {
    const steptext::Dictionaries& dicts = db.stepDictionaries(); // before the lock: once
    std::lock_guard lock(db.mutex()); // one transaction at a time on the connection
    sql::Statement& st = db.cachedStatement(sql);
    st.bind(1, key);
    std::optional<CachedResponse> found;
    std::string damaged; // why the chosen row cannot be read
    std::string foundAt; // newest: the created_at and rowid of `found`
    std::int64_t foundRow = 0;
    while (st.step()) {
        if (newest) {
            std::string at = st.text(11);
            const std::int64_t row = st.int64(12);
            if (found && (at < foundAt || (at == foundAt && row < foundRow)))
                continue;
            foundAt = std::move(at);
            foundRow = row;
        }
        auto read = responseOf(st, dicts);
        if (read) {
            found = std::move(*read);
            damaged.clear();
        } else {
            found.reset();
            damaged = read.error().message;
        }
        if (!newest)
            break; // a key is unique
    }
    // A cached statement left mid-read would hold a read snapshot open.
    const bool failed = st.failed();
    const std::string error = failed ? st.error() : std::string();
    st.reset();
    if (failed)
        return Error{db.path() + ": cannot read the response cache: " + error};
    if (!damaged.empty())
        return Error{db.path() + ": cannot read the response cache: " + damaged};
    return found;
}
} // namespace

Result<std::optional<CachedResponse>>
ResponseCache::lookup(const std::string& sql, const std::string& key, bool newest) const {
    if (readers_) {
        auto read = lookupOn(*readers_->lend(), sql, key, newest);
        if (read)
            return read;
        // Whatever a reader could not read, the project's own connection answers (or says why).
    }
    return lookupOn(store_, sql, key, newest);
}

Status ResponseCache::put(const std::string& key, const CachedResponse& r,
                          const std::string& sharedKey) {
    std::lock_guard lock(store_.mutex()); // one transaction at a time on the connection
    return putLocked(key, r, sharedKey);
}

Status ResponseCache::putAll(const std::vector<Entry>& entries) {
    std::lock_guard lock(store_.mutex());
    sql::Transaction tx(store_.handle());
    if (!tx.begun())
        return Error{store_.path() + ": cannot store responses: " + tx.begun().error().message};
    for (const auto& e : entries)
        if (auto s = putLocked(e.key, e.response, e.sharedKey,
                               e.storedRequest ? &*e.storedRequest : nullptr);
            !s)
            return s; // rolled back: none of them is stored
    if (auto s = tx.commit(); !s)
        return Error{store_.path() + ": cannot store responses: " + s.error().message};
    return Ok{};
}

ResponseCache::Writer::Writer(ResponseCache& cache)
    : cache_(cache), lock_(cache.store_.mutex()), tx_(cache.store_.handle()),
      begun_(tx_.begun() ? Status(Ok{})
                         : Error{cache.store_.path() +
                                 ": cannot store responses: " + tx_.begun().error().message}),
      createdAt_(nowIsoUtc()) {}

Status ResponseCache::Writer::put(const Entry& e) {
    if (!begun_)
        return begun_;
    return cache_.putLocked(e.key, e.response, e.sharedKey,
                            e.storedRequest ? &*e.storedRequest : nullptr,
                            e.deltas ? &*e.deltas : nullptr, &createdAt_);
}

std::string ResponseCache::deltasJson(const CachedResponse& response) {
    nlohmann::json deltas = nlohmann::json::array();
    for (const auto& d : response.deltas)
        deltas.push_back({d.atMs, d.reasoning, d.answer});
    return dumpJson(deltas);
}

Status ResponseCache::Writer::commit() {
    if (!begun_)
        return begun_;
    if (auto s = tx_.commit(); !s)
        return Error{cache_.store_.path() + ": cannot store responses: " + s.error().message};
    return Ok{};
}

Status ResponseCache::putLocked(const std::string& key, const CachedResponse& r,
                                const std::string& sharedKey, const steptext::Stored* storedRequest,
                                const std::string* deltas, const std::string* createdAt) {
    // The request compressed (schema 15): uncompressed, a cached answer took a page of its own.
    const steptext::Stored encoded =
        storedRequest ? steptext::Stored{} : steptext::encode(r.request);
    const steptext::Stored& request = storedRequest ? *storedRequest : encoded;
    std::string madeDeltas, madeAt;
    const std::string& deltasText = deltas ? *deltas : (madeDeltas = deltasJson(r));
    const std::string& at = createdAt ? *createdAt : (madeAt = nowIsoUtc());
    sql::Statement& st = store_.cachedStatement(
        "INSERT OR REPLACE INTO response_cache(key, backend, model, request, reasoning, answer, "
        "finish_reason, usage, first_token_ms, total_ms, deltas, created_at, endpoint, "
        "shared_key) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    st.bind(1, key)
        .bind(2, r.backend)
        .bind(3, r.model)
        .bind(5, r.reasoning)
        .bind(6, r.answer)
        .bind(7, r.finishReason)
        .bind(8, r.usage)
        .bind(9, r.firstTokenMs)
        .bind(10, r.totalMs)
        .bind(11, deltasText)
        .bind(12, at)
        .bind(13, r.endpoint)
        .bind(14, sharedKey.empty() ? key : sharedKey);
    if (request.blob)
        st.bindBlob(4, request.bytes);
    else
        st.bind(4, request.bytes);
    if (auto s = st.run(); !s)
        return Error{store_.path() + ": cannot store a response: " + s.error().message};
    return Ok{};
}

Result<std::uint64_t> ResponseCache::size() const {
    std::lock_guard lock(store_.mutex()); // one transaction at a time on the connection
    sql::Statement st(store_.handle(), "SELECT COUNT(*) FROM response_cache");
    if (!st.step())
        return Error{store_.path() + ": cannot read the response cache: " + st.error()};
    return static_cast<std::uint64_t>(st.int64(0));
}

} // namespace r2p
