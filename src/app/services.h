// What every use case needs from the world: the database, the time, new ids and the
// partnership's settings. Built once by main; tests build one with a fake clock.
#pragma once

#include "core/clock.h"
#include "core/ids.h"
#include "core/settings.h"
#include "store/database.h"

namespace casework::app {

struct Services {
  store::Database& db;
  const Clock& clock;
  IdGenerator& ids;
  const Settings& settings;
};

}  // namespace casework::app
