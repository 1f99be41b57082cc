// Casework on a PostgreSQL server, which several Casework processes may share.
//
// Each unit of work runs in its own transaction on a connection from a pool. Writes run
// SERIALIZABLE, so concurrent units of work, in this process or any other, behave as if they
// ran one after another, as on SQLite's single writer; when PostgreSQL cannot promise that
// (a serialisation failure or deadlock) the transaction is rolled back and the unit of work
// run again. Reads run on a REPEATABLE READ, read-only snapshot. A connection the server
// has dropped is replaced, and the unit of work run again when it cannot have committed.
// Thread-safe.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.h"

namespace casework::store {

class PgConnection;

class PgDatabase final : public Database {
 public:
  // Connects once at the start, so a wrong address fails here (as DbError), not later.
  explicit PgDatabase(std::string url, int max_connections = 10);
  ~PgDatabase() override;

  Dialect dialect() const override { return Dialect::kPostgres; }
  Status Write(const Work& work) override;
  Status Read(const Work& work) override;

 private:
  // Runs work once in a transaction opened by begin; again says whether running it again is
  // both safe and worth trying.
  Status RunOnce(const Work& work, const char* begin, bool& again);
  std::unique_ptr<PgConnection> Acquire();
  void Release(std::unique_ptr<PgConnection> conn);
  std::unique_ptr<PgConnection> Connect();

  std::string url_;
  int max_connections_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;
};

}  // namespace casework::store
