// One PostgreSQL connection through libpq, with a cache of prepared statements. Used by one
// thread at a time.
//
// The connection runs in libpq's pipeline mode, so statements whose answer nobody waits for
// (BEGIN, SAVEPOINT, the COMMIT of a read) travel with the next statement instead of costing
// a round trip to the server each: most of the time a unit of work spends on the database is
// waiting for answers, not running SQL. For the same reason a read-only transaction's reads
// can be sent ahead (Connection::Prefetch) and travel together.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/database.h"
#include "store/audit_head_cache.h"

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
  std::optional<ChainHead> known_audit_head() const override { return audit_head_.known(); }
  void AuditHeadMoved(const ChainHead& head) override { audit_head_.Moved(head); }
  void AuditLineAppended(const ChainHead& head) override { audit_head_.Appended(head); }
  // Takes the rows of a read sent ahead with the same SQL and parameters when there is one,
  // waiting only if they have not come yet; else runs the query.
  std::unique_ptr<Cursor> QueryValues(std::string_view sql, std::span<const Value> params) override;
  // Sends the read without waiting, in a transaction begun with BeginReadOnly or inside
  // SendAheadFor; else ignores it.
  void PrefetchValues(std::string_view sql, std::span<const Value> params) override;
  // Sends the statement without waiting, in any transaction (see Connection::SendAhead).
  void SendAheadValues(std::string_view sql, std::span<const Value> params) override;
  // The writer's units of work in a batch are numbered; what is sent ahead belongs to the unit
  // being run (or sent ahead for), and only that unit takes it. Readers leave it at 0.
  void ForUnit(int unit) { unit_ = unit; }
  // Runs a unit's SentAhead::send as the unit `unit`, its reads sent ahead even though the
  // transaction may write: the writer vouches that nothing run before the unit changes them.
  void SendAheadFor(int unit, const SentAhead& ahead);
  // Forgets what the current unit sent ahead and did not take, as it ends; true if that
  // includes a statement sent with SendAhead, which the unit should have taken.
  bool ForgetSentAhead();
  int64_t ExecValues(std::string_view sql, std::span<const Value> params) override;
  // Sends the statement and goes on; its answer is read with the next statement that waits,
  // or by Settle. A failure, thrown then, spoils the transaction (see PgDatabase).
  void ExecLaterValues(std::string_view sql, std::span<const Value> params) override;
  // Runs text as a simple query: several statements, no parameters. The schema may have
  // changed, so the prepared statements are dropped.
  void ExecScript(std::string_view sql) override;

  // Runs statements that take no parameters and return nothing, such as ROLLBACK, and waits.
  void Command(std::string_view sql);
  // Sends such a statement without waiting for its answer, which is read with the next
  // statement's; a failure is thrown from there. Prepared on the connection's first use of it.
  void Send(std::string_view sql);
  // The transaction and its one level of savepoint ("unit"), which go through these rather
  // than Send or Command so that what the connection knows of its access log chain's head
  // follows what is kept. Begin, SetSavepoint and ReleaseSavepoint are sent without waiting;
  // the rollbacks wait, since a spoilt transaction must not linger.
  void Begin(std::string_view begin_sql);
  // Begins a transaction that cannot write, in which reads may be sent ahead.
  void BeginReadOnly(std::string_view begin_sql);
  void SetSavepoint();
  void ReleaseSavepoint();
  void RollBackToSavepoint();
  void RollBack();
  // Commits, and throws if the transaction could not be committed (COMMIT of a transaction
  // that a failed statement has spoilt rolls it back instead). The access log chain's head is
  // first moved to the last line appended, if it was left behind; so it is before a savepoint.
  void Commit();
  // Waits for the answers to every statement sent, and throws the first failure among them.
  void Settle();
  // Makes sure what was sent reaches the server now (a COMMIT nobody waits for, for example),
  // still without waiting for the answer.
  void Flush();
  // Runs copy_sql, a COPY ... FROM STDIN in text format, and streams the rows that fill
  // appends to the buffer it is handed (empty each time), until fill returns false. Rows go
  // to the server in the buffer's chunks, with no round trip per row. A failure inside fill
  // cancels the COPY and is thrown on. Returns the number of rows copied.
  int64_t CopyIn(std::string_view copy_sql, const std::function<bool(std::string& rows)>& fill);
  // False once the server has gone away; the connection is then of no further use.
  bool usable() const;
  // How many times this connection has waited for the server's answers: its round trips.
  int64_t round_trips() const { return round_trips_; }
  // How many statements this connection has sent, all told (scripts and copies too): a unit
  // of work that sent none changed nothing.
  int64_t statements_sent() const { return statements_sent_; }

 private:
  struct Result;
  // A read sent ahead: its SQL and parameters, and its rows once they have come.
  struct Ahead {
    int unit = 0;  // whose it is (ForUnit)
    std::string key;
    std::unique_ptr<Result> result;
    bool must_take = false;  // sent with SendAhead rather than Prefetch
  };
  // An answer the server owes: to a statement sent (whose result is wanted, or only checked),
  // or the end of a batch of statements (a sync point).
  struct Owed {
    enum Kind { kChecked, kWanted, kAhead, kSync } kind;
    std::string sql;         // for the error message (a statement whose answer is wanted is named to Collect)
    std::string forget_sql;  // a statement prepared: forgotten if preparing it failed
    std::shared_ptr<Ahead> ahead;  // where a read sent ahead keeps its rows
  };
  std::unique_ptr<Result> Run(std::string_view sql, std::span<const Value> params);
  // Sends a prepared statement with its parameters (copied into libpq's buffer at once).
  void SendPrepared(std::string_view sql, std::span<const Value> params, Owed::Kind kind,
                    std::shared_ptr<Ahead> ahead = nullptr);
  // The read sent ahead with this SQL and these parameters, taken from those waiting; or null.
  std::shared_ptr<Ahead> TakeAhead(std::string_view sql, std::span<const Value> params);
  void SendAheadOf(std::string_view sql, std::span<const Value> params, bool must_take);
  const std::string& Prepared(std::string_view sql);
  // Reads every answer owed, returning the wanted one; throws the first failure among them.
  std::unique_ptr<Result> Collect(std::string_view wanted_sql = {});
  int64_t CopyOutsidePipeline(std::string_view copy_sql, const std::function<bool(std::string& rows)>& fill);
  // Moves the access log chain's head's row to the last line appended, if it was left behind
  // (AuditHeadCache::Unstored), without waiting.
  void StoreAuditHead();
  // Leaves pipeline mode for the length of a simple query or a COPY, which it does not allow.
  void LeavePipeline();
  void EnterPipeline();
  [[noreturn]] void Broken(const std::string& why);

  pg_conn* conn_ = nullptr;
  bool broken_ = false;
  std::deque<Owed> owed_;
  bool read_only_ = false;  // the transaction cannot write, so reads may be sent ahead
  bool vouched_ = false;    // inside SendAheadFor: reads may be sent ahead all the same
  int unit_ = 0;
  std::vector<std::shared_ptr<Ahead>> ahead_;  // sent ahead in this transaction, not yet taken
  int64_t round_trips_ = 0;
  int64_t statements_sent_ = 0;
  bool unsynced_ = false;  // statements sent since the last sync point
  std::string chain_;
  AuditHeadCache audit_head_;
  // Looked up by the SQL text without copying it (std::string_view keys are compared as text).
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> statement_names_;
  int64_t statements_prepared_ = 0;
};

}  // namespace casework::store
