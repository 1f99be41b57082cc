#include "app/entries.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "app/domain_json.h"
#include "app/persons.h"
#include "app/verify.h"
#include "core/journal_kinds.h"
#include "store/user_repo.h"
#include "support/held_writer.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;
using namespace std::chrono_literals;

class EntriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    NewPerson p;
    p.details.given_names = "Amelia";
    p.details.family_name = "Clarke";
    p.open_case_record = true;
    child = *CreatePerson(t.services(), sam, p)->created;
  }

  Entry Note(std::chrono::minutes ago = 30min) {
    Entry e;
    e.occurred_at = t.clock().Now() - ago;
    e.text = "Spoke with Amelia's class teacher.";
    e.classification = Classification::kFact;
    return e;
  }

  // Amelia's brother, with a case record of his own allocated to Sam.
  Person Brother() {
    NewPerson p;
    p.details.given_names = "Leo";
    p.details.family_name = "Clarke";
    p.open_case_record = true;
    return *CreatePerson(t.services(), sam, p)->created;
  }

  Result<JournalItem> Record(const Entry& e, const Actor& who) { return RecordEntry(t.services(), who, child.id, e); }
  JournalView Journal() { return *ReadJournal(t.services(), sam, child.id, {}); }

  TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  Person child;
};

// ENT-01: the server stamps author name and post title as they were, the recording time and
// a gap-free sequence number; the event time is the user's.
TEST_F(EntriesTest, ENT01_ServerStampsAuthorTimeAndSequence) {
  Entry e = Note();
  Result<JournalItem> first = Record(e, sam);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->author_name, sam.user.full_name);
  EXPECT_EQ(first->author_post_title, sam.user.post_title);
  EXPECT_EQ(first->recorded_at, t.clock().Now());
  EXPECT_EQ(first->occurred_at, e.occurred_at);
  EXPECT_EQ(first->seq, 2);  // item 1 opened the record
  EXPECT_EQ(first->body, EntryText(e));  // written before the unit of work, as sent

  // A later promotion does not rewrite who they were when they wrote it.
  t.db().Write([&](store::Connection& c) {
    c.Exec("UPDATE users SET post_title = 'Senior Social Worker' WHERE id = ?", {std::string_view(sam.user.id)});
    return Status::Ok();
  });
  Actor promoted = sam;
  promoted.user.post_title = "Senior Social Worker";
  Result<JournalItem> second = Record(Note(), promoted);
  EXPECT_EQ(second->seq, 3);
  JournalView j = Journal();
  EXPECT_EQ(j.items[0].item.author_post_title, "Senior Social Worker");
  EXPECT_EQ(j.items[1].item.author_post_title, sam.user.post_title);
}

// ENT-02: recorded later than the configured window after the event: a late entry.
TEST_F(EntriesTest, ENT02_LateEntriesMarkedAgainstConfiguredWindow) {
  t.settings().contemporaneous_window = 24h;
  EXPECT_FALSE(Record(Note(23h), sam)->late);
  EXPECT_TRUE(Record(Note(25h), sam)->late);
  t.settings().contemporaneous_window = 48h;
  EXPECT_FALSE(Record(Note(25h), sam)->late);
}

// ENT-03, ENT-04: classified, sourced, and countersigned by the person who gave the
// information, with their post title.
TEST_F(EntriesTest, ENT03_ENT04_OnBehalfEntriesAreCountersignedByTheProvider) {
  Actor nurse = t.AddActor("nurse", Role::kPractitioner, "Health");
  Entry e = Note();
  e.classification = Classification::kOpinion;
  e.source.first_hand = false;
  e.source.name = "School nurse";
  e.provided_by = ProvidedBy{"", "", nurse.user.id};
  Result<JournalItem> item = Record(e, sam);
  ASSERT_TRUE(item.ok());
  EXPECT_NE(item->body.find("\"classification\":\"opinion\""), std::string::npos);
  EXPECT_NE(item->body.find(nurse.user.full_name), std::string::npos);
  // The provider's name and post are read inside the unit of work, and the body written after.
  Entry resolved = e;
  resolved.provided_by = ProvidedBy{nurse.user.full_name, nurse.user.post_title, nurse.user.id};
  EXPECT_EQ(item->body, EntryText(resolved));
  EXPECT_TRUE(Journal().items[0].awaiting_countersignature);

  EXPECT_EQ(Countersign(t.services(), sam, child.id, item->id).status().code(), StatusCode::kPermissionDenied);
  Result<JournalItem> signature = Countersign(t.services(), nurse, child.id, item->id);
  ASSERT_TRUE(signature.ok()) << signature.status().ToString();
  EXPECT_EQ(signature->target_id, item->id);
  EXPECT_NE(signature->body.find(nurse.user.post_title), std::string::npos);
  EXPECT_EQ(Countersign(t.services(), nurse, child.id, item->id).status().code(), StatusCode::kConflict);
  JournalView j = Journal();
  ASSERT_TRUE(j.items[1].countersignature);
  EXPECT_FALSE(j.items[1].awaiting_countersignature);
}

