#include "app/verify.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/audit.h"
#include "app/entries.h"
#include "app/persons.h"
#include "store/access_log_file.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;

class VerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    child = t.AddChild(sam);
    for (int i = 0; i < 3; ++i) {
      Entry e;
      e.occurred_at = t.clock().Now();
      e.text = "Note " + std::to_string(i);
      items.push_back(*RecordEntry(t.services(), sam, child.id, e));
    }
  }

  TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  Person child;
  std::vector<JournalItem> items;
};

TEST_F(VerifyTest, ENT06_IntactDatabaseVerifies) {
  Result<VerifyReport> r = VerifyAll(t.services());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->breaks.empty());
  EXPECT_EQ(r->records, 1);
  EXPECT_EQ(r->items, 4);
  EXPECT_GT(r->access_events, 0);
}

// ENT-06: the journal cannot be changed in place through SQL either.
TEST_F(VerifyTest, ENT06_DatabaseRefusesUpdatesAndDeletesOfJournal) {
  Status s = t.db().Write([&](store::Connection& c) {
    c.Exec("UPDATE journal SET body = '{}' WHERE id = ?", {std::string_view(items[1].id)});
    return Status::Ok();
  });
  EXPECT_FALSE(s.ok());
  s = t.db().Write([&](store::Connection& c) {
    c.Exec("DELETE FROM journal WHERE id = ?", {std::string_view(items[1].id)});
    return Status::Ok();
  });
  EXPECT_FALSE(s.ok());
}

// ENT-06: an item altered directly in the database file is named as the first broken one.
TEST_F(VerifyTest, ENT06_NamesTheAlteredItem) {
  t.database().Tamper(
      "UPDATE journal SET body = replace(body, 'Note 1', 'Note one') "
      "WHERE id = '" +
      items[1].id + "';");
  Result<VerifyReport> r = VerifyAll(t.services());
  ASSERT_EQ(r->breaks.size(), 1u);
  EXPECT_EQ(r->breaks[0].log, "journal");
  EXPECT_EQ(r->breaks[0].chain, child.id);
  EXPECT_EQ(r->breaks[0].item_id, items[1].id);
  EXPECT_EQ(r->breaks[0].seq, items[1].seq);
  EXPECT_NE(r->breaks[0].problem.find("altered"), std::string::npos);
}

// ENT-06: a removed item and a removed tail are both caught.
TEST_F(VerifyTest, ENT06_CatchesRemovedItems) {
  t.database().Tamper("DELETE FROM journal WHERE id = '" + items[0].id + "';");
  Result<VerifyReport> r = VerifyAll(t.services());
  ASSERT_EQ(r->breaks.size(), 1u);
  EXPECT_EQ(r->breaks[0].seq, items[0].seq);
  EXPECT_NE(r->breaks[0].problem.find("missing"), std::string::npos);

  TestServices fresh;
  Actor a = fresh.AddActor("amy", Role::kPractitioner);
  NewPerson p;
  p.details.family_name = "Jones";
  p.open_case_record = true;
  Person child2 = *CreatePerson(fresh.services(), a, p)->created;
  Entry e;
  e.occurred_at = fresh.clock().Now();
  e.text = "last";
  JournalItem last = *RecordEntry(fresh.services(), a, child2.id, e);
  fresh.database().Tamper("DELETE FROM journal WHERE id = '" + last.id + "';");
  r = VerifyAll(fresh.services());
  ASSERT_EQ(r->breaks.size(), 1u);
  EXPECT_NE(r->breaks[0].problem.find("removed"), std::string::npos);
}

// GOV-06: the access log is chained too.
TEST_F(VerifyTest, GOV06_AccessLogTamperingIsCaught) {
  t.database().Tamper("UPDATE access_log SET username = 'someone else' WHERE seq = 2;");
  Result<VerifyReport> r = VerifyAll(t.services());
  ASSERT_EQ(r->breaks.size(), 1u);
  EXPECT_EQ(r->breaks[0].log, "access log");
  EXPECT_EQ(r->breaks[0].seq, 2);
}

// GOV-06: on SQLite the lines of reads are in the access log file, chained there, and a line
// changed in that file is caught as one changed in the main file is.
TEST_F(VerifyTest, GOV06_AccessLogFileTamperingIsCaught) {
  if (t.db().dialect() != store::Dialect::kSqlite) GTEST_SKIP() << "only SQLite has an access log file";
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(GetPersonRecord(t.services(), sam, child.id).ok());
  Result<VerifyReport> r = VerifyAll(t.services());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->breaks.empty());
  EXPECT_EQ(r->access_chains, 2);  // the main file's, and the access log file's

  t.database().TamperAccessLogFile("UPDATE access_log SET username = 'someone else' WHERE seq = 2;");
  r = VerifyAll(t.services());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->breaks.size(), 1u);
  EXPECT_EQ(r->breaks[0].log, "access log");
  EXPECT_EQ(r->breaks[0].chain, store::kAccessLogFileChain);
  EXPECT_EQ(r->breaks[0].seq, 2);
}

// GOV-06: entries and log lines written at once from many threads, in batches where some
// units of work are rolled back after writing their log line, leave every chain verifiable
// and the log holding the lines of the units that were kept, and only those.
TEST_F(VerifyTest, GOV06_VerifiesAfterCommittedAndRolledBackUnitsTogether) {
  int64_t before = VerifyAll(t.services())->access_events;
  constexpr int kThreads = 6, kEach = 12;
  std::atomic<int64_t> lines{0};
  std::vector<std::thread> threads;
  for (int n = 0; n < kThreads; ++n) {
    threads.emplace_back([&, n] {
      for (int i = 0; i < kEach; ++i) {
        if (n == 0) {
          Entry e;
          e.occurred_at = t.clock().Now();
          e.text = "Note during the others " + std::to_string(i);
          if (RecordEntry(t.services(), sam, child.id, e).ok()) ++lines;
          continue;
        }
        Status s = t.db().Write([&](store::Connection& c) {
          Audit(c, t.services(), sam, {"search", "", true, "", "line " + std::to_string(i)});
          if (i % 3 == 1) return Status::Invalid("line", "rolled back after its log line, on purpose");
          if (i % 3 == 2 && n % 2) c.Exec("INSERT INTO nowhere VALUES (1)");
          return Status::Ok();
        });
        if (s.ok()) ++lines;
      }
    });
  }
  for (auto& th : threads) th.join();
  Result<VerifyReport> r = VerifyAll(t.services());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->breaks.empty()) << r->breaks[0].chain << " " << r->breaks[0].problem;
  EXPECT_EQ(r->access_events, before + lines.load());
  EXPECT_EQ(r->items, 4 + kEach);
}

}  // namespace
}  // namespace casework::app
