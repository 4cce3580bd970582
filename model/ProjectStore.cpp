#include "ProjectStore.h"

#include "JsonText.h"
#include "RunUsage.h"
#include "Sqlite.h"
#include "Util.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace r2p {

namespace {

// Each entry moves the schema from version (index) to version (index + 1).
const std::vector<const char*>& migrations() {
    static const std::vector<const char*> all = {
        // 0 -> 1: datasets and their index cache.
        R"sql(
        CREATE TABLE project_meta(
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        CREATE TABLE datasets(
            id INTEGER PRIMARY KEY,
            questions_path TEXT NOT NULL,
            outputs_path TEXT NOT NULL DEFAULT '',
            task TEXT NOT NULL DEFAULT '',
            task_source TEXT NOT NULL DEFAULT '',
            outputs_task_field TEXT NOT NULL DEFAULT '',
            split_shape TEXT NOT NULL DEFAULT '',
            questions_size INTEGER NOT NULL,
            questions_mtime_ns INTEGER NOT NULL,
            questions_fingerprint TEXT NOT NULL,
            outputs_size INTEGER,
            outputs_mtime_ns INTEGER,
            outputs_fingerprint TEXT,
            user_count INTEGER NOT NULL DEFAULT 0,
            opened_at TEXT NOT NULL,
            UNIQUE(questions_path, outputs_path));
        CREATE TABLE dataset_users(
            dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            byte_offset INTEGER NOT NULL,
            byte_length INTEGER NOT NULL,
            profile_size INTEGER NOT NULL,
            user_id TEXT NOT NULL DEFAULT '',
            gold TEXT,
            PRIMARY KEY(dataset_id, ord)) WITHOUT ROWID;
        CREATE TABLE dataset_findings(
            dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            severity TEXT NOT NULL,
            code TEXT NOT NULL,
            file TEXT NOT NULL DEFAULT '',
            record_id TEXT NOT NULL DEFAULT '',
            line INTEGER NOT NULL DEFAULT 0,
            col INTEGER NOT NULL DEFAULT 0,
            byte_offset INTEGER NOT NULL DEFAULT 0,
            count INTEGER NOT NULL DEFAULT 0,
            ids TEXT NOT NULL DEFAULT '[]',
            detail TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(dataset_id, ord)) WITHOUT ROWID;
        )sql",
        // 1 -> 2: the response cache (identical requests are answered without a network call).
        R"sql(
        CREATE TABLE response_cache(
            key TEXT PRIMARY KEY,
            backend TEXT NOT NULL,
            model TEXT NOT NULL,
            request TEXT NOT NULL,
            reasoning TEXT NOT NULL,
            answer TEXT NOT NULL,
            finish_reason TEXT NOT NULL,
            usage TEXT NOT NULL DEFAULT '',
            first_token_ms REAL NOT NULL DEFAULT 0,
            total_ms REAL NOT NULL DEFAULT 0,
            deltas TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL);
        )sql",
        // 2 -> 3: runs (RunStore). Enums are stored by name; lists as JSON text. A user's trace
        // is its run_users row plus its steps, events and verdicts, all keyed by
        // (run_id, user_id, system) and deleted with the run. run_steps keeps its rowid: its
        // rows hold whole prompts and streams, too large for a WITHOUT ROWID b-tree. IF NOT
        // EXISTS: a file rolled back to an older version by hand may still hold these tables.
        R"sql(
        CREATE TABLE IF NOT EXISTS runs(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            finished_at TEXT NOT NULL DEFAULT '',
            task TEXT NOT NULL DEFAULT '',
            questions_path TEXT NOT NULL DEFAULT '',
            outputs_path TEXT NOT NULL DEFAULT '',
            systems TEXT NOT NULL DEFAULT '[]',
            backend TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT '',
            base_url TEXT NOT NULL DEFAULT '',
            template_id TEXT NOT NULL DEFAULT '',
            template_version INTEGER NOT NULL DEFAULT 0,
            config TEXT NOT NULL DEFAULT '{}',
            status TEXT NOT NULL DEFAULT 'running',
            users TEXT NOT NULL DEFAULT '[]');
        CREATE TABLE IF NOT EXISTS run_users(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            system TEXT NOT NULL,
            status TEXT NOT NULL,
            prediction TEXT NOT NULL DEFAULT '',
            gold TEXT,
            scores TEXT NOT NULL DEFAULT '[]',
            format_ok INTEGER NOT NULL DEFAULT 0,
            reasoning_tokens INTEGER NOT NULL DEFAULT 0,
            interventions INTEGER NOT NULL DEFAULT 0,
            contradicted INTEGER NOT NULL DEFAULT 0,
            error TEXT NOT NULL DEFAULT '',
            saved_at TEXT NOT NULL,
            PRIMARY KEY(run_id, user_id, system)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS run_steps(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            system TEXT NOT NULL,
            seq INTEGER NOT NULL,
            stage TEXT NOT NULL,
            candidate INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 1,
            status TEXT NOT NULL,
            prompt TEXT NOT NULL DEFAULT '',
            raw TEXT NOT NULL DEFAULT '',
            reasoning TEXT NOT NULL DEFAULT '',
            answer TEXT NOT NULL DEFAULT '',
            parsed TEXT NOT NULL DEFAULT '',
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            reasoning_tokens INTEGER NOT NULL DEFAULT 0,
            first_token_ms REAL,
            latency_ms REAL,
            backend_mode TEXT NOT NULL DEFAULT '',
            error TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(run_id, user_id, system, seq));
        CREATE TABLE IF NOT EXISTS run_events(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            system TEXT NOT NULL,
            seq INTEGER NOT NULL,
            step_seq INTEGER NOT NULL DEFAULT 0,
            kind TEXT NOT NULL,
            rule TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '',
            injected TEXT NOT NULL DEFAULT '',
            mode TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(run_id, user_id, system, seq)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS run_verdicts(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            system TEXT NOT NULL,
            candidate INTEGER NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            verdict TEXT NOT NULL,
            evidence TEXT NOT NULL DEFAULT '[]',
            agreement REAL,
            chosen INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT '',
            judge TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(run_id, user_id, system, candidate)) WITHOUT ROWID;
        )sql",
        // 3 -> 4: annotations of reasoning failures and bookmarks (AnnotationStore), deleted
        // with their run. AUTOINCREMENT: an id once printed or exported never names another
        // annotation later. The project's own failure taxonomy, if any, is project_meta
        // 'taxonomy'. IF NOT EXISTS for the same reason as above.
        R"sql(
        CREATE TABLE IF NOT EXISTS annotations(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            system TEXT NOT NULL,
            target TEXT NOT NULL,
            stage TEXT NOT NULL DEFAULT '',
            candidate INTEGER NOT NULL DEFAULT 0,
            span_field TEXT NOT NULL DEFAULT '',
            span_start INTEGER NOT NULL DEFAULT 0,
            span_end INTEGER NOT NULL DEFAULT 0,
            span_text TEXT NOT NULL DEFAULT '',
            label TEXT NOT NULL,
            severity TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            annotator TEXT NOT NULL,
            created_at TEXT NOT NULL,
            template_id TEXT NOT NULL DEFAULT '',
            template_version INTEGER NOT NULL DEFAULT 0);
        -- label too: the Users view counts labels per user after every annotation, and this
        -- answers that from the index alone.
        CREATE INDEX IF NOT EXISTS annotations_run_user ON annotations(run_id, user_id, label);
        CREATE TABLE IF NOT EXISTS bookmarks(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            system TEXT NOT NULL,
            stage TEXT NOT NULL DEFAULT '',
            candidate INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS bookmarks_run_user ON bookmarks(run_id, user_id);
        )sql",
        // 4 -> 5: the response cache knows the endpoint that answered (its key includes it;
        // shared_key, the key without it, serves --cache-scope shared and replays, and is what
        // older entries were keyed by), and each step keeps the server's own figures (usage,
        // reasoning tokens, llama-server timings, x-request-id) as a JSON list, one per request.
        // The columns are added by addMissingColumns() first (a file rolled back by hand may
        // have them already, and SQLite has no ADD COLUMN IF NOT EXISTS).
        R"sql(
        UPDATE response_cache SET shared_key = key WHERE shared_key = '';
        CREATE INDEX IF NOT EXISTS response_cache_shared ON response_cache(shared_key);
        )sql",
        // 5 -> 6: each cached index names the scanner that made it (datasets.scanner_version,
        // added by addMissingColumns(); 0 for indexes stored before), so one made by an older
        // scanner is rebuilt rather than served without the findings it lacks. HRT templates
        // are kept in the project by the hash of their canonical text (TemplateStore); runs name
        // the one they used in their config ("template_sha256").
        R"sql(
        CREATE TABLE IF NOT EXISTS hrt_templates(
            sha256 TEXT PRIMARY KEY,
            template_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            task TEXT NOT NULL,
            source TEXT NOT NULL,
            created_at TEXT NOT NULL,
            text TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS hrt_templates_version ON hrt_templates(template_id, version);
        )sql",
        // 6 -> 7: no table changes. run_steps' prompt, raw, reasoning and parsed may now hold
        // StepTextCodec's BLOBs (a prompt as a reference to an earlier prompt of its trace plus
        // the compressed rest; long texts compressed), which older versions cannot read, so
        // they refuse the file as newer. Rows written before stay plain TEXT and read as is.
        R"sql(
        -- step texts may be encoded (StepTextCodec)
        )sql",
        // 7 -> 8: the zstd dictionaries step texts are compressed with once a project has
        // stored enough of them (StepTextCodec's 'D' and 'Q' forms name one by id); the answer
        // column may now be encoded too.
        R"sql(
        CREATE TABLE IF NOT EXISTS step_dicts(
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            dict BLOB NOT NULL);
        )sql",
        // 8 -> 9: tagged chains (TagPR). Each tagged segment of a step's chain, bytes into the
        // step's reasoning followed by its answer text, with who made it (the model inline, a
        // tagger, a person) and the tag set id and version it was made under, so changing the
        // project's tag set keeps earlier spans readable as they were made.
        R"sql(
        CREATE TABLE IF NOT EXISTS tag_spans(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            system TEXT NOT NULL,
            step_seq INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            tag TEXT NOT NULL,
            source TEXT NOT NULL,
            annotator TEXT NOT NULL DEFAULT '',
            confidence REAL NOT NULL DEFAULT 1,
            tagset_id TEXT NOT NULL,
            tagset_version INTEGER NOT NULL,
            PRIMARY KEY(run_id, user_id, system, step_seq, seq));
        )sql",
        // 9 -> 10: an intervention keeps the text it cut (run_events.violating, added by
        // addMissingColumns(); empty for events stored before).
        R"sql(
        -- run_events.violating
        )sql",
        // 10 -> 11: no table changes. StepTextCodec's 'R' form (a prompt's rest compressed
        // against the whole prompt it refers to) and 'A' form (a raw stream equal to the step's
        // answer); run_events' evidence, injected, detail and violating may now be encoded.
        R"sql(
        -- step and event texts: forms R and A
        )sql",
        // 11 -> 12: what each endpoint of a run over several replicas (--endpoint) did:
        // attempts sent, answers, failures, tokens, times taken out. Added to by every session
        // of the run (a resumed run adds its own). And a batch run's current round.
        R"sql(
        CREATE TABLE IF NOT EXISTS run_endpoints(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            endpoint TEXT NOT NULL,
            requests INTEGER NOT NULL DEFAULT 0,
            succeeded INTEGER NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0,
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            taken_out INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(run_id, endpoint));
        -- A batch run's current round (--backend batch): each request a batch engine is sent,
        -- by its custom_id, with the online request it stands for (whose cache key its answer
        -- is stored under) and how its reply is read.
        CREATE TABLE IF NOT EXISTS batch_requests(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            custom_id TEXT NOT NULL,
            url TEXT NOT NULL,
            online_body TEXT NOT NULL,
            model TEXT NOT NULL,
            think_start INTEGER NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY(run_id, custom_id));
        )sql",
        // 12 -> 13: an external reward model's score of a tagged chain (r2p reward), per model:
        // the score, the endpoint that gave it and when.
        R"sql(
        CREATE TABLE IF NOT EXISTS chain_rewards(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            system TEXT NOT NULL,
            step_seq INTEGER NOT NULL,
            model TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            score REAL NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY(run_id, user_id, system, step_seq, model));
        )sql",
        // 13 -> 14: texts a run keeps once (StepTextCodec's 'S' form): what the systems of a
        // user repeat, such as the retrieval step and LaMP RAG's prompt, by the first 16 bytes
        // of the text's SHA-256. A rowid table: rows are appended in order and packed, only the
        // small (run, key) index takes the keys' random order (WITHOUT ROWID kept its rows in
        // that order, half-empty pages: 10 MB of pages for 3.9 MB of texts).
        R"sql(
        CREATE TABLE IF NOT EXISTS run_texts(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            key BLOB NOT NULL,
            bytes BLOB NOT NULL,
            UNIQUE(run_id, key));
        )sql",
        // 14 -> 15: no table changes. response_cache.request may now hold StepTextCodec's
        // compressed form (a BLOB): uncompressed, a cached answer's ~2.5 KB request took a page
        // of its own. compressCachedRequests() converts the rows stored before; the keys stay.
        R"sql(
        -- response_cache.request compressed (StepTextCodec)
        )sql",
        // 15 -> 16: run_usage, each run's step usage summed by system, stage, backend mode and
        // whether the steps carry the server's figures, kept by triggers on run_steps (a run's
        // cost reads it instead of 2,600,000 steps at 100,000 users). runusage::fill() sums
        // the steps stored before.
        runusage::schemaSql().c_str(),
        // 16 -> 17: batch_requests.cache_keys (added by addMissingColumns), the response
        // cache's two keys of each request's answer, made by prepare: ingest stores an answer
        // without reading the request body back. A round stored before has none; its ingest
        // makes them from the body.
        R"sql(
        -- batch_requests.cache_keys
        )sql",
        // 17 -> 18: run_outcomes, a run's per-user outcomes packed in chunks of rows
        // (OutcomeSnapshot), kept by the window after it first read a run's rows: from then on
        // it shows a 100,000-user run from them instead of from 400,000 run_users rows.
        // Saving a trace of the run deletes them (RunStore), so they are never behind its rows.
        // A later migration that changes run_users rows must delete them too.
        R"sql(
        CREATE TABLE IF NOT EXISTS run_outcomes(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            chunk INTEGER NOT NULL,
            rows INTEGER NOT NULL,
            data BLOB NOT NULL,
            UNIQUE(run_id, chunk));
        )sql",
    };
    return all;
}

