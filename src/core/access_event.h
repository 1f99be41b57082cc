// One line of the access log: who looked at or changed what, when, from where, on what basis,
// and whether they were allowed (GOV-06). Chained by hash like the journal.
#pragma once

#include <string>

#include "core/time.h"

namespace casework {

struct AccessEvent {
  std::string chain;
  int64_t seq = 0;
  std::string id;
  Timestamp at{};
  std::string user_id;   // empty for a failed sign-in by an unknown name
  std::string username;
  std::string client_address;
  std::string action;     // "record.read", "record.write", "search", "sign_in"...
  std::string record_id;  // the child's or person's record, when there is one
  std::string outcome;    // "allowed" or "refused"
  std::string basis;      // the relationship that allowed it, or why it was refused
  std::string detail;     // what exactly: the page, the item, the search terms
  std::string prev_hash;
  std::string hash;

  std::string CanonicalBytes() const;
};

}  // namespace casework
