#include "core/working_day_calendar.h"

#include <algorithm>

namespace casework {
namespace {

using date::days;
using date::sys_days;

bool IsWeekend(Date d) {
  date::weekday w{sys_days{d}};
  return w == date::Saturday || w == date::Sunday;
}

Date Ymd(int year, unsigned month, unsigned day) { return Date{date::year{year}, date::month{month}, date::day{day}}; }

Date NthWeekday(int year, unsigned month, date::weekday w, unsigned n) {
  return Date{sys_days{date::year_month_weekday{date::year{year}, date::month{month}, w[n]}}};
}

Date LastWeekday(int year, unsigned month, date::weekday w) {
  return Date{sys_days{date::year_month_weekday_last{date::year{year}, date::month{month}, w[date::last]}}};
}

bool Taken(const std::vector<NamedDay>& days, Date d) {
  return std::any_of(days.begin(), days.end(), [&](const NamedDay& h) { return h.date == d; });
}

// Fixed-date holidays that fall at a weekend move to the next weekday not already a holiday.
// Those on weekdays are placed first, so Christmas on a Sunday is kept on Tuesday 27 December
// and Boxing Day on Monday 26, as the proclamations name them.
void AddFixedDates(std::vector<NamedDay>& out, const std::vector<NamedDay>& fixed) {
  for (const NamedDay& h : fixed) {
    if (!IsWeekend(h.date)) out.push_back(h);
  }
  for (const NamedDay& h : fixed) {
    if (!IsWeekend(h.date)) continue;
    Date d = h.date;
    while (IsWeekend(d) || Taken(out, d)) d = Date{sys_days{d} + days{1}};
    out.push_back({d, h.name + " (substitute day)"});
  }
}

std::vector<NamedDay> RuleHolidays(int year) {
  std::vector<NamedDay> out;
  AddFixedDates(out, {{Ymd(year, 1, 1), "New Year's Day"}});
  sys_days easter{EasterSunday(year)};
  out.push_back({Date{easter - days{2}}, "Good Friday"});
  out.push_back({Date{easter + days{1}}, "Easter Monday"});
  out.push_back({NthWeekday(year, 5, date::Monday, 1), "Early May bank holiday"});
  out.push_back({LastWeekday(year, 5, date::Monday), "Spring bank holiday"});
  out.push_back({LastWeekday(year, 8, date::Monday), "Summer bank holiday"});
  AddFixedDates(out, {{Ymd(year, 12, 25), "Christmas Day"}, {Ymd(year, 12, 26), "Boxing Day"}});
  return out;
}

void SortByDate(std::vector<NamedDay>& days) {
  std::sort(days.begin(), days.end(),
            [](const NamedDay& a, const NamedDay& b) { return sys_days{a.date} < sys_days{b.date}; });
}

}  // namespace

Date EasterSunday(int year) {
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

WorkingDayCalendar::WorkingDayCalendar(CalendarConfig config) : config_(std::move(config)) {
  for (int year = kFirstListedYear; year <= kLastListedYear; ++year) {
    for (const NamedDay& h : BankHolidays(year)) days_off_.push_back(sys_days{h.date}.time_since_epoch().count());
  }
  for (const NamedDay& c : config_.closure_days) days_off_.push_back(sys_days{c.date}.time_since_epoch().count());
  std::sort(days_off_.begin(), days_off_.end());
}

std::vector<NamedDay> WorkingDayCalendar::BankHolidays(int year) const {
  std::vector<NamedDay> out = RuleHolidays(year);
  for (const OneOffHoliday& o : config_.one_off_holidays) {
    if (o.replaces && int(o.replaces->year()) == year) {
      std::erase_if(out, [&](const NamedDay& h) { return h.date == *o.replaces; });
    }
  }
  for (const OneOffHoliday& o : config_.one_off_holidays) {
    if (int(o.date.year()) == year && !Taken(out, o.date)) out.push_back({o.date, o.name});
  }
  SortByDate(out);
  return out;
}

std::vector<NamedDay> WorkingDayCalendar::ClosureDays(int year) const {
  std::vector<NamedDay> out;
  for (const NamedDay& c : config_.closure_days) {
    if (int(c.date.year()) == year) out.push_back(c);
  }
  SortByDate(out);
  return out;
}

bool WorkingDayCalendar::IsWorkingDay(Date d) const {
  if (IsWeekend(d)) return false;
  if (int year = int(d.year()); year >= kFirstListedYear && year <= kLastListedYear) {
    return !std::binary_search(days_off_.begin(), days_off_.end(), sys_days{d}.time_since_epoch().count());
  }
  if (Taken(config_.closure_days, d)) return false;
  return !Taken(BankHolidays(int(d.year())), d);
}

Date WorkingDayCalendar::AddWorkingDays(Date from, int n) const {
  sys_days d{from};
  for (int counted = 0; counted < n;) {
    d += days{1};
    if (IsWorkingDay(Date{d})) ++counted;
  }
  return Date{d};
}

int WorkingDayCalendar::WorkingDaysBetween(Date from, Date to) const {
  int n = 0;
  for (sys_days d = sys_days{from} + days{1}; d <= sys_days{to}; d += days{1}) {
    if (IsWorkingDay(Date{d})) ++n;
  }
  return n;
}

}  // namespace casework
