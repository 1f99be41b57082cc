#include "settings/settings_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/person_rules.h"
#include "core/user.h"
#include "settings/calendar_loader.h"
#include "settings/timescales_loader.h"
#include "settings/toml_reader.h"

namespace casework {
namespace {

void CheckRequired(const std::vector<std::string>& fields, const std::string& file, const char* key, Status& status) {
  for (const std::string& f : fields) {
    if (!IsDetailField(f) && status.ok()) {
      status = Status::Invalid(file, std::string("details.") + key + " names \"" + f + "\", which is not a detail");
    }
  }
}

// Files named in the config are found beside it unless given as absolute paths.
std::string BesideConfig(const std::string& config_dir, const std::string& file) {
  if (file.empty() || std::filesystem::path(file).is_absolute()) return file;
  return (std::filesystem::path(config_dir) / file).lexically_normal().string();
}

}  // namespace

std::string DefaultConfigDir() { return SourcePath("config"); }

std::string SourcePath(const std::string& relative) { return std::string(CASEWORK_SOURCE_DIR) + "/" + relative; }

Result<Settings> LoadSettings(const std::string& config_dir) {
  std::string file = config_dir + "/casework.toml";
  Result<toml::table> parsed = ParseTomlFile(file);
  if (!parsed.ok()) return parsed.status();
  const toml::table& root = *parsed;
  Settings s;
  Status status;
  int64_t window_minutes = s.contemporaneous_window.count();
  int64_t idle = s.sessions.idle_timeout.count(), absolute = s.sessions.absolute_timeout.count();
  int64_t min_length = static_cast<int64_t>(s.passwords.min_length), max_age = s.passwords.max_age_days;
  int64_t ops = static_cast<int64_t>(s.passwords.ops_limit);
  int64_t mem_mib = static_cast<int64_t>(s.passwords.mem_limit_bytes >> 20);
  int64_t break_glass = s.access.break_glass_duration.count(), max_grant = s.access.max_grant_days;
  int64_t max_failures = s.sign_in.max_failures, lockout = s.sign_in.lockout.count();

  TableReader top(root, file, "", status);
  top.Read("partnership_name", s.partnership_name);
  top.Finish();
  TableReader recording(Section(root, "recording"), file, "recording.", status);
  recording.Read("contemporaneous_window_minutes", window_minutes);
  recording.Finish();
  TableReader details(Section(root, "details"), file, "details.", status);
  details.Strings("required_for_children", s.required_details_child);
  details.Strings("required_for_others", s.required_details_other);
  details.Strings("genders", s.genders);
  details.Strings("ethnicities", s.ethnicities);
  details.Strings("religions", s.religions);
  details.Finish();
  TableReader records(Section(root, "records"), file, "records.", status);
  records.Read("council_reference_prefix", s.council_reference_prefix);
  records.Finish();
  TableReader sessions(Section(root, "sessions"), file, "sessions.", status);
  sessions.Read("idle_timeout_minutes", idle);
  sessions.Read("absolute_timeout_minutes", absolute);
  sessions.Finish();
  TableReader passwords(Section(root, "passwords"), file, "passwords.", status);
  passwords.Read("min_length", min_length);
  passwords.Read("max_age_days", max_age);
  passwords.Read("argon2id_ops_limit", ops);
  passwords.Read("argon2id_memory_mib", mem_mib);
  passwords.Finish();
  TableReader access(Section(root, "access"), file, "access.", status);
  access.Read("break_glass_minutes", break_glass);
  access.Read("max_grant_days", max_grant);
  access.Read("auditors_read_records", s.access.auditors_read_records);
  access.Read("records_officers_read_records", s.access.records_officers_read_records);
  access.Finish();
  TableReader sign_in(Section(root, "sign_in"), file, "sign_in.", status);
  sign_in.Read("max_failures", max_failures);
  sign_in.Read("lockout_minutes", lockout);
  sign_in.OneOrMoreStrings("two_factor_required_for", s.sign_in.two_factor_required_for);
  sign_in.Finish();
  for (const std::string& role : s.sign_in.two_factor_required_for) {
    if (role != "all" && !ParseRole(role) && status.ok()) {
      status = Status::Invalid(file, "sign_in.two_factor_required_for names \"" + role +
                                         "\", which is neither \"all\" nor a role");
    }
  }
  TableReader tls(Section(root, "tls"), file, "tls.", status);
  tls.Read("certificate", s.tls.certificate_file);
  tls.Read("key", s.tls.key_file);
  tls.Finish();
  CheckRequired(s.required_details_child, file, "required_for_children", status);
  CheckRequired(s.required_details_other, file, "required_for_others", status);
  if (!status.ok()) return status;
  Result<CalendarConfig> calendar = LoadCalendarConfig(config_dir);
  if (!calendar.ok()) return calendar.status();
  s.calendar = WorkingDayCalendar(std::move(*calendar));
  Result<Timescales> timescales = LoadTimescales(config_dir);
  if (!timescales.ok()) return timescales.status();
  s.timescales = std::move(*timescales);

  auto positive = [&](int64_t v, const char* name, int64_t max) -> Status {
    if (v < 1 || v > max) return Status::Invalid(file, std::string(name) + " must be from 1 to " + std::to_string(max));
    return Status::Ok();
  };
  CASEWORK_RETURN_IF_ERROR(positive(window_minutes, "recording.contemporaneous_window_minutes", 60 * 24 * 31));
  CASEWORK_RETURN_IF_ERROR(positive(idle, "sessions.idle_timeout_minutes", 24 * 60));
  CASEWORK_RETURN_IF_ERROR(positive(absolute, "sessions.absolute_timeout_minutes", 7 * 24 * 60));
  CASEWORK_RETURN_IF_ERROR(positive(min_length, "passwords.min_length", 128));
  CASEWORK_RETURN_IF_ERROR(positive(ops, "passwords.argon2id_ops_limit", 20));
  CASEWORK_RETURN_IF_ERROR(positive(mem_mib, "passwords.argon2id_memory_mib", 4096));
  CASEWORK_RETURN_IF_ERROR(positive(break_glass, "access.break_glass_minutes", 7 * 24 * 60));
  CASEWORK_RETURN_IF_ERROR(positive(max_grant, "access.max_grant_days", 3660));
  CASEWORK_RETURN_IF_ERROR(positive(max_failures, "sign_in.max_failures", 1000));
  CASEWORK_RETURN_IF_ERROR(positive(lockout, "sign_in.lockout_minutes", 7 * 24 * 60));
  if (max_age < 0) return Status::Invalid(file, "passwords.max_age_days must be 0 (no expiry) or more");
  s.contemporaneous_window = std::chrono::minutes{window_minutes};
  s.sessions.idle_timeout = std::chrono::minutes{idle};
  s.sessions.absolute_timeout = std::chrono::minutes{absolute};
  s.passwords.min_length = static_cast<size_t>(min_length);
  s.passwords.max_age_days = static_cast<int>(max_age);
  s.passwords.ops_limit = static_cast<unsigned long long>(ops);
  s.passwords.mem_limit_bytes = static_cast<size_t>(mem_mib) << 20;
  s.access.break_glass_duration = std::chrono::minutes{break_glass};
  s.access.max_grant_days = static_cast<int>(max_grant);
  s.sign_in.max_failures = static_cast<int>(max_failures);
  s.sign_in.lockout = std::chrono::minutes{lockout};
  if (s.tls.certificate_file.empty() != s.tls.key_file.empty()) {
    return Status::Invalid(file, "tls.certificate and tls.key must be given together, or neither");
  }
  s.tls.certificate_file = BesideConfig(config_dir, s.tls.certificate_file);
  s.tls.key_file = BesideConfig(config_dir, s.tls.key_file);
  return s;
}

Result<std::unordered_set<std::string>> LoadCommonPasswords(const std::string& config_dir) {
  std::string file = config_dir + "/common-passwords.txt";
  std::unordered_set<std::string> out;
  std::ifstream in(file);
  if (!in) return Status::Invalid(file, "cannot be read");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::transform(line.begin(), line.end(), line.begin(), [](unsigned char c) { return std::tolower(c); });
    out.insert(line);
  }
  return out;
}

}  // namespace casework
