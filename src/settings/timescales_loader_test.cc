#include "settings/timescales_loader.h"

#include <gtest/gtest.h>

#include "settings/config_fixture.h"

namespace casework {
namespace {

using testing::ConfigCopy;

void ExpectInterval(const Timescales& t, const char* key, int length, TimescaleUnit unit) {
  const TimescaleDefinition* d = t.Find(key);
  ASSERT_NE(d, nullptr) << key;
  EXPECT_EQ(d->first.length, length) << key;
  EXPECT_EQ(d->first.unit, unit) << key;
}

// TIM-01: the shipped file carries the national and common local minimum standards.
TEST(TimescalesConfig, TIM01_ShippedDefaults) {
  Result<Timescales> t = LoadTimescales(DefaultConfigDir());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  using U = TimescaleUnit;
  ExpectInterval(*t, "referral_decision", 1, U::kWorkingDays);
  ExpectInterval(*t, "child_and_family_assessment", 45, U::kWorkingDays);
  ExpectInterval(*t, "strategy_discussion", 1, U::kWorkingDays);
  ExpectInterval(*t, "initial_conference", 15, U::kWorkingDays);
  ExpectInterval(*t, "core_group", 10, U::kWorkingDays);
  ExpectInterval(*t, "review_conference", 3, U::kMonths);
  ExpectInterval(*t, "child_protection_visit", 10, U::kWorkingDays);
  ExpectInterval(*t, "looked_after_review", 20, U::kWorkingDays);
  ExpectInterval(*t, "looked_after_visit", 1, U::kWeeks);
  ExpectInterval(*t, "birth_registration", 42, U::kCalendarDays);
  const TimescaleDefinition& reviews = *t->Find("looked_after_review");
  EXPECT_TRUE(reviews.repeats);
  ASSERT_EQ(reviews.then.size(), 2u);
  EXPECT_EQ(reviews.then[1].length, 6);
  EXPECT_EQ(t->Find("review_conference")->then.at(0).length, 6);
  EXPECT_EQ(t->Find("looked_after_visit_long_term")->after_a_year->unit, U::kMonths);
  EXPECT_EQ(t->Find("initial_conference")->starts_on, std::vector<std::string>{"section_47_started"});
  EXPECT_EQ(t->Find("initial_conference")->restarts_on, std::vector<std::string>{"strategy_discussion"});
  EXPECT_EQ(t->Find("looked_after_visit")->ends_on.size(), 3u);
  EXPECT_FALSE(t->Find("referral_decision")->repeats);
}

// TIM-01: a partnership changes a timescale by editing the file.
TEST(TimescalesConfig, TIM01_EditedFileChangesTheClock) {
  ConfigCopy config;
  config.Write("timescales.toml",
               "[events]\na = \"A\"\nb = \"B\"\n\n[[clock]]\nkey = \"x\"\nname = \"X\"\nstarts = \"a\"\n"
               "stops = [\"b\"]\nlength = 5\nunit = \"calendar_days\"\n");
  Result<Settings> s = LoadSettings(config.path());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->timescales.clocks.size(), 1u);
  EXPECT_EQ(s->timescales.clocks[0].first.length, 5);
  EXPECT_EQ(s->timescales.clocks[0].stops_on, std::vector<std::string>{"b"});
}

struct Broken {
  const char* clock_lines;
  int line;
  const char* says;
};

// TIM-01: the server refuses a malformed file and says which line is wrong.
TEST(TimescalesConfig, TIM01_RefusesMalformedFileNamingLine) {
  const std::string head = "[events]\na = \"A\"\nb = \"B\"\n\n[[clock]]\nkey = \"x\"\nname = \"X\"\n";  // 7 lines
  const Broken cases[] = {
      {"starts = \"a\"\nstops = \"b\"\nlength = 5\nunit = \"fortnights\"\n", 11, "unit must be"},
      {"starts = \"a\"\nstops = \"b\"\nlength = 0\nunit = \"months\"\n", 10, "length must be from 1"},
      {"starts = \"a\"\nstops = \"c\"\nlength = 5\nunit = \"months\"\n", 9, "\"c\", which is not listed"},
      {"starts = \"a\"\nstops = \"b\"\nlength = \"5\"\nunit = \"months\"\n", 10, "wrong type"},
      {"starts = \"a\"\nstops = \"b\"\nlength = 5\nunit = \"months\"\nrepeat = true\n", 12, "not a setting"},
      {"starts = \"a\"\nlength = 5\nunit = \"months\"\n", 5, "stops is missing"},
      {"starts = \"a\"\nstops = \"b\"\nlength = 5\nunit = \"months\"\nthen = [{ length = 1, unit = \"weeks\" }]\n", 5,
       "only for a clock that repeats"},
      {"starts = \"a\"\nstops = \"b\"\nlength = 5\nunit = \"months\"\nrepeats = true\n"
       "then = [{ length = 1, unit = \"week\" }]\n",
       13, "clock.then.unit"},
      {"starts = \"a\"\nstops = \"b\"\nlength = 5\nunit = \"months\"\n\n[[clock]]\nkey = \"x\"\nname = \"Y\"\n"
       "starts = \"a\"\nstops = \"b\"\nlength = 5\nunit = \"months\"\n",
       14, "used twice"},
      {"starts = \"a\"\nstops = \"b\"\nlength = 5\nunit = months\n", 11, ""},
  };
  for (const Broken& c : cases) {
    ConfigCopy config;
    config.Write("timescales.toml", head + c.clock_lines);
    Result<Settings> s = LoadSettings(config.path());
    ASSERT_FALSE(s.ok()) << c.clock_lines;
    EXPECT_EQ(s.status().field(), config.File("timescales.toml") + ":" + std::to_string(c.line)) << c.clock_lines;
    EXPECT_NE(s.status().message().find(c.says), std::string::npos) << s.status().message();
  }
}

}  // namespace
}  // namespace casework
