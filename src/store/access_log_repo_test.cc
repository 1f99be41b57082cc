// Appending to the access log's chains (GOV-06). A PostgreSQL writer appends to its own chain
// with the head it remembers (AuditHeadCache): the PgAuditChainTest cases follow one connection
// through commits, rollbacks and failures and check that the chain stays whole, and that a head
// moved behind its back stops the line. AccessLogTest runs on either backend.
#include "store/access_log_repo.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/migrations.h"
#include "store/postgres/pg_connection.h"
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

class PgAuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::TestDatabase::UsingPostgres()) GTEST_SKIP() << "the remembered head is PostgreSQL's alone";
    database = std::make_unique<testing::TestDatabase>();
    ASSERT_TRUE(Migrate(*database->Open(1), Now()).ok());
    writer = std::make_unique<PgConnection>(database->location(), "chain-under-test");
  }

  // The committed chain, checked link by link; returns the number of lines.
  int64_t CheckedLength() {
    PgConnection reader(database->location(), "reader");
    AccessLogRepo log(reader);
    int64_t expected = 1;
    std::string previous;
    log.ForEach("chain-under-test", [&](const AccessEvent& e) {
      EXPECT_EQ(e.seq, expected++);
      EXPECT_EQ(e.prev_hash, previous);
      previous = e.hash;
      return true;
    });
    std::optional<ChainHead> head = log.Head("chain-under-test");
    if (!head) return 0;
    EXPECT_EQ(head->seq, expected - 1);
    EXPECT_EQ(head->hash, previous);
    return expected - 1;
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
    ADD_FAILURE() << "a line was appended after a head that was not the chain's";
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

}  // namespace
}  // namespace casework::store
