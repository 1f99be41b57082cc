// How a person is related to a child: family, household, and who holds parental
// responsibility. Relationships are read from the child's side: the related person is the
// child's parent, carer, sibling...
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace casework {

enum class RelationshipType {
  kParent,
  kStepParent,
  kCarer,
  kSibling,
  kGrandparent,
  kHouseholdMember,
  kOther,
};
const char* RelationshipTypeName(RelationshipType type);
std::optional<RelationshipType> ParseRelationshipType(std::string_view text);

struct Relationship {
  std::string id;
  std::string child_id;
  std::string related_person_id;
  RelationshipType type = RelationshipType::kOther;
  bool parental_responsibility = false;
  bool lives_with_child = false;
  std::string description;  // what "other" means, or detail such as "maternal grandmother"
  std::optional<Date> ended_on;
};

}  // namespace casework
