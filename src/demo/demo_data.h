// A demonstration data set: the partnership's staff as demo logins, and children with their
// families and a year of casework, written so that a reader recognises real practice. Every
// item goes through the same use cases as a user's would, with the clock set to when it
// would have been written, so the journal, the access log and late-entry marks are as real
// use would leave them.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "app/services.h"

namespace casework::demo {

// Every demo login shares this password.
inline constexpr char kDemoPassword[] = "Lantern-Hedgehog-47";

struct DemoLogin {
  const char* username;
  const char* full_name;
  const char* post_title;
  const char* role;
  const char* team;
  const char* agency;
};
const std::vector<DemoLogin>& DemoLogins();

struct DemoOptions {
  int children = 300;
  uint64_t seed = 2026;
};

struct DemoSummary {
  int users = 0;
  int children = 0;
  int persons = 0;
  int entries = 0;
};

// Loads the data set into an empty database. Refuses a database that already holds persons.
Result<DemoSummary> LoadDemo(const app::Services& services, const DemoOptions& options,
                             const std::unordered_set<std::string>& common_passwords);

}  // namespace casework::demo
