#include "app/timescales.h"

#include <gtest/gtest.h>

#include <set>

#include "app/entries.h"
#include "app/persons.h"
#include "app/record_access_management.h"
#include "app/verify.h"
#include "core/journal_kinds.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;

Date D(const char* text) { return *ParseDate(text, "d"); }

// The test clock stands at Monday 23 November 2026, 10:00 UTC; every event below is dated on or
// before it, so nothing depends on the day the tests run.
class TimescalesTest : public ::testing::Test {
 protected:
  void SetUp() override { child = NewChild("Clarke"); }

  std::string NewChild(const std::string& family) {
    NewPerson p;
    p.details.given_names = "Amelia";
    p.details.family_name = family;
    p.open_case_record = true;
    return CreatePerson(t.services(), sam, p)->created->id;
  }

  EventOutcome Record(const std::string& event, const char* on, const std::string& person = "") {
    Result<EventOutcome> out = RecordTimescaleEvent(t.services(), sam, person.empty() ? child : person, {event, D(on), ""});
    EXPECT_TRUE(out.ok()) << event << ": " << out.status().ToString();
    return out.ok() ? *out : EventOutcome{};
  }

  // The one clock of this timescale among those listed.
  static const RecordClock* Find(const std::vector<RecordClock>& clocks, const std::string& key) {
    for (const RecordClock& k : clocks) {
      if (k.definition == key) return &k;
    }
    return nullptr;
  }
  static std::string DueOf(const std::vector<RecordClock>& clocks, const std::string& key) {
    const RecordClock* k = Find(clocks, key);
    return k ? FormatDate(k->statutory_due) : "(not there)";
  }

  std::vector<RecordClock> Clocks() {
    std::vector<RecordClock> out;
    Result<std::vector<ClockView>> views = ListRecordClocks(t.services(), sam, child);
    EXPECT_TRUE(views.ok()) << views.status().ToString();
    if (views.ok()) {
      for (const ClockView& v : *views) out.push_back(v.clock);
    }
    return out;
  }
  std::vector<RecordClock> OpenClocks() {
    std::vector<RecordClock> out;
    for (RecordClock& k : Clocks()) {
      if (k.status == ClockStatus::kOpen) out.push_back(k);
    }
    return out;
  }

  // The kinds of the record's journal items, oldest first.
  std::vector<std::string> JournalKinds() {
    JournalQuery q;
    q.limit = 500;
    std::vector<std::string> out;
    Result<JournalView> journal = ReadJournal(t.services(), sam, child, q);
    EXPECT_TRUE(journal.ok()) << journal.status().ToString();
    if (journal.ok()) {
      for (const JournalEntryView& v : journal->items) out.insert(out.begin(), v.item.kind);
    }
    return out;
  }

  TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  Actor maureen = t.AddActor("maureen", Role::kTeamManager);
  Actor other_manager = t.AddActor("owen", Role::kTeamManager, "Child Protection Team East");
  Actor jo = t.AddActor("jo", Role::kPractitioner, "Child Protection Team East");
  Actor rita = t.AddActor("rita", Role::kRecordsOfficer, "");
  std::string child;
};

// TIM-01, TIM-02: each default clock's due date follows the counting rule across weekends,
// bank holidays and the year end.
TEST_F(TimescalesTest, TIM01_TIM02_ReferralClocksAcrossWeekendsHolidaysAndYearEnd) {
  // Christmas Eve 2025: 25 and 26 December are holidays, then the weekend.
  EventOutcome christmas = Record("referral_received", "2025-12-24");
  EXPECT_EQ(DueOf(christmas.started, "referral_decision"), "2025-12-29");
  EXPECT_EQ(DueOf(christmas.started, "child_and_family_assessment"), "2026-03-02");

  // A referral on a Saturday is due on the Monday; one on a Friday before the spring bank
  // holiday on the Tuesday.
  EventOutcome saturday = Record("referral_received", "2026-11-21", NewChild("Nowak"));
  EXPECT_EQ(DueOf(saturday.started, "referral_decision"), "2026-11-23");
  EventOutcome spring = Record("significant_harm_suspected", "2026-05-22", NewChild("Patel"));
  EXPECT_EQ(DueOf(spring.started, "strategy_discussion"), "2026-05-26");

  // Birth registration counts calendar days, weekends and all.
  EventOutcome born = Record("birth", "2026-11-01", NewChild("Baby"));
  EXPECT_EQ(DueOf(born.started, "birth_registration"), "2026-12-13");
}

