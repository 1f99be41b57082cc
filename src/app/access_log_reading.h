// Reading the access log (GOV-06) wherever its lines are kept: the main database, and on
// SQLite the access log file too (store/access_log_file.h). No check of who may read it:
// callers decide that, and log the reading.
#pragma once

#include <vector>

#include "app/services.h"
#include "core/access_event.h"
#include "store/access_log_repo.h"

namespace casework::app {

// The lines matching the query from both places, newest first (by id, as AccessLogRepo::List),
// at most query.limit of them, so a page is the same whichever place its lines came from.
Result<std::vector<AccessEvent>> ReadAccessLog(const Services& s, const store::AccessQuery& query);

}  // namespace casework::app