// Schema 15: every response_cache request stored as plain TEXT, compressed as a new answer's
// is (steptext::encode; short ones stay TEXT), a thousand rows at a time in rowid order.
Status compressCachedRequests(sqlite3* db) {
    sql::Statement select(db, "SELECT rowid, request FROM response_cache WHERE rowid > ?1 AND "
                              "typeof(request) = 'text' ORDER BY rowid LIMIT 1000");
    sql::Statement update(db, "UPDATE response_cache SET request = ?2 WHERE rowid = ?1");
    std::int64_t after = INT64_MIN;
    for (;;) {
        std::size_t read = 0;
        std::vector<std::pair<std::int64_t, steptext::Stored>> rows;
        select.reset();
        select.bind(1, after);
        while (select.step()) {
            ++read;
            after = select.int64(0);
            auto stored = steptext::encode(select.bytes(1));
            if (stored.blob)
                rows.emplace_back(after, std::move(stored));
        }
        if (select.failed())
            return Error{select.error()};
        select.reset(); // no read open while the rows change
        if (read == 0)
            return Ok{};
        for (const auto& [rowid, stored] : rows) {
            update.reset();
            update.bind(1, rowid).bindBlob(2, stored.bytes);
            if (auto s = update.run(); !s)
                return s;
        }
    }
}