// TIM-03: the stopping event meets the clock; a start while it runs leaves it running from its
// first start; an event the timescales do not list, or a future date, is refused.
TEST_F(TimescalesTest, TIM03_StoppingEventMeetsTheClock) {
  Record("referral_received", "2026-11-19");
  EventOutcome again = Record("referral_received", "2026-11-20");
  EXPECT_TRUE(again.started.empty());
  EventOutcome decided = Record("referral_decision", "2026-11-20");
  ASSERT_EQ(decided.stopped.size(), 1u);
  EXPECT_EQ(decided.stopped[0].status, ClockStatus::kMet);
  EXPECT_EQ(FormatDate(*decided.stopped[0].stopped_on), "2026-11-20");
  EXPECT_EQ(FormatDate(decided.stopped[0].started_on), "2026-11-19");
  EXPECT_FALSE(decided.stopped[0].LateAgainstStatutory(D("2026-11-23")));
  ASSERT_EQ(OpenClocks().size(), 1u);
  EXPECT_EQ(OpenClocks()[0].definition, "child_and_family_assessment");

  // Meeting a clock before it started is refused, and nothing is written.
  Record("significant_harm_suspected", "2026-11-18");
  size_t items = JournalKinds().size();
  Result<EventOutcome> early =
      RecordTimescaleEvent(t.services(), sam, child, {"strategy_discussion", D("2026-11-17"), ""});
  EXPECT_EQ(early.status().field(), "occurred_on");
  EXPECT_NE(early.status().message().find("started, on 2026-11-18"), std::string::npos) << early.status().message();
  EXPECT_EQ(JournalKinds().size(), items);

  Result<EventOutcome> unknown = RecordTimescaleEvent(t.services(), sam, child, {"tea_break", D("2026-11-20"), ""});
  EXPECT_EQ(unknown.status().field(), "event");
  Result<EventOutcome> future =
      RecordTimescaleEvent(t.services(), sam, child, {"referral_decision", D("2026-11-24"), ""});
  EXPECT_EQ(future.status().field(), "occurred_on");
  // Someone with no right to write to the record cannot start its clocks.
  Result<EventOutcome> stranger =
      RecordTimescaleEvent(t.services(), jo, child, {"referral_received", D("2026-11-20"), ""});
  EXPECT_EQ(stranger.status().code(), StatusCode::kPermissionDenied);
}

// TIM-01: the initial conference counts from the last strategy discussion when several are held.
TEST_F(TimescalesTest, TIM01_InitialConferenceFromTheLastStrategyDiscussion) {
  EventOutcome suspected = Record("significant_harm_suspected", "2026-10-01");
  EXPECT_EQ(DueOf(suspected.started, "strategy_discussion"), "2026-10-02");
  EventOutcome held = Record("strategy_discussion", "2026-10-02");
  EXPECT_EQ(held.stopped.size(), 1u);
  EventOutcome enquiry = Record("section_47_started", "2026-10-02");
  EXPECT_EQ(DueOf(enquiry.started, "initial_conference"), "2026-10-23");

  // A second strategy discussion restarts it: 15 working days from 12 October.
  EventOutcome second = Record("strategy_discussion", "2026-10-12");
  EXPECT_EQ(DueOf(second.ended, "initial_conference"), "2026-10-23");
  EXPECT_EQ(DueOf(second.started, "initial_conference"), "2026-11-02");
  // One recorded late, dated before the running clock's start, changes nothing.
  EventOutcome earlier = Record("strategy_discussion", "2026-10-05");
  EXPECT_TRUE(earlier.started.empty());
  EXPECT_TRUE(earlier.ended.empty());
  std::vector<RecordClock> open = OpenClocks();
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(FormatDate(open[0].statutory_due), "2026-11-02");

  EventOutcome conference = Record("initial_conference", "2026-10-30");
  ASSERT_EQ(conference.stopped.size(), 1u);
  EXPECT_FALSE(conference.stopped[0].LateAgainstStatutory(D("2026-11-23")));
}

