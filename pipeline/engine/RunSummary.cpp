#include "RunSummary.h"

#include "pipeline/metrics/LampEvaluation.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <set>

namespace r2p::engine {

namespace {

using nlohmann::ordered_json;

// The users' golds and predictions as references into their rows: 400,000 rows' texts were
// copied for every summary.
std::vector<metrics::GoldRef> goldsOf(const std::vector<const UserOutcome*>& users) {
    std::vector<metrics::GoldRef> out;
    out.reserve(users.size());
    for (const auto* u : users)
        out.push_back({u->userId, *u->gold});
    return out;
}

std::vector<metrics::GoldRef> predictionsOf(const std::vector<const UserOutcome*>& users) {
    std::vector<metrics::GoldRef> out;
    out.reserve(users.size());
    for (const auto* u : users)
        out.push_back({u->userId, u->prediction});
    return out;
}

// Each user's stored scores (null where none were kept), which spare evaluateLamp computing a
// generation task's ROUGE scores again.
std::vector<const ScoreList*> storedOf(const std::vector<const UserOutcome*>& users) {
    std::vector<const ScoreList*> out;
    out.reserve(users.size());
    for (const auto* u : users)
        out.push_back(u->scores.empty() ? nullptr : &u->scores);
    return out;
}

Result<metrics::Evaluation> evaluateUsers(TaskId task, const std::vector<const UserOutcome*>& users,
                                          const metrics::BootstrapOptions& bootstrap) {
    return metrics::evaluateLamp(task, goldsOf(users), predictionsOf(users), bootstrap,
                                 storedOf(users));
}

} // namespace

std::optional<RpiEffect> rpiEffectOf(const std::vector<UserOutcome>& outcomes,
                                     const std::string& metric) {
    std::vector<const UserOutcome*> r2p, shadow;
    for (const auto& o : outcomes)
        if (o.system == SystemId::R2P)
            r2p.push_back(&o);
        else if (o.system == SystemId::R2PNoRpi)
            shadow.push_back(&o);
    return rpiEffectOf(r2p, shadow, metric);
}

std::optional<RpiEffect> rpiEffectOf(const std::vector<const UserOutcome*>& r2p,
                                     const std::vector<const UserOutcome*>& shadowRows,
                                     const std::string& metric) {
    const auto scoreOf = [&](const UserOutcome& o) -> std::optional<double> {
        if (o.status != UserStatus::Done || !o.gold)
            return std::nullopt;
        for (const auto& [k, v] : o.scores)
            if (k == metric)
                return v;
        return std::nullopt;
    };
    std::map<std::string, const UserOutcome*> shadow;
    for (const auto* o : shadowRows)
        shadow[o->userId] = o;
    if (shadow.empty() || metric.empty())
        return std::nullopt;
    RpiEffect e;
    e.metric = metric;
    e.lowerIsBetter = metrics::metricDirection(metric) == metrics::Better::Lower;
    double with = 0, without = 0;
    for (const auto* row : r2p) {
        const UserOutcome& o = *row;
        const auto it = shadow.find(o.userId);
        if (it == shadow.end())
            continue;
        const auto a = scoreOf(o), b = scoreOf(*it->second);
        if (!a || !b)
            continue;
        RpiEffectUser u;
        u.userId = o.userId;
        u.interventions = o.interventions;
        u.withRpi = *a;
        u.withoutRpi = *b;
        const int better = *a == *b ? 0 : (*a < *b) == e.lowerIsBetter ? 1 : -1;
        u.effect = better;
        with += *a;
        without += *b;
        ++e.users;
        if (o.interventions > 0) {
            ++e.intervened;
            e.helped += better > 0 ? 1 : 0;
            e.hurt += better < 0 ? 1 : 0;
            e.unchanged += better == 0 ? 1 : 0;
        } else if (better != 0) {
            ++e.differWithoutIntervention;
        }
        e.perUser.push_back(std::move(u));
    }
    if (e.users == 0)
        return std::nullopt;
    e.meanWithRpi = with / static_cast<double>(e.users);
    e.meanWithoutRpi = without / static_cast<double>(e.users);
    return e;
}

namespace {

// One system's counts and means over its stored users; its scored users (with a gold) in
// outcome order go to `scored`.
SystemSummary countSystem(SystemId system, const std::vector<const UserOutcome*>& rows,
                          std::vector<const UserOutcome*>& scored) {
    SystemSummary s;
    s.system = system;
    double formatOk = 0, tokens = 0, interventions = 0;
    std::size_t done = 0;
    for (const auto* row : rows) {
        const UserOutcome& o = *row;
        ++s.users;
        if (o.status != UserStatus::Done) {
            ++s.failed;
            continue;
        }
        ++done;
        formatOk += o.formatOk ? 1 : 0;
        tokens += static_cast<double>(o.reasoningTokens);
        interventions += o.interventions;
        if (o.gold)
            scored.push_back(&o);
    }
    if (done > 0) {
        s.formatAdherence = formatOk / static_cast<double>(done);
        s.reasoningTokensPerAnswer = tokens / static_cast<double>(done);
        s.interventionsPerUser = interventions / static_cast<double>(done);
    }
    s.scored = scored.size();
    return s;
}

// Whether R2P and a baseline scored the same users in the same order: then the paired
// evaluations are the two systems' own, and need not be made again.
bool sameUsers(const std::vector<const UserOutcome*>& a, const std::vector<const UserOutcome*>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i]->userId != b[i]->userId)
            return false;
    return true;
}

