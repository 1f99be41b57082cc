#include "core/timescale.h"

namespace casework {

const char* TimescaleUnitName(TimescaleUnit unit) {
  switch (unit) {
    case TimescaleUnit::kWorkingDays:
      return "working_days";
    case TimescaleUnit::kCalendarDays:
      return "calendar_days";
    case TimescaleUnit::kWeeks:
      return "weeks";
    case TimescaleUnit::kMonths:
      return "months";
  }
  return "working_days";
}

std::optional<TimescaleUnit> ParseTimescaleUnit(std::string_view name) {
  for (TimescaleUnit u :
       {TimescaleUnit::kWorkingDays, TimescaleUnit::kCalendarDays, TimescaleUnit::kWeeks, TimescaleUnit::kMonths}) {
    if (name == TimescaleUnitName(u)) return u;
  }
  return std::nullopt;
}

std::string DescribeInterval(Interval interval) {
  const char* unit = "";
  switch (interval.unit) {
    case TimescaleUnit::kWorkingDays:
      unit = interval.length == 1 ? "working day" : "working days";
      break;
    case TimescaleUnit::kCalendarDays:
      unit = interval.length == 1 ? "day" : "days";
      break;
    case TimescaleUnit::kWeeks:
      unit = interval.length == 1 ? "week" : "weeks";
      break;
    case TimescaleUnit::kMonths:
      unit = interval.length == 1 ? "month" : "months";
      break;
  }
  return std::to_string(interval.length) + " " + unit;
}

Date DueAfter(const WorkingDayCalendar& calendar, Date from, Interval interval) {
  using date::days;
  using date::sys_days;
  switch (interval.unit) {
    case TimescaleUnit::kWorkingDays:
      return calendar.AddWorkingDays(from, interval.length);
    case TimescaleUnit::kCalendarDays:
      return Date{sys_days{from} + days{interval.length}};
    case TimescaleUnit::kWeeks:
      return Date{sys_days{from} + days{7 * interval.length}};
    case TimescaleUnit::kMonths: {
      date::year_month ym = date::year_month{from.year(), from.month()} + date::months{interval.length};
      date::day last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
      return Date{ym.year(), ym.month(), std::min(from.day(), last)};
    }
  }
  return from;
}

Interval TimescaleDefinition::IntervalFor(int occurrence, Date series_began, Date opens_on) const {
  if (occurrence == 0) return first;
  static const WorkingDayCalendar kMonthsNeedNoHolidays;  // made once: a calendar lists a century of holidays
  if (after_a_year && date::sys_days{opens_on} >=
                          date::sys_days{DueAfter(kMonthsNeedNoHolidays, series_began, {12, TimescaleUnit::kMonths})}) {
    return *after_a_year;
  }
  if (then.empty()) return first;
  size_t i = std::min(static_cast<size_t>(occurrence - 1), then.size() - 1);
  return then[i];
}

const TimescaleDefinition* Timescales::Find(std::string_view key) const {
  for (const TimescaleDefinition& d : clocks) {
    if (d.key == key) return &d;
  }
  return nullptr;
}

}  // namespace casework
