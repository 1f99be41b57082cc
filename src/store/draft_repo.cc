#include "store/draft_repo.h"

#include "store/row.h"

namespace casework::store {
namespace {

constexpr char kSelect[] = "SELECT draft_key, record_id, content, updated_at FROM drafts";

Draft DraftAt(const Cursor& r) {
  return Draft{r.String(0), r.IsNull(1) ? std::string() : r.String(1), r.String(2), TimestampAt(r, 3)};
}

}  // namespace

void DraftRepo::Save(const std::string& user_id, const Draft& d) {
  std::string at = FormatTimestamp(d.updated_at);
  c_.Exec(
      "INSERT INTO drafts (user_id, draft_key, record_id, content, updated_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (user_id, draft_key) DO UPDATE SET record_id = excluded.record_id, content = excluded.content, "
      "updated_at = excluded.updated_at",
      {std::string_view(user_id), std::string_view(d.key), TextOrNull(d.record_id), std::string_view(d.content),
       std::string_view(at)});
}

std::optional<Draft> DraftRepo::Get(const std::string& user_id, const std::string& key) {
  auto rows = c_.Query(std::string(kSelect) + " WHERE user_id = ? AND draft_key = ?",
                       {std::string_view(user_id), std::string_view(key)});
  if (!rows->Next()) return std::nullopt;
  return DraftAt(*rows);
}

std::vector<Draft> DraftRepo::List(const std::string& user_id) {
  std::vector<Draft> out;
  auto rows = c_.Query(std::string(kSelect) + " WHERE user_id = ? ORDER BY updated_at DESC, draft_key",
                       {std::string_view(user_id)});
  while (rows->Next()) out.push_back(DraftAt(*rows));
  return out;
}

bool DraftRepo::Delete(const std::string& user_id, const std::string& key) {
  return c_.Exec("DELETE FROM drafts WHERE user_id = ? AND draft_key = ?",
                 {std::string_view(user_id), std::string_view(key)}) > 0;
}

}  // namespace casework::store
