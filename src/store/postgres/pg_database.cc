#include "store/postgres/pg_database.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string_view>
#include <thread>

#include "store/postgres/pg_connection.h"

namespace casework::store {
namespace {

// How often one unit of work is tried when it keeps colliding with others. Each collision
// means another unit of work committed, so the system as a whole always moves on.
constexpr int kMaxAttempts = 40;

// Each unit of work in a batch runs in a subtransaction. PostgreSQL keeps up to 64 of a
// transaction's subtransactions in shared memory; beyond that every other session's snapshots
// get slower, so a batch stays within it.
constexpr size_t kMaxBatch = 64;

// A name for a new connection's access log chain, unique across processes and restarts.
std::string NewChainName() {
  static std::mutex mu;
  static std::random_device device;
  std::lock_guard lock(mu);
  static const char kHex[] = "0123456789abcdef";
  std::string name = "pg-";
  for (int i = 0; i < 4; ++i) {
    uint32_t bits = device();
    for (int j = 0; j < 4; ++j) name += kHex[(bits >> (4 * j)) & 0xF];
  }
  return name;
}

// Waits a random while, longer after each failed attempt, so colliding writers spread out.
void BackOff(int attempt) {
  thread_local std::mt19937 gen(std::random_device{}());
  int ceiling_ms = std::min(1 << std::min(attempt, 7), 100);
  std::uniform_int_distribution<int> pick(0, ceiling_ms * 1000);
  std::this_thread::sleep_for(std::chrono::microseconds(pick(gen)));
}

void RollBack(PgConnection& conn) {
  try {
    conn.RollBack();
  } catch (const DbError&) {
    // The connection is gone; the server has rolled the transaction back itself.
  }
}

// Runs one unit of work in its savepoint. A collision with another transaction, or the loss
// of the connection, is thrown on: the whole batch must then be rolled back. Run carefully,
// any other database failure is this unit's alone and becomes its Status; otherwise it is
// thrown on too, since it may have come from a statement an earlier unit sent.
Status RunUnit(const Work& work, PgConnection& conn, bool carefully) {
  try {
    Status status = work(conn);
    // Statements sent without waiting fail this unit, not a later one: carefully, their
    // answers are read before the unit is judged. Otherwise they are read with the next
    // unit's statements, and any failure at all runs the batch again carefully.
    if (carefully) conn.Settle();
    // What a statement sent ahead and never taken did would be kept unseen (a journal number
    // reserved and never used, say), so the unit is rolled back instead.
    if (conn.ForgetSentAhead() && status.ok()) {
      return Status::Internal("a statement sent ahead was never taken by its unit of work");
    }
    return status;
  } catch (const DbError& e) {
    if (!carefully || e.kind() == DbError::Kind::kSerialization || !conn.usable()) throw;
    return StatusFromDbError(e);
  } catch (const std::exception& e) {
    return StatusFromUnexpected(e);
  }
}

// Units that failed on their own keep their reason; the rest fail with the batch.
void FailBatch(const std::vector<WriteQueue::Job*>& batch, const DbError& e) {
  for (WriteQueue::Job* job : batch) {
    if (job->status.ok()) job->status = StatusFromDbError(e);
  }
}

}  // namespace

PgDatabase::PgDatabase(std::string url, int max_connections)
    : url_(std::move(url)), max_connections_(std::max(1, max_connections)) {
  Release(Acquire());
  writer_ = std::make_unique<PgConnection>(url_, NewChainName());
  writer_thread_ = std::thread([this] { WriterLoop(); });
}

PgDatabase::~PgDatabase() {
  writes_.Stop();
  writer_thread_.join();
}

std::unique_ptr<PgConnection> PgDatabase::Connect() {
  try {
    return std::make_unique<PgConnection>(url_, NewChainName());
  } catch (...) {
    {
      std::lock_guard lock(mu_);
      --open_;
    }
    freed_.notify_one();
    throw;
  }
}

std::unique_ptr<PgConnection> PgDatabase::Acquire() {
  {
    std::unique_lock lock(mu_);
    freed_.wait(lock, [&] { return !idle_.empty() || open_ < max_connections_; });
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return conn;
    }
    ++open_;  // the slot is taken before connecting, so no two threads take the last one
  }
  return Connect();
}

void PgDatabase::Release(std::unique_ptr<PgConnection> conn) {
  {
    std::lock_guard lock(mu_);
    if (conn->usable()) {
      idle_.push_back(std::move(conn));
    } else {
      --open_;
    }
  }
  freed_.notify_one();
}

Status PgDatabase::Write(const Work& work) { return writes_.Submit(work); }

void PgDatabase::WriteThen(Work work, WriteDone done) { writes_.SubmitThen(std::move(work), std::move(done)); }

void PgDatabase::WriteThenSendingAhead(Work work, WriteDone done, SentAhead ahead) {
  writes_.SubmitThen(std::move(work), std::move(done), std::move(ahead));
}

