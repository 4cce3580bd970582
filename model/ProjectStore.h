// The project file: one SQLite database (*.r2p, WAL) with the datasets opened and their index
// cache, the response cache, the runs with their steps, events and verdicts (RunStore), and the
// annotations and bookmarks on those runs (AnnotationStore).
#pragma once

#include "Dataset.h"
#include "Result.h"
#include "StepTextCodec.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace r2p {

namespace sql {
class Statement;
}

struct DatasetRow {
    std::int64_t id = 0;
    std::string questionsPath;
    std::string outputsPath; // empty when none
    TaskId task = TaskId::Invalid;
    TaskSource taskSource = TaskSource::Invalid;
    std::uint64_t userCount = 0;
    std::string openedAt; // ISO 8601 UTC
};

class ProjectStore {
public:
    static constexpr int kSchemaVersion = 18;
    // The write-ahead log's size, in pages, past which a commit checkpoints it (on the
    // committing connection, or with BackgroundCheckpoints on a thread of their own).
    static constexpr int kWalCheckpointPages = 4096;
    // The questions scanner's version: a cached index made by another one is rebuilt, since its
    // users and findings may differ (2: every string is checked for valid UTF-8).
    static constexpr int kScannerVersion = 2;
    static constexpr int kApplicationId = 0x52325057; // "R2PW"

    enum class OpenMode {
        Invalid = 0,
        CreateOrOpen, // creates the file if there is none (r2p run, a new project)
        Existing,     // read and write, never creates: no file is an error
        ReadOnly,     // SQLITE_OPEN_READONLY; immutable=1 where the folder is not writable
    };
    // Opens or creates the project file. Refuses files of a newer schema or of another
    // application, empty files and anything that is not a regular file, without changing them.
    static Result<std::unique_ptr<ProjectStore>> open(const std::string& path,
                                                      OpenMode mode = OpenMode::CreateOrOpen);
    // False when the file cannot be opened for writing (it, or its folder, is read-only).
    static bool writable(const std::string& path);
    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

    const std::string& path() const { return path_; }
    bool readOnly() const { return readOnly_; }
    int schemaVersion() const;

    Result<std::vector<DatasetRow>> datasets() const;
    // Saves (or replaces) the index of a dataset, keyed by its questions and outputs paths.
    Result<std::int64_t> saveDatasetIndex(const DatasetIndex& index);
    // The stored index of that dataset if the files are unchanged since it was saved.
    Result<std::optional<DatasetIndex>> loadFreshIndex(const std::string& questionsPath,
                                                       const std::string& outputsPath) const;
    Result<DatasetIndex> loadIndex(std::int64_t datasetId) const;
    Status setDatasetTask(std::int64_t datasetId, TaskId task, TaskSource source);
    Status removeDataset(std::int64_t datasetId);
    // A project-wide setting kept in project_meta (e.g. "prices": the project's price table);
    // unset when none was stored. Setting an empty value removes it.
    Result<std::optional<std::string>> metaValue(std::string_view key) const;
    Status setMetaValue(std::string_view key, std::string_view value);

    sqlite3* handle() const { return db_; }
    // Held by whoever runs statements on handle() while other threads may too (RunStore, the
    // response cache, the methods above). One connection has one transaction: without it, a
    // statement of another thread would land inside someone else's transaction, and its COMMIT
    // or an error's automatic rollback would end that transaction half-way.
    std::recursive_mutex& mutex() const { return mutex_; }
    // A statement prepared once and kept for the life of the connection, for statements run
    // often (one trace save runs a dozen). Handed out reset, with no bindings; the caller holds
    // mutex() while it uses it and resets it when done reading, so no read stays open.
    sql::Statement& cachedStatement(std::string_view sql) const;

    // The zstd dictionaries step texts are compressed with (step_dicts), read on first use.
    steptext::Dictionaries& stepDictionaries() const;
    // Trains the project's first dictionary once enough step texts were sampled and inserts it
    // into step_dicts, inside the caller's transaction (the caller holds mutex()). The result is
    // the dictionary to add to stepDictionaries() once that transaction commits; nothing when
    // not ready, when zstd could not train one, or when it could not be inserted (the texts are
    // then only compressed less).
    std::optional<std::pair<int, std::string>> insertTrainedStepDictionary() const;

private:
    ProjectStore(std::string path, sqlite3* db);
    std::string path_;
    sqlite3* db_ = nullptr;
    bool readOnly_ = false;
    mutable std::recursive_mutex mutex_;
    mutable std::unordered_map<std::string, std::unique_ptr<sql::Statement>> statements_;
    mutable steptext::Dictionaries dictionaries_;
    mutable std::once_flag dictionariesLoaded_;
};

// Opens a dataset through the project: the cached index if the files are unchanged, otherwise
// a fresh scan that is then cached. `fromCache` tells which happened.
struct OpenedDataset {
    std::int64_t datasetId = 0;
    DatasetIndex index;
    bool fromCache = false;
};
Result<OpenedDataset> openDataset(ProjectStore& store, const std::string& questionsPath,
                                  const std::string& outputsPath, const IndexOptions& options = {});

} // namespace r2p
