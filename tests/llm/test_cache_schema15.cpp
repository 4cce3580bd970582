// Schema 15: response_cache.request is stored compressed (StepTextCodec's form). A schema-14
// project's cached requests are converted when it is opened, read back byte for byte under the
// same keys; new answers are stored compressed, and a request a caller has compressed already
// is stored as it is.
#include "model/ProjectStore.h"
#include "model/ResponseCache.h"
#include "model/Sha256.h"
#include "model/Sqlite.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace r2p;

namespace {

// A request as long as a batch round's (~2.5 KB), with quotes, escapes and UTF-8 in it.
std::string longRequest(int n) {
    std::string r = R"({"max_tokens":4176,"messages":[{"content":")";
    for (int i = 0; i < 60; ++i)
        r += "item " + std::to_string(n * 100 + i) + " \\\"Zürich\\\" – 北京 headline words; ";
    r += R"(","role":"user"}],"model":"m","seed":)" + std::to_string(n) + R"(,"stream":true})";
    return r;
}

// The SQLite type of the request column of the row stored under `key`.
std::string requestType(ProjectStore& store, const std::string& key) {
    sql::Statement st(store.handle(), "SELECT typeof(request) FROM response_cache WHERE key = ?1");
    st.bind(1, key);
    return st.step() ? st.text(0) : std::string("(no row)");
}

} // namespace

TEST(CacheSchema15, ConvertsASchema14ProjectsRequestsAndReadsThemBackUnchanged) {
    test::TempDir dir;
    const std::string path = dir.file("v14.r2p");
    const std::vector<std::string> requests = {longRequest(1), longRequest(2), R"({"model":"m"})"};
    std::vector<std::string> keys;
    {
        auto store = ProjectStore::open(path);
        ASSERT_TRUE(store);
        // As schema 14 stored them: every request plain TEXT.
        for (std::size_t i = 0; i < requests.size(); ++i) {
            keys.push_back(ResponseCache::key("openai", "m", requests[i]));
            sql::Statement ins((*store)->handle(),
                               "INSERT INTO response_cache(key, backend, model, request, "
                               "reasoning, answer, finish_reason, created_at, shared_key) "
                               "VALUES(?1, 'openai', 'm', ?2, '', ?3, 'stop', "
                               "'2026-01-01T00:00:00Z', ?1)");
            ins.bind(1, keys.back()).bind(2, requests[i]).bind(3, "answer " + std::to_string(i));
            ASSERT_TRUE(ins.run().ok());
            ASSERT_EQ(requestType(**store, keys.back()), "text");
        }
        ASSERT_TRUE(sql::exec((*store)->handle(), "PRAGMA user_version=14").ok());
    }
    auto store = ProjectStore::open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    EXPECT_EQ((*store)->schemaVersion(), ProjectStore::kSchemaVersion);
    ResponseCache cache(**store);
    ASSERT_EQ(cache.size().value(), requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
        // Long requests were compressed; the short one stays TEXT (compressing it gains nothing).
        EXPECT_EQ(requestType(**store, keys[i]), i < 2 ? "blob" : "text");
        auto got = cache.get(keys[i]);
        ASSERT_TRUE(got) << got.error().message;
        ASSERT_TRUE(got->has_value());
        EXPECT_EQ((*got)->request, requests[i]);
        EXPECT_EQ((*got)->answer, "answer " + std::to_string(i));
        auto shared = cache.getShared(keys[i]);
        ASSERT_TRUE(shared);
        ASSERT_TRUE(shared->has_value());
        EXPECT_EQ((*shared)->request, requests[i]);
        // Without the request, nothing is decoded: the answer alone.
        auto bare = cache.getShared(keys[i], ResponseCache::Read::WithoutRequest);
        ASSERT_TRUE(bare);
        ASSERT_TRUE(bare->has_value());
        EXPECT_EQ((*bare)->request, "");
        EXPECT_EQ((*bare)->answer, "answer " + std::to_string(i));
    }
}

TEST(CacheSchema15, StoresNewRequestsCompressedAndAGivenStoredFormAsItIs) {
    test::TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    ResponseCache cache(**store);
    CachedResponse r;
    r.backend = "openai";
    r.model = "m";
    r.request = longRequest(3);
    r.answer = "a";
    ASSERT_TRUE(cache.put("k1", r).ok());
    EXPECT_EQ(requestType(**store, "k1"), "blob");
    auto got = cache.get("k1");
    ASSERT_TRUE(got && got->has_value());
    EXPECT_EQ((*got)->request, r.request);

    // A caller that holds the compressed form (a batch round) has it stored unchanged.
    ResponseCache::Entry e;
    e.key = "k2";
    e.response = r;
    e.response.request = longRequest(4);
    e.storedRequest = steptext::encode(e.response.request);
    ASSERT_TRUE(e.storedRequest->blob);
    {
        ResponseCache::Writer writer(cache);
        ASSERT_TRUE(writer.put(e).ok());
        ASSERT_TRUE(writer.commit().ok());
    }
    sql::Statement raw((*store)->handle(), "SELECT request FROM response_cache WHERE key = 'k2'");
    ASSERT_TRUE(raw.step());
    EXPECT_EQ(raw.bytes(0), e.storedRequest->bytes);
    raw.reset();
    got = cache.get("k2");
    ASSERT_TRUE(got && got->has_value());
    EXPECT_EQ((*got)->request, longRequest(4));
}

TEST(CacheSchema15, ADamagedCompressedRequestIsAnErrorNotACrash) {
    test::TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    ResponseCache cache(**store);
    CachedResponse r;
    r.backend = "openai";
    r.model = "m";
    r.request = longRequest(5);
    ASSERT_TRUE(cache.put("k", r).ok());
    ASSERT_TRUE(
        sql::exec((*store)->handle(), "UPDATE response_cache SET request = substr(request, 1, 20)")
            .ok());
    auto got = cache.get("k");
    ASSERT_FALSE(got);
    EXPECT_NE(got.error().message.find("response cache"), std::string::npos) << got.error().message;
    // The answer alone is still read.
    auto bare = cache.get("k", ResponseCache::Read::WithoutRequest);
    ASSERT_TRUE(bare && bare->has_value());
}

// The keys are what they were (hashed piece by piece now): a project's cached answers stay
// found.
TEST(CacheSchema15, KeysAreUnchanged) {
    const std::string request = R"({"model":"m"})";
    EXPECT_EQ(ResponseCache::key("openai", "m", request),
              "36918cdf79b83ae0ecad4f426fcb1e8c531d813e1d93db0a90e5ddb40eefd5d0");
    EXPECT_EQ(ResponseCache::endpointKey("openai", "http://127.0.0.1:8000/v1", "m", request),
              "f11a5ea64a57a9e61254f4deee9ae21ae188deebcf2a23597865112cf2573713");
    // Long requests, as the joined form hashes them.
    for (int n = 0; n < 3; ++n) {
        const std::string r = longRequest(n);
        EXPECT_EQ(ResponseCache::key("openai", "m", r),
                  Sha256::hex("6:openai;1:m;" + std::to_string(r.size()) + ":" + r + ";"));
    }
}