// TIM-01: repeating clocks restart from the event that met them, through `then`, with
// calendar months clamped to the end of a shorter month; the plan ending stops every repeat.
TEST_F(TimescalesTest, TIM01_RepeatingChildProtectionClocks) {
  EventOutcome plan = Record("child_protection_plan_started", "2025-05-30");
  EXPECT_EQ(DueOf(plan.started, "core_group"), "2025-06-13");           // 10 working days
  EXPECT_EQ(DueOf(plan.started, "review_conference"), "2025-08-30");    // 3 months
  EXPECT_EQ(DueOf(plan.started, "child_protection_visit"), "2025-06-13");

  // Met early: the next one counts from the meeting, not from the old due date.
  EventOutcome group = Record("core_group", "2025-06-05");
  EXPECT_EQ(DueOf(group.stopped, "core_group"), "2025-06-13");
  ASSERT_NE(Find(group.started, "core_group"), nullptr);
  EXPECT_EQ(DueOf(group.started, "core_group"), "2025-07-17");  // then: 6 weeks
  EXPECT_EQ(Find(group.started, "core_group")->occurrence, 1);
  EventOutcome visit = Record("child_protection_visit", "2025-06-02");
  EXPECT_EQ(DueOf(visit.started, "child_protection_visit"), "2025-06-16");  // every 10 working days

  // Review held on 31 August: six months later is 28 February (2026 is not a leap year).
  EventOutcome review = Record("review_conference", "2025-08-31");
  EXPECT_TRUE(review.stopped.at(0).LateAgainstStatutory(D("2026-11-23")));  // due 30 August
  EXPECT_EQ(DueOf(review.started, "review_conference"), "2026-02-28");
  EventOutcome next = Record("review_conference", "2026-02-27");
  EXPECT_EQ(DueOf(next.started, "review_conference"), "2026-08-27");
  EXPECT_EQ(Find(next.started, "review_conference")->occurrence, 2);

  EventOutcome ended = Record("child_protection_plan_ended", "2026-06-01");
  EXPECT_EQ(ended.ended.size(), 3u);
  EXPECT_TRUE(ended.started.empty());
  EXPECT_TRUE(OpenClocks().empty());
}

// TIM-01: months land on the leap day in a leap year.
TEST_F(TimescalesTest, TIM01_MonthsClampToTheLeapDay) {
  EventOutcome plan = Record("child_protection_plan_started", "2023-11-30");
  EXPECT_EQ(DueOf(plan.started, "review_conference"), "2024-02-29");
}

// TIM-01: looked-after reviews at 20 working days, then 3 months, then every 6 months.
TEST_F(TimescalesTest, TIM01_LookedAfterReviews) {
  EventOutcome looked_after = Record("became_looked_after", "2025-12-01");
  EXPECT_EQ(DueOf(looked_after.started, "looked_after_review"), "2025-12-31");  // Christmas skipped
  EventOutcome first = Record("looked_after_review", "2025-12-31");
  EXPECT_EQ(DueOf(first.started, "looked_after_review"), "2026-03-31");
  EventOutcome second = Record("looked_after_review", "2026-03-31");
  EXPECT_EQ(DueOf(second.started, "looked_after_review"), "2026-09-30");
  EventOutcome third = Record("looked_after_review", "2026-09-30");
  EXPECT_EQ(DueOf(third.started, "looked_after_review"), "2027-03-30");
  EventOutcome left = Record("ceased_looked_after", "2026-11-02");
  EXPECT_EQ(DueOf(left.ended, "looked_after_review"), "2027-03-30");
  EXPECT_TRUE(OpenClocks().empty());
}

