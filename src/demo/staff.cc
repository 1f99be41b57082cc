#include "demo/staff.h"

#include <map>

#include "app/users.h"
#include "demo/demo_data.h"
#include "demo/names.h"
#include "store/user_repo.h"

namespace casework::demo {
namespace {

constexpr int64_t kCaseload = 20;
constexpr size_t kWorkersPerTeam = 6;

bool Ascii(std::string_view text) {
  for (char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  }
  return true;
}

std::string Lower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

}  // namespace

Result<std::vector<StaffTeam>> AddStaff(const app::Services& s, int64_t children, uint64_t seed,
                                        const std::unordered_set<std::string>& common_passwords) {
  // Hashing a password costs a good fraction of a second by design, so it is done once, for
  // the first login, and every other account shares that hash (they share the password).
  const std::vector<DemoLogin>& logins = DemoLogins();
  const DemoLogin& first = logins.front();
  Result<User> added = app::AddUser(s, nullptr,
                                    {first.username, first.full_name, first.post_title, *ParseRole(first.role),
                                     first.team, first.agency, kDemoPassword, false},
                                    common_passwords);
  if (!added.ok()) return added.status();
  std::string password_hash = added->password_hash;
  std::vector<User> demo_users = {*added};
  std::map<std::string, StaffTeam> demo_teams;
  Status inserted = s.db.Write([&](store::Connection& c) {
    demo_users.resize(1);  // a unit of work may be run again
    store::UserRepo users(c);
    for (size_t i = 1; i < logins.size(); ++i) {
      const DemoLogin& l = logins[i];
      User u{s.ids.Next(), l.username, l.full_name, l.post_title, *ParseRole(l.role), "", l.agency, password_hash,
             s.clock.Now(), false, false, s.clock.Now()};
      if (*l.team) {
        auto team = users.FindTeamByName(l.team);
        if (!team) {
          team = s.ids.Next();
          users.InsertTeam(*team, l.team, l.agency);
        }
        u.team_id = *team;
      }
      users.Insert(u);
      demo_users.push_back(u);
    }
    return Status::Ok();
  });
  if (!inserted.ok()) return inserted;
  for (size_t i = 0; i < logins.size(); ++i) {
    const User& u = demo_users[i];
    if (u.role == Role::kPractitioner) demo_teams[logins[i].team].workers.push_back(u);
    if (u.role == Role::kTeamManager) demo_teams[logins[i].team].manager = u;
  }
  std::vector<StaffTeam> teams;
  for (auto& [name, team] : demo_teams) teams.push_back(std::move(team));

  int64_t workers_needed = children / kCaseload;
  size_t extra_teams = workers_needed > 5 ? static_cast<size_t>((workers_needed - 5) / kWorkersPerTeam + 1) : 0;
  Rng rng(seed + 2);
  std::unordered_set<std::string> usernames;
  const Heritage& names = Heritages()[0];
  auto person = [&](bool manager, const std::string& team_id, const std::string& team) {
    User u;
    bool woman = rng.Chance(0.75);  // as in the profession
    std::string given = rng.Pick(woman ? names.women : names.men);
    std::string family = rng.Pick(Heritages()[rng.Index(HeritageWeights())].family_names);
    if (!Ascii(family)) family = rng.Pick(names.family_names);
    u.username = Lower(given + "." + family);
    for (int n = 2; !usernames.insert(u.username).second; ++n) u.username = Lower(given + "." + family) + std::to_string(n);
    u.id = s.ids.Next();
    u.full_name = given + " " + family;
    u.post_title = manager ? "Team Manager" : rng.Chance(0.3) ? "Senior Social Worker" : "Social Worker";
    u.role = manager ? Role::kTeamManager : Role::kPractitioner;
    u.team_id = team_id;
    u.agency = "Children's Social Care";
    u.password_hash = password_hash;
    u.created_at = u.password_changed_at = s.clock.Now();
    (void)team;
    return u;
  };
  const size_t demo_team_count = teams.size();
  Status st = s.db.Write([&](store::Connection& c) {
    teams.resize(demo_team_count);  // a unit of work may be run again
    store::UserRepo users(c);
    for (size_t t = 0; t < extra_teams; ++t) {
      std::string name = std::string(t % 2 ? "Child in Need Team " : "Family Support Team ") + std::to_string(t / 2 + 1);
      std::string team_id = s.ids.Next();
      users.InsertTeam(team_id, name, "Children's Social Care");
      StaffTeam team{person(true, team_id, name), {}};
      users.Insert(team.manager);
      for (size_t w = 0; w < kWorkersPerTeam; ++w) {
        team.workers.push_back(person(false, team_id, name));
        users.Insert(team.workers.back());
      }
      teams.push_back(std::move(team));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return teams;
}

}  // namespace casework::demo
