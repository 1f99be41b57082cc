#include "support/test_database.h"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "store/access_log_file.h"
#include "store/open_database.h"
#include "store/postgres/pg_connection.h"

namespace casework::testing {
namespace {

std::string ServerUrl() {
  const char* url = std::getenv("CASEWORK_TEST_DATABASE_URL");
  return url ? url : "";
}

std::string NewSchemaName() {
  static std::atomic<int> counter{0};
  std::random_device device;
  return "t" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(device() % 100000);
}

// Runs SQL on a connection of its own to the server as configured, outside any test schema.
void RunOnServer(const std::string& url, const std::string& sql) {
  store::PgConnection admin(url, "test-setup");
  admin.Command(sql);
}

void RunOnSqlite(const std::string& file, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot open " + file);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error("tampering failed: " + message);
}

// SQLite cannot switch triggers off, so the append-only ones go.
void TamperWithSqlite(const std::string& file, const std::string& sql) {
  RunOnSqlite(file,
              "DROP TRIGGER IF EXISTS journal_never_updated; DROP TRIGGER IF EXISTS journal_never_deleted; "
              "DROP TRIGGER IF EXISTS access_log_never_updated; DROP TRIGGER IF EXISTS access_log_never_deleted; " +
                  sql);
}

}  // namespace

bool TestDatabase::UsingPostgres() { return store::IsPostgresUrl(ServerUrl()); }

TestDatabase::TestDatabase(Backend backend) {
  bool postgres = backend == Backend::kPostgres || (backend == Backend::kConfigured && UsingPostgres());
  if (postgres && !UsingPostgres()) throw std::runtime_error("no PostgreSQL server: set CASEWORK_TEST_DATABASE_URL");
  if (!postgres) {
    location_ = dir_.File("casework.db");
    return;
  }
  server_url_ = ServerUrl();
  schema_ = NewSchemaName();
  // The extension lives once in the public schema, which every test's search path includes;
  // the lock stops tests starting together from creating it twice.
  RunOnServer(server_url_,
              "BEGIN; SELECT pg_advisory_xact_lock(7); CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public; "
              "CREATE SCHEMA " +
                  schema_ + "; COMMIT");
  location_ = server_url_ + (server_url_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
              schema_ + "%2Cpublic";
}

TestDatabase::~TestDatabase() {
  if (schema_.empty()) return;
  try {
    RunOnServer(server_url_, "DROP SCHEMA " + schema_ + " CASCADE");
  } catch (const std::exception&) {
    // The throwaway server is removed after the run anyway.
  }
}

store::Dialect TestDatabase::dialect() const {
  return schema_.empty() ? store::Dialect::kSqlite : store::Dialect::kPostgres;
}

std::vector<std::string> TestDatabase::CommandArgs() const {
  if (schema_.empty()) return {"--db", location_};
  return {"--database-url", location_};
}

std::unique_ptr<store::Database> TestDatabase::Open(int connections) const {
  return store::OpenDatabase(location_, connections);
}

store::Databases TestDatabase::OpenAll(int connections) const {
  Result<store::Databases> opened = store::OpenDatabases(location_, connections);
  if (!opened.ok()) throw std::runtime_error(opened.status().ToString());
  return std::move(*opened);
}

std::string TestDatabase::access_log_file() const { return store::AccessLogFilePath(location_); }

void TestDatabase::TamperAccessLogFile(const std::string& sql) const {
  if (!schema_.empty()) throw std::runtime_error("only SQLite has an access log file");
  TamperWithSqlite(access_log_file(), sql);
}

void TestDatabase::Tamper(const std::string& sql) const {
  if (schema_.empty()) {
    TamperWithSqlite(location_, sql);
    return;
  }
  // As a superuser, session_replication_role = replica switches ordinary triggers off.
  RunOnServer(location_, "SET session_replication_role = replica; " + sql);
}

}  // namespace casework::testing
