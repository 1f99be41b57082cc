// A partnership's choices, loaded from config/ at start-up (see src/settings). Defaults here
// match the shipped config files so that tests can build Settings without reading files.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "core/timescale.h"
#include "core/working_day_calendar.h"

namespace casework {

struct SessionPolicy {
  std::chrono::minutes idle_timeout{15};
  std::chrono::minutes absolute_timeout{12 * 60};
};

struct PasswordPolicy {
  size_t min_length = 12;
  int max_age_days = 365;  // 0 turns forced expiry off
  // Argon2id cost; see docs/security.md before changing.
  unsigned long long ops_limit = 2;
  size_t mem_limit_bytes = 64u << 20;
};

// Ways into a child's record besides allocation (SEC-04); see docs/security.md.
struct AccessPolicy {
  // How long break-glass access lasts once a user states their reason.
  std::chrono::minutes break_glass_duration{4 * 60};
  // The longest a named grant may run.
  int max_grant_days = 366;
  // Whether auditors and records officers may read (never change) unrestricted records by
  // virtue of their role, for assurance and records management.
  bool auditors_read_records = true;
  bool records_officers_read_records = true;
};

// Throttling of failed sign-ins (SEC-03).
struct SignInPolicy {
  int max_failures = 10;  // within the lockout period, per account and per address
  std::chrono::minutes lockout{15};
  // Roles (by name, or "all") who must sign in with a one-time code as well as a password.
  std::vector<std::string> two_factor_required_for;
};

// HTTPS served by Casework itself: PEM files, absolute once loaded. Both empty when a proxy
// in front of Casework does HTTPS instead (see docs/operations.md).
struct TlsFiles {
  std::string certificate_file;
  std::string key_file;
};

struct Settings {
  std::string partnership_name = "Casework demonstration partnership";
  // An entry recorded more than this long after its event is marked late (ENT-02).
  std::chrono::minutes contemporaneous_window{24 * 60};
  // REC-02: details a record must hold, or mark "not known" with a reason.
  std::vector<std::string> required_details_child = {
      "full_name", "address",         "date_of_birth", "gender",           "ethnicity",
      "religion",  "first_language",  "disability",    "nhs_number",       "council_reference"};
  std::vector<std::string> required_details_other = {"full_name", "address", "date_of_birth", "ethnicity",
                                                     "religion", "first_language"};
  // Allowed values; an empty list accepts any text.
  std::vector<std::string> genders;
  std::vector<std::string> ethnicities;
  std::vector<std::string> religions;
  // Prefix of the references Casework gives children whose record opens without one.
  std::string council_reference_prefix = "CW";
  // TIM-02: the rule-made bank holidays, plus one-off and closure days from calendar.toml.
  WorkingDayCalendar calendar;
  // TIM-01: the events recorded on a child's record and the clocks they start and stop, from
  // timescales.toml. Empty until loaded.
  Timescales timescales;
  SessionPolicy sessions;
  PasswordPolicy passwords;
  AccessPolicy access;
  SignInPolicy sign_in;
  TlsFiles tls;
};

}  // namespace casework
