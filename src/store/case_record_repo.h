// Children's case records: the current state beside each child's journal.
#pragma once

#include <optional>
#include <string>

#include "core/case_record.h"
#include "store/database.h"

namespace casework::store {

class CaseRecordRepo {
 public:
  explicit CaseRecordRepo(Connection& c) : c_(c) {}

  void Insert(const CaseRecord& record);
  std::optional<CaseRecord> Get(const std::string& person_id);
  bool ReferenceTaken(const std::string& council_reference);
  // False, changing nothing, when the stored version is not expected_version.
  bool Allocate(const std::string& person_id, const std::string& worker_id, const std::string& team_id,
                int64_t expected_version);
  // The next number in the partnership's own reference series.
  int64_t NextReferenceNumber();

 private:
  Connection& c_;
};

}  // namespace casework::store
