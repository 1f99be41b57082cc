#include "store/record_version_repo.h"

namespace casework::store {

int64_t RecordVersionRepo::Get(const std::string& person_id) {
  auto rows = c_.Query("SELECT version FROM record_versions WHERE person_id = ?", {std::string_view(person_id)});
  return rows->Next() ? rows->Int(0) : 0;
}

}  // namespace casework::store
