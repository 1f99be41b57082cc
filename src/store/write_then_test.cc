// Database::WriteThen, on whichever backend this run uses (see TestDatabase): a unit of work
// handed to the writer without waiting is told what came of it once, after its batch's commit.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "store/database.h"
#include "store/write_queue.h"
#include "support/held_writer.h"
#include "support/test_database.h"

namespace casework::store {
namespace {

using testing::HeldWriter;

// How many rows of table the database holds now, as any reader sees it.
int64_t Rows(Database& db, const std::string& table, const std::string& where = "1 = 1") {
  int64_t rows = -1;
  Status read = db.Read([&](Connection& c) {
    auto counted = c.Query("SELECT COUNT(*) FROM " + table + " WHERE " + where);
    if (counted->Next()) rows = counted->Int(0);
    return Status::Ok();
  });
  EXPECT_TRUE(read.ok()) << read.ToString();
  return rows;
}

// What each unit handed over was told, kept so the test can wait for all of them.
class Outcomes {
 public:
  explicit Outcomes(size_t n) : told_(n) {}

  WriteDone For(size_t i, std::function<void()> also = {}) {
    return [this, i, also = std::move(also)](Status status) {
      if (also) also();
      std::lock_guard lock(mu_);
      told_[i].push_back(std::move(status));
      changed_.notify_all();
    };
  }
  // Waits until every unit has been told at least once.
  void AwaitAll() {
    std::unique_lock lock(mu_);
    changed_.wait(lock, [&] {
      for (const auto& t : told_) {
        if (t.empty()) return false;
      }
      return true;
    });
  }
  std::vector<Status> Told(size_t i) {
    std::lock_guard lock(mu_);
    return told_[i];
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  std::vector<std::vector<Status>> told_;
};

constexpr const char* kReadKept = "SELECT COUNT(*) FROM handed_over WHERE k LIKE ?";
constexpr const char* kBumpTally =
    "INSERT INTO tallies (name, value) VALUES (?, 1) "
    "ON CONFLICT (name) DO UPDATE SET value = tallies.value + 1 RETURNING value";

Work Insert(const std::string& key, Status then = Status::Ok()) {
  return [key, then](Connection& c) {
    c.Exec("INSERT INTO handed_over (k) VALUES (?)", {std::string_view(key)});
    return then;
  };
}

// What a unit on a key sends first, before its first wait (SentAhead::send): the read of how
// many units with its key were kept before it (what only units with its key change), and the
// change to its key's tally.
void SendFirst(Connection& c, const std::string& key) {
  const std::string pattern = key + "-%";
  c.Prefetch(kReadKept, {std::string_view(pattern)});
  c.SendAhead(kBumpTally, {std::string_view(key)});
}

// Then takes what it sent: how many units with its key were kept before it, and its tally.
std::pair<int64_t, int64_t> TakeWhatItSent(Connection& c, const std::string& key) {
  const std::string pattern = key + "-%";
  auto before = c.Query(kReadKept, {std::string_view(pattern)});
  EXPECT_TRUE(before->Next());
  auto tally = c.Query(kBumpTally, {std::string_view(key)});
  EXPECT_TRUE(tally->Next());
  return {before->Int(0), tally->Int(0)};
}

class WriteThenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = database.Open();
    ASSERT_TRUE(db->Write([](Connection& c) {
                    c.ExecScript(
                        "CREATE TABLE handed_over (k TEXT PRIMARY KEY);"
                        "CREATE TABLE tallies (name TEXT PRIMARY KEY, value BIGINT NOT NULL);"
                        "CREATE TABLE owners (id BIGINT PRIMARY KEY);"
                        "CREATE TABLE owned (owner BIGINT REFERENCES owners (id) DEFERRABLE INITIALLY DEFERRED);");
                    return Status::Ok();
                  }).ok());
  }
  testing::TestDatabase database;
  std::unique_ptr<Database> db;
};

// Told once, and only once the commit holding the work is there for any reader to see.
TEST_F(WriteThenTest, TellsOnceAfterTheCommit) {
  Outcomes outcomes(1);
  std::atomic<int64_t> seen_when_told{-1};
  // A read runs on a connection of its own, so the writer's thread may make it here.
  db->WriteThen(Insert("kept"), outcomes.For(0, [&] {
    seen_when_told = Rows(*db, "handed_over", "k = 'kept'");
  }));
  outcomes.AwaitAll();
  db.reset();  // the writer has finished everything: anything more would be told by now
  std::vector<Status> told = outcomes.Told(0);
  ASSERT_EQ(told.size(), 1u);
  EXPECT_TRUE(told[0].ok()) << told[0].ToString();
  EXPECT_EQ(seen_when_told.load(), 1);
}

// A unit that fails is rolled back alone and told its own failure; the units beside it in the
// batch are kept and told so.
TEST_F(WriteThenTest, AFailingUnitIsRolledBackAloneInItsBatch) {
  Outcomes outcomes(3);
  {
    HeldWriter held(*db);
    db->WriteThen(Insert("first"), outcomes.For(0));
    db->WriteThen(Insert("refused", Status::Invalid("k", "refused on purpose")), outcomes.For(1));
    db->WriteThen(Insert("third"), outcomes.For(2));
  }
  outcomes.AwaitAll();
  EXPECT_TRUE(outcomes.Told(0).at(0).ok());
  EXPECT_EQ(outcomes.Told(1).at(0).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(outcomes.Told(2).at(0).ok());
  EXPECT_EQ(Rows(*db, "handed_over", "k IN ('first', 'third')"), 2);
  EXPECT_EQ(Rows(*db, "handed_over", "k = 'refused'"), 0);
}

// A database failure inside a unit (here a key already taken) is the unit's alone, too.
TEST_F(WriteThenTest, ADatabaseFailureInAUnitIsToldAsItsStatus) {
  ASSERT_TRUE(db->Write(Insert("taken")).ok());
  Outcomes outcomes(2);
  {
    HeldWriter held(*db);
    db->WriteThen(Insert("taken"), outcomes.For(0));
    db->WriteThen(Insert("free"), outcomes.For(1));
  }
  outcomes.AwaitAll();
  EXPECT_EQ(outcomes.Told(0).at(0).code(), StatusCode::kConflict);
  EXPECT_TRUE(outcomes.Told(1).at(0).ok());
  EXPECT_EQ(Rows(*db, "handed_over"), 2);
}

// When the batch's commit itself fails (a deferred constraint is checked only then), no unit
// in it is kept and every one is told it failed: none is ever told Ok for work not kept.
TEST_F(WriteThenTest, AFailedCommitIsToldToEveryUnitInTheBatch) {
  Outcomes outcomes(2);
  {
    HeldWriter held(*db);
    db->WriteThen(Insert("lost with the batch"), outcomes.For(0));
    db->WriteThen([](Connection& c) {
      c.Exec("INSERT INTO owned (owner) VALUES (42)");  // no owner 42: fails at COMMIT
      return Status::Ok();
    }, outcomes.For(1));
  }
  outcomes.AwaitAll();
  EXPECT_FALSE(outcomes.Told(0).at(0).ok());
  EXPECT_FALSE(outcomes.Told(1).at(0).ok());
  EXPECT_EQ(Rows(*db, "handed_over"), 0);
  EXPECT_EQ(Rows(*db, "owned"), 0);
  // The writer carries on.
  EXPECT_TRUE(db->Write(Insert("after")).ok());
}

// Units handed over with what they send first (SentAhead) and held so that they share a batch.
// On a server the writer sends it for a run of them at once. Each unit still gets what it
// would have got alone: a unit whose key an earlier unit in the batch has sees that unit's
// change; one refused after its statements were sent ahead (here, after taking its tally)
// leaves nothing, nor does one refused before taking them; the others are kept, and every unit
// is told once, after the commit.
TEST_F(WriteThenTest, UnitsSentAheadTogetherSeeTheUnitsBeforeThemAndFailAlone) {
  struct Unit {
    std::string key;
    enum { kKept, kRefusedAfter, kRefusedBefore } end;
  };
  const std::vector<Unit> units = {{"a", Unit::kKept},         {"a", Unit::kKept},          {"b", Unit::kKept},
                                   {"a", Unit::kRefusedAfter}, {"c", Unit::kRefusedBefore}, {"b", Unit::kKept},
                                   {"d", Unit::kKept}};
  std::vector<std::pair<int64_t, int64_t>> got(units.size());  // what each read, then its tally
  Outcomes outcomes(units.size());
  {
    HeldWriter held(*db);
    for (size_t i = 0; i < units.size(); ++i) {
      const Unit u = units[i];
      auto first = [u](Connection& c) { SendFirst(c, u.key); };
      Work work = [&, i, u, first](Connection& c) {
        first(c);
        if (u.end == Unit::kRefusedBefore) return Status::Invalid("key", "refused before taking its tally");
        got[i] = TakeWhatItSent(c, u.key);
        if (u.end == Unit::kRefusedAfter) return Status::Invalid("key", "refused after taking its tally");
        c.ExecLater("INSERT INTO handed_over (k) VALUES (?)", {std::string_view(u.key + "-" + std::to_string(i))});
        return Status::Ok();
      };
      db->WriteThenSendingAhead(std::move(work), outcomes.For(i), SentAhead{u.key, first});
    }
  }
  outcomes.AwaitAll();
  const std::vector<std::pair<int64_t, int64_t>> kept = {{0, 1}, {1, 2}, {0, 1}, {}, {}, {1, 2}, {0, 1}};
  for (size_t i = 0; i < units.size(); ++i) {
    std::vector<Status> told = outcomes.Told(i);
    ASSERT_EQ(told.size(), 1u) << i;
    EXPECT_EQ(told[0].ok(), units[i].end == Unit::kKept) << i << ": " << told[0].ToString();
    if (units[i].end == Unit::kKept) EXPECT_EQ(got[i], kept[i]) << i;
  }
  EXPECT_EQ(Rows(*db, "handed_over"), 5);
  EXPECT_EQ(Rows(*db, "tallies", "name = 'a' AND value = 2"), 1);
  EXPECT_EQ(Rows(*db, "tallies", "name = 'b' AND value = 2"), 1);
  EXPECT_EQ(Rows(*db, "tallies", "name = 'c'"), 0);
  EXPECT_EQ(Rows(*db, "tallies", "name = 'd' AND value = 1"), 1);
}

// A unit whose first step throws something other than a database failure while it is being
// sent ahead for, after sending part of it (here, its tally's change), is told Internal once and
// leaves nothing; the units sent ahead with it are kept and told Ok, and the writer carries on.
// On a server, the step throws in the run sent before the batch's first unit (the middle of
// three), then in a run sent later (a key's second unit). Without a server the step runs as
// the start of the unit's own work, to the same end.
TEST_F(WriteThenTest, AUnitWhoseSendingAheadThrowsFailsAloneAndTheWriterCarriesOn) {
  struct Unit {
    std::string key;
    bool throws;
  };
  const std::vector<std::vector<Unit>> batches = {{{"x", false}, {"y", true}, {"z", false}},
                                                  {{"v", false}, {"w", false}, {"w", true}}};
  int64_t kept = 0;
  for (size_t b = 0; b < batches.size(); ++b) {
    const std::vector<Unit>& units = batches[b];
    Outcomes outcomes(units.size());
    {
      HeldWriter held(*db);
      for (size_t i = 0; i < units.size(); ++i) {
        const Unit u = units[i];
        auto first = [u](Connection& c) {
          SendFirst(c, u.key);
          if (u.throws) throw std::runtime_error("fault while sending ahead");
        };
        Work work = [u, i, first](Connection& c) {
          first(c);
          TakeWhatItSent(c, u.key);
          c.ExecLater("INSERT INTO handed_over (k) VALUES (?)", {std::string_view(u.key + "-" + std::to_string(i))});
          return Status::Ok();
        };
        db->WriteThenSendingAhead(std::move(work), outcomes.For(i), SentAhead{u.key, first});
      }
    }
    outcomes.AwaitAll();
    for (size_t i = 0; i < units.size(); ++i) {
      std::vector<Status> told = outcomes.Told(i);
      ASSERT_EQ(told.size(), 1u) << b << "/" << i;
      if (units[i].throws) {
        EXPECT_EQ(told[0].code(), StatusCode::kInternal) << b << "/" << i << ": " << told[0].ToString();
      } else {
        EXPECT_TRUE(told[0].ok()) << b << "/" << i << ": " << told[0].ToString();
        ++kept;
      }
    }
    EXPECT_EQ(Rows(*db, "handed_over"), kept) << b;
  }
  // Each key's tally counts its kept units alone: nothing the throwing units sent was kept.
  for (const char* key : {"x", "z", "v", "w"}) {
    EXPECT_EQ(Rows(*db, "tallies", "name = '" + std::string(key) + "' AND value = 1"), 1) << key;
  }
  EXPECT_EQ(Rows(*db, "tallies", "name = 'y'"), 0);
  EXPECT_EQ(Rows(*db, "handed_over", "k IN ('y-1', 'w-2')"), 0);
  // The writer carries on, with a connection holding nothing of the batches before.
  EXPECT_TRUE(db->Write(Insert("after")).ok());
  EXPECT_EQ(Rows(*db, "handed_over"), kept + 1);
}

// Many handed over at once from many threads: each told exactly once, every Ok one kept.
TEST_F(WriteThenTest, EachOfManyIsToldExactlyOnce) {
  constexpr int kThreads = 8, kEach = 40;
  Outcomes outcomes(kThreads * kEach);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        int n = t * kEach + i;
        Status then = n % 7 == 0 ? Status::Invalid("k", "refused on purpose") : Status::Ok();
        db->WriteThen(Insert(std::to_string(n), then), outcomes.For(n));
      }
    });
  }
  for (auto& th : threads) th.join();
  outcomes.AwaitAll();
  db.reset();
  int ok = 0;
  for (int n = 0; n < kThreads * kEach; ++n) {
    std::vector<Status> told = outcomes.Told(n);
    ASSERT_EQ(told.size(), 1u) << n;
    EXPECT_EQ(told[0].ok(), n % 7 != 0) << n;
    ok += told[0].ok();
  }
  db = database.Open();
  EXPECT_EQ(Rows(*db, "handed_over"), ok);
}

// Handed over once the writer is stopping, a unit would never run: it is told so at once.
TEST(WriteQueueTest, HandedOverAfterStopIsToldAtOnce) {
  WriteQueue queue;
  queue.Stop();
  std::optional<Status> told;
  queue.SubmitThen([](Connection&) { return Status::Ok(); }, [&](Status s) { told = s; });
  ASSERT_TRUE(told.has_value());
  EXPECT_EQ(told->code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace casework::store
