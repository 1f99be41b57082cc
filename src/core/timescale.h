// Timescales as the partnership defines them (TIM-01): each clock's name, the events that start,
// stop and end it, and how long it runs, read from config/timescales.toml. Nothing here knows
// a particular timescale; the defaults are data.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/working_day_calendar.h"

namespace casework {

enum class TimescaleUnit { kWorkingDays, kCalendarDays, kWeeks, kMonths };

// "working_days", "calendar_days", "weeks", "months".
const char* TimescaleUnitName(TimescaleUnit unit);
std::optional<TimescaleUnit> ParseTimescaleUnit(std::string_view name);

struct Interval {
  int length = 0;
  TimescaleUnit unit = TimescaleUnit::kWorkingDays;
};

// "15 working days", "3 months", "1 week".
std::string DescribeInterval(Interval interval);

// The date an interval after `from` ends, by the counting rule in working_day_calendar.h:
// working days skip non-working days and never count `from`; calendar days and weeks count
// every day; months land on the same day of the month, or the month's last day if it is shorter.
Date DueAfter(const WorkingDayCalendar& calendar, Date from, Interval interval);

struct TimescaleDefinition {
  std::string key;                     // stable name, stored with each clock: "initial_conference"
  std::string name;                    // for people: "Initial child protection conference"
  std::vector<std::string> starts_on;  // events that open the clock
  std::vector<std::string> stops_on;   // events that meet it
  std::vector<std::string> ends_on;    // events that close it unmet and stop any repeats
  // Events that restart a running clock from their own, later date: the initial conference
  // counts from the last strategy discussion when several are held.
  std::vector<std::string> restarts_on;
  Interval first;
  bool repeats = false;                  // meeting it opens the next occurrence
  std::vector<Interval> then;            // later occurrences in turn; the last one repeats
  std::optional<Interval> after_a_year;  // replaces `then` once the series is a year old

  // The length of occurrence n (0 for the first) that opens on `opens_on` in a series that
  // began on `series_began`.
  Interval IntervalFor(int occurrence, Date series_began, Date opens_on) const;
};

struct Timescales {
  // Events a practitioner records on a child's record, by key, with their names for people.
  std::map<std::string, std::string> events;
  std::vector<TimescaleDefinition> clocks;

  const TimescaleDefinition* Find(std::string_view key) const;
  bool KnowsEvent(std::string_view event) const { return events.count(std::string(event)) != 0; }
};

}  // namespace casework
