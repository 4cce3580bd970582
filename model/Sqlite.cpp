#include "Sqlite.h"

#include <sqlite3.h>

namespace r2p::sql {

std::string describeError(sqlite3* db, int code) {
    switch (code & 0xff) {
    case SQLITE_FULL:
        return "the disk is full";
    case SQLITE_READONLY:
        return "the project file is read-only";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "the project file is locked by another program";
    case SQLITE_NOTADB:
        return "not an SQLite database";
    case SQLITE_CORRUPT:
        return "the project file is damaged";
    case SQLITE_IOERR:
        return std::string("an I/O error (") + (db ? sqlite3_errmsg(db) : "") + ")";
    default:
        return db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
    const int rc =
        sqlite3_prepare_v2(db, sql_.c_str(), static_cast<int>(sql_.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        prepareError_ = describeError(db, rc);
        error_ = prepareError_;
        stmt_ = nullptr;
    }
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (stmt_)
        sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (stmt_)
        sqlite3_bind_double(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (stmt_)
        sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8);
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes) {
    if (stmt_)
        sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (stmt_)
        sqlite3_bind_null(stmt_, index);
    return *this;
}

Statement& Statement::bindOptional(int index, const std::optional<std::string>& value) {
    return value ? bind(index, std::string_view(*value)) : bindNull(index);
}

bool Statement::step() {
    if (!stmt_)
        return false;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        error_ = describeError(db_, rc);
    return false;
}

Status Statement::run() {
    if (!stmt_)
        return Error{prepareError_};
    while (step()) {
    }
    if (failed())
        return Error{error_};
    return Ok{};
}

void Statement::reset() {
    if (stmt_) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    error_.clear();
}

void Statement::rewind() {
    if (stmt_)
        sqlite3_reset(stmt_);
    error_.clear();
}

std::int64_t Statement::changes() const {
    return sqlite3_changes64(db_);
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
}

std::string_view Statement::bytes(int column) const {
    if (isBlob(column)) {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
        return p ? std::string_view(p,
                                    static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string_view();
    }
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string_view();
}

bool Statement::isBlob(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_BLOB;
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Status exec(sqlite3* db, std::string_view sql) {
    char* message = nullptr;
    const std::string s(sql);
    const int rc = sqlite3_exec(db, s.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string m = describeError(db, rc);
        sqlite3_free(message);
        return Error{m};
    }
    return Ok{};
}

Transaction::Transaction(sqlite3* db, Begin begin)
    : db_(db), begun_(exec(db, begin == Begin::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")) {}

Transaction::~Transaction() {
    if (!done_ && begun_.ok())
        (void)exec(db_, "ROLLBACK");
}

Status Transaction::commit() {
    done_ = true;
    if (!begun_.ok())
        return begun_;
    auto s = exec(db_, "COMMIT");
    if (!s.ok())
        (void)exec(db_, "ROLLBACK");
    return s;
}

} // namespace r2p::sql
