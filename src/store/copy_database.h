// Moving a council's data from its SQLite file to a PostgreSQL database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace casework::store {

struct TableCopy {
  std::string table;
  int64_t rows = 0;
};

// Copies every row of every table of the SQLite database from, and of its access log file
// (null if it has none; see access_log_file.h), into the PostgreSQL database to, which must
// have the same schema version and hold no data yet. The access log file's lines join the
// main file's in the one access_log table, their chains' names apart. Rows are copied as
// they are stored, journal and access log hashes included, so both verify alike. One
// transaction: on any failure nothing is copied. Afterwards each table's rows are counted
// on both sides. Returns the tables copied, with the rows from both files together.
Result<std::vector<TableCopy>> CopyDatabase(Database& from, Database* from_access_log_file, Database& to);

}  // namespace casework::store
