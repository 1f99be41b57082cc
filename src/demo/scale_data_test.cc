#include "demo/scale_data.h"

#include <gtest/gtest.h>

#include "app/sessions.h"
#include "app/verify.h"
#include "demo/demo_data.h"
#include "demo/staff.h"
#include "store/record_version_repo.h"
#include "support/search_rows.h"
#include "support/test_services.h"

namespace casework::demo {
namespace {

using testing::TestServices;

int64_t Count(TestServices& t, const std::string& sql) {
  int64_t n = -1;
  EXPECT_TRUE(t.db()
                  .Read([&](store::Connection& c) {
                    auto row = c.Query(sql);
                    if (row->Next()) n = row->Int(0);
                    return Status::Ok();
                  })
                  .ok());
  return n;
}

// The triggers the database holds, which a load takes away while it runs and must put back.
int64_t Triggers(TestServices& t) {
  return Count(t, t.db().dialect() == store::Dialect::kSqlite
                      ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"
                      : "SELECT COUNT(*) FROM pg_trigger g JOIN pg_class r ON r.oid = g.tgrelid "
                        "WHERE NOT g.tgisinternal AND r.relnamespace = current_schema()::regnamespace");
}

// Passes reads and the first writes through, then refuses every write without running it, as
// a database does that cannot begin a transaction.
class RefusingDatabase final : public store::Database {
 public:
  RefusingDatabase(store::Database& inner, int writes_allowed) : inner_(inner), writes_allowed_(writes_allowed) {}
  store::Dialect dialect() const override { return inner_.dialect(); }
  Status Write(const store::Work& work) override {
    ++writes_;
    if (writes_ > writes_allowed_) return Status::Internal("refused");
    return inner_.Write(work);
  }
  Status Read(const store::Work& work) override { return inner_.Read(work); }
  int writes() const { return writes_; }

 private:
  store::Database& inner_;
  int writes_allowed_;
  int writes_ = 0;
};

TEST(ScaleDataTest, LoadsTheScaleAskedForWithChainsThatVerify) {
  TestServices t;
  Scale scale{"test", 60, 240, 6000};
  ScaleOptions options;
  options.longest_record_entries = 300;
  int64_t triggers = Triggers(t);
  Result<ScaleSummary> loaded = LoadAtScale(t.db(), t.settings(), t.clock().Now(), scale, options, {});
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();

  EXPECT_EQ(loaded->children, 60);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM case_records"), 60);
  EXPECT_NEAR(static_cast<double>(loaded->persons), 240, 24);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM persons"), loaded->persons);
  EXPECT_NEAR(static_cast<double>(loaded->items), 6000, 600);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM journal"), loaded->items);
  // The first child's record, for reading a long chronology, holds only significant entries.
  std::string first_child = "(SELECT person_id FROM case_records WHERE council_reference = 'CW0000001')";
  std::string entries = "SELECT COUNT(*) FROM journal WHERE record_id = " + first_child +
                        " AND kind IN ('entry.case_note', 'entry.contact', 'entry.visit', 'entry.decision')";
  EXPECT_EQ(Count(t, entries), 300);
  EXPECT_EQ(Count(t, entries + " AND body LIKE '%\"significant\":true%'"), 300);
  EXPECT_GT(Count(t, "SELECT COUNT(*) FROM chronology WHERE superseded_by IS NULL AND record_id = " + first_child), 250);
  EXPECT_GT(Count(t, "SELECT COUNT(*) FROM decisions"), 0);
  EXPECT_GT(Count(t, "SELECT COUNT(*) FROM relationships"), 60);

  // Staff can sign in and work at once: their passwords are new, not years old.
  Result<app::SignedIn> signed_in = app::SignIn(t.services(), "alex.morgan", kDemoPassword, "127.0.0.1", "test");
  ASSERT_TRUE(signed_in.ok()) << signed_in.status().message();
  Result<app::Authenticated> auth = app::Authenticate(t.services(), signed_in->token, "127.0.0.1");
  ASSERT_TRUE(auth.ok());
  EXPECT_FALSE(auth->password_change_required);

  Result<app::VerifyReport> report = app::VerifyAll(t.services());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->breaks.empty());
  EXPECT_EQ(report->items, loaded->items);

  // REC-05: name search's rows, written once at the end of the load, hold every word of every
  // name with the details a result shows, as the repositories would have written them.
  testing::SearchRows rows = testing::ReadSearchRows(t.db());
  EXPECT_GT(rows.expected.size(), 240u);
  EXPECT_EQ(rows.actual, rows.expected);

