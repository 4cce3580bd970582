// A finding: something about the input or a run that the user should know, with severity.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace r2p {

enum class Severity {
    Invalid = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
};

// Stable codes, so the UI can phrase each one in the user's language.
enum class FindingCode {
    Invalid = 0,
    FileUnreadable,   // detail = OS error
    JsonSyntax,       // detail = what was expected; line/column/offset set
    JsonTruncated,    // file ends inside a value; count = records read before
    TopLevelNotArray, // questions file is not a JSON array
    OutputsNotObject, // outputs file is not {"task":..., "golds": [...]}
    RecordWrongShape, // recordId (or "#index"), detail = what is wrong
    DuplicateId,      // ids = the duplicates, count = how many
    MissingGold,      // questions without outputs: ids, count
    OrphanGold,       // outputs without questions: ids, count
    TaskMismatch,     // detail = "outputs say X, inputs look like Y"
    TaskUndetected,   // neither outputs nor inputs tell the task
    EmptyDataset,     // nothing usable loaded
    ProfileEmpty,     // recordId: the user has no profile items
    QueryFallback,    // recordId: the input lacks its task's marker; detail = what was used
    FieldMissing,     // recordId: profile items lack a task field; count, detail
    DateUnparsable,   // recordId: items without a usable date rank as oldest; count, detail
    ProfileTextEmpty, // recordId: every item's text is empty, so BM25 cannot rank
};

struct Finding {
    Severity severity = Severity::Warning;
    FindingCode code = FindingCode::Invalid;
    std::string file;             // the file it is about (absolute path), may be empty
    std::string recordId;         // the record it is about, may be empty
    std::uint64_t line = 0;       // 1-based; 0 when not about a position
    std::uint64_t column = 0;     // 1-based byte column within the line
    std::uint64_t offset = 0;     // byte offset in the file
    std::uint64_t count = 0;      // how many (records, ids)
    std::vector<std::string> ids; // the first few ids it concerns
    std::string detail;           // extra words (English, technical)

    // English one-line rendering for logs and the CLI; the UI phrases codes itself.
    std::string message() const;
};

const char* severityName(Severity s);
const char* findingCodeName(FindingCode c);
Severity worstSeverity(const std::vector<Finding>& findings);
// Inverses of the names above; Invalid for unknown names.
Severity parseSeverity(const std::string& name);
FindingCode parseFindingCode(const std::string& name);

} // namespace r2p
