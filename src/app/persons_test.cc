#include "app/persons.h"

#include <gtest/gtest.h>

#include "app/entries.h"
#include "app/record_access_management.h"
#include "support/search_rows.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;
using namespace std::chrono_literals;

Date D(const char* s) { return *ParseDate(s, "d"); }

NewPerson Child(const char* given, const char* family, const char* dob, const char* nhs = "") {
  NewPerson p;
  p.details.given_names = given;
  p.details.family_name = family;
  p.details.date_of_birth = D(dob);
  p.details.nhs_number = nhs;
  p.open_case_record = true;
  return p;
}

NewPerson Adult(const char* given, const char* family, const char* dob) {
  NewPerson p = Child(given, family, dob);
  p.open_case_record = false;
  return p;
}

class PersonsTest : public ::testing::Test {
 protected:
  Person Create(NewPerson p) {
    Result<CreateOutcome> out = CreatePerson(t.services(), sam, std::move(p));
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_TRUE(out->created.has_value()) << "unexpected duplicate warning";
    return *out->created;
  }

  TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
};

// REC-01, EQU-03: a child has their own case record; family members are persons with their
// own records, linked with who holds parental responsibility and carers who do not.
TEST_F(PersonsTest, REC01_EQU03_ChildRecordLinkedToFamily) {
  Person child = Create(Child("Amelia", "Clarke", "2018-04-02"));
  Person mother = Create(Adult("Dawn", "Clarke", "1990-01-01"));
  Person carer = Create(Adult("Pauline", "Clarke", "1962-05-05"));
  ASSERT_TRUE(AddRelationship(t.services(), sam, {"", child.id, mother.id, RelationshipType::kParent, true, true, "mother", {}}).ok());
  ASSERT_TRUE(AddRelationship(t.services(), sam, {"", child.id, carer.id, RelationshipType::kCarer, false, false, "grandmother, cares after school", {}}).ok());

  Result<PersonRecord> record = GetPersonRecord(t.services(), sam, child.id);
  ASSERT_TRUE(record.ok());
  ASSERT_TRUE(record->case_record);
  EXPECT_EQ(record->case_record->council_reference, "CW000001");
  ASSERT_EQ(record->relationships().size(), 2u);
  EXPECT_TRUE(record->relationships()[0].relationship.parental_responsibility);
  EXPECT_EQ(record->relationships()[0].other.display_name, "Dawn Clarke");
  EXPECT_FALSE(record->relationships()[1].relationship.parental_responsibility);
  EXPECT_EQ(record->relationships()[1].relationship.type, RelationshipType::kCarer);
  EXPECT_EQ(record->relationships()[1].other.display_name, "Pauline Clarke");

  Result<PersonRecord> mothers = GetPersonRecord(t.services(), sam, mother.id);
  ASSERT_TRUE(mothers.ok());
  EXPECT_FALSE(mothers->case_record);
  ASSERT_EQ(mothers->relationships().size(), 1u);
  EXPECT_EQ(mothers->relationships()[0].other.id, child.id);
}

TEST_F(PersonsTest, EQU03_RefusesRelationshipsToNobodyOrSelfOrTwice) {
  Person child = Create(Child("Amelia", "Clarke", "2018-04-02"));
  Person mother = Create(Adult("Dawn", "Clarke", "1990-01-01"));
  Relationship r{"", child.id, child.id, RelationshipType::kParent, true, true, "", {}};
  EXPECT_EQ(AddRelationship(t.services(), sam, r).status().field(), "related_person_id");
  r.related_person_id = "01J00000000000000000000000";
  EXPECT_EQ(AddRelationship(t.services(), sam, r).status().field(), "related_person_id");
  r.related_person_id = mother.id;
  ASSERT_TRUE(AddRelationship(t.services(), sam, r).ok());
  EXPECT_EQ(AddRelationship(t.services(), sam, r).status().code(), StatusCode::kConflict);
  Relationship backwards{"", mother.id, child.id, RelationshipType::kParent, true, true, "", {}};
  EXPECT_EQ(AddRelationship(t.services(), sam, backwards).status().code(), StatusCode::kConflict);
}

