#include "store/migrations.h"

namespace casework::store {
namespace {

const std::vector<Migration>& MigrationsFor(Dialect dialect) {
  return SqliteMigrations();
}

}  // namespace

int LatestSchemaVersion(Dialect dialect) {
  const auto& all = MigrationsFor(dialect);
  return all.empty() ? 0 : all.back().version;
}

Result<int> SchemaVersion(Database& db) {
  int version = 0;
  Status s = db.Write([&](Connection& c) {
    c.ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)");
    auto rows = c.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (rows->Next()) version = static_cast<int>(rows->Int(0));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return version;
}

Status Migrate(Database& db, Timestamp now) {
  Result<int> current = SchemaVersion(db);
  if (!current.ok()) return current.status();
  int latest = LatestSchemaVersion(db.dialect());
  if (*current > latest) {
    return Status(StatusCode::kConflict, "the database schema is version " + std::to_string(*current) +
                                             " but this Casework knows only up to " + std::to_string(latest) +
                                             "; upgrade Casework before using this database");
  }
  std::string applied_at = FormatTimestamp(now);
  for (const Migration& m : MigrationsFor(db.dialect())) {
    if (m.version <= *current) continue;
    Status s = db.Write([&](Connection& c) {
      c.ExecScript(m.sql);
      c.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
             {int64_t{m.version}, std::string_view(m.name), std::string_view(applied_at)});
      return Status::Ok();
    });
    if (!s.ok()) {
      return Status(s.code(), "migration " + std::to_string(m.version) + " (" + m.name + ") failed: " + s.message());
    }
  }
  return Status::Ok();
}

}  // namespace casework::store
