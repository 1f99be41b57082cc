// Spotting that a person being entered may already be known (REC-06), so the user can open
// the existing record instead of splitting one person's history across two.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace casework {

// What the store found about someone who shares a date of birth, NHS number or postcode with
// the person being entered.
struct DuplicateCandidate {
  std::string person_id;
  std::string display_name;
  std::optional<Date> date_of_birth;
  std::string nhs_number;
  std::string postcode;  // folded (see FoldPostcode)
  std::vector<std::string> names;  // every name known, folded "given family"
};

struct DuplicateProbe {
  std::string given_names;
  std::string family_name;
  std::optional<Date> date_of_birth;
  std::string nhs_number;
  std::string postcode;
};

enum class DuplicateReason { kSameNhsNumber, kSimilarNameSameDateOfBirth, kSameNameAndAddress };
const char* DuplicateReasonText(DuplicateReason reason);

struct DuplicateMatch {
  std::string person_id;
  std::string display_name;
  std::vector<DuplicateReason> reasons;
};

std::vector<DuplicateMatch> FindLikelyDuplicates(const DuplicateProbe& probe,
                                                 const std::vector<DuplicateCandidate>& candidates);

// Two folded names ("given family") that probably belong to the same person: small spelling
// differences, a shortened first name, or given and family names swapped.
bool NamesSimilar(const std::string& a, const std::string& b);

// Levenshtein distance in bytes, for short folded names.
int EditDistance(std::string_view a, std::string_view b);

}  // namespace casework
