// Children's case records: the current state beside each child's journal.
#pragma once

#include <optional>
#include <string>

#include "core/case_record.h"
#include "core/record_access.h"
#include "core/user.h"
#include "store/database.h"

namespace casework::store {

// What a read of a case record brings with it, in its one statement on PostgreSQL.
struct RecordReadWith {
  bool allocation = false;  // the allocated worker and team
  bool version = false;     // the version its summary is kept at (record_versions)
  // When set, this user's active grant and break-glass on the record at access_at.
  std::string access_user_id;
  Timestamp access_at{};
  // When set, the version of the session with this token's hash, read with the record on
  // PostgreSQL (a statement and its executor fewer); see RecordRead::session_read.
  std::string session_token_hash;
};

// A case record and what was asked for with it.
struct RecordRead {
  CaseRecord record;
  // Its id, name, post title and role only; none when the record has no allocated worker.
  std::optional<User> worker;
  std::string team_name;       // empty when it has no allocated team
  int64_t version = 0;
  // Whether the user's grant and break-glass were read, and what they are: only the fields
  // deciding access uses (UserAccessAt). SQLite leaves them to be read when the decision needs
  // them.
  bool access_read = false;
  std::optional<AccessGrant> grant;
  std::optional<BreakGlass> break_glass;
  // Whether the session's version was read with the record, and what it is (none when the
  // session is gone). SQLite leaves it to be read on its own.
  bool session_read = false;
  std::optional<int64_t> session_version;
};

class CaseRecordRepo {
 public:
  explicit CaseRecordRepo(Connection& c) : c_(c) {}

  void Insert(const CaseRecord& record);
  std::optional<CaseRecord> Get(const std::string& person_id);
  // The record with what `with` asks for joined in: on PostgreSQL one statement, so one round
  // trip and one executor instead of up to five.
  std::optional<RecordRead> Read(const std::string& person_id, const RecordReadWith& with);
  // Sends Read's statement ahead of it (Connection::Prefetch).
  void PrefetchRead(const std::string& person_id, const RecordReadWith& with);
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
