// The offline reasoner's generation (LaMP-4..7): the user's style learnt from their past outputs
// (length, casing, hashtags, a habitual prefix or opening, recurring words) and an answer
// extracted from the input's text in that style.
#pragma once

#include "Deciders.h"

#include <string_view>
#include <vector>

namespace r2p::engine::offline {

// "headlines", "titles", "subjects", "tweets"
const char* outputNoun(TaskId task);

Decision decideText(TaskId task, const AnswerFormat& format, std::string_view input,
                    const std::vector<Weighted>& items);

} // namespace r2p::engine::offline
