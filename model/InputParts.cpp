#include "InputParts.h"

namespace r2p {

namespace {

std::string_view trim(std::string_view s) {
    const char* ws = " \t\r\n";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string_view::npos)
        return {};
    const auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

// Instruction before `marker`, text after it; false if the marker is missing.
bool splitAt(std::string_view input, std::string_view marker, InputPartKind kind,
             std::vector<InputPart>& parts) {
    const auto at = input.find(marker);
    if (at == std::string_view::npos)
        return false;
    parts.push_back({InputPartKind::Instruction, std::string(trim(input.substr(0, at)))});
    parts.push_back({kind, std::string(trim(input.substr(at + marker.size())))});
    return true;
}

} // namespace

std::vector<std::string_view> quotedStrings(std::string_view input) {
    std::vector<std::string_view> out;
    std::size_t open = std::string_view::npos;
    for (std::size_t i = 0; i < input.size(); ++i) {
        if (input[i] != '"')
            continue;
        if (open == std::string_view::npos) {
            open = i + 1;
        } else {
            out.push_back(input.substr(open, i - open));
            open = std::string_view::npos;
        }
    }
    return out;
}

std::vector<InputPart> splitInput(TaskId task, std::string_view input) {
    std::vector<InputPart> parts;
    bool ok = false;
    switch (task) {
    case TaskId::LaMP1: {
        const auto q = quotedStrings(input);
        if (q.size() >= 3) {
            const auto firstQuote = input.find('"');
            parts.push_back(
                {InputPartKind::Instruction, std::string(trim(input.substr(0, firstQuote)))});
            parts.push_back({InputPartKind::PaperTitle, std::string(q[0])});
            parts.push_back({InputPartKind::ReferenceOne, std::string(q[1])});
            parts.push_back({InputPartKind::ReferenceTwo, std::string(q[2])});
            ok = true;
        }
        break;
    }
    case TaskId::LaMP2:
    case TaskId::LaMP2N: {
        const std::string_view marker = task == TaskId::LaMP2 ? "description:" : "article:";
        const std::string_view listMarker = task == TaskId::LaMP2 ? "tags:" : "categories:";
        const auto at = input.find(marker);
        if (at == std::string_view::npos)
            break;
        std::string_view head = input.substr(0, at);
        const auto listAt = head.find(listMarker);
        if (listAt != std::string_view::npos) {
            parts.push_back(
                {InputPartKind::Instruction, std::string(trim(head.substr(0, listAt)))});
            std::string_view list = trim(head.substr(listAt + listMarker.size()));
            if (list.size() >= 2 && list.front() == '[' && list.back() == ']')
                list = list.substr(1, list.size() - 2);
            parts.push_back({InputPartKind::LabelChoices, std::string(trim(list))});
        } else {
            parts.push_back({InputPartKind::Instruction, std::string(trim(head))});
        }
        parts.push_back(
            {task == TaskId::LaMP2 ? InputPartKind::Description : InputPartKind::Article,
             std::string(trim(input.substr(at + marker.size())))});
        ok = true;
        break;
    }
    case TaskId::LaMP3:
        ok = splitAt(input, "review:", InputPartKind::Review, parts);
        break;
    case TaskId::LaMP4:
        ok = splitAt(input, ":", InputPartKind::Article, parts);
        break;
    case TaskId::LaMP5:
        ok = splitAt(input, ":", InputPartKind::Abstract, parts);
        break;
    case TaskId::LaMP6:
        ok = splitAt(input, ":", InputPartKind::Email, parts);
        break;
    case TaskId::LaMP7:
        ok = splitAt(input, ":", InputPartKind::Tweet, parts);
        break;
    case TaskId::Invalid:
        break;
    }
    if (!ok) {
        parts.clear();
        parts.push_back({InputPartKind::Text, std::string(input)});
    }
    return parts;
}

} // namespace r2p
