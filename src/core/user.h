// Users of Casework, their roles, and their signed-in sessions.
#pragma once

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
};

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
