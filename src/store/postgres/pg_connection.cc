#include "store/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <optional>
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
// Statements sent and not yet answered, at most; their answers are a few dozen bytes each.
constexpr size_t kMaxUnanswered = 256;

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

// The failure a result reports (or, with no result, the connection), naming the statement.
DbError ErrorOf(PGconn* conn, PGresult* result, std::string_view sql) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return DbError(KindOf(state), message + " [" + std::string(sql.substr(0, 120)) + "]");
}

[[noreturn]] void Throw(PGconn* conn, PGresult* result, std::string_view sql) {
  DbError error = ErrorOf(conn, result, sql);
  PQclear(result);
  throw error;
}

// A read's SQL and parameters as one text, to match a Query with the read sent ahead for it.
std::string AheadKey(std::string_view sql, std::span<const Value> params) {
  std::string key(sql);
  for (const Value& v : params) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            key += '\x01';
          } else if constexpr (std::is_same_v<T, int64_t>) {
            key += '\x02';
            key += std::to_string(x);
          } else {
            key += '\x03';
            key += std::to_string(x.size());
            key += ':';
            key += x;
          }
        },
        v);
  }
  return key;
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
  if (PQenterPipelineMode(conn_) != 1) {
    PQfinish(conn_);
    conn_ = nullptr;
    throw DbError(DbError::Kind::kBusy, "cannot use PostgreSQL's pipeline mode");
  }
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::usable() const { return !broken_ && PQstatus(conn_) == CONNECTION_OK; }

void PgConnection::Broken(const std::string& why) {
  // The answers can no longer be matched to what was sent, so nothing more may be sent.
  broken_ = true;
  audit_head_.Forget();
  std::string message = PQerrorMessage(conn_);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  throw DbError(DbError::Kind::kBusy, "lost the PostgreSQL connection: " + why + (message.empty() ? "" : ": " + message));
}

void PgConnection::Send(std::string_view sql) {
  // Prepared like any other statement, so that the server parses BEGIN, COMMIT, SAVEPOINT and
  // RELEASE once a connection rather than once a transaction.
  SendPrepared(sql, {}, Owed::kChecked);
}

void PgConnection::Flush() {
  if (!unsynced_) return;
  if (PQpipelineSync(conn_) != 1) Broken("cannot send");
  owed_.push_back({Owed::kSync, "", "", nullptr});
  unsynced_ = false;
}

std::unique_ptr<PgConnection::Result> PgConnection::Collect(std::string_view wanted_sql) {
  std::unique_ptr<Result> wanted;
  std::optional<DbError> failure;
  if (!owed_.empty()) ++round_trips_;
  while (!owed_.empty()) {
    Owed owed = std::move(owed_.front());
    owed_.pop_front();
    PGresult* r = PQgetResult(conn_);
    if (r == nullptr) Broken("no answer");
    ExecStatusType status = PQresultStatus(r);
    if (owed.kind == Owed::kSync) {
      PQclear(r);
      if (status != PGRES_PIPELINE_SYNC) Broken("answers out of step");
      continue;
    }
    if (status == PGRES_PIPELINE_ABORTED) {
      // Skipped, after an earlier statement sent with it failed: a statement it was to prepare
      // never was.
      if (!owed.forget_sql.empty()) statement_names_.erase(owed.forget_sql);
      PQclear(r);
    } else if (!Succeeded(r)) {
      if (!owed.forget_sql.empty()) statement_names_.erase(owed.forget_sql);
      if (!failure) failure = ErrorOf(conn_, r, owed.kind == Owed::kWanted ? wanted_sql : owed.sql);
      PQclear(r);
    } else if (owed.kind == Owed::kWanted) {
      wanted = std::make_unique<Result>(r);
    } else if (owed.kind == Owed::kAhead) {
      owed.ahead->result = std::make_unique<Result>(r);
    } else {
      PQclear(r);
    }
    // Each statement's answer ends with a null.
    if (PGresult* extra = PQgetResult(conn_); extra != nullptr) {
      PQclear(extra);
      Broken("answers out of step");
    }
  }
  if (failure) {
    // Whatever a failed statement was part of may not be kept: the head it moved is not sure.
    audit_head_.Forget();
    throw *failure;
  }
  return wanted;
}

void PgConnection::LeavePipeline() {
  Flush();
  Collect();
  if (PQexitPipelineMode(conn_) != 1) Broken("cannot leave pipeline mode");
}

void PgConnection::EnterPipeline() {
  if (PQenterPipelineMode(conn_) != 1) Broken("cannot enter pipeline mode");
}

