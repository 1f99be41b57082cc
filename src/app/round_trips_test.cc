// What a request costs in round trips to a PostgreSQL server, counted by the database: the
// requests that matter most wait for the server as few times as their reads allow.
#include <gtest/gtest.h>

#include <atomic>
#include <future>

#include "app/entries.h"
#include "app/kept_sessions.h"
#include "app/persons.h"
#include "app/sessions.h"
#include "store/postgres/pg_database.h"
#include "support/held_writer.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;

class RoundTripsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::TestDatabase::UsingPostgres()) GTEST_SKIP() << "round trips are counted on PostgreSQL";
    pg = dynamic_cast<store::PgDatabase*>(&t.db());
    ASSERT_NE(pg, nullptr);
    child = t.AddChild(sam);
  }

  // The round trips one call of f costs, readers and writer together.
  template <typename F>
  int64_t Trips(F&& f) {
    int64_t before = pg->round_trips();
    f();
    return pg->round_trips() - before;
  }

  TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  Actor alex = t.AddActor("alex", Role::kAuditor, "Audit");
  store::PgDatabase* pg = nullptr;
  Person child;
};

// A kept record summary opened by an auditor (who reads by role, so their grants and
// break-glass are read too) and by its allocated worker: the case record with its worker and
// team, the access reads and the kept summary's version go to the server together, one round
// trip; the read's access log line is one more, on the writer.
TEST_F(RoundTripsTest, AKeptSummaryIsOneRoundTripAndItsLogLine) {
  for (const Actor* who : {&alex, &sam}) {
    ASSERT_TRUE(GetPersonRecord(t.services(), *who, child.id).ok());  // kept, and the log's head known
    int64_t trips = Trips([&] { ASSERT_TRUE(GetPersonRecord(t.services(), *who, child.id).ok()); });
    EXPECT_EQ(trips, 2) << who->user.username;
  }
}

// SEC-02: for a request whose session was kept, authenticating costs no round trip, and the
// session's read goes to the server with the summary's, still one round trip and the log line,
// where reading it first would cost a transaction and a round trip of its own.
TEST_F(RoundTripsTest, SEC02_AKeptSessionIsCheckedInTheSummarysRoundTrip) {
  app::KeptSessions kept;
  t.services().kept_sessions = &kept;
  Result<SignedIn> in = SignIn(t.services(), "alex", "Correct-Lantern-Staple-9", "127.0.0.1", "");
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  auto start = [&] { return Authenticate(t.services(), in->token, "127.0.0.1", true, /*may_keep=*/true)->actor; };
  ASSERT_TRUE(GetPersonRecord(t.services(), start(), child.id).ok());
  Actor actor;
  EXPECT_EQ(Trips([&] { actor = start(); }), 0);
  ASSERT_TRUE(actor.kept_session);
  EXPECT_EQ(Trips([&] { ASSERT_TRUE(GetPersonRecord(t.services(), actor, child.id).ok()); }), 2);
  EXPECT_EQ(actor.kept_session->outcome, KeptSessionCheck::Outcome::kHeld);
}

// A case note by the record's allocated worker, alone in its batch on the writer: the case
// record's read goes with the journal's next number reserved, one round trip, and the commit
// is the other (the session check is the HTTP layer's, not counted here).
TEST_F(RoundTripsTest, ACaseNoteReadsItsRecordAndReservesItsNumberInOneRoundTrip) {
  auto note = [&] {
    Entry e;
    e.occurred_at = t.clock().Now() - std::chrono::minutes(10);
    e.text = "Telephone call with the class teacher.";
    e.classification = Classification::kFact;
    Result<JournalItem> item = RecordEntry(t.services(), sam, child.id, e);
    ASSERT_TRUE(item.ok()) << item.status().ToString();
  };
  note();  // the access log's head known
  EXPECT_EQ(Trips(note), 2);
}

// Case notes on different records arriving together, in one batch on the writer: the reads
// of all of them go to the server at once, one round trip, and the commit is the other. A
// second note on a record already in the run is sent for once the first has run (one more).
// Holding the writer costs its own batch's commit.
TEST_F(RoundTripsTest, CaseNotesInOneBatchSendTheirReadsTogether) {
  std::vector<Person> children = {child};
  for (int i = 0; i < 5; ++i) children.push_back(t.AddChild(sam));
  auto note = [&] {
    Entry e;
    e.occurred_at = t.clock().Now() - std::chrono::minutes(10);
    e.text = "Home visit; the children were seen together.";
    e.classification = Classification::kFact;
    return e;
  };
  ASSERT_TRUE(RecordEntry(t.services(), sam, child.id, note()).ok());  // the access log's head known
  std::atomic<int> kept{0};
  std::promise<void> all_told;
  const int notes = static_cast<int>(children.size()) + 1;
  std::atomic<int> told{0};
  int64_t trips = Trips([&] {
    {
      testing::HeldWriter held(t.db());
      for (int i = 0; i < notes; ++i) {
        const Person& on = children[i == notes - 1 ? 0 : i];
        RecordEntryThen(t.services(), sam, on.id, note(), [&](Result<JournalItem> item) {
          kept += item.ok();
          if (++told == notes) all_told.set_value();
        });
      }
    }
    all_told.get_future().wait();
  });
  EXPECT_EQ(kept.load(), notes);
  EXPECT_EQ(trips, 1 + 2 + 1);
}


// Two case notes on each of three records, arriving record by record (a, a, b, b, c, c) in one
// batch: the notes run by rounds, each record's first, then each record's second, so the six
// cost two runs of reads sent together, where taken as they came they would cost four (a; a b;
// b c; c). Each record's notes keep the order they came in, and every chain stays whole.
TEST_F(RoundTripsTest, SecondNotesOnRecordsInOneBatchShareARunOfReads) {
  std::vector<Person> children = {child, t.AddChild(sam), t.AddChild(sam)};
  auto note = [&](const std::string& text) {
    Entry e;
    e.occurred_at = t.clock().Now() - std::chrono::minutes(10);
    e.text = text;
    e.classification = Classification::kFact;
    return e;
  };
  ASSERT_TRUE(RecordEntry(t.services(), sam, child.id, note("first")).ok());  // the access log's head known
  const int notes = 6;
  std::vector<Result<JournalItem>> items(notes, Status::Internal("not told"));
  std::promise<void> all_told;
  std::atomic<int> told{0};
  int64_t trips = Trips([&] {
    {
      testing::HeldWriter held(t.db());
      for (int i = 0; i < notes; ++i) {
        RecordEntryThen(t.services(), sam, children[i / 2].id, note("note " + std::to_string(i)),
                        [&, i](Result<JournalItem> item) {
                          items[i] = std::move(item);
                          if (++told == notes) all_told.set_value();
                        });
      }
    }
    all_told.get_future().wait();
  });
  for (int i = 0; i < notes; ++i) ASSERT_TRUE(items[i].ok()) << i << ": " << items[i].status().ToString();
  for (int i = 0; i < notes; i += 2) {
    EXPECT_EQ(items[i]->record_id, children[i / 2].id);
    EXPECT_EQ(items[i + 1]->seq, items[i]->seq + 1) << "the second note on a record follows its first";
    EXPECT_EQ(items[i + 1]->prev_hash, items[i]->hash);
  }
  EXPECT_EQ(trips, 1 + 2 + 1);
}

}  // namespace
}  // namespace casework::app