// What moving to schema `version` does to the rows stored before, after its statements.
Status afterMigration(sqlite3* db, int version) {
    if (version == 15)
        return compressCachedRequests(db);
    if (version == 16)
        return runusage::fill(db);
    return Ok{};
}

// The columns schema `version` adds to existing tables, each added only where it is missing.
Status addMissingColumns(sqlite3* db, int version) {
    struct Column {
        int version;
        const char* table;
        const char* column;
        const char* type;
    };
    static constexpr Column columns[] = {
        {5, "response_cache", "endpoint", "TEXT NOT NULL DEFAULT ''"},
        {5, "response_cache", "shared_key", "TEXT NOT NULL DEFAULT ''"},
        {5, "run_steps", "server", "TEXT NOT NULL DEFAULT ''"},
        {6, "datasets", "scanner_version", "INTEGER NOT NULL DEFAULT 0"},
        {10, "run_events", "violating", "TEXT NOT NULL DEFAULT ''"},
        {17, "batch_requests", "cache_keys", "BLOB"},
    };
    for (const auto& c : columns) {
        if (c.version != version)
            continue;
        sql::Statement info(db, std::string("SELECT COUNT(*) FROM pragma_table_info('") + c.table +
                                    "') WHERE name = '" + c.column + "'");
        if (!info.step())
            return Error{info.error()};
        if (info.int64(0) > 0)
            continue;
        if (auto s = sql::exec(db, std::string("ALTER TABLE ") + c.table + " ADD COLUMN " +
                                       c.column + " " + c.type);
            !s)
            return s;
    }
    return Ok{};
}

