// A new, empty database for one test, on the backend the test run was asked for: an SQLite
// file in a temporary folder, or, when CASEWORK_TEST_DATABASE_URL names a PostgreSQL server
// (postgresql://...), a schema of its own on that server, dropped when the test ends.
// scripts/test-postgres runs the whole suite that way.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/open_database.h"
#include "support/temp_dir.h"

namespace casework::testing {

class TestDatabase {
 public:
  enum class Backend { kConfigured, kSqlite, kPostgres };

  // kPostgres, or kConfigured in a PostgreSQL run, needs the server (see UsingPostgres).
  explicit TestDatabase(Backend backend = Backend::kConfigured);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // True when this run's tests use PostgreSQL.
  static bool UsingPostgres();

  store::Dialect dialect() const;
  // The file path or the URL (which selects the test's schema) of the database.
  const std::string& location() const { return location_; }
  // The options that point `casework` at this database: --db FILE or --database-url URL.
  std::vector<std::string> CommandArgs() const;
  // The main database alone.
  std::unique_ptr<store::Database> Open(int connections = 10) const;
  // The main database and, on SQLite, its access log file, as Casework opens them. Throws
  // when it cannot.
  store::Databases OpenAll(int connections = 10) const;
  // SQLite's access log file beside the database (see store/access_log_file.h).
  std::string access_log_file() const;

  // Runs SQL on the database directly, past the guards that keep the journal and the access
  // log append-only, as someone with full access to the database server could.
  void Tamper(const std::string& sql) const;
  // The same on SQLite's access log file.
  void TamperAccessLogFile(const std::string& sql) const;

 private:
  TempDir dir_;
  std::string server_url_;  // empty for SQLite
  std::string schema_;
  std::string location_;
};

}  // namespace casework::testing
