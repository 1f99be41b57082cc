// Families as a council's children's services meet them: one to five children, a mother
// nearly always, a father or step-parent some of the time, grandparents who help; some
// people known by other names; some details not yet known; now and then a baby on the way.
// Plain data: demo_data.cc writes it through the use cases.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/person.h"
#include "core/relationship.h"
#include "demo/demo_random.h"

namespace casework::demo {

struct PlannedPerson {
  PersonDetails details;
  std::vector<OtherName> other_names;  // aliases and earlier names
  std::string id;                      // once created
};

// A relationship from the side of children[child]: to adults[other], or to another child.
struct PlannedLink {
  size_t child = 0;
  size_t other = 0;
  bool other_is_child = false;
  RelationshipType type = RelationshipType::kOther;
  bool parental_responsibility = false;
  bool lives_with_child = false;
  std::string description;
};

struct Household {
  size_t heritage = 0;
  Address address;
  std::vector<PlannedPerson> adults;  // adults[0] is the children's mother
  std::vector<PlannedPerson> children;
  std::vector<PlannedLink> links;
  std::optional<Date> baby_due;  // the mother is expecting
};

// A household whose children number at most max_children, aged as on the given day.
// nhs_numbers holds those already used, so none repeats.
Household PlanHousehold(Rng& rng, Date today, size_t max_children, std::unordered_set<std::string>& nhs_numbers);

// A valid NHS number in the range the NHS keeps for testing (999...), not yet in used.
std::string TestNhsNumber(Rng& rng, std::unordered_set<std::string>& used);

}  // namespace casework::demo
