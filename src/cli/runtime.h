// What every subcommand sets up the same way: settings, the database and the services that
// use cases need. Only here does Casework choose a concrete database.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/kept_sessions.h"
#include "app/record_cache.h"
#include "app/services.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "crypto/server_key.h"
#include "store/open_database.h"

namespace casework::cli {

struct StoreOptions {
  std::string db_path = "casework.db";
  std::string database_url;  // postgresql://...; when set, used instead of db_path
  int database_connections = 10;
  std::string config_dir;  // empty: the config folder beside the source
  // For loaders of a new database: commits unsynced, all synced once when closed.
  bool bulk_load = false;

  // The file or the server's address, without any password, for messages.
  std::string Describe() const;
};

class Runtime {
 public:
  // Loads settings and opens the database; prints what is wrong and returns null on failure.
  static std::unique_ptr<Runtime> Open(const StoreOptions& options);

  app::Services& services() { return *services_; }
  RandomSource& random() { return random_; }
  const std::string& config_dir() const { return config_dir_; }

  // Ok if the schema is current, the access log file's too; otherwise says to run casework init.
  Status RequireCurrentSchema();
  // Brings the schema, and the access log file's, up to date.
  Status Migrate();
  const store::Databases& databases() const { return databases_; }

  // Reads the server's key (which seals two-factor secrets) from key_file, or with none given
  // from the file beside the SQLite database; a missing file is created with a new key.
  // Over PostgreSQL with no file given, there is no key and two-factor sign-in is unavailable.
  Status LoadServerKey(const StoreOptions& options, const std::string& key_file);

 private:
  Runtime() = default;

  std::string config_dir_;
  Settings settings_;
  SystemClock clock_;
  crypto::BufferedRandom random_;  // for ids
  std::unique_ptr<IdGenerator> ids_;
  store::Databases databases_;
  std::unique_ptr<app::Services> services_;
  std::optional<crypto::ServerKey> server_key_;
  app::RecordCache record_cache_;
  app::KeptSessions kept_sessions_;
};

// Prints a failed Status for a person at a terminal and returns the exit code for it.
int Fail(const Status& status);

}  // namespace casework::cli
