#include "Finding.h"

#include <sstream>

namespace r2p {

const char* severityName(Severity s) {
    switch (s) {
    case Severity::Info:
        return "info";
    case Severity::Warning:
        return "warning";
    case Severity::Error:
        return "error";
    case Severity::Invalid:
        break;
    }
    return "invalid";
}

const char* findingCodeName(FindingCode c) {
    switch (c) {
    case FindingCode::FileUnreadable:
        return "file-unreadable";
    case FindingCode::JsonSyntax:
        return "json-syntax";
    case FindingCode::JsonTruncated:
        return "json-truncated";
    case FindingCode::TopLevelNotArray:
        return "top-level-not-array";
    case FindingCode::OutputsNotObject:
        return "outputs-not-object";
    case FindingCode::RecordWrongShape:
        return "record-wrong-shape";
    case FindingCode::DuplicateId:
        return "duplicate-id";
    case FindingCode::MissingGold:
        return "missing-gold";
    case FindingCode::OrphanGold:
        return "orphan-gold";
    case FindingCode::TaskMismatch:
        return "task-mismatch";
    case FindingCode::TaskUndetected:
        return "task-undetected";
    case FindingCode::EmptyDataset:
        return "empty-dataset";
    case FindingCode::ProfileEmpty:
        return "profile-empty";
    case FindingCode::QueryFallback:
        return "query-fallback";
    case FindingCode::FieldMissing:
        return "field-missing";
    case FindingCode::DateUnparsable:
        return "date-unparsable";
    case FindingCode::ProfileTextEmpty:
        return "profile-text-empty";
    case FindingCode::Invalid:
        break;
    }
    return "invalid";
}

Severity worstSeverity(const std::vector<Finding>& findings) {
    Severity worst = Severity::Invalid;
    for (const auto& f : findings)
        if (static_cast<int>(f.severity) > static_cast<int>(worst))
            worst = f.severity;
    return worst;
}

Severity parseSeverity(const std::string& name) {
    for (Severity s : {Severity::Info, Severity::Warning, Severity::Error})
        if (name == severityName(s))
            return s;
    return Severity::Invalid;
}

FindingCode parseFindingCode(const std::string& name) {
    for (int c = 1; c <= static_cast<int>(FindingCode::ProfileTextEmpty); ++c)
        if (name == findingCodeName(static_cast<FindingCode>(c)))
            return static_cast<FindingCode>(c);
    return FindingCode::Invalid;
}

std::string Finding::message() const {
    std::ostringstream m;
    if (!file.empty()) {
        m << file;
        if (line > 0)
            m << ":" << line << ":" << column;
        m << ": ";
    }
    auto idList = [&] {
        std::string s;
        for (std::size_t i = 0; i < ids.size(); ++i)
            s += (i ? ", " : "") + ids[i];
        if (count > ids.size())
            s += ", …";
        return s;
    };
    switch (code) {
    case FindingCode::FileUnreadable:
        m << "cannot read the file: " << detail;
        break;
    case FindingCode::JsonSyntax:
        m << "malformed JSON (" << detail << ") at byte " << offset << "; " << count
          << " record(s) before it were kept";
        break;
    case FindingCode::JsonTruncated:
        if (!detail.empty())
            m << detail;
        else
            m << "the file ends in the middle of the JSON (truncated?); " << count
              << " complete record(s) were kept";
        break;
    case FindingCode::TopLevelNotArray:
        m << "not a LaMP questions file: the top level must be a JSON array of records";
        break;
    case FindingCode::OutputsNotObject:
        m << "not a LaMP outputs file: expected {\"task\": ..., \"golds\": [...]}";
        if (!detail.empty())
            m << " (" << detail << ")";
        break;
    case FindingCode::RecordWrongShape:
        m << "record " << recordId << " skipped: " << detail;
        break;
    case FindingCode::DuplicateId:
        m << count << " duplicate id(s), later copies skipped: " << idList();
        break;
    case FindingCode::MissingGold:
        m << count << " question(s) without an output: " << idList();
        break;
    case FindingCode::OrphanGold:
        m << count << " output(s) without a question: " << idList();
        break;
    case FindingCode::TaskMismatch:
        m << "task mismatch: " << detail;
        break;
    case FindingCode::TaskUndetected:
        m << "cannot tell the LaMP task from the outputs file or the inputs; choose it by hand";
        break;
    case FindingCode::EmptyDataset:
        m << "no usable records";
        break;
    case FindingCode::ProfileEmpty:
        m << "record " << recordId << " has an empty profile";
        break;
    case FindingCode::QueryFallback:
    case FindingCode::FieldMissing:
    case FindingCode::DateUnparsable:
    case FindingCode::ProfileTextEmpty:
        // Retrieval notes: the record is still ranked, so never "skipped".
        m << "record " << recordId << ": " << detail;
        break;
    case FindingCode::Invalid:
        m << detail;
        break;
    }
    return m.str();
}

} // namespace r2p
