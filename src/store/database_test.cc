// The Database contract, on whichever backend this run uses (see TestDatabase). Two
// Database objects over one database stand for two Casework processes.
#include "store/database.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

#include "store/journal_repo.h"
#include "store/migrations.h"
#include "store/open_database.h"
#include "support/test_database.h"

namespace casework::store {
namespace {

int64_t Count(Database& db, const std::string& sql) {
  int64_t n = -1;
  Status s = db.Read([&](Connection& c) {
    auto rows = c.Query(sql);
    rows->Next();
    n = rows->Int(0);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return n;
}

Timestamp Now() { return *ParseTimestamp("2026-11-23T10:00:00Z", "now"); }

// Runs unit(c, t) as a write from each of n threads at once, so that they arrive together and
// share batches; returns each thread's Status.
std::vector<Status> WriteFromThreads(Database& db, int n, const std::function<Status(Connection&, int)>& unit) {
  std::vector<Status> results(n);
  std::vector<std::thread> threads;
  for (int t = 0; t < n; ++t) {
    threads.emplace_back([&, t] { results[t] = db.Write([&, t](Connection& c) { return unit(c, t); }); });
  }
  for (auto& th : threads) th.join();
  return results;
}

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = database.Open();
    ASSERT_TRUE(Migrate(*db, Now()).ok());
  }
  testing::TestDatabase database;
  std::unique_ptr<Database> db;
};

// Two processes starting at once both bring the schema up to date, and each migration is
// applied once.
TEST_F(DatabaseTest, InstancesStartingTogetherMigrateOnce) {
  testing::TestDatabase fresh;
  std::vector<std::unique_ptr<Database>> instances;
  for (int i = 0; i < 3; ++i) instances.push_back(fresh.Open());
  std::vector<Status> results(instances.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < instances.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = Migrate(*instances[i], Now()); });
  }
  for (auto& t : threads) t.join();
  for (const Status& s : results) EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(*SchemaVersion(*instances[0]), LatestSchemaVersion(instances[0]->dialect()));
  // Each migration applied once: as many rows as migrations (numbers may have gaps while
  // reserved ones are yet to come).
  const auto& all = instances[0]->dialect() == Dialect::kPostgres ? PostgresMigrations() : SqliteMigrations();
  EXPECT_EQ(Count(*instances[0], "SELECT COUNT(*) FROM schema_migrations"), static_cast<int64_t>(all.size()));
}

