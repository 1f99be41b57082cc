// casework: the case record system's one program. See `casework --help`.
#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Casework: children's safeguarding case records"};
  app.require_subcommand(1);
  casework::cli::AddServeCommand(app);
  casework::cli::AddInitCommand(app);
  casework::cli::AddDemoCommand(app);
  casework::cli::AddVerifyCommand(app);
  casework::cli::AddUserCommand(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
