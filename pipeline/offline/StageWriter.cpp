#include "StageWriter.h"

#include "TextGenerator.h"
#include "TextUtil.h"
#include "model/InputParts.h"
#include "pipeline/engine/Rpi.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace r2p::engine::offline {

namespace {

const HrtTemplate& fallbackTemplate(TaskId task) {
    static const std::vector<HrtTemplate> all = [] {
        std::vector<HrtTemplate> out;
        for (const auto& spec : allTasks()) {
            HrtTemplate t;
            t.id = "offline-fallback-" + std::string(spec.name);
            t.task = spec.id;
            const std::array<std::tuple<StageId, const char*, int, bool>, 4> levels = {{
                {StageId::TaskAnalysis, "Task analysis", 160, false},
                {StageId::ProfileSynthesis, "Profile synthesis", 320, true},
                {StageId::AnswerPlan, "Plan", 160, false},
                {StageId::Answer, "Answer", 64, false},
            }};
            for (const auto& [stage, title, budget, cites] : levels) {
                HrtLevel l;
                l.stage = stage;
                l.title = title;
                l.marker = std::string("## ") + title;
                l.budgetTokens = budget;
                l.requiresCitations = cites;
                t.levels.push_back(std::move(l));
            }
            for (auto label : spec.labels)
                t.answer.labels.emplace_back(label);
            if (spec.kind == TaskKind::Generation) {
                t.answer.kind = AnswerKind::Text;
                t.answer.description = "one line of text, nothing else";
            } else {
                t.answer.kind =
                    spec.kind == TaskKind::Rating ? AnswerKind::Rating : AnswerKind::Label;
                t.answer.description =
                    "exactly one of " + join(t.answer.labels, ", ") + ", nothing else";
            }
            out.push_back(std::move(t));
        }
        return out;
    }();
    for (const auto& t : all)
        if (t.task == task)
            return t;
    return all.front();
}

std::string whatIsAsked(TaskId task, std::string_view input) {
    switch (task) {
    case TaskId::LaMP1: {
        const auto q = quotedStrings(input);
        const std::string title = q.empty() ? "the paper" : "\"" + shortQuote(q[0], 8) + "\"";
        return "which of two candidate references the author of " + title +
               " would cite, [1] or [2]";
    }
    case TaskId::LaMP2:
        return "the one tag, out of LaMP's 15 movie tags, this user gives the movie described";
    case TaskId::LaMP2N:
        return "the one category, out of 15 news categories, this user gives the article";
    case TaskId::LaMP3:
        return "the score from 1 to 5 this user gave with the review";
    case TaskId::LaMP4:
        return "a headline for the article, as this user writes headlines";
    case TaskId::LaMP5:
        return "a title for the paper's abstract, as this author titles papers";
    case TaskId::LaMP6:
        return "a subject line for the email, as this user writes subjects";
    case TaskId::LaMP7:
        return "the tweet paraphrased the way this user tweets";
    case TaskId::Invalid:
        break;
    }
    return "an answer to an input of no known task";
}

std::string signalsFor(TaskId task) {
    switch (task) {
    case TaskId::LaMP1:
        return "the words each reference shares with the user's own papers, weighted by "
               "retrieval score";
    case TaskId::LaMP2:
        return "the tags the user gave the most similar movies, weighted by retrieval score";
    case TaskId::LaMP2N:
        return "the categories of the user's most similar articles, weighted by retrieval score";
    case TaskId::LaMP3:
        return "the ratings the user gave the most similar reviews, weighted by retrieval score";
    case TaskId::LaMP4:
    case TaskId::LaMP5:
    case TaskId::LaMP6:
        return std::string("the user's past ") + outputNoun(task) +
               ": length in words, casing and recurring words";
    case TaskId::LaMP7:
        return "the user's past tweets: length in words, casing, hashtags, mentions and emoji";
    case TaskId::Invalid:
        break;
    }
    return "none";
}

// The stage text: the marker line, then as many body lines as the budget allows (whole lines
// from the end go first, then words of the first line). The first line always stays.
std::string fitted(const HrtLevel& level, std::vector<std::string> lines) {
    auto render = [&] {
        return level.marker + "\n" + join(lines, "\n");
    };
    if (lines.empty())
        lines.push_back("(nothing to add)");
    // A template that marks its sub-steps: one line per sub-step, opened with its marker (a
    // tight budget may still cut the last ones, as it would a model's).
    for (std::size_t i = 0; i < level.stepMarkers.size(); ++i) {
        if (i == lines.size())
            lines.push_back("nothing more to add here.");
        lines[i] = level.stepMarkers[i] + " " + lines[i];
    }
    std::string text = render();
    if (level.budgetTokens <= 0)
        return text;
    while (approxTokens(text) > level.budgetTokens && lines.size() > 1) {
        lines.pop_back();
        text = render();
    }
    if (approxTokens(text) > level.budgetTokens) {
        auto words = splitWords(lines.front());
        while (words.size() > 1 && approxTokens(text) > level.budgetTokens) {
            words.pop_back();
            lines.front() = joinWords(words, words.size()) + " …";
            text = render();
        }
    }
    return text;
}

// Thinking that wanders past the level's budget (the "divergent thinking" failure).
std::string rambling(const HrtLevel& level, const std::vector<std::string>& lines) {
    static const std::array<std::string_view, 6> detours = {
        "Wait, before going on, let me restate what the task is really asking.",
        "Maybe the format matters less than I think; then again, it could matter a lot.",
        "Let me reconsider the input once more from the beginning, word by word.",
        "On second thought, the profile might say something different, so I should keep "
        "weighing every possibility before deciding anything.",
        "Hmm, there are several ways to read this, and each of them deserves a closer look.",
        "Actually, let me think about what a typical reader would expect here, and why."};
    std::string text = level.marker + "\n" + join(lines, "\n");
    const int limit = std::max(level.budgetTokens, 16) * 3 / 2 + 16;
    for (std::size_t i = 0; approxTokens(text) <= limit; ++i)
        text += (i % 3 == 0 ? "\n" : " ") + std::string(detours[i % detours.size()]);
    return text;
}

} // namespace

