#include "store/entry_index_repo.h"

#include "store/row.h"

namespace casework::store {

void EntryIndexRepo::InsertDecision(const DecisionRow& d) {
  std::string review = FormatDate(d.review_date);
  c_.ExecLater(
      "INSERT INTO decisions (item_id, record_id, decided_by, summary, review_date) VALUES (?, ?, ?, ?, ?)",
      {std::string_view(d.item_id), std::string_view(d.record_id), std::string_view(d.decided_by),
       std::string_view(d.summary), std::string_view(review)});
}

void EntryIndexRepo::InsertAction(const ActionRow& a) {
  std::string due = FormatDate(a.due);
  c_.ExecLater(
      "INSERT INTO actions (id, item_id, record_id, description, responsible, due_date) VALUES (?, ?, ?, ?, ?, ?)",
      {std::string_view(a.id), std::string_view(a.item_id), std::string_view(a.record_id),
       std::string_view(a.description), std::string_view(a.responsible), std::string_view(due)});
}

void EntryIndexRepo::Supersede(const std::string& item_id, const std::string& by_item_id) {
  for (const char* sql : {"UPDATE decisions SET superseded_by = ? WHERE item_id = ? AND superseded_by IS NULL",
                          "UPDATE actions SET superseded_by = ? WHERE item_id = ? AND superseded_by IS NULL"}) {
    c_.ExecLater(sql, {std::string_view(by_item_id), std::string_view(item_id)});
  }
}

std::vector<DecisionRow> EntryIndexRepo::DecisionsDueBy(Date on_or_before, int limit) {
  std::string date = FormatDate(on_or_before);
  std::vector<DecisionRow> out;
  auto rows = c_.Query(
      "SELECT item_id, record_id, decided_by, summary, review_date FROM decisions "
      "WHERE superseded_by IS NULL AND review_date <= ? ORDER BY review_date, item_id LIMIT ?",
      {std::string_view(date), int64_t{limit}});
  while (rows->Next()) {
    out.push_back({rows->String(0), rows->String(1), rows->String(2), rows->String(3), *OptDateAt(*rows, 4)});
  }
  return out;
}

void EntryIndexRepo::InsertCountersignature(const CountersignatureRow& r) {
  c_.ExecLater("INSERT INTO countersignatures (item_id, record_id, provider_user_id) VALUES (?, ?, ?)",
          {std::string_view(r.item_id), std::string_view(r.record_id), std::string_view(r.provider_user_id)});
}

std::optional<CountersignatureRow> EntryIndexRepo::Countersignature(const std::string& item_id) {
  auto rows = c_.Query(
      "SELECT item_id, record_id, provider_user_id, signed_item_id FROM countersignatures WHERE item_id = ?",
      {std::string_view(item_id)});
  if (!rows->Next()) return std::nullopt;
  return CountersignatureRow{rows->String(0), rows->String(1), rows->String(2), rows->String(3)};
}

void EntryIndexRepo::MarkCountersigned(const std::string& item_id, const std::string& signed_item_id) {
  c_.ExecLater("UPDATE countersignatures SET signed_item_id = ? WHERE item_id = ?",
          {std::string_view(signed_item_id), std::string_view(item_id)});
}

std::vector<CountersignatureRow> EntryIndexRepo::AwaitingCountersignature(const std::string& user_id) {
  std::vector<CountersignatureRow> out;
  auto rows = c_.Query(
      "SELECT item_id, record_id, provider_user_id, signed_item_id FROM countersignatures "
      "WHERE provider_user_id = ? AND signed_item_id IS NULL ORDER BY item_id",
      {std::string_view(user_id)});
  while (rows->Next()) out.push_back({rows->String(0), rows->String(1), rows->String(2), rows->String(3)});
  return out;
}

}  // namespace casework::store
