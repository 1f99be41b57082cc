#include "store/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <vector>

#include "store/postgres/pg_sql.h"

namespace casework::store {

struct PgConnection::Result {
  explicit Result(PGresult* r) : result(r) {}
  ~Result() { PQclear(result); }
  PGresult* result;
};

namespace {

constexpr size_t kMaxPrepared = 400;

// SQLSTATE codes: https://www.postgresql.org/docs/current/errcodes-appendix.html
DbError::Kind KindOf(const char* state) {
  if (state == nullptr) return DbError::Kind::kBusy;  // no answer from the server at all
  std::string_view s(state);
  if (s == "23505") return DbError::Kind::kUniqueViolation;
  if (s == "40001" || s == "40P01") return DbError::Kind::kSerialization;
  if (s == "55P03" || s == "57014" || s.substr(0, 2) == "08" || s == "57P01" || s == "53300") {
    return DbError::Kind::kBusy;
  }
  return DbError::Kind::kOther;
}

class PgCursor final : public Cursor {
 public:
  explicit PgCursor(PGresult* result) : result_(result), rows_(PQntuples(result)) {}
  ~PgCursor() override { PQclear(result_); }

  bool Next() override { return ++row_ < rows_; }
  bool IsNull(int column) const override { return PQgetisnull(result_, row_, column) != 0; }
  int64_t Int(int column) const override {
    std::string_view text = Text(column);
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
      if (text == "t") return 1;  // a boolean expression
      if (text == "f" || text.empty()) return 0;
      throw DbError(DbError::Kind::kOther,
                    "not a number in column " + std::to_string(column) + ": " + std::string(text.substr(0, 40)));
    }
    return value;
  }
  std::string_view Text(int column) const override {
    return std::string_view(PQgetvalue(result_, row_, column), PQgetlength(result_, row_, column));
  }

 private:
  PGresult* result_;
  int rows_;
  int row_ = -1;
};

[[noreturn]] void Throw(PGconn* conn, PGresult* result, std::string_view sql) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  DbError::Kind kind = KindOf(state);
  PQclear(result);
  throw DbError(kind, message + " [" + std::string(sql.substr(0, 120)) + "]");
}

bool Succeeded(PGresult* result) {
  if (result == nullptr) return false;
  ExecStatusType st = PQresultStatus(result);
  return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY;
}

}  // namespace

PgConnection::PgConnection(const std::string& url, std::string chain) : chain_(std::move(chain)) {
  conn_ = PQconnectdb(url.c_str());
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    PQfinish(conn_);
    conn_ = nullptr;
    throw DbError(DbError::Kind::kBusy, "cannot connect to PostgreSQL: " + message);
  }
  PQsetClientEncoding(conn_, "UTF8");
  // Notices ("already exists, skipping") are for people at a psql prompt, not for the log.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::usable() const { return PQstatus(conn_) == CONNECTION_OK; }

const std::string& PgConnection::Prepared(std::string_view sql) {
  auto it = statement_names_.find(std::string(sql));
  if (it != statement_names_.end()) return it->second;
  if (statement_names_.size() >= kMaxPrepared) {
    // Queries built for a list of values differ with its length; the server keeps a plan for
    // each, so they are dropped now and then rather than allowed to pile up.
    Command("DEALLOCATE ALL");
    statement_names_.clear();
  }
  std::string name = "cw" + std::to_string(statement_names_.size() + 1);
  std::string numbered = NumberPlaceholders(sql);
  PGresult* r = PQprepare(conn_, name.c_str(), numbered.c_str(), 0, nullptr);
  if (!Succeeded(r)) Throw(conn_, r, sql);
  PQclear(r);
  return statement_names_.emplace(std::string(sql), std::move(name)).first->second;
}

std::unique_ptr<PgConnection::Result> PgConnection::Run(std::string_view sql, std::span<const Value> params) {
  const std::string& name = Prepared(sql);
  // Parameters go as text; the server reads each as the type its place in the statement needs.
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size());
  for (size_t i = 0; i < params.size(); ++i) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            values[i] = nullptr;
          } else {
            if constexpr (std::is_same_v<T, int64_t>) {
              texts[i] = std::to_string(v);
            } else {
              texts[i] = std::string(v);
            }
            values[i] = texts[i].c_str();
          }
        },
        params[i]);
  }
  PGresult* r =
      PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0);
  if (!Succeeded(r)) Throw(conn_, r, sql);
  return std::make_unique<Result>(r);
}

std::unique_ptr<Cursor> PgConnection::QueryValues(std::string_view sql, std::span<const Value> params) {
  auto r = Run(sql, params);
  PGresult* result = r->result;
  r->result = nullptr;
  return std::make_unique<PgCursor>(result);
}

int64_t PgConnection::ExecValues(std::string_view sql, std::span<const Value> params) {
  auto r = Run(sql, params);
  const char* changed = PQcmdTuples(r->result);
  return changed && *changed ? std::strtoll(changed, nullptr, 10) : 0;
}

void PgConnection::Command(std::string_view sql) {
  std::string text(sql);
  PGresult* r = PQexec(conn_, text.c_str());
  if (!Succeeded(r)) Throw(conn_, r, sql);
  PQclear(r);
}

int64_t PgConnection::CopyIn(std::string_view copy_sql, const std::function<bool(std::string& rows)>& fill) {
  std::string text(copy_sql);
  PGresult* r = PQexec(conn_, text.c_str());
  if (r == nullptr || PQresultStatus(r) != PGRES_COPY_IN) Throw(conn_, r, copy_sql);
  PQclear(r);
  std::string rows;
  std::exception_ptr failure;
  try {
    for (bool more = true; more;) {
      rows.clear();
      more = fill(rows);
      if (!rows.empty() && PQputCopyData(conn_, rows.data(), static_cast<int>(rows.size())) != 1) {
        Throw(conn_, nullptr, copy_sql);
      }
    }
  } catch (...) {
    failure = std::current_exception();
  }
  if (PQputCopyEnd(conn_, failure ? "the rows to copy could not be read" : nullptr) != 1) {
    Throw(conn_, nullptr, copy_sql);
  }
  int64_t copied = 0;
  PGresult* end = PQgetResult(conn_);
  bool ok = Succeeded(end);
  if (ok) {
    const char* n = PQcmdTuples(end);
    copied = n && *n ? std::strtoll(n, nullptr, 10) : 0;
  }
  // The COPY's own result comes first; libpq then says there are no more with a null.
  for (PGresult* more = PQgetResult(conn_); more != nullptr; more = PQgetResult(conn_)) PQclear(more);
  if (failure) {
    PQclear(end);
    std::rethrow_exception(failure);
  }
  if (!ok) Throw(conn_, end, copy_sql);
  PQclear(end);
  return copied;
}

void PgConnection::ExecScript(std::string_view sql) {
  Command(sql);
  if (!statement_names_.empty()) {
    // Statements prepared against the old schema might no longer describe their results.
    Command("DEALLOCATE ALL");
    statement_names_.clear();
  }
}

}  // namespace casework::store
