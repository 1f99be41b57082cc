#include "app/information_sharing.h"

#include <gtest/gtest.h>

#include "app/entries.h"
#include "app/persons.h"
#include "app/record_access_management.h"
#include "core/journal_kinds.h"
#include "store/access_log_repo.h"
#include "app/access_log_reading.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;

class InformationSharingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    NewPerson p;
    p.details.given_names = "Amelia";
    p.details.family_name = "Clarke";
    p.open_case_record = true;
    child = *CreatePerson(t.services(), sam, p)->created;
  }

  Date DaysAgo(int n) { return Date{date::sys_days{LondonDate(t.clock().Now())} - date::days{n}}; }

  NewConsent Decision(ConsentDecision decision, int days_ago) {
    return {"Sharing with the school nurse for a health assessment", decision, DaysAgo(days_ago),
            "Kerry Clarke, mother, with parental responsibility", ""};
  }

  NewDisclosure ToSchoolNurse() {
    NewDisclosure d;
    d.information = "Amelia's weight and the dates of missed health appointments";
    d.recipient = "Ruth Adams, school nurse";
    d.recipient_agency = "Community Health";
    d.disclosed_on = DaysAgo(0);
    d.purpose = "sharing with the school nurse for a health assessment";  // case and spacing differ
    return d;
  }

  NewDisclosure ToPoliceWithoutConsent() {
    NewDisclosure d = ToSchoolNurse();
    d.recipient = "DC Hale";
    d.recipient_agency = "Police Public Protection";
    d.purpose = "Strategy discussion about bruising";
    d.basis = LawfulBasis::kSignificantHarm;
    d.necessary = "The police must know to plan a joint investigation.";
    d.proportionate = "Only the findings of the visit, to the investigating officer.";
    d.decided_by = "Maureen Hughes, Team Manager";
    return d;
  }

  std::vector<std::string> JournalKinds() {
    std::vector<std::string> out;
    Result<JournalView> journal = ReadJournal(t.services(), sam, child.id, {});
    for (const JournalEntryView& v : journal->items) out.push_back(v.item.kind);
    return out;
  }

  TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  Actor jo = t.AddActor("jo", Role::kPractitioner);
  Actor maureen = t.AddActor("maureen", Role::kTeamManager);
  Actor priya = t.AddActor("priya", Role::kPartnerPractitioner, "Police Public Protection");
  Actor alex = t.AddActor("alex", Role::kAuditor, "Audit");
  Person child;
};