const HrtTemplate& templateFor(const HrtTemplate* given, TaskId task) {
    if (given)
        return *given;
    if (const HrtTemplate* builtin = builtinHrtTemplate(task))
        return *builtin;
    return fallbackTemplate(task);
}

std::string drifted(TaskId task, const AnswerFormat& format, const std::string& answer,
                    std::uint64_t variant) {
    switch (format.kind) {
    case AnswerKind::Label:
        if (variant % 2 == 0)
            return task == TaskId::LaMP1 ? "The answer is " + answer + "."
                                         : "The " + labelNoun(task) + " is " + answer + ".";
        return answer + ", because the retrieved items point to it.";
    case AnswerKind::Rating:
        return variant % 2 == 0 ? "Rating: " + answer : "I would rate it " + answer + " out of 5.";
    case AnswerKind::Text:
    case AnswerKind::Invalid:
        break;
    }
    const std::string label = task == TaskId::LaMP4   ? "Headline"
                              : task == TaskId::LaMP6 ? "Subject"
                              : task == TaskId::LaMP7 ? "Tweet"
                                                      : "Title";
    return variant % 2 == 0
               ? label + ": " + answer + "\n\nThis follows the user's usual length and casing."
               : "\"" + answer + "\"\n(I kept it in the user's style.)";
}

std::optional<std::string> plannedAnswer(const AnswerFormat& format, std::string_view plan) {
    const std::string_view arrow = "→ ";
    const auto at = plan.rfind(arrow);
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = plan.substr(at + arrow.size());
    rest = rest.substr(0, rest.find('\n'));
    std::string value;
    if (format.kind == AnswerKind::Text) {
        const auto open = rest.find('"');
        const auto close = rest.rfind('"');
        if (open == std::string_view::npos || close <= open)
            return std::nullopt;
        value = strip(rest.substr(open + 1, close - open - 1));
    } else {
        value = strip(rest);
        const auto comma = value.find(',');
        if (comma != std::string::npos)
            value.resize(comma);
        while (!value.empty() && value.back() == '.')
            value.pop_back();
        value = strip(value);
    }
    if (value.empty() || !answerInFormat(format, value))
        return std::nullopt;
    return value;
}

std::vector<std::string> factLines(const std::vector<std::string>& facts) {
    std::vector<std::string> lines;
    for (const auto& f : facts)
        lines.push_back("- " + f);
    // The first line cites, so trimming to the budget (which keeps the first line) keeps one.
    const auto citing = std::find_if(lines.begin(), lines.end(),
                                     [](const std::string& l) { return !citedItems(l).empty(); });
    if (citing != lines.end())
        std::rotate(lines.begin(), citing, citing + 1);
    return lines;
}

std::string stageText(const Chain& c, const Decision& d, StageId stage, bool flawed,
                      std::uint64_t variant) {
    const HrtLevel* level = c.hrt->level(stage);
    HrtLevel plain;
    if (!level) { // a template without this level: plain marker
        plain.stage = stage;
        plain.marker = "## " + std::string(stageName(stage));
        level = &plain;
    }
    switch (stage) {
    case StageId::TaskAnalysis: {
        std::vector<std::string> lines = {
            "The input asks for " + whatIsAsked(c.task, c.input) + ".",
            "Output format: " + sentence(c.hrt->answer.description.empty()
                                             ? std::string("the task's exact format")
                                             : c.hrt->answer.description),
            "Signals: " + signalsFor(c.task) + ".",
            c.items.empty() ? std::string("No profile items were given, so only the input "
                                          "can decide.")
                            : std::to_string(c.items.size()) +
                                  " profile items were retrieved, best first; their retrieval "
                                  "scores weight them."};
        return flawed ? rambling(*level, lines) : fitted(*level, lines);
    }
    case StageId::ProfileSynthesis: {
        if (c.items.empty())
            return fitted(*level, {"- no profile items were given; the answer rests on the "
                                   "input alone"});
        if (flawed)
            return fitted(*level, {d.uncited});
        return fitted(*level, factLines(d.facts));
    }
    case StageId::AnswerPlan:
        return fitted(*level, {d.plan});
    case StageId::Answer:
    default:
        return level->marker + "\n" +
               (flawed ? drifted(c.task, c.hrt->answer, d.answer, variant) : d.answer);
    }
}

std::string walkThrough(const Chain& c, const Decision& d) {
    std::vector<std::string> parts;
    for (StageId s :
         {StageId::TaskAnalysis, StageId::ProfileSynthesis, StageId::AnswerPlan, StageId::Answer})
        parts.push_back(stageText(c, d, s, false, 0));
    return join(parts, "\n\n");
}

std::string factsSentence(const std::vector<std::string>& facts) {
    std::vector<std::string> sentences;
    for (const auto& f : facts)
        sentences.push_back(sentence(f));
    return join(sentences, " ");
}

} // namespace r2p::engine::offline
