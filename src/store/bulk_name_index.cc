#include "store/bulk_name_index.h"

namespace casework::store {

BulkNameIndex::BulkNameIndex(Connection& c) : c_(c) {
  if (c_.dialect() != Dialect::kSqlite) return;
  std::vector<std::string> names;
  {
    auto rows = c_.Query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'person_names' "
        "AND sql LIKE '%person_names_search%' ORDER BY name");
    while (rows->Next()) {
      names.push_back(rows->String(0));
      triggers_.push_back(rows->String(1));
    }
  }
  for (const std::string& name : names) c_.ExecScript("DROP TRIGGER \"" + name + "\"");
}

void BulkNameIndex::Finish() {
  if (c_.dialect() != Dialect::kSqlite) return;
  c_.Exec("INSERT INTO person_names_search (person_names_search) VALUES ('rebuild')");
  for (const std::string& sql : triggers_) c_.ExecScript(sql);
  triggers_.clear();
}

}  // namespace casework::store