// Writers in two processes appending to one record's journal: every number is used once,
// none is skipped, and each item's previous hash is the hash of the one before it.
TEST_F(DatabaseTest, ENT06_ConcurrentAppendsFromTwoInstancesAreGapFreeAndChained) {
  std::unique_ptr<Database> other = database.Open();
  constexpr int kThreads = 8, kEach = 10;
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Database& instance = t % 2 ? *other : *db;
      for (int i = 0; i < kEach; ++i) {
        Status s = instance.Write([&](Connection& c) {
          JournalRepo journal(c);
          ChainHead head = journal.ReserveNext("record-1");
          JournalItem item;
          item.record_id = "record-1";
          item.seq = head.seq + 1;
          item.id = "item-" + std::to_string(t) + "-" + std::to_string(i);
          item.kind = "note";
          item.author_user_id = "u";
          item.recorded_at = Now();
          item.body = "{}";
          item.prev_hash = head.hash;
          item.hash = "hash-of-" + item.id;
          journal.Insert(item);
          return Status::Ok();
        });
        if (!s.ok()) {
          ++failed;
          ADD_FAILURE() << s.ToString();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_EQ(failed.load(), 0);
  int64_t expected_seq = 1;
  std::string previous;
  Status s = db->Read([&](Connection& c) {
    JournalRepo(c).ForEach("record-1", [&](const JournalItem& item) {
      EXPECT_EQ(item.seq, expected_seq++);
      EXPECT_EQ(item.prev_hash, previous);
      previous = item.hash;
      return true;
    });
    auto head = JournalRepo(c).Head("record-1");
    EXPECT_EQ(head->seq, kThreads * kEach);
    EXPECT_EQ(head->hash, previous);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(expected_seq, kThreads * kEach + 1);
}

// A unit of work that fails leaves nothing behind, and a database error becomes a Status.
TEST_F(DatabaseTest, FailuresRollBackAndBecomeStatuses) {
  Status refused = db->Write([](Connection& c) {
    c.Exec("INSERT INTO counters (name, value) VALUES ('kept-out', 1)");
    return Status::Invalid("value", "refused on purpose");
  });
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(db->Write([](Connection& c) {
                  c.Exec("INSERT INTO counters (name, value) VALUES ('a', 1)");
                  return Status::Ok();
                }).ok());
  Status dup = db->Write([](Connection& c) {
    c.Exec("INSERT INTO counters (name, value) VALUES ('b', 2)");
    c.Exec("INSERT INTO counters (name, value) VALUES ('a', 3)");
    return Status::Ok();
  });
  EXPECT_EQ(dup.code(), StatusCode::kConflict);
  Status bad_sql = db->Write([](Connection& c) {
    c.Exec("INSERT INTO nowhere VALUES (1)");
    return Status::Ok();
  });
  EXPECT_EQ(bad_sql.code(), StatusCode::kInternal);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters"), 1);
}

// Writes arriving together share a commit, yet each stands or falls alone: the ones that fail
// leave nothing behind, and the others are kept.
TEST_F(DatabaseTest, ConcurrentWritesFailAlone) {
  constexpr int kThreads = 16;
  std::vector<Status> results = WriteFromThreads(*db, kThreads, [](Connection& c, int t) {
    std::string name = "unit-" + std::to_string(t);
    c.Exec("INSERT INTO counters (name, value) VALUES (?, 1)", {std::string_view(name)});
    if (t % 2) c.Exec("INSERT INTO counters (name, value) VALUES (?, 2)", {std::string_view(name)});
    return Status::Ok();
  });
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(results[t].code(), t % 2 ? StatusCode::kConflict : StatusCode::kOk) << t;
  }
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters"), kThreads / 2);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters WHERE CAST(substr(name, 6) AS INTEGER) % 2 = 1"), 0);
}

// Units that refuse, arriving together with others that succeed: one that wrote before it
// refused leaves nothing behind (on PostgreSQL its batch is run again with a savepoint for each
// unit), one that refused before writing needs no undoing, and the rest are kept.
TEST_F(DatabaseTest, RefusedUnitsInABatchLeaveNothingAndTheRestAreKept) {
  constexpr int kThreads = 18;
  std::vector<Status> results = WriteFromThreads(*db, kThreads, [](Connection& c, int t) {
    if (t % 3 == 2) return Status::Invalid("value", "refused before writing");
    std::string name = "unit-" + std::to_string(t);
    c.ExecLater("INSERT INTO counters (name, value) VALUES (?, 1)", {std::string_view(name)});
    if (t % 3 == 1) return Status::Invalid("value", "refused after writing");
    return Status::Ok();
  });
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(results[t].code(), t % 3 ? StatusCode::kInvalidArgument : StatusCode::kOk) << t;
  }
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters"), kThreads / 3);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters WHERE CAST(substr(name, 6) AS INTEGER) % 3 <> 0"), 0);
}

// Statements sent without waiting for their answers (ExecLater) still fail only the unit of
// work that sent them, however the units were batched, and a failure in the last one is
// caught before anything is committed.
TEST_F(DatabaseTest, StatementsSentWithoutWaitingFailTheirOwnUnit) {
  constexpr int kThreads = 16;
  std::vector<Status> results = WriteFromThreads(*db, kThreads, [](Connection& c, int t) {
    std::string name = "unit-" + std::to_string(t);
    c.ExecLater("INSERT INTO counters (name, value) VALUES (?, 1)", {std::string_view(name)});
    if (t % 2) c.ExecLater("INSERT INTO counters (name, value) VALUES (?, 2)", {std::string_view(name)});
    c.ExecLater("UPDATE counters SET value = value + 1 WHERE name = ?", {std::string_view(name)});
    return Status::Ok();
  });
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(results[t].code(), t % 2 ? StatusCode::kConflict : StatusCode::kOk) << t;
  }
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters WHERE value = 2"), kThreads / 2);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters"), kThreads / 2);

  Status last = db->Write([](Connection& c) {
    c.ExecLater("INSERT INTO counters (name, value) VALUES ('last', 1)");
    c.ExecLater("INSERT INTO nowhere VALUES (1)");
    return Status::Ok();
  });
  EXPECT_EQ(last.code(), StatusCode::kInternal);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters WHERE name = 'last'"), 0);
}

// A write reported as done has been committed, even when its unit of work swallowed a
// database failure (which, on PostgreSQL, spoils the transaction so that COMMIT undoes it).
TEST_F(DatabaseTest, SuccessMeansCommitted) {
  Status s = db->Write([](Connection& c) {
    c.Exec("INSERT INTO counters (name, value) VALUES ('kept', 1)");
    try {
      c.Exec("INSERT INTO nowhere VALUES (1)");
    } catch (const DbError&) {
    }
    return Status::Ok();
  });
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters"), s.ok() ? 1 : 0) << s.ToString();
}

