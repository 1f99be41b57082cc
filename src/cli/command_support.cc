#include "cli/commands.h"

namespace casework::cli {

void AddStoreOptions(CLI::App& command, StoreOptions& options) {
  command.add_option("--db", options.db_path, "the SQLite database file")->capture_default_str();
  command
      .add_option("--database-url", options.database_url,
                  "a PostgreSQL database (postgresql://USER@HOST:PORT/NAME) to use instead of the SQLite file")
      ->envname("CASEWORK_DATABASE_URL");
  command
      .add_option("--database-connections", options.database_connections,
                  "most connections this process opens to PostgreSQL")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  command.add_option("--config", options.config_dir, "the partnership's config folder (default: the shipped one)");
}

void Exit(int code) { throw CLI::RuntimeError(code); }

}  // namespace casework::cli
