// Judge validation: can the cross-reference verdicts be trusted? For a stored run with golds,
// each R2P candidate's verdict against whether that candidate's own answer is right (scored as
// LaMP scores a prediction), per verdict; and, where annotators gave their own verdict on a
// candidate (a verdict annotation whose label is a verdict name, e.g. "supported" or
// "verdict-supported"), the judge's verdict against theirs with Cohen's kappa.
#pragma once

#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/Task.h"
#include "model/Trace.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace r2p::analysis {

struct JudgeVerdictRow {
    Verdict verdict = Verdict::Invalid;
    std::size_t candidates = 0; // with a gold to score against
    // Label and rating tasks: candidates whose answer equals the gold (accuracy 1, error 0).
    std::optional<std::size_t> correct;
    double meanScore = 0; // the task's main metric over those candidates
};

struct JudgeCheck {
    std::int64_t runId = 0;
    TaskId task = TaskId::Invalid;
    std::string metric;                // the main metric meanScore is in
    std::size_t usersWithGold = 0;     // R2P users with stored verdicts and a gold
    std::vector<JudgeVerdictRow> rows; // supported, partial, contradicted, unsupported, unparsed
    // Judge (rows) against annotators (columns), in the order of `rows`; candidates annotated
    // with a verdict label by several annotators count once per annotator.
    std::map<std::pair<Verdict, Verdict>, std::size_t> humanConfusion;
    std::size_t humanLabelled = 0;
    std::size_t humanAgreeing = 0;
    std::optional<double> humanKappa; // Cohen's kappa, undefined when chance agreement is 1
};

// The verdict an annotation label names ("supported", "verdict-supported"), if any.
std::optional<Verdict> verdictOfLabel(const std::string& label);

Result<JudgeCheck> checkJudge(ProjectStore& store, std::int64_t runId);

// The tables as `r2p judge-check` prints them (JSON).
std::string judgeCheckJson(const JudgeCheck& check);

} // namespace r2p::analysis
