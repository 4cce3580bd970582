#include "RunResults.h"

#include "model/Task.h"
#include "pipeline/analysis/RunComparison.h"
#include "pipeline/analysis/Slices.h"
#include "pipeline/analysis/TagStatistics.h"
#include "pipeline/engine/Engine.h"

#include <QCoreApplication>
#include <QString>
#include <algorithm>
#include <iterator>

namespace r2p::ui {

const UserRunRow* RunResults::row(const std::string& userId) const {
    const auto it = byUser.find(userId);
    return it == byUser.end() ? nullptr : &it->second;
}

bool RunResults::better(const UserRunRow& r) const {
    if (!r.comparable())
        return false;
    return lowerIsBetter ? r.r2pScore < r.baselineScore : r.r2pScore > r.baselineScore;
}

bool RunResults::worse(const UserRunRow& r) const {
    if (!r.comparable())
        return false;
    return lowerIsBetter ? r.r2pScore > r.baselineScore : r.r2pScore < r.baselineScore;
}

Result<TagFacts> loadTagFacts(ProjectStore& store, std::int64_t runId) {
    analysis::TagStatisticsRequest request;
    request.runId = runId;
    request.bootstrap.resamples = 0;
    bool bad = false;
    auto stats = analysis::tagStatistics(store, request, bad);
    if (!stats)
        return stats.error();
    TagFacts out;
    for (const auto& system : stats->systems)
        for (const auto& c : system.chainChecks) {
            auto [it, fresh] = out.try_emplace(c.userId);
            UserTagFacts& f = it->second;
            f.minScore = fresh ? c.constraintScore : std::min(f.minScore, c.constraintScore);
            f.violation = f.violation || !c.violations.empty();
            if (fresh) {
                f.inEvery = c.tags;
            } else {
                std::vector<std::string> both;
                std::set_intersection(f.inEvery.begin(), f.inEvery.end(), c.tags.begin(),
                                      c.tags.end(), std::back_inserter(both));
                f.inEvery = std::move(both);
            }
        }
    return out;
}

std::vector<std::string> comparableMetrics(TaskId task) {
    if (task == TaskId::Invalid)
        return {};
    if (taskSpec(task).kind == TaskKind::Generation)
        return analysis::taskMetrics(TaskKind::Generation);
    return {analysis::mainMetric(task)};
}

std::string comparedMetric(const RunInfo& info, const std::string& requested) {
    const auto allowed = comparableMetrics(info.task);
    if (std::find(allowed.begin(), allowed.end(), requested) != allowed.end())
        return requested;
    return analysis::mainMetric(info.task,
                                engine::engineConfigFromJson(info.config, info.model).mainMetric);
}

Result<RunResults> loadRunResults(RunStore& runs, std::int64_t runId, SystemId baseline,
                                  const std::string& metric) {
    auto info = runs.run(runId);
    if (!info)
        return info.error();
    auto outcomes = runs.outcomes(runId);
    if (!outcomes)
        return outcomes.error();
    RunResults r;
    r.runId = runId;
    r.info = *info;
    r.metric = comparedMetric(*info, metric);
    r.lowerIsBetter = analysis::lowerIsBetter(r.metric);
    const auto& systems = info->systems;
    if (baseline != SystemId::Invalid &&
        (baseline == SystemId::R2P ||
         std::find(systems.begin(), systems.end(), baseline) == systems.end()))
        return Error{
            QCoreApplication::translate("r2p::ui::RunResults",
                                        "Run %1 has no %2 answers to compare R2P with.")
                .arg(runId)
                .arg(QString::fromUtf8(systemName(baseline).data(),
                                       static_cast<qsizetype>(systemName(baseline).size())))
                .toStdString()};
    if (baseline == SystemId::Invalid) {
        if (std::find(systems.begin(), systems.end(), SystemId::LampRag) != systems.end())
            baseline = SystemId::LampRag;
        else
            for (SystemId s : systems)
                if (s != SystemId::R2P) {
                    baseline = s;
                    break;
                }
    }
    r.baseline = baseline;
    r.byUser.reserve(info->users.size());
    for (const auto& o : *outcomes) {
        UserRunRow& row = r.byUser[o.userId];
        row.failed = row.failed || o.status != UserStatus::Done;
        double score = 0;
        bool scored = false;
        for (const auto& [key, value] : o.scores)
            if (key == r.metric) {
                score = value;
                scored = o.status == UserStatus::Done;
            }
        if (o.system == SystemId::R2P) {
            row.hasR2p = true;
            row.r2p = o.prediction;
            row.r2pScore = score;
            row.r2pScored = scored;
            row.interventions = o.interventions;
            row.contradicted = o.contradicted;
            row.r2pFormatOk = o.formatOk;
        } else if (o.system == baseline) {
            row.hasBaseline = true;
            row.baseline = o.prediction;
            row.baselineScore = score;
            row.baselineScored = scored;
        }
    }
    r.outcomes = std::move(*outcomes);
    for (std::size_t i = 0; i < r.outcomes.size(); ++i)
        r.outcomesOf[r.outcomes[i].userId].push_back(i);
    return r;
}

} // namespace r2p::ui
