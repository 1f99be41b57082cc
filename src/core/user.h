// Users of Casework, their roles, and their signed-in sessions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace casework {

enum class Role {
  kPractitioner,         // a social worker or other practitioner in the council's service
  kTeamManager,          // manages a team; authorises and audits its work
  kPartnerPractitioner,  // police, health, education: sees only what is shared with them
  kRecordsOfficer,       // paper files, retention, subject access
  kAuditor,              // reads access logs and records for assurance
  kAdministrator,        // manages users; no access to children's records by right
};
const char* RoleName(Role role);
std::optional<Role> ParseRole(std::string_view text);

struct User {
  std::string id;
  std::string username;
  std::string full_name;
  std::string post_title;
  Role role = Role::kPractitioner;
  std::string team_id;
  std::string agency;
  std::string password_hash;
  Timestamp password_changed_at{};
  bool must_change_password = false;
  bool disabled = false;
  Timestamp created_at{};
  // Two-factor sign-in (SEC-03): the one-time password secret, sealed with the server's key,
  // and the last time step whose code was accepted, so that no code works twice. A secret
  // with last step 0 is an enrolment begun but not yet confirmed with a code.
  std::string totp_secret;
  int64_t totp_last_step = 0;

  bool operator==(const User&) const = default;
};

// Whether sign-in asks this user for a one-time code as well as their password.
inline bool TwoFactorOn(const User& u) { return !u.totp_secret.empty() && u.totp_last_step > 0; }

struct Session {
  std::string id;          // shown to the user to tell sessions apart; not a secret
  std::string token_hash;  // the secret token is never stored
  std::string user_id;
  std::string csrf_token;
  Timestamp created_at{};
  Timestamp last_seen_at{};
  std::optional<Timestamp> ended_at;
  std::string ended_reason;
  std::string client_address;
  std::string user_agent;
};

}  // namespace casework
