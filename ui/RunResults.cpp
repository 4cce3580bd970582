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

std::span<const UserOutcome> RunResults::outcomesOf(const std::string& userId) const {
    const UserRunRow* r = row(userId);
    // (A row made by hand, as tests do, may point past the outcomes: then it has none.)
    return r && r->first <= outcomes.size() && r->count <= outcomes.size() - r->first
               ? std::span<const UserOutcome>(outcomes).subspan(r->first, r->count)
               : std::span<const UserOutcome>();
}

namespace {
const std::string kNoAnswer;
}

const std::string& RunResults::r2pAnswer(const UserRunRow& r) const {
    return r.hasR2p && r.r2pAt < outcomes.size() ? outcomes[r.r2pAt].prediction : kNoAnswer;
}

const std::string& RunResults::baselineAnswer(const UserRunRow& r) const {
    return r.hasBaseline && r.baselineAt < outcomes.size() ? outcomes[r.baselineAt].prediction
                                                           : kNoAnswer;
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
                                  const std::string& metric, std::optional<RunInfo> known) {
    auto info = known ? Result<RunInfo>(std::move(*known)) : runs.run(runId);
    if (!info)
        return info.error();
    auto outcomes = runs.outcomes(runId);
    if (!outcomes)
        return outcomes.error();
    RunResults r;
    r.runId = runId;
    r.info = std::move(*info); // 100,000 user ids at the scale it is made for: not copied
    r.metric = comparedMetric(r.info, metric);
    r.lowerIsBetter = analysis::lowerIsBetter(r.metric);
    const auto& systems = r.info.systems;
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
    r.byUser.reserve(r.info.users.size());
    // A run's outcomes come by user (RunStore::outcomes), so each user's are one range: its row
    // is looked up once, and keeps where its answers are instead of copies of them.
    r.outcomes = std::move(*outcomes);
    UserRunRow* row = nullptr;
    for (std::size_t i = 0; i < r.outcomes.size(); ++i) {
        const UserOutcome& o = r.outcomes[i];
        if (!row || o.userId != r.outcomes[i - 1].userId) {
            row = &r.byUser[o.userId];
            row->first = i;
        }
        row->count = i + 1 - row->first;
        row->failed = row->failed || o.status != UserStatus::Done;
        double score = 0;
        bool scored = false;
        for (const auto& [key, value] : o.scores)
            if (key == r.metric) {
                score = value;
                scored = o.status == UserStatus::Done;
            }
        if (o.system == SystemId::R2P) {
            row->hasR2p = true;
            row->r2pAt = i;
            row->r2pScore = score;
            row->r2pScored = scored;
            row->interventions = o.interventions;
            row->contradicted = o.contradicted;
            row->r2pFormatOk = o.formatOk;
        } else if (o.system == baseline) {
            row->hasBaseline = true;
            row->baselineAt = i;
            row->baselineScore = score;
            row->baselineScored = scored;
        }
    }
    return r;
}

} // namespace r2p::ui