// REC-02: incomplete until supplied or marked not known with a reason, with what is missing.
TEST_F(PersonsTest, REC02_IncompleteRecordsListWhatIsMissing) {
  Person child = Create(Child("Amelia", "Clarke", "2018-04-02"));
  Result<std::vector<IncompleteRecord>> list = ListIncomplete(t.services(), sam, 50, "");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  std::vector<std::string> fields;
  for (const auto& m : (*list)[0].missing) fields.push_back(m.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"address", "gender", "ethnicity", "religion", "first_language",
                                              "disability", "nhs_number"}));

  ASSERT_TRUE(AddAddress(t.services(), sam, child.id, {"", "12 Mill Lane", "", "Preston", "PR1 2AB", D("2020-01-01"), {}}).ok());
  DetailsPatch patch;
  patch.version = GetPersonRecord(t.services(), sam, child.id)->person().version;
  patch.gender = "Female";
  patch.ethnicity = "White - British";
  patch.first_language = "English";
  patch.disability = "None known";
  patch.nhs_number = "9434765919";
  patch.not_known = std::map<std::string, std::string>{{"religion", "Mother preferred not to say"}};
  ASSERT_TRUE(UpdateDetails(t.services(), sam, child.id, patch).ok());
  EXPECT_TRUE(ListIncomplete(t.services(), sam, 50, "")->empty());
  EXPECT_TRUE(GetPersonRecord(t.services(), sam, child.id)->missing.empty());
}

// REC-03: one person per NHS number.
TEST_F(PersonsTest, REC03_SecondPersonWithSameNhsNumberRefused) {
  Create(Child("Amelia", "Clarke", "2018-04-02", "9434765919"));
  Result<CreateOutcome> again = CreatePerson(t.services(), sam, Child("Millie", "Clark", "2019-01-01", "943 476 5919"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_EQ(again.status().field(), "nhs_number");
  EXPECT_NE(again.status().message().find("943 476 5919"), std::string::npos);
  Result<CreateOutcome> invalid = CreatePerson(t.services(), sam, Child("Millie", "Clark", "2019-01-01", "9434765918"));
  EXPECT_EQ(invalid.status().field(), "nhs_number");
}

// REC-04: unborn as "Unborn <mother's surname>" with her NHS number and the expected date;
// the birth replaces them keeping the history; a reminder until the birth is registered.
TEST_F(PersonsTest, REC04_UnbornThenBirthThenRegistration) {
  NewPerson m = Adult("Dawn", "Clarke", "1990-01-01");
  m.details.nhs_number = "4010232137";
  Person mother = Create(m);
  Result<Person> unborn = CreateUnborn(t.services(), sam, {mother.id, "", "", D("2027-01-10"), "", std::nullopt});
  ASSERT_TRUE(unborn.ok()) << unborn.status().ToString();
  EXPECT_EQ(unborn->DisplayName(), "Unborn Clarke");
  EXPECT_EQ(unborn->details.date_of_birth, D("2027-01-10"));
  EXPECT_EQ(unborn->birth->mother_nhs_number, "4010232137");

  t.clock().Set(*ParseTimestamp("2027-01-12T09:00:00Z", "t"));
  ASSERT_TRUE(RecordBirth(t.services(), sam, unborn->id, {"Ruby", "Clarke", D("2027-01-08"), "9434765919", "Female"}).ok());
  Result<PersonRecord> record = GetPersonRecord(t.services(), sam, unborn->id);
  EXPECT_EQ(record->person().DisplayName(), "Ruby Clarke");
  EXPECT_EQ(record->person().details.nhs_number, "9434765919");
  ASSERT_EQ(record->other_names().size(), 1u);
  EXPECT_EQ(record->other_names()[0].given_names, "Unborn");
  ASSERT_EQ(record->reminders.size(), 1u);
  EXPECT_EQ(record->reminders[0].due, D("2027-02-19"));  // 42 days after 8 January
  EXPECT_FALSE(record->reminders[0].overdue);
  EXPECT_EQ(record->relationships().size(), 1u);

  t.clock().Set(*ParseTimestamp("2027-02-20T09:00:00Z", "t"));
  EXPECT_TRUE(GetPersonRecord(t.services(), sam, unborn->id)->reminders[0].overdue);
  ASSERT_TRUE(RecordBirthRegistered(t.services(), sam, unborn->id, D("2027-02-18")).ok());
  EXPECT_TRUE(GetPersonRecord(t.services(), sam, unborn->id)->reminders.empty());
  // Found by the name it had before birth.
  store::PersonQuery q;
  q.name = "unborn clarke";
  EXPECT_EQ(SearchPersons(t.services(), sam, q)->size(), 1u);
}

// REC-05: aliases and previous names are found by search; the birth certificate's name is
// used thereafter.
TEST_F(PersonsTest, REC05_AliasesSearchableAndBirthCertificateNameUsed) {
  Person child = Create(Child("Kayleigh", "Jones", "2012-02-02"));
  ASSERT_TRUE(AddOtherName(t.services(), sam, child.id, {"", NameKind::kAlias, "Kay", "Price", "uses stepfather's name", {}}).ok());
  store::PersonQuery q;
  q.name = "kay pri";
  Result<std::vector<PersonSummary>> found = SearchPersons(t.services(), sam, q);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].matched_name, "Kay Price");

  ASSERT_TRUE(RecordBirthCertificate(t.services(), sam, child.id, {"Kayleigh Ann", "Price-Jones", D("2026-11-20"), ""}).ok());
  Result<PersonRecord> record = GetPersonRecord(t.services(), sam, child.id);
  EXPECT_EQ(record->person().DisplayName(), "Kayleigh Ann Price-Jones");
  ASSERT_TRUE(record->person().birth_certificate);
  q.name = "kayleigh jones";
  EXPECT_EQ(SearchPersons(t.services(), sam, q)->size(), 1u);  // the old name still finds her
}

