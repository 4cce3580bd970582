#include "RunResults.h"

#include "pipeline/analysis/Slices.h"
#include "pipeline/engine/Engine.h"

#include <QCoreApplication>
#include <QString>
#include <algorithm>

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

Result<RunResults> loadRunResults(RunStore& runs, std::int64_t runId, SystemId baseline) {
    auto info = runs.run(runId);
    if (!info)
        return info.error();
    auto outcomes = runs.outcomes(runId);
    if (!outcomes)
        return outcomes.error();
    RunResults r;
    r.runId = runId;
    r.info = *info;
    r.metric = analysis::mainMetric(
        info->task, engine::engineConfigFromJson(info->config, info->model).mainMetric);
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
