// Casework on a PostgreSQL server, which several Casework processes may share.
//
// Writes go to one writer thread with a connection of its own, which runs the units of work
// waiting for it together in one SERIALIZABLE transaction, each in a savepoint of its own, and
// commits them at once (group commit): one flush of the log to disk covers them all, and the
// units of one process never collide with each other. Each caller is answered only after the
// commit that holds its work. SERIALIZABLE makes units of work in other processes behave as
// if they ran one after another; when PostgreSQL cannot promise that (a serialisation failure
// or deadlock) the batch is rolled back and run again. Reads run on a REPEATABLE READ,
// read-only snapshot on connections from a pool. A connection the server has dropped is
// replaced, and the work run again when it cannot have committed. A unit of work must not
// itself call Write (it would wait for the thread that is running it). Thread-safe.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/write_queue.h"

namespace casework::store {

class PgConnection;

class PgDatabase final : public Database {
 public:
  // Connects once at the start, so a wrong address fails here (as DbError), not later.
  // max_connections bounds the pool of readers; the writer has one more.
  explicit PgDatabase(std::string url, int max_connections = 10);
  ~PgDatabase() override;

  Dialect dialect() const override { return Dialect::kPostgres; }
  Status Write(const Work& work) override;
  Status Read(const Work& work) override;

 private:
  void WriterLoop();
  // Runs a batch until it commits, or fails in a way that running it again would not mend.
  void RunBatch(const std::vector<WriteQueue::Job*>& batch);
  // Runs the batch once in one transaction; again says whether running it again is both safe
  // and worth trying.
  void TryBatch(const std::vector<WriteQueue::Job*>& batch, bool& again);
  // Runs a read once; again as for TryBatch.
  Status ReadOnce(const Work& work, bool& again);
  std::unique_ptr<PgConnection> Acquire();
  void Release(std::unique_ptr<PgConnection> conn);
  std::unique_ptr<PgConnection> Connect();

  std::string url_;
  int max_connections_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;

  std::unique_ptr<PgConnection> writer_;  // used by the writer thread alone
  WriteQueue writes_;
  std::thread writer_thread_;
};

}  // namespace casework::store
