#include "core/timescale.h"

#include <gtest/gtest.h>

namespace casework {
namespace {

Date D(const char* text) { return *ParseDate(text, "d"); }

constexpr Interval kWorking{1, TimescaleUnit::kWorkingDays};

// TIM-02: every unit follows the counting rule.
TEST(Timescale, TIM02_DueAfterEachUnit) {
  WorkingDayCalendar c;
  EXPECT_EQ(DueAfter(c, D("2026-12-24"), {4, TimescaleUnit::kWorkingDays}), D("2027-01-04"));
  EXPECT_EQ(DueAfter(c, D("2026-11-01"), {42, TimescaleUnit::kCalendarDays}), D("2026-12-13"));
  EXPECT_EQ(DueAfter(c, D("2026-12-28"), {1, TimescaleUnit::kWeeks}), D("2027-01-04"));
  EXPECT_EQ(DueAfter(c, D("2026-11-29"), {3, TimescaleUnit::kMonths}), D("2027-02-28"));
  EXPECT_EQ(DueAfter(c, D("2027-11-30"), {3, TimescaleUnit::kMonths}), D("2028-02-29"));  // leap year
  EXPECT_EQ(DueAfter(c, D("2028-01-31"), {1, TimescaleUnit::kMonths}), D("2028-02-29"));
  EXPECT_EQ(DueAfter(c, D("2026-08-31"), {6, TimescaleUnit::kMonths}), D("2027-02-28"));
  EXPECT_EQ(DueAfter(c, D("2026-10-15"), {6, TimescaleUnit::kMonths}), D("2027-04-15"));
}

TEST(Timescale, RepeatsThroughThenAndAfterAYear) {
  TimescaleDefinition d;
  d.first = {20, TimescaleUnit::kWorkingDays};
  d.repeats = true;
  d.then = {{3, TimescaleUnit::kMonths}, {6, TimescaleUnit::kMonths}};
  Date began = D("2026-01-05");
  EXPECT_EQ(d.IntervalFor(0, began, began).length, 20);
  EXPECT_EQ(d.IntervalFor(1, began, D("2026-02-01")).length, 3);
  EXPECT_EQ(d.IntervalFor(2, began, D("2026-05-01")).length, 6);
  EXPECT_EQ(d.IntervalFor(7, began, D("2029-05-01")).length, 6);

  TimescaleDefinition visits;
  visits.first = {1, TimescaleUnit::kWeeks};
  visits.repeats = true;
  visits.then = {{6, TimescaleUnit::kWeeks}};
  visits.after_a_year = Interval{3, TimescaleUnit::kMonths};
  EXPECT_EQ(visits.IntervalFor(1, began, D("2026-12-01")).unit, TimescaleUnit::kWeeks);
  EXPECT_EQ(visits.IntervalFor(9, began, D("2027-01-05")).unit, TimescaleUnit::kMonths);

  TimescaleDefinition plain;
  plain.first = kWorking;
  plain.repeats = true;
  EXPECT_EQ(plain.IntervalFor(3, began, began).length, 1);
}

TEST(Timescale, DescribesIntervals) {
  EXPECT_EQ(DescribeInterval(kWorking), "1 working day");
  EXPECT_EQ(DescribeInterval({45, TimescaleUnit::kWorkingDays}), "45 working days");
  EXPECT_EQ(DescribeInterval({42, TimescaleUnit::kCalendarDays}), "42 days");
  EXPECT_EQ(DescribeInterval({3, TimescaleUnit::kMonths}), "3 months");
}

}  // namespace
}  // namespace casework
