#include "app/access.h"
#include "app/timescales.h"
#include "app/domain_json.h"
#include "app/journal_writer.h"
#include "app/person_support.h"
#include "app/persons.h"
#include "core/entry_rules.h"
#include "core/journal_kinds.h"
#include "core/nhs_number.h"
#include "core/person_rules.h"
#include "core/text.h"
#include "store/person_repo.h"

namespace casework::app {
namespace json = boost::json;
namespace {

template <typename T>
void Apply(const std::optional<T>& change, T& field) {
  if (change) field = *change;
}

// {"field": {"from": ..., "to": ...}} for each detail that differs.
json::object Changes(const PersonDetails& before, const PersonDetails& after) {
  json::object was = DetailsJson(before), now = DetailsJson(after), out;
  for (const auto& [key, value] : now) {
    if (was[key] != value) out[key] = json::object{{"from", was[key]}, {"to", value}};
  }
  return out;
}

bool TouchesBirthFacts(const DetailsPatch& p) {
  return p.given_names || p.family_name || p.date_of_birth || p.nhs_number;
}

// Loads the person for a change made under WriteToRecord.
Person Load(store::Connection& c, const std::string& id) { return *store::PersonRepo(c).Get(id); }

}  // namespace

Result<Person> UpdateDetails(const Services& s, const Actor& actor, const std::string& person_id,
                             const DetailsPatch& patch) {
  Person person;
  Status st = WriteToRecord(s, actor, person_id, "changed details", [&](store::Connection& c) {
    person = Load(c, person_id);
    if (person.birth && person.birth->unborn && TouchesBirthFacts(patch)) {
      return Status::Invalid("date_of_birth",
                             "an unborn child's name, date of birth and NHS number are set when the birth is recorded");
    }
    PersonDetails d = person.details;
    Apply(patch.given_names, d.given_names);
    Apply(patch.family_name, d.family_name);
    Apply(patch.gender, d.gender);
    Apply(patch.ethnicity, d.ethnicity);
    Apply(patch.religion, d.religion);
    Apply(patch.first_language, d.first_language);
    Apply(patch.communication_needs, d.communication_needs);
    Apply(patch.disability, d.disability);
    Apply(patch.nhs_number, d.nhs_number);
    Apply(patch.date_of_birth, d.date_of_birth);
    Apply(patch.interpreter_needed, d.interpreter_needed);
    Apply(patch.other_identifiers, d.other_identifiers);
    Apply(patch.not_known, d.not_known);
    CASEWORK_RETURN_IF_ERROR(CheckPersonDetails(d, s.settings, Today(s)));
    CASEWORK_RETURN_IF_ERROR(NhsNumberFree(c, d.nhs_number, "nhs_number", person_id));
    json::object changes = Changes(person.details, d);
    if (changes.empty()) return Status::Ok();
    if (d.given_names != person.details.given_names || d.family_name != person.details.family_name) {
      store::PersonRepo(c).SetCurrentName(person_id, s.ids.Next(), d.given_names, d.family_name, NameKind::kPrevious,
                                          s.clock.Now());
    }
    person.details = std::move(d);
    return SavePerson(c, s, actor, person, patch.version, kinds::kDetailsChanged,
                      json::object{{"changes", std::move(changes)}});
  });
  if (!st.ok()) return st;
  return person;
}

Status AddAddress(const Services& s, const Actor& actor, const std::string& person_id, Address address) {
  CASEWORK_RETURN_IF_ERROR(CheckAddress(address));
  if (address.to) return Status::Invalid("to", "a new current address has no end date; record earlier addresses with their dates");
  return WriteToRecord(s, actor, person_id, "recorded a new address", [&](store::Connection& c) {
    address.id = s.ids.Next();
    store::PersonRepo(c).AddAddress(person_id, address, s.clock.Now());
    Person person = Load(c, person_id);
    RefreshMissing(c, s, person);
    AppendItem(c, s, actor, {person_id, kinds::kAddressChanged, std::nullopt, "",
                             json::object{{"address", AddressJson(address)}}});
    return Status::Ok();
  });
}

Result<OtherName> AddOtherName(const Services& s, const Actor& actor, const std::string& person_id, OtherName name) {
  if (name.kind != NameKind::kAlias && name.kind != NameKind::kPrevious) {
    return Status::Invalid("kind", "must be alias or previous; a birth certificate name is recorded as seen");
  }
  if (IsBlank(name.given_names) && IsBlank(name.family_name)) {
    return Status::Invalid("family_name", "a name needs at least a given name or a family name");
  }
  CASEWORK_RETURN_IF_ERROR(CheckText(name.given_names, "given_names", 200, false));
  CASEWORK_RETURN_IF_ERROR(CheckText(name.family_name, "family_name", 200, false));
  CASEWORK_RETURN_IF_ERROR(CheckText(name.note, "note", 500, false));
  Status st = WriteToRecord(s, actor, person_id, "recorded another name", [&](store::Connection& c) {
    name.id = s.ids.Next();
    name.recorded_at = s.clock.Now();
    store::PersonRepo(c).AddName(person_id, name);
    AppendItem(c, s, actor, {person_id, kinds::kNameAdded, std::nullopt, "", json::object{{"name", NameJson(name)}}});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return name;
}

Result<Person> RecordBirthCertificate(const Services& s, const Actor& actor, const std::string& person_id,
                                      const BirthCertificateSeen& seen) {
  if (IsBlank(seen.given_names) || IsBlank(seen.family_name)) {
    return Status::Invalid(IsBlank(seen.given_names) ? "given_names" : "family_name",
                           "is required: give the name exactly as the birth certificate shows it");
  }
  if (date::sys_days{seen.seen_on} > date::sys_days{Today(s)}) {
    return Status::Invalid("seen_on", "is in the future");
  }
  CASEWORK_RETURN_IF_ERROR(CheckText(seen.note, "note", 500, false));
  Person person;
  Status st = WriteToRecord(s, actor, person_id, "recorded the birth certificate as seen", [&](store::Connection& c) {
    person = Load(c, person_id);
    if (person.birth && person.birth->unborn) return Status::Invalid("seen_on", "the child has not yet been born");
    int64_t version = person.version;
    json::object body{{"given_names", seen.given_names}, {"family_name", seen.family_name},
                      {"seen_on", FormatDate(seen.seen_on)}, {"note", seen.note},
                      {"name_before", person.DisplayName()}};
    // REC-05: the certificate's name is the name used from now on; the old one stays findable.
    store::PersonRepo(c).SetCurrentName(person_id, s.ids.Next(), seen.given_names, seen.family_name,
                                        NameKind::kPrevious, s.clock.Now());
    person.details.given_names = Trim(seen.given_names);
    person.details.family_name = Trim(seen.family_name);
    person.birth_certificate = BirthCertificate{seen.seen_on, actor.user.full_name + ", " + actor.user.post_title};
    return SavePerson(c, s, actor, person, version, kinds::kBirthCertificateSeen, std::move(body));
  });
  if (!st.ok()) return st;
  return person;
}

Result<Person> RecordBirth(const Services& s, const Actor& actor, const std::string& person_id, Birth birth) {
  if (IsBlank(birth.given_names)) return Status::Invalid("given_names", "is required");
  if (IsBlank(birth.family_name)) return Status::Invalid("family_name", "is required");
  if (date::sys_days{birth.born_on} > date::sys_days{Today(s)}) {
    return Status::Invalid("born_on", "is in the future");
  }
  if (!birth.nhs_number.empty()) {
    auto normal = NormaliseNhsNumber(birth.nhs_number);
    if (!normal) return Status::Invalid("nhs_number", "is not a valid NHS number");
    birth.nhs_number = *normal;
  }
  Person person;
  Status st = WriteToRecord(s, actor, person_id, "recorded the birth", [&](store::Connection& c) {
    person = Load(c, person_id);
    if (!person.birth || !person.birth->unborn) {
      return Status::Conflict("this record is not of an unborn child, so there is no birth to record");
    }
    CASEWORK_RETURN_IF_ERROR(NhsNumberFree(c, birth.nhs_number, "nhs_number", person_id));
    int64_t version = person.version;
    json::object body{{"before", json::object{{"name", person.DisplayName()},
                                              {"date_of_birth", DateJson(person.details.date_of_birth)},
                                              {"mother_nhs_number", person.birth->mother_nhs_number}}},
                      {"after", json::object{{"given_names", birth.given_names},
                                             {"family_name", birth.family_name},
                                             {"date_of_birth", FormatDate(birth.born_on)},
                                             {"nhs_number", birth.nhs_number}}}};
    store::PersonRepo(c).SetCurrentName(person_id, s.ids.Next(), birth.given_names, birth.family_name,
                                        NameKind::kPrevious, s.clock.Now());
    person.details.given_names = Trim(birth.given_names);
    person.details.family_name = Trim(birth.family_name);
    person.details.date_of_birth = birth.born_on;
    person.details.nhs_number = birth.nhs_number;
    if (!birth.gender.empty()) person.details.gender = birth.gender;
    person.birth->unborn = false;
    person.birth->born_on = birth.born_on;
    CASEWORK_RETURN_IF_ERROR(SavePerson(c, s, actor, person, version, kinds::kBirthRecorded, std::move(body)));
    ApplyTimescaleEvent(c, s, actor, person_id, {"birth", birth.born_on, ""});  // REC-04
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return person;
}

Result<Person> RecordBirthRegistered(const Services& s, const Actor& actor, const std::string& person_id,
                                     Date registered_on) {
  if (date::sys_days{registered_on} > date::sys_days{Today(s)}) {
    return Status::Invalid("registered_on", "is in the future");
  }
  Person person;
  Status st = WriteToRecord(s, actor, person_id, "recorded the birth as registered", [&](store::Connection& c) {
    person = Load(c, person_id);
    if (!person.birth || person.birth->unborn || !person.birth->born_on) {
      return Status::Conflict("the birth must be recorded before its registration");
    }
    if (date::sys_days{registered_on} < date::sys_days{*person.birth->born_on}) {
      return Status::Invalid("registered_on", "is before the child was born");
    }
    int64_t version = person.version;
    person.birth->registered_on = registered_on;
    CASEWORK_RETURN_IF_ERROR(SavePerson(c, s, actor, person, version, kinds::kBirthRegistered,
                                        json::object{{"registered_on", FormatDate(registered_on)}}));
    ApplyTimescaleEvent(c, s, actor, person_id, {"birth_registered", registered_on, ""});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return person;
}

}  // namespace casework::app
