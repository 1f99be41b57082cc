#include "store/bulk_record_versions.h"

namespace casework::store {

BulkRecordVersions::BulkRecordVersions(Connection& c) : c_(c) {
  if (c_.Query("SELECT 1 FROM persons LIMIT 1")->Next()) return;
  off_ = true;
  if (c_.dialect() == Dialect::kPostgres) {
    c_.ExecScript("SET LOCAL casework.copying = 'on'");
    return;
  }
  std::vector<std::string> names;
  {
    auto rows = c_.Query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_record\\_version\\_%' "
        "ESCAPE '\\' ORDER BY name");
    while (rows->Next()) {
      names.push_back(rows->String(0));
      triggers_.push_back(rows->String(1));
    }
  }
  for (const std::string& name : names) c_.ExecScript("DROP TRIGGER \"" + name + "\"");
}

void BulkRecordVersions::Finish() {
  if (!off_) return;
  off_ = false;
  if (c_.dialect() == Dialect::kPostgres) {
    c_.ExecScript("SET LOCAL casework.copying = 'off'");
    return;
  }
  for (const std::string& sql : triggers_) c_.ExecScript(sql);
  triggers_.clear();
}

}  // namespace casework::store
