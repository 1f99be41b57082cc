#include "http/person_input.h"

namespace casework::http {

void ReadDetails(JsonReader& r, PersonDetails& d) {
  d.given_names = r.String("given_names");
  d.family_name = r.String("family_name");
  d.date_of_birth = r.OptDate("date_of_birth");
  d.gender = r.String("gender");
  d.ethnicity = r.String("ethnicity");
  d.religion = r.String("religion");
  d.first_language = r.String("first_language");
  d.interpreter_needed = r.OptBool("interpreter_needed");
  d.communication_needs = r.String("communication_needs");
  d.disability = r.String("disability");
  d.nhs_number = r.String("nhs_number");
  r.Objects("other_identifiers", false, [&](JsonReader& id) {
    d.other_identifiers.push_back({id.String("scheme", true), id.String("value", true)});
  });
  if (auto nk = r.StringMap("not_known")) {
    for (auto& [field, reason] : *nk) d.not_known[field] = reason;
  }
}

void ReadAddressFields(JsonReader& r, Address& a) {
  a.line1 = r.String("line1", true);
  a.line2 = r.String("line2");
  a.town = r.String("town");
  a.postcode = r.String("postcode");
  a.from = r.OptDate("from");
  a.to = r.OptDate("to");
}

std::optional<Address> ReadAddress(JsonReader& r, const char* key) {
  Address a;
  if (!r.Object(key, false, [&](JsonReader& inner) { ReadAddressFields(inner, a); })) return std::nullopt;
  return a;
}

}  // namespace casework::http
