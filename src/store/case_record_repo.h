// Children's case records: the current state beside each child's journal.
#pragma once

#include <optional>
#include <string>

#include "core/case_record.h"
#include "core/user.h"
#include "store/database.h"

namespace casework::store {

// A case record with its allocated worker and team, as one statement reads them.
struct AllocatedRecord {
  CaseRecord record;
  std::optional<User> worker;  // none when the record has no allocated worker
  std::string team_name;       // empty when it has no allocated team
};

class CaseRecordRepo {
 public:
  explicit CaseRecordRepo(Connection& c) : c_(c) {}

  void Insert(const CaseRecord& record);
  std::optional<CaseRecord> Get(const std::string& person_id);
  // The record with its allocated worker and team joined in: one statement, so on a database
  // server one round trip instead of three.
  std::optional<AllocatedRecord> GetWithAllocation(const std::string& person_id);
  // Send Get's or GetWithAllocation's read ahead of it (Connection::Prefetch).
  void PrefetchGet(const std::string& person_id);
  void PrefetchGetWithAllocation(const std::string& person_id);
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
