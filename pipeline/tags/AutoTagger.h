// Auto-tagging an untagged chain (lrm-rag's reasoning, an R2P level) with a tagger model: a
// versioned prompt asks the model to copy the chain with every segment wrapped in a tag of the
// set; the reply's tags are read back onto the original text. The request goes through the
// run's backend, whose response cache makes a chain tagged once: asking again answers from the
// cache. The offline backend has no model; its tagger is the rule-based one (OfflineTagger.h).
#pragma once

#include "TagParser.h"
#include "TagSet.h"
#include "model/Result.h"
#include "pipeline/llm/Backend.h"

#include <string>
#include <string_view>
#include <vector>

namespace r2p::tags {

// The tagger prompt's id and version: part of every auto span's annotator, so spans of an
// earlier prompt stay apart from a later one's.
inline constexpr std::string_view kTaggerPromptId = "r2p-tagger";
inline constexpr int kTaggerPromptVersion = 1;

// "MODEL via r2p-tagger v1": the annotator of the spans a tagger model made.
std::string taggerAnnotator(const std::string& model);

// The request asking `model` to tag `chain` (a step's chainText): temperature 0, room for a copy
// of the chain with its markup.
llm::GenerationRequest taggerRequest(const TagSet& set, std::string_view chain,
                                     const std::string& model, const std::string& label);

// Reads the tagger's reply back onto `chain`: its tags parsed; the reply without its markup must
// be the chain (whitespace aside), else an Error saying where it changed the text. Spans
// (source Auto, `annotator`, confidence 1) are over the chain's bytes, whitespace at their
// edges left out; spans holding no text are dropped. Unknown or unclosed tags in the reply are
// an Error too: the tagger did not follow the set.
Result<std::vector<TagSpan>> readTaggerReply(const TagSet& set, std::string_view chain,
                                             std::string_view reply, const std::string& annotator);

} // namespace r2p::tags