// A write whose batch is still failing when the writer stops trying is told so, however its
// last attempt failed: here collisions (as PostgreSQL reports them) until the writer's last
// attempt, which then fails on a statement sent without waiting. Nothing was committed, so
// an answer of Ok would acknowledge a change that was never kept.
TEST_F(DatabaseTest, AWriteStillFailingWhenTheWriterGivesUpIsNotToldOk) {
  constexpr int kWriterAttempts = 40;  // PgDatabase's kMaxAttempts; SQLite runs a unit once
  int runs = 0;
  Status s = db->Write([&](Connection& c) {
    ++runs;
    c.ExecLater("INSERT INTO counters (name, value) VALUES ('never', 1)");
    if (runs < kWriterAttempts) throw DbError(DbError::Kind::kSerialization, "could not serialize access");
    c.ExecLater("INSERT INTO nowhere VALUES (1)");
    return Status::Ok();
  });
  EXPECT_FALSE(s.ok()) << "told Ok after " << runs << " runs";
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters WHERE name = 'never'"), 0);
}

// A unit that changes the database through a script (as the schema's migrations and the bulk
// loads do) and then fails leaves nothing behind, however it was batched with others.
TEST_F(DatabaseTest, AUnitThatFailsAfterAScriptLeavesNothing) {
  constexpr int kThreads = 16;
  std::vector<Status> results = WriteFromThreads(*db, kThreads, [](Connection& c, int t) {
    c.ExecScript("INSERT INTO counters (name, value) VALUES ('unit-" + std::to_string(t) + "', 1)");
    if (t % 2) return Status::Invalid("value", "refused on purpose");
    return Status::Ok();
  });
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(results[t].code(), t % 2 ? StatusCode::kInvalidArgument : StatusCode::kOk) << t;
  }
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters WHERE CAST(substr(name, 6) AS INTEGER) % 2 = 1"), 0);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters"), kThreads / 2);
}

