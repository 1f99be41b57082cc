// The one interface between Casework and its database.
//
// A Database runs units of work. Write() runs a function inside a transaction that commits
// before Write returns, so a caller answers a user only once their change is durable; Read()
// runs one against a consistent snapshot. The function gets a Connection on which to run
// parameterised SQL; the repositories in this folder hold all of that SQL, so nothing above
// the store writes any.
//
// WriteThen() hands a unit of work over and returns at once; what Write would have returned is
// told to a callback once the commit holding the work is durable (or has failed), so that no
// thread need wait for the commit: a server answers from that callback.
//
// Database failures inside a unit of work are thrown as DbError by Connection, caught by
// Write/Read, rolled back and returned as a Status. A unit of work that returns a failing
// Status is rolled back too. Write may run the function more than once (after a
// serialisation failure, or another unit in its batch failing), so it must have no effects
// outside the database.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include "core/status.h"

namespace casework::store {

enum class Dialect { kSqlite, kPostgres };

using Value = std::variant<std::nullptr_t, int64_t, std::string_view>;

// Text, or SQL NULL when empty.
inline Value TextOrNull(std::string_view s) { return s.empty() ? Value{nullptr} : Value{s}; }

class DbError : public std::runtime_error {
 public:
  enum class Kind { kUniqueViolation, kBusy, kSerialization, kOther };
  DbError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// The end of a hash chain (a record's journal, or an access log chain).
struct ChainHead {
  int64_t seq = 0;        // of the last item; 0 for an empty chain
  std::string hash;       // of the last item; empty for an empty chain
};

// Rows of one query, read forward. Text views stay valid until the next call to Next().
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual bool Next() = 0;
  virtual bool IsNull(int column) const = 0;
  virtual int64_t Int(int column) const = 0;
  virtual std::string_view Text(int column) const = 0;

  std::string String(int column) const { return std::string(Text(column)); }
  bool Bool(int column) const { return Int(column) != 0; }
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // The access log chain this connection appends to (see access_log_repo.h).
  virtual const std::string& audit_chain() const = 0;
  // The head of audit_chain() as this connection's open transaction sees it, when the
  // connection knows it for certain without asking the database (it is the chain's only
  // writer, and keeps what it knows in step with its commits and rollbacks); else nullopt.
  virtual std::optional<ChainHead> known_audit_head() const { return std::nullopt; }
  // Told by the access log when a line has been appended to audit_chain() on this connection.
  virtual void AuditHeadMoved(const ChainHead&) {}
  // Told by the access log when a line has been appended after known_audit_head() and the
  // head's row left for the connection to move before it commits (PostgreSQL only).
  virtual void AuditLineAppended(const ChainHead&) {}
  // Told by the access log when the head was not where known_audit_head() said: forget it.
  virtual void AuditHeadUnknown() {}

  // SQL uses ? for parameters in both dialects.
  virtual std::unique_ptr<Cursor> QueryValues(std::string_view sql, std::span<const Value> params) = 0;
  // Returns the number of rows changed.
  virtual int64_t ExecValues(std::string_view sql, std::span<const Value> params) = 0;

  // Runs a statement whose answer nobody needs (how many rows it changed). A connection to a
  // server may send it without waiting for the answer, to go with the next statement that
  // waits; a failure is then thrown later, but always before the unit of work that sent it is
  // kept, and it fails that unit of work as if thrown at once.
  virtual void ExecLaterValues(std::string_view sql, std::span<const Value> params) { ExecValues(sql, params); }

  // Sends a read ahead of the Query that will take its rows (the same SQL and parameters), so
  // that reads which do not wait on each other's answers share one round trip to a server.
  // A hint only: a connection with no round trips to save (SQLite) ignores it, and so does one
  // whose transaction may write (a read sent ahead of a change could miss it). A read sent
  // ahead that no Query takes is dropped unread when the transaction ends.
  virtual void PrefetchValues(std::string_view sql, std::span<const Value> params) {}

  // Sends a statement ahead of the Query that will take its answer (the same SQL and
  // parameters), in a transaction that may write and even when the statement itself writes,
  // so that it shares a round trip with the next statement that waits. Unlike Prefetch, the
  // caller promises that nothing its unit of work runs in between changes the answer, and that
  // a Query takes it before the unit of work ends: on a server a unit of work that leaves one
  // untaken fails, since what the statement did would otherwise be kept unseen. A connection
  // with no round trips to save (SQLite) ignores it, and the Query runs the statement.
  virtual void SendAheadValues(std::string_view sql, std::span<const Value> params) {}

  std::unique_ptr<Cursor> Query(std::string_view sql, std::initializer_list<Value> params = {}) {
    return QueryValues(sql, std::span<const Value>(params.begin(), params.size()));
  }
  int64_t Exec(std::string_view sql, std::initializer_list<Value> params = {}) {
    return ExecValues(sql, std::span<const Value>(params.begin(), params.size()));
  }
  void Prefetch(std::string_view sql, std::initializer_list<Value> params = {}) {
    PrefetchValues(sql, std::span<const Value>(params.begin(), params.size()));
  }
  void SendAhead(std::string_view sql, std::initializer_list<Value> params = {}) {
    SendAheadValues(sql, std::span<const Value>(params.begin(), params.size()));
  }
  void ExecLater(std::string_view sql, std::initializer_list<Value> params = {}) {
    ExecLaterValues(sql, std::span<const Value>(params.begin(), params.size()));
  }
  // Runs several statements with no parameters: schema migrations only.
  virtual void ExecScript(std::string_view sql) = 0;
};

using Work = std::function<Status(Connection&)>;
// Told once what came of a unit of work handed to WriteThen: Ok only once it is committed and
// durable, else why it was not kept.
using WriteDone = std::function<void(Status)>;

// The statements a unit of work sends first, told before it runs, so that a database server's
// writer can send them for several units of a batch together, one round trip for them all
// where each unit would wait for its own (Database::WriteThenSendingAhead). `send` makes the
// same Prefetch and SendAhead calls, with the same SQL and parameters, as the unit makes
// before its first wait; the unit then takes what was sent for it, and what it asks for that
// was not sent is sent then. `key` names what the unit changes that such statements of another
// unit could read (for a case note, its record): two units with different keys must not
// change what each other's `send` reads. The writer sends ahead for a run of units in a batch
// only while their keys differ, so that each statement gives what it would have given had it
// been sent when its unit ran.
struct SentAhead {
  std::string key;
  std::function<void(Connection&)> send;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  virtual Status Write(const Work& work) = 0;
  virtual Status Read(const Work& work) = 0;
  // As Write, but returns without waiting for the commit: done is called once, with what Write
  // would have returned, after the commit that holds the work, perhaps on the writer's own
  // thread. So done must be quick and must not wait: it may hand its work to another thread,
  // or to WriteThen again, but must not call Write (it would wait for the thread running it).
  // This default, for databases with no writer thread of their own, runs Write and then done,
  // on the caller's thread.
  virtual void WriteThen(Work work, WriteDone done) { done(Write(work)); }
  // As WriteThen, telling the writer what the unit sends first (SentAhead). A database with
  // no round trips to save ignores it.
  virtual void WriteThenSendingAhead(Work work, WriteDone done, SentAhead ahead) {
    WriteThen(std::move(work), std::move(done));
  }
};

// The Status a unit of work reports for a DbError.
Status StatusFromDbError(const DbError& e);
// The Status a unit of work reports for any other exception it let out.
Status StatusFromUnexpected(const std::exception& e);

}  // namespace casework::store
