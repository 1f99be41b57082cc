#include "app/audit.h"

#include <gtest/gtest.h>

#include "app/access_log_reading.h"
#include "app/entries.h"
#include "app/persons.h"
#include "app/record_access_management.h"
#include "store/access_log_file.h"
#include "store/access_log_repo.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using namespace std::chrono_literals;
using testing::TestServices;

class Audit : public ::testing::Test {
 protected:
  void SetUp() override { child = t.AddChild(sam); }

  // The record's lines from wherever they are kept, newest first.
  std::vector<AccessEvent> Log() { return *ReadAccessLog(t.services(), {child.id, "", "", 100}); }

  // The record's lines held in one database, as "chain action outcome", newest first.
  std::vector<std::string> LinesIn(store::Database& db) {
    std::vector<std::string> out;
    EXPECT_TRUE(db.Read([&](store::Connection& c) {
                    for (const AccessEvent& e : store::AccessLogRepo(c).List({child.id, "", "", 100})) {
                      out.push_back(e.chain + " " + e.action + " " + e.outcome);
                    }
                    return Status::Ok();
                  }).ok());
    return out;
  }

  TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  Actor admin = t.AddActor("admin", Role::kAdministrator);
  Person child;
};

// GOV-06: every read and write of a record is logged with who, when, what and on what basis;
// refusals are logged too.
TEST_F(Audit, GOV06_ReadsWritesAndRefusalsAreLogged) {
  ASSERT_TRUE(GetPersonRecord(t.services(), sam, child.id).ok());
  Result<PersonRecord> refused = GetPersonRecord(t.services(), admin, child.id);
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);

  std::vector<AccessEvent> log = Log();
  ASSERT_EQ(log.size(), 3u);  // newest first
  EXPECT_EQ(log[0].username, "admin");
  EXPECT_EQ(log[0].outcome, "refused");
  EXPECT_EQ(log[1].action, "record.read");
  EXPECT_EQ(log[1].username, "sam");
  EXPECT_EQ(log[1].outcome, "allowed");
  EXPECT_EQ(log[1].client_address, "127.0.0.1");
  EXPECT_EQ(log[2].action, "record.write");
  EXPECT_EQ(log[2].detail, "created the record");
}

// GOV-06: a write that fails leaves no log line claiming it happened, and no change.
TEST_F(Audit, GOV06_FailedWriteLeavesNothing) {
  size_t before = Log().size();
  Entry bad;
  bad.occurred_at = t.clock().Now();
  bad.text = "x";
  bad.provided_by = ProvidedBy{"", "", "01J00000000000000000000000"};
  EXPECT_FALSE(RecordEntry(t.services(), sam, child.id, bad).ok());
  EXPECT_EQ(Log().size(), before);
  EXPECT_EQ(ReadJournal(t.services(), sam, child.id, {})->items.size(), 1u);
}

// GOV-06: on SQLite a read's line, and a refusal's, is kept in the access log file beside the
// main one (so that its commit leaves the main file's readers their caches), and a write's line
// in the main file, committed with the change it records.
TEST_F(Audit, GOV06_ReadsAreLoggedInTheAccessLogFileAndWritesWithTheirChange) {
  if (t.db().dialect() != store::Dialect::kSqlite) GTEST_SKIP() << "PostgreSQL keeps every line in one database";
  ASSERT_TRUE(GetPersonRecord(t.services(), sam, child.id).ok());
  EXPECT_EQ(GetPersonRecord(t.services(), admin, child.id).status().code(), StatusCode::kPermissionDenied);

  std::string file_chain = store::kAccessLogFileChain;
  EXPECT_EQ(LinesIn(t.db()), std::vector<std::string>{"local record.write allowed"});
  EXPECT_EQ(LinesIn(t.services().access_log_db),
            (std::vector<std::string>{file_chain + " record.read refused", file_chain + " record.read allowed"}));
}

// GOV-06: a record's access log, as auditors read it, shows reads and writes newest first,
// merged from wherever each is kept, and its pages join up with no line missed or repeated.
TEST_F(Audit, GOV06_ListingMergesReadsAndWritesNewestFirstAcrossPages) {
  Actor alex = t.AddActor("alex", Role::kAuditor);
  for (int i = 0; i < 5; ++i) {
    t.clock().Advance(1s);
    ASSERT_TRUE(GetPersonRecord(t.services(), sam, child.id).ok());
    t.clock().Advance(1s);
    Entry e;
    e.occurred_at = t.clock().Now();
    e.text = "Visit " + std::to_string(i);
    ASSERT_TRUE(RecordEntry(t.services(), sam, child.id, e).ok());
  }
  std::vector<AccessEvent> all = Log();
  ASSERT_EQ(all.size(), 11u);
  for (size_t i = 0; i < all.size(); ++i) {
    // The write after each read, and the record's creation last.
    EXPECT_EQ(all[i].action, i == all.size() - 1 || i % 2 == 0 ? "record.write" : "record.read") << i;
    if (i > 0) EXPECT_LT(all[i].id, all[i - 1].id);
  }

  std::vector<AccessEvent> paged;
  std::string before;
  int pages = 0;
  for (bool more = true; more; ++pages) {
    Result<AccessLogPage> page = RecordAccessLog(t.services(), alex, child.id, before, 3);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    ASSERT_FALSE(page->events.empty());
    paged.insert(paged.end(), page->events.begin(), page->events.end());
    before = page->events.back().id;
    more = page->more;
  }
  EXPECT_EQ(pages, 4);
  ASSERT_EQ(paged.size(), all.size());
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(paged[i].id, all[i].id) << i;

  // Each page read was itself logged, newest of all.
  std::vector<AccessEvent> after = Log();
  ASSERT_EQ(after.size(), all.size() + 4);
  EXPECT_EQ(after.front().action, "access_log.read");
}

}  // namespace
}  // namespace casework::app
