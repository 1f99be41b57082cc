// What a copy of the write-ahead log leaves durable. Counted through a VFS that passes every
// call to the system's and counts the syncs of database files.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>

#include "store/sqlite/sqlite_connection.h"
#include "support/temp_dir.h"

namespace casework::store {
namespace {

std::atomic<int> database_file_syncs{0};
sqlite3_vfs* system_vfs = nullptr;
sqlite3_io_methods counting_methods;

// SQLite's file object for the counting VFS: the system's own follows it in memory.
struct CountingFile {
  sqlite3_file base;
  bool database = false;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

int CountingSync(sqlite3_file* f, int flags) {
  auto* file = reinterpret_cast<CountingFile*>(f);
  if (file->database) ++database_file_syncs;
  return file->real()->pMethods->xSync(file->real(), flags);
}

int CountingOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
  auto* file = reinterpret_cast<CountingFile*>(f);
  file->database = (flags & SQLITE_OPEN_MAIN_DB) != 0;
  int rc = system_vfs->xOpen(system_vfs, name, file->real(), flags, out_flags);
  if (rc != SQLITE_OK || file->real()->pMethods == nullptr) {
    f->pMethods = nullptr;
    return rc;
  }
  const sqlite3_io_methods* real = file->real()->pMethods;
  counting_methods = *real;  // its version; each method passes the call on, xSync counted
  counting_methods.xClose = [](sqlite3_file* f) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xClose(r);
  };
  counting_methods.xRead = [](sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xRead(r, b, n, o);
  };
  counting_methods.xWrite = [](sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xWrite(r, b, n, o);
  };
  counting_methods.xTruncate = [](sqlite3_file* f, sqlite3_int64 n) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xTruncate(r, n);
  };
  counting_methods.xSync = CountingSync;
  counting_methods.xFileSize = [](sqlite3_file* f, sqlite3_int64* n) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xFileSize(r, n);
  };
  counting_methods.xLock = [](sqlite3_file* f, int l) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xLock(r, l);
  };
  counting_methods.xUnlock = [](sqlite3_file* f, int l) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xUnlock(r, l);
  };
  counting_methods.xCheckReservedLock = [](sqlite3_file* f, int* out) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xCheckReservedLock(r, out);
  };
  counting_methods.xFileControl = [](sqlite3_file* f, int op, void* arg) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    // Asked for the file itself, SQLite's callers get the counting one, so syncs are counted.
    if (op == SQLITE_FCNTL_FILE_POINTER) {
      *static_cast<sqlite3_file**>(arg) = f;
      return SQLITE_OK;
    }
    return r->pMethods->xFileControl(r, op, arg);
  };
  counting_methods.xSectorSize = [](sqlite3_file* f) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xSectorSize(r);
  };
  counting_methods.xDeviceCharacteristics = [](sqlite3_file* f) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xDeviceCharacteristics(r);
  };
  counting_methods.xShmMap = [](sqlite3_file* f, int i, int n, int e, void volatile** p) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xShmMap(r, i, n, e, p);
  };
  counting_methods.xShmLock = [](sqlite3_file* f, int o, int n, int fl) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xShmLock(r, o, n, fl);
  };
  counting_methods.xShmBarrier = [](sqlite3_file* f) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    r->pMethods->xShmBarrier(r);
  };
  counting_methods.xShmUnmap = [](sqlite3_file* f, int d) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xShmUnmap(r, d);
  };
  counting_methods.xFetch = [](sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xFetch(r, o, n, p);
  };
  counting_methods.xUnfetch = [](sqlite3_file* f, sqlite3_int64 o, void* p) {
    auto* r = reinterpret_cast<CountingFile*>(f)->real();
    return r->pMethods->xUnfetch(r, o, p);
  };
  f->pMethods = &counting_methods;
  return SQLITE_OK;
}

// Registered as the default while it lives, so that the connections opened meanwhile use it.
class CountingVfs {
 public:
  CountingVfs() {
    system_vfs = sqlite3_vfs_find(nullptr);
    vfs_ = *system_vfs;
    vfs_.szOsFile = static_cast<int>(sizeof(CountingFile)) + system_vfs->szOsFile;
    vfs_.zName = "casework-counting";
    vfs_.pNext = nullptr;
    vfs_.xOpen = CountingOpen;
    sqlite3_vfs_register(&vfs_, 1);
  }
  ~CountingVfs() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(system_vfs, 1);
  }

 private:
  sqlite3_vfs vfs_;
};

// SQLite syncs the database file after a copy of the log only when the copy reached the log's
// end; beside a busy writer, or a reader still in an older snapshot, it never does, and the
// copied pages waited for the restart of the log, on the writer's thread, to be synced all at
// once. The copy syncs them itself.
TEST(SqliteCheckpoint, CopyShortOfTheLogsEndSyncsTheDatabaseFile) {
  testing::TempDir dir;
  const std::string path = dir.File("copy.db");
  SqliteConnection first(path, ConnectionRole::kWriter);  // SQLite set up before the VFS goes in
  first.ExecScript("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL); INSERT INTO t VALUES (1, 'a');");
  CountingVfs counting;
  SqliteConnection writer(path, ConnectionRole::kWriter);
  SqliteConnection reader(path, ConnectionRole::kReader);
  SqliteConnection checkpointer(path, ConnectionRole::kWriter);
  reader.Exec("BEGIN");
  reader.Query("SELECT COUNT(*) FROM t")->Next();  // its snapshot keeps the copy short of the end
  writer.ExecScript("INSERT INTO t VALUES (2, 'b');");

  const int before = database_file_syncs.load();
  ASSERT_TRUE(checkpointer.CheckpointLog(SqliteConnection::Checkpoint::kCopy));
  EXPECT_GT(database_file_syncs.load(), before);
  reader.Exec("COMMIT");
}

}  // namespace
}  // namespace casework::store
