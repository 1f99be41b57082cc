#include "cli/commands.h"

namespace casework::cli {

void AddStoreOptions(CLI::App& command, StoreOptions& options) {
  command.add_option("--db", options.db_path, "the SQLite database file")->capture_default_str();
  command.add_option("--config", options.config_dir, "the partnership's config folder (default: the shipped one)");
}

void Exit(int code) { throw CLI::RuntimeError(code); }

}  // namespace casework::cli
