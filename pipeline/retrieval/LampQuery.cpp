#include "LampQuery.h"

#include "pipeline/text/PyText.h"

namespace r2p::retrieval {

namespace {

Finding recordFinding(FindingCode code, std::string_view recordId, std::string detail) {
    Finding f;
    f.severity = Severity::Warning;
    f.code = code;
    f.recordId = std::string(recordId);
    f.detail = std::move(detail);
    return f;
}

// The marker whose following text is the query, per rank_profiles.py.
std::string_view queryMarker(TaskId task) {
    switch (task) {
    case TaskId::LaMP2:
        return "description:";
    case TaskId::LaMP2N:
    case TaskId::LaMP4:
        return "article:";
    case TaskId::LaMP3:
        return "review:";
    case TaskId::LaMP5:
    case TaskId::LaMP6:
    case TaskId::LaMP7:
        return ":";
    case TaskId::LaMP1:
    case TaskId::Invalid:
        break;
    }
    return {};
}

// The profile fields joined by one space into an item's corpus text, per rank_profiles.py.
std::vector<std::string_view> corpusFields(TaskId task) {
    switch (task) {
    case TaskId::LaMP1:
    case TaskId::LaMP5:
        return {"title", "abstract"};
    case TaskId::LaMP2:
        return {"description"};
    case TaskId::LaMP2N:
    case TaskId::LaMP4:
        return {"title", "text"};
    case TaskId::LaMP3:
    case TaskId::LaMP6:
    case TaskId::LaMP7:
        return {"text"};
    case TaskId::Invalid:
        break;
    }
    return {"text"};
}

} // namespace

AfterMarker textAfter(std::string_view input, std::string_view marker) {
    const std::size_t at = input.find(marker);
    if (at == std::string_view::npos)
        return {};
    return {true, text::pyStrip(input.substr(at + marker.size()))};
}

std::string lampQuery(TaskId task, std::string_view input, std::string_view recordId,
                      std::vector<Finding>* findings) {
    auto note = [&](std::string detail) {
        if (findings)
            findings->push_back(
                recordFinding(FindingCode::QueryFallback, recordId, std::move(detail)));
    };
    if (task == TaskId::LaMP1) {
        // The 2nd and 3rd quoted strings are the two candidate references.
        const auto quoted = quotedStrings(input);
        if (quoted.size() >= 3)
            return std::string(quoted[1]) + " " + std::string(quoted[2]);
        note("the LaMP-1 input has " + std::to_string(quoted.size()) +
             " quoted strings, not the title and two references; " +
             (quoted.size() > 1 ? "the quoted strings after the first were used as the query"
                                : "the whole input was used as the query"));
        if (quoted.size() <= 1)
            return std::string(text::pyStrip(input));
        std::string query;
        for (std::size_t i = 1; i < quoted.size(); ++i) {
            if (i > 1)
                query += ' ';
            query += quoted[i];
        }
        return query;
    }
    const std::string_view marker = queryMarker(task);
    if (marker.empty()) {
        note("the task is unknown; the whole input was used as the query");
        return std::string(text::pyStrip(input));
    }
    const auto after = textAfter(input, marker);
    if (after.found)
        return std::string(after.text);
    note("the input has no \"" + std::string(marker) +
         "\" marker; the whole input was used as the query");
    return std::string(text::pyStrip(input));
}

std::string lampCorpusText(TaskId task, const ProfileItem& item, bool useDate, bool* missingField) {
    std::string out;
    bool first = true;
    for (std::string_view name : corpusFields(task)) {
        if (!first)
            out += ' ';
        first = false;
        if (missingField && !item.hasField(name))
            *missingField = true;
        out += item.field(name);
    }
    if (useDate) {
        if (missingField && !item.hasField("date"))
            *missingField = true;
        out += " date: ";
        out += item.field("date");
    }
    return out;
}

QueryCorpus lampQueryCorpus(TaskId task, const UserRecord& record, bool useDate) {
    QueryCorpus qc;
    qc.query = lampQuery(task, record.input, record.id, &qc.findings);
    qc.corpus.reserve(record.profile.size());
    std::size_t missing = 0;
    std::string firstMissing;
    for (const auto& item : record.profile) {
        bool itemMissing = false;
        qc.corpus.push_back(lampCorpusText(task, item, useDate, &itemMissing));
        if (itemMissing && missing++ == 0)
            firstMissing = item.id;
    }
    if (missing > 0) {
        std::string fields;
        for (std::string_view name : corpusFields(task))
            fields += (fields.empty() ? "" : ", ") + std::string(name);
        if (useDate)
            fields += ", date";
        Finding f = recordFinding(
            FindingCode::FieldMissing, record.id,
            std::to_string(missing) + " profile item(s) lack one of the fields " + fields +
                " (first: item " + firstMissing + "); the missing text counts as empty");
        f.count = missing;
        qc.findings.push_back(std::move(f));
    }
    return qc;
}

} // namespace r2p::retrieval