// TIM-01: statutory visits within a week of placement, then every 6 weeks; in a long-term
// placement every 3 months once the first year is over.
TEST_F(TimescalesTest, TIM01_LookedAfterVisits) {
  EventOutcome placed = Record("placement_started", "2025-09-01");
  EXPECT_EQ(DueOf(placed.started, "looked_after_visit"), "2025-09-08");
  EventOutcome visit = Record("statutory_visit", "2025-09-05");
  EXPECT_EQ(DueOf(visit.started, "looked_after_visit"), "2025-10-17");

  // Approved as long-term: the ordinary visits end, the long-term series begins.
  EventOutcome long_term = Record("long_term_placement_started", "2025-10-01");
  EXPECT_EQ(DueOf(long_term.ended, "looked_after_visit"), "2025-10-17");
  EXPECT_EQ(DueOf(long_term.started, "looked_after_visit_long_term"), "2025-10-08");
  EventOutcome v1 = Record("statutory_visit", "2025-10-08");
  EXPECT_EQ(DueOf(v1.started, "looked_after_visit_long_term"), "2025-11-19");  // 6 weeks in the first year
  EventOutcome v2 = Record("statutory_visit", "2026-09-30");
  EXPECT_EQ(DueOf(v2.started, "looked_after_visit_long_term"), "2026-11-11");  // still the first year
  EventOutcome v3 = Record("statutory_visit", "2026-10-01");
  EXPECT_EQ(DueOf(v3.started, "looked_after_visit_long_term"), "2027-01-01");  // a year on: 3 months
  ASSERT_EQ(OpenClocks().size(), 1u);

  // A placement not approved as long-term stays at 6 weeks after the first year.
  std::string other = NewChild("Nowak");
  Record("placement_started", "2025-06-02", other);
  Record("statutory_visit", "2025-06-06", other);
  EventOutcome later = Record("statutory_visit", "2026-06-10", other);
  EXPECT_EQ(DueOf(later.started, "looked_after_visit"), "2026-07-22");
}

// TIM-03: a shorter timescale needs a reason and an earlier date within the clock's life; the
// earlier date then governs and the statutory date is kept.
TEST_F(TimescalesTest, TIM03_ShorterTimescaleGoverns) {
  EventOutcome referral = Record("referral_received", "2026-11-20");
  const RecordClock& assessment = *Find(referral.started, "child_and_family_assessment");
  ASSERT_EQ(FormatDate(assessment.statutory_due), "2027-01-27");

  EXPECT_EQ(ShortenClock(t.services(), sam, assessment.id, D("2026-12-04"), "").status().field(), "reason");
  Result<ClockView> later = ShortenClock(t.services(), sam, assessment.id, D("2027-01-28"), "Court hearing");
  EXPECT_EQ(later.status().field(), "due");
  EXPECT_NE(later.status().message().find("2027-01-27"), std::string::npos) << later.status().message();
  EXPECT_EQ(ShortenClock(t.services(), sam, assessment.id, D("2026-11-19"), "Court").status().field(), "due");
  EXPECT_EQ(ShortenClock(t.services(), jo, assessment.id, D("2026-12-04"), "Court").status().code(),
            StatusCode::kPermissionDenied);

  Result<ClockView> shorter =
      ShortenClock(t.services(), sam, assessment.id, D("2026-12-04"), "Sibling at risk: finish before the hearing.");
  ASSERT_TRUE(shorter.ok()) << shorter.status().ToString();
  EXPECT_EQ(FormatDate(shorter->clock.Due()), "2026-12-04");
  EXPECT_EQ(FormatDate(shorter->clock.statutory_due), "2027-01-27");
  EXPECT_EQ(shorter->clock.shortened_reason, "Sibling at risk: finish before the hearing.");
  // A manager may shorten it again.
  Result<ClockView> again = ShortenClock(t.services(), maureen, assessment.id, D("2026-12-01"), "Hearing moved");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(FormatDate(again->clock.Due()), "2026-12-01");
  // Overdue against the shorter date.
  EXPECT_EQ(again->clock.DaysOverdue(D("2026-12-03")), 2);
}

