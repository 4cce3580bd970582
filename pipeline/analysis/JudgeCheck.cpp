#include "JudgeCheck.h"

#include "Slices.h"
#include "model/Annotation.h"
#include "model/JsonText.h"
#include "model/RunStore.h"
#include "pipeline/engine/Judge.h"

#include <nlohmann/json.hpp>
#include <set>

namespace r2p::analysis {

namespace {

constexpr Verdict kVerdicts[] = {Verdict::Supported, Verdict::Partial, Verdict::Contradicted,
                                 Verdict::Unsupported, Verdict::Unparsed};

std::optional<double> scoreNamed(const ScoreList& scores, const std::string& name) {
    for (const auto& [k, v] : scores)
        if (k == name)
            return v;
    return std::nullopt;
}

// Cohen's kappa over any number of categories: rows the judge, columns the annotators.
std::optional<double> kappaOf(const std::map<std::pair<Verdict, Verdict>, std::size_t>& m,
                              std::size_t total) {
    if (total == 0)
        return std::nullopt;
    std::map<Verdict, double> judge, human;
    double observed = 0;
    for (const auto& [pair, n] : m) {
        judge[pair.first] += static_cast<double>(n);
        human[pair.second] += static_cast<double>(n);
        if (pair.first == pair.second)
            observed += static_cast<double>(n);
    }
    const double all = static_cast<double>(total);
    observed /= all;
    double expected = 0;
    for (const auto& [v, n] : judge)
        if (auto h = human.find(v); h != human.end())
            expected += (n / all) * (h->second / all);
    if (expected >= 1.0)
        return std::nullopt;
    return (observed - expected) / (1.0 - expected);
}

} // namespace

std::optional<Verdict> verdictOfLabel(const std::string& label) {
    std::string_view name = label;
    if (name.starts_with("verdict-"))
        name.remove_prefix(8);
    auto v = parseVerdict(name);
    if (!v || *v == Verdict::Invalid || *v == Verdict::Unparsed)
        return std::nullopt;
    return v;
}

Result<JudgeCheck> checkJudge(ProjectStore& store, std::int64_t runId) {
    RunStore runs(store);
    auto run = runs.run(runId);
    if (!run)
        return run.error();
    JudgeCheck out;
    out.runId = runId;
    out.task = run->task;
    out.metric = mainMetric(run->task);
    const bool exact = taskSpec(run->task).kind != TaskKind::Generation;
    std::map<Verdict, JudgeVerdictRow> rows;
    std::map<Verdict, double> sums;
    for (Verdict v : kVerdicts) {
        rows[v].verdict = v;
        if (exact)
            rows[v].correct = 0;
    }
    auto verdicts = runs.candidateVerdicts(runId, SystemId::R2P);
    if (!verdicts)
        return verdicts.error();
    // Each user's judged candidates, for the annotations below.
    std::map<std::pair<std::string, int>, Verdict> judged;
    std::set<std::string> scoredUsers;
    for (const RunStore::CandidateVerdict& v : *verdicts) {
        if (v.status != UserStatus::Done)
            continue;
        judged[{v.userId, v.candidate}] = v.verdict;
        auto row = rows.find(v.verdict);
        if (!v.gold || row == rows.end())
            continue;
        const ScoreList scores = engine::scorePrediction(run->task, v.answer, *v.gold);
        const auto score = scoreNamed(scores, out.metric);
        if (!score)
            continue;
        scoredUsers.insert(v.userId);
        ++row->second.candidates;
        sums[v.verdict] += *score;
        if (exact) {
            const bool right = out.metric == "MAE" ? *score == 0.0 : *score == 1.0;
            *row->second.correct += right ? 1 : 0;
        }
    }
    out.usersWithGold = scoredUsers.size();
    for (Verdict v : kVerdicts) {
        JudgeVerdictRow row = rows[v];
        if (row.candidates > 0)
            row.meanScore = sums[v] / static_cast<double>(row.candidates);
        out.rows.push_back(row);
    }

    auto annotations = AnnotationStore(store).ofRun(runId);
    if (!annotations)
        return annotations.error();
    for (const Annotation& a : *annotations) {
        if (a.target != AnnotationTarget::Verdict || a.system != SystemId::R2P)
            continue;
        const auto human = verdictOfLabel(a.label);
        const auto judge = judged.find({a.userId, a.candidate});
        if (!human || judge == judged.end())
            continue;
        ++out.humanConfusion[{judge->second, *human}];
        ++out.humanLabelled;
        out.humanAgreeing += judge->second == *human ? 1 : 0;
    }
    out.humanKappa = kappaOf(out.humanConfusion, out.humanLabelled);
    return out;
}

std::string judgeCheckJson(const JudgeCheck& check) {
    using nlohmann::ordered_json;
    ordered_json rows = ordered_json::array();
    for (const JudgeVerdictRow& r : check.rows) {
        ordered_json row{{"verdict", verdictName(r.verdict)}, {"candidates", r.candidates}};
        if (r.correct) {
            row["correct"] = *r.correct;
            row["correct_share"] =
                r.candidates ? ordered_json(double(*r.correct) / double(r.candidates)) : nullptr;
        }
        row["mean_" + check.metric] = r.candidates ? ordered_json(r.meanScore) : nullptr;
        rows.push_back(std::move(row));
    }
    ordered_json confusion = ordered_json::array();
    for (const auto& [pair, n] : check.humanConfusion)
        confusion.push_back({{"judge", verdictName(pair.first)},
                             {"annotator", verdictName(pair.second)},
                             {"count", n}});
    ordered_json j{{"run", check.runId},
                   {"task", check.task == TaskId::Invalid ? "" : taskSpec(check.task).name},
                   {"metric", check.metric},
                   {"users_with_gold", check.usersWithGold},
                   {"verdicts", std::move(rows)},
                   {"human",
                    {{"labelled", check.humanLabelled},
                     {"agreeing", check.humanAgreeing},
                     {"kappa", check.humanKappa ? ordered_json(*check.humanKappa) : nullptr},
                     {"confusion", std::move(confusion)}}}};
    return dumpJson(j, 2);
}

} // namespace r2p::analysis