  // The record versions' triggers, off for the load into an empty database, are back on: a
  // change made after it moves the person's version.
  EXPECT_EQ(Triggers(t), triggers);
  std::string someone;
  int64_t version = -1;
  ASSERT_TRUE(t.db()
                  .Write([&](store::Connection& c) {
                    auto rows = c.Query("SELECT person_id FROM case_records LIMIT 1");
                    if (rows->Next()) someone = rows->String(0);
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_TRUE(t.db()
                  .Write([&](store::Connection& c) {
                    c.Exec("UPDATE persons SET display_name = display_name || '.' WHERE id = ?", {std::string_view(someone)});
                    version = store::RecordVersionRepo(c).Get(someone);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_GT(version, 0);
}

// A load that fails part way leaves none of the data set behind.
TEST(ScaleDataTest, AFailedLoadLeavesNothingHalfSaved) {
  TestServices t;
  // The journal refuses its 3,000th item.
  ASSERT_TRUE(t.db()
                  .Write([](store::Connection& c) {
                    if (c.dialect() == store::Dialect::kSqlite) {
                      c.ExecScript(
                          "CREATE TRIGGER stop_load BEFORE INSERT ON journal "
                          "WHEN (SELECT COUNT(*) FROM journal) >= 2999 BEGIN SELECT RAISE(ABORT, 'full'); END;");
                    } else {
                      c.ExecScript(
                          "CREATE FUNCTION stop_load() RETURNS trigger AS $$ BEGIN "
                          "IF (SELECT COUNT(*) FROM journal) >= 2999 THEN RAISE EXCEPTION 'full'; END IF; "
                          "RETURN NEW; END $$ LANGUAGE plpgsql; "
                          "CREATE TRIGGER stop_load BEFORE INSERT ON journal FOR EACH ROW EXECUTE FUNCTION stop_load();");
                    }
                    return Status::Ok();
                  })
                  .ok());
  Scale scale{"test", 60, 240, 6000};
  ScaleOptions options;
  options.longest_record_entries = 300;
  int64_t triggers = Triggers(t);
  Result<ScaleSummary> loaded = LoadAtScale(t.db(), t.settings(), t.clock().Now(), scale, options, {});
  EXPECT_FALSE(loaded.ok());
  for (const char* table : {"persons", "person_names", "person_name_words", "case_records", "relationships", "journal",
                            "journal_heads", "chronology", "decisions", "clocks"}) {
    EXPECT_EQ(Count(t, std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  }
  EXPECT_EQ(Triggers(t), triggers);
}

// A load whose unit of work the database refuses before running it fails, rather than
// waiting for ever on the thread that makes the data.
TEST(ScaleDataTest, ALoadTheDatabaseRefusesFailsAndStops) {
  // Enough items for more batches than the queue between the threads holds.
  Scale scale{"test", 60, 240, 100000};
  int staff_writes = 0;
  {
    TestServices counted;
    RefusingDatabase counting(counted.db(), 1 << 30);
    app::Services s{counting, counting, counted.services().clock, counted.services().ids, counted.settings()};
    ASSERT_TRUE(AddStaff(s, scale.children, ScaleOptions{}.seed, {}).ok());
    staff_writes = counting.writes();
  }
  TestServices t;
  RefusingDatabase refusing(t.db(), staff_writes);
  Result<ScaleSummary> loaded = LoadAtScale(refusing, t.settings(), t.clock().Now(), scale, ScaleOptions{}, {});
  EXPECT_FALSE(loaded.ok());
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM journal"), 0);
}

// TIM-05: the loaded service holds clocks as casework leaves them: every child's referral and
// assessment, met, ended and still running, some of those overdue, and each change in the
// child's journal, so the service's overdue list is measured on realistic data.
TEST(ScaleDataTest, TIM05_ClocksAsCaseworkLeavesThem) {
  TestServices t;
  Scale scale{"test", 200, 800, 12000};
  ScaleOptions options;
  options.longest_record_entries = 300;
  ASSERT_TRUE(LoadAtScale(t.db(), t.settings(), t.clock().Now(), scale, options, {}).ok());

  EXPECT_EQ(Count(t, "SELECT COUNT(DISTINCT person_id) FROM clocks WHERE definition = 'child_and_family_assessment'"), 200);
  EXPECT_GT(Count(t, "SELECT COUNT(*) FROM clocks WHERE status = 'met'"), 200);
  EXPECT_GT(Count(t, "SELECT COUNT(*) FROM clocks WHERE status = 'open'"), 0);
  std::string today = FormatDate(LondonDate(t.clock().Now()));
  EXPECT_GT(Count(t, "SELECT COUNT(*) FROM clocks WHERE status = 'open' AND due < '" + today + "'"), 0);
  EXPECT_GT(Count(t, "SELECT COUNT(DISTINCT definition) FROM clocks"), 4);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM journal WHERE kind = 'clock.started'"), Count(t, "SELECT COUNT(*) FROM clocks"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM journal WHERE kind IN ('clock.stopped', 'clock.ended')"),
            Count(t, "SELECT COUNT(*) FROM clocks WHERE status <> 'open'"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM clocks c JOIN journal j ON j.target_id = c.id AND j.kind = 'clock.started' "
                     "AND j.record_id = c.person_id"),
            Count(t, "SELECT COUNT(*) FROM clocks"));
}

TEST(ScaleDataTest, KnowsTheNamedScales) {
  EXPECT_EQ(ScaleNamed("council")->children, 25000);
  EXPECT_EQ(ScaleNamed("council")->items, 2000000);
  EXPECT_EQ(ScaleNamed("national")->persons, 4000000);
  EXPECT_FALSE(ScaleNamed("county"));
}

}  // namespace
}  // namespace casework::demo
