// The embedding retriever against the test server's deterministic embeddings.
#include "pipeline/retrieval/EmbeddingRetriever.h"
#include "support/OpenAiTestServer.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <numeric>

using namespace r2p;
using namespace r2p::retrieval;
using r2p::test::OpenAiTestServer;

namespace {
UserRecord newsUser(int items) {
    UserRecord u;
    u.id = "4100";
    u.input = "Generate a headline for the following article: Council votes on the bridge repairs";
    for (int i = 0; i < items; ++i)
        u.profile.push_back({"p" + std::to_string(i),
                             {{"title", "title " + std::to_string(i)},
                              {"text", "story number " + std::to_string(i * 7)}}});
    return u;
}
} // namespace

TEST(EmbeddingRetriever, RanksByCosineOverServerEmbeddingsInBatches) {
    r2p::test::ServerOptions options;
    options.embeddingDimension = 12;
    OpenAiTestServer server(options);
    llm::EndpointConfig config;
    config.baseUrl = server.baseUrl();
    const auto retriever = makeEmbeddingRetriever(config, "embedder", 4);
    EXPECT_EQ(retriever->name(), "embedding");
    const UserRecord user = newsUser(10);
    RetrievalOptions opts;
    opts.k = 3;
    auto r = retriever->rank(user, TaskId::LaMP4, opts);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->query, "Council votes on the bridge repairs");
    ASSERT_EQ(r->items.size(), 3u);
    // The same order computed here from the server's embedding function.
    const auto q = OpenAiTestServer::embeddingFor(r->query, 12);
    std::vector<double> scores;
    for (const auto& item : user.profile)
        scores.push_back(cosineSimilarity(
            q, OpenAiTestServer::embeddingFor(
                   std::string(item.field("title")) + " " + std::string(item.field("text")), 12)));
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return scores[a] > scores[b]; });
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(r->items[i].profileIndex, order[i]);
        EXPECT_DOUBLE_EQ(r->items[i].score, scores[order[i]]);
    }
    // One request for the query, then batches of 4 for 10 items.
    EXPECT_EQ(server.requestCount(), 4u);
}

TEST(EmbeddingRetriever, AnUnreachableServerIsAnErrorNamingTheRecord) {
    llm::EndpointConfig config;
    config.baseUrl = "http://127.0.0.1:1/v1";
    config.connectTimeoutMs = 500;
    auto r = makeEmbeddingRetriever(config, "embedder")->rank(newsUser(2), TaskId::LaMP4, {});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("record 4100"), std::string::npos) << r.error().message;
}

TEST(EmbeddingRetriever, CosineEdges) {
    EXPECT_DOUBLE_EQ(cosineSimilarity({1, 0}, {1, 0}), 1.0);
    EXPECT_DOUBLE_EQ(cosineSimilarity({1, 0}, {0, 1}), 0.0);
    EXPECT_DOUBLE_EQ(cosineSimilarity({1, 0}, {-2, 0}), -1.0);
    EXPECT_EQ(cosineSimilarity({0, 0}, {1, 0}), 0.0);
    EXPECT_EQ(cosineSimilarity({1}, {1, 0}), 0.0);
}
