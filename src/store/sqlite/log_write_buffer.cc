#include "store/sqlite/log_write_buffer.h"

#include <sqlite3.h>

#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <vector>

namespace casework::store {
namespace {

constexpr char kVfsName[] = "casework-log-write-buffer";
// Past this a buffer is handed to the file even mid-commit. The system's file layer writes at
// most this much in one call, and reports a larger write as a full disk.
constexpr size_t kMaxBuffered = 0x1ffff;

// Laid out as SQLite allocates it: this, then the underlying file's own structure.
struct File {
  sqlite3_file base;
  sqlite3_file* real;
  bool log;  // the write-ahead log, whose writes are gathered while `gather` is set
  bool gather;  // only while its connection commits (GatheringLogWrites)
  std::vector<unsigned char>* pending;
  sqlite3_int64 pending_at;

  const sqlite3_io_methods* Real() const { return real->pMethods; }
};

File* Of(sqlite3_file* f) { return reinterpret_cast<File*>(f); }

// Hands what is gathered to the file; forgets it either way, as SQLite treats a failed write
// as the end of the transaction whose frames they were.
int Flush(File* f) {
  if (!f->pending || f->pending->empty()) return SQLITE_OK;
  int rc = f->Real()->xWrite(f->real, f->pending->data(), static_cast<int>(f->pending->size()), f->pending_at);
  f->pending->clear();
  return rc;
}

int Close(sqlite3_file* file) {
  File* f = Of(file);
  int flushed = Flush(f);
  int rc = f->Real()->xClose(f->real);
  delete f->pending;
  f->pending = nullptr;
  return flushed != SQLITE_OK ? flushed : rc;
}

int Read(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
  File* f = Of(file);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->Real()->xRead(f->real, out, amount, offset);
}

int Write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  File* f = Of(file);
  if (!f->log || !f->gather) {
    if (int rc = Flush(f); rc != SQLITE_OK) return rc;
    return f->Real()->xWrite(f->real, data, amount, offset);
  }
  std::vector<unsigned char>& pending = *f->pending;
  const bool follows = !pending.empty() && offset == f->pending_at + static_cast<sqlite3_int64>(pending.size());
  if (!follows || pending.size() + amount > kMaxBuffered) {
    if (int rc = Flush(f); rc != SQLITE_OK) return rc;
    f->pending_at = offset;
  }
  const auto* bytes = static_cast<const unsigned char*>(data);
  pending.insert(pending.end(), bytes, bytes + amount);
  return SQLITE_OK;
}

int Truncate(sqlite3_file* file, sqlite3_int64 size) {
  File* f = Of(file);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->Real()->xTruncate(f->real, size);
}

int Sync(sqlite3_file* file, int flags) {
  File* f = Of(file);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->Real()->xSync(f->real, flags);
}

int FileSize(sqlite3_file* file, sqlite3_int64* size) {
  File* f = Of(file);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->Real()->xFileSize(f->real, size);
}

int Lock(sqlite3_file* file, int level) { return Of(file)->Real()->xLock(Of(file)->real, level); }
int Unlock(sqlite3_file* file, int level) { return Of(file)->Real()->xUnlock(Of(file)->real, level); }
int CheckReservedLock(sqlite3_file* file, int* out) {
  return Of(file)->Real()->xCheckReservedLock(Of(file)->real, out);
}

int FileControl(sqlite3_file* file, int op, void* arg) {
  File* f = Of(file);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->Real()->xFileControl(f->real, op, arg);
}

int SectorSize(sqlite3_file* file) { return Of(file)->Real()->xSectorSize(Of(file)->real); }
int DeviceCharacteristics(sqlite3_file* file) { return Of(file)->Real()->xDeviceCharacteristics(Of(file)->real); }

// The shared memory of the log's index belongs to the database file, which is never buffered;
// the log is synced before any commit is shown in it (see the header).
int ShmMap(sqlite3_file* file, int page, int size, int extend, void volatile** out) {
  return Of(file)->Real()->xShmMap(Of(file)->real, page, size, extend, out);
}
int ShmLock(sqlite3_file* file, int offset, int n, int flags) {
  return Of(file)->Real()->xShmLock(Of(file)->real, offset, n, flags);
}
void ShmBarrier(sqlite3_file* file) { Of(file)->Real()->xShmBarrier(Of(file)->real); }
int ShmUnmap(sqlite3_file* file, int delete_flag) { return Of(file)->Real()->xShmUnmap(Of(file)->real, delete_flag); }

int Fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
  File* f = Of(file);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->Real()->xFetch(f->real, offset, amount, out);
}
int Unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  return Of(file)->Real()->xUnfetch(Of(file)->real, offset, page);
}

// The methods of version 3, each passing on to the underlying file's: the system's default
// file layer on Linux offers them all, and a file opened here is only ever asked for those.
constexpr sqlite3_io_methods kMethods = {
    3,         Close,         Read,      Write,     Truncate,   Sync,      FileSize, Lock,
    Unlock,    CheckReservedLock, FileControl, SectorSize, DeviceCharacteristics, ShmMap, ShmLock, ShmBarrier,
    ShmUnmap,  Fetch,         Unfetch,
};

