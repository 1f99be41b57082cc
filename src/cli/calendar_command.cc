// casework calendar: the working-day calendar as Casework counts it, so council staff can check
// a due date by hand (TIM-02).
#include <iostream>

#include "cli/commands.h"
#include "settings/settings_loader.h"

namespace casework::cli {
namespace {

struct CalendarOptions {
  std::string config_dir;
  int year = 0;
  std::string from;
  int working_days = 0;
};

Result<Settings> Load(const CalendarOptions& o) {
  return LoadSettings(o.config_dir.empty() ? DefaultConfigDir() : o.config_dir);
}

std::string Weekday(Date d) { return date::format("%A", date::sys_days{d}); }

int ListHolidays(const CalendarOptions& o) {
  Result<Settings> settings = Load(o);
  if (!settings.ok()) return Fail(settings.status());
  for (const NamedDay& h : settings->calendar.BankHolidays(o.year)) {
    std::cout << FormatDate(h.date) << "  " << Weekday(h.date) << "  " << h.name << "\n";
  }
  for (const NamedDay& c : settings->calendar.ClosureDays(o.year)) {
    std::cout << FormatDate(c.date) << "  " << Weekday(c.date) << "  " << c.name << " (partnership closure)\n";
  }
  return 0;
}

int AddWorkingDays(const CalendarOptions& o) {
  Result<Date> from = ParseDate(o.from, "FROM");
  if (!from.ok()) return Fail(from.status());
  Result<Settings> settings = Load(o);
  if (!settings.ok()) return Fail(settings.status());
  Date due = settings->calendar.AddWorkingDays(*from, o.working_days);
  std::cout << FormatDate(due) << "  " << Weekday(due) << "\n";
  return 0;
}

}  // namespace

void AddCalendarCommand(CLI::App& app) {
  auto o = std::make_shared<CalendarOptions>();
  CLI::App* cmd = app.add_subcommand("calendar", "the working-day calendar used for every timescale");
  cmd->require_subcommand(1);
  cmd->add_option("--config", o->config_dir, "the partnership's config folder (default: the shipped one)");

  CLI::App* holidays = cmd->add_subcommand("holidays", "list a year's bank holidays and closure days");
  holidays->add_option("YEAR", o->year, "the year, such as 2027")->required()->check(CLI::Range(1900, 2300));
  holidays->callback([o] {
    if (int code = ListHolidays(*o); code != 0) Exit(code);
  });

  CLI::App* add = cmd->add_subcommand(
      "add", "print the date N working days after FROM (FROM itself is not counted; see docs/timescales.md)");
  add->add_option("FROM", o->from, "the start date, YYYY-MM-DD")->required();
  add->add_option("N", o->working_days, "working days to add")->required()->check(CLI::Range(0, 10000));
  add->callback([o] {
    if (int code = AddWorkingDays(*o); code != 0) Exit(code);
  });
}

}  // namespace casework::cli
