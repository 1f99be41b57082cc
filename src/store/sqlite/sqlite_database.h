// Casework's embedded database: one SQLite file in WAL mode.
//
// All writes go to one writer thread, which commits whatever units of work are waiting
// together (group commit): one fsync covers many requests, and each caller is answered only
// after the commit that holds its work. A unit of work that fails is rolled back alone: a
// batch runs without savepoints, and should a unit fail having changed something, it is undone
// and run again with each unit in a savepoint of its own (every unit may be run again, as on
// PostgreSQL). Reads run in parallel on a small pool of read-only
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

// When the write-ahead log is copied back into the database file (kFull only). A checkpoint
// thread copies it once it holds copy_pages, and again each time it grows by as many more;
// after every copies_per_restart such copies the writer, between batches, copies what was
// committed since and starts the log again from its beginning, waiting briefly for readers
// still in it (readers always in the log keep the copy alone from ever restarting it). A
// restart holds up the writer's next batch for a few milliseconds, so it is not done after
// every copy: after every second one, case notes went about a tenth faster at the same CPU. Should a restart fail (a reader's
// thread not run for a while, on a busy machine), the writer tries again once the log reaches
// bound_pages, and at each copy_pages beyond, waiting twice as long each time: the log's file,
// which a restart reuses rather than shrinks, stays near that size.
struct LogLimits {
  int copy_pages = 1000;  // SQLite's own automatic checkpoint mark
  int copies_per_restart = 2;
  int bound_pages = 4000;
};

class SqliteDatabase final : public Database {
 public:
  // Throws DbError if the file cannot be opened. The writer appends to the access log chain
  // named audit_chain; a file holding lines from another file's chain must use another name.
  SqliteDatabase(const std::string& path, int readers = 4, Durability durability = Durability::kFull,
                 const std::string& audit_chain = "local", LogLimits log_limits = {});
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Write(const Work& work) override;
  // Queued for the writer thread, which calls done after the batch's commit.
  void WriteThen(Work work, WriteDone done) override;
  Status Read(const Work& work) override;

 private:
  void WriterLoop();
  // Runs a batch in one transaction, first with no savepoints; again with a savepoint for
  // each unit if a unit fails having changed something.
  void RunBatch(const std::vector<WriteQueue::Job*>& batch);
  enum class Savepoints { kNone, kEachUnit };
  // False when the batch was undone, to be run again with savepoints.
  bool TryBatch(const std::vector<WriteQueue::Job*>& batch, Savepoints savepoints);
  void CheckpointLoop();
  // On the checkpoint thread: copies again what came in during the last copy, so that the
  // restart the writer then makes has little left to copy and sync.
  void CatchUpBeforeRestart(int copied_frames);
  // On the writer thread after each commit, with the pages then in the log.
  void Committed(int log_pages);
  void RestartLogIfDue();

  std::string path_;
  Durability durability_;
  std::unique_ptr<SqliteConnection> writer_;
  WriteQueue writes_;
  std::thread writer_thread_;

  // A checkpoint copies the log's pages into the database file and syncs it: on a busy disk,
  // hundreds of milliseconds. SQLite runs it inside the commit that fills the log, where it
  // held up every caller in that batch and every one queued behind it; here it runs on its
  // own connection and thread while commits go on (kFull only: a bulk load keeps no log).
  // Every commit past the mark once asked for another copy, each of which walked and sorted the
  // whole log again while readers kept it from restarting: it grew to 70 MB under load.
  std::unique_ptr<SqliteConnection> checkpointer_;
  std::thread checkpoint_thread_;
  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_due_;
  bool checkpoint_wanted_ = false;
  bool restart_wanted_ = false;  // set by the checkpoint thread, taken by the writer
  int copies_since_restart_wanted_ = 0;  // the checkpoint thread's own
  bool stopping_ = false;
  // The writer thread's alone.
  LogLimits log_limits_;
  int log_pages_ = 0;
  int next_copy_at_ = 0;
  int next_restart_at_ = 0;
  int failed_restarts_ = 0;  // since the last that worked

  std::mutex read_mu_;
  std::condition_variable reader_free_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

}  // namespace casework::store
