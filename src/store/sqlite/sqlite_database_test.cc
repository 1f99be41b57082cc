#include "store/sqlite/sqlite_database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <thread>

#include "support/temp_dir.h"

namespace casework::store {
namespace {

int64_t Count(Database& db, const char* sql) {
  int64_t n = -1;
  db.Read([&](Connection& c) {
    auto rows = c.Query(sql);
    rows->Next();
    n = rows->Int(0);
    return Status::Ok();
  });
  return n;
}

class SqliteDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = std::make_unique<SqliteDatabase>(dir.File("t.db"));
    ASSERT_TRUE(db->Write([](Connection& c) {
                    c.ExecScript("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)");
                    return Status::Ok();
                  }).ok());
  }
  testing::TempDir dir;
  std::unique_ptr<SqliteDatabase> db;
};

// Many writers at once: every acknowledged write is there, and a failing unit of work in the
// same batch takes none of the others with it.
TEST_F(SqliteDatabaseTest, ConcurrentWritesCommitIndependently) {
  constexpr int kThreads = 16, kEach = 25;
  std::atomic<int> acknowledged{0}, refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        std::string key = std::to_string(t) + ":" + std::to_string(i);
        bool fail = i % 5 == 0;
        Status s = db->Write([&](Connection& c) {
          c.Exec("INSERT INTO t (k, v) VALUES (?, ?)", {std::string_view(key), int64_t{i}});
          if (fail) return Status::Invalid("v", "refused on purpose");
          return Status::Ok();
        });
        (s.ok() ? acknowledged : refused)++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(refused.load(), kThreads * kEach / 5);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM t"), acknowledged.load());
}

TEST_F(SqliteDatabaseTest, WritesSurviveReopening) {
  ASSERT_TRUE(db->Write([](Connection& c) {
                  c.Exec("INSERT INTO t (k, v) VALUES ('kept', 7)");
                  return Status::Ok();
                }).ok());
  db.reset();
  db = std::make_unique<SqliteDatabase>(dir.File("t.db"));
  EXPECT_EQ(Count(*db, "SELECT v FROM t WHERE k = 'kept'"), 7);
}

// The files this process has open whose names SQLite gives its temporary files.
int OpenTemporaryFiles() {
  int count = 0;
  for (const auto& fd : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    std::string target = std::filesystem::read_symlink(fd.path(), ec).string();
    if (!ec && target.find("etilqs_") != std::string::npos) ++count;
  }
  return count;
}

