// One SQLite connection with a cache of prepared statements. Used by one thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/database.h"

struct sqlite3;
struct sqlite3_stmt;

namespace casework::store {

class SqliteConnection final : public Connection {
 public:
  // Opens (creating if need be) the file at path with Casework's durability settings.
  // Throws DbError when it cannot.
  SqliteConnection(const std::string& path, bool read_only);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }
  const std::string& audit_chain() const override { return chain_; }
  std::unique_ptr<Cursor> QueryValues(std::string_view sql, std::span<const Value> params) override;
  int64_t ExecValues(std::string_view sql, std::span<const Value> params) override;
  void ExecScript(std::string_view sql) override;

  // Hands a statement back to the cache once a cursor is done with it.
  void Release(sqlite3_stmt* stmt);

  // Calls on_commit after each commit on this connection with the number of pages in the
  // write-ahead log, instead of SQLite checkpointing inside the commit that fills it.
  void OnCommit(std::function<void(int log_pages)> on_commit);

 private:
  sqlite3_stmt* Prepare(std::string_view sql, std::span<const Value> params);
  [[noreturn]] void Fail(int rc, std::string_view context);

  sqlite3* db_ = nullptr;
  std::string chain_ = "local";
  std::function<void(int)> on_commit_;
  // Idle prepared statements by SQL text; a statement in use is out of the cache.
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle_;
  std::unordered_map<sqlite3_stmt*, std::string> sql_of_;
};

}  // namespace casework::store
