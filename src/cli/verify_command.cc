// casework verify: checks every record's journal and the access log for tampering.
#include <iostream>

#include "app/verify.h"
#include "cli/commands.h"

namespace casework::cli {

void AddVerifyCommand(CLI::App& app) {
  auto options = std::make_shared<StoreOptions>();
  CLI::App* cmd = app.add_subcommand(
      "verify", "check that no journal item or access log line has been altered or removed since it was written");
  AddStoreOptions(*cmd, *options);
  cmd->callback([options] {
    auto rt = Runtime::Open(*options);
    if (!rt) Exit(1);
    if (Status s = rt->RequireCurrentSchema(); !s.ok()) Exit(Fail(s));
    Result<app::VerifyReport> report = app::VerifyAll(rt->services());
    if (!report.ok()) Exit(Fail(report.status()));
    std::cout << "Checked " << report->items << " journal items in " << report->records << " records, and "
              << report->access_events << " access log lines in " << report->access_chains << " chains.\n";
    if (report->breaks.empty()) {
      std::cout << "All intact.\n";
      return;
    }
    for (const app::ChainBreak& b : report->breaks) {
      std::cout << "BROKEN: " << b.log << " " << b.chain << ", item " << b.seq;
      if (!b.item_id.empty()) std::cout << " (" << b.item_id << ")";
      std::cout << ": " << b.problem << "\n";
    }
    Exit(3);
  });
}

}  // namespace casework::cli
