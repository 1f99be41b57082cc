#include "core/plain_language.h"

#include <gtest/gtest.h>

namespace casework {
namespace {

using Words = std::vector<std::string>;

TEST(PlainLanguage, ENT09_FindsAcronymsOnceInOrder) {
  EXPECT_EQ(FindAcronyms("Referred to CAMHS after the S47; CAMHS to advise the GP."),
            (Words{"CAMHS", "S47", "GP"}));
  EXPECT_EQ(FindAcronyms("Discussed with the LAC/CLA nurse and two GPs (MASH)."), (Words{"LAC", "CLA", "GP", "MASH"}));
}

TEST(PlainLanguage, ENT09_OrdinaryWordsAreNotAcronyms) {
  EXPECT_TRUE(FindAcronyms("I saw Sam at 10:30 on 3 March; Mum said A was fine. CAFÉ and Is.").empty());
  EXPECT_FALSE(LooksLikeAcronym("Mum"));
  EXPECT_FALSE(LooksLikeAcronym("I"));
  EXPECT_FALSE(LooksLikeAcronym("47"));
  EXPECT_TRUE(LooksLikeAcronym("S47"));
  EXPECT_TRUE(LooksLikeAcronym("EHCPs"));
}

TEST(PlainLanguage, ENT09_ReturnsOnlyThoseTheGlossaryLacks) {
  Glossary glossary{{"GP", "General practitioner"}, {"CP", "Child protection"}};
  Entry e;
  e.title = "CP visit";
  e.text = "Spoke to the GP and the IRO.";
  e.contact = ContactDetails{};
  e.contact->participants.push_back({"Ann Lee", "SENCO", "Oak School"});
  e.decision = DecisionDetails{"Jo", "Team manager", "Start PLO; see the GP", {}};
  EXPECT_EQ(UndefinedAcronyms(e, glossary), (Words{"IRO", "SENCO", "PLO"}));
  glossary["IRO"] = "Independent reviewing officer";
  glossary["SENCO"] = "Special educational needs coordinator";
  glossary["PLO"] = "Public Law Outline";
  EXPECT_TRUE(UndefinedAcronyms(e, glossary).empty());
}

}  // namespace
}  // namespace casework