// REC-06: creating a person warns of likely duplicates and saves nothing until they are
// ruled out.
TEST_F(PersonsTest, REC06_WarnsOfLikelyDuplicates) {
  NewPerson first = Child("Jonathan", "Smith", "2015-06-01");
  first.address = Address{"", "4 Brook St", "", "Preston", "PR1 2AB", {}, {}};
  Person existing = Create(first);
  Result<CreateOutcome> similar = CreatePerson(t.services(), sam, Child("Jon", "Smith", "2015-06-01"));
  ASSERT_TRUE(similar.ok());
  EXPECT_FALSE(similar->created);
  ASSERT_EQ(similar->duplicates.size(), 1u);
  EXPECT_EQ(similar->duplicates[0].person_id, existing.id);

  NewPerson same_address = Child("Jonathan", "Smith", "2016-07-07");
  same_address.address = Address{"", "4 Brook Street", "", "Preston", "pr1 2ab", {}, {}};
  EXPECT_FALSE(CreatePerson(t.services(), sam, same_address)->created);

  NewPerson confirmed = Child("Jon", "Smith", "2015-06-01");
  confirmed.not_duplicates = {existing.id};
  EXPECT_TRUE(CreatePerson(t.services(), sam, confirmed)->created);
}

TEST_F(PersonsTest, StaleEditIsRefusedNotLost) {
  Person child = Create(Child("Amelia", "Clarke", "2018-04-02"));
  DetailsPatch first;
  first.version = child.version;
  first.religion = "Christian";
  ASSERT_TRUE(UpdateDetails(t.services(), sam, child.id, first).ok());
  DetailsPatch stale;
  stale.version = child.version;
  stale.religion = "Muslim";
  Result<Person> refused = UpdateDetails(t.services(), sam, child.id, stale);
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_EQ(GetPersonRecord(t.services(), sam, child.id)->person().details.religion, "Christian");
}

TEST_F(PersonsTest, NameChangeKeepsThePreviousNameFindable) {
  Person child = Create(Child("Amelia", "Clarke", "2018-04-02"));
  DetailsPatch p;
  p.version = child.version;
  p.family_name = "Hughes";
  ASSERT_TRUE(UpdateDetails(t.services(), sam, child.id, p).ok());
  store::PersonQuery q;
  q.name = "amelia clarke";
  Result<std::vector<PersonSummary>> found = SearchPersons(t.services(), sam, q);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].display_name, "Amelia Hughes");
}

TEST_F(PersonsTest, SearchByDateOfBirthNhsAndReference) {
  Create(Child("Amelia", "Clarke", "2018-04-02", "9434765919"));
  Create(Child("Ben", "Ali", "2019-09-09"));
  store::PersonQuery q;
  q.date_of_birth = D("2019-09-09");
  EXPECT_EQ((*SearchPersons(t.services(), sam, q))[0].display_name, "Ben Ali");
  q = {};
  q.nhs_number = "943 476 5919";
  EXPECT_EQ((*SearchPersons(t.services(), sam, q))[0].display_name, "Amelia Clarke");
  q = {};
  q.council_reference = "CW000002";
  EXPECT_EQ((*SearchPersons(t.services(), sam, q))[0].display_name, "Ben Ali");
  EXPECT_EQ(SearchPersons(t.services(), sam, {}).status().code(), StatusCode::kInvalidArgument);
}

