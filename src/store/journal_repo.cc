#include "store/journal_repo.h"

#include <algorithm>

#include "store/row.h"

namespace casework::store {
namespace {

constexpr char kColumns[] =
    "record_id, seq, id, kind, author_user_id, author_name, author_post_title, recorded_at, occurred_at, "
    "late, target_id, body, prev_hash, hash";

JournalItem ItemAt(const Cursor& r) {
  JournalItem item;
  item.record_id = r.String(0);
  item.seq = r.Int(1);
  item.id = r.String(2);
  item.kind = r.String(3);
  item.author_user_id = r.String(4);
  item.author_name = r.String(5);
  item.author_post_title = r.String(6);
  item.recorded_at = TimestampAt(r, 7);
  item.occurred_at = OptTimestampAt(r, 8);
  item.late = r.Bool(9);
  item.target_id = r.String(10);
  item.body = r.String(11);
  item.prev_hash = r.String(12);
  item.hash = r.String(13);
  return item;
}

// One statement, so two writers starting a record's first item at once cannot both insert
// the head. It holds the head row (in PostgreSQL, locked until commit, so a concurrent writer
// to the same record waits, then runs again on the new head) and returns the reserved number
// with the previous hash, which it leaves unchanged.
constexpr char kReserveNextSql[] =
    "INSERT INTO journal_heads (record_id, seq, hash) VALUES (?, 1, '') "
    "ON CONFLICT (record_id) DO UPDATE SET seq = journal_heads.seq + 1 RETURNING seq, hash";

}  // namespace

void JournalRepo::SendReserveNextAhead(const std::string& record_id) {
  c_.SendAhead(kReserveNextSql, {std::string_view(record_id)});
}

ChainHead JournalRepo::ReserveNext(const std::string& record_id) {
  if (c_.dialect() == Dialect::kSqlite) {
    // SQLite's one writer holds the file's write lock from the batch's BEGIN IMMEDIATE to its
    // COMMIT, so no other writer, in this process or another, can move the head between this
    // read and the Insert that follows. A read here and one write in Insert cost less than
    // reserving with an upsert that returns the row (SQLite builds a table for RETURNING's
    // rows) and then updating the same row again.
    auto rows = c_.Query("SELECT seq, hash FROM journal_heads WHERE record_id = ?", {std::string_view(record_id)});
    if (!rows->Next()) return ChainHead{};
    return ChainHead{rows->Int(0), rows->String(1)};
  }
  auto rows = c_.Query(kReserveNextSql, {std::string_view(record_id)});
  rows->Next();
  return ChainHead{rows->Int(0) - 1, rows->String(1)};
}

void JournalRepo::Insert(const JournalItem& item) {
  if (c_.dialect() == Dialect::kPostgres) {
    // One statement, one round trip to the server, for the item and the new head.
    InsertWith(item, "WITH head AS (UPDATE journal_heads SET hash = ? WHERE record_id = ? AND seq = ?) ");
    return;
  }
  InsertChained(item);
  SetHead(item.record_id, item.seq, item.hash);
}

void JournalRepo::SetHead(const std::string& record_id, int64_t seq, const std::string& hash) {
  c_.Exec(
      "INSERT INTO journal_heads (record_id, seq, hash) VALUES (?, ?, ?) "
      "ON CONFLICT (record_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
      {std::string_view(record_id), seq, std::string_view(hash)});
}

void JournalRepo::InsertChained(const JournalItem& item) { InsertWith(item, ""); }

void JournalRepo::InsertWith(const JournalItem& item, std::string_view head_update) {
  std::string recorded = FormatTimestamp(item.recorded_at);
  std::string occurred = item.occurred_at ? FormatTimestamp(*item.occurred_at) : std::string();
  const Value params[] = {std::string_view(item.hash), std::string_view(item.record_id), item.seq,
                          std::string_view(item.record_id), item.seq, std::string_view(item.id),
                          std::string_view(item.kind), std::string_view(item.author_user_id),
                          std::string_view(item.author_name), std::string_view(item.author_post_title),
                          std::string_view(recorded), TextOrNull(occurred), int64_t{item.late ? 1 : 0},
                          TextOrNull(item.target_id), std::string_view(item.body), std::string_view(item.prev_hash),
                          std::string_view(item.hash)};
  c_.ExecLaterValues(
      std::string(head_update) +
          "INSERT INTO journal (record_id, seq, id, kind, author_user_id, author_name, author_post_title, "
          "recorded_at, occurred_at, late, target_id, body, prev_hash, hash) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      // The head's three parameters lead, used only with the head's update.
      std::span<const Value>(params).subspan(head_update.empty() ? 3 : 0));
}

void JournalRepo::InsertChained(std::span<const JournalItem> items) {
  // 14 parameters a row: 64 rows stay far below either database's limit on parameters.
  constexpr size_t kRowsPerStatement = 64;
  std::vector<std::string> times;  // the timestamps as text, which the statement's parameters view
  std::vector<Value> params;
  for (size_t start = 0; start < items.size(); start += kRowsPerStatement) {
    std::span<const JournalItem> rows = items.subspan(start, std::min(kRowsPerStatement, items.size() - start));
    times.clear();
    times.reserve(2 * rows.size());  // never reallocated while params view it
    params.clear();
    std::string sql =
        "INSERT INTO journal (record_id, seq, id, kind, author_user_id, author_name, author_post_title, recorded_at, "
        "occurred_at, late, target_id, body, prev_hash, hash) VALUES ";
    for (const JournalItem& item : rows) {
      const std::string& recorded = times.emplace_back(FormatTimestamp(item.recorded_at));
      const std::string& occurred =
          times.emplace_back(item.occurred_at ? FormatTimestamp(*item.occurred_at) : std::string());
      if (&item != rows.data()) sql += ", ";
      sql += "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      params.insert(params.end(),
                    {std::string_view(item.record_id), item.seq, std::string_view(item.id), std::string_view(item.kind),
                     std::string_view(item.author_user_id), std::string_view(item.author_name),
                     std::string_view(item.author_post_title), std::string_view(recorded), TextOrNull(occurred),
                     int64_t{item.late ? 1 : 0}, TextOrNull(item.target_id), std::string_view(item.body),
                     std::string_view(item.prev_hash), std::string_view(item.hash)});
    }
    c_.ExecValues(sql, params);
  }
}