// The writer's savepoints keep their statement journals in memory, not in temporary files
// made and removed every batch, even for a unit that changes more than SQLite's default of
// 64 KiB of pages (a case note's changes about 50 KiB).
TEST_F(SqliteDatabaseTest, WriterKeepsStatementJournalsInMemory) {
  const std::string wide(3000, 'x');  // about a page a row
  ASSERT_TRUE(db->Write([&](Connection& c) {
                  c.ExecScript("CREATE TABLE wide (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
                  for (int64_t k = 0; k < 60; ++k) c.Exec("INSERT INTO wide (k, v) VALUES (?, ?)", {k, std::string_view(wide)});
                  return Status::Ok();
                }).ok());
  // A unit runs in a savepoint when its batch is run again, after a unit that failed having
  // changed something: this one, whose second run is the one seen last.
  int during = -1;
  ASSERT_FALSE(db->Write([&](Connection& c) {
                   c.Exec("UPDATE wide SET v = upper(v)");  // 60 pages journaled: about 240 KiB
                   during = OpenTemporaryFiles();
                   return Status::Invalid("v", "refused after changing, on purpose");
                 }).ok());
  EXPECT_EQ(during, 0);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM wide WHERE v = upper(v)"), 0);
}

// Runs the given units of work as one batch, behind a unit that holds the writer until all of
// them are queued; returns what each was told.
std::vector<Status> RunAsOneBatch(Database& db, const std::vector<Work>& units) {
  std::promise<void> holding, release;
  std::shared_future<void> released = release.get_future().share();
  db.WriteThen(
      [&holding, released](Connection&) {
        holding.set_value();
        released.wait();
        return Status::Ok();
      },
      [](Status) {});
  holding.get_future().wait();
  std::vector<std::promise<Status>> told(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    db.WriteThen(units[i], [&told, i](Status s) { told[i].set_value(std::move(s)); });
  }
  release.set_value();
  std::vector<Status> out;
  for (auto& t : told) out.push_back(t.get_future().get());
  return out;
}

Work Insert(const char* key, int* runs) {
  return [key, runs](Connection& c) {
    ++*runs;
    c.Exec("INSERT INTO t (k, v) VALUES (?, 1)", {std::string_view(key)});
    return Status::Ok();
  };
}

// A batch runs without savepoints; a unit refused before it changes anything needs none, and
// the others run once.
TEST_F(SqliteDatabaseTest, AUnitRefusedBeforeChangingAnythingLeavesTheBatchAsItIs) {
  int a = 0, c = 0, refused = 0;
  std::vector<Status> told = RunAsOneBatch(*db, {Insert("a", &a),
                                                 [&](Connection& conn) {
                                                   ++refused;
                                                   conn.Query("SELECT COUNT(*) FROM t")->Next();
                                                   return Status::Denied("refused on purpose");
                                                 },
                                                 Insert("c", &c)});
  EXPECT_TRUE(told[0].ok());
  EXPECT_EQ(told[1].code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(told[2].ok());
  EXPECT_EQ(a + refused + c, 3);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM t WHERE k IN ('a', 'c')"), 2);
}

// A unit that fails having changed something is undone alone: the batch is undone and run
// again, each unit in its savepoint, and the others are kept.
TEST_F(SqliteDatabaseTest, AUnitFailingAfterItsChangesIsUndoneAlone) {
  int a = 0, b = 0, c = 0;
  Work insert_b = Insert("b", &b);
  std::vector<Status> told = RunAsOneBatch(*db, {Insert("a", &a),
                                                 [&](Connection& conn) {
                                                   insert_b(conn);
                                                   return Status::Invalid("v", "refused after changing, on purpose");
                                                 },
                                                 Insert("c", &c)});
  EXPECT_TRUE(told[0].ok());
  EXPECT_EQ(told[1].code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(told[2].ok());
  EXPECT_EQ(a, 2);  // the second run is kept
  EXPECT_EQ(c, 1);  // the first run stopped at b
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM t WHERE k IN ('a', 'c')"), 2);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM t WHERE k = 'b'"), 0);
}

// A unit that ends the batch's transaction (SQLite does, after some failures) fails the
// batch: the units after it would otherwise each be committed on their own.
TEST_F(SqliteDatabaseTest, AUnitThatEndsTheTransactionFailsItsBatch) {
  int a = 0, c = 0;
  std::vector<Status> told = RunAsOneBatch(*db, {Insert("a", &a),
                                                 [](Connection& conn) {
                                                   conn.ExecScript("ROLLBACK");
                                                   return Status::Ok();
                                                 },
                                                 Insert("c", &c)});
  for (const Status& s : told) EXPECT_FALSE(s.ok());
  EXPECT_EQ(c, 0);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM t"), 0);
}

// A long-running server must not fill its disk: with readers always in the write-ahead log,
// which keeps a checkpoint that waits for no one from ever starting it again, the log is still
// started again and its file stays near the bound while writes go on.
TEST(SqliteDatabaseLog, StaysBoundedWhileWritesAndReadsContinue) {
  testing::TempDir dir;
  std::string path = dir.File("log.db");
  constexpr LogLimits kLimits{.copy_pages = 20, .bound_pages = 80};
  SqliteDatabase db(path, 4, Durability::kFull, "local", kLimits);
  ASSERT_TRUE(db.Write([](Connection& c) {
                  c.ExecScript("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
                  return Status::Ok();
                }).ok());
  std::atomic<bool> writing{true};
  std::atomic<int64_t> reads{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&] {
      while (writing) {
        db.Read([&](Connection& c) {
          auto rows = c.Query("SELECT v FROM t WHERE k = '0:0'");
          rows->Next();
          return Status::Ok();
        });
        ++reads;
      }
    });
  }
  // About 25 times the bound's pages in all: each value fills most of a 4 KiB page.
  constexpr int kThreads = 4, kEach = 500;
  const std::string value(3000, 'x');
  std::atomic<int> failed{0};
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        std::string key = std::to_string(t) + ":" + std::to_string(i);
        Status s = db.Write([&](Connection& c) {
          c.Exec("INSERT INTO t (k, v) VALUES (?, ?)", {std::string_view(key), std::string_view(value)});
          return Status::Ok();
        });
        if (!s.ok()) ++failed;
      }
    });
  }
  for (auto& th : writers) th.join();
  writing = false;
  for (auto& th : readers) th.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM t"), kThreads * kEach);
  // A restart reuses the file from its beginning, so its size is the most the log ever held:
  // without restarts, 4,400 to 5,600 pages here; with them, 180 to 700 (the most when the
  // machine is busy enough that restarts fail and back off), so the allowance sits between.
  constexpr uintmax_t kFrameBytes = 4096 + 24;
  uintmax_t log_bytes = std::filesystem::file_size(path + "-wal");
  EXPECT_LE(log_bytes, 20 * kLimits.bound_pages * kFrameBytes) << log_bytes / kFrameBytes << " pages";
}

}  // namespace
}  // namespace casework::store
