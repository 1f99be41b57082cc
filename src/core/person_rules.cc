#include "core/person_rules.h"

#include <algorithm>

#include "core/entry_rules.h"
#include "core/nhs_number.h"
#include "core/text.h"

namespace casework {
namespace {

constexpr size_t kNameChars = 200;
constexpr size_t kDetailChars = 500;

Status CheckAllowed(const std::string& value, const std::vector<std::string>& allowed, const std::string& field) {
  if (value.empty() || allowed.empty()) return Status::Ok();
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return Status::Ok();
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  return Status::Invalid(field, "must be one of the partnership's values: " + list);
}

bool Supplied(const Person& p, const CaseRecord* record, std::string_view field) {
  const PersonDetails& d = p.details;
  if (field == "full_name") return !IsBlank(d.given_names) && !IsBlank(d.family_name);
  if (field == "address") return p.current_address.has_value();
  if (field == "date_of_birth") return d.date_of_birth.has_value();
  if (field == "gender") return !d.gender.empty();
  if (field == "ethnicity") return !d.ethnicity.empty();
  if (field == "religion") return !d.religion.empty();
  if (field == "first_language") return !d.first_language.empty();
  if (field == "interpreter_needed") return d.interpreter_needed.has_value();
  if (field == "disability") return !d.disability.empty();
  if (field == "nhs_number") return !d.nhs_number.empty();
  if (field == "council_reference") return record != nullptr && !record->council_reference.empty();
  return true;
}

}  // namespace

const std::vector<DetailField>& DetailFields() {
  static const std::vector<DetailField> fields = {
      {"full_name", "full name"},
      {"address", "address"},
      {"date_of_birth", "date of birth"},
      {"gender", "gender"},
      {"ethnicity", "ethnicity"},
      {"religion", "religion"},
      {"first_language", "first language"},
      {"interpreter_needed", "whether an interpreter is needed"},
      {"disability", "disability"},
      {"nhs_number", "NHS number"},
      {"council_reference", "council reference"},
  };
  return fields;
}

bool IsDetailField(std::string_view name) {
  const auto& f = DetailFields();
  return std::any_of(f.begin(), f.end(), [&](const DetailField& d) { return name == d.name; });
}

Status CheckPersonDetails(PersonDetails& d, const Settings& settings, Date today) {
  if (IsBlank(d.given_names) && IsBlank(d.family_name)) {
    return Status::Invalid("family_name", "a person needs at least a given name or a family name");
  }
  CASEWORK_RETURN_IF_ERROR(CheckText(d.given_names, "given_names", kNameChars, false));
  CASEWORK_RETURN_IF_ERROR(CheckText(d.family_name, "family_name", kNameChars, false));
  if (d.date_of_birth) {
    if (date::sys_days{*d.date_of_birth} > date::sys_days{today}) {
      return Status::Invalid("date_of_birth", "is in the future; record an unborn child with its expected date of delivery instead");
    }
    if (d.date_of_birth->year() < date::year{1900}) {
      return Status::Invalid("date_of_birth", "is before 1900, which cannot be right");
    }
  }
  for (auto [value, field] : {std::pair{&d.gender, "gender"}, {&d.ethnicity, "ethnicity"}, {&d.religion, "religion"},
                              {&d.first_language, "first_language"}, {&d.communication_needs, "communication_needs"},
                              {&d.disability, "disability"}}) {
    CASEWORK_RETURN_IF_ERROR(CheckText(*value, field, kDetailChars, false));
  }
  CASEWORK_RETURN_IF_ERROR(CheckAllowed(d.gender, settings.genders, "gender"));
  CASEWORK_RETURN_IF_ERROR(CheckAllowed(d.ethnicity, settings.ethnicities, "ethnicity"));
  CASEWORK_RETURN_IF_ERROR(CheckAllowed(d.religion, settings.religions, "religion"));
  if (!d.nhs_number.empty()) {
    auto normal = NormaliseNhsNumber(d.nhs_number);
    if (!normal) {
      return Status::Invalid("nhs_number", "is not a valid NHS number: it must be ten digits whose last digit "
                                           "passes the Modulus 11 check");
    }
    d.nhs_number = *normal;
  }
  for (size_t i = 0; i < d.other_identifiers.size(); ++i) {
    std::string at = "other_identifiers[" + std::to_string(i) + "]";
    CASEWORK_RETURN_IF_ERROR(CheckText(d.other_identifiers[i].scheme, at + ".scheme", kNameChars, true));
    CASEWORK_RETURN_IF_ERROR(CheckText(d.other_identifiers[i].value, at + ".value", kNameChars, true));
  }
  for (const auto& [field, reason] : d.not_known) {
    if (!IsDetailField(field)) return Status::Invalid("not_known." + field, "is not a detail a record holds");
    CASEWORK_RETURN_IF_ERROR(CheckText(reason, "not_known." + field, kDetailChars, true));
  }
  return Status::Ok();
}

Status CheckAddress(const Address& a) {
  CASEWORK_RETURN_IF_ERROR(CheckText(a.line1, "line1", kDetailChars, true));
  CASEWORK_RETURN_IF_ERROR(CheckText(a.line2, "line2", kDetailChars, false));
  CASEWORK_RETURN_IF_ERROR(CheckText(a.town, "town", kDetailChars, false));
  CASEWORK_RETURN_IF_ERROR(CheckText(a.postcode, "postcode", 10, false));
  if (a.from && a.to && date::sys_days{*a.to} < date::sys_days{*a.from}) {
    return Status::Invalid("to", "is before the date the person moved in");
  }
  return Status::Ok();
}

std::vector<MissingDetail> MissingDetails(const Person& person, const CaseRecord* record, const Settings& settings) {
  const auto& required = record ? settings.required_details_child : settings.required_details_other;
  std::vector<MissingDetail> out;
  for (const DetailField& f : DetailFields()) {
    if (std::find(required.begin(), required.end(), f.name) == required.end()) continue;
    if (person.details.not_known.count(f.name)) continue;
    // An unborn child cannot yet have most details; only what is knowable is required.
    if (person.birth && person.birth->unborn && std::string_view(f.name) != "council_reference") continue;
    if (!Supplied(person, record, f.name)) out.push_back({f.name, f.label});
  }
  return out;
}

}  // namespace casework
