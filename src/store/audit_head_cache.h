// What a writer connection knows of the head of its own access log chain, so that appending a
// line costs one statement instead of first reading the head back from the database.
//
// PostgreSQL: the connection is its chain's only writer (Connection::audit_chain), so the head
// it last wrote is the head for as long as what wrote it is kept. SQLite: two servers may share
// a file and its chain, so the head is known only inside a write transaction, which holds the
// file's write lock (BEGIN IMMEDIATE) until it ends; the connection calls Forget() when one
// begins and when it ends. A rollback undoes the move, so the cache goes back to what it held
// when the savepoint was set or the transaction began; any failure forgets it altogether, and
// the next line then reads the head from the database. The statement that appends with a
// cached head still checks it (AccessLogRepo::Insert), so a mistake here stops a line from
// being written rather than breaking the chain.
#pragma once

#include <optional>

#include "store/database.h"

namespace casework::store {

class AuditHeadCache {
 public:
  const std::optional<ChainHead>& known() const { return current_; }
  void Moved(const ChainHead& head) { current_ = head; }

  void Began() {
    at_begin_ = current_;
    at_savepoint_.reset();
  }
  void SavepointSet() { at_savepoint_ = current_; }
  void RolledBackToSavepoint() { current_ = at_savepoint_; }
  void RolledBack() {
    current_ = at_begin_;
    at_savepoint_.reset();
  }
  void Forget() {
    current_.reset();
    at_begin_.reset();
    at_savepoint_.reset();
  }

 private:
  std::optional<ChainHead> current_;       // as the open transaction sees it, or as committed
  std::optional<ChainHead> at_begin_;      // when the open transaction began
  std::optional<ChainHead> at_savepoint_;  // when the open savepoint was set
};

}  // namespace casework::store
