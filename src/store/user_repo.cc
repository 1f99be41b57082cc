#include "store/user_repo.h"

#include "store/row.h"

namespace casework::store {
namespace {

constexpr char kUserColumns[] =
    "id, username, full_name, post_title, role, team_id, agency, password_hash, password_changed_at, "
    "must_change_password, disabled, created_at, totp_secret, totp_last_step";

}  // namespace

User UserAt(const Cursor& r, int at) {
  User u;
  u.id = r.String(at + 0);
  u.username = r.String(at + 1);
  u.full_name = r.String(at + 2);
  u.post_title = r.String(at + 3);
  u.role = ParseRole(r.Text(at + 4)).value_or(Role::kPractitioner);
  u.team_id = r.String(at + 5);
  u.agency = r.String(at + 6);
  u.password_hash = r.String(at + 7);
  u.password_changed_at = TimestampAt(r, at + 8);
  u.must_change_password = r.Bool(at + 9);
  u.disabled = r.Bool(at + 10);
  u.created_at = TimestampAt(r, at + 11);
  u.totp_secret = r.String(at + 12);
  u.totp_last_step = r.Int(at + 13);
  return u;
}

namespace {

constexpr char kSessionColumns[] =
    "id, token_hash, user_id, csrf_token, created_at, last_seen_at, ended_at, ended_reason, client_address, "
    "user_agent";
constexpr int kSessionColumnCount = 10;

// "a, b" as "t.a, t.b", for a query that joins tables with columns of the same names.
std::string Qualified(std::string_view columns, std::string_view table) {
  std::string out;
  size_t start = 0;
  while (start <= columns.size()) {
    size_t comma = columns.find(',', start);
    if (comma == std::string_view::npos) comma = columns.size();
    std::string_view name = columns.substr(start, comma - start);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    if (!out.empty()) out += ", ";
    out.append(table).append(".").append(name);
    start = comma + 1;
  }
  return out;
}

}  // namespace

std::string UserColumnsOf(std::string_view alias) { return Qualified(kUserColumns, alias); }

namespace {

Session SessionAt(const Cursor& r) {
  Session s;
  s.id = r.String(0);
  s.token_hash = r.String(1);
  s.user_id = r.String(2);
  s.csrf_token = r.String(3);
  s.created_at = TimestampAt(r, 4);
  s.last_seen_at = TimestampAt(r, 5);
  s.ended_at = OptTimestampAt(r, 6);
  s.ended_reason = r.String(7);
  s.client_address = r.String(8);
  s.user_agent = r.String(9);
  return s;
}

}  // namespace

void UserRepo::Insert(const User& u) {
  std::string changed = FormatTimestamp(u.password_changed_at);
  std::string created = FormatTimestamp(u.created_at);
  c_.Exec(
      "INSERT INTO users (id, username, full_name, post_title, role, team_id, agency, password_hash, "
      "password_changed_at, must_change_password, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(u.id), std::string_view(u.username), std::string_view(u.full_name),
       std::string_view(u.post_title), std::string_view(RoleName(u.role)), TextOrNull(u.team_id),
       std::string_view(u.agency), std::string_view(u.password_hash), std::string_view(changed),
       int64_t{u.must_change_password ? 1 : 0}, int64_t{u.disabled ? 1 : 0}, std::string_view(created)});
}

namespace {

const std::string kUserByIdSql = std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?";
constexpr char kTeamNameSql[] = "SELECT name FROM teams WHERE id = ?";

}  // namespace

std::optional<User> UserRepo::Get(const std::string& id) {
  auto rows = c_.Query(kUserByIdSql, {std::string_view(id)});
  if (!rows->Next()) return std::nullopt;
  return UserAt(*rows);
}


std::optional<User> UserRepo::FindByUsername(const std::string& username) {
  auto rows = c_.Query(std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?",
                       {std::string_view(username)});
  if (!rows->Next()) return std::nullopt;
  return UserAt(*rows);
}

void UserRepo::SetPassword(const std::string& id, const std::string& hash, Timestamp changed_at, bool must_change) {
  std::string when = FormatTimestamp(changed_at);
  c_.Exec("UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = ? WHERE id = ?",
          {std::string_view(hash), std::string_view(when), int64_t{must_change ? 1 : 0}, std::string_view(id)});
}

void UserRepo::SetPasswordHash(const std::string& id, const std::string& hash) {
  c_.Exec("UPDATE users SET password_hash = ? WHERE id = ?", {std::string_view(hash), std::string_view(id)});
}