// R2P against one baseline on the users both scored (A: R2P), one entry per metric.
// `r2pOwn` and `baselineOwn` are the systems' evaluations over all their scored users.
Status
compareWithBaseline(TaskId task, SystemId baseline, const std::vector<const UserOutcome*>& r2p,
                    const std::vector<const UserOutcome*>& other, const metrics::Evaluation& r2pOwn,
                    const metrics::Evaluation& baselineOwn,
                    const metrics::BootstrapOptions& bootstrap, std::vector<DeltaSummary>& out) {
    std::optional<metrics::Evaluation> ownA, ownB;
    const metrics::Evaluation* ea = &r2pOwn;
    const metrics::Evaluation* eb = &baselineOwn;
    std::size_t users = r2p.size();
    if (!sameUsers(r2p, other)) {
        std::set<std::string> ids;
        for (const auto* u : other)
            ids.insert(u->userId);
        std::vector<const UserOutcome*> a, b;
        std::map<std::string, const UserOutcome*> byId;
        for (const auto* u : r2p)
            if (ids.count(u->userId))
                byId[u->userId] = u;
        for (const auto* u : other)
            if (byId.count(u->userId)) {
                a.push_back(byId[u->userId]);
                b.push_back(u);
            }
        if (a.empty())
            return Ok{};
        auto ra = evaluateUsers(task, a, bootstrap);
        auto rb = evaluateUsers(task, b, bootstrap);
        if (!ra || !rb)
            return Error{!ra ? ra.error().message : rb.error().message};
        ownA = std::move(*ra);
        ownB = std::move(*rb);
        ea = &*ownA;
        eb = &*ownB;
        users = a.size();
    }
    if (users == 0)
        return Ok{};
    for (const auto& [metric, value] : ea->metrics) {
        auto cmp = metrics::compareEvaluations(*ea, *eb, metric, bootstrap);
        if (!cmp)
            return cmp.error();
        DeltaSummary d;
        d.baseline = baseline;
        d.metric = metric;
        d.users = users;
        d.comparison = *cmp;
        out.push_back(std::move(d));
    }
    return Ok{};
}

} // namespace

SystemRows ownedRows(std::vector<UserOutcome> rows) {
    SystemRows out;
    out.owned = std::move(rows);
    out.rows.reserve(out.owned.size());
    for (const auto& o : out.owned)
        out.rows.push_back(&o);
    return out;
}

