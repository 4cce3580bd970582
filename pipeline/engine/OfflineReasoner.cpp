// The offline reasoner's entry points: which stage is asked and for which system, the flaw
// schedule, and the judge's reply. The work is in pipeline/offline/. See OfflineReasoner.h.
#include "OfflineReasoner.h"

#include "Judge.h"
#include "Rpi.h"
#include "pipeline/offline/Deciders.h"
#include "pipeline/offline/StageWriter.h"
#include "pipeline/offline/TaggedWriter.h"
#include "pipeline/offline/TextUtil.h"
#include "pipeline/offline/Weighting.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace r2p::engine {

using offline::byPosition;
using offline::Chain;
using offline::decide;
using offline::Decision;
using offline::drifted;
using offline::factsSentence;
using offline::mix64;
using offline::perturb;
using offline::plannedAnswer;
using offline::stageText;
using offline::templateFor;
using offline::unitFromHash;
using offline::walkThrough;
using offline::weigh;
using offline::Weighted;

std::uint64_t stableHash(std::string_view text) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

bool offlineFlawed(std::string_view userId, StageId stage, int candidate, double rate) {
    if (rate <= 0)
        return false;
    if (stage != StageId::TaskAnalysis && stage != StageId::ProfileSynthesis &&
        stage != StageId::Answer && stage != StageId::Generate)
        return false;
    std::string key(userId);
    key += '\x1f';
    key += stageName(stage);
    if (candidate > 0)
        key += '#' + std::to_string(candidate);
    return unitFromHash(stableHash(key)) < rate;
}

bool offlineFlawedAgain(std::string_view userId, StageId stage, int candidate, int attempt,
                        std::uint64_t seed, double rate, double retryShare) {
    if (attempt <= 0 || rate <= 0 || retryShare <= 0)
        return false;
    if (stage != StageId::TaskAnalysis && stage != StageId::ProfileSynthesis &&
        stage != StageId::Answer)
        return false;
    std::string key(userId);
    key += '\x1f';
    key += stageName(stage);
    key += '#' + std::to_string(candidate) + "\x1fretry\x1f" + std::to_string(seed);
    double threshold = rate;
    for (int a = 0; a < attempt; ++a)
        threshold *= retryShare;
    // One draw for every later attempt: a stage that fails its second attempt failed the
    // first retry too (a stubborn failure), so some stages run out of interventions.
    return unitFromHash(stableHash(key)) < threshold;
}

