// Grants, restriction and break-glass: the ways into a child's record other than being
// allocated to it (SEC-04), and what is shared with partner agencies (SEC-05).
#pragma once

#include <optional>
#include <string>

#include "core/time.h"

namespace casework {

// A named user may open a record for a purpose until a time.
struct AccessGrant {
  std::string id;
  std::string record_id;
  std::string user_id;
  std::string purpose;
  std::string granted_by;
  Timestamp granted_at{};
  Timestamp expires_at{};
  std::optional<Timestamp> revoked_at;
  std::string revoked_by;

  bool ActiveAt(Timestamp t) const { return !revoked_at && t < expires_at; }
};

// Emergency access by someone with no relationship to the record, reviewed afterwards.
struct BreakGlass {
  std::string id;
  std::string record_id;
  std::string user_id;
  std::string username;  // for the reviewer's list
  std::string reason;
  Timestamp started_at{};
  Timestamp expires_at{};
  std::string reviewer_team_id;  // empty: reviewed by an auditor
  std::string reviewed_by;
  std::optional<Timestamp> reviewed_at;
  std::optional<bool> justified;
  std::string review_note;

  bool ActiveAt(Timestamp t) const { return t < expires_at; }
};

// One item of a record shared with a partner agency user, or with a whole agency.
struct SharedItem {
  std::string id;
  std::string record_id;
  std::string item_id;
  std::string user_id;
  std::string agency;
  std::string purpose;
  std::string shared_by;
  Timestamp shared_at{};
};

}  // namespace casework
