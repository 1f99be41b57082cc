#include "store/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <thread>

#include "store/sqlite/log_write_buffer.h"

namespace casework::store {
namespace {

class SqliteCursor final : public Cursor {
 public:
  SqliteCursor(SqliteConnection& conn, sqlite3_stmt* stmt) : conn_(conn), stmt_(stmt) {}
  ~SqliteCursor() override { conn_.Release(stmt_); }

  bool Next() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    conn_.Fail(rc, {});
  }
  bool IsNull(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  int64_t Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  std::string_view Text(int column) const override {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return {};
    return std::string_view(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt_, column));
  }

 private:
  SqliteConnection& conn_;
  sqlite3_stmt* stmt_;
};

DbError::Kind KindOf(int rc) {
  int primary = rc & 0xFF;
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) return DbError::Kind::kUniqueViolation;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return DbError::Kind::kBusy;
  return DbError::Kind::kOther;
}

// SQLite counts the memory it allocates under one process-wide lock, taken on every
// allocation: the reader threads and the writer queued on it, and each read allocates a
// page for every page it reads (a read after any commit starts with an empty cache). Casework
// never asks for the count.
//
// Each unit of work's savepoint keeps the pages it changes in a statement journal. SQLite
// keeps one in memory, in a single block, up to this many bytes, and past it moves it to a
// temporary file made and removed every batch (half a case note's write calls, at SQLite's
// 64 KiB). A case note's unit changes about 50 KiB of pages, larger units more.
// (`temp_store=MEMORY` keeps every statement journal in memory too, but in blocks of 1 KiB,
// each allocated and freed again at every unit: a tenth of the writer's instructions a note.)
constexpr int kStatementJournalInMemory = 1 << 20;

// Set once, before SQLite is first used; later calls are refused.
void ConfigureSqlite() {
  static const bool done = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, kStatementJournalInMemory);
    return true;
  }();
  (void)done;
}

constexpr int kBusyTimeoutMs = 10000;

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, ConnectionRole role, std::string audit_chain)
    : chain_(std::move(audit_chain)) {
  ConfigureSqlite();
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  // A writer syncs every commit to its log, so its log's writes can be gathered until then.
  const char* vfs = role == ConnectionRole::kWriter ? LogWriteBufferVfs() : nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, vfs);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError(DbError::Kind::kOther, "cannot open " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  ExecScript("PRAGMA foreign_keys=ON;");
  switch (role) {
    case ConnectionRole::kWriter:
      // Statement journals stay in memory (ConfigureSqlite). The writer's cache outlives its
      // commits; SQLite's 2 MiB did not hold the leaves case notes on a caseload's records
      // change, and each one missed was read from the file again.
      ExecScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-32768;");
      break;
    case ConnectionRole::kReader:
      // WAL lets readers proceed while the writer commits; FULL makes each commit durable.
      ExecScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
      break;
    case ConnectionRole::kBulkWriter:
      // A 1 GiB page cache holds the inner pages of every index, and the pages being filled,
      // for the whole load: pages are written out once they are full, not again and again.
      ExecScript(
          "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; "
          "PRAGMA temp_store=MEMORY;");
      break;
    case ConnectionRole::kBulkReader:
      break;
  }
  if (role == ConnectionRole::kReader || role == ConnectionRole::kBulkReader) ExecScript("PRAGMA query_only=1;");
  // A reader keeps its cache until the next commit to its file. With reads' access log lines
  // in a file of their own, commits to the main file are rare, so a larger cache than SQLite's
  // 2 MiB is kept and used: 16 MiB a reader took a record summary from 21 to 14 reads from the
  // file for 13 MiB more memory in all (larger caches save more reads for much more memory;
  // see performance.md).
  if (role == ConnectionRole::kReader) ExecScript("PRAGMA cache_size=-16384;");
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmts] : idle_) {
    for (sqlite3_stmt* s : stmts) sqlite3_finalize(s);
  }
  sqlite3_close(db_);
}

void SqliteConnection::Fail(int rc, std::string_view context) {
  // As on PostgreSQL, any failure forgets the head: the next line reads it again. Some errors
  // (a full disk, say) make SQLite roll the whole transaction back, which ends what it knew.
  audit_head_.Forget();
  if (sqlite3_get_autocommit(db_)) in_transaction_ = false;
  std::string message = sqlite3_errmsg(db_);
  if (!context.empty()) message += " [" + std::string(context.substr(0, 120)) + "]";
  throw DbError(KindOf(rc), message);
}

sqlite3_stmt* SqliteConnection::Prepare(std::string_view sql, std::span<const Value> params, bool copy_text) {
  sqlite3_stmt* stmt = nullptr;
  auto it = idle_.find(sql);
  if (it == idle_.end()) it = idle_.emplace(std::string(sql), Statements{}).first;
  if (!it->second.empty()) {
    stmt = it->second.back();
    it->second.pop_back();
  } else {
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                nullptr);
    if (rc != SQLITE_OK) Fail(rc, sql);
    home_[stmt] = &it->second;
  }
  if (!sqlite3_stmt_readonly(stmt)) ++statements_changing_;
  // Text bound for a statement run to its end within ExecValues outlives it, so SQLite need
  // not copy it; a cursor may outlive the text its caller bound.
  auto lifetime = copy_text ? SQLITE_TRANSIENT : SQLITE_STATIC;
  for (size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i + 1);
    int rc = std::visit(
        [&](const auto& v) -> int {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            return sqlite3_bind_null(stmt, index);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            return sqlite3_bind_int64(stmt, index, v);
          } else {
            return sqlite3_bind_text(stmt, index, v.data(), static_cast<int>(v.size()), lifetime);
          }
        },
        params[i]);
    if (rc != SQLITE_OK) {
      Release(stmt);
      Fail(rc, sql);
    }
  }
  return stmt;
}

