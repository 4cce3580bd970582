#include "Task.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace r2p {

namespace {
const std::vector<TaskSpec>& specs() {
    static const std::vector<TaskSpec> all = {
        {TaskId::LaMP1,
         "LaMP-1",
         "LaMP_1",
         TaskKind::Classification,
         "citation identification",
         {"[1]", "[2]"},
         {"title", "abstract"}},
        {TaskId::LaMP2,
         "LaMP-2",
         "LaMP_2",
         TaskKind::Classification,
         "movie tagging",
         {"sci-fi", "based on a book", "comedy", "action", "twist ending", "dystopia",
          "dark comedy", "classic", "psychology", "fantasy", "romance", "thought-provoking",
          "social commentary", "violence", "true story"},
         {"description", "tag"}},
        {TaskId::LaMP2N,
         "LaMP-2N",
         "LaMP_2",
         TaskKind::Classification,
         "news categorization",
         {"food & drink", "sports", "education", "parents", "religion", "travel", "business",
          "crime", "science & technology", "culture & arts", "entertainment", "politics", "women",
          "style & beauty", "healthy living"},
         {"title", "text", "category"}},
        {TaskId::LaMP3,
         "LaMP-3",
         "LaMP_3",
         TaskKind::Rating,
         "product rating",
         {"1", "2", "3", "4", "5"},
         {"text", "score"}},
        {TaskId::LaMP4,
         "LaMP-4",
         "LaMP_4",
         TaskKind::Generation,
         "news headline generation",
         {},
         {"title", "text"}},
        {TaskId::LaMP5,
         "LaMP-5",
         "LaMP_5",
         TaskKind::Generation,
         "scholarly title generation",
         {},
         {"title", "abstract"}},
        {TaskId::LaMP6,
         "LaMP-6",
         "LaMP_6",
         TaskKind::Generation,
         "email subject generation",
         {},
         {"title", "text"}},
        {TaskId::LaMP7,
         "LaMP-7",
         "LaMP_7",
         TaskKind::Generation,
         "tweet paraphrasing",
         {},
         {"text"}},
    };
    return all;
}

std::string normalise(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '-' || c == '_' || c == ' ')
            continue;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (out.rfind("lamp", 0) == 0)
        out.erase(0, 4);
    return out;
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}
} // namespace

std::span<const TaskSpec> allTasks() {
    return specs();
}

const TaskSpec& taskSpec(TaskId id) {
    for (const auto& s : specs())
        if (s.id == id)
            return s;
    static const TaskSpec invalid{};
    return invalid;
}

std::optional<TaskId> parseTaskName(std::string_view name) {
    const std::string n = normalise(name);
    static const std::array<std::pair<std::string_view, TaskId>, 8> names = {{
        {"1", TaskId::LaMP1},
        {"2", TaskId::LaMP2},
        {"2n", TaskId::LaMP2N},
        {"3", TaskId::LaMP3},
        {"4", TaskId::LaMP4},
        {"5", TaskId::LaMP5},
        {"6", TaskId::LaMP6},
        {"7", TaskId::LaMP7},
    }};
    for (const auto& [key, id] : names)
        if (n == key)
            return id;
    return std::nullopt;
}

std::optional<TaskId> detectTaskFromInput(std::string_view input) {
    // The instruction each LaMP task puts at the start of its input.
    if (input.find("which reference is related?") != std::string_view::npos)
        return TaskId::LaMP1;
    if (startsWith(input, "Which tag does this movie relate to"))
        return TaskId::LaMP2;
    if (startsWith(input, "Which category does this article relate to"))
        return TaskId::LaMP2N;
    if (startsWith(input, "What is the score of the following review"))
        return TaskId::LaMP3;
    if (startsWith(input, "Generate a headline for the following article"))
        return TaskId::LaMP4;
    if (startsWith(input, "Generate a title for the following abstract of a paper"))
        return TaskId::LaMP5;
    if (startsWith(input, "Generate a subject for the following email"))
        return TaskId::LaMP6;
    if (startsWith(input, "Paraphrase the following tweet"))
        return TaskId::LaMP7;
    return std::nullopt;
}

} // namespace r2p
