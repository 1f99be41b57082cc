// Choosing the database: a PostgreSQL server named by URL, or else an SQLite file (with its
// access log file beside it, see access_log_file.h).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/time.h"
#include "store/database.h"

namespace casework::store {

// True for postgresql:// and postgres:// URLs (and libpq's key=value form is not accepted,
// so a file name can never be mistaken for one).
bool IsPostgresUrl(std::string_view location);

// Opens the PostgreSQL database at a URL, with at most connections connections, or else the
// SQLite file at the path (alone, without its access log file). Throws DbError when it
// cannot. bulk_load is for loaders of a new database (see Durability); a PostgreSQL server
// keeps its own durability settings.
std::unique_ptr<Database> OpenDatabase(const std::string& location, int connections = 10, bool bulk_load = false);

// Everything Casework keeps for one council.
struct Databases {
  std::unique_ptr<Database> main;
  // SQLite's access log file; null on PostgreSQL.
  std::unique_ptr<Database> access_log_file;

  // Where the access log lines written alone go: the access log file, or else the main database.
  Database& access_log() const { return access_log_file ? *access_log_file : *main; }
};

// Opens the database at location as OpenDatabase does and, for an SQLite file, its access log
// file, creating both for a new database. Refuses (kUnavailable) an SQLite database that should
// have an access log file and has none, and an access log file whose database is missing:
// starting an empty log beside a database that had one would hide who read what.
Result<Databases> OpenDatabases(const std::string& location, int connections = 10, bool bulk_load = false);

// Brings the main schema, and the access log file's, up to date.
Status MigrateDatabases(const Databases& databases, Timestamp now);

}  // namespace casework::store
