#include "store/case_record_repo.h"

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

std::optional<CaseRecord> CaseRecordRepo::Get(const std::string& person_id) {
  auto rows = c_.Query(
      "SELECT person_id, council_reference, status, opened_at, closed_at, allocated_worker_id, allocated_team_id, "
      "restricted, version FROM case_records WHERE person_id = ?",
      {std::string_view(person_id)});
  if (!rows->Next()) return std::nullopt;
  CaseRecord r;
  r.person_id = rows->String(0);
  r.council_reference = rows->String(1);
  r.status = rows->Text(2) == "closed" ? RecordStatus::kClosed : RecordStatus::kOpen;
  r.opened_at = TimestampAt(*rows, 3);
  r.closed_at = OptTimestampAt(*rows, 4);
  r.allocated_worker_id = rows->String(5);
  r.allocated_team_id = rows->String(6);
  r.restricted = rows->Bool(7);
  r.version = rows->Int(8);
  return r;
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
