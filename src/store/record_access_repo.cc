#include "store/record_access_repo.h"

#include "store/row.h"

namespace casework::store {
namespace {

constexpr char kGrantColumns[] =
    "id, record_id, user_id, purpose, granted_by, granted_at, expires_at, revoked_at, revoked_by";

AccessGrant GrantAt(const Cursor& r, int at = 0) {
  AccessGrant g;
  g.id = r.String(at);
  g.record_id = r.String(at + 1);
  g.user_id = r.String(at + 2);
  g.purpose = r.String(at + 3);
  g.granted_by = r.String(at + 4);
  g.granted_at = TimestampAt(r, at + 5);
  g.expires_at = TimestampAt(r, at + 6);
  g.revoked_at = OptTimestampAt(r, at + 7);
  g.revoked_by = r.String(at + 8);
  return g;
}

constexpr char kBreakGlassColumns[] =
    "b.id, b.record_id, b.user_id, u.username, b.reason, b.started_at, b.expires_at, b.reviewer_team_id, "
    "b.reviewed_by, b.reviewed_at, b.justified, b.review_note";

BreakGlass BreakGlassAt(const Cursor& r, int at = 0) {
  BreakGlass b;
  b.id = r.String(at);
  b.record_id = r.String(at + 1);
  b.user_id = r.String(at + 2);
  b.username = r.String(at + 3);
  b.reason = r.String(at + 4);
  b.started_at = TimestampAt(r, at + 5);
  b.expires_at = TimestampAt(r, at + 6);
  b.reviewer_team_id = r.String(at + 7);
  b.reviewed_by = r.String(at + 8);
  b.reviewed_at = OptTimestampAt(r, at + 9);
  b.justified = OptBoolAt(r, at + 10);
  b.review_note = r.String(at + 11);
  return b;
}

std::string Select(const char* columns, const std::string& rest) {
  return std::string("SELECT ") + columns + " " + rest;
}

// The reads that decide a user's access to a record beyond its allocation; PrefetchUserAccess
// sends the same texts ahead. UserAccessJoinsSql reads the same rows' deciding columns with the
// record's id from its outer query.
const std::string kActiveGrantSql = Select(
    kGrantColumns,
    "FROM access_grants WHERE record_id = ? AND user_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY "
    "expires_at DESC LIMIT 1");
const std::string kActiveBreakGlassSql = Select(
    kBreakGlassColumns,
    "FROM break_glass b JOIN users u ON u.id = b.user_id WHERE b.record_id = ? AND b.user_id = ? AND b.expires_at > ? "
    "ORDER BY b.expires_at DESC LIMIT 1");
constexpr char kIsNamedSql[] = "SELECT 1 FROM restricted_record_users WHERE record_id = ? AND user_id = ?";

}  // namespace

// Only the columns deciding access uses (the grant's purpose and expiry, the break-glass's
// reason, each NOT NULL, so NULL means none), and no join to the user for a break-glass's
// username: each column and table read costs the server's executor a share of its start-up,
// which is most of what this statement costs it.
std::string UserAccessColumnsSql() {
  return "active_grant.purpose, active_grant.expires_at, active_glass.reason";
}

std::string UserAccessJoinsSql(std::string_view record_id) {
  const std::string record(record_id);
  return " LEFT JOIN LATERAL (SELECT purpose, expires_at FROM access_grants WHERE record_id = " + record +
         " AND user_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY expires_at DESC LIMIT 1) active_grant "
         "ON TRUE LEFT JOIN LATERAL (SELECT reason FROM break_glass WHERE record_id = " + record +
         " AND user_id = ? AND expires_at > ? ORDER BY expires_at DESC LIMIT 1) active_glass ON TRUE";
}

void UserAccessAt(const Cursor& row, int at, const std::string& record_id, const std::string& user_id,
                  std::optional<AccessGrant>& grant, std::optional<BreakGlass>& glass) {
  grant.reset();
  glass.reset();
  if (!row.IsNull(at)) {
    grant = AccessGrant{};
    grant->record_id = record_id;
    grant->user_id = user_id;
    grant->purpose = row.String(at);
    grant->expires_at = TimestampAt(row, at + 1);
  }
  if (!row.IsNull(at + 2)) {
    glass = BreakGlass{};
    glass->record_id = record_id;
    glass->user_id = user_id;
    glass->reason = row.String(at + 2);
  }
}

void RecordAccessRepo::InsertGrant(const AccessGrant& g) {
  std::string granted = FormatTimestamp(g.granted_at), expires = FormatTimestamp(g.expires_at);
  c_.Exec(
      "INSERT INTO access_grants (id, record_id, user_id, purpose, granted_by, granted_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(g.id), std::string_view(g.record_id), std::string_view(g.user_id),
       std::string_view(g.purpose), std::string_view(g.granted_by), std::string_view(granted),
       std::string_view(expires)});
}

