#include "core/entry_rules.h"

#include <gtest/gtest.h>

namespace casework {
namespace {

using namespace std::chrono_literals;

Timestamp Now() { return *ParseTimestamp("2026-11-23T12:00:00Z", "now"); }

Entry Note() {
  Entry e;
  e.type = EntryType::kCaseNote;
  e.occurred_at = Now() - 2h;
  e.text = "Telephone call from school.";
  e.classification = Classification::kFact;
  return e;
}

Entry Visit() {
  Entry e = Note();
  e.type = EntryType::kVisit;
  e.visit = VisitDetails{true, true, "", ""};
  e.wishes_and_feelings = "I want to stay with my nan.";
  return e;
}

Entry Decision() {
  Entry e = Note();
  e.type = EntryType::kDecision;
  e.classification = Classification::kDecision;
  e.decision = DecisionDetails{"Maureen Hughes", "Team Manager", "Risk has reduced.", *ParseDate("2027-02-01", "d")};
  e.wishes_not_obtained_reason = "Baby, four months old.";
  return e;
}

TEST(EntryRules, AcceptsCompleteEntries) {
  EXPECT_TRUE(CheckEntry(Note(), Now()).ok());
  EXPECT_TRUE(CheckEntry(Visit(), Now()).ok());
  EXPECT_TRUE(CheckEntry(Decision(), Now()).ok());
}

// ENT-01: the event time comes from the user but cannot be in the future.
TEST(EntryRules, ENT01_RefusesEventsInTheFuture) {
  Entry e = Note();
  e.occurred_at = Now() + 1h;
  EXPECT_EQ(CheckEntry(e, Now()).field(), "occurred_at");
  e.occurred_at = Now() + 2min;  // a device clock slightly fast is tolerated
  EXPECT_TRUE(CheckEntry(e, Now()).ok());
}

// ENT-02: late is decided against the partnership's window, at the boundary exactly.
TEST(EntryRules, ENT02_LateOnlyBeyondTheWindow) {
  Timestamp event = Now();
  EXPECT_FALSE(IsLateEntry(event, event + 24h, 24h));
  EXPECT_TRUE(IsLateEntry(event, event + 24h + 1s, 24h));
  EXPECT_FALSE(IsLateEntry(event, event + 5min, 24h));
}

// ENT-03: third-party information must name its source.
TEST(EntryRules, ENT03_ThirdPartyNeedsASource) {
  Entry e = Note();
  e.source.first_hand = false;
  EXPECT_EQ(CheckEntry(e, Now()).field(), "source.name");
  e.source.name = "Mrs Khan, neighbour";
  EXPECT_TRUE(CheckEntry(e, Now()).ok());
}

// ENT-04: an entry written for someone else names who gave the information.
TEST(EntryRules, ENT04_ProvidedByNeedsAName) {
  Entry e = Note();
  e.provided_by = ProvidedBy{"", "Health Visitor", ""};
  EXPECT_EQ(CheckEntry(e, Now()).field(), "provided_by.name");
}

// ENT-05: decisions record who decided, why, the child's wishes, and a later review date.
TEST(EntryRules, ENT05_DecisionsNeedDeciderReasonsWishesAndReview) {
  Entry e = Decision();
  e.decision->reasons = "  ";
  EXPECT_EQ(CheckEntry(e, Now()).field(), "decision.reasons");
  e = Decision();
  e.decision->decided_by_post_title.clear();
  EXPECT_EQ(CheckEntry(e, Now()).field(), "decision.decided_by_post_title");
  e = Decision();
  e.wishes_not_obtained_reason.clear();
  EXPECT_EQ(CheckEntry(e, Now()).field(), "wishes_and_feelings");
  e = Decision();
  e.decision->review_date = LondonDate(e.occurred_at);
  EXPECT_EQ(CheckEntry(e, Now()).field(), "decision.review_date");
  e = Decision();
  e.decision.reset();
  EXPECT_EQ(CheckEntry(e, Now()).field(), "decision");
}

// ENT-06: a correction must say why.
TEST(EntryRules, ENT06_CorrectionsNeedAReason) {
  Entry e = Note();
  e.corrects_id = "01J0000000000000000000000A";
  EXPECT_EQ(CheckEntry(e, Now()).field(), "correction_reason");
  e.correction_reason = "Wrong school named.";
  EXPECT_TRUE(CheckEntry(e, Now()).ok());
}

// ENT-07: contacts list who took part and who is responsible for each action, by when.
TEST(EntryRules, ENT07_ContactsNeedParticipantsAndOwnedActions) {
  Entry e = Note();
  e.type = EntryType::kContact;
  e.contact = ContactDetails{};
  EXPECT_EQ(CheckEntry(e, Now()).field(), "contact.participants");
  e.contact->participants.push_back({"Ms Begum", "class teacher", "Moor Lane Primary"});
  e.contact->actions.push_back({"Share attendance data", "", *ParseDate("2026-11-30", "d")});
  EXPECT_EQ(CheckEntry(e, Now()).field(), "contact.actions[0].responsible");
  e.contact->actions[0].responsible = "Ms Begum";
  e.contact->actions[0].due = *ParseDate("2026-11-01", "d");
  EXPECT_EQ(CheckEntry(e, Now()).field(), "contact.actions[0].due");
  e.contact->actions[0].due = *ParseDate("2026-11-30", "d");
  EXPECT_TRUE(CheckEntry(e, Now()).ok());
}

// ENT-08: visits say whether the child was seen (and alone), and the child's wishes.
TEST(EntryRules, ENT08_VisitsRecordSeenAloneAndWishes) {
  Entry e = Visit();
  e.visit->child_seen = false;
  EXPECT_EQ(CheckEntry(e, Now()).field(), "visit.seen_alone");
  e.visit->seen_alone = false;
  EXPECT_EQ(CheckEntry(e, Now()).field(), "visit.not_seen_reason");
  e.visit->not_seen_reason = "At nursery.";
  EXPECT_TRUE(CheckEntry(e, Now()).ok());
  e = Visit();
  e.wishes_and_feelings.clear();
  EXPECT_EQ(CheckEntry(e, Now()).field(), "wishes_and_feelings");
}

TEST(EntryRules, PartsBelongOnlyToTheirType) {
  Entry e = Note();
  e.visit = VisitDetails{true, true, "", ""};
  EXPECT_EQ(CheckEntry(e, Now()).field(), "visit");
}

}  // namespace
}  // namespace casework
