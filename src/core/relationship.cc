#include "core/relationship.h"

namespace casework {

const char* RelationshipTypeName(RelationshipType type) {
  switch (type) {
    case RelationshipType::kParent: return "parent";
    case RelationshipType::kStepParent: return "step_parent";
    case RelationshipType::kCarer: return "carer";
    case RelationshipType::kSibling: return "sibling";
    case RelationshipType::kGrandparent: return "grandparent";
    case RelationshipType::kHouseholdMember: return "household_member";
    case RelationshipType::kOther: return "other";
  }
  return "other";
}

std::optional<RelationshipType> ParseRelationshipType(std::string_view text) {
  for (int i = 0; i <= static_cast<int>(RelationshipType::kOther); ++i) {
    auto type = static_cast<RelationshipType>(i);
    if (text == RelationshipTypeName(type)) return type;
  }
  return std::nullopt;
}

}  // namespace casework
