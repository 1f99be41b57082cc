#include "store/record_version_repo.h"

namespace casework::store {

namespace {

constexpr char kVersionSql[] = "SELECT version FROM record_versions WHERE person_id = ?";

}  // namespace

int64_t RecordVersionRepo::Get(const std::string& person_id) {
  auto rows = c_.Query(kVersionSql, {std::string_view(person_id)});
  return rows->Next() ? rows->Int(0) : 0;
}

}  // namespace casework::store
