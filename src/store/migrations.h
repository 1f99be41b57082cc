// Schema migrations: numbered SQL scripts compiled into the binary, one list per dialect,
// applied in order, each in its own transaction with the row that records it.
#pragma once

#include <vector>

#include "core/time.h"
#include "store/database.h"

namespace casework::store {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();
// The schema of SQLite's access log file (see access_log_file.h), numbered on its own.
const std::vector<Migration>& AccessLogFileMigrations();

// Brings the schema up to date; several processes may do so at once. Refuses a database whose
// schema is newer than this binary. Without a list, the main schema of the database's dialect.
Status Migrate(Database& db, Timestamp now);
Status Migrate(Database& db, Timestamp now, const std::vector<Migration>& migrations);

// The highest migration applied with every known one before it, or 0 for an empty database.
Result<int> SchemaVersion(Database& db);
Result<int> SchemaVersion(Database& db, const std::vector<Migration>& migrations);
// The highest migration this binary knows.
int LatestSchemaVersion(Dialect dialect);
int LatestSchemaVersion(const std::vector<Migration>& migrations);

}  // namespace casework::store
