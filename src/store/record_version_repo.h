// The version of each person's record summary (migration 0013): moved on by triggers with
// every committed change to what the summary shows, so a summary assembled earlier can be
// checked against the snapshot being read with one look-up (app/record_cache.h).
#pragma once

#include <cstdint>
#include <string>

#include "store/database.h"

namespace casework::store {

class RecordVersionRepo {
 public:
  explicit RecordVersionRepo(Connection& c) : c_(c) {}
  // 0 for a person whose summary has not changed since versions were first kept.
  int64_t Get(const std::string& person_id);

 private:
  Connection& c_;
};

}  // namespace casework::store
