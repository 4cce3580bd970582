#include "TagStatistics.h"

#include "model/JsonText.h"
#include "model/RunStore.h"
#include "pipeline/engine/HrtTemplate.h"
#include "pipeline/engine/Rpi.h"
#include "pipeline/tags/StepChain.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <tuple>

namespace r2p::analysis {
namespace {

using nlohmann::ordered_json;

// One checked chain, what the statistics need of it.
struct ChainFacts {
    std::size_t order = 0; // the outcome's index: the run's user order, then system order
    TaggedChainCheck check;
    bool hasGold = false;
    std::string metricName;                                 // the outcome's first score's name
    std::vector<std::pair<std::string, double>> spanTokens; // (tag, tokens) per span
};

// A chain-level (cluster) bootstrap: each resample draws n chains with replacement (index =
// rng() % n from a std::mt19937_64 seeded with the options' seed) and every statistic is
// computed on that same resample: per tag the mean metric with and without it and the tokens
// per segment of right and wrong answers, and the mean constraint score. A statistic whose
// resample has nothing to average over (no chain with the tag drawn) skips that resample.
void bootstrapChains(const std::vector<ChainFacts>& chains, const std::vector<std::string>& tags,
                     const metrics::BootstrapOptions& options, SystemTagStatistics& out) {
    const std::size_t n = chains.size(), T = tags.size();
    if (n == 0 || options.resamples == 0)
        return;
    // Per chain, flat: presence (0/1), tokens and segments per tag (right and wrong answers
    // apart; a chain without a gold has none), its metric (0 without) and whether it has one.
    std::vector<double> present(n * T), tokens(n * T), spans(n * T), metric(n), hasMetric(n);
    std::vector<char> correct(n);
    for (std::size_t i = 0; i < n; ++i) {
        const ChainFacts& c = chains[i];
        for (const auto& [tag, t] : c.spanTokens) {
            const auto k = static_cast<std::size_t>(
                std::lower_bound(tags.begin(), tags.end(), tag) - tags.begin());
            present[i * T + k] = 1;
            if (c.hasGold) {
                tokens[i * T + k] += t;
                spans[i * T + k] += 1;
            }
        }
        hasMetric[i] = c.check.metric ? 1 : 0;
        metric[i] = c.check.metric.value_or(0);
        correct[i] = c.check.correct ? 1 : 0;
    }
    // Draws: per tag metric with, without, tokens right, wrong; then the constraint score.
    std::vector<std::vector<double>> draws(4 * T + 1);
    std::vector<double> withSum(T), withN(T), tokSum[2], tokN[2];
    for (int side : {0, 1}) {
        tokSum[side].resize(T);
        tokN[side].resize(T);
    }
    std::mt19937_64 rng(options.seed);
    for (std::size_t b = 0; b < options.resamples; ++b) {
        std::fill(withSum.begin(), withSum.end(), 0.0);
        std::fill(withN.begin(), withN.end(), 0.0);
        for (int side : {0, 1}) {
            std::fill(tokSum[side].begin(), tokSum[side].end(), 0.0);
            std::fill(tokN[side].begin(), tokN[side].end(), 0.0);
        }
        double scores = 0, metricSum = 0, metricN = 0;
        for (std::size_t draw = 0; draw < n; ++draw) {
            const std::size_t i = rng() % n;
            scores += chains[i].check.constraintScore;
            const double m = metric[i], h = hasMetric[i];
            metricSum += m;
            metricN += h;
            const double* pr = &present[i * T];
            const double* tk = &tokens[i * T];
            const double* sp = &spans[i * T];
            double* ts = tokSum[correct[i] ? 0 : 1].data();
            double* tn = tokN[correct[i] ? 0 : 1].data();
            for (std::size_t k = 0; k < T; ++k) {
                withSum[k] += pr[k] * m;
                withN[k] += pr[k] * h;
                ts[k] += tk[k];
                tn[k] += sp[k];
            }
        }
        for (std::size_t k = 0; k < T; ++k) {
            if (withN[k] > 0)
                draws[4 * k].push_back(withSum[k] / withN[k]);
            if (metricN - withN[k] > 0)
                draws[4 * k + 1].push_back((metricSum - withSum[k]) / (metricN - withN[k]));
            for (int side : {0, 1})
                if (tokN[side][k] > 0)
                    draws[4 * k + 2 + static_cast<std::size_t>(side)].push_back(tokSum[side][k] /
                                                                                tokN[side][k]);
        }
        draws[4 * T].push_back(scores / static_cast<double>(n));
    }
    auto interval = [&](std::size_t s, MeanCi& m) {
        if (m.n > 0 && !draws[s].empty())
            m.ci = metrics::percentileInterval(draws[s], options.confidence);
    };
    for (std::size_t k = 0; k < T; ++k) {
        TagRow& row = out.tags[k];
        interval(4 * k, row.metricWith);
        interval(4 * k + 1, row.metricWithout);
        interval(4 * k + 2, row.tokensRight);
        interval(4 * k + 3, row.tokensWrong);
    }
    interval(4 * T, out.constraintScore);
}

MeanCi plainMean(const std::vector<double>& values) {
    MeanCi m;
    m.n = values.size();
    for (double x : values)
        m.mean += x;
    if (m.n)
        m.mean /= static_cast<double>(m.n);
    m.ci = {m.mean, m.mean};
    return m;
}

std::optional<double> pearson(const std::vector<std::pair<double, double>>& xy) {
    if (xy.size() < 3)
        return std::nullopt;
    double mx = 0, my = 0;
    for (const auto& [x, y] : xy)
        mx += x, my += y;
    mx /= static_cast<double>(xy.size());
    my /= static_cast<double>(xy.size());
    double sxy = 0, sxx = 0, syy = 0;
    for (const auto& [x, y] : xy) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if (sxx <= 0 || syy <= 0)
        return std::nullopt;
    return sxy / std::sqrt(sxx * syy);
}

// One system's chains (in run order) into its statistics.
SystemTagStatistics summarise(SystemId system, std::vector<ChainFacts>& chains,
                              const metrics::BootstrapOptions& options) {
    std::sort(chains.begin(), chains.end(),
              [](const ChainFacts& a, const ChainFacts& b) { return a.order < b.order; });
    SystemTagStatistics out;
    out.system = system;
    out.chains = chains.size();
    std::map<std::string, std::size_t> frequency;
    std::vector<double> scores;
    std::vector<std::pair<double, double>> xy;
    for (const auto& c : chains) {
        if (!c.metricName.empty())
            out.metric = c.metricName;
        scores.push_back(c.check.constraintScore);
        if (c.check.metric)
            xy.emplace_back(c.check.constraintScore, *c.check.metric);
        for (std::size_t i = 0; i < c.spanTokens.size(); ++i) {
            ++frequency[c.spanTokens[i].first];
            if (i > 0)
                ++out.transitions[{c.spanTokens[i - 1].first, c.spanTokens[i].first}];
        }
        std::set<tags::TagRule> broken;
        for (const auto& v : c.check.violations)
            broken.insert(v.rule);
        for (const auto rule : broken)
            ++out.violationsByRule[std::string(tags::tagRuleName(rule))];
    }
    std::vector<std::string> tags;
    for (const auto& [tag, n] : frequency) {
        tags.push_back(tag);
        TagRow row;
        row.tag = tag;
        row.spans = n;
        std::vector<double> right, wrong, with, without;
        for (const auto& c : chains) {
            bool present = false;
            for (const auto& [t, tokens] : c.spanTokens)
                if (t == tag) {
                    present = true;
                    if (c.hasGold)
                        (c.check.correct ? right : wrong).push_back(tokens);
                }
            row.chainsWith += present ? 1 : 0;
            if (c.check.metric)
                (present ? with : without).push_back(*c.check.metric);
        }
        row.tokensRight = plainMean(right);
        row.tokensWrong = plainMean(wrong);
        row.metricWith = plainMean(with);
        row.metricWithout = plainMean(without);
        out.tags.push_back(std::move(row));
    }
    out.constraintScore = plainMean(scores);
    out.scoreMetricR = pearson(xy);
    std::vector<double> rewards;
    std::vector<std::pair<double, double>> rewardXy;
    for (const auto& c : chains)
        if (c.check.reward) {
            rewards.push_back(*c.check.reward);
            if (c.check.metric)
                rewardXy.emplace_back(*c.check.reward, *c.check.metric);
        }
    out.reward = plainMean(rewards);
    out.rewardMetricR = pearson(rewardXy);
    bootstrapChains(chains, tags, options, out);
    for (auto& c : chains)
        out.chainChecks.push_back(std::move(c.check));
    return out;
}

// Units and confusion of each pair of span sources, over the steps both tagged.
struct AgreementTally {
    std::map<std::pair<std::string, std::string>, std::map<std::pair<std::string, std::string>,
                                                           std::size_t>>
        confusion; // (a, b) -> (a's label, b's label) -> units
    std::map<std::pair<std::string, std::string>, std::size_t> chains;

