#include "core/information_sharing.h"

#include <gtest/gtest.h>

namespace casework {
namespace {

constexpr Date kToday = date::year{2026} / 11 / 20;

Consent Decided(const std::string& purpose, ConsentDecision decision, Date on, int recorded_second = 0) {
  Consent c;
  c.id = purpose + "-" + ConsentDecisionName(decision);
  c.purpose = purpose;
  c.decision = decision;
  c.decided_on = on;
  c.decided_by = "Kerry Clarke, mother";
  c.recorded_at = Timestamp{} + std::chrono::seconds(recorded_second);
  return c;
}

Disclosure WithoutConsent() {
  Disclosure d;
  d.information = "Concerns about bruising seen at the visit";
  d.recipient = "DC Hale, child abuse investigation team";
  d.disclosed_on = kToday;
  d.purpose = "Strategy discussion";
  d.basis = LawfulBasis::kSignificantHarm;
  d.necessary = "The police must know to plan a joint investigation.";
  d.proportionate = "Only the visit's findings, to the investigating officer.";
  d.decided_by = "Maureen Hughes, Team Manager";
  return d;
}

// SHR-01: consent needs a purpose, who decided and a date that has happened.
TEST(InformationSharing, SHR01_ConsentNeedsPurposeWhoAndDate) {
  Consent c = Decided("School nurse", ConsentDecision::kGiven, kToday);
  EXPECT_TRUE(CheckConsent(c, kToday).ok());
  Consent no_purpose = c;
  no_purpose.purpose = "  ";
  EXPECT_EQ(CheckConsent(no_purpose, kToday).field(), "purpose");
  Consent nobody = c;
  nobody.decided_by = "";
  EXPECT_EQ(CheckConsent(nobody, kToday).field(), "decided_by");
  Consent tomorrow = c;
  tomorrow.decided_on = Date{date::sys_days{kToday} + date::days{1}};
  EXPECT_EQ(CheckConsent(tomorrow, kToday).field(), "decided_on");
  EXPECT_EQ(ParseConsentDecision("withdrawn"), ConsentDecision::kWithdrawn);
  EXPECT_FALSE(ParseConsentDecision("maybe"));
}

// SHR-01: the latest decision for a purpose is in force, whatever order they were entered in;
// purposes match ignoring case and spacing.
TEST(InformationSharing, SHR01_LatestDecisionPerPurposeIsInForce) {
  Date earlier = date::year{2026} / 10 / 1;
  std::vector<Consent> history = {
      Decided("School  nurse", ConsentDecision::kWithdrawn, kToday, 1),
      Decided("school nurse", ConsentDecision::kGiven, earlier, 2),  // entered later, decided earlier
      Decided("GP", ConsentDecision::kRefused, earlier, 3),
  };
  std::vector<Consent> in_force = ConsentsInForce(history);
  ASSERT_EQ(in_force.size(), 2u);
  EXPECT_EQ(in_force[0].purpose, "GP");
  EXPECT_EQ(in_force[1].decision, ConsentDecision::kWithdrawn);
  // Two decisions on the same day: the one recorded last.
  history.push_back(Decided("School nurse", ConsentDecision::kGiven, kToday, 4));
  EXPECT_EQ(ConsentsInForce(history)[1].decision, ConsentDecision::kGiven);
}

// SHR-02: a disclosure rests on consent only while consent for its purpose is given.
TEST(InformationSharing, SHR02_ConsentReliedOnMustBeInForce) {
  std::vector<Consent> history = {Decided("School nurse", ConsentDecision::kGiven, date::year{2026} / 10 / 1, 1)};
  Result<Consent> given = ConsentToRelyOn(history, "school nurse");
  ASSERT_TRUE(given.ok());
  EXPECT_EQ(given->id, history[0].id);
  EXPECT_EQ(ConsentToRelyOn(history, "GP").status().field(), "lawful_basis");
  history.push_back(Decided("School nurse", ConsentDecision::kWithdrawn, kToday, 2));
  Status withdrawn = ConsentToRelyOn(history, "School nurse").status();
  EXPECT_EQ(withdrawn.field(), "lawful_basis");
  EXPECT_NE(withdrawn.message().find("withdrawn"), std::string::npos);
}

// SHR-02: without consent, the disclosure says why it is necessary and proportionate, and who
// decided; a disclosure on consent carries none of that.
TEST(InformationSharing, SHR02_SharingWithoutConsentNeedsJustification) {
  EXPECT_TRUE(CheckDisclosure(WithoutConsent(), kToday).ok());
  for (auto [field, clear] : std::initializer_list<std::pair<const char*, void (*)(Disclosure&)>>{
           {"necessary", [](Disclosure& d) { d.necessary.clear(); }},
           {"proportionate", [](Disclosure& d) { d.proportionate.clear(); }},
           {"decided_by", [](Disclosure& d) { d.decided_by.clear(); }}}) {
    Disclosure d = WithoutConsent();
    clear(d);
    EXPECT_EQ(CheckDisclosure(d, kToday).field(), field);
  }
  Disclosure on_consent = WithoutConsent();
  on_consent.basis = LawfulBasis::kConsent;
  EXPECT_EQ(CheckDisclosure(on_consent, kToday).field(), "necessary");
  on_consent.necessary = on_consent.proportionate = on_consent.decided_by = "";
  EXPECT_TRUE(CheckDisclosure(on_consent, kToday).ok());
}

// SHR-03: a disclosure says what, to whom, when and why.
TEST(InformationSharing, SHR03_DisclosureSaysWhatToWhomWhenAndWhy) {
  for (auto [field, clear] : std::initializer_list<std::pair<const char*, void (*)(Disclosure&)>>{
           {"information", [](Disclosure& d) { d.information.clear(); }},
           {"recipient", [](Disclosure& d) { d.recipient.clear(); }},
           {"purpose", [](Disclosure& d) { d.purpose.clear(); }},
           {"disclosed_on", [](Disclosure& d) { d.disclosed_on = date::year{2027} / 1 / 1; }}}) {
    Disclosure d = WithoutConsent();
    clear(d);
    EXPECT_EQ(CheckDisclosure(d, kToday).field(), field);
  }
  EXPECT_EQ(ParseLawfulBasis("public_interest"), LawfulBasis::kPublicInterest);
  EXPECT_FALSE(ParseLawfulBasis("convenience"));
}

}  // namespace
}  // namespace casework
