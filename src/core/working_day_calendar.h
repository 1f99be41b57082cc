// The working-day calendar: which London dates are working days, and the one rule for counting
// "within N working days of X" (TIM-02).
//
// Bank holidays in England and Wales follow fixed rules (the Banking and Financial Dealings Act
// 1971 and the annual royal proclamations): New Year's Day, Good Friday, Easter Monday, the early
// May, spring and summer bank holidays, Christmas Day and Boxing Day, with a substitute weekday
// when a fixed-date holiday falls at a weekend. Days the Crown moves or adds for one year (a
// jubilee, a coronation, a state funeral) and a partnership's own closure days are data, given
// to the calendar from config. A WorkingDayCalendar is immutable and safe to share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace casework {

struct NamedDay {
  Date date{};
  std::string name;
};

// A day off declared for one year only. If it replaces a rule-made holiday (the 2020 early May
// holiday moved to VE Day), that day becomes a working day.
struct OneOffHoliday {
  Date date{};
  std::string name;
  std::optional<Date> replaces;
};

struct CalendarConfig {
  std::vector<OneOffHoliday> one_off_holidays;
  std::vector<NamedDay> closure_days;  // the partnership's own closures (not bank holidays)
};

// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus).
Date EasterSunday(int year);

class WorkingDayCalendar {
 public:
  explicit WorkingDayCalendar(CalendarConfig config = {});

  // The bank holidays of a year in date order: those made by rule, adjusted by the one-off days.
  std::vector<NamedDay> BankHolidays(int year) const;
  // The partnership's closure days in a year, in date order.
  std::vector<NamedDay> ClosureDays(int year) const;

  // Monday to Friday, not a bank holiday, not a closure day.
  bool IsWorkingDay(Date d) const;

  // THE COUNTING RULE, used for every working-day timescale: "within N working days of X" means
  // by the end of the Nth working day after X. Day X itself is never counted, whether or not it
  // is a working day; weekends, bank holidays and closure days are skipped. So a referral
  // received on Friday 22 May 2026 with a 1 working day limit is due on Tuesday 26 May, because
  // Monday 25 May is the spring bank holiday. N = 0 gives X itself.
  Date AddWorkingDays(Date from, int n) const;

  // Working days after `from` up to and including `to` (0 when to <= from): the inverse of
  // AddWorkingDays, for "how many working days late".
  int WorkingDaysBetween(Date from, Date to) const;

 private:
  // The days off (bank holidays and closure days) of the years most asked about, in order, made
  // once: counting working days asks about one day at a time, and a year's bank holidays are
  // worked out from rules.
  static constexpr int kFirstListedYear = 2000, kLastListedYear = 2100;
  CalendarConfig config_;
  std::vector<int> days_off_;  // days since the epoch
};

}  // namespace casework
