#include "store/chronology_repo.h"

#include "store/row.h"

namespace casework::store {

void ChronologyRepo::Insert(const JournalItem& item, const std::string& summary, const std::string& agency) {
  std::string occurred = FormatTimestamp(*item.occurred_at);
  std::string recorded = FormatTimestamp(item.recorded_at);
  c_.ExecLater(
      "INSERT INTO chronology (item_id, record_id, seq, kind, occurred_at, recorded_at, late, summary, agency, "
      "author_user_id, author_name, author_post_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(item.id), std::string_view(item.record_id), item.seq, std::string_view(item.kind),
       std::string_view(occurred), std::string_view(recorded), int64_t{item.late ? 1 : 0}, std::string_view(summary),
       std::string_view(agency), std::string_view(item.author_user_id), std::string_view(item.author_name),
       std::string_view(item.author_post_title)});
}

void ChronologyRepo::Supersede(const std::string& item_id, const std::string& by_item_id) {
  c_.ExecLater("UPDATE chronology SET superseded_by = ? WHERE item_id = ? AND superseded_by IS NULL",
          {std::string_view(by_item_id), std::string_view(item_id)});
}

ChronologyPage ChronologyRepo::Page(const std::string& record_id, const std::string& after_item_id, int limit) {
  ChronologyPage page;
  page.more = EachOnPage(record_id, after_item_id, limit, [&](const ChronologyRow& row) { page.rows.push_back(row); });
  return page;
}

bool ChronologyRepo::EachOnPage(const std::string& record_id, const std::string& after_item_id, int limit,
                                const std::function<void(const ChronologyRow&)>& each) {
  // Keyset paging on the index (record_id, occurred_at, item_id): each page costs the same
  // however far into a long chronology it starts.
  std::string sql =
      "SELECT item_id, seq, kind, occurred_at, recorded_at, late, summary, agency, author_user_id, author_name, "
      "author_post_title FROM chronology WHERE record_id = ? AND superseded_by IS NULL";
  std::vector<Value> params = {std::string_view(record_id)};
  if (!after_item_id.empty()) {
    sql += " AND (occurred_at, item_id) > ((SELECT occurred_at FROM chronology WHERE item_id = ?), ?)";
    params.push_back(std::string_view(after_item_id));
    params.push_back(std::string_view(after_item_id));
  }
  sql += " ORDER BY occurred_at, item_id LIMIT ?";
  params.push_back(int64_t{limit + 1});
  ChronologyRow row;
  int read = 0;
  for (auto r = c_.QueryValues(sql, params); r->Next(); ++read) {
    if (read == limit) return true;
    // Assigned, not constructed: each string keeps the room it had for the last row.
    row.item_id = r->Text(0);
    row.seq = r->Int(1);
    row.kind = r->Text(2);
    row.occurred_at = TimestampAt(*r, 3);
    row.recorded_at = TimestampAt(*r, 4);
    row.late = r->Bool(5);
    row.summary = r->Text(6);
    row.agency = r->Text(7);
    row.author_user_id = r->Text(8);
    row.author_name = r->Text(9);
    row.author_post_title = r->Text(10);
    each(row);
  }
  return false;
}

}  // namespace casework::store
