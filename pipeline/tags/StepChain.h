// The tagged chain of one stored step, read the way every view of it reads it: the model's own
// tags are parsed again from the text (so their problems count), spans a tagger or a person made
// are taken as stored; the step is checked with the tag set version its spans were made under.
// A step without tags can be tagged by the offline tagger for display (source "auto").
#pragma once

#include "TagConstraints.h"
#include "TagParser.h"
#include "TagSet.h"
#include "model/Trace.h"
#include "pipeline/engine/HrtTemplate.h"

#include <cstddef>
#include <string>

namespace r2p::tags {

// The retrieved items of a trace (its Retrieve step's), citable as [P1]..[Pk].
std::size_t retrievedItemCount(const UserTrace& trace);

// A step of R2P's walk-through that the HRT levels tag: task analysis, profile synthesis, answer
// plan, answer, and a candidate's answer (stage Candidates, its Answer level).
bool isHrtLevelStep(StageId stage);

// Whether a step carries a tagged chain: stored spans, or the tagpr system's generation.
bool isTaggedStep(const UserTrace& trace, const StepRecord& step);

// Who made a stored span: "model", "auto:NAME" or "human:NAME".
std::string spanSourceKey(const TagSpanRecord& span);

// The source a step's chain is read with when it has spans from several: a person's correction
// (the first annotator by name) over the model's own tags over a tagger's (the first by name).
// "" when the step has no stored span.
std::string preferredSpanSource(const StepRecord& step);

// The spans of a stored step over chainText(step.reasoning, step.answer), from its preferred
// source: the model's parsed again from the text (so their problems count; also for a tagpr
// step with no stored span), else that source's stored spans (problems none, complete).
ParsedChain storedChain(const TagSet& set, const StepRecord& step);

// The offline tagger's spans for an untagged step: an HRT level's body (the level's text is the
// answer; its offsets are moved past the reasoning; a candidate's answer, stage Candidates, is
// its Answer level), else the reasoning and answer as free
// reasoning. Offsets into chainText(step.reasoning, step.answer); complete, no problems.
ParsedChain autoTaggedChain(const TagSet& set, const engine::HrtTemplate* hrt,
                            const StepRecord& step);

// Everything a view shows of a step's chain: its text, spans, constraint report and whether the
// spans are the offline tagger's.
struct CheckedChain {
    std::string text;
    ParsedChain chain;
    ConstraintReport report;
    bool autoTagged = false;
};

// Checks a chain over its text with the task's answer format (from `hrt`, if any) and the
// trace's retrieved items.
CheckedChain checkChain(const TagSet& set, const engine::HrtTemplate* hrt, const UserTrace& trace,
                        std::string text, ParsedChain chain, bool autoTagged);
// The same with the number of retrieved items given.
CheckedChain checkChain(const TagSet& set, const engine::HrtTemplate* hrt, std::size_t itemCount,
                        std::string text, ParsedChain chain, bool autoTagged);

} // namespace r2p::tags
