// Reads sent ahead on a PostgreSQL connection (Connection::Prefetch): several reads, one round
// trip, and the rows each Query gets are those it would have got alone.
#include "store/postgres/pg_connection.h"

#include <gtest/gtest.h>

#include "store/migrations.h"
#include "support/test_database.h"

namespace casework::store {
namespace {

class PgReadAheadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::TestDatabase::UsingPostgres()) GTEST_SKIP() << "only a database server has round trips to save";
    database = std::make_unique<testing::TestDatabase>();
    ASSERT_TRUE(Migrate(*database->Open(1), *ParseTimestamp("2026-11-23T10:00:00Z", "now")).ok());
    conn = std::make_unique<PgConnection>(database->location(), "read-ahead");
    conn->Begin("BEGIN");
    for (const char* name : {"a", "b", "c"}) {
      conn->Exec("INSERT INTO counters (name, value) VALUES (?, ?)", {std::string_view(name), int64_t(name[0])});
    }
    conn->Commit();
  }

  int64_t Value(const std::string& name) {
    auto rows = conn->Query("SELECT value FROM counters WHERE name = ?", {std::string_view(name)});
    return rows->Next() ? rows->Int(0) : -1;
  }

  std::unique_ptr<testing::TestDatabase> database;
  std::unique_ptr<PgConnection> conn;
};

TEST_F(PgReadAheadTest, ReadsSentAheadShareOneRoundTrip) {
  conn->BeginReadOnly("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const char* sql = "SELECT value FROM counters WHERE name = ?";
  for (const char* name : {"a", "b", "c", "none"}) conn->Prefetch(sql, {std::string_view(name)});
  int64_t before = conn->round_trips();
  // Taken in another order than sent, and each gets its own rows.
  EXPECT_EQ(Value("c"), 'c');
  EXPECT_EQ(Value("none"), -1);
  EXPECT_EQ(Value("a"), 'a');
  EXPECT_EQ(Value("b"), 'b');
  EXPECT_EQ(conn->round_trips() - before, 1);
  // A read not sent ahead, or sent ahead and already taken, goes to the server.
  EXPECT_EQ(Value("a"), 'a');
  EXPECT_EQ(conn->round_trips() - before, 2);
  conn->Settle();
}

// A transaction that may write ignores reads sent ahead: one sent before a change of its own
// would not see that change.
TEST_F(PgReadAheadTest, ATransactionThatMayWriteSendsNothingAhead) {
  conn->Begin("BEGIN");
  conn->Prefetch("SELECT value FROM counters WHERE name = ?", {std::string_view("a")});
  conn->Exec("UPDATE counters SET value = 1 WHERE name = 'a'");
  EXPECT_EQ(Value("a"), 1);
  conn->RollBack();
}

// Reads sent ahead and never taken end with their transaction; the next one reads afresh.
TEST_F(PgReadAheadTest, ReadsNotTakenDoNotOutliveTheirTransaction) {
  conn->BeginReadOnly("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  conn->Prefetch("SELECT value FROM counters WHERE name = ?", {std::string_view("a")});
  conn->Settle();
  conn->Send("COMMIT");
  conn->Begin("BEGIN");
  conn->Exec("UPDATE counters SET value = 2 WHERE name = 'a'");
  conn->Commit();
  conn->BeginReadOnly("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  EXPECT_EQ(Value("a"), 2);
  conn->Settle();
}

// A read sent ahead that fails is reported by the next read that waits, and the connection
// goes on working once the transaction is rolled back.
TEST_F(PgReadAheadTest, AFailedReadSentAheadFailsTheTransactionNotTheConnection) {
  conn->BeginReadOnly("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  conn->Prefetch("SELECT value FROM nowhere WHERE name = ?", {std::string_view("a")});
  conn->Prefetch("SELECT value FROM counters WHERE name = ?", {std::string_view("b")});
  EXPECT_THROW(Value("b"), DbError);
  conn->RollBack();
  ASSERT_TRUE(conn->usable());
  conn->BeginReadOnly("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  EXPECT_EQ(Value("b"), 'b');
  conn->Settle();
}

// BEGIN, SAVEPOINT, RELEASE and COMMIT are prepared statements on the connection, so the
// server parses their text once, not in every transaction.
TEST_F(PgReadAheadTest, TransactionControlIsParsedOncePerConnection) {
  for (int i = 0; i < 3; ++i) {
    conn->Begin("BEGIN");
    conn->SetSavepoint();
    conn->Exec("UPDATE counters SET value = value + 1 WHERE name = 'a'");
    conn->ReleaseSavepoint();
    conn->Commit();
  }
  conn->BeginReadOnly("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  auto rows = conn->Query(
      "SELECT statement FROM pg_prepared_statements WHERE statement IN ('BEGIN', 'SAVEPOINT unit', "
      "'RELEASE unit', 'COMMIT', 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY') ORDER BY statement");
  std::vector<std::string> prepared;
  while (rows->Next()) prepared.emplace_back(rows->Text(0));
  EXPECT_EQ(prepared, (std::vector<std::string>{"BEGIN", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                                                "COMMIT", "RELEASE unit", "SAVEPOINT unit"}));
  conn->Settle();
  EXPECT_EQ(Value("a"), 'a' + 3);
}

}  // namespace
}  // namespace casework::store
