#include "LeaveOneOut.h"

#include "Slices.h"

#include <nlohmann/json.hpp>

namespace r2p::analysis {

namespace {

using nlohmann::ordered_json;

std::optional<double> metricOf(const UserTrace& trace, const std::string& metric) {
    if (trace.status != UserStatus::Done)
        return std::nullopt;
    for (const auto& [key, value] : trace.scores)
        if (key == metric)
            return value;
    return std::nullopt;
}

// Steps the run to its end, looking at `cancel` between stages.
Status runChecked(engine::UserRun& run, const std::atomic<bool>* cancel) {
    while (!run.finished()) {
        if (cancel && *cancel)
            return Error{"cancelled"};
        if (auto s = run.step(); !s)
            return s;
    }
    return Ok{};
}

ordered_json orNull(const std::optional<double>& v) {
    return v ? ordered_json(*v) : ordered_json();
}

} // namespace

retrieval::Ranking rankingWithout(const retrieval::Ranking& ranking, std::size_t index) {
    retrieval::Ranking out = ranking;
    if (index < out.items.size())
        out.items.erase(out.items.begin() + static_cast<std::ptrdiff_t>(index));
    return out;
}

Result<LeaveOneOutResult> leaveOneOut(std::shared_ptr<const engine::EngineContext> context,
                                      const UserRecord& record, std::optional<std::string> gold,
                                      SystemId system, const std::atomic<bool>* cancel) {
    if (!context)
        return Error{"leave-one-out has no engine context"};
    if (system == SystemId::NoProfile)
        return Error{"no-profile retrieves nothing, so there is no item to leave out"};
    if (system == SystemId::Invalid)
        return Error{"leave-one-out needs a system (r2p, lamp-rag or lrm-rag)"};
    const std::string who = "user " + record.id + " (" + std::string(systemName(system)) + ")";

    LeaveOneOutResult result;
    result.userId = record.id;
    result.system = system;
    result.task = context->task;
    result.metric = mainMetric(context->task, context->config.mainMetric);
    result.lowerIsBetter = lowerIsBetter(result.metric);
    result.gold = gold;
    result.k = context->config.k;

    retrieval::RetrievalOptions options;
    options.k = context->config.k;
    auto ranking = context->retriever->rank(record, context->task, options);
    if (!ranking)
        return Error{who + ": retrieval failed: " + ranking.error().message};

    engine::UserRun full(context, record, gold, system);
    full.setRanking(*ranking);
    if (auto s = runChecked(full, cancel); !s)
        return Error{who + ": " + s.error().message};
    if (full.trace().status != UserStatus::Done)
        return Error{who + ": the run with every item failed: " + full.trace().error};
    result.answer = full.trace().prediction;
    result.score = metricOf(full.trace(), result.metric);

    for (std::size_t i = 0; i < ranking->items.size(); ++i) {
        const auto& item = ranking->items[i];
        LeaveOneOutRow row;
        row.rank = static_cast<int>(i + 1);
        row.profileId = item.profileId;
        row.retrievalScore = item.score;
        engine::UserRun without(context, record, gold, system);
        without.setRanking(rankingWithout(*ranking, i));
        auto s = runChecked(without, cancel);
        if (!s && cancel && *cancel)
            return Error{who + ": cancelled"};
        row.status = without.trace().status;
        row.answer = without.trace().prediction;
        row.error = without.trace().error;
        row.score = metricOf(without.trace(), result.metric);
        row.answerChanged = row.status == UserStatus::Done && row.answer != result.answer;
        if (row.score && result.score)
            row.scoreDelta = *row.score - *result.score;
        result.rows.push_back(std::move(row));
    }
    return result;
}

std::string leaveOneOutJson(const LeaveOneOutResult& r) {
    ordered_json items = ordered_json::array();
    for (const auto& row : r.rows)
        items.push_back({{"rank", row.rank},
                         {"profile_id", row.profileId},
                         {"retrieval_score", row.retrievalScore},
                         {"status", userStatusName(row.status)},
                         {"answer", row.answer},
                         {"score", orNull(row.score)},
                         {"answer_changed", row.answerChanged},
                         {"score_delta", orNull(row.scoreDelta)},
                         {"error", row.error}});
    return ordered_json{
        {"user", r.userId},
        {"system", systemName(r.system)},
        {"task", r.task == TaskId::Invalid ? ordered_json() : ordered_json(taskSpec(r.task).name)},
        {"metric", r.metric},
        {"lower_is_better", r.lowerIsBetter},
        {"gold", r.gold ? ordered_json(*r.gold) : ordered_json()},
        {"k", r.k},
        {"answer", r.answer},
        {"score", orNull(r.score)},
        {"items", items}}
        .dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace r2p::analysis