// REC-05: name search reads person_name_words alone, whose rows carry what a result shows and
// what a search filters by; every write that changes any of it keeps the rows in step, in the
// same transaction. The rows are checked against the persons, names, addresses and records
// after each kind of write, and search then shows the new details.
TEST_F(PersonsTest, REC05_SearchRowsFollowEveryWriteTheyShow) {
  auto in_step = [&](const char* after) {
    testing::SearchRows rows = testing::ReadSearchRows(t.db());
    EXPECT_FALSE(rows.expected.empty()) << after;
    EXPECT_EQ(rows.actual, rows.expected) << "after " << after;
  };
  auto first = [&](const char* name) {
    store::PersonQuery q;
    q.name = name;
    Result<std::vector<PersonSummary>> found = SearchPersons(t.services(), sam, q);
    EXPECT_TRUE(found.ok() && found->size() == 1) << name;
    return found.ok() && !found->empty() ? (*found)[0] : PersonSummary{};
  };
  NewPerson child = Child("Amelia Rose", "Clarke", "2018-04-02");
  child.address = Address{"", "4 Brook St", "", "Preston", "PR1 2AB", {}, {}};
  Person amelia = Create(child);
  Person father = Create(Adult("Tom", "Clarke", "1985-01-01"));
  in_step("creating a child with a record and an adult without");
  EXPECT_EQ(first("amelia").postcode, "PR1 2AB");
  EXPECT_FALSE(first("amelia").council_reference.empty());
  EXPECT_TRUE(first("tom").council_reference.empty());

  ASSERT_TRUE(AddOtherName(t.services(), sam, amelia.id, {"", NameKind::kAlias, "Millie", "Clarke Smith", "", {}}).ok());
  in_step("adding an alias");
  EXPECT_EQ(first("millie smi").matched_name, "Millie Clarke Smith");

  DetailsPatch patch;
  patch.version = amelia.version;
  patch.family_name = "Hughes";
  patch.date_of_birth = D("2018-04-03");
  patch.nhs_number = "943 476 5919";
  Result<Person> renamed = UpdateDetails(t.services(), sam, amelia.id, patch);
  ASSERT_TRUE(renamed.ok()) << renamed.status().ToString();
  in_step("changing the name, date of birth and NHS number");
  PersonSummary now = first("rose hughes");
  EXPECT_EQ(now.display_name, "Amelia Rose Hughes");
  EXPECT_EQ(now.nhs_number, "9434765919");
  EXPECT_EQ(FormatDate(*now.date_of_birth), "2018-04-03");
  EXPECT_EQ(first("amelia clarke").matched_name, "Amelia Rose Clarke");

  ASSERT_TRUE(AddAddress(t.services(), sam, amelia.id, {"", "9 Mill Lane", "", "Preston", "PR2 9ZZ", {}, {}}).ok());
  ASSERT_TRUE(AddAddress(t.services(), sam, father.id, {"", "1 Old Rd", "", "Leyland", "PR25 1AA", {}, {}}).ok());
  in_step("moving house");
  EXPECT_EQ(first("amelia").postcode, "PR2 9ZZ");
  EXPECT_EQ(first("tom").postcode, "PR25 1AA");

  Actor maureen = t.AddActor("maureen", Role::kTeamManager);
  ASSERT_TRUE(SetRestriction(t.services(), maureen, amelia.id, {true, {}, "adoption"}).ok());
  in_step("restricting the record");
  store::PersonQuery q;
  q.name = "clarke";
  EXPECT_EQ(SearchPersons(t.services(), sam, q)->size(), 1u);  // Tom alone: Amelia is withheld
  EXPECT_EQ(SearchPersons(t.services(), maureen, q)->size(), 2u);
  ASSERT_TRUE(SetRestriction(t.services(), maureen, amelia.id, {false, {}, "adoption plan ended"}).ok());
  in_step("lifting the restriction");
  EXPECT_EQ(SearchPersons(t.services(), sam, q)->size(), 2u);
}

}  // namespace
}  // namespace casework::app
