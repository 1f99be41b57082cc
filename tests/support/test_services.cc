#include "support/test_services.h"

#include <stdexcept>

#include "app/persons.h"
#include "app/users.h"
#include "crypto/crypto.h"
#include "settings/settings_loader.h"
#include "store/open_database.h"

namespace casework::testing {

void CountingRandom::Fill(uint8_t* out, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    out[i] = static_cast<uint8_t>(next_ >> (8 * (i % 8)));
    if (i % 8 == 7) ++next_;
  }
  ++next_;
}

TestServices::TestServices(TestDatabase::Backend backend)
    : database_(backend), clock_(*ParseTimestamp("2026-11-23T10:00:00Z", "start")), ids_(clock_, random_),
      server_key_((crypto::Initialise(), crypto::ServerKey::Generate())) {
  crypto::Initialise();
  Result<Settings> loaded = LoadSettings(DefaultConfigDir());
  if (!loaded.ok()) throw std::runtime_error(loaded.status().ToString());
  settings_ = std::move(*loaded);
  settings_.passwords.ops_limit = 1;
  settings_.passwords.mem_limit_bytes = 1 << 20;
  databases_ = database_.OpenAll();
  Status migrated = store::MigrateDatabases(databases_, clock_.Now());
  if (!migrated.ok()) throw std::runtime_error(migrated.ToString());
  services_.reset(new app::Services{*databases_.main, databases_.access_log(), clock_, ids_, settings_, &server_key_,
                                   &record_cache_});
}

TestServices::~TestServices() = default;

app::Actor TestServices::AddActor(const std::string& username, Role role, const std::string& team) {
  app::NewUser u;
  u.username = username;
  u.full_name = "Test " + username;
  u.post_title = std::string(RoleName(role)) + " post";
  u.role = role;
  u.team = team;
  u.agency = "Children's Social Care";
  u.password = "Correct-Lantern-Staple-9";
  u.must_change_password = false;
  Result<User> user = app::AddUser(*services_, nullptr, u, {});
  if (!user.ok()) throw std::runtime_error(user.status().ToString());
  return app::Actor{*user, "test-session", "127.0.0.1"};
}

Person TestServices::AddChild(const app::Actor& by, const std::string& family_name) {
  app::NewPerson p;
  p.details.family_name = family_name;
  p.open_case_record = true;
  Result<app::CreateOutcome> made = app::CreatePerson(*services_, by, p);
  if (!made.ok()) throw std::runtime_error(made.status().ToString());
  if (!made->created) throw std::runtime_error("the child was taken for someone already recorded");
  return *made->created;
}

}  // namespace casework::testing
