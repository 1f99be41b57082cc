#include "cli/runtime.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "settings/settings_loader.h"
#include "store/migrations.h"
#include "store/open_database.h"

namespace casework::cli {

std::string StoreOptions::Describe() const {
  if (database_url.empty()) return db_path;
  // postgresql://user:secret@host/db -> postgresql://user@host/db
  std::string shown = database_url;
  size_t start = shown.find("://") + 3;
  size_t at = shown.find('@', start);
  size_t slash = shown.find('/', start);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
    size_t colon = shown.find(':', start);
    if (colon != std::string::npos && colon < at) shown.erase(colon, at - colon);
  }
  return shown.substr(0, shown.find('?'));
}

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
  if (!options.database_url.empty() && !store::IsPostgresUrl(options.database_url)) {
    Fail(Status::Invalid("--database-url",
                         "must be a PostgreSQL URL, such as postgresql://casework@db.example/casework"));
    return nullptr;
  }
  Result<store::Databases> opened =
      store::OpenDatabases(options.database_url.empty() ? options.db_path : options.database_url,
                           options.database_connections, options.bulk_load);
  if (!opened.ok()) {
    Fail(opened.status());
    return nullptr;
  }
  rt->databases_ = std::move(*opened);
  rt->ids_ = std::make_unique<IdGenerator>(rt->clock_, rt->random_);
  rt->services_.reset(new app::Services{*rt->databases_.main, rt->databases_.access_log(), rt->clock_, *rt->ids_,
                                        rt->settings_});
  rt->services_->record_cache = &rt->record_cache_;
  rt->services_->kept_sessions = &rt->kept_sessions_;
  return rt;
}

Status Runtime::LoadServerKey(const StoreOptions& options, const std::string& key_file) {
  std::string path = key_file;
  if (path.empty() && options.database_url.empty()) path = options.db_path + ".key";
  if (path.empty()) {
    spdlog::warn("no --key-file given: two-factor sign-in is unavailable");
    return Status::Ok();
  }
  if (!std::filesystem::exists(path)) {
    // Readable by the server's own account alone.
    crypto::ServerKey fresh = crypto::ServerKey::Generate();
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Status::Invalid("--key-file", "cannot create " + path + ": " + std::strerror(errno));
    std::string text = fresh.ToHex() + "\n";
    bool written = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    written = (fsync(fd) == 0) && written;
    close(fd);
    if (!written) return Status::Invalid("--key-file", "cannot write " + path);
    spdlog::info("made a new server key in {}; keep it safe and give every server the same one", path);
  }
  std::ifstream in(path);
  if (!in.is_open()) return Status::Invalid("--key-file", "cannot read " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Result<crypto::ServerKey> key = crypto::ServerKey::FromHex(text);
  if (!key.ok()) return Status::Invalid("--key-file", path + " " + key.status().message());
  server_key_ = std::move(*key);
  services_->server_key = &*server_key_;
  return Status::Ok();
}

Status Runtime::RequireCurrentSchema() {
  store::Database& db = *databases_.main;
  Result<int> version = store::SchemaVersion(db);
  if (!version.ok()) return version.status();
  int latest = store::LatestSchemaVersion(db.dialect());
  if (*version == 0) return Status(StatusCode::kUnavailable, "the database is empty; run `casework init` first");
  if (*version > latest) {
    return Status(StatusCode::kUnavailable, "the database was made by a newer Casework; upgrade this one");
  }
  bool log_current = true;
  if (databases_.access_log_file) {
    const auto& log_schema = store::AccessLogFileMigrations();
    Result<int> log_version = store::SchemaVersion(*databases_.access_log_file, log_schema);
    if (!log_version.ok()) return log_version.status();
    if (*log_version > store::LatestSchemaVersion(log_schema)) {
      return Status(StatusCode::kUnavailable, "the access log file was made by a newer Casework; upgrade this one");
    }
    log_current = *log_version == store::LatestSchemaVersion(log_schema);
  }
  if (*version < latest || !log_current) {
    return Status(StatusCode::kUnavailable, "the database schema is out of date; run `casework init` to upgrade it");
  }
  return Status::Ok();
}

Status Runtime::Migrate() { return store::MigrateDatabases(databases_, clock_.Now()); }

}  // namespace casework::cli