// SHR-01: consent is recorded per purpose as given, refused or withdrawn, with the date and who
// recorded it; the latest decision is in force, and every decision stays in the history and
// in the journal.
TEST_F(InformationSharingTest, SHR01_ConsentGivenThenWithdrawnKeepsHistory) {
  Result<Consent> given = RecordConsent(t.services(), sam, child.id, Decision(ConsentDecision::kGiven, 10));
  ASSERT_TRUE(given.ok()) << given.status().ToString();
  EXPECT_EQ(given->recorded_by_name, sam.user.full_name);
  EXPECT_EQ(given->recorded_at, t.clock().Now());
  NewConsent refused_gp = Decision(ConsentDecision::kRefused, 5);
  refused_gp.purpose = "Sharing with the GP";
  ASSERT_TRUE(RecordConsent(t.services(), sam, child.id, refused_gp).ok());
  ASSERT_TRUE(RecordConsent(t.services(), maureen, child.id, Decision(ConsentDecision::kWithdrawn, 1)).ok());

  Result<InformationSharing> read = ReadInformationSharing(t.services(), sam, child.id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->history.size(), 3u);
  ASSERT_EQ(read->in_force.size(), 2u);
  EXPECT_EQ(read->in_force[0].decision, ConsentDecision::kRefused);
  EXPECT_EQ(read->in_force[1].decision, ConsentDecision::kWithdrawn);
  EXPECT_EQ(read->in_force[1].recorded_by_name, maureen.user.full_name);
  EXPECT_EQ(JournalKinds()[0], kinds::kConsentRecorded);

  // Nothing is saved from bad input or by someone with no relationship to the child.
  NewConsent future = Decision(ConsentDecision::kGiven, -1);
  EXPECT_EQ(RecordConsent(t.services(), sam, child.id, future).status().field(), "decided_on");
  EXPECT_EQ(RecordConsent(t.services(), jo, child.id, Decision(ConsentDecision::kGiven, 0)).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(ReadInformationSharing(t.services(), sam, child.id)->history.size(), 3u);
}

// SHR-02: a disclosure rests on consent only while it is given for that purpose; after it is
// withdrawn, sharing needs the justification for sharing without consent and who decided.
TEST_F(InformationSharingTest, SHR02_SharingWithoutConsentNeedsJustification) {
  EXPECT_EQ(RecordDisclosure(t.services(), sam, child.id, ToSchoolNurse()).status().field(), "lawful_basis");
  Result<Consent> given = RecordConsent(t.services(), sam, child.id, Decision(ConsentDecision::kGiven, 10));
  Result<Disclosure> on_consent = RecordDisclosure(t.services(), sam, child.id, ToSchoolNurse());
  ASSERT_TRUE(on_consent.ok()) << on_consent.status().ToString();
  EXPECT_EQ(on_consent->consent_id, given->id);

  ASSERT_TRUE(RecordConsent(t.services(), sam, child.id, Decision(ConsentDecision::kWithdrawn, 0)).ok());
  Status refused = RecordDisclosure(t.services(), sam, child.id, ToSchoolNurse()).status();
  EXPECT_EQ(refused.field(), "lawful_basis");
  EXPECT_NE(refused.message().find("withdrawn"), std::string::npos);

  NewDisclosure unjustified = ToPoliceWithoutConsent();
  unjustified.proportionate = "";
  EXPECT_EQ(RecordDisclosure(t.services(), sam, child.id, unjustified).status().field(), "proportionate");
  Result<Disclosure> justified = RecordDisclosure(t.services(), sam, child.id, ToPoliceWithoutConsent());
  ASSERT_TRUE(justified.ok()) << justified.status().ToString();
  EXPECT_EQ(justified->decided_by, "Maureen Hughes, Team Manager");
  EXPECT_TRUE(justified->consent_id.empty());
  EXPECT_EQ(ReadInformationSharing(t.services(), sam, child.id)->disclosures.size(), 2u);
}

// SHR-03: every disclosure is logged with what, to whom, when, why and the lawful basis, in
// the journal too, and reported per child to those who may read the record; partners and
// colleagues with no relationship are refused, and each read is in the access log.
TEST_F(InformationSharingTest, SHR03_DisclosuresLoggedAndReportedPerChild) {
  ASSERT_TRUE(RecordDisclosure(t.services(), sam, child.id, ToPoliceWithoutConsent()).ok());
  Result<InformationSharing> audit = ReadInformationSharing(t.services(), alex, child.id);
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  ASSERT_EQ(audit->disclosures.size(), 1u);
  const Disclosure& d = audit->disclosures[0];
  EXPECT_EQ(d.information, ToPoliceWithoutConsent().information);
  EXPECT_EQ(d.recipient, "DC Hale");
  EXPECT_EQ(d.recipient_agency, "Police Public Protection");
  EXPECT_EQ(FormatDate(d.disclosed_on), FormatDate(DaysAgo(0)));
  EXPECT_EQ(d.purpose, "Strategy discussion about bruising");
  EXPECT_EQ(d.basis, LawfulBasis::kSignificantHarm);
  EXPECT_EQ(d.recorded_by_name, sam.user.full_name);
  EXPECT_EQ(JournalKinds()[0], kinds::kInformationDisclosed);

  EXPECT_EQ(ReadInformationSharing(t.services(), jo, child.id).status().code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(GrantAccess(t.services(), sam, child.id,
                          {priya.user.id, "joint investigation", Date{date::sys_days{DaysAgo(0)} + date::days{30}}})
                  .ok());
  EXPECT_EQ(ReadInformationSharing(t.services(), priya, child.id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(RecordDisclosure(t.services(), priya, child.id, ToPoliceWithoutConsent()).status().code(),
            StatusCode::kPermissionDenied);

  int reads = 0;
  store::AccessQuery q;
  q.record_id = child.id;
  std::vector<AccessEvent> log = *ReadAccessLog(t.services(), q);
  for (const AccessEvent& e : log) {
    if (e.detail == "read consent and disclosures" && e.user_id == alex.user.id) ++reads;
  }
  EXPECT_EQ(reads, 1);
}

}  // namespace
}  // namespace casework::app
