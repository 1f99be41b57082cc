// SQLite's access log file: the access log lines written in a unit of work of their own
// (reads of records, searches, reports, refusals) are kept in a second SQLite file beside the
// main one, with a writer of its own. In WAL mode every commit to a file makes each of its
// readers throw its page cache away, and every audited read commits its line before it
// answers: in the main file, that left every read starting cold. The lines written with a
// change stay in the main file, in the change's own transaction. PostgreSQL keeps all lines
// in its one database, where a commit empties no one's cache.
#pragma once

#include <string>

#include "core/status.h"
#include "store/database.h"

namespace casework::store {

// The chain the access log file's writer appends to. The main file's writer uses "local" and
// PostgreSQL's connections "pg-..."; casework migrate puts every chain in one table.
inline constexpr char kAccessLogFileChain[] = "reads-and-refusals";

// The main schema's migration from which a database has an access log file.
inline constexpr int kAccessLogFileSince = 11;

// Where the access log file of the SQLite database at db_path is: beside it, named after it.
std::string AccessLogFilePath(const std::string& db_path);

// Whether the main database at this schema must have an access log file beside it: true once
// migration kAccessLogFileSince is applied.
Result<bool> HasAccessLogFile(Database& main);

}  // namespace casework::store
