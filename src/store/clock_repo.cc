#include "store/clock_repo.h"

#include "store/record_access_repo.h"
#include "store/row.h"

namespace casework::store {
namespace {

constexpr char kClockColumns[] =
    "c.id, c.person_id, c.definition, c.name, c.series_id, c.occurrence, c.series_began_on, c.started_on, "
    "c.statutory_due, c.shortened_due, c.shortened_reason, c.extended_due, c.status, c.stopped_on, c.version";
constexpr int kClockColumnCount = 15;

Date DateAt(const Cursor& row, int column) { return *OptDateAt(row, column); }

RecordClock ClockAt(const Cursor& row) {
  RecordClock k;
  k.id = row.String(0);
  k.person_id = row.String(1);
  k.definition = row.String(2);
  k.name = row.String(3);
  k.series_id = row.String(4);
  k.occurrence = static_cast<int>(row.Int(5));
  k.series_began_on = DateAt(row, 6);
  k.started_on = DateAt(row, 7);
  k.statutory_due = DateAt(row, 8);
  k.shortened_due = OptDateAt(row, 9);
  k.shortened_reason = row.IsNull(10) ? "" : row.String(10);
  k.extended_due = OptDateAt(row, 11);
  std::string_view status = row.Text(12);
  k.status = status == "met" ? ClockStatus::kMet : status == "ended" ? ClockStatus::kEnded : ClockStatus::kOpen;
  k.stopped_on = OptDateAt(row, 13);
  k.version = row.Int(14);
  return k;
}

std::vector<RecordClock> Clocks(std::unique_ptr<Cursor> rows) {
  std::vector<RecordClock> out;
  while (rows->Next()) out.push_back(ClockAt(*rows));
  return out;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "\n") + s;
  return out;
}

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    out.emplace_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace

void ClockRepo::Insert(const RecordClock& k) {
  std::string began = FormatDate(k.series_began_on), started = FormatDate(k.started_on);
  std::string statutory = FormatDate(k.statutory_due), due = FormatDate(k.Due());
  c_.Exec(
      "INSERT INTO clocks (id, person_id, definition, name, series_id, occurrence, series_began_on, started_on, "
      "statutory_due, due, status, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)",
      {std::string_view(k.id), std::string_view(k.person_id), std::string_view(k.definition), std::string_view(k.name),
       std::string_view(k.series_id), int64_t{k.occurrence}, std::string_view(began), std::string_view(started),
       std::string_view(statutory), std::string_view(due), k.version});
}

std::optional<RecordClock> ClockRepo::Get(const std::string& id) {
  auto rows =
      c_.Query(std::string("SELECT ") + kClockColumns + " FROM clocks c WHERE c.id = ?", {std::string_view(id)});
  if (!rows->Next()) return std::nullopt;
  return ClockAt(*rows);
}

std::vector<RecordClock> ClockRepo::Open(const std::string& person_id, const std::string& definition) {
  return Clocks(c_.Query(std::string("SELECT ") + kClockColumns +
                             " FROM clocks c WHERE c.person_id = ? AND c.status = 'open' AND c.definition = ?",
                         {std::string_view(person_id), std::string_view(definition)}));
}

std::vector<RecordClock> ClockRepo::ForPerson(const std::string& person_id) {
  return Clocks(c_.Query(std::string("SELECT ") + kClockColumns +
                             " FROM clocks c WHERE c.person_id = ? "
                             "ORDER BY CASE c.status WHEN 'open' THEN 0 ELSE 1 END, c.due, c.id",
                         {std::string_view(person_id)}));
}

namespace {

const std::string kOpenForPersonSql =
    std::string("SELECT ") + kClockColumns +
    " FROM clocks c WHERE c.person_id = ? AND c.status = 'open' ORDER BY c.due, c.id";

}  // namespace

std::vector<RecordClock> ClockRepo::OpenForPerson(const std::string& person_id) {
  return Clocks(c_.Query(kOpenForPersonSql, {std::string_view(person_id)}));
}

void ClockRepo::PrefetchOpenForPerson(const std::string& person_id) {
  c_.Prefetch(kOpenForPersonSql, {std::string_view(person_id)});
}

bool ClockRepo::Update(const RecordClock& k, int64_t expected_version) {
  auto shortened = DateText(k.shortened_due), extended = DateText(k.extended_due), stopped = DateText(k.stopped_on);
  std::string due = FormatDate(k.Due());
  return c_.Exec(
             "UPDATE clocks SET shortened_due = ?, shortened_reason = ?, extended_due = ?, due = ?, status = ?, "
             "stopped_on = ?, version = version + 1 WHERE id = ? AND version = ?",
             {DateValue(shortened), TextOrNull(k.shortened_reason), DateValue(extended), std::string_view(due),
              std::string_view(ClockStatusName(k.status)), DateValue(stopped), std::string_view(k.id),
              expected_version}) == 1;
}

namespace {

constexpr char kDueRowSelect[] =
    ", p.display_name, r.council_reference, r.allocated_worker_id, u.full_name, r.allocated_team_id "
    "FROM clocks c JOIN persons p ON p.id = c.person_id "
    "LEFT JOIN case_records r ON r.person_id = c.person_id "
    "LEFT JOIN users u ON u.id = r.allocated_worker_id ";

std::vector<DueClockRow> DueRows(std::unique_ptr<Cursor> rows) {
  std::vector<DueClockRow> out;
  while (rows->Next()) {
    int n = kClockColumnCount;
    out.push_back({ClockAt(*rows), rows->String(n), rows->IsNull(n + 1) ? "" : rows->String(n + 1),
                   rows->IsNull(n + 2) ? "" : rows->String(n + 2), rows->IsNull(n + 3) ? "" : rows->String(n + 3),
                   rows->IsNull(n + 4) ? "" : rows->String(n + 4)});
  }
  return out;
}

}  // namespace

std::vector<DueClockRow> ClockRepo::DueBy(Date by, const std::string& worker_id, const std::string& team_id,
                                          int limit, const std::string& viewer_user_id) {
  std::string by_text = FormatDate(by);
  // The restriction is checked here, on the row already joined, rather than by reading each
  // record again: a service's list is thousands of rows.
  return DueRows(c_.Query(std::string("SELECT ") + kClockColumns + kDueRowSelect +
                              "WHERE c.status = 'open' AND c.due <= ? "
                              "AND (? = '' OR r.allocated_worker_id = ?) AND (? = '' OR r.allocated_team_id = ?) "
                              "AND (? = '' OR " + ListableToViewerSql("r", "c.person_id") + ") "
                              "ORDER BY c.due, c.id LIMIT ?",
                          {std::string_view(by_text), std::string_view(worker_id), std::string_view(worker_id),
                           std::string_view(team_id), std::string_view(team_id), std::string_view(viewer_user_id),
                           std::string_view(viewer_user_id), int64_t{limit}}));
}

std::vector<DueClockRow> ClockRepo::AwaitingExtensionDecision(const std::string& team_id, int limit) {
  return DueRows(c_.Query(std::string("SELECT ") + kClockColumns + kDueRowSelect +
                              "WHERE c.status = 'open' AND r.allocated_team_id = ? AND EXISTS "
                              "(SELECT 1 FROM clock_extensions e WHERE e.clock_id = c.id AND e.status = 'pending') "
                              "ORDER BY c.due, c.id LIMIT ?",
                          {std::string_view(team_id), int64_t{limit}}));
}

std::vector<DueClockRow> ClockRepo::StatutoryDueBetween(Date from, Date to, const std::string& worker_id,
                                                        const std::string& team_id, int limit) {
  std::string from_text = FormatDate(from), to_text = FormatDate(to);
  return DueRows(c_.Query(std::string("SELECT ") + kClockColumns + kDueRowSelect +
                              "WHERE c.statutory_due >= ? AND c.statutory_due <= ? "
                              "AND (? = '' OR r.allocated_worker_id = ?) AND (? = '' OR r.allocated_team_id = ?) "
                              "ORDER BY c.statutory_due, c.id LIMIT ?",
                          {std::string_view(from_text), std::string_view(to_text), std::string_view(worker_id),
                           std::string_view(worker_id), std::string_view(team_id), std::string_view(team_id),
                           int64_t{limit}}));
}

void ClockRepo::InsertExtension(const ExtensionRequest& e) {
  std::string at = FormatTimestamp(e.requested_at), proposed = FormatDate(e.proposed_due);
  std::string agencies = Join(e.agencies);
  c_.Exec(
      "INSERT INTO clock_extensions (id, clock_id, requested_by, requested_at, reason, proposed_due, agencies, status) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')",
      {std::string_view(e.id), std::string_view(e.clock_id), std::string_view(e.requested_by), std::string_view(at),
       std::string_view(e.reason), std::string_view(proposed), std::string_view(agencies)});
}

void ClockRepo::UpdateExtension(const ExtensionRequest& e) {
  std::optional<std::string> at;
  if (e.decided_at) at = FormatTimestamp(*e.decided_at);
  c_.Exec("UPDATE clock_extensions SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ?",
          {std::string_view(ExtensionStatusName(e.status)), TextOrNull(e.decided_by), DateValue(at),
           TextOrNull(e.decision_reason), std::string_view(e.id)});
}

void ClockRepo::InsertConsultation(const std::string& extension_id, const Consultation& k) {
  std::string consulted = FormatTimestamp(k.consulted_at), recorded = FormatTimestamp(k.recorded_at);
  c_.Exec(
      "INSERT INTO clock_consultations (id, extension_id, agency, manager_name, consulted_at, view, recorded_by, "
      "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(k.id), std::string_view(extension_id), std::string_view(k.agency),
       std::string_view(k.manager_name), std::string_view(consulted), std::string_view(k.view),
       std::string_view(k.recorded_by), std::string_view(recorded)});
}