Result<int> pragmaInt(sqlite3* db, const char* pragma) {
    sql::Statement st(db, std::string("PRAGMA ") + pragma);
    if (!st.prepared())
        return Error{st.prepareError()};
    if (!st.step())
        return st.failed() ? Result<int>(Error{st.error()}) : Result<int>(0);
    return static_cast<int>(st.int64(0));
}

TaskId taskFromName(const std::string& name) {
    return parseTaskName(name).value_or(TaskId::Invalid);
}

TaskSource taskSourceFromName(const std::string& name) {
    for (TaskSource s :
         {TaskSource::OutputsFile, TaskSource::InputTemplate, TaskSource::UserOverride})
        if (name == taskSourceName(s))
            return s;
    return TaskSource::Invalid;
}

std::string taskName(TaskId id) {
    return id == TaskId::Invalid ? std::string() : std::string(taskSpec(id).name);
}

} // namespace

ProjectStore::ProjectStore(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

steptext::Dictionaries& ProjectStore::stepDictionaries() const {
    std::call_once(dictionariesLoaded_, [this] {
        std::lock_guard lock(mutex_);
        sql::Statement st(db_, "SELECT id, dict FROM step_dicts ORDER BY id");
        while (st.step())
            dictionaries_.add(static_cast<int>(st.int64(0)), std::string(st.bytes(1)));
        // 'S' values. Readers on several threads may decode at once (the connection is
        // serialized), so each lookup takes a prepared statement of its own from a pool instead
        // of preparing one per value (a scan of a run's retrieval steps reads one per user).
        struct Pool {
            std::mutex mutex;
            std::vector<std::unique_ptr<sql::Statement>> idle;
        };
        dictionaries_.setSharedTexts(
            [db = db_, pool = std::make_shared<Pool>()](
                std::int64_t run, std::string_view key) -> Result<steptext::Stored> {
                std::unique_ptr<sql::Statement> kept;
                {
                    std::lock_guard held(pool->mutex);
                    if (!pool->idle.empty()) {
                        kept = std::move(pool->idle.back());
                        pool->idle.pop_back();
                    }
                }
                if (!kept)
                    kept = std::make_unique<sql::Statement>(
                        db, "SELECT bytes FROM run_texts WHERE run_id = ?1 AND key = ?2");
                kept->reset();
                kept->bind(1, run).bindBlob(2, key);
                std::optional<steptext::Stored> found;
                std::string failure;
                if (kept->step())
                    found = steptext::Stored{kept->isBlob(0), std::string(kept->bytes(0))};
                else if (kept->failed())
                    failure = kept->error();
                kept->reset();
                {
                    std::lock_guard held(pool->mutex);
                    pool->idle.push_back(std::move(kept));
                }
                if (found)
                    return std::move(*found);
                if (!failure.empty())
                    return Error{"a text kept once for run " + std::to_string(run) +
                                 " cannot be read: " + failure};
                return Error{"a stored text names a text kept once for run " + std::to_string(run) +
                             " that the project does not have (key " + hexOf(key) + ")"};
            });
        // An unreadable table leaves no dictionary: texts that need one then fail to read,
        // naming it, and new texts are stored without one.
    });
    return dictionaries_;
}

std::optional<std::pair<int, std::string>> ProjectStore::insertTrainedStepDictionary() const {
    steptext::Dictionaries& dicts = stepDictionaries();
    if (readOnly_ || !dicts.readyToTrain())
        return std::nullopt;
    auto bytes = dicts.train();
    if (!bytes)
        return std::nullopt; // zstd could not make one from these samples; the next ones may do
    sql::Statement st(db_, "INSERT INTO step_dicts(created_at, dict) VALUES(?1, ?2) RETURNING id");
    st.bind(1, nowIsoUtc()).bindBlob(2, *bytes);
    if (!st.step())
        return std::nullopt;
    const int id = static_cast<int>(st.int64(0));
    if (!st.run())
        return std::nullopt;
    return std::pair{id, std::move(*bytes)};
}

ProjectStore::~ProjectStore() {
    statements_.clear(); // finalized before the connection closes
    sqlite3_close_v2(db_);
}

sql::Statement& ProjectStore::cachedStatement(std::string_view sql) const {
    std::lock_guard lock(mutex_);
    auto& slot = statements_[std::string(sql)];
    if (slot && slot->prepared())
        slot->reset();
    else // new, or it failed to compile last time: try again
        slot = std::make_unique<sql::Statement>(db_, sql);
    return *slot;
}

bool ProjectStore::writable(const std::string& rawPath) {
    const std::string path = absolutePath(rawPath);
    const std::string folder = std::filesystem::path(path).parent_path().string();
    // The folder too: SQLite writes the -wal and -shm files beside the project.
    return ::access(folder.c_str(), W_OK) == 0 &&
           (::access(path.c_str(), F_OK) != 0 || ::access(path.c_str(), W_OK) == 0);
}

namespace {
// A file: URI for sqlite3_open_v2 (RFC 3986 escapes for the bytes URIs give a meaning to).
std::string fileUri(const std::string& path, bool immutable) {
    std::string uri = "file:";
    for (unsigned char c : path) {
        if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7F) {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            uri += hex;
        } else {
            uri += static_cast<char>(c);
        }
    }
    uri += immutable ? "?mode=ro&immutable=1" : "?mode=ro";
    return uri;
}
} // namespace

