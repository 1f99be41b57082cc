#include "app/record_cache.h"

#include <gtest/gtest.h>

#include "app/allocation.h"
#include "app/person_support.h"
#include "app/persons.h"
#include "app/record_access_management.h"
#include "app/timescales.h"
#include "store/record_version_repo.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;
using namespace std::chrono_literals;

Date D(const char* s) { return *ParseDate(s, "d"); }

std::shared_ptr<RecordParts> Parts(const std::string& name) {
  auto parts = std::make_shared<RecordParts>();
  parts->person.details.family_name = name;
  return parts;
}

TEST(RecordCacheTest, FindsOnlyTheVersionKept) {
  RecordCache cache;
  EXPECT_EQ(cache.Find("p-1", 0), nullptr);
  cache.Keep("p-1", 3, Parts("Three"));
  ASSERT_NE(cache.Find("p-1", 3), nullptr);
  EXPECT_EQ(cache.Find("p-1", 3)->person.details.family_name, "Three");
  EXPECT_EQ(cache.Find("p-1", 2), nullptr);
  EXPECT_EQ(cache.Find("p-1", 4), nullptr);
  EXPECT_EQ(cache.Find("p-2", 3), nullptr);
}

TEST(RecordCacheTest, AnOlderSnapshotDoesNotReplaceANewerOne) {
  RecordCache cache;
  cache.Keep("p-1", 5, Parts("Five"));
  cache.Keep("p-1", 4, Parts("Four"));  // a reader that began before the change finishing late
  EXPECT_EQ(cache.Find("p-1", 4), nullptr);
  ASSERT_NE(cache.Find("p-1", 5), nullptr);
  cache.Keep("p-1", 6, Parts("Six"));
  EXPECT_EQ(cache.Find("p-1", 5), nullptr);
  EXPECT_EQ(cache.Find("p-1", 6)->person.details.family_name, "Six");
}

TEST(RecordCacheTest, KeepsNoMoreThanItsCapacity) {
  RecordCache cache(64);
  for (int i = 0; i < 1000; ++i) cache.Keep("p-" + std::to_string(i), 0, Parts("x"));
  int kept = 0;
  for (int i = 0; i < 1000; ++i) kept += cache.Find("p-" + std::to_string(i), 0) != nullptr;
  EXPECT_GT(kept, 0);
  EXPECT_LE(kept, 64 + 16);
}

// Every kind of change to what a record summary shows is seen on the very next read, though
// the summary before it was kept: the record versions move with each committed write.
class RecordSummaryFreshnessTest : public ::testing::Test {
 protected:
  PersonRecord Open(const Actor& who) {
    Result<PersonRecord> r = GetPersonRecord(t.services(), who, child.id);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : PersonRecord{};
  }
  int64_t Version(const std::string& person_id) {
    int64_t v = -1;
    EXPECT_TRUE(t.db().Read([&](store::Connection& c) {
      v = store::RecordVersionRepo(c).Get(person_id);
      return Status::Ok();
    }).ok());
    return v;
  }
  // Opens the record twice, so the second read is the kept summary, and checks it was kept.
  PersonRecord OpenKept() {
    Open(sam);
    EXPECT_NE(t.services().record_cache->Find(child.id, Version(child.id)), nullptr);
    return Open(sam);
  }
  Person Adult(const char* given, const char* family) {
    NewPerson p;
    p.details.given_names = given;
    p.details.family_name = family;
    p.details.date_of_birth = D("1990-01-01");
    Result<CreateOutcome> made = CreatePerson(t.services(), sam, p);
    EXPECT_TRUE(made.ok() && made->created) << made.status().ToString();
    return *made->created;
  }
  void Sql(const std::string& sql, const std::string& id) {
    ASSERT_TRUE(t.db().Write([&](store::Connection& c) {
      c.Exec(sql, {std::string_view(id)});
      return Status::Ok();
    }).ok());
  }

  TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  Actor maureen = t.AddActor("maureen", Role::kTeamManager);
  Actor jo = t.AddActor("jo", Role::kPractitioner);
  Actor alex = t.AddActor("alex", Role::kAuditor);
  Person child = t.AddChild(sam, "Clarke");
};

// REC-01
TEST_F(RecordSummaryFreshnessTest, REC01_TheChildsOwnDetailsAddressesAndNames) {
  PersonRecord before = OpenKept();
  DetailsPatch patch;
  patch.version = before.person().version;
  patch.family_name = "Okoro";
  patch.other_identifiers = std::vector<Identifier>{{"upn", "A123456789012"}};
  ASSERT_TRUE(UpdateDetails(t.services(), sam, child.id, patch).ok());
  PersonRecord after = OpenKept();
  EXPECT_EQ(after.person().details.family_name, "Okoro");
  ASSERT_EQ(after.person().details.other_identifiers.size(), 1u);

  ASSERT_TRUE(AddAddress(t.services(), sam, child.id, {"", "1 High St", "", "Leeds", "LS1 4AB", D("2026-01-01"), {}}).ok());
  after = OpenKept();
  ASSERT_FALSE(after.addresses().empty());
  EXPECT_EQ(after.addresses()[0].postcode, "LS1 4AB");
  ASSERT_TRUE(after.person().current_address);

  ASSERT_TRUE(AddOtherName(t.services(), sam, child.id, {"", NameKind::kAlias, "Mimi", "Okoro", "at school", {}}).ok());
  after = OpenKept();
  bool alias = false;  // beside the previous family name, kept when it changed
  for (const OtherName& n : after.other_names()) alias |= n.given_names == "Mimi" && n.kind == NameKind::kAlias;
  EXPECT_TRUE(alias);
}

// REC-01, EQU-03: a relationship, and each change to what the summary shows of a relative.
TEST_F(RecordSummaryFreshnessTest, REC01_EQU03_RelativesAndTheirDetails) {
  Person mother = Adult("Dawn", "Clarke");
  OpenKept();
  ASSERT_TRUE(AddRelationship(t.services(), sam,
                              {"", child.id, mother.id, RelationshipType::kParent, true, true, "mother", {}})
                  .ok());
  PersonRecord after = OpenKept();
  ASSERT_EQ(after.relationships().size(), 1u);
  EXPECT_EQ(after.relationships()[0].other.display_name, "Dawn Clarke");

  // The mother's own record changes; the child's summary shows her name and postcode.
  PersonRecord hers = *GetPersonRecord(t.services(), sam, mother.id);
  DetailsPatch patch;
  patch.version = hers.person().version;
  patch.family_name = "Reid";
  ASSERT_TRUE(UpdateDetails(t.services(), sam, mother.id, patch).ok());
  after = OpenKept();
  EXPECT_EQ(after.relationships()[0].other.display_name, "Dawn Reid");

  ASSERT_TRUE(AddAddress(t.services(), sam, mother.id, {"", "9 Low Rd", "", "York", "YO1 7AA", D("2026-02-01"), {}}).ok());
  after = OpenKept();
  EXPECT_EQ(after.relationships()[0].other.postcode, "YO1 7AA");

  // Changes by any writer, not only the use cases: the triggers see every committed row.
  Sql("UPDATE persons SET display_name = 'Dawn R.' WHERE id = ?", mother.id);
  after = OpenKept();
  EXPECT_EQ(after.relationships()[0].other.display_name, "Dawn R.");
  Sql("UPDATE relationships SET description = 'birth mother' WHERE child_id = ?", child.id);
  after = OpenKept();
  EXPECT_EQ(after.relationships()[0].relationship.description, "birth mother");
  Sql("DELETE FROM relationships WHERE child_id = ?", child.id);
  EXPECT_TRUE(OpenKept().relationships().empty());
}

