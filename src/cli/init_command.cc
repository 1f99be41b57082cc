// casework init: creates the database (on SQLite with its access log file), or brings its
// schema up to date.
#include <iostream>

#include "cli/commands.h"
#include "store/migrations.h"

namespace casework::cli {

void AddInitCommand(CLI::App& app) {
  auto options = std::make_shared<StoreOptions>();
  CLI::App* cmd = app.add_subcommand("init", "create the database, or upgrade its schema to this version");
  AddStoreOptions(*cmd, *options);
  cmd->callback([options] {
    auto rt = Runtime::Open(*options);
    if (!rt) Exit(1);
    Result<int> before = store::SchemaVersion(rt->services().db);
    if (!before.ok()) Exit(Fail(before.status()));
    Status s = rt->Migrate();
    if (!s.ok()) Exit(Fail(s));
    int latest = store::LatestSchemaVersion(rt->services().db.dialect());
    if (*before == latest) {
      std::cout << "The database " << options->Describe() << " is up to date (schema " << latest << ").\n";
    } else {
      std::cout << "The database " << options->Describe() << " now has schema " << latest << " (was " << *before
                << ").\n";
    }
  });
}

}  // namespace casework::cli
