// Points in time and calendar dates, and their text forms.
//
// Times are stored and exchanged in UTC with microsecond precision; dates (of birth, due
// dates) are plain calendar dates. Working days and "today" are reckoned on London dates.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <date/date.h>

#include "core/status.h"

namespace casework {

using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;
using Date = date::year_month_day;

// "2026-11-23T19:33:00.123456Z": fixed width, so text order is time order.
std::string FormatTimestamp(Timestamp t);

// FormatTimestamp's text in a buffer of its own, for writers that copy it straight on: its
// 27 characters are longer than a std::string holds without allocating, and a chronology of
// 10,000 events writes 20,000 of them.
class TimestampText {
 public:
  explicit TimestampText(Timestamp t);
  std::string_view view() const { return {text_, size_}; }

 private:
  char text_[40];
  size_t size_;
};

// Accepts RFC 3339 with "Z" or an offset ("2026-03-29T01:30:00+01:00"), and also a time with
// no offset, which is read as Europe/London wall-clock time. Seconds and fractions optional.
Result<Timestamp> ParseTimestamp(std::string_view text, const std::string& field);

// "2026-11-23".
std::string FormatDate(Date d);
Result<Date> ParseDate(std::string_view text, const std::string& field);

// The calendar date in London at the instant t.
Date LondonDate(Timestamp t);
// "2026-07-01 00:30": the London wall-clock date and time at t, to the minute, for people
// reading exports.
std::string FormatLondonDateTime(Timestamp t);
// The instant London's day d begins.
Timestamp LondonMidnight(Date d);

// Whole years from birth to on (the birthday counts from its own day).
int AgeInYears(Date birth, Date on);

}  // namespace casework
