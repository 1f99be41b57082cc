#include "store/sqlite/sqlite_database.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "store/sqlite/sqlite_connection.h"

namespace casework::store {
namespace {

// Bounds how long the first caller in a batch can wait behind the others.
constexpr size_t kMaxBatch = 256;
// How long a restart of the log may hold up the next batch waiting for readers: their
// transactions take well under a millisecond, unless their thread is not being run.
constexpr std::chrono::microseconds kFirstRestartWait{2000};
constexpr std::chrono::microseconds kLongestRestartWait{200000};
// Before a restart, the log is copied again until a copy finds fewer than kFewFrames new
// frames, at most kMostCatchUpCopies times.
constexpr int kFewFrames = 64;
constexpr int kMostCatchUpCopies = 4;

// Best effort: a bulk-loaded file that cannot be synced is no worse than one the machine
// lost power under, which is why a bulk load is only for a database that can be made again.
void SyncFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

Status RunGuarded(const Work& work, Connection& conn) {
  try {
    return work(conn);
  } catch (const DbError& e) {
    return StatusFromDbError(e);
  } catch (const std::exception& e) {
    return StatusFromUnexpected(e);
  }
}

}  // namespace

SqliteDatabase::SqliteDatabase(const std::string& path, int readers, Durability durability,
                               const std::string& audit_chain, LogLimits log_limits)
    : path_(path),
      durability_(durability),
      log_limits_(log_limits),
      next_copy_at_(log_limits.copy_pages),
      next_restart_at_(log_limits.bound_pages) {
  bool bulk = durability_ == Durability::kBulkLoad;
  writer_ = std::make_unique<SqliteConnection>(path, bulk ? ConnectionRole::kBulkWriter : ConnectionRole::kWriter,
                                               audit_chain);
  for (int i = 0; i < readers; ++i) {
    idle_readers_.push_back(
        std::make_unique<SqliteConnection>(path, bulk ? ConnectionRole::kBulkReader : ConnectionRole::kReader));
  }
  if (durability_ == Durability::kFull) {
    checkpointer_ = std::make_unique<SqliteConnection>(path, ConnectionRole::kWriter);
    writer_->OnCommit([this](int log_pages) { Committed(log_pages); });
    checkpoint_thread_ = std::thread([this] { CheckpointLoop(); });
  }
  writer_thread_ = std::thread([this] { WriterLoop(); });
}

SqliteDatabase::~SqliteDatabase() {
  writes_.Stop();
  writer_thread_.join();
  if (checkpoint_thread_.joinable()) {
    {
      std::lock_guard lock(checkpoint_mu_);
      stopping_ = true;
    }
    checkpoint_due_.notify_one();
    checkpoint_thread_.join();
  }
  if (durability_ == Durability::kBulkLoad) {
    try {
      // The file is left as the server opens it: in WAL mode, with each commit durable.
      writer_->ExecScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    } catch (const DbError&) {
      // Left in rollback mode, the file is still whole; the server's first connection turns WAL on.
    }
    idle_readers_.clear();
    writer_.reset();
    // Nothing of the load was synced as it was written: sync it all now, and the folder,
    // which holds the new file's name.
    SyncFile(path_);
    SyncFile(std::filesystem::path(path_).parent_path().empty() ? std::string(".")
                                                                 : std::filesystem::path(path_).parent_path().string());
  }
}

Status SqliteDatabase::Write(const Work& work) { return writes_.Submit(work); }

void SqliteDatabase::WriteThen(Work work, WriteDone done) { writes_.SubmitThen(std::move(work), std::move(done)); }

void SqliteDatabase::Committed(int log_pages) {
  if (log_pages < log_pages_) {  // the log started again from its beginning
    next_copy_at_ = log_limits_.copy_pages;
    next_restart_at_ = log_limits_.bound_pages;
  }
  log_pages_ = log_pages;
  if (log_pages < next_copy_at_) return;
  next_copy_at_ = log_pages + log_limits_.copy_pages;
  {
    std::lock_guard lock(checkpoint_mu_);
    checkpoint_wanted_ = true;
  }
  checkpoint_due_.notify_one();
}

void SqliteDatabase::CheckpointLoop() {
  while (true) {
    {
      std::unique_lock lock(checkpoint_mu_);
      checkpoint_due_.wait(lock, [&] { return stopping_ || checkpoint_wanted_; });
      if (stopping_) return;
      checkpoint_wanted_ = false;
      // The writer is about to restart the log, copying what is left itself: a copy now would
      // have it wait for the pages this one writes and syncs (a write to a page on its way to
      // disk waits for it: 4 to 9 ms seen). The log's next step of growth asks again.
      if (restart_wanted_) continue;
    }
    bool copied = false;
    int copied_frames = 0;
    try {
      // Copies what no reader still needs, waiting for no one, and syncs the database file:
      // the slow part, done here beside the commits.
      copied = checkpointer_->CheckpointLog(SqliteConnection::Checkpoint::kCopy, {}, &copied_frames);
    } catch (const DbError&) {
      // The next step of the log's growth asks again.
    }
    if (copied && ++copies_since_restart_wanted_ >= log_limits_.copies_per_restart) {
      copies_since_restart_wanted_ = 0;
      CatchUpBeforeRestart(copied_frames);
      std::lock_guard lock(checkpoint_mu_);
      restart_wanted_ = true;
    }
  }
}

void SqliteDatabase::CatchUpBeforeRestart(int copied_frames) {
  // The restart copies and syncs, on the writer's thread and holding up its next batch, what
  // was committed since the last copy began. Each copy here leaves it only what came in while
  // that copy ran: a few copies, each shorter than the one before, leave it little.
  for (int pass = 0; pass < kMostCatchUpCopies; ++pass) {
    int now_copied = 0;
    try {
      if (!checkpointer_->CheckpointLog(SqliteConnection::Checkpoint::kCopy, {}, &now_copied)) return;
    } catch (const DbError&) {
      return;
    }
    int fresh = now_copied - copied_frames;  // below zero if the log started again meanwhile
    copied_frames = now_copied;
    if (fresh < kFewFrames) return;
  }
}

void SqliteDatabase::RestartLogIfDue() {
  if (!checkpointer_) return;
  bool wanted = log_pages_ >= next_restart_at_;
  {
    std::lock_guard lock(checkpoint_mu_);
    wanted = wanted || restart_wanted_;
    restart_wanted_ = false;
  }
  if (!wanted) return;
  bool restarted = false;
  try {
    // Little is left to copy after the checkpoint thread's copy; the readers still in the log
    // finish within a millisecond, while new ones read from the database file alone.
    auto wait = std::min(kFirstRestartWait * (1 << std::min(failed_restarts_, 10)), kLongestRestartWait);
    restarted = writer_->CheckpointLog(SqliteConnection::Checkpoint::kRestart, wait);
  } catch (const DbError&) {
  }
  if (restarted) {  // the next commit writes the log from its beginning
    failed_restarts_ = 0;
    log_pages_ = 0;
    next_copy_at_ = log_limits_.copy_pages;
    next_restart_at_ = log_limits_.bound_pages;
  } else {  // try again once the log has grown by another step
    ++failed_restarts_;
    next_restart_at_ = std::max(log_pages_, log_limits_.bound_pages) + log_limits_.copy_pages;
  }
}

void SqliteDatabase::WriterLoop() {
  for (auto batch = writes_.Take(kMaxBatch); !batch.empty(); batch = writes_.Take(kMaxBatch)) {
    RunBatch(batch);
    writes_.Finish(batch);
    RestartLogIfDue();
  }
}

void SqliteDatabase::RunBatch(const std::vector<WriteQueue::Job*>& batch) {
  if (TryBatch(batch, Savepoints::kNone)) return;
  TryBatch(batch, Savepoints::kEachUnit);
}

bool SqliteDatabase::TryBatch(const std::vector<WriteQueue::Job*>& batch, Savepoints savepoints) {
  for (WriteQueue::Job* job : batch) job->status = Status::Ok();
  try {
    writer_->Begin();
    for (WriteQueue::Job* job : batch) {
      if (savepoints == Savepoints::kEachUnit) {
        writer_->SetSavepoint();
        job->status = RunGuarded(*job->work, *writer_);
        if (!job->status.ok()) writer_->RollBackToSavepoint();
        writer_->ReleaseSavepoint();
        continue;
      }
      const int64_t changing = writer_->statements_changing();
      job->status = RunGuarded(*job->work, *writer_);
      // A failure SQLite answered by rolling the transaction back leaves the units after it
      // to run outside any transaction, each committed on its own: none may run.
      if (!writer_->InTransaction()) throw DbError(DbError::Kind::kOther, "the batch's transaction ended early");
      // A unit that failed after changing something cannot be undone alone: the batch is
      // undone and run again, each unit in its savepoint. Nearly every unit succeeds, or
      // fails (refused, say) before it changes anything.
      if (!job->status.ok() && writer_->statements_changing() != changing) {
        writer_->RollBack();
        return false;
      }
    }
    writer_->Commit();
  } catch (const DbError& e) {
    // Either the transaction could not start or finish, or a savepoint could not be undone:
    // no part of this batch may be kept.
    writer_->RollBack();
    for (WriteQueue::Job* job : batch) {
      if (job->status.ok()) job->status = StatusFromDbError(e);
    }
  }
  return true;
}

Status SqliteDatabase::Read(const Work& work) {
  std::unique_ptr<SqliteConnection> conn;
  {
    std::unique_lock lock(read_mu_);
    reader_free_.wait(lock, [&] { return !idle_readers_.empty(); });
    conn = std::move(idle_readers_.back());
    idle_readers_.pop_back();
  }
  Status status;
  try {
    conn->Exec("BEGIN");
    status = RunGuarded(work, *conn);
    conn->Exec("COMMIT");
  } catch (const DbError& e) {
    status = StatusFromDbError(e);
    try {
      conn->Exec("ROLLBACK");
    } catch (const DbError&) {
    }
  }
  {
    std::lock_guard lock(read_mu_);
    idle_readers_.push_back(std::move(conn));
  }
  reader_free_.notify_one();
  return status;
}

}  // namespace casework::store
