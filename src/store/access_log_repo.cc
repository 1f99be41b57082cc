#include "store/access_log_repo.h"

#include "store/row.h"

namespace casework::store {
namespace {

constexpr char kColumns[] =
    "chain, seq, id, at, user_id, username, client_address, action, record_id, outcome, basis, detail, prev_hash, "
    "hash";

constexpr std::string_view kInsertLine =
    "INSERT INTO access_log (chain, seq, id, at, user_id, username, client_address, action, record_id, outcome, "
    "basis, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

AccessEvent EventAt(const Cursor& r) {
  AccessEvent e;
  e.chain = r.String(0);
  e.seq = r.Int(1);
  e.id = r.String(2);
  e.at = TimestampAt(r, 3);
  e.user_id = r.String(4);
  e.username = r.String(5);
  e.client_address = r.String(6);
  e.action = r.String(7);
  e.record_id = r.String(8);
  e.outcome = r.String(9);
  e.basis = r.String(10);
  e.detail = r.String(11);
  e.prev_hash = r.String(12);
  e.hash = r.String(13);
  return e;
}

}  // namespace

ChainHead AccessLogRepo::ReserveNext(const std::string& chain) {
  // A connection that knows its own chain's head for certain need not ask; Insert then moves
  // the head and checks that it was where the connection thought.
  if (chain == c_.audit_chain()) {
    if (std::optional<ChainHead> known = c_.known_audit_head()) return *known;
  }
  auto rows = c_.Query(
      "INSERT INTO access_log_heads (chain, seq, hash) VALUES (?, 1, '') "
      "ON CONFLICT (chain) DO UPDATE SET seq = access_log_heads.seq + 1 RETURNING seq, hash",
      {std::string_view(chain)});
  rows->Next();
  return ChainHead{rows->Int(0) - 1, rows->String(1)};
}

void AccessLogRepo::Insert(const AccessEvent& e) {
  std::string at = FormatTimestamp(e.at);
  const Value line[] = {std::string_view(e.hash), std::string_view(e.chain), e.seq, std::string_view(e.chain), e.seq,
                        std::string_view(e.id), std::string_view(at), TextOrNull(e.user_id),
                        std::string_view(e.username), std::string_view(e.client_address), std::string_view(e.action),
                        TextOrNull(e.record_id), std::string_view(e.outcome), std::string_view(e.basis),
                        std::string_view(e.detail), std::string_view(e.prev_hash), std::string_view(e.hash)};
  const bool own_chain = e.chain == c_.audit_chain();
  if (std::optional<ChainHead> known = own_chain ? c_.known_audit_head() : std::nullopt) {
    InsertAfterKnownHead(e, *known, at);
    // PostgreSQL's connection moves the head's row once, before it commits.
    if (c_.dialect() == Dialect::kPostgres) {
      c_.AuditLineAppended(ChainHead{e.seq, e.hash});
      return;
    }
  } else if (c_.dialect() == Dialect::kPostgres) {
    // One statement, one round trip to the server, for the line and the new head.
    c_.ExecLaterValues("WITH head AS (UPDATE access_log_heads SET hash = ? WHERE chain = ? AND seq = ?) " +
                      std::string(kInsertLine),
                  line);
  } else {
    c_.ExecValues(kInsertLine, std::span<const Value>(line).subspan(3));
    c_.ExecValues("UPDATE access_log_heads SET hash = ? WHERE chain = ? AND seq = ?", std::span<const Value>(line, 3));
  }
  if (own_chain) c_.AuditHeadMoved(ChainHead{e.seq, e.hash});
}

void AccessLogRepo::InsertAfterKnownHead(const AccessEvent& e, const ChainHead& known, const std::string& at) {
  if (e.seq != known.seq + 1 || e.prev_hash != known.hash) {
    throw DbError(DbError::Kind::kOther, "an access log line must follow its chain's head");
  }
  const Value line[] = {std::string_view(e.chain), e.seq, std::string_view(e.id), std::string_view(at),
                        TextOrNull(e.user_id), std::string_view(e.username), std::string_view(e.client_address),
                        std::string_view(e.action), TextOrNull(e.record_id), std::string_view(e.outcome),
                        std::string_view(e.basis), std::string_view(e.detail), std::string_view(e.prev_hash),
                        std::string_view(e.hash)};
  if (c_.dialect() == Dialect::kSqlite) {
    // SQLite runs each statement to its end before the next: the head moves only from where
    // the connection knows it, checked by the update, and the line follows.
    const Value head[] = {e.seq, std::string_view(e.hash), std::string_view(e.chain), known.seq,
                          std::string_view(known.hash)};
    if (c_.ExecValues("UPDATE access_log_heads SET seq = ?, hash = ? WHERE chain = ? AND seq = ? AND hash = ?",
                      head) != 1) {
      c_.AuditHeadUnknown();
      throw DbError(DbError::Kind::kOther, "the access log chain's head is not where its writer left it");
    }
    c_.ExecValues(kInsertLine, line);
    return;
  }
  // The line alone: the connection moves the head's row to the last of its lines before it
  // commits, and only from where the row stands, so lines after a wrong memory fail the whole
  // transaction instead of leaving a gap or a fork in the chain (PgConnection::Commit). The
  // chain's key refuses a second line with the same number at once.
  c_.ExecLaterValues(kInsertLine, line);
}

std::vector<AccessEvent> AccessLogRepo::List(const AccessQuery& q) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM access_log WHERE 1 = 1";
  std::vector<Value> params;
  if (!q.record_id.empty()) {
    sql += " AND record_id = ?";
    params.push_back(std::string_view(q.record_id));
  }
  if (!q.user_id.empty()) {
    sql += " AND user_id = ?";
    params.push_back(std::string_view(q.user_id));
  }
  if (!q.before_id.empty()) {
    sql += " AND id < ?";
    params.push_back(std::string_view(q.before_id));
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(int64_t{q.limit});
  std::vector<AccessEvent> out;
  auto rows = c_.QueryValues(sql, params);
  while (rows->Next()) out.push_back(EventAt(*rows));
  return out;
}

std::vector<std::string> AccessLogRepo::Chains() {
  std::vector<std::string> out;
  auto rows = c_.Query("SELECT chain FROM access_log_heads ORDER BY chain");
  while (rows->Next()) out.push_back(rows->String(0));
  return out;
}

std::optional<ChainHead> AccessLogRepo::Head(const std::string& chain) {
  auto rows = c_.Query("SELECT seq, hash FROM access_log_heads WHERE chain = ?", {std::string_view(chain)});
  if (!rows->Next()) return std::nullopt;
  return ChainHead{rows->Int(0), rows->String(1)};
}

void AccessLogRepo::ForEach(const std::string& chain, const std::function<bool(const AccessEvent&)>& visit) {
  auto rows = c_.Query(std::string("SELECT ") + kColumns + " FROM access_log WHERE chain = ? ORDER BY seq",
                       {std::string_view(chain)});
  while (rows->Next()) {
    if (!visit(EventAt(*rows))) return;
  }
}

}  // namespace casework::store
