#include "app/audit.h"

#include <gtest/gtest.h>

#include "app/entries.h"
#include "app/persons.h"
#include "store/access_log_repo.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;

std::vector<AccessEvent> LogFor(TestServices& t, const std::string& record) {
  std::vector<AccessEvent> out;
  t.db().Read([&](store::Connection& c) {
    out = store::AccessLogRepo(c).List({record, "", "", 100});
    return Status::Ok();
  });
  return out;
}

// GOV-06: every read and write of a record is logged with who, when, what and on what basis;
// refusals are logged too.
TEST(Audit, GOV06_ReadsWritesAndRefusalsAreLogged) {
  TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  Actor admin = t.AddActor("admin", Role::kAdministrator);
  NewPerson p;
  p.details.family_name = "Clarke";
  p.open_case_record = true;
  Person child = *CreatePerson(t.services(), sam, p)->created;
  ASSERT_TRUE(GetPersonRecord(t.services(), sam, child.id).ok());
  Result<PersonRecord> refused = GetPersonRecord(t.services(), admin, child.id);
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);

  std::vector<AccessEvent> log = LogFor(t, child.id);
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
TEST(Audit, GOV06_FailedWriteLeavesNothing) {
  TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  NewPerson p;
  p.details.family_name = "Clarke";
  p.open_case_record = true;
  Person child = *CreatePerson(t.services(), sam, p)->created;
  size_t before = LogFor(t, child.id).size();
  Entry bad;
  bad.occurred_at = t.clock().Now();
  bad.text = "x";
  bad.provided_by = ProvidedBy{"", "", "01J00000000000000000000000"};
  EXPECT_FALSE(RecordEntry(t.services(), sam, child.id, bad).ok());
  EXPECT_EQ(LogFor(t, child.id).size(), before);
  EXPECT_EQ(ReadJournal(t.services(), sam, child.id, {})->items.size(), 1u);
}

}  // namespace
}  // namespace casework::app