const std::string& PgConnection::Prepared(std::string_view sql) {
  auto it = statement_names_.find(sql);
  if (it != statement_names_.end()) return it->second;
  if (statement_names_.size() >= kMaxPrepared) {
    // Queries built for a list of values differ with its length; the server keeps a plan for
    // each, so they are dropped now and then rather than allowed to pile up. The cache is
    // emptied first: Command can run the DEALLOCATE and still throw (for a failure sent
    // before it), and names the cache still held would then be run though gone.
    statement_names_.clear();
    Command("DEALLOCATE ALL");
  }
  // Numbered apart from the cache's size, which shrinks when a statement fails to prepare.
  std::string name = "cw" + std::to_string(++statements_prepared_);
  std::string numbered = NumberPlaceholders(sql);
  // Prepared on its way to being run: the two go together.
  if (PQsendPrepare(conn_, name.c_str(), numbered.c_str(), 0, nullptr) != 1) Broken("cannot send");
  owed_.push_back({Owed::kChecked, std::string(sql), std::string(sql), nullptr});
  unsynced_ = true;
  return statement_names_.emplace(std::string(sql), std::move(name)).first->second;
}

void PgConnection::SendPrepared(std::string_view sql, std::span<const Value> params, Owed::Kind kind,
                                std::shared_ptr<Ahead> ahead) {
  if (broken_) Broken("used after a failure");
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
  if (PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr,
                          0) != 1) {
    Broken("cannot send");
  }
  owed_.push_back({kind, kind == Owed::kWanted ? "" : std::string(sql), "", std::move(ahead)});
  unsynced_ = true;
  ++statements_sent_;
}

std::unique_ptr<PgConnection::Result> PgConnection::Run(std::string_view sql, std::span<const Value> params) {
  SendPrepared(sql, params, Owed::kWanted);
  Flush();
  std::unique_ptr<Result> result = Collect(sql);
  if (!result) Broken("no answer");
  return result;
}

void PgConnection::ExecLaterValues(std::string_view sql, std::span<const Value> params) {
  SendPrepared(sql, params, Owed::kChecked);
  // The server's answers wait in the socket until read; a long run of statements sent without
  // reading them could fill it and stall both sides, so they are read now and then.
  if (owed_.size() >= kMaxUnanswered) Settle();
}

void PgConnection::Settle() {
  Flush();
  Collect();
}

void PgConnection::PrefetchValues(std::string_view sql, std::span<const Value> params) {
  if (read_only_ || vouched_) SendAheadOf(sql, params, false);
}

void PgConnection::SendAheadFor(int unit, const SentAhead& ahead) {
  const int running = unit_;
  unit_ = unit;
  vouched_ = true;
  try {
    ahead.send(*this);
  } catch (...) {
    vouched_ = false;
    unit_ = running;
    throw;
  }
  vouched_ = false;
  unit_ = running;
}

void PgConnection::SendAheadValues(std::string_view sql, std::span<const Value> params) {
  SendAheadOf(sql, params, true);
}

void PgConnection::SendAheadOf(std::string_view sql, std::span<const Value> params, bool must_take) {
  std::string key = AheadKey(sql, params);
  for (const auto& waiting : ahead_) {
    if (waiting->unit == unit_ && waiting->key == key) {  // already on its way
      waiting->must_take |= must_take;
      return;
    }
  }
  auto ahead = std::make_shared<Ahead>();
  ahead->unit = unit_;
  ahead->key = std::move(key);
  ahead->must_take = must_take;
  SendPrepared(sql, params, Owed::kAhead, ahead);
  ahead_.push_back(std::move(ahead));
  if (owed_.size() >= kMaxUnanswered) Settle();
}

bool PgConnection::ForgetSentAhead() {
  bool untaken = false;
  std::erase_if(ahead_, [&](const std::shared_ptr<Ahead>& waiting) {
    if (waiting->unit != unit_) return false;  // a later unit's, sent with this one's
    untaken |= waiting->must_take;
    return true;
  });
  return untaken;
}

std::shared_ptr<PgConnection::Ahead> PgConnection::TakeAhead(std::string_view sql, std::span<const Value> params) {
  if (ahead_.empty()) return nullptr;
  std::string key = AheadKey(sql, params);
  for (auto it = ahead_.begin(); it != ahead_.end(); ++it) {
    if ((*it)->unit != unit_ || (*it)->key != key) continue;
    std::shared_ptr<Ahead> ahead = std::move(*it);
    ahead_.erase(it);
    return ahead;
  }
  return nullptr;
}

