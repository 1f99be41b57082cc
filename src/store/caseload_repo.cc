#include "store/caseload_repo.h"

#include <algorithm>

#include "store/person_summary_row.h"
#include "store/row.h"

namespace casework::store {

std::vector<CaseloadRow> CaseloadRepo::Allocated(const std::string& worker_id, const std::string& team_id,
                                                 Date review_by, int limit) {
  std::string sql =
      std::string(kSummarySelect) +
      ", u.id, u.full_name, u.post_title, "
      "(SELECT j.recorded_at FROM journal j JOIN journal_heads h ON h.record_id = j.record_id AND h.seq = j.seq "
      " WHERE j.record_id = p.id), "
      "p.missing_details, "
      "(SELECT COUNT(*) FROM decisions d WHERE d.record_id = p.id AND d.superseded_by IS NULL "
      " AND d.review_date <= ?) "
      "FROM case_records r JOIN persons p ON p.id = r.person_id "
      "LEFT JOIN addresses a ON a.person_id = p.id AND a.current = 1 "
      "LEFT JOIN users u ON u.id = r.allocated_worker_id "
      "WHERE r.status = 'open' AND ";
  sql += team_id.empty() ? "r.allocated_worker_id = ?" : "r.allocated_team_id = ?";
  sql += " ORDER BY p.family_name, p.given_names, p.id LIMIT ?";
  std::string by = FormatDate(review_by);
  auto rows = c_.Query(sql, {std::string_view(by), std::string_view(team_id.empty() ? worker_id : team_id),
                             int64_t{limit}});
  std::vector<CaseloadRow> out;
  while (rows->Next()) {
    CaseloadRow row;
    row.child = SummaryAt(*rows);
    row.worker_id = rows->String(7);
    row.worker_name = rows->String(8);
    row.worker_post_title = rows->String(9);
    row.last_recorded_at = OptTimestampAt(*rows, 10);
    std::string missing = rows->String(11);
    row.missing_details = missing.empty() ? 0 : 1 + static_cast<int>(std::count(missing.begin(), missing.end(), ','));
    row.decisions_due = static_cast<int>(rows->Int(12));
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace casework::store
