#include "LampPrompt.h"

#include "pipeline/text/PyText.h"

namespace r2p::prompt {

namespace {

// The field LaMP truncates for each task.
std::string_view longField(TaskId task) {
    switch (task) {
    case TaskId::LaMP1:
        return "title";
    case TaskId::LaMP2:
        return "description";
    case TaskId::LaMP5:
        return "abstract";
    case TaskId::LaMP2N:
    case TaskId::LaMP3:
    case TaskId::LaMP4:
    case TaskId::LaMP6:
    case TaskId::LaMP7:
    case TaskId::Invalid:
        break;
    }
    return "text";
}

// One item as prompts.py renders it, with `body` the (truncated) long field.
std::string renderItem(TaskId task, const ProfileItem& item, std::string_view body) {
    const auto q = [](std::string_view s) {
        return "\"" + std::string(s) + "\"";
    };
    switch (task) {
    case TaskId::LaMP1:
        return q(body);
    case TaskId::LaMP2:
        return "the tag for the movie: " + q(body) + " is " + q(item.field("tag")) + " ";
    case TaskId::LaMP2N:
        // prompts.py's create_classification_news_prompt (the older news LaMP-2).
        return "the category for the article: " + q(body) + " is " + q(item.field("category")) +
               " ";
    case TaskId::LaMP3:
        return std::string(item.field("score")) + " is the score for " + q(body) + " ";
    case TaskId::LaMP4:
        return q(item.field("title")) + " is the title for " + q(body) + " ";
    case TaskId::LaMP5:
        return q(item.field("title")) + " is a title for " + q(body) + " ";
    case TaskId::LaMP6:
        // prompts.py's create_generation_avocado_prompt: shaped like LaMP-4's.
        return q(item.field("title")) + " is the title for " + q(body) + " ";
    case TaskId::LaMP7:
    case TaskId::Invalid:
        break;
    }
    return q(body) + " ";
}

} // namespace

std::string_view firstWords(std::string_view text, std::size_t maxWords, std::size_t& cut,
                            std::size_t& total) {
    total = 0;
    std::size_t end = 0;
    text::pySplit(text, [&](std::string_view word) {
        if (++total <= maxWords)
            end = static_cast<std::size_t>(word.data() + word.size() - text.data());
    });
    cut = total > maxWords ? total - maxWords : 0;
    return cut > 0 ? text.substr(0, end) : text;
}

LampPrompt buildLampPrompt(TaskId task, std::string_view input,
                           const std::vector<const ProfileItem*>& items,
                           const PromptOptions& options) {
    LampPrompt out;
    if (items.empty()) {
        out.text = std::string(input);
        return out;
    }
    const std::string_view field = longField(task);
    const std::size_t perItem = options.maxProfileWords / items.size();
    std::size_t saved = 0;
    std::string joined;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const ProfileItem& item = *items[i];
        PromptItemReport report;
        report.profileId = item.id;
        std::string_view body = item.field(field);
        if (options.maxProfileWords > 0) {
            const std::size_t budget = perItem + saved;
            body = firstWords(body, budget, report.wordsCut, report.words);
            const std::size_t used = report.words - report.wordsCut;
            saved = budget - used;
        } else {
            text::pySplit(body, [&](std::string_view) { ++report.words; });
        }
        out.wordsCut += report.wordsCut;
        if (i > 0)
            joined += ", and ";
        joined += renderItem(task, item, body);
        out.items.push_back(std::move(report));
    }

    switch (task) {
    case TaskId::LaMP1: {
        // add_string_after_title: right after the first "title" of the input.
        const std::size_t at = input.find("title");
        if (at == std::string_view::npos) {
            out.profileInserted = false;
            out.text = std::string(input);
        } else {
            out.text = std::string(input.substr(0, at + 5)) + ", and " + joined +
                       std::string(input.substr(at + 5));
        }
        break;
    }
    case TaskId::LaMP5:
        out.text = joined + ". Following the given patterns " + std::string(input);
        break;
    case TaskId::LaMP7:
        out.text =
            joined + " are written by a person. Following the given patterns " + std::string(input);
        break;
    case TaskId::LaMP2:
    case TaskId::LaMP2N:
    case TaskId::LaMP3:
    case TaskId::LaMP4:
    case TaskId::LaMP6:
    case TaskId::Invalid:
        out.text = joined + ". " + std::string(input);
        break;
    }
    return out;
}

} // namespace r2p::prompt
