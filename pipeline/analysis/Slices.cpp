#include "Slices.h"

#include "pipeline/metrics/LampEvaluation.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

namespace r2p::analysis {

namespace {

using nlohmann::ordered_json;

// What the slices need to know of one user, gathered from all of its outcomes.
struct UserFacts {
    std::string id;
    std::optional<std::uint32_t> profileSize;
    std::optional<std::string> gold;   // stripped
    std::optional<bool> intervened;    // from the R2P outcome
    std::map<SystemId, double> scores; // done outcomes with the metric
};

std::optional<double> metricOf(const UserOutcome& o, const std::string& metric) {
    if (o.status != UserStatus::Done)
        return std::nullopt;
    for (const auto& [key, value] : o.scores)
        if (key == metric)
            return value;
    return std::nullopt;
}

SliceBucket makeBucket(std::string label, const std::vector<const UserFacts*>& users,
                       const std::vector<SystemId>& systems, SystemId baseline, bool lower) {
    SliceBucket b;
    b.label = std::move(label);
    b.users = users.size();
    for (SystemId s : systems) {
        SystemMean m;
        m.system = s;
        double sum = 0;
        for (const auto* u : users)
            if (auto it = u->scores.find(s); it != u->scores.end()) {
                sum += it->second;
                ++m.scored;
            }
        m.mean = m.scored ? sum / static_cast<double>(m.scored) : 0.0;
        b.means.push_back(m);
    }
    double deltaSum = 0;
    std::vector<double> deltas;
    for (const auto* u : users) {
        const auto a = u->scores.find(SystemId::R2P);
        const auto c = u->scores.find(baseline);
        if (a == u->scores.end() || c == u->scores.end())
            continue;
        const double d = a->second - c->second;
        deltaSum += d;
        deltas.push_back(d);
        ++b.paired;
        if (d == 0)
            ++b.ties;
        else if ((d < 0) == lower)
            ++b.wins;
        else
            ++b.losses;
    }
    if (b.paired) {
        b.delta = deltaSum / static_cast<double>(b.paired);
        const std::span<const double> column(deltas);
        b.deltaCi = metrics::bootstrapMeanIntervals({&column, 1}).front();
    }
    return b;
}

std::string sizeLabel(std::uint32_t lo, std::optional<std::uint32_t> nextLo) {
    if (!nextLo)
        return std::to_string(lo) + "+";
    if (*nextLo == lo + 1)
        return std::to_string(lo);
    return std::to_string(lo) + "-" + std::to_string(*nextLo - 1);
}

} // namespace

std::string mainMetric(TaskId task, std::string_view preferred) {
    if (task == TaskId::Invalid)
        return {};
    switch (taskSpec(task).kind) {
    case TaskKind::Classification:
        return "accuracy";
    case TaskKind::Rating:
        return "MAE";
    case TaskKind::Generation:
        for (std::string_view m : {"rouge-1", "rouge-2", "rouge-L", "rouge-Lsum"})
            if (preferred == m)
                return std::string(m);
        return "rouge-1";
    case TaskKind::Invalid:
        break;
    }
    return {};
}

bool lowerIsBetter(const std::string& metric) {
    return metrics::metricDirection(metric) == metrics::Better::Lower;
}

std::string_view sliceKindName(SliceKind kind) {
    switch (kind) {
    case SliceKind::ProfileSize:
        return "profile_size";
    case SliceKind::GoldLabel:
        return "gold_label";
    case SliceKind::FailureLabel:
        return "failure_label";
    case SliceKind::Intervention:
        return "intervention";
    case SliceKind::Invalid:
        break;
    }
    return "invalid";
}

// One entry per user, in first-seen order, and the systems in first-seen order; `position`
// maps a user id to its entry.
std::vector<UserFacts> gatherUsers(const std::vector<UserOutcome>& outcomes,
                                   const DatasetIndex& index, const std::string& metric,
                                   std::vector<SystemId>& systems,
                                   std::unordered_map<std::string, std::size_t>& position) {
    std::unordered_map<std::string, const UserIndexEntry*> entries;
    for (const auto& e : index.users)
        entries.emplace(e.id, &e);

    std::vector<UserFacts> users;
    for (const auto& o : outcomes) {
        if (std::find(systems.begin(), systems.end(), o.system) == systems.end())
            systems.push_back(o.system);
        auto [it, added] = position.emplace(o.userId, users.size());
        if (added) {
            UserFacts f;
            f.id = o.userId;
            if (auto e = entries.find(o.userId); e != entries.end()) {
                f.profileSize = e->second->profileSize;
                if (e->second->hasGold)
                    f.gold = std::string(text::pyStrip(e->second->gold));
            }
            users.push_back(std::move(f));
        }
        UserFacts& f = users[it->second];
        if (o.gold)
            f.gold = std::string(text::pyStrip(*o.gold));
        if (o.system == SystemId::R2P)
            f.intervened = o.interventions > 0;
        if (auto score = metricOf(o, metric))
            f.scores[o.system] = *score;
    }
    return users;
}

// Users by profile size: below the first edge, then one bucket per edge.
template <typename MakeBucket>
Slicing profileSizeSlicing(const std::vector<UserFacts>& users,
                           const std::vector<std::uint32_t>& edges, const MakeBucket& bucket) {
    Slicing s;
    s.kind = SliceKind::ProfileSize;
    std::vector<const UserFacts*> below;
    std::vector<std::vector<const UserFacts*>> members(edges.size());
    for (const auto& u : users) {
        if (!u.profileSize)
            continue;
        auto up = std::upper_bound(edges.begin(), edges.end(), *u.profileSize);
        if (up == edges.begin())
            below.push_back(&u);
        else
            members[static_cast<std::size_t>(up - edges.begin()) - 1].push_back(&u);
    }
    if (!below.empty())
        s.buckets.push_back(bucket(edges.empty() || edges.front() <= 1
                                       ? std::string("0")
                                       : "0-" + std::to_string(edges.front() - 1),
                                   below));
    for (std::size_t i = 0; i < edges.size(); ++i) {
        std::optional<std::uint32_t> next;
        if (i + 1 < edges.size())
            next = edges[i + 1];
        s.buckets.push_back(bucket(sizeLabel(edges[i], next), members[i]));
    }
    return s;
}

// Users by the failure labels annotated on them (a user in every label it has), then the
// users without any.
template <typename MakeBucket>
Slicing failureLabelSlicing(const std::vector<UserFacts>& users,
                            const std::unordered_map<std::string, std::size_t>& position,
                            const FailureLabels& failureLabels, const MakeBucket& bucket) {
    Slicing s;
    s.kind = SliceKind::FailureLabel;
    std::map<std::string, std::set<std::size_t>> byLabel; // label -> user positions
    std::set<std::size_t> labelled;
    for (const auto& [userId, label] : failureLabels) {
        auto it = position.find(userId);
        if (it == position.end())
            continue; // a user this run has no outcome for
        byLabel[label].insert(it->second);
        labelled.insert(it->second);
    }
    for (const auto& [label, positions] : byLabel) {
        std::vector<const UserFacts*> members;
        for (std::size_t p : positions)
            members.push_back(&users[p]);
        s.buckets.push_back(bucket(label, members));
    }
    if (!failureLabels.empty()) {
        std::vector<const UserFacts*> none;
        for (std::size_t p = 0; p < users.size(); ++p)
            if (!labelled.count(p))
                none.push_back(&users[p]);
        s.buckets.push_back(bucket("(none)", none));
    }
    return s;
}

Result<SliceReport> computeSlices(const std::vector<UserOutcome>& outcomes,
                                  const DatasetIndex& index, TaskId task, SystemId baseline,
                                  const FailureLabels& failureLabels, const SliceOptions& options) {
    SliceReport report;
    report.task = task;
    report.metric = mainMetric(task, options.metric);
    if (report.metric.empty())
        return Error{"slices need a task with metrics (LaMP-1 … LaMP-7)"};
    if (baseline == SystemId::R2P)
        return Error{"the baseline of the slices cannot be r2p itself"};
    if (!std::is_sorted(options.profileSizeEdges.begin(), options.profileSizeEdges.end()) ||
        std::adjacent_find(options.profileSizeEdges.begin(), options.profileSizeEdges.end()) !=
            options.profileSizeEdges.end())
        return Error{"profile-size bucket edges must be strictly ascending"};
    report.lowerIsBetter = lowerIsBetter(report.metric);
    report.baseline = baseline;
    const bool lower = report.lowerIsBetter;

    // One entry per user, in first-seen order; systems likewise.
    std::vector<SystemId> systems;
    std::unordered_map<std::string, std::size_t> position;
    const std::vector<UserFacts> users =
        gatherUsers(outcomes, index, report.metric, systems, position);
    report.users = users.size();
    auto bucket = [&](std::string label, const std::vector<const UserFacts*>& members) {
        return makeBucket(std::move(label), members, systems, baseline, lower);
    };

    // (a) Profile size.
    report.slicings.push_back(profileSizeSlicing(users, options.profileSizeEdges, bucket));

    // (b) Gold label, where the output is a label or a rating.
    const TaskKind kind = taskSpec(task).kind;
    if (kind == TaskKind::Classification || kind == TaskKind::Rating) {
        Slicing s;
        s.kind = SliceKind::GoldLabel;
        std::map<std::string, std::vector<const UserFacts*>> byGold;
        for (const auto& u : users)
            if (u.gold)
                byGold[*u.gold].push_back(&u);
        for (std::string_view label : taskSpec(task).labels) {
            auto it = byGold.find(std::string(label));
            if (it == byGold.end())
                continue;
            s.buckets.push_back(bucket(it->first, it->second));
            byGold.erase(it);
        }
        for (const auto& [label, members] : byGold) // golds outside the label set, sorted
            s.buckets.push_back(bucket(label, members));
        report.slicings.push_back(std::move(s));
    }

    // (c) Failure labels from annotations.
    report.slicings.push_back(failureLabelSlicing(users, position, failureLabels, bucket));

    // (d) Whether RPI intervened in R2P's run.
    {
        Slicing s;
        s.kind = SliceKind::Intervention;
        std::vector<const UserFacts*> yes, no;
        for (const auto& u : users)
            if (u.intervened)
                (*u.intervened ? yes : no).push_back(&u);
        s.buckets.push_back(bucket("intervened", yes));
        s.buckets.push_back(bucket("not intervened", no));
        report.slicings.push_back(std::move(s));
    }
    return report;
}

std::string slicesJson(const SliceReport& report) {
    ordered_json slices = ordered_json::object();
    for (const auto& s : report.slicings) {
        ordered_json buckets = ordered_json::array();
        for (const auto& b : s.buckets) {
            ordered_json means = ordered_json::object();
            for (const auto& m : b.means)
                means[std::string(systemName(m.system))] = {{"scored", m.scored}, {"mean", m.mean}};
            buckets.push_back(
                {{"label", b.label},
                 {"users", b.users},
                 {"means", means},
                 {"paired", b.paired},
                 {"delta", b.delta ? ordered_json(*b.delta) : ordered_json()},
                 {"delta_ci95",
                  b.deltaCi ? ordered_json::array({b.deltaCi->lo, b.deltaCi->hi}) : ordered_json()},
                 {"wins", b.wins},
                 {"ties", b.ties},
                 {"losses", b.losses}});
        }
        slices[std::string(sliceKindName(s.kind))] = buckets;
    }
    return ordered_json{{"task", report.task == TaskId::Invalid
                                     ? ordered_json()
                                     : ordered_json(taskSpec(report.task).name)},
                        {"metric", report.metric},
                        {"lower_is_better", report.lowerIsBetter},
                        {"baseline", report.baseline == SystemId::Invalid
                                         ? ordered_json()
                                         : ordered_json(systemName(report.baseline))},
                        {"users", report.users},
                        {"slices", slices}}
        .dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace r2p::analysis
