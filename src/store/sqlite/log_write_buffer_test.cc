#include "store/sqlite/log_write_buffer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "store/sqlite/sqlite_connection.h"
#include "support/temp_dir.h"

namespace casework::store {
namespace {

int64_t One(Connection& c, const char* sql) {
  auto rows = c.Query(sql);
  rows->Next();
  return rows->Int(0);
}

// Write system calls this process has made so far (Linux).
int64_t WriteCalls() {
  std::ifstream io("/proc/self/io");
  std::string key;
  int64_t value = 0;
  while (io >> key >> value) {
    if (key == "syscw:") return value;
  }
  return -1;
}

class LogWriteBufferTest : public ::testing::Test {
 protected:
  void SetUp() override {
    writer = std::make_unique<SqliteConnection>(dir.File("t.db"), ConnectionRole::kWriter);
    writer->ExecScript("CREATE TABLE t (n INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    reader = std::make_unique<SqliteConnection>(dir.File("t.db"), ConnectionRole::kReader);
  }
  // Commits rows of the given size; returns the bytes added.
  int64_t Commit(int rows, int size) {
    writer->Begin();
    for (int i = 0; i < rows; ++i) {
      std::string v(size, static_cast<char>('a' + (next % 26)));
      writer->Exec("INSERT INTO t (n, v) VALUES (?, ?)", {int64_t{next++}, std::string_view(v)});
    }
    writer->Commit();
    return int64_t{rows} * size;
  }
  testing::TempDir dir;
  std::unique_ptr<SqliteConnection> writer, reader;
  int next = 1;
};

// What the writer commits is in the log by the time the commit returns: another connection
// reads it at once, whether the commit was small, filled several pages, or passed the
// buffer's limit, and after a transaction that was rolled back.
TEST_F(LogWriteBufferTest, ReadersSeeEachCommitAtOnce) {
  int64_t rows = 0, bytes = 0;
  const int shapes[][2] = {{1, 10}, {3, 5000}, {40, 3000}, {1, 1}, {400, 3000}, {2, 100}};
  for (int round = 0; round < 4; ++round) {
    for (const auto& [n, size] : shapes) {
      bytes += Commit(n, size);
      rows += n;
      EXPECT_EQ(One(*reader, "SELECT COUNT(*) FROM t"), rows);
      EXPECT_EQ(One(*reader, "SELECT SUM(LENGTH(v)) FROM t"), bytes);
    }
    writer->Begin();
    writer->Exec("INSERT INTO t (n, v) VALUES (?, ?)", {int64_t{-1}, std::string_view(std::string(9000, 'x'))});
    writer->RollBack();
    EXPECT_EQ(One(*reader, "SELECT COUNT(*) FROM t"), rows);
  }
  writer->CheckpointLog(SqliteConnection::Checkpoint::kRestart, std::chrono::milliseconds(100));
  bytes += Commit(5, 2000);
  EXPECT_EQ(One(*reader, "SELECT SUM(LENGTH(v)) FROM t"), bytes);
  reader.reset();
  writer.reset();
  SqliteConnection again(dir.File("t.db"), ConnectionRole::kReader);
  EXPECT_EQ(One(again, "SELECT SUM(LENGTH(v)) FROM t"), bytes);
  auto check = again.Query("PRAGMA integrity_check");
  ASSERT_TRUE(check->Next());
  EXPECT_EQ(check->Text(0), "ok");
}

// A commit of about fifty pages reaches the log in a handful of writes, not two a page.
TEST_F(LogWriteBufferTest, HandsACommitToTheLogInAFewWrites) {
  Commit(1, 10);
  const int64_t before = WriteCalls();
  ASSERT_GE(before, 0);
  Commit(50, 3000);
  EXPECT_LT(WriteCalls() - before, 10);
}

// A transaction rolled back after SQLite wrote some of its pages to the log early (its cache
// full) leaves those writes behind it. Another writer (another process: `casework user`, a
// second server) then commits into the same part of the log. The first writer's leftover
// writes must not land on top of that commit later, when its file is next used or closed.
TEST_F(LogWriteBufferTest, WritesOfARolledBackTransactionNeverLandOnAnotherWritersCommit) {
  Commit(1, 10);
  // The log started again, so that undoing the transaction reads nothing from it.
  ASSERT_TRUE(writer->CheckpointLog(SqliteConnection::Checkpoint::kRestart, std::chrono::milliseconds(100)));
  writer->ExecScript("PRAGMA cache_size=10");  // a few pages: the transaction's spill to the log
  writer->Begin();
  for (int i = 0; i < 20; ++i) {
    writer->Exec("INSERT INTO t (n, v) VALUES (?, ?)", {int64_t{100000 + i}, std::string_view(std::string(3000, 'g'))});
  }
  writer->RollBack();

  SqliteConnection other(dir.File("t.db"), ConnectionRole::kWriter);
  other.Begin();
  for (int i = 0; i < 40; ++i) {
    other.Exec("INSERT INTO t (n, v) VALUES (?, ?)", {int64_t{200000 + i}, std::string_view(std::string(3000, 'o'))});
  }
  other.Commit();
  EXPECT_EQ(One(*reader, "SELECT COUNT(*) FROM t WHERE n >= 200000"), 40);

  writer.reset();  // closes its file: anything it still held goes to the log now
  SqliteConnection fresh(dir.File("t.db"), ConnectionRole::kReader);  // nothing cached
  EXPECT_EQ(One(fresh, "SELECT COUNT(*) FROM t WHERE n >= 200000"), 40);
  EXPECT_EQ(One(fresh, "SELECT SUM(LENGTH(v)) FROM t WHERE n >= 200000"), 40 * 3000);
  auto check = fresh.Query("PRAGMA integrity_check");
  ASSERT_TRUE(check->Next());
  EXPECT_EQ(check->Text(0), "ok");
}

}  // namespace
}  // namespace casework::store