// TIM-04: an extension is refused until every named agency's manager is consulted, and then
// only a manager of the allocated team may authorise it; each refusal says what is missing.
TEST_F(TimescalesTest, TIM04_ExtensionNeedsConsultationAndTheAllocatedTeamsManager) {
  EventOutcome referral = Record("referral_received", "2026-11-12");
  std::string clock = Find(referral.started, "referral_decision")->id;  // due 13 November

  EXPECT_EQ(RequestExtension(t.services(), sam, clock, "", D("2026-11-30"), {"Police"}).status().field(), "reason");
  EXPECT_EQ(RequestExtension(t.services(), sam, clock, "Checks", D("2026-11-30"), {}).status().field(), "agencies");
  EXPECT_EQ(RequestExtension(t.services(), sam, clock, "Checks", D("2026-11-13"), {"Police"}).status().field(),
            "proposed_due");
  ASSERT_TRUE(
      RequestExtension(t.services(), sam, clock, "Police checks outstanding", D("2026-11-30"), {"Police", "Health"})
          .ok());
  EXPECT_EQ(RequestExtension(t.services(), sam, clock, "Again", D("2026-12-30"), {"Police"}).status().code(),
            StatusCode::kConflict);

  // Nobody may authorise before the consultations: the manager is told which are missing.
  Result<ClockView> early = DecideExtension(t.services(), maureen, clock, true, "Agreed");
  EXPECT_EQ(early.status().code(), StatusCode::kConflict);
  EXPECT_EQ(early.status().field(), "consultations");
  EXPECT_NE(early.status().message().find("Police and Health"), std::string::npos) << early.status().message();

  Consultation police{"", "Police", "DS Amy Clarke", t.clock().Now(), "Checks back on 27 November.", "", {}};
  Consultation wrong = police;
  wrong.agency = "Education";
  EXPECT_EQ(RecordConsultation(t.services(), sam, clock, wrong).status().field(), "agency");
  Consultation nameless = police;
  nameless.manager_name = "";
  EXPECT_EQ(RecordConsultation(t.services(), sam, clock, nameless).status().field(), "manager_name");
  Result<ClockView> consulted = RecordConsultation(t.services(), sam, clock, police);
  ASSERT_TRUE(consulted.ok()) << consulted.status().ToString();
  EXPECT_EQ(consulted->extensions.at(0).AgenciesNotConsulted(), std::vector<std::string>{"Health"});
  Result<ClockView> half = DecideExtension(t.services(), maureen, clock, true, "Agreed");
  EXPECT_EQ(half.status().field(), "consultations");
  EXPECT_NE(half.status().message().find("Health"), std::string::npos);
  EXPECT_EQ(half.status().message().find("Police"), std::string::npos) << half.status().message();

  Consultation health{"", "Health", "Nadia Shah, named nurse", t.clock().Now(), "No objection.", "", {}};
  ASSERT_TRUE(RecordConsultation(t.services(), sam, clock, health).ok());

  // Consulted in full, still only a manager of the allocated team may decide.
  for (const Actor* who : {&sam, &other_manager, &rita}) {
    Result<ClockView> refused = DecideExtension(t.services(), *who, clock, true, "Agreed");
    EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied) << who->user.username;
    EXPECT_FALSE(refused.status().message().empty());
  }
  Result<ClockView> sam_refused = DecideExtension(t.services(), sam, clock, true, "Agreed");
  EXPECT_NE(sam_refused.status().message().find("team manager of the team the child's record is allocated to"),
            std::string::npos)
      << sam_refused.status().message();
  EXPECT_EQ(DecideExtension(t.services(), maureen, clock, true, "").status().field(), "reason");

  Result<ClockView> authorised =
      DecideExtension(t.services(), maureen, clock, true, "Consulted police and health; checks needed.");
  ASSERT_TRUE(authorised.ok()) << authorised.status().ToString();
  const RecordClock& k = authorised->clock;
  EXPECT_EQ(FormatDate(k.Due()), "2026-11-30");
  EXPECT_EQ(FormatDate(*k.extended_due), "2026-11-30");
  EXPECT_EQ(FormatDate(k.statutory_due), "2026-11-13");
  EXPECT_EQ(authorised->extensions.at(0).status, ExtensionStatus::kAuthorised);
  EXPECT_EQ(authorised->extensions.at(0).decided_by, maureen.user.id);

  // Not overdue against the extended date, but late against the statutory one, open or met.
  EXPECT_EQ(k.DaysOverdue(D("2026-11-23")), 0);
  EXPECT_TRUE(k.LateAgainstStatutory(D("2026-11-23")));
  EventOutcome decided = Record("referral_decision", "2026-11-23");
  ASSERT_EQ(decided.stopped.size(), 1u);
  EXPECT_TRUE(decided.stopped[0].LateAgainstStatutory(D("2026-11-23")));
  EXPECT_EQ(DecideExtension(t.services(), maureen, clock, true, "Agreed").status().code(), StatusCode::kConflict);
}

