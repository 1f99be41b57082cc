// casework demo: a new database with demo logins and a realistic synthetic data set.
#include <iostream>

#include "cli/commands.h"
#include "demo/demo_data.h"
#include "settings/settings_loader.h"
#include "store/migrations.h"

namespace casework::cli {

void AddDemoCommand(CLI::App& app) {
  auto options = std::make_shared<StoreOptions>();
  auto demo = std::make_shared<demo::DemoOptions>();
  CLI::App* cmd = app.add_subcommand("demo", "create a database holding demo logins and synthetic casework");
  AddStoreOptions(*cmd, *options);
  cmd->add_option("--children", demo->children, "how many children")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_option("--seed", demo->seed, "seed for the random choices, so a data set can be made again")
      ->capture_default_str();
  cmd->callback([options, demo] {
    options->bulk_load = true;
    auto rt = Runtime::Open(*options);
    if (!rt) Exit(1);
    app::Services& s = rt->services();
    if (Status st = store::Migrate(s.db, s.clock.Now()); !st.ok()) Exit(Fail(st));
    auto common = LoadCommonPasswords(rt->config_dir());
    if (!common.ok()) Exit(Fail(common.status()));
    Result<demo::DemoSummary> loaded = demo::LoadDemo(s.db, s.settings, s.clock.Now(), *demo, *common);
    if (!loaded.ok()) Exit(Fail(loaded.status()));
    rt.reset();  // syncs the bulk load to disk
    std::cout << "Loaded " << loaded->children << " children, " << loaded->persons << " persons in all and "
              << loaded->entries << " entries (" << loaded->late_entries << " late, " << loaded->corrections
              << " corrections, " << loaded->countersignatures << " countersignatures) into " << options->Describe()
              << ".\nDemo logins (password " << demo::kDemoPassword << "):\n";
    for (const demo::DemoLogin& l : demo::DemoLogins()) {
      std::cout << "  " << l.username << "  " << l.full_name << ", " << l.post_title << " (" << l.role << ")\n";
    }
  });
}

}  // namespace casework::cli
