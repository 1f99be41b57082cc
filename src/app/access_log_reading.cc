#include "app/access_log_reading.h"

#include <algorithm>
#include <iterator>

namespace casework::app {
namespace {

Result<std::vector<AccessEvent>> ListIn(store::Database& db, const store::AccessQuery& query) {
  std::vector<AccessEvent> out;
  Status st = db.Read([&](store::Connection& c) {
    out = store::AccessLogRepo(c).List(query);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace

Result<std::vector<AccessEvent>> ReadAccessLog(const Services& s, const store::AccessQuery& query) {
  Result<std::vector<AccessEvent>> main = ListIn(s.db, query);
  if (!main.ok() || &s.access_log_db == &s.db) return main;
  Result<std::vector<AccessEvent>> alone = ListIn(s.access_log_db, query);
  if (!alone.ok()) return alone;
  // The newest query.limit of both are among the newest query.limit of each.
  std::vector<AccessEvent> merged;
  merged.reserve(main->size() + alone->size());
  std::merge(std::make_move_iterator(main->begin()), std::make_move_iterator(main->end()),
             std::make_move_iterator(alone->begin()), std::make_move_iterator(alone->end()),
             std::back_inserter(merged), [](const AccessEvent& a, const AccessEvent& b) { return a.id > b.id; });
  if (merged.size() > static_cast<size_t>(query.limit)) merged.resize(query.limit);
  return merged;
}

}  // namespace casework::app
