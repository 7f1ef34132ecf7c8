// Internal to store/. A thin RAII layer over the sqlite3 C API.
//
// Db owns one connection; Stmt owns one prepared statement and is reused (Reset, Bind,
// Step) so hot inserts never re-parse SQL. Every failure comes back as a Status whose
// message names the database file; "busy"/"locked" becomes the one message a user can
// act on ("database <path> is busy (another sitrep running?)").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "sitrep/status.h"

namespace sitrep::store {

// Turns an sqlite3 result code into a Status. `what` says what was being done
// ("inserting a document"); `db` may be null (then the generic message for `rc` is used).
Status SqliteStatus(int rc, sqlite3* db, std::string_view path, std::string_view what);

class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens (creating if needed) the database at `path`; ":memory:" for an in-memory one.
  Status Open(const std::string& path);
  // Runs one or more SQL statements that return no rows we need.
  Status Exec(std::string_view sql, std::string_view what);
  // Runs a statement returning one integer (e.g. "PRAGMA user_version").
  Result<int64_t> QueryInt(const std::string& sql, std::string_view what);
  // Rows changed by the most recent INSERT/UPDATE/DELETE.
  int64_t changes() const;
  int64_t last_insert_rowid() const;
  bool in_transaction() const;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// One prepared statement. Bind indexes start at 1, column indexes at 0 (as in sqlite3).
// Text and blob binds are SQLITE_TRANSIENT-free: the bound bytes must stay alive and
// unchanged until the next Step() returns, which every caller here guarantees by binding
// from the Document being written.
class Stmt {
 public:
  Stmt() = default;
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Prepares `sql` once for repeated use. Failure here is a bug in our SQL: Internal.
  Status Prepare(Db& db, std::string_view sql);

  // Clears bindings and rewinds; call before binding a new row.
  void Reset();
  void Bind(int i, int64_t v);
  void Bind(int i, double v);
  void Bind(int i, std::string_view text);  // bound as TEXT without copying
  void BindBlob(int i, std::string_view bytes);
  void BindNull(int i);

  // Runs one step: true when a row is ready to read, false when done. `what` names the
  // operation in the error message.
  Result<bool> Step(std::string_view what);
  // Runs a statement that returns no rows to completion, then resets it.
  Status Run(std::string_view what);

  int64_t Int(int col) const;
  double Double(int col) const;
  // The column as bytes; valid until the next Step/Reset. NULL reads as "".
  std::string_view Text(int col) const;
  std::string String(int col) const { return std::string(Text(col)); }
  bool IsNull(int col) const;

 private:
  Db* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets a statement when leaving a scope, so a half-read SELECT never keeps its read
// transaction (and its locks) open.
class ResetOnExit {
 public:
  explicit ResetOnExit(Stmt& stmt) : stmt_(stmt) {}
  ~ResetOnExit() { stmt_.Reset(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  Stmt& stmt_;
};

}  // namespace sitrep::store
