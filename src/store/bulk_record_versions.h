// For loading a whole data set into a database that holds no one yet (casework demo --scale).
// The triggers that move each person's record version (migration 0013, record_version_repo.h)
// would run for every row loaded, a tenth more work for the loader, and keep versions that
// nothing needs: no server can have kept a summary of a person who did not exist. So while
// the database holds no persons when the load begins, BulkRecordVersions turns them off for
// the load, inside its unit of work (SQLite drops and makes them again; PostgreSQL's skip while
// casework.copying is on), so a load that fails leaves them as they were. With anyone already
// in the database, it leaves the triggers running.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace casework::store {

class BulkRecordVersions {
 public:
  explicit BulkRecordVersions(Connection& c);
  // Turns the triggers back on.
  void Finish();

 private:
  Connection& c_;
  bool off_ = false;
  std::vector<std::string> triggers_;  // SQLite: the statements that made them
};

}  // namespace casework::store
