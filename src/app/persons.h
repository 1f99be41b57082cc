// Use cases for persons and children's case records (REC-01..06, EQU-01, EQU-03, PRA-08).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/audit.h"
#include "app/record_cache.h"
#include "app/services.h"
#include "core/case_record.h"
#include "core/duplicates.h"
#include "core/person.h"
#include "core/person_rules.h"
#include "core/relationship.h"
#include "core/reminders.h"
#include "store/person_repo.h"

namespace casework::app {

struct NewPerson {
  PersonDetails details;
  std::optional<Address> address;
  // Ids of likely duplicates the user has looked at and judged to be someone else.
  std::vector<std::string> not_duplicates;
  // For a child: opens a case record, with this reference or the next in the series.
  bool open_case_record = false;
  std::string council_reference;
};

struct NewUnborn {
  std::string mother_person_id;  // when the mother is known to the service
  std::string mother_family_name;
  std::string mother_nhs_number;
  Date expected_date_of_delivery{};
  std::string council_reference;
  std::optional<Address> address;
};

// Either the person was created, or likely duplicates were found that the user has not yet
// ruled out, and nothing was saved.
struct CreateOutcome {
  std::optional<Person> created;
  std::vector<DuplicateMatch> duplicates;
};

Result<CreateOutcome> CreatePerson(const Services& s, const Actor& actor, NewPerson input);
Result<Person> CreateUnborn(const Services& s, const Actor& actor, NewUnborn input);
Result<std::vector<DuplicateMatch>> CheckDuplicates(const Services& s, const Actor& actor, const DuplicateProbe& probe);

struct PersonRecord {
  // What is stored with the person, shared with the kept summaries (record_cache.h) rather
  // than copied for each request.
  std::shared_ptr<const RecordParts> stored = std::make_shared<const RecordParts>();
  // SEC-05: false for a partner, who is shown the child and not the child's family.
  bool family_shown = true;
  std::optional<CaseRecord> case_record;
  // Who the record is allocated to, as they are now: their id, name, post title and role.
  std::optional<User> allocated_worker;
  std::string allocated_team_name;
  std::vector<MissingDetail> missing;
  std::vector<Reminder> reminders;
  std::vector<RecordAlert> alerts;

  const Person& person() const { return stored->person; }
  const std::vector<Address>& addresses() const { return stored->addresses; }  // current first
  const std::vector<OtherName>& other_names() const { return stored->other_names; }
  // The family, or none when it is not shown.
  const std::vector<RelationshipView>& relationships() const;
};

Result<PersonRecord> GetPersonRecord(const Services& s, const Actor& actor, const std::string& person_id);
// A record summary read, and the read's access-log line still to be written: the summary may
// go out only once log_line says the line is durable (GOV-06).
struct PersonRecordRead {
  PersonRecord record;
  PendingAuditLine log_line;
};
// As GetPersonRecord, leaving the line to the caller, so that a server can prepare its answer
// while no thread waits for the commit. A refusal is logged before returning.
Result<PersonRecordRead> ReadPersonRecord(const Services& s, const Actor& actor, const std::string& person_id);
Result<std::vector<PersonSummary>> SearchPersons(const Services& s, const Actor& actor, store::PersonQuery query);

struct IncompleteRecord {
  PersonSummary person;
  std::vector<MissingDetail> missing;
};
Result<std::vector<IncompleteRecord>> ListIncomplete(const Services& s, const Actor& actor, int limit,
                                                      const std::string& after_id);

// A change to some details. Fields left empty are unchanged; version is the one the user
// saw, so an edit made on stale information is refused rather than overwriting another's.
struct DetailsPatch {
  int64_t version = 0;
  std::optional<std::string> given_names, family_name, gender, ethnicity, religion, first_language,
      communication_needs, disability, nhs_number;
  std::optional<std::optional<Date>> date_of_birth;
  std::optional<std::optional<bool>> interpreter_needed;
  std::optional<std::vector<Identifier>> other_identifiers;
  std::optional<std::map<std::string, std::string>> not_known;
};
Result<Person> UpdateDetails(const Services& s, const Actor& actor, const std::string& person_id,
                             const DetailsPatch& patch);

Status AddAddress(const Services& s, const Actor& actor, const std::string& person_id, Address address);
Result<OtherName> AddOtherName(const Services& s, const Actor& actor, const std::string& person_id, OtherName name);

struct BirthCertificateSeen {
  std::string given_names;
  std::string family_name;
  Date seen_on{};
  std::string note;
};
Result<Person> RecordBirthCertificate(const Services& s, const Actor& actor, const std::string& person_id,
                                      const BirthCertificateSeen& seen);

struct Birth {
  std::string given_names;
  std::string family_name;
  Date born_on{};
  std::string nhs_number;
  std::string gender;
};
Result<Person> RecordBirth(const Services& s, const Actor& actor, const std::string& person_id, Birth birth);
Result<Person> RecordBirthRegistered(const Services& s, const Actor& actor, const std::string& person_id,
                                     Date registered_on);

Result<Relationship> AddRelationship(const Services& s, const Actor& actor, Relationship relationship);

}  // namespace casework::app
