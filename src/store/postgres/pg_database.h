// Casework on a PostgreSQL server, which several Casework processes may share.
//
// Writes go to one writer thread with a connection of its own, which runs the units of work
// waiting for it together in one SERIALIZABLE transaction and commits them at once (group
// commit): one flush of the log to disk covers them all, and the units of one process never
// collide with each other. Each caller is answered only after the
// commit that holds its work. SERIALIZABLE makes units of work in other processes behave as
// if they ran one after another; when PostgreSQL cannot promise that (a serialisation failure
// or deadlock) the batch is rolled back and run again. Reads run on a REPEATABLE READ,
// read-only snapshot on connections from a pool. A connection the server has dropped is
// replaced, and the work run again when it cannot have committed. A unit of work must not
// itself call Write (it would wait for the thread that is running it). Thread-safe.
//
// A unit that fails must leave nothing behind while the others in its batch are kept. Units
// run without savepoints (each would cost the server a subtransaction); should one fail after
// sending statements, the batch is rolled back and run again with each unit after the first in
// a savepoint of its own, which is then rolled back alone.
//
// Units handed over with what they send first (SentAhead; case notes) have it sent for a run
// of them before the first of the run starts, so that the run's reads share one round trip
// where each unit's would take its own. A run ends at a unit that says nothing, or one whose key
// an earlier unit of the run has, which then starts the next run after the units before it
// have sent their changes. So that a second unit on a key costs no run of its own, units that
// say what they send run by rounds: between units that say nothing, each key's first unit,
// then each key's second, and so on, every key's units in the order they came (units of
// different keys change nothing the other reads). A unit sent ahead for that fails counts as
// one that sent statements; so does one whose step sent ahead throws something other than a
// database failure, which fails it (Internal, as an exception in its work would) and leaves
// it out of the batch run again. Run with savepoints, units send their own, inside their
// savepoints, so that what a failing unit's statements did is undone with it.
//
// Statements whose answers nobody needs (Connection::ExecLater) are sent without waiting, so
// that a batch costs round trips only for the answers its units read. Should one of them fail,
// nothing is committed (the failure spoils the transaction) and the batch is run again
// carefully, each unit's answers read before the next starts, so that the failure is its
// sender's alone, as if every statement had been waited for.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
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
  // Queued for the writer thread, which calls done after the batch's commit.
  void WriteThen(Work work, WriteDone done) override;
  // The same; the writer sends what ahead says for a run of units at once (see TryBatch).
  void WriteThenSendingAhead(Work work, WriteDone done, SentAhead ahead) override;
  Status Read(const Work& work) override;
  // How many times this database's connections have waited for the server's answers, all
  // told: what a request costs in round trips, for tests and measurements.
  int64_t round_trips() const { return round_trips_.load(std::memory_order_relaxed); }

 private:
  // What came of running a batch once: done (committed, or failed for good); to be run again
  // after a collision; to be run again with each unit in a savepoint, after a unit that had
  // sent statements failed; or to be run again carefully, reading each unit's answers before
  // the next unit starts, after a statement sent without waiting failed.
  enum class Outcome { kDone, kAgain, kSavepoints, kCarefully };
  // How a batch is run: its units one after another in the transaction (most batches, whose
  // units all succeed); each after the first in a savepoint, so that one that fails is undone
  // alone; or so, and carefully as well.
  enum class Care { kNone, kSavepoints, kCarefully };

  void WriterLoop();
  // Runs a batch until it commits, or fails in a way that running it again would not mend.
  void RunBatch(const std::vector<WriteQueue::Job*>& batch);
  // Runs the batch once in one transaction. failed_ahead holds, by place in the batch, the
  // outcome of each unit whose step sent ahead threw: such a unit is not run again.
  Outcome TryBatch(const std::vector<WriteQueue::Job*>& batch, Care care,
                   std::vector<std::optional<Status>>& failed_ahead);
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

  std::atomic<int64_t> round_trips_{0};

  std::unique_ptr<PgConnection> writer_;  // used by the writer thread alone
  WriteQueue writes_;
  std::thread writer_thread_;
};

}  // namespace casework::store
