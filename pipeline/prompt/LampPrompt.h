// LaMP's personalized prompt (prompts/prompts.py, the `lamp-rag` baseline): retrieved items
// rendered per task and joined into the input. A word budget stands in for LaMP's truncation
// by the model's tokenizer, and the result says how many words it cut.
#pragma once

#include "model/Record.h"
#include "model/Task.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::prompt {

struct PromptOptions {
    // Words shared by the items' long field (LaMP-1 title; LaMP-2 description; LaMP-5
    // abstract; otherwise text), LaMP's max_length counted in words. Split evenly across the
    // items; words an item leaves unused carry over to the next, as LaMP's saved_tokens do.
    // 0 = no limit.
    std::size_t maxProfileWords = 0;
};

struct PromptItemReport {
    std::string profileId;
    std::size_t words = 0;    // words of the long field before truncation
    std::size_t wordsCut = 0; // words dropped from its end
};

struct LampPrompt {
    std::string text;
    std::vector<PromptItemReport> items; // in prompt order
    std::size_t wordsCut = 0;            // over all items
    // LaMP-1 only: false when the input has no "title" to attach the items to; LaMP then
    // sends the input unchanged, and so does this.
    bool profileInserted = true;
};

// The prompt for `input` with these profile items (best first, as retrieved). No items gives
// the input unchanged (LaMP itself would divide by zero).
LampPrompt buildLampPrompt(TaskId task, std::string_view input,
                           const std::vector<const ProfileItem*>& items,
                           const PromptOptions& options = {});

// The first `maxWords` words of `text` (Python str.split() words), keeping the original
// spacing up to the end of the last kept word; `cut` receives how many words were dropped.
std::string_view firstWords(std::string_view text, std::size_t maxWords, std::size_t& cut,
                            std::size_t& total);

} // namespace r2p::prompt
