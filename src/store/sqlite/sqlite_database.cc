#include "store/sqlite/sqlite_database.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

#include "store/sqlite/sqlite_connection.h"

namespace casework::store {
namespace {

// Bounds how long the first caller in a batch can wait behind the others.
constexpr size_t kMaxBatch = 256;
// Log pages after which a checkpoint is asked for: SQLite's own default.
constexpr int kCheckpointPages = 1000;

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
    return Status::Internal(std::string("unexpected failure: ") + e.what());
  }
}

}  // namespace

SqliteDatabase::SqliteDatabase(const std::string& path, int readers, Durability durability,
                               const std::string& audit_chain)
    : path_(path), durability_(durability) {
  bool bulk = durability_ == Durability::kBulkLoad;
  writer_ = std::make_unique<SqliteConnection>(path, bulk ? ConnectionRole::kBulkWriter : ConnectionRole::kWriter,
                                               audit_chain);
  for (int i = 0; i < readers; ++i) {
    idle_readers_.push_back(
        std::make_unique<SqliteConnection>(path, bulk ? ConnectionRole::kBulkReader : ConnectionRole::kReader));
  }
  if (durability_ == Durability::kFull) {
    checkpointer_ = std::make_unique<SqliteConnection>(path, ConnectionRole::kWriter);
    writer_->OnCommit([this](int log_pages) {
      if (log_pages < kCheckpointPages) return;
      {
        std::lock_guard lock(checkpoint_mu_);
        checkpoint_wanted_ = true;
      }
      checkpoint_due_.notify_one();
    });
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

void SqliteDatabase::CheckpointLoop() {
  while (true) {
    {
      std::unique_lock lock(checkpoint_mu_);
      checkpoint_due_.wait(lock, [&] { return stopping_ || checkpoint_wanted_; });
      if (stopping_) return;
      checkpoint_wanted_ = false;
    }
    try {
      // PASSIVE, as SQLite's own: copies what no reader still needs, waiting for no one. The
      // log starts again from its beginning at a later commit, once all of it is copied.
      checkpointer_->ExecScript("PRAGMA wal_checkpoint(PASSIVE);");
    } catch (const DbError&) {
      // Busy with another checkpoint, say: the next commit past the mark asks again.
    }
  }
}

void SqliteDatabase::WriterLoop() {
  for (auto batch = writes_.Take(kMaxBatch); !batch.empty(); batch = writes_.Take(kMaxBatch)) {
    RunBatch(batch);
    writes_.Finish(batch);
  }
}

void SqliteDatabase::RunBatch(const std::vector<WriteQueue::Job*>& batch) {
  try {
    writer_->Begin();
    for (WriteQueue::Job* job : batch) {
      writer_->SetSavepoint();
      job->status = RunGuarded(*job->work, *writer_);
      if (!job->status.ok()) writer_->RollBackToSavepoint();
      writer_->ReleaseSavepoint();
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
