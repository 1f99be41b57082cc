#include "demo/demo_data.h"

#include <gtest/gtest.h>

#include <set>

#include "app/verify.h"
#include "support/test_services.h"

namespace casework::demo {
namespace {

using testing::TestServices;

std::set<std::string> Strings(TestServices& t, const std::string& sql) {
  std::set<std::string> out;
  EXPECT_TRUE(t.db()
                  .Read([&](store::Connection& c) {
                    for (auto row = c.Query(sql); row->Next();) out.insert(row->String(0));
                    return Status::Ok();
                  })
                  .ok());
  return out;
}

// Loading takes seconds, so one test looks at everything a loaded data set should hold.
TEST(DemoDataTest, LoadsChildrenFamiliesAndEveryKindOfCaseworkWithChainsThatVerify) {
  TestServices t;
  DemoOptions options;
  options.children = 40;
  options.seed = 7;
  Result<DemoSummary> loaded = LoadDemo(t.db(), t.services().access_log_db, t.settings(), t.clock().Now(), options, {});
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded->children, 40);
  EXPECT_GT(loaded->persons, loaded->children);
  EXPECT_EQ(loaded->users, static_cast<int>(DemoLogins().size()));
  EXPECT_GT(loaded->entries, 10 * loaded->children);
  EXPECT_GT(loaded->late_entries, 0);

  std::set<std::string> kinds = Strings(t, "SELECT DISTINCT kind FROM journal");
  for (const char* kind : {"entry.case_note", "entry.contact", "entry.visit", "entry.decision",
                           "entry.countersigned", "record.allocated", "relationship.added", "person.name_added"}) {
    EXPECT_TRUE(kinds.count(kind)) << kind;
  }
  EXPECT_FALSE(Strings(t, "SELECT id FROM journal WHERE kind IN ('entry.case_note', 'entry.contact', "
                          "'entry.visit', 'entry.decision') AND target_id IS NOT NULL")
                   .empty())
      << "some entries are corrections";
  EXPECT_FALSE(Strings(t, "SELECT id FROM persons WHERE missing_details <> ''").empty())
      << "some records are incomplete";
  EXPECT_FALSE(Strings(t, "SELECT child_id FROM relationships WHERE parental_responsibility = 1").empty());

  Result<app::VerifyReport> report = app::VerifyAll(t.services());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->breaks.empty());
  EXPECT_GT(report->items, loaded->entries);
}

// Which worker takes a referral, who is allocated and which entries are corrected all follow the
// seed, so a few seeds meet the hand-overs one seed can miss.
TEST(DemoDataTest, LoadsWithOtherSeedsWhereDutyWorkersHandCasesOn) {
  for (uint64_t seed : {1, 3}) {
    TestServices t;
    DemoOptions options;
    options.children = 60;
    options.seed = seed;
    Result<DemoSummary> loaded = LoadDemo(t.db(), t.services().access_log_db, t.settings(), t.clock().Now(), options, {});
    EXPECT_TRUE(loaded.ok()) << "seed " << seed << ": " << loaded.status().message();
  }
}

TEST(DemoDataTest, RefusesADatabaseThatAlreadyHoldsRecords) {
  TestServices t;
  DemoOptions one;
  one.children = 1;
  ASSERT_TRUE(LoadDemo(t.db(), t.services().access_log_db, t.settings(), t.clock().Now(), one, {}).ok());
  Result<DemoSummary> again = LoadDemo(t.db(), t.services().access_log_db, t.settings(), t.clock().Now(), one, {});
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
}

}  // namespace
}  // namespace casework::demo