Result<RunSummary>
summarizeRun(std::int64_t runId, TaskId task, const std::vector<SystemId>& systems,
             const std::vector<UserOutcome>& outcomes, const VerdictCounts& verdicts,
             const metrics::BootstrapOptions& bootstrap,
             const InterventionCounts& interventionOutcomes, const std::string& mainMetric) {
    auto rowsOf = [&outcomes](SystemId system) -> Result<SystemRows> {
        SystemRows out;
        for (const auto& o : outcomes)
            if (o.system == system)
                out.rows.push_back(&o);
        return out;
    };
    return summarizeRunBySystem(runId, task, systems, rowsOf, verdicts, bootstrap,
                                interventionOutcomes, mainMetric);
}

namespace {

// What a summary read one system at a time keeps: R2P's rows and evaluation (every baseline is
// compared with them) and its shadow's rows (the RPI effect).
struct SummaryState {
    std::int64_t runId = 0;
    TaskId task = TaskId::Invalid;
    const metrics::BootstrapOptions& bootstrap;
    SystemRows r2pRows, shadowRows;
    std::vector<const UserOutcome*> r2pScored;
    std::optional<metrics::Evaluation> r2p;

    Result<metrics::Evaluation> evaluate(SystemId system,
                                         const std::vector<const UserOutcome*>& scored) const {
        auto e = evaluateUsers(task, scored, bootstrap);
        if (!e)
            return Error{"run " + std::to_string(runId) + ", system " +
                         std::string(systemName(system)) + ": " + e.error().message};
        return e;
    }
};

// One system's counts, metrics, verdicts and interventions, and R2P against it; `state.r2p` is
// made when `system` is R2P.
Status summarizeSystem(SummaryState& state, SystemId system, SystemRows rows, SystemSummary& s,
                       std::vector<DeltaSummary>& deltas) {
    std::vector<const UserOutcome*> scored;
    s = countSystem(system, rows.rows, scored);
    std::optional<metrics::Evaluation> own;
    if (!scored.empty()) {
        auto e = state.evaluate(system, scored);
        if (!e)
            return e.error();
        own = std::move(*e);
    }
    if (own) {
        s.metrics = own->metrics;
        s.intervals = own->intervals;
    }
    if (system == SystemId::R2P) {
        state.r2p = std::move(own);
        state.r2pScored = std::move(scored);
        state.r2pRows = std::move(rows);
        return Ok{};
    }
    // R2P against this baseline on the users both scored.
    if (state.r2p && own)
        if (auto c = compareWithBaseline(state.task, system, state.r2pScored, scored, *state.r2p,
                                         *own, state.bootstrap, deltas);
            !c)
            return Error{"run " + std::to_string(state.runId) + ": " + c.error().message};
    if (system == SystemId::R2PNoRpi)
        state.shadowRows = std::move(rows);
    return Ok{};
}

} // namespace

Result<RunSummary> summarizeRunBySystem(std::int64_t runId, TaskId task,
                                        const std::vector<SystemId>& systems,
                                        const SystemRowsSource& rowsOf,
                                        const VerdictCounts& verdicts,
                                        const metrics::BootstrapOptions& bootstrap,
                                        const InterventionCounts& interventionOutcomes,
                                        const std::string& mainMetric) {
    RunSummary summary;
    summary.runId = runId;
    summary.task = task;
    summary.systems.resize(systems.size());
    SummaryState state{runId, task, bootstrap, {}, {}, {}, {}};
    // R2P first: each baseline is compared with it as it is summarized.
    std::vector<std::size_t> order(systems.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_partition(order.begin(), order.end(),
                          [&](std::size_t i) { return systems[i] == SystemId::R2P; });
    std::vector<DeltaSummary> deltas;
    for (std::size_t i : order) {
        const SystemId system = systems[i];
        auto rows = rowsOf(system);
        if (!rows)
            return rows.error();
        SystemSummary& s = summary.systems[i];
        if (auto done = summarizeSystem(state, system, std::move(*rows), s, deltas); !done)
            return done.error();
        if (auto it = verdicts.find(system); it != verdicts.end())
            s.verdicts = it->second;
        if (auto it = interventionOutcomes.find(system); it != interventionOutcomes.end())
            s.interventionOutcomes = it->second;
    }
    summary.deltas = std::move(deltas);
    summary.rpiEffect = rpiEffectOf(state.r2pRows.rows, state.shadowRows.rows, mainMetric);
    return summary;
}

std::vector<const RpiEffectUser*> intervenedByChange(const RpiEffect& effect) {
    std::vector<const RpiEffectUser*> out;
    for (const auto& u : effect.perUser)
        if (u.interventions > 0)
            out.push_back(&u);
    std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
        return std::abs(a->withRpi - a->withoutRpi) > std::abs(b->withRpi - b->withoutRpi);
    });
    return out;
}

