// The dataset index: one scan of a LaMP questions file (and its outputs file) into a list of
// users with byte ranges, so a user's record is parsed only when it is needed.
#pragma once

#include "Finding.h"
#include "Record.h"
#include "Result.h"
#include "Task.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace r2p {

struct UserIndexEntry {
    std::string id;
    std::uint64_t offset = 0; // byte of the record's '{'
    std::uint64_t length = 0; // bytes up to and including its '}'
    std::uint32_t profileSize = 0;
    std::string userId; // time-based splits only
    std::string gold;   // from the outputs file, when hasGold
    bool hasGold = false;
};

enum class SplitShape {
    Invalid = 0,
    UserBased, // records have no user_id
    TimeBased, // records carry "user_id"
};
const char* splitShapeName(SplitShape s);

// Identifies one version of a file: an index is reused only while this still matches.
struct FileStamp {
    std::string path; // absolute
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;
    std::string fingerprint; // hash of the first and last 64 KiB, hex

    bool operator==(const FileStamp&) const = default;
};
Result<FileStamp> stampFile(const std::string& path);

enum class TaskSource {
    Invalid = 0,
    OutputsFile, // the outputs file's "task" field
    InputTemplate,
    UserOverride,
};
const char* taskSourceName(TaskSource s);

struct DatasetIndex {
    FileStamp questions;
    std::optional<FileStamp> outputs;
    TaskId task = TaskId::Invalid;
    TaskSource taskSource = TaskSource::Invalid;
    std::string outputsTaskField; // verbatim "task" of the outputs file, if any
    SplitShape shape = SplitShape::Invalid;
    std::vector<UserIndexEntry> users;
    std::vector<Finding> findings;

    bool usable() const { return !users.empty(); }
    std::size_t goldCount() const;
};

struct ProfileSizeStats {
    std::uint32_t min = 0;
    double median = 0; // the middle value, or the mean of the two middle values
    std::uint32_t max = 0;
};
ProfileSizeStats profileSizeStats(const std::vector<UserIndexEntry>& users);

struct ScanProgress {
    std::uint64_t bytesDone = 0;
    std::uint64_t bytesTotal = 0;
    std::size_t users = 0;
};

struct IndexOptions {
    std::optional<TaskId> taskOverride;
    // Called from the scanning thread, at most every few MiB.
    std::function<void(const ScanProgress&)> onProgress;
    // Set from any thread to stop; indexDataset then returns an Error saying it was cancelled.
    const std::atomic<bool>* cancel = nullptr;
};

// Scans the questions file (and the outputs file, if the path is not empty). Malformed input
// becomes findings and whatever was read before it stays usable; an Error means the questions
// file could not be read at all, or the scan was cancelled.
Result<DatasetIndex> indexDataset(const std::string& questionsPath, const std::string& outputsPath,
                                  const IndexOptions& options = {});

// For a questions file, the outputs file LaMP would ship beside it ("dev_questions.json" ->
// "dev_outputs.json"), if that exists; empty otherwise.
std::string guessOutputsPath(const std::string& questionsPath);

// What a JSON file looks like from its first bytes, without reading the rest.
enum class JsonFileKind {
    Invalid = 0,
    Questions, // starts with '['
    Outputs,   // starts with '{'
    Unknown,
};
JsonFileKind sniffJsonFile(const std::string& path);

// Bounds on what one user may bring into a run (a 50 MB input string once cost 1.25 GB of
// memory and 630 MB in the project): a record larger than this is not read, a field (the
// input, a profile item's field) larger than that fails the record as "too large".
inline constexpr std::uint64_t kMaxRecordBytes = 32ull << 20;
inline constexpr std::size_t kMaxFieldBytes = 1u << 20;

// Reads single user records by their byte range, checking the file has not changed. The file
// is opened on the first read and kept open (copies share it): a run reads 100,000 records, and
// opening the path for each was a tenth of its reading. Each read checks the open file's size
// and time against the index; a file replaced by another at the path keeps being read as the
// one indexed.
class RecordReader {
public:
    explicit RecordReader(FileStamp questions);
    Result<UserRecord> read(const UserIndexEntry& entry) const;

private:
    struct OpenFile;
    FileStamp stamp_;
    std::shared_ptr<OpenFile> file_;
};

// Parses one questions-file record. `where` names the file and is used in error messages.
Result<UserRecord> parseUserRecord(std::string_view json, std::string_view where);

// Reads a whole LaMP outputs-format file ({"task": ..., "golds": [{"id", "output"}]}), as used
// by outputs and prediction files.
struct OutputsFile {
    std::string task; // verbatim
    std::vector<Gold> golds;
    std::vector<Finding> findings; // wrong-shape entries, duplicates
};
Result<OutputsFile> readOutputsFile(const std::string& path);

// Reads every record of a questions file, in order, calling `visit` for each; records with a
// wrong shape become findings. For tools that need all users (retrieve, batch runs).
Status forEachUserRecord(const std::string& questionsPath,
                         const std::function<void(UserRecord&&)>& visit,
                         std::vector<Finding>* findings = nullptr);

} // namespace r2p
