#include "settings/calendar_loader.h"

#include <gtest/gtest.h>

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