void SqliteConnection::OnCommit(std::function<void(int log_pages)> on_commit) {
  on_commit_ = std::move(on_commit);
  // Replaces SQLite's automatic checkpoint, which is itself such a hook.
  sqlite3_wal_hook(
      db_,
      [](void* self, sqlite3*, const char*, int pages) {
        static_cast<SqliteConnection*>(self)->on_commit_(pages);
        return SQLITE_OK;
      },
      this);
}

bool SqliteConnection::CheckpointLog(Checkpoint mode, std::chrono::microseconds max_wait, int* copied) {
  auto deadline = std::chrono::steady_clock::now() + max_wait;
  if (mode == Checkpoint::kRestart) {
    // Readers' transactions last well under a millisecond; SQLite's own busy timeout would
    // sleep a whole millisecond at its first wait, and the writer waits with it.
    sqlite3_busy_handler(
        db_,
        [](void* until, int) {
          std::this_thread::sleep_for(std::chrono::microseconds(50));
          return std::chrono::steady_clock::now() < *static_cast<std::chrono::steady_clock::time_point*>(until) ? 1 : 0;
        },
        &deadline);
  }
  int log_frames = 0;
  int copied_frames = 0;  // all the log's frames now in the database file
  int rc = sqlite3_wal_checkpoint_v2(
      db_, nullptr, mode == Checkpoint::kRestart ? SQLITE_CHECKPOINT_RESTART : SQLITE_CHECKPOINT_PASSIVE, &log_frames,
      &copied_frames);
  if (mode == Checkpoint::kRestart) sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED) return false;
  if (rc != SQLITE_OK) Fail(rc, "checkpoint");
  // SQLite syncs the database file only after a copy that reaches the end of the log as it
  // stands when the copy ends, which a copy beside a busy writer never does: the pages copied
  // then waited for the restart, whose sync of all of them (10 to 20 ms) held up the writer.
  // Synced here, beside the commits, the restart syncs only what was copied since.
  if (mode == Checkpoint::kCopy && copied_frames > 0) SyncDatabaseFile();
  if (copied) *copied = copied_frames;
  return true;
}

void SqliteConnection::SyncDatabaseFile() {
  sqlite3_file* file = nullptr;
  int rc = sqlite3_file_control(db_, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc != SQLITE_OK) Fail(rc, "sync");
  if (file == nullptr || file->pMethods == nullptr) return;  // not opened yet: nothing to sync
  rc = file->pMethods->xSync(file, SQLITE_SYNC_NORMAL);
  if (rc != SQLITE_OK) Fail(rc, "sync");
}

void SqliteConnection::Release(sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  home_[stmt]->push_back(stmt);
}

std::unique_ptr<Cursor> SqliteConnection::QueryValues(std::string_view sql, std::span<const Value> params) {
  return std::make_unique<SqliteCursor>(*this, Prepare(sql, params, true));
}

int64_t SqliteConnection::ExecValues(std::string_view sql, std::span<const Value> params) {
  sqlite3_stmt* stmt = Prepare(sql, params, false);
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  Release(stmt);
  if (rc != SQLITE_DONE) Fail(rc, sql);
  return sqlite3_changes64(db_);
}

void SqliteConnection::AuditHeadMoved(const ChainHead& head) {
  if (in_transaction_) audit_head_.Moved(head);
}

void SqliteConnection::Begin() {
  audit_head_.Forget();
  Exec("BEGIN IMMEDIATE");
  in_transaction_ = true;
  audit_head_.Began();
}

void SqliteConnection::SetSavepoint() {
  Exec("SAVEPOINT unit");
  audit_head_.SavepointSet();
}

void SqliteConnection::RollBackToSavepoint() {
  Exec("ROLLBACK TO unit");
  audit_head_.RolledBackToSavepoint();
}

void SqliteConnection::ReleaseSavepoint() { Exec("RELEASE unit"); }

void SqliteConnection::Commit() {
  in_transaction_ = false;
  audit_head_.Forget();
  GatheringLogWrites gathering(db_);  // a writer's (see LogWriteBufferVfs)
  Exec("COMMIT");
  gathering.Committed();
}

void SqliteConnection::RollBack() {
  in_transaction_ = false;
  audit_head_.Forget();
  if (sqlite3_get_autocommit(db_)) return;  // SQLite rolled it back itself, after an error
  try {
    Exec("ROLLBACK");
  } catch (const DbError&) {
    // Nothing more can be done here; SQLite undoes the transaction when the connection closes.
  }
}

bool SqliteConnection::InTransaction() const { return !sqlite3_get_autocommit(db_); }

void SqliteConnection::ExecScript(std::string_view sql) {
  // A script may change the access log or end the transaction in ways the cache cannot follow.
  audit_head_.Forget();
  ++statements_changing_;
  std::string text(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw DbError(KindOf(rc), message);
  }
}

}  // namespace casework::store
