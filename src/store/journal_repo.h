// The journal table: appending items to a record's chain and reading them back.
//
// Appending is two steps inside one unit of work: ReserveNext() gives the record's head (the
// last item's number and hash) so that the caller can number and chain the next item, then
// Insert() stores that item, whose hash the caller has computed, and moves the head to it.
// Concurrent writers to the same record queue behind each other: on PostgreSQL ReserveNext
// holds the head row until commit; SQLite has one writer at a time. Each ReserveNext is
// followed by its Insert before the record's head is asked for again.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/journal_item.h"
#include "store/database.h"

namespace casework::store {

struct JournalPage {
  std::vector<JournalItem> items;  // newest first
  bool more = false;               // older items remain
};

class JournalRepo {
 public:
  explicit JournalRepo(Connection& c) : c_(c) {}

  // The head as it is (seq 0 and no hash for a record with no items yet), held for the caller's
  // next item, seq + 1.
  ChainHead ReserveNext(const std::string& record_id);
  // Sends ReserveNext's statement ahead (Connection::SendAhead), to travel with the unit of
  // work's first read: the unit must then call ReserveNext for this record before it ends, or
  // fail. Nothing else may touch the record's head in between.
  void SendReserveNextAhead(const std::string& record_id);
  void Insert(const JournalItem& item);
  // For loading whole chains at once (the bulk loaders): stores an item whose seq and
  // prev_hash the caller has chained, leaving the head alone until SetHead() at the end.
  void InsertChained(const JournalItem& item);
  // The same for many items, several rows to a statement: much of the cost of a one-row
  // insert is the statement around it (and over PostgreSQL, a round trip to the server).
  void InsertChained(std::span<const JournalItem> items);
  void SetHead(const std::string& record_id, int64_t seq, const std::string& hash);

  std::optional<JournalItem> Get(const std::string& item_id);
  // Newest first: items with seq below before_seq (0 means from the newest), at most limit,
  // only of the given kinds when any are given.
  JournalPage Page(const std::string& record_id, int64_t before_seq, int limit,
                   const std::vector<std::string>& kinds);
  // Items that point at any of target_ids: their corrections and countersignatures.
  std::vector<JournalItem> Referring(const std::vector<std::string>& target_ids);

  // For verification: every record with a journal, and each record's items in order.
  std::vector<std::string> RecordIds();
  std::optional<ChainHead> Head(const std::string& record_id);
  void ForEach(const std::string& record_id, const std::function<bool(const JournalItem&)>& visit);

 private:
  // Inserts the item, after head_update: SQL that ends in its three parameters (hash, record,
  // seq), or nothing.
  void InsertWith(const JournalItem& item, std::string_view head_update);
  Connection& c_;
};

}  // namespace casework::store
