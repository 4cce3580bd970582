// Judge validation on a hand-made LaMP-3 run: verdicts against each candidate's correctness and
// against annotators' verdicts, every number worked out by hand below.
#include "model/Annotation.h"
#include "model/RunStore.h"
#include "model/Taxonomy.h"
#include "pipeline/analysis/JudgeCheck.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using r2p::test::TempDir;

namespace {

struct Candidate {
    std::string answer;
    Verdict verdict;
};

UserTrace traceOf(const std::string& user, std::optional<std::string> gold,
                  const std::vector<Candidate>& candidates) {
    UserTrace t;
    t.userId = user;
    t.system = SystemId::R2P;
    t.status = UserStatus::Done;
    t.gold = std::move(gold);
    t.prediction = candidates.front().answer;
    StepRecord s;
    s.stage = StageId::Answer;
    s.status = StepStatus::Done;
    s.answer = t.prediction;
    t.steps.push_back(s);
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        VerdictRecord v;
        v.candidate = static_cast<int>(c);
        v.answer = candidates[c].answer;
        v.verdict = candidates[c].verdict;
        v.chosen = c == 0;
        t.verdicts.push_back(v);
    }
    return t;
}

Annotation verdictLabel(std::int64_t run, const std::string& user, int candidate,
                        const std::string& label, const std::string& annotator) {
    Annotation a;
    a.runId = run;
    a.userId = user;
    a.system = SystemId::R2P;
    a.target = AnnotationTarget::Verdict;
    a.candidate = candidate;
    a.label = label;
    a.annotator = annotator;
    return a;
}

} // namespace

TEST(JudgeCheck, VerdictsAgainstCorrectnessAndAnnotatorsOnAHandMadeRun) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store);
    RunStore runs(**store);
    RunInfo info;
    info.task = TaskId::LaMP3;
    info.systems = {SystemId::R2P};
    info.backend = "offline";
    info.templateId = "hrt-LaMP-3";
    info.templateVersion = 1;
    info.config = "{}";
    info.status = RunStatus::Done;
    info.users = {"u1", "u2", "u3"};
    auto runId = runs.createRun(info);
    ASSERT_TRUE(runId);
    // u1 (gold 4): supported "4" (right), contradicted "2" (error 2), supported "5" (error 1).
    // u2 (gold 1): partial "1" (right), unsupported "3" (error 2).
    // u3 has no gold: not counted against correctness.
    ASSERT_TRUE(runs.saveUserTraces(
        *runId,
        {traceOf(
             "u1", "4",
             {{"4", Verdict::Supported}, {"2", Verdict::Contradicted}, {"5", Verdict::Supported}}),
         traceOf("u2", "1", {{"1", Verdict::Partial}, {"3", Verdict::Unsupported}}),
         traceOf("u3", std::nullopt, {{"3", Verdict::Supported}})}));

    // Annotators' own verdicts: u1 #0 supported (agrees), u1 #1 supported (the judge said
    // contradicted), u2 #0 partial (agrees); a failure label on a verdict is not a verdict.
    auto taxonomy = parseTaxonomy(
        R"json({"id": "t", "version": 1, "labels": [
            {"id": "supported", "name": "Supported", "description": "d"},
            {"id": "verdict-supported", "name": "Supported (prefixed)", "description": "d"},
            {"id": "partial", "name": "Partial", "description": "d"},
            {"id": "ignored-evidence", "name": "Ignored", "description": "d"}]})json",
        "t.json");
    ASSERT_TRUE(taxonomy) << taxonomy.error().message;
    AnnotationStore annotations(**store);
    for (const Annotation& a : {verdictLabel(*runId, "u1", 0, "supported", "ada"),
                                verdictLabel(*runId, "u1", 1, "verdict-supported", "ada"),
                                verdictLabel(*runId, "u2", 0, "partial", "ada"),
                                verdictLabel(*runId, "u2", 1, "ignored-evidence", "ada")})
        ASSERT_TRUE(annotations.add(a, *taxonomy)) << a.userId << " " << a.label;

    auto check = analysis::checkJudge(**store, *runId);
    ASSERT_TRUE(check) << check.error().message;
    EXPECT_EQ(check->metric, "MAE");
    EXPECT_EQ(check->usersWithGold, 2u);
    ASSERT_EQ(check->rows.size(), 5u);
    const auto row = [&](Verdict v) {
        for (const auto& r : check->rows)
            if (r.verdict == v)
                return r;
        ADD_FAILURE() << "no row for " << verdictName(v);
        return analysis::JudgeVerdictRow{};
    };
    EXPECT_EQ(row(Verdict::Supported).candidates, 2u);
    EXPECT_EQ(row(Verdict::Supported).correct, std::optional<std::size_t>(1));
    EXPECT_DOUBLE_EQ(row(Verdict::Supported).meanScore, 0.5); // errors 0 and 1
    EXPECT_EQ(row(Verdict::Partial).candidates, 1u);
    EXPECT_EQ(row(Verdict::Partial).correct, std::optional<std::size_t>(1));
    EXPECT_DOUBLE_EQ(row(Verdict::Partial).meanScore, 0.0);
    EXPECT_EQ(row(Verdict::Contradicted).correct, std::optional<std::size_t>(0));
    EXPECT_DOUBLE_EQ(row(Verdict::Contradicted).meanScore, 2.0);
    EXPECT_DOUBLE_EQ(row(Verdict::Unsupported).meanScore, 2.0);
    EXPECT_EQ(row(Verdict::Unparsed).candidates, 0u);

    // Judge {supported, contradicted, partial} against annotators {supported, supported,
    // partial}: p_o = 2/3, p_e = (1/3)(2/3) + (1/3)(1/3) = 1/3, kappa = (1/3)/(2/3) = 0.5.
    EXPECT_EQ(check->humanLabelled, 3u);
    EXPECT_EQ(check->humanAgreeing, 2u);
    ASSERT_TRUE(check->humanKappa);
    EXPECT_NEAR(*check->humanKappa, 0.5, 1e-12);
    EXPECT_EQ((check->humanConfusion[{Verdict::Contradicted, Verdict::Supported}]), 1u);

    const auto json = nlohmann::json::parse(analysis::judgeCheckJson(*check));
    EXPECT_EQ(json["verdicts"][0]["verdict"], "supported");
    EXPECT_EQ(json["verdicts"][0]["correct"], 1);
    EXPECT_DOUBLE_EQ(json["verdicts"][0]["mean_MAE"].get<double>(), 0.5);
    EXPECT_TRUE(json["verdicts"][4]["mean_MAE"].is_null());

    EXPECT_FALSE(analysis::checkJudge(**store, 99)); // unknown run: an error, not a crash
    EXPECT_EQ(analysis::verdictOfLabel("verdict-partial"), std::optional(Verdict::Partial));
    EXPECT_EQ(analysis::verdictOfLabel("unparsed"), std::nullopt);
    EXPECT_EQ(analysis::verdictOfLabel("retrieval-unused"), std::nullopt);
}