namespace {

// Runs the migrations from schema `version` up to kSchemaVersion in one transaction, and
// stamps a new project's creation.
Status upgradeSchema(sqlite3* db, const std::string& path, int version) {
    sql::Transaction tx(db);
    if (!tx.begun())
        return Error{path + ": cannot upgrade the project file: " + tx.begun().error().message};
    for (int v = version; v < ProjectStore::kSchemaVersion; ++v) {
        if (auto s = addMissingColumns(db, v + 1); !s)
            return Error{path + ": cannot upgrade the project file to schema " +
                         std::to_string(v + 1) + ": " + s.error().message};
        if (auto s = sql::exec(db, migrations()[static_cast<std::size_t>(v)]); !s)
            return Error{path + ": cannot upgrade the project file to schema " +
                         std::to_string(v + 1) + ": " + s.error().message};
        if (auto s = afterMigration(db, v + 1); !s)
            return Error{path + ": cannot upgrade the project file to schema " +
                         std::to_string(v + 1) + ": " + s.error().message};
    }
    const std::string setVersion =
        "PRAGMA user_version=" + std::to_string(ProjectStore::kSchemaVersion) +
        "; PRAGMA application_id=" + std::to_string(ProjectStore::kApplicationId) + ";";
    if (auto s = sql::exec(db, setVersion); !s)
        return Error{path + ": cannot upgrade the project file: " + s.error().message};
    if (version == 0) {
        sql::Statement meta(db, "INSERT OR REPLACE INTO project_meta(key, value) VALUES "
                                "('created_at', ?1), ('created_by', 'R2P Workbench 0.1.0')");
        meta.bind(1, nowIsoUtc());
        if (auto s = meta.run(); !s)
            return Error{path + ": cannot initialise the project file: " + s.error().message};
    }
    if (auto s = tx.commit(); !s)
        return Error{path + ": cannot upgrade the project file: " + s.error().message};
    return Ok{};
}

} // namespace

Result<std::unique_ptr<ProjectStore>> ProjectStore::open(const std::string& rawPath,
                                                         OpenMode mode) {
    const std::string path = absolutePath(rawPath);
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (!exists && mode != OpenMode::CreateOrOpen)
        return Error{"no project file " + path};
    if (exists && S_ISDIR(st.st_mode))
        return Error{path + ": is a directory, not a project file"};
    if (exists && !S_ISREG(st.st_mode))
        return Error{path + ": not an R2P project file (not a regular file)"};
    if (exists && st.st_size == 0)
        return Error{path + ": not an R2P project file (the file is empty)"};
    if (exists) {
        // Check the header before SQLite touches anything, so a foreign file stays as it was.
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        char header[16] = {};
        const ssize_t n = fd >= 0 ? ::read(fd, header, sizeof header) : -1;
        const int err = errno;
        if (fd >= 0)
            ::close(fd);
        if (n < 0)
            return Error{path + ": cannot read the project file: " + std::strerror(err)};
        if (n < 16 || std::string(header, 15) != "SQLite format 3")
            return Error{path + ": not an R2P project file (not an SQLite database)"};
    }

    sqlite3* db = nullptr;
    int rc = SQLITE_OK;
    const bool readOnly = mode == OpenMode::ReadOnly;
    const bool canWrite = writable(path);
    if (readOnly && !canWrite) {
        // Where the folder cannot be written, no -shm can be made for WAL locking: nothing
        // can change the file either, so it is read as immutable.
        const std::string folder = std::filesystem::path(path).parent_path().string();
        const bool immutable = ::access(folder.c_str(), W_OK) != 0;
        rc = sqlite3_open_v2(fileUri(path, immutable).c_str(), &db,
                             SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX,
                             nullptr);
    } else {
        // A read-only command on a writable project opens it without SQLITE_OPEN_READONLY but
        // with query_only (below): a READONLY connection on a WAL database leaves its -wal and
        // -shm files behind (it may not delete them), this one removes them when it closes.
        rc = sqlite3_open_v2(path.c_str(), &db,
                             SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE) |
                                 SQLITE_OPEN_FULLMUTEX,
                             nullptr);
    }
    if (rc != SQLITE_OK) {
        std::string m = sql::describeError(db, rc);
        sqlite3_close_v2(db);
        return Error{path + ": cannot open the project file: " + m};
    }
    std::unique_ptr<ProjectStore> store(new ProjectStore(path, db));
    store->readOnly_ = readOnly;
    sqlite3_busy_timeout(db, 5000);
    sqlite3_extended_result_codes(db, 1);

    auto appId = pragmaInt(db, "application_id");
    if (!appId)
        return Error{path + ": cannot read the project file: " + appId.error().message};
    auto version = pragmaInt(db, "user_version");
    if (!version)
        return Error{path + ": cannot read the project file: " + version.error().message};
    auto tables = pragmaInt(db, "schema_version");
    if (*appId != kApplicationId && (*appId != 0 || (tables.ok() && *tables != 0)))
        return Error{path + ": not an R2P project file (it is another application's database)"};
    if (*version > kSchemaVersion)
        return Error{path + ": this project was written by a newer R2P Workbench (schema " +
                     std::to_string(*version) + "; this version reads up to " +
                     std::to_string(kSchemaVersion) + "). The file was not changed."};

    if (readOnly) {
        if (*version == 0)
            return Error{path + ": not an R2P project file (it holds no project)"};
        if (*version < kSchemaVersion)
            return Error{path + ": this project was written by an older R2P Workbench (schema " +
                         std::to_string(*version) +
                         "); open it once where it can be written, to upgrade it"};
        if (auto s = sql::exec(db, "PRAGMA query_only=ON; PRAGMA foreign_keys=ON; "
                                   "PRAGMA cache_size=-32768;");
            !s)
            return Error{path + ": cannot open the project file: " + s.error().message};
        return store;
    }

    // Batches write tens of MB of traces: a 32 MiB page cache, and checkpoints every 16 MiB of
    // WAL rather than every 4 MiB (each checkpoint syncs the database file).
    if (auto s = sql::exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                               "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; "
                               "PRAGMA wal_autocheckpoint=" +
                                   std::to_string(kWalCheckpointPages) + ";");
        !s)
        return Error{path + ": cannot open the project file: " + s.error().message};

    if (*version < kSchemaVersion)
        if (auto s = upgradeSchema(db, path, *version); !s)
            return s.error();
    return store;
}

