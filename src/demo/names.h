// Who lives in the demo's council area: names weighted by how often they are given in England
// and Wales, grouped by heritage so a family's names, ethnicity, religion and first language
// belong together, as they would on real records.
#pragma once

#include <vector>

#include "demo/demo_random.h"

namespace casework::demo {

struct Heritage {
  const char* ethnicity;  // as the partnership's ethnicity list spells it
  std::vector<Weighted> religions;
  std::vector<Weighted> first_languages;
  std::vector<Weighted> family_names;
  std::vector<Weighted> girls, boys;    // born since 2008
  std::vector<Weighted> women, men;     // parents' generation
  std::vector<Weighted> grandmothers;
};

// Heritages in proportion to a northern English city's children in need.
const std::vector<Heritage>& Heritages();
const std::vector<int>& HeritageWeights();

// Streets and postcode districts for addresses in the demo's area.
const std::vector<const char*>& Streets();
const std::vector<const char*>& PostcodeDistricts();
inline constexpr char kTown[] = "Leeds";

// Schools, GP practices and the like, for entries that name other agencies.
const std::vector<const char*>& Schools();

}  // namespace casework::demo
