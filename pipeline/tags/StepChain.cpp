#include "StepChain.h"

#include "OfflineTagger.h"

#include <algorithm>

namespace r2p::tags {

std::size_t retrievedItemCount(const UserTrace& trace) {
    for (const auto& s : trace.steps)
        if (s.stage == StageId::Retrieve && s.output.items)
            return s.output.items->size();
    return 0;
}

bool isHrtLevelStep(StageId s) {
    return s == StageId::TaskAnalysis || s == StageId::ProfileSynthesis ||
           s == StageId::AnswerPlan || s == StageId::Answer || s == StageId::Candidates;
}

bool isTaggedStep(const UserTrace& trace, const StepRecord& step) {
    return !step.tagSpans.empty() ||
           (trace.system == SystemId::TagPR && step.stage == StageId::Generate);
}

std::string spanSourceKey(const TagSpanRecord& span) {
    return span.source == "model" ? span.source : span.source + ":" + span.annotator;
}

std::string preferredSpanSource(const StepRecord& step) {
    std::string human, model, tagger;
    for (const auto& r : step.tagSpans) {
        const std::string key = spanSourceKey(r);
        std::string& slot = r.source == "human" ? human : r.source == "model" ? model : tagger;
        if (slot.empty() || key < slot)
            slot = key;
    }
    return !human.empty() ? human : !model.empty() ? model : tagger;
}

ParsedChain storedChain(const TagSet& set, const StepRecord& step) {
    const std::string source = preferredSpanSource(step);
    if (source.empty() || source == "model")
        return parseTags(set, step.reasoning, step.answer);
    ParsedChain chain;
    chain.reasoningBytes = step.reasoning.size();
    chain.contentBytes = step.answer.size();
    chain.complete = true;
    for (const auto& r : step.tagSpans) {
        if (spanSourceKey(r) != source)
            continue;
        TagSpan s;
        s.start = s.outerStart = static_cast<std::size_t>(r.start);
        s.end = s.outerEnd = static_cast<std::size_t>(r.end);
        s.tag = r.tag;
        s.source = parseTagSource(r.source).value_or(TagSource::Invalid);
        s.annotator = r.annotator;
        s.confidence = r.confidence;
        chain.spans.push_back(std::move(s));
    }
    return chain;
}

ParsedChain autoTaggedChain(const TagSet& set, const engine::HrtTemplate* hrt,
                            const StepRecord& step) {
    ParsedChain chain;
    chain.reasoningBytes = step.reasoning.size();
    chain.contentBytes = step.answer.size();
    chain.complete = true;
    // A candidate's answer (stage Candidates) is its walk-through's Answer level.
    const StageId stage = step.stage == StageId::Candidates ? StageId::Answer : step.stage;
    const bool level = hrt && std::any_of(hrt->levels.begin(), hrt->levels.end(),
                                          [&](const auto& l) { return l.stage == stage; });
    if (level) {
        chain.spans = tagHrtLevel(set, *hrt, stage, step.answer);
        for (auto& s : chain.spans) {
            s.start += step.reasoning.size();
            s.end += step.reasoning.size();
            s.outerStart += step.reasoning.size();
            s.outerEnd += step.reasoning.size();
        }
    } else {
        chain.spans = tagFreeReasoning(set, step.reasoning, step.answer);
    }
    return chain;
}

CheckedChain checkChain(const TagSet& set, const engine::HrtTemplate* hrt, const UserTrace& trace,
                        std::string text, ParsedChain chain, bool autoTagged) {
    return checkChain(set, hrt, retrievedItemCount(trace), std::move(text), std::move(chain),
                      autoTagged);
}

CheckedChain checkChain(const TagSet& set, const engine::HrtTemplate* hrt, std::size_t itemCount,
                        std::string text, ParsedChain chain, bool autoTagged) {
    ChainContext context;
    context.answerFormat = hrt ? &hrt->answer : nullptr;
    context.itemCount = itemCount;
    CheckedChain out;
    out.report = checkTagConstraints(set, text, chain, context);
    out.text = std::move(text);
    out.chain = std::move(chain);
    out.autoTagged = autoTagged;
    return out;
}

} // namespace r2p::tags