int Open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  File* f = Of(file);
  f->base.pMethods = nullptr;
  f->real = reinterpret_cast<sqlite3_file*>(f + 1);
  f->log = (flags & SQLITE_OPEN_WAL) != 0;
  f->gather = false;
  f->pending = nullptr;
  f->pending_at = 0;
  sqlite3_vfs* real = static_cast<sqlite3_vfs*>(vfs->pAppData);
  int rc = real->xOpen(real, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK) return rc;  // the underlying layer closed what it opened
  if (f->real->pMethods->iVersion < 3) {
    f->real->pMethods->xClose(f->real);
    return SQLITE_CANTOPEN;
  }
  if (f->log) {
    f->pending = new (std::nothrow) std::vector<unsigned char>();
    if (!f->pending) {
      f->real->pMethods->xClose(f->real);
      return SQLITE_NOMEM;
    }
    f->pending->reserve(kMaxBuffered);
  }
  f->base.pMethods = &kMethods;
  return SQLITE_OK;
}

sqlite3_vfs* Real(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }

int Delete(sqlite3_vfs* v, const char* name, int sync_dir) { return Real(v)->xDelete(Real(v), name, sync_dir); }
int Access(sqlite3_vfs* v, const char* name, int flags, int* out) { return Real(v)->xAccess(Real(v), name, flags, out); }
int FullPathname(sqlite3_vfs* v, const char* name, int n, char* out) {
  return Real(v)->xFullPathname(Real(v), name, n, out);
}
void* DlOpen(sqlite3_vfs* v, const char* name) { return Real(v)->xDlOpen(Real(v), name); }
void DlError(sqlite3_vfs* v, int n, char* out) { Real(v)->xDlError(Real(v), n, out); }
void (*DlSym(sqlite3_vfs* v, void* lib, const char* symbol))(void) { return Real(v)->xDlSym(Real(v), lib, symbol); }
void DlClose(sqlite3_vfs* v, void* lib) { Real(v)->xDlClose(Real(v), lib); }
int Randomness(sqlite3_vfs* v, int n, char* out) { return Real(v)->xRandomness(Real(v), n, out); }
int Sleep(sqlite3_vfs* v, int micros) { return Real(v)->xSleep(Real(v), micros); }
int CurrentTime(sqlite3_vfs* v, double* out) { return Real(v)->xCurrentTime(Real(v), out); }
int GetLastError(sqlite3_vfs* v, int n, char* out) { return Real(v)->xGetLastError(Real(v), n, out); }
int CurrentTimeInt64(sqlite3_vfs* v, sqlite3_int64* out) { return Real(v)->xCurrentTimeInt64(Real(v), out); }

// The connection's write-ahead log, if it is open through this layer.
sqlite3_file* LogOf(sqlite3* db) {
  sqlite3_file* file = nullptr;
  if (sqlite3_file_control(db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &file) != SQLITE_OK) return nullptr;
  if (file == nullptr || file->pMethods != &kMethods || !Of(file)->log) return nullptr;
  return file;
}

}  // namespace

GatheringLogWrites::GatheringLogWrites(sqlite3* db) : log_(LogOf(db)) {
  if (log_) Of(log_)->gather = true;
}

void GatheringLogWrites::Committed() {
  if (!log_) return;
  Flush(Of(log_));  // with synchronous=FULL the commit's sync has already handed everything over
  Of(log_)->gather = false;
  log_ = nullptr;
}

GatheringLogWrites::~GatheringLogWrites() {
  if (!log_) return;
  // The commit failed. What it left gathered belongs to no commit and lies past the log's
  // end, where the next writer (perhaps another process, now its write lock is free) writes:
  // handed to the file now it could land on that writer's frames. Dropped, as if never written.
  File* f = Of(log_);
  if (f->pending) f->pending->clear();
  f->gather = false;
}

const char* LogWriteBufferVfs() {
  // One layer over each VFS that has been the default when a writer opened (tests put their
  // own in for a while), each registered once and kept for the process's life.
  struct Layer {
    sqlite3_vfs vfs{};
    std::string name;
  };
  static std::mutex mu;
  static std::map<sqlite3_vfs*, std::unique_ptr<Layer>> layers;
  std::lock_guard lock(mu);
  sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
  if (real == nullptr) return nullptr;
  auto& layer = layers[real];
  if (!layer) {
    auto made = std::make_unique<Layer>();
    made->name = std::string(kVfsName) + "-" + std::to_string(layers.size());
    sqlite3_vfs& vfs = made->vfs;
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(sizeof(File)) + real->szOsFile;
    vfs.mxPathname = real->mxPathname;
    vfs.zName = made->name.c_str();
    vfs.pAppData = real;
    vfs.xOpen = Open;
    vfs.xDelete = Delete;
    vfs.xAccess = Access;
    vfs.xFullPathname = FullPathname;
    vfs.xDlOpen = DlOpen;
    vfs.xDlError = DlError;
    vfs.xDlSym = DlSym;
    vfs.xDlClose = DlClose;
    vfs.xRandomness = Randomness;
    vfs.xSleep = Sleep;
    vfs.xCurrentTime = CurrentTime;
    vfs.xGetLastError = GetLastError;
    vfs.xCurrentTimeInt64 = CurrentTimeInt64;
    if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK) {
      layers.erase(real);
      return nullptr;
    }
    layer = std::move(made);
  }
  return layer->name.c_str();
}

}  // namespace casework::store
