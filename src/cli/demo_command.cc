// casework demo: a new database with demo logins and a realistic synthetic data set.
#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "demo/demo_data.h"
#include "demo/scale_data.h"
#include "settings/settings_loader.h"
#include "store/migrations.h"

namespace casework::cli {

namespace {

void LoadScale(std::unique_ptr<Runtime>& rt, const StoreOptions& options, const demo::Scale& scale, uint64_t seed,
               const std::unordered_set<std::string>& common) {
  app::Services& s = rt->services();
  demo::ScaleOptions scale_options;
  scale_options.seed = seed;
  int64_t reported = 0;
  Result<demo::ScaleSummary> loaded =
      demo::LoadAtScale(s.db, s.settings, s.clock.Now(), scale, scale_options, common, [&](int64_t items) {
        if (items - reported < scale.items / 10) return;
        reported = items;
        std::cerr << "  " << items << " journal items\n";
      });
  if (!loaded.ok()) Exit(Fail(loaded.status()));
  auto syncing = std::chrono::steady_clock::now();
  rt.reset();  // syncs the bulk load to disk
  double sync_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - syncing).count();
  double seconds = loaded->seconds + sync_seconds;
  std::cout << "Loaded " << loaded->children << " children, " << loaded->persons << " persons, " << loaded->users
            << " staff and " << loaded->items << " journal items into " << options.Describe() << " in " << seconds
            << " s, " << sync_seconds << " s of it syncing to disk ("
            << static_cast<int64_t>(static_cast<double>(loaded->items) / seconds) << " journal items/s). Staff sign in with the demo password " << demo::kDemoPassword << ".\n";
}

}  // namespace

void AddDemoCommand(CLI::App& app) {
  auto options = std::make_shared<StoreOptions>();
  auto demo = std::make_shared<demo::DemoOptions>();
  CLI::App* cmd = app.add_subcommand("demo", "create a database holding demo logins and synthetic casework");
  AddStoreOptions(*cmd, *options);
  cmd->add_option("--children", demo->children, "how many children")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_option("--seed", demo->seed, "seed for the random choices, so a data set can be made again")
      ->capture_default_str();
  auto scale = std::make_shared<std::string>();
  cmd->add_option("--scale", *scale,
                  "instead, synthetic data for benchmarks: tiny (250 children, 20,000 journal items), small (2,500 and "
                  "200,000), council "
                  "(25,000 and 2 million) or national (1 million and 20 million)")
      ->check(CLI::IsMember({"tiny", "small", "council", "national"}));
  cmd->callback([options, demo, scale] {
    options->bulk_load = true;
    auto rt = Runtime::Open(*options);
    if (!rt) Exit(1);
    app::Services& s = rt->services();
    if (Status st = rt->Migrate(); !st.ok()) Exit(Fail(st));
    auto common = LoadCommonPasswords(rt->config_dir());
    if (!common.ok()) Exit(Fail(common.status()));
    if (!scale->empty()) {
      LoadScale(rt, *options, *demo::ScaleNamed(*scale), demo->seed, *common);
      return;
    }
    Result<demo::DemoSummary> loaded = demo::LoadDemo(s.db, s.access_log_db, s.settings, s.clock.Now(), *demo, *common);
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
