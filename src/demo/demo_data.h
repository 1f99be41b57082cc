// A demonstration data set: the partnership's staff as demo logins, and children with their
// families and months of casework, written so that a reader recognises real practice. Every
// item goes through the same use cases as a user's would, with the clock set to when it
// would have been written, so the journal, the access log and late-entry marks are as real
// use would leave them.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/settings.h"
#include "core/status.h"
#include "core/time.h"
#include "store/database.h"

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
  int history_days = 300;  // how far back the first family became known
};

struct DemoSummary {
  int users = 0;
  int children = 0;
  int persons = 0;
  int entries = 0;
  int corrections = 0;
  int countersignatures = 0;
  int late_entries = 0;
};

// Loads the data set into an empty database, as if written over the history_days before
// now. Refuses a database that already holds persons.
// access_log_db takes the access log lines written alone (see app::Services::access_log_db).
Result<DemoSummary> LoadDemo(store::Database& db, store::Database& access_log_db, const Settings& settings,
                             Timestamp now, const DemoOptions& options,
                             const std::unordered_set<std::string>& common_passwords);

}  // namespace casework::demo