namespace {

ordered_json rpiEffectJson(const RpiEffect& e) {
    ordered_json users = ordered_json::array();
    for (const auto& u : e.perUser)
        users.push_back({{"user", u.userId},
                         {"interventions", u.interventions},
                         {"with_rpi", u.withRpi},
                         {"without_rpi", u.withoutRpi},
                         {"effect", u.effect > 0   ? "helped"
                                    : u.effect < 0 ? "hurt"
                                                   : "none"}});
    return {{"metric", e.metric},
            {"lower_is_better", e.lowerIsBetter},
            {"users", e.users},
            {"with_rpi", e.meanWithRpi},
            {"without_rpi", e.meanWithoutRpi},
            {"intervened", e.intervened},
            {"helped", e.helped},
            {"hurt", e.hurt},
            {"unchanged", e.unchanged},
            {"differ_without_intervention", e.differWithoutIntervention},
            {"per_user", users}};
}

} // namespace

std::string summaryJson(const RunSummary& summary) {
    ordered_json systems = ordered_json::object();
    for (const auto& s : summary.systems) {
        ordered_json metrics = ordered_json::object();
        for (const auto& [k, v] : s.metrics) {
            metrics[k] = {{"value", v}};
            for (const auto& [ik, iv] : s.intervals)
                if (ik == k)
                    metrics[k]["ci95"] = {iv.lo, iv.hi};
        }
        ordered_json verdicts = ordered_json::object();
        for (Verdict v : {Verdict::Supported, Verdict::Partial, Verdict::Contradicted,
                          Verdict::Unsupported, Verdict::Unparsed}) {
            const auto it = s.verdicts.find(v);
            verdicts[std::string(verdictName(v))] = it == s.verdicts.end() ? 0 : it->second;
        }
        ordered_json entry{{"users", s.users},
                           {"failed", s.failed},
                           {"scored", s.scored},
                           {"metrics", metrics},
                           {"format_adherence", s.formatAdherence},
                           {"reasoning_tokens_per_answer", s.reasoningTokensPerAnswer},
                           {"interventions_per_user", s.interventionsPerUser}};
        // What applies: RPI where the template is followed, verdicts where candidates are
        // cross-referenced.
        if (walksHrtLevels(s.system)) {
            ordered_json outcomes = ordered_json::object();
            for (InterventionOutcome o :
                 {InterventionOutcome::Complied, InterventionOutcome::ViolatedAgain,
                  InterventionOutcome::GaveUp}) {
                const auto it = s.interventionOutcomes.find(o);
                outcomes[std::string(interventionOutcomeName(o))] =
                    it == s.interventionOutcomes.end() ? 0 : it->second;
            }
            entry["intervention_outcomes"] = outcomes;
        }
        if (crossReferences(s.system))
            entry["verdicts"] = verdicts;
        systems[std::string(systemName(s.system))] = entry;
    }
    ordered_json deltas = ordered_json::array();
    for (const auto& d : summary.deltas) {
        const auto& c = d.comparison;
        deltas.push_back({{"system", systemName(d.system)},
                          {"baseline", systemName(d.baseline)},
                          {"metric", d.metric},
                          {"users", d.users},
                          {"delta", c.delta},
                          {"ci95", {c.ci.lo, c.ci.hi}},
                          {"wins", c.wins},
                          {"ties", c.ties},
                          {"losses", c.losses},
                          {"p_better", c.aBetterShare}});
    }
    ordered_json out{{"run", summary.runId},
                     {"task", taskSpec(summary.task).name},
                     {"systems", systems},
                     {"deltas", deltas}};
    if (summary.rpiEffect)
        out["rpi_effect"] = rpiEffectJson(*summary.rpiEffect);
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace r2p::engine
