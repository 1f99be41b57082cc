// A person known to the service: a child with a case record, or a family member or other
// person linked to one. These are the current-state values; every change to them is also a
// journal item on the person's own record, so their history is never lost.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace casework {

struct Address {
  std::string id;
  std::string line1;
  std::string line2;
  std::string town;
  std::string postcode;
  std::optional<Date> from;
  std::optional<Date> to;  // empty while it is the current address
};

enum class NameKind { kAlias, kPrevious, kBirthCertificate, kRegistered };
const char* NameKindName(NameKind kind);
std::optional<NameKind> ParseNameKind(std::string_view text);

struct OtherName {
  std::string id;
  NameKind kind = NameKind::kAlias;
  std::string given_names;
  std::string family_name;
  std::string note;
  Timestamp recorded_at{};
};

struct Identifier {
  std::string scheme;  // "UPN", "ULN", "police PNC"...
  std::string value;
};

// Details a user supplies about a person. Empty strings mean "not yet recorded".
struct PersonDetails {
  std::string given_names;
  std::string family_name;
  std::optional<Date> date_of_birth;
  std::string gender;
  std::string ethnicity;
  std::string religion;
  std::string first_language;
  std::optional<bool> interpreter_needed;
  std::string communication_needs;
  std::string disability;
  std::string nhs_number;  // ten digits, validated
  std::vector<Identifier> other_identifiers;
  // A required detail the user has marked "not known", with the reason why.
  std::map<std::string, std::string> not_known;
};

// Facts about an unborn child and, later, the birth. Present only for a record that began
// before birth.
struct BirthDetails {
  bool unborn = true;
  std::string mother_person_id;
  std::string mother_family_name;
  std::string mother_nhs_number;
  std::optional<Date> expected_date_of_delivery;
  std::optional<Date> born_on;
  std::optional<Date> registered_on;  // empty until the birth is known to be registered
};

struct BirthCertificate {
  Date seen_on;
  std::string seen_by;  // name and post title of the practitioner who saw it
};

struct Person {
  std::string id;
  int64_t version = 0;  // for refusing an update based on stale data
  PersonDetails details;
  std::optional<BirthDetails> birth;
  std::optional<BirthCertificate> birth_certificate;
  std::optional<Address> current_address;
  Timestamp created_at{};
  Timestamp updated_at{};

  // The name used: given and family names. Before birth these hold "Unborn" and the
  // mother's surname (REC-04).
  std::string DisplayName() const;
};

// One line of a search result or list: enough to tell people apart and open the right one.
struct PersonSummary {
  std::string id;
  std::string display_name;
  std::optional<Date> date_of_birth;
  std::string nhs_number;
  std::string council_reference;  // for a child with a case record
  std::string postcode;
  std::string matched_name;       // the alias or previous name that matched, if not the current
  bool unborn = false;
};

}  // namespace casework
