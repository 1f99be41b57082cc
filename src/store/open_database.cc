#include "store/open_database.h"

#include "store/postgres/pg_database.h"
#include "store/sqlite/sqlite_database.h"

namespace casework::store {

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::unique_ptr<Database> OpenDatabase(const std::string& location, int connections) {
  if (IsPostgresUrl(location)) return std::make_unique<PgDatabase>(location, connections);
  return std::make_unique<SqliteDatabase>(location);
}

}  // namespace casework::store
