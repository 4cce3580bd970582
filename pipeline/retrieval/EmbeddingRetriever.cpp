#include "EmbeddingRetriever.h"

#include "RankingFill.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace r2p::retrieval {

double cosineSimilarity(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size() || a.empty())
        return 0;
    double dot = 0, na = 0, nb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * double(b[i]);
        na += double(a[i]) * double(a[i]);
        nb += double(b[i]) * double(b[i]);
    }
    if (na == 0 || nb == 0)
        return 0;
    return dot / (std::sqrt(na) * std::sqrt(nb));
}

namespace {

class EmbeddingRetriever final : public Retriever {
public:
    EmbeddingRetriever(llm::EndpointConfig endpoint, std::string model, std::size_t batchSize)
        : backend_(std::move(endpoint)), model_(std::move(model)),
          batch_(std::max<std::size_t>(1, batchSize)) {}

    std::string name() const override { return "embedding"; }

    Result<Ranking> rank(const UserRecord& record, TaskId task,
                         const RetrievalOptions& options) const override {
        QueryCorpus qc;
        Ranking ranking;
        if (!detail::startFromCorpus(record, task, options, qc, ranking))
            return ranking;
        auto query = backend_.embed(model_, {ranking.query});
        if (!query)
            return Error{"embedding retrieval for record " + record.id + ": " +
                         query.error().message};
        std::vector<double> scores(qc.corpus.size(), 0.0);
        for (std::size_t start = 0; start < qc.corpus.size(); start += batch_) {
            const std::size_t end = std::min(qc.corpus.size(), start + batch_);
            const std::vector<std::string> texts(qc.corpus.begin() + static_cast<long>(start),
                                                 qc.corpus.begin() + static_cast<long>(end));
            auto vectors = backend_.embed(model_, texts);
            if (!vectors)
                return Error{"embedding retrieval for record " + record.id + ": " +
                             vectors.error().message};
            for (std::size_t i = start; i < end; ++i)
                scores[i] = cosineSimilarity((*query)[0], (*vectors)[i - start]);
        }
        std::vector<std::size_t> order(scores.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        // Best first; equal scores keep profile order, so the ranking is deterministic.
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
        detail::fillItems(ranking, record, order, &scores, options, &qc.corpus);
        return ranking;
    }

private:
    llm::OpenAiBackend backend_;
    std::string model_;
    std::size_t batch_;
};

} // namespace

std::unique_ptr<Retriever> makeEmbeddingRetriever(llm::EndpointConfig endpoint, std::string model,
                                                  std::size_t batchSize) {
    return std::make_unique<EmbeddingRetriever>(std::move(endpoint), std::move(model), batchSize);
}

} // namespace r2p::retrieval
