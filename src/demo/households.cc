#include "demo/households.h"

#include "demo/names.h"

namespace casework::demo {
namespace {

Date DaysBefore(Date day, int days) { return Date{date::sys_days{day} - date::days{days}}; }

PlannedPerson Adult(Rng& rng, const Heritage& h, bool woman, const std::string& family_name, Date today,
                    int min_age, int max_age) {
  PlannedPerson p;
  PersonDetails& d = p.details;
  d.given_names = rng.Pick(woman ? h.women : h.men);
  d.family_name = family_name;
  d.gender = woman ? "Female" : "Male";
  d.ethnicity = h.ethnicity;
  d.religion = rng.Pick(h.religions);
  d.first_language = rng.Pick(h.first_languages);
  if (d.first_language != std::string("English")) d.interpreter_needed = rng.Chance(0.4);
  // Families often do not give an adult's date of birth at first contact.
  if (rng.Chance(0.8)) d.date_of_birth = DaysBefore(today, rng.Between(min_age * 365, max_age * 365));
  else d.not_known["date_of_birth"] = "Not given at first contact; to ask at the next visit";
  if (rng.Chance(0.1)) {
    p.other_names.push_back({"", NameKind::kAlias, std::string(d.given_names).substr(0, 3), family_name,
                             "what friends and family call her or him", {}});
  }
  return p;
}

}  // namespace

std::string TestNhsNumber(Rng& rng, std::unordered_set<std::string>& used) {
  while (true) {
    std::string digits = "999";
    for (int i = 0; i < 6; ++i) digits += static_cast<char>('0' + rng.Between(0, 9));
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * (10 - i);
    int check = 11 - sum % 11;
    if (check == 10) continue;
    digits += static_cast<char>('0' + (check == 11 ? 0 : check));
    if (used.insert(digits).second) return digits;
  }
}

Household PlanHousehold(Rng& rng, Date today, size_t max_children, std::unordered_set<std::string>& nhs_numbers) {
  Household hh;
  hh.heritage = rng.Index(HeritageWeights());
  const Heritage& h = Heritages()[hh.heritage];
  std::string family_name = rng.Pick(h.family_names);

  hh.address.line1 = std::to_string(rng.Between(1, 180)) + " " + rng.Pick(Streets());
  hh.address.town = kTown;
  hh.address.postcode = std::string(rng.Pick(PostcodeDistricts())) + " " + std::to_string(rng.Between(1, 9)) +
                        static_cast<char>('A' + rng.Between(0, 25)) + static_cast<char>('A' + rng.Between(0, 25));
  hh.address.from = DaysBefore(today, rng.Between(60, 3000));

  // The mother, and sometimes the children's father, a stepfather and a grandmother.
  hh.adults.push_back(Adult(rng, h, true, family_name, today, 19, 48));
  PlannedPerson& mother = hh.adults[0];
  if (rng.Chance(0.15)) {
    mother.other_names.push_back({"", NameKind::kPrevious, mother.details.given_names,
                                  rng.Pick(Heritages()[0].family_names), "maiden name", {}});
  }
  bool father = rng.Chance(0.6);
  bool father_lives_here = father && rng.Chance(0.45);
  if (father) hh.adults.push_back(Adult(rng, h, false, rng.Chance(0.7) ? family_name : rng.Pick(h.family_names),
                                        today, 21, 55));
  bool stepfather = !father_lives_here && rng.Chance(0.2);
  if (stepfather) hh.adults.push_back(Adult(rng, h, false, rng.Pick(h.family_names), today, 21, 50));
  bool grandmother = rng.Chance(0.25);
  if (grandmother) hh.adults.push_back(Adult(rng, h, true, family_name, today, 42, 75));

  static const std::vector<int> family_sizes = {0, 40, 30, 17, 8, 5};
  size_t children = std::min(max_children, rng.Index(family_sizes));
  int age_days = rng.Between(30, 17 * 365);
  for (size_t i = 0; i < std::max<size_t>(children, 1); ++i) {
    PlannedPerson c;
    PersonDetails& d = c.details;
    bool girl = rng.Chance(0.5);
    d.given_names = rng.Pick(girl ? h.girls : h.boys);
    d.family_name = family_name;
    d.gender = girl ? "Female" : "Male";
    d.date_of_birth = DaysBefore(today, age_days);
    d.first_language = rng.Chance(0.7) ? "English" : mother.details.first_language;
    d.disability = rng.Chance(0.1) ? rng.Pick(std::vector<std::string>{"Autism spectrum condition",
                                                                      "ADHD", "Cerebral palsy",
                                                                      "Global developmental delay"})
                                   : "None";
    // Some details are still missing when a record opens; some are known to be unknown.
    if (rng.Chance(0.88)) {
      d.ethnicity = h.ethnicity;
      d.religion = rng.Pick(h.religions);
    }
    if (rng.Chance(0.9)) d.nhs_number = TestNhsNumber(rng, nhs_numbers);
    else if (rng.Chance(0.5)) d.not_known["nhs_number"] = "Family newly arrived; not yet registered with a GP";
    if (rng.Chance(0.05)) {
      c.other_names.push_back({"", NameKind::kPrevious, d.given_names, rng.Pick(h.family_names),
                               "surname before the mother's marriage", {}});
    }
    if (rng.Chance(0.04)) {
      c.other_names.push_back({"", NameKind::kAlias, rng.Pick(girl ? h.girls : h.boys), family_name,
                               "the name the child asks to be called", {}});
    }
    hh.children.push_back(std::move(c));
    age_days -= rng.Between(400, 1400);
    if (age_days < 20) break;
  }

  for (size_t c = 0; c < hh.children.size(); ++c) {
    hh.links.push_back({c, 0, false, RelationshipType::kParent, true, true, "mother"});
    size_t next = 1;
    if (father) {
      hh.links.push_back({c, next++, false, RelationshipType::kParent, rng.Chance(0.85), father_lives_here,
                          "father"});
    }
    if (stepfather) {
      hh.links.push_back({c, next++, false, RelationshipType::kStepParent, false, true,
                          "mother's partner"});
    }
    if (grandmother) {
      hh.links.push_back({c, next++, false, RelationshipType::kGrandparent, false, rng.Chance(0.2),
                          "maternal grandmother"});
    }
    for (size_t s = 0; s < hh.children.size(); ++s) {
      if (s != c) hh.links.push_back({c, s, true, RelationshipType::kSibling, false, true, "sibling"});
    }
  }
  if (rng.Chance(0.06)) hh.baby_due = Date{date::sys_days{today} + date::days{rng.Between(20, 200)}};
  return hh;
}

}  // namespace casework::demo
