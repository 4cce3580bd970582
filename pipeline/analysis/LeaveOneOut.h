// Leave-one-out attribution: which retrieved items an answer rests on. One user and system run
// once with the k retrieved items, then once per item with that item taken out of the ranking
// (the others keep their order and are renumbered); each item gets the answer and the score
// without it. Nothing is stored in the project; the backend is the context's.
#pragma once

#include "model/Record.h"
#include "model/Result.h"
#include "model/Trace.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/retrieval/Retriever.h"

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace r2p::analysis {

struct LeaveOneOutRow {
    int rank = 0; // 1-based position in the full retrieval: the item cited as [P{rank}]
    std::string profileId;
    double retrievalScore = 0;
    UserStatus status = UserStatus::Invalid; // of the run without this item
    std::string answer;                      // the prediction without this item
    std::optional<double> score;             // the main metric without it (when there is a gold)
    bool answerChanged = false;              // differs from the full run's prediction
    std::optional<double> scoreDelta;        // score without - score with, in the metric's units
    std::string error;                       // when status is Failed
};

struct LeaveOneOutResult {
    std::string userId;
    SystemId system = SystemId::Invalid;
    TaskId task = TaskId::Invalid;
    std::string metric; // the task's main metric (Slices.h mainMetric)
    bool lowerIsBetter = false;
    std::optional<std::string> gold;
    std::size_t k = 0;  // the context's k
    std::string answer; // the prediction with every retrieved item
    std::optional<double> score;
    std::vector<LeaveOneOutRow> rows; // one per retrieved item, in rank order
};

// The ranking with the item at `index` (0-based) taken out; the rest keep their order.
retrieval::Ranking rankingWithout(const retrieval::Ranking& ranking, std::size_t index);

// Runs the full retrieval (the context's retriever and k), then one run per retrieved item.
// An Error when the system is no-profile or invalid, retrieval fails, the full run fails, or
// `cancel` was set (checked between stages). A run without an item that fails is a row with
// status Failed. Deterministic for a deterministic backend.
Result<LeaveOneOutResult> leaveOneOut(std::shared_ptr<const engine::EngineContext> context,
                                      const UserRecord& record, std::optional<std::string> gold,
                                      SystemId system, const std::atomic<bool>* cancel = nullptr);

// {"user", "system", "task", "metric", "lower_is_better", "gold", "k", "answer", "score",
// "items": [{"rank", "profile_id", "retrieval_score", "status", "answer", "score",
// "answer_changed", "score_delta", "error"}]}; absent scores are null.
std::string leaveOneOutJson(const LeaveOneOutResult& result);

} // namespace r2p::analysis
