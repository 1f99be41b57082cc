#include "core/working_day_calendar.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace casework {
namespace {

Date D(const char* text) { return *ParseDate(text, "d"); }

std::vector<std::string> Dates(const std::vector<NamedDay>& days) {
  std::vector<std::string> out;
  for (const NamedDay& d : days) out.push_back(FormatDate(d.date).substr(5));
  return out;
}

std::string NameOn(const std::vector<NamedDay>& days, const char* date) {
  for (const NamedDay& d : days) {
    if (d.date == D(date)) return d.name;
  }
  return "";
}

// The one-off days the shipped calendar.toml carries.
CalendarConfig ShippedOneOffs() {
  CalendarConfig c;
  c.one_off_holidays = {
      {D("2020-05-08"), "Early May bank holiday (VE Day)", D("2020-05-04")},
      {D("2022-06-02"), "Spring bank holiday", D("2022-05-30")},
      {D("2022-06-03"), "Platinum Jubilee bank holiday", std::nullopt},
      {D("2022-09-19"), "State Funeral of Queen Elizabeth II", std::nullopt},
      {D("2023-05-08"), "Bank holiday for the coronation of King Charles III", std::nullopt},
  };
  return c;
}

TEST(EasterSunday, MatchesPublishedDates) {
  EXPECT_EQ(EasterSunday(2015), D("2015-04-05"));
  EXPECT_EQ(EasterSunday(2016), D("2016-03-27"));
  EXPECT_EQ(EasterSunday(2019), D("2019-04-21"));
  EXPECT_EQ(EasterSunday(2024), D("2024-03-31"));
  EXPECT_EQ(EasterSunday(2026), D("2026-04-05"));
  EXPECT_EQ(EasterSunday(2038), D("2038-04-25"));  // the latest possible
  EXPECT_EQ(EasterSunday(2285), D("2285-03-22"));  // the earliest possible
}

// TIM-02: the rule-made bank holidays of every year from 2015 to 2030, before one-off changes.
TEST(WorkingDayCalendar, TIM02_RuleHolidaysEveryYear2015To2030) {
  const std::vector<std::pair<int, std::vector<std::string>>> expected = {
      {2015, {"01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"}},
      {2016, {"01-01", "03-25", "03-28", "05-02", "05-30", "08-29", "12-26", "12-27"}},
      {2017, {"01-02", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"}},
      {2018, {"01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"}},
      {2019, {"01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"}},
      {2020, {"01-01", "04-10", "04-13", "05-04", "05-25", "08-31", "12-25", "12-28"}},
      {2021, {"01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"}},
      {2022, {"01-03", "04-15", "04-18", "05-02", "05-30", "08-29", "12-26", "12-27"}},
      {2023, {"01-02", "04-07", "04-10", "05-01", "05-29", "08-28", "12-25", "12-26"}},
      {2024, {"01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"}},
      {2025, {"01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"}},
      {2026, {"01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"}},
      {2027, {"01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"}},
      {2028, {"01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"}},
      {2029, {"01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"}},
      {2030, {"01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"}},
  };
  WorkingDayCalendar plain;
  for (const auto& [year, dates] : expected) {
    EXPECT_EQ(Dates(plain.BankHolidays(year)), dates) << year;
  }
}

// TIM-02: each substitute-day rule.
TEST(WorkingDayCalendar, TIM02_SubstituteDays) {
  WorkingDayCalendar c;
  // New Year's Day on a Saturday (2022) and a Sunday (2017): the Monday after.
  EXPECT_EQ(NameOn(c.BankHolidays(2022), "2022-01-03"), "New Year's Day (substitute day)");
  EXPECT_EQ(NameOn(c.BankHolidays(2017), "2017-01-02"), "New Year's Day (substitute day)");
  // Christmas on a Saturday (2021): Christmas moves to Monday 27, Boxing Day to Tuesday 28.
  EXPECT_EQ(NameOn(c.BankHolidays(2021), "2021-12-27"), "Christmas Day (substitute day)");
  EXPECT_EQ(NameOn(c.BankHolidays(2021), "2021-12-28"), "Boxing Day (substitute day)");
  // Christmas on a Sunday (2022): Boxing Day stays on Monday 26, Christmas moves to Tuesday 27.
  EXPECT_EQ(NameOn(c.BankHolidays(2022), "2022-12-26"), "Boxing Day");
  EXPECT_EQ(NameOn(c.BankHolidays(2022), "2022-12-27"), "Christmas Day (substitute day)");
  // Boxing Day on a Saturday (2026): the Monday after.
  EXPECT_EQ(NameOn(c.BankHolidays(2026), "2026-12-25"), "Christmas Day");
  EXPECT_EQ(NameOn(c.BankHolidays(2026), "2026-12-28"), "Boxing Day (substitute day)");
}

// TIM-02: every one-off day in the shipped defaults.
TEST(WorkingDayCalendar, TIM02_OneOffDaysMoveAndAdd) {
  WorkingDayCalendar c(ShippedOneOffs());
  EXPECT_EQ(Dates(c.BankHolidays(2020)),
            (std::vector<std::string>{"01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"}));
  EXPECT_EQ(Dates(c.BankHolidays(2022)), (std::vector<std::string>{"01-03", "04-15", "04-18", "05-02", "06-02",
                                                                   "06-03", "08-29", "09-19", "12-26", "12-27"}));
  EXPECT_EQ(Dates(c.BankHolidays(2023)), (std::vector<std::string>{"01-02", "04-07", "04-10", "05-01", "05-08",
                                                                   "05-29", "08-28", "12-25", "12-26"}));
  EXPECT_TRUE(c.IsWorkingDay(D("2020-05-04")));
  EXPECT_FALSE(c.IsWorkingDay(D("2020-05-08")));
  EXPECT_TRUE(c.IsWorkingDay(D("2022-05-30")));
  EXPECT_FALSE(c.IsWorkingDay(D("2022-09-19")));
  EXPECT_FALSE(c.IsWorkingDay(D("2023-05-08")));
  // Other years keep the rule.
  EXPECT_EQ(Dates(c.BankHolidays(2021)), Dates(WorkingDayCalendar().BankHolidays(2021)));
}

// TIM-02: a partnership's closure days are not working days but are not bank holidays either.
TEST(WorkingDayCalendar, TIM02_ClosureDays) {
  CalendarConfig config;
  config.closure_days = {{D("2026-12-29"), "Partnership closure"}, {D("2026-12-30"), "Partnership closure"}};
  WorkingDayCalendar c(config);
  EXPECT_FALSE(c.IsWorkingDay(D("2026-12-29")));
  EXPECT_TRUE(c.IsWorkingDay(D("2026-12-31")));
  EXPECT_EQ(c.ClosureDays(2026).size(), 2u);
  EXPECT_EQ(NameOn(c.BankHolidays(2026), "2026-12-29"), "");
  // From Christmas Eve: 25, 28 holidays; 26, 27 weekend; 29, 30 closed; 31 Dec is day 1.
  EXPECT_EQ(c.AddWorkingDays(D("2026-12-24"), 1), D("2026-12-31"));
}

// TIM-02: the days off listed once when the calendar is made give the same answer as the rules,
// the one-off days and the closure days, every day of every year, inside the listed years and out.
TEST(WorkingDayCalendar, TIM02_ListedDaysOffAgreeWithTheRules) {
  CalendarConfig config = ShippedOneOffs();
  config.closure_days = {{D("2026-12-29"), "Partnership closure"}, {D("2150-06-02"), "Partnership closure"}};
  WorkingDayCalendar c(config);
  for (date::sys_days d = date::sys_days{D("1995-01-01")}; d <= date::sys_days{D("2105-12-31")}; d += date::days{1}) {
    Date day{d};
    date::weekday w{d};
    bool weekend = w == date::Saturday || w == date::Sunday;
    auto on = [&](const std::vector<NamedDay>& days) {
      return std::any_of(days.begin(), days.end(), [&](const NamedDay& h) { return h.date == day; });
    };
    bool off = weekend || on(c.BankHolidays(int(day.year()))) || on(c.ClosureDays(int(day.year())));
    ASSERT_EQ(c.IsWorkingDay(day), !off) << FormatDate(day);
  }
  EXPECT_FALSE(c.IsWorkingDay(D("2150-06-02")));
}

// TIM-02: the counting rule across weekends, bank holidays, year ends and leap years.
TEST(WorkingDayCalendar, TIM02_CountingRule) {
  WorkingDayCalendar c(ShippedOneOffs());
  // The day itself is not counted; a weekday start with no holidays.
  EXPECT_EQ(c.AddWorkingDays(D("2026-11-23"), 1), D("2026-11-24"));
  EXPECT_EQ(c.AddWorkingDays(D("2026-11-23"), 0), D("2026-11-23"));
  // Friday to Monday across a weekend; a weekend start counts from Monday.
  EXPECT_EQ(c.AddWorkingDays(D("2026-11-27"), 1), D("2026-11-30"));
  EXPECT_EQ(c.AddWorkingDays(D("2026-11-28"), 1), D("2026-11-30"));
  // Over the spring bank holiday.
  EXPECT_EQ(c.AddWorkingDays(D("2026-05-22"), 1), D("2026-05-26"));
  // Over Easter: Thursday before Good Friday to the Tuesday after Easter Monday.
  EXPECT_EQ(c.AddWorkingDays(D("2026-04-02"), 1), D("2026-04-07"));
  // Across the year end: 2026-12-24 + 3 = 29, 30, 31 December.
  EXPECT_EQ(c.AddWorkingDays(D("2026-12-24"), 3), D("2026-12-31"));
  EXPECT_EQ(c.AddWorkingDays(D("2026-12-24"), 4), D("2027-01-04"));
  // Leap day is a working day in 2028 (a Tuesday).
  EXPECT_EQ(c.AddWorkingDays(D("2028-02-28"), 1), D("2028-02-29"));
  EXPECT_EQ(c.AddWorkingDays(D("2028-02-28"), 2), D("2028-03-01"));
  // 15 working days from a strategy discussion on 1 June 2022 skip the jubilee days.
  EXPECT_EQ(c.AddWorkingDays(D("2022-06-01"), 15), D("2022-06-24"));
  // 45 working days from a referral on 1 December 2026.
  EXPECT_EQ(c.AddWorkingDays(D("2026-12-01"), 45), D("2027-02-05"));
  EXPECT_EQ(c.WorkingDaysBetween(D("2026-12-01"), D("2027-02-05")), 45);
  EXPECT_EQ(c.WorkingDaysBetween(D("2027-02-05"), D("2026-12-01")), 0);
}

}  // namespace
}  // namespace casework
