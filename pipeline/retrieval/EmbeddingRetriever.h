// Dense retrieval: the LaMP query and each profile item's text embedded through an
// OpenAI-compatible /v1/embeddings endpoint, ranked by cosine similarity.
#pragma once

#include "Retriever.h"
#include "pipeline/llm/OpenAiBackend.h"

#include <memory>
#include <string>

namespace r2p::retrieval {

std::unique_ptr<Retriever> makeEmbeddingRetriever(llm::EndpointConfig endpoint, std::string model,
                                                  std::size_t batchSize = 256);

// Cosine similarity; 0 when either vector is all zeros or the sizes differ.
double cosineSimilarity(const std::vector<float>& a, const std::vector<float>& b);

} // namespace r2p::retrieval
