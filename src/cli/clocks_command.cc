// casework clocks: the due and overdue clocks, as the API lists them, for a named user (TIM-05).
// The user's role decides what they may list, exactly as on the API, and the list is logged.
#include <iostream>

#include "app/timescales.h"
#include "cli/commands.h"
#include "store/user_repo.h"

namespace casework::cli {
namespace {

struct ClocksOptions {
  StoreOptions store;
  std::string username;
  std::string scope = "mine";
  bool overdue = false;
  int within_days = 7;
};

std::string Lateness(int days_overdue) {
  if (days_overdue == 0) return "due";
  return std::to_string(days_overdue) + (days_overdue == 1 ? " day" : " days") + " overdue";
}

// The statutory date beside a shorter or extended one; reports count lateness against it.
std::string Statutory(const RecordClock& k, Date today) {
  if (k.Due() == k.statutory_due) return "";
  return std::string("  (statutory date ") + FormatDate(k.statutory_due) +
         (k.LateAgainstStatutory(today) ? ", passed)" : ")");
}

int ListClocks(const ClocksOptions& o) {
  auto rt = Runtime::Open(o.store);
  if (!rt) return 1;
  if (Status s = rt->RequireCurrentSchema(); !s.ok()) return Fail(s);
  std::optional<User> user;
  Status st = rt->services().db.Read([&](store::Connection& c) {
    user = store::UserRepo(c).FindByUsername(o.username);
    return Status::Ok();
  });
  if (!st.ok()) return Fail(st);
  if (!user || user->disabled) return Fail(Status::Invalid("--as", "names no active user"));
  app::ClockScope scope = o.scope == "team"      ? app::ClockScope::kTeam
                          : o.scope == "service" ? app::ClockScope::kService
                                                 : app::ClockScope::kMine;
  app::Actor actor{*user, "cli", "local"};
  auto rows = app::ListDueClocks(rt->services(), actor, scope, o.overdue ? 0 : o.within_days);
  if (!rows.ok()) return Fail(rows.status());
  Date today = LondonDate(rt->services().clock.Now());
  int listed = 0;
  for (const store::DueClockRow& r : *rows) {
    int late = r.clock.DaysOverdue(today);
    if (o.overdue && late == 0) continue;
    ++listed;
    std::cout << FormatDate(r.clock.Due()) << "  " << Lateness(late) << "  " << r.child_name << " ("
              << r.council_reference << ")  " << r.clock.name << "  "
              << (r.worker_name.empty() ? "unallocated" : r.worker_name) << Statutory(r.clock, today) << "\n";
  }
  if (listed == 0) std::cerr << (o.overdue ? "No clocks are overdue.\n" : "No clocks are due in that time.\n");
  return 0;
}

}  // namespace

void AddClocksCommand(CLI::App& app) {
  auto o = std::make_shared<ClocksOptions>();
  CLI::App* cmd = app.add_subcommand("clocks", "list open clocks due soon or overdue, by due date");
  AddStoreOptions(*cmd, o->store);
  cmd->add_option("--as", o->username, "the user whose list it is")->required();
  cmd->add_option("--scope", o->scope, "mine, team or service")
      ->capture_default_str()
      ->check(CLI::IsMember({"mine", "team", "service"}));
  cmd->add_flag("--overdue", o->overdue, "only clocks past their due date");
  cmd->add_option("--within-days", o->within_days, "also clocks due within this many days")
      ->capture_default_str()
      ->check(CLI::Range(0, 366));
  cmd->callback([o] {
    if (int code = ListClocks(*o); code != 0) Exit(code);
  });
}

}  // namespace casework::cli
