#include "store/sqlite.h"

#include <string>

namespace sitrep::store {

Status SqliteStatus(int rc, sqlite3* db, std::string_view path, std::string_view what) {
  const int primary = rc & 0xff;
  if (primary == SQLITE_OK || primary == SQLITE_ROW || primary == SQLITE_DONE) return Status();
  const std::string where = "database " + std::string(path);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Status::IoError(where + " is busy (another sitrep running?)");
  }
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string msg = where + ": " + std::string(what) + ": " + detail;
  switch (primary) {
    case SQLITE_NOTADB:
      return Status::BadInput(where + " is not a sitrep database (" + detail + ")");
    case SQLITE_CANTOPEN:
      return Status::IoError("cannot open " + where + " (" + detail + ")");
    case SQLITE_CORRUPT:
      return Status::BadInput(where + " is corrupt (" + detail + ")");
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
    case SQLITE_CONSTRAINT:
      return Status::Internal(msg);
    default:
      return Status::IoError(msg);
  }
}

Db::~Db() {
  if (db_ != nullptr) sqlite3_close_v2(db_);  // rolls back an open transaction
}

Status Db::Open(const std::string& path) {
  path_ = path;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status st = SqliteStatus(rc, db_, path, "opening");
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return st;
  }
  sqlite3_extended_result_codes(db_, 1);
  return Status();
}

Status Db::Exec(std::string_view sql, std::string_view what) {
  std::string owned(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);  // sqlite3_errmsg(db_) still holds the message
  return SqliteStatus(rc, db_, path_, what);
}

Result<int64_t> Db::QueryInt(const std::string& sql, std::string_view what) {
  Stmt stmt;
  SITREP_RETURN_IF_ERROR(stmt.Prepare(*this, sql));
  Result<bool> row = stmt.Step(what);
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("database " + path_ + ": " + std::string(what) + ": no row");
  return stmt.Int(0);
}

int64_t Db::changes() const { return sqlite3_changes64(db_); }
int64_t Db::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
bool Db::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Status Stmt::Prepare(Db& db, std::string_view sql) {
  db_ = &db;
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    Status st = SqliteStatus(rc, db.handle(), db.path(), "preparing " + std::string(sql));
    // A busy database can fail a prepare (it reads the schema); that is not our bug.
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ||
        (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) {
      return st;
    }
    return Status::Internal(st.message());
  }
  return Status();
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Stmt::Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
void Stmt::Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
void Stmt::Bind(int i, std::string_view text) {
  sqlite3_bind_text64(stmt_, i, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
}
void Stmt::BindBlob(int i, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_STATIC);
}
void Stmt::BindNull(int i) { sqlite3_bind_null(stmt_, i); }

Result<bool> Stmt::Step(std::string_view what) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status st = SqliteStatus(rc, db_->handle(), db_->path(), what);
  sqlite3_reset(stmt_);
  return st;
}

Status Stmt::Run(std::string_view what) {
  Result<bool> r = Step(what);
  while (r.ok() && *r) r = Step(what);
  sqlite3_reset(stmt_);
  return r.status();
}

int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::Double(int col) const { return sqlite3_column_double(stmt_, col); }
std::string_view Stmt::Text(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  if (p == nullptr) return {};
  return std::string_view(static_cast<const char*>(p), static_cast<size_t>(n));
}
bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

}  // namespace sitrep::store
