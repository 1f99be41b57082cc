// Choosing the database: a PostgreSQL server named by URL, or else an SQLite file.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/database.h"

namespace casework::store {

// True for postgresql:// and postgres:// URLs (and libpq's key=value form is not accepted,
// so a file name can never be mistaken for one).
bool IsPostgresUrl(std::string_view location);

// Opens the PostgreSQL database at a URL, with at most connections connections, or else the
// SQLite file at the path. Throws DbError when it cannot. bulk_load is for loaders of a new
// database (see Durability); a PostgreSQL server keeps its own durability settings.
std::unique_ptr<Database> OpenDatabase(const std::string& location, int connections = 10, bool bulk_load = false);

}  // namespace casework::store
