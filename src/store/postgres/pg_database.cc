#include "store/postgres/pg_database.h"

#include <chrono>
#include <random>
#include <thread>

#include "store/postgres/pg_connection.h"

namespace casework::store {
namespace {

// How often one unit of work is tried when it keeps colliding with others. Each collision
// means another unit of work committed, so the system as a whole always moves on.
constexpr int kMaxAttempts = 40;

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
    conn.Command("ROLLBACK");
  } catch (const DbError&) {
    // The connection is gone; the server has rolled the transaction back itself.
  }
}

}  // namespace

PgDatabase::PgDatabase(std::string url, int max_connections)
    : url_(std::move(url)), max_connections_(std::max(1, max_connections)) {
  Release(Acquire());
}

PgDatabase::~PgDatabase() = default;

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

Status PgDatabase::RunOnce(const Work& work, const char* begin, bool& again) {
  std::unique_ptr<PgConnection> conn;
  Status status;
  bool committing = false;
  again = false;
  try {
    conn = Acquire();
    conn->Command(begin);
    status = work(*conn);
    if (status.ok()) {
      committing = true;
      conn->Command("COMMIT");
    } else {
      RollBack(*conn);
    }
  } catch (const DbError& e) {
    if (conn) RollBack(*conn);
    // A collision rolls the whole transaction back, and so does a connection lost (a server
    // restart, a failover) before COMMIT was sent. Once it was sent, whether it committed
    // cannot be known, so the work is not run again.
    again = e.kind() == DbError::Kind::kSerialization || (conn && !conn->usable() && !committing);
    status = StatusFromDbError(e);
  } catch (const std::exception& e) {
    if (conn) RollBack(*conn);
    status = Status::Internal(std::string("unexpected failure: ") + e.what());
  }
  if (conn) Release(std::move(conn));
  return status;
}

Status PgDatabase::Write(const Work& work) {
  for (int attempt = 1;; ++attempt) {
    bool again = false;
    Status status = RunOnce(work, "BEGIN ISOLATION LEVEL SERIALIZABLE", again);
    if (!again || attempt == kMaxAttempts) return status;
    BackOff(attempt);
  }
}

Status PgDatabase::Read(const Work& work) {
  for (int attempt = 1;; ++attempt) {
    bool again = false;
    Status status = RunOnce(work, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", again);
    if (!again || attempt == kMaxAttempts) return status;
    BackOff(attempt);
  }
}

}  // namespace casework::store