// ENT-05: decisions are listed for review by their review date.
TEST_F(EntriesTest, ENT05_DecisionsListedForReview) {
  Entry e = Note();
  e.type = EntryType::kDecision;
  e.classification = Classification::kDecision;
  e.decision = DecisionDetails{"Maureen Hughes", "Team Manager", "Mother engaging well.", *ParseDate("2026-12-01", "d")};
  e.wishes_and_feelings = "Amelia said she wants to stay at home.";
  ASSERT_TRUE(Record(e, sam).ok());
  EXPECT_TRUE(DecisionsDueForReview(t.services(), sam, *ParseDate("2026-11-30", "d"))->empty());
  auto due = DecisionsDueForReview(t.services(), sam, *ParseDate("2026-12-01", "d"));
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].record_id, child.id);
  EXPECT_EQ((*due)[0].decided_by, "Maureen Hughes");
}

// ENT-06: a correction is a new entry pointing at the old one with a reason; both stay,
// and a corrected decision leaves the review list to its correction.
TEST_F(EntriesTest, ENT06_CorrectionsKeepBothEntries) {
  Entry e = Note();
  e.type = EntryType::kDecision;
  e.classification = Classification::kDecision;
  e.decision = DecisionDetails{"Maureen Hughes", "Team Manager", "Risk reduced.", *ParseDate("2026-12-01", "d")};
  e.wishes_not_obtained_reason = "Amelia was asleep.";
  Result<JournalItem> original = Record(e, sam);
  Entry fixed = e;
  fixed.decision->review_date = *ParseDate("2026-12-15", "d");
  fixed.correction_reason = "Review date agreed was the 15th.";
  Result<JournalItem> correction = CorrectEntry(t.services(), sam, child.id, original->id, fixed);
  ASSERT_TRUE(correction.ok()) << correction.status().ToString();
  EXPECT_EQ(correction->target_id, original->id);

  JournalView j = Journal();
  ASSERT_GE(j.items.size(), 3u);
  EXPECT_EQ(j.items[0].item.id, correction->id);
  EXPECT_EQ(j.items[1].item.id, original->id);
  EXPECT_EQ(j.items[1].corrected_by, std::vector<std::string>{correction->id});
  auto due = DecisionsDueForReview(t.services(), sam, *ParseDate("2026-12-31", "d"));
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].item_id, correction->id);

  Entry wrong_type = Note();
  wrong_type.correction_reason = "typo";
  EXPECT_EQ(CorrectEntry(t.services(), sam, child.id, original->id, wrong_type).status().field(), "type");
  fixed.correction_reason.clear();
  EXPECT_EQ(CorrectEntry(t.services(), sam, child.id, original->id, fixed).status().field(), "correction_reason");
}

// ENT-07, ENT-08: contacts and visits carry what the procedures ask of them.
TEST_F(EntriesTest, ENT07_ENT08_ContactsAndVisitsAreStored) {
  Entry contact = Note();
  contact.type = EntryType::kContact;
  contact.contact = ContactDetails{ContactMethod::kMeeting,
                                   {{"Ms Begum", "class teacher", "Moor Lane Primary"}, {"Dawn Clarke", "mother", ""}},
                                   "School to monitor attendance.",
                                   {{"Send attendance weekly", "Ms Begum", *ParseDate("2026-11-30", "d")}}};
  Result<JournalItem> c = Record(contact, sam);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(c->body.find("\"responsible\":\"Ms Begum\""), std::string::npos);
  int actions = 0;
  t.db().Read([&](store::Connection& conn) {
    auto rows = conn.Query("SELECT COUNT(*) FROM actions WHERE item_id = ?", {std::string_view(c->id)});
    rows->Next();
    actions = static_cast<int>(rows->Int(0));
    return Status::Ok();
  });
  EXPECT_EQ(actions, 1);

  Entry visit = Note();
  visit.type = EntryType::kVisit;
  visit.visit = VisitDetails{true, false, "", "Mother stayed in the room."};
  visit.wishes_and_feelings = "I like it when nanna picks me up.";
  Result<JournalItem> v = Record(visit, sam);
  ASSERT_TRUE(v.ok());
  EXPECT_NE(v->body.find("\"seen_alone\":false"), std::string::npos);
  EXPECT_NE(v->body.find("nanna picks me up"), std::string::npos);
}

TEST_F(EntriesTest, JournalPagesNewestFirstAndFiltersByType) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(Record(Note(), sam).ok());
  JournalQuery q;
  q.limit = 2;
  JournalView page = *ReadJournal(t.services(), sam, child.id, q);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_TRUE(page.more);
  EXPECT_EQ(page.items[0].item.seq, 6);
  q.before_seq = page.items[1].item.seq;
  page = *ReadJournal(t.services(), sam, child.id, q);
  EXPECT_EQ(page.items[0].item.seq, 4);
  q = {};
  q.kinds = {kinds::kCaseRecordOpened};
  page = *ReadJournal(t.services(), sam, child.id, q);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_FALSE(page.more);
}

