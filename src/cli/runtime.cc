#include "cli/runtime.h"

#include <iostream>

#include "settings/settings_loader.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"

namespace casework::cli {

int Fail(const Status& status) {
  std::cerr << "casework: ";
  if (!status.field().empty()) std::cerr << status.field() << ": ";
  std::cerr << status.message() << "\n";
  return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
}

std::unique_ptr<Runtime> Runtime::Open(const StoreOptions& options) {
  crypto::Initialise();
  std::unique_ptr<Runtime> rt(new Runtime());
  rt->config_dir_ = options.config_dir.empty() ? DefaultConfigDir() : options.config_dir;
  Result<Settings> settings = LoadSettings(rt->config_dir_);
  if (!settings.ok()) {
    Fail(settings.status());
    return nullptr;
  }
  rt->settings_ = std::move(*settings);
  try {
    rt->db_ = std::make_unique<store::SqliteDatabase>(
        options.db_path, 4, options.bulk_load ? store::Durability::kBulkLoad : store::Durability::kFull);
  } catch (const store::DbError& e) {
    Fail(Status(StatusCode::kUnavailable, e.what()));
    return nullptr;
  }
  rt->ids_ = std::make_unique<IdGenerator>(rt->clock_, rt->random_);
  rt->services_.reset(new app::Services{*rt->db_, rt->clock_, *rt->ids_, rt->settings_});
  return rt;
}

Status Runtime::RequireCurrentSchema() {
  Result<int> version = store::SchemaVersion(*db_);
  if (!version.ok()) return version.status();
  int latest = store::LatestSchemaVersion(db_->dialect());
  if (*version == latest) return Status::Ok();
  if (*version == 0) return Status(StatusCode::kUnavailable, "the database is empty; run `casework init` first");
  if (*version < latest) {
    return Status(StatusCode::kUnavailable, "the database schema is out of date; run `casework init` to upgrade it");
  }
  return Status(StatusCode::kUnavailable, "the database was made by a newer Casework; upgrade this one");
}

}  // namespace casework::cli
