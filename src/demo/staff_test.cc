#include "demo/staff.h"

#include <gtest/gtest.h>

#include "support/test_services.h"

namespace casework::demo {
namespace {

using testing::TestServices;

// Runs each write twice, the first time rolled back, as PostgreSQL's writer does with a unit of
// work after a collision with another server (store/database.h allows any database to).
class RunsEachWriteTwiceDatabase final : public store::Database {
 public:
  explicit RunsEachWriteTwiceDatabase(store::Database& inner) : inner_(inner) {}
  store::Dialect dialect() const override { return inner_.dialect(); }
  Status Write(const store::Work& work) override {
    Status undone = inner_.Write([&](store::Connection& c) {
      Status first = work(c);
      return first.ok() ? Status::Conflict("run again") : first;
    });
    if (undone.code() != StatusCode::kConflict) return undone;
    return inner_.Write(work);
  }
  Status Read(const store::Work& work) override { return inner_.Read(work); }

 private:
  store::Database& inner_;
};

bool Kept(TestServices& t, const User& u) {
  bool kept = false;
  EXPECT_TRUE(t.db()
                  .Read([&](store::Connection& c) {
                    kept = c.Query("SELECT 1 FROM users WHERE id = ?", {std::string_view(u.id)})->Next();
                    return Status::Ok();
                  })
                  .ok());
  return kept;
}

TEST(StaffTest, StaffAddedByAWriteRunTwiceAreTheStaffThatWereKept) {
  TestServices t;
  RunsEachWriteTwiceDatabase twice(t.db());
  app::Services s{twice, twice, t.services().clock, t.services().ids, t.settings()};
  // Enough children for teams beyond the demo logins' own.
  Result<std::vector<StaffTeam>> teams = AddStaff(s, 2000, 7, {});
  ASSERT_TRUE(teams.ok()) << teams.status().message();

  size_t workers = 0;
  for (const StaffTeam& team : *teams) {
    EXPECT_TRUE(Kept(t, team.manager)) << team.manager.username;
    for (const User& worker : team.workers) EXPECT_TRUE(Kept(t, worker)) << worker.username;
    workers += team.workers.size();
  }
  EXPECT_GT(teams->size(), 2u);
  EXPECT_GE(workers, 2000u / 25);
}

}  // namespace
}  // namespace casework::demo
