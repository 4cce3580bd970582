// Splits a LaMP input into the parts a reader cares about (LaMP-1's paper title and its two
// candidate references, LaMP-3's review, ...), for display. Retrieval queries live in pipeline/.
#pragma once

#include "Task.h"

#include <string>
#include <string_view>
#include <vector>

namespace r2p {

enum class InputPartKind {
    Invalid = 0,
    Instruction,  // the task's fixed instruction text
    PaperTitle,   // LaMP-1
    ReferenceOne, // LaMP-1 "[1]"
    ReferenceTwo, // LaMP-1 "[2]"
    LabelChoices, // LaMP-2/2N: the listed tags or categories
    Description,  // LaMP-2 movie description
    Article,      // LaMP-2N, LaMP-4
    Review,       // LaMP-3
    Abstract,     // LaMP-5
    Email,        // LaMP-6
    Tweet,        // LaMP-7
    Text,         // anything else: the whole input
};

struct InputPart {
    InputPartKind kind = InputPartKind::Invalid;
    std::string text;
};

// The strings between double quotes, in order: a '"' opens one outside a string and closes it
// inside, with no escapes (LaMP's rule for LaMP-1 inputs).
std::vector<std::string_view> quotedStrings(std::string_view input);

// Never fails: an input that does not follow its task's template comes back as one Text part.
std::vector<InputPart> splitInput(TaskId task, std::string_view input);

} // namespace r2p