// TIM-04: a declined request leaves the due date as it was; a later request can be made.
TEST_F(TimescalesTest, TIM04_DeclinedExtensionKeepsTheDate) {
  EventOutcome referral = Record("referral_received", "2026-11-20");
  std::string clock = Find(referral.started, "child_and_family_assessment")->id;
  ASSERT_TRUE(RequestExtension(t.services(), sam, clock, "Awaiting school", D("2027-02-10"), {"Education"}).ok());
  // Declining needs no consultation, but still the right manager.
  EXPECT_EQ(DecideExtension(t.services(), other_manager, clock, false, "No").status().code(),
            StatusCode::kPermissionDenied);
  Result<ClockView> declined = DecideExtension(t.services(), maureen, clock, false, "Finish on time.");
  ASSERT_TRUE(declined.ok()) << declined.status().ToString();
  EXPECT_EQ(FormatDate(declined->clock.Due()), "2027-01-27");
  EXPECT_FALSE(declined->clock.extended_due.has_value());
  EXPECT_EQ(declined->extensions.at(0).status, ExtensionStatus::kDeclined);
  EXPECT_TRUE(RequestExtension(t.services(), sam, clock, "School replied", D("2027-02-03"), {"Education"}).ok());
}

// TIM-03, TIM-04: every event, start, stop, end, shorter timescale, request, consultation and
// decision is a journal item on the child's record, and the chain stays intact.
TEST_F(TimescalesTest, TIM03_TIM04_EveryChangeIsAJournalItem) {
  EventOutcome referral = Record("referral_received", "2026-11-12");
  std::string decision = Find(referral.started, "referral_decision")->id;
  std::string assessment = Find(referral.started, "child_and_family_assessment")->id;
  ASSERT_TRUE(ShortenClock(t.services(), sam, assessment, D("2026-12-10"), "Welfare").ok());
  ASSERT_TRUE(RequestExtension(t.services(), sam, decision, "Checks", D("2026-11-27"), {"Police"}).ok());
  ASSERT_TRUE(RecordConsultation(t.services(), sam, decision, {"", "Police", "DS Clarke", t.clock().Now(), "Yes", "", {}})
                  .ok());
  ASSERT_TRUE(DecideExtension(t.services(), maureen, decision, true, "Agreed").ok());
  ASSERT_TRUE(RequestExtension(t.services(), sam, assessment, "More", D("2027-02-01"), {"Health"}).ok());
  ASSERT_TRUE(DecideExtension(t.services(), maureen, assessment, false, "No").ok());
  Record("referral_decision", "2026-11-20");
  Record("significant_harm_suspected", "2026-11-20");
  Record("section_47_started", "2026-11-20");
  Record("section_47_no_conference", "2026-11-23");

  std::vector<std::string> kinds = JournalKinds();
  std::vector<std::string> clock_kinds(kinds.begin() + 1, kinds.end());  // after the record's opening
  EXPECT_EQ(clock_kinds, (std::vector<std::string>{
                             kinds::kTimescaleEvent, kinds::kClockStarted, kinds::kClockStarted,
                             kinds::kClockShortened, kinds::kClockExtensionRequested, kinds::kClockConsultation,
                             kinds::kClockExtended, kinds::kClockExtensionRequested, kinds::kClockExtensionDeclined,
                             kinds::kTimescaleEvent, kinds::kClockStopped,                            // decision
                             kinds::kTimescaleEvent, kinds::kClockStarted,                            // strategy
                             kinds::kTimescaleEvent, kinds::kClockStarted,                            // enquiry
                             kinds::kTimescaleEvent, kinds::kClockEnded,                              // no conference
                         }));

  Result<VerifyReport> verified = VerifyAll(t.services());
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->breaks.empty());
  EXPECT_EQ(verified->items, static_cast<int64_t>(kinds.size()));
}

