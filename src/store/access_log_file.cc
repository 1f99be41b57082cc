#include "store/access_log_file.h"

namespace casework::store {

std::string AccessLogFilePath(const std::string& db_path) { return db_path + "-access-log.db"; }

Result<bool> HasAccessLogFile(Database& main) {
  bool has = false;
  Status st = main.Read([&](Connection& c) {
    // A file made by no Casework yet has no table of migrations.
    if (!c.Query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")->Next()) {
      has = false;
      return Status::Ok();
    }
    has = c.Query("SELECT 1 FROM schema_migrations WHERE version = ?", {int64_t{kAccessLogFileSince}})->Next();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return has;
}

}  // namespace casework::store
