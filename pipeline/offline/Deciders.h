// How the offline reasoner decides an answer from the weighted items: the facts it states, the
// plan that applies them and the answer, for LaMP-1 (reference overlap), the label tasks
// (weighted votes), LaMP-3 (weighted mean rating) and, through TextGenerator, generation.
#pragma once

#include "Weighting.h"
#include "model/Task.h"
#include "pipeline/engine/HrtTemplate.h"

#include <string>
#include <string_view>
#include <vector>

namespace r2p::engine::offline {

struct Decision {
    std::vector<std::string> facts; // synthesis lines, each led by the items it rests on
    std::string uncited;            // the same gist without any [P#] (the citation flaw)
    std::string plan;               // how the facts decide, ending in "→ answer"
    std::string answer;             // in the task's format
};

// "category" for LaMP-2N, else "tag".
std::string labelNoun(TaskId task);

// The decision for `task`; an unknown task gets a note instead of an answer.
Decision decide(TaskId task, const AnswerFormat& format, std::string_view input,
                const std::vector<Weighted>& items);

} // namespace r2p::engine::offline
