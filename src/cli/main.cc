// casework: the case record system's one program. See `casework --help`.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // Standard output carries what a command reports; the log goes to standard error.
  spdlog::set_default_logger(spdlog::stderr_color_mt("casework"));
  CLI::App app{"Casework: children's safeguarding case records"};
  app.require_subcommand(1);
  casework::cli::AddServeCommand(app);
  casework::cli::AddInitCommand(app);
  casework::cli::AddDemoCommand(app);
  casework::cli::AddVerifyCommand(app);
  casework::cli::AddUserCommand(app);
  casework::cli::AddMigrateCommand(app);
  casework::cli::AddCalendarCommand(app);
  casework::cli::AddClocksCommand(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
