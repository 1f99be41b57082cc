#include "app/access.h"

#include <gtest/gtest.h>

#include <functional>
#include <utility>

#include "app/allocation.h"
#include "app/entries.h"
#include "app/persons.h"
#include "app/record_access_management.h"
#include "app/timescales.h"
#include "store/access_log_repo.h"
#include "app/access_log_reading.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;
using namespace std::chrono_literals;

// Runs a write that fails once more after `between`, as PostgreSQL runs a batch of writes
// again when one of them collides, with what between changed committed in the meantime.
class RunsAgainDatabase final : public store::Database {
 public:
  RunsAgainDatabase(store::Database& inner, std::function<void()> between)
      : inner_(inner), between_(std::move(between)) {}
  store::Dialect dialect() const override { return inner_.dialect(); }
  Status Write(const store::Work& work) override {
    Status first = inner_.Write(work);
    if (first.ok() || !between_) return first;
    std::exchange(between_, nullptr)();
    return inner_.Write(work);
  }
  Status Read(const store::Work& work) override { return inner_.Read(work); }

 private:
  store::Database& inner_;
  std::function<void()> between_;
};

class AccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    NewPerson p;
    p.details.given_names = "Amelia";
    p.details.family_name = "Clarke";
    p.open_case_record = true;
    child = *CreatePerson(t.services(), sam, p)->created;
  }

  StatusCode Opens(const Actor& who) { return GetPersonRecord(t.services(), who, child.id).status().code(); }

  Entry Note(const std::string& text) {
    Entry e;
    e.occurred_at = t.clock().Now() - 10min;
    e.text = text;
    e.classification = Classification::kFact;
    return e;
  }

  std::vector<AccessEvent> RecordLog() {
    store::AccessQuery q;
    q.record_id = child.id;
    return *ReadAccessLog(t.services(), q);
  }

  Date InDays(int n) { return Date{date::sys_days{LondonDate(t.clock().Now())} + date::days{n}}; }

  TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  Actor jo = t.AddActor("jo", Role::kPractitioner);
  Actor maureen = t.AddActor("maureen", Role::kTeamManager);
  Actor other_manager = t.AddActor("olu", Role::kTeamManager, "Assessment Team South");
  Actor priya = t.AddActor("priya", Role::kPartnerPractitioner, "Police Public Protection");
  Actor rita = t.AddActor("rita", Role::kRecordsOfficer, "Records");
  Actor alex = t.AddActor("alex", Role::kAuditor, "Audit");
  Actor ade = t.AddActor("ade", Role::kAdministrator, "IT");
  Person child;
};

