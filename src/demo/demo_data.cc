#include "demo/demo_data.h"

#include "app/persons.h"
#include "app/users.h"
#include "store/person_repo.h"

namespace casework::demo {

Result<DemoSummary> LoadDemo(const app::Services& s, const DemoOptions& options,
                             const std::unordered_set<std::string>& common_passwords) {
  bool empty = true;
  Status st = s.db.Read([&](store::Connection& c) {
    empty = !c.Query("SELECT 1 FROM persons LIMIT 1")->Next();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!empty) return Status::Conflict("the database already holds records; load the demo into a new database");
  DemoSummary summary;
  for (const DemoLogin& l : DemoLogins()) {
    app::NewUser u{l.username, l.full_name, l.post_title, *ParseRole(l.role), l.team, l.agency, kDemoPassword, false};
    Result<User> added = app::AddUser(s, nullptr, u, common_passwords);
    if (!added.ok()) return added.status();
    ++summary.users;
  }
  return summary;
}

}  // namespace casework::demo
