// A file layer for SQLite that gathers a commit's writes to the write-ahead log into one.
//
// SQLite writes each page it logs as two calls, the frame's 24-byte header and then the page:
// about eight `pwrite` calls a case note on the writer's thread, the thread every change waits
// for. Through this layer, while a connection commits (GatheringLogWrites), writes to its log
// file that follow one another are kept in memory and handed to the file as one write when
// anything else is done with it: its sync (every commit on a connection with synchronous=FULL
// syncs its log before the commit is shown to readers), a read, its size, a truncation, a file
// control, closing it. The file ends up with the same bytes in the same order, and nothing
// reaches the disk later than it did. Every other file (the database itself, rollback
// journals) passes straight through, and so do the log's writes at any other time: pages
// SQLite writes to the log early, its cache full, belong to a transaction that may yet be
// rolled back, and held back they would reach the file after the write lock was given up, on
// top of what the next writer wrote there.
//
// Only for connections that sync every commit to the log (synchronous=FULL): with less, SQLite
// would show a commit to readers before its frames were handed to the file.
#pragma once

struct sqlite3;
struct sqlite3_file;

namespace casework::store {

// Gathers the log's writes of the connection db, opened through the layer, while it lives
// (a COMMIT, on the connection's thread); does nothing for a connection opened without it.
// Call Committed once the COMMIT succeeded; otherwise what the failed commit left gathered is
// dropped, as it belongs to no commit.
class GatheringLogWrites {
 public:
  explicit GatheringLogWrites(sqlite3* db);
  ~GatheringLogWrites();
  GatheringLogWrites(const GatheringLogWrites&) = delete;
  GatheringLogWrites& operator=(const GatheringLogWrites&) = delete;
  void Committed();

 private:
  sqlite3_file* log_;
};

// The layer's name for sqlite3_open_v2, over the VFS that is the default now; registered,
// beside it, on first use. Null if it cannot be (the connection then opens without it).
const char* LogWriteBufferVfs();

}  // namespace casework::store
