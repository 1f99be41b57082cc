// One SQLite connection with a cache of prepared statements. Used by one thread at a time.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/audit_head_cache.h"
#include "store/database.h"

struct sqlite3;
struct sqlite3_stmt;

namespace casework::store {

// What a connection is for, which decides its settings. kWriter and kReader: WAL, each commit
// durable (synchronous=FULL). kBulkWriter, for loading a new database that can be made again:
// the rollback journal kept in memory and nothing synced, so that each page is written once
// to the file instead of to the log and then to the file; a large page cache and temporary
// tables in memory. kBulkReader reads beside a kBulkWriter without changing the journal mode.
enum class ConnectionRole { kWriter, kReader, kBulkWriter, kBulkReader };

class SqliteConnection final : public Connection {
 public:
  // Opens (creating if need be) the file at path with the settings for its role; lines it
  // writes to the access log go on the chain named audit_chain. Throws DbError when it cannot.
  SqliteConnection(const std::string& path, ConnectionRole role, std::string audit_chain = "local");
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }
  const std::string& audit_chain() const override { return chain_; }
  std::optional<ChainHead> known_audit_head() const override { return audit_head_.known(); }
  void AuditHeadMoved(const ChainHead& head) override;
  void AuditHeadUnknown() override { audit_head_.Forget(); }
  std::unique_ptr<Cursor> QueryValues(std::string_view sql, std::span<const Value> params) override;
  int64_t ExecValues(std::string_view sql, std::span<const Value> params) override;
  void ExecScript(std::string_view sql) override;

  // A write transaction, as SqliteDatabase runs one. BEGIN IMMEDIATE takes the file's write
  // lock, so no other connection, in this process or another, can move this connection's access
  // log chain until COMMIT or ROLLBACK: a head read or moved inside the transaction is known for
  // certain until then (AuditHeadCache), and nothing is known between transactions.
  void Begin();
  void SetSavepoint();
  void RollBackToSavepoint();
  void ReleaseSavepoint();
  void Commit();
  // Never throws: a transaction SQLite has already rolled back is left as it is.
  void RollBack();
  // Whether a transaction is open: some failures (a full disk, say) make SQLite roll it back.
  bool InTransaction() const;
  // How many statements that may change the file have been run: a unit of work that leaves it
  // as it was has changed nothing, and needs nothing undone if it fails.
  int64_t statements_changing() const { return statements_changing_; }

  // Throws the DbError for SQLite's result code rc, after forgetting the access log head.
  [[noreturn]] void Fail(int rc, std::string_view context);
  // Hands a statement back to the cache once a cursor is done with it.
  void Release(sqlite3_stmt* stmt);

  // Calls on_commit after each commit on this connection with the number of pages in the
  // write-ahead log, instead of SQLite checkpointing inside the commit that fills it.
  void OnCommit(std::function<void(int log_pages)> on_commit);

  // Copies the write-ahead log back into the database file. kCopy (SQLite's PASSIVE) copies
  // what no reader still needs and waits for no one. kRestart also copies the rest and then
  // waits for the readers still reading from the log, up to max_wait rather than the
  // connection's busy timeout, so that the next commit writes the log from its beginning
  // again; it holds off other writers meanwhile. Returns false when it could not finish
  // (another checkpoint running, or readers staying). Throws DbError on other failures.
  // A kCopy syncs the database file once it has copied anything. copied_frames, if given, is
  // set to how many of the log's frames are now in the database file, copied before or now.
  enum class Checkpoint { kCopy, kRestart };
  bool CheckpointLog(Checkpoint mode, std::chrono::microseconds max_wait = {}, int* copied_frames = nullptr);

 private:
  // Syncs the database file (not the log), as a checkpoint that copied the whole log does.
  void SyncDatabaseFile();
  sqlite3_stmt* Prepare(std::string_view sql, std::span<const Value> params, bool copy_text);

  sqlite3* db_ = nullptr;
  std::string chain_;
  bool in_transaction_ = false;
  int64_t statements_changing_ = 0;
  AuditHeadCache audit_head_;
  std::function<void(int)> on_commit_;
  // Looks up SQL text without copying it into a std::string first.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Statements = std::vector<sqlite3_stmt*>;
  // Idle prepared statements by SQL text; a statement in use is out of the cache, and
  // remembers the list it goes back to.
  std::unordered_map<std::string, Statements, TextHash, std::equal_to<>> idle_;
  std::unordered_map<sqlite3_stmt*, Statements*> home_;
};

}  // namespace casework::store
