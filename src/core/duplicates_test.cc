#include "core/duplicates.h"

#include <gtest/gtest.h>

namespace casework {
namespace {

Date D(const char* s) { return *ParseDate(s, "d"); }

DuplicateCandidate Candidate(const char* id, std::vector<std::string> names, const char* dob, const char* nhs,
                             const char* postcode) {
  return {id, "someone", D(dob), nhs, postcode, std::move(names)};
}

TEST(Duplicates, NamesSimilarToleratesTyposShortFormsAndSwaps) {
  EXPECT_TRUE(NamesSimilar("jon smith", "jonathan smith"));
  EXPECT_TRUE(NamesSimilar("katherine oconnor", "kathrine oconnor"));
  EXPECT_TRUE(NamesSimilar("smith jon", "jon smith"));
  EXPECT_FALSE(NamesSimilar("jon smith", "mary smith"));
  EXPECT_FALSE(NamesSimilar("amy li", "ann lu"));
}

// REC-06: likely duplicates are found on NHS number, similar name with the same date of
// birth, and same name and address.
TEST(Duplicates, REC06_FindsEachKindOfLikelyDuplicate) {
  DuplicateProbe probe{"Jon", "Smith", D("2015-06-01"), "9434765919", "PR1 2AB"};
  std::vector<DuplicateCandidate> candidates = {
      Candidate("same-nhs", {"someone else"}, "2001-01-01", "9434765919", ""),
      Candidate("similar-dob", {"jonathan smith"}, "2015-06-01", "", "LA1 1AA"),
      Candidate("same-address", {"jon smith"}, "2016-01-01", "", "PR12AB"),
      Candidate("unrelated", {"mary jones"}, "2015-06-01", "", "PR12AB"),
  };
  auto matches = FindLikelyDuplicates(probe, candidates);
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].person_id, "same-nhs");
  EXPECT_EQ(matches[0].reasons, std::vector<DuplicateReason>{DuplicateReason::kSameNhsNumber});
  EXPECT_EQ(matches[1].person_id, "similar-dob");
  EXPECT_EQ(matches[1].reasons, std::vector<DuplicateReason>{DuplicateReason::kSimilarNameSameDateOfBirth});
  EXPECT_EQ(matches[2].person_id, "same-address");
  EXPECT_EQ(matches[2].reasons, std::vector<DuplicateReason>{DuplicateReason::kSameNameAndAddress});
}

// REC-05, REC-06: an alias counts as a name when looking for duplicates.
TEST(Duplicates, REC06_MatchesOnAliases) {
  DuplicateProbe probe{"Kayleigh", "Price", D("2012-02-02"), "", ""};
  auto matches = FindLikelyDuplicates(
      probe, {Candidate("aka", {"kayleigh jones", "kayleigh price"}, "2012-02-02", "", "")});
  ASSERT_EQ(matches.size(), 1u);
}

}  // namespace
}  // namespace casework