// TIM-03: a clock started shows at once; how overdue it is follows today, not the day kept.
TEST_F(RecordSummaryFreshnessTest, TIM03_ClocksAndRemindersFollowTheDay) {
  EXPECT_TRUE(OpenKept().reminders.empty());
  ASSERT_TRUE(RecordTimescaleEvent(t.services(), sam, child.id, {"referral_received", D("2026-11-20"), ""}).ok());
  PersonRecord after = OpenKept();
  ASSERT_FALSE(after.reminders.empty());
  bool overdue_before = false;
  for (const Reminder& r : after.reminders) overdue_before |= r.overdue;
  EXPECT_FALSE(overdue_before);
  t.clock().Advance(24h * 120);  // nothing written: the kept summary is still current
  after = OpenKept();
  bool overdue_after = false;
  for (const Reminder& r : after.reminders) overdue_after |= r.overdue;
  EXPECT_TRUE(overdue_after);
  Sql("UPDATE clocks SET status = 'met' WHERE person_id = ?", child.id);
  EXPECT_TRUE(OpenKept().reminders.empty());
}

// SEC-04: access is decided on every read, whatever is kept: allocation and restriction take
// effect on the next request.
TEST_F(RecordSummaryFreshnessTest, SEC04_AllocationAndRestrictionTakeEffectAtOnce) {
  PersonRecord before = OpenKept();
  ASSERT_TRUE(GetPersonRecord(t.services(), alex, child.id).ok());
  EXPECT_FALSE(GetPersonRecord(t.services(), jo, child.id).ok());
  ASSERT_TRUE(before.case_record);
  ASSERT_TRUE(AllocateCase(t.services(), maureen, child.id, jo.user.id, before.case_record->version).ok());
  Result<PersonRecord> jos = GetPersonRecord(t.services(), jo, child.id);
  ASSERT_TRUE(jos.ok()) << jos.status().ToString();
  ASSERT_TRUE(jos->allocated_worker);
  EXPECT_EQ(jos->allocated_worker->id, jo.user.id);
  EXPECT_EQ(jos->case_record->allocated_worker_id, jo.user.id);

  ASSERT_TRUE(SetRestriction(t.services(), jo, child.id, {true, {}, "adoption"}).ok());
  EXPECT_EQ(GetPersonRecord(t.services(), alex, child.id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(GetPersonRecord(t.services(), sam, child.id).status().code(), StatusCode::kPermissionDenied);
  Result<PersonRecord> restricted = GetPersonRecord(t.services(), jo, child.id);
  ASSERT_TRUE(restricted.ok());
  EXPECT_TRUE(restricted->case_record->restricted);
}

// SEC-05: a partner opening a record whose family was kept for a council reader is shown the
// child alone; the kept family is the same, only not shown. A grant ended shuts them out at once.
TEST_F(RecordSummaryFreshnessTest, SEC05_APartnerIsNotShownTheKeptFamily) {
  Person mother = Adult("Dawn", "Clarke");
  ASSERT_TRUE(AddRelationship(t.services(), sam,
                              {"", child.id, mother.id, RelationshipType::kParent, true, true, "mother", {}})
                  .ok());
  ASSERT_EQ(OpenKept().relationships().size(), 1u);
  Actor priya = t.AddActor("priya", Role::kPartnerPractitioner);
  Result<AccessGrant> grant =
      GrantAccess(t.services(), sam, child.id, {priya.user.id, "school nurse", Date{date::sys_days{Today(t.services())} + date::days{7}}});
  ASSERT_TRUE(grant.ok()) << grant.status().ToString();
  Result<PersonRecord> theirs = GetPersonRecord(t.services(), priya, child.id);
  ASSERT_TRUE(theirs.ok()) << theirs.status().ToString();
  EXPECT_TRUE(theirs->relationships().empty());
  EXPECT_EQ(theirs->person().id, child.id);
  EXPECT_EQ(OpenKept().relationships().size(), 1u);
  ASSERT_TRUE(RevokeAccess(t.services(), sam, child.id, grant->id).ok());
  EXPECT_EQ(GetPersonRecord(t.services(), priya, child.id).status().code(), StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace casework::app