// TIM-05: the lists for me, my team and the service, by due date, with days overdue and the
// allocated worker; refused to those the scope is not for.
TEST_F(TimescalesTest, TIM05_DueListsByScope) {
  Record("referral_received", "2026-11-16");  // decision due 17 November: 6 days overdue
  std::string nowak = NewChild("Nowak");
  Record("significant_harm_suspected", "2026-11-20", nowak);  // due today
  // jo's child in another team, overdue since 20 November.
  NewPerson p;
  p.details.family_name = "Patel";
  p.open_case_record = true;
  std::string patel = CreatePerson(t.services(), jo, p)->created->id;
  ASSERT_TRUE(RecordTimescaleEvent(t.services(), jo, patel, {"referral_received", D("2026-11-19"), ""}).ok());

  auto names = [](const std::vector<store::DueClockRow>& rows) {
    std::vector<std::string> out;
    for (const store::DueClockRow& r : rows) out.push_back(r.child_name + " " + r.clock.definition);
    return out;
  };
  Result<std::vector<store::DueClockRow>> mine = ListDueClocks(t.services(), sam, ClockScope::kMine, 0);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(names(*mine),
            (std::vector<std::string>{"Amelia Clarke referral_decision", "Amelia Nowak strategy_discussion"}));
  EXPECT_EQ(mine->at(0).clock.DaysOverdue(D("2026-11-23")), 6);
  EXPECT_EQ(mine->at(1).clock.DaysOverdue(D("2026-11-23")), 0);
  EXPECT_EQ(mine->at(0).worker_name, "Test sam");

  // Within 60 days: the assessments too, still by due date.
  Result<std::vector<store::DueClockRow>> soon = ListDueClocks(t.services(), sam, ClockScope::kMine, 60);
  ASSERT_TRUE(soon.ok());
  EXPECT_EQ(names(*soon).size(), 3u);
  EXPECT_EQ(names(*soon).back(), "Amelia Clarke child_and_family_assessment");

  Result<std::vector<store::DueClockRow>> team = ListDueClocks(t.services(), maureen, ClockScope::kTeam, 0);
  ASSERT_TRUE(team.ok());
  EXPECT_EQ(names(*team), names(*mine));
  Result<std::vector<store::DueClockRow>> other_team = ListDueClocks(t.services(), other_manager, ClockScope::kTeam, 0);
  ASSERT_TRUE(other_team.ok());
  EXPECT_EQ(names(*other_team), std::vector<std::string>{"Patel referral_decision"});

  Result<std::vector<store::DueClockRow>> service = ListDueClocks(t.services(), rita, ClockScope::kService, 0);
  ASSERT_TRUE(service.ok());
  EXPECT_EQ(names(*service), (std::vector<std::string>{"Amelia Clarke referral_decision", "Patel referral_decision",
                                                       "Amelia Nowak strategy_discussion"}));
  EXPECT_EQ(service->at(1).worker_name, "Test jo");

  EXPECT_EQ(ListDueClocks(t.services(), sam, ClockScope::kTeam, 0).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(ListDueClocks(t.services(), sam, ClockScope::kService, 0).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(ListDueClocks(t.services(), rita, ClockScope::kTeam, 0).status().code(), StatusCode::kPermissionDenied);
}

// SEC-04, TIM-05: a restricted record's clocks are listed only to the users named on it.
TEST_F(TimescalesTest, SEC04_TIM05_RestrictedRecordsLeftOutOfDueLists) {
  Record("referral_received", "2026-11-16");
  ASSERT_TRUE(SetRestriction(t.services(), maureen, child, {true, {sam.user.id}, "adoption"}).ok());
  auto children = [&](const Actor& actor, ClockScope scope) {
    std::set<std::string> out;
    Result<std::vector<store::DueClockRow>> rows = ListDueClocks(t.services(), actor, scope, 60);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    if (rows.ok()) {
      for (const store::DueClockRow& r : *rows) out.insert(r.clock.person_id);
    }
    return out;
  };
  EXPECT_EQ(children(sam, ClockScope::kMine), std::set<std::string>{child});
  EXPECT_EQ(children(maureen, ClockScope::kService), std::set<std::string>{child});  // named as the one restricting
  EXPECT_TRUE(children(rita, ClockScope::kService).empty());
  EXPECT_TRUE(children(other_manager, ClockScope::kService).empty());
  ASSERT_TRUE(SetRestriction(t.services(), maureen, child, {false, {}, "adoption plan ended"}).ok());
  EXPECT_EQ(children(rita, ClockScope::kService), std::set<std::string>{child});
}

// TIM-04: the timeliness report counts each clock whose statutory date fell in the period
// against that date, whatever extension governed.
TEST_F(TimescalesTest, TIM04_TimelinessReportCountsAgainstTheStatutoryDate) {
  // Extended, then met after the statutory date but before the extended one: late.
  std::string decision = Find(Record("referral_received", "2026-11-12").started, "referral_decision")->id;
  ASSERT_TRUE(RequestExtension(t.services(), sam, decision, "Checks", D("2026-11-30"), {"Police"}).ok());
  ASSERT_TRUE(
      RecordConsultation(t.services(), sam, decision, {"", "Police", "DS Clarke", t.clock().Now(), "Yes", "", {}}).ok());
  ASSERT_TRUE(DecideExtension(t.services(), maureen, decision, true, "Agreed").ok());
  Record("referral_decision", "2026-11-20");
  // Met on its statutory date.
  std::string nowak = NewChild("Nowak");
  Record("referral_received", "2026-11-16", nowak);
  Record("referral_decision", "2026-11-17", nowak);
  // Open past its statutory date, and open and due today.
  Record("significant_harm_suspected", "2026-11-19", NewChild("Patel"));
  Record("referral_received", "2026-11-20", NewChild("Baby"));
  // Closed unmet: no conference was needed.
  std::string enquiry = NewChild("Owusu");
  Record("section_47_started", "2026-11-02", enquiry);
  Record("section_47_no_conference", "2026-11-10", enquiry);

  auto counts = [](const std::vector<TimelinessRow>& rows, const std::string& key) {
    for (const TimelinessRow& r : rows) {
      if (r.timescale == key) {
        return std::vector<int>{r.met_on_time, r.met_late, r.open_late, r.open_in_time, r.ended, r.extended};
      }
    }
    return std::vector<int>{};
  };
  Result<std::vector<TimelinessRow>> service =
      TimelinessReport(t.services(), rita, ClockScope::kService, D("2026-11-01"), D("2026-11-30"));
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  EXPECT_EQ(service->size(), t.settings().timescales.clocks.size());
  EXPECT_EQ(counts(*service, "referral_decision"), (std::vector<int>{1, 1, 0, 1, 0, 1}));
  EXPECT_EQ(counts(*service, "strategy_discussion"), (std::vector<int>{0, 0, 1, 0, 0, 0}));
  EXPECT_EQ(counts(*service, "initial_conference"), (std::vector<int>{0, 0, 0, 0, 1, 0}));
  EXPECT_EQ(counts(*service, "child_and_family_assessment"), (std::vector<int>{0, 0, 0, 0, 0, 0}));  // due 2027

  // The team's report is the same here; another team's manager sees none of it.
  Result<std::vector<TimelinessRow>> team =
      TimelinessReport(t.services(), maureen, ClockScope::kTeam, D("2026-11-01"), D("2026-11-30"));
  ASSERT_TRUE(team.ok());
  EXPECT_EQ(counts(*team, "referral_decision"), counts(*service, "referral_decision"));
  Result<std::vector<TimelinessRow>> other =
      TimelinessReport(t.services(), other_manager, ClockScope::kTeam, D("2026-11-01"), D("2026-11-30"));
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(counts(*other, "referral_decision"), (std::vector<int>{0, 0, 0, 0, 0, 0}));

  EXPECT_EQ(TimelinessReport(t.services(), sam, ClockScope::kService, D("2026-11-01"), D("2026-11-30")).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(TimelinessReport(t.services(), rita, ClockScope::kService, D("2026-11-30"), D("2026-11-01")).status().field(),
            "to");
  EXPECT_EQ(TimelinessReport(t.services(), rita, ClockScope::kService, D("2025-01-01"), D("2026-11-01")).status().field(),
            "to");
}

}  // namespace
}  // namespace casework::app
