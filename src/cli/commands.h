// Each subcommand of `casework` adds itself to the command line.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/runtime.h"

namespace casework::cli {

// Adds --db, --database-url, --database-connections and --config to a subcommand.
void AddStoreOptions(CLI::App& command, StoreOptions& options);
// Stops the program with an exit code, from inside a subcommand.
[[noreturn]] void Exit(int code);

void AddServeCommand(CLI::App& app);
void AddInitCommand(CLI::App& app);
void AddDemoCommand(CLI::App& app);
void AddVerifyCommand(CLI::App& app);
void AddUserCommand(CLI::App& app);
void AddMigrateCommand(CLI::App& app);
void AddCalendarCommand(CLI::App& app);
void AddClocksCommand(CLI::App& app);

}  // namespace casework::cli
