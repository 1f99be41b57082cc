#include "store/open_database.h"

#include <filesystem>

#include "store/access_log_file.h"
#include "store/migrations.h"
#include "store/postgres/pg_database.h"
#include "store/sqlite/sqlite_database.h"

namespace casework::store {
namespace {

// Only the listing and casework verify read the access log file, and seldom.
constexpr int kAccessLogFileReaders = 2;

Status Unavailable(const std::string& message) { return Status(StatusCode::kUnavailable, message); }

Result<Databases> OpenSqlite(const std::string& path, bool bulk_load) {
  Durability durability = bulk_load ? Durability::kBulkLoad : Durability::kFull;
  std::string log_path = AccessLogFilePath(path);
  bool had_main = std::filesystem::exists(path);
  bool had_log = std::filesystem::exists(log_path);
  if (had_log && !had_main) {
    return Unavailable("the access log file " + log_path + " is there but its database " + path +
                       " is not; restore both from the same backup, or move the access log file away to start a "
                       "new database");
  }
  Databases d;
  d.main = std::make_unique<SqliteDatabase>(path, 4, durability);
  if (had_main && !had_log) {
    Result<bool> needed = HasAccessLogFile(*d.main);
    if (!needed.ok()) return needed.status();
    if (*needed) {
      return Unavailable("the access log file " + log_path + " is missing; it holds who read which record in " +
                         path + ". Restore both files from the same backup: Casework will not start a new, empty " +
                         "access log beside a database that had one");
    }
  }
  d.access_log_file = std::make_unique<SqliteDatabase>(log_path, kAccessLogFileReaders, durability, kAccessLogFileChain);
  return d;
}

}  // namespace

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::unique_ptr<Database> OpenDatabase(const std::string& location, int connections, bool bulk_load) {
  if (IsPostgresUrl(location)) return std::make_unique<PgDatabase>(location, connections);
  return std::make_unique<SqliteDatabase>(location, 4, bulk_load ? Durability::kBulkLoad : Durability::kFull);
}

Result<Databases> OpenDatabases(const std::string& location, int connections, bool bulk_load) {
  try {
    if (!IsPostgresUrl(location)) return OpenSqlite(location, bulk_load);
    Databases d;
    d.main = std::make_unique<PgDatabase>(location, connections);
    return d;
  } catch (const DbError& e) {
    return Unavailable(e.what());
  }
}

Status MigrateDatabases(const Databases& databases, Timestamp now) {
  CASEWORK_RETURN_IF_ERROR(Migrate(*databases.main, now));
  if (!databases.access_log_file) return Status::Ok();
  Status s = Migrate(*databases.access_log_file, now, AccessLogFileMigrations());
  if (!s.ok()) return Status(s.code(), "the access log file: " + s.message());
  return Status::Ok();
}

}  // namespace casework::store
