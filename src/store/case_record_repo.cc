#include "store/case_record_repo.h"

#include <array>
#include <vector>

#include "store/record_access_repo.h"
#include "store/row.h"

namespace casework::store {

void CaseRecordRepo::Insert(const CaseRecord& r) {
  std::string opened = FormatTimestamp(r.opened_at);
  c_.Exec(
      "INSERT INTO case_records (person_id, council_reference, status, opened_at, allocated_worker_id, "
      "allocated_team_id, restricted, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(r.person_id), std::string_view(r.council_reference),
       std::string_view(r.status == RecordStatus::kOpen ? "open" : "closed"), std::string_view(opened),
       TextOrNull(r.allocated_worker_id), TextOrNull(r.allocated_team_id), int64_t{r.restricted ? 1 : 0},
       r.version});
  // Name search shows the reference and leaves out restricted records (person_name_words).
  c_.Exec("UPDATE person_name_words SET council_reference = ?, restricted = ? WHERE person_id = ?",
          {std::string_view(r.council_reference), int64_t{r.restricted ? 1 : 0}, std::string_view(r.person_id)});
}

namespace {

constexpr char kRecordColumns[] =
    "r.person_id, r.council_reference, r.status, r.opened_at, r.closed_at, r.allocated_worker_id, "
    "r.allocated_team_id, r.restricted, r.version";
constexpr int kRecordColumnCount = 9;

const std::string kGetSql = std::string("SELECT ") + kRecordColumns + " FROM case_records r WHERE r.person_id = ?";
// Only PostgreSQL reads the user's access with the record: it saves a round trip and two
// executors there, and nothing on SQLite, whose reads are calls into the library.
bool AccessReadWithRecord(Dialect dialect, const RecordReadWith& with) {
  return !with.access_user_id.empty() && dialect == Dialect::kPostgres;
}

// The same for the session's version: a scalar subquery in the record's statement, so that a
// kept session is checked without a statement of its own.
bool SessionReadWithRecord(Dialect dialect, const RecordReadWith& with) {
  return !with.session_token_hash.empty() && dialect == Dialect::kPostgres;
}

// Of the allocated worker, what a record shows of them (and tests check): every column read
// costs PostgreSQL's executor a share of the statement's start-up, and the rest (their
// password's hash, say) has no business in a record's read.
constexpr char kWorkerColumns[] = "u.id, u.full_name, u.post_title, u.role";
constexpr int kWorkerColumnCount = 4;

User WorkerAt(const Cursor& rows, int at) {
  User u;
  u.id = rows.String(at);
  u.full_name = rows.String(at + 1);
  u.post_title = rows.String(at + 2);
  u.role = ParseRole(rows.Text(at + 3)).value_or(Role::kPractitioner);
  return u;
}

// The record's columns, then the team's name and the worker's (which may be null), the version,
// and the user's access, each as asked for.
std::string ReadSql(Dialect dialect, const RecordReadWith& with) {
  std::string sql = std::string("SELECT ") + kRecordColumns;
  std::string from = " FROM case_records r";
  if (with.allocation) {
    sql += std::string(", t.name, ") + kWorkerColumns;
    from += " LEFT JOIN users u ON u.id = r.allocated_worker_id LEFT JOIN teams t ON t.id = r.allocated_team_id";
  }
  if (with.version) {
    sql += ", COALESCE(v.version, 0)";
    from += " LEFT JOIN record_versions v ON v.person_id = r.person_id";
  }
  if (AccessReadWithRecord(dialect, with)) {
    sql += ", " + UserAccessColumnsSql();
    from += UserAccessJoinsSql("r.person_id");
  }
  // Last of the columns, but its parameter is the first: the select list comes before FROM.
  if (SessionReadWithRecord(dialect, with)) sql += ", (SELECT version FROM sessions WHERE token_hash = ?)";
  return sql + from + " WHERE r.person_id = ?";
}

// Read's statement and its parameters; the texts are made once for each kind of read.
struct ReadStatement {
  const std::string& sql;
  std::vector<Value> params;
};

ReadStatement ReadStatementFor(Dialect dialect, const std::string& person_id, const RecordReadWith& with,
                               const std::string& at) {
  static const auto texts = [] {
    std::array<std::array<std::string, 16>, 2> out;
    for (int d = 0; d < 2; ++d) {
      for (int kind = 0; kind < 16; ++kind) {
        RecordReadWith w;
        w.allocation = kind & 1;
        w.version = kind & 2;
        if (kind & 4) w.access_user_id = "?";
        if (kind & 8) w.session_token_hash = "?";
        out[d][kind] = ReadSql(d == 0 ? Dialect::kSqlite : Dialect::kPostgres, w);
      }
    }
    return out;
  }();
  const bool access = AccessReadWithRecord(dialect, with);
  const bool session = SessionReadWithRecord(dialect, with);
  const int kind = (with.allocation ? 1 : 0) | (with.version ? 2 : 0) | (access ? 4 : 0) | (session ? 8 : 0);
  ReadStatement st{texts[dialect == Dialect::kPostgres ? 1 : 0][kind], {}};
  if (session) st.params.push_back(std::string_view(with.session_token_hash));
  if (access) {
    for (int i = 0; i < 2; ++i) {
      st.params.push_back(std::string_view(with.access_user_id));
      st.params.push_back(std::string_view(at));
    }
  }
  st.params.push_back(std::string_view(person_id));
  return st;
}

CaseRecord RecordAt(const Cursor& rows) {
  CaseRecord r;
  r.person_id = rows.String(0);
  r.council_reference = rows.String(1);
  r.status = rows.Text(2) == "closed" ? RecordStatus::kClosed : RecordStatus::kOpen;
  r.opened_at = TimestampAt(rows, 3);
  r.closed_at = OptTimestampAt(rows, 4);
  r.allocated_worker_id = rows.String(5);
  r.allocated_team_id = rows.String(6);
  r.restricted = rows.Bool(7);
  r.version = rows.Int(8);
  return r;
}

}  // namespace