void PgDatabase::WriterLoop() {
  for (auto batch = writes_.Take(kMaxBatch); !batch.empty(); batch = writes_.Take(kMaxBatch)) {
    const int64_t before = writer_ ? writer_->round_trips() : 0;
    const PgConnection* counted = writer_.get();
    RunBatch(batch);
    // A writer replaced during the batch has lost its count; the new one's is all there is.
    if (writer_) round_trips_ += writer_->round_trips() - (writer_.get() == counted ? before : 0);
    writes_.Finish(batch);
  }
}

void PgDatabase::RunBatch(const std::vector<WriteQueue::Job*>& batch) {
  Care care = Care::kNone;
  std::vector<std::optional<Status>> failed_ahead(batch.size());
  for (int attempt = 1;; ++attempt) {
    Outcome outcome = TryBatch(batch, care, failed_ahead);
    if (outcome == Outcome::kDone) return;
    if (attempt == kMaxAttempts) {
      // Given up with nothing committed: a unit whose own run went well must not be told Ok
      // (only a collision's outcome has failed the batch already).
      for (WriteQueue::Job* job : batch) {
        if (job->status.ok()) job->status = Status(StatusCode::kUnavailable, "the database is busy; try again");
      }
      return;
    }
    // At once, for these: nothing collided, so nothing is gained by waiting.
    if (outcome == Outcome::kCarefully) {
      care = Care::kCarefully;
    } else if (outcome == Outcome::kSavepoints) {
      care = std::max(care, Care::kSavepoints);
    } else {
      BackOff(attempt);
    }
  }
}

namespace {

// The order a batch's units run in. Sending ahead, a unit's reads can go with others' only once
// every earlier unit with its key has run, so each unit that says what it sends is moved back
// behind the other keys' units as far as the unit before it with its own key allows: a stretch
// of such units runs as its first notes on each key, then its second notes, and so on, and a
// run of reads sent together is a whole such round. A unit's key names all it changes that
// another's reads could see, so units of different keys may run in either order; units of one
// key keep theirs, and a unit that says nothing (whose changes are not known) stays where it is,
// with no unit moved past it.
std::vector<size_t> RunOrder(const std::vector<WriteQueue::Job*>& batch, bool sending_ahead) {
  std::vector<size_t> order(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) order[i] = i;
  if (!sending_ahead) return order;
  std::vector<size_t> round(batch.size(), 0);  // how many earlier units of the stretch share its key
  size_t start = 0;
  std::map<std::string_view, size_t> seen;
  for (size_t i = 0; i <= batch.size(); ++i) {
    if (i == batch.size() || !batch[i]->ahead.send) {
      std::stable_sort(order.begin() + start, order.begin() + i,
                       [&](size_t a, size_t b) { return round[a] < round[b]; });
      start = i + 1;
      seen.clear();
      continue;
    }
    round[i] = seen[batch[i]->ahead.key]++;
  }
  return order;
}

}  // namespace

