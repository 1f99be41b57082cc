// casework user add: adds a user from the server's own command line, for the first
// administrator and for scripts. casework user reset-two-factor: for a lost phone.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "app/two_factor.h"
#include "app/users.h"
#include "cli/commands.h"
#include "settings/settings_loader.h"

namespace casework::cli {
namespace {

std::string ReadPassword(bool from_stdin) {
  std::string password;
  if (from_stdin || !isatty(STDIN_FILENO)) {
    std::getline(std::cin, password);
    return password;
  }
  std::cerr << "Password: ";
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::getline(std::cin, password);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return password;
}

}  // namespace

void AddUserCommand(CLI::App& app) {
  CLI::App* user = app.add_subcommand("user", "manage users");
  user->require_subcommand(1);
  auto options = std::make_shared<StoreOptions>();
  auto in = std::make_shared<app::NewUser>();
  auto role = std::make_shared<std::string>();
  auto from_stdin = std::make_shared<bool>(false);
  CLI::App* add = user->add_subcommand("add", "add a user; the password is asked for, or read from standard input");
  AddStoreOptions(*add, *options);
  add->add_option("--username", in->username, "the name they sign in with")->required();
  add->add_option("--full-name", in->full_name, "as shown on everything they write")->required();
  add->add_option("--post-title", in->post_title, "their post, shown with their name")->required();
  add->add_option("--role", *role,
                  "practitioner, team_manager, partner_practitioner, records_officer, auditor or administrator")
      ->required();
  add->add_option("--team", in->team, "their team (created if new)");
  add->add_option("--agency", in->agency, "their agency")->required();
  add->add_flag("--password-stdin", *from_stdin, "read the password from standard input");
  add->add_flag("!--no-change-password", in->must_change_password,
                "do not ask them to change the password at first sign-in");
  add->callback([=] {
    auto parsed = ParseRole(*role);
    if (!parsed) Exit(Fail(Status::Invalid("--role", "is not a role Casework knows")));
    in->role = *parsed;
    auto rt = Runtime::Open(*options);
    if (!rt) Exit(1);
    if (Status s = rt->RequireCurrentSchema(); !s.ok()) Exit(Fail(s));
    auto common = LoadCommonPasswords(rt->config_dir());
    if (!common.ok()) Exit(Fail(common.status()));
    in->password = ReadPassword(*from_stdin);
    Result<User> added = app::AddUser(rt->services(), nullptr, *in, *common);
    if (!added.ok()) Exit(Fail(added.status()));
    std::cout << "Added " << added->username << " (" << RoleName(added->role) << "), id " << added->id << ".\n";
  });

  // SEC-03: a lost or replaced phone, when no administrator can sign in to the pages.
  auto reset_options = std::make_shared<StoreOptions>();
  auto reset_username = std::make_shared<std::string>();
  CLI::App* reset = user->add_subcommand(
      "reset-two-factor", "remove a user's two-factor sign-in so they set it up again; their sessions end");
  AddStoreOptions(*reset, *reset_options);
  reset->add_option("--username", *reset_username, "whose")->required();
  reset->callback([=] {
    auto rt = Runtime::Open(*reset_options);
    if (!rt) Exit(1);
    if (Status s = rt->RequireCurrentSchema(); !s.ok()) Exit(Fail(s));
    if (Status s = app::ResetTwoFactorByUsername(rt->services(), *reset_username); !s.ok()) Exit(Fail(s));
    std::cout << "Two-factor sign-in for " << *reset_username << " is reset, and their sessions ended.\n";
  });
}

}  // namespace casework::cli
