// One PostgreSQL connection through libpq, with a cache of prepared statements. Used by one
// thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/database.h"

struct pg_conn;

namespace casework::store {

class PgConnection final : public Connection {
 public:
  // Connects to url (postgresql://...). chain names the access log chain this connection
  // appends to, which no other connection anywhere may share. Throws DbError when it cannot.
  PgConnection(const std::string& url, std::string chain);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  const std::string& audit_chain() const override { return chain_; }
  std::unique_ptr<Cursor> QueryValues(std::string_view sql, std::span<const Value> params) override;
  int64_t ExecValues(std::string_view sql, std::span<const Value> params) override;
  // Runs text as a simple query: several statements, no parameters. The schema may have
  // changed, so the prepared statements are dropped.
  void ExecScript(std::string_view sql) override;

  // Runs one statement that takes no parameters and returns nothing, such as BEGIN.
  void Command(std::string_view sql);
  // Runs copy_sql, a COPY ... FROM STDIN in text format, and streams the rows that fill
  // appends to the buffer it is handed (empty each time), until fill returns false. Rows go
  // to the server in the buffer's chunks, with no round trip per row. A failure inside fill
  // cancels the COPY and is thrown on. Returns the number of rows copied.
  int64_t CopyIn(std::string_view copy_sql, const std::function<bool(std::string& rows)>& fill);
  // False once the server has gone away; the connection is then of no further use.
  bool usable() const;

 private:
  struct Result;
  std::unique_ptr<Result> Run(std::string_view sql, std::span<const Value> params);
  const std::string& Prepared(std::string_view sql);

  pg_conn* conn_ = nullptr;
  std::string chain_;
  std::unordered_map<std::string, std::string> statement_names_;
};

}  // namespace casework::store