PgDatabase::Outcome PgDatabase::TryBatch(const std::vector<WriteQueue::Job*>& batch, Care care,
                                         std::vector<std::optional<Status>>& failed_ahead) {
  const bool carefully = care == Care::kCarefully;
  bool committing = false;
  for (size_t i = 0; i < batch.size(); ++i) batch[i]->status = failed_ahead[i].value_or(Status::Ok());
  try {
    if (!writer_ || !writer_->usable()) {
      writer_.reset();
      writer_ = std::make_unique<PgConnection>(url_, NewChainName());
    }
    const std::vector<size_t> order = RunOrder(batch, care == Care::kNone);
    // Units before this place in the order have had what they send first sent, in this
    // transaction.
    size_t sent_ahead_to = 0;
    // Sends ahead for the run of units from place p on, unless unit p's were sent with an
    // earlier run (see the header). Only without savepoints: a unit's statements sent before
    // its savepoint would outlive its rollback. False if a unit's step threw something other
    // than a database failure: that unit has failed for good (as RunUnit would have it), and
    // what it sent before throwing cannot be undone alone, so the caller rolls back and the
    // batch is run again with savepoints, without it.
    auto send_ahead_from = [&](size_t p) {
      if (care != Care::kNone || p < sent_ahead_to) return true;
      std::set<std::string_view> keys;
      size_t end = p;
      for (; end < order.size(); ++end) {
        const SentAhead& ahead = batch[order[end]]->ahead;
        if (!ahead.send || !keys.insert(ahead.key).second) break;
        try {
          writer_->SendAheadFor(static_cast<int>(order[end]), ahead);
        } catch (const DbError&) {
          throw;
        } catch (const std::exception& e) {
          failed_ahead[order[end]] = StatusFromUnexpected(e);
          batch[order[end]]->status = *failed_ahead[order[end]];
          return false;
        }
      }
      sent_ahead_to = end;
      return true;
    };
    for (size_t first = 0; first < order.size(); ++first) {
      if (failed_ahead[order[first]]) continue;
      WriteQueue::Job& first_job = *batch[order[first]];
      // BEGIN, SAVEPOINT and RELEASE go with the unit's first statement, not on their own.
      writer_->Begin("BEGIN ISOLATION LEVEL SERIALIZABLE");
      sent_ahead_to = 0;
      // The first unit runs outside any savepoint, so that it may set its transaction's
      // isolation level (the schema migrations do). If it fails, the transaction holds
      // nothing else, and the rest go in a new one.
      if (!send_ahead_from(first)) {
        writer_->RollBack();
        return Outcome::kSavepoints;
      }
      writer_->ForUnit(static_cast<int>(order[first]));
      first_job.status = RunUnit(*first_job.work, *writer_, carefully);
      if (!first_job.status.ok()) {
        writer_->RollBack();
        continue;
      }
      bool in_savepoint = false;
      for (size_t p = first + 1; p < order.size(); ++p) {
        const size_t i = order[p];
        if (failed_ahead[i]) continue;
        if (care == Care::kNone) {
          // No savepoint: each costs the server a subtransaction, and nearly every unit
          // succeeds. One that fails having sent nothing changed nothing; one that sent
          // statements (itself, or ahead of it) cannot be undone alone, so the batch is run
          // again with savepoints.
          if (!send_ahead_from(p)) {
            writer_->RollBack();
            return Outcome::kSavepoints;
          }
          const bool sent_ahead = p < sent_ahead_to && batch[i]->ahead.send;
          const int64_t sent = writer_->statements_sent();
          writer_->ForUnit(static_cast<int>(i));
          batch[i]->status = RunUnit(*batch[i]->work, *writer_, carefully);
          if (!batch[i]->status.ok() && (sent_ahead || writer_->statements_sent() != sent)) {
            writer_->RollBack();
            return Outcome::kSavepoints;
          }
          continue;
        }
        writer_->ForUnit(static_cast<int>(i));
        if (in_savepoint) writer_->ReleaseSavepoint();
        writer_->SetSavepoint();
        in_savepoint = true;
        batch[i]->status = RunUnit(*batch[i]->work, *writer_, carefully);
        if (!batch[i]->status.ok()) writer_->RollBackToSavepoint();
      }
      committing = true;
      writer_->Commit();
      return Outcome::kDone;
    }
    return Outcome::kDone;
  } catch (const DbError& e) {
    if (writer_) RollBack(*writer_);
    const bool lost = !writer_ || !writer_->usable();
    // A collision rolls the whole transaction back, and so does a connection lost (a server
    // restart, a failover) before COMMIT was sent. Once it was sent, whether it committed
    // cannot be known, so the work is not run again.
    if (e.kind() == DbError::Kind::kSerialization || (writer_ && lost && !committing) ||
        (!writer_ && e.kind() == DbError::Kind::kBusy)) {
      FailBatch(batch, e);
      return Outcome::kAgain;
    }
    // A statement failed while the batch ran without waiting for answers: which unit sent it
    // is not known, and nothing was committed (the failure spoilt the transaction, so COMMIT
    // rolled it back). Run again, each unit's answers read before the next unit starts.
    if (!carefully && !lost) return Outcome::kCarefully;
    FailBatch(batch, e);
    return Outcome::kDone;
  }
}

Status PgDatabase::ReadOnce(const Work& work, bool& again) {
  std::unique_ptr<PgConnection> conn;
  Status status;
  int64_t trips_before = 0;
  again = false;
  try {
    conn = Acquire();
    trips_before = conn->round_trips();
    conn->BeginReadOnly("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    status = work(*conn);
    conn->Settle();  // free unless the work sent a statement without waiting
    // Nothing waits for a read's COMMIT: it is sent now, and its answer read with the next
    // statement on this connection.
    conn->Send("COMMIT");
    conn->Flush();
  } catch (const DbError& e) {
    if (conn) RollBack(*conn);
    // A collision, or a connection lost: nothing was changed, so the read can be run again.
    again = e.kind() == DbError::Kind::kSerialization || (conn && !conn->usable());
    status = StatusFromDbError(e);
  } catch (const std::exception& e) {
    if (conn) RollBack(*conn);
    status = StatusFromUnexpected(e);
  }
  if (conn) {
    round_trips_ += conn->round_trips() - trips_before;
    Release(std::move(conn));
  }
  return status;
}

Status PgDatabase::Read(const Work& work) {
  for (int attempt = 1;; ++attempt) {
    bool again = false;
    Status status = ReadOnce(work, again);
    if (!again || attempt == kMaxAttempts) return status;
    BackOff(attempt);
  }
}

}  // namespace casework::store