TEST_F(EntriesTest, EntriesBelongOnChildrensRecordsOnly) {
  NewPerson adult;
  adult.details.family_name = "Clarke";
  Person mother = *CreatePerson(t.services(), sam, adult)->created;
  EXPECT_EQ(RecordEntry(t.services(), sam, mother.id, Note()).status().code(), StatusCode::kConflict);
}

// ENT-06: notes written at once share the writer's batches, each reserving its record's next
// number with the record's read. Every chain stays gap-free and verifies, and notes refused in
// the same batches (no relationship, a provider who is no user, a person with no case record)
// leave no number reserved behind them.
TEST_F(EntriesTest, ENT06_NotesLandingTogetherKeepEveryChainWhole) {
  Person brother = Brother();
  NewPerson p;
  p.details.family_name = "Clarke";
  p.details.given_names = "Dawn";
  Person mother = *CreatePerson(t.services(), sam, p)->created;
  Actor jo = t.AddActor("jo", Role::kPractitioner);
  const int64_t child_before = Journal().items.front().item.seq;

  constexpr int kThreads = 16, kEach = 4;
  std::atomic<int> written{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      for (int n = 0; n < kEach; ++n) {
        Entry e = Note();
        const Actor* who = &sam;
        std::string id = i % 2 ? child.id : brother.id;
        if (i % 8 == 3) who = &jo;
        if (i % 8 == 5) id = mother.id;
        if (i % 8 == 7) e.provided_by = ProvidedBy{"", "", "no-such-user"};
        Result<JournalItem> item = RecordEntry(t.services(), *who, id, e);
        (item.ok() ? written : refused)++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(refused.load(), 6 * kEach);
  EXPECT_EQ(written.load(), 10 * kEach);

  // Of the odd threads, which write on the child's record, 1 and 9 were allowed.
  std::vector<JournalEntryView> items = Journal().items;
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items.front().item.seq, child_before + 2 * kEach);
  for (size_t i = 1; i < items.size(); ++i) {
    EXPECT_EQ(items[i].item.seq, items[i - 1].item.seq - 1);
    EXPECT_EQ(items[i - 1].item.prev_hash, items[i].item.hash);
  }
  Result<VerifyReport> verified = VerifyAll(t.services());
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->breaks.empty()) << verified->breaks.front().chain << ": " << verified->breaks.front().problem;
}

// ENT-06: notes handed to the writer together, held so that they go in one batch; on a
// database server the reads of a run of them (session, case record, the journal's next number)
// are sent at once. A note refused after its reads were sent (jo is not allocated) leaves
// nothing, a second note on a record in the same batch follows the first in its chain, every
// other note is kept, and each is answered once.
TEST_F(EntriesTest, ENT06_NotesSentAheadTogetherKeepEveryChainWholeAndARefusalLeavesNothing) {
  Person brother = Brother();
  Actor jo = t.AddActor("jo", Role::kPractitioner);
  auto last_seq = [&](const std::string& record) {
    return ReadJournal(t.services(), sam, record, {})->items.front().item.seq;
  };
  const int64_t child_before = last_seq(child.id), brother_before = last_seq(brother.id);

  struct Sent {
    const Actor* who;
    std::string record;
    int64_t seq;  // the number it should get, or 0 when refused
  };
  const std::vector<Sent> notes = {{&sam, child.id, child_before + 1},   {&sam, brother.id, brother_before + 1},
                                   {&jo, child.id, 0},                     {&sam, child.id, child_before + 2},
                                   {&sam, brother.id, brother_before + 2}, {&jo, brother.id, 0}};
  std::mutex mu;
  std::condition_variable answered;
  std::vector<std::vector<Result<JournalItem>>> told(notes.size());
  {
    testing::HeldWriter held(t.db());
    for (size_t i = 0; i < notes.size(); ++i) {
      RecordEntryThen(t.services(), *notes[i].who, notes[i].record, Note(), [&, i](Result<JournalItem> item) {
        std::lock_guard lock(mu);
        told[i].push_back(std::move(item));
        answered.notify_all();
      });
    }
  }
  {
    std::unique_lock lock(mu);
    answered.wait(lock, [&] {
      for (const auto& t : told) {
        if (t.empty()) return false;
      }
      return true;
    });
  }
  for (size_t i = 0; i < notes.size(); ++i) {
    ASSERT_EQ(told[i].size(), 1u) << i;
    const Result<JournalItem>& item = told[i][0];
    if (notes[i].seq == 0) {
      EXPECT_EQ(item.status().code(), StatusCode::kPermissionDenied) << i;
      continue;
    }
    ASSERT_TRUE(item.ok()) << i << ": " << item.status().ToString();
    EXPECT_EQ(item->seq, notes[i].seq) << i;
  }
  EXPECT_EQ(last_seq(child.id), child_before + 2);
  EXPECT_EQ(last_seq(brother.id), brother_before + 2);
  Result<VerifyReport> verified = VerifyAll(t.services());
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->breaks.empty()) << verified->breaks.front().chain << ": " << verified->breaks.front().problem;
}

}  // namespace
}  // namespace casework::app
