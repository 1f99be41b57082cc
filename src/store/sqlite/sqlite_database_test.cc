#include "store/sqlite/sqlite_database.h"

#include <gtest/gtest.h>

#include <atomic>
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

}  // namespace
}  // namespace casework::store