// SEC-04: allocated worker and the allocated team's manager open the record; a colleague
// with no relationship, another team's manager and an administrator are refused, saying why.
TEST_F(AccessTest, SEC04_OnlyALegitimateRelationshipOpensTheRecord) {
  EXPECT_EQ(Opens(sam), StatusCode::kOk);
  EXPECT_EQ(Opens(maureen), StatusCode::kOk);
  EXPECT_EQ(Opens(jo), StatusCode::kPermissionDenied);
  EXPECT_EQ(Opens(other_manager), StatusCode::kPermissionDenied);
  EXPECT_EQ(Opens(priya), StatusCode::kPermissionDenied);
  Status admin = GetPersonRecord(t.services(), ade, child.id).status();
  EXPECT_EQ(admin.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(admin.message().find("administrators"), std::string::npos);
  Status colleague = GetPersonRecord(t.services(), jo, child.id).status();
  EXPECT_NE(colleague.message().find("break-glass"), std::string::npos) << colleague.message();
  // Auditors and records officers read by role, but never change.
  EXPECT_EQ(Opens(alex), StatusCode::kOk);
  EXPECT_EQ(Opens(rita), StatusCode::kOk);
  EXPECT_EQ(RecordEntry(t.services(), alex, child.id, Note("x")).status().code(), StatusCode::kPermissionDenied);
  t.settings().access.auditors_read_records = false;
  EXPECT_EQ(Opens(alex), StatusCode::kPermissionDenied);
  // Refusals are in the access log, with the reason.
  std::vector<AccessEvent> log = RecordLog();
  int refused = 0;
  for (const AccessEvent& e : log) refused += e.outcome == "refused";
  EXPECT_GE(refused, 6);
}

// A unit of work refused on one run and allowed on the next, which commits, is allowed: the
// refusal of the run rolled back does not outlive it.
TEST_F(AccessTest, SEC04_OnlyTheRunThatIsKeptDecidesAccess) {
  RunsAgainDatabase db(t.db(), [&] {
    ASSERT_TRUE(GrantAccess(t.services(), sam, child.id, {jo.user.id, "covering leave", InDays(3)}).ok());
  });
  Services services{db, t.services().access_log_db, t.services().clock, t.services().ids, t.settings()};
  Result<JournalItem> entry = RecordEntry(services, jo, child.id, Note("seen at school"));
  EXPECT_TRUE(entry.ok()) << entry.status().ToString();
}

// Reads sent ahead while access is decided go before the case record is read and are no
// part of the decision: the same users are allowed and refused with them as without.
TEST_F(AccessTest, SEC04_ReadsAheadDecideNothing) {
  int sent = 0;
  AccessReads reads;
  reads.allocation = true;
  reads.ahead = [&](store::Connection& c) {
    ++sent;
    c.Prefetch("SELECT 1 FROM case_records WHERE person_id = ?", {std::string_view(child.id)});
  };
  auto open = [&](const Actor& who, const AccessReads& with) {
    return ReadRecordAs(t.services(), who, child.id, "opened the record",
                        [](store::Connection&, const RecordAccess&) { return Status::Ok(); }, with)
        .code();
  };
  for (const Actor* who : {&alex, &jo, &ade, &sam, &priya}) {
    EXPECT_EQ(open(*who, reads), open(*who, {})) << who->user.username;
  }
  EXPECT_EQ(open(alex, reads), StatusCode::kOk);
  EXPECT_EQ(open(jo, reads), StatusCode::kPermissionDenied);
  EXPECT_EQ(open(ade, reads), StatusCode::kPermissionDenied);
  EXPECT_EQ(sent, 8);
}

// SEC-04: a named grant opens the record for its purpose until its date, and no longer;
// revoking it closes the record again.
TEST_F(AccessTest, SEC04_NamedGrantUntilADate) {
  EXPECT_EQ(GrantAccess(t.services(), jo, child.id, {jo.user.id, "cover", InDays(3)}).status().code(),
            StatusCode::kPermissionDenied);
  Result<AccessGrant> grant = GrantAccess(t.services(), sam, child.id, {jo.user.id, "covering leave", InDays(3)});
  ASSERT_TRUE(grant.ok()) << grant.status().ToString();
  EXPECT_EQ(Opens(jo), StatusCode::kOk);
  EXPECT_EQ(RecordLog().front().basis.find("grant for covering leave"), 0u);
  t.clock().Advance(24h * 5);
  EXPECT_EQ(Opens(jo), StatusCode::kPermissionDenied);
  grant = GrantAccess(t.services(), maureen, child.id, {jo.user.id, "covering leave", InDays(3)});
  ASSERT_TRUE(grant.ok());
  EXPECT_EQ(Opens(jo), StatusCode::kOk);
  ASSERT_TRUE(RevokeAccess(t.services(), maureen, child.id, grant->id).ok());
  EXPECT_EQ(Opens(jo), StatusCode::kPermissionDenied);
  EXPECT_EQ(GrantAccess(t.services(), sam, child.id, {jo.user.id, "x", InDays(400)}).status().field(), "until");
}

// Restricted records open only to named users, even within the allocated team, and vanish
// from others' searches.
TEST_F(AccessTest, SEC04_RestrictedRecordOnlyForNamedUsers) {
  Result<RestrictionView> r = SetRestriction(t.services(), maureen, child.id, {true, {jo.user.id}, "adoption"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Opens(jo), StatusCode::kOk);
  EXPECT_EQ(Opens(maureen), StatusCode::kOk);
  EXPECT_EQ(Opens(sam), StatusCode::kPermissionDenied);  // allocated, but not named
  EXPECT_EQ(Opens(alex), StatusCode::kPermissionDenied);
  store::PersonQuery q;
  q.name = "Clarke";
  EXPECT_TRUE(SearchPersons(t.services(), sam, q)->empty());
  EXPECT_EQ(SearchPersons(t.services(), jo, q)->size(), 1u);
  EXPECT_EQ(OpenWithBreakGlass(t.services(), rita, child.id, "urgent court request today").status().code(),
            StatusCode::kPermissionDenied);
}

// Break-glass: a reason opens the record for a while, shows in its access log, and waits for
// the user's manager to review it.
TEST_F(AccessTest, SEC04_BreakGlassIsTimeLimitedLoggedAndReviewed) {
  EXPECT_EQ(OpenWithBreakGlass(t.services(), jo, child.id, "short").status().field(), "reason");
  EXPECT_EQ(OpenWithBreakGlass(t.services(), priya, child.id, "police are at the door now").status().code(),
            StatusCode::kPermissionDenied);
  Result<BreakGlass> glass =
      OpenWithBreakGlass(t.services(), jo, child.id, "out-of-hours call: child missing tonight");
  ASSERT_TRUE(glass.ok()) << glass.status().ToString();
  EXPECT_EQ(Opens(jo), StatusCode::kOk);
  EXPECT_EQ(RecordLog().front().basis, "break-glass: out-of-hours call: child missing tonight");
  bool logged = false;
  for (const AccessEvent& e : RecordLog()) logged |= e.action == "record.break_glass" && e.user_id == jo.user.id;
  EXPECT_TRUE(logged);

  auto waiting = BreakGlassAwaitingReview(t.services(), maureen);
  ASSERT_EQ(waiting->size(), 1u);
  EXPECT_EQ(waiting->front().id, glass->id);
  EXPECT_TRUE(BreakGlassAwaitingReview(t.services(), other_manager)->empty());
  EXPECT_EQ(ReviewBreakGlass(t.services(), other_manager, glass->id, true, "").status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(ReviewBreakGlass(t.services(), jo, glass->id, true, "").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(ReviewBreakGlass(t.services(), maureen, glass->id, false, "").status().field(), "note");
  ASSERT_TRUE(ReviewBreakGlass(t.services(), maureen, glass->id, true, "").ok());
  EXPECT_TRUE(BreakGlassAwaitingReview(t.services(), maureen)->empty());

  t.clock().Advance(t.settings().access.break_glass_duration + 1min);
  EXPECT_EQ(Opens(jo), StatusCode::kPermissionDenied);
}

// SEC-04: for users whose access turns on their grants and break-glass (partners, records
// officers, auditors), those are read with the case record, in its statement on a database
// server; they decide as they would read apart: a grant until its date, then no longer, and
// break-glass named as the basis over the role's own.
TEST_F(AccessTest, SEC04_GrantAndBreakGlassReadWithTheRecordDecideForThoseWhoReadByRole) {
  EXPECT_EQ(Opens(priya), StatusCode::kPermissionDenied);
  ASSERT_TRUE(GrantAccess(t.services(), sam, child.id, {priya.user.id, "joint visit", InDays(2)}).ok());
  EXPECT_EQ(Opens(priya), StatusCode::kOk);
  EXPECT_EQ(RecordLog().front().basis.find("grant for joint visit"), 0u);
  EXPECT_EQ(Opens(rita), StatusCode::kOk);
  EXPECT_EQ(RecordLog().front().basis, "records officer, for records management (read only)");
  ASSERT_TRUE(OpenWithBreakGlass(t.services(), rita, child.id, "court order to be served this evening").ok());
  EXPECT_EQ(Opens(rita), StatusCode::kOk);
  EXPECT_EQ(RecordLog().front().basis, "break-glass: court order to be served this evening");
  t.clock().Advance(24h * 3);
  EXPECT_EQ(Opens(priya), StatusCode::kPermissionDenied);
  EXPECT_EQ(Opens(rita), StatusCode::kOk);
  EXPECT_EQ(RecordLog().front().basis, "records officer, for records management (read only)");
}

// SEC-05: a partner with a grant sees only items shared with them and what they wrote, not
// the child's family; they find only records shared with them.
TEST_F(AccessTest, SEC05_PartnerSeesOnlyWhatIsSharedAndTheirOwn) {
  Result<JournalItem> shared = RecordEntry(t.services(), sam, child.id, Note("Strategy discussion booked."));
  Result<JournalItem> hidden = RecordEntry(t.services(), sam, child.id, Note("Mother disclosed her history."));
  ASSERT_TRUE(shared.ok() && hidden.ok());
  store::PersonQuery q;
  q.name = "Clarke";
  EXPECT_TRUE(SearchPersons(t.services(), priya, q)->empty());
  ASSERT_TRUE(GrantAccess(t.services(), sam, child.id, {priya.user.id, "joint investigation", InDays(30)}).ok());
  EXPECT_EQ(SearchPersons(t.services(), priya, q)->size(), 1u);
  ASSERT_TRUE(ShareItem(t.services(), sam, child.id, shared->id, {priya.user.id, "", "joint investigation"}).ok());
  Result<JournalItem> own = RecordEntry(t.services(), priya, child.id, Note("Police visit completed."));
  ASSERT_TRUE(own.ok()) << own.status().ToString();

  Result<JournalView> seen = ReadJournal(t.services(), priya, child.id, {});
  ASSERT_TRUE(seen.ok());
  std::vector<std::string> ids;
  for (const JournalEntryView& v : seen->items) ids.push_back(v.item.id);
  EXPECT_EQ(ids, (std::vector<std::string>{own->id, shared->id}));
  Entry fix = Note("Mother said nothing.");
  fix.correction_reason = "wrong";
  EXPECT_EQ(CorrectEntry(t.services(), priya, child.id, hidden->id, fix).status().code(),
            StatusCode::kNotFound);
  // Partners cannot change details, manage access or see who else has access.
  EXPECT_EQ(UpdateDetails(t.services(), priya, child.id, {.version = 1, .given_names = "Amy"}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(ListGrants(t.services(), priya, child.id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(ReadJournal(t.services(), sam, child.id, {})->items.size(), 6u);  // opened, grant, two notes, share, partner note
}

// GOV-06: a manager or auditor lists who looked at a record and what one user looked at;
// practitioners cannot, and reading the log is logged.
TEST_F(AccessTest, GOV06_AccessLogsForManagersAndAuditors) {
  ASSERT_TRUE(GetPersonRecord(t.services(), sam, child.id).ok());
  Result<AccessLogPage> page = RecordAccessLog(t.services(), maureen, child.id, "", 50);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  bool sam_read = false;
  for (const AccessEvent& e : page->events) sam_read |= e.user_id == sam.user.id && e.action == "record.read";
  EXPECT_TRUE(sam_read);
  EXPECT_TRUE(RecordAccessLog(t.services(), alex, child.id, "", 50).ok());
  EXPECT_EQ(RecordAccessLog(t.services(), sam, child.id, "", 50).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(RecordAccessLog(t.services(), other_manager, child.id, "", 50).status().code(),
            StatusCode::kPermissionDenied);
  Result<AccessLogPage> user = UserAccessLog(t.services(), maureen, sam.user.id, "", 50);
  ASSERT_TRUE(user.ok());
  for (const AccessEvent& e : user->events) EXPECT_EQ(e.user_id, sam.user.id);
  EXPECT_EQ(UserAccessLog(t.services(), other_manager, sam.user.id, "", 50).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(RecordLog().front().action, "access_log.read");
}

// A family member's record opens to those who may open a linked child's record.
TEST_F(AccessTest, SEC04_FamilyMemberThroughTheLinkedChild) {
  NewPerson p;
  p.details.given_names = "Dawn";
  p.details.family_name = "Clarke";
  Person mother = *CreatePerson(t.services(), sam, p)->created;
  EXPECT_TRUE(GetPersonRecord(t.services(), sam, mother.id).ok());
  EXPECT_EQ(GetPersonRecord(t.services(), maureen, mother.id).status().code(), StatusCode::kPermissionDenied);
  Relationship r{"", child.id, mother.id, RelationshipType::kParent, true, true, "mother", std::nullopt};
  ASSERT_TRUE(AddRelationship(t.services(), sam, r).ok());
  EXPECT_TRUE(GetPersonRecord(t.services(), maureen, mother.id).ok());
  EXPECT_EQ(GetPersonRecord(t.services(), jo, mother.id).status().code(), StatusCode::kPermissionDenied);
}

// The summary's allocated worker and team are read with the case record in one statement;
// whoever opens it (the worker, their manager, an auditor by role) sees them as stored, and a
// person with no case record shows none. Of the worker, only what a record shows is read: not
// their password's hash.
TEST_F(AccessTest, SEC04_SummaryShowsTheAllocatedWorkerAndTeamReadWithTheRecord) {
  for (const Actor* who : {&sam, &maureen, &alex, &rita}) {
    Result<PersonRecord> r = GetPersonRecord(t.services(), *who, child.id);
    ASSERT_TRUE(r.ok()) << who->user.username << ": " << r.status().ToString();
    ASSERT_TRUE(r->allocated_worker) << who->user.username;
    EXPECT_EQ(r->allocated_worker->id, sam.user.id);
    EXPECT_EQ(r->allocated_worker->full_name, sam.user.full_name);
    EXPECT_EQ(r->allocated_worker->post_title, sam.user.post_title);
    EXPECT_EQ(r->allocated_worker->role, Role::kPractitioner);
    EXPECT_EQ(r->allocated_worker->password_hash, "");
    EXPECT_EQ(r->allocated_team_name, "Assessment Team North");
    ASSERT_TRUE(r->case_record);
    EXPECT_EQ(r->case_record->allocated_worker_id, sam.user.id);
  }
  Actor south = t.AddActor("sol", Role::kPractitioner, "Assessment Team South");
  int64_t version = GetPersonRecord(t.services(), sam, child.id)->case_record->version;
  Result<CaseRecord> moved = AllocateCase(t.services(), maureen, child.id, south.user.id, version);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  Result<PersonRecord> after = GetPersonRecord(t.services(), alex, child.id);
  ASSERT_TRUE(after.ok());
  ASSERT_TRUE(after->allocated_worker);
  EXPECT_EQ(after->allocated_worker->id, south.user.id);
  EXPECT_EQ(after->allocated_team_name, "Assessment Team South");

  NewPerson p;
  p.details.given_names = "Dawn";
  p.details.family_name = "Clarke";
  Person mother = *CreatePerson(t.services(), sam, p)->created;
  Result<PersonRecord> adult = GetPersonRecord(t.services(), sam, mother.id);
  ASSERT_TRUE(adult.ok()) << adult.status().ToString();
  EXPECT_FALSE(adult->case_record);
  EXPECT_FALSE(adult->allocated_worker);
  EXPECT_EQ(adult->allocated_team_name, "");
}


// TIM-01: timescales run on a child's case record; recording an event on a family member who
// has none is refused as a conflict, saying why, and starts no clock.
TEST_F(AccessTest, TIM01_EventsNeedACaseRecord) {
  NewPerson p;
  p.details.given_names = "Dawn";
  p.details.family_name = "Clarke";
  Person mother = *CreatePerson(t.services(), sam, p)->created;
  Result<EventOutcome> out = RecordTimescaleEvent(t.services(), sam, mother.id, {"referral_received", InDays(0), ""});
  EXPECT_EQ(out.status().code(), StatusCode::kConflict) << out.status().ToString();
  EXPECT_TRUE(RecordTimescaleEvent(t.services(), sam, child.id, {"referral_received", InDays(0), ""}).ok());
}

}  // namespace
}  // namespace casework::app