TEST_F(DatabaseTest, ReadsCannotWrite) {
  Status s = db->Read([](Connection& c) {
    c.Exec("INSERT INTO counters (name, value) VALUES ('x', 1)");
    return Status::Ok();
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters"), 0);
}

// When the server drops Casework's connections (a restart, a failover, an administrator),
// the next unit of work runs on a new connection instead of failing.
TEST_F(DatabaseTest, CarriesOnAfterTheServerDropsItsConnections) {
  if (db->dialect() != Dialect::kPostgres) GTEST_SKIP() << "an SQLite file has no server to lose";
  std::string name = "casework_dropped_" + std::to_string(getpid());
  std::unique_ptr<Database> own = OpenDatabase(database.location() + "&application_name=" + name, 3);
  ASSERT_TRUE(own->Write([](Connection& c) {
                   c.Exec("INSERT INTO counters (name, value) VALUES ('before', 1)");
                   return Status::Ok();
                 })
                  .ok());
  ASSERT_TRUE(db->Write([&](Connection& c) {
                  auto rows = c.Query(
                      "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?",
                      {std::string_view(name)});
                  rows->Next();
                  EXPECT_GT(rows->Int(0), 0);
                  return Status::Ok();
                }).ok());
  Status after = own->Write([](Connection& c) {
    c.Exec("INSERT INTO counters (name, value) VALUES ('after', 1)");
    return Status::Ok();
  });
  EXPECT_TRUE(after.ok()) << after.ToString();
  EXPECT_EQ(Count(*own, "SELECT COUNT(*) FROM counters"), 2);
}

// Many different statements on one connection, as lists of every length make.
TEST_F(DatabaseTest, ManyDifferentStatementsKeepWorking) {
  std::unique_ptr<Database> one = database.Open(1);
  int64_t sum = 0;
  ASSERT_TRUE(one->Read([&](Connection& c) {
                   for (int i = 0; i < 1000; ++i) {
                     auto rows = c.Query("SELECT " + std::to_string(i) + " + ?", {int64_t{1}});
                     rows->Next();
                     sum += rows->Int(0);
                   }
                   if (c.dialect() == Dialect::kPostgres) {
                     auto kept = c.Query("SELECT COUNT(*) FROM pg_prepared_statements");
                     kept->Next();
                     EXPECT_LE(kept->Int(0), 401);  // the server is not left holding all 1000
                   }
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(sum, 1000 * 1001 / 2);
}

// A statement that fails, even before it runs, leaves the connection working for the next ones.
TEST_F(DatabaseTest, AFailedStatementLeavesTheConnectionUsable) {
  std::unique_ptr<Database> one = database.Open(1);
  for (int i = 0; i < 3; ++i) {
    Status bad = one->Read([&](Connection& c) {
      c.Query("SELECT " + std::to_string(i) + " FROM nowhere WHERE x = ?", {int64_t{1}});
      return Status::Ok();
    });
    EXPECT_FALSE(bad.ok());
    EXPECT_EQ(Count(*one, "SELECT " + std::to_string(i) + " + 1"), i + 1);
  }
  EXPECT_EQ(Count(*one, "SELECT 1 + 1"), 2);  // prepared before, still there
}

// Reads sent ahead (Prefetch) give each Query the rows it would have got alone; one that
// fails fails its own read, which leaves nothing behind, and the next read works.
TEST_F(DatabaseTest, ReadsSentAheadGiveTheRowsOfTheirQuery) {
  ASSERT_TRUE(db->Write([](Connection& c) {
                  c.Exec("INSERT INTO counters (name, value) VALUES ('a', 1), ('b', 2)");
                  return Status::Ok();
                }).ok());
  std::unique_ptr<Database> one = database.Open(1);
  const char* sql = "SELECT value FROM counters WHERE name = ?";
  int64_t sum = 0;
  ASSERT_TRUE(one->Read([&](Connection& c) {
                   sum = 0;
                   c.Prefetch(sql, {std::string_view("a")});
                   c.Prefetch(sql, {std::string_view("b")});
                   for (const char* name : {"b", "a"}) {
                     auto rows = c.Query(sql, {std::string_view(name)});
                     EXPECT_TRUE(rows->Next());
                     sum = sum * 10 + rows->Int(0);
                   }
                   return Status::Ok();
                 }).ok());
  EXPECT_EQ(sum, 21);
  Status failed = one->Read([&](Connection& c) {
    c.Prefetch("SELECT value FROM nowhere WHERE name = ?", {std::string_view("a")});
    c.Query("SELECT value FROM nowhere WHERE name = ?", {std::string_view("a")});
    return Status::Ok();
  });
  EXPECT_EQ(failed.code(), StatusCode::kInternal);
  EXPECT_EQ(Count(*one, "SELECT SUM(value) FROM counters"), 3);
}

// A statement sent ahead in a write (SendAhead) runs once, in its place among the unit's
// statements, and its Query takes its answer; one that its unit never takes fails the unit on
// a server (SQLite, which sends nothing ahead, never ran it), leaving nothing it did.
TEST_F(DatabaseTest, StatementsSentAheadInAWriteAreTakenOrFailTheirUnit) {
  const char* bump =
      "INSERT INTO counters (name, value) VALUES (?, 1) "
      "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value";
  int64_t got = 0, seen_before = -1;
  ASSERT_TRUE(db->Write([&](Connection& c) {
                  c.SendAhead(bump, {std::string_view("a")});
                  auto before = c.Query("SELECT COUNT(*) FROM counters WHERE name = 'a'");
                  before->Next();
                  seen_before = before->Int(0);
                  auto rows = c.Query(bump, {std::string_view("a")});
                  EXPECT_TRUE(rows->Next());
                  got = rows->Int(0);
                  return Status::Ok();
                }).ok());
  EXPECT_EQ(got, 1);
  EXPECT_EQ(seen_before, db->dialect() == Dialect::kPostgres ? 1 : 0);
  EXPECT_EQ(Count(*db, "SELECT value FROM counters WHERE name = 'a'"), 1);

  Status untaken = db->Write([&](Connection& c) {
    c.SendAhead(bump, {std::string_view("b")});
    return Status::Ok();
  });
  if (db->dialect() == Dialect::kPostgres) {
    EXPECT_EQ(untaken.code(), StatusCode::kInternal);
  }
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters WHERE name = 'b'"), 0);
  // One taken and one refused, among others in the same batches, keep only what was taken.
  std::vector<Status> results = WriteFromThreads(*db, 8, [&](Connection& c, int t) {
    std::string name = "n" + std::to_string(t);
    c.SendAhead(bump, {std::string_view(name)});
    if (t % 2) return Status::Invalid("name", "refused after sending ahead");
    auto rows = c.Query(bump, {std::string_view(name)});
    EXPECT_TRUE(rows->Next());
    return Status::Ok();
  });
  for (int t = 0; t < 8; ++t) EXPECT_EQ(results[t].ok(), t % 2 == 0) << t;
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM counters WHERE name LIKE 'n%'"), 4);
}

// Text sorts byte by byte on both backends, so lists come out in one order.
TEST_F(DatabaseTest, TextSortsByteByByte) {
  ASSERT_TRUE(db->Write([](Connection& c) {
                  for (const char* name : {"b", "B", "a", "A", "_", "é"}) {
                    c.Exec("INSERT INTO counters (name, value) VALUES (?, 0)", {std::string_view(name)});
                  }
                  return Status::Ok();
                }).ok());
  std::string order;
  ASSERT_TRUE(db->Read([&](Connection& c) {
                  auto rows = c.Query("SELECT name FROM counters ORDER BY name");
                  while (rows->Next()) order += rows->String(0) + " ";
                  return Status::Ok();
                }).ok());
  EXPECT_EQ(order, "A B _ a b é ");
}

}  // namespace
}  // namespace casework::store