std::optional<CaseRecord> CaseRecordRepo::Get(const std::string& person_id) {
  auto rows = c_.Query(kGetSql, {std::string_view(person_id)});
  if (!rows->Next()) return std::nullopt;
  return RecordAt(*rows);
}

std::optional<RecordRead> CaseRecordRepo::Read(const std::string& person_id, const RecordReadWith& with) {
  const std::string at = FormatTimestamp(with.access_at);
  ReadStatement st = ReadStatementFor(c_.dialect(), person_id, with, at);
  auto rows = c_.QueryValues(st.sql, st.params);
  if (!rows->Next()) return std::nullopt;
  RecordRead out;
  out.record = RecordAt(*rows);
  int column = kRecordColumnCount;
  if (with.allocation) {
    out.team_name = rows->String(column);
    if (!rows->IsNull(column + 1)) out.worker = WorkerAt(*rows, column + 1);
    column += 1 + kWorkerColumnCount;
  }
  if (with.version) out.version = rows->Int(column++);
  if (AccessReadWithRecord(c_.dialect(), with)) {
    UserAccessAt(*rows, column, person_id, with.access_user_id, out.grant, out.break_glass);
    out.access_read = true;
    column += kUserAccessColumnCount;
  }
  if (SessionReadWithRecord(c_.dialect(), with)) {
    out.session_read = true;
    if (!rows->IsNull(column)) out.session_version = rows->Int(column);
  }
  return out;
}

void CaseRecordRepo::PrefetchRead(const std::string& person_id, const RecordReadWith& with) {
  const std::string at = FormatTimestamp(with.access_at);
  ReadStatement st = ReadStatementFor(c_.dialect(), person_id, with, at);
  c_.PrefetchValues(st.sql, st.params);
}

bool CaseRecordRepo::ReferenceTaken(const std::string& council_reference) {
  auto rows = c_.Query("SELECT 1 FROM case_records WHERE council_reference = ?", {std::string_view(council_reference)});
  return rows->Next();
}

bool CaseRecordRepo::Allocate(const std::string& person_id, const std::string& worker_id, const std::string& team_id,
                              int64_t expected_version) {
  return c_.Exec(
             "UPDATE case_records SET allocated_worker_id = ?, allocated_team_id = ?, version = version + 1 "
             "WHERE person_id = ? AND version = ?",
             {TextOrNull(worker_id), TextOrNull(team_id), std::string_view(person_id), expected_version}) == 1;
}

int64_t CaseRecordRepo::NextReferenceNumber() {
  auto rows = c_.Query(
      "INSERT INTO counters (name, value) VALUES ('council_reference', 1) "
      "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value");
  rows->Next();
  return rows->Int(0);
}

}  // namespace casework::store
