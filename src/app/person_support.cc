#include "app/person_support.h"

#include <cctype>

#include "app/journal_writer.h"
#include "core/nhs_number.h"
#include "core/person_rules.h"
#include "store/case_record_repo.h"
#include "store/person_repo.h"

namespace casework::app {

std::string MissingText(const Person& person, const CaseRecord* record, const Settings& settings) {
  std::string out;
  for (const MissingDetail& m : MissingDetails(person, record, settings)) {
    if (!out.empty()) out += ',';
    out += m.field;
  }
  return out;
}

void RefreshMissing(store::Connection& c, const Services& s, const Person& person) {
  auto record = store::CaseRecordRepo(c).Get(person.id);
  store::PersonRepo(c).SetMissing(person.id, MissingText(person, record ? &*record : nullptr, s.settings));
}

Status SavePerson(store::Connection& c, const Services& s, const Actor& actor, Person& person,
                  int64_t expected_version, const char* kind, boost::json::object body) {
  auto record = store::CaseRecordRepo(c).Get(person.id);
  person.version = expected_version + 1;
  person.updated_at = s.clock.Now();
  std::string missing = MissingText(person, record ? &*record : nullptr, s.settings);
  if (!store::PersonRepo(c).Update(person, expected_version, missing)) {
    return Status::Conflict(
        "this record was changed by someone else since you opened it; reload it to see their change, then try "
        "again",
        "version");
  }
  body["version"] = person.version;
  AppendItem(c, s, actor, {person.id, kind, std::nullopt, "", std::move(body)});
  return Status::Ok();
}

Status NhsNumberFree(store::Connection& c, const std::string& nhs_number, const std::string& field,
                     const std::string& except_id) {
  if (nhs_number.empty()) return Status::Ok();
  auto existing = store::PersonRepo(c).FindByNhsNumber(nhs_number);
  if (!existing || *existing == except_id) return Status::Ok();
  return Status::Conflict("a person with NHS number " + FormatNhsNumber(nhs_number) + " is already recorded (record " +
                              *existing + "); open that record instead of creating another",
                          field);
}

Status CheckCouncilReference(const std::string& reference) {
  if (reference.size() > 30) return Status::Invalid("council_reference", "is longer than 30 characters");
  for (char c : reference) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '/') {
      return Status::Invalid("council_reference", "may hold only letters, digits, '-' and '/'");
    }
  }
  return Status::Ok();
}

Date Today(const Services& s) { return LondonDate(s.clock.Now()); }

}  // namespace casework::app
