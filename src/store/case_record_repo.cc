#include "store/case_record_repo.h"

#include "store/row.h"
#include "store/user_repo.h"

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
// The team's name comes first after the record's columns, then the worker's, which may be null.
const std::string kGetWithAllocationSql =
    std::string("SELECT ") + kRecordColumns + ", t.name, " + UserColumnsOf("u") +
    " FROM case_records r LEFT JOIN users u ON u.id = r.allocated_worker_id"
    " LEFT JOIN teams t ON t.id = r.allocated_team_id WHERE r.person_id = ?";

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

std::optional<AllocatedRecord> CaseRecordRepo::GetWithAllocation(const std::string& person_id) {
  auto rows = c_.Query(kGetWithAllocationSql, {std::string_view(person_id)});
  if (!rows->Next()) return std::nullopt;
  AllocatedRecord out{RecordAt(*rows), std::nullopt, rows->String(kRecordColumnCount)};
  if (!rows->IsNull(kRecordColumnCount + 1)) out.worker = UserAt(*rows, kRecordColumnCount + 1);
  return out;
}

void CaseRecordRepo::PrefetchGet(const std::string& person_id) { c_.Prefetch(kGetSql, {std::string_view(person_id)}); }

void CaseRecordRepo::PrefetchGetWithAllocation(const std::string& person_id) {
  c_.Prefetch(kGetWithAllocationSql, {std::string_view(person_id)});
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
