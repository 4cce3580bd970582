// The offline tagger: deterministic, rule-based tags for a chain the model did not tag, so a
// workbench without a tagger model still shows tagged chains. It is no language model and says
// so: every span it makes has source "auto" and annotator kOfflineTaggerName.
//  - An R2P HRT level becomes one span over the level's body, with the tag the tag set maps to
//    that level (TagDef::hrtLevel), confidence 1.
//  - Free reasoning (lrm-rag's) is cut into sentences (ending at a line break, or at '.', '!' or
//    '?' before whitespace); each sentence takes the tag with the most cue hits (TagDef::cues:
//    case-insensitive ASCII, at a word start, so "prefer" also finds "preferred"; ties go to the
//    tag listed first); a sentence without a hit joins the run before it (leading ones the run
//    after). Runs of one tag become one span; its confidence is the share of its sentences that
//    hit a cue of that tag. The answer (the content, trimmed) is the answer tag, confidence 1.
#pragma once

#include "TagParser.h"
#include "TagSet.h"
#include "pipeline/engine/HrtTemplate.h"

#include <string_view>
#include <vector>

namespace r2p::tags {

inline constexpr std::string_view kOfflineTaggerName = "offline (rule-based tagger)";

// One HRT level's stage text (the step's text, marker line included): at most one span, over the
// body after the marker line, trimmed; offsets into stageText. None when no tag maps to the
// level or the body is empty.
std::vector<TagSpan> tagHrtLevel(const TagSet& set, const engine::HrtTemplate& hrt, StageId stage,
                                 std::string_view stageText);

// Untagged free reasoning and the answer after it (a step's reasoning and content); offsets into
// chainText(reasoning, content), spans in order.
std::vector<TagSpan> tagFreeReasoning(const TagSet& set, std::string_view reasoning,
                                      std::string_view content);

} // namespace r2p::tags
