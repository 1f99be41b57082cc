#include "settings/calendar_loader.h"

#include "settings/toml_reader.h"

namespace casework {
namespace {

Date FromToml(const toml::date& d) { return Date{date::year{d.year}, date::month{d.month}, date::day{d.day}}; }

}  // namespace

Result<CalendarConfig> LoadCalendarConfig(const std::string& config_dir) {
  std::string file = config_dir + "/calendar.toml";
  Result<toml::table> parsed = ParseTomlFile(file);
  if (!parsed.ok()) return parsed.status();
  CalendarConfig config;
  Status status;
  TableReader top(*parsed, file, "", status);
  for (const toml::table* t : top.Tables("one_off_holiday")) {
    TableReader day(*t, file, "one_off_holiday.", status);
    toml::date on{}, replaces{};
    OneOffHoliday h;
    day.Require("date", on);
    day.Require("name", h.name);
    day.Read("replaces", replaces);
    day.Finish();
    if (!status.ok()) break;
    h.date = FromToml(on);
    if (t->contains("replaces")) {
      h.replaces = FromToml(replaces);
      if (h.replaces->year() != h.date.year()) day.Fail(*t->get("replaces"), "replaces", "must be in the same year");
    }
    config.one_off_holidays.push_back(std::move(h));
  }
  for (const toml::table* t : top.Tables("closure_day")) {
    TableReader day(*t, file, "closure_day.", status);
    toml::date on{};
    NamedDay c;
    day.Require("date", on);
    day.Require("name", c.name);
    day.Finish();
    c.date = FromToml(on);
    config.closure_days.push_back(std::move(c));
  }
  top.Finish();
  if (!status.ok()) return status;
  return config;
}

}  // namespace casework
