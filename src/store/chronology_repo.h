// The chronology of significant events in a child's record (CHR-01), kept in step with the
// journal in the same unit of work as the entry it lists.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/journal_item.h"
#include "store/database.h"

namespace casework::store {

struct ChronologyRow {
  std::string item_id;
  int64_t seq = 0;
  std::string kind;
  Timestamp occurred_at{};
  Timestamp recorded_at{};
  bool late = false;
  std::string summary;  // the entry's title, or the start of its text
  std::string agency;   // where the information came from
  std::string author_user_id;
  std::string author_name;
  std::string author_post_title;
};

struct ChronologyPage {
  std::vector<ChronologyRow> rows;  // by event date, then item id
  bool more = false;
};

class ChronologyRepo {
 public:
  explicit ChronologyRepo(Connection& c) : c_(c) {}

  // Lists the item; its occurred_at must be set.
  void Insert(const JournalItem& item, const std::string& summary, const std::string& agency);
  // A correction replaces the corrected entry in the chronology.
  void Supersede(const std::string& item_id, const std::string& by_item_id);
  // Events after the item after_item_id (from the start when empty), at most limit.
  ChronologyPage Page(const std::string& record_id, const std::string& after_item_id, int limit);
  // The same events, each passed to each as it is read, in one row filled again for the next:
  // a whole chronology (10,000 events) is read without a copy of every event. Returns whether
  // more follow.
  bool EachOnPage(const std::string& record_id, const std::string& after_item_id, int limit,
                  const std::function<void(const ChronologyRow&)>& each);

 private:
  Connection& c_;
};

}  // namespace casework::store
