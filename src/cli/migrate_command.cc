// casework migrate: moves a council's data from its SQLite file to a PostgreSQL database.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "store/copy_database.h"
#include "store/migrations.h"
#include "store/open_database.h"

namespace casework::cli {
namespace {

struct MigrateOptions {
  std::string from;  // sqlite:FILE
  std::string to;    // postgresql://...
  int connections = 4;
};

int MigrateDatabase(const MigrateOptions& o) {
  if (!o.from.starts_with("sqlite:")) return Fail(Status::Invalid("--from", "must be sqlite:FILE"));
  std::string file = o.from.substr(7);
  if (!std::filesystem::is_regular_file(file)) return Fail(Status::Invalid("--from", "there is no file " + file));
  if (!store::IsPostgresUrl(o.to)) return Fail(Status::Invalid("--to", "must be a postgresql:// URL"));
  Result<store::Databases> from = store::OpenDatabases(file);
  if (!from.ok()) return Fail(from.status());
  std::unique_ptr<store::Database> to;
  try {
    to = store::OpenDatabase(o.to, o.connections);
  } catch (const store::DbError& e) {
    return Fail(Status(StatusCode::kUnavailable, e.what()));
  }
  Result<int> version = store::SchemaVersion(*from->main);
  if (!version.ok()) return Fail(version.status());
  Result<int> log_version = store::SchemaVersion(*from->access_log_file, store::AccessLogFileMigrations());
  if (!log_version.ok()) return Fail(log_version.status());
  if (*version != store::LatestSchemaVersion(store::Dialect::kSqlite) ||
      *log_version != store::LatestSchemaVersion(store::AccessLogFileMigrations())) {
    return Fail(
        Status(StatusCode::kUnavailable,
               "the SQLite file is not at this Casework's schema; run `casework init --db " + file + "` first"));
  }
  SystemClock clock;
  if (Status s = store::Migrate(*to, clock.Now()); !s.ok()) return Fail(s);
  Result<std::vector<store::TableCopy>> copied = store::CopyDatabase(*from->main, from->access_log_file.get(), *to);
  if (!copied.ok()) return Fail(copied.status());
  int64_t rows = 0;
  for (const store::TableCopy& t : *copied) {
    std::cout << "  " << t.table << ": " << t.rows << "\n";
    rows += t.rows;
  }
  std::cout << "Copied " << rows << " rows in " << copied->size() << " tables. Check both with `casework verify`.\n";
  return 0;
}

}  // namespace

void AddMigrateCommand(CLI::App& app) {
  auto o = std::make_shared<MigrateOptions>();
  CLI::App* cmd =
      app.add_subcommand("migrate", "copy everything from an SQLite file into an empty PostgreSQL database");
  cmd->add_option("--from", o->from, "sqlite:FILE, the database to copy (with its access log file, FILE-access-log.db)")->required();
  cmd->add_option("--to", o->to, "postgresql://USER@HOST:PORT/NAME, the database to fill")->required();
  cmd->callback([o] {
    int code = MigrateDatabase(*o);
    if (code != 0) Exit(code);
  });
}

}  // namespace casework::cli
