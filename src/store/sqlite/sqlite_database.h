// Casework's embedded database: one SQLite file in WAL mode.
//
// All writes go to one writer thread, which commits whatever units of work are waiting
// together (group commit): one fsync covers many requests, and each caller is answered only
// after the commit that holds its work. Each unit of work runs inside its own savepoint, so
// one that fails is rolled back alone. Reads run in parallel on a small pool of read-only
// connections. The log is copied back into the database file (checkpointed) by a thread of
// its own, beside the commits. Thread-safe.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/write_queue.h"

namespace casework::store {

class SqliteConnection;

// kFull: every commit is on disk before Write returns. kBulkLoad, for loading a new database
// that can be made again if the machine fails part way (the demo and benchmark loaders):
// commits go to the file through a rollback journal kept in memory (a unit of work that
// fails is still undone), nothing is synced, and closing the database turns WAL on and
// syncs the file once.
enum class Durability { kFull, kBulkLoad };

class SqliteDatabase final : public Database {
 public:
  // Throws DbError if the file cannot be opened. The writer appends to the access log chain
  // named audit_chain; a file holding lines from another file's chain must use another name.
  SqliteDatabase(const std::string& path, int readers = 4, Durability durability = Durability::kFull,
                 const std::string& audit_chain = "local");
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Write(const Work& work) override;
  Status Read(const Work& work) override;

 private:
  void WriterLoop();
  void RunBatch(const std::vector<WriteQueue::Job*>& batch);
  void CheckpointLoop();

  std::string path_;
  Durability durability_;
  std::unique_ptr<SqliteConnection> writer_;
  WriteQueue writes_;
  std::thread writer_thread_;

  // A checkpoint copies the log's pages into the database file and syncs it: on a busy disk,
  // hundreds of milliseconds. SQLite runs it inside the commit that fills the log, where it
  // held up every caller in that batch and every one queued behind it; here it runs on its
  // own connection and thread while commits go on (kFull only: a bulk load keeps no log).
  std::unique_ptr<SqliteConnection> checkpointer_;
  std::thread checkpoint_thread_;
  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_due_;
  bool checkpoint_wanted_ = false;
  bool stopping_ = false;

  std::mutex read_mu_;
  std::condition_variable reader_free_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

}  // namespace casework::store