int ProjectStore::schemaVersion() const {
    std::lock_guard lock(mutex_);
    auto v = pragmaInt(db_, "user_version");
    return v ? *v : 0;
}

Result<std::vector<DatasetRow>> ProjectStore::datasets() const {
    std::lock_guard lock(mutex_);
    sql::Statement st(db_, "SELECT id, questions_path, outputs_path, task, task_source, "
                           "user_count, opened_at FROM datasets ORDER BY opened_at DESC, id DESC");
    if (!st.prepared())
        return Error{st.prepareError()};
    std::vector<DatasetRow> rows;
    while (st.step()) {
        DatasetRow r;
        r.id = st.int64(0);
        r.questionsPath = st.text(1);
        r.outputsPath = st.text(2);
        r.task = taskFromName(st.text(3));
        r.taskSource = taskSourceFromName(st.text(4));
        r.userCount = static_cast<std::uint64_t>(st.int64(5));
        r.openedAt = st.text(6);
        rows.push_back(std::move(r));
    }
    if (st.failed())
        return Error{path_ + ": cannot list datasets: " + st.error()};
    return rows;
}

Result<std::int64_t> ProjectStore::saveDatasetIndex(const DatasetIndex& index) {
    std::lock_guard lock(mutex_);
    auto fail = [&](const std::string& what) -> Result<std::int64_t> {
        return Error{path_ + ": cannot save the dataset index: " + what};
    };
    sql::Transaction tx(db_);
    if (!tx.begun())
        return fail(tx.begun().error().message);

    sql::Statement upsert(db_, R"sql(
        INSERT INTO datasets(questions_path, outputs_path, task, task_source, outputs_task_field,
            split_shape, questions_size, questions_mtime_ns, questions_fingerprint, outputs_size,
            outputs_mtime_ns, outputs_fingerprint, user_count, opened_at, scanner_version)
        VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
        ON CONFLICT(questions_path, outputs_path) DO UPDATE SET
            task = excluded.task, task_source = excluded.task_source,
            outputs_task_field = excluded.outputs_task_field, split_shape = excluded.split_shape,
            questions_size = excluded.questions_size,
            questions_mtime_ns = excluded.questions_mtime_ns,
            questions_fingerprint = excluded.questions_fingerprint,
            outputs_size = excluded.outputs_size, outputs_mtime_ns = excluded.outputs_mtime_ns,
            outputs_fingerprint = excluded.outputs_fingerprint,
            user_count = excluded.user_count, opened_at = excluded.opened_at,
            scanner_version = excluded.scanner_version
        RETURNING id)sql");
    upsert.bind(1, index.questions.path)
        .bind(2, index.outputs ? index.outputs->path : std::string())
        .bind(3, taskName(index.task))
        .bind(4, std::string(index.taskSource == TaskSource::Invalid
                                 ? ""
                                 : taskSourceName(index.taskSource)))
        .bind(5, index.outputsTaskField)
        .bind(6, std::string(splitShapeName(index.shape)))
        .bind(7, static_cast<std::int64_t>(index.questions.size))
        .bind(8, index.questions.mtimeNs)
        .bind(9, index.questions.fingerprint);
    if (index.outputs) {
        upsert.bind(10, static_cast<std::int64_t>(index.outputs->size))
            .bind(11, index.outputs->mtimeNs)
            .bind(12, index.outputs->fingerprint);
    } else {
        upsert.bindNull(10).bindNull(11).bindNull(12);
    }
    upsert.bind(13, static_cast<std::int64_t>(index.users.size()))
        .bind(14, nowIsoUtc())
        .bind(15, std::int64_t{kScannerVersion});
    if (!upsert.step())
        return fail(upsert.failed() ? upsert.error() : "no id returned");
    const std::int64_t id = upsert.int64(0);
    while (upsert.step()) {
    }

    for (const char* table : {"dataset_users", "dataset_findings"}) {
        sql::Statement del(db_, std::string("DELETE FROM ") + table + " WHERE dataset_id = ?1");
        del.bind(1, id);
        if (auto s = del.run(); !s)
            return fail(s.error().message);
    }

    sql::Statement user(db_, "INSERT INTO dataset_users(dataset_id, ord, question_id, "
                             "byte_offset, byte_length, profile_size, user_id, gold) "
                             "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    std::int64_t ord = 0;
    for (const auto& u : index.users) {
        user.reset();
        user.bind(1, id)
            .bind(2, ord++)
            .bind(3, u.id)
            .bind(4, static_cast<std::int64_t>(u.offset))
            .bind(5, static_cast<std::int64_t>(u.length))
            .bind(6, static_cast<std::int64_t>(u.profileSize))
            .bind(7, u.userId)
            .bindOptional(8, u.hasGold ? std::optional<std::string>(u.gold) : std::nullopt);
        if (auto s = user.run(); !s)
            return fail(s.error().message);
    }

    sql::Statement finding(db_, "INSERT INTO dataset_findings(dataset_id, ord, severity, code, "
                                "file, record_id, line, col, byte_offset, count, ids, detail) "
                                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    ord = 0;
    for (const auto& f : index.findings) {
        finding.reset();
        finding.bind(1, id)
            .bind(2, ord++)
            .bind(3, std::string(severityName(f.severity)))
            .bind(4, std::string(findingCodeName(f.code)))
            .bind(5, f.file)
            .bind(6, f.recordId)
            .bind(7, static_cast<std::int64_t>(f.line))
            .bind(8, static_cast<std::int64_t>(f.column))
            .bind(9, static_cast<std::int64_t>(f.offset))
            .bind(10, static_cast<std::int64_t>(f.count))
            .bind(11, dumpJson(nlohmann::json(f.ids)))
            .bind(12, f.detail);
        if (auto s = finding.run(); !s)
            return fail(s.error().message);
    }
    if (auto s = tx.commit(); !s)
        return fail(s.error().message);
    return id;
}

Result<DatasetIndex> ProjectStore::loadIndex(std::int64_t datasetId) const {
    std::lock_guard lock(mutex_);
    auto fail = [&](const std::string& what) -> Result<DatasetIndex> {
        return Error{path_ + ": cannot read the dataset index: " + what};
    };
    sql::Statement head(db_, R"sql(
        SELECT questions_path, outputs_path, task, task_source, outputs_task_field, split_shape,
               questions_size, questions_mtime_ns, questions_fingerprint, outputs_size,
               outputs_mtime_ns, outputs_fingerprint, user_count
        FROM datasets WHERE id = ?1)sql");
    head.bind(1, datasetId);
    if (!head.step())
        return fail(head.failed() ? head.error()
                                  : "no dataset with id " + std::to_string(datasetId));
    DatasetIndex index;
    index.questions.path = head.text(0);
    index.questions.size = static_cast<std::uint64_t>(head.int64(6));
    index.questions.mtimeNs = head.int64(7);
    index.questions.fingerprint = head.text(8);
    if (!head.text(1).empty() && !head.isNull(9)) {
        FileStamp o;
        o.path = head.text(1);
        o.size = static_cast<std::uint64_t>(head.int64(9));
        o.mtimeNs = head.int64(10);
        o.fingerprint = head.text(11);
        index.outputs = std::move(o);
    }
    index.task = taskFromName(head.text(2));
    index.taskSource = taskSourceFromName(head.text(3));
    index.outputsTaskField = head.text(4);
    index.shape = head.text(5) == splitShapeName(SplitShape::TimeBased) ? SplitShape::TimeBased
                                                                        : SplitShape::UserBased;
    index.users.reserve(static_cast<std::size_t>(head.int64(12)));

    sql::Statement users(db_,
                         "SELECT question_id, byte_offset, byte_length, profile_size, "
                         "user_id, gold FROM dataset_users WHERE dataset_id = ?1 ORDER BY ord");
    users.bind(1, datasetId);
    while (users.step()) {
        UserIndexEntry u;
        u.id = users.text(0);
        u.offset = static_cast<std::uint64_t>(users.int64(1));
        u.length = static_cast<std::uint64_t>(users.int64(2));
        u.profileSize = static_cast<std::uint32_t>(users.int64(3));
        u.userId = users.text(4);
        u.hasGold = !users.isNull(5);
        if (u.hasGold)
            u.gold = users.text(5);
        index.users.push_back(std::move(u));
    }
    if (users.failed())
        return fail(users.error());

    sql::Statement findings(db_, "SELECT severity, code, file, record_id, line, col, byte_offset, "
                                 "count, ids, detail FROM dataset_findings WHERE dataset_id = ?1 "
                                 "ORDER BY ord");
    findings.bind(1, datasetId);
    while (findings.step()) {
        Finding f;
        f.severity = parseSeverity(findings.text(0));
        f.code = parseFindingCode(findings.text(1));
        f.file = findings.text(2);
        f.recordId = findings.text(3);
        f.line = static_cast<std::uint64_t>(findings.int64(4));
        f.column = static_cast<std::uint64_t>(findings.int64(5));
        f.offset = static_cast<std::uint64_t>(findings.int64(6));
        f.count = static_cast<std::uint64_t>(findings.int64(7));
        auto ids = nlohmann::json::parse(findings.text(8), nullptr, false);
        if (ids.is_array())
            for (const auto& v : ids)
                if (v.is_string())
                    f.ids.push_back(v.get<std::string>());
        f.detail = findings.text(9);
        index.findings.push_back(std::move(f));
    }
    if (findings.failed())
        return fail(findings.error());
    return index;
}

Result<std::optional<DatasetIndex>>
ProjectStore::loadFreshIndex(const std::string& questionsPath,
                             const std::string& outputsPath) const {
    struct Stored {
        std::int64_t id = 0;
        std::uint64_t questionsSize = 0;
        std::int64_t questionsMtimeNs = 0;
        std::string questionsFingerprint;
        std::optional<FileStamp> outputs;
        std::int64_t scannerVersion = 0;
    } stored;
    {
        // Not held while the files are stamped: other threads may use the project meanwhile.
        std::lock_guard lock(mutex_);
        sql::Statement find(db_, "SELECT id, questions_size, questions_mtime_ns, "
                                 "questions_fingerprint, outputs_size, outputs_mtime_ns, "
                                 "outputs_fingerprint, scanner_version FROM datasets "
                                 "WHERE questions_path = ?1 AND outputs_path = ?2");
        find.bind(1, absolutePath(questionsPath)).bind(2, absolutePath(outputsPath));
        if (!find.step()) {
            if (find.failed())
                return Error{path_ + ": cannot read the dataset index: " + find.error()};
            return std::optional<DatasetIndex>();
        }
        stored.id = find.int64(0);
        stored.questionsSize = static_cast<std::uint64_t>(find.int64(1));
        stored.questionsMtimeNs = find.int64(2);
        stored.questionsFingerprint = find.text(3);
        if (!find.isNull(4)) {
            FileStamp o;
            o.size = static_cast<std::uint64_t>(find.int64(4));
            o.mtimeNs = find.int64(5);
            o.fingerprint = find.text(6);
            stored.outputs = std::move(o);
        }
        stored.scannerVersion = find.int64(7);
    }
    if (stored.scannerVersion != kScannerVersion) // made by another scanner: rebuilt
        return std::optional<DatasetIndex>();
    const std::int64_t id = stored.id;
    auto q = stampFile(questionsPath);
    if (!q || q->size != stored.questionsSize || q->mtimeNs != stored.questionsMtimeNs ||
        q->fingerprint != stored.questionsFingerprint)
        return std::optional<DatasetIndex>();
    if (!outputsPath.empty()) {
        auto o = stampFile(outputsPath);
        if (!o || !stored.outputs || o->size != stored.outputs->size ||
            o->mtimeNs != stored.outputs->mtimeNs || o->fingerprint != stored.outputs->fingerprint)
            return std::optional<DatasetIndex>();
    }
    auto index = loadIndex(id);
    if (!index)
        return index.error();
    return std::optional<DatasetIndex>(std::move(index).value());
}

Status ProjectStore::setDatasetTask(std::int64_t datasetId, TaskId task, TaskSource source) {
    std::lock_guard lock(mutex_);
    sql::Statement st(db_, "UPDATE datasets SET task = ?1, task_source = ?2 WHERE id = ?3");
    st.bind(1, taskName(task)).bind(2, std::string(taskSourceName(source))).bind(3, datasetId);
    if (auto s = st.run(); !s)
        return Error{path_ + ": cannot change the dataset's task: " + s.error().message};
    return Ok{};
}

Status ProjectStore::removeDataset(std::int64_t datasetId) {
    std::lock_guard lock(mutex_);
    sql::Statement st(db_, "DELETE FROM datasets WHERE id = ?1");
    st.bind(1, datasetId);
    if (auto s = st.run(); !s)
        return Error{path_ + ": cannot remove the dataset: " + s.error().message};
    return Ok{};
}

Result<std::optional<std::string>> ProjectStore::metaValue(std::string_view key) const {
    std::lock_guard lock(mutex_);
    sql::Statement st(db_, "SELECT value FROM project_meta WHERE key = ?1");
    st.bind(1, key);
    if (st.step())
        return std::optional<std::string>(st.text(0));
    if (st.failed())
        return Error{path_ + ": cannot read the setting \"" + std::string(key) +
                     "\": " + st.error()};
    return std::optional<std::string>();
}

Status ProjectStore::setMetaValue(std::string_view key, std::string_view value) {
    std::lock_guard lock(mutex_);
    sql::Statement st(db_, value.empty()
                               ? "DELETE FROM project_meta WHERE key = ?1"
                               : "INSERT OR REPLACE INTO project_meta(key, value) VALUES(?1, ?2)");
    st.bind(1, key);
    if (!value.empty())
        st.bind(2, value);
    if (auto s = st.run(); !s)
        return Error{path_ + ": cannot change the setting \"" + std::string(key) +
                     "\": " + s.error().message};
    return Ok{};
}

Result<OpenedDataset> openDataset(ProjectStore& store, const std::string& questionsPath,
                                  const std::string& outputsPath, const IndexOptions& options) {
    auto cached = store.loadFreshIndex(questionsPath, outputsPath);
    if (cached && cached->has_value()) {
        OpenedDataset opened;
        opened.index = std::move(**cached);
        opened.fromCache = true;
        std::lock_guard lock(store.mutex());
        sql::Statement id(
            store.handle(),
            "SELECT id FROM datasets WHERE questions_path = ?1 AND outputs_path = ?2");
        id.bind(1, opened.index.questions.path)
            .bind(2, opened.index.outputs ? opened.index.outputs->path : std::string());
        if (id.step())
            opened.datasetId = id.int64(0);
        if (options.taskOverride && *options.taskOverride != opened.index.task) {
            opened.index.task = *options.taskOverride;
            opened.index.taskSource = TaskSource::UserOverride;
            // The override holds for this opening whether or not the project can keep it (a
            // read-only project cannot); a later opening without it detects the task again.
            (void)store.setDatasetTask(opened.datasetId, opened.index.task,
                                       opened.index.taskSource);
        }
        if (store.readOnly()) // nothing is written, not even the time it was opened
            return opened;
        sql::Statement touch(store.handle(), "UPDATE datasets SET opened_at = ?1 WHERE id = ?2");
        touch.bind(1, nowIsoUtc()).bind(2, opened.datasetId);
        (void)touch.run(); // only orders "recent datasets"; never a reason to refuse the dataset
        return opened;
    }
    auto index = indexDataset(questionsPath, outputsPath, options);
    if (!index)
        return index.error();
    OpenedDataset opened;
    opened.index = std::move(index).value();
    if (store.readOnly())
        return opened;
    auto saved = store.saveDatasetIndex(opened.index);
    if (saved) {
        opened.datasetId = *saved;
    } else {
        // The index is still good to use; it just will not be reused next time.
        Finding f;
        f.severity = Severity::Warning;
        f.code = FindingCode::FileUnreadable;
        f.file = store.path();
        f.detail = saved.error().message;
        opened.index.findings.push_back(std::move(f));
    }
    return opened;
}

} // namespace r2p