    void add(const StepRecord& step) {
        std::map<std::string, std::vector<const TagSpanRecord*>> groups;
        for (const auto& r : step.tagSpans)
            groups[tags::spanSourceKey(r)].push_back(&r);
        if (groups.size() < 2)
            return;
        const std::string text = tags::chainText(step.reasoning, step.answer);
        std::map<std::string, std::vector<std::string>> labels;
        for (const auto& [key, spans] : groups) {
            auto& l = labels[key];
            l.assign(text.size(), std::string());
            for (const auto* r : spans)
                for (auto at = static_cast<std::size_t>(std::max<std::int64_t>(0, r->start));
                     at < std::min(text.size(), static_cast<std::size_t>(r->end)); ++at)
                    if (l[at].empty())
                        l[at] = r->tag;
        }
        for (auto a = labels.begin(); a != labels.end(); ++a)
            for (auto b = std::next(a); b != labels.end(); ++b) {
                auto& c = confusion[{a->first, b->first}];
                ++chains[{a->first, b->first}];
                for (std::size_t at = 0; at < text.size(); ++at) {
                    const char ch = text[at];
                    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r')
                        continue;
                    if (a->second[at].empty() && b->second[at].empty())
                        continue;
                    ++c[{a->second[at].empty() ? "none" : a->second[at],
                         b->second[at].empty() ? "none" : b->second[at]}];
                }
            }
    }

