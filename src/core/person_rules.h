// Rules for a person's details: what is valid (REC-02, REC-03, EQU-01, PRA-08) and what is
// still missing from a record.
#pragma once

#include <string>
#include <vector>

#include "core/case_record.h"
#include "core/person.h"
#include "core/settings.h"
#include "core/status.h"

namespace casework {

// The details a partnership can require, with the words shown to users.
struct DetailField {
  const char* name;
  const char* label;
};
const std::vector<DetailField>& DetailFields();
bool IsDetailField(std::string_view name);

// Ok, or the first invalid detail. Normalises the NHS number to ten digits in place.
// Dates of birth may not be in the future (an unborn child's expected date is kept apart).
Status CheckPersonDetails(PersonDetails& details, const Settings& settings, Date today);

Status CheckAddress(const Address& address);

struct MissingDetail {
  std::string field;
  std::string label;
};

// The required details this person's record still lacks: neither supplied nor marked "not
// known" with a reason. record is the child's case record, or null for anyone else.
std::vector<MissingDetail> MissingDetails(const Person& person, const CaseRecord* record,
                                          const Settings& settings);

}  // namespace casework