namespace {

// Combine: a vote over the candidates' answers, each weighted by its verdict.
std::string combineVote(const StageHint& hint, const Chain& c) {
    const TaskId task = c.task;
    const AnswerFormat& format = c.hrt->answer;
    std::vector<std::pair<std::string, int>> votes;
    for (std::size_t i = 0; i < hint.candidates.size(); ++i) {
        const Verdict v = i < hint.verdicts.size() ? hint.verdicts[i] : Verdict::Invalid;
        const int weight = v == Verdict::Supported                               ? 3
                           : v == Verdict::Partial                               ? 2
                           : v == Verdict::Unparsed || v == Verdict::Unsupported ? 1
                                                                                 : 0;
        const std::string answer(text::pyStrip(hint.candidates[i]));
        auto it = std::find_if(votes.begin(), votes.end(),
                               [&](const auto& p) { return p.first == answer; });
        if (it == votes.end())
            votes.emplace_back(answer, weight);
        else
            it->second += weight;
    }
    const auto best =
        std::max_element(votes.begin(), votes.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    return best == votes.end() ? decide(task, format, c.input, c.weighted).answer : best->first;
}

// A judge's reply: the lexical check of the candidate's answer the request carries, made from
// the retrieved history alone (not from this reasoner's weights, facts or answer).
std::string judgeReply(const StageHint& hint, const Chain& c) {
    if (hint.candidates.empty())
        return "VERDICT: unsupported\nEVIDENCE: none\nREASON: the request names no candidate "
               "answer to judge";
    const LexicalVerdict v =
        lexicalJudge(c.task, *c.hrt, hint.candidates.front(), hint.items, c.input);
    std::string evidence;
    for (int n : v.evidence)
        evidence += (evidence.empty() ? "P" : ", P") + std::to_string(n);
    return "VERDICT: " + std::string(verdictName(v.verdict)) + "\nEVIDENCE: " + evidence +
           "\nREASON: " + v.reason;
}

} // namespace

OfflineAnswer offlineReason(const StageHint& hint, const OfflineOptions& options) {
    TaskId task = hint.task;
    if (task == TaskId::Invalid)
        task = detectTaskFromInput(hint.input).value_or(TaskId::Invalid);
    if (task == TaskId::Invalid)
        return offlineReasonInput(hint.input);

    Chain c;
    c.hrt = &templateFor(hint.hrt, task);
    c.task = task;
    c.input = hint.input;
    c.items = hint.items;
    // Candidate j under retrieval variation leaves [Pj] out (the engine may have done so).
    if (hint.candidate > 0 && hint.variation == Variation::Retrieval)
        for (std::size_t i = 0; i < c.items.size(); ++i)
            if ((c.items[i].n > 0 ? c.items[i].n : static_cast<int>(i) + 1) == hint.candidate) {
                c.items.erase(c.items.begin() + static_cast<std::ptrdiff_t>(i));
                break;
            }
    c.weighted = weigh(c.items);
    if (hint.candidate > 0 && hint.variation == Variation::Temperature && !c.weighted.empty())
        perturb(c.weighted, hint.seed, hint.candidate, hint.temperature.value_or(1.0),
                hint.topP.value_or(1.0));
    const AnswerFormat& format = c.hrt->answer;

    const bool flawed =
        hint.attempt == 0
            ? hint.correcting == RpiRule::Invalid &&
                  offlineFlawed(hint.userId, hint.stage, hint.candidate, options.flawRate)
            : offlineFlawedAgain(hint.userId, hint.stage, hint.candidate, hint.attempt, hint.seed,
                                 options.flawRate, options.retryFlawShare);
    const std::uint64_t variant =
        mix64(stableHash(hint.userId) ^ static_cast<std::uint64_t>(hint.candidate));

    OfflineAnswer out;
    switch (hint.stage) {
    case StageId::TaskAnalysis:
    case StageId::ProfileSynthesis:
    case StageId::AnswerPlan:
    case StageId::Answer:
    case StageId::Candidates: {
        const StageId stage = hint.stage == StageId::Candidates ? StageId::Answer : hint.stage;
        Decision d = decide(task, format, c.input, c.weighted);
        if (stage == StageId::Answer && hint.candidate == 0 && !hint.plan.empty())
            if (auto planned = plannedAnswer(format, hint.plan))
                d.answer = *planned;
        out.answer = stageText(c, d, stage, flawed, variant);
        return out;
    }
    case StageId::Generate: {
        if (hint.system == SystemId::NoProfile) {
            out.answer = decide(task, format, c.input, {}).answer;
            return out;
        }
        if (hint.system == SystemId::LampRag) {
            // LaMP's prompt lists all k items without their scores.
            out.answer = decide(task, format, c.input, byPosition(c.items)).answer;
            return out;
        }
        const Decision d = decide(task, format, c.input, c.weighted);
        if (hint.system == SystemId::TagPR) {
            out.answer =
                offline::taggedChain(c, d, offline::taggedFlawOf(hint.userId, hint.attempt));
            return out;
        }
        if (hint.system == SystemId::LrmRag || hint.system == SystemId::R2PNoHrt) {
            out.reasoning =
                "The user's history should decide this. " +
                (d.facts.empty() ? std::string("No profile items were given.")
                                 : "Looking at the retrieved items: " + factsSentence(d.facts)) +
                " So: " + d.plan;
            out.answer = flawed ? drifted(task, format, d.answer, variant) : d.answer;
            return out;
        }
        out.reasoning = walkThrough(c, d);
        out.answer = d.answer;
        return out;
    }
    case StageId::Final:
        out.answer = combineVote(hint, c);
        return out;
    case StageId::CrossReference:
        out.answer = judgeReply(hint, c);
        return out;
    default:
        break;
    }
    const Decision d = decide(task, format, c.input, c.weighted);
    out.reasoning = walkThrough(c, d);
    out.answer = d.answer;
    return out;
}

OfflineAnswer offlineReasonInput(std::string_view input) {
    OfflineAnswer out;
    const auto task = detectTaskFromInput(input);
    if (!task) {
        out.reasoning = "This input does not start with the instruction of any LaMP task "
                        "(LaMP-1 to LaMP-7, LaMP-2N), so the offline reasoner cannot tell what "
                        "is asked. It has no language model: it only answers LaMP task inputs.";
        out.answer = "I can only answer LaMP task inputs offline.";
        return out;
    }
    Chain c;
    c.hrt = &templateFor(nullptr, *task);
    c.task = *task;
    c.input = std::string(input);
    const Decision d = decide(*task, c.hrt->answer, input, {});
    out.reasoning = walkThrough(c, d);
    out.answer = d.answer;
    return out;
}

OfflineAnswer offlineAnswer(const llm::GenerationRequest& request, const OfflineOptions& options) {
    if (request.hint)
        return offlineReason(*request.hint, options);
    if (request.endpoint == llm::Endpoint::Completions)
        return offlineReasonInput(request.prompt);
    for (auto it = request.messages.rbegin(); it != request.messages.rend(); ++it)
        if (it->role == llm::Role::User)
            return offlineReasonInput(it->content);
    return offlineReasonInput({});
}

} // namespace r2p::engine
