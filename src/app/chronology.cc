#include "app/chronology.h"

#include "app/access.h"
#include "core/ids.h"

namespace casework::app {

Result<ChronologyView> ReadChronology(const Services& s, const Actor& actor, const std::string& record_id,
                                             const ChronologyQuery& q) {
  if (q.limit < 1 || q.limit > kMaxChronologyPage) {
    return Status::Invalid("limit", "must be between 1 and " + std::to_string(kMaxChronologyPage));
  }
  if (!q.after.empty() && !LooksLikeId(q.after)) return Status::Invalid("after", "is not an item id");
  ChronologyView view;
  std::string detail = "read the chronology";
  if (!q.after.empty()) detail += " after item " + q.after;
  Status st = ReadRecordAs(s, actor, record_id, detail, [&](store::Connection& c, const RecordAccess& access) {
    store::ChronologyPage page = store::ChronologyRepo(c).Page(record_id, q.after, q.limit);
    view = {};
    view.more = page.more;
    if (page.more) view.next_after = page.rows.back().item_id;
    for (store::ChronologyRow& row : page.rows) {
      // SEC-05: a partner sees only what was shared with them and what they wrote.
      if (access.ItemVisible(row.item_id, row.author_user_id, actor.user.id)) view.events.push_back(std::move(row));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return view;
}

}  // namespace casework::app
