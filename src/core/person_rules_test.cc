#include "core/person_rules.h"

#include <gtest/gtest.h>

namespace casework {
namespace {

Date D(const char* s) { return *ParseDate(s, "d"); }
const Date kToday = D("2026-11-23");

PersonDetails Complete() {
  PersonDetails d;
  d.given_names = "Amelia";
  d.family_name = "Clarke";
  d.date_of_birth = D("2018-04-02");
  d.gender = "Female";
  d.ethnicity = "White - British";
  d.religion = "No religion";
  d.first_language = "English";
  d.disability = "None known";
  d.nhs_number = "943 476 5919";
  return d;
}

// REC-02, EQU-01: details are checked and the NHS number normalised.
TEST(PersonRules, REC02_ChecksDetails) {
  Settings settings;
  PersonDetails d = Complete();
  ASSERT_TRUE(CheckPersonDetails(d, settings, kToday).ok());
  EXPECT_EQ(d.nhs_number, "9434765919");
  d.date_of_birth = D("2026-11-24");
  EXPECT_EQ(CheckPersonDetails(d, settings, kToday).field(), "date_of_birth");
  d.date_of_birth = D("1899-12-31");
  EXPECT_EQ(CheckPersonDetails(d, settings, kToday).field(), "date_of_birth");
  d = Complete();
  d.nhs_number = "9434765918";
  EXPECT_EQ(CheckPersonDetails(d, settings, kToday).field(), "nhs_number");
  d = Complete();
  d.not_known["shoe_size"] = "not asked";
  EXPECT_EQ(CheckPersonDetails(d, settings, kToday).field(), "not_known.shoe_size");
  d = Complete();
  d.not_known["religion"] = " ";
  EXPECT_EQ(CheckPersonDetails(d, settings, kToday).field(), "not_known.religion");
}

// EQU-01: partnership value lists are enforced when configured.
TEST(PersonRules, EQU01_AllowedValuesFromSettings) {
  Settings settings;
  settings.ethnicities = {"White - British", "Indian"};
  PersonDetails d = Complete();
  d.ethnicity = "Martian";
  EXPECT_EQ(CheckPersonDetails(d, settings, kToday).field(), "ethnicity");
}

// REC-02: a record lacking a required detail is incomplete until it is supplied or marked
// not known with a reason.
TEST(PersonRules, REC02_MissingDetailsUntilSuppliedOrNotKnown) {
  Settings settings;
  Person p;
  p.details = Complete();
  CaseRecord record;
  record.council_reference = "CW000001";
  auto missing = MissingDetails(p, &record, settings);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].field, "address");
  p.current_address = Address{"a1", "12 Mill Lane", "", "Preston", "PR1 2AB", std::nullopt, std::nullopt};
  p.details.religion.clear();
  missing = MissingDetails(p, &record, settings);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].field, "religion");
  p.details.not_known["religion"] = "Mother declined to say";
  EXPECT_TRUE(MissingDetails(p, &record, settings).empty());
}

// REC-04: an unborn child is asked only for what can be known before birth.
TEST(PersonRules, REC04_UnbornChildNeedsOnlyReference) {
  Settings settings;
  Person p;
  p.details.given_names = "Unborn";
  p.details.family_name = "Clarke";
  p.birth = BirthDetails{};
  CaseRecord record;
  EXPECT_EQ(MissingDetails(p, &record, settings).size(), 1u);
  record.council_reference = "CW000002";
  EXPECT_TRUE(MissingDetails(p, &record, settings).empty());
  EXPECT_EQ(p.DisplayName(), "Unborn Clarke");
}

}  // namespace
}  // namespace casework
