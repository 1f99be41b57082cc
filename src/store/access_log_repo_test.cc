// Appending to the access log's chains (GOV-06). A PostgreSQL writer appends to its own chain
// with the head it remembers (AuditHeadCache): the PgAuditChainTest cases follow one connection
// through commits, rollbacks and failures and check that the chain stays whole, and that a head
// moved behind its back stops the line. An SQLite writer knows its chain's head only inside a
// write transaction, which holds the file's write lock: it reads the head once and appends line
// after line from what it knows, and between transactions knows nothing, because another server
// may share the file and the chain. The SqliteAuditChainTest cases follow writers through the
// same events. AccessLogTest runs on either backend.
#include "store/access_log_repo.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/migrations.h"
#include "store/postgres/pg_connection.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_database.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

namespace casework::store {
namespace {

Timestamp Now() { return *ParseTimestamp("2026-11-23T10:00:00Z", "now"); }

// Appends a line as the use cases do (app/audit.cc), with a stand-in for the hash.
void AppendLine(Connection& c) {
  AccessLogRepo log(c);
  AccessEvent e;
  e.chain = c.audit_chain();
  ChainHead head = log.ReserveNext(e.chain);
  e.seq = head.seq + 1;
  e.id = e.chain + "-" + std::to_string(e.seq) + "-" + head.hash;
  e.at = Now();
  e.username = "sam";
  e.action = "record.read";
  e.outcome = "allowed";
  e.prev_hash = head.hash;
  e.hash = "hash-" + std::to_string(e.seq) + "-after-" + head.hash;
  log.Insert(e);
}

// Every chain committed, checked link by link against its head; returns the lines in all.
int64_t CheckedLines(Database& db) {
  int64_t lines = 0;
  Status s = db.Read([&](Connection& c) {
    AccessLogRepo log(c);
    lines = 0;
    for (const std::string& chain : log.Chains()) {
      int64_t expected = 1;
      std::string previous;
      log.ForEach(chain, [&](const AccessEvent& e) {
        EXPECT_EQ(e.seq, expected++) << chain;
        EXPECT_EQ(e.prev_hash, previous) << chain;
        previous = e.hash;
        return true;
      });
      std::optional<ChainHead> head = log.Head(chain);
      EXPECT_EQ(head->seq, expected - 1) << chain;
      EXPECT_EQ(head->hash, previous) << chain;
      lines += expected - 1;
    }
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return lines;
}

// Two processes (two Database objects) writing lines at once, in batches where some units of
// work are rolled back after appending (a refusal, or a failed statement): every chain stays
// gap-free and linked, and holds exactly the lines of the units that were kept.
TEST(AccessLogTest, GOV06_LinesFromTwoInstancesWithRollbacksStayChained) {
  testing::TestDatabase database;
  std::unique_ptr<Database> one = database.Open();
  std::unique_ptr<Database> two = database.Open();
  ASSERT_TRUE(Migrate(*one, Now()).ok());
  constexpr int kThreads = 8, kEach = 24;
  std::atomic<int> kept{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Database& db = t % 2 ? *two : *one;
      for (int i = 0; i < kEach; ++i) {
        Status s = db.Write([&](Connection& c) {
          AppendLine(c);
          if (i % 3 == 1) return Status::Invalid("line", "refused after appending, on purpose");
          if (i % 3 == 2 && t % 4 < 2) c.Exec("INSERT INTO nowhere VALUES (1)");
          AppendLine(c);
          return Status::Ok();
        });
        if (s.ok()) kept += 2;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_GT(kept.load(), 0);
  EXPECT_EQ(CheckedLines(*one), kept.load());
}

// One committed chain, checked link by link against its head; returns the number of lines.
int64_t CheckedChainLength(Connection& reader, const std::string& chain) {
  AccessLogRepo log(reader);
  int64_t expected = 1;
  std::string previous;
  log.ForEach(chain, [&](const AccessEvent& e) {
    EXPECT_EQ(e.seq, expected++);
    EXPECT_EQ(e.prev_hash, previous);
    previous = e.hash;
    return true;
  });
  std::optional<ChainHead> head = log.Head(chain);
  if (!head) return 0;
  EXPECT_EQ(head->seq, expected - 1);
  EXPECT_EQ(head->hash, previous);
  return expected - 1;
}

class PgAuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::TestDatabase::UsingPostgres()) GTEST_SKIP() << "the remembered head is PostgreSQL's alone";
    database = std::make_unique<testing::TestDatabase>();
    ASSERT_TRUE(Migrate(*database->Open(1), Now()).ok());
    writer = std::make_unique<PgConnection>(database->location(), "chain-under-test");
  }

  int64_t CheckedLength() {
    PgConnection reader(database->location(), "reader");
    return CheckedChainLength(reader, "chain-under-test");
  }

  std::unique_ptr<testing::TestDatabase> database;
  std::unique_ptr<PgConnection> writer;
};

TEST_F(PgAuditChainTest, GOV06_ALineAfterARolledBackUnitChainsOnTheKeptOne) {
  writer->Begin("BEGIN");
  AppendLine(*writer);
  writer->SetSavepoint();
  AppendLine(*writer);
  AppendLine(*writer);
  writer->RollBackToSavepoint();
  ASSERT_TRUE(writer->known_audit_head());
  EXPECT_EQ(writer->known_audit_head()->seq, 1);
  writer->ReleaseSavepoint();
  writer->SetSavepoint();
  AppendLine(*writer);
  writer->Commit();
  EXPECT_EQ(CheckedLength(), 2);
}

TEST_F(PgAuditChainTest, GOV06_ARolledBackTransactionLeavesTheCommittedHead) {
  writer->Begin("BEGIN");
  AppendLine(*writer);
  writer->Commit();
  writer->Begin("BEGIN");
  AppendLine(*writer);
  writer->SetSavepoint();
  AppendLine(*writer);
  writer->RollBack();
  ASSERT_TRUE(writer->known_audit_head());
  EXPECT_EQ(writer->known_audit_head()->seq, 1);
  writer->Begin("BEGIN");
  AppendLine(*writer);
  writer->Commit();
  EXPECT_EQ(CheckedLength(), 2);
}

// A script run after lines were appended (the cache forgets the head for it) does not leave
// the chain's head row behind those lines: the chain verifies, and the next line follows.
TEST_F(PgAuditChainTest, GOV06_AScriptAfterLinesLeavesTheHeadAtTheLastLine) {
  writer->Begin("BEGIN");
  AppendLine(*writer);
  writer->Commit();
  writer->Begin("BEGIN");
  AppendLine(*writer);
  AppendLine(*writer);
  writer->ExecScript("SET LOCAL casework.copying = 'off'");
  writer->Commit();
  EXPECT_EQ(CheckedLength(), 3);
  writer->Begin("BEGIN");
  AppendLine(*writer);  // reads the head from the database again
  EXPECT_NO_THROW(writer->Commit());
  EXPECT_EQ(CheckedLength(), 4);
}

TEST_F(PgAuditChainTest, GOV06_AFailedStatementForgetsTheHead) {
  writer->Begin("BEGIN");
  AppendLine(*writer);
  writer->Commit();
  writer->Begin("BEGIN");
  AppendLine(*writer);
  EXPECT_THROW(writer->Exec("INSERT INTO nowhere VALUES (1)"), DbError);
  EXPECT_FALSE(writer->known_audit_head());
  writer->RollBack();
  EXPECT_FALSE(writer->known_audit_head());
  writer->Begin("BEGIN");
  AppendLine(*writer);  // reads the head from the database again
  writer->Commit();
  EXPECT_EQ(CheckedLength(), 2);
}

TEST_F(PgAuditChainTest, GOV06_AHeadMovedBehindTheWritersBackStopsTheLine) {
  writer->Begin("BEGIN");
  AppendLine(*writer);
  writer->Commit();
  ASSERT_TRUE(writer->known_audit_head());
  database->Tamper("UPDATE access_log_heads SET seq = 5 WHERE chain = 'chain-under-test'");
  writer->Begin("BEGIN");
  try {
    AppendLine(*writer);
    AppendLine(*writer);
    writer->Commit();  // the head's row is moved, from where the writer left it, as it commits
    ADD_FAILURE() << "lines were appended after a head that was not the chain's";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("not where its writer left it"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(writer->known_audit_head());
  writer->RollBack();
  PgConnection reader(database->location(), "reader");
  EXPECT_EQ(AccessLogRepo(reader).Head("chain-under-test")->seq, 5);
  auto lines = reader.Query("SELECT COUNT(*) FROM access_log");
  lines->Next();
  EXPECT_EQ(lines->Int(0), 1);
}

class SqliteAuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path = dir.File("chain.db");
    {
      SqliteDatabase db(path);
      ASSERT_TRUE(Migrate(db, Now()).ok());
    }
    writer = std::make_unique<SqliteConnection>(path, ConnectionRole::kWriter, "shared-chain");
  }

  int64_t CheckedLength() {
    SqliteConnection reader(path, ConnectionRole::kReader);
    return CheckedChainLength(reader, "shared-chain");
  }

  testing::TempDir dir;
  std::string path;
  std::unique_ptr<SqliteConnection> writer;
};

TEST_F(SqliteAuditChainTest, GOV06_LinesInOneTransactionChainOnEachOther) {
  writer->Begin();
  AppendLine(*writer);
  ASSERT_TRUE(writer->known_audit_head());
  EXPECT_EQ(writer->known_audit_head()->seq, 1);
  AppendLine(*writer);
  AppendLine(*writer);
  EXPECT_EQ(writer->known_audit_head()->seq, 3);
  writer->Commit();
  EXPECT_EQ(CheckedLength(), 3);
}

// A unit rolled back in the middle of a batch leaves neither a gap (the lines after it take
// its numbers) nor a fork (the line after it follows the kept one before it).
TEST_F(SqliteAuditChainTest, GOV06_AUnitRolledBackInTheMiddleOfABatchLeavesNoGapOrFork) {
  writer->Begin();
  writer->SetSavepoint();
  AppendLine(*writer);
  writer->ReleaseSavepoint();
  writer->SetSavepoint();
  AppendLine(*writer);
  AppendLine(*writer);
  writer->RollBackToSavepoint();
  writer->ReleaseSavepoint();
  ASSERT_TRUE(writer->known_audit_head());
  EXPECT_EQ(writer->known_audit_head()->seq, 1);
  writer->SetSavepoint();
  AppendLine(*writer);
  writer->ReleaseSavepoint();
  writer->Commit();
  EXPECT_EQ(CheckedLength(), 2);
}

TEST_F(SqliteAuditChainTest, GOV06_NothingIsKnownBetweenTransactions) {
  writer->Begin();
  AppendLine(*writer);
  writer->Commit();
  EXPECT_FALSE(writer->known_audit_head());
  writer->Begin();
  AppendLine(*writer);
  writer->RollBack();
  EXPECT_FALSE(writer->known_audit_head());
  writer->Begin();
  EXPECT_FALSE(writer->known_audit_head());
  AppendLine(*writer);
  writer->Commit();
  EXPECT_EQ(CheckedLength(), 2);
}

// Two servers sharing a file append to the same chain: each reads the head the other left.
TEST_F(SqliteAuditChainTest, GOV06_AHeadMovedByAnotherConnectionBetweenTransactionsIsFollowed) {
  SqliteConnection other(path, ConnectionRole::kWriter, "shared-chain");
  for (int round = 0; round < 3; ++round) {
    writer->Begin();
    AppendLine(*writer);
    AppendLine(*writer);
    writer->Commit();
    other.Begin();
    AppendLine(other);
    other.Commit();
  }
  EXPECT_EQ(CheckedLength(), 9);
}

TEST_F(SqliteAuditChainTest, GOV06_AFailedStatementForgetsTheHead) {
  writer->Begin();
  AppendLine(*writer);
  ASSERT_TRUE(writer->known_audit_head());
  EXPECT_THROW(writer->Exec("INSERT INTO nowhere VALUES (1)"), DbError);
  EXPECT_FALSE(writer->known_audit_head());
  AppendLine(*writer);  // reads the head from the database again
  writer->Commit();
  EXPECT_EQ(CheckedLength(), 2);
}

TEST_F(SqliteAuditChainTest, GOV06_AHeadMovedBehindTheWritersBackStopsTheLine) {
  writer->Begin();
  AppendLine(*writer);
  writer->Exec("UPDATE access_log_heads SET seq = 5 WHERE chain = 'shared-chain'");
  try {
    AppendLine(*writer);
    ADD_FAILURE() << "a line was appended after a head that was not the chain's";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("not where its writer left it"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(writer->known_audit_head());
  writer->RollBack();
  auto lines = writer->Query("SELECT COUNT(*) FROM access_log");
  lines->Next();
  EXPECT_EQ(lines->Int(0), 0);
}

// Through the writer thread: many callers at once, so units share batches, and every third
// unit fails after appending (by its answer or by a failed statement) between units that are
// kept. Every kept line is on the chain, once, in order.
TEST_F(SqliteAuditChainTest, GOV06_BatchesWithFailedUnitsKeepTheChainWhole) {
  writer.reset();
  SqliteDatabase db(path, 2, Durability::kFull, "shared-chain");
  constexpr int kThreads = 8, kEach = 30;
  std::atomic<int> kept{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        Status s = db.Write([&](Connection& c) {
          AppendLine(c);
          if ((i + t) % 3 == 1) return Status::Invalid("line", "refused after appending, on purpose");
          if ((i + t) % 6 == 2) c.Exec("INSERT INTO nowhere VALUES (1)");
          AppendLine(c);
          return Status::Ok();
        });
        if (s.ok()) kept += 2;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_GT(kept.load(), 0);
  EXPECT_EQ(CheckedLength(), kept.load());
}

}  // namespace
}  // namespace casework::store
