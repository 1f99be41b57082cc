#include "store/migrations.h"

namespace casework::store {
namespace {

// Any fixed number: the advisory lock that one Casework holds while it changes the schema.
constexpr int64_t kSchemaLockKey = 0x43415345574f524b;  // "CASEWORK"

const std::vector<Migration>& MigrationsFor(Dialect dialect) {
  return dialect == Dialect::kPostgres ? PostgresMigrations() : SqliteMigrations();
}

// Makes sure no other process changes the schema until this transaction ends, then creates
// the table of applied migrations if this is a new database. SQLite's write transaction
// already excludes every other writer. On PostgreSQL an advisory lock does; the transaction
// reads committed data rather than a snapshot from before it waited, so it sees what
// another Casework starting at the same moment has already applied.
void LockSchema(Connection& c) {
  if (c.dialect() == Dialect::kPostgres) {
    c.ExecScript("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
    c.Query("SELECT pg_advisory_xact_lock(?)", {kSchemaLockKey})->Next();
  }
  c.ExecScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)");
}

bool Applied(Connection& c, int version) {
  return c.Query("SELECT 1 FROM schema_migrations WHERE version = ?", {int64_t{version}})->Next();
}

int AppliedVersion(Connection& c) {
  auto rows = c.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return rows->Next() ? static_cast<int>(rows->Int(0)) : 0;
}

}  // namespace

int LatestSchemaVersion(const std::vector<Migration>& migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

int LatestSchemaVersion(Dialect dialect) { return LatestSchemaVersion(MigrationsFor(dialect)); }

Result<int> SchemaVersion(Database& db) { return SchemaVersion(db, MigrationsFor(db.dialect())); }

Result<int> SchemaVersion(Database& db, const std::vector<Migration>& migrations) {
  int version = 0;
  Status s = db.Write([&](Connection& c) {
    LockSchema(c);
    int highest = AppliedVersion(c);
    if (highest > LatestSchemaVersion(migrations)) {
      version = highest;  // made by a newer Casework
      return Status::Ok();
    }
    // Up to the first known migration not applied: a database holding a later one but
    // missing an earlier one still needs upgrading.
    for (const Migration& m : migrations) {
      if (!Applied(c, m.version)) break;
      version = m.version;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return version;
}

Status Migrate(Database& db, Timestamp now) { return Migrate(db, now, MigrationsFor(db.dialect())); }

Status Migrate(Database& db, Timestamp now, const std::vector<Migration>& migrations) {
  Result<int> current = SchemaVersion(db, migrations);
  if (!current.ok()) return current.status();
  int latest = LatestSchemaVersion(migrations);
  if (*current > latest) {
    return Status(StatusCode::kConflict, "the database schema is version " + std::to_string(*current) +
                                             " but this Casework knows only up to " + std::to_string(latest) +
                                             "; upgrade Casework before using this database");
  }
  std::string applied_at = FormatTimestamp(now);
  // Each migration not yet applied, by its number rather than by the highest applied, since
  // migrations reserved for work still in progress may arrive after later-numbered ones.
  for (const Migration& m : migrations) {
    Status s = db.Write([&](Connection& c) {
      LockSchema(c);
      if (Applied(c, m.version)) return Status::Ok();  // earlier, or by another process just now
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
