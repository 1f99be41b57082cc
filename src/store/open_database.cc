#include "store/open_database.h"

#include "store/postgres/pg_database.h"
#include "store/sqlite/sqlite_database.h"

namespace casework::store {

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::unique_ptr<Database> OpenDatabase(const std::string& location, int connections, bool bulk_load) {
  if (IsPostgresUrl(location)) return std::make_unique<PgDatabase>(location, connections);
  return std::make_unique<SqliteDatabase>(location, 4, bulk_load ? Durability::kBulkLoad : Durability::kFull);
}

}  // namespace casework::store