    std::vector<TagAgreement> finish() const {
        std::vector<TagAgreement> out;
        for (const auto& [pair, cells] : confusion) {
            TagAgreement g;
            g.a = pair.first;
            g.b = pair.second;
            g.chains = chains.at(pair);
            std::map<std::string, double> rowSum, colSum;
            double same = 0;
            for (const auto& [labels, n] : cells) {
                g.units += n;
                rowSum[labels.first] += static_cast<double>(n);
                colSum[labels.second] += static_cast<double>(n);
                if (labels.first == labels.second)
                    same += static_cast<double>(n);
            }
            if (g.units > 0) {
                const double n = static_cast<double>(g.units);
                g.kappa.observed = same / n;
                for (const auto& [label, r] : rowSum)
                    if (auto it = colSum.find(label); it != colSum.end())
                        g.kappa.expected += (r / n) * (it->second / n);
                if (g.kappa.expected < 1)
                    g.kappa.kappa = (g.kappa.observed - g.kappa.expected) / (1 - g.kappa.expected);
            }
            out.push_back(std::move(g));
        }
        return out;
    }
};

// The reward scores of one model (the first by name, set in `model`) by (user, system, step).
Result<std::map<std::tuple<std::string, SystemId, int>, double>>
rewardsOf(const RunStore& runs, std::int64_t runId, std::string& model) {
    auto rewards = runs.chainRewards(runId);
    if (!rewards)
        return rewards.error();
    for (const auto& r : *rewards)
        if (model.empty() || r.model < model)
            model = r.model;
    std::map<std::tuple<std::string, SystemId, int>, double> out;
    for (const auto& r : *rewards)
        if (r.model == model)
            out[{r.userId, r.system, r.stepSeq}] = r.score;
    return out;
}

// The request's systems, all of the run's when it names none; a system the run does not have is
// the request's fault.
Result<std::vector<SystemId>> systemsOf(const RunInfo& info, const TagStatisticsRequest& request,
                                        bool& badInput) {
    for (const SystemId s : request.systems)
        if (std::find(info.systems.begin(), info.systems.end(), s) == info.systems.end()) {
            badInput = true;
            return Error{"run " + std::to_string(request.runId) + " has no system \"" +
                         std::string(systemName(s)) + "\""};
        }
    return request.systems.empty() ? info.systems : request.systems;
}

// Checks one stored chain.
Result<ChainFacts> checkStoredChain(ProjectStore& store,
                                    std::map<std::pair<std::string, int>, tags::TagSet>& sets,
                                    const tags::TagSet& current, const engine::HrtTemplate* hrt,
                                    const UserOutcome& o, std::size_t itemCount,
                                    const StepRecord& step) {
    const tags::TagSet* set = &current;
    if (!step.tagSpans.empty()) {
        // The version the preferred source's spans were made under.
        const std::string source = tags::preferredSpanSource(step);
        const TagSpanRecord* first = &step.tagSpans.front();
        for (const auto& r : step.tagSpans)
            if (tags::spanSourceKey(r) == source) {
                first = &r;
                break;
            }
        const auto key = std::pair(first->tagSetId, first->tagSetVersion);
        auto it = sets.find(key);
        if (it == sets.end()) {
            auto loaded = tags::projectTagSetVersion(store, key.first, key.second);
            if (!loaded)
                return loaded.error();
            it = sets.emplace(key, std::move(*loaded)).first;
        }
        set = &it->second;
    }
    const tags::CheckedChain checked =
        tags::checkChain(*set, hrt, itemCount, tags::chainText(step.reasoning, step.answer),
                         tags::storedChain(*set, step), false);
    ChainFacts f;
    f.check.userId = o.userId;
    f.check.stepSeq = step.seq;
    f.check.tagSet = set->id + "@" + std::to_string(set->version);
    f.check.constraintScore = checked.report.score;
    f.hasGold = o.gold.has_value();
    f.check.correct =
        o.gold && text::pyStrip(o.prediction) == text::pyStrip(std::string_view(*o.gold));
    if (!o.scores.empty()) {
        f.metricName = o.scores.front().first;
        f.check.metric = o.scores.front().second;
    }
    for (const auto& s : checked.chain.spans) {
        const std::string_view content =
            text::pyStrip(std::string_view(checked.text).substr(s.start, s.end - s.start));
        f.spanTokens.emplace_back(s.tag, engine::approxTokens(content));
        f.check.tags.push_back(s.tag);
    }
    std::sort(f.check.tags.begin(), f.check.tags.end());
    f.check.tags.erase(std::unique(f.check.tags.begin(), f.check.tags.end()), f.check.tags.end());
    f.check.violations = checked.report.violations;
    return f;
}

ordered_json meanJson(const MeanCi& m) {
    ordered_json j;
    j["n"] = m.n;
    j["mean"] = m.n ? ordered_json(m.mean) : ordered_json(nullptr);
    if (m.n)
        j["ci95"] = {m.ci.lo, m.ci.hi};
    return j;
}

ordered_json violationJson(const tags::TagViolation& v) {
    ordered_json one;
    one["rule"] = tags::tagRuleName(v.rule);
    one["span"] =
        v.span == static_cast<std::size_t>(-1) ? ordered_json(nullptr) : ordered_json(v.span);
    one["start"] = v.start;
    one["end"] = v.end;
    one["tag"] = v.tag;
    one["evidence"] = v.evidence;
    return one;
}

ordered_json systemJson(const SystemTagStatistics& s) {
    ordered_json j;
    j["chains"] = s.chains;
    j["frequency"] = ordered_json::object();
    j["chains_with"] = ordered_json::object();
    for (const auto& row : s.tags) {
        j["frequency"][row.tag] = row.spans;
        j["chains_with"][row.tag] = row.chainsWith;
    }
    j["transitions"] = ordered_json::object();
    for (const auto& [pair, n] : s.transitions)
        j["transitions"][pair.first + "->" + pair.second] = n;
    j["tokens_per_tag"] = ordered_json::object();
    for (const auto& row : s.tags)
        j["tokens_per_tag"][row.tag] = {{"correct", meanJson(row.tokensRight)},
                                        {"wrong", meanJson(row.tokensWrong)}};
    j["metric"] = s.metric;
    j["metric_by_tag"] = ordered_json::object();
    for (const auto& row : s.tags)
        j["metric_by_tag"][row.tag] = {{"with", meanJson(row.metricWith)},
                                       {"without", meanJson(row.metricWithout)}};
    j["constraint_score_mean"] =
        s.constraintScore.n ? ordered_json(s.constraintScore.mean) : ordered_json(nullptr);
    j["constraint_score"] = meanJson(s.constraintScore);
    j["constraint_score_metric_r"] =
        s.scoreMetricR ? ordered_json(*s.scoreMetricR) : ordered_json(nullptr);
    j["reward"] = {{"n", s.reward.n},
                   {"mean", s.reward.n ? ordered_json(s.reward.mean) : ordered_json(nullptr)}};
    j["reward_metric_r"] = s.rewardMetricR ? ordered_json(*s.rewardMetricR) : ordered_json(nullptr);
    j["chains_breaking"] = ordered_json::object();
    for (const auto& [rule, n] : s.violationsByRule)
        j["chains_breaking"][rule] = n;
    j["chains_detail"] = ordered_json::array();
    for (const auto& c : s.chainChecks) {
        ordered_json one;
        one["user"] = c.userId;
        one["step"] = c.stepSeq;
        one["tag_set"] = c.tagSet;
        one["constraint_score"] = c.constraintScore;
        one["reward"] = c.reward ? ordered_json(*c.reward) : ordered_json(nullptr);
        one["violations"] = ordered_json::array();
        for (const auto& v : c.violations)
            one["violations"].push_back(violationJson(v));
        j["chains_detail"].push_back(std::move(one));
    }
    return j;
}

} // namespace

Result<TagStatistics> tagStatistics(ProjectStore& store, const TagStatisticsRequest& request,
                                    bool& badInput) {
    badInput = false;
    RunStore runs(store);
    auto info = runs.run(request.runId);
    if (!info) {
        badInput = true;
        return Error{"no run " + std::to_string(request.runId) + ": " + info.error().message};
    }
    auto chosen = systemsOf(*info, request, badInput);
    if (!chosen)
        return chosen.error();
    const std::vector<SystemId> systems = std::move(*chosen);
    auto set = tags::projectTagSet(store);
    if (!set)
        return set.error();
    auto outcomes = runs.outcomes(request.runId);
    if (!outcomes)
        return outcomes.error();
    std::map<std::pair<std::string, SystemId>, std::size_t> outcomeOf;
    for (std::size_t i = 0; i < outcomes->size(); ++i)
        outcomeOf[{(*outcomes)[i].userId, (*outcomes)[i].system}] = i;
    const engine::HrtTemplate* hrt = engine::builtinHrtTemplate(info->task);
    std::string rewardModel;
    auto rewards = rewardsOf(runs, request.runId, rewardModel);
    if (!rewards)
        return rewards.error();
    const auto& rewardOf = *rewards;
    std::map<std::pair<std::string, int>, tags::TagSet> sets;
    std::map<SystemId, std::vector<ChainFacts>> chains;
    std::string lastUser;
    SystemId lastSystem = SystemId::Invalid;
    std::size_t itemCount = 0;
    Status failed = Ok{};
    AgreementTally agreement;
    // One chain checked into its system's statistics.
    auto addChain = [&](const std::string& userId, SystemId system, const StepRecord& step) {
        const auto o = outcomeOf.find({userId, system});
        if (o == outcomeOf.end())
            return;
        auto facts =
            checkStoredChain(store, sets, *set, hrt, (*outcomes)[o->second], itemCount, step);
        if (!facts) {
            failed = Error{"user " + userId + ": " + facts.error().message};
            return;
        }
        facts->order = o->second;
        if (auto r = rewardOf.find({userId, system, step.seq}); r != rewardOf.end())
            facts->check.reward = r->second;
        chains[system].push_back(std::move(*facts));
    };
    // An R2P walk-through tagged level by level (a tagger's or a person's spans on each HRT
    // level) is one chain: its levels in order, joined by a blank line, spans moved along.
    std::map<int, StepRecord> walks; // the trace's, by candidate
    auto flushWalks = [&] {
        for (auto& [candidate, walk] : walks)
            if (failed)
                addChain(lastUser, lastSystem, walk);
        walks.clear();
    };
    auto read = runs.forEachChainStep(
        request.runId, [&](const std::string& userId, SystemId system, StepRecord& step) {
            if (!failed)
                return;
            if (std::find(systems.begin(), systems.end(), system) != systems.end())
                agreement.add(step);
            if (userId != lastUser || system != lastSystem) {
                flushWalks();
                itemCount = 0; // a new trace: its Retrieve step comes first
            }
            lastUser = userId;
            lastSystem = system;
            if (step.stage == StageId::Retrieve && step.output.items)
                itemCount = step.output.items->size();
            const bool tagged = !step.tagSpans.empty() ||
                                (system == SystemId::TagPR && step.stage == StageId::Generate);
            if (!tagged || step.status != StepStatus::Done ||
                std::find(systems.begin(), systems.end(), system) == systems.end())
                return;
            if (tags::isHrtLevelStep(step.stage) && step.tagSpans.size() > 0) {
                auto [it, fresh] = walks.try_emplace(step.candidate);
                StepRecord& walk = it->second;
                if (fresh) {
                    walk.seq = step.seq;
                    walk.stage = StageId::Answer;
                    walk.candidate = step.candidate;
                    walk.status = StepStatus::Done;
                } else {
                    walk.answer += "\n\n";
                }
                const auto shift = static_cast<std::int64_t>(walk.answer.size());
                walk.answer += tags::chainText(step.reasoning, step.answer);
                for (auto sp : step.tagSpans) {
                    sp.start += shift;
                    sp.end += shift;
                    walk.tagSpans.push_back(std::move(sp));
                }
                return;
            }
            addChain(userId, system, step);
        });
    flushWalks();
    if (!read)
        return read.error();
    if (!failed)
        return failed.error();
    TagStatistics out;
    out.runId = request.runId;
    out.task = info->task;
    out.tagSet = std::move(*set);
    for (const SystemId s : systems)
        if (auto it = chains.find(s); it != chains.end())
            out.systems.push_back(summarise(s, it->second, request.bootstrap));
    out.agreement = agreement.finish();
    out.rewardModel = rewardModel;
    return out;
}

std::string tagStatisticsJson(const TagStatistics& stats) {
    ordered_json out;
    out["run"] = stats.runId;
    out["systems"] = ordered_json::object();
    for (const auto& s : stats.systems)
        out["systems"][std::string(systemName(s.system))] = systemJson(s);
    out["reward_model"] =
        stats.rewardModel.empty() ? ordered_json(nullptr) : ordered_json(stats.rewardModel);
    out["agreement"] = ordered_json::array();
    for (const auto& g : stats.agreement)
        out["agreement"].push_back(
            {{"a", g.a},
             {"b", g.b},
             {"chains", g.chains},
             {"units", g.units},
             {"observed", g.kappa.observed},
             {"expected", g.kappa.expected},
             {"kappa", g.kappa.kappa ? ordered_json(*g.kappa.kappa) : ordered_json(nullptr)}});
    return dumpJson(out);
}

} // namespace r2p::analysis
