#include "app/chronology.h"

#include "app/access.h"
#include "core/ids.h"
#include "store/person_repo.h"

namespace casework::app {

Result<ChronologyPageEnd> ReadChronology(const Services& s, const Actor& actor, const std::string& record_id,
                                         const ChronologyQuery& q, const ChronologySink& sink) {
  if (q.limit < 1 || q.limit > kMaxChronologyPage) {
    return Status::Invalid("limit", "must be between 1 and " + std::to_string(kMaxChronologyPage));
  }
  if (!q.after.empty() && !LooksLikeId(q.after)) return Status::Invalid("after", "is not an item id");
  ChronologyPageEnd end;
  std::string detail = "read the chronology";
  if (!q.after.empty()) detail += " after item " + q.after;
  Status st = ReadRecordAs(s, actor, record_id, detail, [&](store::Connection& c, const RecordAccess& access) {
    end = {};
    sink.begin();
    std::string last_read;
    end.more = store::ChronologyRepo(c).EachOnPage(record_id, q.after, q.limit, [&](const store::ChronologyRow& row) {
      last_read = row.item_id;
      // SEC-05: a partner sees only what was shared with them and what they wrote.
      if (access.ItemVisible(row.item_id, row.author_user_id, actor.user.id)) sink.event(row);
    });
    if (end.more) end.next_after = last_read;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return end;
}

Result<ChronologyExport> ExportChronology(const Services& s, const Actor& actor, const std::string& record_id) {
  ChronologyExport out;
  Status st = ReadRecordAs(s, actor, record_id, "exported the chronology",
                           [&](store::Connection& c, const RecordAccess& access) {
    out = {};
    auto person = store::PersonRepo(c).Get(record_id);
    if (!person) return Status::NotFound("there is no record " + record_id);
    out.display_name = person->DisplayName();
    if (access.case_record) out.council_reference = access.case_record->council_reference;
    store::ChronologyRepo repo(c);
    std::string after;
    for (;;) {
      store::ChronologyPage page = repo.Page(record_id, after, kMaxChronologyPage);
      if (page.more) after = page.rows.back().item_id;
      for (store::ChronologyRow& row : page.rows) {
        // SEC-05: a partner's export holds only what was shared with them and what they wrote.
        if (access.ItemVisible(row.item_id, row.author_user_id, actor.user.id)) out.events.push_back(std::move(row));
      }
      if (!page.more) break;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace casework::app
