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
#include <utility>

#include "store/database.h"

namespace casework::store {

//
// On PostgreSQL a line appended after a known head may leave the head's row where it was
// (Appended rather than Moved), for the connection to move once, before it commits or sets a
// savepoint, from where the row stands (stored) to the last line (Unstored, then Stored): one
// update a batch instead of one a line, checked like each line's was.
class AuditHeadCache {
 public:
  const std::optional<ChainHead>& known() const { return current_; }
  // A line was appended and the head's row moved to it.
  void Moved(const ChainHead& head) { current_ = stored_ = head; }
  // A line was appended and the head's row left where it was.
  void Appended(const ChainHead& head) { current_ = head; }
  // The row's head and the head it should move to, when lines were appended without moving it.
  std::optional<std::pair<ChainHead, ChainHead>> Unstored() const {
    if (!current_ || !stored_ || current_->seq == stored_->seq) return std::nullopt;
    return std::make_pair(*stored_, *current_);
  }
  void Stored() { stored_ = current_; }

  void Began() {
    at_begin_ = current_;
    at_savepoint_ = {};
  }
  void SavepointSet() { at_savepoint_ = {current_, stored_}; }
  void RolledBackToSavepoint() {
    current_ = at_savepoint_.current;
    stored_ = at_savepoint_.stored;
  }
  void RolledBack() {
    current_ = stored_ = at_begin_;
    at_savepoint_ = {};
  }
  void Forget() {
    current_.reset();
    stored_.reset();
    at_begin_.reset();
    at_savepoint_ = {};
  }

 private:
  struct Heads {
    std::optional<ChainHead> current, stored;
  };
  std::optional<ChainHead> current_;  // as the open transaction sees it, or as committed
  std::optional<ChainHead> stored_;   // where the head's row stands in the open transaction
  std::optional<ChainHead> at_begin_;  // when the open transaction began (committed: row and head agree)
  Heads at_savepoint_;                 // when the open savepoint was set
};

}  // namespace casework::store
