#include "core/time.h"

#include <gtest/gtest.h>

namespace casework {
namespace {

using namespace std::chrono_literals;

Timestamp At(const char* text) { return *ParseTimestamp(text, "t"); }

TEST(Time, FormatsUtcWithMicroseconds) {
  EXPECT_EQ(FormatTimestamp(At("2026-11-23T14:30:05.25Z")), "2026-11-23T14:30:05.250000Z");
}

TEST(Time, ReadsOffsetsAndLondonWallClock) {
  EXPECT_EQ(At("2026-07-01T10:00:00+01:00"), At("2026-07-01T09:00:00Z"));
  EXPECT_EQ(At("2026-07-01T10:00:00-05:30"), At("2026-07-01T15:30:00Z"));
  // No offset: London time, which is BST in July and GMT in January.
  EXPECT_EQ(At("2026-07-01T10:00"), At("2026-07-01T09:00:00Z"));
  EXPECT_EQ(At("2026-01-15T10:00"), At("2026-01-15T10:00:00Z"));
}

TEST(Time, RefusesImpossibleDatesAndTimes) {
  EXPECT_FALSE(ParseDate("2026-02-29", "d").ok());
  EXPECT_TRUE(ParseDate("2028-02-29", "d").ok());
  EXPECT_FALSE(ParseDate("2026-13-01", "d").ok());
  EXPECT_FALSE(ParseDate("26-01-01", "d").ok());
  EXPECT_FALSE(ParseTimestamp("2026-01-01T24:00:00Z", "t").ok());
  EXPECT_FALSE(ParseTimestamp("2026-01-01T10:00:00+99:00", "t").ok());
  EXPECT_FALSE(ParseTimestamp("yesterday", "t").ok());
  // The hour the clocks skip in spring does not exist in London.
  Result<Timestamp> gap = ParseTimestamp("2026-03-29T01:30", "occurred_at");
  ASSERT_FALSE(gap.ok());
  EXPECT_EQ(gap.status().field(), "occurred_at");
}

TEST(Time, LondonDateFollowsSummerTime) {
  // 23:30 UTC on 30 June is already 1 July in London.
  EXPECT_EQ(FormatDate(LondonDate(At("2026-06-30T23:30:00Z"))), "2026-07-01");
  EXPECT_EQ(FormatDate(LondonDate(At("2026-12-31T23:30:00Z"))), "2026-12-31");
  EXPECT_EQ(LondonMidnight(*ParseDate("2026-07-01", "d")), At("2026-06-30T23:00:00Z"));
}

TEST(Time, LondonDateTimeForReaders) {
  EXPECT_EQ(FormatLondonDateTime(At("2026-06-30T23:30:59Z")), "2026-07-01 00:30");
  EXPECT_EQ(FormatLondonDateTime(At("2026-12-31T23:30:00Z")), "2026-12-31 23:30");
}

TEST(Time, AgeCountsBirthdays) {
  Date born = *ParseDate("2010-03-15", "d");
  EXPECT_EQ(AgeInYears(born, *ParseDate("2026-03-14", "d")), 15);
  EXPECT_EQ(AgeInYears(born, *ParseDate("2026-03-15", "d")), 16);
}

TEST(Time, HandWrittenFormatsMatchTheLibrary) {
  // Midnight, the last microsecond of a day, a leap day, and times before 1970.
  for (int64_t micros : {int64_t{0}, int64_t{86399999999}, int64_t{1709164800123456}, int64_t{-1},
                         int64_t{-86400000001}, int64_t{1795000000000000}, int64_t{253402300799999999}}) {
    Timestamp t{std::chrono::microseconds{micros}};
    EXPECT_EQ(FormatTimestamp(t), date::format("%FT%TZ", t)) << micros;
    Date d{date::floor<date::days>(t)};
    EXPECT_EQ(FormatDate(d), date::format("%F", d)) << micros;
  }
}

TEST(Time, ReadsItsOwnFormatExactly) {
  // The stored form is read by a shorter path than other forms: it must give the same time.
  for (int64_t micros : {int64_t{0}, int64_t{86399999999}, int64_t{1709164800123456}, int64_t{-86400000001},
                         int64_t{1795000000000000}, int64_t{253402300799999999}}) {
    Timestamp t{std::chrono::microseconds{micros}};
    EXPECT_EQ(At(FormatTimestamp(t).c_str()), t) << micros;
  }
  EXPECT_EQ(At("2026-07-01T10:00:00.000001Z"), At("2026-07-01T11:00:00.000001+01:00"));
  // Text of the same shape that is no real time is refused, not read as some other time.
  EXPECT_FALSE(ParseTimestamp("2026-02-29T10:00:00.000000Z", "t").ok());
  EXPECT_FALSE(ParseTimestamp("2026-01-01T24:00:00.000000Z", "t").ok());
  EXPECT_FALSE(ParseTimestamp("2026-01-01T10:60:00.000000Z", "t").ok());
  EXPECT_FALSE(ParseTimestamp("2026-01-01T10:00:00.00000xZ", "t").ok());
}

}  // namespace
}  // namespace casework
