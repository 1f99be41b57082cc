#include "settings/calendar_loader.h"

#include <gtest/gtest.h>

#include <map>

#include "settings/config_fixture.h"

namespace casework {
namespace {

using testing::ConfigCopy;

Date D(const char* text) { return *ParseDate(text, "d"); }

// TIM-02: the shipped calendar carries the known one-off days.
TEST(CalendarConfig, TIM02_ShippedOneOffDaysLoad) {
  Result<Settings> s = LoadSettings(DefaultConfigDir());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_FALSE(s->calendar.IsWorkingDay(D("2020-05-08")));
  EXPECT_TRUE(s->calendar.IsWorkingDay(D("2020-05-04")));
  EXPECT_FALSE(s->calendar.IsWorkingDay(D("2022-06-02")));
  EXPECT_FALSE(s->calendar.IsWorkingDay(D("2022-06-03")));
  EXPECT_FALSE(s->calendar.IsWorkingDay(D("2022-09-19")));
  EXPECT_FALSE(s->calendar.IsWorkingDay(D("2023-05-08")));
}

// TIM-02: the shipped calendar gives the bank holidays England and Wales actually had, or will
// have, in every year from 2015 to 2030: the rule's days, with the proclaimed ones in 2020, 2022
// and 2023 in place of or beside them.
TEST(CalendarConfig, TIM02_ShippedCalendarEveryYear2015To2030) {
  Result<Settings> s = LoadSettings(DefaultConfigDir());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  const std::map<int, std::vector<std::string>> proclaimed = {
      {2020, {"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25",
              "2020-12-28"}},
      {2022, {"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
              "2022-09-19", "2022-12-26", "2022-12-27"}},
      {2023, {"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
              "2023-12-25", "2023-12-26"}},
  };
  WorkingDayCalendar rule_only;
  for (int year = 2015; year <= 2030; ++year) {
    auto dates = [](const std::vector<NamedDay>& days) {
      std::vector<std::string> out;
      for (const NamedDay& d : days) out.push_back(FormatDate(d.date));
      return out;
    };
    std::vector<std::string> shipped = dates(s->calendar.BankHolidays(year));
    auto found = proclaimed.find(year);
    EXPECT_EQ(shipped, found != proclaimed.end() ? found->second : dates(rule_only.BankHolidays(year))) << year;
    for (const std::string& day : shipped) EXPECT_FALSE(s->calendar.IsWorkingDay(D(day.c_str()))) << day;
  }
  // The days the proclamations moved are working days.
  EXPECT_TRUE(s->calendar.IsWorkingDay(D("2020-05-04")));
  EXPECT_TRUE(s->calendar.IsWorkingDay(D("2022-05-30")));
}

// TIM-02: a partnership adds its own closure days.
TEST(CalendarConfig, TIM02_ClosureDaysFromConfig) {
  ConfigCopy config;
  config.Write("calendar.toml", "[[closure_day]]\ndate = 2026-12-29\nname = \"Partnership closure\"\n");
  Result<Settings> s = LoadSettings(config.path());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_FALSE(s->calendar.IsWorkingDay(D("2026-12-29")));
  EXPECT_EQ(s->calendar.ClosureDays(2026).at(0).name, "Partnership closure");
}

TEST(CalendarConfig, RefusesMalformedFileNamingLine) {
  ConfigCopy config;
  config.Write("calendar.toml", "[[closure_day]]\ndate = 2026-12-29\nname = \"Closed\"\nreason = \"x\"\n");
  Result<Settings> s = LoadSettings(config.path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().field(), config.File("calendar.toml") + ":4");
  EXPECT_NE(s.status().message().find("closure_day.reason"), std::string::npos);

  config.Write("calendar.toml", "[[one_off_holiday]]\nname = \"No date\"\n");
  s = LoadSettings(config.path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().field(), config.File("calendar.toml") + ":1");
  EXPECT_NE(s.status().message().find("date is missing"), std::string::npos);

  config.Write("calendar.toml", "[[one_off_holiday]]\ndate = \"2026-01-01\"\nname = \"Text date\"\n");
  s = LoadSettings(config.path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().field(), config.File("calendar.toml") + ":2");

  config.Write("calendar.toml", "[[one_off_holiday]\n");
  s = LoadSettings(config.path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().field(), config.File("calendar.toml") + ":1");
}

}  // namespace
}  // namespace casework
