#include "core/nhs_number.h"

#include <gtest/gtest.h>

namespace casework {
namespace {

// REC-03: NHS numbers are validated with the Modulus 11 check digit.
TEST(NhsNumber, REC03_AcceptsValidNumbersWithOrWithoutSpaces) {
  EXPECT_EQ(NormaliseNhsNumber("9434765919"), "9434765919");
  EXPECT_EQ(NormaliseNhsNumber("943 476 5919"), "9434765919");
  EXPECT_EQ(NormaliseNhsNumber("943-476-5919"), "9434765919");
  EXPECT_EQ(NormaliseNhsNumber("401 023 2137"), "4010232137");
}

// REC-03
TEST(NhsNumber, REC03_RefusesWrongCheckDigitLengthAndLetters) {
  EXPECT_FALSE(NormaliseNhsNumber("9434765918"));   // check digit off by one
  EXPECT_FALSE(NormaliseNhsNumber("943476591"));    // nine digits
  EXPECT_FALSE(NormaliseNhsNumber("94347659190"));  // eleven digits
  EXPECT_FALSE(NormaliseNhsNumber("94347659l9"));   // a letter
  EXPECT_FALSE(NormaliseNhsNumber(""));
}

// REC-03: a remainder that would need check digit 10 makes the number invalid.
TEST(NhsNumber, REC03_RefusesNumbersWhoseCheckWouldBeTen) {
  // 1000000010: weights 10..2 give 10*1 + 2*1 = 12; 11 - 12 % 11 = 10.
  for (char last = '0'; last <= '9'; ++last) {
    EXPECT_FALSE(NormaliseNhsNumber(std::string("100000001") + last)) << last;
  }
}

TEST(NhsNumber, FormatsInThreeThreeFour) { EXPECT_EQ(FormatNhsNumber("9434765919"), "943 476 5919"); }

}  // namespace
}  // namespace casework