std::vector<AccessGrant> RecordAccessRepo::Grants(const std::string& record_id) {
  auto rows = c_.Query(Select(kGrantColumns, "FROM access_grants WHERE record_id = ? ORDER BY granted_at DESC, id"),
                       {std::string_view(record_id)});
  std::vector<AccessGrant> out;
  while (rows->Next()) out.push_back(GrantAt(*rows));
  return out;
}

std::optional<AccessGrant> RecordAccessRepo::Grant(const std::string& grant_id) {
  auto rows = c_.Query(Select(kGrantColumns, "FROM access_grants WHERE id = ?"), {std::string_view(grant_id)});
  if (!rows->Next()) return std::nullopt;
  return GrantAt(*rows);
}

std::optional<AccessGrant> RecordAccessRepo::ActiveGrant(const std::string& record_id, const std::string& user_id,
                                                         Timestamp at) {
  std::string now = FormatTimestamp(at);
  auto rows = c_.Query(kActiveGrantSql, {std::string_view(record_id), std::string_view(user_id), std::string_view(now)});
  if (!rows->Next()) return std::nullopt;
  return GrantAt(*rows);
}

bool RecordAccessRepo::RevokeGrant(const std::string& grant_id, const std::string& by, Timestamp at) {
  std::string now = FormatTimestamp(at);
  return c_.Exec("UPDATE access_grants SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                 {std::string_view(now), std::string_view(by), std::string_view(grant_id)}) == 1;
}

std::vector<std::string> RecordAccessRepo::GrantedRecords(const std::string& user_id, Timestamp at) {
  std::string now = FormatTimestamp(at);
  auto rows = c_.Query(
      "SELECT DISTINCT record_id FROM access_grants WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?",
      {std::string_view(user_id), std::string_view(now)});
  std::vector<std::string> out;
  while (rows->Next()) out.push_back(rows->String(0));
  return out;
}

void RecordAccessRepo::SetRestricted(const std::string& record_id, bool restricted) {
  c_.Exec("UPDATE case_records SET restricted = ?, version = version + 1 WHERE person_id = ?",
          {int64_t{restricted ? 1 : 0}, std::string_view(record_id)});
  c_.Exec("UPDATE person_name_words SET restricted = ? WHERE person_id = ?",
          {int64_t{restricted ? 1 : 0}, std::string_view(record_id)});
}

std::vector<std::string> RecordAccessRepo::NamedUsers(const std::string& record_id) {
  auto rows = c_.Query("SELECT user_id FROM restricted_record_users WHERE record_id = ? ORDER BY user_id",
                       {std::string_view(record_id)});
  std::vector<std::string> out;
  while (rows->Next()) out.push_back(rows->String(0));
  return out;
}

std::string ListableToViewerSql(std::string_view record, std::string_view person_id) {
  return "(COALESCE(" + std::string(record) + ".restricted, 0) = 0 OR EXISTS (SELECT 1 FROM restricted_record_users v"
         " WHERE v.record_id = " + std::string(person_id) + " AND v.user_id = ?))";
}

bool RecordAccessRepo::IsNamed(const std::string& record_id, const std::string& user_id) {
  auto rows = c_.Query(kIsNamedSql, {std::string_view(record_id), std::string_view(user_id)});
  return rows->Next();
}

void RecordAccessRepo::ReplaceNamedUsers(const std::string& record_id, const std::vector<std::string>& user_ids,
                                         const std::string& named_by, Timestamp at) {
  c_.Exec("DELETE FROM restricted_record_users WHERE record_id = ?", {std::string_view(record_id)});
  std::string now = FormatTimestamp(at);
  for (const std::string& user : user_ids) {
    c_.Exec(
        "INSERT INTO restricted_record_users (record_id, user_id, named_by, named_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        {std::string_view(record_id), std::string_view(user), std::string_view(named_by), std::string_view(now)});
  }
}

void RecordAccessRepo::InsertBreakGlass(const BreakGlass& b) {
  std::string started = FormatTimestamp(b.started_at), expires = FormatTimestamp(b.expires_at);
  c_.Exec(
      "INSERT INTO break_glass (id, record_id, user_id, reason, started_at, expires_at, reviewer_team_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(b.id), std::string_view(b.record_id), std::string_view(b.user_id), std::string_view(b.reason),
       std::string_view(started), std::string_view(expires), TextOrNull(b.reviewer_team_id)});
}

std::optional<BreakGlass> RecordAccessRepo::ActiveBreakGlass(const std::string& record_id, const std::string& user_id,
                                                             Timestamp at) {
  std::string now = FormatTimestamp(at);
  auto rows =
      c_.Query(kActiveBreakGlassSql, {std::string_view(record_id), std::string_view(user_id), std::string_view(now)});
  if (!rows->Next()) return std::nullopt;
  return BreakGlassAt(*rows);
}

void RecordAccessRepo::PrefetchUserAccess(const std::string& record_id, const std::string& user_id, Timestamp at,
                                          bool restricted) {
  std::string now = FormatTimestamp(at);
  if (restricted) c_.Prefetch(kIsNamedSql, {std::string_view(record_id), std::string_view(user_id)});
  c_.Prefetch(kActiveGrantSql, {std::string_view(record_id), std::string_view(user_id), std::string_view(now)});
  c_.Prefetch(kActiveBreakGlassSql, {std::string_view(record_id), std::string_view(user_id), std::string_view(now)});
}

std::optional<BreakGlass> RecordAccessRepo::GetBreakGlass(const std::string& id) {
  auto rows = c_.Query(Select(kBreakGlassColumns, "FROM break_glass b JOIN users u ON u.id = b.user_id WHERE b.id = ?"),
                       {std::string_view(id)});
  if (!rows->Next()) return std::nullopt;
  return BreakGlassAt(*rows);
}

std::vector<BreakGlass> RecordAccessRepo::AwaitingReview(const std::string& team_id, bool all) {
  std::unique_ptr<Cursor> rows;
  const std::string from = "FROM break_glass b JOIN users u ON u.id = b.user_id WHERE b.reviewed_at IS NULL ";
  if (all) {
    rows = c_.Query(Select(kBreakGlassColumns, from + "ORDER BY b.started_at, b.id LIMIT 500"));
  } else if (team_id.empty()) {
    rows = c_.Query(Select(kBreakGlassColumns, from + "AND b.reviewer_team_id IS NULL ORDER BY b.started_at, b.id"));
  } else {
    rows = c_.Query(Select(kBreakGlassColumns, from + "AND b.reviewer_team_id = ? ORDER BY b.started_at, b.id"),
                    {std::string_view(team_id)});
  }
  std::vector<BreakGlass> out;
  while (rows->Next()) out.push_back(BreakGlassAt(*rows));
  return out;
}

bool RecordAccessRepo::Review(const std::string& id, const std::string& by, Timestamp at, bool justified,
                              const std::string& note) {
  std::string now = FormatTimestamp(at);
  return c_.Exec(
             "UPDATE break_glass SET reviewed_by = ?, reviewed_at = ?, justified = ?, review_note = ? "
             "WHERE id = ? AND reviewed_at IS NULL",
             {std::string_view(by), std::string_view(now), int64_t{justified ? 1 : 0}, std::string_view(note),
              std::string_view(id)}) == 1;
}

std::string RecordAccessRepo::Creator(const std::string& person_id) {
  auto rows = c_.Query("SELECT author_user_id FROM journal WHERE record_id = ? AND seq = 1",
                       {std::string_view(person_id)});
  return rows->Next() ? rows->String(0) : std::string();
}

bool RecordAccessRepo::GaveInformationFor(const std::string& record_id, const std::string& user_id) {
  auto rows = c_.Query(
      "SELECT 1 FROM countersignatures WHERE record_id = ? AND provider_user_id = ?",
      {std::string_view(record_id), std::string_view(user_id)});
  return rows->Next();
}

void RecordAccessRepo::InsertShare(const SharedItem& s) {
  std::string at = FormatTimestamp(s.shared_at);
  c_.Exec(
      "INSERT INTO shared_items (id, record_id, item_id, shared_with_user_id, shared_with_agency, purpose, "
      "shared_by, shared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(s.id), std::string_view(s.record_id), std::string_view(s.item_id), TextOrNull(s.user_id),
       TextOrNull(s.agency), std::string_view(s.purpose), std::string_view(s.shared_by), std::string_view(at)});
}

std::vector<std::string> RecordAccessRepo::SharedWith(const std::string& record_id, const std::string& user_id,
                                                      const std::string& agency) {
  auto rows = c_.Query(
      "SELECT DISTINCT item_id FROM shared_items WHERE record_id = ? AND (shared_with_user_id = ? OR "
      "shared_with_agency = ?)",
      {std::string_view(record_id), std::string_view(user_id), std::string_view(agency)});
  std::vector<std::string> out;
  while (rows->Next()) out.push_back(rows->String(0));
  return out;
}

}  // namespace casework::store