std::vector<ExtensionRequest> ClockRepo::Extensions(const std::string& clock_id) {
  std::vector<ExtensionRequest> out;
  auto rows = c_.Query(
      "SELECT id, clock_id, requested_by, requested_at, reason, proposed_due, agencies, status, decided_by, "
      "decided_at, decision_reason FROM clock_extensions WHERE clock_id = ? ORDER BY requested_at, id",
      {std::string_view(clock_id)});
  while (rows->Next()) {
    ExtensionRequest e;
    e.id = rows->String(0);
    e.clock_id = rows->String(1);
    e.requested_by = rows->String(2);
    e.requested_at = TimestampAt(*rows, 3);
    e.reason = rows->String(4);
    e.proposed_due = DateAt(*rows, 5);
    e.agencies = Split(rows->Text(6));
    std::string_view status = rows->Text(7);
    e.status = status == "authorised" ? ExtensionStatus::kAuthorised
               : status == "declined" ? ExtensionStatus::kDeclined
                                      : ExtensionStatus::kPending;
    e.decided_by = rows->IsNull(8) ? "" : rows->String(8);
    e.decided_at = OptTimestampAt(*rows, 9);
    e.decision_reason = rows->IsNull(10) ? "" : rows->String(10);
    out.push_back(std::move(e));
  }
  for (ExtensionRequest& e : out) {
    auto c = c_.Query(
        "SELECT id, agency, manager_name, consulted_at, view, recorded_by, recorded_at FROM clock_consultations "
        "WHERE extension_id = ? ORDER BY recorded_at, id",
        {std::string_view(e.id)});
    while (c->Next()) {
      e.consultations.push_back({c->String(0), c->String(1), c->String(2), TimestampAt(*c, 3), c->String(4),
                                 c->String(5), TimestampAt(*c, 6)});
    }
  }
  return out;
}

}  // namespace casework::store
