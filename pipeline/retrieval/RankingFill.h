// Shared by the retrievers: the query/corpus start and turning a best-first order of profile
// indices into a Ranking.
#pragma once

#include "LampQuery.h"
#include "Retriever.h"

namespace r2p::retrieval::detail {

// Keeps the first k of `order`; `scores` (by profile index) may be null, then (n - rank) / n;
// `corpus` (by profile index) gives the matched query terms when the options ask for them.
void fillItems(Ranking& ranking, const UserRecord& record, const std::vector<std::size_t>& order,
               const std::vector<double>* scores, const RetrievalOptions& options,
               const std::vector<std::string>* corpus);

// LaMP's query and corpus for the record; false (with a finding) when the profile is empty.
bool startFromCorpus(const UserRecord& record, TaskId task, const RetrievalOptions& options,
                     QueryCorpus& qc, Ranking& ranking);

} // namespace r2p::retrieval::detail
