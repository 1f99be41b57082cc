// One item of a record's append-only journal, as stored.
//
// The server stamps everything here except the body and occurred_at, which come from the
// user. Items are chained: each holds the hash of the item before it in the same record, and
// its own hash over CanonicalBytes(), so any later change or removal can be detected.
#pragma once

#include <optional>
#include <string>

#include "core/time.h"

namespace casework {

struct JournalItem {
  std::string record_id;
  int64_t seq = 0;  // 1, 2, 3... with no gaps within a record
  std::string id;
  std::string kind;  // see journal_kinds.h
  std::string author_user_id;
  std::string author_name;        // as they were when the item was written
  std::string author_post_title;  // likewise
  Timestamp recorded_at{};
  std::optional<Timestamp> occurred_at;
  bool late = false;       // recorded after the contemporaneous window
  std::string target_id;   // the item this one corrects or countersigns, if any
  std::string body;        // JSON text of what was recorded
  std::string prev_hash;   // empty for the first item
  std::string hash;

  // Length-prefixed encoding of every field above except hash. Stable across versions:
  // changing it would break verification of existing records.
  std::string CanonicalBytes() const;
};

}  // namespace casework