void UserRepo::SetTotp(const std::string& id, const std::string& sealed_secret, int64_t last_step) {
  c_.Exec("UPDATE users SET totp_secret = ?, totp_last_step = ? WHERE id = ?",
          {TextOrNull(sealed_secret), last_step, std::string_view(id)});
}

bool UserRepo::UseTotpStep(const std::string& id, int64_t step) {
  // Conditional, so that two servers accepting the same code at once cannot both succeed.
  return c_.Exec("UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                 {step, std::string_view(id), step}) == 1;
}

std::vector<User> UserRepo::List() {
  std::vector<User> out;
  auto rows = c_.Query(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username");
  while (rows->Next()) out.push_back(UserAt(*rows));
  return out;
}

void UserRepo::InsertTeam(const std::string& id, const std::string& name, const std::string& agency) {
  c_.Exec("INSERT INTO teams (id, name, agency) VALUES (?, ?, ?)",
          {std::string_view(id), std::string_view(name), std::string_view(agency)});
}

std::optional<std::string> UserRepo::FindTeamByName(const std::string& name) {
  auto rows = c_.Query("SELECT id FROM teams WHERE name = ?", {std::string_view(name)});
  if (!rows->Next()) return std::nullopt;
  return rows->String(0);
}

void UserRepo::PrefetchTeamName(const std::string& id) { c_.Prefetch(kTeamNameSql, {std::string_view(id)}); }

std::optional<std::string> UserRepo::TeamName(const std::string& id) {
  auto rows = c_.Query(kTeamNameSql, {std::string_view(id)});
  if (!rows->Next()) return std::nullopt;
  return rows->String(0);
}

void SessionRepo::Insert(const Session& s) {
  std::string created = FormatTimestamp(s.created_at);
  std::string seen = FormatTimestamp(s.last_seen_at);
  c_.Exec(
      "INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_at, last_seen_at, client_address, "
      "user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(s.id), std::string_view(s.token_hash), std::string_view(s.user_id),
       std::string_view(s.csrf_token), std::string_view(created), std::string_view(seen),
       std::string_view(s.client_address), std::string_view(s.user_agent)});
}

namespace {

const std::string& FindWithUserSql() {
  static const std::string sql = "SELECT " + Qualified(kSessionColumns, "s") + ", s.version, " +
                                 Qualified(kUserColumns, "u") +
                                 " FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?";
  return sql;
}

constexpr char kSessionVersionSql[] = "SELECT version FROM sessions WHERE token_hash = ?";

}  // namespace

std::optional<SessionWithUser> SessionRepo::FindWithUser(const std::string& token_hash) {
  auto rows = c_.Query(FindWithUserSql(), {std::string_view(token_hash)});
  if (!rows->Next()) return std::nullopt;
  SessionWithUser found{SessionAt(*rows), std::nullopt, rows->Int(kSessionColumnCount)};
  if (!rows->IsNull(kSessionColumnCount + 1)) found.user = UserAt(*rows, kSessionColumnCount + 1);
  return found;
}

void SessionRepo::SendVersionAhead(const std::string& token_hash) {
  c_.SendAhead(kSessionVersionSql, {std::string_view(token_hash)});
}

std::optional<int64_t> SessionRepo::Version(const std::string& token_hash) {
  auto rows = c_.Query(kSessionVersionSql, {std::string_view(token_hash)});
  if (!rows->Next()) return std::nullopt;
  return rows->Int(0);
}

void SessionRepo::Touch(const std::string& token_hash, Timestamp at) {
  std::string when = FormatTimestamp(at);
  c_.Exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND ended_at IS NULL",
          {std::string_view(when), std::string_view(token_hash)});
}

void SessionRepo::End(const std::string& session_id, Timestamp at, const std::string& reason) {
  std::string when = FormatTimestamp(at);
  c_.Exec("UPDATE sessions SET ended_at = ?, ended_reason = ? WHERE id = ? AND ended_at IS NULL",
          {std::string_view(when), std::string_view(reason), std::string_view(session_id)});
}

std::vector<Session> SessionRepo::OpenFor(const std::string& user_id) {
  std::vector<Session> out;
  auto rows = c_.Query(std::string("SELECT ") + kSessionColumns +
                           " FROM sessions WHERE user_id = ? AND ended_at IS NULL ORDER BY created_at",
                       {std::string_view(user_id)});
  while (rows->Next()) out.push_back(SessionAt(*rows));
  return out;
}

}  // namespace casework::store