std::optional<JournalItem> JournalRepo::Get(const std::string& item_id) {
  auto rows = c_.Query(std::string("SELECT ") + kColumns + " FROM journal WHERE id = ?", {std::string_view(item_id)});
  if (!rows->Next()) return std::nullopt;
  return ItemAt(*rows);
}

JournalPage JournalRepo::Page(const std::string& record_id, int64_t before_seq, int limit,
                              const std::vector<std::string>& kinds) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM journal WHERE record_id = ? AND seq < ?";
  std::vector<Value> params = {std::string_view(record_id), before_seq > 0 ? before_seq : INT64_MAX};
  if (!kinds.empty()) {
    sql += " AND kind IN (";
    for (size_t i = 0; i < kinds.size(); ++i) {
      sql += i ? ", ?" : "?";
      params.push_back(std::string_view(kinds[i]));
    }
    sql += ")";
  }
  sql += " ORDER BY seq DESC LIMIT ?";
  params.push_back(int64_t{limit + 1});
  JournalPage page;
  auto rows = c_.QueryValues(sql, params);
  while (rows->Next()) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.more = true;
      break;
    }
    page.items.push_back(ItemAt(*rows));
  }
  return page;
}

std::vector<JournalItem> JournalRepo::Referring(const std::vector<std::string>& target_ids) {
  std::vector<JournalItem> out;
  if (target_ids.empty()) return out;
  std::string sql = std::string("SELECT ") + kColumns + " FROM journal WHERE target_id IN (";
  std::vector<Value> params;
  for (size_t i = 0; i < target_ids.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.push_back(std::string_view(target_ids[i]));
  }
  sql += ") ORDER BY record_id, seq";
  auto rows = c_.QueryValues(sql, params);
  while (rows->Next()) out.push_back(ItemAt(*rows));
  return out;
}

std::vector<std::string> JournalRepo::RecordIds() {
  std::vector<std::string> out;
  auto rows = c_.Query("SELECT record_id FROM journal_heads ORDER BY record_id");
  while (rows->Next()) out.push_back(rows->String(0));
  return out;
}

std::optional<ChainHead> JournalRepo::Head(const std::string& record_id) {
  auto rows = c_.Query("SELECT seq, hash FROM journal_heads WHERE record_id = ?", {std::string_view(record_id)});
  if (!rows->Next()) return std::nullopt;
  return ChainHead{rows->Int(0), rows->String(1)};
}

void JournalRepo::ForEach(const std::string& record_id, const std::function<bool(const JournalItem&)>& visit) {
  auto rows = c_.Query(std::string("SELECT ") + kColumns + " FROM journal WHERE record_id = ? ORDER BY seq",
                       {std::string_view(record_id)});
  while (rows->Next()) {
    if (!visit(ItemAt(*rows))) return;
  }
}

}  // namespace casework::store
