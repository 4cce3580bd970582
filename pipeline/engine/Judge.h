// Judging answers without a model and reading a model judge: scoring one prediction against the
// gold, agreement between candidates, the offline lexical judge and parsing a judge's reply.
#pragma once

#include "HrtTemplate.h"
#include "model/Task.h"
#include "model/Trace.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::engine {

// Per-user LaMP scores of one raw prediction (stripped, as LaMP does): "accuracy" for
// classification, "MAE" and "squared_error" for LaMP-3, "rouge-1", "rouge-2", "rouge-L",
// "rouge-Lsum" for generation.
ScoreList scorePrediction(TaskId task, std::string_view prediction, std::string_view gold);

// Agreement of each candidate with the others: the share of candidates giving the same stripped
// answer (labels, ratings), or the mean pairwise ROUGE-L F with the others (text). One
// candidate agrees fully with itself (1).
std::vector<double> candidateAgreement(AnswerKind kind, const std::vector<std::string>& answers);

// The offline stand-in for the model judge: a lexical check of a candidate against the
// retrieved history alone, each item counted once. It reads neither the retrieval scores nor
// the synthesized facts (the offline reasoner's own statistics), so it can disagree with the
// reasoner: labels by how many items carry them, ratings by how many lie near, LaMP-1 by shared
// words, text by the user's own past outputs (their words and typical length).
struct LexicalVerdict {
    Verdict verdict = Verdict::Invalid;
    std::vector<int> evidence;
    std::string reason;
};
LexicalVerdict lexicalJudge(TaskId task, const HrtTemplate& hrt, std::string_view candidate,
                            const std::vector<PromptItem>& items, std::string_view input);

// Reads a model judge's reply ("VERDICT: ...", "EVIDENCE: P1, P3", "REASON: ..."), strictly:
// nullopt unless a line "VERDICT:" carries exactly one of supported, partial, contradicted,
// unsupported (case, markdown bold and a full stop aside), and no other VERDICT line disagrees.
std::optional<LexicalVerdict> parseJudgeReply(std::string_view reply);

} // namespace r2p::engine
