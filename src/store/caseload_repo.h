// The children's records allocated to a worker or a team: a practitioner's caseload.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/person.h"
#include "store/database.h"

namespace casework::store {

struct CaseloadRow {
  PersonSummary child;
  std::string worker_id;
  std::string worker_name;
  std::string worker_post_title;
  std::optional<Timestamp> last_recorded_at;  // the newest item in the child's journal
  int missing_details = 0;                    // required details not yet supplied
  int decisions_due = 0;                      // decisions due for review by the day asked
};

class CaseloadRepo {
 public:
  explicit CaseloadRepo(Connection& c) : c_(c) {}

  // Open records allocated to the worker (or, with team_id set, to anyone in that team), by
  // name, counting the decisions due for review on or before review_by.
  std::vector<CaseloadRow> Allocated(const std::string& worker_id, const std::string& team_id, Date review_by,
                                     int limit);

 private:
  Connection& c_;
};

}  // namespace casework::store
