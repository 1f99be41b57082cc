// What every use case needs from the world: the database, the time, new ids, the
// partnership's settings and the server's key. Built once by main; tests build one with a
// fake clock.
#pragma once

#include "core/clock.h"
#include "core/ids.h"
#include "core/settings.h"
#include "crypto/server_key.h"
#include "store/database.h"

namespace casework::app {

class KeptSessions;
class RecordCache;

struct Services {
  store::Database& db;
  // Where the access log lines written alone (AuditAlone, Refuse) go: on SQLite the access
  // log file (store/access_log_file.h), so that a read's commit leaves the main file's
  // readers their caches; on PostgreSQL the same database as db.
  store::Database& access_log_db;
  const Clock& clock;
  IdGenerator& ids;
  const Settings& settings;
  // Seals two-factor secrets; null when the server was started without one, and then
  // two-factor sign-in cannot be set up.
  const crypto::ServerKey* server_key = nullptr;
  // Record summaries kept between requests (app/record_cache.h); null keeps none.
  RecordCache* record_cache = nullptr;
  // Sessions kept between requests (app/kept_sessions.h); null keeps none.
  KeptSessions* kept_sessions = nullptr;
};

}  // namespace casework::app