std::unique_ptr<Cursor> PgConnection::QueryValues(std::string_view sql, std::span<const Value> params) {
  if (std::shared_ptr<Ahead> ahead = TakeAhead(sql, params)) {
    // Its answer comes with those of everything sent before it; a failure among them is thrown.
    if (!ahead->result) Settle();
    if (!ahead->result) Broken("no answer");
    PGresult* result = ahead->result->result;
    ahead->result->result = nullptr;
    return std::make_unique<PgCursor>(result);
  }
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
  ++statements_sent_;  // a script's too may change anything
  // Runs even if what was sent before it failed (so a ROLLBACK does), then reports that first.
  std::optional<DbError> before;
  try {
    LeavePipeline();
  } catch (const DbError& e) {
    if (!usable()) throw;
    before = e;
    if (PQexitPipelineMode(conn_) != 1) Broken("cannot leave pipeline mode");
  }
  std::string text(sql);
  PGresult* r = PQexec(conn_, text.c_str());
  std::optional<DbError> failure = before;
  if (!failure && !Succeeded(r)) failure = ErrorOf(conn_, r, sql);
  PQclear(r);  // before EnterPipeline, which throws if the connection has gone
  EnterPipeline();
  if (failure) {
    audit_head_.Forget();
    throw *failure;
  }
}

void PgConnection::Begin(std::string_view begin_sql) {
  Send(begin_sql);
  read_only_ = false;
  ahead_.clear();  // what the last transaction sent ahead and never took
  audit_head_.Began();
}

void PgConnection::BeginReadOnly(std::string_view begin_sql) {
  Begin(begin_sql);
  read_only_ = true;
}

void PgConnection::SetSavepoint() {
  // A savepoint starts from a head whose row is where the lines before it left it, so that
  // whatever a failure inside it forgets, the lines before it are not left behind their head.
  StoreAuditHead();
  Send("SAVEPOINT unit");
  audit_head_.SavepointSet();
}

void PgConnection::ReleaseSavepoint() { Send("RELEASE unit"); }

void PgConnection::RollBackToSavepoint() {
  ahead_.clear();  // sent by the unit rolled back, and undone with it
  Command("ROLLBACK TO unit");
  audit_head_.RolledBackToSavepoint();
}

void PgConnection::RollBack() {
  // Put back before running, so that a ROLLBACK that throws (the connection gone: the server
  // rolls back by itself) still leaves the cache as the server will have it, or forgotten.
  audit_head_.RolledBack();
  ahead_.clear();
  Command("ROLLBACK");
}

void PgConnection::StoreAuditHead() {
  if (auto move = audit_head_.Unstored()) {
    // From where the row stands in this transaction, or the whole transaction fails: lines
    // appended after a head that was not the chain's are never kept.
    const auto& [from, to] = *move;
    const Value head[] = {to.seq, std::string_view(to.hash), std::string_view(chain_), from.seq,
                          std::string_view(from.hash)};
    SendPrepared(
        "WITH head AS (UPDATE access_log_heads SET seq = ?, hash = ? WHERE chain = ? AND seq = ? AND hash = ? "
        "RETURNING seq) SELECT COALESCE((SELECT seq FROM head), "
        "fail_with('the access log chain''s head is not where its writer left it'))",
        head, Owed::kChecked);
    audit_head_.Stored();
  }
}

void PgConnection::Commit() {
  StoreAuditHead();
  Flush();
  SendPrepared("COMMIT", {}, Owed::kWanted);
  Flush();
  std::unique_ptr<Result> result = Collect("COMMIT");
  // COMMIT of a transaction that an error has spoilt rolls it back, and says so only here.
  if (!result || std::string_view(PQcmdStatus(result->result)) != "COMMIT") {
    audit_head_.Forget();
    throw DbError(DbError::Kind::kOther, "the transaction was rolled back instead of committed");
  }
}

int64_t PgConnection::CopyIn(std::string_view copy_sql, const std::function<bool(std::string& rows)>& fill) {
  ++statements_sent_;
  LeavePipeline();
  int64_t copied = 0;
  try {
    copied = CopyOutsidePipeline(copy_sql, fill);
  } catch (...) {
    if (PQenterPipelineMode(conn_) != 1) broken_ = true;
    throw;
  }
  EnterPipeline();
  return copied;
}

int64_t PgConnection::CopyOutsidePipeline(std::string_view copy_sql,
                                          const std::function<bool(std::string& rows)>& fill) {
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
  // A script may end or change the transaction in ways the cache cannot follow. The head's
  // row is first moved to the lines appended before it, which would otherwise be committed
  // with their chain's head left behind them.
  StoreAuditHead();
  audit_head_.Forget();
  Command(sql);
  if (!statement_names_.empty()) {
    // Statements prepared against the old schema might no longer describe their results.
    statement_names_.clear();
    Command("DEALLOCATE ALL");
  }
}

}  // namespace casework::store
