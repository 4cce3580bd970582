// Inter-annotator agreement: Cohen's and Fleiss' kappa on hand-worked examples, which items
// count for whom, the confusion matrices, and JSON without NaN.
#include "model/Taxonomy.h"
#include "pipeline/metrics/Agreement.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

using namespace r2p;
using namespace r2p::metrics;
using nlohmann::json;

namespace {

// 10 items, label X. A said yes to 5, B to 6; they agree on 4 yes and 3 no.
//   p_o = (4 + 3) / 10 = 0.7
//   p_e = P(A yes) P(B yes) + P(A no) P(B no) = 0.5 * 0.6 + 0.5 * 0.4 = 0.3 + 0.2 = 0.5
//   kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
TEST(Agreement, CohensKappaOnAHandWorkedTable) {
    BinaryConfusion c;
    c.yesYes = 4;
    c.yesNo = 1;
    c.noYes = 2;
    c.noNo = 3;
    const Kappa k = cohenKappa(c);
    EXPECT_DOUBLE_EQ(k.observed, 0.7);
    EXPECT_DOUBLE_EQ(k.expected, 0.5);
    ASSERT_TRUE(k.kappa);
    EXPECT_NEAR(*k.kappa, 0.4, 1e-12);

    // Perfect agreement on a label both used: 1. Both always said no: chance agreement is 1
    // and kappa is undefined, not NaN. No items at all: undefined too.
    EXPECT_NEAR(*cohenKappa({2, 0, 0, 3}).kappa, 1.0, 1e-12);
    EXPECT_FALSE(cohenKappa({0, 0, 0, 5}).kappa);
    EXPECT_FALSE(cohenKappa({5, 0, 0, 0}).kappa);
    EXPECT_FALSE(cohenKappa({}).kappa);
    // Systematic disagreement: p_o = 0, p_e = 0.5, kappa = -1.
    EXPECT_NEAR(*cohenKappa({0, 2, 2, 0}).kappa, -1.0, 1e-12);
}

// Fleiss (1971), as worked on Wikipedia ("Fleiss' kappa"): 14 raters, 10 subjects, 5
// categories; P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210.
TEST(Agreement, FleissKappaOnTheClassicExample) {
    const std::vector<std::vector<int>> counts = {
        {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
    };
    const Kappa k = fleissKappa(counts);
    EXPECT_NEAR(k.observed, 0.378, 5e-4);
    EXPECT_NEAR(k.expected, 0.213, 5e-4);
    ASSERT_TRUE(k.kappa);
    EXPECT_NEAR(*k.kappa, 0.210, 5e-4);

    EXPECT_FALSE(fleissKappa({}).kappa);
    EXPECT_FALSE(fleissKappa({{3, 0}, {3, 0}}).kappa); // everyone always in one category
    EXPECT_FALSE(fleissKappa({{2, 1}, {1, 1}}).kappa); // unequal numbers of raters
    EXPECT_FALSE(fleissKappa({{1, 0}, {0, 1}}).kappa); // one rater
    EXPECT_NEAR(*fleissKappa({{3, 0}, {0, 3}}).kappa, 1.0, 1e-12);
}

Annotation note(const std::string& annotator, const std::string& user, AnnotationTarget target,
                const std::string& label, StageId stage = StageId::Invalid, int candidate = 0) {
    Annotation a;
    a.runId = 7;
    a.userId = user;
    a.system = SystemId::R2P;
    a.target = target;
    a.stage = stage;
    a.candidate = candidate;
    a.label = label;
    a.annotator = annotator;
    return a;
}

// Two annotators. Both reviewed u1..u3, only ana u4, so u4's item is left out. A span counts as
// its step: ana's stage and bo's span on candidates#1 are one item. Items both judged: u1 run,
// u2 task_analysis, u2 run, u3 candidates#1, u3 verdict#2 (5).
//   retrieval-unused: yes/yes 1, no/no 4: p_o = 1, p_e = .2*.2 + .8*.8 = .68, kappa = 1
//   truncated: yes/no 1, no/no 4: p_o = .8, p_e = .2*0 + .8*1 = .8, kappa = 0
//   divergent-thinking: never used, p_e = 1: undefined
TEST(Agreement, CohenOverTheItemsBothJudged) {
    const std::vector<Annotation> notes = {
        note("ana", "u1", AnnotationTarget::Run, "retrieval-unused"),
        note("bo", "u1", AnnotationTarget::Run, "retrieval-unused"),
        note("ana", "u2", AnnotationTarget::Stage, "truncated", StageId::TaskAnalysis),
        note("bo", "u2", AnnotationTarget::Run, "other"),
        note("ana", "u3", AnnotationTarget::Stage, "format-misalignment", StageId::Candidates, 1),
        note("bo", "u3", AnnotationTarget::Span, "format-misalignment", StageId::Candidates, 1),
        note("bo", "u3", AnnotationTarget::Verdict, "inconsistent-candidates",
             StageId::CrossReference, 2),
        note("ana", "u4", AnnotationTarget::Run, "truncated"),
    };
    const auto report = computeAgreement(notes, labelIds(builtinTaxonomy()));
    EXPECT_EQ(report.runId, 7);
    EXPECT_EQ(report.annotators, (std::vector<std::string>{"ana", "bo"}));
    EXPECT_EQ(report.items.size(), 6u);
    ASSERT_TRUE(report.cohen);
    EXPECT_FALSE(report.fleiss);
    const auto& c = *report.cohen;
    EXPECT_EQ(c.annotatorA, "ana");
    EXPECT_EQ(c.items, 5);
    auto label = [&](const std::string& id) -> const CohenLabelAgreement& {
        for (const auto& l : c.labels)
            if (l.label == id)
                return l;
        throw std::runtime_error("no label " + id);
    };
    EXPECT_EQ(label("retrieval-unused").confusion.yesYes, 1);
    EXPECT_EQ(label("retrieval-unused").confusion.noNo, 4);
    EXPECT_DOUBLE_EQ(label("retrieval-unused").kappa.expected, 0.68);
    EXPECT_NEAR(*label("retrieval-unused").kappa.kappa, 1.0, 1e-12);
    EXPECT_EQ(label("truncated").confusion.yesNo, 1);
    EXPECT_NEAR(*label("truncated").kappa.kappa, 0.0, 1e-12);
    EXPECT_EQ(label("other").confusion.noYes, 1);
    EXPECT_NEAR(*label("format-misalignment").kappa.kappa, 1.0, 1e-12);
    EXPECT_FALSE(label("divergent-thinking").kappa.kappa);

    // Label x label: rows ana, columns bo, the last one "(none)".
    ASSERT_EQ(c.matrixLabels.size(), 9u);
    EXPECT_EQ(c.matrixLabels.back(), "(none)");
    auto at = [&](const std::string& a, const std::string& b) {
        auto idx = [&](const std::string& id) {
            return static_cast<std::size_t>(
                std::find(c.matrixLabels.begin(), c.matrixLabels.end(), id) -
                c.matrixLabels.begin());
        };
        return c.matrix[idx(a)][idx(b)];
    };
    EXPECT_EQ(at("retrieval-unused", "retrieval-unused"), 1);
    EXPECT_EQ(at("truncated", "(none)"), 1);
    EXPECT_EQ(at("(none)", "other"), 1);
    EXPECT_EQ(at("format-misalignment", "format-misalignment"), 1);
    EXPECT_EQ(at("(none)", "inconsistent-candidates"), 1);
    int sum = 0;
    for (const auto& row : c.matrix)
        for (int v : row)
            sum += v;
    EXPECT_EQ(sum, 5);

    const json j = json::parse(agreementJson(report));
    EXPECT_EQ(j["method"], "cohen");
    EXPECT_EQ(j["cohen"]["items"], 5);
    bool sawUndefined = false;
    for (const auto& l : j["cohen"]["labels"]) {
        if (l["label"] == "divergent-thinking") {
            EXPECT_TRUE(l["kappa"].is_null());
            EXPECT_FALSE(l["kappa_defined"].get<bool>());
            sawUndefined = true;
        }
        if (l["label"] == "truncated") {
            EXPECT_EQ(l["confusion"]["yes_no"], 1);
        }
    }
    EXPECT_TRUE(sawUndefined);
    EXPECT_EQ(j["cohen"]["label_matrix"]["labels"].back(), "(none)");
    EXPECT_EQ(agreementJson(report).find("nan"), std::string::npos);
    EXPECT_EQ(agreementJson(report).find("NaN"), std::string::npos);
}

// Three annotators; u3 was reviewed by ana alone and is left out. Items judged by all: u1 run,
// u2 answer (n = 3 raters).
//   truncated yes counts [2, 0]: P1 = (2*1 + 1*0)/6 = 1/3, P2 = (0 + 3*2)/6 = 1, P-bar = 2/3;
//   p_yes = 2/6, P-bar_e = 1/9 + 4/9 = 5/9; kappa = (2/3 - 5/9) / (4/9) = 0.25
//   other yes counts [1, 3]: likewise 0.25
TEST(Agreement, FleissForThreeOrMoreAnnotators) {
    const std::vector<Annotation> notes = {
        note("ana", "u1", AnnotationTarget::Run, "truncated"),
        note("bo", "u1", AnnotationTarget::Run, "truncated"),
        note("cy", "u1", AnnotationTarget::Run, "other"),
        note("ana", "u2", AnnotationTarget::Stage, "other", StageId::Answer),
        note("bo", "u2", AnnotationTarget::Stage, "other", StageId::Answer),
        note("cy", "u2", AnnotationTarget::Stage, "other", StageId::Answer),
        note("ana", "u3", AnnotationTarget::Run, "truncated"),
    };
    const auto report = computeAgreement(notes, labelIds(builtinTaxonomy()));
    EXPECT_FALSE(report.cohen);
    ASSERT_TRUE(report.fleiss);
    const auto& f = *report.fleiss;
    EXPECT_EQ(f.annotators.size(), 3u);
    ASSERT_EQ(f.items.size(), 2u);
    for (const auto& l : f.labels) {
        if (l.label == "truncated") {
            EXPECT_EQ(l.yesCounts, (std::vector<int>{2, 0}));
            EXPECT_NEAR(l.kappa.observed, 2.0 / 3.0, 1e-12);
            EXPECT_NEAR(l.kappa.expected, 5.0 / 9.0, 1e-12);
            EXPECT_NEAR(*l.kappa.kappa, 0.25, 1e-12);
        } else if (l.label == "other") {
            EXPECT_EQ(l.yesCounts, (std::vector<int>{1, 3}));
            EXPECT_NEAR(*l.kappa.kappa, 0.25, 1e-12);
        } else {
            EXPECT_FALSE(l.kappa.kappa) << l.label;
        }
    }
    const json j = json::parse(agreementJson(report));
    EXPECT_EQ(j["method"], "fleiss");
    EXPECT_EQ(j["fleiss"]["items"].size(), 2u);
    EXPECT_EQ(j["fleiss"]["items"][0]["item"], "run");
    EXPECT_EQ(j["fleiss"]["items"][1]["item"], "answer");
    EXPECT_EQ(agreementJson(report).find("nan"), std::string::npos);
}

TEST(Agreement, OneAnnotatorOrALabelOutsideTheTaxonomy) {
    const auto none = computeAgreement({}, {"a"});
    EXPECT_FALSE(none.cohen);
    EXPECT_FALSE(none.fleiss);
    EXPECT_TRUE(json::parse(agreementJson(none))["method"].is_null());
    const auto one = computeAgreement({note("ana", "u1", AnnotationTarget::Run, "x")}, {"a"});
    EXPECT_EQ(one.labels, (std::vector<std::string>{"a", "x"}));
    EXPECT_FALSE(one.cohen);
    EXPECT_NE(agreementJson(one).find("at least two annotators"), std::string::npos);
}

} // namespace
