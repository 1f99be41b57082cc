#include <algorithm>
#include <cstdio>

#include "app/access.h"
#include "app/audit.h"
#include "app/domain_json.h"
#include "app/journal_writer.h"
#include "app/person_support.h"
#include "app/persons.h"
#include "core/journal_kinds.h"
#include "core/nhs_number.h"
#include "core/person_rules.h"
#include "core/text.h"
#include "store/case_record_repo.h"
#include "store/person_repo.h"
#include "store/relationship_repo.h"

namespace casework::app {
namespace json = boost::json;
namespace {

// Takes the reference the user gave, or the next free one in the partnership's series.
Result<std::string> ChooseReference(store::CaseRecordRepo& records, const Services& s, const std::string& given) {
  if (!given.empty()) {
    if (records.ReferenceTaken(given)) {
      return Status::Conflict("council reference " + given + " already belongs to another child's record",
                              "council_reference");
    }
    return given;
  }
  while (true) {
    char number[16];
    std::snprintf(number, sizeof number, "%06lld", static_cast<long long>(records.NextReferenceNumber()));
    std::string candidate = s.settings.council_reference_prefix + number;
    if (!records.ReferenceTaken(candidate)) return candidate;
  }
}

Status OpenCaseRecord(store::Connection& c, const Services& s, const Actor& actor, const std::string& person_id,
                      const std::string& given_reference, CaseRecord& record) {
  store::CaseRecordRepo records(c);
  Result<std::string> reference = ChooseReference(records, s, given_reference);
  if (!reference.ok()) return reference.status();
  record.person_id = person_id;
  record.council_reference = *reference;
  record.opened_at = s.clock.Now();
  record.version = 1;
  // Whoever opens a child's record holds it until a manager allocates it.
  record.allocated_worker_id = actor.user.id;
  record.allocated_team_id = actor.user.team_id;
  records.Insert(record);
  return Status::Ok();
}

Status InsertNewPerson(store::Connection& c, const Services& s, const Actor& actor, Person& person,
                       const std::optional<Address>& address, bool open_record, const std::string& reference,
                       json::object body) {
  store::PersonRepo persons(c);
  Timestamp now = s.clock.Now();
  person.id = s.ids.Next();
  person.version = 1;
  person.created_at = person.updated_at = now;
  CaseRecord record;
  if (address) person.current_address = address;
  // The person row must exist before the case record that refers to it, and the missing
  // list needs the record, so it is stored after both.
  persons.Insert(person, s.ids.Next(), "");
  if (open_record) CASEWORK_RETURN_IF_ERROR(OpenCaseRecord(c, s, actor, person.id, reference, record));
  if (address) {
    person.current_address->id = s.ids.Next();
    persons.AddAddress(person.id, *person.current_address, now);
  }
  persons.SetMissing(person.id, MissingText(person, open_record ? &record : nullptr, s.settings));
  body["details"] = DetailsJson(person.details);
  body["address"] = address ? json::value(AddressJson(*address)) : json::value(nullptr);
  if (open_record) body["council_reference"] = record.council_reference;
  AppendItem(c, s, actor, {person.id, open_record ? kinds::kCaseRecordOpened : kinds::kPersonCreated, std::nullopt,
                           "", std::move(body)});
  Audit(c, s, actor, {"record.write", person.id, true, RoleName(actor.user.role), "created the record"});
  return Status::Ok();
}

}  // namespace

Result<std::vector<DuplicateMatch>> CheckDuplicates(const Services& s, const Actor& actor, const DuplicateProbe& p) {
  CASEWORK_RETURN_IF_ERROR(RequireCaseworkRole(s, actor, "check for duplicate persons"));
  DuplicateProbe probe = p;
  if (!probe.nhs_number.empty()) {
    auto normal = NormaliseNhsNumber(probe.nhs_number);
    if (!normal) return Status::Invalid("nhs_number", "is not a valid NHS number");
    probe.nhs_number = *normal;
  }
  std::vector<DuplicateMatch> matches;
  Status st = s.db.Read([&](store::Connection& c) {
    auto candidates = store::PersonRepo(c).DuplicateCandidates(probe.date_of_birth, probe.nhs_number,
                                                               FoldPostcode(probe.postcode));
    matches = FindLikelyDuplicates(probe, candidates);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return matches;
}

Result<CreateOutcome> CreatePerson(const Services& s, const Actor& actor, NewPerson in) {
  CASEWORK_RETURN_IF_ERROR(CheckPersonDetails(in.details, s.settings, Today(s)));
  if (in.address) CASEWORK_RETURN_IF_ERROR(CheckAddress(*in.address));
  CASEWORK_RETURN_IF_ERROR(CheckCouncilReference(in.council_reference));
  if (!in.open_case_record && !in.council_reference.empty()) {
    return Status::Invalid("council_reference", "belongs only to a child's case record");
  }
  CASEWORK_RETURN_IF_ERROR(RequireRecordKeeperRole(s, actor, "create a record"));

  CreateOutcome outcome;
  Status st = s.db.Write([&](store::Connection& c) {
    outcome = {};
    store::PersonRepo persons(c);
    CASEWORK_RETURN_IF_ERROR(NhsNumberFree(c, in.details.nhs_number, "nhs_number"));
    DuplicateProbe probe{in.details.given_names, in.details.family_name, in.details.date_of_birth,
                         in.details.nhs_number, in.address ? in.address->postcode : ""};
    auto candidates = persons.DuplicateCandidates(probe.date_of_birth, "", FoldPostcode(probe.postcode));
    for (DuplicateMatch& m : FindLikelyDuplicates(probe, candidates)) {
      if (std::find(in.not_duplicates.begin(), in.not_duplicates.end(), m.person_id) == in.not_duplicates.end()) {
        outcome.duplicates.push_back(std::move(m));
      }
    }
    if (!outcome.duplicates.empty()) return Status::Ok();
    Person person;
    person.details = in.details;
    json::object body;
    if (!in.not_duplicates.empty()) {
      json::array ruled_out;
      for (const auto& id : in.not_duplicates) ruled_out.push_back(json::string(id));
      body["ruled_out_as_duplicates"] = std::move(ruled_out);
    }
    CASEWORK_RETURN_IF_ERROR(InsertNewPerson(c, s, actor, person, in.address, in.open_case_record,
                                             in.council_reference, std::move(body)));
    outcome.created = std::move(person);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return outcome;
}

Result<Person> CreateUnborn(const Services& s, const Actor& actor, NewUnborn in) {
  Date today = Today(s);
  auto edd = date::sys_days{in.expected_date_of_delivery};
  if (edd < date::sys_days{today} - date::days{31} || edd > date::sys_days{today} + date::days{300}) {
    return Status::Invalid("expected_date_of_delivery",
                           "must be within a pregnancy from today: no more than 300 days ahead or a month past");
  }
  if (!in.mother_nhs_number.empty()) {
    auto normal = NormaliseNhsNumber(in.mother_nhs_number);
    if (!normal) return Status::Invalid("mother_nhs_number", "is not a valid NHS number");
    in.mother_nhs_number = *normal;
  }
  if (in.address) CASEWORK_RETURN_IF_ERROR(CheckAddress(*in.address));
  CASEWORK_RETURN_IF_ERROR(CheckCouncilReference(in.council_reference));
  CASEWORK_RETURN_IF_ERROR(RequireRecordKeeperRole(s, actor, "create a record"));

  Person person;
  Status st = s.db.Write([&](store::Connection& c) {
    store::PersonRepo persons(c);
    if (!in.mother_person_id.empty()) {
      auto mother = persons.Get(in.mother_person_id);
      if (!mother) return Status::Invalid("mother_person_id", "names no person known to the service");
      if (in.mother_family_name.empty()) in.mother_family_name = mother->details.family_name;
      if (in.mother_nhs_number.empty()) in.mother_nhs_number = mother->details.nhs_number;
    }
    if (IsBlank(in.mother_family_name)) {
      return Status::Invalid("mother_family_name", "is required: an unborn child is recorded as Unborn <mother's surname>");
    }
    person = {};
    // REC-04: "Unborn <mother's surname>", with the expected date of delivery as date of birth.
    person.details.given_names = "Unborn";
    person.details.family_name = Trim(in.mother_family_name);
    person.details.date_of_birth = in.expected_date_of_delivery;
    BirthDetails birth;
    birth.unborn = true;
    birth.mother_person_id = in.mother_person_id;
    birth.mother_family_name = person.details.family_name;
    birth.mother_nhs_number = in.mother_nhs_number;
    birth.expected_date_of_delivery = in.expected_date_of_delivery;
    person.birth = birth;
    json::object body{{"unborn", json::object{{"mother_person_id", in.mother_person_id},
                                              {"mother_family_name", birth.mother_family_name},
                                              {"mother_nhs_number", in.mother_nhs_number},
                                              {"expected_date_of_delivery", FormatDate(in.expected_date_of_delivery)}}}};
    CASEWORK_RETURN_IF_ERROR(
        InsertNewPerson(c, s, actor, person, in.address, true, in.council_reference, std::move(body)));
    if (!in.mother_person_id.empty()) {
      Relationship mother{s.ids.Next(), person.id, in.mother_person_id, RelationshipType::kParent, true, true,
                          "mother", std::nullopt};
      store::RelationshipRepo(c).Insert(mother, s.clock.Now());
      AppendItem(c, s, actor, {person.id, kinds::kRelationshipAdded, std::nullopt, "",
                               json::object{{"relationship", RelationshipJson(mother)}}});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return person;
}

}  // namespace casework::app
