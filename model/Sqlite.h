// Thin RAII helpers over the SQLite C API for the project store: prepared statements with
// typed binds and errors that say which statement failed and why.
#pragma once

#include "Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace r2p::sql {

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool prepared() const { return stmt_ != nullptr; }
    const std::string& prepareError() const { return prepareError_; }

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bindBlob(int index, std::string_view bytes);
    Statement& bindNull(int index);
    Statement& bindOptional(int index, const std::optional<std::string>& value);

    // Steps once: true when a row is available, false when done; errors go to error().
    bool step();
    // Steps to completion; the error names the statement when it fails.
    Status run();
    void reset();
    // Ready to run again with the same bindings (reset() also clears them).
    void rewind();
    // Rows the last run inserted, changed or deleted itself (not by its triggers).
    std::int64_t changes() const;
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }

    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    // The column's bytes as stored (a BLOB's, or a TEXT's UTF-8), and whether it is a BLOB.
    std::string_view bytes(int column) const;
    bool isBlob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
    std::string prepareError_;
    std::string error_;
};

// Runs SQL with no results (may hold several statements).
Status exec(sqlite3* db, std::string_view sql);

// BEGIN IMMEDIATE ... COMMIT; rolls back on destruction unless committed.
class Transaction {
public:
    // Immediate takes the write lock at once. Deferred reads first and takes it at its first
    // write, which fails (SQLITE_BUSY_SNAPSHOT, without waiting) when another connection wrote
    // since the read began: for work that reads long and writes little.
    enum class Begin { Immediate, Deferred };
    explicit Transaction(sqlite3* db, Begin begin = Begin::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    const Status& begun() const { return begun_; }
    Status commit();

private:
    sqlite3* db_;
    Status begun_;
    bool done_ = false;
};

// A user-facing message for the last SQLite error on `db` ("the disk is full", ...).
std::string describeError(sqlite3* db, int code);

} // namespace r2p::sql
